;; u64 to f64: values with the top bit set are halved (keeping the low
;; bit) and doubled after conversion.
(module
  (func (param i64) (result f64)
    local.get 0
    f64.convert_i64_u))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x7b
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: cmpq $-0x522,0x10(%r14)
;;   32: je 0x92
;;   38: mov -0x10(%rbp),%rax
;;   3c: xorps %xmm0,%xmm0
;;   3f: test %rax,%rax
;;   42: js 0x52
;;   48: cvtsi2sd %rax,%xmm0
;;   4d: jmpq 0x6c
;;   52: mov %rax,%r11
;;   55: shr $0x1,%r11
;;   59: jae 0x63
;;   5f: or $0x1,%r11
;;   63: cvtsi2sd %r11,%xmm0
;;   68: addsd %xmm0,%xmm0
;;   6c: mov %rbp,%rsp
;;   6f: pop %rbp
;;   70: retq
;;   71: movsd -0x18(%rbp),%xmm0
;;   76: mov %rbp,%rsp
;;   79: pop %rbp
;;   7a: retq
;;   7b: callq 0x80
;;   80: mov (%r15),%r11
;;   83: movq $0xa,0x38(%r11)
;;   8b: mov %r15,%rdi
;;   8e: pop %rax
;;   8f: jmpq *0x38(%rdi)
;;   92: mov %r15,%rdi
;;   95: lea 0x3(%rip),%rax
;;   9c: jmpq *0x48(%rdi)
;;   9f: mov %rdi,%r15
;;   a2: jmp 0x38
