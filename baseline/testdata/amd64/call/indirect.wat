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
;;   34: je 0x127
;;   3a: mov -0x10(%rbp),%eax
;;   3d: cmp 0xc8(%r15),%rax
;;   44: jae 0xbf
;;   4a: mov 0xc0(%r15),%r11
;;   51: mov (%r11,%rax,8),%rcx
;;   55: test %rcx,%rcx
;;   58: je 0xd8
;;   5e: mov %rcx,-0x28(%rbp)
;;   62: mov -0x18(%rbp),%r11d
;;   66: mov %r11d,-0x20(%rbp)
;;   6a: mov -0x20(%rbp),%edx
;;   6d: mov -0x28(%rbp),%r11
;;   71: test %r11,%r11
;;   74: je 0xf5
;;   7a: mov 0xe8(%r15),%eax
;;   81: cmp 0x10(%r11),%eax
;;   85: jne 0x10e
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
;;   a6: mov (%r15),%r11
;;   a9: movq $0xa,0x38(%r11)
;;   b1: mov %r15,%rdi
;;   b4: lea 0x3(%rip),%rax
;;   bb: jmpq *0x38(%rdi)
;;   be: int3
;;   bf: mov (%r15),%r11
;;   c2: movq $0x4,0x38(%r11)
;;   ca: mov %r15,%rdi
;;   cd: lea 0x3(%rip),%rax
;;   d4: jmpq *0x38(%rdi)
;;   d7: int3
;;   d8: mov (%r15),%r11
;;   db: movq $0x5,0x38(%r11)
;;   e3: mov %rax,0x40(%r11)
;;   e7: mov %r15,%rdi
;;   ea: lea 0x3(%rip),%rax
;;   f1: jmpq *0x38(%rdi)
;;   f4: int3
;;   f5: mov (%r15),%r11
;;   f8: movq $0x5,0x38(%r11)
;;  100: mov %r15,%rdi
;;  103: lea 0x3(%rip),%rax
;;  10a: jmpq *0x38(%rdi)
;;  10d: int3
;;  10e: mov (%r15),%r11
;;  111: movq $0x6,0x38(%r11)
;;  119: mov %r15,%rdi
;;  11c: lea 0x3(%rip),%rax
;;  123: jmpq *0x38(%rdi)
;;  126: int3
;;  127: mov %r15,%rdi
;;  12a: lea 0x3(%rip),%rax
;;  131: jmpq *0x48(%rdi)
;;  134: mov %rdi,%r15
;;  137: jmpq 0x3a
