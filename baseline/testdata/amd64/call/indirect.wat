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
;;   15: jb 0xa0
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x108
;;   3a: mov -0x10(%rbp),%eax
;;   3d: cmp 0xc8(%r15),%rax
;;   44: jae 0xa5
;;   4a: mov 0xc0(%r15),%r11
;;   51: mov (%r11,%rax,8),%rcx
;;   55: test %rcx,%rcx
;;   58: je 0xaa
;;   5e: mov %rcx,-0x28(%rbp)
;;   62: mov -0x18(%rbp),%edx
;;   65: mov -0x28(%rbp),%r11
;;   69: test %r11,%r11
;;   6c: je 0xb6
;;   72: mov 0xe8(%r15),%eax
;;   79: cmp 0x10(%r11),%eax
;;   7d: jne 0xbb
;;   83: mov %r15,%rsi
;;   86: mov 0x8(%r11),%rdi
;;   8a: callq *(%r11)
;;   8d: mov -0x8(%rbp),%r15
;;   91: mov %eax,%eax
;;   93: mov %rbp,%rsp
;;   96: pop %rbp
;;   97: retq
;;   98: mov -0x20(%rbp),%eax
;;   9b: mov %rbp,%rsp
;;   9e: pop %rbp
;;   9f: retq
;;   a0: callq 0xf6
;;   a5: callq 0xc0
;;   aa: mov (%r15),%r11
;;   ad: mov %rax,0x40(%r11)
;;   b1: callq 0xd2
;;   b6: callq 0xd2
;;   bb: callq 0xe4
;;   c0: mov (%r15),%r11
;;   c3: movq $0x4,0x38(%r11)
;;   cb: mov %r15,%rdi
;;   ce: pop %rax
;;   cf: jmpq *0x38(%rdi)
;;   d2: mov (%r15),%r11
;;   d5: movq $0x5,0x38(%r11)
;;   dd: mov %r15,%rdi
;;   e0: pop %rax
;;   e1: jmpq *0x38(%rdi)
;;   e4: mov (%r15),%r11
;;   e7: movq $0x6,0x38(%r11)
;;   ef: mov %r15,%rdi
;;   f2: pop %rax
;;   f3: jmpq *0x38(%rdi)
;;   f6: mov (%r15),%r11
;;   f9: movq $0xa,0x38(%r11)
;;  101: mov %r15,%rdi
;;  104: pop %rax
;;  105: jmpq *0x38(%rdi)
;;  108: mov %r15,%rdi
;;  10b: lea 0x3(%rip),%rax
;;  112: jmpq *0x48(%rdi)
;;  115: mov %rdi,%r15
;;  118: jmpq 0x3a
