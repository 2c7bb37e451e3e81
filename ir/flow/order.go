package flow

import "kiln/ir"

// InstOrder numbers the instructions of each block in layout order so
// "does a come before b in the same block" is one comparison. It is a
// snapshot: editing the layout invalidates it.
type InstOrder struct {
	seq []int32 // per Inst: position within its block, -1 if not in the layout
}

// NewInstOrder numbers the instructions of f.
func NewInstOrder(f *ir.Function) *InstOrder {
	o := &InstOrder{seq: make([]int32, f.DFG.NumInsts())}
	for i := range o.seq {
		o.seq[i] = -1
	}
	for b := range f.Layout.Blocks() {
		var n int32
		for i := range f.Layout.BlockInsts(b) {
			if int(i) < len(o.seq) {
				o.seq[i] = n
			}
			n++
		}
	}
	return o
}

// Seq returns the position of inst within its block, -1 if it is not in
// the layout.
func (o *InstOrder) Seq(inst ir.Inst) int {
	if inst < 0 || int(inst) >= len(o.seq) {
		return -1
	}
	return int(o.seq[inst])
}

// InstDominates reports whether instruction a dominates instruction b:
// a's block dominates b's block and, within one block, a comes first
// (an instruction dominates itself).
func InstDominates(f *ir.Function, d *DomTree, o *InstOrder, a, b ir.Inst) bool {
	ba, bb := f.Layout.InstBlock(a), f.Layout.InstBlock(b)
	if ba == ir.NoBlock || bb == ir.NoBlock {
		return false
	}
	if ba == bb {
		return d.IsReachable(ba) && o.Seq(a) <= o.Seq(b)
	}
	return d.Dominates(ba, bb)
}
