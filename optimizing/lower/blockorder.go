package lower

import (
	"fmt"

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
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock {
		return nil, fmt.Errorf("function %s has no blocks", f.Name)
	}
	cfg := flow.NewCFG(f)
	dom := flow.NewDomTree(f, cfg)
	post := dom.CFGPostorder()
	o := &BlockOrder{Of: make([]Block, f.DFG.NumBlocks())}
	for i := range o.Of {
		o.Of[i] = -1
	}
	hot := make([]LoweredBlock, 0, 2*len(post))
	var cold []LoweredBlock
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
			for k, bc := range f.DFG.BlockCalls(last) {
				*group = append(*group, LoweredBlock{Orig: ir.NoBlock, Pred: b, Succ: bc.Block, SuccIdx: k, Cold: isCold})
			}
		}
	}
	o.Lowered = append(hot, cold...)
	for i, lb := range o.Lowered {
		if !lb.IsEdge() {
			o.Of[lb.Orig] = Block(i)
		}
	}
	return o, nil
}
