package simd

import "math"

// narrow packs the lanes of a (low half of the result) and b (high half)
// into lanes of half the width, saturating the signed input lanes to the
// signed or unsigned range of the narrow lane.
func narrow(sub uint32, a, b v128) v128 {
	switch sub {
	case opI8x16NarrowI16x8S, opI8x16NarrowI16x8U:
		var x, y [8]uint16
		a.load16(&x)
		b.load16(&y)
		var r [16]uint8
		if sub == opI8x16NarrowI16x8S {
			for i := 0; i < 8; i++ {
				r[i] = sat8s(int32(int16(x[i])))
				r[i+8] = sat8s(int32(int16(y[i])))
			}
		} else {
			for i := 0; i < 8; i++ {
				r[i] = sat8u(int32(int16(x[i])))
				r[i+8] = sat8u(int32(int16(y[i])))
			}
		}
		return from8(&r)
	default: // i16x8.narrow_i32x4_s/u
		var x, y [4]uint32
		a.load32(&x)
		b.load32(&y)
		var r [8]uint16
		if sub == opI16x8NarrowI32x4S {
			for i := 0; i < 4; i++ {
				r[i] = sat16s(int32(x[i]))
				r[i+4] = sat16s(int32(y[i]))
			}
		} else {
			for i := 0; i < 4; i++ {
				r[i] = sat16u(int32(x[i]))
				r[i+4] = sat16u(int32(y[i]))
			}
		}
		return from16(&r)
	}
}

// extend widens the low or high half of the lanes, sign- or zero-extending.
func extend(sub uint32, v v128) v128 {
	switch sub {
	case opI16x8ExtendLowI8x16S, opI16x8ExtendHighI8x16S, opI16x8ExtendLowI8x16U, opI16x8ExtendHighI8x16U:
		var x [16]uint8
		v.load8(&x)
		off := 0
		if sub == opI16x8ExtendHighI8x16S || sub == opI16x8ExtendHighI8x16U {
			off = 8
		}
		var r [8]uint16
		if sub == opI16x8ExtendLowI8x16S || sub == opI16x8ExtendHighI8x16S {
			for i := range r {
				r[i] = uint16(int16(int8(x[off+i])))
			}
		} else {
			for i := range r {
				r[i] = uint16(x[off+i])
			}
		}
		return from16(&r)
	case opI32x4ExtendLowI16x8S, opI32x4ExtendHighI16x8S, opI32x4ExtendLowI16x8U, opI32x4ExtendHighI16x8U:
		var x [8]uint16
		v.load16(&x)
		off := 0
		if sub == opI32x4ExtendHighI16x8S || sub == opI32x4ExtendHighI16x8U {
			off = 4
		}
		var r [4]uint32
		if sub == opI32x4ExtendLowI16x8S || sub == opI32x4ExtendHighI16x8S {
			for i := range r {
				r[i] = uint32(int32(int16(x[off+i])))
			}
		} else {
			for i := range r {
				r[i] = uint32(x[off+i])
			}
		}
		return from32(&r)
	default: // i64x2.extend_*_i32x4_*
		var x [4]uint32
		v.load32(&x)
		off := 0
		if sub == opI64x2ExtendHighI32x4S || sub == opI64x2ExtendHighI32x4U {
			off = 2
		}
		if sub == opI64x2ExtendLowI32x4S || sub == opI64x2ExtendHighI32x4S {
			return v128{uint64(int64(int32(x[off]))), uint64(int64(int32(x[off+1])))}
		}
		return v128{uint64(x[off]), uint64(x[off+1])}
	}
}

// truncSatS is the saturating truncation of f to i32: NaN → 0, values
// beyond the range → the nearest bound.
func truncSatS(f float64) uint32 {
	switch {
	case f != f:
		return 0
	case f <= math.MinInt32:
		return 0x80000000
	case f >= 1<<31:
		return 0x7fffffff
	}
	return uint32(int32(f))
}

// truncSatU is the saturating truncation of f to u32: NaN and anything
// below 1 (including negatives, which truncate to 0 or saturate) → 0.
func truncSatU(f float64) uint32 {
	switch {
	case !(f >= 1):
		return 0
	case f >= 1<<32:
		return 0xffffffff
	}
	return uint32(int64(f))
}

// convert evaluates the int↔float conversions, demote and promote.
func convert(sub uint32, v v128) v128 {
	switch sub {
	case opI32x4TruncSatF32x4S, opI32x4RelaxedTruncF32x4S:
		var x [4]uint32
		v.load32(&x)
		var r [4]uint32
		for i := range r {
			r[i] = truncSatS(float64(math.Float32frombits(x[i])))
		}
		return from32(&r)
	case opI32x4TruncSatF32x4U, opI32x4RelaxedTruncF32x4U:
		var x [4]uint32
		v.load32(&x)
		var r [4]uint32
		for i := range r {
			r[i] = truncSatU(float64(math.Float32frombits(x[i])))
		}
		return from32(&r)
	case opI32x4TruncSatF64x2SZero, opI32x4RelaxedTruncF64x2SZero:
		lo := truncSatS(math.Float64frombits(v.lo))
		hi := truncSatS(math.Float64frombits(v.hi))
		return v128{uint64(lo) | uint64(hi)<<32, 0}
	case opI32x4TruncSatF64x2UZero, opI32x4RelaxedTruncF64x2UZero:
		lo := truncSatU(math.Float64frombits(v.lo))
		hi := truncSatU(math.Float64frombits(v.hi))
		return v128{uint64(lo) | uint64(hi)<<32, 0}
	case opF32x4ConvertI32x4S:
		var x [4]uint32
		v.load32(&x)
		var r [4]uint32
		for i := range r {
			r[i] = math.Float32bits(float32(int32(x[i])))
		}
		return from32(&r)
	case opF32x4ConvertI32x4U:
		var x [4]uint32
		v.load32(&x)
		var r [4]uint32
		for i := range r {
			// One rounding: the int64 holds the u32 exactly.
			r[i] = math.Float32bits(float32(int64(x[i])))
		}
		return from32(&r)
	case opF64x2ConvertLowI32x4S:
		return v128{math.Float64bits(float64(int32(v.lo))), math.Float64bits(float64(int32(v.lo >> 32)))}
	case opF64x2ConvertLowI32x4U:
		return v128{math.Float64bits(float64(uint32(v.lo))), math.Float64bits(float64(uint32(v.lo >> 32)))}
	case opF32x4DemoteF64x2Zero:
		return v128{uint64(demote(v.lo)) | uint64(demote(v.hi))<<32, 0}
	default: // f64x2.promote_low_f32x4
		return v128{promote(uint32(v.lo)), promote(uint32(v.lo >> 32))}
	}
}

// demote rounds an f64 to f32; a NaN becomes the canonical NaN with the
// operand's sign (canonical and arithmetic, as the spec permits).
func demote(x uint64) uint32 {
	if isNaN64(x) {
		return uint32(x>>32)&f32Sign | f32Canon
	}
	return math.Float32bits(float32(math.Float64frombits(x)))
}

// promote widens an f32 to f64 exactly; a NaN becomes the canonical NaN
// with the operand's sign.
func promote(x uint32) uint64 {
	if isNaN32(x) {
		return uint64(x&f32Sign)<<32 | f64Canon
	}
	return math.Float64bits(float64(math.Float32frombits(x)))
}
