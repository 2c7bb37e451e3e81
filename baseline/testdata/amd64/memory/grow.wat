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
;;   15: jb 0x78
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov 0x10(%r15),%rbx
;;   2a: mov %edx,-0x10(%rbp)
;;   2d: cmpq $-0x522,0x10(%r14)
;;   35: je 0x8f
;;   3b: mov (%r15),%r11
;;   3e: movq $0x0,0x38(%r11)
;;   46: mov -0x10(%rbp),%eax
;;   49: mov (%r15),%r11
;;   4c: mov %rax,0x40(%r11)
;;   50: mov %r15,%rdi
;;   53: lea 0x3(%rip),%rax
;;   5a: jmpq *0x60(%rdi)
;;   5d: mov %rdi,%r15
;;   60: mov 0x10(%r15),%rbx
;;   64: mov (%r15),%r11
;;   67: mov 0x38(%r11),%eax
;;   6b: mov %rbp,%rsp
;;   6e: pop %rbp
;;   6f: retq
;;   70: mov -0x18(%rbp),%eax
;;   73: mov %rbp,%rsp
;;   76: pop %rbp
;;   77: retq
;;   78: callq 0x7d
;;   7d: mov (%r15),%r11
;;   80: movq $0xa,0x38(%r11)
;;   88: mov %r15,%rdi
;;   8b: pop %rax
;;   8c: jmpq *0x38(%rdi)
;;   8f: mov %r15,%rdi
;;   92: lea 0x3(%rip),%rax
;;   99: jmpq *0x48(%rdi)
;;   9c: mov %rdi,%r15
;;   9f: mov 0x10(%r15),%rbx
;;   a3: jmp 0x3b
