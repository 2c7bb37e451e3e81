package simd

// Exec evaluates the non-memory SIMD operator sub (the LEB-decoded opcode
// after the 0xFD prefix) on the operand stack s, whose top is s[sp-1]. A
// v128 takes two slots, its low 64 bits (lanes 0..) below its high 64
// bits; i32 is zero-extended in a slot, i64 as is, f32/f64 as IEEE bits
// (f32 in the low 32 bits). imm holds the 16 bytes of v128.const and
// i8x16.shuffle, and the lane index in imm[0] for extract_lane and
// replace_lane (taken modulo the lane count). Exec pops the operands,
// pushes the result and returns the new sp.
//
// It returns -1, leaving s unchanged, for an unknown or memory sub, when
// the stack holds too few slots for the operands or too few for the
// result, or when an operator that needs imm gets nil. It never traps and
// never panics.
//
// After one table lookup for the stack check, the switch on sub is dense
// and compiles to a jump table (go tool objdump shows one indirect JMP
// through a table at its head); each case moves its
// operands out of the stack, calls its family function (or computes the
// result in place for the word-parallel operators) and stores the result.
func Exec(sub uint32, imm *[16]byte, s []uint64, sp int) int {
	if sub >= numSubs {
		return -1
	}
	io := opSlots[sub]
	pop, push := int(io[0]), int(io[1])
	if push == 0 || sp < pop || sp > len(s) || sp-pop+push > len(s) {
		return -1
	}
	switch sub {
	case opV128Const:
		if imm == nil {
			return -1
		}
		r := fromBytes(imm)
		s[sp], s[sp+1] = r.lo, r.hi
		return sp + 2
	case opI8x16Shuffle:
		if imm == nil {
			return -1
		}
		a, b := args2(s, sp)
		return ret2(s, sp, shuffle(imm, a, b))
	case opI8x16Swizzle, opI8x16RelaxedSwizzle:
		a, b := args2(s, sp)
		return ret2(s, sp, swizzle(a, b))
	case opI8x16Splat, opI16x8Splat, opI32x4Splat, opI64x2Splat, opF32x4Splat, opF64x2Splat:
		r := splat(sub, s[sp-1])
		s[sp-1], s[sp] = r.lo, r.hi
		return sp + 1
	case opI8x16ExtractLaneS, opI8x16ExtractLaneU, opI16x8ExtractLaneS, opI16x8ExtractLaneU,
		opI32x4ExtractLane, opI64x2ExtractLane, opF32x4ExtractLane, opF64x2ExtractLane:
		if imm == nil {
			return -1
		}
		s[sp-2] = extractLane(sub, imm[0], arg1(s, sp))
		return sp - 1
	case opI8x16ReplaceLane, opI16x8ReplaceLane, opI32x4ReplaceLane, opI64x2ReplaceLane,
		opF32x4ReplaceLane, opF64x2ReplaceLane:
		if imm == nil {
			return -1
		}
		r := replaceLane(sub, imm[0], v128{s[sp-3], s[sp-2]}, s[sp-1])
		s[sp-3], s[sp-2] = r.lo, r.hi
		return sp - 1

	case opI8x16Eq, opI8x16Ne, opI8x16LtS, opI8x16LtU, opI8x16GtS, opI8x16GtU, opI8x16LeS, opI8x16LeU,
		opI8x16GeS, opI8x16GeU:
		a, b := args2(s, sp)
		return ret2(s, sp, i8x16Compare(sub, a, b))
	case opI16x8Eq, opI16x8Ne, opI16x8LtS, opI16x8LtU, opI16x8GtS, opI16x8GtU, opI16x8LeS, opI16x8LeU,
		opI16x8GeS, opI16x8GeU:
		a, b := args2(s, sp)
		return ret2(s, sp, i16x8Compare(sub, a, b))
	case opI32x4Eq, opI32x4Ne, opI32x4LtS, opI32x4LtU, opI32x4GtS, opI32x4GtU, opI32x4LeS, opI32x4LeU,
		opI32x4GeS, opI32x4GeU:
		a, b := args2(s, sp)
		return ret2(s, sp, i32x4Compare(sub, a, b))
	case opI64x2Eq, opI64x2Ne, opI64x2LtS, opI64x2GtS, opI64x2LeS, opI64x2GeS:
		a, b := args2(s, sp)
		return ret2(s, sp, i64x2Compare(sub, a, b))
	case opF32x4Eq, opF32x4Ne, opF32x4Lt, opF32x4Gt, opF32x4Le, opF32x4Ge:
		a, b := args2(s, sp)
		return ret2(s, sp, f32x4Compare(sub, a, b))
	case opF64x2Eq, opF64x2Ne, opF64x2Lt, opF64x2Gt, opF64x2Le, opF64x2Ge:
		a, b := args2(s, sp)
		return ret2(s, sp, f64x2Compare(sub, a, b))

	case opV128Not:
		a := arg1(s, sp)
		return ret1(s, sp, v128{^a.lo, ^a.hi})
	case opV128And, opV128Andnot, opV128Or, opV128Xor:
		a, b := args2(s, sp)
		return ret2(s, sp, bitwise(sub, a, b))
	case opV128Bitselect, opI8x16RelaxedLaneselect, opI16x8RelaxedLaneselect, opI32x4RelaxedLaneselect,
		opI64x2RelaxedLaneselect:
		a, b, m := args3(s, sp)
		return ret3(s, sp, bitselect(a, b, m))
	case opV128AnyTrue, opI8x16AllTrue, opI8x16Bitmask, opI16x8AllTrue, opI16x8Bitmask,
		opI32x4AllTrue, opI32x4Bitmask, opI64x2AllTrue, opI64x2Bitmask:
		s[sp-2] = uint64(test(sub, arg1(s, sp)))
		return sp - 1

	case opI8x16Shl, opI8x16ShrS, opI8x16ShrU, opI16x8Shl, opI16x8ShrS, opI16x8ShrU,
		opI32x4Shl, opI32x4ShrS, opI32x4ShrU, opI64x2Shl, opI64x2ShrS, opI64x2ShrU:
		r := shift(sub, v128{s[sp-3], s[sp-2]}, uint32(s[sp-1]))
		s[sp-3], s[sp-2] = r.lo, r.hi
		return sp - 1

	// Word-parallel integer add/sub and i32x4.mul, computed in place.
	case opI8x16Add:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{swarAdd(a.lo, b.lo, h8), swarAdd(a.hi, b.hi, h8)})
	case opI16x8Add:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{swarAdd(a.lo, b.lo, h16), swarAdd(a.hi, b.hi, h16)})
	case opI32x4Add:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{swarAdd(a.lo, b.lo, h32), swarAdd(a.hi, b.hi, h32)})
	case opI64x2Add:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{a.lo + b.lo, a.hi + b.hi})
	case opI8x16Sub:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{swarSub(a.lo, b.lo, h8), swarSub(a.hi, b.hi, h8)})
	case opI16x8Sub:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{swarSub(a.lo, b.lo, h16), swarSub(a.hi, b.hi, h16)})
	case opI32x4Sub:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{swarSub(a.lo, b.lo, h32), swarSub(a.hi, b.hi, h32)})
	case opI64x2Sub:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{a.lo - b.lo, a.hi - b.hi})
	case opI32x4Mul:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{mul32x2(a.lo, b.lo), mul32x2(a.hi, b.hi)})
	case opI64x2Mul:
		a, b := args2(s, sp)
		return ret2(s, sp, v128{a.lo * b.lo, a.hi * b.hi})

	case opI8x16AddSatS, opI8x16AddSatU, opI8x16SubSatS, opI8x16SubSatU,
		opI8x16MinS, opI8x16MinU, opI8x16MaxS, opI8x16MaxU, opI8x16AvgrU:
		a, b := args2(s, sp)
		return ret2(s, sp, i8x16Binary(sub, a, b))
	case opI16x8AddSatS, opI16x8AddSatU, opI16x8SubSatS, opI16x8SubSatU, opI16x8Mul,
		opI16x8MinS, opI16x8MinU, opI16x8MaxS, opI16x8MaxU, opI16x8AvgrU, opI16x8Q15mulrSatS:
		a, b := args2(s, sp)
		return ret2(s, sp, i16x8Binary(sub, a, b))
	case opI16x8RelaxedQ15mulrS:
		a, b := args2(s, sp)
		return ret2(s, sp, i16x8Binary(opI16x8Q15mulrSatS, a, b))
	case opI32x4MinS, opI32x4MinU, opI32x4MaxS, opI32x4MaxU, opI32x4DotI16x8S:
		a, b := args2(s, sp)
		return ret2(s, sp, i32x4Binary(sub, a, b))
	case opI16x8ExtmulLowI8x16S, opI16x8ExtmulHighI8x16S, opI16x8ExtmulLowI8x16U, opI16x8ExtmulHighI8x16U,
		opI32x4ExtmulLowI16x8S, opI32x4ExtmulHighI16x8S, opI32x4ExtmulLowI16x8U, opI32x4ExtmulHighI16x8U,
		opI64x2ExtmulLowI32x4S, opI64x2ExtmulHighI32x4S, opI64x2ExtmulLowI32x4U, opI64x2ExtmulHighI32x4U:
		a, b := args2(s, sp)
		return ret2(s, sp, extmul(sub, a, b))
	case opI8x16NarrowI16x8S, opI8x16NarrowI16x8U, opI16x8NarrowI32x4S, opI16x8NarrowI32x4U:
		a, b := args2(s, sp)
		return ret2(s, sp, narrow(sub, a, b))
	case opI8x16Abs, opI8x16Neg, opI8x16Popcnt, opI16x8Abs, opI16x8Neg, opI32x4Abs, opI32x4Neg,
		opI64x2Abs, opI64x2Neg,
		opI16x8ExtaddPairwiseI8x16S, opI16x8ExtaddPairwiseI8x16U,
		opI32x4ExtaddPairwiseI16x8S, opI32x4ExtaddPairwiseI16x8U:
		return ret1(s, sp, intUnary(sub, arg1(s, sp)))
	case opI16x8ExtendLowI8x16S, opI16x8ExtendHighI8x16S, opI16x8ExtendLowI8x16U, opI16x8ExtendHighI8x16U,
		opI32x4ExtendLowI16x8S, opI32x4ExtendHighI16x8S, opI32x4ExtendLowI16x8U, opI32x4ExtendHighI16x8U,
		opI64x2ExtendLowI32x4S, opI64x2ExtendHighI32x4S, opI64x2ExtendLowI32x4U, opI64x2ExtendHighI32x4U:
		return ret1(s, sp, extend(sub, arg1(s, sp)))

	case opF32x4Add, opF32x4Sub, opF32x4Mul, opF32x4Div, opF32x4Min, opF32x4Max, opF32x4Pmin, opF32x4Pmax:
		a, b := args2(s, sp)
		return ret2(s, sp, f32x4Binary(sub, a, b))
	case opF64x2Add, opF64x2Sub, opF64x2Mul, opF64x2Div, opF64x2Min, opF64x2Max, opF64x2Pmin, opF64x2Pmax:
		a, b := args2(s, sp)
		return ret2(s, sp, f64x2Binary(sub, a, b))
	case opF32x4RelaxedMin:
		a, b := args2(s, sp)
		return ret2(s, sp, f32x4Binary(opF32x4Min, a, b))
	case opF32x4RelaxedMax:
		a, b := args2(s, sp)
		return ret2(s, sp, f32x4Binary(opF32x4Max, a, b))
	case opF64x2RelaxedMin:
		a, b := args2(s, sp)
		return ret2(s, sp, f64x2Binary(opF64x2Min, a, b))
	case opF64x2RelaxedMax:
		a, b := args2(s, sp)
		return ret2(s, sp, f64x2Binary(opF64x2Max, a, b))
	case opF32x4Abs, opF32x4Neg, opF32x4Sqrt, opF32x4Ceil, opF32x4Floor, opF32x4Trunc, opF32x4Nearest:
		return ret1(s, sp, f32x4Unary(sub, arg1(s, sp)))
	case opF64x2Abs, opF64x2Neg, opF64x2Sqrt, opF64x2Ceil, opF64x2Floor, opF64x2Trunc, opF64x2Nearest:
		return ret1(s, sp, f64x2Unary(sub, arg1(s, sp)))
	case opI32x4TruncSatF32x4S, opI32x4TruncSatF32x4U, opI32x4TruncSatF64x2SZero, opI32x4TruncSatF64x2UZero,
		opF32x4ConvertI32x4S, opF32x4ConvertI32x4U, opF64x2ConvertLowI32x4S, opF64x2ConvertLowI32x4U,
		opF32x4DemoteF64x2Zero, opF64x2PromoteLowF32x4,
		opI32x4RelaxedTruncF32x4S, opI32x4RelaxedTruncF32x4U,
		opI32x4RelaxedTruncF64x2SZero, opI32x4RelaxedTruncF64x2UZero:
		return ret1(s, sp, convert(sub, arg1(s, sp)))

	case opF32x4RelaxedMadd, opF32x4RelaxedNmadd:
		a, b, m := args3(s, sp)
		return ret3(s, sp, madd32(a, b, m, sub == opF32x4RelaxedNmadd))
	case opF64x2RelaxedMadd, opF64x2RelaxedNmadd:
		a, b, m := args3(s, sp)
		return ret3(s, sp, madd64(a, b, m, sub == opF64x2RelaxedNmadd))
	case opI16x8RelaxedDotI8x16I7x16S:
		a, b := args2(s, sp)
		return ret2(s, sp, dotI8x16I7x16(a, b))
	case opI32x4RelaxedDotI8x16I7x16AddS:
		a, b, m := args3(s, sp)
		return ret3(s, sp, dotAddI8x16I7x16(a, b, m))
	}
	return -1
}

// Operand and result moves: a v128 operand is two slots, the first
// operand deepest.

func arg1(s []uint64, sp int) v128 { return v128{s[sp-2], s[sp-1]} }

func args2(s []uint64, sp int) (a, b v128) {
	return v128{s[sp-4], s[sp-3]}, v128{s[sp-2], s[sp-1]}
}

func args3(s []uint64, sp int) (a, b, c v128) {
	return v128{s[sp-6], s[sp-5]}, v128{s[sp-4], s[sp-3]}, v128{s[sp-2], s[sp-1]}
}

func ret1(s []uint64, sp int, r v128) int {
	s[sp-2], s[sp-1] = r.lo, r.hi
	return sp
}

func ret2(s []uint64, sp int, r v128) int {
	s[sp-4], s[sp-3] = r.lo, r.hi
	return sp - 2
}

func ret3(s []uint64, sp int, r v128) int {
	s[sp-6], s[sp-5] = r.lo, r.hi
	return sp - 4
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
