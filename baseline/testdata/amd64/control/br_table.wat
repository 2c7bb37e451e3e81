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
;;   15: jb 0x79
;;   1b: sub $0x20,%rsp
;;   22: mov %r15,-0x8(%rbp)
;;   26: mov %edx,-0x10(%rbp)
;;   29: cmpq $-0x522,0x10(%r14)
;;   31: je 0x90
;;   37: mov -0x10(%rbp),%eax
;;   3a: cmp $0x2,%eax
;;   3d: jae 0x67
;;   43: lea 0x5a(%rip),%r11
;;   4a: movsxd (%r11,%rax,4),%rax
;;   4e: add %r11,%rax
;;   51: jmp *%rax
;;   53: mov $0xa,%eax
;;   58: mov %rbp,%rsp
;;   5b: pop %rbp
;;   5c: retq
;;   5d: mov $0xb,%eax
;;   62: mov %rbp,%rsp
;;   65: pop %rbp
;;   66: retq
;;   67: mov $0xc,%eax
;;   6c: mov %rbp,%rsp
;;   6f: pop %rbp
;;   70: retq
;;   71: mov -0x18(%rbp),%eax
;;   74: mov %rbp,%rsp
;;   77: pop %rbp
;;   78: retq
;;   79: callq 0x7e
;;   7e: mov (%r15),%r11
;;   81: movq $0xa,0x38(%r11)
;;   89: mov %r15,%rdi
;;   8c: pop %rax
;;   8d: jmpq *0x38(%rdi)
;;   90: mov %r15,%rdi
;;   93: lea 0x3(%rip),%rax
;;   9a: jmpq *0x48(%rdi)
;;   9d: mov %rdi,%r15
;;   a0: jmp 0x37
;;   a2: int3
;;   a3: int3
;;   a4: scas %es:(%rdi),%eax
;;   a5: .byte 0xff
;;   a6: .byte 0xff
;;   a7: prefix(0xff)
;;   a8: prefix(0xb9)
;;   a9: .byte 0xff
;;   aa: .byte 0xff
;;   ab: prefix(0xff)
