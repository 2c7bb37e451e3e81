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
;;   15: jb 0x8d
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: mov %r8d,-0x20(%rbp)
;;   30: cmpq $-0x522,0x10(%r14)
;;   38: je 0xbb
;;   3e: cmpq $-0x522,0x10(%r14)
;;   46: je 0xd0
;;   4c: mov -0x20(%rbp),%eax
;;   4f: mov -0x10(%rbp),%ecx
;;   52: cmp %ecx,%eax
;;   54: jae 0x83
;;   5a: mov $0x1,%eax
;;   5f: mov -0x20(%rbp),%ecx
;;   62: lea 0x1(%rcx),%r11
;;   66: cmp 0x18(%r15),%r11
;;   6a: ja 0x92
;;   70: mov 0x10(%r15),%r11
;;   74: mov %al,(%r11,%rcx)
;;   78: mov -0x20(%rbp),%eax
;;   7b: add -0x18(%rbp),%eax
;;   7e: mov %eax,-0x20(%rbp)
;;   81: jmp 0x3e
;;   83: mov %rbp,%rsp
;;   86: pop %rbp
;;   87: retq
;;   88: mov %rbp,%rsp
;;   8b: pop %rbp
;;   8c: retq
;;   8d: callq 0xa9
;;   92: callq 0x97
;;   97: mov (%r15),%r11
;;   9a: movq $0x2,0x38(%r11)
;;   a2: mov %r15,%rdi
;;   a5: pop %rax
;;   a6: jmpq *0x38(%rdi)
;;   a9: mov (%r15),%r11
;;   ac: movq $0xa,0x38(%r11)
;;   b4: mov %r15,%rdi
;;   b7: pop %rax
;;   b8: jmpq *0x38(%rdi)
;;   bb: mov %r15,%rdi
;;   be: lea 0x3(%rip),%rax
;;   c5: jmpq *0x48(%rdi)
;;   c8: mov %rdi,%r15
;;   cb: jmpq 0x3e
;;   d0: mov %r15,%rdi
;;   d3: lea 0x3(%rip),%rax
;;   da: jmpq *0x48(%rdi)
;;   dd: mov %rdi,%r15
;;   e0: jmpq 0x4c
