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
;;   15: jb 0x73
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: movsd %xmm0,-0x10(%rbp)
;;   2b: cmpq $-0x522,0x10(%r14)
;;   33: je 0xbd
;;   39: movsd -0x10(%rbp),%xmm0
;;   3e: ucomisd %xmm0,%xmm0
;;   42: jp 0x78
;;   48: ucomisd 0xa8(%rip),%xmm0
;;   50: jbe 0x7d
;;   56: ucomisd 0xa2(%rip),%xmm0
;;   5e: jae 0x82
;;   64: cvttsd2si %xmm0,%eax
;;   68: mov %eax,-0x18(%rbp)
;;   6b: mov -0x18(%rbp),%eax
;;   6e: mov %rbp,%rsp
;;   71: pop %rbp
;;   72: retq
;;   73: callq 0xab
;;   78: callq 0x99
;;   7d: callq 0x87
;;   82: callq 0x87
;;   87: mov (%r15),%r11
;;   8a: movq $0x8,0x38(%r11)
;;   92: mov %r15,%rdi
;;   95: pop %rax
;;   96: jmpq *0x38(%rdi)
;;   99: mov (%r15),%r11
;;   9c: movq $0x9,0x38(%r11)
;;   a4: mov %r15,%rdi
;;   a7: pop %rax
;;   a8: jmpq *0x38(%rdi)
;;   ab: mov (%r15),%r11
;;   ae: movq $0xa,0x38(%r11)
;;   b6: mov %r15,%rdi
;;   b9: pop %rax
;;   ba: jmpq *0x38(%rdi)
;;   bd: mov %r15,%rdi
;;   c0: lea 0x3(%rip),%rax
;;   c7: jmpq *0x48(%rdi)
;;   ca: mov %rdi,%r15
;;   cd: jmpq 0x39
