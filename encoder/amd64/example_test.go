package amd64_test

import (
	"fmt"

	"kiln/encoder"
	"kiln/encoder/amd64"
	"kiln/encoder/disasm"
)

// A bounds-checked 32-bit load with a float constant and a runtime call:
// the pieces both compiler tiers use. After the code come the final
// island's trap stub (ud2, with its trap record and the load's source
// location) and the 8-aligned pool constant 1.0 with its int3 padding,
// which the buffer marks as data.
func Example() {
	buf := encoder.NewBuffer(amd64.BufferISA)
	a := amd64.New(buf)
	const heapOutOfBounds = encoder.TrapCode(1)

	a.Push(amd64.RBP)
	a.MovRR(amd64.Size64, amd64.RBP, amd64.RSP)
	buf.SetSrcLoc(0x2a) // wasm offset of the load
	a.AluRM(amd64.Cmp, amd64.Size64, amd64.RDI, amd64.Addr(amd64.R14, 0x18))
	a.TrapIf(amd64.CondAE, heapOutOfBounds)
	a.Load(amd64.Size32, amd64.RAX, amd64.AddrIndex(amd64.R15, amd64.RDI, 1, 0))
	buf.SetSrcLoc(encoder.NoSrcLoc)
	a.SseM(amd64.Movsd, amd64.X0, a.Const([]byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f}, 8)) // 1.0
	a.CallSym(encoder.Symbol{Kind: encoder.SymRuntime, Index: 3})
	a.Pop(amd64.RBP)
	a.Ret()

	code, err := buf.Finish()
	if err != nil {
		fmt.Println(err)
		return
	}
	text, _ := disasm.Code("amd64", code, disasm.Options{})
	fmt.Print(text)
	fmt.Println("traps:", code.Traps)
	fmt.Println("relocs:", code.Relocs)
	fmt.Println("srclocs:", code.SrcLocs)
	// Output:
	//    0: 55                             push %rbp
	//    1: 48 89 e5                       mov %rsp,%rbp
	//    4: 49 3b 7e 18                    cmp 0x18(%r14),%rdi
	//    8: 0f 83 13 00 00 00              jae 0x21
	//    e: 41 8b 04 3f                    mov (%r15,%rdi),%eax
	//   12: f2 0f 10 05 0e 00 00 00        movsd 0xe(%rip),%xmm0
	//   1a: e8 00 00 00 00                 callq 0x1f ; reloc X86PCRel4 runtime3-4
	//   1f: 5d                             pop %rbp
	//   20: c3                             retq
	//   21: 0f 0b                          ud2 ; trap 1
	//   23: cc cc cc cc cc                 .byte 0xcc,0xcc,0xcc,0xcc,0xcc
	//   28: 00 00 00 00 00 00 f0 3f        .quad 0x3ff0000000000000
	// traps: [{33 1}]
	// relocs: [{27 X86PCRel4 runtime3 -4}]
	// srclocs: [{4 18 42} {33 35 42}]
}
