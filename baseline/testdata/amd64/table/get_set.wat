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
;;   35: je 0x91
;;   3b: mov -0x18(%rbp),%rax
;;   3f: mov -0x10(%rbp),%ecx
;;   42: cmp 0xc8(%r15),%rcx
;;   49: jae 0x78
;;   4f: mov 0xc0(%r15),%r11
;;   56: mov %rax,(%r11,%rcx,8)
;;   5a: mov %rbp,%rsp
;;   5d: pop %rbp
;;   5e: retq
;;   5f: mov (%r15),%r11
;;   62: movq $0xa,0x38(%r11)
;;   6a: mov %r15,%rdi
;;   6d: lea 0x3(%rip),%rax
;;   74: jmpq *0x38(%rdi)
;;   77: int3
;;   78: mov (%r15),%r11
;;   7b: movq $0x3,0x38(%r11)
;;   83: mov %r15,%rdi
;;   86: lea 0x3(%rip),%rax
;;   8d: jmpq *0x38(%rdi)
;;   90: int3
;;   91: mov %r15,%rdi
;;   94: lea 0x3(%rip),%rax
;;   9b: jmpq *0x48(%rdi)
;;   9e: mov %rdi,%r15
;;   a1: jmp 0x3b
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
;;   31: je 0x91
;;   37: mov -0x10(%rbp),%eax
;;   3a: cmp 0xc8(%r15),%rax
;;   41: jae 0x78
;;   47: mov 0xc0(%r15),%r11
;;   4e: mov (%r11,%rax,8),%rax
;;   52: mov %rax,-0x18(%rbp)
;;   56: mov -0x18(%rbp),%rax
;;   5a: mov %rbp,%rsp
;;   5d: pop %rbp
;;   5e: retq
;;   5f: mov (%r15),%r11
;;   62: movq $0xa,0x38(%r11)
;;   6a: mov %r15,%rdi
;;   6d: lea 0x3(%rip),%rax
;;   74: jmpq *0x38(%rdi)
;;   77: int3
;;   78: mov (%r15),%r11
;;   7b: movq $0x3,0x38(%r11)
;;   83: mov %r15,%rdi
;;   86: lea 0x3(%rip),%rax
;;   8d: jmpq *0x38(%rdi)
;;   90: int3
;;   91: mov %r15,%rdi
;;   94: lea 0x3(%rip),%rax
;;   9b: jmpq *0x48(%rdi)
;;   9e: mov %rdi,%r15
;;   a1: jmp 0x37
