(module
  (table 4 externref)
  (func (param i32 externref)
    local.get 0
    local.get 1
    table.set 0)
  (func (param i32) (result externref)
    local.get 0
    table.get 0))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5f
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %rcx,-0x18(%rbp)
;;   2d: cmpq $-0x522,0x10(%r14)
;;   35: je 0x8d
;;   3b: mov -0x18(%rbp),%rax
;;   3f: mov -0x10(%rbp),%ecx
;;   42: cmp 0xc8(%r15),%rcx
;;   49: jae 0x64
;;   4f: mov 0xc0(%r15),%r11
;;   56: mov %rax,(%r11,%rcx,8)
;;   5a: mov %rbp,%rsp
;;   5d: pop %rbp
;;   5e: retq
;;   5f: callq 0x7b
;;   64: callq 0x69
;;   69: mov (%r15),%r11
;;   6c: movq $0x3,0x38(%r11)
;;   74: mov %r15,%rdi
;;   77: pop %rax
;;   78: jmpq *0x38(%rdi)
;;   7b: mov (%r15),%r11
;;   7e: movq $0xa,0x38(%r11)
;;   86: mov %r15,%rdi
;;   89: pop %rax
;;   8a: jmpq *0x38(%rdi)
;;   8d: mov %r15,%rdi
;;   90: lea 0x3(%rip),%rax
;;   97: jmpq *0x48(%rdi)
;;   9a: mov %rdi,%r15
;;   9d: jmp 0x3b
;; function 1:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5f
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x8d
;;   37: mov -0x10(%rbp),%eax
;;   3a: cmp 0xc8(%r15),%rax
;;   41: jae 0x64
;;   47: mov 0xc0(%r15),%r11
;;   4e: mov (%r11,%rax,8),%rax
;;   52: mov %rax,-0x18(%rbp)
;;   56: mov -0x18(%rbp),%rax
;;   5a: mov %rbp,%rsp
;;   5d: pop %rbp
;;   5e: retq
;;   5f: callq 0x7b
;;   64: callq 0x69
;;   69: mov (%r15),%r11
;;   6c: movq $0x3,0x38(%r11)
;;   74: mov %r15,%rdi
;;   77: pop %rax
;;   78: jmpq *0x38(%rdi)
;;   7b: mov (%r15),%r11
;;   7e: movq $0xa,0x38(%r11)
;;   86: mov %r15,%rdi
;;   89: pop %rax
;;   8a: jmpq *0x38(%rdi)
;;   8d: mov %r15,%rdi
;;   90: lea 0x3(%rip),%rax
;;   97: jmpq *0x48(%rdi)
;;   9a: mov %rdi,%r15
;;   9d: jmp 0x37
