package interp

import (
	"math"
	"testing"
)

// TestF16RoundTrip checks that every f16 survives widening and rounding.
func TestF16RoundTrip(t *testing.T) {
	for b := 0; b < 1<<16; b++ {
		x := f16ToF64(uint16(b))
		got := roundF16(x, 0)
		want := uint16(b)
		if x != x {
			want = canonNaN16
		}
		if got != want {
			t.Fatalf("%#04x → %v → %#04x", b, x, got)
		}
	}
}

// TestF16Rounding checks ties to even, the err tie-breaker, subnormals and
// overflow against values halfway between neighbours.
func TestF16Rounding(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		err  int
		want uint16
	}{
		{1 + 0x1p-11, 0, 0x3c00},       // tie, even is 1.0
		{1 + 3*0x1p-11, 0, 0x3c02},     // tie, even is up
		{1 + 0x1p-11, 1, 0x3c01},       // exact value above the tie
		{1 + 3*0x1p-11, -1, 0x3c01},    // exact value below the tie
		{0x1p-25, 0, 0x0000},           // half the smallest subnormal: even is 0
		{0x1p-25, 1, 0x0001},           // ... unless the exact value is above
		{3 * 0x1p-25, 0, 0x0002},       // tie between subnormals 1 and 2
		{0x1p-14 - 0x1p-25, 0, 0x0400}, // rounds up into the normals
		{65504, 0, 0x7bff},             // largest finite
		{65519.99, 0, 0x7bff},          // below the overflow threshold
		{65520, 0, 0x7c00},             // tie rounds to even: Inf
		{-65520, 1, 0xfbff},            // exact value smaller in magnitude
		{math.Inf(-1), 0, 0xfc00},      //
		{math.Copysign(0, -1), 0, 0x8000},
		{-(1 + 0x1p-11), -1, 0xbc01},    // sign-symmetric tie breaking
		{0x1.ffcp15 + 0x1p3, 0, 0x7bff}, // 65512: nearer the largest finite
	} {
		if got := roundF16(tc.x, tc.err); got != tc.want {
			t.Errorf("roundF16(%v, %d) = %#04x, want %#04x", tc.x, tc.err, got, tc.want)
		}
	}
}
