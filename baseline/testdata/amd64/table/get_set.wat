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
;;   15: jb 0x64
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %rcx,-0x18(%rbp)
;;   2d: cmpq $-0x522,0x10(%r14)
;;   35: je 0x92
;;   3b: mov -0x18(%rbp),%rax
;;   3f: mov -0x10(%rbp),%ecx
;;   42: cmp 0xc8(%r15),%rcx
;;   49: jae 0x69
;;   4f: mov 0xc0(%r15),%r11
;;   56: mov %rax,(%r11,%rcx,8)
;;   5a: mov %rbp,%rsp
;;   5d: pop %rbp
;;   5e: retq
;;   5f: mov %rbp,%rsp
;;   62: pop %rbp
;;   63: retq
;;   64: callq 0x80
;;   69: callq 0x6e
;;   6e: mov (%r15),%r11
;;   71: movq $0x3,0x38(%r11)
;;   79: mov %r15,%rdi
;;   7c: pop %rax
;;   7d: jmpq *0x38(%rdi)
;;   80: mov (%r15),%r11
;;   83: movq $0xa,0x38(%r11)
;;   8b: mov %r15,%rdi
;;   8e: pop %rax
;;   8f: jmpq *0x38(%rdi)
;;   92: mov %r15,%rdi
;;   95: lea 0x3(%rip),%rax
;;   9c: jmpq *0x48(%rdi)
;;   9f: mov %rdi,%r15
;;   a2: jmp 0x3b
;; function 1:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x60
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x8e
;;   37: mov -0x10(%rbp),%eax
;;   3a: cmp 0xc8(%r15),%rax
;;   41: jae 0x65
;;   47: mov 0xc0(%r15),%r11
;;   4e: mov (%r11,%rax,8),%rax
;;   52: mov %rbp,%rsp
;;   55: pop %rbp
;;   56: retq
;;   57: mov -0x18(%rbp),%rax
;;   5b: mov %rbp,%rsp
;;   5e: pop %rbp
;;   5f: retq
;;   60: callq 0x7c
;;   65: callq 0x6a
;;   6a: mov (%r15),%r11
;;   6d: movq $0x3,0x38(%r11)
;;   75: mov %r15,%rdi
;;   78: pop %rax
;;   79: jmpq *0x38(%rdi)
;;   7c: mov (%r15),%r11
;;   7f: movq $0xa,0x38(%r11)
;;   87: mov %r15,%rdi
;;   8a: pop %rax
;;   8b: jmpq *0x38(%rdi)
;;   8e: mov %r15,%rdi
;;   91: lea 0x3(%rip),%rax
;;   98: jmpq *0x48(%rdi)
;;   9b: mov %rdi,%r15
;;   9e: jmp 0x37
