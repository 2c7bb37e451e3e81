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
;;   15: jb 0x6e
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x85
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
;;   63: mov %eax,-0x18(%rbp)
;;   66: mov -0x18(%rbp),%eax
;;   69: mov %rbp,%rsp
;;   6c: pop %rbp
;;   6d: retq
;;   6e: callq 0x73
;;   73: mov (%r15),%r11
;;   76: movq $0xa,0x38(%r11)
;;   7e: mov %r15,%rdi
;;   81: pop %rax
;;   82: jmpq *0x38(%rdi)
;;   85: mov %r15,%rdi
;;   88: lea 0x3(%rip),%rax
;;   8f: jmpq *0x48(%rdi)
;;   92: mov %rdi,%r15
;;   95: jmp 0x37
