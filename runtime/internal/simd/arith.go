package simd

import "math/bits"

// Integer lane arithmetic. Each family function converts its operands to
// lane arrays once and then runs one plain loop chosen by a switch on sub,
// so the per-lane work is a few instructions with no calls.

func sat8s(x int32) uint8 {
	if x < -128 {
		x = -128
	} else if x > 127 {
		x = 127
	}
	return uint8(int8(x))
}

func sat8u(x int32) uint8 {
	if x < 0 {
		x = 0
	} else if x > 255 {
		x = 255
	}
	return uint8(x)
}

func sat16s(x int32) uint16 {
	if x < -32768 {
		x = -32768
	} else if x > 32767 {
		x = 32767
	}
	return uint16(int16(x))
}

func sat16u(x int32) uint16 {
	if x < 0 {
		x = 0
	} else if x > 65535 {
		x = 65535
	}
	return uint16(x)
}

func i8x16Binary(sub uint32, a, b v128) v128 {
	var x, y [16]uint8
	a.load8(&x)
	b.load8(&y)
	var r [16]uint8
	switch sub {
	case opI8x16Add:
		for i := range r {
			r[i] = x[i] + y[i]
		}
	case opI8x16Sub:
		for i := range r {
			r[i] = x[i] - y[i]
		}
	case opI8x16AddSatS:
		for i := range r {
			r[i] = sat8s(int32(int8(x[i])) + int32(int8(y[i])))
		}
	case opI8x16AddSatU:
		for i := range r {
			r[i] = sat8u(int32(x[i]) + int32(y[i]))
		}
	case opI8x16SubSatS:
		for i := range r {
			r[i] = sat8s(int32(int8(x[i])) - int32(int8(y[i])))
		}
	case opI8x16SubSatU:
		for i := range r {
			r[i] = sat8u(int32(x[i]) - int32(y[i]))
		}
	case opI8x16MinS:
		for i := range r {
			r[i] = uint8(min(int8(x[i]), int8(y[i])))
		}
	case opI8x16MinU:
		for i := range r {
			r[i] = min(x[i], y[i])
		}
	case opI8x16MaxS:
		for i := range r {
			r[i] = uint8(max(int8(x[i]), int8(y[i])))
		}
	case opI8x16MaxU:
		for i := range r {
			r[i] = max(x[i], y[i])
		}
	case opI8x16AvgrU:
		for i := range r {
			r[i] = uint8((uint32(x[i]) + uint32(y[i]) + 1) >> 1)
		}
	}
	return from8(&r)
}

// i8x16Compare evaluates the i8x16 comparisons: all-ones lanes where true.
func i8x16Compare(sub uint32, a, b v128) v128 {
	var x, y [16]uint8
	a.load8(&x)
	b.load8(&y)
	var r [16]uint8
	switch sub {
	case opI8x16Eq:
		for i := range r {
			r[i] = mask8(x[i] == y[i])
		}
	case opI8x16Ne:
		for i := range r {
			r[i] = mask8(x[i] != y[i])
		}
	case opI8x16LtS:
		for i := range r {
			r[i] = mask8(int8(x[i]) < int8(y[i]))
		}
	case opI8x16LtU:
		for i := range r {
			r[i] = mask8(x[i] < y[i])
		}
	case opI8x16GtS:
		for i := range r {
			r[i] = mask8(int8(x[i]) > int8(y[i]))
		}
	case opI8x16GtU:
		for i := range r {
			r[i] = mask8(x[i] > y[i])
		}
	case opI8x16LeS:
		for i := range r {
			r[i] = mask8(int8(x[i]) <= int8(y[i]))
		}
	case opI8x16LeU:
		for i := range r {
			r[i] = mask8(x[i] <= y[i])
		}
	case opI8x16GeS:
		for i := range r {
			r[i] = mask8(int8(x[i]) >= int8(y[i]))
		}
	case opI8x16GeU:
		for i := range r {
			r[i] = mask8(x[i] >= y[i])
		}
	}
	return from8(&r)
}

func i16x8Binary(sub uint32, a, b v128) v128 {
	var x, y [8]uint16
	a.load16(&x)
	b.load16(&y)
	var r [8]uint16
	switch sub {
	case opI16x8Add:
		for i := range r {
			r[i] = x[i] + y[i]
		}
	case opI16x8Sub:
		for i := range r {
			r[i] = x[i] - y[i]
		}
	case opI16x8Mul:
		for i := range r {
			r[i] = x[i] * y[i]
		}
	case opI16x8AddSatS:
		for i := range r {
			r[i] = sat16s(int32(int16(x[i])) + int32(int16(y[i])))
		}
	case opI16x8AddSatU:
		for i := range r {
			r[i] = sat16u(int32(x[i]) + int32(y[i]))
		}
	case opI16x8SubSatS:
		for i := range r {
			r[i] = sat16s(int32(int16(x[i])) - int32(int16(y[i])))
		}
	case opI16x8SubSatU:
		for i := range r {
			r[i] = sat16u(int32(x[i]) - int32(y[i]))
		}
	case opI16x8MinS:
		for i := range r {
			r[i] = uint16(min(int16(x[i]), int16(y[i])))
		}
	case opI16x8MinU:
		for i := range r {
			r[i] = min(x[i], y[i])
		}
	case opI16x8MaxS:
		for i := range r {
			r[i] = uint16(max(int16(x[i]), int16(y[i])))
		}
	case opI16x8MaxU:
		for i := range r {
			r[i] = max(x[i], y[i])
		}
	case opI16x8AvgrU:
		for i := range r {
			r[i] = uint16((uint32(x[i]) + uint32(y[i]) + 1) >> 1)
		}
	case opI16x8Q15mulrSatS:
		// Rounding Q15 multiply; only -1 × -1 (0x8000²) overflows and
		// saturates to 0x7fff.
		for i := range r {
			r[i] = sat16s((int32(int16(x[i]))*int32(int16(y[i])) + 0x4000) >> 15)
		}
	}
	return from16(&r)
}

// i16x8Compare evaluates the i16x8 comparisons.
func i16x8Compare(sub uint32, a, b v128) v128 {
	var x, y [8]uint16
	a.load16(&x)
	b.load16(&y)
	var r [8]uint16
	switch sub {
	case opI16x8Eq:
		for i := range r {
			r[i] = mask16(x[i] == y[i])
		}
	case opI16x8Ne:
		for i := range r {
			r[i] = mask16(x[i] != y[i])
		}
	case opI16x8LtS:
		for i := range r {
			r[i] = mask16(int16(x[i]) < int16(y[i]))
		}
	case opI16x8LtU:
		for i := range r {
			r[i] = mask16(x[i] < y[i])
		}
	case opI16x8GtS:
		for i := range r {
			r[i] = mask16(int16(x[i]) > int16(y[i]))
		}
	case opI16x8GtU:
		for i := range r {
			r[i] = mask16(x[i] > y[i])
		}
	case opI16x8LeS:
		for i := range r {
			r[i] = mask16(int16(x[i]) <= int16(y[i]))
		}
	case opI16x8LeU:
		for i := range r {
			r[i] = mask16(x[i] <= y[i])
		}
	case opI16x8GeS:
		for i := range r {
			r[i] = mask16(int16(x[i]) >= int16(y[i]))
		}
	case opI16x8GeU:
		for i := range r {
			r[i] = mask16(x[i] >= y[i])
		}
	}
	return from16(&r)
}

func i32x4Binary(sub uint32, a, b v128) v128 {
	var x, y [4]uint32
	a.load32(&x)
	b.load32(&y)
	var r [4]uint32
	switch sub {
	case opI32x4Add:
		for i := range r {
			r[i] = x[i] + y[i]
		}
	case opI32x4Sub:
		for i := range r {
			r[i] = x[i] - y[i]
		}
	case opI32x4Mul:
		for i := range r {
			r[i] = x[i] * y[i]
		}
	case opI32x4MinS:
		for i := range r {
			r[i] = uint32(min(int32(x[i]), int32(y[i])))
		}
	case opI32x4MinU:
		for i := range r {
			r[i] = min(x[i], y[i])
		}
	case opI32x4MaxS:
		for i := range r {
			r[i] = uint32(max(int32(x[i]), int32(y[i])))
		}
	case opI32x4MaxU:
		for i := range r {
			r[i] = max(x[i], y[i])
		}
	case opI32x4DotI16x8S:
		// Sum of adjacent signed 16×16 products; only two products of
		// -32768² overflow, and the sum wraps (to 0x80000000).
		var p, q [8]uint16
		a.load16(&p)
		b.load16(&q)
		for i := range r {
			lo := int32(int16(p[2*i])) * int32(int16(q[2*i]))
			hi := int32(int16(p[2*i+1])) * int32(int16(q[2*i+1]))
			r[i] = uint32(lo) + uint32(hi)
		}
	}
	return from32(&r)
}

// i32x4Compare evaluates the i32x4 comparisons.
func i32x4Compare(sub uint32, a, b v128) v128 {
	var x, y [4]uint32
	a.load32(&x)
	b.load32(&y)
	var r [4]uint32
	switch sub {
	case opI32x4Eq:
		for i := range r {
			r[i] = mask32(x[i] == y[i])
		}
	case opI32x4Ne:
		for i := range r {
			r[i] = mask32(x[i] != y[i])
		}
	case opI32x4LtS:
		for i := range r {
			r[i] = mask32(int32(x[i]) < int32(y[i]))
		}
	case opI32x4LtU:
		for i := range r {
			r[i] = mask32(x[i] < y[i])
		}
	case opI32x4GtS:
		for i := range r {
			r[i] = mask32(int32(x[i]) > int32(y[i]))
		}
	case opI32x4GtU:
		for i := range r {
			r[i] = mask32(x[i] > y[i])
		}
	case opI32x4LeS:
		for i := range r {
			r[i] = mask32(int32(x[i]) <= int32(y[i]))
		}
	case opI32x4LeU:
		for i := range r {
			r[i] = mask32(x[i] <= y[i])
		}
	case opI32x4GeS:
		for i := range r {
			r[i] = mask32(int32(x[i]) >= int32(y[i]))
		}
	case opI32x4GeU:
		for i := range r {
			r[i] = mask32(x[i] >= y[i])
		}
	}
	return from32(&r)
}

func i64x2Binary(sub uint32, a, b v128) v128 {
	var x, y [2]uint64
	a.load64(&x)
	b.load64(&y)
	var r [2]uint64
	switch sub {
	case opI64x2Add:
		for i := range r {
			r[i] = x[i] + y[i]
		}
	case opI64x2Sub:
		for i := range r {
			r[i] = x[i] - y[i]
		}
	case opI64x2Mul:
		for i := range r {
			r[i] = x[i] * y[i]
		}
	}
	return from64(&r)
}

// i64x2Compare evaluates the i64x2 comparisons.
func i64x2Compare(sub uint32, a, b v128) v128 {
	var x, y [2]uint64
	a.load64(&x)
	b.load64(&y)
	var r [2]uint64
	switch sub {
	case opI64x2Eq:
		for i := range r {
			r[i] = mask64(x[i] == y[i])
		}
	case opI64x2Ne:
		for i := range r {
			r[i] = mask64(x[i] != y[i])
		}
	case opI64x2LtS:
		for i := range r {
			r[i] = mask64(int64(x[i]) < int64(y[i]))
		}
	case opI64x2GtS:
		for i := range r {
			r[i] = mask64(int64(x[i]) > int64(y[i]))
		}
	case opI64x2LeS:
		for i := range r {
			r[i] = mask64(int64(x[i]) <= int64(y[i]))
		}
	case opI64x2GeS:
		for i := range r {
			r[i] = mask64(int64(x[i]) >= int64(y[i]))
		}
	}
	return from64(&r)
}

// extmul multiplies the low or high half of the lanes of a and b, widened
// to twice the width (signed or unsigned).
func extmul(sub uint32, a, b v128) v128 {
	switch sub {
	case opI16x8ExtmulLowI8x16S, opI16x8ExtmulHighI8x16S, opI16x8ExtmulLowI8x16U, opI16x8ExtmulHighI8x16U:
		var x, y [16]uint8
		a.load8(&x)
		b.load8(&y)
		off := 0
		if sub == opI16x8ExtmulHighI8x16S || sub == opI16x8ExtmulHighI8x16U {
			off = 8
		}
		var r [8]uint16
		if sub == opI16x8ExtmulLowI8x16S || sub == opI16x8ExtmulHighI8x16S {
			for i := range r {
				r[i] = uint16(int16(int8(x[off+i])) * int16(int8(y[off+i])))
			}
		} else {
			for i := range r {
				r[i] = uint16(x[off+i]) * uint16(y[off+i])
			}
		}
		return from16(&r)
	case opI32x4ExtmulLowI16x8S, opI32x4ExtmulHighI16x8S, opI32x4ExtmulLowI16x8U, opI32x4ExtmulHighI16x8U:
		var x, y [8]uint16
		a.load16(&x)
		b.load16(&y)
		off := 0
		if sub == opI32x4ExtmulHighI16x8S || sub == opI32x4ExtmulHighI16x8U {
			off = 4
		}
		var r [4]uint32
		if sub == opI32x4ExtmulLowI16x8S || sub == opI32x4ExtmulHighI16x8S {
			for i := range r {
				r[i] = uint32(int32(int16(x[off+i])) * int32(int16(y[off+i])))
			}
		} else {
			for i := range r {
				r[i] = uint32(x[off+i]) * uint32(y[off+i])
			}
		}
		return from32(&r)
	default: // i64x2.extmul_*_i32x4_*
		var x, y [4]uint32
		a.load32(&x)
		b.load32(&y)
		off := 0
		if sub == opI64x2ExtmulHighI32x4S || sub == opI64x2ExtmulHighI32x4U {
			off = 2
		}
		var r [2]uint64
		if sub == opI64x2ExtmulLowI32x4S || sub == opI64x2ExtmulHighI32x4S {
			for i := range r {
				r[i] = uint64(int64(int32(x[off+i])) * int64(int32(y[off+i])))
			}
		} else {
			for i := range r {
				r[i] = uint64(x[off+i]) * uint64(y[off+i])
			}
		}
		return from64(&r)
	}
}

// intUnary evaluates abs, neg, popcnt and extadd_pairwise.
func intUnary(sub uint32, v v128) v128 {
	switch sub {
	case opI8x16Abs, opI8x16Neg, opI8x16Popcnt:
		var x [16]uint8
		v.load8(&x)
		var r [16]uint8
		switch sub {
		case opI8x16Abs:
			for i := range r {
				if int8(x[i]) < 0 {
					r[i] = -x[i]
				} else {
					r[i] = x[i]
				}
			}
		case opI8x16Neg:
			for i := range r {
				r[i] = -x[i]
			}
		default:
			for i := range r {
				r[i] = uint8(bits.OnesCount8(x[i]))
			}
		}
		return from8(&r)
	case opI16x8Abs, opI16x8Neg:
		var x [8]uint16
		v.load16(&x)
		var r [8]uint16
		if sub == opI16x8Abs {
			for i := range r {
				if int16(x[i]) < 0 {
					r[i] = -x[i]
				} else {
					r[i] = x[i]
				}
			}
		} else {
			for i := range r {
				r[i] = -x[i]
			}
		}
		return from16(&r)
	case opI32x4Abs, opI32x4Neg:
		var x [4]uint32
		v.load32(&x)
		var r [4]uint32
		if sub == opI32x4Abs {
			for i := range r {
				if int32(x[i]) < 0 {
					r[i] = -x[i]
				} else {
					r[i] = x[i]
				}
			}
		} else {
			for i := range r {
				r[i] = -x[i]
			}
		}
		return from32(&r)
	case opI64x2Abs:
		if int64(v.lo) < 0 {
			v.lo = -v.lo
		}
		if int64(v.hi) < 0 {
			v.hi = -v.hi
		}
		return v
	case opI64x2Neg:
		return v128{-v.lo, -v.hi}
	case opI16x8ExtaddPairwiseI8x16S, opI16x8ExtaddPairwiseI8x16U:
		var x [16]uint8
		v.load8(&x)
		var r [8]uint16
		if sub == opI16x8ExtaddPairwiseI8x16S {
			for i := range r {
				r[i] = uint16(int16(int8(x[2*i])) + int16(int8(x[2*i+1])))
			}
		} else {
			for i := range r {
				r[i] = uint16(x[2*i]) + uint16(x[2*i+1])
			}
		}
		return from16(&r)
	default: // i32x4.extadd_pairwise_i16x8_s/u
		var x [8]uint16
		v.load16(&x)
		var r [4]uint32
		if sub == opI32x4ExtaddPairwiseI16x8S {
			for i := range r {
				r[i] = uint32(int32(int16(x[2*i])) + int32(int16(x[2*i+1])))
			}
		} else {
			for i := range r {
				r[i] = uint32(x[2*i]) + uint32(x[2*i+1])
			}
		}
		return from32(&r)
	}
}

// shift evaluates shl, shr_s and shr_u; the count is taken modulo the lane
// width.
func shift(sub uint32, v v128, n uint32) v128 {
	switch sub {
	case opI8x16Shl, opI8x16ShrS, opI8x16ShrU:
		var x [16]uint8
		v.load8(&x)
		n &= 7
		var r [16]uint8
		switch sub {
		case opI8x16Shl:
			for i := range r {
				r[i] = x[i] << n
			}
		case opI8x16ShrS:
			for i := range r {
				r[i] = uint8(int8(x[i]) >> n)
			}
		default:
			for i := range r {
				r[i] = x[i] >> n
			}
		}
		return from8(&r)
	case opI16x8Shl, opI16x8ShrS, opI16x8ShrU:
		var x [8]uint16
		v.load16(&x)
		n &= 15
		var r [8]uint16
		switch sub {
		case opI16x8Shl:
			for i := range r {
				r[i] = x[i] << n
			}
		case opI16x8ShrS:
			for i := range r {
				r[i] = uint16(int16(x[i]) >> n)
			}
		default:
			for i := range r {
				r[i] = x[i] >> n
			}
		}
		return from16(&r)
	case opI32x4Shl, opI32x4ShrS, opI32x4ShrU:
		var x [4]uint32
		v.load32(&x)
		n &= 31
		var r [4]uint32
		switch sub {
		case opI32x4Shl:
			for i := range r {
				r[i] = x[i] << n
			}
		case opI32x4ShrS:
			for i := range r {
				r[i] = uint32(int32(x[i]) >> n)
			}
		default:
			for i := range r {
				r[i] = x[i] >> n
			}
		}
		return from32(&r)
	case opI64x2Shl:
		n &= 63
		return v128{v.lo << n, v.hi << n}
	case opI64x2ShrS:
		n &= 63
		return v128{uint64(int64(v.lo) >> n), uint64(int64(v.hi) >> n)}
	default: // i64x2.shr_u
		n &= 63
		return v128{v.lo >> n, v.hi >> n}
	}
}

// bitwise evaluates the two-operand v128 logic operators.
func bitwise(sub uint32, a, b v128) v128 {
	switch sub {
	case opV128And:
		return v128{a.lo & b.lo, a.hi & b.hi}
	case opV128Andnot:
		return v128{a.lo &^ b.lo, a.hi &^ b.hi}
	case opV128Or:
		return v128{a.lo | b.lo, a.hi | b.hi}
	default: // v128.xor
		return v128{a.lo ^ b.lo, a.hi ^ b.hi}
	}
}

// bitselect takes bits of a where c is 1 and of b where c is 0.
func bitselect(a, b, c v128) v128 {
	return v128{a.lo&c.lo | b.lo&^c.lo, a.hi&c.hi | b.hi&^c.hi}
}
