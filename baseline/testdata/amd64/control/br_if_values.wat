;; br_if carrying a value to a block whose base is below extra operands:
;; the taken path copies the value into the block's slot first.
(module
  (func (param i32) (result i32)
    i32.const 1
    block (result i32)
      i32.const 2
      i32.const 3
      local.get 0
      br_if 0
      drop
    end
    i32.add))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x72
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x89
;;   37: movl $0x1,-0x18(%rbp)
;;   3e: mov -0x10(%rbp),%eax
;;   41: movl $0x2,-0x20(%rbp)
;;   48: movl $0x3,-0x28(%rbp)
;;   4f: test %eax,%eax
;;   51: je 0x5f
;;   57: mov -0x28(%rbp),%r11d
;;   5b: mov %r11d,-0x20(%rbp)
;;   5f: mov -0x18(%rbp),%eax
;;   62: add -0x20(%rbp),%eax
;;   65: mov %rbp,%rsp
;;   68: pop %rbp
;;   69: retq
;;   6a: mov -0x18(%rbp),%eax
;;   6d: mov %rbp,%rsp
;;   70: pop %rbp
;;   71: retq
;;   72: callq 0x77
;;   77: mov (%r15),%r11
;;   7a: movq $0xa,0x38(%r11)
;;   82: mov %r15,%rdi
;;   85: pop %rax
;;   86: jmpq *0x38(%rdi)
;;   89: mov %r15,%rdi
;;   8c: lea 0x3(%rip),%rax
;;   93: jmpq *0x48(%rdi)
;;   96: mov %rdi,%r15
;;   99: jmp 0x37
