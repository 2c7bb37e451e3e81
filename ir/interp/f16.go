package interp

import "math"

// Half precision (IEEE binary16) support. Go has no float16, so f16 lanes
// are widened to float64, which holds every f16 exactly, computed there and
// rounded back once. For +, -, *, / and sqrt that single narrowing is
// correctly rounded: sums and products of f16 values are exact in float64,
// and for the rest float64's 53 bits exceed the 2*11+2 that make double
// rounding innocuous. fma, which is not exact in float64, breaks ties with
// the sign of the rounding error (see roundF16).

const canonNaN16 = 0x7e00

// f16ToF64 widens f16 bits exactly.
func f16ToF64(b uint16) float64 {
	sign := 1.0
	if b&0x8000 != 0 {
		sign = -1
	}
	e := int(b>>10) & 0x1f
	m := float64(b & 0x3ff)
	switch e {
	case 0:
		return sign * math.Ldexp(m, -24)
	case 0x1f:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1024+m, e-25)
}

// roundF16 rounds x to the nearest f16, ties to even. x is itself a
// rounded result; err is the sign of (exact − x): when x lies exactly
// halfway between two f16 values, a non-zero err says which way the exact
// value leans, so the tie is not a tie after all.
func roundF16(x float64, err int) uint16 {
	if x != x {
		return canonNaN16
	}
	var sign uint16
	if math.Signbit(x) {
		sign = 0x8000
		x, err = -x, -err
	}
	if x >= 65520 { // halfway between the largest f16 (65504) and 2^16
		if x == 65520 && err < 0 {
			return sign | 0x7bff
		}
		return sign | 0x7c00
	}
	if x == 0 {
		return sign
	}
	_, exp := math.Frexp(x) // x = f * 2^exp, f in [0.5, 1)
	e := exp - 1            // x in [2^e, 2^(e+1))
	q := e - 10             // the f16 quantum at this binade
	if e < -14 {
		q = -24 // subnormal
	}
	m := math.Ldexp(x, -q) // exact: a power-of-two scaling
	fl := math.Floor(m)
	r := fl
	switch frac := m - fl; {
	case frac > 0.5, frac == 0.5 && err > 0:
		r = fl + 1
	case frac == 0.5 && err == 0 && math.Mod(fl, 2) == 1:
		r = fl + 1
	}
	if e < -14 {
		return sign | uint16(r) // r ≤ 1024: 1024 is the smallest normal
	}
	// r in [1024, 2048]; 2048 carries into the exponent, possibly to Inf.
	return sign | uint16((e+15)<<10+int(r)-1024)
}
