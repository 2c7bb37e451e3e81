;; A direct call: the stack is flushed, arguments loaded into the
;; convention's registers, the callee reached by a relocation, and the VM
;; context reloaded after.
(module
  (func $f (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.sub)
  (func (param i32) (result i32)
    local.get 0
    i32.const 1
    call $f))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x4d
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x66
;;   3a: mov -0x10(%rbp),%eax
;;   3d: mov -0x18(%rbp),%ecx
;;   40: sub %ecx,%eax
;;   42: mov %eax,-0x20(%rbp)
;;   45: mov -0x20(%rbp),%eax
;;   48: mov %rbp,%rsp
;;   4b: pop %rbp
;;   4c: retq
;;   4d: mov (%r15),%r11
;;   50: movq $0xa,0x38(%r11)
;;   58: mov %r15,%rdi
;;   5b: lea 0x3(%rip),%rax
;;   62: jmpq *0x38(%rdi)
;;   65: int3
;;   66: mov %r15,%rdi
;;   69: lea 0x3(%rip),%rax
;;   70: jmpq *0x48(%rdi)
;;   73: mov %rdi,%r15
;;   76: jmp 0x3a
;; function 1:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x68
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x81
;;   37: mov -0x10(%rbp),%r11d
;;   3b: mov %r11d,-0x18(%rbp)
;;   3f: movl $0x1,-0x20(%rbp)
;;   46: mov -0x18(%rbp),%edx
;;   49: mov -0x20(%rbp),%ecx
;;   4c: mov %r15,%rdi
;;   4f: mov %r15,%rsi
;;   52: callq 0x57
;;   57: mov -0x8(%rbp),%r15
;;   5b: mov %eax,%eax
;;   5d: mov %eax,-0x18(%rbp)
;;   60: mov -0x18(%rbp),%eax
;;   63: mov %rbp,%rsp
;;   66: pop %rbp
;;   67: retq
;;   68: mov (%r15),%r11
;;   6b: movq $0xa,0x38(%r11)
;;   73: mov %r15,%rdi
;;   76: lea 0x3(%rip),%rax
;;   7d: jmpq *0x38(%rdi)
;;   80: int3
;;   81: mov %r15,%rdi
;;   84: lea 0x3(%rip),%rax
;;   8b: jmpq *0x48(%rdi)
;;   8e: mov %rdi,%r15
;;   91: jmp 0x37
