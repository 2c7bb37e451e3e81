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
;;   33: je 0xd7
;;   39: movsd -0x10(%rbp),%xmm0
;;   3e: ucomisd %xmm0,%xmm0
;;   42: jp 0x8c
;;   48: ucomisd 0xa0(%rip),%xmm0
;;   50: jbe 0xa5
;;   56: ucomisd 0x9a(%rip),%xmm0
;;   5e: jae 0xbe
;;   64: cvttsd2si %xmm0,%eax
;;   68: mov %eax,-0x18(%rbp)
;;   6b: mov -0x18(%rbp),%eax
;;   6e: mov %rbp,%rsp
;;   71: pop %rbp
;;   72: retq
;;   73: mov (%r15),%r11
;;   76: movq $0xa,0x38(%r11)
;;   7e: mov %r15,%rdi
;;   81: lea 0x3(%rip),%rax
;;   88: jmpq *0x38(%rdi)
;;   8b: int3
;;   8c: mov (%r15),%r11
;;   8f: movq $0x9,0x38(%r11)
;;   97: mov %r15,%rdi
;;   9a: lea 0x3(%rip),%rax
;;   a1: jmpq *0x38(%rdi)
;;   a4: int3
;;   a5: mov (%r15),%r11
;;   a8: movq $0x8,0x38(%r11)
;;   b0: mov %r15,%rdi
;;   b3: lea 0x3(%rip),%rax
;;   ba: jmpq *0x38(%rdi)
;;   bd: int3
;;   be: mov (%r15),%r11
;;   c1: movq $0x8,0x38(%r11)
;;   c9: mov %r15,%rdi
;;   cc: lea 0x3(%rip),%rax
;;   d3: jmpq *0x38(%rdi)
;;   d6: int3
;;   d7: mov %r15,%rdi
;;   da: lea 0x3(%rip),%rax
;;   e1: jmpq *0x48(%rdi)
;;   e4: mov %rdi,%r15
;;   e7: jmpq 0x39
;;   ec: int3
;;   ed: int3
;;   ee: int3
;;   ef: int3
;;   f0: add %al,(%rax)
;;   f2: and %al,(%rax)
;;   f4: add %al,(%rax)
;;   f6: loopne 0xb9
;;   f8: add %al,(%rax)
;;   fa: add %al,(%rax)
;;   fc: add %al,(%rax)
;;   fe: loopne 0x141
