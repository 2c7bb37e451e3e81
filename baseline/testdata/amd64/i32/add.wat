;; Two locals added: both operands loaded lazily from their slots, the sum
;; left in a register until the return flushes it.
(module
  (func (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x4d
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x64
;;   3a: mov -0x10(%rbp),%eax
;;   3d: add -0x18(%rbp),%eax
;;   40: mov %rbp,%rsp
;;   43: pop %rbp
;;   44: retq
;;   45: mov -0x20(%rbp),%eax
;;   48: mov %rbp,%rsp
;;   4b: pop %rbp
;;   4c: retq
;;   4d: callq 0x52
;;   52: mov (%r15),%r11
;;   55: movq $0xa,0x38(%r11)
;;   5d: mov %r15,%rdi
;;   60: pop %rax
;;   61: jmpq *0x38(%rdi)
;;   64: mov %r15,%rdi
;;   67: lea 0x3(%rip),%rax
;;   6e: jmpq *0x48(%rdi)
;;   71: mov %rdi,%r15
;;   74: jmp 0x3a
