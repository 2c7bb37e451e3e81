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
;;   15: jb 0x6b
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: mov %rcx,-0x18(%rbp)
;;   2e: cmpq $-0x522,0x10(%r14)
;;   36: je 0x9e
;;   3c: mov -0x18(%rbp),%rax
;;   40: mov -0x10(%rbp),%rcx
;;   44: mov $0x10,%r11d
;;   4a: add %rcx,%r11
;;   4d: jb 0x70
;;   53: cmp 0x18(%r15),%r11
;;   57: ja 0x75
;;   5d: mov 0x10(%r15),%r11
;;   61: mov %rax,0x8(%r11,%rcx)
;;   66: mov %rbp,%rsp
;;   69: pop %rbp
;;   6a: retq
;;   6b: callq 0x8c
;;   70: callq 0x7a
;;   75: callq 0x7a
;;   7a: mov (%r15),%r11
;;   7d: movq $0x2,0x38(%r11)
;;   85: mov %r15,%rdi
;;   88: pop %rax
;;   89: jmpq *0x38(%rdi)
;;   8c: mov (%r15),%r11
;;   8f: movq $0xa,0x38(%r11)
;;   97: mov %r15,%rdi
;;   9a: pop %rax
;;   9b: jmpq *0x38(%rdi)
;;   9e: mov %r15,%rdi
;;   a1: lea 0x3(%rip),%rax
;;   a8: jmpq *0x48(%rdi)
;;   ab: mov %rdi,%r15
;;   ae: jmp 0x3c
