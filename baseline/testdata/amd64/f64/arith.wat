(module
  (func (param f64 f64) (result f64)
    local.get 0
    local.get 1
    f64.mul
    f64.const 0.5
    f64.add
    f64.sqrt))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x72
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: movsd %xmm0,-0x10(%rbp)
;;   2b: movsd %xmm1,-0x18(%rbp)
;;   30: cmpq $-0x522,0x10(%r14)
;;   38: je 0x89
;;   3e: movsd -0x10(%rbp),%xmm0
;;   43: movsd -0x18(%rbp),%xmm1
;;   48: mulsd %xmm1,%xmm0
;;   4c: mov $0x3fe0000000000000,%r11
;;   56: movq %r11,%xmm1
;;   5b: addsd %xmm1,%xmm0
;;   5f: sqrtsd %xmm0,%xmm0
;;   63: mov %rbp,%rsp
;;   66: pop %rbp
;;   67: retq
;;   68: movsd -0x20(%rbp),%xmm0
;;   6d: mov %rbp,%rsp
;;   70: pop %rbp
;;   71: retq
;;   72: callq 0x77
;;   77: mov (%r15),%r11
;;   7a: movq $0xa,0x38(%r11)
;;   82: mov %r15,%rdi
;;   85: pop %rax
;;   86: jmpq *0x38(%rdi)
;;   89: mov %r15,%rdi
;;   8c: lea 0x3(%rip),%rax
;;   93: jmpq *0x48(%rdi)
;;   96: mov %rdi,%r15
;;   99: jmp 0x3e
