package flow

import "kiln/ir"

// Pred is one incoming edge of a block: the predecessor block and the
// branch instruction in it that names the block. A brif whose two targets
// are the same block is one Pred, not two.
type Pred struct {
	Block ir.Block
	Inst  ir.Inst
}

// CFG is the control-flow graph of a function: successors and predecessors
// of every block, in compressed rows (one flat slice per direction plus a
// start offset per block), so the graph of a whole function lives in four
// slices with no per-block allocation.
//
// Only the last instruction of each block in the layout contributes edges:
// that is where a verified function keeps its terminator. Successors are
// listed in the order the terminator names them (brif: then, else; br_table:
// default first; try_call: normal return, then handlers) without duplicates.
// Predecessors are listed in layout order of the predecessor blocks.
type CFG struct {
	succStart []int32 // len NumBlocks+1
	succs     []ir.Block
	predStart []int32 // len NumBlocks+1
	preds     []Pred
	seen      []int32 // Compute's scratch, kept for the next function
}

// NewCFG computes the control-flow graph of f.
func NewCFG(f *ir.Function) *CFG {
	c := new(CFG)
	c.Compute(f)
	return c
}

// Compute makes c the control-flow graph of f, reusing the storage c has
// from an earlier function: a compiler keeps one CFG per worker and
// recomputes it for every function instead of allocating a new one. Every
// slice obtained from c before (Succs, Preds) is invalid afterwards.
func (c *CFG) Compute(f *ir.Function) {
	n := f.DFG.NumBlocks()
	c.succStart = resize(c.succStart, n+1)
	c.predStart = resize(c.predStart, n+1)
	clear(c.predStart)
	c.succs = c.succs[:0]
	// seen[s] == b+1 while b's successors are listed: drops a target the
	// terminator names again (a br_table) in one pass, where comparing
	// with the targets listed so far is quadratic in a large table.
	seen := resize(c.seen, n)
	clear(seen)
	c.seen = seen
	// Successors, block by block in index order so rows are contiguous;
	// predStart counts each block's predecessors (shifted by one) on the way.
	for b := range n {
		c.succStart[b] = int32(len(c.succs))
		if !f.Layout.IsBlockInserted(ir.Block(b)) {
			continue
		}
		first := len(c.succs)
		c.succs = appendTargets(c.succs, f, f.Layout.LastInst(ir.Block(b)), seen, int32(b)+1)
		for _, s := range c.succs[first:] {
			c.predStart[s+1]++
		}
	}
	c.succStart[n] = int32(len(c.succs))
	// Predecessors: prefix sums, then fill in layout order.
	for b := 0; b < n; b++ {
		c.predStart[b+1] += c.predStart[b]
	}
	c.preds = resize(c.preds, int(c.predStart[n]))
	fill := seen // done with it: reused as the fill cursors
	copy(fill, c.predStart[:n])
	for b := range f.Layout.Blocks() {
		last := f.Layout.LastInst(b)
		for _, s := range c.Succs(b) {
			c.preds[fill[s]] = Pred{Block: b, Inst: last}
			fill[s]++
		}
	}
}

// resize returns s with length n, reusing its storage when it is large
// enough; the contents are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// appendTargets appends to dst the distinct blocks that inst may transfer
// control to, in the order BranchTargets gives, leaving out block numbers
// outside seen's range; seen marks the ones listed with stamp.
func appendTargets(dst []ir.Block, f *ir.Function, inst ir.Inst, seen []int32, stamp int32) []ir.Block {
	if inst == ir.NoInst || !f.DFG.InstIsValid(inst) || !f.DFG.Insts[inst].Opcode.IsBranch() || !branchTablesValid(f, inst) {
		return dst
	}
	add := func(s ir.Block) {
		if s >= 0 && int(s) < len(seen) && seen[s] != stamp {
			seen[s] = stamp
			dst = append(dst, s)
		}
	}
	d := &f.DFG.Insts[inst]
	switch d.Format() {
	case ir.FmtBranchTable: // BlockCalls would copy the table
		jt := &f.DFG.JumpTables[d.Entity]
		add(jt.Default.Block)
		for i := range jt.Targets {
			add(jt.Targets[i].Block)
		}
	default:
		for _, bc := range f.DFG.BlockCalls(inst) {
			add(bc.Block)
		}
	}
	return dst
}

// BranchTargets returns the distinct blocks that inst may transfer control
// to, in the order the instruction names them; nil for NoInst and for
// instructions that are not branches.
func BranchTargets(f *ir.Function, inst ir.Inst) []ir.Block {
	return AppendBranchTargets(nil, f, inst)
}

// AppendBranchTargets appends what BranchTargets returns to dst: for a
// caller that walks many branches with one scratch slice.
func AppendBranchTargets(dst []ir.Block, f *ir.Function, inst ir.Inst) []ir.Block {
	if inst == ir.NoInst || !f.DFG.InstIsValid(inst) || !f.DFG.Insts[inst].Opcode.IsBranch() {
		return dst
	}
	if !branchTablesValid(f, inst) {
		return dst
	}
	first := len(dst)
	add := func(b ir.Block) {
		for _, o := range dst[first:] {
			if o == b {
				return
			}
		}
		dst = append(dst, b)
	}
	d := &f.DFG.Insts[inst]
	if d.Format() == ir.FmtBranchTable { // BlockCalls would copy the table
		jt := &f.DFG.JumpTables[d.Entity]
		add(jt.Default.Block)
		for i := range jt.Targets {
			add(jt.Targets[i].Block)
		}
		return dst
	}
	for _, bc := range f.DFG.BlockCalls(inst) {
		add(bc.Block)
	}
	return dst
}

// branchTablesValid guards DFG.BlockCalls against dangling table indices
// in malformed input.
func branchTablesValid(f *ir.Function, inst ir.Inst) bool {
	d := &f.DFG.Insts[inst]
	switch d.Format() {
	case ir.FmtBranchTable:
		return d.Entity >= 0 && int(d.Entity) < len(f.DFG.JumpTables)
	case ir.FmtTryCall, ir.FmtTryCallIndirect:
		return d.Entity >= 0 && int(d.Entity) < len(f.DFG.ExceptionTables)
	}
	return true
}

// NumBlocks is the number of block numbers the graph covers.
func (c *CFG) NumBlocks() int { return len(c.succStart) - 1 }

// Succs returns the successors of b. The slice aliases the graph.
func (c *CFG) Succs(b ir.Block) []ir.Block {
	if b < 0 || int(b) >= c.NumBlocks() {
		return nil
	}
	return c.succs[c.succStart[b]:c.succStart[b+1]:c.succStart[b+1]]
}

// Preds returns the incoming edges of b. The slice aliases the graph.
func (c *CFG) Preds(b ir.Block) []Pred {
	if b < 0 || int(b) >= c.NumBlocks() {
		return nil
	}
	return c.preds[c.predStart[b]:c.predStart[b+1]:c.predStart[b+1]]
}
