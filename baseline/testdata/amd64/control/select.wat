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
;;   15: jb 0x61
;;   1b: sub $0x40,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %rcx,-0x18(%rbp)
;;   2d: mov %r8,-0x20(%rbp)
;;   31: cmpq $-0x522,0x10(%r14)
;;   39: je 0x78
;;   3f: mov -0x10(%rbp),%eax
;;   42: mov -0x18(%rbp),%rcx
;;   46: mov -0x20(%rbp),%rdx
;;   4a: test %eax,%eax
;;   4c: cmove %rdx,%rcx
;;   50: mov %rcx,%rax
;;   53: mov %rbp,%rsp
;;   56: pop %rbp
;;   57: retq
;;   58: mov -0x28(%rbp),%rax
;;   5c: mov %rbp,%rsp
;;   5f: pop %rbp
;;   60: retq
;;   61: callq 0x66
;;   66: mov (%r15),%r11
;;   69: movq $0xa,0x38(%r11)
;;   71: mov %r15,%rdi
;;   74: pop %rax
;;   75: jmpq *0x38(%rdi)
;;   78: mov %r15,%rdi
;;   7b: lea 0x3(%rip),%rax
;;   82: jmpq *0x48(%rdi)
;;   85: mov %rdi,%r15
;;   88: jmp 0x3f
