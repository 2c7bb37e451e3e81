package arm64

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkEncode measures the table-driven encoder over a mix of every
// row's operands (one Encode call per op).
func BenchmarkEncode(b *testing.B) {
	g := &gen{rnd: rand.New(rand.NewPCG(11, 12))}
	type tc struct {
		op   Op
		vals []int64
	}
	var cases []tc
	for op := Op(0); int(op) < len(opRows); op++ {
		for i := 0; i < 4; i++ {
			v := g.fill(&opRows[op], 0, nil)
			if _, err := Encode(op, v...); err == nil {
				cases = append(cases, tc{op, v})
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := &cases[i%len(cases)]
		if _, err := Encode(c.op, c.vals...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAdd measures one typed constructor.
func BenchmarkAdd(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Add(X(i&15), X1, X2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLdr measures the load constructor with addressing-mode choice.
func BenchmarkLdr(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Ldr(X0, Off(SP, int64(i&0xff)*8)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMovConst measures the shortest-sequence search on random values.
func BenchmarkMovConst(b *testing.B) {
	rnd := rand.New(rand.NewPCG(13, 14))
	vals := make([]uint64, 1024)
	for i := range vals {
		vals[i] = rnd.Uint64() >> (rnd.IntN(4) * 16)
	}
	var buf [4]Inst
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		AppendMovConst(buf[:0], X3, vals[i&1023])
	}
}

// BenchmarkAsmEmit measures writing instructions into an encoder.Buffer,
// island checks included.
func BenchmarkAsmEmit(b *testing.B) {
	a := NewAsm()
	b.SetBytes(4)
	for i := 0; i < b.N; i++ {
		if i&0xffff == 0 {
			a = NewAsm()
		}
		a.Emit(Add(X0, X1, X2))
	}
}
