;; Three i64 results: two in rax/rdx, the third in the caller's outgoing
;; area, copied to the value's slot after the call.
(module
  (func $three (result i64 i64 i64)
    i64.const 1
    i64.const 2
    i64.const 3)
  (func (result i64)
    call $three
    i64.add
    i64.add))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x60
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: cmpq $-0x522,0x10(%r14)
;;   2e: je 0x77
;;   34: movq $0x3,0x10(%rbp)
;;   3c: mov $0x1,%eax
;;   41: mov $0x2,%edx
;;   46: mov %rbp,%rsp
;;   49: pop %rbp
;;   4a: retq
;;   4b: mov -0x20(%rbp),%r11
;;   4f: mov %r11,0x10(%rbp)
;;   53: mov -0x10(%rbp),%rax
;;   57: mov -0x18(%rbp),%rdx
;;   5b: mov %rbp,%rsp
;;   5e: pop %rbp
;;   5f: retq
;;   60: callq 0x65
;;   65: mov (%r15),%r11
;;   68: movq $0xa,0x38(%r11)
;;   70: mov %r15,%rdi
;;   73: pop %rax
;;   74: jmpq *0x38(%rdi)
;;   77: mov %r15,%rdi
;;   7a: lea 0x3(%rip),%rax
;;   81: jmpq *0x48(%rdi)
;;   84: mov %rdi,%r15
;;   87: jmp 0x34
;; function 1:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x60
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: cmpq $-0x522,0x10(%r14)
;;   2e: je 0x77
;;   34: mov %r15,%rdi
;;   37: mov %r15,%rsi
;;   3a: callq 0x3f
;;   3f: mov -0x8(%rbp),%r15
;;   43: mov (%rsp),%r11
;;   47: mov %r11,-0x20(%rbp)
;;   4b: add -0x20(%rbp),%rdx
;;   4f: add %rdx,%rax
;;   52: mov %rbp,%rsp
;;   55: pop %rbp
;;   56: retq
;;   57: mov -0x10(%rbp),%rax
;;   5b: mov %rbp,%rsp
;;   5e: pop %rbp
;;   5f: retq
;;   60: callq 0x65
;;   65: mov (%r15),%r11
;;   68: movq $0xa,0x38(%r11)
;;   70: mov %r15,%rdi
;;   73: pop %rax
;;   74: jmpq *0x38(%rdi)
;;   77: mov %r15,%rdi
;;   7a: lea 0x3(%rip),%rax
;;   81: jmpq *0x48(%rdi)
;;   84: mov %rdi,%r15
;;   87: jmp 0x34
