;; A 64-bit constant that does not fit an imm32 is materialised with movabs.
(module
  (func (param i64) (result i64)
    local.get 0
    i64.const 0x123456789
    i64.xor))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x57
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: cmpq $-0x522,0x10(%r14)
;;   32: je 0x6e
;;   38: mov -0x10(%rbp),%rax
;;   3c: mov $0x123456789,%rcx
;;   46: xor %rcx,%rax
;;   49: mov %rbp,%rsp
;;   4c: pop %rbp
;;   4d: retq
;;   4e: mov -0x18(%rbp),%rax
;;   52: mov %rbp,%rsp
;;   55: pop %rbp
;;   56: retq
;;   57: callq 0x5c
;;   5c: mov (%r15),%r11
;;   5f: movq $0xa,0x38(%r11)
;;   67: mov %r15,%rdi
;;   6a: pop %rax
;;   6b: jmpq *0x38(%rdi)
;;   6e: mov %r15,%rdi
;;   71: lea 0x3(%rip),%rax
;;   78: jmpq *0x48(%rdi)
;;   7b: mov %rdi,%r15
;;   7e: jmp 0x38
