package ir

import "iter"

// Layout is the order of blocks in a function and of instructions in each
// block, as doubly linked lists threaded through dense per-entity nodes.
// Blocks and instructions not in the layout exist in the DFG but are not
// part of the program. Invariants: an instruction is in at most one block;
// a block's instructions are linked first→last; prev/next of the ends are
// NoInst/NoBlock.
type Layout struct {
	blocks      []blockNode
	insts       []instNode
	first       Block
	last        Block
	initialised bool
}

type blockNode struct {
	prev, next  Block
	first, last Inst
	inserted    bool
	cold        bool
}

type instNode struct {
	block      Block
	prev, next Inst
}

func (l *Layout) init() {
	if !l.initialised {
		l.first, l.last = NoBlock, NoBlock
		l.initialised = true
	}
}

// reset empties the layout, keeping the storage of its tables.
func (l *Layout) reset() {
	l.blocks, l.insts = l.blocks[:0], l.insts[:0]
	l.first, l.last, l.initialised = NoBlock, NoBlock, true
}

func (l *Layout) blockNode(b Block) *blockNode {
	for int(b) >= len(l.blocks) {
		l.blocks = append(l.blocks, blockNode{prev: NoBlock, next: NoBlock, first: NoInst, last: NoInst})
	}
	return &l.blocks[b]
}

func (l *Layout) instNode(i Inst) *instNode {
	for int(i) >= len(l.insts) {
		l.insts = append(l.insts, instNode{block: NoBlock, prev: NoInst, next: NoInst})
	}
	return &l.insts[i]
}

// EntryBlock is the first block, NoBlock for an empty function.
func (l *Layout) EntryBlock() Block {
	l.init()
	return l.first
}

// LastBlock is the last block in layout order.
func (l *Layout) LastBlock() Block {
	l.init()
	return l.last
}

// IsBlockInserted reports whether b is in the layout.
func (l *Layout) IsBlockInserted(b Block) bool {
	return b >= 0 && int(b) < len(l.blocks) && l.blocks[b].inserted
}

// NextBlock and PrevBlock walk the block order; NoBlock at the ends.
func (l *Layout) NextBlock(b Block) Block { return l.blocks[b].next }
func (l *Layout) PrevBlock(b Block) Block { return l.blocks[b].prev }

// AppendBlock puts b at the end of the function.
func (l *Layout) AppendBlock(b Block) {
	l.init()
	n := l.blockNode(b)
	if n.inserted {
		panic("ir: block " + b.String() + " already in layout")
	}
	n.inserted, n.prev, n.next = true, l.last, NoBlock
	if l.last == NoBlock {
		l.first = b
	} else {
		l.blocks[l.last].next = b
	}
	l.last = b
}

// InsertBlockBefore puts b just before before (which is in the layout).
func (l *Layout) InsertBlockBefore(b, before Block) {
	l.init()
	n := l.blockNode(b)
	if n.inserted {
		panic("ir: block " + b.String() + " already in layout")
	}
	prev := l.blocks[before].prev
	n.inserted, n.prev, n.next = true, prev, before
	l.blocks[before].prev = b
	if prev == NoBlock {
		l.first = b
	} else {
		l.blocks[prev].next = b
	}
}

// InsertBlockAfter puts b just after after (which is in the layout).
func (l *Layout) InsertBlockAfter(b, after Block) {
	next := l.blocks[after].next
	if next == NoBlock {
		l.AppendBlock(b)
		return
	}
	l.InsertBlockBefore(b, next)
}

// RemoveBlock takes b (which must be empty) out of the layout.
func (l *Layout) RemoveBlock(b Block) {
	n := &l.blocks[b]
	if n.first != NoInst {
		panic("ir: RemoveBlock of non-empty block " + b.String())
	}
	if n.prev == NoBlock {
		l.first = n.next
	} else {
		l.blocks[n.prev].next = n.next
	}
	if n.next == NoBlock {
		l.last = n.prev
	} else {
		l.blocks[n.next].prev = n.prev
	}
	n.inserted, n.prev, n.next = false, NoBlock, NoBlock
}

// SetCold marks b as rarely executed (printed as `blockN cold:`).
func (l *Layout) SetCold(b Block, cold bool) { l.blockNode(b).cold = cold }

// IsCold reports whether b is marked cold.
func (l *Layout) IsCold(b Block) bool { return int(b) < len(l.blocks) && b >= 0 && l.blocks[b].cold }

// Blocks iterates the blocks in layout order. Removing the current block
// while iterating is allowed.
func (l *Layout) Blocks() iter.Seq[Block] {
	return func(yield func(Block) bool) {
		l.init()
		for b := l.first; b != NoBlock; {
			next := l.blocks[b].next
			if !yield(b) {
				return
			}
			b = next
		}
	}
}

// FirstInst and LastInst of b; NoInst if b is empty.
func (l *Layout) FirstInst(b Block) Inst {
	if b < 0 || int(b) >= len(l.blocks) {
		return NoInst
	}
	return l.blocks[b].first
}
func (l *Layout) LastInst(b Block) Inst {
	if b < 0 || int(b) >= len(l.blocks) {
		return NoInst
	}
	return l.blocks[b].last
}

// NextInst and PrevInst walk a block; NoInst at the ends.
func (l *Layout) NextInst(i Inst) Inst { return l.insts[i].next }
func (l *Layout) PrevInst(i Inst) Inst { return l.insts[i].prev }

// InstBlock returns the block holding i, NoBlock if i is not in the layout.
func (l *Layout) InstBlock(i Inst) Block {
	if i < 0 || int(i) >= len(l.insts) {
		return NoBlock
	}
	return l.insts[i].block
}

// AppendInst puts i at the end of block b.
func (l *Layout) AppendInst(i Inst, b Block) {
	bn := l.blockNode(b)
	n := l.instNode(i)
	if n.block != NoBlock {
		panic("ir: instruction " + i.String() + " already in layout")
	}
	n.block, n.prev, n.next = b, bn.last, NoInst
	if bn.last == NoInst {
		bn.first = i
	} else {
		l.insts[bn.last].next = i
	}
	bn.last = i
}

// InsertInstBefore puts i just before before.
func (l *Layout) InsertInstBefore(i, before Inst) {
	n := l.instNode(i)
	if n.block != NoBlock {
		panic("ir: instruction " + i.String() + " already in layout")
	}
	b := l.insts[before].block
	prev := l.insts[before].prev
	n.block, n.prev, n.next = b, prev, before
	l.insts[before].prev = i
	if prev == NoInst {
		l.blocks[b].first = i
	} else {
		l.insts[prev].next = i
	}
}

// InsertInstAfter puts i just after after.
func (l *Layout) InsertInstAfter(i, after Inst) {
	next := l.insts[after].next
	if next == NoInst {
		l.AppendInst(i, l.insts[after].block)
		return
	}
	l.InsertInstBefore(i, next)
}

// RemoveInst takes i out of its block.
func (l *Layout) RemoveInst(i Inst) {
	n := &l.insts[i]
	b := n.block
	if b == NoBlock {
		return
	}
	if n.prev == NoInst {
		l.blocks[b].first = n.next
	} else {
		l.insts[n.prev].next = n.next
	}
	if n.next == NoInst {
		l.blocks[b].last = n.prev
	} else {
		l.insts[n.next].prev = n.prev
	}
	n.block, n.prev, n.next = NoBlock, NoInst, NoInst
}

// BlockInsts iterates the instructions of b in order. Removing the current
// instruction while iterating is allowed.
func (l *Layout) BlockInsts(b Block) iter.Seq[Inst] {
	return func(yield func(Inst) bool) {
		for i := l.FirstInst(b); i != NoInst; {
			next := l.insts[i].next
			if !yield(i) {
				return
			}
			i = next
		}
	}
}
