(module
  (func (param externref) (result i32)
    block
      local.get 0
      br_on_null 0
      drop
      i32.const 1
      return
    end
    i32.const 0))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x5e
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %rdx,-0x10(%rbp)
;;   2a: cmpq $-0x522,0x10(%r14)
;;   32: je 0x75
;;   38: mov -0x10(%rbp),%rax
;;   3c: test %rax,%rax
;;   3f: je 0x4f
;;   45: mov $0x1,%eax
;;   4a: mov %rbp,%rsp
;;   4d: pop %rbp
;;   4e: retq
;;   4f: xor %eax,%eax
;;   51: mov %rbp,%rsp
;;   54: pop %rbp
;;   55: retq
;;   56: mov -0x18(%rbp),%eax
;;   59: mov %rbp,%rsp
;;   5c: pop %rbp
;;   5d: retq
;;   5e: callq 0x63
;;   63: mov (%r15),%r11
;;   66: movq $0xa,0x38(%r11)
;;   6e: mov %r15,%rdi
;;   71: pop %rax
;;   72: jmpq *0x38(%rdi)
;;   75: mov %r15,%rdi
;;   78: lea 0x3(%rip),%rax
;;   7f: jmpq *0x48(%rdi)
;;   82: mov %rdi,%r15
;;   85: jmp 0x38
