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
;;   15: jb 0x62
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: mov %ecx,-0x18(%rbp)
;;   2c: cmpq $-0x522,0x10(%r14)
;;   34: je 0x79
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
;;   62: callq 0x67
;;   67: mov (%r15),%r11
;;   6a: movq $0xa,0x38(%r11)
;;   72: mov %r15,%rdi
;;   75: pop %rax
;;   76: jmpq *0x38(%rdi)
;;   79: mov %r15,%rdi
;;   7c: lea 0x3(%rip),%rax
;;   83: jmpq *0x48(%rdi)
;;   86: mov %rdi,%r15
;;   89: jmp 0x3a
