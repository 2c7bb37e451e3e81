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
;;   15: jb 0x56
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: cmpq $-0x522,0x10(%r14)
;;   32: je 0x6d
;;   38: mov -0x10(%rbp),%rax
;;   3c: mov $0x123456789,%rcx
;;   46: xor %rcx,%rax
;;   49: mov %rax,-0x18(%rbp)
;;   4d: mov -0x18(%rbp),%rax
;;   51: mov %rbp,%rsp
;;   54: pop %rbp
;;   55: retq
;;   56: callq 0x5b
;;   5b: mov (%r15),%r11
;;   5e: movq $0xa,0x38(%r11)
;;   66: mov %r15,%rdi
;;   69: pop %rax
;;   6a: jmpq *0x38(%rdi)
;;   6d: mov %r15,%rdi
;;   70: lea 0x3(%rip),%rax
;;   77: jmpq *0x48(%rdi)
;;   7a: mov %rdi,%r15
;;   7d: jmp 0x38
