;; A tail call pops the frame and jumps.
(module
  (func $f (param i32) (result i32)
    local.get 0)
  (func (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    return_call $f))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x47
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x5e
;;   37: mov -0x10(%rbp),%r11d
;;   3b: mov %r11d,-0x18(%rbp)
;;   3f: mov -0x18(%rbp),%eax
;;   42: mov %rbp,%rsp
;;   45: pop %rbp
;;   46: retq
;;   47: callq 0x4c
;;   4c: mov (%r15),%r11
;;   4f: movq $0xa,0x38(%r11)
;;   57: mov %r15,%rdi
;;   5a: pop %rax
;;   5b: jmpq *0x38(%rdi)
;;   5e: mov %r15,%rdi
;;   61: lea 0x3(%rip),%rax
;;   68: jmpq *0x48(%rdi)
;;   6b: mov %rdi,%r15
;;   6e: jmp 0x37
;; function 1:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5a
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x71
;;   37: mov -0x10(%rbp),%eax
;;   3a: add $0x1,%eax
;;   3d: mov %eax,-0x18(%rbp)
;;   40: mov -0x18(%rbp),%edx
;;   43: mov %r15,%rdi
;;   46: mov %r15,%rsi
;;   49: mov %rbp,%rsp
;;   4c: pop %rbp
;;   4d: jmpq 0x52
;;   52: mov -0x18(%rbp),%eax
;;   55: mov %rbp,%rsp
;;   58: pop %rbp
;;   59: retq
;;   5a: callq 0x5f
;;   5f: mov (%r15),%r11
;;   62: movq $0xa,0x38(%r11)
;;   6a: mov %r15,%rdi
;;   6d: pop %rax
;;   6e: jmpq *0x38(%rdi)
;;   71: mov %r15,%rdi
;;   74: lea 0x3(%rip),%rax
;;   7b: jmpq *0x48(%rdi)
;;   7e: mov %rdi,%r15
;;   81: jmp 0x37
