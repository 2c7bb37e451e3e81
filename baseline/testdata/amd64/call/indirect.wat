;; call_indirect: table bounds check, null check, type id check, call.
(module
  (type $t (func (param i32) (result i32)))
  (table 2 funcref)
  (func (param i32 i32) (result i32)
    local.get 1
    local.get 0
    call_indirect (type $t)))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0xa6
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x10e
;;   3a: mov -0x10(%rbp),%eax
;;   3d: cmp 0xc8(%r15),%rax
;;   44: jae 0xab
;;   4a: mov 0xc0(%r15),%r11
;;   51: mov (%r11,%rax,8),%rcx
;;   55: test %rcx,%rcx
;;   58: je 0xb0
;;   5e: mov %rcx,-0x28(%rbp)
;;   62: mov -0x18(%rbp),%r11d
;;   66: mov %r11d,-0x20(%rbp)
;;   6a: mov -0x20(%rbp),%edx
;;   6d: mov -0x28(%rbp),%r11
;;   71: test %r11,%r11
;;   74: je 0xbc
;;   7a: mov 0xe8(%r15),%eax
;;   81: cmp 0x10(%r11),%eax
;;   85: jne 0xc1
;;   8b: mov %r15,%rsi
;;   8e: mov 0x8(%r11),%rdi
;;   92: callq *(%r11)
;;   95: mov -0x8(%rbp),%r15
;;   99: mov %eax,%eax
;;   9b: mov %eax,-0x20(%rbp)
;;   9e: mov -0x20(%rbp),%eax
;;   a1: mov %rbp,%rsp
;;   a4: pop %rbp
;;   a5: retq
;;   a6: callq 0xfc
;;   ab: callq 0xc6
;;   b0: mov (%r15),%r11
;;   b3: mov %rax,0x40(%r11)
;;   b7: callq 0xd8
;;   bc: callq 0xd8
;;   c1: callq 0xea
;;   c6: mov (%r15),%r11
;;   c9: movq $0x4,0x38(%r11)
;;   d1: mov %r15,%rdi
;;   d4: pop %rax
;;   d5: jmpq *0x38(%rdi)
;;   d8: mov (%r15),%r11
;;   db: movq $0x5,0x38(%r11)
;;   e3: mov %r15,%rdi
;;   e6: pop %rax
;;   e7: jmpq *0x38(%rdi)
;;   ea: mov (%r15),%r11
;;   ed: movq $0x6,0x38(%r11)
;;   f5: mov %r15,%rdi
;;   f8: pop %rax
;;   f9: jmpq *0x38(%rdi)
;;   fc: mov (%r15),%r11
;;   ff: movq $0xa,0x38(%r11)
;;  107: mov %r15,%rdi
;;  10a: pop %rax
;;  10b: jmpq *0x38(%rdi)
;;  10e: mov %r15,%rdi
;;  111: lea 0x3(%rip),%rax
;;  118: jmpq *0x48(%rdi)
;;  11b: mov %rdi,%r15
;;  11e: jmpq 0x3a
