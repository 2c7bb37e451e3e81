;; call_ref: null check (TrapNullReference with the "function" detail in
;; ExitArgs[1]), no type check (validation guarantees it), call.
(module
  (type $t (func (param i32) (result i32)))
  (func (param i32 (ref null $t)) (result i32)
    local.get 0
    local.get 1
    call_ref $t))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x79
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %rcx,-0x18(%rbp)
;;   2d: cmpq $-0x522,0x10(%r14)
;;   35: je 0xc9
;;   3b: mov -0x18(%rbp),%rax
;;   3f: test %rax,%rax
;;   42: je 0x7e
;;   48: mov %rax,-0x28(%rbp)
;;   4c: mov -0x10(%rbp),%edx
;;   4f: mov -0x28(%rbp),%r11
;;   53: test %r11,%r11
;;   56: je 0x8e
;;   5c: mov %r15,%rsi
;;   5f: mov 0x8(%r11),%rdi
;;   63: callq *(%r11)
;;   66: mov -0x8(%rbp),%r15
;;   6a: mov %eax,%eax
;;   6c: mov %rbp,%rsp
;;   6f: pop %rbp
;;   70: retq
;;   71: mov -0x20(%rbp),%eax
;;   74: mov %rbp,%rsp
;;   77: pop %rbp
;;   78: retq
;;   79: callq 0xa5
;;   7e: mov (%r15),%r11
;;   81: movq $0x1,0x40(%r11)
;;   89: callq 0xb7
;;   8e: callq 0x93
;;   93: mov (%r15),%r11
;;   96: movq $0x5,0x38(%r11)
;;   9e: mov %r15,%rdi
;;   a1: pop %rax
;;   a2: jmpq *0x38(%rdi)
;;   a5: mov (%r15),%r11
;;   a8: movq $0xa,0x38(%r11)
;;   b0: mov %r15,%rdi
;;   b3: pop %rax
;;   b4: jmpq *0x38(%rdi)
;;   b7: mov (%r15),%r11
;;   ba: movq $0xb,0x38(%r11)
;;   c2: mov %r15,%rdi
;;   c5: pop %rax
;;   c6: jmpq *0x38(%rdi)
;;   c9: mov %r15,%rdi
;;   cc: lea 0x3(%rip),%rax
;;   d3: jmpq *0x48(%rdi)
;;   d6: mov %rdi,%r15
;;   d9: jmpq 0x3b
