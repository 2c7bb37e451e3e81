;; Comparisons produce 0/1 with setcc + movzx.
(module
  (func (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.lt_u))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x55
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x6c
;;   3a: mov -0x10(%rbp),%eax
;;   3d: mov -0x18(%rbp),%ecx
;;   40: cmp %ecx,%eax
;;   42: setb %al
;;   45: movzbl %al,%eax
;;   48: mov %rbp,%rsp
;;   4b: pop %rbp
;;   4c: retq
;;   4d: mov -0x20(%rbp),%eax
;;   50: mov %rbp,%rsp
;;   53: pop %rbp
;;   54: retq
;;   55: callq 0x5a
;;   5a: mov (%r15),%r11
;;   5d: movq $0xa,0x38(%r11)
;;   65: mov %r15,%rdi
;;   68: pop %rax
;;   69: jmpq *0x38(%rdi)
;;   6c: mov %r15,%rdi
;;   6f: lea 0x3(%rip),%rax
;;   76: jmpq *0x48(%rdi)
;;   79: mov %rdi,%r15
;;   7c: jmp 0x3a
