package flow

import "kiln/ir"

// DomTree is the dominator tree of a function's reachable blocks, computed
// with the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple,
// Fast Dominance Algorithm", 2001) over the reverse postorder of the CFG.
//
// Besides the immediate dominators it keeps a preorder/postorder numbering
// of the tree itself, so Dominates is two comparisons, and a child list per
// block for passes that walk the tree (the e-graph builds in dominator-tree
// preorder).
type DomTree struct {
	idom      []ir.Block // per block; NoBlock for the entry and unreachable blocks
	rpoNum    []int32    // per block: position in reverse postorder, -1 if unreachable
	postorder []ir.Block // CFG postorder of the reachable blocks

	// Dominator-tree numbering: a dominates b iff
	// pre[a] <= pre[b] && post[b] <= post[a].
	pre, post  []int32
	childStart []int32 // per block+1, into children
	children   []ir.Block
	preorder   []ir.Block

	// Compute's scratch, kept for the next function.
	stack []frame
	fill  []int32
}

// NewDomTree computes the dominator tree of f from its CFG.
func NewDomTree(f *ir.Function, cfg *CFG) *DomTree {
	d := new(DomTree)
	d.Compute(f, cfg)
	return d
}

// Compute makes d the dominator tree of f from its CFG, reusing the
// storage d has from an earlier function (see CFG.Compute). Every slice
// obtained from d before (Children, Preorder, CFGPostorder) is invalid
// afterwards.
func (d *DomTree) Compute(f *ir.Function, cfg *CFG) {
	n := cfg.NumBlocks()
	d.idom = resize(d.idom, n)
	d.rpoNum = resize(d.rpoNum, n)
	d.pre = resize(d.pre, n)
	d.post = resize(d.post, n)
	for i := range d.idom {
		d.idom[i] = ir.NoBlock
		d.rpoNum[i] = -1
		d.pre[i] = -1
		d.post[i] = -1
	}
	d.postorder, d.preorder, d.children = d.postorder[:0], d.preorder[:0], d.children[:0]
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock || int(entry) >= n {
		d.childStart = resize(d.childStart, n+1)
		clear(d.childStart)
		return
	}
	d.postorder = d.cfgPostorder(cfg, entry)
	for i, b := range d.postorder {
		d.rpoNum[b] = int32(len(d.postorder) - 1 - i)
	}

	// Cooper-Harvey-Kennedy: iterate to a fixed point in reverse postorder.
	// The entry is its own idom during the iteration (the paper's
	// convention); it is reset to NoBlock at the end.
	d.idom[entry] = entry
	for changed := true; changed; {
		changed = false
		for i := len(d.postorder) - 2; i >= 0; i-- { // skip the entry (last in postorder)
			b := d.postorder[i]
			newIdom := ir.NoBlock
			for _, p := range cfg.Preds(b) {
				if d.idom[p.Block] == ir.NoBlock { // unreachable or not yet processed
					continue
				}
				if newIdom == ir.NoBlock {
					newIdom = p.Block
				} else {
					newIdom = d.intersect(p.Block, newIdom)
				}
			}
			if newIdom != d.idom[b] {
				d.idom[b] = newIdom
				changed = true
			}
		}
	}
	d.idom[entry] = ir.NoBlock

	d.buildTree(entry)
}

// intersect walks two fingers up the partial tree to their common
// ancestor, comparing reverse-postorder numbers.
func (d *DomTree) intersect(a, b ir.Block) ir.Block {
	for a != b {
		for d.rpoNum[a] > d.rpoNum[b] {
			a = d.idom[a]
		}
		for d.rpoNum[b] > d.rpoNum[a] {
			b = d.idom[b]
		}
	}
	return a
}

// cfgPostorder is an iterative depth-first postorder from entry, appended
// to d.postorder. It visits successors last-named first, so that the
// reverse postorder lists the successors of a block in the order its
// terminator names them (brif: then before else), which usually follows
// the layout. A block is visited once its rpoNum is no longer -1: the
// numbers are assigned afterwards, so -2 marks "on the way".
func (d *DomTree) cfgPostorder(cfg *CFG, entry ir.Block) []ir.Block {
	visited := d.rpoNum // all -1 here; -2 marks a visited block
	stack := append(d.stack[:0], frame{entry, 0})
	visited[entry] = -2
	out := d.postorder[:0]
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		succs := cfg.Succs(top.b)
		if int(top.next) < len(succs) {
			s := succs[len(succs)-1-int(top.next)]
			top.next++
			if visited[s] != -2 {
				visited[s] = -2
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		out = append(out, top.b)
		stack = stack[:len(stack)-1]
	}
	d.stack = stack
	return out
}

// frame is one step of an iterative depth-first walk: a block and the
// index of the next edge (successor or child) to follow.
type frame struct {
	b    ir.Block
	next int32
}

// buildTree fills the child lists (children in reverse postorder, which is
// the order a forward pass wants them) and the tree numbering.
func (d *DomTree) buildTree(entry ir.Block) {
	n := len(d.idom)
	// childStart[p+1] counts p's children, then becomes the prefix sums.
	d.childStart = resize(d.childStart, n+1)
	clear(d.childStart)
	for _, b := range d.postorder {
		if p := d.idom[b]; p != ir.NoBlock {
			d.childStart[p+1]++
		}
	}
	for b := 0; b < n; b++ {
		d.childStart[b+1] += d.childStart[b]
	}
	d.children = resize(d.children, int(d.childStart[n]))
	fill := append(d.fill[:0], d.childStart[:n]...)
	d.fill = fill
	for i := len(d.postorder) - 1; i >= 0; i-- {
		b := d.postorder[i]
		if p := d.idom[b]; p != ir.NoBlock {
			d.children[fill[p]] = b
			fill[p]++
		}
	}
	// Iterative DFS over the tree for pre/post numbers.
	var preN, postN int32
	stack := append(d.stack[:0], frame{entry, 0})
	d.pre[entry] = preN
	preN++
	d.preorder = append(d.preorder[:0], entry)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		kids := d.Children(top.b)
		if int(top.next) < len(kids) {
			c := kids[top.next]
			top.next++
			d.pre[c] = preN
			preN++
			d.preorder = append(d.preorder, c)
			stack = append(stack, frame{c, 0})
			continue
		}
		d.post[top.b] = postN
		postN++
		stack = stack[:len(stack)-1]
	}
	d.stack = stack
}

// IsReachable reports whether b can be reached from the entry block.
func (d *DomTree) IsReachable(b ir.Block) bool {
	return b >= 0 && int(b) < len(d.rpoNum) && d.rpoNum[b] >= 0
}

// Idom returns the immediate dominator of b; NoBlock for the entry block
// and for unreachable blocks.
func (d *DomTree) Idom(b ir.Block) ir.Block {
	if b < 0 || int(b) >= len(d.idom) {
		return ir.NoBlock
	}
	return d.idom[b]
}

// Dominates reports whether every path from the entry to b passes through
// a. A block dominates itself. Unreachable blocks dominate nothing and are
// dominated by nothing (not even themselves).
func (d *DomTree) Dominates(a, b ir.Block) bool {
	if !d.IsReachable(a) || !d.IsReachable(b) {
		return false
	}
	return d.pre[a] <= d.pre[b] && d.post[b] <= d.post[a]
}

// Children returns the blocks b immediately dominates, in reverse
// postorder. The slice aliases the tree.
func (d *DomTree) Children(b ir.Block) []ir.Block {
	if b < 0 || int(b)+1 >= len(d.childStart) {
		return nil
	}
	return d.children[d.childStart[b]:d.childStart[b+1]:d.childStart[b+1]]
}

// Preorder returns the reachable blocks in dominator-tree preorder: every
// block comes after its dominators.
func (d *DomTree) Preorder() []ir.Block { return d.preorder }

// CFGPostorder returns the reachable blocks in CFG postorder (the entry
// last).
func (d *DomTree) CFGPostorder() []ir.Block { return d.postorder }

// RPONumber returns b's position in reverse postorder (the entry is 0), or
// -1 if b is unreachable. Along any forward edge the number grows; an edge
// to a block with a smaller or equal number is a back edge candidate.
func (d *DomTree) RPONumber(b ir.Block) int {
	if b < 0 || int(b) >= len(d.rpoNum) {
		return -1
	}
	return int(d.rpoNum[b])
}
