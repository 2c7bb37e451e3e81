(module
  (func (param i32) (result f32)
    local.get 0
    f32.convert_i32_u))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x54
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x6b
;;   37: mov -0x10(%rbp),%eax
;;   3a: xorps %xmm0,%xmm0
;;   3d: mov %eax,%r11d
;;   40: cvtsi2ss %r11,%xmm0
;;   45: mov %rbp,%rsp
;;   48: pop %rbp
;;   49: retq
;;   4a: movss -0x18(%rbp),%xmm0
;;   4f: mov %rbp,%rsp
;;   52: pop %rbp
;;   53: retq
;;   54: callq 0x59
;;   59: mov (%r15),%r11
;;   5c: movq $0xa,0x38(%r11)
;;   64: mov %r15,%rdi
;;   67: pop %rax
;;   68: jmpq *0x38(%rdi)
;;   6b: mov %r15,%rdi
;;   6e: lea 0x3(%rip),%rax
;;   75: jmpq *0x48(%rdi)
;;   78: mov %rdi,%r15
;;   7b: jmp 0x37
