;; if/else with a result: both arms leave it in the block's slot.
(module
  (func (param i32 i32) (result i32)
    local.get 0
    if (result i32)
      local.get 1
      i32.const 1
      i32.add
    else
      i32.const 7
    end))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x6a
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x81
;;   3a: mov -0x10(%rbp),%eax
;;   3d: test %eax,%eax
;;   3f: je 0x53
;;   45: mov -0x18(%rbp),%eax
;;   48: add $0x1,%eax
;;   4b: mov %eax,-0x20(%rbp)
;;   4e: jmpq 0x5a
;;   53: movl $0x7,-0x20(%rbp)
;;   5a: mov -0x20(%rbp),%eax
;;   5d: mov %rbp,%rsp
;;   60: pop %rbp
;;   61: retq
;;   62: mov -0x20(%rbp),%eax
;;   65: mov %rbp,%rsp
;;   68: pop %rbp
;;   69: retq
;;   6a: callq 0x6f
;;   6f: mov (%r15),%r11
;;   72: movq $0xa,0x38(%r11)
;;   7a: mov %r15,%rdi
;;   7d: pop %rax
;;   7e: jmpq *0x38(%rdi)
;;   81: mov %r15,%rdi
;;   84: lea 0x3(%rip),%rax
;;   8b: jmpq *0x48(%rdi)
;;   8e: mov %rdi,%r15
;;   91: jmp 0x3a
