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
;;   15: jb 0x7b
;;   1b: sub $0x30,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: xor %r11d,%r11d
;;   2c: mov %r11,-0x18(%rbp)
;;   30: cmpq $-0x522,0x10(%r14)
;;   38: je 0x92
;;   3e: cmpq $-0x522,0x10(%r14)
;;   46: je 0xa4
;;   4c: mov -0x10(%rbp),%eax
;;   4f: test %eax,%eax
;;   51: je 0x6b
;;   57: mov -0x18(%rbp),%eax
;;   5a: add -0x10(%rbp),%eax
;;   5d: mov %eax,-0x18(%rbp)
;;   60: mov -0x10(%rbp),%eax
;;   63: sub $0x1,%eax
;;   66: mov %eax,-0x10(%rbp)
;;   69: jmp 0x3e
;;   6b: mov -0x18(%rbp),%eax
;;   6e: mov %rbp,%rsp
;;   71: pop %rbp
;;   72: retq
;;   73: mov -0x20(%rbp),%eax
;;   76: mov %rbp,%rsp
;;   79: pop %rbp
;;   7a: retq
;;   7b: callq 0x80
;;   80: mov (%r15),%r11
;;   83: movq $0xa,0x38(%r11)
;;   8b: mov %r15,%rdi
;;   8e: pop %rax
;;   8f: jmpq *0x38(%rdi)
;;   92: mov %r15,%rdi
;;   95: lea 0x3(%rip),%rax
;;   9c: jmpq *0x48(%rdi)
;;   9f: mov %rdi,%r15
;;   a2: jmp 0x3e
;;   a4: mov %r15,%rdi
;;   a7: lea 0x3(%rip),%rax
;;   ae: jmpq *0x48(%rdi)
;;   b1: mov %rdi,%r15
;;   b4: jmp 0x4c
