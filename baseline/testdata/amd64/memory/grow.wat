;; memory.grow is an exit: arguments in the store context, then the jump
;; to the VM context's stub with the resume address in rax.
(module
  (memory 1)
  (func (param i32) (result i32)
    local.get 0
    memory.grow))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x70
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x87
;;   37: mov (%r15),%r11
;;   3a: movq $0x0,0x38(%r11)
;;   42: mov -0x10(%rbp),%eax
;;   45: mov (%r15),%r11
;;   48: mov %rax,0x40(%r11)
;;   4c: mov %r15,%rdi
;;   4f: lea 0x3(%rip),%rax
;;   56: jmpq *0x60(%rdi)
;;   59: mov %rdi,%r15
;;   5c: mov (%r15),%r11
;;   5f: mov 0x38(%r11),%eax
;;   63: mov %rbp,%rsp
;;   66: pop %rbp
;;   67: retq
;;   68: mov -0x18(%rbp),%eax
;;   6b: mov %rbp,%rsp
;;   6e: pop %rbp
;;   6f: retq
;;   70: callq 0x75
;;   75: mov (%r15),%r11
;;   78: movq $0xa,0x38(%r11)
;;   80: mov %r15,%rdi
;;   83: pop %rax
;;   84: jmpq *0x38(%rdi)
;;   87: mov %r15,%rdi
;;   8a: lea 0x3(%rip),%rax
;;   91: jmpq *0x48(%rdi)
;;   94: mov %rdi,%r15
;;   97: jmp 0x37
