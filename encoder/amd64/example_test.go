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
// location) and the 8-aligned pool constant 1.0, which the disassembler
// shows as whatever its bytes happen to decode to.
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
	text, _ := disasm.Text("amd64", code.Bytes, 0, disasm.Options{})
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
	//   1a: e8 00 00 00 00                 callq 0x1f
	//   1f: 5d                             pop %rbp
	//   20: c3                             retq
	//   21: 0f 0b                          ud2
	//   23: cc                             int3
	//   24: cc                             int3
	//   25: cc                             int3
	//   26: cc                             int3
	//   27: cc                             int3
	//   28: 00 00                          add %al,(%rax)
	//   2a: 00 00                          add %al,(%rax)
	//   2c: 00 00                          add %al,(%rax)
	//   2e: f0                             lock
	//   2f: 3f                             .byte 0x3f
	// traps: [{33 1}]
	// relocs: [{27 X86PCRel4 runtime3 -4}]
	// srclocs: [{4 18 42} {33 35 42}]
}
