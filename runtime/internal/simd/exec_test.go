package simd

import (
	"strings"
	"testing"

	"kiln/ir/wasm"
)

// TestOperatorCoverage checks that every SIMD operator in the wasm
// package's opcode table is either a memory operator or evaluated by
// Exec, and that Exec knows nothing else.
func TestOperatorCoverage(t *testing.T) {
	n := 0
	for sub := uint32(0); sub < 0x400; sub++ {
		name := wasm.Opcode(0xfd<<16 | sub).String()
		defined := !strings.HasPrefix(name, "op(")
		if defined {
			n++
		}
		if defined != (Known(sub) || IsMemory(sub)) {
			t.Errorf("%#x %s: defined %v, Known %v, IsMemory %v", sub, name, defined, Known(sub), IsMemory(sub))
		}
	}
	if n < 236+20 {
		t.Errorf("only %d SIMD operators in the opcode table", n)
	}
}

// TestStackShape checks each class's pops and pushes and that the stack
// below the operands is untouched.
func TestStackShape(t *testing.T) {
	imm := [16]byte{}
	for sub := uint32(0); sub < numSubs; sub++ {
		if !Known(sub) {
			continue
		}
		io := classSlots[classes[sub]]
		s := make([]uint64, 16)
		for i := range s {
			s[i] = 0xdead0000 + uint64(i)
		}
		sp := 3 + int(io[0])
		got := Exec(sub, &imm, s, sp)
		if want := sp - int(io[0]) + int(io[1]); got != want {
			t.Errorf("%s: sp %d, want %d", wasm.Opcode(0xfd<<16|sub), got, want)
		}
		for i := 0; i < 3; i++ {
			if s[i] != 0xdead0000+uint64(i) {
				t.Errorf("%s: slot %d below the operands changed", wasm.Opcode(0xfd<<16|sub), i)
			}
		}
		// i32 results are zero-extended.
		if io[1] == 1 && classes[sub] == cTest && s[3]>>32 != 0 {
			t.Errorf("%s: i32 result %#x not zero-extended", wasm.Opcode(0xfd<<16|sub), s[3])
		}
	}
}

func TestExecRejects(t *testing.T) {
	imm := [16]byte{}
	cases := []struct {
		name string
		sub  uint32
		imm  *[16]byte
		n    int
		sp   int
	}{
		{"memory op", opV128Load, &imm, 8, 2},
		{"store", opV128Store, &imm, 8, 3},
		{"unknown 0x9a", 0x9a, &imm, 8, 4},
		{"unknown 0x114", 0x114, &imm, 8, 4},
		{"huge sub", 0xffffffff, &imm, 8, 4},
		{"binary underflow", opI8x16Add, &imm, 8, 3},
		{"ternary underflow", opV128Bitselect, &imm, 8, 5},
		{"const overflow", opV128Const, &imm, 3, 2},
		{"splat overflow", opI8x16Splat, &imm, 1, 1},
		{"negative sp", opV128Not, &imm, 8, -1},
		{"sp beyond slice", opV128Not, &imm, 2, 3},
		{"const nil imm", opV128Const, nil, 8, 0},
		{"shuffle nil imm", opI8x16Shuffle, nil, 8, 4},
		{"extract nil imm", opI8x16ExtractLaneS, nil, 8, 2},
		{"replace nil imm", opI64x2ReplaceLane, nil, 8, 3},
	}
	for _, c := range cases {
		s := make([]uint64, c.n)
		if got := Exec(c.sub, c.imm, s, c.sp); got != -1 {
			t.Errorf("%s: got %d, want -1", c.name, got)
		}
	}
	// Lane indices out of range are taken modulo the lane count.
	v := i8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
	big := [16]byte{16 + 5}
	if got := execS(t, opI8x16ExtractLaneU, &big, v); got != 5 {
		t.Errorf("extract lane 21: got %d, want lane 5", got)
	}
}

func TestExecAllocs(t *testing.T) {
	imm := [16]byte{1, 2, 3}
	s := make([]uint64, 16)
	for sub := uint32(0); sub < numSubs; sub++ {
		if !Known(sub) {
			continue
		}
		sp := int(classSlots[classes[sub]][0])
		if a := testing.AllocsPerRun(10, func() { Exec(sub, &imm, s, sp) }); a != 0 {
			t.Errorf("%s allocates %v", wasm.Opcode(0xfd<<16|sub), a)
		}
	}
	mem := make([]byte, 64)
	if a := testing.AllocsPerRun(10, func() { Memory(opV128Load, 0, 0, mem, false, s, 1) }); a != 0 {
		t.Errorf("Memory allocates %v", a)
	}
}

func BenchmarkExec(b *testing.B) {
	imm := [16]byte{}
	s := make([]uint64, 8)
	for _, sub := range []uint32{opI8x16Add, opI32x4Mul, opF32x4Add, opF64x2Min, opI8x16Swizzle, opI16x8Q15mulrSatS, opF32x4Nearest, opV128And} {
		pop := int(classSlots[classes[sub]][0])
		b.Run(wasm.Opcode(0xfd<<16|sub).String(), func(b *testing.B) {
			// Normal numbers in every float view (no denormal slow paths);
			// the binary operators write their result over the first
			// operand, so the values evolve but stay normal or infinite.
			for i := range s {
				s[i] = 0x3fc000003fc00000
			}
			for i := 0; i < b.N; i++ {
				Exec(sub, &imm, s, pop)
			}
		})
	}
}

// BenchmarkExecAll runs every operator once per iteration (ns/op is per
// operator, averaged over the whole set).
func BenchmarkExecAll(b *testing.B) {
	imm := [16]byte{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3}
	var subs []uint32
	var pops []int
	for sub := uint32(0); sub < numSubs; sub++ {
		if Known(sub) {
			subs = append(subs, sub)
			pops = append(pops, int(classSlots[classes[sub]][0]))
		}
	}
	s := make([]uint64, 8)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, sub := range subs {
			for k := range s {
				s[k] = 0x3fc000003fc00000
			}
			Exec(sub, &imm, s, pops[j])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(subs)), "ns/operator")
}
