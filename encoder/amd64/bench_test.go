package amd64

import (
	"testing"

	"kiln/encoder"
)

// emitMixed emits a mixed stream typical of both tiers: ALU with registers,
// immediates and memory, moves and loads, compares and branches, calls,
// SSE and AVX arithmetic. It returns the number of instructions emitted.
func emitMixed(a *Assembler, buf *encoder.Buffer, top encoder.Label) int {
	a.AluRR(Add, Size64, RAX, RCX)
	a.AluRI(Sub, Size32, R9, 12)
	a.AluRI(And, Size64, RDX, 0x7fff0000)
	a.Load(Size64, RAX, AddrIndex(R12, RCX, 8, 16))
	a.Store(Size32, Addr(RSP, 24), R10)
	a.MovRI(Size64, R11, 1<<40)
	a.Lea(Size64, RSI, AddrIndex(RDI, RAX, 4, -8))
	a.AluRR(Cmp, Size64, RSI, RDI)
	a.Setcc(CondL, RAX)
	a.MovZX(Size32, Size8, RAX, RAX)
	a.ImulRRI(Size32, RBX, RAX, 100)
	a.ShiftRI(Shl, Size64, RBX, 3)
	a.Sse(Addsd, X0, X1)
	a.SseM(Movsd, X2, Addr(RBP, -16))
	a.Avx(Mulps, X3, X4, X12)
	a.Sse(Pshufb, X5, X6)
	a.AluMI(Cmp, Size32, Addr(R14, 16), 0)
	a.Jcc(CondNE, top)
	a.CallR(R11)
	a.Push(RBP)
	return 20
}

// BenchmarkEmitMixed reports encoding throughput through the Assembler and
// Buffer (instructions per second).
func BenchmarkEmitMixed(b *testing.B) {
	buf := encoder.NewBuffer(BufferISA)
	a := New(buf)
	top := buf.NewLabel()
	buf.Bind(top)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		if buf.Len() > 1<<20 {
			buf.Reset()
			top = buf.NewLabel()
			buf.Bind(top)
		}
		n += emitMixed(a, buf, top)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "inst/s")
}

// BenchmarkEncode measures the table-driven encoder alone.
func BenchmarkEncode(b *testing.B) {
	ins := []Inst{
		{Op: AddMR, Size: Size64, Args: [4]Arg{R(RAX), R(RCX)}, N: 2},
		{Op: MovRM, Size: Size64, Args: [4]Arg{R(R8), M(AddrIndex(R12, R13, 8, 0x100))}, N: 2},
		{Op: Addps, VEX: true, Args: [4]Arg{X(X1), X(X2), X(X15)}, N: 3},
		{Op: ImulRMI, Size: Size32, Args: [4]Arg{R(RAX), R(RBX), I(1000)}, N: 3},
	}
	var dst []byte
	n := 0
	for b.Loop() {
		for i := range ins {
			dst, _, _, _, _ = Encode(dst[:0], &ins[i])
		}
		n += len(ins)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "inst/s")
}
