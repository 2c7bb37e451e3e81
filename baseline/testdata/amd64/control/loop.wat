;; A counting loop: the loop header polls the preemption request.
(module
  (func (param i32) (result i32) (local i32)
    block
      loop
        local.get 0
        i32.eqz
        br_if 1
        local.get 1
        local.get 0
        i32.add
        local.set 1
        local.get 0
        i32.const 1
        i32.sub
        local.set 0
        br 0
      end
    end
    local.get 1))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x30,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x85
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: xor %r11d,%r11d
;;   2c: mov %r11,-0x18(%rbp)
;;   30: cmpq $-0x522,0x10(%r14)
;;   38: je 0x9c
;;   3e: cmpq $-0x522,0x10(%r14)
;;   46: je 0xae
;;   4c: mov -0x10(%rbp),%eax
;;   4f: test %eax,%eax
;;   51: sete %al
;;   54: movzbl %al,%eax
;;   57: test %eax,%eax
;;   59: jne 0x75
;;   5f: mov -0x18(%rbp),%eax
;;   62: mov -0x10(%rbp),%ecx
;;   65: add %ecx,%eax
;;   67: mov %eax,-0x18(%rbp)
;;   6a: mov -0x10(%rbp),%eax
;;   6d: sub $0x1,%eax
;;   70: mov %eax,-0x10(%rbp)
;;   73: jmp 0x3e
;;   75: mov -0x18(%rbp),%r11d
;;   79: mov %r11d,-0x20(%rbp)
;;   7d: mov -0x20(%rbp),%eax
;;   80: mov %rbp,%rsp
;;   83: pop %rbp
;;   84: retq
;;   85: callq 0x8a
;;   8a: mov (%r15),%r11
;;   8d: movq $0xa,0x38(%r11)
;;   95: mov %r15,%rdi
;;   98: pop %rax
;;   99: jmpq *0x38(%rdi)
;;   9c: mov %r15,%rdi
;;   9f: lea 0x3(%rip),%rax
;;   a6: jmpq *0x48(%rdi)
;;   a9: mov %rdi,%r15
;;   ac: jmp 0x3e
;;   ae: mov %r15,%rdi
;;   b1: lea 0x3(%rip),%rax
;;   b8: jmpq *0x48(%rdi)
;;   bb: mov %rdi,%r15
;;   be: jmp 0x4c
