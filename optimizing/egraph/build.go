package egraph

import (
	"slices"
	"sync"

	"kiln/ir"
	"kiln/ir/flow"
)

// Run optimizes f in place: it builds the e-graph of f's pure
// instructions, rewriting each new node with rules, picks the cheapest
// member of every class and elaborates the result back into the block
// skeleton with global value numbering and loop-invariant code motion.
//
// f must be verified, without unreachable blocks (they are not visited, so
// their uses would be left dangling). Branches folded by skeleton
// simplification may leave new unreachable blocks and unused block
// parameters behind; later passes remove them.
func Run(f *ir.Function, rules *Rules) Stats { return RunCFG(f, rules, nil) }

// RunCFG is Run with the function's control-flow graph already computed
// (nil computes it).
func RunCFG(f *ir.Function, rules *Rules, cfg *flow.CFG) Stats {
	return RunFlow(f, rules, cfg, nil, nil)
}

// RunFlow is Run with the function's control-flow graph, dominator tree
// and loops already computed (nil computes them); the pipeline shares them
// with HoistLoads, which changes no edge.
func RunFlow(f *ir.Function, rules *Rules, cfg *flow.CFG, dom *flow.DomTree, loops *flow.LoopInfo) Stats {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	return runFlow(f, rules, cfg, dom, loops, sc)
}

// Scratch is the storage of RunFlow's tables, kept from one function to
// the next by whoever compiles many functions on one goroutine (a zero
// Scratch is ready to use; it must not be shared by concurrent runs).
// RunFlow keeps its own in a sync.Pool, which the garbage collector
// empties every other cycle, and the tables of a large function are
// megabytes.
type Scratch struct{ sc scratch }

// RunFlowScratch is RunFlow with its tables in sc.
func RunFlowScratch(f *ir.Function, rules *Rules, cfg *flow.CFG, dom *flow.DomTree, loops *flow.LoopInfo, sc *Scratch) Stats {
	return runFlow(f, rules, cfg, dom, loops, &sc.sc)
}

func runFlow(f *ir.Function, rules *Rules, cfg *flow.CFG, dom *flow.DomTree, loops *flow.LoopInfo, sc *scratch) Stats {
	if f.Layout.EntryBlock() == ir.NoBlock {
		return Stats{}
	}
	if cfg == nil {
		cfg = flow.NewCFG(f)
	}
	if dom == nil {
		dom = flow.NewDomTree(f, cfg)
	}
	if loops == nil {
		loops = flow.NewLoopInfo(f, cfg, dom)
	}
	g := &Graph{f: f, rules: rules}
	if rules == nil {
		g.rules = &Rules{}
	}
	nb := f.DFG.NumBlocks()
	g.domDepth = resize(sc.domDepth, nb)
	g.loopDep = resize(sc.loopDep, nb)
	maxDepth := int32(0)
	for _, b := range dom.Preorder() {
		if idom := dom.Idom(b); idom != ir.NoBlock {
			g.domDepth[b] = g.domDepth[idom] + 1
		}
		maxDepth = max(maxDepth, g.domDepth[b])
		g.loopDep[b] = uint8(min(loops.Depth(b), maxLoopScale))
	}
	// The alias analysis walks every instruction first and counts them.
	memIn, ninsts := memoryVersions(f, cfg, dom, sc)
	g.gens = resize(sc.gens, int(maxDepth)+1)
	// About one node per instruction plus what the rules add: sized once
	// rather than regrown geometrically through a large function.
	g.nodes = slices.Grow(sc.nodes[:0], ninsts+ninsts/2)
	g.members = slices.Grow(sc.members[:0], ninsts+ninsts/2)
	g.ops = slices.Grow(sc.ops[:0], ninsts+ninsts/2)
	g.classes = slices.Grow(sc.classes[:0], ninsts+ninsts/2)
	sc.hashcons.reset(ninsts)
	g.hashcons = &sc.hashcons
	sc.consts.reset(ninsts / 8)
	g.consts = &sc.consts
	g.fuel = fuelPerInst*ninsts + 64

	sc.checks.reset(ninsts / 8)
	b := &builder{missed: missedLoad{inst: ir.NoInst}, g: g, dom: dom, classOf: resize(sc.classOf, f.DFG.NumValues()), condOf: resize(sc.condOf, f.DFG.NumInsts()), checks: &sc.checks}
	for i := range b.classOf {
		b.classOf[i] = NoNode
	}
	if b.memIn = memIn; b.memIn != nil {
		sc.loads.reset(ninsts / 4)
		b.loads = &sc.loads
	}
	b.build()
	ex := extract(g, sc)
	e := newElaborator(g, dom, loops, ex, b.classOf, sc)
	e.condOf = b.condOf
	e.run()
	f.DFG.ResolveAllAliases()

	// Keep the grown tables for the next function.
	sc.domDepth, sc.loopDep, sc.gens, sc.nodes, sc.classOf = g.domDepth, g.loopDep, g.gens, g.nodes, b.classOf
	sc.members, sc.ops, sc.classes = g.members, g.ops, g.classes
	sc.best, sc.cost = ex.best, ex.cost
	sc.placed, sc.egens, sc.reused = e.placed, e.gens, e.reused
	sc.condOf = b.condOf
	return g.Stats
}

// scratch holds the tables of one Run. They are reused across runs through
// scratchPool, so compiling many small functions does not allocate them
// afresh each time; nothing in them outlives a Run.
type scratch struct {
	domDepth []int32
	loopDep  []uint8
	gens     []uint32
	nodes    []node
	members  []Node
	ops      []ir.Opcode
	classes  []classInfo
	classOf  []Node
	hashcons consTable
	consts   constTable
	condOf   []condNode
	checks   hashTable[checkKey, checkEntry]
	loads    hashTable[loadKey, scoped]
	best     []Node
	cost     []Cost
	placed   []placement
	egens    []uint32
	reused   []bool
	// memoryVersions' tables (alias.go).
	memSummary, memIn, memOut []memState
	memDone, memPartial       []bool
	memOutAt, memSeenAt       []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// condNode is a condition class plus one, so that the zero of a fresh
// table means "not replaced".
type condNode Node

// node returns the class, ok false when the condition was not replaced.
func (c condNode) node() (Node, bool) { return Node(c) - 1, c != 0 }

// resize returns s with length n and every element zero, reusing its
// storage when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// maxLoopScale is the loop depth beyond which costs stop growing.
const maxLoopScale = 2

type builder struct {
	g       *Graph
	dom     *flow.DomTree
	classOf []Node // per original value: its class
	checks  *hashTable[checkKey, checkEntry]
	condOf  []condNode // by skeleton instruction: its condition as simplifyCond replaced it

	// Alias analysis (alias.go): the memory state at each block's entry
	// (nil: no analysis), the state at the current instruction, and the
	// scoped table of loaded or stored values.
	memIn []memState
	mem   memState
	loads *hashTable[loadKey, scoped]
	// missed is the load redundantLoad last looked up in vain.
	missed missedLoad
}

// missedLoad is a load's key, hash and table slot, from redundantLoad to
// recordMemory.
type missedLoad struct {
	inst ir.Inst
	k    loadKey
	h    uint64
	slot int
}

// IsPure reports whether inst joins the e-graph: a pure opcode with exactly
// one result, or a load flagged readonly, notrap and can_move. Instructions that read machine state (the stack or frame
// pointer, return address) are pure by the opcode table's flags but depend
// on where they run, so they stay in the skeleton. Loads, calls, traps and
// everything else with an effect stay too — among them the wasm interrupt
// checks (calls of the check routine at loop heads), which must never be
// removed or moved.
func IsPure(f *ir.Function, inst ir.Inst) bool {
	d := &f.DFG.Insts[inst]
	op := d.Opcode
	if op == ir.OpLoad {
		// A load that cannot trap, reads memory nothing writes and may be
		// moved anywhere (above the checks that guard it, too) is a pure
		// function of its address: the VM context's constant fields.
		return d.Flags.Readonly() && d.Flags.NoTrap() && d.Flags.CanMove() && len(f.DFG.Results(inst)) == 1
	}
	if !op.IsPure() || len(f.DFG.Results(inst)) != 1 {
		return false
	}
	switch op {
	case ir.OpGetFramePointer, ir.OpGetStackPointer, ir.OpGetReturnAddress,
		ir.OpGetExceptionHandlerAddress, ir.OpNop:
		return false
	}
	return true
}

// build walks the dominator tree in preorder with an explicit stack,
// opening a hash-consing scope per block.
func (b *builder) build() {
	g, f := b.g, b.g.f
	type item struct {
		block ir.Block
		exit  bool
	}
	stack := []item{{block: f.Layout.EntryBlock()}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.exit {
			g.curDepth--
			continue
		}
		d := g.domDepth[it.block]
		g.curDepth = d
		g.gens[d]++
		stack = append(stack, item{block: it.block, exit: true})
		kids := b.dom.Children(it.block)
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, item{block: kids[i]})
		}
		b.buildBlock(it.block)
	}
}

func (b *builder) class(v ir.Value, blk ir.Block) Node {
	v = b.g.f.DFG.ResolveAliases(v)
	if v < 0 || int(v) >= len(b.classOf) {
		return b.g.leaf(v, blk)
	}
	if b.classOf[v] == NoNode {
		// Only reachable in malformed input (a use not dominated by its
		// definition); treat the value as opaque.
		b.classOf[v] = b.g.leaf(v, b.g.entry())
	}
	return b.classOf[v]
}

func (b *builder) buildBlock(blk ir.Block) {
	g, f := b.g, b.g.f
	for _, p := range f.DFG.BlockParams(blk) {
		b.classOf[p] = g.leaf(p, blk)
	}
	if b.memIn != nil {
		b.mem = b.memIn[blk]
	}
	var args [3]Node
	for inst := range f.Layout.BlockInsts(blk) {
		if IsPure(f, inst) && f.DFG.Insts[inst].Args.Len <= 3 {
			d := f.DFG.Insts[inst]
			as := args[:0]
			for _, a := range f.DFG.List(d.Args) {
				as = append(as, b.class(a, blk))
			}
			// The controlling type as CtrlTypevar finds it, read from the
			// argument's class (a class has its value's type) instead of
			// the value tables.
			switch info := d.Opcode.Info(); info.Ctrl {
			case ir.CtrlNone:
				d.Type = ir.Invalid
			case ir.CtrlOperand:
				if i := int(info.CtrlArg); i >= 0 && i < len(as) {
					if t := g.nodes[as[i]].ty; t != ir.Invalid {
						d.Type = t
					}
				}
			}
			if d.Opcode == ir.OpIconst {
				d.Imm = int64(normalize(d.Type, uint64(d.Imm)))
			}
			res := f.DFG.FirstResult(inst)
			b.classOf[res] = g.insertPure(&d, f.DFG.ValueType(res), as, inst, res)
			f.Layout.RemoveInst(inst)
			continue
		}
		if b.memIn != nil && b.redundantLoad(inst, blk) {
			continue
		}
		if b.simplifySkeleton(inst, blk) {
			continue
		}
		if d := f.DFG.Insts[inst]; d.Opcode.Flags() == ir.CanTrap && len(f.DFG.Results(inst)) == 1 && len(f.DFG.Args(inst)) <= 3 {
			as := args[:0]
			for _, a := range f.DFG.Args(inst) {
				as = append(as, b.class(a, blk))
			}
			d.Type = f.CtrlTypevar(inst)
			res := f.DFG.FirstResult(inst)
			if c := g.simplifyTrapping(d, f.DFG.ValueType(res), as, blk); c != NoNode {
				b.classOf[res] = c
				f.Layout.RemoveInst(inst)
				continue
			}
		}
		for _, r := range f.DFG.Results(inst) {
			b.classOf[r] = g.leaf(r, blk)
		}
		if b.memIn != nil {
			b.recordMemory(inst, blk)
		}
	}
}

// loadKeyOf is the key of a plain load at the current memory state.
func (b *builder) loadKeyOf(inst ir.Inst, blk ir.Block) loadKey {
	f := b.g.f
	d := &f.DFG.Insts[inst]
	v := b.mem[category(d.Flags)]
	if d.Flags.Readonly() {
		v = entryVersion
	}
	return loadKey{version: v, op: d.Opcode, ty: f.DFG.ValueType(f.DFG.FirstResult(inst)),
		addr: b.class(f.DFG.Args(inst)[0], blk), offset: d.Offset(), flags: d.Flags}
}

// redundantLoad replaces a load whose value is available from a
// dominating load or store (alias.go) and reports whether it did.
func (b *builder) redundantLoad(inst ir.Inst, blk ir.Block) bool {
	g, f := b.g, b.g.f
	if !isPlainLoad(f.DFG.Insts[inst].Opcode) {
		return false
	}
	k := b.loadKeyOf(inst, blk)
	h := k.hash()
	slot := b.loads.find(&k, h)
	e, ok := b.loads.at(slot)
	if !ok || e.depth > g.curDepth || g.gens[e.depth] != e.gen {
		// recordMemory records the load in the slot found here.
		b.missed = missedLoad{inst: inst, k: k, h: h, slot: slot}
		return false
	}
	b.classOf[f.DFG.FirstResult(inst)] = e.node
	f.Layout.RemoveInst(inst)
	g.Stats.LoadsRemoved++
	return true
}

// recordMemory applies the memory effect of a skeleton instruction that
// stays and records what it makes available: a load its value, a store
// the stored value for loads of its type and flags.
func (b *builder) recordMemory(inst ir.Inst, blk ir.Block) {
	g, f := b.g, b.g.f
	d := &f.DFG.Insts[inst]
	here := func(n Node) scoped {
		dd := g.domDepth[blk]
		return scoped{node: n, depth: dd, gen: g.gens[dd]}
	}
	switch {
	case isPlainLoad(d.Opcode):
		v := here(b.classOf[f.DFG.FirstResult(inst)])
		if m := &b.missed; m.inst == inst {
			// Nothing went into the table since redundantLoad probed it.
			b.loads.setAt(m.slot, &m.k, m.h, v)
			m.inst = ir.NoInst
			break
		}
		k := b.loadKeyOf(inst, blk)
		b.loads.set(&k, k.hash(), v)
	case d.Opcode == ir.OpStore:
		transfer(f, inst, &b.mem)
		args := f.DFG.Args(inst)
		k := loadKey{version: memVersion(inst), op: ir.OpLoad, ty: f.DFG.ValueType(args[0]),
			addr: b.class(args[1], blk), offset: d.Offset(), flags: d.Flags}
		b.loads.set(&k, k.hash(), here(b.class(args[0], blk)))
	default:
		transfer(f, inst, &b.mem)
	}
}

// simplifySkeleton applies the skeleton rewrites to a side-effecting
// instruction and reports whether it was removed:
//   - brif on a constant becomes a jump to the taken target;
//   - trapz/trapnz whose condition is a constant that never traps is
//     removed (one that always traps is kept: it still has to trap).
func (b *builder) simplifySkeleton(inst ir.Inst, blk ir.Block) bool {
	g, f := b.g, b.g.f
	d := &f.DFG.Insts[inst]
	switch d.Opcode {
	case ir.OpBrif:
		cond, inverted := b.simplifyCond(b.class(f.DFG.Args(inst)[0], blk))
		if cond != b.class(f.DFG.Args(inst)[0], blk) {
			b.condOf[inst] = condNode(cond + 1)
			if inverted {
				calls := f.DFG.BlockCalls(inst)
				then, els := calls[0], calls[1]
				f.DFG.SetBlockCall(inst, 0, els)
				f.DFG.SetBlockCall(inst, 1, then)
			}
			g.Stats.CondsSimplified++
		}
		c, ok := g.ConstOf(cond)
		if !ok {
			return false
		}
		calls := f.DFG.BlockCalls(inst)
		taken := calls[1]
		if normalize(g.ResultType(cond), c) != 0 {
			taken = calls[0]
		}
		b.condOf[inst] = 0
		d.Opcode = ir.OpJump
		d.Type = ir.Invalid
		d.Args = ir.ValueList{}
		d.Entity = f.DFG.NewBlockCalls(taken)
		g.Stats.BranchesFolded++
		return false
	case ir.OpTrapz, ir.OpTrapnz:
		cc, inverted := b.simplifyCond(b.class(f.DFG.Args(inst)[0], blk))
		if cc != b.class(f.DFG.Args(inst)[0], blk) {
			b.condOf[inst] = condNode(cc + 1)
			if inverted {
				if d.Opcode == ir.OpTrapz {
					d.Opcode = ir.OpTrapnz
				} else {
					d.Opcode = ir.OpTrapz
				}
			}
			g.Stats.CondsSimplified++
		}
		if c, ok := g.ConstOf(cc); ok {
			isZero := normalize(g.ResultType(cc), c) == 0
			if isZero == (d.Opcode == ir.OpTrapnz) {
				f.Layout.RemoveInst(inst)
				g.Stats.TrapsRemoved++
				return true
			}
			return false
		}
		if b.redundantTrap(d, cc, blk) {
			f.Layout.RemoveInst(inst)
			g.Stats.TrapsRemoved++
			return true
		}
	}
	return false
}

// simplifyCond finds a simpler class to test for zero in place of c, for
// brif, trapz and trapnz: the operand of a zero-extension (extending does
// not change zero-ness), x for `icmp ne x, 0`, and x with the sense
// inverted for `icmp eq x, 0` — the shapes wasm's i32 booleans leave
// behind (i32.eqz; br_if). Only scalar integers of at most 64 bits are
// substituted, so the back end sees the conditions it already handles.
func (b *builder) simplifyCond(c Node) (Node, bool) {
	g := b.g
	inverted := false
	ok := func(x Node) bool {
		t := g.ResultType(x)
		return t.IsInt() && t.IsScalar() && t.Bits() <= 64
	}
	for steps := 0; steps < 8; steps++ {
		next := NoNode
		for _, m := range g.Members(c) {
			switch g.Op(m) {
			case ir.OpUextend:
				if x := g.Arg(m, 0); ok(x) {
					next = x
				}
			case ir.OpIcmp:
				k, isConst := g.ConstOf(g.Arg(m, 1))
				if x := g.Arg(m, 0); isConst && k == 0 && ok(x) {
					switch g.IntCC(m) {
					case ir.IntNE:
						next = x
					case ir.IntEQ:
						next = x
						inverted = !inverted
					}
				}
			}
			if next != NoNode {
				break
			}
		}
		if next == NoNode {
			break
		}
		c = next
	}
	return c, inverted
}

// checkKey identifies a conditional trap by what it tests: the same
// condition class (an idempotent trap), or — for bounds checks of the shape
// `trapnz (icmp ugt (iadd x k) bound)` — the index x and the bound, with k
// kept as the entry's value.
type checkKey struct {
	op    ir.Opcode
	code  uint8
	cond  Node // the condition class; NoNode for bounds checks
	index Node
	bound Node
}

// checkEntry is a scoped record of a check that dominates what follows.
type checkEntry struct {
	k     uint64 // largest end offset checked (bounds checks)
	depth int32
	gen   uint32
}

// redundantTrap reports a trapz/trapnz that a dominating one makes
// redundant, and otherwise records it:
//   - the same opcode and trap code on the same condition class: if the
//     first did not trap, neither does the second;
//   - a bounds check `trapnz (icmp ugt (iadd x k) bound)` after a check of
//     the same x and bound with an end offset k' >= k: x+k <= x+k' <=
//     bound. To rule out wrapping, x must be a zero-extended value of at
//     most 32 bits and the offsets below 2^32 (the wasm32 heap pattern).
func (b *builder) redundantTrap(d *ir.InstData, cond Node, blk ir.Block) bool {
	g := b.g
	valid := func(e checkEntry, ok bool) bool {
		return ok && e.depth <= g.curDepth && g.gens[e.depth] == e.gen
	}
	here := checkEntry{depth: g.domDepth[blk], gen: g.gens[g.domDepth[blk]]}
	same := checkKey{op: d.Opcode, code: d.Code, cond: cond, index: NoNode, bound: NoNode}
	h := same.hash()
	slot := b.checks.find(&same, h)
	if valid(b.checks.at(slot)) {
		return true
	}
	b.checks.setAt(slot, &same, h, here)
	if d.Opcode != ir.OpTrapnz {
		return false
	}
	for _, m := range g.Members(cond) {
		if g.Op(m) != ir.OpIcmp || g.IntCC(m) != ir.IntUGT || g.Type(m) != ir.I64 {
			continue
		}
		x, k, ok := b.indexPlusOffset(g.Arg(m, 0))
		if !ok {
			continue
		}
		key := checkKey{op: d.Opcode, code: d.Code, cond: NoNode, index: x, bound: g.Arg(m, 1)}
		h := key.hash()
		slot := b.checks.find(&key, h)
		if e, ok := b.checks.at(slot); valid(e, ok) && e.k >= k {
			return true
		}
		e := here
		e.k = k
		b.checks.setAt(slot, &key, h, e)
		return false
	}
	return false
}

// indexPlusOffset matches class a as x + k where x is a zero-extension of a
// value of at most 32 bits and k < 2^32.
func (b *builder) indexPlusOffset(a Node) (x Node, k uint64, ok bool) {
	g := b.g
	isIndex := func(c Node) bool {
		for _, m := range g.Members(c) {
			if g.Op(m) == ir.OpUextend && g.ResultType(g.Arg(m, 0)).Bits() <= 32 {
				return true
			}
		}
		return false
	}
	for _, m := range g.Members(a) {
		if g.Op(m) != ir.OpIadd {
			continue
		}
		for i := 0; i < 2; i++ {
			if c, isConst := g.ConstOf(g.Arg(m, 1-i)); isConst && c < 1<<32 && isIndex(g.Arg(m, i)) {
				return g.Arg(m, i), c, true
			}
		}
	}
	return NoNode, 0, false
}
