;; A trapping float-to-int conversion: NaN and range checks against pool
;; constants before cvttsd2si.
(module
  (func (param f64) (result i32)
    local.get 0
    i32.trunc_f64_s))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x75
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: movsd %xmm0,-0x10(%rbp)
;;   2b: cmpq $-0x522,0x10(%r14)
;;   33: je 0xbf
;;   39: movsd -0x10(%rbp),%xmm0
;;   3e: ucomisd %xmm0,%xmm0
;;   42: jp 0x7a
;;   48: ucomisd 0xb0(%rip),%xmm0
;;   50: jbe 0x7f
;;   56: ucomisd 0xaa(%rip),%xmm0
;;   5e: jae 0x84
;;   64: cvttsd2si %xmm0,%eax
;;   68: mov %rbp,%rsp
;;   6b: pop %rbp
;;   6c: retq
;;   6d: mov -0x18(%rbp),%eax
;;   70: mov %rbp,%rsp
;;   73: pop %rbp
;;   74: retq
;;   75: callq 0xad
;;   7a: callq 0x9b
;;   7f: callq 0x89
;;   84: callq 0x89
;;   89: mov (%r15),%r11
;;   8c: movq $0x8,0x38(%r11)
;;   94: mov %r15,%rdi
;;   97: pop %rax
;;   98: jmpq *0x38(%rdi)
;;   9b: mov (%r15),%r11
;;   9e: movq $0x9,0x38(%r11)
;;   a6: mov %r15,%rdi
;;   a9: pop %rax
;;   aa: jmpq *0x38(%rdi)
;;   ad: mov (%r15),%r11
;;   b0: movq $0xa,0x38(%r11)
;;   b8: mov %r15,%rdi
;;   bb: pop %rax
;;   bc: jmpq *0x38(%rdi)
;;   bf: mov %r15,%rdi
;;   c2: lea 0x3(%rip),%rax
;;   c9: jmpq *0x48(%rdi)
;;   cc: mov %rdi,%r15
;;   cf: jmpq 0x39
