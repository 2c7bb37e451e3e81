package egraph

import (
	"kiln/ir"
	"kiln/ir/flow"
)

// placement is where a class's chosen node has been materialized: the
// value, the block it is defined in, and the scope (depth, generation) the
// entry is valid in.
type placement struct {
	value ir.Value
	block ir.Block
	depth int32
	gen   uint32
}

// loopLevel is one enclosing loop of the block being elaborated.
type loopLevel struct {
	loop  flow.Loop
	hoist ir.Block // the header's immediate dominator: code placed at its end runs once before the loop
}

type elaborator struct {
	g       *Graph
	f       *ir.Function
	dom     *flow.DomTree
	loops   *flow.LoopInfo
	ex      *extraction
	classOf []Node
	condOf  []condNode // skeleton conditions to elaborate instead of the argument (see builder)
	// skelArgs holds the new arguments of the skeleton instruction being
	// rewritten.
	skelArgs []ir.Value

	placed   []placement // per node
	gens     []uint32
	curDepth int32
	reused   []bool // per original instruction: already placed once
	defBlock []ir.Block

	// the current insertion point
	block  ir.Block
	before ir.Inst
	levels []loopLevel

	stack []elabFrame
	argv  []ir.Value
}

type elabFrame struct {
	n        Node
	argsDone bool
	checked  bool // known not ready
}

func newElaborator(g *Graph, dom *flow.DomTree, loops *flow.LoopInfo, ex *extraction, classOf []Node, sc *scratch) *elaborator {
	e := &elaborator{g: g, f: g.f, dom: dom, loops: loops, ex: ex, classOf: classOf}
	// A zero placement is never valid: the entry block's generation is 1
	// by the time anything is looked up.
	e.placed = resize(sc.placed, len(g.nodes))
	e.gens = resize(sc.egens, len(g.gens))
	e.reused = resize(sc.reused, g.f.DFG.NumInsts())
	return e
}

// isRemat reports nodes that are cheaper to recompute in each block that
// uses them than to keep in a register across blocks: constants. They are
// never hoisted and never keep a loop-invariant computation in the loop.
func (e *elaborator) isRemat(n Node) bool {
	switch e.g.ops[n] { // OpInvalid for leaves
	case ir.OpIconst, ir.OpF16const, ir.OpF32const, ir.OpF64const:
		return true
	}
	return false
}

func (e *elaborator) lookup(n Node) (placement, bool) {
	p := e.placed[n]
	if p.depth < 0 || p.depth > e.curDepth || e.gens[p.depth] != p.gen {
		return p, false
	}
	return p, true
}

// run walks the dominator tree in preorder (explicit stack), elaborating
// the operands of every skeleton instruction in front of it.
func (e *elaborator) run() {
	f := e.f
	type item struct {
		block ir.Block
		exit  bool
	}
	stack := []item{{block: f.Layout.EntryBlock()}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.exit {
			e.curDepth--
			continue
		}
		d := e.g.domDepth[it.block]
		e.curDepth = d
		e.gens[d]++
		stack = append(stack, item{block: it.block, exit: true})
		kids := e.dom.Children(it.block)
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, item{block: kids[i]})
		}
		e.elaborateBlock(it.block)
	}
}

// enclosing computes the loops around blk, outermost first.
func (e *elaborator) enclosing(blk ir.Block) {
	e.levels = e.levels[:0]
	for l := e.loops.InnermostLoop(blk); l != flow.NoLoop; l = e.loops.Parent(l) {
		h := e.loops.Header(l)
		hoist := e.dom.Idom(h)
		e.levels = append(e.levels, loopLevel{loop: l, hoist: hoist})
	}
	for i, j := 0, len(e.levels)-1; i < j; i, j = i+1, j-1 {
		e.levels[i], e.levels[j] = e.levels[j], e.levels[i]
	}
}

func (e *elaborator) elaborateBlock(blk ir.Block) {
	f := e.f
	e.enclosing(blk)
	e.block = blk
	for inst := range f.Layout.BlockInsts(blk) {
		e.before = inst
		args := f.DFG.Args(inst)
		if len(args) > 0 {
			nv := append(e.skelArgs[:0], args...)
			changed := false
			for i, a := range args {
				if c, ok := e.cond(inst); ok && i == 0 {
					nv[i] = e.elaborate(c)
				} else {
					nv[i] = e.valueOf(a)
				}
				changed = changed || nv[i] != a
			}
			if changed {
				// In place: the instruction owns its list, whose length
				// is unchanged (fetched again: elaborating may have
				// grown the pool).
				copy(f.DFG.Args(inst), nv)
			}
			e.skelArgs = nv
		}
		d := &f.DFG.Insts[inst]
		switch d.Format() {
		case ir.FmtJump, ir.FmtBrif:
			for _, bc := range f.DFG.BlockCalls(inst) {
				e.rewriteCallArgs(bc)
			}
		case ir.FmtBranchTable:
			jt := &f.DFG.JumpTables[d.Entity]
			e.rewriteCallArgs(jt.Default)
			for _, bc := range jt.Targets {
				e.rewriteCallArgs(bc)
			}
		case ir.FmtTryCall, ir.FmtTryCallIndirect:
			et := &f.DFG.ExceptionTables[d.Entity]
			e.rewriteCallArgs(et.Normal)
			for i := range et.Handlers {
				h := &et.Handlers[i]
				if h.Tag == ir.TagContext {
					h.Context = e.valueOf(h.Context)
				} else {
					e.rewriteCallArgs(h.Dest)
				}
			}
		}
	}
}

func (e *elaborator) rewriteCallArgs(bc ir.BlockCall) {
	vs := e.f.DFG.List(bc.Args)
	for i, a := range vs {
		if ir.BlockArg(a).Kind() == ir.ArgValue {
			nv := e.valueOf(a)
			// valueOf may grow the pool; write through a fresh slice.
			e.f.DFG.List(bc.Args)[i] = nv
		}
	}
}

// valueOf returns the value to use in place of the original value v at
// the current insertion point.
func (e *elaborator) valueOf(v ir.Value) ir.Value {
	r := e.f.DFG.ResolveAliases(v)
	if r < 0 || int(r) >= len(e.classOf) || e.classOf[r] == NoNode {
		return r
	}
	return e.elaborate(e.classOf[r])
}

// elaborate materializes the best node of class c so that its value is
// available at the insertion point, reusing a placement that dominates it
// (GVN) and hoisting loop-invariant nodes to loop preheaders (LICM).
func (e *elaborator) elaborate(c Node) ir.Value {
	n := e.ex.best[c]
	if v, ok := e.ready(n); ok {
		return v
	}
	// The root is known not to be ready; a frame pushed for an argument
	// is checked again when it comes up, since a sibling may have placed
	// the same node meanwhile. A frame whose arguments are done is not
	// (a node is not its own argument).
	e.stack = append(e.stack[:0], elabFrame{n: n, checked: true})
	for len(e.stack) > 0 {
		top := &e.stack[len(e.stack)-1]
		if !top.checked {
			if _, ok := e.ready(top.n); ok {
				e.stack = e.stack[:len(e.stack)-1]
				continue
			}
		}
		nd := &e.g.nodes[top.n]
		if !top.argsDone {
			top.argsDone, top.checked = true, true
			for i := int(nd.nargs) - 1; i >= 0; i-- {
				a := e.ex.best[nd.k.args[i]]
				if e.isRemat(a) {
					continue
				}
				if _, ok := e.ready(a); !ok {
					e.stack = append(e.stack, elabFrame{n: a})
				}
			}
			continue
		}
		e.place(top.n)
		e.stack = e.stack[:len(e.stack)-1]
	}
	// place recorded n here, in the open scope.
	return e.placed[n].value
}

// ready reports the value of node n if it needs no new instruction here:
// a leaf, or a node placed in a scope that is open at the insertion point.
// A rematerializable node is ready only if placed in the current block.
func (e *elaborator) ready(n Node) (ir.Value, bool) {
	if e.g.ops[n] == ir.OpInvalid { // a leaf: best nodes are never unions
		return e.g.nodes[n].value, true
	}
	p, ok := e.lookup(n)
	if !ok || (e.isRemat(n) && p.block != e.block) {
		return ir.NoValue, false
	}
	return p.value, true
}

func (e *elaborator) defBlockOf(n Node) ir.Block {
	nd := &e.g.nodes[n]
	if nd.kind == kindLeaf {
		def := e.f.DFG.Def(nd.value)
		if def.Kind == ir.DefParam {
			return def.Block
		}
		return e.f.Layout.InstBlock(def.Inst)
	}
	return e.placed[n].block
}

// place emits node n (its non-remat arguments are ready) at the insertion
// point, or at the end of the outermost loop preheader none of whose loop
// defines any argument.
func (e *elaborator) place(n Node) {
	nd := &e.g.nodes[n]
	block, before := e.block, e.before
	if !e.isRemat(n) {
		for _, lv := range e.levels {
			if lv.hoist == ir.NoBlock {
				continue
			}
			inside := false
			for _, a := range nd.k.args[:nd.nargs] {
				b := e.ex.best[a]
				if e.isRemat(b) {
					continue
				}
				if e.loops.Contains(lv.loop, e.defBlockOf(b)) {
					inside = true
					break
				}
			}
			if !inside {
				block, before = lv.hoist, e.f.Layout.LastInst(lv.hoist)
				e.g.Stats.Hoisted++
				break
			}
		}
	}
	args := e.argv[:0]
	for _, a := range nd.k.args[:nd.nargs] {
		b := e.ex.best[a]
		if e.isRemat(b) {
			args = append(args, e.remat(b, block, before))
			continue
		}
		args = append(args, e.argValue(b))
	}
	e.argv = args
	v := e.materialize(n, args, before)
	e.record(n, v, block)
}

// argValue is the value of a non-rematerialized argument of a node being
// placed: a leaf's own value, or where the argument was placed (it was
// elaborated first, so its placement is in scope and dominates the node's
// target, hoisted or not).
func (e *elaborator) argValue(n Node) ir.Value {
	if nd := &e.g.nodes[n]; nd.kind == kindLeaf {
		return nd.value
	}
	p, _ := e.lookup(n)
	return p.value
}

// remat returns constant node n placed in block, emitting it in front of
// before unless the block already has it.
func (e *elaborator) remat(n Node, block ir.Block, before ir.Inst) ir.Value {
	if p, ok := e.lookup(n); ok && p.block == block {
		return p.value
	}
	v := e.materialize(n, nil, before)
	e.g.Stats.Remat++
	e.record(n, v, block)
	return v
}

func (e *elaborator) record(n Node, v ir.Value, block ir.Block) {
	d := e.g.domDepth[block]
	e.placed[n] = placement{value: v, block: block, depth: d, gen: e.gens[d]}
}

// materialize creates the instruction of pure node n with argument values
// args in front of before. The first placement of a node that came from
// the input reuses that instruction and its result value, so unchanged
// code keeps its value numbers.
func (e *elaborator) materialize(n Node, args []ir.Value, before ir.Inst) ir.Value {
	f := e.f
	nd := &e.g.nodes[n]
	e.g.Stats.Placed++
	if nd.orig != ir.NoInst && !e.reused[nd.orig] {
		e.reused[nd.orig] = true
		e.g.Stats.Reused++
		// The original keeps its own argument list, rewritten in place
		// when the count is unchanged rather than copied to the pool's end.
		if old := f.DFG.Args(nd.orig); len(old) == len(args) {
			copy(old, args)
		} else {
			f.DFG.SetArgs(nd.orig, args...)
		}
		f.Layout.InsertInstBefore(nd.orig, before)
		return nd.value
	}
	imm := nd.k.imm
	if nd.k.op == ir.OpIconst {
		// Nodes keep constants zero-extended (one key per constant); the
		// text reads better with the sign-extended spelling (-1, not
		// 0xffff_ffff), which means the same constant (ImmSigned).
		switch nd.k.ty {
		case ir.I8:
			imm = int64(int8(imm))
		case ir.I16:
			imm = int64(int16(imm))
		case ir.I32:
			imm = int64(int32(imm))
		}
	}
	// Made empty and filled in place: an InstData built on the stack and
	// copied in is read back right after its small fields were stored,
	// which the store buffer cannot forward.
	list := f.DFG.NewList(args...)
	inst := f.DFG.MakeInst(ir.InstData{})
	d := &f.DFG.Insts[inst]
	d.Opcode, d.Type, d.Code, d.Flags, d.Entity, d.Imm, d.Args = nd.k.op, nd.k.ty, nd.k.code, nd.k.flags, nd.k.entity, imm, list
	v := f.DFG.AppendResult(inst, nd.ty)
	// A copy keeps its original's source location; a node a rule made
	// takes the location of the instruction it is placed for.
	loc := f.DFG.SrcLoc(before)
	if nd.orig != ir.NoInst {
		loc = f.DFG.SrcLoc(nd.orig)
	}
	if loc != ir.NoSourceLoc {
		f.DFG.SetSrcLoc(inst, loc)
	}
	f.Layout.InsertInstBefore(inst, before)
	return v
}

// cond returns the condition simplifyCond put in place of skeleton
// instruction inst's, if any (instructions made since the builder ran
// have none).
func (e *elaborator) cond(inst ir.Inst) (Node, bool) {
	if int(inst) >= len(e.condOf) {
		return NoNode, false
	}
	return e.condOf[inst].node()
}
