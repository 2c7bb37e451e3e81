package regalloc

import (
	"math/bits"
	"slices"
)

// analysis holds what both algorithms need to know about a validated
// function: where each vreg is defined, the block order, and (for Quality)
// the live-in set of every block. All tables are dense, indexed by
// VReg.Index(), Block or Inst.
type analysis struct {
	f   Function
	env *MachineEnv

	nInsts, nBlocks, nVRegs int
	// validate: check every requirement of the contract (Validate,
	// Options.Verify, Check); else trust the input (see init).
	validate bool

	blockOf  []Block // inst -> its block (filled only when validating)
	defBlock []Block // vreg -> block of its def
	vclass   []RegClass
	useCount []int32
	// global marks vregs whose value crosses a block boundary: block
	// parameters, branch arguments, and vregs used in a block where they are
	// not defined. The fast algorithm keeps exactly these in spill slots.
	global []bool
	// hint is a register a vreg would like to live in (its first fixed
	// constraint), or NoPReg.
	hint    []PReg
	hasRegs [NumClasses]bool
	// Per-vreg scratch for checkOperands, stamped with inst+1.
	seenStamp []int32
	seenClass []RegClass
	seenDef   []bool
	// crossesCall marks vregs live across an instruction with clobbers
	// (Quality only: computeBudgets finds them).
	crossesCall []bool

	// ops[opStart[i]:opStart[i+1]] are instruction i's operands.
	ops     []Operand
	opStart []uint32
	// clobSets[clobOf[i]] are instruction i's clobbers; clobSets[0] is
	// empty, and calls share one entry. isMove caches IsMove. The
	// allocator consults both for every instruction, and an interface call
	// returning a RegSet costs more than the lookup.
	clobOf   []int32
	clobSets []RegSet
	isMove   []bool
	// opKinds[i] is the union of opKind of instruction i's operands: the
	// allocator skips the passes over operands that find none of a kind.
	opKinds []opKindSet

	// The CFG, copied once by checkCFG: the passes consult it repeatedly,
	// and indexing a slice is cheaper than an interface call. The
	// successors of b are succList[succStart[b]:succStart[b+1]], edge e =
	// succStart[b]+k passes argList[argStart[e]:argStart[e+1]], and so on.
	blockRange           []InstRange
	succStart, predStart []int32
	succList, predList   []Block
	paramStart, argStart []int32
	paramList, argList   []VReg
	// predEdge[predStart[b]+j] is the index of b among the successors of
	// its j'th predecessor: the edge's arguments without a search.
	predEdge []int32
	// paramIdx[v] is v's index among its block's parameters, or -1 if an
	// instruction defines v.
	paramIdx []int32

	rpo []Block // reverse postorder from Entry
	// domPre/domPost number the dominator tree (DFS entry and exit).
	domPre, domPost []int32

	// liveIn[liveInStart[b]:liveInStart[b+1]] are the vregs live on entry
	// to b (excluding its parameters), in increasing order. Quality only.
	liveInStart []int32
	liveIn      []VReg

	// Scratch tables of the passes above, kept for the next function.
	visit    []uint8
	post     []Block
	dfs      []dfsFrame
	rpoIndex []int32
	idom     []Block
	kidStart []int32
	kids     []Block
	fillAt   []int32
	exposed  []exposure
	// exposed[expStart[b]:expStart[b+1]] are block b's upward-exposed
	// uses (branch arguments included), kept after liveness: the Quality
	// allocator asks which values a loop reads.
	expStart []int32
	byV      []exposure
	vStart   []int32
	stamps   []vregStamps
	mark     []int32
	work     []Block
	pairs    []exposure
	live     []int32
}

// dfsFrame is a block being visited by a depth-first walk and the index of
// its next successor (or dominator-tree child) to visit.
// vregStamps marks, during checkInsts' walk over a block, whether a vreg
// is defined there (def) and whether its first use there was recorded as
// upward-exposed (exp); one record, as both are read for every use.
type vregStamps struct{ def, exp int32 }

type dfsFrame struct {
	b    Block
	next int32
}

// exposure is an upward-exposed use (vreg v read in block b, first at inst
// before any def there) or, once liveness is known, a (vreg, live-in block)
// pair.
type exposure struct {
	v    int32
	b    Block
	inst Inst
}

// opKindSet classifies operands as the allocator's passes select them.
type opKindSet uint16

const (
	kUse         opKindSet = 1 << iota
	kDef                   // any def
	kFixedUse              // a use of any position fixed to a register
	kEarlyRegUse           // an early use with a Reg constraint
	kLateRegUse            // a late use with a Reg constraint
	kAnyStackUse           // a use with an Any or Stack constraint
	kFixedDef
	kReuseDef
	kFreeDef // a def neither fixed nor reusing a use's register
	kClob    // the instruction clobbers registers
)

func opKind(o Operand) opKindSet {
	if o.IsUse() {
		switch o.Constraint() {
		case Fixed:
			return kUse | kFixedUse
		case Reg:
			if o.Pos() == Early {
				return kUse | kEarlyRegUse
			}
			return kUse | kLateRegUse
		case Any, Stack:
			return kUse | kAnyStackUse
		}
		return kUse
	}
	switch o.Constraint() {
	case Fixed:
		return kDef | kFixedDef
	case Reuse:
		return kDef | kReuseDef
	}
	return kDef | kFreeDef
}

func (a *analysis) instOps(i Inst) []Operand { return a.ops[a.opStart[i]:a.opStart[i+1]] }

func (a *analysis) succs(b Block) []Block { return a.succList[a.succStart[b]:a.succStart[b+1]] }
func (a *analysis) preds(b Block) []Block { return a.predList[a.predStart[b]:a.predStart[b+1]] }
func (a *analysis) params(b Block) []VReg { return a.paramList[a.paramStart[b]:a.paramStart[b+1]] }
func (a *analysis) edgeArgs(b Block, k int) []VReg {
	e := a.succStart[b] + int32(k)
	return a.argList[a.argStart[e]:a.argStart[e+1]]
}

// predArgs returns the arguments of the edge from b's j'th predecessor.
func (a *analysis) predArgs(b Block, j int) []VReg {
	p := a.predList[a.predStart[b]+int32(j)]
	return a.edgeArgs(p, int(a.predEdge[a.predStart[b]+int32(j)]))
}

func (a *analysis) clobbers(i Inst) RegSet { return a.clobSets[a.clobOf[i]] }

func (a *analysis) liveInOf(b Block) []VReg {
	return a.liveIn[a.liveInStart[b]:a.liveInStart[b+1]]
}

// analyze validates f against the requirements documented on Function and
// computes the analysis. It never panics on bad input: every violation is an
// *Error naming where it was found.
func analyze(f Function, env *MachineEnv, wantLiveIn bool) (*analysis, error) {
	a := new(analysis)
	if err := a.init(f, env, wantLiveIn, true); err != nil {
		return nil, err
	}
	return a, nil
}

// init is analyze reusing a's tables, which may hold a previous function's
// analysis. Unless validate is set it trusts f: it checks only what keeps
// the passes in bounds and terminating (sizes, ranges, that every edge is
// listed among its target's predecessors, reachability for Quality), and
// skips the rest of the contract: terminator flags, critical edges,
// operand constraints, classes, SSA dominance. Those checks cost a third
// of init on compiled code, and a backend's output is checked once by its
// tests (Options.Verify), not on every compile. Allocate recovers from a
// panic that bad input causes past these checks (see Allocate).
func (a *analysis) init(f Function, env *MachineEnv, wantLiveIn, validate bool) error {
	a.f, a.env = f, env
	a.validate = validate
	a.nInsts, a.nBlocks, a.nVRegs = f.NumInsts(), f.NumBlocks(), f.NumVRegs()
	a.liveInStart, a.liveIn = a.liveInStart[:0], a.liveIn[:0]
	if a.nBlocks <= 0 {
		return errorf(-1, -1, -1, "function has no blocks")
	}
	if a.nInsts < 0 || a.nVRegs < 0 || a.nVRegs > 1<<30 {
		return errorf(-1, -1, -1, "bad sizes: %d insts, %d vregs", a.nInsts, a.nVRegs)
	}
	for c := RegClass(0); c < NumClasses; c++ {
		if n := bits.OnesCount64(env.Scratch.Class(c)); n > 1 || env.Scratch.Intersect(env.Allocatable(c)).Class(c) != 0 {
			return errorf(-1, -1, -1, "scratch registers %s: at most one per class, none allocatable", env.Scratch)
		}
	}
	entry := f.Entry()
	if entry < 0 || int(entry) >= a.nBlocks {
		return errorf(-1, -1, -1, "entry block %d out of range", entry)
	}
	if len(f.BlockParams(entry)) != 0 {
		return errorf(entry, -1, -1, "entry block has parameters")
	}
	for c := RegClass(0); c < NumClasses; c++ {
		a.hasRegs[c] = !env.Allocatable(c).Empty()
	}
	if err := a.checkCFG(); err != nil {
		return err
	}
	if err := a.checkInsts(); err != nil {
		return err
	}
	// Fast allocates blocks in index order and needs neither the block
	// order nor dominators, except to check SSA.
	if validate || wantLiveIn {
		if err := a.computeOrder(); err != nil {
			return err
		}
	}
	return a.computeLiveness(wantLiveIn)
}

// release drops the references to the caller's function and machine, so
// that a pooled analysis does not keep them alive.
func (a *analysis) release() { a.f, a.env = nil, nil }

// internClobbers returns the index of s in clobSets, adding it if new. Only
// the last few sets are searched: calls of one kind clobber the same set.
func (a *analysis) internClobbers(s RegSet) int32 {
	if s.Empty() {
		return 0
	}
	for k := len(a.clobSets) - 1; k > 0 && k >= len(a.clobSets)-4; k-- {
		if a.clobSets[k] == s {
			return int32(k)
		}
	}
	a.clobSets = append(a.clobSets, s)
	return int32(len(a.clobSets) - 1)
}

// checkCFG copies the CFG into flat tables, checking it when validating.
func (a *analysis) checkCFG() error {
	f := a.f
	v := a.validate
	if v {
		a.blockOf = resizeFill(a.blockOf, a.nInsts, -1)
	}
	a.clobOf = resize(a.clobOf, a.nInsts)
	a.isMove = resize(a.isMove, a.nInsts)
	a.clobSets = append(a.clobSets[:0], RegSet{})
	nb := a.nBlocks
	a.blockRange = resize(a.blockRange, nb)
	a.paramStart = resize(a.paramStart, nb+1)
	a.succStart = resize(a.succStart, nb+1)
	a.predStart = resize(a.predStart, nb+1)
	a.paramStart[0], a.succStart[0], a.predStart[0] = 0, 0, 0
	a.paramList, a.succList, a.predList = a.paramList[:0], a.succList[:0], a.predList[:0]
	a.argStart, a.argList = append(a.argStart[:0], 0), a.argList[:0]
	for b := 0; b < nb; b++ {
		a.paramList = append(a.paramList, f.BlockParams(Block(b))...)
		a.paramStart[b+1] = int32(len(a.paramList))
	}
	edges, predEntries := 0, 0
	for b := Block(0); int(b) < a.nBlocks; b++ {
		r := f.BlockInsts(b)
		a.blockRange[b] = r
		if r.First < 0 || r.End > Inst(a.nInsts) || r.First >= r.End {
			return errorf(b, -1, -1, "instruction range [%d,%d) empty or out of range", r.First, r.End)
		}
		if v {
			for i := r.First; i < r.End; i++ {
				if a.blockOf[i] >= 0 {
					return errorf(b, i, -1, "instruction also belongs to block %d", a.blockOf[i])
				}
				a.blockOf[i] = b
				last := i == r.End-1
				term := f.IsBranch(i) || f.IsRet(i)
				if term != last {
					if last {
						return errorf(b, i, -1, "block does not end with a branch or return")
					}
					return errorf(b, i, -1, "branch or return in the middle of the block")
				}
			}
		}
		succs := f.Succs(b)
		a.succList = append(a.succList, succs...)
		a.succStart[b+1] = int32(len(a.succList))
		last := r.End - 1
		if v {
			if f.IsRet(last) && len(succs) != 0 {
				return errorf(b, last, -1, "return in a block with successors")
			}
			if f.IsBranch(last) && len(succs) == 0 {
				return errorf(b, last, -1, "branch in a block without successors")
			}
			if len(succs) == 1 && (len(f.Operands(last)) != 0 || !f.Clobbers(last).Empty()) {
				return errorf(b, last, -1, "a branch with a single successor may not have operands or clobbers (its edge moves go just before it)")
			}
			for k, s := range succs {
				for _, t := range succs[:k] {
					if t == s {
						return errorf(b, last, -1, "block %d is a successor twice: split one of the edges", s)
					}
				}
			}
		}
		edges += len(succs)
		for k, s := range succs {
			if s < 0 || int(s) >= a.nBlocks {
				return errorf(b, last, -1, "successor %d out of range", s)
			}
			if v && len(succs) > 1 && len(f.Preds(s)) > 1 {
				return errorf(b, last, -1, "critical edge to block %d: split it (insert an empty block) before allocation", s)
			}
			params := a.params(s)
			args := f.BranchArgs(b, last, k)
			a.argList = append(a.argList, args...)
			a.argStart = append(a.argStart, int32(len(a.argList)))
			if len(args) != len(params) {
				return errorf(b, last, -1, "passes %d arguments to block %d, which has %d parameters", len(args), s, len(params))
			}
			if v {
				for j, v := range args {
					if v.Index() >= a.nVRegs || v.Class() >= NumClasses || v.Class() != params[j].Class() {
						return errorf(b, last, -1, "branch argument %d (%s) to block %d invalid or of the wrong class", j, v, s)
					}
				}
			}
		}
		preds := f.Preds(b)
		a.predList = append(a.predList, preds...)
		a.predStart[b+1] = int32(len(a.predList))
		predEntries += len(preds)
		for k, p := range preds {
			if p < 0 || int(p) >= a.nBlocks {
				return errorf(b, -1, -1, "predecessor %d out of range", p)
			}
			if v {
				for _, q := range preds[:k] {
					if q == p {
						return errorf(b, -1, -1, "block %d is listed twice as a predecessor", p)
					}
				}
			}
		}
	}
	// Every edge must be listed among its target's predecessors, even
	// unvalidated: the dominator iteration relies on it to terminate.
	a.predEdge = resize(a.predEdge, len(a.predList))
	for b := Block(0); int(b) < a.nBlocks; b++ {
		for k, s := range a.succs(b) {
			j := slices.Index(a.preds(s), b)
			if j < 0 {
				return errorf(b, a.blockRange[b].End-1, -1, "block %d is a successor but does not list this block as a predecessor", s)
			}
			a.predEdge[a.predStart[s]+int32(j)] = int32(k)
		}
	}
	if !v {
		return nil
	}
	// Every edge is now known to be listed among its target's predecessors,
	// which hold no duplicates; so if there are as many predecessor entries
	// as edges, every entry is an edge. Only otherwise look for the bad one.
	if predEntries != edges {
		for b := Block(0); int(b) < a.nBlocks; b++ {
			for _, p := range f.Preds(b) {
				found := false
				for _, s := range f.Succs(p) {
					found = found || s == b
				}
				if !found {
					return errorf(b, -1, -1, "lists block %d as a predecessor, which does not branch here", p)
				}
			}
		}
	}
	for i, b := range a.blockOf {
		if b < 0 {
			return errorf(-1, Inst(i), -1, "instruction belongs to no block")
		}
	}
	return nil
}

// checkInsts validates operands and records defs, use counts and hints.
func (a *analysis) checkInsts() error {
	f := a.f
	n := a.nVRegs
	a.defBlock = resizeFill(a.defBlock, n, -1)
	a.paramIdx = resize(a.paramIdx, n) // written by every def
	a.vclass = resize(a.vclass, n)     // read only where defBlock says defined
	a.useCount = resizeClear(a.useCount, n)
	a.hint = resizeFill(a.hint, n, NoPReg)
	if a.validate {
		a.seenStamp = resizeClear(a.seenStamp, n)
		a.seenClass = resize(a.seenClass, n) // read only where seenStamp matches
		a.seenDef = resize(a.seenDef, n)
	}
	for b := Block(0); int(b) < a.nBlocks; b++ {
		for k, p := range a.params(b) {
			if !a.define(p, b) {
				return a.badDef(p, b, -1, -1)
			}
			a.paramIdx[p.Index()] = int32(k)
		}
	}
	// One flat copy of every operand list, move flag and clobber set: the
	// allocator reads them several times, and a slice index is cheaper
	// than an interface call.
	a.opStart = resize(a.opStart, a.nInsts+1)
	a.opStart[0] = 0
	ops := a.ops[:0]
	for i := 0; i < a.nInsts; i++ {
		o := f.Operands(Inst(i))
		if len(o) > 255 {
			return errorf(-1, Inst(i), -1, "%d operands (at most 255)", len(o))
		}
		ops = append(ops, o...)
		a.opStart[i+1] = uint32(len(ops))
		a.isMove[i] = f.IsMove(Inst(i))
		a.clobOf[i] = a.internClobbers(f.Clobbers(Inst(i)))
	}
	a.ops = ops
	a.opKinds = resizeClear(a.opKinds, a.nInsts)
	// The same pass finds the upward-exposed uses, (vreg, block, first
	// inst) triples, for liveness and the global marks.
	a.global = resizeClear(a.global, n)
	a.crossesCall = resizeClear(a.crossesCall, n)
	exposed := a.exposed[:0]
	a.expStart = resize(a.expStart, a.nBlocks+1)
	stamps := resizeClear(a.stamps, n)
	a.stamps = stamps
	for b := Block(0); int(b) < a.nBlocks; b++ {
		stamp := int32(b) + 1
		for _, p := range a.params(b) {
			stamps[p.Index()].def = stamp
			a.global[p.Index()] = true
		}
		a.expStart[b] = int32(len(exposed))
		r := a.blockRange[b]
		for i := r.First; i < r.End; i++ {
			ops := a.instOps(i)
			if a.validate {
				if err := a.checkOperands(b, i, ops); err != nil {
					return err
				}
			}
			// Uses first: an instruction reads before it writes.
			var kinds opKindSet
			for _, o := range ops {
				kinds |= opKind(o)
				x := o.VReg().Index()
				if o.Constraint() == Fixed && a.hint[x] == NoPReg {
					a.hint[x] = o.FixedReg()
				}
				if o.IsUse() {
					a.useCount[x]++
					if st := &stamps[x]; st.def != stamp && st.exp != stamp {
						st.exp = stamp
						exposed = append(exposed, exposure{int32(x), b, i})
						a.global[x] = true
					}
				}
			}
			if kinds&kDef != 0 {
				for k, o := range ops {
					if o.IsDef() {
						if !a.define(o.VReg(), b) {
							return a.badDef(o.VReg(), b, i, k)
						}
						stamps[o.VReg().Index()].def = stamp
					}
				}
			}
			if a.clobOf[i] != 0 {
				kinds |= kClob
			}
			a.opKinds[i] = kinds
		}
		// checkCFG made sure only the last instruction is a terminator.
		if a.validate && a.opKinds[r.End-1]&kDef != 0 {
			return errorf(b, r.End-1, -1, "a branch or return may not define vregs")
		}
		for k := range a.succs(b) {
			for _, v := range a.edgeArgs(b, k) {
				x := v.Index()
				a.useCount[x]++
				a.global[x] = true
				if st := &stamps[x]; st.def != stamp && st.exp != stamp {
					st.exp = stamp
					exposed = append(exposed, exposure{int32(x), b, r.End - 1})
				}
			}
		}
	}
	a.expStart[a.nBlocks] = int32(len(exposed))
	a.exposed = exposed
	return nil
}

// define records v's def in block b, or reports false if v is out of
// range or already defined (badDef says which).
func (a *analysis) define(v VReg, b Block) bool {
	x := v.Index()
	if x >= a.nVRegs || v.Class() >= NumClasses || a.defBlock[x] >= 0 {
		return false
	}
	a.defBlock[x], a.vclass[x], a.paramIdx[x] = b, v.Class(), -1
	return true
}

func (a *analysis) badDef(v VReg, b Block, i Inst, op int) error {
	if x := v.Index(); x >= a.nVRegs || v.Class() >= NumClasses {
		return errorf(b, i, op, "vreg %s out of range", v)
	}
	return errorf(b, i, op, "%s defined twice (also in block %d)", v, a.defBlock[v.Index()])
}

// checkOperands validates one instruction's operand list in isolation.
func (a *analysis) checkOperands(b Block, i Inst, ops []Operand) error {
	var fixedUseEarly, fixedUseLate, fixedDefEarly, fixedDefLate RegSet
	anyFixed := false
	for k, o := range ops {
		v := o.VReg()
		c := v.Class()
		if v.Index() >= a.nVRegs || c >= NumClasses {
			return errorf(b, i, k, "vreg %s out of range", v)
		}
		ck := o.Constraint()
		switch ck {
		case Any, Stack:
		case Reg:
			if !a.hasRegs[c] {
				return errorf(b, i, k, "%s needs a %s register but the machine has none", o, c)
			}
		case Fixed:
			anyFixed = true
			p := o.FixedReg()
			if !p.Valid() || p.Class() != c {
				return errorf(b, i, k, "%s: fixed register %s is not of class %s", o, p, c)
			}
			switch {
			case o.IsUse():
				if fixedUseEarly.Contains(p) || fixedUseLate.Contains(p) {
					for _, w := range ops[:k] {
						if w.IsUse() && w.Constraint() == Fixed && w.FixedReg() == p && w.VReg() != v {
							return errorf(b, i, k, "two fixed uses of %s with different vregs (%s and %s)", p, w.VReg(), v)
						}
					}
				}
				if o.Pos() == Late {
					if a.clobbers(i).Contains(p) {
						return errorf(b, i, k, "late use fixed to %s, which the instruction clobbers", p)
					}
					fixedUseLate.Add(p)
				} else {
					fixedUseEarly.Add(p)
				}
			default:
				if fixedDefEarly.Contains(p) || fixedDefLate.Contains(p) {
					return errorf(b, i, k, "two defs fixed to %s", p)
				}
				if o.Pos() == Early {
					fixedDefEarly.Add(p)
				} else {
					fixedDefLate.Add(p)
				}
			}
		case Reuse:
			x := o.ReuseIndex()
			if o.IsUse() || o.Pos() != Late {
				return errorf(b, i, k, "reuse constraint on a use or early def")
			}
			if x >= len(ops) {
				return errorf(b, i, k, "reuse index %d out of range (%d operands)", x, len(ops))
			}
			t := ops[x]
			if !t.IsUse() || t.Pos() != Early || (t.Constraint() != Reg && t.Constraint() != Fixed) || t.Class() != c {
				return errorf(b, i, k, "reuse target operand %d (%s) must be an early register use of class %s", x, t, c)
			}
			for _, w := range ops[:k] {
				if w.IsDef() && w.Constraint() == Reuse && w.ReuseIndex() == x {
					return errorf(b, i, k, "operand %d reused twice", x)
				}
			}
		default:
			return errorf(b, i, k, "unknown constraint kind %d", ck)
		}
		// Earlier operands of this instruction naming the same vreg: the
		// stamp says whether there was one, the bits what it was.
		x := v.Index()
		if a.seenStamp[x] == int32(i)+1 {
			if a.seenClass[x] != c {
				return errorf(b, i, k, "vreg %d used with two classes", x)
			}
			if o.IsDef() || a.seenDef[x] {
				return errorf(b, i, k, "%s both used and defined, or defined twice, by one instruction", v)
			}
		}
		a.seenStamp[x] = int32(i) + 1
		a.seenClass[x] = c
		a.seenDef[x] = o.IsDef()
	}
	if anyFixed {
		if p := fixedDefEarly.Intersect(fixedUseEarly.Union(fixedUseLate)); !p.Empty() {
			return errorf(b, i, -1, "early def and use both fixed to %s", p)
		}
		if p := fixedDefLate.Intersect(fixedUseLate); !p.Empty() {
			return errorf(b, i, -1, "late def and late use both fixed to %s", p)
		}
	}
	if a.isMove[i] {
		if len(ops) != 2 || !ops[0].IsUse() || !ops[1].IsDef() || ops[0].Class() != ops[1].Class() {
			return errorf(b, i, -1, "a move must have operands [use src, def dst] of one class")
		}
	}
	return nil
}

// computeOrder finds the reverse postorder and rejects unreachable blocks.
func (a *analysis) computeOrder() error {
	f := a.f
	n := a.nBlocks
	state := resizeClear(a.visit, n) // 0 unvisited, 1 on stack, 2 done
	a.visit = state
	post := a.post[:0]
	stack := append(a.dfs[:0], dfsFrame{f.Entry(), 0})
	state[f.Entry()] = 1
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		succs := a.succs(top.b)
		if int(top.next) < len(succs) {
			s := succs[top.next]
			top.next++
			if state[s] == 0 {
				state[s] = 1
				stack = append(stack, dfsFrame{s, 0})
			}
			continue
		}
		state[top.b] = 2
		post = append(post, top.b)
		stack = stack[:len(stack)-1]
	}
	a.post, a.dfs = post, stack
	for b, s := range state {
		if s != 2 {
			return errorf(Block(b), -1, -1, "block is unreachable from the entry; remove it before allocation")
		}
	}
	a.rpo = resize(a.rpo, n)
	for k, b := range post {
		a.rpo[n-1-k] = b
	}
	a.computeDominators()
	return nil
}

// computeDominators finds immediate dominators by the Cooper-Harvey-Kennedy
// iteration over the reverse postorder, then numbers the dominator tree so
// that dominates(x, y) is two comparisons.
func (a *analysis) computeDominators() {
	f, n := a.f, a.nBlocks
	order := resize(a.rpoIndex, n) // block -> RPO index
	a.rpoIndex = order
	for k, b := range a.rpo {
		order[b] = int32(k)
	}
	idom := resizeFill(a.idom, n, -1)
	a.idom = idom
	entry := f.Entry()
	idom[entry] = entry
	pass := func() (changed bool) {
		for _, b := range a.rpo[1:] {
			nd := Block(-1)
			for _, p := range a.preds(b) {
				if idom[p] < 0 {
					continue
				}
				if nd < 0 {
					nd = p
					continue
				}
				x, y := p, nd
				for x != y {
					for order[x] > order[y] {
						x = idom[x]
					}
					for order[y] > order[x] {
						y = idom[y]
					}
				}
				nd = x
			}
			if idom[b] != nd {
				idom[b], changed = nd, true
			}
		}
		return changed
	}
	// The first pass sees only forward edges (a retreating edge's source
	// comes later in reverse postorder), so it finds the dominators of
	// that DAG. If every retreating edge is a back edge (its target
	// dominates its source: a reducible graph, as compiled code is),
	// those are the graph's dominators; else iterate as Cooper, Harvey
	// and Kennedy do, which a second pass over a reducible graph would
	// only confirm.
	pass()
	a.numberDomTree()
	if !a.reducible() {
		for pass() {
		}
		a.numberDomTree()
	}
}

// reducible reports whether the target of every retreating edge (in
// reverse postorder) dominates its source, by the current dominator tree.
func (a *analysis) reducible() bool {
	for b := Block(0); int(b) < a.nBlocks; b++ {
		for _, p := range a.preds(b) {
			if a.rpoIndex[p] >= a.rpoIndex[b] && !a.dominates(b, p) {
				return false
			}
		}
	}
	return true
}

// numberDomTree numbers the dominator tree (idom) for dominates.
func (a *analysis) numberDomTree() {
	n, entry, idom := a.nBlocks, a.f.Entry(), a.idom
	// Children lists (CSR), then an iterative DFS numbering.
	start := resizeClear(a.kidStart, n+1)
	a.kidStart = start
	for b := 0; b < n; b++ {
		if Block(b) != entry {
			start[idom[b]+1]++
		}
	}
	for b := 0; b < n; b++ {
		start[b+1] += start[b]
	}
	kids := resize(a.kids, n)
	a.kids = kids
	fill := append(a.fillAt[:0], start[:n]...)
	a.fillAt = fill
	for b := 0; b < n; b++ {
		if Block(b) != entry {
			kids[fill[idom[b]]] = Block(b)
			fill[idom[b]]++
		}
	}
	a.domPre = resize(a.domPre, n)
	a.domPost = resize(a.domPost, n)
	clock := int32(0)
	stack := append(a.dfs[:0], dfsFrame{entry, start[entry]})
	a.domPre[entry] = clock
	clock++
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < start[top.b+1] {
			c := kids[top.next]
			top.next++
			a.domPre[c] = clock
			clock++
			stack = append(stack, dfsFrame{c, start[c]})
			continue
		}
		a.domPost[top.b] = clock
		clock++
		stack = stack[:len(stack)-1]
	}
	a.dfs = stack
}

// dominates reports whether every path from the entry to y passes through x.
func (a *analysis) dominates(x, y Block) bool {
	return a.domPre[x] <= a.domPre[y] && a.domPost[y] <= a.domPost[x]
}

// checkSSA checks, block by block, that every use reads its vreg with the
// class of its def and that each upward-exposed use (found by checkInsts)
// is strictly dominated by its def.
func (a *analysis) checkSSA() error {
	for b := Block(0); int(b) < a.nBlocks; b++ {
		badClass, badClassAt := NoVReg, Inst(-1)
		check := func(v VReg, i Inst) {
			x := v.Index()
			if a.defBlock[x] >= 0 && a.vclass[x] != v.Class() && badClass == NoVReg {
				badClass, badClassAt = v, i
			}
		}
		r := a.blockRange[b]
		for i := r.First; i < r.End; i++ {
			for _, o := range a.instOps(i) {
				if o.IsUse() {
					check(o.VReg(), i)
				}
			}
		}
		for k := range a.succs(b) {
			for _, v := range a.edgeArgs(b, k) {
				check(v, r.End-1)
			}
		}
		if badClass != NoVReg {
			return errorf(b, badClassAt, -1, "%s used as class %s but defined as %s", badClass, badClass.Class(), a.vclass[badClass.Index()])
		}
		exp := a.exposed[a.expStart[b]:a.expStart[b+1]]
		undefined := -1
		for k, e := range exp {
			if a.defBlock[e.v] < 0 {
				undefined = k
			}
		}
		if undefined >= 0 {
			e := exp[undefined]
			return errorf(b, e.inst, -1, "use of %s, which is never defined", a.useOf(b, e))
		}
		// SSA never reads a value before its definition in the same block.
		for _, e := range exp {
			if db := a.defBlock[e.v]; db == b || !a.dominates(db, b) {
				return errorf(b, e.inst, -1, "use of %s is not dominated by its definition (block %d): some path from the entry skips it", NewVReg(int(e.v), a.vclass[e.v]), db)
			}
		}
	}
	return nil
}

// useOf returns the vreg (with the class the use gives it) of exposure e
// of block b.
func (a *analysis) useOf(b Block, e exposure) VReg {
	for _, o := range a.instOps(e.inst) {
		if o.IsUse() && o.VReg().Index() == int(e.v) {
			return o.VReg()
		}
	}
	for k := range a.succs(b) {
		for _, v := range a.edgeArgs(b, k) {
			if v.Index() == int(e.v) {
				return v
			}
		}
	}
	return NewVReg(int(e.v), 0)
}

// computeLiveness finds, for every vreg used outside the stretch of its def
// block that follows the def, the blocks it is live into, by walking
// predecessors back from each such use until the def block. Reaching the
// entry block means some path skips the def: the input is not SSA and the
// use is reported. The cost is the total size of the live ranges in blocks.
func (a *analysis) computeLiveness(wantLiveIn bool) error {
	f := a.f
	if a.validate {
		if err := a.checkSSA(); err != nil {
			return err
		}
	}
	if !wantLiveIn {
		return nil
	}
	exposed := a.exposed
	// Group exposures by vreg (counting sort keeps block order).
	start := resizeClear(a.vStart, a.nVRegs+1)
	a.vStart = start
	for _, e := range exposed {
		start[e.v+1]++
	}
	for x := 0; x < a.nVRegs; x++ {
		start[x+1] += start[x]
	}
	byV := resize(a.byV, len(exposed))
	a.byV = byV
	fill := append(a.fillAt[:0], start[:a.nVRegs]...)
	a.fillAt = fill
	for _, e := range exposed {
		byV[fill[e.v]] = e
		fill[e.v]++
	}
	entry := f.Entry()
	mark := resizeClear(a.mark, a.nBlocks)
	a.mark = mark
	work := a.work[:0]
	pairs := a.pairs[:0] // (vreg, live-in block)
	defer func() { a.work, a.pairs = work[:0], pairs[:0] }()
	for x := 0; x < a.nVRegs; x++ {
		tag := int32(x) + 1
		db := a.defBlock[x]
		for _, e := range byV[start[x]:start[x+1]] {
			if mark[e.b] == tag {
				continue
			}
			mark[e.b] = tag
			work = append(work[:0], e.b)
			for len(work) > 0 {
				b := work[len(work)-1]
				work = work[:len(work)-1]
				if b == entry {
					return errorf(e.b, e.inst, -1, "use of %s is not dominated by its definition (block %d): some path from the entry skips it", NewVReg(x, a.vclass[x]), db)
				}
				pairs = append(pairs, exposure{int32(x), b, 0})
				for _, p := range a.preds(b) {
					if p != db && mark[p] != tag {
						mark[p] = tag
						work = append(work, p)
					}
				}
			}
		}
	}
	a.liveInStart = resizeClear(a.liveInStart, a.nBlocks+1)
	for _, p := range pairs {
		a.liveInStart[p.b+1]++
	}
	for b := 0; b < a.nBlocks; b++ {
		a.liveInStart[b+1] += a.liveInStart[b]
	}
	a.liveIn = resize(a.liveIn, len(pairs))
	pos := append(a.fillAt[:0], a.liveInStart[:a.nBlocks]...)
	a.fillAt = pos
	for _, p := range pairs {
		a.liveIn[pos[p.b]] = NewVReg(int(p.v), a.vclass[p.v])
		pos[p.b]++
	}
	return nil
}
