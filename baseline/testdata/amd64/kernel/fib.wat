;; The fib kernel of runtime/internal/compiled/testdata/kernels.wat.
(module
  (func $fib (param i32) (result i32)
    local.get 0 i32.const 2 i32.lt_u
    if (result i32) local.get 0
    else local.get 0 i32.const 1 i32.sub call $fib local.get 0 i32.const 2 i32.sub call $fib i32.add end))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x9d
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0xb4
;;   37: mov -0x10(%rbp),%eax
;;   3a: cmp $0x2,%eax
;;   3d: jae 0x50
;;   43: mov -0x10(%rbp),%r11d
;;   47: mov %r11d,-0x18(%rbp)
;;   4b: jmpq 0x8d
;;   50: mov -0x10(%rbp),%eax
;;   53: sub $0x1,%eax
;;   56: mov %eax,%edx
;;   58: mov %r15,%rdi
;;   5b: mov %r15,%rsi
;;   5e: callq 0x63
;;   63: mov -0x8(%rbp),%r15
;;   67: mov %eax,%eax
;;   69: mov -0x10(%rbp),%ecx
;;   6c: sub $0x2,%ecx
;;   6f: mov %eax,-0x18(%rbp)
;;   72: mov %ecx,%edx
;;   74: mov %r15,%rdi
;;   77: mov %r15,%rsi
;;   7a: callq 0x7f
;;   7f: mov -0x8(%rbp),%r15
;;   83: mov %eax,%eax
;;   85: mov -0x18(%rbp),%ecx
;;   88: add %eax,%ecx
;;   8a: mov %ecx,-0x18(%rbp)
;;   8d: mov -0x18(%rbp),%eax
;;   90: mov %rbp,%rsp
;;   93: pop %rbp
;;   94: retq
;;   95: mov -0x18(%rbp),%eax
;;   98: mov %rbp,%rsp
;;   9b: pop %rbp
;;   9c: retq
;;   9d: callq 0xa2
;;   a2: mov (%r15),%r11
;;   a5: movq $0xa,0x38(%r11)
;;   ad: mov %r15,%rdi
;;   b0: pop %rax
;;   b1: jmpq *0x38(%rdi)
;;   b4: mov %r15,%rdi
;;   b7: lea 0x3(%rip),%rax
;;   be: jmpq *0x48(%rdi)
;;   c1: mov %rdi,%r15
;;   c4: jmpq 0x37
