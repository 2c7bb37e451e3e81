;; A constant right operand folds into the instruction's immediate.
(module
  (func (param i32) (result i32)
    local.get 0
    i32.const 42
    i32.add))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x48
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x5f
;;   37: mov -0x10(%rbp),%eax
;;   3a: add $0x2a,%eax
;;   3d: mov %eax,-0x18(%rbp)
;;   40: mov -0x18(%rbp),%eax
;;   43: mov %rbp,%rsp
;;   46: pop %rbp
;;   47: retq
;;   48: callq 0x4d
;;   4d: mov (%r15),%r11
;;   50: movq $0xa,0x38(%r11)
;;   58: mov %r15,%rdi
;;   5b: pop %rax
;;   5c: jmpq *0x38(%rdi)
;;   5f: mov %r15,%rdi
;;   62: lea 0x3(%rip),%rax
;;   69: jmpq *0x48(%rdi)
;;   6c: mov %rdi,%r15
;;   6f: jmp 0x37
