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
;;   38: je 0x70
;;   3e: mov -0x10(%rbp),%eax
;;   41: imul $0x3,%eax,%eax
;;   44: mov %eax,-0x18(%rbp)
;;   47: mov -0x18(%rbp),%ecx
;;   4a: add %ecx,%eax
;;   4c: mov %eax,-0x20(%rbp)
;;   4f: mov -0x20(%rbp),%eax
;;   52: mov %rbp,%rsp
;;   55: pop %rbp
;;   56: retq
;;   57: mov (%r15),%r11
;;   5a: movq $0xa,0x38(%r11)
;;   62: mov %r15,%rdi
;;   65: lea 0x3(%rip),%rax
;;   6c: jmpq *0x38(%rdi)
;;   6f: int3
;;   70: mov %r15,%rdi
;;   73: lea 0x3(%rip),%rax
;;   7a: jmpq *0x48(%rdi)
;;   7d: mov %rdi,%r15
;;   80: jmp 0x3e
