package amd64

import (
	"math"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/regalloc"
)

// The IR-to-x86 operation tables are switches: lowering asks for nearly
// every add or shift, and a map lookup there was a measurable part of
// selecting it.

// aluOp is the x86 ALU form of a two-operand IR op and whether it commutes.
type aluOp struct {
	op   asm.AluOp
	comm bool
}

func aluOpOf(op ir.Opcode) aluOp {
	switch op {
	case ir.OpIadd:
		return aluOp{asm.Add, true}
	case ir.OpIsub:
		return aluOp{asm.Sub, false}
	case ir.OpBand:
		return aluOp{asm.And, true}
	case ir.OpBor:
		return aluOp{asm.Or, true}
	case ir.OpBxor:
		return aluOp{asm.Xor, true}
	}
	return aluOp{}
}

func shiftOpOf(op ir.Opcode) asm.ShiftOp {
	switch op {
	case ir.OpIshl:
		return asm.Shl
	case ir.OpUshr:
		return asm.Shr
	case ir.OpSshr:
		return asm.Sar
	case ir.OpRotl:
		return asm.Rol
	case ir.OpRotr:
		return asm.Ror
	}
	return 0
}

// sseOpsOf is the scalar SSE form of a float binary op: [f32, f64].
func sseOpsOf(op ir.Opcode) [2]asm.Op {
	switch op {
	case ir.OpFadd:
		return [2]asm.Op{asm.Addss, asm.Addsd}
	case ir.OpFsub:
		return [2]asm.Op{asm.Subss, asm.Subsd}
	case ir.OpFmul:
		return [2]asm.Op{asm.Mulss, asm.Mulsd}
	case ir.OpFdiv:
		return [2]asm.Op{asm.Divss, asm.Divsd}
	}
	return [2]asm.Op{}
}

func sse(t ir.Type, ops [2]asm.Op) asm.Op {
	if t == ir.F32 {
		return ops[0]
	}
	return ops[1]
}

// unlowerable holds the types no rule handles: vectors and scalars wider
// than a register but i128. LowerInst asks for every operand, so it is a
// table.
var unlowerable = func() (u [256]bool) {
	for t := range u {
		ty := ir.Type(t)
		u[t] = ty.IsVector() || (ty.Bits() > 64 && ty != ir.I128)
	}
	return u
}()

// LowerInst is the instruction selector: one case per IR opcode, each
// trying its specific patterns before the general form.
func (be *backend) LowerInst(c *ctx, i ir.Inst) error {
	dfg := &c.F.DFG
	d := &dfg.Insts[i]
	args := dfg.Args(i)
	res := dfg.Results(i)
	var ty ir.Type
	if len(res) > 0 {
		ty = dfg.ValueType(res[0])
	}
	wide, odd := ty == ir.I128, unlowerable[ty]
	for _, a := range args {
		t := dfg.ValueType(a)
		wide = wide || t == ir.I128
		odd = odd || unlowerable[t]
	}
	switch d.Opcode {
	case ir.OpReturn, ir.OpCall, ir.OpCallIndirect, ir.OpReturnCall, ir.OpReturnCallIndirect, ir.OpStackAddr:
		wide = false // handled per register part below
	case ir.OpIcmp, ir.OpSelect, ir.OpSelectSpectreGuard, ir.OpTrapz, ir.OpTrapnz, ir.OpBmask:
		// An i128 condition alone is handled by condOf.
		if ty != ir.I128 && dfg.ValueType(args[0]) == ir.I128 && d.Opcode != ir.OpIcmp {
			wide = false
		}
	}
	if wide {
		return be.lowerI128(c, i)
	}
	if unlowerable[ty] {
		return unsupported(c, d.Opcode.String()+"."+ty.String())
	}
	if odd {
		for _, a := range args {
			if t := dfg.ValueType(a); unlowerable[t] {
				return unsupported(c, d.Opcode.String()+" with "+t.String()+" operands")
			}
		}
	}
	sz, isInt := sizeOf(ty)
	if ty.IsFloat() {
		isInt = false
	}

	switch op := d.Opcode; op {
	case ir.OpNop:
		return nil

	case ir.OpIconst:
		emit(c, Inst{Op: opImm, Size: aluSize(sz), Imm: d.ImmSigned()}, def(c, res[0]))
		return nil

	case ir.OpF32const, ir.OpF64const:
		emit(c, Inst{Op: opFconst, Size: floatSize(ty), Imm: int64(d.IeeeBits())}, def(c, res[0]))
		return nil

	case ir.OpBand, ir.OpBor, ir.OpBxor:
		if ty.IsFloat() {
			// Rule: float bitwise logic on the XMM register.
			sop := map[ir.Opcode][2]asm.Op{ir.OpBand: {asm.Andps, asm.Andpd}, ir.OpBor: {asm.Orps, asm.Orpd}, ir.OpBxor: {asm.Xorps, asm.Xorpd}}[op]
			emit(c, Inst{Op: opSse, SseOp: sse(ty, sop)}, use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0))
			return nil
		}
		// Rule: x & 0xffffffff at 64 bits is a zero extension (mov r32, r32);
		// the mask does not fit an imm32.
		if op == ir.OpBand && sz == asm.Size64 {
			for k, a := range args {
				if v, ok := constOf(c, a); ok && uint64(v) == 0xffffffff {
					emit(c, Inst{Op: opExtend, Size: asm.Size64, Size2: asm.Size32}, use(c, args[1-k]), def(c, res[0]))
					return nil
				}
			}
		}
		// Rule: x & 0xff or x & 0xffff (at 32 or 64 bits) with x live on
		// is movzx: no copy of x for the two-address and.
		if op == ir.OpBand && sz >= asm.Size32 {
			for k, a := range args {
				if v, ok := constOf(c, a); ok && !be.diesHere(c, args[1-k]) {
					if from, ok := zextMask(v); ok && from < asm.Size32 {
						emit(c, Inst{Op: opExtend, Size: asm.Size32, Size2: from}, use(c, args[1-k]), def(c, res[0]))
						return nil
					}
				}
			}
		}
		return be.lowerAlu(c, op, sz, args, res[0])

	case ir.OpIadd, ir.OpIsub:
		if !isInt {
			return unsupported(c, op.String()+"."+ty.String())
		}
		return be.lowerAlu(c, op, sz, args, res[0])

	case ir.OpIneg, ir.OpBnot:
		if op == ir.OpBnot && ty.IsFloat() {
			emit(c, Inst{Op: opSseMask, SseOp: sse(ty, [2]asm.Op{asm.Xorps, asm.Xorpd}), Size: floatSize(ty), Imm: -1}, use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 0))
			return nil
		}
		u := asm.Neg
		if op == ir.OpBnot {
			u = asm.Not
		}
		if !isInt {
			return unsupported(c, op.String()+"."+ty.String())
		}
		emit(c, Inst{Op: opUnary, Unary: u, Size: aluSize(sz)}, use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpImul:
		if k, ok := imm32Of(c, args[1], sz); ok {
			emit(c, Inst{Op: opImulRRI, Size: aluSize(sz), Imm: k}, use(c, args[0]), def(c, res[0]))
			return nil
		}
		emit(c, Inst{Op: opImulRR, Size: aluSize(sz)}, use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpUmulhi, ir.OpSmulhi:
		if sz < asm.Size32 {
			// Widen, multiply at 32 bits, shift the high half down.
			x, y := be.extend(c, args[0], sz, op == ir.OpSmulhi), be.extend(c, args[1], sz, op == ir.OpSmulhi)
			p := c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opImulRR, Size: asm.Size32}, regalloc.Use(x), regalloc.Use(y), regalloc.ReuseDef(p, 0))
			sh := asm.Shr
			if op == ir.OpSmulhi {
				sh = asm.Sar
			}
			emit(c, Inst{Op: opShiftRI, Shift: sh, Size: asm.Size32, Imm: int64(sz) * 8}, regalloc.Use(p), regalloc.ReuseDef(c.Output(res[0]), 0))
			return nil
		}
		emitClobber(c, Inst{Op: opMulHi, Size: sz, Signed: op == ir.OpSmulhi}, regalloc.RegSetOf(gprP(asm.RAX)),
			regalloc.FixedUse(c.VReg(args[0]), gprP(asm.RAX)), regalloc.UseAtEnd(c.VReg(args[1])),
			regalloc.FixedDef(c.Output(res[0]), gprP(asm.RDX)))
		return nil

	case ir.OpUdiv, ir.OpSdiv, ir.OpUrem, ir.OpSrem:
		return be.lowerDiv(c, op, sz, args, res[0])

	case ir.OpIshl, ir.OpUshr, ir.OpSshr, ir.OpRotl, ir.OpRotr:
		sh := shiftOpOf(op)
		bits := int64(sz) * 8
		x := args[0]
		if k, ok := constOf(c, args[1]); ok {
			n := k & (bits - 1)
			if n == 0 {
				emit(c, Inst{Op: opMove}, use(c, x), def(c, res[0]))
				return nil
			}
			emit(c, Inst{Op: opShiftRI, Shift: sh, Size: sz, Imm: n}, use(c, x), regalloc.ReuseDef(c.Output(res[0]), 0))
			return nil
		}
		t := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opShiftRR, Shift: sh, Size: sz}, use(c, x), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0), earlyFixed(t, gprP(asm.RCX)))
		return nil

	case ir.OpIcmp:
		var in Inst
		var ops opList
		if !cmpOperands(c, args[0], args[1], d.IntCC(), &in, &ops) {
			return unsupported(c, "icmp of "+dfg.ValueType(args[0]).String())
		}
		in.Op = opCmpSet
		ops.add(def(c, res[0]))
		emit(c, in, ops.list()...)
		return nil

	case ir.OpFcmp:
		emit(c, Inst{Op: opFcmpSet, Size: floatSize(dfg.ValueType(args[0])), FCC: d.Code}, use(c, args[0]), use(c, args[1]), def(c, res[0]))
		return nil

	case ir.OpSelect, ir.OpSelectSpectreGuard:
		var in Inst
		var ops opList
		if j := c.PureDef(truthOf(c, args[0])); j != ir.NoInst && dfg.Insts[j].Opcode == ir.OpFcmp {
			// Materialize the float condition, then select on it.
			fa := dfg.Args(j)
			b := c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opFcmpSet, Size: floatSize(dfg.ValueType(fa[0])), FCC: dfg.Insts[j].Code}, use(c, fa[0]), use(c, fa[1]), regalloc.Def(b))
			in, ops = Inst{Size: asm.Size32, CC: asm.CondNE, HasImm: true}, opsOf(regalloc.Use(b))
		} else {
			if err := condOf(c, args[0], &in, &ops); err != nil {
				return err
			}
		}
		in.Op = opCmov
		if ty.IsFloat() {
			in.Op = opSelectBranchy
		}
		in.Size2 = aluSize(sz)
		if ty.IsFloat() {
			in.Size2 = floatSize(ty)
		}
		n := ops.len()
		ops.add(use(c, args[1]), use(c, args[2]), regalloc.ReuseDef(c.Output(res[0]), n+1))
		emit(c, in, ops.list()...)
		return nil

	case ir.OpSmin, ir.OpSmax, ir.OpUmin, ir.OpUmax:
		// x < y ? x : y as cmp + cmov.
		cc := asm.CondA
		switch op {
		case ir.OpSmin:
			cc = asm.CondL
		case ir.OpSmax:
			cc = asm.CondG
		case ir.OpUmin:
			cc = asm.CondB
		}
		emit(c, Inst{Op: opCmov, Size: sz, CC: cc, Size2: aluSize(sz)}, use(c, args[0]), use(c, args[1]), use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 3))
		return nil

	case ir.OpIabs:
		n := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opUnary, Unary: asm.Neg, Size: aluSize(sz)}, use(c, args[0]), regalloc.ReuseDef(n, 0))
		// x < 0 ? -x : x
		emit(c, Inst{Op: opCmov, Size: sz, CC: asm.CondL, HasImm: true, Size2: aluSize(sz)}, use(c, args[0]), regalloc.Use(n), use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 2))
		return nil

	case ir.OpBmask:
		var in Inst
		var ops opList
		if err := condOf(c, args[0], &in, &ops); err != nil {
			return err
		}
		in.Op = opCmpSet
		b := c.NewVReg(regalloc.Int)
		ops.add(regalloc.Def(b))
		emit(c, in, ops.list()...)
		emit(c, Inst{Op: opUnary, Unary: asm.Neg, Size: aluSize(sz)}, regalloc.Use(b), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpBitselect:
		if ty.IsFloat() {
			xor, and := sse(ty, [2]asm.Op{asm.Xorps, asm.Xorpd}), sse(ty, [2]asm.Op{asm.Andps, asm.Andpd})
			t1, t2 := c.NewVReg(regalloc.Float), c.NewVReg(regalloc.Float)
			emit(c, Inst{Op: opSse, SseOp: xor}, use(c, args[1]), use(c, args[2]), regalloc.ReuseDef(t1, 0))
			emit(c, Inst{Op: opSse, SseOp: and}, regalloc.Use(t1), use(c, args[0]), regalloc.ReuseDef(t2, 0))
			emit(c, Inst{Op: opSse, SseOp: xor}, regalloc.Use(t2), use(c, args[2]), regalloc.ReuseDef(c.Output(res[0]), 0))
			return nil
		}
		if !isInt {
			return unsupported(c, "bitselect."+ty.String())
		}
		// (c & x) | (~c & y)  ==  ((x ^ y) & c) ^ y
		t1, t2 := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opAluRR, Alu: asm.Xor, Size: aluSize(sz)}, use(c, args[1]), use(c, args[2]), regalloc.ReuseDef(t1, 0))
		emit(c, Inst{Op: opAluRR, Alu: asm.And, Size: aluSize(sz)}, regalloc.Use(t1), use(c, args[0]), regalloc.ReuseDef(t2, 0))
		emit(c, Inst{Op: opAluRR, Alu: asm.Xor, Size: aluSize(sz)}, regalloc.Use(t2), use(c, args[2]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpUextend, ir.OpSextend:
		if op == ir.OpUextend && sz == asm.Size64 {
			var m amode
			var ops opList
			if lea32Of(c, args[0], &m, &ops) {
				// Rule: uextend.i64 (iadd.i32 ...) is one lea with a
				// 32-bit destination: it wraps at 32 bits and zeroes the
				// upper half, exactly the wasm32 address computation.
				ops.add(def(c, res[0]))
				emit(c, Inst{Op: opLea, Size: asm.Size32, Mem: m}, ops.list()...)
				return nil
			}
		}
		from, _ := sizeOf(dfg.ValueType(args[0]))
		emit(c, Inst{Op: opExtend, Size: sz, Size2: from, Signed: op == ir.OpSextend}, use(c, args[0]), def(c, res[0]))
		return nil

	case ir.OpIreduce:
		emit(c, Inst{Op: opMove}, use(c, args[0]), def(c, res[0]))
		return nil

	case ir.OpClz, ir.OpCtz, ir.OpPopcnt, ir.OpCls:
		return be.lowerBitCount(c, op, sz, args[0], res[0])

	case ir.OpBswap:
		if sz == asm.Size16 {
			emit(c, Inst{Op: opShiftRI, Shift: asm.Rol, Size: asm.Size16, Imm: 8}, use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 0))
			return nil
		}
		emit(c, Inst{Op: opBswap, Size: sz}, use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpBitrev:
		t1, t2 := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opBitrev, Size: sz}, use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 0), regalloc.Temp(t1), regalloc.Temp(t2))
		return nil

	case ir.OpLoad, ir.OpUload8, ir.OpSload8, ir.OpUload16, ir.OpSload16, ir.OpUload32, ir.OpSload32:
		var ops opList
		in := Inst{Op: opLoad, Mem: amodeOf(c, args[0], int64(d.Offset()), &ops), Trap: loadTrap(d)}
		switch op {
		case ir.OpLoad:
			if ty.IsFloat() {
				in.SseOp = sse(ty, [2]asm.Op{asm.Movss, asm.Movsd})
				in.Size = floatSize(ty)
			} else {
				in.Size, in.Size2 = aluSize(sz), sz
			}
		case ir.OpUload8, ir.OpSload8:
			in.Size, in.Size2, in.Signed = aluSize(sz), asm.Size8, op == ir.OpSload8
		case ir.OpUload16, ir.OpSload16:
			in.Size, in.Size2, in.Signed = aluSize(sz), asm.Size16, op == ir.OpSload16
		case ir.OpUload32, ir.OpSload32:
			in.Size, in.Size2, in.Signed = sz, asm.Size32, op == ir.OpSload32
		}
		ops.add(def(c, res[0]))
		emit(c, in, ops.list()...)
		return nil

	case ir.OpStore, ir.OpIstore8, ir.OpIstore16, ir.OpIstore32:
		v := args[0]
		vt := dfg.ValueType(v)
		// ops[0] is left for the value a register store reads (requested
		// after the address).
		var ops opList
		ops.n = 1
		in := Inst{Mem: amodeOf(c, args[1], int64(d.Offset()), &ops), Trap: loadTrap(d)}
		switch op {
		case ir.OpIstore8:
			in.Size = asm.Size8
		case ir.OpIstore16:
			in.Size = asm.Size16
		case ir.OpIstore32:
			in.Size = asm.Size32
		default:
			if vt.IsFloat() {
				in.SseOp = sse(vt, [2]asm.Op{asm.MovssSt, asm.MovsdSt})
				in.Size = floatSize(vt)
			} else {
				in.Size, _ = sizeOf(vt)
			}
		}
		// Rule: store of a small constant is a store-immediate.
		if !vt.IsFloat() {
			if k, ok := imm32Of(c, v, in.Size); ok {
				// A narrow store keeps the low bits: truncate the
				// constant to the store's width so it encodes.
				switch in.Size {
				case asm.Size8:
					k = int64(int8(k))
				case asm.Size16:
					k = int64(int16(k))
				case asm.Size32:
					k = int64(int32(k))
				}
				in.Op, in.Imm, in.MemAt = opStoreImm, k, 0
				emit(c, in, ops.list()[1:]...)
				return nil
			}
		}
		in.Op, in.MemAt = opStore, 1
		ops.ops[0] = use(c, v)
		emit(c, in, ops.list()...)
		return nil

	case ir.OpStackAddr:
		emit(c, Inst{Op: opLea, Size: asm.Size64, Mem: amode{kind: amSlot, slot: d.Entity, disp: d.Offset()}}, def(c, res[0]))
		return nil

	case ir.OpReturn:
		locs, _, err := be.locsOf(0, be.abi, c.F.Signature.Returns, true)
		if err != nil {
			return err
		}
		ops := be.s.ops[:0]
		k := 0
		for _, a := range args {
			for _, r := range c.VRegs(a) {
				l := locs[k]
				k++
				if l.stack >= 0 {
					// A result beyond the registers: the caller's outgoing area.
					emit(c, stackValue(opStore, r, amode{kind: amFP, disp: 16 + l.stack}), regalloc.Use(r))
					continue
				}
				ops = append(ops, regalloc.FixedUse(r, l.reg))
			}
		}
		be.s.ops = ops
		emit(c, Inst{Op: opRet}, ops...)
		return nil

	case ir.OpTrap:
		emit(c, Inst{Op: opTrap, Trap: encoder.TrapCode(d.TrapCode())})
		return nil

	case ir.OpTrapz, ir.OpTrapnz:
		var in Inst
		var ops opList
		if err := condOf(c, args[0], &in, &ops); err != nil {
			return err
		}
		if op == ir.OpTrapz {
			in.CC ^= 1 // x86 condition codes pair up: cc^1 is the inverse
		}
		in.Op, in.Trap = opTrapIf, encoder.TrapCode(d.TrapCode())
		emit(c, in, ops.list()...)
		return nil

	case ir.OpUaddOverflowTrap:
		emit(c, Inst{Op: opAddTrap, Size: sz, Trap: encoder.TrapCode(d.TrapCode())}, use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpUaddOverflow, ir.OpSaddOverflow, ir.OpUsubOverflow, ir.OpSsubOverflow, ir.OpSmulOverflow:
		alu := map[ir.Opcode]asm.AluOp{ir.OpUaddOverflow: asm.Add, ir.OpSaddOverflow: asm.Add, ir.OpUsubOverflow: asm.Sub, ir.OpSsubOverflow: asm.Sub, ir.OpSmulOverflow: asm.Cmp}[op]
		cc := map[ir.Opcode]asm.CC{ir.OpUaddOverflow: asm.CondB, ir.OpSaddOverflow: asm.CondO, ir.OpUsubOverflow: asm.CondB, ir.OpSsubOverflow: asm.CondO, ir.OpSmulOverflow: asm.CondO}[op]
		if op == ir.OpSmulOverflow && sz == asm.Size8 {
			return be.mulOverflow8(c, true, args, res)
		}
		emit(c, Inst{Op: opAluFlag, Alu: alu, Size: sz, CC: cc, Signed: op == ir.OpSmulOverflow}, use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0), def(c, res[1]))
		return nil

	case ir.OpUmulOverflow:
		if sz == asm.Size8 {
			return be.mulOverflow8(c, false, args, res)
		}
		emitClobber(c, Inst{Op: opMulFlag, Size: sz}, regalloc.RegSetOf(gprP(asm.RDX)),
			regalloc.FixedUse(c.VReg(args[0]), gprP(asm.RAX)), regalloc.UseAtEnd(c.VReg(args[1])),
			regalloc.FixedDef(c.Output(res[0]), gprP(asm.RAX)), def(c, res[1]))
		return nil

	case ir.OpFadd, ir.OpFsub, ir.OpFmul, ir.OpFdiv:
		return be.lowerSseBinary(c, op, ty, args[0], args[1], res[0])

	case ir.OpFmin, ir.OpFmax:
		emit(c, Inst{Op: opFminmax, Size: floatSize(ty), Signed: op == ir.OpFmax}, use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpSqrt:
		emit(c, Inst{Op: opSseUnary, SseOp: sse(ty, [2]asm.Op{asm.Sqrtss, asm.Sqrtsd})}, use(c, args[0]), def(c, res[0]))
		return nil

	case ir.OpCeil, ir.OpFloor, ir.OpTrunc, ir.OpNearest:
		mode := map[ir.Opcode]int64{ir.OpNearest: 0, ir.OpFloor: 1, ir.OpCeil: 2, ir.OpTrunc: 3}[op]
		if !be.flags.HasSSE41 {
			// Rule (base x86-64): an SSE2 sequence instead of a libcall.
			t := c.NewVReg(regalloc.Float)
			emit(c, Inst{Op: opRoundSoft, Size: floatSize(ty), Imm: mode}, use(c, args[0]),
				regalloc.NewOperand(c.Output(res[0]), regalloc.DefKind, regalloc.Early, regalloc.Reg, 0), regalloc.Temp(t))
			return nil
		}
		emit(c, Inst{Op: opSseUnary, SseOp: sse(ty, [2]asm.Op{asm.Roundss, asm.Roundsd}), HasImm: true, Imm: mode | 8}, use(c, args[0]), def(c, res[0]))
		return nil

	case ir.OpFneg, ir.OpFabs:
		var mask uint64
		bits := ty.Bits()
		if op == ir.OpFneg {
			mask = 1 << (bits - 1)
		} else {
			mask = 1<<(bits-1) - 1
		}
		sop := sse(ty, [2]asm.Op{asm.Xorps, asm.Xorpd})
		if op == ir.OpFabs {
			sop = sse(ty, [2]asm.Op{asm.Andps, asm.Andpd})
		}
		emit(c, Inst{Op: opSseMask, SseOp: sop, Size: floatSize(ty), Imm: int64(mask)}, use(c, args[0]), regalloc.ReuseDef(c.Output(res[0]), 0))
		return nil

	case ir.OpFcopysign:
		t := c.NewVReg(regalloc.Float)
		emit(c, Inst{Op: opCopysign, Size: floatSize(ty)}, use(c, args[0]), use(c, args[1]), regalloc.ReuseDef(c.Output(res[0]), 0), regalloc.Temp(t))
		return nil

	case ir.OpFpromote:
		emit(c, Inst{Op: opSseUnary, SseOp: asm.Cvtss2sd}, use(c, args[0]), def(c, res[0]))
		return nil
	case ir.OpFdemote:
		emit(c, Inst{Op: opSseUnary, SseOp: asm.Cvtsd2ss}, use(c, args[0]), def(c, res[0]))
		return nil

	case ir.OpFcvtFromSint, ir.OpFcvtFromUint:
		at := dfg.ValueType(args[0])
		asz, _ := sizeOf(at)
		cvt := sse(ty, [2]asm.Op{asm.Cvtsi2ss, asm.Cvtsi2sd})
		src := c.VReg(args[0])
		signed := op == ir.OpFcvtFromSint
		if asz == asm.Size64 && !signed {
			t1, t2 := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opCvtU64, SseOp: cvt, Size: floatSize(ty)}, regalloc.Use(src), def(c, res[0]), regalloc.Temp(t1), regalloc.Temp(t2))
			return nil
		}
		csz := asm.Size64
		if asz < asm.Size64 {
			// Extend to 64 bits: exact for every 8/16/32-bit value, signed or not.
			src = be.extendTo(c, args[0], asz, asm.Size64, signed)
		}
		emit(c, Inst{Op: opGprToXmm, SseOp: cvt, Size: csz}, regalloc.Use(src), def(c, res[0]))
		return nil

	case ir.OpFcvtToSint, ir.OpFcvtToUint, ir.OpFcvtToSintSat, ir.OpFcvtToUintSat:
		if sz < asm.Size32 {
			return unsupported(c, op.String()+"."+ty.String())
		}
		ft, it := c.NewVReg(regalloc.Float), c.NewVReg(regalloc.Int)
		sub := map[ir.Opcode]uint8{ir.OpFcvtToSint: cvtSint, ir.OpFcvtToUint: cvtUint, ir.OpFcvtToSintSat: cvtSintSat, ir.OpFcvtToUintSat: cvtUintSat}[op]
		emit(c, Inst{Op: opCvtToInt, Sub: sub, Size: sz, Size2: floatSize(dfg.ValueType(args[0]))},
			use(c, args[0]), regalloc.NewOperand(c.Output(res[0]), regalloc.DefKind, regalloc.Early, regalloc.Reg, 0), regalloc.Temp(ft), regalloc.Temp(it))
		return nil

	case ir.OpBitcast:
		at := dfg.ValueType(args[0])
		switch {
		case at.IsFloat() && !ty.IsFloat():
			emit(c, Inst{Op: opXmmToGpr, SseOp: asm.MovdFromX, Size: floatSize(at)}, use(c, args[0]), def(c, res[0]))
		case !at.IsFloat() && ty.IsFloat():
			emit(c, Inst{Op: opGprToXmm, SseOp: asm.MovdToX, Size: floatSize(ty)}, use(c, args[0]), def(c, res[0]))
		default:
			emit(c, Inst{Op: opMove}, use(c, args[0]), def(c, res[0]))
		}
		return nil

	case ir.OpAtomicLoad:
		emit(c, Inst{Op: opLoad, Mem: amode{kind: amReg}, Size: aluSize(sz), Size2: sz, Trap: loadTrap(d)}, use(c, args[0]), def(c, res[0]))
		return nil

	case ir.OpAtomicStore:
		vsz, _ := sizeOf(dfg.ValueType(args[0]))
		t := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opAtomicStore, Size: vsz, Mem: amode{kind: amReg}, MemAt: 1, Trap: loadTrap(d)}, use(c, args[0]), use(c, args[1]), regalloc.Temp(t))
		return nil

	case ir.OpFence:
		emit(c, Inst{Op: opFence})
		return nil

	case ir.OpAtomicCas:
		emit(c, Inst{Op: opAtomicCas, Size: sz, Mem: amode{kind: amReg}, MemAt: 2, Trap: loadTrap(d)},
			regalloc.FixedUse(c.VReg(args[1]), gprP(asm.RAX)), use(c, args[2]), use(c, args[0]), regalloc.FixedDef(c.Output(res[0]), gprP(asm.RAX)))
		return nil

	case ir.OpAtomicRmw:
		p, x := args[0], args[1]
		in := Inst{Op: opAtomicRmw, Size: sz, Sub: d.Code, Mem: amode{kind: amReg}, MemAt: 1, Trap: loadTrap(d)}
		switch d.AtomicOp() {
		case ir.AtomicXchg, ir.AtomicAdd, ir.AtomicSub:
			emit(c, in, use(c, x), use(c, p), regalloc.ReuseDef(c.Output(res[0]), 0))
		default:
			emit(c, in, regalloc.UseAtEnd(c.VReg(x)), regalloc.UseAtEnd(c.VReg(p)), regalloc.FixedDef(c.Output(res[0]), gprP(asm.RAX)))
		}
		return nil

	case ir.OpCall, ir.OpCallIndirect, ir.OpReturnCall, ir.OpReturnCallIndirect:
		return be.lowerCall(c, i)
	}
	return unsupported(c, d.Opcode.String())
}

// Conversion kinds of opCvtToInt.
const (
	cvtSint uint8 = iota
	cvtUint
	cvtSintSat
	cvtUintSat
)

func loadTrap(d *ir.InstData) encoder.TrapCode {
	if d.Flags.NoTrap() {
		return 0
	}
	return encoder.TrapCode(ir.TrapHeapOutOfBounds)
}

// foldableLoad matches a plain load of type ty whose only use is here.
func (be *backend) foldableLoad(c *ctx, v ir.Value, ty ir.Type) ir.Inst {
	l := c.SinkableLoad(v)
	if l == ir.NoInst || c.F.DFG.Insts[l].Opcode != ir.OpLoad || c.F.DFG.ValueType(v) != ty {
		return ir.NoInst
	}
	return l
}

func (be *backend) aluMem(c *ctx, alu asm.AluOp, sz asm.Size, x ir.Value, l ir.Inst, r ir.Value) error {
	c.Sink(l)
	d := &c.F.DFG.Insts[l]
	var ops opList
	ops.n = 1 // x goes first, requested after the address
	m := amodeOf(c, c.F.DFG.Args(l)[0], int64(d.Offset()), &ops)
	ops.ops[0] = use(c, x)
	ops.add(regalloc.ReuseDef(c.Output(r), 0))
	emit(c, Inst{Op: opAluRM, Alu: alu, Size: sz, Mem: m, MemAt: 1, Trap: loadTrap(d)}, ops.list()...)
	return nil
}

// extend returns a vreg holding v (of size sz) extended to 32 bits.
func (be *backend) extend(c *ctx, v ir.Value, sz asm.Size, signed bool) regalloc.VReg {
	return be.extendTo(c, v, sz, asm.Size32, signed)
}

func (be *backend) extendTo(c *ctx, v ir.Value, from, to asm.Size, signed bool) regalloc.VReg {
	t := c.NewVReg(regalloc.Int)
	emit(c, Inst{Op: opExtend, Size: to, Size2: from, Signed: signed}, use(c, v), regalloc.Def(t))
	return t
}

// lowerDiv: x86 div/idiv take the dividend in rdx:rax. 8- and 16-bit
// operands are widened to 32 bits first (the checks still use the narrow
// type's minimum).
func (be *backend) lowerDiv(c *ctx, op ir.Opcode, sz asm.Size, args []ir.Value, r ir.Value) error {
	signed := op == ir.OpSdiv || op == ir.OpSrem
	rem := op == ir.OpUrem || op == ir.OpSrem
	x, y := c.VReg(args[0]), c.VReg(args[1])
	dsz := sz
	if sz < asm.Size32 {
		x, y = be.extend(c, args[0], sz, signed), be.extend(c, args[1], sz, signed)
		dsz = asm.Size32
	}
	out, other := asm.RAX, asm.RDX
	if rem {
		out, other = asm.RDX, asm.RAX
	}
	var sub uint8
	if rem {
		sub = 1
	}
	minVal := int64(-1) << (uint(sz)*8 - 1)
	emitClobber(c, Inst{Op: opDiv, Size: dsz, Signed: signed, Sub: sub, Imm: minVal}, regalloc.RegSetOf(gprP(other)),
		regalloc.FixedUse(x, gprP(asm.RAX)), regalloc.UseAtEnd(y), regalloc.FixedDef(c.Output(r), gprP(out)))
	return nil
}

// Bit-count kinds of opBitCount.
const (
	bcClz uint8 = iota
	bcCtz
	bcPopcnt
	bcCls
)

func (be *backend) lowerBitCount(c *ctx, op ir.Opcode, sz asm.Size, x ir.Value, r ir.Value) error {
	sub := map[ir.Opcode]uint8{ir.OpClz: bcClz, ir.OpCtz: bcCtz, ir.OpPopcnt: bcPopcnt, ir.OpCls: bcCls}[op]
	src := c.VReg(x)
	csz := sz
	if sz < asm.Size32 {
		src = be.extend(c, x, sz, sub == bcCls)
		csz = asm.Size32
	}
	t := c.NewVReg(regalloc.Int)
	// Imm carries the narrow width so the emitter can correct the count.
	emit(c, Inst{Op: opBitCount, Sub: sub, Size: csz, Imm: int64(sz) * 8}, regalloc.Use(src),
		regalloc.NewOperand(c.Output(r), regalloc.DefKind, regalloc.Early, regalloc.Reg, 0), regalloc.Temp(t))
	return nil
}

// lowerCall places arguments per the callee's convention: register
// arguments as fixed uses of the call, stack arguments stored into the
// outgoing area first; results are fixed defs; the caller-saved set is
// clobbered.
func (be *backend) lowerCall(c *ctx, i ir.Inst) error {
	f := c.F
	d := &f.DFG.Insts[i]
	if ok, err := be.lowerSpecialCall(c, i); ok {
		return err
	}
	sig := f.CallSignature(i)
	if sig == nil {
		return unsupported(c, "call without a signature")
	}
	cabi, err := be.calleeABI(sig.CallConv)
	if err != nil {
		return err
	}
	args := f.CallArgs(i)
	locs, stack, err := be.locsOf(0, cabi, sig.Params, false)
	if err != nil {
		return err
	}
	rlocs, rstack, err := be.locsOf(1, cabi, sig.Returns, true)
	if err != nil {
		return err
	}
	tail := d.Opcode == ir.OpReturnCall || d.Opcode == ir.OpReturnCallIndirect
	if tail && (stack > 0 || rstack > 0) {
		// A tail call passes its stack arguments in this function's own
		// incoming area (our caller reserved max(our stack params, our
		// stack results) bytes there, or the prologue grew it), and the
		// callee, whose results are
		// ours, writes stack results where our caller expects ours. The
		// incoming stack parameters were all loaded into registers by
		// the entry block, so overwriting the area is safe.
		_, ourParams, err := be.locsOf(2, be.abi, c.F.Signature.Params, false)
		if err != nil {
			return err
		}
		_, ourResults, err := be.locsOf(2, be.abi, c.F.Signature.Returns, true)
		if err != nil {
			return err
		}
		if rstack != ourResults {
			return unsupported(c, "tail call with different stack results")
		}
		if stack > max(ourParams, ourResults) {
			// More than our caller reserved: the prologue grows the
			// incoming area (tailgrow.go).
			be.tailArea = max(be.tailArea, stack)
		}
	}
	if !tail {
		be.outgoing = max(be.outgoing, stack, rstack)
	}
	ops := be.s.ops[:0]
	k := 0
	for _, a := range args {
		for _, r := range c.VRegs(a) {
			l := locs[k]
			k++
			if l.stack >= 0 {
				in := Inst{Op: opStoreArg, Imm: int64(l.stack), Size: asm.Size64}
				if tail {
					in.Sub = 1 // into the incoming area, FP-relative
				}
				if r.Class() == regalloc.Float {
					in.SseOp = asm.MovsdSt
				}
				emit(c, in, regalloc.Use(r))
				continue
			}
			ops = append(ops, regalloc.FixedUse(r, l.reg))
		}
	}
	in := Inst{Op: opCall}
	if tail {
		in.Op = opReturnCall
	}
	switch d.Opcode {
	case ir.OpCall, ir.OpReturnCall:
		fr := d.FuncRef()
		if int(fr) < 0 || int(fr) >= len(f.ExtFuncs) {
			return unsupported(c, "call to an undeclared function")
		}
		sym, ok := be.resolve(f.ExtFuncs[fr].Name)
		if !ok {
			return unsupported(c, "call to unresolvable "+f.ExtFuncs[fr].Name.String())
		}
		in.Sym = sym
	default:
		callee := f.DFG.Args(i)[0]
		if tail {
			ops = append(ops, regalloc.FixedUse(c.VReg(callee), gprP(asm.R10)))
		} else {
			ops = append(ops, regalloc.Use(c.VReg(callee)))
		}
		in.Sub = 1 // indirect
		in.Imm = int64(len(ops) - 1)
	}
	if !tail {
		k := 0
		var stackResults []regalloc.VReg
		var stackOffs []int32
		for _, r := range f.DFG.Results(i) {
			for _, v := range c.OutputRegs(r) {
				if l := rlocs[k]; l.stack >= 0 {
					stackResults, stackOffs = append(stackResults, v), append(stackOffs, l.stack)
				} else {
					ops = append(ops, regalloc.FixedDef(v, l.reg))
				}
				k++
			}
		}
		be.s.ops = ops
		emitClobber(c, in, clobbersOf(cabi), ops...)
		for k, v := range stackResults {
			emit(c, stackValue(opLoad, v, amode{kind: amSP, disp: stackOffs[k]}), regalloc.Def(v))
		}
		return nil
	}
	if len(sig.Returns) != len(c.F.Signature.Returns) {
		return unsupported(c, "return_call with a different result count")
	}
	be.s.ops = ops
	emit(c, in, ops...)
	return nil
}

var _ = math.MaxInt32

// mulOverflow8: x86 has no two-operand 8-bit multiply; multiply at 32 bits
// and test whether the product fits in 8 bits.
func (be *backend) mulOverflow8(c *ctx, signed bool, args, res []ir.Value) error {
	x, y := be.extend(c, args[0], asm.Size8, signed), be.extend(c, args[1], asm.Size8, signed)
	p := c.NewVReg(regalloc.Int)
	emit(c, Inst{Op: opImulRR, Size: asm.Size32}, regalloc.Use(x), regalloc.Use(y), regalloc.ReuseDef(p, 0))
	emit(c, Inst{Op: opMove}, regalloc.Use(p), regalloc.Def(c.Output(res[0])))
	if !signed {
		emit(c, Inst{Op: opCmpSet, Size: asm.Size32, CC: asm.CondA, HasImm: true, Imm: 0xff}, regalloc.Use(p), regalloc.Def(c.Output(res[1])))
		return nil
	}
	t := c.NewVReg(regalloc.Int)
	emit(c, Inst{Op: opExtend, Size: asm.Size32, Size2: asm.Size8, Signed: true}, regalloc.Use(p), regalloc.Def(t))
	emit(c, Inst{Op: opCmpSet, Size: asm.Size32, CC: asm.CondNE}, regalloc.Use(p), regalloc.Use(t), regalloc.Def(c.Output(res[1])))
	return nil
}

// lowerAlu selects add/sub/and/or/xor: an immediate operand first, then a
// folded load, then the register form.
func (be *backend) lowerAlu(c *ctx, op ir.Opcode, sz asm.Size, args []ir.Value, r ir.Value) error {
	ty := c.F.DFG.ValueType(r)
	alu := aluOpOf(op)
	x, y := args[0], args[1]
	// Rule (prio 3): x + imm32 where x lives on: lea dst, [x+imm] leaves x
	// in place, where add would need a copy of it first.
	if op == ir.OpIadd {
		for k, a := range args {
			if imm, ok := imm32Of(c, args[1-k], sz); ok && !be.diesHere(c, a) {
				emit(c, Inst{Op: opLea, Size: asm.Size64, Mem: amode{kind: amReg, disp: int32(imm)}}, use(c, a), def(c, r))
				return nil
			}
		}
	}
	// Rule (prio 2): x op imm32.
	if k, ok := imm32Of(c, y, sz); ok {
		emit(c, Inst{Op: opAluRI, Alu: alu.op, Size: aluSize(sz), Imm: k}, use(c, x), regalloc.ReuseDef(c.Output(r), 0))
		return nil
	}
	if alu.comm {
		if k, ok := imm32Of(c, x, sz); ok {
			emit(c, Inst{Op: opAluRI, Alu: alu.op, Size: aluSize(sz), Imm: k}, use(c, y), regalloc.ReuseDef(c.Output(r), 0))
			return nil
		}
	}
	if alu.comm {
		x, y = be.commuteFor(c, x, y)
	}
	// Rule (prio 1): x op (load p) folds the load into the ALU operand
	// (32/64-bit loads only: narrower ones would read too few bytes);
	// commutative, with x live on, the load becomes the result instead
	// (operands.go).
	if sz >= asm.Size32 && !(alu.comm && !be.diesHere(c, x) && be.foldableLoad(c, y, ty) != ir.NoInst) {
		if l := be.foldableLoad(c, y, ty); l != ir.NoInst {
			return be.aluMem(c, alu.op, sz, x, l, r)
		}
		if alu.comm {
			if l := be.foldableLoad(c, x, ty); l != ir.NoInst {
				return be.aluMem(c, alu.op, sz, y, l, r)
			}
		}
	}
	if alu.comm && !be.diesHere(c, x) {
		if op == ir.OpIadd && !be.diesHere(c, y) {
			// Rule: x + y with both live on: lea dst, [x+y].
			emit(c, Inst{Op: opLea, Size: asm.Size64, Mem: amode{kind: amReg, hasIndex: true, scale: 1}}, use(c, x), use(c, y), def(c, r))
			return nil
		}
		if be.foldableLoad(c, y, ty) != ir.NoInst || be.diesHere(c, y) {
			x, y = y, x
		}
	}
	emit(c, Inst{Op: opAluRR, Alu: alu.op, Size: aluSize(sz)}, use(c, x), use(c, y), regalloc.ReuseDef(c.Output(r), 0))
	return nil
}

// stackValue is an 8-byte load or store of v at m (a frame slot outside
// the allocator's view: stack results).
func stackValue(op Op, v regalloc.VReg, m amode) Inst {
	in := Inst{Op: op, Mem: m, Size: asm.Size64, Size2: asm.Size64}
	if v.Class() == regalloc.Float {
		in.SseOp = asm.Movsd
		if op == opStore {
			in.SseOp = asm.MovsdSt
		}
	}
	if op == opStore {
		in.MemAt = 1
	}
	return in
}
