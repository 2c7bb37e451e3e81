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
;;   15: jb 0x6c
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0xb1
;;   3a: mov -0x10(%rbp),%eax
;;   3d: mov -0x18(%rbp),%ecx
;;   40: test %ecx,%ecx
;;   42: je 0x71
;;   48: cmp $-0x1,%ecx
;;   4b: jne 0x5e
;;   51: neg %eax
;;   53: jo 0x76
;;   59: jmpq 0x61
;;   5e: cltd
;;   5f: idiv %ecx
;;   61: mov %eax,-0x20(%rbp)
;;   64: mov -0x20(%rbp),%eax
;;   67: mov %rbp,%rsp
;;   6a: pop %rbp
;;   6b: retq
;;   6c: callq 0x9f
;;   71: callq 0x7b
;;   76: callq 0x8d
;;   7b: mov (%r15),%r11
;;   7e: movq $0x7,0x38(%r11)
;;   86: mov %r15,%rdi
;;   89: pop %rax
;;   8a: jmpq *0x38(%rdi)
;;   8d: mov (%r15),%r11
;;   90: movq $0x8,0x38(%r11)
;;   98: mov %r15,%rdi
;;   9b: pop %rax
;;   9c: jmpq *0x38(%rdi)
;;   9f: mov (%r15),%r11
;;   a2: movq $0xa,0x38(%r11)
;;   aa: mov %r15,%rdi
;;   ad: pop %rax
;;   ae: jmpq *0x38(%rdi)
;;   b1: mov %r15,%rdi
;;   b4: lea 0x3(%rip),%rax
;;   bb: jmpq *0x48(%rdi)
;;   be: mov %rdi,%r15
;;   c1: jmpq 0x3a
