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
;;   15: jb 0x5e
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x8c
;;   37: mov -0x10(%rbp),%eax
;;   3a: lea 0x14(%rax),%r11
;;   3e: cmp 0x18(%r15),%r11
;;   42: ja 0x63
;;   48: mov 0x10(%r15),%r11
;;   4c: mov 0x10(%r11,%rax),%eax
;;   51: mov %rbp,%rsp
;;   54: pop %rbp
;;   55: retq
;;   56: mov -0x18(%rbp),%eax
;;   59: mov %rbp,%rsp
;;   5c: pop %rbp
;;   5d: retq
;;   5e: callq 0x7a
;;   63: callq 0x68
;;   68: mov (%r15),%r11
;;   6b: movq $0x2,0x38(%r11)
;;   73: mov %r15,%rdi
;;   76: pop %rax
;;   77: jmpq *0x38(%rdi)
;;   7a: mov (%r15),%r11
;;   7d: movq $0xa,0x38(%r11)
;;   85: mov %r15,%rdi
;;   88: pop %rax
;;   89: jmpq *0x38(%rdi)
;;   8c: mov %r15,%rdi
;;   8f: lea 0x3(%rip),%rax
;;   96: jmpq *0x48(%rdi)
;;   99: mov %rdi,%r15
;;   9c: jmp 0x37
