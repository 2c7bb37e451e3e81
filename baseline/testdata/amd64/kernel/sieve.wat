;; The inner loop of the sieve kernel of
;; runtime/internal/compiled/testdata/kernels.wat: a byte store per
;; iteration, bounds-checked.
(module
  (memory 16)
  (func (param i32 i32 i32)
    block loop
      local.get 2 local.get 0 i32.ge_u br_if 1
      local.get 2 i32.const 1 i32.store8
      local.get 2 local.get 1 i32.add local.set 2
      br 0
    end end))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x8c
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov 0x10(%r15),%rbx
;;   2a: mov %edx,-0x10(%rbp)
;;   2d: mov %ecx,-0x18(%rbp)
;;   30: mov %r8d,-0x20(%rbp)
;;   34: cmpq $-0x522,0x10(%r14)
;;   3c: je 0xba
;;   42: cmpq $-0x522,0x10(%r14)
;;   4a: je 0xd3
;;   50: mov -0x20(%rbp),%eax
;;   53: mov -0x10(%rbp),%ecx
;;   56: cmp %ecx,%eax
;;   58: jae 0x82
;;   5e: mov $0x1,%eax
;;   63: mov -0x20(%rbp),%ecx
;;   66: lea 0x1(%rcx),%r11
;;   6a: cmp 0x18(%r15),%r11
;;   6e: ja 0x91
;;   74: mov %al,(%rbx,%rcx)
;;   77: mov -0x20(%rbp),%eax
;;   7a: add -0x18(%rbp),%eax
;;   7d: mov %eax,-0x20(%rbp)
;;   80: jmp 0x42
;;   82: mov %rbp,%rsp
;;   85: pop %rbp
;;   86: retq
;;   87: mov %rbp,%rsp
;;   8a: pop %rbp
;;   8b: retq
;;   8c: callq 0xa8
;;   91: callq 0x96
;;   96: mov (%r15),%r11
;;   99: movq $0x2,0x38(%r11)
;;   a1: mov %r15,%rdi
;;   a4: pop %rax
;;   a5: jmpq *0x38(%rdi)
;;   a8: mov (%r15),%r11
;;   ab: movq $0xa,0x38(%r11)
;;   b3: mov %r15,%rdi
;;   b6: pop %rax
;;   b7: jmpq *0x38(%rdi)
;;   ba: mov %r15,%rdi
;;   bd: lea 0x3(%rip),%rax
;;   c4: jmpq *0x48(%rdi)
;;   c7: mov %rdi,%r15
;;   ca: mov 0x10(%r15),%rbx
;;   ce: jmpq 0x42
;;   d3: mov %r15,%rdi
;;   d6: lea 0x3(%rip),%rax
;;   dd: jmpq *0x48(%rdi)
;;   e0: mov %rdi,%r15
;;   e3: mov 0x10(%r15),%rbx
;;   e7: jmpq 0x50
