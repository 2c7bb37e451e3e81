package verify

import (
	"strconv"
	"strings"

	"kiln/ir"
)

// typeSet is a set of value types, the verifier's counterpart of
// Cranelift's TypeSet: bit k of scalars admits lane kind k as a scalar,
// bit k of vectors admits vectors whose lanes are of kind k, and counts
// (bit n = 2^n lanes) limits their lane counts when non-zero.
type typeSet struct {
	scalars, vectors uint16
	counts           uint8
}

func lanes(ts ...ir.Type) uint16 {
	var m uint16
	for _, t := range ts {
		m |= 1 << t
	}
	return m
}

var (
	intLanes   = lanes(ir.I8, ir.I16, ir.I32, ir.I64, ir.I128)
	floatLanes = lanes(ir.F16, ir.F32, ir.F64, ir.F128)

	setAny       = typeSet{scalars: intLanes | floatLanes, vectors: intLanes | floatLanes}
	setInt       = typeSet{scalars: intLanes, vectors: intLanes}
	setIntScalar = typeSet{scalars: intLanes, vectors: 0}
	setNarrowInt = typeSet{scalars: lanes(ir.I8, ir.I16, ir.I32, ir.I64), vectors: 0} // iconst, ireduce results
	setWideInt   = typeSet{scalars: lanes(ir.I16, ir.I32, ir.I64, ir.I128), vectors: 0}
	setFloat     = typeSet{scalars: floatLanes, vectors: floatLanes}
	setFloatScl  = typeSet{scalars: floatLanes, vectors: 0}
	setVector    = typeSet{scalars: 0, vectors: intLanes | floatLanes}
	setIntVector = typeSet{scalars: 0, vectors: intLanes}
	setAddr      = typeSet{scalars: lanes(ir.I32, ir.I64), vectors: 0}
	setMem       = setAny // anything loadable
)

// scalars and vectors build sets from lane types.
func scalars(ts ...ir.Type) typeSet { return typeSet{scalars: lanes(ts...)} }
func vectors(ts ...ir.Type) typeSet { return typeSet{vectors: lanes(ts...)} }

// withLanes limits the vectors of s to lane counts in [lo, hi].
func (s typeSet) withLanes(lo, hi int) typeSet {
	s.counts = 0
	for n := 0; n < 8; n++ {
		if c := 1 << n; c >= lo && c <= hi {
			s.counts |= 1 << n
		}
	}
	return s
}

func (s typeSet) contains(t ir.Type) bool {
	if t == ir.Invalid || t.LaneType() > ir.F128 || t.Bits() == 0 {
		return false
	}
	if t.IsVector() {
		n := t.LaneCount()
		log := 0
		for 1<<log < n {
			log++
		}
		return s.vectors&(1<<t.LaneType()) != 0 && (s.counts == 0 || s.counts&(1<<log) != 0)
	}
	return s.scalars&(1<<t.LaneType()) != 0
}

func (s typeSet) String() string {
	name := func(m uint16, suffix string) []string {
		var out []string
		for k := ir.I8; k <= ir.F128; k++ {
			if m&(1<<k) != 0 {
				out = append(out, k.String()+suffix)
			}
		}
		return out
	}
	suffix := "xN"
	if s.counts != 0 {
		var ns []string
		for n := 0; n < 8; n++ {
			if s.counts&(1<<n) != 0 {
				ns = append(ns, strconv.Itoa(1<<n))
			}
		}
		suffix = "x{" + strings.Join(ns, ",") + "}"
	}
	parts := append(name(s.scalars, ""), name(s.vectors, suffix)...)
	return "{" + strings.Join(parts, ", ") + "}"
}

// argRule says how one value operand's type relates to the controlling
// type of its instruction.
type argRule uint8

const (
	argSame     argRule = iota // exactly the controlling type
	argFree                    // any type in the operand's own set
	argFixed                   // exactly operand.fixed
	argLane                    // the lane type of the controlling type
	argNarrower                // same lane count and class, narrower lanes (uextend, fpromote)
	argWider                   // same lane count and class, wider lanes (ireduce, fdemote)
	argAddr                    // an address: the target's pointer type (i32 or i64 untargeted)
)

type operand struct {
	rule  argRule
	set   typeSet // for argFree
	fixed ir.Type // for argFixed
}

var (
	same     = operand{rule: argSame}
	lane     = operand{rule: argLane}
	narrower = operand{rule: argNarrower}
	wider    = operand{rule: argWider}
	addr     = operand{rule: argAddr}
)

func free(s typeSet) operand  { return operand{rule: argFree, set: s} }
func fixed(t ir.Type) operand { return operand{rule: argFixed, fixed: t} }
func sig(ctrl typeSet, args ...operand) constraint {
	return constraint{known: true, ctrl: ctrl, args: args}
}

// constraint is the type signature of one opcode: the set its controlling
// type must lie in (ignored for monomorphic opcodes) and one rule per
// fixed value operand. Variable operands (call arguments, return values,
// branch arguments) are checked against signatures and block parameters.
type constraint struct {
	known bool // the row exists; opcodes without one get no operand checks
	ctrl  typeSet
	args  []operand
}

// constraints is indexed by opcode. Result types are not listed: they
// follow from the controlling type by the opcode table's ResultRule.
var constraints = [ir.NumOpcodes]constraint{
	ir.OpJump:          sig(typeSet{}),
	ir.OpReturn:        sig(typeSet{}),
	ir.OpCall:          sig(typeSet{}),
	ir.OpReturnCall:    sig(typeSet{}),
	ir.OpTryCall:       sig(typeSet{}),
	ir.OpTrap:          sig(typeSet{}),
	ir.OpDebugtrap:     sig(typeSet{}),
	ir.OpNop:           sig(typeSet{}),
	ir.OpSequencePoint: sig(typeSet{}),
	ir.OpF16const:      sig(typeSet{}),
	ir.OpF32const:      sig(typeSet{}),
	ir.OpF64const:      sig(typeSet{}),
	ir.OpF128const:     sig(typeSet{}),
	ir.OpFence:         sig(typeSet{}),

	ir.OpBrif:               sig(setIntScalar, same),
	ir.OpBrTable:            sig(scalars(ir.I32), same),
	ir.OpCallIndirect:       sig(setAddr, same),
	ir.OpReturnCallIndirect: sig(setAddr, same),
	ir.OpTryCallIndirect:    sig(setAddr, same),
	ir.OpFuncAddr:           sig(setAddr),
	ir.OpTrapz:              sig(setIntScalar, same),
	ir.OpTrapnz:             sig(setIntScalar, same),

	ir.OpIconst: sig(setNarrowInt),
	ir.OpVconst: sig(setVector),

	ir.OpIadd:             sig(setInt, same, same),
	ir.OpIsub:             sig(setInt, same, same),
	ir.OpIneg:             sig(setInt, same),
	ir.OpIabs:             sig(setInt, same),
	ir.OpImul:             sig(setInt, same, same),
	ir.OpUmulhi:           sig(setInt, same, same),
	ir.OpSmulhi:           sig(setInt, same, same),
	ir.OpUdiv:             sig(setIntScalar, same, same),
	ir.OpSdiv:             sig(setIntScalar, same, same),
	ir.OpUrem:             sig(setIntScalar, same, same),
	ir.OpSrem:             sig(setIntScalar, same, same),
	ir.OpUaddOverflow:     sig(setIntScalar, same, same),
	ir.OpSaddOverflow:     sig(setIntScalar, same, same),
	ir.OpUsubOverflow:     sig(setIntScalar, same, same),
	ir.OpSsubOverflow:     sig(setIntScalar, same, same),
	ir.OpUmulOverflow:     sig(setNarrowInt, same, same),
	ir.OpSmulOverflow:     sig(setNarrowInt, same, same),
	ir.OpUaddOverflowCin:  sig(setIntScalar, same, same, fixed(ir.I8)),
	ir.OpSaddOverflowCin:  sig(setIntScalar, same, same, fixed(ir.I8)),
	ir.OpUsubOverflowBin:  sig(setIntScalar, same, same, fixed(ir.I8)),
	ir.OpSsubOverflowBin:  sig(setIntScalar, same, same, fixed(ir.I8)),
	ir.OpUaddOverflowTrap: sig(scalars(ir.I32, ir.I64), same, same),
	ir.OpSmin:             sig(setInt, same, same),
	ir.OpUmin:             sig(setInt, same, same),
	ir.OpSmax:             sig(setInt, same, same),
	ir.OpUmax:             sig(setInt, same, same),
	ir.OpAvgRound:         sig(setIntVector, same, same),
	ir.OpUaddSat:          sig(setIntVector, same, same),
	ir.OpSaddSat:          sig(setIntVector, same, same),
	ir.OpUsubSat:          sig(setIntVector, same, same),
	ir.OpSsubSat:          sig(setIntVector, same, same),
	ir.OpSqmulRoundSat:    sig(vectors(ir.I16, ir.I32).withLanes(4, 8), same, same),

	ir.OpBand:   sig(setAny, same, same),
	ir.OpBor:    sig(setAny, same, same),
	ir.OpBxor:   sig(setAny, same, same),
	ir.OpBnot:   sig(setAny, same),
	ir.OpRotl:   sig(setInt, same, free(setIntScalar)),
	ir.OpRotr:   sig(setInt, same, free(setIntScalar)),
	ir.OpIshl:   sig(setInt, same, free(setIntScalar)),
	ir.OpUshr:   sig(setInt, same, free(setIntScalar)),
	ir.OpSshr:   sig(setInt, same, free(setIntScalar)),
	ir.OpBitrev: sig(setIntScalar, same),
	ir.OpClz:    sig(setIntScalar, same),
	ir.OpCls:    sig(setIntScalar, same),
	ir.OpCtz:    sig(setIntScalar, same),
	ir.OpBswap:  sig(setWideInt, same),
	ir.OpPopcnt: sig(setInt, same),

	ir.OpIcmp:               sig(setInt, same, same),
	ir.OpFcmp:               sig(setFloat, same, same),
	ir.OpSelect:             sig(setAny, free(setIntScalar), same, same),
	ir.OpSelectSpectreGuard: sig(setAny, free(setIntScalar), same, same),
	ir.OpBitselect:          sig(setAny, same, same, same),
	ir.OpBmask:              sig(setIntScalar, free(setIntScalar)),

	ir.OpUextend: sig(setWideInt, narrower),
	ir.OpSextend: sig(setWideInt, narrower),
	ir.OpIreduce: sig(setNarrowInt, wider),
	ir.OpIconcat: sig(setNarrowInt, same, same),
	ir.OpIsplit:  sig(setWideInt, same),

	ir.OpFadd:          sig(setFloat, same, same),
	ir.OpFsub:          sig(setFloat, same, same),
	ir.OpFmul:          sig(setFloat, same, same),
	ir.OpFdiv:          sig(setFloat, same, same),
	ir.OpSqrt:          sig(setFloat, same),
	ir.OpFma:           sig(setFloat, same, same, same),
	ir.OpFneg:          sig(setFloat, same),
	ir.OpFabs:          sig(setFloat, same),
	ir.OpFcopysign:     sig(setFloat, same, same),
	ir.OpFmin:          sig(setFloat, same, same),
	ir.OpFmax:          sig(setFloat, same, same),
	ir.OpCeil:          sig(setFloat, same),
	ir.OpFloor:         sig(setFloat, same),
	ir.OpTrunc:         sig(setFloat, same),
	ir.OpNearest:       sig(setFloat, same),
	ir.OpFpromote:      sig(setFloatScl, narrower),
	ir.OpFdemote:       sig(setFloatScl, wider),
	ir.OpFvpromoteLow:  sig(vectors(ir.F32).withLanes(4, 4), same),
	ir.OpFvdemote:      sig(vectors(ir.F64).withLanes(2, 2), same),
	ir.OpFcvtToUint:    sig(setIntScalar, free(setFloatScl)),
	ir.OpFcvtToSint:    sig(setIntScalar, free(setFloatScl)),
	ir.OpFcvtToUintSat: sig(setInt, free(setFloat)),
	ir.OpFcvtToSintSat: sig(setInt, free(setFloat)),
	ir.OpFcvtFromUint:  sig(setFloat, free(setInt)),
	ir.OpFcvtFromSint:  sig(setFloat, free(setInt)),
	ir.OpBitcast:       sig(setAny, free(setAny)),

	ir.OpSplat:          sig(setVector, lane),
	ir.OpShuffle:        sig(typeSet{}, fixed(ir.I8X16), fixed(ir.I8X16)),
	ir.OpSwizzle:        sig(typeSet{}, fixed(ir.I8X16), fixed(ir.I8X16)),
	ir.OpInsertlane:     sig(setVector, same, lane),
	ir.OpExtractlane:    sig(setVector, same),
	ir.OpExtractVector:  sig(setVector, same),
	ir.OpScalarToVector: sig(setVector, lane),
	ir.OpVanyTrue:       sig(setVector, same),
	ir.OpVallTrue:       sig(setVector, same),
	ir.OpVhighBits:      sig(setNarrowInt, free(setVector)),
	ir.OpSnarrow:        sig(vectors(ir.I16, ir.I32, ir.I64).withLanes(2, 8), same, same),
	ir.OpUnarrow:        sig(vectors(ir.I16, ir.I32, ir.I64).withLanes(2, 8), same, same),
	ir.OpUunarrow:       sig(vectors(ir.I16, ir.I32, ir.I64).withLanes(2, 8), same, same),
	ir.OpSwidenLow:      sig(vectors(ir.I8, ir.I16, ir.I32), same),
	ir.OpSwidenHigh:     sig(vectors(ir.I8, ir.I16, ir.I32), same),
	ir.OpUwidenLow:      sig(vectors(ir.I8, ir.I16, ir.I32), same),
	ir.OpUwidenHigh:     sig(vectors(ir.I8, ir.I16, ir.I32), same),
	ir.OpIaddPairwise:   sig(vectors(ir.I8, ir.I16, ir.I32), same, same),
	ir.OpX86Pshufb:      sig(typeSet{}, fixed(ir.I8X16), fixed(ir.I8X16)),
	ir.OpX86Blendv:      sig(setVector, same, same, same),
	ir.OpX86Pmulhrsw:    sig(vectors(ir.I16, ir.I32).withLanes(4, 8), same, same),
	ir.OpX86Pmaddubsw:   sig(typeSet{}, fixed(ir.I8X16), fixed(ir.I8X16)),
	ir.OpX86Cvtt2dq:     sig(setInt, free(setFloat)),

	ir.OpLoad:        sig(setMem, addr),
	ir.OpStore:       sig(setMem, same, addr),
	ir.OpUload8:      sig(scalars(ir.I16, ir.I32, ir.I64), addr),
	ir.OpSload8:      sig(scalars(ir.I16, ir.I32, ir.I64), addr),
	ir.OpUload16:     sig(scalars(ir.I32, ir.I64), addr),
	ir.OpSload16:     sig(scalars(ir.I32, ir.I64), addr),
	ir.OpUload32:     sig(scalars(ir.I64), addr),
	ir.OpSload32:     sig(scalars(ir.I64), addr),
	ir.OpIstore8:     sig(scalars(ir.I16, ir.I32, ir.I64), same, addr),
	ir.OpIstore16:    sig(scalars(ir.I32, ir.I64), same, addr),
	ir.OpIstore32:    sig(scalars(ir.I64), same, addr),
	ir.OpUload8x8:    sig(vectors(ir.I16).withLanes(8, 8), addr),
	ir.OpSload8x8:    sig(vectors(ir.I16).withLanes(8, 8), addr),
	ir.OpUload16x4:   sig(vectors(ir.I32).withLanes(4, 4), addr),
	ir.OpSload16x4:   sig(vectors(ir.I32).withLanes(4, 4), addr),
	ir.OpUload32x2:   sig(vectors(ir.I64).withLanes(2, 2), addr),
	ir.OpSload32x2:   sig(vectors(ir.I64).withLanes(2, 2), addr),
	ir.OpStackAddr:   sig(setAddr),
	ir.OpSymbolValue: sig(setMem),
	ir.OpTlsValue:    sig(setMem),
	ir.OpAtomicRmw:   sig(setIntScalar, addr, same),
	ir.OpAtomicCas:   sig(setIntScalar, addr, same, same),
	ir.OpAtomicLoad:  sig(setIntScalar, addr),
	ir.OpAtomicStore: sig(setIntScalar, same, addr),

	ir.OpDynamicStackAddr:  sig(setAddr),
	ir.OpDynamicStackLoad:  sig(setMem),
	ir.OpDynamicStackStore: sig(setMem, same),

	ir.OpGetPinnedReg:               sig(setAddr),
	ir.OpSetPinnedReg:               sig(setAddr, same),
	ir.OpGetFramePointer:            sig(setAddr),
	ir.OpGetStackPointer:            sig(setAddr),
	ir.OpGetReturnAddress:           sig(setAddr),
	ir.OpGetExceptionHandlerAddress: sig(setAddr),
	ir.OpStackSwitch:                sig(setAddr, addr, addr, same),
}
