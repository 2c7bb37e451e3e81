package flow

import "kiln/ir"

// Loop identifies a natural loop found by LoopInfo; loops are numbered in
// reverse postorder of their headers, so an enclosing loop has a smaller
// number than the loops inside it.
type Loop int32

// NoLoop means "not in any loop" / "no enclosing loop".
const NoLoop Loop = -1

// LoopInfo is the natural-loop forest of a function: each loop is a header
// block that dominates the source of a back edge into it, plus every block
// that reaches such a source without passing through the header. Loops
// with the same header are one loop. Irreducible cycles (entered at more
// than one block, so no block dominates the rest) are not loops here;
// passes must not assume every cycle is inside a Loop.
type LoopInfo struct {
	header    []ir.Block // per loop
	parent    []Loop     // per loop: the innermost enclosing loop
	depth     []int32    // per loop: 1 for an outermost loop
	innermost []Loop     // per block: innermost loop containing it

	// Compute's scratch, kept for the next function.
	inBody      []bool
	stack, body []ir.Block
}

// NewLoopInfo finds the loops of f.
func NewLoopInfo(f *ir.Function, cfg *CFG, dom *DomTree) *LoopInfo {
	li := new(LoopInfo)
	li.Compute(f, cfg, dom)
	return li
}

// Compute makes li the loop forest of f, reusing the storage li has from
// an earlier function (see CFG.Compute).
func (li *LoopInfo) Compute(f *ir.Function, cfg *CFG, dom *DomTree) {
	n := cfg.NumBlocks()
	li.header, li.parent, li.depth = li.header[:0], li.parent[:0], li.depth[:0]
	li.innermost = resize(li.innermost, n)
	for i := range li.innermost {
		li.innermost[i] = NoLoop
	}
	inBody := resize(li.inBody, n)
	clear(inBody)
	li.inBody = inBody
	stack, body := li.stack[:0], li.body[:0]
	// Headers in reverse postorder: a loop's header dominates the headers
	// of the loops nested in it, so enclosing loops are found first and
	// inner ones then overwrite `innermost` for their blocks.
	rpo := dom.CFGPostorder()
	for i := len(rpo) - 1; i >= 0; i-- {
		h := rpo[i]
		stack = stack[:0]
		for _, p := range cfg.Preds(h) {
			if dom.Dominates(h, p.Block) {
				stack = append(stack, p.Block)
			}
		}
		if len(stack) == 0 {
			continue
		}
		l := Loop(len(li.header))
		parent := li.innermost[h]
		depth := int32(1)
		if parent != NoLoop {
			depth = li.depth[parent] + 1
		}
		li.header = append(li.header, h)
		li.parent = append(li.parent, parent)
		li.depth = append(li.depth, depth)
		// Walk backwards from the back-edge sources to the header.
		body = append(body[:0], h)
		inBody[h] = true
		for len(stack) > 0 {
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if inBody[b] || !dom.IsReachable(b) {
				continue
			}
			inBody[b] = true
			body = append(body, b)
			for _, p := range cfg.Preds(b) {
				stack = append(stack, p.Block)
			}
		}
		for _, b := range body {
			li.innermost[b] = l
			inBody[b] = false
		}
	}
	li.stack, li.body = stack, body
}

// NumLoops is the number of loops found.
func (li *LoopInfo) NumLoops() int { return len(li.header) }

// Header returns the header block of l.
func (li *LoopInfo) Header(l Loop) ir.Block { return li.header[l] }

// Parent returns the innermost loop enclosing l, or NoLoop.
func (li *LoopInfo) Parent(l Loop) Loop { return li.parent[l] }

// LoopDepth returns the nesting depth of l (1 for an outermost loop).
func (li *LoopInfo) LoopDepth(l Loop) int { return int(li.depth[l]) }

// InnermostLoop returns the innermost loop containing b, or NoLoop.
func (li *LoopInfo) InnermostLoop(b ir.Block) Loop {
	if b < 0 || int(b) >= len(li.innermost) {
		return NoLoop
	}
	return li.innermost[b]
}

// Depth returns the number of loops containing b (0 outside loops).
func (li *LoopInfo) Depth(b ir.Block) int {
	if l := li.InnermostLoop(b); l != NoLoop {
		return int(li.depth[l])
	}
	return 0
}

// IsHeader reports whether b is the header of a loop.
func (li *LoopInfo) IsHeader(b ir.Block) bool {
	l := li.InnermostLoop(b)
	return l != NoLoop && li.header[l] == b
}

// Contains reports whether loop l contains block b (directly or through a
// nested loop).
func (li *LoopInfo) Contains(l Loop, b ir.Block) bool {
	for in := li.InnermostLoop(b); in != NoLoop; in = li.parent[in] {
		if in == l {
			return true
		}
	}
	return false
}
