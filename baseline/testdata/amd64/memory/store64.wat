;; memory64: the address add may carry, which traps too.
(module
  (memory i64 1)
  (func (param i64 i64)
    local.get 0
    local.get 1
    i64.store offset=8))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x72
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: mov %rcx,-0x18(%rbp)
;;   2e: cmpq $-0x522,0x10(%r14)
;;   36: je 0xd6
;;   3c: mov -0x18(%rbp),%rax
;;   40: mov -0x10(%rbp),%rcx
;;   44: add $0x8,%rcx
;;   48: jb 0x8b
;;   4e: mov 0x18(%r15),%r11
;;   52: sub $0x8,%r11
;;   56: jb 0xa4
;;   5c: cmp %r11,%rcx
;;   5f: ja 0xbd
;;   65: mov 0x10(%r15),%r11
;;   69: mov %rax,(%r11,%rcx)
;;   6d: mov %rbp,%rsp
;;   70: pop %rbp
;;   71: retq
;;   72: mov (%r15),%r11
;;   75: movq $0xa,0x38(%r11)
;;   7d: mov %r15,%rdi
;;   80: lea 0x3(%rip),%rax
;;   87: jmpq *0x38(%rdi)
;;   8a: int3
;;   8b: mov (%r15),%r11
;;   8e: movq $0x2,0x38(%r11)
;;   96: mov %r15,%rdi
;;   99: lea 0x3(%rip),%rax
;;   a0: jmpq *0x38(%rdi)
;;   a3: int3
;;   a4: mov (%r15),%r11
;;   a7: movq $0x2,0x38(%r11)
;;   af: mov %r15,%rdi
;;   b2: lea 0x3(%rip),%rax
;;   b9: jmpq *0x38(%rdi)
;;   bc: int3
;;   bd: mov (%r15),%r11
;;   c0: movq $0x2,0x38(%r11)
;;   c8: mov %r15,%rdi
;;   cb: lea 0x3(%rip),%rax
;;   d2: jmpq *0x38(%rdi)
;;   d5: int3
;;   d6: mov %r15,%rdi
;;   d9: lea 0x3(%rip),%rax
;;   e0: jmpq *0x48(%rdi)
;;   e3: mov %rdi,%r15
;;   e6: jmpq 0x3c
