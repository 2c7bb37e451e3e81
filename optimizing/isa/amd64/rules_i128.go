package amd64

import (
	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/regalloc"
)

// i128 values live in two 64-bit registers, low half first
// (lower.NumRegs). These rules cover what the runtests use; division and
// iconst.i128 wider than 64 bits are not lowered.

func pairUse(c *ctx, v ir.Value) (regalloc.VReg, regalloc.VReg) {
	rs := c.VRegs(v)
	if len(rs) == 1 {
		return rs[0], rs[0]
	}
	return rs[0], rs[1]
}

func pairOut(c *ctx, v ir.Value) (regalloc.VReg, regalloc.VReg) {
	rs := c.OutputRegs(v)
	return rs[0], rs[1]
}

// lowUse returns the register holding the low 64 bits of v, whatever its
// width: shift amounts and reductions only read those.
func lowUse(c *ctx, v ir.Value) regalloc.VReg { return c.VRegs(v)[0] }

func move(c *ctx, src, dst regalloc.VReg) {
	emit(c, Inst{Op: opMove}, regalloc.Use(src), regalloc.Def(dst))
}

func (be *backend) lowerI128(c *ctx, i ir.Inst) error {
	dfg := &c.F.DFG
	d := &dfg.Insts[i]
	args := dfg.Args(i)
	res := dfg.Results(i)
	var ty ir.Type
	if len(res) > 0 {
		ty = dfg.ValueType(res[0])
	}
	switch op := d.Opcode; op {
	case ir.OpIconcat:
		lo, hi := pairOut(c, res[0])
		move(c, lowUse(c, args[0]), lo)
		move(c, lowUse(c, args[1]), hi)
		return nil
	case ir.OpIsplit:
		lo, hi := pairUse(c, args[0])
		move(c, lo, c.Output(res[0]))
		move(c, hi, c.Output(res[1]))
		return nil
	case ir.OpIreduce:
		emit(c, Inst{Op: opMove}, regalloc.Use(lowUse(c, args[0])), def(c, res[0]))
		return nil
	case ir.OpUextend, ir.OpSextend:
		lo, hi := pairOut(c, res[0])
		from, _ := sizeOf(dfg.ValueType(args[0]))
		emit(c, Inst{Op: opExtend, Size: asm.Size64, Size2: from, Signed: op == ir.OpSextend}, use(c, args[0]), regalloc.Def(lo))
		if op == ir.OpUextend {
			emit(c, Inst{Op: opImm, Size: asm.Size64}, regalloc.Def(hi))
		} else {
			emit(c, Inst{Op: opShiftRI, Shift: asm.Sar, Size: asm.Size64, Imm: 63}, regalloc.Use(lo), regalloc.ReuseDef(hi, 0))
		}
		return nil
	case ir.OpIconst:
		lo, hi := pairOut(c, res[0])
		k := d.ImmSigned()
		emit(c, Inst{Op: opImm, Size: asm.Size64, Imm: k}, regalloc.Def(lo))
		emit(c, Inst{Op: opImm, Size: asm.Size64, Imm: k >> 63}, regalloc.Def(hi))
		return nil
	case ir.OpIadd, ir.OpIsub, ir.OpBand, ir.OpBor, ir.OpBxor:
		alu := map[ir.Opcode]asm.AluOp{ir.OpIadd: asm.Add, ir.OpIsub: asm.Sub, ir.OpBand: asm.And, ir.OpBor: asm.Or, ir.OpBxor: asm.Xor}[op]
		alo, ahi := pairUse(c, args[0])
		blo, bhi := pairUse(c, args[1])
		lo, hi := pairOut(c, res[0])
		emit(c, Inst{Op: opAlu128, Alu: alu, Size: asm.Size64}, regalloc.Use(alo), regalloc.Use(ahi), regalloc.Use(blo), regalloc.Use(bhi),
			regalloc.ReuseDef(lo, 0), regalloc.ReuseDef(hi, 1))
		return nil
	case ir.OpBnot:
		alo, ahi := pairUse(c, args[0])
		lo, hi := pairOut(c, res[0])
		emit(c, Inst{Op: opUnary, Unary: asm.Not, Size: asm.Size64}, regalloc.Use(alo), regalloc.ReuseDef(lo, 0))
		emit(c, Inst{Op: opUnary, Unary: asm.Not, Size: asm.Size64}, regalloc.Use(ahi), regalloc.ReuseDef(hi, 0))
		return nil
	case ir.OpIneg:
		// 0 - x
		z1, z2 := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opImm, Size: asm.Size64}, regalloc.Def(z1))
		emit(c, Inst{Op: opImm, Size: asm.Size64}, regalloc.Def(z2))
		alo, ahi := pairUse(c, args[0])
		lo, hi := pairOut(c, res[0])
		emit(c, Inst{Op: opAlu128, Alu: asm.Sub, Size: asm.Size64}, regalloc.Use(z1), regalloc.Use(z2), regalloc.Use(alo), regalloc.Use(ahi),
			regalloc.ReuseDef(lo, 0), regalloc.ReuseDef(hi, 1))
		return nil
	case ir.OpImul:
		alo, ahi := pairUse(c, args[0])
		blo, bhi := pairUse(c, args[1])
		lo, hi := pairOut(c, res[0])
		t := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opMul128, Size: asm.Size64}, regalloc.FixedUse(alo, gprP(asm.RAX)), regalloc.UseAtEnd(ahi), regalloc.UseAtEnd(blo), regalloc.UseAtEnd(bhi),
			regalloc.FixedDef(lo, gprP(asm.RAX)), regalloc.FixedDef(hi, gprP(asm.RDX)), regalloc.Temp(t))
		return nil
	case ir.OpIcmp:
		if dfg.ValueType(args[0]) != ir.I128 {
			break
		}
		be.cmp128(c, args[0], args[1], d.IntCC(), c.Output(res[0]))
		return nil
	case ir.OpIshl, ir.OpUshr, ir.OpSshr, ir.OpRotl, ir.OpRotr:
		if ty != ir.I128 {
			// A narrow shift by an i128 amount reads the amount's low half.
			sz, _ := sizeOf(ty)
			t := c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opShiftRR, Shift: shiftOpOf(op), Size: sz}, use(c, args[0]), regalloc.Use(lowUse(c, args[1])), regalloc.ReuseDef(c.Output(res[0]), 0), earlyFixed(t, gprP(asm.RCX)))
			return nil
		}
		alo, ahi := pairUse(c, args[0])
		amt := lowUse(c, args[1])
		lo, hi := pairOut(c, res[0])
		if op == ir.OpRotl || op == ir.OpRotr {
			// rotl(x, n) = (x << n) | (x >> -n): shifts take n mod 128.
			first, second := asm.Shl, asm.Shr
			if op == ir.OpRotr {
				first, second = asm.Shr, asm.Shl
			}
			neg := c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opUnary, Unary: asm.Neg, Size: asm.Size64}, regalloc.Use(amt), regalloc.ReuseDef(neg, 0))
			l1, h1 := be.shift128(c, first, alo, ahi, amt)
			l2, h2 := be.shift128(c, second, alo, ahi, neg)
			emit(c, Inst{Op: opAlu128, Alu: asm.Or, Size: asm.Size64}, regalloc.Use(l1), regalloc.Use(h1), regalloc.Use(l2), regalloc.Use(h2),
				regalloc.ReuseDef(lo, 0), regalloc.ReuseDef(hi, 1))
			return nil
		}
		l, h := be.shift128(c, shiftOpOf(op), alo, ahi, amt)
		move(c, l, lo)
		move(c, h, hi)
		return nil
	case ir.OpSelect, ir.OpSelectSpectreGuard:
		if ty != ir.I128 {
			break // an i128 condition: handled by condOf
		}
		tlo, thi := pairUse(c, args[1])
		flo, fhi := pairUse(c, args[2])
		lo, hi := pairOut(c, res[0])
		for _, p := range [][3]regalloc.VReg{{tlo, flo, lo}, {thi, fhi, hi}} {
			// The condition is recomputed for each half: not the
			// condition's only use, so no load is merged into the
			// compare (one copy would have it, the other would read it
			// in a register).
			var in Inst
			var ops opList
			if err := condOfUse(c, args[0], false, &in, &ops); err != nil {
				return err
			}
			in.Op, in.Size2 = opCmov, asm.Size64
			n := ops.len()
			ops.add(regalloc.Use(p[0]), regalloc.Use(p[1]), regalloc.ReuseDef(p[2], n+1))
			emit(c, in, ops.list()...)
		}
		return nil
	case ir.OpLoad:
		lo, hi := pairOut(c, res[0])
		for k, r := range []regalloc.VReg{lo, hi} {
			var ops opList
			m := amodeOf(c, args[0], int64(d.Offset())+int64(8*k), &ops)
			ops.add(regalloc.Def(r))
			emit(c, Inst{Op: opLoad, Mem: m, Size: asm.Size64, Size2: asm.Size64, Trap: loadTrap(d)}, ops.list()...)
		}
		return nil
	case ir.OpStore:
		vlo, vhi := pairUse(c, args[0])
		for k, r := range []regalloc.VReg{vlo, vhi} {
			var ops opList
			ops.n = 1 // the value goes first, requested after the address
			m := amodeOf(c, args[1], int64(d.Offset())+int64(8*k), &ops)
			ops.ops[0] = regalloc.Use(r)
			emit(c, Inst{Op: opStore, Mem: m, Size: asm.Size64, MemAt: 1, Trap: loadTrap(d)}, ops.list()...)
		}
		return nil
	case ir.OpBswap, ir.OpBitrev:
		alo, ahi := pairUse(c, args[0])
		lo, hi := pairOut(c, res[0])
		for _, p := range [][2]regalloc.VReg{{ahi, lo}, {alo, hi}} {
			if op == ir.OpBswap {
				emit(c, Inst{Op: opBswap, Size: asm.Size64}, regalloc.Use(p[0]), regalloc.ReuseDef(p[1], 0))
			} else {
				t1, t2 := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
				emit(c, Inst{Op: opBitrev, Size: asm.Size64}, regalloc.Use(p[0]), regalloc.ReuseDef(p[1], 0), regalloc.Temp(t1), regalloc.Temp(t2))
			}
		}
		return nil
	case ir.OpPopcnt, ir.OpClz, ir.OpCtz:
		alo, ahi := pairUse(c, args[0])
		lo, hi := pairOut(c, res[0])
		sub := map[ir.Opcode]uint8{ir.OpClz: bcClz, ir.OpCtz: bcCtz, ir.OpPopcnt: bcPopcnt}[op]
		count := func(x regalloc.VReg) regalloc.VReg {
			r, t := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opBitCount, Sub: sub, Size: asm.Size64, Imm: 64}, regalloc.Use(x),
				regalloc.NewOperand(r, regalloc.DefKind, regalloc.Early, regalloc.Reg, 0), regalloc.Temp(t))
			return r
		}
		cl, ch := count(alo), count(ahi)
		switch op {
		case ir.OpPopcnt:
			emit(c, Inst{Op: opAluRR, Alu: asm.Add, Size: asm.Size64}, regalloc.Use(cl), regalloc.Use(ch), regalloc.ReuseDef(lo, 0))
		default:
			// clz: hi's count unless it is 64, then 64 + lo's; ctz mirrored.
			first, second := ch, cl
			if op == ir.OpCtz {
				first, second = cl, ch
			}
			plus := c.NewVReg(regalloc.Int)
			emit(c, Inst{Op: opAluRI, Alu: asm.Add, Size: asm.Size64, Imm: 64}, regalloc.Use(second), regalloc.ReuseDef(plus, 0))
			emit(c, Inst{Op: opCmov, Size: asm.Size64, CC: asm.CondE, HasImm: true, Imm: 64, Size2: asm.Size64},
				regalloc.Use(first), regalloc.Use(plus), regalloc.Use(first), regalloc.ReuseDef(lo, 2))
		}
		emit(c, Inst{Op: opImm, Size: asm.Size64}, regalloc.Def(hi))
		return nil
	}
	return unsupported(c, d.Opcode.String()+" with i128 values")
}

// shift128 emits one i128 shift and returns the result halves.
func (be *backend) shift128(c *ctx, sh asm.ShiftOp, lo, hi, amt regalloc.VReg) (regalloc.VReg, regalloc.VReg) {
	rl, rh := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
	t1, t2, cx := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
	early := func(v regalloc.VReg) regalloc.Operand {
		return regalloc.NewOperand(v, regalloc.DefKind, regalloc.Early, regalloc.Reg, 0)
	}
	emit(c, Inst{Op: opShift128, Shift: sh, Size: asm.Size64}, regalloc.Use(lo), regalloc.Use(hi), regalloc.Use(amt),
		early(rl), early(rh), regalloc.Temp(t1), regalloc.Temp(t2), earlyFixed(cx, gprP(asm.RCX)))
	return rl, rh
}

// cmp128 sets dst to a cc b for i128 operands.
func (be *backend) cmp128(c *ctx, a, b ir.Value, cc ir.IntCC, dst regalloc.VReg) {
	switch cc {
	case ir.IntSGT, ir.IntSLE, ir.IntUGT, ir.IntULE:
		a, b, cc = b, a, cc.Swapped()
	}
	alo, ahi := pairUse(c, a)
	blo, bhi := pairUse(c, b)
	t1, t2 := c.NewVReg(regalloc.Int), c.NewVReg(regalloc.Int)
	emit(c, Inst{Op: opCmp128, CC: intCC[cc], Size: asm.Size64}, regalloc.Use(alo), regalloc.Use(ahi), regalloc.Use(blo), regalloc.Use(bhi),
		regalloc.Def(dst), regalloc.Temp(t1), regalloc.Temp(t2))
}
