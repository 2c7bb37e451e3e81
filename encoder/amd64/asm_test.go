package amd64

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"

	"golang.org/x/arch/x86/x86asm"

	"kiln/encoder"
)

func newAsm() (*Assembler, *encoder.Buffer) {
	buf := encoder.NewBuffer(BufferISA)
	return New(buf), buf
}

// gnu decodes code (one or more instructions) with x86asm.
func gnu(t *testing.T, code []byte) string {
	t.Helper()
	var out []string
	for pc := 0; pc < len(code); {
		d, err := x86asm.Decode(code[pc:], 64)
		if err != nil {
			t.Fatalf("decode % x at %d: %v", code, pc, err)
		}
		out = append(out, x86asm.GNUSyntax(d, uint64(pc), nil))
		pc += d.Len
	}
	return strings.Join(out, "; ")
}

// TestAssemblerMethods checks the typed API: each method picks the right
// row and form. Expectations are x86asm's GNU syntax (the oracle), plus the
// length where the method chooses between encodings.
func TestAssemblerMethods(t *testing.T) {
	l := func(a *Assembler) encoder.Label { return a.buf.UseConstant([]byte{1, 2, 3, 4, 5, 6, 7, 8}, 8) }
	tests := []struct {
		emit func(a *Assembler) error
		want string
		n    int // expected length of the first instruction, 0 = don't care
	}{
		{func(a *Assembler) error { return a.AluRR(Add, Size64, RAX, RCX) }, "add %rcx,%rax", 3},
		{func(a *Assembler) error { return a.AluRR(Sub, Size32, R9, R10) }, "sub %r10d,%r9d", 3},
		{func(a *Assembler) error { return a.AluRR(Xor, Size8, RSI, RDI) }, "xor %dil,%sil", 3},
		{func(a *Assembler) error { return a.AluRR(Cmp, Size16, RAX, R15) }, "cmp %r15w,%ax", 4},
		{func(a *Assembler) error { return a.AluRI(Add, Size64, RAX, 1) }, "add $0x1,%rax", 4},
		{func(a *Assembler) error { return a.AluRI(Add, Size64, RAX, -129) }, "add $-0x81,%rax", 7},
		{func(a *Assembler) error { return a.AluRI(And, Size32, RDX, 0xFFFFFFFF) }, "and $-0x1,%edx", 3},
		{func(a *Assembler) error { return a.AluRI(Cmp, Size8, RSI, 200) }, "cmp $0xc8,%sil", 4},
		{func(a *Assembler) error { return a.AluRM(Adc, Size64, R8, AddrIndex(R12, R13, 4, 0)) }, "adc (%r12,%r13,4),%r8", 4},
		{func(a *Assembler) error { return a.AluMR(Or, Size32, Addr(RBP, 0), RAX) }, "or %eax,(%rbp)", 3},
		{func(a *Assembler) error { return a.AluMI(Sbb, Size16, Addr(RSP, 8), 1000) }, "sbbw $0x3e8,0x8(%rsp)", 0},
		{func(a *Assembler) error { return a.LockAluMR(Add, Size64, Addr(RDI, 0), RAX) }, "lock add %rax,(%rdi)", 0},
		{func(a *Assembler) error { return a.TestRR(Size32, RAX, RAX) }, "test %eax,%eax", 2},
		{func(a *Assembler) error { return a.TestRI(Size8, RDI, 1) }, "test $0x1,%dil", 4},
		{func(a *Assembler) error { return a.UnaryR(Neg, Size64, R11) }, "neg %r11", 3},
		{func(a *Assembler) error { return a.UnaryM(Inc, Size32, AddrAbs(0x1000)) }, "incl 0x1000", 0},
		{func(a *Assembler) error { return a.UnaryR(Idiv, Size64, RCX) }, "idiv %rcx", 3},
		{func(a *Assembler) error { return a.LockUnaryM(Dec, Size64, Addr(RAX, 0)) }, "lock decq (%rax)", 0},
		{func(a *Assembler) error { return a.ShiftRI(Shl, Size64, RAX, 3) }, "shl $0x3,%rax", 4},
		{func(a *Assembler) error { return a.ShiftRCL(Sar, Size32, R8) }, "sar %cl,%r8d", 3},
		{func(a *Assembler) error { return a.ShiftMI(Ror, Size16, Addr(RBX, -4), 7) }, "rorw $0x7,-0x4(%rbx)", 0},
		{func(a *Assembler) error { return a.ImulRR(Size64, RAX, RDX) }, "imul %rdx,%rax", 4},
		{func(a *Assembler) error { return a.ImulRRI(Size32, RAX, RDX, 10) }, "imul $0xa,%edx,%eax", 3},
		{func(a *Assembler) error { return a.ImulRRI(Size32, RAX, RDX, 1000) }, "imul $0x3e8,%edx,%eax", 6},
		{func(a *Assembler) error { return a.SignExtendAX(Size64) }, "cqto", 2},
		{func(a *Assembler) error { return a.SignExtendAX(Size32) }, "cltd", 1},
		{func(a *Assembler) error { return a.SignExtendAccum(Size64) }, "cdqe", 2},
		{func(a *Assembler) error { return a.MovRR(Size64, RBP, RSP) }, "mov %rsp,%rbp", 3},
		{func(a *Assembler) error { return a.Load(Size32, RAX, Addr(R13, 0)) }, "mov (%r13),%eax", 4},
		{func(a *Assembler) error { return a.Load(Size64, RAX, Addr(R12, 0)) }, "mov (%r12,%riz),%rax", 4},
		{func(a *Assembler) error { return a.Store(Size8, Addr(RAX, 1), RBP) }, "mov %bpl,0x1(%rax)", 4},
		{func(a *Assembler) error { return a.StoreImm(Size64, Addr(RSP, 0), -1) }, "movq $-0x1,(%rsp)", 0},
		{func(a *Assembler) error { return a.MovRI(Size64, RAX, 0) }, "mov $0x0,%eax", 5},
		{func(a *Assembler) error { return a.MovRI(Size64, R9, 0xFFFFFFFF) }, "mov $-0x1,%r9d", 6},
		{func(a *Assembler) error { return a.MovRI(Size64, RAX, -1) }, "mov $-0x1,%rax", 7},
		{func(a *Assembler) error { return a.MovRI(Size64, RAX, 1<<40) }, "mov $0x10000000000,%rax", 10},
		{func(a *Assembler) error { return a.MovAbs(R15, 1) }, "mov $0x1,%r15", 10},
		{func(a *Assembler) error { return a.MovZX(Size32, Size8, RAX, RSI) }, "movzbl %sil,%eax", 4},
		{func(a *Assembler) error { return a.MovZX(Size64, Size16, RAX, R8) }, "movzwq %r8w,%rax", 4},
		{func(a *Assembler) error { return a.MovZX(Size64, Size32, RAX, RCX) }, "mov %ecx,%eax", 2},
		{func(a *Assembler) error { return a.MovSX(Size64, Size32, RAX, RCX) }, "movsxd %ecx,%rax", 3},
		{func(a *Assembler) error { return a.MovSXLoad(Size64, Size8, RAX, Addr(RDI, 3)) }, "movsbq 0x3(%rdi),%rax", 5},
		{func(a *Assembler) error { return a.Lea(Size64, RAX, AddrIndex(RAX, RAX, 2, 0)) }, "lea (%rax,%rax,2),%rax", 4},
		{func(a *Assembler) error { return a.Lea(Size64, RAX, AddrScaled(RCX, 8, 16)) }, "lea 0x10(,%rcx,8),%rax", 8},
		{func(a *Assembler) error { return a.Setcc(CondE, RDI) }, "sete %dil", 4},
		{func(a *Assembler) error { return a.Setcc(CondB, RAX) }, "setb %al", 3},
		{func(a *Assembler) error { return a.Cmov(CondL, Size64, RAX, R10) }, "cmovl %r10,%rax", 4},
		{func(a *Assembler) error { return a.CallR(R11) }, "call *%r11", 3},
		{func(a *Assembler) error { return a.JmpMem(AddrIndex(RAX, RCX, 8, 0)) }, "jmpq *(%rax,%rcx,8)", 3},
		{func(a *Assembler) error { return a.Push(R12) }, "push %r12", 2},
		{func(a *Assembler) error { return a.Pop(RBX) }, "pop %rbx", 1},
		{func(a *Assembler) error { return a.PushImm(5) }, "pushq $0x5", 2},
		{func(a *Assembler) error { return a.PushImm(500) }, "pushq $0x1f4", 5},
		{func(a *Assembler) error { return a.Ret() }, "retq", 1},
		{func(a *Assembler) error { return a.RetImm(16) }, "retq $0x10", 3},
		{func(a *Assembler) error { return a.Ud2() }, "ud2", 2},
		{func(a *Assembler) error { return a.Mfence() }, "mfence", 3},
		{func(a *Assembler) error { return a.Nop(3) }, "nopl (%rax)", 3},
		{func(a *Assembler) error { return a.Nop(9) }, "nopw (%rax,%rax)", 9},
		{func(a *Assembler) error { return a.Bt(Size64, RAX, RCX) }, "bt %rcx,%rax", 4},
		{func(a *Assembler) error { return a.BtI(Size32, R8, 31) }, "bt $0x1f,%r8d", 5},
		{func(a *Assembler) error { return a.Bswap(Size64, R9) }, "bswap %r9", 3},
		{func(a *Assembler) error { return a.Bswap(Size32, RAX) }, "bswap %eax", 2},
		{func(a *Assembler) error { return a.BitRR(BitPopcnt, Size64, RAX, RBX) }, "popcnt %rbx,%rax", 5},
		{func(a *Assembler) error { return a.BitRR(BitLzcnt, Size32, RAX, RBX) }, "lzcnt %ebx,%eax", 4},
		{func(a *Assembler) error { return a.BitRR(BitTzcnt, Size16, RAX, RBX) }, "tzcnt %bx,%ax", 5},
		{func(a *Assembler) error { return a.BitRR(BitBsr, Size64, RAX, RBX) }, "bsr %rbx,%rax", 4},
		{func(a *Assembler) error { return a.XchgMR(Size32, Addr(RSI, 0), RAX) }, "xchg %eax,(%rsi)", 2},
		{func(a *Assembler) error { return a.CmpxchgMR(Size64, Addr(RSI, 0), RDX, true) }, "lock cmpxchg %rdx,(%rsi)", 5},
		{func(a *Assembler) error { return a.XaddMR(Size8, Addr(RSI, 0), RDX, true) }, "lock xadd %dl,(%rsi)", 4},
		{func(a *Assembler) error { return a.Sse(Addps, X1, X9) }, "addps %xmm9,%xmm1", 4},
		{func(a *Assembler) error { return a.Sse(Pshufb, X0, X1) }, "pshufb %xmm1,%xmm0", 5},
		{func(a *Assembler) error { return a.SseI(Pshufd, X2, X3, 0x1b) }, "pshufd $0x1b,%xmm3,%xmm2", 5},
		{func(a *Assembler) error { return a.SseI(Roundsd, X2, X3, 9) }, "roundsd $0x9,%xmm3,%xmm2", 6},
		{func(a *Assembler) error { return a.SseM(Movsd, X0, AddrLabel(l(a), 0)) }, "movsd (%rip),%xmm0", 8},
		{func(a *Assembler) error { return a.SseStore(MovdquSt, Addr(RSP, 16), X8) }, "movdqu %xmm8,0x10(%rsp)", 7},
		{func(a *Assembler) error { return a.SseShiftI(PsrlqI, X10, 63) }, "psrlq $0x3f,%xmm10", 6},
		{func(a *Assembler) error { return a.SseFromGPR(Cvtsi2sd, Size64, X1, RAX) }, "cvtsi2sd %rax,%xmm1", 5},
		{func(a *Assembler) error { return a.SseFromGPR(MovdToX, Size32, X1, RAX) }, "movd %eax,%xmm1", 4},
		{func(a *Assembler) error { return a.SseToGPR(Cvttss2si, Size32, RAX, X1) }, "cvttss2si %xmm1,%eax", 4},
		{func(a *Assembler) error { return a.SseToGPR(MovdFromX, Size64, R8, X1) }, "movq %xmm1,%r8", 5},
		{func(a *Assembler) error { return a.SseToGPR(Pmovmskb, 0, RAX, X15) }, "pmovmskb %xmm15,%eax", 5},
		{func(a *Assembler) error { return a.Pinsr(Pinsrq, X3, R9, 1) }, "pinsrq $0x1,%r9,%xmm3", 7},
		{func(a *Assembler) error { return a.Pextr(Pextrb, RAX, X3, 15) }, "pextrb $0xf,%xmm3,%eax", 6},
		{func(a *Assembler) error { return a.Avx(Addps, X1, X2, X3) }, "vaddps %xmm3,%xmm2,%xmm1", 4},
		{func(a *Assembler) error { return a.Avx(Addps, X1, X2, X15) }, "vaddps %xmm15,%xmm2,%xmm1", 5},
		{func(a *Assembler) error { return a.Avx(Pshufb, X8, X9, X10) }, "vpshufb %xmm10,%xmm9,%xmm8", 5},
		{func(a *Assembler) error { return a.Avx(Movss, X1, X2, X3) }, "vmovss %xmm3,%xmm2,%xmm1", 4},
		{func(a *Assembler) error { return a.AvxUnaryM(Movss, X1, Addr(RAX, 0)) }, "vmovss (%rax),%xmm1", 4},
		{func(a *Assembler) error { return a.AvxUnary(Sqrtps, X1, X2) }, "vsqrtps %xmm2,%xmm1", 4},
		{func(a *Assembler) error { return a.AvxBlendv(Blendvps, X1, X2, X3, X4) }, "vblendvps %xmm4,%xmm3,%xmm2,%xmm1", 6},
		{func(a *Assembler) error { return a.AvxShiftI(PslldI, X1, X2, 4) }, "vpslld $0x4,%xmm2,%xmm1", 5},
		{func(a *Assembler) error { return a.AvxFromGPR(Cvtsi2ss, Size64, X1, X2, RAX) }, "vcvtsi2ss %rax,%xmm2,%xmm1", 5},
		{func(a *Assembler) error { return a.AvxToGPR(Cvttsd2si, Size64, RAX, X2) }, "vcvttsd2si %xmm2,%rax", 5},
		{func(a *Assembler) error { return a.AvxPinsr(Pinsrd, X1, X2, RAX, 3) }, "vpinsrd $0x3,%eax,%xmm2,%xmm1", 6},
		{func(a *Assembler) error { return a.AvxPextr(Pextrq, RAX, X2, 1) }, "vpextrq $0x1,%xmm2,%rax", 6},
		{func(a *Assembler) error { return a.Avx256(Paddd, Y1, Y2, Y3) }, "vpaddd %ymm3,%ymm2,%ymm1", 4},
		{func(a *Assembler) error { return a.Avx256(Addps, Y8, Y9, Y15) }, "vaddps %ymm15,%ymm9,%ymm8", 5},
		{func(a *Assembler) error { return a.Avx256UnaryM(Movups, Y0, Addr(RDI, 32)) }, "vmovups 0x20(%rdi),%ymm0", 5},
		{func(a *Assembler) error { return a.Avx256I(Shufps, Y1, Y2, Y3, 0x1b) }, "vshufps $0x1b,%ymm3,%ymm2,%ymm1", 5},
		{func(a *Assembler) error { return a.AvxUnary(Pbroadcastd, X1, X2) }, "vpbroadcastd %xmm2,%xmm1", 5},
		{func(a *Assembler) error { return a.Avx(Psllvq, X1, X2, X3) }, "vpsllvq %xmm3,%xmm2,%xmm1", 5},
	}
	for _, tc := range tests {
		a, buf := newAsm()
		if err := tc.emit(a); err != nil {
			t.Errorf("%s: %v", tc.want, err)
			continue
		}
		code := buf.Bytes()
		got := gnu(t, code)
		if got != tc.want {
			t.Errorf("got %q [% x], want %q", got, code, tc.want)
		}
		if d, _ := x86asm.Decode(code, 64); tc.n != 0 && d.Len != tc.n {
			t.Errorf("%s: %d bytes, want %d", tc.want, d.Len, tc.n)
		}
	}
}

// TestMovRIValue checks MovRI semantically: whichever form it picks, the
// register ends up holding the requested value.
func TestMovRIValue(t *testing.T) {
	values := []int64{0, 1, -1, 127, 128, -128, math.MaxInt32, math.MinInt32, math.MaxUint32,
		math.MaxUint32 + 1, math.MaxInt64, math.MinInt64, -0x80000001, 0x123456789}
	for _, v := range values {
		for r := RAX; r < numGPR; r++ {
			a, buf := newAsm()
			if err := a.MovRI(Size64, r, v); err != nil {
				t.Fatalf("MovRI(%d): %v", v, err)
			}
			d, err := x86asm.Decode(buf.Bytes(), 64)
			if err != nil || d.Op != x86asm.MOV || d.Len != buf.Len() {
				t.Fatalf("MovRI(%d): % x does not decode as one mov", v, buf.Bytes())
			}
			imm := int64(d.Args[1].(x86asm.Imm))
			var got uint64
			switch reg := d.Args[0].(x86asm.Reg); {
			case reg >= x86asm.EAX && reg <= x86asm.R15L:
				got = uint64(uint32(imm)) // 32-bit writes zero-extend
				if reg-x86asm.EAX != x86asm.Reg(r) {
					t.Fatalf("wrong register %v", reg)
				}
			case reg >= x86asm.RAX && reg <= x86asm.R15:
				got = uint64(imm) // imm32 forms are sign-extended by the decoder
				if d.Len < 10 {
					got = uint64(int64(int32(imm)))
				}
			default:
				t.Fatalf("unexpected destination %v", reg)
			}
			if got != uint64(v) {
				t.Errorf("MovRI(%s, %#x) = % x loads %#x", r, v, buf.Bytes(), got)
			}
		}
	}
}

// TestInvalidRequests: every impossible request is an error (never bytes),
// and the error also reaches Buffer.Finish.
func TestInvalidRequests(t *testing.T) {
	tests := []struct {
		name string
		emit func(a *Assembler) error
	}{
		{"scale 3", func(a *Assembler) error { return a.Load(Size64, RAX, AddrIndex(RAX, RCX, 3, 0)) }},
		{"rsp index", func(a *Assembler) error { return a.Load(Size64, RAX, AddrIndex(RAX, RSP, 1, 0)) }},
		{"zero Mem", func(a *Assembler) error { return a.Load(Size64, RAX, Mem{}) }},
		{"register 16", func(a *Assembler) error { return a.MovRR(Size64, GPR(16), RAX) }},
		{"xmm 16", func(a *Assembler) error { return a.Sse(Addps, XMM(16), X0) }},
		{"imm too wide for 64-bit ALU", func(a *Assembler) error { return a.AluRI(Add, Size64, RAX, 1<<31) }},
		{"imm too wide for 8-bit", func(a *Assembler) error { return a.AluRI(Add, Size8, RAX, 256) }},
		{"imm too wide for 16-bit", func(a *Assembler) error { return a.AluRI(Add, Size16, RAX, -32769) }},
		{"imm too wide for 32-bit mov", func(a *Assembler) error { return a.MovRI(Size32, RAX, 1<<32) }},
		{"store imm64", func(a *Assembler) error { return a.StoreImm(Size64, Addr(RAX, 0), 1<<40) }},
		{"bad size", func(a *Assembler) error { return a.AluRR(Add, Size(3), RAX, RAX) }},
		{"size 16 movzx from 16", func(a *Assembler) error { return a.MovZX(Size16, Size16, RAX, RAX) }},
		{"imul 8-bit two-operand", func(a *Assembler) error { return a.ImulRR(Size8, RAX, RCX) }},
		{"bad AluOp", func(a *Assembler) error { return a.AluRR(AluOp(9), Size64, RAX, RAX) }},
		{"bad ShiftOp", func(a *Assembler) error { return a.ShiftRCL(ShiftOp(6), Size64, RAX) }},
		{"bad CC", func(a *Assembler) error { return a.Setcc(CC(16), RAX) }},
		{"sse op for wrong shape", func(a *Assembler) error { return a.Sse(Pinsrb, X0, X1) }},
		{"store row as load", func(a *Assembler) error { return a.Sse(MovssSt, X0, X1) }},
		{"no VEX form", func(a *Assembler) error { return a.Avx(Op(AddMR), X0, X1, X2) }},
		{"vmovss memory with two sources", func(a *Assembler) error { return a.AvxM(Movss, X0, X1, Addr(RAX, 0)) }},
		{"vmovss register unary", func(a *Assembler) error { return a.AvxUnary(Movss, X0, X1) }},
		{"no 256-bit form", func(a *Assembler) error { return a.Avx256(Addss, Y0, Y1, Y2) }},
		{"VEX-only row without VEX", func(a *Assembler) error { return a.Sse(Pbroadcastd, X0, X1) }},
		{"256 without VEX", func(a *Assembler) error {
			return a.Emit(&Inst{Op: Addps, L256: true, Args: [4]Arg{X(X0), X(X1)}, N: 2})
		}},
		{"lock on register", func(a *Assembler) error {
			return a.Emit(&Inst{Op: AddMR, Size: Size64, Lock: true, Args: [4]Arg{R(RAX), R(RCX)}, N: 2})
		}},
		{"lock on non-lockable", func(a *Assembler) error {
			return a.Emit(&Inst{Op: MovMR, Size: Size64, Lock: true, Args: [4]Arg{M(Addr(RAX, 0)), R(RCX)}, N: 2})
		}},
		{"xmm where gpr", func(a *Assembler) error {
			return a.Emit(&Inst{Op: AddMR, Size: Size64, Args: [4]Arg{X(X0), R(RCX)}, N: 2})
		}},
		{"gpr where xmm", func(a *Assembler) error {
			return a.Emit(&Inst{Op: Addps, Args: [4]Arg{R(RAX), X(X1)}, N: 2})
		}},
		{"memory where register only", func(a *Assembler) error {
			return a.Emit(&Inst{Op: Pmovmskb, Args: [4]Arg{R(RAX), M(Addr(RAX, 0))}, N: 2})
		}},
		{"too many operands", func(a *Assembler) error {
			return a.Emit(&Inst{Op: Ret, Args: [4]Arg{R(RAX)}, N: 1})
		}},
		{"too few operands", func(a *Assembler) error { return a.Emit(&Inst{Op: AddMR, Size: Size64, N: 0}) }},
		{"unknown op", func(a *Assembler) error { return a.Emit(&Inst{Op: NumOps}) }},
		{"label displacement too large", func(a *Assembler) error {
			return a.Load(Size64, RAX, AddrLabel(a.buf.NewLabel(), 1<<30))
		}},
		{"align not power of two", func(a *Assembler) error { return a.AlignTo(3) }},
	}
	for _, tc := range tests {
		a, buf := newAsm()
		err := tc.emit(a)
		var ae *Error
		if err == nil {
			t.Errorf("%s: no error (% x)", tc.name, buf.Bytes())
			continue
		}
		if !errors.As(err, &ae) {
			t.Errorf("%s: error %v is not an *amd64.Error", tc.name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: emitted % x despite the error", tc.name, buf.Bytes())
		}
		if _, ferr := buf.Finish(); ferr == nil {
			t.Errorf("%s: Finish did not report the error", tc.name)
		}
	}
}

// TestWrongOperandKindRejected substitutes a wrong kind of operand into
// every slot of a sample of the generated cases (every row is sampled) and
// expects an error each time.
func TestWrongOperandKindRejected(t *testing.T) {
	n, k := 0, 0
	seen := map[Op]bool{}
	forEachInst(func(in *Inst, inRange bool, relDisp int64) {
		k++
		if !inRange || in.CC != 0 || (seen[in.Op] && k%31 != 0) {
			return
		}
		seen[in.Op] = true
		ops := in.operands()
		ai := 0
		for _, o := range ops {
			if o.kind == kCL || o.kind == kX0 {
				continue
			}
			var wrong []Arg
			switch o.kind {
			case kR, kO:
				wrong = []Arg{X(X1), M(Addr(RAX, 0)), I(1), L(0)}
			case kRM:
				wrong = []Arg{X(X1), I(1)}
			case kM:
				wrong = []Arg{R(RAX), X(X1), I(1)}
			case kX, kXV, kXIs4:
				wrong = []Arg{R(RAX), M(Addr(RAX, 0)), I(1)}
			case kXM:
				wrong = []Arg{R(RAX), I(1)}
			case kXR:
				wrong = []Arg{R(RAX), M(Addr(RAX, 0))}
			case kImm, kImmS, kImmV:
				wrong = []Arg{R(RAX), X(X1), L(0)}
			case kRel:
				wrong = []Arg{R(RAX), I(0)}
			}
			for _, w := range wrong {
				bad := *in
				bad.Args[ai] = w
				if _, _, _, _, err := Encode(nil, &bad); err == nil {
					t.Errorf("%v accepted with operand %d = %v", &bad, ai+1, w)
				}
				n++
			}
			ai++
		}
	})
	t.Logf("%d wrong-kind operands rejected", n)
}

// TestBranches: short/near choice, simplification through the buffer, and
// label resolution.
func TestBranches(t *testing.T) {
	t.Run("backward short and near", func(t *testing.T) {
		a, buf := newAsm()
		top := buf.NewLabel()
		buf.Bind(top)
		a.Nop(100)
		a.Jcc(CondNE, top) // 102 bytes back: rel8
		a.Nop(100)
		a.Jmp(top) // > 128 back: rel32
		code := finish(t, buf)
		if got := gnu(t, code[100:102]); got != "jne .-0x66" {
			t.Errorf("short jcc: %q", got)
		}
		if got := gnu(t, code[202:]); got != "jmpq .-0xcf" {
			t.Errorf("near jmp: %q", got)
		}
	})
	t.Run("forward near resolves", func(t *testing.T) {
		a, buf := newAsm()
		l := buf.NewLabel()
		a.Jcc(CondE, l)
		a.Nop(300)
		buf.Bind(l)
		a.Ret()
		code := finish(t, buf)
		if got := gnu(t, code[:6]); got != "je .+0x12c" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("jump to next instruction is removed", func(t *testing.T) {
		a, buf := newAsm()
		l := buf.NewLabel()
		a.AluRR(Add, Size64, RAX, RAX)
		a.Jmp(l)
		buf.Bind(l)
		a.Ret()
		if got := gnu(t, finish(t, buf)); got != "add %rax,%rax; retq" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("jcc over jmp is inverted", func(t *testing.T) {
		a, buf := newAsm()
		then, els := buf.NewLabel(), buf.NewLabel()
		a.TestRR(Size32, RDI, RDI)
		a.Jcc(CondE, then)
		a.Jmp(els)
		buf.Bind(then)
		a.MovRI(Size32, RAX, 1)
		a.Ret()
		buf.Bind(els)
		a.MovRI(Size32, RAX, 2)
		a.Ret()
		got := gnu(t, finish(t, buf))
		if got != "test %edi,%edi; jne 0xe; mov $0x1,%eax; retq; mov $0x2,%eax; retq" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("short jcc out of range is an error", func(t *testing.T) {
		a, buf := newAsm()
		l := buf.NewLabel()
		a.JccShort(CondE, l)
		a.Nop(200)
		buf.Bind(l)
		a.Ret()
		if _, err := buf.Finish(); err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("short jcc at the limit", func(t *testing.T) {
		a, buf := newAsm()
		l := buf.NewLabel()
		a.JccShort(CondE, l)
		a.Nop(127)
		buf.Bind(l)
		a.Ret()
		if got := gnu(t, finish(t, buf)[:2]); got != "je .+0x7f" {
			t.Errorf("got %q", got)
		}
	})
}

func finish(t *testing.T, buf *encoder.Buffer) []byte {
	t.Helper()
	code, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return code.Bytes
}

// ripTarget decodes the RIP-relative operand of the instruction at off.
func ripTarget(t *testing.T, code []byte, off int) int {
	t.Helper()
	d, err := x86asm.Decode(code[off:], 64)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Args {
		m, ok := a.(x86asm.Mem)
		// x86asm quirk: its AVX decoder reports RIP-relative (mod=00,
		// rm=101) as an absolute disp32 (see xarch_test.go).
		vexRIP := ok && (code[off] == 0xC4 || code[off] == 0xC5) && m.Base == 0 && m.Index == 0
		if ok && (m.Base == x86asm.RIP || vexRIP) {
			return off + d.Len + int(int32(m.Disp))
		}
	}
	t.Fatalf("no RIP operand in %s", x86asm.GNUSyntax(d, 0, nil))
	return 0
}

// TestConstantPool: RIP-relative loads reach their pool constant, also when
// an immediate follows the displacement (the addend case) and when an
// island is placed in the middle of the code.
func TestConstantPool(t *testing.T) {
	a, buf := newAsm()
	c1 := []byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f}
	c2 := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	var uses []struct {
		off  int
		want []byte
	}
	use := func(c []byte, align int, f func(m Mem)) {
		off := buf.Len()
		f(AddrLabel(buf.UseConstant(c, align), 0))
		uses = append(uses, struct {
			off  int
			want []byte
		}{off, c})
	}
	use(c1, 8, func(m Mem) { a.SseM(Movsd, X0, m) })
	use(c2, 16, func(m Mem) { a.SseM(Pshufb, X1, m) })
	use(c1, 8, func(m Mem) { a.AluMI(Cmp, Size32, m, 100000) }) // imm32 after the disp
	use(c1, 8, func(m Mem) { a.AluMI(Cmp, Size16, m, 1000) })   // imm16 after the disp
	use(c2, 16, func(m Mem) { a.AvxMI(Shufps, X1, X2, m, 0x44) })
	a.Ret()
	buf.EmitIsland(0) // mid-code island: jumped over
	mid := buf.Len()
	use(c1, 8, func(m Mem) { a.ShiftMI(Shl, Size64, m, 3) })
	a.Ret()
	code := finish(t, buf)
	for _, u := range uses {
		tgt := ripTarget(t, code, u.off)
		if tgt%len(u.want) != 0 || !bytes.Equal(code[tgt:tgt+len(u.want)], u.want) {
			t.Errorf("use at %d reaches %d: % x", u.off, tgt, code[tgt:min(len(code), tgt+len(u.want))])
		}
	}
	if mid == 0 {
		t.Fatal("no code before the island")
	}
}

// TestIslandJumpOver: an island in the middle of amd64 code begins with a
// jmp rel32 that lands on the first instruction after the island.
func TestIslandJumpOver(t *testing.T) {
	a, buf := newAsm()
	a.SseM(Movsd, X0, AddrLabel(buf.UseConstant([]byte{1, 2, 3, 4, 5, 6, 7, 8}, 8), 0))
	islandAt := buf.Len()
	buf.EmitIsland(0)
	after := buf.Len()
	a.Ret()
	code := finish(t, buf)
	d, err := x86asm.Decode(code[islandAt:], 64)
	if err != nil || d.Op != x86asm.JMP {
		t.Fatalf("island does not start with a jmp: % x", code[islandAt:])
	}
	if tgt := islandAt + d.Len + int(d.Args[0].(x86asm.Rel)); tgt != after {
		t.Errorf("jmp over island lands at %d, code resumes at %d", tgt, after)
	}
}

// TestDeferredTrapAndRelocs: a bounds check branching to a deferred trap
// stub, a call through a relocation, and their records.
func TestDeferredTrapAndRelocs(t *testing.T) {
	a, buf := newAsm()
	const oob = encoder.TrapCode(7)
	buf.SetSrcLoc(42)
	a.AluRR(Cmp, Size64, RDI, RSI)
	a.Jcc(CondAE, buf.DeferTrap(oob))
	buf.SetSrcLoc(43)
	sym := encoder.Symbol{Kind: encoder.SymFunc, Index: 9}
	callAt := buf.Len()
	a.CallSym(sym)
	a.Ret()
	c, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := x86asm.Decode(c.Bytes[3:], 64)
	stub := 3 + d.Len + int(d.Args[0].(x86asm.Rel))
	if !bytes.Equal(c.Bytes[stub:stub+2], []byte{0x0F, 0x0B}) {
		t.Fatalf("jae does not reach a ud2: % x", c.Bytes)
	}
	if code, ok := c.LookupTrap(uint32(stub)); !ok || code != oob {
		t.Errorf("trap record at stub: %v %v", code, ok)
	}
	if loc, _ := c.LookupSrcLoc(uint32(stub)); loc != 42 {
		t.Errorf("stub srcloc %d, want 42 (the check's)", loc)
	}
	if len(c.Relocs) != 1 || c.Relocs[0] != (encoder.Reloc{Offset: uint32(callAt + 1), Kind: encoder.RelocX86PCRel4, Target: sym, Addend: -4}) {
		t.Errorf("relocs %+v", c.Relocs)
	}
	if binary.LittleEndian.Uint32(c.Bytes[callAt+1:]) != 0 {
		t.Errorf("relocated field not zero")
	}
}

func TestMovAbsSym(t *testing.T) {
	a, buf := newAsm()
	sym := encoder.Symbol{Kind: encoder.SymRuntime, Index: 2}
	a.MovAbsSym(R11, sym, 16)
	a.CallR(R11)
	c, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if got := gnu(t, c.Bytes); got != "mov $0x0,%r11; call *%r11" {
		t.Errorf("got %q", got)
	}
	if len(c.Relocs) != 1 || c.Relocs[0] != (encoder.Reloc{Offset: 2, Kind: encoder.RelocAbs8, Target: sym, Addend: 16}) {
		t.Errorf("relocs %+v", c.Relocs)
	}
}

// TestStringsNeverPanic: printing malformed requests is safe.
func TestStringsNeverPanic(t *testing.T) {
	for _, in := range []Inst{{Op: NumOps + 5}, {Op: AddMR, N: 9}, {Op: Setcc, CC: 200, Size: 77, Args: [4]Arg{R(200)}, N: 1}} {
		_ = in.String()
		if _, _, _, _, err := Encode(nil, &in); err == nil {
			t.Errorf("%v accepted", &in)
		}
	}
	_ = GPR(99).String() + XMM(99).String() + CC(99).String() + Size(3).String() + Op(9999).String() + LabelUse(9).String()
}

// TestJumpTable: each entry holds target - table start, the dispatch
// sequence's contract.
func TestJumpTable(t *testing.T) {
	a, buf := newAsm()
	targets := []encoder.Label{buf.NewLabel(), buf.NewLabel(), buf.NewLabel()}
	table := buf.NewLabel()
	a.Lea(Size64, RCX, AddrLabel(table, 0))
	a.MovSXLoad(Size64, Size32, RDX, AddrIndex(RCX, RDI, 4, 0))
	a.AluRR(Add, Size64, RDX, RCX)
	a.JmpR(RDX)
	a.JumpTable(table, targets)
	for i, l := range targets {
		buf.Bind(l)
		a.MovRI(Size32, RAX, int64(i))
		a.Ret()
	}
	c := finish(t, buf)
	start, _ := buf.LabelOffset(table)
	if start%4 != 0 {
		t.Errorf("table at %d not aligned", start)
	}
	if got := ripTarget(t, c, 0); got != start {
		t.Errorf("lea reaches %d, table at %d", got, start)
	}
	for i, l := range targets {
		want, _ := buf.LabelOffset(l)
		got := start + int(int32(binary.LittleEndian.Uint32(c[start+4*i:])))
		if got != want {
			t.Errorf("entry %d reaches %d, want %d", i, got, want)
		}
	}
}

// TestTrapHelpers: Trap records the ud2; TrapIf goes out of line.
func TestTrapHelpers(t *testing.T) {
	a, buf := newAsm()
	a.TrapIf(CondO, 3)
	a.Ret()
	at := buf.Len()
	a.Trap(5)
	c, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if code, ok := c.LookupTrap(uint32(at)); !ok || code != 5 {
		t.Errorf("Trap record: %v %v", code, ok)
	}
	if len(c.Traps) != 2 {
		t.Errorf("traps %v, want the inline one and the stub", c.Traps)
	}
	if got := gnu(t, c.Bytes[:6]); got != "jo .+0x3" {
		t.Errorf("got %q", got)
	}
}

// TestShortBranchesStayInReach: the buffer never retargets a rel8 (no
// veneer, short reach) by inversion or jump threading, which could push it
// out of range.
func TestShortBranchesStayInReach(t *testing.T) {
	t.Run("no inversion of a short jcc", func(t *testing.T) {
		a, buf := newAsm()
		l1, l2 := buf.NewLabel(), buf.NewLabel()
		a.JccShort(CondE, l1)
		a.Jmp(l2)
		buf.Bind(l1)
		a.Nop(300)
		buf.Bind(l2)
		a.Ret()
		c := finish(t, buf)
		if got := gnu(t, c[:7]); got != "je .+0x5; jmpq 0x133" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("no threading of a label a short jcc uses", func(t *testing.T) {
		a, buf := newAsm()
		l, far, m := buf.NewLabel(), buf.NewLabel(), buf.NewLabel()
		a.JccShort(CondE, l)
		a.Nop(1)
		buf.Bind(l)
		a.Jmp(far)
		buf.Bind(m)
		a.Nop(300)
		buf.Bind(far)
		a.Ret()
		c := finish(t, buf)
		if got := gnu(t, c[:2]); got != "je .+0x1" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("near jcc is inverted and threaded", func(t *testing.T) {
		a, buf := newAsm()
		l, far, m := buf.NewLabel(), buf.NewLabel(), buf.NewLabel()
		a.Jcc(CondE, l)
		a.Nop(1)
		buf.Bind(l)
		a.Jmp(far)
		buf.Bind(m)
		a.Nop(300)
		buf.Bind(far)
		a.Ret()
		c := finish(t, buf)
		if got := gnu(t, c[:6]); got != "je .+0x132" {
			t.Errorf("got %q (the je should go straight to the final target)", got)
		}
	})
}
