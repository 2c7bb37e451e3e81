package interp

import (
	"math"
	"math/big"

	"kiln/ir"
)

// NaN policy. Arithmetic that produces a NaN (fadd, fsub, fmul, fdiv, sqrt,
// fma, fmin, fmax, the rounding ops, fpromote, fdemote) returns the
// canonical quiet NaN with a clear sign bit (0x7fc00000, 0x7ff8000000000000),
// whatever the inputs' payloads were: the result is then independent of the
// host's NaN propagation rules, and the runtests only ask is_nan of these
// results. fneg, fabs and fcopysign are bit operations on the sign and keep
// payloads (the runtests check them bit for bit), as do bitcast, select,
// loads and stores.
const (
	canonNaN32 = 0x7fc00000
	canonNaN64 = 0x7ff8000000000000
)

func f32of(a u128) float32 { return math.Float32frombits(uint32(a.lo)) }
func f64of(a u128) float64 { return math.Float64frombits(a.lo) }

func fromF32(f float32) u128 {
	if f != f {
		return u128{canonNaN32, 0}
	}
	return u128{uint64(math.Float32bits(f)), 0}
}

func fromF64(f float64) u128 {
	if f != f {
		return u128{canonNaN64, 0}
	}
	return u128{math.Float64bits(f), 0}
}

// floatBinary computes one f32 or f64 lane; ok is false for other widths.
func floatBinary(op ir.Opcode, n int, a, b u128) (u128, bool) {
	switch op {
	case ir.OpFcopysign:
		sign := u128{1, 0}.shl(uint(n - 1))
		return a.and(sign.not()).or(b.and(sign)).trunc(n), n == 16 || n == 32 || n == 64 || n == 128
	}
	switch n {
	case 128:
		return f128Binary(op, a, b)
	case 16:
		x, y := f16ToF64(uint16(a.lo)), f16ToF64(uint16(b.lo))
		var r float64
		switch op {
		case ir.OpFadd:
			r = x + y
		case ir.OpFsub:
			r = x - y
		case ir.OpFmul:
			r = x * y
		case ir.OpFdiv:
			r = x / y
		case ir.OpFmin:
			r = fmin(x, y)
		case ir.OpFmax:
			r = fmax(x, y)
		default:
			return u128{}, false
		}
		return u128{uint64(roundF16(r, 0)), 0}, true
	case 32:
		x, y := f32of(a), f32of(b)
		var r float32
		switch op {
		case ir.OpFadd:
			r = x + y
		case ir.OpFsub:
			r = x - y
		case ir.OpFmul:
			r = x * y
		case ir.OpFdiv:
			r = x / y
		case ir.OpFmin:
			r = float32(fmin(float64(x), float64(y)))
		case ir.OpFmax:
			r = float32(fmax(float64(x), float64(y)))
		default:
			return u128{}, false
		}
		return fromF32(r), true
	case 64:
		x, y := f64of(a), f64of(b)
		var r float64
		switch op {
		case ir.OpFadd:
			r = x + y
		case ir.OpFsub:
			r = x - y
		case ir.OpFmul:
			r = x * y
		case ir.OpFdiv:
			r = x / y
		case ir.OpFmin:
			r = fmin(x, y)
		case ir.OpFmax:
			r = fmax(x, y)
		default:
			return u128{}, false
		}
		return fromF64(r), true
	}
	return u128{}, false
}

// fmin and fmax follow Cranelift: NaN if either operand is NaN, and
// -0.0 < +0.0.
func fmin(x, y float64) float64 {
	switch {
	case x != x || y != y:
		return math.NaN()
	case x == 0 && y == 0:
		if math.Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}

func fmax(x, y float64) float64 {
	switch {
	case x != x || y != y:
		return math.NaN()
	case x == 0 && y == 0:
		if math.Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// floatUnary computes one lane of sqrt, fneg, fabs and the rounding ops.
func floatUnary(op ir.Opcode, n int, a u128) (u128, bool) {
	if n != 16 && n != 32 && n != 64 {
		// Sign manipulation is defined for every width (f128 too).
		sign := u128{1, 0}.shl(uint(n - 1))
		switch op {
		case ir.OpFneg:
			return a.xor(sign).trunc(n), n == 128
		case ir.OpFabs:
			return a.and(sign.not()).trunc(n), n == 128
		}
		if n == 128 {
			return f128Unary(op, a)
		}
		return u128{}, false
	}
	switch op {
	case ir.OpFneg:
		return a.xor(u128{1, 0}.shl(uint(n - 1))).trunc(n), true
	case ir.OpFabs:
		return a.and(u128{1, 0}.shl(uint(n - 1)).not()).trunc(n), true
	}
	var f func(float64) float64
	switch op {
	case ir.OpSqrt:
		f = math.Sqrt
	case ir.OpCeil:
		f = math.Ceil
	case ir.OpFloor:
		f = math.Floor
	case ir.OpTrunc:
		f = math.Trunc
	case ir.OpNearest:
		f = math.RoundToEven
	default:
		return u128{}, false
	}
	if n == 16 {
		return u128{uint64(roundF16(f(f16ToF64(uint16(a.lo))), 0)), 0}, true
	}
	if n == 32 {
		// Exact: these operations on a float32 widened to float64 round
		// once when narrowed back (sqrt: 53 >= 2*24+2 bits).
		return fromF32(float32(f(float64(f32of(a))))), true
	}
	return fromF64(f(f64of(a))), true
}

// fma computes a*b+c rounded once.
func fma(n int, a, b, c u128) (u128, bool) {
	switch n {
	case 128:
		return f128Fma(a, b, c), true
	case 64:
		return fromF64(math.FMA(f64of(a), f64of(b), f64of(c))), true
	case 16:
		x, y, z := f16ToF64(uint16(a.lo)), f16ToF64(uint16(b.lo)), f16ToF64(uint16(c.lo))
		r := math.FMA(x, y, z)
		err := 0
		if !math.IsInf(r, 0) && r == r && !isInf3(x, y, z) {
			// The sign of the float64 rounding error breaks f16 ties.
			err = exactFMA(x, y, z).Cmp(new(big.Float).SetFloat64(r))
		}
		return u128{uint64(roundF16(r, err)), 0}, true
	case 32:
		x, y, z := float64(f32of(a)), float64(f32of(b)), float64(f32of(c))
		r := math.FMA(x, y, z)
		if math.IsInf(r, 0) || r != r || r == 0 || isInf3(x, y, z) {
			// Infinities, NaNs and exact zeros need no second rounding.
			return fromF32(float32(r)), true
		}
		// x*y is exact in float64, but x*y+z rounded to float64 and then
		// to float32 may round twice. That goes wrong only when the float64
		// result sits exactly halfway between two float32 values (every
		// such midpoint is a float64, and rounding is monotonic); only then
		// compute the exact sum, which allocates.
		f := float32(r)
		if !isF32Midpoint(r, f) {
			return fromF32(f), true
		}
		f, _ = exactFMA(x, y, z).Float32()
		return fromF32(f), true
	}
	return u128{}, false
}

// isF32Midpoint reports whether r lies exactly halfway between f (r
// rounded to float32) and f's neighbour on r's side.
func isF32Midpoint(r float64, f float32) bool {
	if math.IsInf(float64(f), 0) {
		// Halfway between the largest float32 and 2^128 rounds to Inf.
		return math.Abs(r) == 0x1p128-0x1p103
	}
	if float64(f) == r {
		return false
	}
	dir := float32(math.Inf(1))
	if r < float64(f) {
		dir = float32(math.Inf(-1))
	}
	n := math.Nextafter32(f, dir)
	if math.IsInf(float64(n), 0) {
		// Past the largest float32 the "neighbour" is 2^128.
		return math.Abs(r) == math.Abs(float64(f))+math.Ldexp(1, 103)
	}
	return r == (float64(f)+float64(n))/2
}

// exactFMA returns x*y+z without rounding (finite operands): 2048 bits
// cover the exponent range of products and sums of float32 and f16 values.
func exactFMA(x, y, z float64) *big.Float {
	p := new(big.Float).SetPrec(2048).SetFloat64(x)
	p.Mul(p, new(big.Float).SetFloat64(y))
	return p.Add(p, new(big.Float).SetFloat64(z))
}

func isInf3(x, y, z float64) bool {
	return math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsInf(z, 0)
}

// floatCompare evaluates an fcmp condition.
func floatCompare(cc ir.FloatCC, n int, a, b u128) (bool, bool) {
	var x, y float64
	switch n {
	case 128:
		return f128Compare(cc, a, b), true
	case 16:
		x, y = f16ToF64(uint16(a.lo)), f16ToF64(uint16(b.lo))
	case 32:
		x, y = float64(f32of(a)), float64(f32of(b))
	case 64:
		x, y = f64of(a), f64of(b)
	default:
		return false, false
	}
	uno := x != x || y != y
	var r bool
	switch cc {
	case ir.FloatOrd:
		r = !uno
	case ir.FloatUno:
		r = uno
	case ir.FloatEQ:
		r = x == y
	case ir.FloatNE:
		r = x != y
	case ir.FloatOne:
		r = !uno && x != y
	case ir.FloatUeq:
		r = uno || x == y
	case ir.FloatLT:
		r = x < y
	case ir.FloatUge:
		r = uno || x >= y
	case ir.FloatLE:
		r = x <= y
	case ir.FloatUgt:
		r = uno || x > y
	case ir.FloatGT:
		r = x > y
	case ir.FloatUle:
		r = uno || x <= y
	case ir.FloatGE:
		r = x >= y
	case ir.FloatUlt:
		r = uno || x < y
	}
	return r, true
}

// floatToInt converts one float lane (n bits) to an integer lane of m bits.
// Trapping forms return bad_toint for NaN and int_ovf out of range;
// saturating forms return 0 for NaN and clamp.
func floatToInt(n, m int, a u128, signed, sat bool) (u128, ir.TrapCode, bool) {
	var x float64
	switch n {
	case 128:
		return f128ToIntLane(m, a, signed, sat)
	case 16:
		x = f16ToF64(uint16(a.lo))
	case 32:
		x = float64(f32of(a))
	case 64:
		x = f64of(a)
	default:
		return u128{}, 0, false
	}
	if x != x {
		if sat {
			return u128{}, 0, true
		}
		return u128{}, ir.TrapBadConversionToInt, true
	}
	t := math.Trunc(x)
	if m == 128 {
		// Cranelift's interpreter converts through a saturating cast to
		// i128 before its range check, so an i128 result saturates to
		// i128::MAX from above even for fcvt_to_uint and the trapping
		// forms (i128-conversion.clif pins this down). Follow it.
		if t >= 0x1p127 {
			return smaxOf(128), 0, true
		}
		if signed && t < -0x1p127 {
			return sminOf(128), 0, true
		}
	}
	// The bounds 2^(m-1) and 2^m are exact powers of two in float64.
	var lo, hi float64 // valid iff lo <= t < hi
	if signed {
		lo, hi = -math.Ldexp(1, m-1), math.Ldexp(1, m-1)
	} else {
		lo, hi = 0, math.Ldexp(1, m)
	}
	if t < lo || t >= hi {
		if !sat {
			return u128{}, ir.TrapIntegerOverflow, true
		}
		switch {
		case !signed && t < lo:
			return u128{}, 0, true
		case !signed:
			return ones(m), 0, true
		case t < lo:
			return sminOf(m), 0, true
		default:
			return smaxOf(m), 0, true
		}
	}
	neg := t < 0
	if neg {
		t = -t
	}
	// |t| < 2^127 here: split into two 64-bit halves exactly.
	hiPart := math.Floor(t / 18446744073709551616.0)
	loPart := t - hiPart*18446744073709551616.0
	r := u128{uint64(loPart), uint64(hiPart)}
	if neg {
		r = r.neg()
	}
	return r.trunc(m), 0, true
}

// intToFloat converts an m-bit integer lane to an n-bit float lane,
// rounding to nearest even.
func intToFloat(n, m int, a u128, signed bool) (u128, bool) {
	neg := false
	if signed && a.signBit(m) {
		neg = true
		a = a.sext(m).neg()
	} else {
		a = a.trunc(m)
	}
	if n == 128 {
		i := toBigInt(a)
		if neg {
			i.Neg(i)
		}
		return f128FromInt(i), true
	}
	if n == 16 {
		// f16 overflows from 65520 on; smaller integers are exact in
		// float64, so one rounding remains.
		var sign uint64
		if neg {
			sign = 0x8000
		}
		if a.hi != 0 || a.lo >= 1<<17 {
			return u128{sign | 0x7c00, 0}, true
		}
		r := float64(a.lo)
		if neg {
			r = -r
		}
		return u128{uint64(roundF16(r, 0)), 0}, true
	}
	var f *big.Float
	var r float64
	if a.hi == 0 {
		switch n {
		case 32:
			v := float32(a.lo)
			if neg {
				v = -v
			}
			return u128{uint64(math.Float32bits(v)), 0}, true
		case 64:
			r = float64(a.lo)
			if neg {
				r = -r
			}
			return u128{math.Float64bits(r), 0}, true
		}
		return u128{}, false
	}
	f = new(big.Float).SetPrec(128).SetUint64(a.hi)
	f.SetMantExp(f, 64)
	f.Add(f, new(big.Float).SetUint64(a.lo))
	if neg {
		f.Neg(f)
	}
	switch n {
	case 32:
		v, _ := f.Float32()
		return u128{uint64(math.Float32bits(v)), 0}, true
	case 64:
		v, _ := f.Float64()
		return u128{math.Float64bits(v), 0}, true
	}
	return u128{}, false
}

// floatConvert is fpromote (f32→f64) and fdemote (f64→f32).
func floatConvert(from, to int, a u128) (u128, bool) {
	switch {
	case from == 32 && to == 64:
		return fromF64(float64(f32of(a))), true
	case from == 64 && to == 32:
		return fromF32(float32(f64of(a))), true
	case from == to:
		return a, true
	case to == 128 && (from == 16 || from == 32 || from == 64):
		return f128FromFloat(from, a), true
	case from == 128 && (to == 16 || to == 32 || to == 64):
		return f128ToFloat(to, a), true
	case from == 16 && to == 32:
		return fromF32(float32(f16ToF64(uint16(a.lo)))), true
	case from == 16 && to == 64:
		return fromF64(f16ToF64(uint16(a.lo))), true
	case from == 32 && to == 16:
		return u128{uint64(roundF16(float64(f32of(a)), 0)), 0}, true
	case from == 64 && to == 16:
		return u128{uint64(roundF16(f64of(a), 0)), 0}, true
	}
	return u128{}, false
}
