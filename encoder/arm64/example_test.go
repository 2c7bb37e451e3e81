package arm64_test

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/arch/arm64/arm64asm"

	"kiln/encoder/arm64"
)

// A compiler emits through Asm: typed constructors return (Inst, error),
// which Emit takes directly; branches and constant loads take labels; errors
// surface once, from Finish.
func ExampleAsm() {
	a := arm64.NewAsm()
	loop, done := a.NewLabel(), a.NewLabel()

	// sum of x1 down to 1, plus a constant, in x0
	a.Emit(arm64.Stp(arm64.FP, arm64.LR, arm64.PreIndex(arm64.SP, -16)))
	a.Emit(arm64.Movz(arm64.X0, 0, 0))
	a.Cbz(arm64.X1, done)
	a.Bind(loop)
	a.Emit(arm64.Add(arm64.X0, arm64.X0, arm64.X1))
	a.Emit(arm64.SubsImm(arm64.X1, arm64.X1, 1))
	a.BCond(arm64.NE, loop)
	a.Bind(done)
	a.MovConst(arm64.X2, 0xffff_0000_ffff)
	a.Emit(arm64.Add(arm64.X0, arm64.X0, arm64.X2))
	a.Emit(arm64.Ldp(arm64.FP, arm64.LR, arm64.PostIndex(arm64.SP, 16)))
	a.Emit(arm64.Ret(arm64.LR))

	code, err := a.Buf.Finish()
	if err != nil {
		fmt.Println(err)
		return
	}
	for off := 0; off < len(code.Bytes); off += 4 {
		in, _ := arm64asm.Decode(code.Bytes[off:])
		fmt.Printf("%02x: %08x  %s\n", off, binary.LittleEndian.Uint32(code.Bytes[off:]), arm64asm.GNUSyntax(in))
	}
	// Output:
	// 00: a9bf7bfd  stp x29, x30, [sp,#-16]!
	// 04: d2800000  mov x0, #0x0
	// 08: b4000081  cbz x1, .+0x10
	// 0c: 8b010000  add x0, x0, x1
	// 10: f1000421  subs x1, x1, #0x1
	// 14: 54ffffc1  b.ne .+0xfffffffffffffff8
	// 18: b2003fe2  mov x2, #0xffff0000ffff
	// 1c: 8b020000  add x0, x0, x2
	// 20: a8c17bfd  ldp x29, x30, [sp],#16
	// 24: d65f03c0  ret
}

// Encoding one instruction without a buffer; impossible requests are
// errors, never bytes.
func ExampleAddImm() {
	in, err := arm64.AddImm(arm64.SP, arm64.SP, 0x3000)
	fmt.Printf("%08x %v\n", uint32(in), err)
	_, err = arm64.AddImm(arm64.SP, arm64.SP, 0x3001)
	fmt.Println(err)
	_, err = arm64.AndImm(arm64.X0, arm64.X1, 0x1234)
	fmt.Println(err)
	// Output:
	// 91400fff <nil>
	// arm64: add Xd|SP Xn|SP #imm12 {lsl#12}: #imm12: immediate 12289 does not fit 12 bits
	// arm64: and Xd|SP Xn #bimm: #bimm: 0x1234 is not a 64-bit logical immediate
}
