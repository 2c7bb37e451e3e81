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
	v = c.F.DFG.ResolveAliases(v)
	cur := c.Current()
	b := c.F.Layout.InstBlock(cur)
	d := c.F.DFG.Def(v)
	switch {
	case d.Kind == ir.DefResult && c.F.Layout.InstBlock(d.Inst) == b:
	case d.Kind == ir.DefParam && d.Block == b:
	default:
		return false
	}
	u := be.blockUsesOf(c, b)
	last, ok := u.last[v]
	return ok && last == cur && int(u.count[v]) == c.UseCount(v)
}

// blockUses is, for one block, each value's number of uses in it and its
// last user in layout order.
type blockUses struct {
	block ir.Block
	f     *ir.Function
	count map[ir.Value]int32
	last  map[ir.Value]ir.Inst
}

// blockUsesOf returns the uses of block b, computed once per block (the
// backend lowers one block at a time).
func (be *backend) blockUsesOf(c *ctx, b ir.Block) *blockUses {
	u := &be.uses
	if u.f == c.F && u.block == b && u.count != nil {
		return u
	}
	if u.count == nil {
		u.count, u.last = map[ir.Value]int32{}, map[ir.Value]ir.Inst{}
	} else {
		clear(u.count)
		clear(u.last)
	}
	u.f, u.block = c.F, b
	dfg := &c.F.DFG
	note := func(v ir.Value, i ir.Inst) {
		v = dfg.ResolveAliases(v)
		u.count[v]++
		u.last[v] = i
	}
	for i := range c.F.Layout.BlockInsts(b) {
		for _, a := range dfg.Args(i) {
			note(a, i)
		}
		for _, bc := range dfg.BlockCalls(i) {
			for _, a := range dfg.BlockCallArgs(bc) {
				if v := a.Value(); v != ir.NoValue {
					note(v, i)
				}
			}
		}
	}
	return u
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
	sop := sse(ty, sseOps[op])
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
		m, mops := amodeOf(c, c.F.DFG.Args(l)[0], int64(d.Offset()))
		ops := append([]regalloc.Operand{use(c, x)}, mops...)
		ops = append(ops, regalloc.ReuseDef(c.Output(r), 0))
		emit(c, Inst{Op: opSse, SseOp: sop, Mem: m, MemAt: 1, Trap: loadTrap(d)}, ops...)
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
