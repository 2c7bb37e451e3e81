package arm64

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestBitmaskExhaustive walks every N:immr:imms of both sizes through the
// decoder and checks that the encoder maps each decodable value back to its
// canonical fields (immr reduced modulo the element size), and that the
// counts match the totals: an element of e bits holds e·(e-1) rotated runs,
// so 2+12+56+240+992 = 1302 32-bit and 1302+4032 = 5334 64-bit immediates.
func TestBitmaskExhaustive(t *testing.T) {
	for _, size := range []int{32, 64} {
		values := map[uint64]bool{}
		for n := uint32(0); n < 2; n++ {
			for immr := uint32(0); immr < 64; immr++ {
				for imms := uint32(0); imms < 64; imms++ {
					v, ok := DecodeBitmask(n, immr, imms, size)
					if !ok {
						continue
					}
					values[v] = true
					gn, gr, gs, ok := EncodeBitmask(v, size)
					if !ok {
						t.Fatalf("size %d: %#x (N=%d immr=%d imms=%d) not encodable", size, v, n, immr, imms)
					}
					esize := uint32(1) << (bits.Len32(n<<6|(^imms&0x3f)) - 1)
					if gn != n || gs != imms || gr != immr&(esize-1) {
						t.Fatalf("size %d: %#x encodes as N=%d immr=%d imms=%d, want N=%d immr=%d imms=%d",
							size, v, gn, gr, gs, n, immr&(esize-1), imms)
					}
					if back, _ := DecodeBitmask(gn, gr, gs, size); back != v {
						t.Fatalf("size %d: %#x round-trips to %#x", size, v, back)
					}
				}
			}
		}
		want := map[int]int{32: 1302, 64: 5334}[size]
		if len(values) != want {
			t.Errorf("size %d: %d distinct logical immediates, want %d", size, len(values), want)
		}
		// Anything else must be rejected: random values, single-bit
		// perturbations of valid ones, 0, all-ones.
		rnd := rand.New(rand.NewPCG(5, 6))
		check := func(v uint64) {
			if size == 32 {
				v &= 0xffffffff
			}
			_, _, _, ok := EncodeBitmask(v, size)
			if ok != values[v] {
				t.Fatalf("size %d: EncodeBitmask(%#x) ok=%v, want %v", size, v, ok, values[v])
			}
		}
		for v := range values {
			for b := 0; b < size; b++ {
				check(v ^ 1<<b)
			}
		}
		for i := 0; i < 200000; i++ {
			check(rnd.Uint64())
		}
		check(0)
		check(^uint64(0))
		if size == 32 {
			if _, _, _, ok := EncodeBitmask(0x1_0000_00ff, 32); ok {
				t.Errorf("32-bit bitmask accepted a value above 32 bits")
			}
		}
	}
}

// TestFPImm checks all 256 8-bit FP immediates round-trip, and that values
// between them, zero, infinities and NaN are rejected.
func TestFPImm(t *testing.T) {
	valid := map[float64]bool{}
	for i := uint32(0); i < 256; i++ {
		v := DecodeFPImm(i)
		valid[v] = true
		got, ok := EncodeFPImm(v)
		if !ok || got != i {
			t.Errorf("EncodeFPImm(%g) = %#x, %v; want %#x", v, got, ok, i)
		}
	}
	if len(valid) != 256 {
		t.Errorf("%d distinct values, want 256", len(valid))
	}
	for _, v := range []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 0.1, 1.0 / 3, 32, 0.123, 31.5, 0.12, 1.03125, 1e10} {
		if _, ok := EncodeFPImm(v); ok != valid[v] {
			t.Errorf("EncodeFPImm(%g) ok = %v, want %v", v, ok, valid[v])
		}
	}
	for v := range valid {
		for _, d := range []float64{math.Nextafter(v, 0), math.Nextafter(v, 100), v * 1.01} {
			if _, ok := EncodeFPImm(d); ok != valid[d] {
				t.Errorf("EncodeFPImm(%g) ok = %v, want %v", d, ok, valid[d])
			}
		}
	}
}
