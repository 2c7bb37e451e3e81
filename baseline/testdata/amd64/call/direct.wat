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
;;   34: je 0x64
;;   3a: mov -0x10(%rbp),%eax
;;   3d: sub -0x18(%rbp),%eax
;;   40: mov %rbp,%rsp
;;   43: pop %rbp
;;   44: retq
;;   45: mov -0x20(%rbp),%eax
;;   48: mov %rbp,%rsp
;;   4b: pop %rbp
;;   4c: retq
;;   4d: callq 0x52
;;   52: mov (%r15),%r11
;;   55: movq $0xa,0x38(%r11)
;;   5d: mov %r15,%rdi
;;   60: pop %rax
;;   61: jmpq *0x38(%rdi)
;;   64: mov %r15,%rdi
;;   67: lea 0x3(%rip),%rax
;;   6e: jmpq *0x48(%rdi)
;;   71: mov %rdi,%r15
;;   74: jmp 0x3a
;; function 1:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5d
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x74
;;   37: mov -0x10(%rbp),%edx
;;   3a: mov $0x1,%ecx
;;   3f: mov %r15,%rdi
;;   42: mov %r15,%rsi
;;   45: callq 0x4a
;;   4a: mov -0x8(%rbp),%r15
;;   4e: mov %eax,%eax
;;   50: mov %rbp,%rsp
;;   53: pop %rbp
;;   54: retq
;;   55: mov -0x18(%rbp),%eax
;;   58: mov %rbp,%rsp
;;   5b: pop %rbp
;;   5c: retq
;;   5d: callq 0x62
;;   62: mov (%r15),%r11
;;   65: movq $0xa,0x38(%r11)
;;   6d: mov %r15,%rdi
;;   70: pop %rax
;;   71: jmpq *0x38(%rdi)
;;   74: mov %r15,%rdi
;;   77: lea 0x3(%rip),%rax
;;   7e: jmpq *0x48(%rdi)
;;   81: mov %rdi,%r15
;;   84: jmp 0x37
