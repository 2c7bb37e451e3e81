package amd64

import (
	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/regalloc"
)

// Two-address operand choice.
//
// Most x86 ALU and SSE instructions overwrite their first operand, so the
// lowering ties the result to one input (ReuseDef). When that input is
// still live afterwards the allocator must copy it first, and around a
// loop it may instead keep the value in a stack slot and reload it on
// every iteration (the matmul kernel's a[i][k] was reloaded twice per
// iteration that way). For a commutative operation the choice is free, so
// the rules below tie the result to the operand whose life ends here.

// diesHere reports whether the instruction being lowered is the last use
// of v: v is defined in this block, every IR use of v is in it, and this
// is the last of them in layout order. A value defined in another block
// may be live across a loop around this one (a loop invariant used once
// in the body), so it does not count. This is a heuristic for operand
// order only: the allocator still sees the real live ranges (a load
// merged into a later instruction reads its address there, for one).
func (be *backend) diesHere(c *ctx, v ir.Value) bool {
	cur := c.Current()
	m := &be.dies
	if m.inst != cur {
		m.inst, m.n = cur, 0
	}
	for k := range m.n {
		if m.v[k] == v {
			return m.r[k]
		}
	}
	r := be.lastUseHere(c, v, cur)
	if int(m.n) < len(m.v) {
		m.v[m.n], m.r[m.n] = v, r
		m.n++
	}
	return r
}

// dieMemo remembers diesHere's answers for the instruction being lowered:
// the rules of a two-address operation ask about each operand several
// times (to commute, to fold a load, to choose lea).
type dieMemo struct {
	inst ir.Inst
	n    uint8
	v    [4]ir.Value
	r    [4]bool
}

// lastUseHere computes diesHere; the lowering driver tracks the last
// uses (lower.Ctx.LastUse).
func (be *backend) lastUseHere(c *ctx, v ir.Value, cur ir.Inst) bool {
	v = c.F.DFG.ResolveAliases(v)
	b := c.F.Layout.InstBlock(cur)
	d := c.F.DFG.Def(v)
	switch {
	case d.Kind == ir.DefResult && c.F.Layout.InstBlock(d.Inst) == b:
	case d.Kind == ir.DefParam && d.Block == b:
	default:
		return false
	}
	return c.LastUse(v)
}

// commuteFor orders the operands of a commutative two-address operation:
// the one that dies here first (it becomes the result), unless both or
// neither do.
func (be *backend) commuteFor(c *ctx, x, y ir.Value) (ir.Value, ir.Value) {
	if !be.diesHere(c, x) && be.diesHere(c, y) {
		return y, x
	}
	return x, y
}

// lowerSseBinary selects addss/addsd, subss/subsd, mulss/mulsd and
// divss/divsd. Rule (prio 1): x op (load p) with x dying here reads the
// load as the memory operand (scalar SSE memory operands need no
// alignment). For a commutative op whose other operand lives on, the load
// goes to a register that becomes the result instead: the same two
// instructions without the copy of the live operand.
func (be *backend) lowerSseBinary(c *ctx, op ir.Opcode, ty ir.Type, x, y, r ir.Value) error {
	sop := sse(ty, sseOpsOf(op))
	comm := op == ir.OpFadd || op == ir.OpFmul
	if comm {
		x, y = be.commuteFor(c, x, y)
		if be.foldableLoad(c, y, ty) == ir.NoInst && be.foldableLoad(c, x, ty) != ir.NoInst && be.diesHere(c, y) {
			x, y = y, x
		}
	}
	if l := be.foldableLoad(c, y, ty); l != ir.NoInst && (!comm || be.diesHere(c, x)) {
		c.Sink(l)
		d := &c.F.DFG.Insts[l]
		var ops opList
		ops.n = 1 // x goes first, requested after the address
		m := amodeOf(c, c.F.DFG.Args(l)[0], int64(d.Offset()), &ops)
		ops.ops[0] = use(c, x)
		ops.add(regalloc.ReuseDef(c.Output(r), 0))
		emit(c, Inst{Op: opSse, SseOp: sop, Mem: m, MemAt: 1, Trap: loadTrap(d)}, ops.list()...)
		return nil
	}
	if comm && !be.diesHere(c, x) && be.foldableLoad(c, y, ty) != ir.NoInst {
		x, y = y, x // the load (one use, here) becomes the result
	}
	emit(c, Inst{Op: opSse, SseOp: sop}, use(c, x), use(c, y), regalloc.ReuseDef(c.Output(r), 0))
	return nil
}

// zextMask is the source size of x & mask when the mask keeps exactly the
// low 8, 16 or 32 bits, which movzx (or mov r32, r32) computes into any
// register, leaving x in place.
func zextMask(k int64) (asm.Size, bool) {
	switch uint64(k) {
	case 0xff:
		return asm.Size8, true
	case 0xffff:
		return asm.Size16, true
	case 0xffffffff:
		return asm.Size32, true
	}
	return 0, false
}
