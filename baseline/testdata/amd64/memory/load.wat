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
;;   15: jb 0x68
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0xb3
;;   37: mov -0x10(%rbp),%eax
;;   3a: add $0x10,%rax
;;   3e: mov 0x18(%r15),%r11
;;   42: sub $0x4,%r11
;;   46: jb 0x81
;;   4c: cmp %r11,%rax
;;   4f: ja 0x9a
;;   55: mov 0x10(%r15),%r11
;;   59: mov (%r11,%rax),%eax
;;   5d: mov %eax,-0x18(%rbp)
;;   60: mov -0x18(%rbp),%eax
;;   63: mov %rbp,%rsp
;;   66: pop %rbp
;;   67: retq
;;   68: mov (%r15),%r11
;;   6b: movq $0xa,0x38(%r11)
;;   73: mov %r15,%rdi
;;   76: lea 0x3(%rip),%rax
;;   7d: jmpq *0x38(%rdi)
;;   80: int3
;;   81: mov (%r15),%r11
;;   84: movq $0x2,0x38(%r11)
;;   8c: mov %r15,%rdi
;;   8f: lea 0x3(%rip),%rax
;;   96: jmpq *0x38(%rdi)
;;   99: int3
;;   9a: mov (%r15),%r11
;;   9d: movq $0x2,0x38(%r11)
;;   a5: mov %r15,%rdi
;;   a8: lea 0x3(%rip),%rax
;;   af: jmpq *0x38(%rdi)
;;   b2: int3
;;   b3: mov %r15,%rdi
;;   b6: lea 0x3(%rip),%rax
;;   bd: jmpq *0x48(%rdi)
;;   c0: mov %rdi,%r15
;;   c3: jmpq 0x37
