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
;;   15: jb 0x4a
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x61
;;   37: mov -0x10(%rbp),%eax
;;   3a: add $0x2a,%eax
;;   3d: mov %rbp,%rsp
;;   40: pop %rbp
;;   41: retq
;;   42: mov -0x18(%rbp),%eax
;;   45: mov %rbp,%rsp
;;   48: pop %rbp
;;   49: retq
;;   4a: callq 0x4f
;;   4f: mov (%r15),%r11
;;   52: movq $0xa,0x38(%r11)
;;   5a: mov %r15,%rdi
;;   5d: pop %rax
;;   5e: jmpq *0x38(%rdi)
;;   61: mov %r15,%rdi
;;   64: lea 0x3(%rip),%rax
;;   6b: jmpq *0x48(%rdi)
;;   6e: mov %rdi,%r15
;;   71: jmp 0x37
