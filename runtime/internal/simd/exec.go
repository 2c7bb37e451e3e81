package simd

// v128 is a 128-bit vector value: lo holds bytes 0-7 (lanes 0..), hi bytes
// 8-15, both little-endian, exactly as the two stack slots hold them.
type v128 struct{ lo, hi uint64 }

// class is the stack shape of a non-memory operator: which operands it
// pops and what it pushes.
type class uint8

const (
	cNone    class = iota // unknown or memory operator
	cConst                // → v128 (imm)
	cShuffle              // v128 v128 → v128 (imm)
	cUnary                // v128 → v128
	cBinary               // v128 v128 → v128
	cTernary              // v128 v128 v128 → v128
	cShift                // v128 i32 → v128
	cTest                 // v128 → i32
	cSplat                // scalar → v128
	cExtract              // v128 → scalar (imm[0] lane)
	cReplace              // v128 scalar → v128 (imm[0] lane)
	numClasses
)

// classSlots gives, per class, the stack slots popped and pushed.
var classSlots = [numClasses][2]uint8{
	cConst:   {0, 2},
	cShuffle: {4, 2},
	cUnary:   {2, 2},
	cBinary:  {4, 2},
	cTernary: {6, 2},
	cShift:   {3, 2},
	cTest:    {2, 1},
	cSplat:   {1, 2},
	cExtract: {2, 1},
	cReplace: {3, 2},
}

// numSubs bounds the SIMD sub-opcodes (fixed-width plus relaxed SIMD).
const numSubs = 0x114

// classes maps a sub-opcode to its class; the zero value is cNone.
var classes = func() (t [numSubs]class) {
	set := func(c class, subs ...uint32) {
		for _, s := range subs {
			t[s] = c
		}
	}
	set(cConst, opV128Const)
	set(cShuffle, opI8x16Shuffle)
	set(cSplat, opI8x16Splat, opI16x8Splat, opI32x4Splat, opI64x2Splat, opF32x4Splat, opF64x2Splat)
	set(cExtract, opI8x16ExtractLaneS, opI8x16ExtractLaneU, opI16x8ExtractLaneS, opI16x8ExtractLaneU,
		opI32x4ExtractLane, opI64x2ExtractLane, opF32x4ExtractLane, opF64x2ExtractLane)
	set(cReplace, opI8x16ReplaceLane, opI16x8ReplaceLane, opI32x4ReplaceLane, opI64x2ReplaceLane,
		opF32x4ReplaceLane, opF64x2ReplaceLane)
	set(cTernary, opV128Bitselect, opF32x4RelaxedMadd, opF32x4RelaxedNmadd, opF64x2RelaxedMadd,
		opF64x2RelaxedNmadd, opI8x16RelaxedLaneselect, opI16x8RelaxedLaneselect,
		opI32x4RelaxedLaneselect, opI64x2RelaxedLaneselect, opI32x4RelaxedDotI8x16I7x16AddS)
	set(cTest, opV128AnyTrue, opI8x16AllTrue, opI8x16Bitmask, opI16x8AllTrue, opI16x8Bitmask,
		opI32x4AllTrue, opI32x4Bitmask, opI64x2AllTrue, opI64x2Bitmask)
	set(cShift, opI8x16Shl, opI8x16ShrS, opI8x16ShrU, opI16x8Shl, opI16x8ShrS, opI16x8ShrU,
		opI32x4Shl, opI32x4ShrS, opI32x4ShrU, opI64x2Shl, opI64x2ShrS, opI64x2ShrU)
	for _, s := range unaryOps {
		t[s] = cUnary
	}
	for _, s := range binaryOps {
		t[s] = cBinary
	}
	return t
}()

// opSlots gives, per sub-opcode, the stack slots popped and pushed; every
// known operator pushes at least one slot, so push 0 means unknown.
var opSlots = func() (t [numSubs][2]uint8) {
	for sub, c := range classes {
		t[sub] = classSlots[c]
	}
	return t
}()

// Known reports whether sub is a SIMD operator Exec evaluates (every
// non-memory fixed-width and relaxed SIMD operator).
func Known(sub uint32) bool { return sub < numSubs && classes[sub] != cNone }

// unaryOps are the v128 → v128 operators.
var unaryOps = [...]uint32{
	opV128Not,
	opI8x16Abs, opI8x16Neg, opI8x16Popcnt,
	opI16x8Abs, opI16x8Neg, opI32x4Abs, opI32x4Neg, opI64x2Abs, opI64x2Neg,
	opI16x8ExtaddPairwiseI8x16S, opI16x8ExtaddPairwiseI8x16U,
	opI32x4ExtaddPairwiseI16x8S, opI32x4ExtaddPairwiseI16x8U,
	opI16x8ExtendLowI8x16S, opI16x8ExtendHighI8x16S, opI16x8ExtendLowI8x16U, opI16x8ExtendHighI8x16U,
	opI32x4ExtendLowI16x8S, opI32x4ExtendHighI16x8S, opI32x4ExtendLowI16x8U, opI32x4ExtendHighI16x8U,
	opI64x2ExtendLowI32x4S, opI64x2ExtendHighI32x4S, opI64x2ExtendLowI32x4U, opI64x2ExtendHighI32x4U,
	opF32x4Abs, opF32x4Neg, opF32x4Sqrt, opF32x4Ceil, opF32x4Floor, opF32x4Trunc, opF32x4Nearest,
	opF64x2Abs, opF64x2Neg, opF64x2Sqrt, opF64x2Ceil, opF64x2Floor, opF64x2Trunc, opF64x2Nearest,
	opI32x4TruncSatF32x4S, opI32x4TruncSatF32x4U, opI32x4TruncSatF64x2SZero, opI32x4TruncSatF64x2UZero,
	opF32x4ConvertI32x4S, opF32x4ConvertI32x4U, opF64x2ConvertLowI32x4S, opF64x2ConvertLowI32x4U,
	opF32x4DemoteF64x2Zero, opF64x2PromoteLowF32x4,
	opI32x4RelaxedTruncF32x4S, opI32x4RelaxedTruncF32x4U,
	opI32x4RelaxedTruncF64x2SZero, opI32x4RelaxedTruncF64x2UZero,
}

// binaryOps are the v128 v128 → v128 operators (shuffle aside).
var binaryOps = [...]uint32{
	opI8x16Swizzle, opI8x16RelaxedSwizzle,
	opV128And, opV128Andnot, opV128Or, opV128Xor,
	opI8x16Eq, opI8x16Ne, opI8x16LtS, opI8x16LtU, opI8x16GtS, opI8x16GtU, opI8x16LeS, opI8x16LeU, opI8x16GeS, opI8x16GeU,
	opI16x8Eq, opI16x8Ne, opI16x8LtS, opI16x8LtU, opI16x8GtS, opI16x8GtU, opI16x8LeS, opI16x8LeU, opI16x8GeS, opI16x8GeU,
	opI32x4Eq, opI32x4Ne, opI32x4LtS, opI32x4LtU, opI32x4GtS, opI32x4GtU, opI32x4LeS, opI32x4LeU, opI32x4GeS, opI32x4GeU,
	opI64x2Eq, opI64x2Ne, opI64x2LtS, opI64x2GtS, opI64x2LeS, opI64x2GeS,
	opF32x4Eq, opF32x4Ne, opF32x4Lt, opF32x4Gt, opF32x4Le, opF32x4Ge,
	opF64x2Eq, opF64x2Ne, opF64x2Lt, opF64x2Gt, opF64x2Le, opF64x2Ge,
	opI8x16NarrowI16x8S, opI8x16NarrowI16x8U, opI16x8NarrowI32x4S, opI16x8NarrowI32x4U,
	opI8x16Add, opI8x16AddSatS, opI8x16AddSatU, opI8x16Sub, opI8x16SubSatS, opI8x16SubSatU,
	opI8x16MinS, opI8x16MinU, opI8x16MaxS, opI8x16MaxU, opI8x16AvgrU,
	opI16x8Add, opI16x8AddSatS, opI16x8AddSatU, opI16x8Sub, opI16x8SubSatS, opI16x8SubSatU,
	opI16x8Mul, opI16x8MinS, opI16x8MinU, opI16x8MaxS, opI16x8MaxU, opI16x8AvgrU,
	opI16x8Q15mulrSatS, opI16x8RelaxedQ15mulrS,
	opI16x8ExtmulLowI8x16S, opI16x8ExtmulHighI8x16S, opI16x8ExtmulLowI8x16U, opI16x8ExtmulHighI8x16U,
	opI32x4Add, opI32x4Sub, opI32x4Mul, opI32x4MinS, opI32x4MinU, opI32x4MaxS, opI32x4MaxU,
	opI32x4DotI16x8S,
	opI32x4ExtmulLowI16x8S, opI32x4ExtmulHighI16x8S, opI32x4ExtmulLowI16x8U, opI32x4ExtmulHighI16x8U,
	opI64x2Add, opI64x2Sub, opI64x2Mul,
	opI64x2ExtmulLowI32x4S, opI64x2ExtmulHighI32x4S, opI64x2ExtmulLowI32x4U, opI64x2ExtmulHighI32x4U,
	opF32x4Add, opF32x4Sub, opF32x4Mul, opF32x4Div, opF32x4Min, opF32x4Max, opF32x4Pmin, opF32x4Pmax,
	opF64x2Add, opF64x2Sub, opF64x2Mul, opF64x2Div, opF64x2Min, opF64x2Max, opF64x2Pmin, opF64x2Pmax,
	opF32x4RelaxedMin, opF32x4RelaxedMax, opF64x2RelaxedMin, opF64x2RelaxedMax,
	opI16x8RelaxedDotI8x16I7x16S,
}
