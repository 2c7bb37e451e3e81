package frontend

import (
	"kiln/ir"
	"kiln/ir/wasm"
)

// numKind says how a numeric operator is translated.
type numKind uint8

const (
	numNone     numKind = iota
	numBinary           // op x, y
	numUnary            // op x
	numIcmp             // icmp cc x, y; widen to i32
	numIeqz             // icmp eq x, 0; widen
	numFcmp             // fcmp cc x, y; widen
	numConvert          // op.ty x
	numExtend           // sextend.ty (ireduce.from x): extend8_s and friends
	numDiv              // sdiv/udiv/srem/urem with wasm's traps
	numTrunc            // trapping float-to-int
	numTruncSat         // fcvt_to_[us]int_sat.ty x
	numBitcast          // bitcast.ty x
)

// numRow is one numeric operator: its translation kind, IR opcode,
// condition code, result type and (for extends and truncs) the narrow or
// source type and signedness.
type numRow struct {
	kind   numKind
	op     ir.Opcode
	cc     uint8
	ty     ir.Type
	from   ir.Type
	signed bool
}

// numTable holds every numeric operator, indexed by opcode byte (plain
// operators) or by 0x100+subopcode (the 0xFC saturating truncations).
var numTable = func() (t [0x108]numRow) {
	bin := func(op ir.Opcode, codes ...wasm.Opcode) {
		for _, c := range codes {
			t[c] = numRow{kind: numBinary, op: op}
		}
	}
	un := func(op ir.Opcode, codes ...wasm.Opcode) {
		for _, c := range codes {
			t[c] = numRow{kind: numUnary, op: op}
		}
	}
	icmp := func(cc ir.IntCC, c32, c64 wasm.Opcode) {
		t[c32] = numRow{kind: numIcmp, cc: uint8(cc)}
		t[c64] = numRow{kind: numIcmp, cc: uint8(cc)}
	}
	fcmp := func(cc ir.FloatCC, c32, c64 wasm.Opcode) {
		t[c32] = numRow{kind: numFcmp, cc: uint8(cc)}
		t[c64] = numRow{kind: numFcmp, cc: uint8(cc)}
	}
	conv := func(c wasm.Opcode, op ir.Opcode, ty ir.Type) { t[c] = numRow{kind: numConvert, op: op, ty: ty} }
	div := func(c wasm.Opcode, op ir.Opcode) { t[c] = numRow{kind: numDiv, op: op} }
	trunc := func(c wasm.Opcode, ty ir.Type, signed bool) {
		op := ir.OpFcvtToUint
		if signed {
			op = ir.OpFcvtToSint
		}
		t[c] = numRow{kind: numTrunc, op: op, ty: ty, signed: signed}
	}
	sat := func(c wasm.Opcode, ty ir.Type, signed bool) {
		op := ir.OpFcvtToUintSat
		if signed {
			op = ir.OpFcvtToSintSat
		}
		t[0x100+c&0xff] = numRow{kind: numTruncSat, op: op, ty: ty, signed: signed}
	}

	t[wasm.OpI32Eqz] = numRow{kind: numIeqz}
	t[wasm.OpI64Eqz] = numRow{kind: numIeqz}
	icmp(ir.IntEQ, wasm.OpI32Eq, wasm.OpI64Eq)
	icmp(ir.IntNE, wasm.OpI32Ne, wasm.OpI64Ne)
	icmp(ir.IntSLT, wasm.OpI32LtS, wasm.OpI64LtS)
	icmp(ir.IntULT, wasm.OpI32LtU, wasm.OpI64LtU)
	icmp(ir.IntSGT, wasm.OpI32GtS, wasm.OpI64GtS)
	icmp(ir.IntUGT, wasm.OpI32GtU, wasm.OpI64GtU)
	icmp(ir.IntSLE, wasm.OpI32LeS, wasm.OpI64LeS)
	icmp(ir.IntULE, wasm.OpI32LeU, wasm.OpI64LeU)
	icmp(ir.IntSGE, wasm.OpI32GeS, wasm.OpI64GeS)
	icmp(ir.IntUGE, wasm.OpI32GeU, wasm.OpI64GeU)
	fcmp(ir.FloatEQ, wasm.OpF32Eq, wasm.OpF64Eq)
	fcmp(ir.FloatNE, wasm.OpF32Ne, wasm.OpF64Ne)
	fcmp(ir.FloatLT, wasm.OpF32Lt, wasm.OpF64Lt)
	fcmp(ir.FloatGT, wasm.OpF32Gt, wasm.OpF64Gt)
	fcmp(ir.FloatLE, wasm.OpF32Le, wasm.OpF64Le)
	fcmp(ir.FloatGE, wasm.OpF32Ge, wasm.OpF64Ge)

	un(ir.OpClz, wasm.OpI32Clz, wasm.OpI64Clz)
	un(ir.OpCtz, wasm.OpI32Ctz, wasm.OpI64Ctz)
	un(ir.OpPopcnt, wasm.OpI32Popcnt, wasm.OpI64Popcnt)
	bin(ir.OpIadd, wasm.OpI32Add, wasm.OpI64Add)
	bin(ir.OpIsub, wasm.OpI32Sub, wasm.OpI64Sub)
	bin(ir.OpImul, wasm.OpI32Mul, wasm.OpI64Mul)
	div(wasm.OpI32DivS, ir.OpSdiv)
	div(wasm.OpI64DivS, ir.OpSdiv)
	div(wasm.OpI32DivU, ir.OpUdiv)
	div(wasm.OpI64DivU, ir.OpUdiv)
	div(wasm.OpI32RemS, ir.OpSrem)
	div(wasm.OpI64RemS, ir.OpSrem)
	div(wasm.OpI32RemU, ir.OpUrem)
	div(wasm.OpI64RemU, ir.OpUrem)
	bin(ir.OpBand, wasm.OpI32And, wasm.OpI64And)
	bin(ir.OpBor, wasm.OpI32Or, wasm.OpI64Or)
	bin(ir.OpBxor, wasm.OpI32Xor, wasm.OpI64Xor)
	// IR shifts and rotates take the amount modulo the width, as wasm does.
	bin(ir.OpIshl, wasm.OpI32Shl, wasm.OpI64Shl)
	bin(ir.OpSshr, wasm.OpI32ShrS, wasm.OpI64ShrS)
	bin(ir.OpUshr, wasm.OpI32ShrU, wasm.OpI64ShrU)
	bin(ir.OpRotl, wasm.OpI32Rotl, wasm.OpI64Rotl)
	bin(ir.OpRotr, wasm.OpI32Rotr, wasm.OpI64Rotr)

	un(ir.OpFabs, wasm.OpF32Abs, wasm.OpF64Abs)
	un(ir.OpFneg, wasm.OpF32Neg, wasm.OpF64Neg)
	un(ir.OpCeil, wasm.OpF32Ceil, wasm.OpF64Ceil)
	un(ir.OpFloor, wasm.OpF32Floor, wasm.OpF64Floor)
	un(ir.OpTrunc, wasm.OpF32Trunc, wasm.OpF64Trunc)
	un(ir.OpNearest, wasm.OpF32Nearest, wasm.OpF64Nearest)
	un(ir.OpSqrt, wasm.OpF32Sqrt, wasm.OpF64Sqrt)
	bin(ir.OpFadd, wasm.OpF32Add, wasm.OpF64Add)
	bin(ir.OpFsub, wasm.OpF32Sub, wasm.OpF64Sub)
	bin(ir.OpFmul, wasm.OpF32Mul, wasm.OpF64Mul)
	bin(ir.OpFdiv, wasm.OpF32Div, wasm.OpF64Div)
	// IR fmin/fmax have wasm's semantics: NaN if either operand is NaN,
	// -0 below +0.
	bin(ir.OpFmin, wasm.OpF32Min, wasm.OpF64Min)
	bin(ir.OpFmax, wasm.OpF32Max, wasm.OpF64Max)
	bin(ir.OpFcopysign, wasm.OpF32Copysign, wasm.OpF64Copysign)

	conv(wasm.OpI32WrapI64, ir.OpIreduce, ir.I32)
	conv(wasm.OpI64ExtendI32S, ir.OpSextend, ir.I64)
	conv(wasm.OpI64ExtendI32U, ir.OpUextend, ir.I64)
	trunc(wasm.OpI32TruncF32S, ir.I32, true)
	trunc(wasm.OpI32TruncF32U, ir.I32, false)
	trunc(wasm.OpI32TruncF64S, ir.I32, true)
	trunc(wasm.OpI32TruncF64U, ir.I32, false)
	trunc(wasm.OpI64TruncF32S, ir.I64, true)
	trunc(wasm.OpI64TruncF32U, ir.I64, false)
	trunc(wasm.OpI64TruncF64S, ir.I64, true)
	trunc(wasm.OpI64TruncF64U, ir.I64, false)
	conv(wasm.OpF32ConvertI32S, ir.OpFcvtFromSint, ir.F32)
	conv(wasm.OpF32ConvertI32U, ir.OpFcvtFromUint, ir.F32)
	conv(wasm.OpF32ConvertI64S, ir.OpFcvtFromSint, ir.F32)
	conv(wasm.OpF32ConvertI64U, ir.OpFcvtFromUint, ir.F32)
	conv(wasm.OpF64ConvertI32S, ir.OpFcvtFromSint, ir.F64)
	conv(wasm.OpF64ConvertI32U, ir.OpFcvtFromUint, ir.F64)
	conv(wasm.OpF64ConvertI64S, ir.OpFcvtFromSint, ir.F64)
	conv(wasm.OpF64ConvertI64U, ir.OpFcvtFromUint, ir.F64)
	conv(wasm.OpF32DemoteF64, ir.OpFdemote, ir.F32)
	conv(wasm.OpF64PromoteF32, ir.OpFpromote, ir.F64)
	t[wasm.OpI32ReinterpretF32] = numRow{kind: numBitcast, ty: ir.I32}
	t[wasm.OpI64ReinterpretF64] = numRow{kind: numBitcast, ty: ir.I64}
	t[wasm.OpF32ReinterpretI32] = numRow{kind: numBitcast, ty: ir.F32}
	t[wasm.OpF64ReinterpretI64] = numRow{kind: numBitcast, ty: ir.F64}
	t[wasm.OpI32Extend8S] = numRow{kind: numExtend, ty: ir.I32, from: ir.I8}
	t[wasm.OpI32Extend16S] = numRow{kind: numExtend, ty: ir.I32, from: ir.I16}
	t[wasm.OpI64Extend8S] = numRow{kind: numExtend, ty: ir.I64, from: ir.I8}
	t[wasm.OpI64Extend16S] = numRow{kind: numExtend, ty: ir.I64, from: ir.I16}
	t[wasm.OpI64Extend32S] = numRow{kind: numExtend, ty: ir.I64, from: ir.I32}
	sat(wasm.OpI32TruncSatF32S, ir.I32, true)
	sat(wasm.OpI32TruncSatF32U, ir.I32, false)
	sat(wasm.OpI32TruncSatF64S, ir.I32, true)
	sat(wasm.OpI32TruncSatF64U, ir.I32, false)
	sat(wasm.OpI64TruncSatF32S, ir.I64, true)
	sat(wasm.OpI64TruncSatF32U, ir.I64, false)
	sat(wasm.OpI64TruncSatF64S, ir.I64, true)
	sat(wasm.OpI64TruncSatF64U, ir.I64, false)
	return t
}()

func numRowOf(op wasm.Opcode) *numRow {
	switch {
	case op < 0x100:
		return &numTable[op]
	case op >= wasm.OpI32TruncSatF32S && op <= wasm.OpI64TruncSatF64U:
		return &numTable[0x100+op&0xff]
	}
	return &numTable[0]
}

func (t *Translator) translateNumeric() (bool, error) {
	row := numRowOf(t.op.Op)
	b := t.b
	switch row.kind {
	case numNone:
		return false, nil
	case numBinary:
		x, y := t.pop2()
		t.push(b.Binary(row.op, x, y))
	case numUnary:
		t.push(b.Unary(row.op, t.pop()))
	case numIcmp:
		x, y := t.pop2()
		t.push(t.bool32(b.Icmp(ir.IntCC(row.cc), x, y)))
	case numIeqz:
		x := t.pop()
		t.push(t.bool32(b.Icmp(ir.IntEQ, x, b.Iconst(b.Func.DFG.ValueType(x), 0))))
	case numFcmp:
		x, y := t.pop2()
		t.push(t.bool32(b.Fcmp(ir.FloatCC(row.cc), x, y)))
	case numConvert:
		t.push(b.Convert(row.op, row.ty, t.pop()))
	case numBitcast:
		t.push(b.Convert(ir.OpBitcast, row.ty, t.pop()))
	case numExtend:
		t.push(b.Sextend(row.ty, b.Ireduce(row.from, t.pop())))
	case numDiv:
		// The IR's sdiv/udiv/srem/urem have wasm's semantics: int_divz
		// for a zero divisor, int_ovf for signed MIN / -1, and MIN rem -1
		// is 0; the back ends check what the hardware does not.
		x, y := t.pop2()
		t.push(b.Binary(row.op, x, y))
	case numTrunc:
		// fcvt_to_sint/uint trap as wasm's truncations do: bad_toint for
		// NaN, int_ovf out of range.
		t.push(b.Convert(row.op, row.ty, t.pop()))
	case numTruncSat:
		t.push(b.Convert(row.op, row.ty, t.pop()))
	}
	return true, nil
}
