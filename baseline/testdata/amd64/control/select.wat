(module
  (func (param i32 i64 i64) (result i64)
    local.get 1
    local.get 2
    local.get 0
    select))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x40,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5d
;;   1b: sub $0x40,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %rcx,-0x18(%rbp)
;;   2d: mov %r8,-0x20(%rbp)
;;   31: cmpq $-0x522,0x10(%r14)
;;   39: je 0x74
;;   3f: mov -0x10(%rbp),%eax
;;   42: mov -0x18(%rbp),%rcx
;;   46: mov -0x20(%rbp),%rdx
;;   4a: test %eax,%eax
;;   4c: cmove %rdx,%rcx
;;   50: mov %rcx,-0x28(%rbp)
;;   54: mov -0x28(%rbp),%rax
;;   58: mov %rbp,%rsp
;;   5b: pop %rbp
;;   5c: retq
;;   5d: callq 0x62
;;   62: mov (%r15),%r11
;;   65: movq $0xa,0x38(%r11)
;;   6d: mov %r15,%rdi
;;   70: pop %rax
;;   71: jmpq *0x38(%rdi)
;;   74: mov %r15,%rdi
;;   77: lea 0x3(%rip),%rax
;;   7e: jmpq *0x48(%rdi)
;;   81: mov %rdi,%r15
;;   84: jmp 0x3f
