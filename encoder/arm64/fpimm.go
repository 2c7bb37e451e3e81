package arm64

import "math"

// Floating-point 8-bit immediates (FMOV #imm, vector FMOV).
//
// The manual's VFPExpandImm(imm8) for a 64-bit result reads:
//
//	sign = imm8<7>;
//	exp  = NOT(imm8<6>):Replicate(imm8<6>,8):imm8<5:4>;
//	frac = imm8<3:0>:Zeros(48);
//
// so the representable values are ±(16+f)/16 × 2^e with f in 0..15 and
// e in -3..4: imm8<6> = 1 selects e = imm8<5:4> - 3, imm8<6> = 0 selects
// e = imm8<5:4> + 1. Zero is not representable (use a zero register).

// EncodeFPImm returns imm8 for v, or ok=false if v is not exactly one of the
// 256 representable values. The same imm8 serves half, single and double
// precision, since every representable value is exact in all three.
func EncodeFPImm(v float64) (imm8 uint32, ok bool) {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	var sign uint32
	if v < 0 {
		sign, v = 1, -v
	}
	frac, exp := math.Frexp(v) // v = frac × 2^exp, frac in [0.5, 1)
	e := exp - 1               // v = (2·frac) × 2^e, 2·frac in [1, 2)
	m := frac*32 - 16          // (16+f)/16 = 2·frac
	if e < -3 || e > 4 || m != math.Trunc(m) {
		return 0, false
	}
	var b, cd uint32
	if e <= 0 {
		b, cd = 1, uint32(e+3)
	} else {
		b, cd = 0, uint32(e-1)
	}
	return sign<<7 | b<<6 | cd<<4 | uint32(m), true
}

// DecodeFPImm is VFPExpandImm: the value of an 8-bit FP immediate.
func DecodeFPImm(imm8 uint32) float64 {
	f := float64(16+imm8&15) / 16
	cd := int(imm8 >> 4 & 3)
	e := cd + 1
	if imm8>>6&1 == 1 {
		e = cd - 3
	}
	v := math.Ldexp(f, e)
	if imm8>>7&1 == 1 {
		v = -v
	}
	return v
}
