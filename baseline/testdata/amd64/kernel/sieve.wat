;; The inner loop of the sieve kernel of
;; runtime/internal/compiled/testdata/kernels.wat: a byte store per
;; iteration, bounds-checked.
(module
  (memory 16)
  (func (param i32 i32 i32)
    block loop
      local.get 2 local.get 0 i32.ge_u br_if 1
      local.get 2 i32.const 1 i32.store8
      local.get 2 local.get 1 i32.add local.set 2
      br 0
    end end))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x88
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov 0x10(%r15),%rbx
;;   2a: mov %edx,-0x10(%rbp)
;;   2d: mov %ecx,-0x18(%rbp)
;;   30: mov %r8d,-0x20(%rbp)
;;   34: cmpq $-0x522,0x10(%r14)
;;   3c: je 0xb6
;;   42: cmpq $-0x522,0x10(%r14)
;;   4a: je 0xcf
;;   50: mov -0x20(%rbp),%eax
;;   53: mov -0x10(%rbp),%ecx
;;   56: cmp %ecx,%eax
;;   58: jae 0x7e
;;   5e: mov -0x20(%rbp),%eax
;;   61: lea 0x1(%rax),%r11
;;   65: cmp 0x18(%r15),%r11
;;   69: ja 0x8d
;;   6f: movb $0x1,(%rbx,%rax)
;;   73: mov -0x20(%rbp),%eax
;;   76: add -0x18(%rbp),%eax
;;   79: mov %eax,-0x20(%rbp)
;;   7c: jmp 0x42
;;   7e: mov %rbp,%rsp
;;   81: pop %rbp
;;   82: retq
;;   83: mov %rbp,%rsp
;;   86: pop %rbp
;;   87: retq
;;   88: callq 0xa4
;;   8d: callq 0x92
;;   92: mov (%r15),%r11
;;   95: movq $0x2,0x38(%r11)
;;   9d: mov %r15,%rdi
;;   a0: pop %rax
;;   a1: jmpq *0x38(%rdi)
;;   a4: mov (%r15),%r11
;;   a7: movq $0xa,0x38(%r11)
;;   af: mov %r15,%rdi
;;   b2: pop %rax
;;   b3: jmpq *0x38(%rdi)
;;   b6: mov %r15,%rdi
;;   b9: lea 0x3(%rip),%rax
;;   c0: jmpq *0x48(%rdi)
;;   c3: mov %rdi,%r15
;;   c6: mov 0x10(%r15),%rbx
;;   ca: jmpq 0x42
;;   cf: mov %r15,%rdi
;;   d2: lea 0x3(%rip),%rax
;;   d9: jmpq *0x48(%rdi)
;;   dc: mov %rdi,%r15
;;   df: mov 0x10(%r15),%rbx
;;   e3: jmpq 0x50
