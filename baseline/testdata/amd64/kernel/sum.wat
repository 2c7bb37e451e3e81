;; The sum kernel of runtime/internal/compiled/testdata/kernels.wat.
(module
  (func (param i64) (result i64) (local i64 i64)
    loop
      local.get 2 local.get 1 i64.add local.set 2
      local.get 1 i64.const 1 i64.add local.tee 1
      local.get 0 i64.lt_u br_if 0
    end
    local.get 2))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x84
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: xor %r11d,%r11d
;;   2d: mov %r11,-0x20(%rbp)
;;   31: mov %r11,-0x18(%rbp)
;;   35: cmpq $-0x522,0x10(%r14)
;;   3d: je 0x9b
;;   43: cmpq $-0x522,0x10(%r14)
;;   4b: je 0xad
;;   51: mov -0x20(%rbp),%rax
;;   55: add -0x18(%rbp),%rax
;;   59: mov %rax,-0x20(%rbp)
;;   5d: mov -0x18(%rbp),%rax
;;   61: add $0x1,%rax
;;   65: mov %rax,-0x18(%rbp)
;;   69: mov -0x10(%rbp),%rcx
;;   6d: cmp %rcx,%rax
;;   70: jb 0x43
;;   72: mov -0x20(%rbp),%rax
;;   76: mov %rbp,%rsp
;;   79: pop %rbp
;;   7a: retq
;;   7b: mov -0x28(%rbp),%rax
;;   7f: mov %rbp,%rsp
;;   82: pop %rbp
;;   83: retq
;;   84: callq 0x89
;;   89: mov (%r15),%r11
;;   8c: movq $0xa,0x38(%r11)
;;   94: mov %r15,%rdi
;;   97: pop %rax
;;   98: jmpq *0x38(%rdi)
;;   9b: mov %r15,%rdi
;;   9e: lea 0x3(%rip),%rax
;;   a5: jmpq *0x48(%rdi)
;;   a8: mov %rdi,%r15
;;   ab: jmp 0x43
;;   ad: mov %r15,%rdi
;;   b0: lea 0x3(%rip),%rax
;;   b7: jmpq *0x48(%rdi)
;;   ba: mov %rdi,%r15
;;   bd: jmp 0x51
