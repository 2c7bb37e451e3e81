package simd

import "math"

// Relaxed SIMD, with one fixed choice among the behaviours the proposal
// allows for each operator (the choices are listed in doc.go). Operators
// whose choice is the fixed-width operator's semantics (relaxed_swizzle,
// relaxed_trunc*, relaxed_min/max, relaxed_q15mulr_s, relaxed_laneselect)
// share its code; the rest live here.

// madd32 is f32x4.relaxed_madd (a·b + c) or, with neg, relaxed_nmadd
// (-(a·b) + c), fused: one rounding.
func madd32(a, b, c v128, neg bool) v128 {
	var x, y, z [4]uint32
	a.load32(&x)
	b.load32(&y)
	c.load32(&z)
	var r [4]uint32
	for i := range r {
		p := x[i]
		if neg {
			p ^= f32Sign
		}
		r[i] = fma32(p, y[i], z[i])
	}
	return from32(&r)
}

func madd64(a, b, c v128, neg bool) v128 {
	var x, y, z [2]uint64
	a.load64(&x)
	b.load64(&y)
	c.load64(&z)
	var r [2]uint64
	for i := range r {
		p := x[i]
		if neg {
			p ^= f64Sign
		}
		f := math.FMA(math.Float64frombits(p), math.Float64frombits(y[i]), math.Float64frombits(z[i]))
		if f != f {
			r[i] = nan64(p, y[i])
			if !isNaN64(p) && !isNaN64(y[i]) && isNaN64(z[i]) {
				r[i] = z[i] | f64Quiet
			}
			continue
		}
		r[i] = math.Float64bits(f)
	}
	return from64(&r)
}

// fma32 computes x·y + z on f32 bit patterns with a single rounding. The
// product of two f32 is exact in float64; the float64 sum is then
// rounded to odd (the sum rounded to nearest, nudged toward the exact
// value when inexact and even), after which rounding to f32 is correct
// because float64 carries more than 24+1 bits.
func fma32(x, y, z uint32) uint32 {
	if isNaN32(x) || isNaN32(y) || isNaN32(z) {
		if isNaN32(x) || isNaN32(y) {
			return nan32(x, y)
		}
		return z | f32Quiet
	}
	p := float64(math.Float32frombits(x)) * float64(math.Float32frombits(y))
	q := float64(math.Float32frombits(z))
	s := p + q
	if s != s {
		return f32Canon // ∞ - ∞, 0·∞
	}
	if !math.IsInf(s, 0) && s != 0 {
		// TwoSum: s + e == p + q exactly.
		bb := s - p
		e := (p - (s - bb)) + (q - bb)
		if e != 0 {
			bits := math.Float64bits(s)
			if bits&1 == 0 {
				if (e > 0) == (s > 0) {
					bits++
				} else {
					bits--
				}
				s = math.Float64frombits(bits)
			}
		}
	}
	return math.Float32bits(float32(s))
}

// dotI8x16I7x16 is i16x8.relaxed_dot_i8x16_i7x16_s: both operands signed,
// adjacent products summed with signed saturation.
func dotI8x16I7x16(a, b v128) v128 {
	var x, y [16]uint8
	a.load8(&x)
	b.load8(&y)
	var r [8]uint16
	for i := range r {
		p := int32(int8(x[2*i]))*int32(int8(y[2*i])) + int32(int8(x[2*i+1]))*int32(int8(y[2*i+1]))
		r[i] = sat16s(p)
	}
	return from16(&r)
}

// dotAddI8x16I7x16 is i32x4.relaxed_dot_i8x16_i7x16_add_s: the saturated
// i16 pair sums of dotI8x16I7x16, added pairwise into i32 lanes, plus c
// (wrapping).
func dotAddI8x16I7x16(a, b, c v128) v128 {
	var d [8]uint16
	dotI8x16I7x16(a, b).load16(&d)
	var z [4]uint32
	c.load32(&z)
	var r [4]uint32
	for i := range r {
		r[i] = uint32(int32(int16(d[2*i]))+int32(int16(d[2*i+1]))) + z[i]
	}
	return from32(&r)
}
