(module
  (func (param i64 i64) (result i64)
    local.get 0
    local.get 1
    i64.rem_u))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x62
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: mov %rcx,-0x18(%rbp)
;;   2e: cmpq $-0x522,0x10(%r14)
;;   36: je 0x90
;;   3c: mov -0x10(%rbp),%rax
;;   40: mov -0x18(%rbp),%rcx
;;   44: test %rcx,%rcx
;;   47: je 0x67
;;   4d: xor %edx,%edx
;;   4f: div %rcx
;;   52: mov %rdx,%rax
;;   55: mov %rax,-0x20(%rbp)
;;   59: mov -0x20(%rbp),%rax
;;   5d: mov %rbp,%rsp
;;   60: pop %rbp
;;   61: retq
;;   62: callq 0x7e
;;   67: callq 0x6c
;;   6c: mov (%r15),%r11
;;   6f: movq $0x7,0x38(%r11)
;;   77: mov %r15,%rdi
;;   7a: pop %rax
;;   7b: jmpq *0x38(%rdi)
;;   7e: mov (%r15),%r11
;;   81: movq $0xa,0x38(%r11)
;;   89: mov %r15,%rdi
;;   8c: pop %rax
;;   8d: jmpq *0x38(%rdi)
;;   90: mov %r15,%rdi
;;   93: lea 0x3(%rip),%rax
;;   9a: jmpq *0x48(%rdi)
;;   9d: mov %rdi,%r15
;;   a0: jmp 0x3c
