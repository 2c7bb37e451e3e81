;; memory.copy is an exit: memory indices and operands in ExitArgs, every
;; live value flushed first (an exit clobbers every register).
(module
  (memory 1)
  (func (param i32 i32 i32)
    local.get 0
    local.get 1
    local.get 2
    memory.copy))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x40,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x94
;;   1b: sub $0x40,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov 0x10(%r15),%rbx
;;   2a: mov %edx,-0x10(%rbp)
;;   2d: mov %ecx,-0x18(%rbp)
;;   30: mov %r8d,-0x20(%rbp)
;;   34: cmpq $-0x522,0x10(%r14)
;;   3c: je 0xab
;;   42: mov (%r15),%r11
;;   45: movq $0x0,0x38(%r11)
;;   4d: mov (%r15),%r11
;;   50: movq $0x0,0x40(%r11)
;;   58: mov -0x10(%rbp),%eax
;;   5b: mov (%r15),%r11
;;   5e: mov %rax,0x48(%r11)
;;   62: mov -0x18(%rbp),%eax
;;   65: mov (%r15),%r11
;;   68: mov %rax,0x50(%r11)
;;   6c: mov -0x20(%rbp),%eax
;;   6f: mov (%r15),%r11
;;   72: mov %rax,0x58(%r11)
;;   76: mov %r15,%rdi
;;   79: lea 0x3(%rip),%rax
;;   80: jmpq *0x70(%rdi)
;;   83: mov %rdi,%r15
;;   86: mov 0x10(%r15),%rbx
;;   8a: mov %rbp,%rsp
;;   8d: pop %rbp
;;   8e: retq
;;   8f: mov %rbp,%rsp
;;   92: pop %rbp
;;   93: retq
;;   94: callq 0x99
;;   99: mov (%r15),%r11
;;   9c: movq $0xa,0x38(%r11)
;;   a4: mov %r15,%rdi
;;   a7: pop %rax
;;   a8: jmpq *0x38(%rdi)
;;   ab: mov %r15,%rdi
;;   ae: lea 0x3(%rip),%rax
;;   b5: jmpq *0x48(%rdi)
;;   b8: mov %rdi,%r15
;;   bb: mov 0x10(%r15),%rbx
;;   bf: jmp 0x42
