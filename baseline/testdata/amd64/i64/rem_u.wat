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
;;   15: jb 0x63
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: mov %rcx,-0x18(%rbp)
;;   2e: cmpq $-0x522,0x10(%r14)
;;   36: je 0x91
;;   3c: mov -0x10(%rbp),%rax
;;   40: mov -0x18(%rbp),%rcx
;;   44: test %rcx,%rcx
;;   47: je 0x68
;;   4d: xor %edx,%edx
;;   4f: div %rcx
;;   52: mov %rdx,%rax
;;   55: mov %rbp,%rsp
;;   58: pop %rbp
;;   59: retq
;;   5a: mov -0x20(%rbp),%rax
;;   5e: mov %rbp,%rsp
;;   61: pop %rbp
;;   62: retq
;;   63: callq 0x7f
;;   68: callq 0x6d
;;   6d: mov (%r15),%r11
;;   70: movq $0x7,0x38(%r11)
;;   78: mov %r15,%rdi
;;   7b: pop %rax
;;   7c: jmpq *0x38(%rdi)
;;   7f: mov (%r15),%r11
;;   82: movq $0xa,0x38(%r11)
;;   8a: mov %r15,%rdi
;;   8d: pop %rax
;;   8e: jmpq *0x38(%rdi)
;;   91: mov %r15,%rdi
;;   94: lea 0x3(%rip),%rax
;;   9b: jmpq *0x48(%rdi)
;;   9e: mov %rdi,%r15
;;   a1: jmp 0x3c
