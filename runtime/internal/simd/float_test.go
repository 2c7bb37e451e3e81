package simd

import (
	"math"
	"testing"
)

// Bit patterns used below.
const (
	pNaN32  = 0x7fc00000 // canonical
	nNaN32  = 0xffc00000 // canonical, negative
	sNaN32  = 0x7f800001 // signalling, payload 1
	aNaN32  = 0x7fa00000 // signalling, payload 0x200000
	pNaN64  = 0x7ff8000000000000
	sNaN64  = 0x7ff0000000000001
	negZ32  = 0x80000000
	one32   = 0x3f800000
	mone32  = 0xbf800000
	inf32b  = 0x7f800000
	ninf32b = 0xff800000
	negZ64  = 0x8000000000000000
	one64   = 0x3ff0000000000000
)

func w32(l ...uint32) v128 {
	var a [4]uint32
	copy(a[:], l)
	return from32(&a)
}

func TestFloatMinMax(t *testing.T) {
	runV(t, []vcase{
		// min/max: NaN propagates (quieted), -0 < +0, either operand order.
		{"f32x4.min ±0", opF32x4Min, []any{w32(0, negZ32, negZ32, 0), w32(negZ32, 0, negZ32, 0)}, w32(negZ32, negZ32, negZ32, 0)},
		{"f32x4.max ±0", opF32x4Max, []any{w32(0, negZ32, negZ32, 0), w32(negZ32, 0, negZ32, 0)}, w32(0, 0, negZ32, 0)},
		{"f32x4.min NaN", opF32x4Min, []any{w32(pNaN32, one32, sNaN32, nNaN32), w32(one32, pNaN32, one32, aNaN32)},
			w32(pNaN32, pNaN32, 0x7fc00001, nNaN32)},
		{"f32x4.max NaN", opF32x4Max, []any{w32(one32, inf32b, aNaN32, 0), w32(sNaN32, pNaN32, inf32b, mone32)},
			w32(0x7fc00001, pNaN32, 0x7fe00000, 0)},
		{"f32x4.min ordinary", opF32x4Min, []any{f32(1, -2, inf32, -inf32), f32(2, -3, 5, 0)}, f32(1, -3, 5, -inf32)},
		{"f32x4.max ordinary", opF32x4Max, []any{f32(1, -2, inf32, -inf32), f32(2, -3, 5, 0)}, f32(2, -2, inf32, 0)},
		// pmin/pmax: b < a ? b : a and a < b ? b : a on the raw bits — a NaN
		// in a is returned as is, a NaN in b never is; ±0 keep a.
		{"f32x4.pmin", opF32x4Pmin, []any{w32(sNaN32, one32, negZ32, 0), w32(one32, sNaN32, 0, negZ32)},
			w32(sNaN32, one32, negZ32, 0)},
		{"f32x4.pmax", opF32x4Pmax, []any{w32(sNaN32, one32, negZ32, 0), w32(one32, sNaN32, 0, negZ32)},
			w32(sNaN32, one32, negZ32, 0)},
		{"f32x4.pmin ordinary", opF32x4Pmin, []any{f32(1, 2, -inf32, 3), f32(2, 1, 0, 3)}, f32(1, 1, -inf32, 3)},
		{"f32x4.pmax ordinary", opF32x4Pmax, []any{f32(1, 2, -inf32, 3), f32(2, 1, 0, 3)}, f32(2, 2, 0, 3)},
		{"f64x2.min ±0", opF64x2Min, []any{i64(0, negZ64), i64(negZ64, 0)}, i64(negZ64, negZ64)},
		{"f64x2.max ±0", opF64x2Max, []any{i64(0, negZ64), i64(negZ64, 0)}, i64(0, 0)},
		{"f64x2.min NaN", opF64x2Min, []any{i64(sNaN64, one64), i64(one64, pNaN64)}, i64(0x7ff8000000000001, pNaN64)},
		{"f64x2.max NaN", opF64x2Max, []any{i64(one64, sNaN64|1<<63), i64(pNaN64, 0)}, i64(pNaN64, 0xfff8000000000001)},
		{"f64x2.pmin", opF64x2Pmin, []any{i64(sNaN64, negZ64), i64(0, 0)}, i64(sNaN64, negZ64)},
		{"f64x2.pmax", opF64x2Pmax, []any{i64(one64, 0), i64(sNaN64, negZ64)}, i64(one64, 0)},
		{"f64x2.pmin ordinary", opF64x2Pmin, []any{f64(3, -1), f64(2, 5)}, f64(2, -1)},
		{"f64x2.pmax ordinary", opF64x2Pmax, []any{f64(3, -1), f64(2, 5)}, f64(3, 5)},
	})
}

func TestFloatArith(t *testing.T) {
	runV(t, []vcase{
		{"f32x4.add", opF32x4Add, []any{f32(1, 0.5, 3e38, -1), f32(2, 0.25, 3e38, 1)}, f32(3, 0.75, inf32, 0)},
		{"f32x4.add rounds to f32", opF32x4Add, []any{f32(16777216), f32(1)}, f32(16777216)},
		{"f32x4.sub", opF32x4Sub, []any{f32(1, 0, inf32, negZero32), f32(2, 0, inf32, 0)}, w32(mone32, 0, pNaN32, negZ32)},
		{"f32x4.mul", opF32x4Mul, []any{f32(3, -0.0, inf32, 1e30), f32(-2, 5, 0, 1e30)}, w32(0xc0c00000, 0, pNaN32, inf32b)},
		{"f32x4.mul -0", opF32x4Mul, []any{f32(negZero32), f32(5)}, w32(negZ32)},
		{"f32x4.div", opF32x4Div, []any{f32(1, 1, -1, 0), f32(4, 0, 0, 0)}, w32(0x3e800000, inf32b, ninf32b, pNaN32)},
		{"f32x4.add NaN operand quieted", opF32x4Add, []any{w32(sNaN32, one32, nNaN32, aNaN32), w32(one32, sNaN32, one32, sNaN32)},
			w32(0x7fc00001, 0x7fc00001, nNaN32, 0x7fe00000)},
		{"f32x4.sqrt", opF32x4Sqrt, []any{f32(4, 2, -1, negZero32)}, w32(0x40000000, 0x3fb504f3, pNaN32, negZ32)},
		{"f32x4.abs/neg keep NaN bits", opF32x4Abs, []any{w32(0xff800001, negZ32, mone32, nNaN32)}, w32(0x7f800001, 0, one32, pNaN32)},
		{"f32x4.neg", opF32x4Neg, []any{w32(sNaN32, 0, one32, pNaN32)}, w32(0xff800001, negZ32, mone32, nNaN32)},
		{"f64x2.add", opF64x2Add, []any{f64(0.1, math.Inf(1)), f64(0.2, math.Inf(-1))}, i64(0x3fd3333333333334, pNaN64)},
		{"f64x2.sub", opF64x2Sub, []any{f64(negZero64, 1), f64(0, 1)}, i64(negZ64, 0)},
		{"f64x2.mul", opF64x2Mul, []any{f64(1e308, -2), f64(10, 0.5)}, f64(math.Inf(1), -1)},
		{"f64x2.div", opF64x2Div, []any{f64(1, 0), f64(3, 0)}, i64(0x3fd5555555555555, pNaN64)},
		{"f64x2.sqrt", opF64x2Sqrt, []any{f64(2, -4)}, i64(0x3ff6a09e667f3bcd, pNaN64)},
		{"f64x2.sqrt NaN", opF64x2Sqrt, []any{i64(sNaN64, negZ64)}, i64(0x7ff8000000000001, negZ64)},
		{"f64x2.abs", opF64x2Abs, []any{i64(sNaN64|1<<63, negZ64)}, i64(sNaN64, 0)},
		{"f64x2.neg", opF64x2Neg, []any{i64(sNaN64, 0)}, i64(sNaN64|1<<63, negZ64)},
	})
}

func TestFloatRounding(t *testing.T) {
	runV(t, []vcase{
		{"f32x4.ceil", opF32x4Ceil, []any{f32(1.5, -1.5, -0.5, 16777215)}, f32(2, -1, negZero32, 16777215)},
		{"f32x4.floor", opF32x4Floor, []any{f32(1.5, -1.5, 0.5, negZero32)}, f32(1, -2, 0, negZero32)},
		{"f32x4.trunc", opF32x4Trunc, []any{f32(1.9, -1.9, -0.1, inf32)}, f32(1, -1, negZero32, inf32)},
		{"f32x4.nearest ties to even", opF32x4Nearest, []any{f32(0.5, 1.5, 2.5, -0.5)}, f32(0, 2, 2, negZero32)},
		{"f32x4.nearest", opF32x4Nearest, []any{f32(-1.5, 8388609, 2.4999998, -3.5)}, f32(-2, 8388609, 2, -4)},
		{"f32x4.nearest NaN quieted", opF32x4Nearest, []any{w32(sNaN32, pNaN32, nNaN32, inf32b)}, w32(0x7fc00001, pNaN32, nNaN32, inf32b)},
		{"f32x4.ceil NaN", opF32x4Ceil, []any{w32(aNaN32)}, w32(0x7fe00000)},
		{"f64x2.ceil", opF64x2Ceil, []any{f64(-0.5, 4503599627370495.5)}, f64(negZero64, 4503599627370496)},
		{"f64x2.floor", opF64x2Floor, []any{f64(-0.5, 0.5)}, f64(-1, 0)},
		{"f64x2.trunc", opF64x2Trunc, []any{f64(-0.9, 1e300)}, f64(negZero64, 1e300)},
		{"f64x2.nearest ties to even", opF64x2Nearest, []any{f64(2.5, -2.5)}, f64(2, -2)},
		{"f64x2.nearest", opF64x2Nearest, []any{f64(3.5, -0.4)}, f64(4, negZero64)},
		{"f64x2.floor NaN", opF64x2Floor, []any{i64(sNaN64, pNaN64)}, i64(0x7ff8000000000001, pNaN64)},
	})
}

func TestFloatCompare(t *testing.T) {
	T, F := uint32(0xffffffff), uint32(0)
	runV(t, []vcase{
		{"f32x4.eq", opF32x4Eq, []any{w32(pNaN32, 0, one32, one32), w32(pNaN32, negZ32, one32, mone32)}, w32(F, T, T, F)},
		{"f32x4.ne", opF32x4Ne, []any{w32(pNaN32, 0, one32, one32), w32(pNaN32, negZ32, one32, mone32)}, w32(T, F, F, T)},
		{"f32x4.lt", opF32x4Lt, []any{w32(pNaN32, negZ32, mone32, one32), w32(one32, 0, one32, one32)}, w32(F, F, T, F)},
		{"f32x4.gt", opF32x4Gt, []any{w32(pNaN32, negZ32, one32, inf32b), w32(one32, 0, mone32, one32)}, w32(F, F, T, T)},
		{"f32x4.le", opF32x4Le, []any{w32(pNaN32, negZ32, one32, one32), w32(one32, 0, mone32, one32)}, w32(F, T, F, T)},
		{"f32x4.ge", opF32x4Ge, []any{w32(one32, negZ32, one32, ninf32b), w32(pNaN32, 0, mone32, one32)}, w32(F, T, T, F)},
		{"f64x2.eq", opF64x2Eq, []any{i64(pNaN64, negZ64), i64(pNaN64, 0)}, i64(0, ^uint64(0))},
		{"f64x2.ne", opF64x2Ne, []any{i64(pNaN64, negZ64), i64(pNaN64, 0)}, i64(^uint64(0), 0)},
		{"f64x2.lt", opF64x2Lt, []any{f64(1, 2), f64(2, 2)}, i64(^uint64(0), 0)},
		{"f64x2.gt", opF64x2Gt, []any{f64(1, 3), f64(2, 2)}, i64(0, ^uint64(0))},
		{"f64x2.le", opF64x2Le, []any{i64(pNaN64, one64), i64(one64, one64)}, i64(0, ^uint64(0))},
		{"f64x2.ge", opF64x2Ge, []any{f64(1, 3), f64(2, 3)}, i64(0, ^uint64(0))},
	})
}
