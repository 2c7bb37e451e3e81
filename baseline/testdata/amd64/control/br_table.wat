;; br_table: bounds check to the default, then a jump table of 32-bit
;; offsets after the body.
(module
  (func (param i32) (result i32)
    block
      block
        block
          local.get 0
          br_table 0 1 2
        end
        i32.const 10
        return
      end
      i32.const 11
      return
    end
    i32.const 12))

;; precise-output (regenerate with go test -run TestFiletests -update)
;; function 0:
;;    0: push %rbp
;;    1: mov %rsp,%rbp
;;    4: mov %rdi,%r15
;;    7: mov %rsp,%r11
;;    a: sub $0x20,%r11
;;   11: cmp 0x8(%r15),%r11
;;   15: jb 0x80
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x97
;;   37: mov -0x10(%rbp),%eax
;;   3a: cmp $0x2,%eax
;;   3d: jae 0x71
;;   43: lea 0x62(%rip),%r11
;;   4a: movsxd (%r11,%rax,4),%rax
;;   4e: add %r11,%rax
;;   51: jmp *%rax
;;   53: movl $0xa,-0x18(%rbp)
;;   5a: mov -0x18(%rbp),%eax
;;   5d: mov %rbp,%rsp
;;   60: pop %rbp
;;   61: retq
;;   62: movl $0xb,-0x18(%rbp)
;;   69: mov -0x18(%rbp),%eax
;;   6c: mov %rbp,%rsp
;;   6f: pop %rbp
;;   70: retq
;;   71: movl $0xc,-0x18(%rbp)
;;   78: mov -0x18(%rbp),%eax
;;   7b: mov %rbp,%rsp
;;   7e: pop %rbp
;;   7f: retq
;;   80: callq 0x85
;;   85: mov (%r15),%r11
;;   88: movq $0xa,0x38(%r11)
;;   90: mov %r15,%rdi
;;   93: pop %rax
;;   94: jmpq *0x38(%rdi)
;;   97: mov %r15,%rdi
;;   9a: lea 0x3(%rip),%rax
;;   a1: jmpq *0x48(%rdi)
;;   a4: mov %rdi,%r15
;;   a7: jmp 0x37
;;   a9: int3
;;   aa: int3
;;   ab: int3
;;   ac: cmpsl %es:(%rdi),%ds:(%rsi)
;;   ad: .byte 0xff
;;   ae: .byte 0xff
;;   af: prefix(0xff)
;;   b0: mov $0xff,%dh
;;   b2: .byte 0xff
;;   b3: prefix(0xff)
