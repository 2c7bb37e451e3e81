;; wasm min: NaN propagation and -0 < +0 around minsd.
(module
  (func (param f64 f64) (result f64)
    local.get 0
    local.get 1
    f64.min))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x7c
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: movsd %xmm0,-0x10(%rbp)
;;   2b: movsd %xmm1,-0x18(%rbp)
;;   30: cmpq $-0x522,0x10(%r14)
;;   38: je 0x93
;;   3e: movsd -0x10(%rbp),%xmm0
;;   43: movsd -0x18(%rbp),%xmm1
;;   48: ucomisd %xmm1,%xmm0
;;   4c: jp 0x60
;;   52: jne 0x69
;;   58: orps %xmm1,%xmm0
;;   5b: jmpq 0x6d
;;   60: addsd %xmm1,%xmm0
;;   64: jmpq 0x6d
;;   69: minsd %xmm1,%xmm0
;;   6d: mov %rbp,%rsp
;;   70: pop %rbp
;;   71: retq
;;   72: movsd -0x20(%rbp),%xmm0
;;   77: mov %rbp,%rsp
;;   7a: pop %rbp
;;   7b: retq
;;   7c: callq 0x81
;;   81: mov (%r15),%r11
;;   84: movq $0xa,0x38(%r11)
;;   8c: mov %r15,%rdi
;;   8f: pop %rax
;;   90: jmpq *0x38(%rdi)
;;   93: mov %r15,%rdi
;;   96: lea 0x3(%rip),%rax
;;   9d: jmpq *0x48(%rdi)
;;   a0: mov %rdi,%r15
;;   a3: jmp 0x3e
