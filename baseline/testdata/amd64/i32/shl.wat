;; A variable shift count goes through cl.
(module
  (func (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.shl))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x4f
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x66
;;   3a: mov -0x10(%rbp),%eax
;;   3d: mov -0x18(%rbp),%ecx
;;   40: shl %cl,%eax
;;   42: mov %rbp,%rsp
;;   45: pop %rbp
;;   46: retq
;;   47: mov -0x20(%rbp),%eax
;;   4a: mov %rbp,%rsp
;;   4d: pop %rbp
;;   4e: retq
;;   4f: callq 0x54
;;   54: mov (%r15),%r11
;;   57: movq $0xa,0x38(%r11)
;;   5f: mov %r15,%rdi
;;   62: pop %rax
;;   63: jmpq *0x38(%rdi)
;;   66: mov %r15,%rdi
;;   69: lea 0x3(%rip),%rax
;;   70: jmpq *0x48(%rdi)
;;   73: mov %rdi,%r15
;;   76: jmp 0x3a
