;; table.grow: Arg0 = table, Arg1 = delta, Arg2 = the init reference; the
;; result comes back in ExitArgs[0].
(module
  (table 1 funcref)
  (func (param funcref i32) (result i32)
    local.get 0
    local.get 1
    table.grow 0))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x82
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: mov %ecx,-0x18(%rbp)
;;   2d: cmpq $-0x522,0x10(%r14)
;;   35: je 0x99
;;   3b: mov (%r15),%r11
;;   3e: movq $0x0,0x38(%r11)
;;   46: mov -0x18(%rbp),%eax
;;   49: mov (%r15),%r11
;;   4c: mov %rax,0x40(%r11)
;;   50: mov -0x10(%rbp),%rax
;;   54: mov (%r15),%r11
;;   57: mov %rax,0x48(%r11)
;;   5b: mov %r15,%rdi
;;   5e: lea 0x6(%rip),%rax
;;   65: jmpq *0x88(%rdi)
;;   6b: mov %rdi,%r15
;;   6e: mov (%r15),%r11
;;   71: mov 0x38(%r11),%eax
;;   75: mov %rbp,%rsp
;;   78: pop %rbp
;;   79: retq
;;   7a: mov -0x20(%rbp),%eax
;;   7d: mov %rbp,%rsp
;;   80: pop %rbp
;;   81: retq
;;   82: callq 0x87
;;   87: mov (%r15),%r11
;;   8a: movq $0xa,0x38(%r11)
;;   92: mov %r15,%rdi
;;   95: pop %rax
;;   96: jmpq *0x38(%rdi)
;;   99: mov %r15,%rdi
;;   9c: lea 0x3(%rip),%rax
;;   a3: jmpq *0x48(%rdi)
;;   a6: mov %rdi,%r15
;;   a9: jmp 0x3b
