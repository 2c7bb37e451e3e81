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
;;   15: jb 0x5d
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov 0x10(%r15),%rbx
;;   2a: mov %edx,-0x10(%rbp)
;;   2d: cmpq $-0x522,0x10(%r14)
;;   35: je 0x8b
;;   3b: mov -0x10(%rbp),%eax
;;   3e: lea 0x14(%rax),%r11
;;   42: cmp 0x18(%r15),%r11
;;   46: ja 0x62
;;   4c: mov 0x10(%rbx,%rax),%eax
;;   50: mov %rbp,%rsp
;;   53: pop %rbp
;;   54: retq
;;   55: mov -0x18(%rbp),%eax
;;   58: mov %rbp,%rsp
;;   5b: pop %rbp
;;   5c: retq
;;   5d: callq 0x79
;;   62: callq 0x67
;;   67: mov (%r15),%r11
;;   6a: movq $0x2,0x38(%r11)
;;   72: mov %r15,%rdi
;;   75: pop %rax
;;   76: jmpq *0x38(%rdi)
;;   79: mov (%r15),%r11
;;   7c: movq $0xa,0x38(%r11)
;;   84: mov %r15,%rdi
;;   87: pop %rax
;;   88: jmpq *0x38(%rdi)
;;   8b: mov %r15,%rdi
;;   8e: lea 0x3(%rip),%rax
;;   95: jmpq *0x48(%rdi)
;;   98: mov %rdi,%r15
;;   9b: mov 0x10(%r15),%rbx
;;   9f: jmp 0x3b
