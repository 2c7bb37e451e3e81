package interp

import (
	"math"
	"testing"

	"kiln/ir"
)

func f128bits(hi, lo uint64) u128 { return u128{lo, hi} }

// TestF128RoundTrip: decoding and re-encoding is the identity on every
// non-NaN f128, subnormals and infinities included.
func TestF128RoundTrip(t *testing.T) {
	s := uint64(0x9e3779b97f4a7c15)
	rnd := func() uint64 {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		return s
	}
	for i := 0; i < 20000; i++ {
		v := u128{rnd(), rnd()}
		switch i % 4 {
		case 0:
			v.hi &^= 0x7fff << 48 // subnormal or zero
		case 1:
			v.hi |= 0x7fff << 48 // Inf or NaN
			if i%8 == 1 {
				v = u128{0, v.hi &^ (1<<48 - 1)}
			}
		}
		x, nan := decode128(v)
		if nan {
			continue
		}
		if got := encode128(x); got != v {
			t.Fatalf("%#016x%016x → %v → %#016x%016x", v.hi, v.lo, x, got.hi, got.lo)
		}
	}
}

func TestF128KnownValues(t *testing.T) {
	one := f128bits(0x3fff000000000000, 0)
	two := f128bits(0x4000000000000000, 0)
	three := f128bits(0x4000800000000000, 0)
	minSub := f128bits(0, 1)
	for _, tc := range []struct {
		name string
		got  u128
		want u128
	}{
		{"1/3", must(f128Binary(ir.OpFdiv, one, three)), f128bits(0x3ffd555555555555, 0x5555555555555555)},
		{"sqrt 2", must(f128Unary(ir.OpSqrt, two)), f128bits(0x3fff6a09e667f3bc, 0xc908b2fb1366ea95)},
		{"min subnormal / 2 ties to 0", must(f128Binary(ir.OpFdiv, minSub, two)), u128{}},
		{"3 * min subnormal / 2 ties to 2", must(f128Binary(ir.OpFdiv, must(f128Binary(ir.OpFmul, minSub, three)), two)), f128bits(0, 2)},
		{"-0 + -0", must(f128Binary(ir.OpFadd, f128bits(1<<63, 0), f128bits(1<<63, 0))), f128bits(1<<63, 0)},
		{"1 - 1", must(f128Binary(ir.OpFsub, one, one)), u128{}},
		{"inf - inf", must(f128Binary(ir.OpFsub, f128bits(0x7fff<<48, 0), f128bits(0x7fff<<48, 0))), nan128},
		{"fmin(-0, +0)", must(f128Binary(ir.OpFmin, u128{}, f128bits(1<<63, 0))), f128bits(1<<63, 0)},
		{"nearest 2.5", must(f128Unary(ir.OpNearest, f128FromFloat(64, u128{math.Float64bits(2.5), 0}))), two},
		{"ceil -0.5", must(f128Unary(ir.OpCeil, f128FromFloat(64, u128{math.Float64bits(-0.5), 0}))), f128bits(1<<63, 0)},
		{"fma 1*1+2^-200", f128Fma(one, one, f128FromFloat(64, u128{math.Float64bits(0x1p-200), 0})), one},
		{"i128 max → f128", f128FromInt(toBigInt(smaxOf(128))), f128bits(0x407e000000000000, 0)},
		{"f128 → f64 just above the f64 half-ulp", f128ToFloat(64, f128bits(0x3fff000000000000, 0x0800000000000001)), u128{math.Float64bits(1 + 0x1p-52), 0}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %#016x%016x, want %#016x%016x", tc.name, tc.got.hi, tc.got.lo, tc.want.hi, tc.want.lo)
		}
	}
}

func must(v u128, ok bool) u128 {
	if !ok {
		panic("unsupported")
	}
	return v
}

// TestF128AgainstF64: binary128 has more than 2*53+2 bits, so for +, -,
// *, / and sqrt, rounding to f128 and then to f64 equals rounding to f64
// once; the f128 operations must therefore agree with Go's float64 ones.
func TestF128AgainstF64(t *testing.T) {
	s := uint64(0x243f6a8885a308d3)
	rnd := func() uint64 {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		return s
	}
	pick := func(i int) float64 {
		b := rnd()
		if i%3 == 0 {
			b = b&^(0x7ff<<52) | uint64(1000+rnd()%48)<<52 // similar exponents
		}
		if i%11 == 0 {
			b &^= 0x7ff << 52 // f64 subnormals
		}
		return math.Float64frombits(b)
	}
	for i := 0; i < 10000; i++ {
		x, y := pick(i), pick(i+1)
		if x != x || y != y {
			continue
		}
		px, py := f128FromFloat(64, u128{math.Float64bits(x), 0}), f128FromFloat(64, u128{math.Float64bits(y), 0})
		for _, c := range []struct {
			op   ir.Opcode
			want float64
		}{
			{ir.OpFadd, x + y}, {ir.OpFsub, x - y}, {ir.OpFmul, x * y}, {ir.OpFdiv, x / y},
			{ir.OpFmin, fmin(x, y)}, {ir.OpFmax, fmax(x, y)},
		} {
			r, _ := f128Binary(c.op, px, py)
			got := math.Float64frombits(f128ToFloat(64, r).lo)
			if c.want != c.want {
				if got == got {
					t.Fatalf("%s(%v, %v) = %v, want NaN", c.op, x, y, got)
				}
				continue
			}
			if math.Float64bits(got) != math.Float64bits(c.want) {
				t.Fatalf("%s(%v, %v) = %v, want %v", c.op, x, y, got, c.want)
			}
		}
		if x >= 0 {
			r, _ := f128Unary(ir.OpSqrt, px)
			if got := math.Float64frombits(f128ToFloat(64, r).lo); got != math.Sqrt(x) {
				t.Fatalf("sqrt(%v) = %v, want %v", x, got, math.Sqrt(x))
			}
		}
		for _, c := range []struct {
			op   ir.Opcode
			want float64
		}{{ir.OpCeil, math.Ceil(x)}, {ir.OpFloor, math.Floor(x)}, {ir.OpTrunc, math.Trunc(x)}, {ir.OpNearest, math.RoundToEven(x)}} {
			r, _ := f128Unary(c.op, px)
			if got := math.Float64frombits(f128ToFloat(64, r).lo); math.Float64bits(got) != math.Float64bits(c.want) {
				t.Fatalf("%s(%v) = %v, want %v", c.op, x, got, c.want)
			}
		}
		if lt, _ := floatCompare(ir.FloatLT, 128, px, py); lt != (x < y) {
			t.Fatalf("fcmp lt(%v, %v) = %v", x, y, lt)
		}
	}
}

// TestF128Instructions runs f128 through the interpreter's instructions.
func TestF128Instructions(t *testing.T) {
	third := ir.DataF128FromBits(0x5555555555555555, 0x3ffd555555555555)
	got, err := runOne(t, ir.InstData{Opcode: ir.OpFdiv}, ir.Invalid, ir.DataF128FromBits(0, 0x3fff000000000000), ir.DataF128FromBits(0, 0x4000800000000000))
	if err != nil || got != third {
		t.Errorf("fdiv.f128 1/3 = %v (%v)", got, err)
	}
	got, err = runOne(t, ir.InstData{Opcode: ir.OpFcvtToSint}, ir.I64, third)
	if err != nil || got != ir.DataI64(0) {
		t.Errorf("fcvt_to_sint.i64 1/3 = %v (%v)", got, err)
	}
	got, err = runOne(t, ir.InstData{Opcode: ir.OpFcvtToSintSat}, ir.I8, ir.DataF128FromBits(0, 0xc00f000000000000))
	if err != nil || got != ir.DataI8(-128) {
		t.Errorf("fcvt_to_sint_sat.i8 -65536 = %v (%v)", got, err)
	}
	got, err = runOne(t, ir.InstData{Opcode: ir.OpFpromote}, ir.F128, ir.DataF32(-1.5))
	if err != nil || got != ir.DataF128FromBits(0, 0xbfff800000000000) {
		t.Errorf("fpromote.f128 -1.5 = %v (%v)", got, err)
	}
}
