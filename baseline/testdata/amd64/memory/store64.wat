;; memory64: the address add may carry, which traps too.
(module
  (memory i64 1)
  (func (param i64 i64)
    local.get 0
    local.get 1
    i64.store offset=8))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x70
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov 0x10(%r15),%rbx
;;   2a: mov %rdx,-0x10(%rbp)
;;   2e: mov %rcx,-0x18(%rbp)
;;   32: cmpq $-0x522,0x10(%r14)
;;   3a: je 0xa3
;;   40: mov -0x18(%rbp),%rax
;;   44: mov -0x10(%rbp),%rcx
;;   48: mov $0x10,%r11d
;;   4e: add %rcx,%r11
;;   51: jb 0x75
;;   57: cmp 0x18(%r15),%r11
;;   5b: ja 0x7a
;;   61: mov %rax,0x8(%rbx,%rcx)
;;   66: mov %rbp,%rsp
;;   69: pop %rbp
;;   6a: retq
;;   6b: mov %rbp,%rsp
;;   6e: pop %rbp
;;   6f: retq
;;   70: callq 0x91
;;   75: callq 0x7f
;;   7a: callq 0x7f
;;   7f: mov (%r15),%r11
;;   82: movq $0x2,0x38(%r11)
;;   8a: mov %r15,%rdi
;;   8d: pop %rax
;;   8e: jmpq *0x38(%rdi)
;;   91: mov (%r15),%r11
;;   94: movq $0xa,0x38(%r11)
;;   9c: mov %r15,%rdi
;;   9f: pop %rax
;;   a0: jmpq *0x38(%rdi)
;;   a3: mov %r15,%rdi
;;   a6: lea 0x3(%rip),%rax
;;   ad: jmpq *0x48(%rdi)
;;   b0: mov %rdi,%r15
;;   b3: mov 0x10(%r15),%rbx
;;   b7: jmp 0x40
