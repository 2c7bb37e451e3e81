package simd

// The second-level dispatchers: one switch per stack shape, each a dense
// jump table over sub that hands the operands to the family function.

func binaryOp(sub uint32, a, b v128) v128 {
	switch sub {
	case opI8x16Add:
		return v128{swarAdd(a.lo, b.lo, h8), swarAdd(a.hi, b.hi, h8)}
	case opI16x8Add:
		return v128{swarAdd(a.lo, b.lo, h16), swarAdd(a.hi, b.hi, h16)}
	case opI32x4Add:
		return v128{swarAdd(a.lo, b.lo, h32), swarAdd(a.hi, b.hi, h32)}
	case opI64x2Add:
		return v128{a.lo + b.lo, a.hi + b.hi}
	case opI8x16Sub:
		return v128{swarSub(a.lo, b.lo, h8), swarSub(a.hi, b.hi, h8)}
	case opI16x8Sub:
		return v128{swarSub(a.lo, b.lo, h16), swarSub(a.hi, b.hi, h16)}
	case opI32x4Sub:
		return v128{swarSub(a.lo, b.lo, h32), swarSub(a.hi, b.hi, h32)}
	case opI64x2Sub:
		return v128{a.lo - b.lo, a.hi - b.hi}
	case opI32x4Mul:
		return v128{mul32x2(a.lo, b.lo), mul32x2(a.hi, b.hi)}
	case opI8x16Swizzle, opI8x16RelaxedSwizzle:
		return swizzle(a, b)
	case opV128And, opV128Andnot, opV128Or, opV128Xor:
		return bitwise(sub, a, b)
	case opI8x16Eq, opI8x16Ne, opI8x16LtS, opI8x16LtU, opI8x16GtS, opI8x16GtU, opI8x16LeS, opI8x16LeU, opI8x16GeS, opI8x16GeU,
		opI8x16AddSatS, opI8x16AddSatU, opI8x16SubSatS, opI8x16SubSatU,
		opI8x16MinS, opI8x16MinU, opI8x16MaxS, opI8x16MaxU, opI8x16AvgrU:
		return i8x16Binary(sub, a, b)
	case opI16x8Eq, opI16x8Ne, opI16x8LtS, opI16x8LtU, opI16x8GtS, opI16x8GtU, opI16x8LeS, opI16x8LeU, opI16x8GeS, opI16x8GeU,
		opI16x8AddSatS, opI16x8AddSatU, opI16x8SubSatS, opI16x8SubSatU,
		opI16x8Mul, opI16x8MinS, opI16x8MinU, opI16x8MaxS, opI16x8MaxU, opI16x8AvgrU,
		opI16x8Q15mulrSatS, opI16x8RelaxedQ15mulrS:
		return i16x8Binary(sub, a, b)
	case opI32x4Eq, opI32x4Ne, opI32x4LtS, opI32x4LtU, opI32x4GtS, opI32x4GtU, opI32x4LeS, opI32x4LeU, opI32x4GeS, opI32x4GeU,
		opI32x4MinS, opI32x4MinU, opI32x4MaxS, opI32x4MaxU, opI32x4DotI16x8S:
		return i32x4Binary(sub, a, b)
	case opI64x2Eq, opI64x2Ne, opI64x2LtS, opI64x2GtS, opI64x2LeS, opI64x2GeS, opI64x2Mul:
		return i64x2Binary(sub, a, b)
	case opI16x8ExtmulLowI8x16S, opI16x8ExtmulHighI8x16S, opI16x8ExtmulLowI8x16U, opI16x8ExtmulHighI8x16U,
		opI32x4ExtmulLowI16x8S, opI32x4ExtmulHighI16x8S, opI32x4ExtmulLowI16x8U, opI32x4ExtmulHighI16x8U,
		opI64x2ExtmulLowI32x4S, opI64x2ExtmulHighI32x4S, opI64x2ExtmulLowI32x4U, opI64x2ExtmulHighI32x4U:
		return extmul(sub, a, b)
	case opI8x16NarrowI16x8S, opI8x16NarrowI16x8U, opI16x8NarrowI32x4S, opI16x8NarrowI32x4U:
		return narrow(sub, a, b)
	case opF32x4Eq, opF32x4Ne, opF32x4Lt, opF32x4Gt, opF32x4Le, opF32x4Ge,
		opF32x4Add, opF32x4Sub, opF32x4Mul, opF32x4Div, opF32x4Min, opF32x4Max, opF32x4Pmin, opF32x4Pmax,
		opF32x4RelaxedMin, opF32x4RelaxedMax:
		return f32x4Binary(sub, a, b)
	case opF64x2Eq, opF64x2Ne, opF64x2Lt, opF64x2Gt, opF64x2Le, opF64x2Ge,
		opF64x2Add, opF64x2Sub, opF64x2Mul, opF64x2Div, opF64x2Min, opF64x2Max, opF64x2Pmin, opF64x2Pmax,
		opF64x2RelaxedMin, opF64x2RelaxedMax:
		return f64x2Binary(sub, a, b)
	case opI16x8RelaxedDotI8x16I7x16S:
		return dotI8x16I7x16(a, b)
	}
	return v128{}
}

func unaryOp(sub uint32, v v128) v128 {
	switch sub {
	case opV128Not:
		return v128{^v.lo, ^v.hi}
	case opI8x16Abs, opI8x16Neg, opI8x16Popcnt, opI16x8Abs, opI16x8Neg, opI32x4Abs, opI32x4Neg,
		opI64x2Abs, opI64x2Neg,
		opI16x8ExtaddPairwiseI8x16S, opI16x8ExtaddPairwiseI8x16U,
		opI32x4ExtaddPairwiseI16x8S, opI32x4ExtaddPairwiseI16x8U:
		return intUnary(sub, v)
	case opI16x8ExtendLowI8x16S, opI16x8ExtendHighI8x16S, opI16x8ExtendLowI8x16U, opI16x8ExtendHighI8x16U,
		opI32x4ExtendLowI16x8S, opI32x4ExtendHighI16x8S, opI32x4ExtendLowI16x8U, opI32x4ExtendHighI16x8U,
		opI64x2ExtendLowI32x4S, opI64x2ExtendHighI32x4S, opI64x2ExtendLowI32x4U, opI64x2ExtendHighI32x4U:
		return extend(sub, v)
	case opF32x4Abs, opF32x4Neg, opF32x4Sqrt, opF32x4Ceil, opF32x4Floor, opF32x4Trunc, opF32x4Nearest:
		return f32x4Unary(sub, v)
	case opF64x2Abs, opF64x2Neg, opF64x2Sqrt, opF64x2Ceil, opF64x2Floor, opF64x2Trunc, opF64x2Nearest:
		return f64x2Unary(sub, v)
	case opI32x4TruncSatF32x4S, opI32x4TruncSatF32x4U, opI32x4TruncSatF64x2SZero, opI32x4TruncSatF64x2UZero,
		opF32x4ConvertI32x4S, opF32x4ConvertI32x4U, opF64x2ConvertLowI32x4S, opF64x2ConvertLowI32x4U,
		opF32x4DemoteF64x2Zero, opF64x2PromoteLowF32x4,
		opI32x4RelaxedTruncF32x4S, opI32x4RelaxedTruncF32x4U,
		opI32x4RelaxedTruncF64x2SZero, opI32x4RelaxedTruncF64x2UZero:
		return convert(sub, v)
	}
	return v128{}
}

func ternaryOp(sub uint32, a, b, c v128) v128 {
	switch sub {
	case opV128Bitselect, opI8x16RelaxedLaneselect, opI16x8RelaxedLaneselect,
		opI32x4RelaxedLaneselect, opI64x2RelaxedLaneselect:
		return bitselect(a, b, c)
	case opF32x4RelaxedMadd, opF32x4RelaxedNmadd:
		return madd32(a, b, c, sub == opF32x4RelaxedNmadd)
	case opF64x2RelaxedMadd, opF64x2RelaxedNmadd:
		return madd64(a, b, c, sub == opF64x2RelaxedNmadd)
	case opI32x4RelaxedDotI8x16I7x16AddS:
		return dotAddI8x16I7x16(a, b, c)
	}
	return v128{}
}

// Word-parallel ("SWAR") lane arithmetic for the most common operators:
// h has the top bit of every lane set. Adding the lanes without their top
// bits cannot carry across a lane boundary; the top bits are then the
// xor of the operands' top bits and the carry into them.
const (
	h8  = 0x8080808080808080
	h16 = 0x8000800080008000
	h32 = 0x8000000080000000
)

func swarAdd(x, y, h uint64) uint64 { return (x&^h + y&^h) ^ (x^y)&h }

// swarSub sets every top bit of x so that no lane borrows from its
// neighbour, then fixes the top bits up the same way.
func swarSub(x, y, h uint64) uint64 { return (x | h - y&^h) ^ (x^^y)&h }

func mul32x2(x, y uint64) uint64 {
	return uint64(uint32(x)*uint32(y)) | uint64(uint32(x>>32)*uint32(y>>32))<<32
}
