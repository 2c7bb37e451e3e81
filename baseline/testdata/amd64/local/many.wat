;; More than 16 locals are zeroed by a loop.
(module
  (func (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    local.get 19))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0xb0,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x66
;;   1b: sub $0xb0,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: xor %r11d,%r11d
;;   29: lea 0xffffff58(%rbp),%rax
;;   30: mov $0x14,%ecx
;;   35: mov %r11,(%rax)
;;   38: add $0x8,%rax
;;   3c: dec %ecx
;;   3e: jne 0x35
;;   40: cmpq $-0x522,0x10(%r14)
;;   48: je 0x7d
;;   4e: mov 0xffffff58(%rbp),%rax
;;   55: mov %rbp,%rsp
;;   58: pop %rbp
;;   59: retq
;;   5a: mov 0xffffff50(%rbp),%rax
;;   61: mov %rbp,%rsp
;;   64: pop %rbp
;;   65: retq
;;   66: callq 0x6b
;;   6b: mov (%r15),%r11
;;   6e: movq $0xa,0x38(%r11)
;;   76: mov %r15,%rdi
;;   79: pop %rax
;;   7a: jmpq *0x38(%rdi)
;;   7d: mov %r15,%rdi
;;   80: lea 0x3(%rip),%rax
;;   87: jmpq *0x48(%rdi)
;;   8a: mov %rdi,%r15
;;   8d: jmp 0x4e
