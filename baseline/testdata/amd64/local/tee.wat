;; local.tee keeps the value in its register while storing it.
(module
  (func (param i32) (result i32) (local i32)
    local.get 0
    i32.const 3
    i32.mul
    local.tee 1
    local.get 1
    i32.add))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x57
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: xor %r11d,%r11d
;;   2c: mov %r11,-0x18(%rbp)
;;   30: cmpq $-0x522,0x10(%r14)
;;   38: je 0x6e
;;   3e: mov -0x10(%rbp),%eax
;;   41: imul $0x3,%eax,%eax
;;   44: mov %eax,-0x18(%rbp)
;;   47: add -0x18(%rbp),%eax
;;   4a: mov %rbp,%rsp
;;   4d: pop %rbp
;;   4e: retq
;;   4f: mov -0x20(%rbp),%eax
;;   52: mov %rbp,%rsp
;;   55: pop %rbp
;;   56: retq
;;   57: callq 0x5c
;;   5c: mov (%r15),%r11
;;   5f: movq $0xa,0x38(%r11)
;;   67: mov %r15,%rdi
;;   6a: pop %rax
;;   6b: jmpq *0x38(%rdi)
;;   6e: mov %r15,%rdi
;;   71: lea 0x3(%rip),%rax
;;   78: jmpq *0x48(%rdi)
;;   7b: mov %rdi,%r15
;;   7e: jmp 0x3e
