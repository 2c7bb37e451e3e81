;; Signed division: divide-by-zero trap, the -1 path (overflow trap for
;; INT_MIN / -1 without executing idiv), then cdq; idiv.
(module
  (func (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x6e
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0xb3
;;   3a: mov -0x10(%rbp),%eax
;;   3d: mov -0x18(%rbp),%ecx
;;   40: test %ecx,%ecx
;;   42: je 0x73
;;   48: cmp $-0x1,%ecx
;;   4b: jne 0x5e
;;   51: neg %eax
;;   53: jo 0x78
;;   59: jmpq 0x61
;;   5e: cltd
;;   5f: idiv %ecx
;;   61: mov %rbp,%rsp
;;   64: pop %rbp
;;   65: retq
;;   66: mov -0x20(%rbp),%eax
;;   69: mov %rbp,%rsp
;;   6c: pop %rbp
;;   6d: retq
;;   6e: callq 0xa1
;;   73: callq 0x7d
;;   78: callq 0x8f
;;   7d: mov (%r15),%r11
;;   80: movq $0x7,0x38(%r11)
;;   88: mov %r15,%rdi
;;   8b: pop %rax
;;   8c: jmpq *0x38(%rdi)
;;   8f: mov (%r15),%r11
;;   92: movq $0x8,0x38(%r11)
;;   9a: mov %r15,%rdi
;;   9d: pop %rax
;;   9e: jmpq *0x38(%rdi)
;;   a1: mov (%r15),%r11
;;   a4: movq $0xa,0x38(%r11)
;;   ac: mov %r15,%rdi
;;   af: pop %rax
;;   b0: jmpq *0x38(%rdi)
;;   b3: mov %r15,%rdi
;;   b6: lea 0x3(%rip),%rax
;;   bd: jmpq *0x48(%rdi)
;;   c0: mov %rdi,%r15
;;   c3: jmpq 0x3a
