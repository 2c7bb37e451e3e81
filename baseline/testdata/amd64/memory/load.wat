;; An i32 load with a static offset: add the offset, compare with the
;; memory length minus the access size, then load from base + address.
(module
  (memory 1)
  (func (param i32) (result i32)
    local.get 0
    i32.load offset=16))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5c
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x8a
;;   37: mov -0x10(%rbp),%eax
;;   3a: lea 0x14(%rax),%r11
;;   3e: cmp 0x18(%r15),%r11
;;   42: ja 0x61
;;   48: mov 0x10(%r15),%r11
;;   4c: mov 0x10(%r11,%rax),%eax
;;   51: mov %eax,-0x18(%rbp)
;;   54: mov -0x18(%rbp),%eax
;;   57: mov %rbp,%rsp
;;   5a: pop %rbp
;;   5b: retq
;;   5c: callq 0x78
;;   61: callq 0x66
;;   66: mov (%r15),%r11
;;   69: movq $0x2,0x38(%r11)
;;   71: mov %r15,%rdi
;;   74: pop %rax
;;   75: jmpq *0x38(%rdi)
;;   78: mov (%r15),%r11
;;   7b: movq $0xa,0x38(%r11)
;;   83: mov %r15,%rdi
;;   86: pop %rax
;;   87: jmpq *0x38(%rdi)
;;   8a: mov %r15,%rdi
;;   8d: lea 0x3(%rip),%rax
;;   94: jmpq *0x48(%rdi)
;;   97: mov %rdi,%r15
;;   9a: jmp 0x37
