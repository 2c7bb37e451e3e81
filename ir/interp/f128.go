package interp

import (
	"math"
	"math/big"

	"kiln/ir"
)

// Quad precision (IEEE binary128) arithmetic on math/big. An f128 value
// decodes exactly into a big.Float; operations compute with enough
// precision that the result is exact or at least 2*113+2 bits (so the
// final rounding cannot meet a false tie), and encode128 rounds once to
// binary128, subnormals included. Slow, allocating, and only used for f128.

const (
	f128Bias    = 16383
	f128MinExp  = -16382 // exponent of the smallest normal
	f128Quantum = -16494 // exponent of the smallest subnormal
	f128Prec    = 113
	workPrec    = 512 // working precision of inexact operations
	canonNaN128 = 0x7fff800000000000
)

// decode128 returns an f128 as a big.Float, infinities included, or nan.
func decode128(v u128) (x *big.Float, nan bool) {
	neg := v.hi>>63 != 0
	exp := int(v.hi>>48) & 0x7fff
	frac := u128{v.lo, v.hi & (1<<48 - 1)}
	if exp == 0x7fff {
		if !frac.isZero() {
			return nil, true
		}
		return new(big.Float).SetInf(neg), false
	}
	m := toBigInt(frac)
	e := f128Quantum // subnormal: frac * 2^-16494
	if exp != 0 {
		m.SetBit(m, 112, 1)
		e = exp - f128Bias - 112
	}
	x = new(big.Float).SetInt(m)
	x.SetMantExp(x, e)
	if neg {
		x.Neg(x)
	}
	return x, false
}

func toBigInt(v u128) *big.Int {
	x := new(big.Int).SetUint64(v.hi)
	return x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(v.lo))
}

func fromBigInt(x *big.Int) u128 {
	lo := new(big.Int).And(x, new(big.Int).SetUint64(^uint64(0))).Uint64()
	return u128{lo, new(big.Int).Rsh(x, 64).Uint64()}
}

// encode128 rounds x (exact, or computed to workPrec bits) to the nearest
// binary128 value, ties to even.
func encode128(x *big.Float) u128 {
	var sign u128
	if x.Signbit() {
		sign = u128{0, 1 << 63}
	}
	if x.IsInf() {
		return sign.or(u128{0, 0x7fff << 48})
	}
	if x.Sign() == 0 {
		return sign
	}
	a := new(big.Float).Abs(x)
	e := a.MantExp(nil) - 1 // a in [2^e, 2^(e+1))
	// Significant bits available at this binade: 113 for normals, fewer
	// down to the smallest subnormal 2^-16494.
	p := min(f128Prec, e-f128Quantum+1)
	if p <= 0 {
		// Below the smallest subnormal: 0, or 2^-16494 above its half.
		half := new(big.Float).SetMantExp(big.NewFloat(1), f128Quantum-1)
		if a.Cmp(half) > 0 {
			return sign.or(u128{1, 0})
		}
		return sign
	}
	r := new(big.Float).SetMode(big.ToNearestEven).SetPrec(uint(p)).Set(a)
	e = r.MantExp(nil) - 1 // rounding may carry into the next binade
	if e > f128Bias {
		return sign.or(u128{0, 0x7fff << 48})
	}
	if e < f128MinExp {
		m, _ := new(big.Float).SetMantExp(r, -f128Quantum).Int(nil)
		return sign.or(fromBigInt(m))
	}
	m, _ := new(big.Float).SetMantExp(r, 112-e).Int(nil)
	m.SetBit(m, 112, 0)
	return sign.or(fromBigInt(m)).or(u128{0, uint64(e+f128Bias) << 48})
}

var nan128 = u128{0, canonNaN128}

func work() *big.Float { return new(big.Float).SetPrec(workPrec).SetMode(big.ToNearestEven) }

// f128Binary computes fadd, fsub, fmul, fdiv, fmin and fmax on f128.
// big.Float handles infinities and signed zeros as IEEE 754 does; the
// combinations that make a NaN (which big.Float would panic on) are
// caught first.
func f128Binary(op ir.Opcode, a, b u128) (u128, bool) {
	x, xnan := decode128(a)
	y, ynan := decode128(b)
	if xnan || ynan {
		return nan128, true
	}
	xinf, yinf := x.IsInf(), y.IsInf()
	xzero, yzero := x.Sign() == 0, y.Sign() == 0
	switch op {
	case ir.OpFadd:
		if xinf && yinf && x.Signbit() != y.Signbit() {
			return nan128, true
		}
		return encode128(work().Add(x, y)), true
	case ir.OpFsub:
		if xinf && yinf && x.Signbit() == y.Signbit() {
			return nan128, true
		}
		return encode128(work().Sub(x, y)), true
	case ir.OpFmul:
		if xinf && yzero || yinf && xzero {
			return nan128, true
		}
		return encode128(work().Mul(x, y)), true
	case ir.OpFdiv:
		if xinf && yinf || xzero && yzero {
			return nan128, true
		}
		return encode128(work().Quo(x, y)), true
	case ir.OpFmin, ir.OpFmax:
		c := x.Cmp(y)
		if c == 0 {
			// Equal values, or zeros of either sign: -0 < +0.
			c = b2i(y.Signbit()) - b2i(x.Signbit())
		}
		if (c <= 0) == (op == ir.OpFmin) {
			return a, true
		}
		return b, true
	}
	return u128{}, false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// f128Unary computes sqrt and the rounding opcodes on f128.
func f128Unary(op ir.Opcode, a u128) (u128, bool) {
	x, nan := decode128(a)
	if nan {
		return nan128, true
	}
	if x.IsInf() || x.Sign() == 0 {
		if op == ir.OpSqrt && x.IsInf() && x.Signbit() {
			return nan128, true
		}
		return a, true // ±0, ±Inf are their own sqrt, ceil, floor, trunc, nearest
	}
	switch op {
	case ir.OpSqrt:
		if x.Signbit() {
			return nan128, true
		}
		return encode128(work().Sqrt(x)), true
	case ir.OpCeil, ir.OpFloor, ir.OpTrunc, ir.OpNearest:
		i, _ := x.Int(nil) // truncated toward zero
		t := new(big.Float).SetInt(i)
		frac := new(big.Float).Sub(x, t) // exact: |x| < 2^16384
		half := big.NewFloat(0.5)
		switch {
		case op == ir.OpCeil && frac.Sign() > 0:
			i.Add(i, big.NewInt(1))
		case op == ir.OpFloor && frac.Sign() < 0:
			i.Sub(i, big.NewInt(1))
		case op == ir.OpNearest:
			c := new(big.Float).Abs(frac).Cmp(half)
			if c > 0 || c == 0 && i.Bit(0) == 1 {
				if x.Signbit() {
					i.Sub(i, big.NewInt(1))
				} else {
					i.Add(i, big.NewInt(1))
				}
			}
		}
		r := encode128(new(big.Float).SetInt(i))
		if i.Sign() == 0 && x.Signbit() {
			r.hi |= 1 << 63 // a negative value rounded to zero is -0
		}
		return r, true
	}
	return u128{}, false
}

// f128Fma computes a*b+c rounded once.
func f128Fma(a, b, c u128) u128 {
	x, xn := decode128(a)
	y, yn := decode128(b)
	z, zn := decode128(c)
	if xn || yn || zn {
		return nan128
	}
	if x.IsInf() && y.Sign() == 0 || y.IsInf() && x.Sign() == 0 {
		return nan128
	}
	p := new(big.Float).SetPrec(2*f128Prec).Mul(x, y) // exact
	if p.IsInf() && z.IsInf() && p.Signbit() != z.Signbit() {
		return nan128
	}
	r := work().Add(p, z)
	if r.Sign() == 0 && !r.IsInf() && p.Signbit() && z.Signbit() {
		return u128{0, 1 << 63}
	}
	return encode128(r)
}

// f128Compare evaluates an fcmp condition.
func f128Compare(cc ir.FloatCC, a, b u128) bool {
	x, xn := decode128(a)
	y, yn := decode128(b)
	uno := xn || yn
	c := 0
	if !uno {
		c = x.Cmp(y)
	}
	switch cc {
	case ir.FloatOrd:
		return !uno
	case ir.FloatUno:
		return uno
	case ir.FloatEQ:
		return !uno && c == 0
	case ir.FloatNE:
		return uno || c != 0
	case ir.FloatOne:
		return !uno && c != 0
	case ir.FloatUeq:
		return uno || c == 0
	case ir.FloatLT:
		return !uno && c < 0
	case ir.FloatUge:
		return uno || c >= 0
	case ir.FloatLE:
		return !uno && c <= 0
	case ir.FloatUgt:
		return uno || c > 0
	case ir.FloatGT:
		return !uno && c > 0
	case ir.FloatUle:
		return uno || c <= 0
	case ir.FloatGE:
		return !uno && c >= 0
	case ir.FloatUlt:
		return uno || c < 0
	}
	return false
}

// f128FromFloat widens an f16, f32 or f64 lane exactly.
func f128FromFloat(n int, a u128) u128 {
	var f float64
	switch n {
	case 16:
		f = f16ToF64(uint16(a.lo))
	case 32:
		f = float64(f32of(a))
	default:
		f = f64of(a)
	}
	if f != f {
		return nan128
	}
	return encode128(new(big.Float).SetFloat64(f))
}

// f128ToFloat narrows to f16, f32 or f64, rounding once.
func f128ToFloat(n int, a u128) u128 {
	x, nan := decode128(a)
	if nan {
		switch n {
		case 16:
			return u128{canonNaN16, 0}
		case 32:
			return u128{canonNaN32, 0}
		}
		return u128{canonNaN64, 0}
	}
	f, _ := x.Float64() // correctly rounded, subnormals included
	switch n {
	case 64:
		return u128{math.Float64bits(f), 0}
	case 32:
		g, _ := x.Float32()
		return u128{uint64(math.Float32bits(g)), 0}
	}
	err := 0
	if !x.IsInf() && !math.IsInf(f, 0) {
		err = x.Cmp(new(big.Float).SetFloat64(f))
	}
	return u128{uint64(roundF16(f, err)), 0}
}

// f128ToInt truncates toward zero; ok is false when x is NaN or ±Inf.
func f128ToInt(a u128) (*big.Int, bool, bool) {
	x, nan := decode128(a)
	if nan || x.IsInf() {
		return nil, nan, false
	}
	i, _ := x.Int(nil)
	return i, false, true
}

// f128FromInt rounds an integer to f128.
func f128FromInt(i *big.Int) u128 { return encode128(new(big.Float).SetInt(i)) }

// f128ToIntLane is floatToInt for an f128 lane: NaN is bad_toint (0 when
// saturating), out of range int_ovf (clamped when saturating). The i128
// quirk of the narrower floats does not arise: f128 converts exactly.
func f128ToIntLane(m int, a u128, signed, sat bool) (u128, ir.TrapCode, bool) {
	i, nan, ok := f128ToInt(a)
	if nan {
		if sat {
			return u128{}, 0, true
		}
		return u128{}, ir.TrapBadConversionToInt, true
	}
	lo, hi := big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), uint(m))
	if signed {
		hi.Rsh(hi, 1)
		lo.Neg(hi)
	}
	hi.Sub(hi, big.NewInt(1))
	neg := a.hi>>63 != 0
	if !ok || i.Cmp(lo) < 0 || i.Cmp(hi) > 0 {
		if !sat {
			return u128{}, ir.TrapIntegerOverflow, true
		}
		if neg {
			i = lo
		} else {
			i = hi
		}
	}
	if i.Sign() < 0 {
		i = new(big.Int).Add(i, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	return fromBigInt(i).trunc(m), 0, true
}
