package lower

import (
	"fmt"
	"slices"

	"kiln/ir"
	"kiln/ir/flow"
)

// BlockOrder is the layout of lowered blocks: every reachable IR block, in
// reverse postorder with cold blocks moved to the end, and after each block
// with several successors one edge block per outgoing edge. Splitting every
// edge of a multi-way branch (not only the critical ones) keeps branch
// arguments off multi-way branches entirely: the edge block's jump carries
// them, which is what the allocator's "critical edges split" contract needs
// and what lets br_table name one target twice. Edge blocks that hold only
// a jump cost nothing: the encoder's branch simplification threads them.
type BlockOrder struct {
	// Lowered lists the lowered blocks in emission order.
	Lowered []LoweredBlock
	// Of maps an IR block to its lowered index (-1 when unreachable).
	Of []Block
}

// LoweredBlock is an IR block or an edge block: Orig set, or Pred/Succ set
// with SuccIdx the index of the edge among Pred's terminator's block calls.
type LoweredBlock struct {
	Orig    ir.Block
	Pred    ir.Block
	Succ    ir.Block
	SuccIdx int
	Cold    bool
}

// IsEdge reports whether b was inserted on a split edge.
func (b LoweredBlock) IsEdge() bool { return b.Orig == ir.NoBlock }

// ComputeBlockOrder lays out f's reachable blocks.
func ComputeBlockOrder(f *ir.Function) (*BlockOrder, error) {
	var t tables[struct{}]
	return t.blockOrder(f)
}

// dfsFrame is a block on blockOrder's depth-first search stack, with its
// successors (t.targets[first:end]) and how many of them it has visited.
type dfsFrame struct {
	b          ir.Block
	first, end int32
	next       int32
}

// blockOrder computes the block order into t's storage. The reverse
// postorder is that of a depth-first search from the entry that visits
// each block's distinct successors last first: the order flow.DomTree's
// CFGPostorder gives, computed here without building the CFG and the
// dominator tree, which lowering has no other use for.
func (t *tables[I]) blockOrder(f *ir.Function) (*BlockOrder, error) {
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock {
		return nil, fmt.Errorf("function %s has no blocks", f.Name)
	}
	n := f.DFG.NumBlocks()
	visited := grow(t.visited, n)
	// seen[s] == b+1 while collecting b's successors: drops repeated
	// targets (a br_table naming a block twice) in one pass.
	seen := grow(t.seen, n)
	targets, stack, post := t.targets[:0], t.stack[:0], t.postorder[:0]
	push := func(b ir.Block) {
		visited[b] = true
		first := int32(len(targets))
		if last := f.Layout.LastInst(b); last != ir.NoInst && f.DFG.Insts[last].Opcode.IsBranch() {
			switch f.DFG.Insts[last].Format() {
			case ir.FmtJump, ir.FmtBrif: // BlockCalls aliases the DFG: no copy
				for _, bc := range f.DFG.BlockCalls(last) {
					targets = appendTarget(targets, seen, b, bc.Block, n)
				}
			case ir.FmtBranchTable: // the table in place, not a copy of it
				jt := &f.DFG.JumpTables[f.DFG.Insts[last].Entity]
				targets = appendTarget(targets, seen, b, jt.Default.Block, n)
				for _, bc := range jt.Targets {
					targets = appendTarget(targets, seen, b, bc.Block, n)
				}
			default:
				for _, s := range flow.BranchTargets(f, last) {
					targets = appendTarget(targets, seen, b, s, n)
				}
			}
		}
		stack = append(stack, dfsFrame{b: b, first: first, end: int32(len(targets))})
	}
	push(entry)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if k := top.end - 1 - top.next; k >= top.first {
			top.next++
			if s := targets[k]; !visited[s] {
				push(s)
			}
			continue
		}
		post = append(post, top.b)
		targets = targets[:top.first]
		stack = stack[:len(stack)-1]
	}
	t.visited, t.seen, t.targets, t.stack, t.postorder = visited, seen, targets, stack, post

	o := &t.order
	o.Of = slices.Grow(o.Of[:0], n)[:n]
	for i := range o.Of {
		o.Of[i] = -1
	}
	hot := slices.Grow(o.Lowered[:0], 2*len(post))
	cold := t.cold[:0]
	for i := len(post) - 1; i >= 0; i-- {
		b := post[i]
		isCold := f.Layout.IsCold(b) && b != entry
		group := &hot
		if isCold {
			group = &cold
		}
		*group = append(*group, LoweredBlock{Orig: b, Pred: ir.NoBlock, Succ: ir.NoBlock, Cold: isCold})
		last := f.Layout.LastInst(b)
		if last == ir.NoInst {
			return nil, fmt.Errorf("block %s is empty", b)
		}
		if f.DFG.Insts[last].Opcode.IsBranch() && f.DFG.Insts[last].Format() != ir.FmtJump {
			t.calls = f.DFG.AppendBlockCalls(t.calls[:0], last)
			for k, bc := range t.calls {
				*group = append(*group, LoweredBlock{Orig: ir.NoBlock, Pred: b, Succ: bc.Block, SuccIdx: k, Cold: isCold})
			}
		}
	}
	o.Lowered = append(hot, cold...)
	t.cold = cold
	for i, lb := range o.Lowered {
		if !lb.IsEdge() {
			o.Of[lb.Orig] = Block(i)
		}
	}
	return o, nil
}

// appendTarget appends successor s of block b to targets unless it is
// already there or out of range.
func appendTarget(targets []ir.Block, seen []int32, b, s ir.Block, n int) []ir.Block {
	if s < 0 || int(s) >= n || seen[s] == int32(b)+1 {
		return targets
	}
	seen[s] = int32(b) + 1
	return append(targets, s)
}
