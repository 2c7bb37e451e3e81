package arm64

import (
	"math/rand/v2"
	"testing"
)

// runMov executes a MOVZ/MOVN/MOVK/ORR-immediate sequence on one register,
// decoding the fields straight from the words (independently of the
// encoder's tables), and returns the register's final value.
func runMov(t *testing.T, seq []Inst) (uint64, int) {
	var x uint64
	rd := -1
	for _, in := range seq {
		w := uint32(in)
		if rd >= 0 && int(w&31) != rd {
			t.Fatalf("%08x writes register %d, sequence started with %d", w, w&31, rd)
		}
		rd = int(w & 31)
		sf := w>>31 == 1
		hw := (w >> 21) & 3
		imm := uint64(w>>5) & 0xffff
		switch w & 0x7f800000 {
		case 0x52800000: // movz
			x = imm << (16 * hw)
		case 0x12800000: // movn
			x = ^(imm << (16 * hw))
		case 0x72800000: // movk
			x = x&^(0xffff<<(16*hw)) | imm<<(16*hw)
		case 0x32000000, 0x32000000 | 1<<23: // orr (immediate) from zr
			if (w>>5)&31 != 31 {
				t.Fatalf("%08x: orr not from the zero register", w)
			}
			size := 32
			if sf {
				size = 64
			}
			v, ok := DecodeBitmask(w>>22&1, w>>16&63, w>>10&63, size)
			if !ok {
				t.Fatalf("%08x: bad bitmask", w)
			}
			x = v
		default:
			t.Fatalf("%08x is not a move", w)
		}
		if !sf {
			x &= 0xffffffff
		}
	}
	return x, rd
}

func TestMovConst(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	var values []uint64
	for _, v := range []uint64{0, 1, 0xffff, 0x10000, ^uint64(0), ^uint64(1), 0x8000_0000_0000_0000,
		0x1234_5678_9abc_def0, 0xffff_0000_ffff_0000, 0x5555_5555_5555_5555, 0x0000_ffff_ffff_0000,
		0x00ff_00ff_00ff_1234, 0xdead_beef_dead_beef, 0x7fff_ffff_ffff_ffff, 0x1_0000_0001} {
		values = append(values, v)
	}
	for i := 0; i < 20000; i++ {
		v := rnd.Uint64()
		switch i % 5 { // bias toward few distinct chunks
		case 1:
			v &= 0xffff << (16 * (rnd.IntN(4)))
		case 2:
			v |= 0xffff_ffff << (16 * (rnd.IntN(3)))
		case 3:
			b := allBitmasks[64]
			v = b[rnd.IntN(len(b))] ^ uint64(rnd.IntN(0x10000))<<(16*rnd.IntN(4))
		}
		values = append(values, v)
	}
	hist := map[int]int{}
	for _, v := range values {
		for _, rd := range []Reg{X7, W7, XZR} {
			seq := MovConst(rd, v)
			got, n := runMov(t, seq)
			want := v
			if !rd.Is64() {
				want &= 0xffffffff
			}
			if got != want || n != rd.Num() {
				t.Fatalf("MovConst(%v, %#x) = %x computes %#x in r%d", rd, v, seq, got, n)
			}
			if len(seq) > 4 || (!rd.Is64() && len(seq) > 2) {
				t.Fatalf("MovConst(%v, %#x): %d instructions", rd, v, len(seq))
			}
			// A single instruction must be found whenever one exists.
			if single := singleMov(want, rd); single && len(seq) != 1 {
				t.Fatalf("MovConst(%v, %#x) = %d instructions, one suffices", rd, v, len(seq))
			}
			// Never worse than the plain MOVZ/MOVN + MOVK sequence.
			if len(seq) > naiveLen(want, rd.Is64()) {
				t.Fatalf("MovConst(%v, %#x) = %d instructions, movz/movn+movk needs %d", rd, v, len(seq), naiveLen(want, rd.Is64()))
			}
			if rd == X7 {
				hist[len(seq)]++
			}
		}
	}
	t.Logf("64-bit sequence lengths over %d values: %v", len(values), hist)
}

func singleMov(v uint64, rd Reg) bool {
	size := 32
	if rd.Is64() {
		size = 64
	}
	return movWidePreferred(v, size) || (rd.Num() != 31 && IsBitmask(v, size))
}

func naiveLen(v uint64, is64 bool) int {
	n := 4
	if !is64 {
		n = 2
	}
	zero, ones := 0, 0
	for i := 0; i < n; i++ {
		switch v >> (16 * i) & 0xffff {
		case 0:
			zero++
		case 0xffff:
			ones++
		}
	}
	return max(1, n-max(zero, ones))
}
