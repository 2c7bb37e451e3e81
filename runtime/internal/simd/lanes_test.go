package simd

import (
	"math"
	"testing"
)

func TestConstShuffleSwizzle(t *testing.T) {
	var imm [16]byte
	for i := range imm {
		imm[i] = byte(i + 1)
	}
	if got, want := execV(t, opV128Const, &imm), i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16); got != want {
		t.Errorf("v128.const: got %v, want %v", got, want)
	}

	a := i8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
	b := i8(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31)
	sh := [16]byte{31, 0, 16, 15, 1, 17, 30, 14, 5, 5, 5, 5, 20, 21, 22, 23}
	if got, want := execV(t, opI8x16Shuffle, &sh, a, b), i8(31, 0, 16, 15, 1, 17, 30, 14, 5, 5, 5, 5, 20, 21, 22, 23); got != want {
		t.Errorf("shuffle: got %v, want %v", got, want)
	}

	x := i8(0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf)
	runV(t, []vcase{
		{"swizzle", opI8x16Swizzle, []any{x, i8(15, 0, 16, 255, 128, 17, 7, 7, 1, 2, 3, 4, 0x80, 0x10, 14, 32)},
			i8(0xaf, 0xa0, 0, 0, 0, 0, 0xa7, 0xa7, 0xa1, 0xa2, 0xa3, 0xa4, 0, 0, 0xae, 0)},
		{"relaxed_swizzle", opI8x16RelaxedSwizzle, []any{x, i8(16, 3)}, i8(0, 0xa3, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0, 0xa0)},
		{"i8x16.splat", opI8x16Splat, []any{uint64(0x1ff)}, splat8(0xff)},
		{"i16x8.splat", opI16x8Splat, []any{uint64(0x12345)}, i16(0x2345, 0x2345, 0x2345, 0x2345, 0x2345, 0x2345, 0x2345, 0x2345)},
		{"i32x4.splat", opI32x4Splat, []any{uint64(0x80000001)}, i32(-2147483647, -2147483647, -2147483647, -2147483647)},
		{"i64x2.splat", opI64x2Splat, []any{uint64(1 << 63)}, i64(1<<63, 1<<63)},
		{"f32x4.splat", opF32x4Splat, []any{uint64(sNaN32)}, w32(sNaN32, sNaN32, sNaN32, sNaN32)},
		{"f64x2.splat", opF64x2Splat, []any{uint64(negZ64)}, i64(negZ64, negZ64)},
	})
}

func TestExtractReplace(t *testing.T) {
	v := v128{0x8877665544332211, 0xfffefdfcfbfaf9f8}
	cases := []struct {
		name string
		sub  uint32
		lane byte
		want uint64
	}{
		{"i8 s lane 0", opI8x16ExtractLaneS, 0, 0x11},
		{"i8 s lane 7 negative", opI8x16ExtractLaneS, 7, 0xffffff88},
		{"i8 u lane 7", opI8x16ExtractLaneU, 7, 0x88},
		{"i8 u lane 15", opI8x16ExtractLaneU, 15, 0xff},
		{"i16 s lane 3", opI16x8ExtractLaneS, 3, 0xffff8877},
		{"i16 u lane 3", opI16x8ExtractLaneU, 3, 0x8877},
		{"i16 s lane 7", opI16x8ExtractLaneS, 7, 0xfffffffe},
		{"i32 lane 1", opI32x4ExtractLane, 1, 0x88776655},
		{"i32 lane 3", opI32x4ExtractLane, 3, 0xfffefdfc},
		{"f32 lane 2", opF32x4ExtractLane, 2, 0xfbfaf9f8},
		{"i64 lane 1", opI64x2ExtractLane, 1, 0xfffefdfcfbfaf9f8},
		{"f64 lane 0", opF64x2ExtractLane, 0, 0x8877665544332211},
	}
	for _, c := range cases {
		imm := [16]byte{c.lane}
		if got := execS(t, c.sub, &imm, v); got != c.want {
			t.Errorf("%s: got %#x, want %#x", c.name, got, c.want)
		}
	}
	rep := []struct {
		name string
		sub  uint32
		lane byte
		x    uint64
		want v128
	}{
		{"i8 lane 15", opI8x16ReplaceLane, 15, 0x1ab, v128{v.lo, 0xabfefdfcfbfaf9f8}},
		{"i16 lane 1", opI16x8ReplaceLane, 1, 0xabcdef, v128{0x88776655cdef2211, v.hi}},
		{"i32 lane 2", opI32x4ReplaceLane, 2, 0x1_0000_0002, v128{v.lo, 0xfffefdfc00000002}},
		{"f32 lane 3", opF32x4ReplaceLane, 3, 0x3f800000, v128{v.lo, 0x3f800000fbfaf9f8}},
		{"i64 lane 0", opI64x2ReplaceLane, 0, 7, v128{7, v.hi}},
		{"f64 lane 1", opF64x2ReplaceLane, 1, negZ64, v128{v.lo, negZ64}},
	}
	for _, c := range rep {
		imm := [16]byte{c.lane}
		if got := execV(t, c.sub, &imm, v, c.x); got != c.want {
			t.Errorf("replace %s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRelaxed(t *testing.T) {
	runV(t, []vcase{
		{"i8x16.relaxed_laneselect is bitselect", opI8x16RelaxedLaneselect, []any{i64(^uint64(0), 0), i64(0, ^uint64(0)), i64(0x0f, 0xf0)},
			i64(0x0f, 0xffffffffffffff0f)},
		{"i64x2.relaxed_laneselect", opI64x2RelaxedLaneselect, []any{i64(1, 2), i64(3, 4), i64(^uint64(0), 0)}, i64(1, 4)},
		{"f32x4.relaxed_min", opF32x4RelaxedMin, []any{w32(0, pNaN32), w32(negZ32, one32)}, w32(negZ32, pNaN32)},
		{"f64x2.relaxed_max", opF64x2RelaxedMax, []any{i64(0, one64), i64(negZ64, sNaN64)}, i64(0, 0x7ff8000000000001)},
		{"f32x4.relaxed_madd", opF32x4RelaxedMadd, []any{f32(2, 1e38, 0, inf32), f32(3, 10, inf32, 0), f32(1, -inf32, 1, 1)},
			w32(0x40e00000, ninf32b, pNaN32, pNaN32)},
		// Fused: (1+2⁻²³)² = 1 + 2⁻²² + 2⁻⁴⁶; minus (1+2⁻²²) leaves 2⁻⁴⁶,
		// which an unfused product (rounded to 1+2⁻²²) would lose.
		{"f32x4.relaxed_madd fused", opF32x4RelaxedMadd,
			[]any{w32(0x3f800001), w32(0x3f800001), w32(0xbf800002)}, w32(0x28800000)},
		{"f32x4.relaxed_nmadd", opF32x4RelaxedNmadd, []any{f32(2, -1), f32(3, 1), f32(1, 0)}, f32(-5, 1)},
		{"f64x2.relaxed_madd fused", opF64x2RelaxedMadd,
			[]any{i64(0x3ff0000000000001, 1), i64(0x3ff0000000000001, 0), i64(0xbff0000000000002, 0)},
			i64(0x3970000000000000, 0)},
		{"f64x2.relaxed_nmadd", opF64x2RelaxedNmadd, []any{f64(2, 0.5), f64(3, 4), f64(1, 2)}, f64(-5, 0)},
		{"relaxed_dot_i8x16_i7x16_s", opI16x8RelaxedDotI8x16I7x16S,
			[]any{i8(-128, -128, 127, 127, 1, 2, -128, -128), i8(127, 127, 127, 127, 3, -4, -128, -128)},
			i16(-32512, 32258, -5, 32767)},
		{"relaxed_dot_i8x16_i7x16_add_s", opI32x4RelaxedDotI8x16I7x16AddS,
			[]any{i8(1, 2, 3, 4, -128, -128, -128, -128), i8(5, 6, 7, 8, 127, 127, 127, 127), i32(100, -1)},
			i32(170, -65025)},
	})
}

// TestFMA32 checks the single rounding of the f32 fused multiply-add
// against a reference built from exact integer arithmetic on values whose
// product and sum are exactly representable in float64 only before the
// final rounding.
func TestFMA32(t *testing.T) {
	cases := []struct{ x, y, z, want float32 }{
		{1, 1, 1, 2},
		{0.1, 10, -1, 1.4901161e-08},
		{3, 1.0 / 3, -1, 2.9802322e-08},
		{1e20, 1e20, -inf32, -inf32},
	}
	for _, c := range cases {
		got := math.Float32frombits(fma32(math.Float32bits(c.x), math.Float32bits(c.y), math.Float32bits(c.z)))
		if got != c.want {
			t.Errorf("fma32(%g, %g, %g) = %g, want %g", c.x, c.y, c.z, got, c.want)
		}
	}
	// Round-to-odd matters when the float64 sum rounds onto a point
	// halfway between two f32. x = 1-2⁻²⁴, y = 1+2⁻²³: x·y = 1 + 2⁻²⁴ - 2⁻⁴⁷
	// exactly. With z = 2⁻⁴⁷ the sum is exactly the tie 1 + 2⁻²⁴, which
	// rounds to even (1). With z = 2⁻⁴⁷(1+2⁻²³) the exact sum is 1 + 2⁻²⁴ +
	// 2⁻⁷⁰, just above the tie, so the answer is 1 + 2⁻²³ — but the float64
	// sum rounds to the tie, and a plain double rounding would give 1.
	for _, c := range []struct{ x, y, z, want uint32 }{
		{0x3f7fffff, 0x3f800001, 0x28000000, 0x3f800000},
		{0x3f7fffff, 0x3f800001, 0x28000001, 0x3f800001},
		{0x3f7fffff, 0x3f800001, 0xa8000001, 0x3f800000}, // 1 + 2⁻²⁴ - 2⁻⁴⁶ - 2⁻⁷⁰: below the tie, 1
	} {
		if got := fma32(c.x, c.y, c.z); got != c.want {
			t.Errorf("fma32(%#x, %#x, %#x) = %#x, want %#x", c.x, c.y, c.z, got, c.want)
		}
	}
}

// TestLaneWords checks the word arithmetic of getLane/setLane against the
// lane arrays, for every width and lane.
func TestLaneWords(t *testing.T) {
	v := v128{0x0123456789abcdef, 0xfedcba9876543210}
	x := uint64(0xa5a5a5a5a5a5a5a5)
	for _, w := range []uint{8, 16, 32, 64} {
		for i := uint(0); i < 128/w; i++ {
			r := setLane(v, i, w, x)
			for j := uint(0); j < 128/w; j++ {
				want := getLane(v, j, w)
				if j == i {
					want = x & (1<<w - 1)
				}
				if got := getLane(r, j, w); got != want {
					t.Errorf("w%d set %d: lane %d = %#x, want %#x", w, i, j, got, want)
				}
			}
			var a [16]uint8
			v.load8(&a)
			var got uint64
			for k := uint(0); k < w/8; k++ {
				got |= uint64(a[i*w/8+k]) << (8 * k)
			}
			if g := getLane(v, i, w); g != got {
				t.Errorf("w%d lane %d = %#x, bytes say %#x", w, i, g, got)
			}
		}
	}
}
