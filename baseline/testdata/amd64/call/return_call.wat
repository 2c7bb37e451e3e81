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
;;   37: mov -0x10(%rbp),%eax
;;   3a: mov %rbp,%rsp
;;   3d: pop %rbp
;;   3e: retq
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
;;   15: jb 0x56
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x6d
;;   37: mov -0x10(%rbp),%eax
;;   3a: add $0x1,%eax
;;   3d: mov %eax,%edx
;;   3f: mov %r15,%rdi
;;   42: mov %r15,%rsi
;;   45: mov %rbp,%rsp
;;   48: pop %rbp
;;   49: jmpq 0x4e
;;   4e: mov -0x18(%rbp),%eax
;;   51: mov %rbp,%rsp
;;   54: pop %rbp
;;   55: retq
;;   56: callq 0x5b
;;   5b: mov (%r15),%r11
;;   5e: movq $0xa,0x38(%r11)
;;   66: mov %r15,%rdi
;;   69: pop %rax
;;   6a: jmpq *0x38(%rdi)
;;   6d: mov %r15,%rdi
;;   70: lea 0x3(%rip),%rax
;;   77: jmpq *0x48(%rdi)
;;   7a: mov %rdi,%r15
;;   7d: jmp 0x37
