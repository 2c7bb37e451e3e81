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
;;   31: je 0x60
;;   37: mov -0x10(%rbp),%r11d
;;   3b: mov %r11d,-0x18(%rbp)
;;   3f: mov -0x18(%rbp),%eax
;;   42: mov %rbp,%rsp
;;   45: pop %rbp
;;   46: retq
;;   47: mov (%r15),%r11
;;   4a: movq $0xa,0x38(%r11)
;;   52: mov %r15,%rdi
;;   55: lea 0x3(%rip),%rax
;;   5c: jmpq *0x38(%rdi)
;;   5f: int3
;;   60: mov %r15,%rdi
;;   63: lea 0x3(%rip),%rax
;;   6a: jmpq *0x48(%rdi)
;;   6d: mov %rdi,%r15
;;   70: jmp 0x37
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
;;   31: je 0x73
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
;;   5a: mov (%r15),%r11
;;   5d: movq $0xa,0x38(%r11)
;;   65: mov %r15,%rdi
;;   68: lea 0x3(%rip),%rax
;;   6f: jmpq *0x38(%rdi)
;;   72: int3
;;   73: mov %r15,%rdi
;;   76: lea 0x3(%rip),%rax
;;   7d: jmpq *0x48(%rdi)
;;   80: mov %rdi,%r15
;;   83: jmp 0x37
