package regalloc

import "math/bits"

// regState is where a vreg is at a block boundary: in a register (Reg may
// be NoPReg), and/or in its spill slot.
type regState struct {
	v      VReg
	reg    PReg
	inSlot bool
}

// allocator is the state shared by both algorithms: the register file as
// the walk sees it, one instruction at a time. See doc.go for the design.
type allocator struct {
	analysis
	fast  bool
	out   *Output
	edits []Edit
	res   *moveResolver

	slotOf []SpillSlot // vreg -> its canonical spill slot, or -1

	// The register file at the current point of the walk. Invariant between
	// instructions: regOwner[r] == v iff vregReg[v.Index()] == r, and every
	// vreg still needed is in a register or has slotValid set.
	regOwner [numRegLocs]VReg
	occupied RegSet // a superset of the registers regOwner says are owned
	// defWritten accumulates the registers defs are given (for
	// Output.WrittenRegs).
	defWritten RegSet
	vregReg    []PReg
	slotValid  []bool
	// vlive[v].next is the instruction of v's next use in the current
	// block after the current point, or -1 (between blocks: -1
	// everywhere); vlive[v].out == curStamp marks vregs live out of the
	// current block (Quality only; Fast keeps all of those in slots).
	// One record, not two tables: deciding whether a register's owner is
	// still needed reads both, and that is the innermost test of the
	// free-register search.
	vlive    []liveInfo
	curStamp int32
	// leftBlock is the block Quality allocated last, whose end state the
	// register file still holds: the next block clears it on entry, or, if
	// that is its only predecessor, reads its live-ins from it.
	leftBlock Block

	// order[c] lists allocatable registers, preferred first; calleeOrder[c]
	// lists them non-preferred first, for values live across calls.
	order, calleeOrder [NumClasses][]PReg
	// prefMask[c] is env.Preferred's word of class c: order[c] is its bits
	// in index order, then the other allocatable ones.
	prefMask [NumClasses]uint64

	// opNext[k] is the next use of operand k's vreg (indexed like ops) in
	// its block after its instruction, or -1; filled block by block (Fast)
	// or for the whole function by computeBudgets (Quality).
	opNext []int32
	// fixedAfter[i] are the registers fixed operands of instructions after
	// i in its block name; fixedLater is that set for the current
	// instruction.
	fixedAfter []RegSet
	fixedLater RegSet
	// paramNext[paramStart[b]+k] is the first use in b of its k'th
	// parameter, or -1 (Quality, from computeBudgets).
	paramNext []int32

	// Per-instruction scratch.
	pinned       RegSet
	pinOwner     [numRegLocs]VReg
	displaced    RegSet // pinned registers whose owner is not their pin's value
	moves        []pmove
	affected     []VReg
	instMark     []int32
	instStamp    int32
	newReg       []PReg // indexed like affected
	relocTargets RegSet
	allocatable  RegSet        // every class's allocatable registers
	busyFn       func() RegSet // al.busyRegs, bound once

	// Quality: block boundary states, slices of states.
	started, ended     []bool
	startSpan, endSpan []stateSpan
	states             []regState
	lookup             []int32 // vreg -> index+1 into a state being consulted

	// Quality: how many registers of each class a block needs at most for
	// its own operands and the values it uses or defines (demand), and the
	// registers its clobbers and fixed operands take (avoid). For a loop
	// header both cover the whole loop. They decide which values only
	// passing through a block keep their registers (enterBlock).
	demand    [][NumClasses]int32
	avoid     []RegSet
	header    []bool
	mergeMark []int32 // vreg -> block+1: some allocated predecessor has it only in its slot

	// computeBudgets' scratch.
	fixedIn   []RegSet
	loopDem   [][NumClasses]int32
	loopAvoid []RegSet
	inLoop    []int32
	work2     []Block

	// Quality: the blocks of the natural loop each header heads (itself
	// first), loopUse (vreg -> block+1: the loop being entered reads it)
	// and loads (the entering header's live-ins to load into a register).
	bodySpan []stateSpan
	bodyList []Block
	loopUse  []int32
	loads    []int32
	entryAct []uint8 // enterBlock's decision for each live-in

	sortBuf   []Edit
	sortStart []int32
	newSlotFn func(RegClass) SpillSlot
}

type liveInfo struct{ next, out int32 }

// stateSpan locates a block's boundary state in allocator.states.
type stateSpan struct{ lo, hi int32 }

func (al *allocator) startState(b Block) []regState {
	sp := al.startSpan[b]
	return al.states[sp.lo:sp.hi]
}

func (al *allocator) endState(b Block) []regState {
	sp := al.endSpan[b]
	return al.states[sp.lo:sp.hi]
}

func ri(p PReg) int { return int(p.Class())*MaxRegsPerClass + p.Index() }

func (al *allocator) allocate(f Function, env *MachineEnv, opt Options) (*Output, error) {
	if err := al.analysis.init(f, env, opt.Algorithm == Quality, opt.Verify); err != nil {
		return nil, err
	}
	return al.run(opt.Algorithm, opt.Reuse)
}

// release drops what a pooled allocator must not keep: the caller's
// function, machine and output.
func (al *allocator) release() {
	al.analysis.release()
	al.out = nil
	if al.res != nil {
		al.res.env = nil
	}
}

// run allocates the function al.analysis describes. al may hold tables of
// an earlier call; everything read before it is written is reset here.
func (al *allocator) run(algo Algorithm, reuse *Output) (*Output, error) {
	n := al.nVRegs
	al.fast = algo == Fast
	if reuse != nil {
		*reuse = Output{
			Allocs:         reuse.Allocs[:0],
			InstAllocStart: reuse.InstAllocStart[:0],
			Edits:          reuse.Edits[:0],
			SpillSlotClass: reuse.SpillSlotClass[:0],
		}
		al.out = reuse
	} else {
		al.out = &Output{}
	}
	al.slotOf = resizeFill(al.slotOf, n, -1)
	al.vregReg = resizeFill(al.vregReg, n, NoPReg)
	al.slotValid = resizeClear(al.slotValid, n)
	al.vlive = resizeFill(al.vlive, n, liveInfo{next: -1})
	al.instMark = resizeClear(al.instMark, n)
	al.opNext = resize(al.opNext, len(al.ops))
	al.fixedAfter = resize(al.fixedAfter, al.nInsts)
	al.instStamp = 0
	for r := range al.regOwner {
		al.regOwner[r] = NoVReg
	}
	al.occupied = RegSet{}
	al.defWritten = RegSet{}
	if al.res == nil {
		al.newSlotFn = al.newSlot
		al.busyFn = al.busyRegs
		al.res = &moveResolver{}
	}
	al.res.reset(al.env, al.newSlotFn)
	al.edits = al.edits[:0]
	al.leftBlock = -1
	al.allocatable = RegSet{}
	for c := RegClass(0); c < NumClasses; c++ {
		pref := al.env.Preferred.Class(c)
		non := al.env.NonPreferred.Class(c) &^ pref
		al.prefMask[c] = pref
		al.order[c] = appendRegs(appendRegs(al.order[c][:0], c, pref), c, non)
		al.calleeOrder[c] = appendRegs(appendRegs(al.calleeOrder[c][:0], c, non), c, pref)
		al.allocatable = al.allocatable.Union(al.env.Allocatable(c))
	}
	// Allocations: one per operand, in instruction order.
	out := al.out
	out.InstAllocStart = append(out.InstAllocStart, al.opStart...)
	if cap(out.Allocs) >= len(al.ops) {
		out.Allocs = out.Allocs[:len(al.ops)]
		clear(out.Allocs)
	} else {
		out.Allocs = make([]Alloc, len(al.ops)) // exact: the caller keeps it
	}
	var err error
	if al.fast {
		for b := Block(0); int(b) < al.nBlocks; b++ {
			if err = al.block(b); err != nil {
				return nil, err
			}
		}
	} else {
		nb := al.nBlocks
		al.started = resizeClear(al.started, nb)
		al.ended = resizeClear(al.ended, nb)
		al.startSpan = resize(al.startSpan, nb)
		al.endSpan = resize(al.endSpan, nb)
		al.states = al.states[:0]
		al.lookup = resizeClear(al.lookup, n)
		al.mergeMark = resizeClear(al.mergeMark, n)
		al.loopUse = resizeClear(al.loopUse, n)
		al.computeBudgets()
		for _, b := range al.rpo {
			if err = al.block(b); err != nil {
				return nil, err
			}
		}
	}
	al.finish()
	return out, nil
}

// appendRegs appends the registers of class c in mask m, in index order.
func appendRegs(dst []PReg, c RegClass, m uint64) []PReg {
	for ; m != 0; m &= m - 1 {
		dst = append(dst, NewPReg(c, bits.TrailingZeros64(m)))
	}
	return dst
}

func (al *allocator) newSlot(c RegClass) SpillSlot {
	al.out.SpillSlotClass = append(al.out.SpillSlotClass, c)
	return SpillSlot(len(al.out.SpillSlotClass) - 1)
}

func (al *allocator) slot(v VReg) SpillSlot {
	x := v.Index()
	if al.slotOf[x] < 0 {
		al.slotOf[x] = al.newSlot(v.Class())
	}
	return al.slotOf[x]
}

// loc is where v can be read right now: its register, else its slot.
func (al *allocator) loc(v VReg) Alloc {
	if r := al.vregReg[v.Index()]; r != NoPReg {
		return RegLoc(r)
	}
	return StackLoc(al.slot(v))
}

// needed reports whether v's value must be kept after the current point.
func (al *allocator) needed(v VReg) bool {
	x := v.Index()
	return al.vlive[x].next >= 0 || !al.fast && al.vlive[x].out == al.curStamp
}

// distance ranks v for eviction: larger is a better victim.
func (al *allocator) distance(v VReg) int64 {
	x := v.Index()
	d := int64(1) << 40
	if al.vlive[x].next >= 0 {
		d = int64(al.vlive[x].next)
	} else if !al.needed(v) {
		d = 1 << 50
	}
	if !al.slotValid[x] {
		d /= 2 // evicting a value not yet in its slot costs a store too
	}
	return d
}

func (al *allocator) finish() {
	out := al.out
	var sorted []Edit
	sorted, al.sortBuf, al.sortStart = sortEdits(al.edits, 2*al.nInsts, al.sortBuf, al.sortStart)
	if len(sorted) > 0 {
		out.Edits = append(out.Edits, sorted...)
	}
	for _, e := range out.Edits {
		switch e.Kind() {
		case MoveEdit:
			out.Stats.Moves++
		case SpillEdit:
			out.Stats.Spills++
		default:
			out.Stats.Reloads++
		}
		if e.To.IsReg() {
			out.WrittenRegs.Add(e.To.Reg())
		}
	}
	out.WrittenRegs = out.WrittenRegs.Union(al.defWritten)
	out.CalleeSavedUsed = out.WrittenRegs.Intersect(al.env.NonPreferred)
}

// sortEdits orders edits by program point, keeping the generation order of
// edits at the same point (they are sequential). Edits come out in order
// within a block, so this is usually a check; otherwise a counting sort
// into buf, using start as scratch (both returned for reuse).
func sortEdits(edits []Edit, npoints int, buf []Edit, start []int32) (sorted, bufOut []Edit, startOut []int32) {
	ok := true
	for k := 1; k < len(edits) && ok; k++ {
		ok = edits[k-1].Point <= edits[k].Point
	}
	if ok {
		return edits, buf, start
	}
	start = resizeClear(start, npoints+1)
	for _, e := range edits {
		start[e.Point+1]++
	}
	for p := 0; p < npoints; p++ {
		start[p+1] += start[p]
	}
	out := resize(buf, len(edits))
	for _, e := range edits {
		out[start[e.Point]] = e
		start[e.Point]++
	}
	return out, out, start
}

// block allocates one block: boundary state in, instructions, boundary out.
func (al *allocator) block(b Block) error {
	r := al.blockRange[b]
	al.curStamp = int32(b) + 1
	if al.fast {
		al.scanNextUses(b, r)
	} else {
		// computeBudgets did the backward scan; what it leaves at block
		// entry is each upward-exposed use's first instruction.
		for _, e := range al.exposed[al.expStart[b]:al.expStart[b+1]] {
			al.vlive[e.v].next = int32(e.inst)
		}
		for k, p := range al.params(b) {
			al.vlive[p.Index()].next = al.paramNext[al.paramStart[b]+int32(k)]
		}
		al.fixedLater = al.fixedIn[b]
		lone := al.loneJump(b, r)
		// Live-out marks matter only to needed, which a lone jump's entry
		// asks only when placing parameters.
		if !lone || len(al.params(b)) > 0 {
			for _, s := range al.succs(b) {
				for _, v := range al.liveInOf(s) {
					al.vlive[v.Index()].out = al.curStamp
				}
			}
		}
		if lone {
			return al.passBlock(b, r)
		}
	}
	if err := al.enterBlock(b, r); err != nil {
		return err
	}
	for i := r.First; i < r.End; i++ {
		if err := al.inst(b, i, r); err != nil {
			return err
		}
	}
	return al.leaveBlock(b, r)
}

// loneJump reports whether b (Quality) is a jump and nothing else: no
// operands, no clobbers, one successor, neither the entry nor a loop
// header. Most blocks of compiled code are (split edges, empty wasm
// blocks).
func (al *allocator) loneJump(b Block, r InstRange) bool {
	i := r.First
	return r.End-i == 1 && al.opStart[i] == al.opStart[i+1] && al.clobOf[i] == 0 &&
		al.succStart[b+1]-al.succStart[b] == 1 && !al.header[b] && b != al.rpo[0]
}

// passBlock allocates a lone jump (see loneJump). The jump neither reads
// nor writes a register, so b leaves as it entered: its start state is its
// end state. The two hold the same values, since a value live into b or a
// used parameter of b is live out of it (it has no other use here), and
// every reader of a state looks its entries up by vreg, so their order does
// not matter. That saves leaveBlock's rebuilding and checking of the state.
func (al *allocator) passBlock(b Block, r InstRange) error {
	if err := al.enterBlock(b, r); err != nil {
		return err
	}
	al.endSpan[b] = al.startSpan[b]
	al.ended[b] = true
	s := al.succList[al.succStart[b]]
	args := al.edgeArgs(b, 0)
	if al.started[s] {
		if err := al.fixup(b, s, args); err != nil {
			return err
		}
	}
	for _, v := range args {
		al.vlive[v.Index()].next = -1
	}
	al.leftBlock = b
	return nil
}

// scanNextUses walks b backwards, recording each operand's next use in the
// block after its instruction, and leaves vlive[v].next at v's first use
// (Fast; computeBudgets does the same for Quality).
func (al *allocator) scanNextUses(b Block, r InstRange) {
	term := r.End - 1
	for k := range al.succs(b) {
		for _, v := range al.edgeArgs(b, k) {
			al.vlive[v.Index()].next = int32(term)
		}
	}
	var fixed RegSet
	for i := r.End - 1; i >= r.First; i-- {
		ops := al.instOps(i)
		al.fixedAfter[i] = fixed
		for _, o := range ops {
			if o.Constraint() == Fixed {
				fixed.Add(o.FixedReg())
			}
		}
		next := al.opNext[al.opStart[i]:]
		for k, o := range ops {
			next[k] = al.vlive[o.VReg().Index()].next
		}
		for _, o := range ops {
			if o.IsUse() {
				al.vlive[o.VReg().Index()].next = int32(i)
			} else {
				al.vlive[o.VReg().Index()].next = -1
			}
		}
	}
	al.fixedLater = fixed
}

// clearRegs empties the register file (between blocks). Blocks average a
// handful of instructions in compiled code, so it visits only the registers
// that were given an owner, not the whole table.
func (al *allocator) clearRegs() {
	for c, m := range al.occupied.words() {
		for ; m != 0; m &= m - 1 {
			p := NewPReg(RegClass(c), bits.TrailingZeros64(m))
			if v := al.regOwner[ri(p)]; v != NoVReg {
				al.vregReg[v.Index()] = NoPReg
				al.regOwner[ri(p)] = NoVReg
			}
		}
	}
	al.occupied = RegSet{}
}

// edgePoint is where the moves of edge p->s go: before p's branch if p has
// one successor, else (critical edges being split) at the top of s.
func (al *allocator) edgePoint(p, s Block) ProgPoint {
	if len(al.succs(p)) == 1 {
		return PointBefore(al.blockRange[p].End - 1)
	}
	return PointBefore(al.blockRange[s].First)
}

func (al *allocator) enterBlock(b Block, r InstRange) error {
	f := al.f
	if al.fast {
		// Every value crossing a boundary lives in its slot; parameters
		// too. A single-predecessor block whose predecessor branches
		// several ways receives its arguments here, slot to slot.
		for _, p := range al.params(b) {
			al.slot(p)
			al.slotValid[p.Index()] = true
		}
		preds := al.preds(b)
		if len(preds) == 1 && len(al.succs(preds[0])) > 1 {
			return al.fastEdge(preds[0], b, al.predArgs(b, 0), RegSet{})
		}
		return nil
	}
	if preds := al.preds(b); len(preds) == 1 && !al.header[b] && len(al.params(b)) == 0 && al.ended[preds[0]] {
		return al.enterOnePred(b, preds[0])
	}
	al.clearRegs()
	if b == f.Entry() {
		al.startSpan[b] = stateSpan{}
		al.started[b] = true
		return nil
	}
	// Inherit the register file from a predecessor already allocated (one
	// exists: blocks go in reverse postorder).
	var from Block = -1
	fromIdx := -1
	for j, p := range al.preds(b) {
		if al.ended[p] {
			from, fromIdx = p, j
			break
		}
	}
	if from < 0 {
		return errorf(b, -1, -1, "internal error: no allocated predecessor")
	}
	// A value only passing through keeps its register if the block (for a
	// loop header: the whole loop) leaves one spare, no clobber or fixed
	// operand there takes it, and every allocated predecessor has it in a
	// register too. Then it reaches its later uses, typically around
	// a loop, with no store and reload, and a loop header passes its
	// preheader's assignment on to the back edge. Otherwise it goes to
	// its slot, so that the registers go to the values this block uses
	// and other predecessors need not reload it.
	var spare [NumClasses]int32
	for c := range spare {
		spare[c] = int32(len(al.order[c])) - al.demand[b][c]
	}
	for _, p := range al.preds(b) {
		if !al.ended[p] && !al.dominates(b, p) {
			spare = [NumClasses]int32{} // irreducible: the other entry is unknown
		}
		if al.ended[p] && p != from {
			for _, e := range al.endState(p) {
				if e.reg == NoPReg {
					al.mergeMark[e.v.Index()] = al.curStamp
				}
			}
		}
	}
	end := al.endState(from)
	al.index(end)
	lo := int32(len(al.states))
	st := al.states
	// A loop header serves the values its loop reads first: they keep
	// their registers ahead of values only passing through, and those
	// arriving only in their slots are loaded into a free register on the
	// way in (once per entry) instead of at every use in the loop, each
	// iteration. A value the header itself reads in a one-block loop is
	// within the block's demand; any other takes one of the loop's spare
	// registers, since some block of the loop only carries it.
	header := al.header[b]
	oneBlock := false
	if header {
		body := al.loopBody(b)
		oneBlock = len(body) == 1
		for _, lb := range body {
			for _, e := range al.exposed[al.expStart[lb]:al.expStart[lb+1]] {
				al.loopUse[e.v] = al.curStamp
			}
		}
	}
	al.loads = al.loads[:0]
	live := al.liveInOf(b)
	// Decide first, in passes over the live-ins of a header: values the
	// loop reads that are in registers (keeping one is free), then those to
	// load, then the rest; any other block takes them all in one pass.
	// The state is then written in live-in order, which keeps spill slots
	// numbered as the edge moves first need them.
	if !header {
		// One pass, deciding and writing each live-in in turn.
		for _, v := range live {
			x := v.Index()
			e := end[al.lookup[x]-1]
			if c := v.Class(); e.reg != NoPReg && al.vlive[x].next < 0 {
				if spare[c] > 0 && !al.avoid[b].Contains(e.reg) && al.mergeMark[x] != al.curStamp {
					spare[c]--
				} else {
					e.reg, e.inSlot = NoPReg, true
				}
			}
			st = append(st, e)
			if e.reg != NoPReg {
				al.regOwner[ri(e.reg)] = v
				al.occupied.Add(e.reg)
				al.vregReg[x] = e.reg
			}
			al.slotValid[x] = e.inSlot
		}
	} else {
		const (
			keep = iota
			toSlot
			load
		)
		act := resize(al.entryAct, len(live))
		al.entryAct = act
		for pass := 0; pass < 3; pass++ {
			for k, v := range live {
				x := v.Index()
				e := end[al.lookup[x]-1]
				want := 2
				if al.loopUse[x] == al.curStamp {
					want = 0
					if e.reg == NoPReg {
						want = 1
					}
				}
				if want != pass {
					continue
				}
				c := v.Class()
				act[k] = keep
				if e.reg != NoPReg && al.vlive[x].next < 0 {
					if spare[c] > 0 && !al.avoid[b].Contains(e.reg) && al.mergeMark[x] != al.curStamp {
						spare[c]--
					} else {
						act[k] = toSlot
					}
				} else if e.reg == NoPReg && pass == 1 {
					if oneBlock && al.vlive[x].next >= 0 && spare[c] >= 0 {
						act[k] = load
					} else if spare[c] > 0 {
						spare[c]--
						act[k] = load
					}
				}
			}
		}
		for k, v := range live {
			e := end[al.lookup[v.Index()]-1]
			switch act[k] {
			case toSlot:
				e.reg, e.inSlot = NoPReg, true
			case load:
				al.loads = append(al.loads, int32(len(st)))
			}
			if e.reg != NoPReg {
				// Defined outside the loop: store it once on the way in, so
				// that displacing it inside the loop costs no store per
				// iteration (and the back edge at most a reload).
				e.inSlot = true
			}
			st = append(st, e)
			if e.reg != NoPReg {
				al.regOwner[ri(e.reg)] = v
				al.occupied.Add(e.reg)
				al.vregReg[v.Index()] = e.reg
			}
			al.slotValid[v.Index()] = e.inSlot
		}
	}
	args := al.predArgs(b, fromIdx)
	for k, p := range al.params(b) {
		x := p.Index()
		if al.useCount[x] == 0 {
			continue
		}
		e := end[al.lookup[args[k].Index()]-1]
		reg := NoPReg
		if e.reg != NoPReg && al.regOwner[ri(e.reg)] == NoVReg && al.env.Allocatable(p.Class()).Contains(e.reg) {
			reg = e.reg
		} else {
			reg = al.freeReg(p, RegSet{})
		}
		if reg != NoPReg {
			al.regOwner[ri(reg)] = p
			al.occupied.Add(reg)
			al.vregReg[x] = reg
			al.slotValid[x] = false
		} else {
			al.slot(p)
			al.slotValid[x] = true
		}
		st = append(st, regState{p, reg, reg == NoPReg})
	}
	// Loads last: parameters are within the loop's demand and come first.
	for _, k := range al.loads {
		e := &st[k]
		if r := al.freeReg(e.v, al.avoid[b]); r != NoPReg {
			e.reg = r
			al.take(r, e.v)
		}
	}
	al.states = st
	al.startSpan[b] = stateSpan{lo, int32(len(st))}
	al.started[b] = true
	// from's end state is still indexed: fix that edge up first.
	err := al.fixupIndexed(from, b, args, end)
	al.unindex(end)
	if err != nil {
		return err
	}
	for j, p := range al.preds(b) {
		if p == from {
			continue
		}
		if al.ended[p] {
			if err := al.fixup(p, b, al.predArgs(b, j)); err != nil {
				return err
			}
			continue
		}
		// A predecessor still to come (a loop latch): ask the defs of its
		// arguments to land where the parameters live, so the back edge
		// needs no moves.
		params := al.params(b)
		pargs := al.predArgs(b, j)
		for k, q := range params {
			if r := al.vregReg[q.Index()]; r != NoPReg && k < len(pargs) {
				if x := pargs[k].Index(); al.hint[x] == NoPReg && al.defBlock[x] != b {
					al.hint[x] = r
				}
			}
		}
	}
	return nil
}

// enterOnePred is enterBlock for a block b without parameters whose only
// predecessor is p, not a loop header: most blocks. It makes the same
// decisions and emits the same edge moves (fixupIndexed's) in one pass over
// the live-ins. With one predecessor nothing is marked for merging, and a
// live-in either keeps p's location (no move) or goes from its register to
// its slot (a store unless already there).
func (al *allocator) enterOnePred(b, p Block) error {
	var spare [NumClasses]int32
	for c := range spare {
		spare[c] = int32(len(al.order[c])) - al.demand[b][c]
	}
	avoid := al.avoid[b]
	// If p was allocated just before b, the register file still holds p's
	// end state: read it there instead of looking entries up, and keep
	// the registers b keeps.
	direct := p == al.leftBlock
	end := al.endState(p)
	if !direct {
		al.clearRegs()
		al.index(end)
	}
	lo := int32(len(al.states))
	st := al.states
	al.moves = al.moves[:0]
	var busy RegSet
	for _, v := range al.liveInOf(b) {
		x := v.Index()
		var se regState
		if direct {
			se = regState{v, al.vregReg[x], al.slotValid[x]}
		} else {
			se = end[al.lookup[x]-1]
		}
		e := se
		if c := v.Class(); e.reg != NoPReg && al.vlive[x].next < 0 {
			if spare[c] > 0 && !avoid.Contains(e.reg) {
				spare[c]--
			} else {
				e.reg, e.inSlot = NoPReg, true
			}
		}
		st = append(st, e)
		if e.reg != NoPReg {
			if !direct {
				al.regOwner[ri(e.reg)] = v
				al.occupied.Add(e.reg)
				al.vregReg[x] = e.reg
			}
			busy.Add(e.reg)
		} else if se.reg == NoPReg {
			al.slot(v) // where fixupIndexed would read it from
		}
		if e.inSlot && !se.inSlot {
			al.moves = append(al.moves, pmove{RegLoc(se.reg), StackLoc(al.slot(v)), v.Class()})
		}
		al.slotValid[x] = e.inSlot
	}
	al.states = st
	al.startSpan[b] = stateSpan{lo, int32(len(st))}
	al.started[b] = true
	if direct {
		// Empty every register but the kept ones (busy).
		for c, m := range al.occupied.Minus(busy).words() {
			for ; m != 0; m &= m - 1 {
				r := NewPReg(RegClass(c), bits.TrailingZeros64(m))
				if w := al.regOwner[ri(r)]; w != NoVReg {
					al.vregReg[w.Index()] = NoPReg
					al.regOwner[ri(r)] = NoVReg
				}
			}
		}
		al.occupied = busy
	} else {
		al.unindex(end)
	}
	if len(al.moves) == 0 {
		return nil
	}
	var err error
	al.edits, err = al.res.resolve(al.moves, al.edgePoint(p, b), busy, nil, al.edits)
	return err
}

// computeBudgets fills demand, avoid and header (Quality), and marks the
// values live across a call (crossesCall): the allocator prefers
// non-preferred (callee-saved) registers for them. One backward scan per
// block, then one walk over each natural loop's body: linear in the
// function plus the sum of the loop sizes. The backward scan also does
// scanNextUses' work for every block (opNext, fixedAfter, fixedIn), so
// that allocating a block does not walk it twice.
func (al *allocator) computeBudgets() {
	n := al.nBlocks
	al.demand = resize(al.demand, n)
	al.avoid = resize(al.avoid, n)
	al.header = resizeClear(al.header, n)
	fixedIn := resize(al.fixedIn, n)
	al.fixedIn = fixedIn
	al.paramNext = resize(al.paramNext, len(al.paramList))
	seen := al.mergeMark // scratch, stamped with block+1; cleared below
	for b := Block(0); int(b) < n; b++ {
		r := al.blockRange[b]
		// seen[v] is 2b+2 for a value live at the current point of the
		// backward scan that the block has not used yet (passing through so
		// far), 2b+3 for one it uses later, else something else.
		pass, used := 2*int32(b)+2, 2*int32(b)+3
		if r.End-r.First == 1 && al.opKinds[r.First] == 0 && al.succStart[b+1]-al.succStart[b] == 1 && al.paramStart[b] == al.paramStart[b+1] {
			// A lone jump without parameters: its live-ins are exactly its
			// successor's plus its arguments (computeLiveness walks
			// predecessors from uses), so all that is not its arguments
			// passes through, and the scan below would find a demand of
			// one register per distinct argument.
			var dem [NumClasses]int32
			for _, v := range al.edgeArgs(b, 0) {
				if seen[v.Index()] != used {
					seen[v.Index()] = used
					dem[v.Class()]++
				}
			}
			al.fixedAfter[r.First] = RegSet{}
			al.demand[b], al.avoid[b], fixedIn[b] = dem, RegSet{}, RegSet{}
			continue
		}
		// live[c] counts the values of class c live at that point; those
		// only passing through occupy a register everywhere (if they get
		// one) and are not part of the block's own demand.
		var live, through, dem [NumClasses]int32
		// liveList holds every value that became live in the scan (each
		// once: SSA), for marking those live across a call.
		liveList := al.live[:0]
		term := r.End - 1
		for k, s := range al.succs(b) {
			for _, v := range al.liveInOf(s) {
				if seen[v.Index()] != pass {
					seen[v.Index()] = pass
					live[v.Class()]++
					liveList = append(liveList, int32(v.Index()))
				}
			}
			for _, v := range al.edgeArgs(b, k) {
				al.vlive[v.Index()].next = int32(term)
				if seen[v.Index()] != used {
					if seen[v.Index()] != pass {
						live[v.Class()]++
						liveList = append(liveList, int32(v.Index()))
					}
					seen[v.Index()] = used
				}
			}
		}
		var clobs, fixed RegSet
		for i := term; i >= r.First; i-- {
			ops := al.instOps(i)
			al.fixedAfter[i] = fixed
			next := al.opNext[al.opStart[i]:]
			need := live
			for k, o := range ops {
				next[k] = al.vlive[o.VReg().Index()].next
				if o.IsDef() || seen[o.VReg().Index()] != used && seen[o.VReg().Index()] != pass {
					need[o.Class()]++
				}
				if o.Constraint() == Fixed {
					fixed.Add(o.FixedReg())
				}
			}
			var clob RegSet
			if al.opKinds[i]&kClob != 0 {
				clob = al.clobbers(i)
			}
			if !clob.Empty() {
				clobs = clobs.Union(clob)
				for c := range need {
					need[c] += int32(bits.OnesCount64(clob.Intersect(al.allocatable).Class(RegClass(c))))
				}
			}
			for c := range need {
				dem[c] = max(dem[c], need[c])
			}
			// Defs end live ranges (going backwards), uses start them;
			// no instruction both uses and defines a vreg, so defs can go
			// first, leaving exactly the values live across i for a call.
			if al.opKinds[i]&kDef != 0 {
				for _, o := range ops {
					if x := o.VReg().Index(); o.IsDef() {
						al.vlive[x].next = -1
						if seen[x] == used || seen[x] == pass {
							seen[x] = 0
							live[o.Class()]--
						}
					}
				}
			}
			if !clob.Empty() {
				for _, x := range liveList {
					if seen[x] == used || seen[x] == pass {
						al.crossesCall[x] = true
					}
				}
			}
			for _, o := range ops {
				x := o.VReg().Index()
				if o.IsUse() {
					al.vlive[x].next = int32(i)
				}
				if o.IsUse() && seen[x] != used {
					if seen[x] != pass {
						live[o.Class()]++
						liveList = append(liveList, int32(x))
					}
					seen[x] = used
				}
			}
		}
		al.live = liveList
		for _, v := range al.liveInOf(b) {
			if seen[v.Index()] == pass {
				through[v.Class()]++
			}
		}
		for c := range dem {
			dem[c] -= through[c]
		}
		al.demand[b], al.avoid[b], fixedIn[b] = dem, clobs.Union(fixed), fixed
		// What the scan leaves is the first use of each parameter and
		// upward-exposed value; block sets it again on entry.
		for _, e := range al.exposed[al.expStart[b]:al.expStart[b+1]] {
			al.vlive[e.v].next = -1
		}
		for k, p := range al.params(b) {
			al.paramNext[al.paramStart[b]+int32(k)] = al.vlive[p.Index()].next
			al.vlive[p.Index()].next = -1
		}
	}
	clear(seen)
	// Natural loops: the body of back edge p -> h is every block reaching
	// p without passing through h.
	var loopDem [][NumClasses]int32
	var loopAvoid []RegSet
	inLoop := resizeClear(al.inLoop, n)
	al.inLoop = inLoop
	work := al.work2[:0]
	defer func() { al.work2 = work[:0] }()
	body := al.bodyList[:0]
	for _, h := range al.rpo {
		stamp := int32(h) + 1
		lo := int32(len(body))
		for _, p := range al.preds(h) {
			if !al.dominates(h, p) {
				continue
			}
			if !al.header[h] {
				al.header[h] = true
				if loopDem == nil {
					loopDem = resize(al.loopDem, n)
					loopAvoid = resize(al.loopAvoid, n)
					al.loopDem, al.loopAvoid = loopDem, loopAvoid
					al.bodySpan = resize(al.bodySpan, n)
				}
				inLoop[h] = stamp
				loopDem[h] = al.demand[h]
				loopAvoid[h] = al.avoid[h].Union(fixedIn[h])
				body = append(body, h)
			}
			work = append(work[:0], p)
			for len(work) > 0 {
				b := work[len(work)-1]
				work = work[:len(work)-1]
				if inLoop[b] == stamp {
					continue
				}
				inLoop[b] = stamp
				body = append(body, b)
				for c := range loopDem[h] {
					loopDem[h][c] = max(loopDem[h][c], al.demand[b][c])
				}
				loopAvoid[h] = loopAvoid[h].Union(al.avoid[b]).Union(fixedIn[b])
				work = append(work, al.preds(b)...)
			}
		}
		if al.header[h] {
			al.bodySpan[h] = stateSpan{lo, int32(len(body))}
		}
	}
	al.bodyList = body
	for h := range al.header {
		if al.header[h] {
			al.demand[h], al.avoid[h] = loopDem[h], loopAvoid[h]
		}
	}
}

// loopBody lists the blocks of the natural loop headed by h, h first.
func (al *allocator) loopBody(h Block) []Block {
	sp := al.bodySpan[h]
	return al.bodyList[sp.lo:sp.hi]
}

func (al *allocator) index(st []regState) {
	for k, e := range st {
		al.lookup[e.v.Index()] = int32(k) + 1
	}
}

func (al *allocator) unindex(st []regState) {
	for _, e := range st {
		al.lookup[e.v.Index()] = 0
	}
}

// fixup emits the moves that take p's end state to s's start state,
// including the parameter copies of that edge (args).
func (al *allocator) fixup(p, s Block, args []VReg) error {
	end := al.endState(p)
	al.index(end)
	err := al.fixupIndexed(p, s, args, end)
	al.unindex(end)
	return err
}

// fixupIndexed is fixup with p's end state, end, already indexed.
func (al *allocator) fixupIndexed(p, s Block, args []VReg, end []regState) error {
	al.moves = al.moves[:0]
	var busy RegSet
	nLive := len(al.liveInOf(s)) // then s's parameters (enterBlock)
	for k, e := range al.startState(s) {
		src := e.v
		if k >= nLive {
			src = args[al.paramIdx[e.v.Index()]]
		}
		k := al.lookup[src.Index()]
		if k == 0 {
			return errorf(s, -1, -1, "internal error: %s not available at the end of block %d", src, p)
		}
		se := end[k-1]
		var from Alloc
		if se.reg != NoPReg {
			from = RegLoc(se.reg)
		} else {
			from = StackLoc(al.slot(src))
		}
		if e.reg != NoPReg {
			// busy keeps a value staying in its register there, which is
			// all the resolver would do with the move to itself.
			busy.Add(e.reg)
			if from != RegLoc(e.reg) {
				al.moves = append(al.moves, pmove{from, RegLoc(e.reg), e.v.Class()})
			}
		}
		if e.inSlot && !(src == e.v && se.inSlot) {
			al.moves = append(al.moves, pmove{from, StackLoc(al.slot(e.v)), e.v.Class()})
		}
	}
	if len(al.moves) == 0 {
		return nil
	}
	var err error
	al.edits, err = al.res.resolve(al.moves, al.edgePoint(p, s), busy, nil, al.edits)
	return err
}

// fastEdge copies p's arguments (args) into s's parameter slots.
func (al *allocator) fastEdge(p, s Block, args []VReg, busy RegSet) error {
	params := al.params(s)
	if len(params) == 0 {
		return nil
	}
	al.moves = al.moves[:0]
	for k, q := range params {
		if al.useCount[q.Index()] == 0 {
			continue
		}
		from := StackLoc(al.slot(args[k]))
		if r := al.vregReg[args[k].Index()]; r != NoPReg && len(al.succs(p)) == 1 {
			from = RegLoc(r)
		}
		al.moves = append(al.moves, pmove{from, StackLoc(al.slot(q)), q.Class()})
	}
	var err error
	al.edits, err = al.res.resolve(al.moves, al.edgePoint(p, s), busy, nil, al.edits)
	return err
}

func (al *allocator) leaveBlock(b Block, r InstRange) error {
	term := r.End - 1
	succs := al.succs(b)
	if al.fast {
		if len(succs) == 1 {
			if err := al.fastEdge(b, succs[0], al.edgeArgs(b, 0), RegSet{}); err != nil {
				return err
			}
		}
	} else {
		// Record where every value live out of b is, then reconcile with
		// successors allocated before b (loop headers, merges).
		lo := len(al.states)
		st := al.states
		add := func(v VReg) {
			x := v.Index()
			if al.lookup[x] != 0 {
				return
			}
			st = append(st, regState{v, al.vregReg[x], al.slotValid[x]})
			al.lookup[x] = int32(len(st) - lo)
		}
		for k, s := range succs {
			for _, v := range al.liveInOf(s) {
				add(v)
			}
			for _, v := range al.edgeArgs(b, k) {
				add(v)
			}
		}
		al.states = st
		st = st[lo:]
		for _, e := range st {
			if e.reg == NoPReg && !e.inSlot {
				al.unindex(st)
				return errorf(b, term, -1, "internal error: %s lost at block end", e.v)
			}
		}
		al.endSpan[b] = stateSpan{int32(lo), int32(len(al.states))}
		al.ended[b] = true
		// st is still indexed (add): fix up edges to successors allocated
		// before b with it.
		for k, s := range succs {
			if al.started[s] {
				if err := al.fixupIndexed(b, s, al.edgeArgs(b, k), st); err != nil {
					al.unindex(st)
					return err
				}
			}
		}
		al.unindex(st)
	}
	for k := range succs {
		for _, v := range al.edgeArgs(b, k) {
			al.vlive[v.Index()].next = -1
		}
	}
	if al.fast {
		al.clearRegs()
	} else {
		al.leftBlock = b
	}
	return nil
}

// freeReg returns a register for v that holds nothing needed and is not in
// avoid, or NoPReg. It honours v's hint and prefers callee-saved registers
// for values live across calls.
func (al *allocator) freeReg(v VReg, avoid RegSet) PReg {
	// Every candidate is of v's class: test bits of that class's words.
	c := v.Class()
	taken := avoid.Class(c) | al.pinned.Class(c)
	if h := al.hint[v.Index()]; h != NoPReg && h.Class() == c && (al.allocatable.Class(c)&^taken)&(1<<h.Index()) != 0 && al.ownerDead(h) {
		return h
	}
	callee := al.crossesCall[v.Index()]
	// First choice: a register no later instruction of this block needs
	// as a fixed operand, so the value will not have to move out of it.
	cand := al.allocatable.Class(c) &^ taken
	fixed := al.fixedLater.Class(c)
	if r := al.firstFree(c, cand&^fixed, callee); r != NoPReg {
		return r
	}
	if cand&fixed != 0 {
		return al.firstFree(c, cand&fixed, callee)
	}
	return NoPReg
}

// firstFree returns the first register of m (allocatable registers of
// class c) in allocation order (calleeOrder if callee, else order) whose
// owner is dead, or NoPReg. The order is two bit ranges, and registers
// outside occupied are free without looking at their owner.
func (al *allocator) firstFree(c RegClass, m uint64, callee bool) PReg {
	first, second := m&al.prefMask[c], m&^al.prefMask[c]
	if callee {
		first, second = second, first
	}
	occ := al.occupied.Class(c)
	for ; first != 0; first &= first - 1 {
		r := NewPReg(c, bits.TrailingZeros64(first))
		if occ&(1<<r.Index()) == 0 || al.ownerDead(r) {
			return r
		}
	}
	for ; second != 0; second &= second - 1 {
		r := NewPReg(c, bits.TrailingZeros64(second))
		if occ&(1<<r.Index()) == 0 || al.ownerDead(r) {
			return r
		}
	}
	return NoPReg
}

// ownerDead: r holds no value needed after this point (pinned copies
// aside: callers exclude pinned registers).
func (al *allocator) ownerDead(r PReg) bool {
	w := al.regOwner[ri(r)]
	return w == NoVReg || !al.needed(w)
}

// chooseReg returns a register for v outside avoid: a free one if possible,
// else the one whose owner is the best victim (furthest next use, already in
// its slot). Registers pinned by this instruction's uses are candidates
// only for late defs (allowPinned): their values are read first.
func (al *allocator) chooseReg(v VReg, avoid RegSet, allowPinned bool) PReg {
	if r := al.freeReg(v, avoid); r != NoPReg {
		return r
	}
	best, bestD := NoPReg, int64(-1)
	for _, r := range al.order[v.Class()] {
		if avoid.Contains(r) || al.pinned.Contains(r) && !allowPinned {
			continue
		}
		w := al.regOwner[ri(r)]
		if al.pinned.Contains(r) {
			w = al.pinOwner[ri(r)]
		}
		d := int64(1) << 62
		if w != NoVReg {
			d = al.distance(w)
		}
		if d > bestD {
			best, bestD = r, d
		}
	}
	return best
}

// markAffected records v as needing a new post-instruction location.
func (al *allocator) markAffected(v VReg) {
	if v != NoVReg && al.instMark[v.Index()] != al.instStamp {
		al.instMark[v.Index()] = al.instStamp
		al.affected = append(al.affected, v)
	}
}

func (al *allocator) pin(r PReg, v VReg) {
	al.pinned.Add(r)
	al.pinOwner[ri(r)] = v
	if al.regOwner[ri(r)] != v {
		al.moves = append(al.moves, pmove{al.loc(v), RegLoc(r), v.Class()})
		al.displaced.Add(r)
	}
}

// inst allocates one instruction: choose a location for every operand,
// save whatever those choices displace, emit the parallel move that gets
// everything in place, then update the register file.
func (al *allocator) inst(b Block, i Inst, r InstRange) error {
	lo, hi := al.opStart[i], al.opStart[i+1]
	ops := al.ops[lo:hi]
	next := al.opNext[lo:hi]
	allocs := al.out.Allocs[lo:hi] // InstAllocStart is opStart
	kinds := al.opKinds[i]
	var clob RegSet
	if kinds&kClob != 0 {
		clob = al.clobbers(i)
	}
	al.instStamp++
	al.pinned = RegSet{}
	al.displaced = RegSet{}
	al.fixedLater = al.fixedAfter[i]
	if kinds == 0 {
		return nil // a plain jump: nothing to place, nothing displaced
	}
	al.moves = al.moves[:0]
	al.affected = al.affected[:0]
	var fixedDef, fixedEarlyDef, reuseIn, lateUse, defRegs RegSet
	hasReuse := kinds&kReuseDef != 0
	// reuseMask has bit k set if some def reuses use k's register.
	var reuseMask [4]uint64
	if hasReuse {
		for _, o := range ops {
			if o.IsDef() && o.Constraint() == Reuse {
				k := o.ReuseIndex()
				reuseMask[k>>6] |= 1 << (k & 63)
			}
		}
	}
	for _, o := range ops {
		switch {
		case o.IsUse():
			al.markAffected(o.VReg())
		case o.Constraint() == Fixed:
			fixedDef.Add(o.FixedReg())
			if o.Pos() == Early {
				fixedEarlyDef.Add(o.FixedReg())
			}
		}
	}
	isReuseTarget := func(k int) bool { return reuseMask[k>>6]>>(k&63)&1 != 0 }
	noReg := func(k int) error {
		return errorf(b, i, k, "no %s register left for %s: the instruction needs more registers than the machine has", ops[k].Class(), ops[k])
	}
	useReg := func(k int, blocked RegSet) error {
		if !al.useReg(ops, allocs, k, blocked) {
			return noReg(k)
		}
		return nil
	}
	// 1. Fixed uses.
	if kinds&kFixedUse != 0 {
		for k, o := range ops {
			if o.IsUse() && o.Constraint() == Fixed {
				p := o.FixedReg()
				if !al.pinned.Contains(p) {
					al.pin(p, o.VReg())
				}
				allocs[k] = RegLoc(p)
				if hasReuse && isReuseTarget(k) {
					reuseIn.Add(p)
				}
				if o.Pos() == Late {
					lateUse.Add(p)
				}
			}
		}
	}
	// 2. Early register uses, reuse targets first so they get their own.
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && !hasReuse || pass == 1 && kinds&kEarlyRegUse == 0 {
			continue
		}
		for k, o := range ops {
			if !o.IsUse() || o.Pos() != Early || o.Constraint() != Reg || (hasReuse && isReuseTarget(k)) != (pass == 0) {
				continue
			}
			blocked := fixedEarlyDef
			if pass == 0 {
				blocked = blocked.Union(fixedDef).Union(reuseIn).Union(lateUse)
			}
			if err := useReg(k, blocked); err != nil {
				return err
			}
			if pass == 0 {
				reuseIn.Add(allocs[k].Reg())
			}
		}
	}
	// 3. Late register uses stay clear of every def and clobber.
	lateBlocked := fixedDef.Union(clob).Union(reuseIn)
	if kinds&kLateRegUse != 0 {
		for k, o := range ops {
			if o.IsUse() && o.Pos() == Late && o.Constraint() == Reg {
				if err := useReg(k, lateBlocked); err != nil {
					return err
				}
				lateUse.Add(allocs[k].Reg())
			}
		}
	}
	// 4. Any and stack uses.
	if kinds&kAnyStackUse != 0 {
		for k, o := range ops {
			if !o.IsUse() {
				continue
			}
			v := o.VReg()
			x := v.Index()
			switch o.Constraint() {
			case Any:
				blocked := fixedEarlyDef
				if o.Pos() == Late {
					blocked = lateBlocked
				}
				r0 := al.vregReg[x]
				if r0 != NoPReg && al.allocatable.Contains(r0) && !blocked.Contains(r0) && (!al.pinned.Contains(r0) || al.pinOwner[ri(r0)] == v) {
					al.pinned.Add(r0)
					al.pinOwner[ri(r0)] = v
					if al.regOwner[ri(r0)] != v {
						al.displaced.Add(r0)
					}
					allocs[k] = RegLoc(r0)
				} else if al.slotValid[x] {
					allocs[k] = StackLoc(al.slot(v))
				} else if err := useReg(k, blocked); err != nil {
					return err
				}
				if o.Pos() == Late && allocs[k].IsReg() {
					lateUse.Add(allocs[k].Reg())
				}
			case Stack:
				allocs[k] = StackLoc(al.slot(v))
				if !al.slotValid[x] {
					al.moves = append(al.moves, pmove{al.loc(v), allocs[k], v.Class()})
					al.slotValid[x] = true
				}
			}
		}
	}
	// Uses at this instruction now look past it.
	for k, o := range ops {
		if o.IsUse() {
			al.vlive[o.VReg().Index()].next = next[k]
		}
	}
	// 5. Defs: fixed and reused first, then free choices.
	if kinds&(kFixedDef|kReuseDef) != 0 {
		for k, o := range ops {
			if !o.IsDef() {
				continue
			}
			switch o.Constraint() {
			case Fixed:
				allocs[k] = RegLoc(o.FixedReg())
				defRegs.Add(o.FixedReg())
			case Reuse:
				allocs[k] = allocs[o.ReuseIndex()]
				defRegs.Add(allocs[k].Reg())
			}
		}
	}
	// The old owners of def registers must be saved if still needed; mark
	// them now so freeReg does not hand their registers out for relocation.
	if kinds&kFreeDef != 0 {
		for k, o := range ops {
			if !o.IsDef() || o.Constraint() == Fixed || o.Constraint() == Reuse {
				continue
			}
			v := o.VReg()
			switch o.Constraint() {
			case Stack:
				allocs[k] = StackLoc(al.slot(v))
				continue
			}
			avoid := defRegs.Union(lateUse)
			if o.Pos() == Early {
				avoid = avoid.Union(al.pinned)
			}
			pick := NoPReg
			if al.isMove[i] && allocs[0].IsReg() && !al.needed(ops[0].VReg()) {
				// Coalesce a dying move source with its destination.
				if s := allocs[0].Reg(); !avoid.Contains(s) && al.env.Allocatable(s.Class()).Contains(s) {
					pick = s
				}
			}
			if pick == NoPReg {
				pick = al.freeDefReg(v, avoid)
			}
			if pick == NoPReg && o.Constraint() != Any {
				pick = al.chooseReg(v, avoid, o.Pos() == Late)
			}
			if pick == NoPReg {
				if o.Constraint() == Any {
					allocs[k] = StackLoc(al.slot(v))
					continue
				}
				return noReg(k)
			}
			allocs[k] = RegLoc(pick)
			defRegs.Add(pick)
		}
	}
	// 6. Everything whose register is overwritten before or by the
	// instruction, and every vreg it uses, gets a post-instruction home.
	al.defWritten = al.defWritten.Union(defRegs)
	written := defRegs.Union(clob).Union(al.displaced)
	for c, m := range written.words() {
		for ; m != 0; m &= m - 1 {
			p := NewPReg(RegClass(c), bits.TrailingZeros64(m))
			al.markAffected(al.regOwner[ri(p)])
		}
	}
	lost := defRegs.Union(clob)
	var relocTargets RegSet
	al.newReg = al.newReg[:0]
	for _, w := range al.affected {
		x := w.Index()
		home := NoPReg
		if al.needed(w) {
			if r0 := al.vregReg[x]; r0 != NoPReg && !written.Contains(r0) {
				home = r0
			} else {
				home = al.pinnedCopy(w, lost)
			}
			if home == NoPReg && !al.slotValid[x] {
				// Used again in this block: keep it in a register. Only
				// live out: store it now; a register would likely be
				// taken from it again before the block ends.
				avoid := al.pinned.Union(written).Union(relocTargets)
				if al.vlive[x].next >= 0 {
					home = al.freeReg(w, avoid)
				}
				if home != NoPReg {
					relocTargets.Add(home)
					al.moves = append(al.moves, pmove{al.loc(w), RegLoc(home), w.Class()})
				} else if !al.slotValid[x] {
					al.moves = append(al.moves, pmove{al.loc(w), StackLoc(al.slot(w)), w.Class()})
					al.slotValid[x] = true
				}
			}
		}
		al.newReg = append(al.newReg, home)
	}
	// 7. The parallel move before the instruction. Registers holding
	// values that outlive it are busy: not usable as temporaries.
	al.relocTargets = relocTargets
	var err error
	if len(al.moves) > 0 {
		if al.edits, err = al.res.resolve(al.moves, PointBefore(i), RegSet{}, al.busyFn, al.edits); err != nil {
			return err
		}
	}
	// 8. Update the register file. A value that keeps its register (most
	// uses) is left in place rather than taken out and put back; such a
	// register is never written here, so only its owner could clear it.
	var kept RegSet
	for k, w := range al.affected {
		x := w.Index()
		if r0 := al.vregReg[x]; r0 != NoPReg && al.regOwner[ri(r0)] == w {
			if al.newReg[k] == r0 {
				kept.Add(r0)
				al.newReg[k] = NoPReg
				continue
			}
			al.regOwner[ri(r0)] = NoVReg
		}
		al.vregReg[x] = NoPReg
	}
	pw := al.pinned.Union(written).Minus(kept)
	for c, m := range pw.words() {
		for ; m != 0; m &= m - 1 {
			p := NewPReg(RegClass(c), bits.TrailingZeros64(m))
			if w := al.regOwner[ri(p)]; w != NoVReg {
				al.vregReg[w.Index()] = NoPReg
			}
			al.regOwner[ri(p)] = NoVReg
		}
	}
	for k, w := range al.affected {
		if h := al.newReg[k]; h != NoPReg {
			al.take(h, w)
		}
	}
	for k, o := range ops {
		if !o.IsDef() {
			continue
		}
		v := o.VReg()
		x := v.Index()
		al.vlive[x].next = next[k]
		if allocs[k].IsStack() {
			al.slotValid[x] = true
			continue
		}
		al.slotValid[x] = false
		if !al.needed(v) && !(al.fast && al.global[x]) {
			continue
		}
		if al.fast && al.global[x] {
			al.edits = append(al.edits, Edit{PointAfter(i), allocs[k], StackLoc(al.slot(v))})
			al.slotValid[x] = true
			if !al.needed(v) {
				continue
			}
		}
		al.take(allocs[k].Reg(), v)
	}
	al.pinned = RegSet{}
	return nil
}

// useReg places use k of ops in a register outside blocked, or reports
// that none is left.
func (al *allocator) useReg(ops []Operand, allocs []Alloc, k int, blocked RegSet) bool {
	v := ops[k].VReg()
	r0 := al.vregReg[v.Index()]
	pick := NoPReg
	if r0 != NoPReg && al.allocatable.Contains(r0) && !blocked.Contains(r0) && (!al.pinned.Contains(r0) || al.pinOwner[ri(r0)] == v) {
		pick = r0
	} else {
		for j := 0; j < k; j++ {
			if ops[j].IsUse() && ops[j].VReg() == v && allocs[j].IsReg() && al.allocatable.Contains(allocs[j].Reg()) && !blocked.Contains(allocs[j].Reg()) {
				pick = allocs[j].Reg()
				break
			}
		}
	}
	if pick == NoPReg {
		pick = al.chooseReg(v, blocked, false)
	}
	if pick == NoPReg {
		return false
	}
	if !al.pinned.Contains(pick) {
		al.pin(pick, v)
	}
	allocs[k] = RegLoc(pick)
	return true
}

// pinnedCopy returns a register outside lost that this instruction's uses
// loaded w into, or NoPReg.
func (al *allocator) pinnedCopy(w VReg, lost RegSet) PReg {
	for c, m := range al.pinned.Minus(lost).words() {
		for ; m != 0; m &= m - 1 {
			if p := NewPReg(RegClass(c), bits.TrailingZeros64(m)); al.pinOwner[ri(p)] == w {
				return p
			}
		}
	}
	return NoPReg
}

// busyRegs is the busy set of the current instruction's move group: pinned
// registers, relocation targets, and registers holding values still needed.
func (al *allocator) busyRegs() RegSet {
	busy := al.pinned.Union(al.relocTargets)
	for _, p := range al.order {
		for _, q := range p {
			if w := al.regOwner[ri(q)]; w != NoVReg && al.needed(w) {
				busy.Add(q)
			}
		}
	}
	return busy
}

// take makes r hold v, evicting whatever stale owner it had.
func (al *allocator) take(r PReg, v VReg) {
	if w := al.regOwner[ri(r)]; w != NoVReg && w != v {
		al.vregReg[w.Index()] = NoPReg
	}
	al.regOwner[ri(r)] = v
	al.occupied.Add(r)
	al.vregReg[v.Index()] = r
}

// freeDefReg picks a register for a def: like freeReg, but a register whose
// pinned use value dies here is free too (the def is written after the read).
func (al *allocator) freeDefReg(v VReg, avoid RegSet) PReg {
	// The hint first even when a use of this instruction that dies here
	// holds it: that is how a loop's induction step (i' = i + 1 feeding
	// back to i) lands in its parameter's register, so the back edge
	// needs no move.
	if h := al.hint[v.Index()]; h != NoPReg && h.Class() == v.Class() && al.pinned.Contains(h) && !avoid.Contains(h) && al.allocatable.Contains(h) && al.dyingPinned(h) {
		return h
	}
	if r := al.freeReg(v, avoid); r != NoPReg {
		return r
	}
	for _, r := range al.order[v.Class()] {
		if avoid.Contains(r) || !al.pinned.Contains(r) {
			continue
		}
		if al.dyingPinned(r) {
			return r
		}
	}
	return NoPReg
}

// dyingPinned: pinned register r holds a use of this instruction that is
// not needed after it, and no other value still needed.
func (al *allocator) dyingPinned(r PReg) bool {
	w := al.pinOwner[ri(r)]
	o := al.regOwner[ri(r)]
	return !al.needed(w) && (o == NoVReg || o == w || !al.needed(o))
}
