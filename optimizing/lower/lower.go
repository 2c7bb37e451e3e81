package lower

import (
	"fmt"
	"slices"
	"sync"

	"kiln/ir"
	"kiln/regalloc"
)

// Backend is the part of an ISA the lowering driver calls. Rules are the
// ISA's business; the driver decides the order in which instructions are
// visited, which IR values get virtual registers and which instructions
// are dead or merged into their users.
type Backend[I any] interface {
	// LowerArgs defines the function's parameters (the vregs of the entry
	// block's parameters, in order, NumRegs of them per parameter) at the
	// top of the entry block.
	LowerArgs(c *Ctx[I], params []regalloc.VReg) error
	// LowerInst lowers one IR instruction that is not a jump or a
	// multi-way branch (returns, traps and tail calls included).
	LowerInst(c *Ctx[I], inst ir.Inst) error
	// LowerBranch lowers a multi-way terminator (brif, br_table) whose
	// successors are the given edge blocks, in block-call order, as one
	// KindBranch instruction with no branch arguments.
	LowerBranch(c *Ctx[I], inst ir.Inst, targets []Block) error
	// Jump returns an unconditional jump to target.
	Jump(target Block) I
}

// Ctx is the state of lowering one function, handed to the backend's rules.
//
// The driver visits lowered blocks in reverse layout order and the
// instructions of each block backwards, as Cranelift does: every use of a
// value in a block dominated by its definition is therefore lowered before
// the definition, so when the driver reaches a pure instruction it knows
// whether any lowered code asked for its result in a register (VReg) and
// skips it otherwise. A rule that folds an instruction into its user (an
// iconst into an immediate, an icmp into a branch, a load into an ALU
// operand) simply does not ask for that value's register.
type Ctx[I any] struct {
	F     *ir.Function
	Order *BlockOrder

	vregOf   []regalloc.VReg // by ir.Value; NoVReg until requested
	used     []bool          // by ir.Value: some lowered code reads its register
	sunk     []bool          // by ir.Inst: merged into its only user
	useCount []int32         // by ir.Value: IR uses
	color    []int32         // by ir.Inst: side-effecting instructions before it in its block
	blockOf  []ir.Block      // by ir.Inst
	numVRegs int

	cur   ir.Inst // instruction being lowered
	curIR ir.Block
	// pend holds every machine instruction emitted so far, in emission
	// order: the IR instructions are visited backwards, each one's
	// machine instructions forwards. chunkEnd marks where each IR
	// instruction's run ends (flush), so assembly can read the runs in
	// reverse without copying them into per-block slices first.
	pend     []pending[I]
	chunkEnd []int32
	pendOps  []regalloc.Operand
}

type pending[I any] struct {
	inst    I
	kind    InstKind
	clobber regalloc.RegSet
	ops     [2]uint32 // range in pendOps
	loc     ir.SourceLoc
}

// ClassOf is the register class of values of type t.
func ClassOf(t ir.Type) regalloc.RegClass {
	if t.IsFloat() || t.IsVector() {
		return regalloc.Float
	}
	return regalloc.Int
}

// NewVReg returns a fresh virtual register of class cl.
func (c *Ctx[I]) NewVReg(cl regalloc.RegClass) regalloc.VReg {
	v := regalloc.NewVReg(c.numVRegs, cl)
	c.numVRegs++
	return v
}

func (c *Ctx[I]) resolve(v ir.Value) ir.Value { return c.F.DFG.ResolveAliases(v) }

// VReg returns the virtual register holding v and records that lowered code
// reads it, so v's definition will be emitted.
func (c *Ctx[I]) VReg(v ir.Value) regalloc.VReg {
	v = c.resolve(v)
	c.used[v] = true
	return c.vreg(v)
}

// Output returns the virtual register a definition of v writes.
func (c *Ctx[I]) Output(v ir.Value) regalloc.VReg { return c.vreg(c.resolve(v)) }

// NumRegs is how many registers a value of type t occupies: two for i128
// (low half first), one otherwise.
func NumRegs(t ir.Type) int {
	if t == ir.I128 {
		return 2
	}
	return 1
}

// VRegs returns the registers holding v (see NumRegs) and records the use.
func (c *Ctx[I]) VRegs(v ir.Value) []regalloc.VReg {
	v = c.resolve(v)
	c.used[v] = true
	return c.vregs(v)
}

// OutputRegs returns the registers a definition of v writes.
func (c *Ctx[I]) OutputRegs(v ir.Value) []regalloc.VReg { return c.vregs(c.resolve(v)) }

func (c *Ctx[I]) vregs(v ir.Value) []regalloc.VReg {
	first := c.vreg(v)
	n := NumRegs(c.F.DFG.ValueType(v))
	out := make([]regalloc.VReg, n)
	for k := range out {
		out[k] = regalloc.NewVReg(first.Index()+k, first.Class())
	}
	return out
}

func (c *Ctx[I]) vreg(v ir.Value) regalloc.VReg {
	if c.vregOf[v] == regalloc.NoVReg {
		t := c.F.DFG.ValueType(v)
		c.vregOf[v] = c.NewVReg(ClassOf(t))
		for k := 1; k < NumRegs(t); k++ {
			c.NewVReg(ClassOf(t))
		}
	}
	return c.vregOf[v]
}

// Def returns the instruction defining v (NoInst for a block parameter).
func (c *Ctx[I]) Def(v ir.Value) ir.Inst {
	d := c.F.DFG.Def(c.resolve(v))
	if d.Kind != ir.DefResult {
		return ir.NoInst
	}
	return d.Inst
}

// PureDef returns the pure instruction defining v, which a rule may
// recompute at the use (its operands dominate it, hence the use), or NoInst.
func (c *Ctx[I]) PureDef(v ir.Value) ir.Inst {
	i := c.Def(v)
	if i == ir.NoInst || !c.F.DFG.Insts[i].Opcode.IsPure() {
		return ir.NoInst
	}
	return i
}

// SinkableLoad returns the load defining v if it may be merged into the
// instruction being lowered: v's only use is there, in the same block, with
// no side effect between the two. The caller must then call Sink. (Should
// lowered code read v in a register all the same, the load is lowered too.)
func (c *Ctx[I]) SinkableLoad(v ir.Value) ir.Inst {
	v = c.resolve(v)
	i := c.Def(v)
	// c.used[v]: a use lowered earlier needs v in a register although v
	// has one IR use; a rule recomputed v's user there (an address mode
	// folds an iadd and reads its operands), so v must stay defined.
	if i == ir.NoInst || c.sunk[i] || c.blockOf[i] != c.curIR || c.useCount[v] != 1 || c.used[v] {
		return ir.NoInst
	}
	if op := c.F.DFG.Insts[i].Opcode; !op.CanLoad() || op.Flags()&ir.CanStore != 0 {
		return ir.NoInst
	}
	if c.color[c.cur] != c.color[i]+1 {
		return ir.NoInst
	}
	return i
}

// UseCount is the number of IR uses of v (operands and branch arguments).
func (c *Ctx[I]) UseCount(v ir.Value) int { return int(c.useCount[c.resolve(v)]) }

// Sink marks a load as merged into the instruction being lowered.
func (c *Ctx[I]) Sink(i ir.Inst) { c.sunk[i] = true }

// Emit appends a machine instruction with its operands to the code of the
// IR instruction being lowered.
func (c *Ctx[I]) Emit(inst I, kind InstKind, clobber regalloc.RegSet, ops ...regalloc.Operand) {
	start := uint32(len(c.pendOps))
	c.pendOps = append(c.pendOps, ops...)
	loc := ir.NoSourceLoc
	if c.cur != ir.NoInst {
		loc = c.F.DFG.SrcLoc(c.cur)
	}
	c.pend = append(c.pend, pending[I]{inst: inst, kind: kind, clobber: clobber, ops: [2]uint32{start, uint32(len(c.pendOps))}, loc: loc})
}

// Current is the IR instruction being lowered.
func (c *Ctx[I]) Current() ir.Inst { return c.cur }

func (c *Ctx[I]) flush() {
	if n := int32(len(c.pend)); len(c.chunkEnd) == 0 || c.chunkEnd[len(c.chunkEnd)-1] != n {
		c.chunkEnd = append(c.chunkEnd, n)
	}
}

// hasSideEffect reports whether an instruction must be kept even if its
// results are unused.
func hasSideEffect(op ir.Opcode) bool { return !op.IsPure() }

// Lower lowers f to VCode through backend be.
func Lower[I any](f *ir.Function, be Backend[I]) (*VCode[I], error) {
	order, err := ComputeBlockOrder(f)
	if err != nil {
		return nil, err
	}
	nv, ni := f.DFG.NumValues(), f.DFG.NumInsts()
	c := &Ctx[I]{
		F: f, Order: order,
		vregOf: make([]regalloc.VReg, nv), used: make([]bool, nv), useCount: make([]int32, nv),
		sunk: make([]bool, ni), color: make([]int32, ni), blockOf: make([]ir.Block, ni),
	}
	for i := range c.vregOf {
		c.vregOf[i] = regalloc.NoVReg
	}
	for b := range f.Layout.Blocks() {
		var col int32
		for i := f.Layout.FirstInst(b); i != ir.NoInst; i = f.Layout.NextInst(i) {
			c.blockOf[i], c.color[i] = b, col
			if hasSideEffect(f.DFG.Insts[i].Opcode) {
				col++
			}
			for _, a := range f.DFG.Args(i) {
				c.useCount[c.resolve(a)]++
			}
			for _, bc := range f.DFG.BlockCalls(i) {
				for _, a := range f.DFG.BlockCallArgs(bc) {
					if v := a.Value(); v != ir.NoValue {
						c.useCount[c.resolve(v)]++
					}
				}
			}
		}
	}

	nb := len(order.Lowered)
	// blockChunks[lb] is the range of chunkEnd entries of lowered block lb.
	blockChunks := make([][2]int32, nb)
	c.pend, c.pendOps = getScratch[I](ni/2+nb, ni+nb) // most IR instructions fold away or emit one
	c.chunkEnd = append(make([]int32, 0, ni+nb+1), 0)
	succs := make([][]Block, nb)
	args := make([][][]regalloc.VReg, nb)
	// The block calls of the last edge block's branch: a br_table's edge
	// blocks are consecutive, and BlockCalls copies its targets.
	callsOf, calls := ir.NoInst, []ir.BlockCall(nil)
	for lb := nb - 1; lb >= 0; lb-- {
		blk := order.Lowered[lb]
		firstChunk := int32(len(c.chunkEnd))
		if blk.IsEdge() {
			// An edge block: one jump carrying the original block call's arguments.
			term := f.Layout.LastInst(blk.Pred)
			if term != callsOf {
				callsOf, calls = term, f.DFG.BlockCalls(term)
			}
			bc := calls[blk.SuccIdx]
			target := order.Of[blk.Succ]
			c.cur, c.curIR = term, ir.NoBlock
			succs[lb] = []Block{target}
			args[lb] = [][]regalloc.VReg{c.blockCallArgs(bc)}
			c.Emit(be.Jump(target), KindBranch, regalloc.RegSet{})
			c.flush()
		} else {
			b := blk.Orig
			c.curIR = b
			for i := f.Layout.LastInst(b); i != ir.NoInst; i = f.Layout.PrevInst(i) {
				c.cur = i
				d := &f.DFG.Insts[i]
				switch {
				case d.Format() == ir.FmtJump:
					bc := f.DFG.BlockCalls(i)[0]
					target := order.Of[bc.Block]
					succs[lb] = []Block{target}
					args[lb] = [][]regalloc.VReg{c.blockCallArgs(bc)}
					c.Emit(be.Jump(target), KindBranch, regalloc.RegSet{})
				case d.Opcode.IsBranch():
					n := len(f.DFG.BlockCalls(i))
					targets := make([]Block, n)
					for k := range targets {
						targets[k] = Block(lb + 1 + k)
					}
					succs[lb] = targets
					args[lb] = make([][]regalloc.VReg, n)
					if err := be.LowerBranch(c, i, targets); err != nil {
						return nil, c.errorf(err)
					}
				default:
					// A sunk load is lowered all the same when lowered code
					// also reads its result in a register: a rule that
					// recomputes the load's user more than once (an i128
					// select compares once per half) may merge the load at
					// one recomputation and read it at another.
					if c.sunk[i] && !c.resultRead(i) || !c.needed(i) {
						continue
					}
					if err := be.LowerInst(c, i); err != nil {
						return nil, c.errorf(err)
					}
				}
				c.flush()
			}
			if lb == 0 {
				c.cur = ir.NoInst
				var vs []regalloc.VReg
				for _, p := range f.DFG.BlockParams(b) {
					vs = append(vs, c.OutputRegs(p)...)
				}
				if err := be.LowerArgs(c, vs); err != nil {
					return nil, err
				}
				c.flush()
			}
		}
		blockChunks[lb] = [2]int32{firstChunk, int32(len(c.chunkEnd))}
	}

	// Assemble the VCode in layout order, sized exactly.
	n := len(c.pend)
	vc := &VCode[I]{Origin: make([]ir.Block, nb),
		Insts: make([]I, 0, n), Locs: make([]ir.SourceLoc, 0, n), kinds: make([]InstKind, 0, n),
		clobbers: make([]regalloc.RegSet, 0, n), opStart: make([]uint32, 0, n+1), ops: make([]regalloc.Operand, 0, len(c.pendOps))}
	vc.blocks = make([]vblock, nb)
	predLists := make([][]Block, nb)
	for b := range nb {
		for _, s := range succs[b] {
			predLists[s] = append(predLists[s], Block(b))
		}
	}
	for b := range nb {
		blk := order.Lowered[b]
		vb := &vc.blocks[b]
		vb.cold = blk.Cold
		vc.Origin[b] = blk.Orig
		first := regalloc.Inst(len(vc.Insts))
		// The block's runs were emitted last IR instruction first.
		for k := blockChunks[b][1] - 1; k >= blockChunks[b][0]; k-- {
			for i := c.chunkEnd[k-1]; i < c.chunkEnd[k]; i++ {
				p := &c.pend[i]
				vc.Insts = append(vc.Insts, p.inst)
				vc.Locs = append(vc.Locs, p.loc)
				vc.kinds = append(vc.kinds, p.kind)
				vc.clobbers = append(vc.clobbers, p.clobber)
				vc.opStart = append(vc.opStart, uint32(len(vc.ops)))
				vc.ops = append(vc.ops, c.pendOps[p.ops[0]:p.ops[1]]...)
			}
		}
		vb.insts = regalloc.InstRange{First: first, End: regalloc.Inst(len(vc.Insts))}
		vb.succ[0] = uint32(len(vc.succs))
		vc.succs = append(vc.succs, succs[b]...)
		vb.succ[1] = uint32(len(vc.succs))
		vb.pred[0] = uint32(len(vc.preds))
		vc.preds = append(vc.preds, predLists[b]...)
		vb.pred[1] = uint32(len(vc.preds))
		vb.param[0] = uint32(len(vc.params))
		if !blk.IsEdge() && b != 0 {
			for _, p := range f.DFG.BlockParams(blk.Orig) {
				vc.params = append(vc.params, c.OutputRegs(p)...)
			}
		}
		vb.param[1] = uint32(len(vc.params))
		vb.argIdx = uint32(len(vc.argStart))
		for k := range succs[b] {
			vc.argStart = append(vc.argStart, uint32(len(vc.args)))
			if k < len(args[b]) {
				vc.args = append(vc.args, args[b][k]...)
			}
		}
	}
	putScratch(c.pend, c.pendOps)
	c.pend, c.pendOps = nil, nil
	vc.opStart = append(vc.opStart, uint32(len(vc.ops)))
	vc.argStart = append(vc.argStart, uint32(len(vc.args)))
	vc.numVRegs = c.numVRegs
	return vc, nil
}

// scratchPool holds the staging buffers of Lower (*scratch[I] of any I),
// reused across functions: they are as large as the VCode they are
// copied into.
var scratchPool sync.Pool

type scratch[I any] struct {
	pend    []pending[I]
	pendOps []regalloc.Operand
}

// getScratch returns empty staging buffers with room for at least n
// instructions and nops operands.
func getScratch[I any](n, nops int) ([]pending[I], []regalloc.Operand) {
	if s, ok := scratchPool.Get().(*scratch[I]); ok { // another I's buffers are dropped
		return slices.Grow(s.pend[:0], n), slices.Grow(s.pendOps[:0], nops)
	}
	return make([]pending[I], 0, n), make([]regalloc.Operand, 0, nops)
}

// putScratch returns Lower's staging buffers to the pool, cleared so that
// they keep no pointers alive.
func putScratch[I any](pend []pending[I], pendOps []regalloc.Operand) {
	clear(pend)
	scratchPool.Put(&scratch[I]{pend: pend[:0], pendOps: pendOps[:0]})
}

func (c *Ctx[I]) blockCallArgs(bc ir.BlockCall) []regalloc.VReg {
	as := c.F.DFG.BlockCallArgs(bc)
	out := make([]regalloc.VReg, 0, len(as))
	for _, a := range as {
		if v := a.Value(); v != ir.NoValue {
			out = append(out, c.VRegs(v)...)
		}
	}
	return out
}

// needed reports whether instruction i must be lowered: it has a side
// effect, or lowered code reads one of its results.
func (c *Ctx[I]) needed(i ir.Inst) bool {
	return hasSideEffect(c.F.DFG.Insts[i].Opcode) || c.resultRead(i)
}

// resultRead reports whether lowered code reads a result of i in a
// register.
func (c *Ctx[I]) resultRead(i ir.Inst) bool {
	for _, r := range c.F.DFG.Results(i) {
		if c.used[r] {
			return true
		}
	}
	return false
}

func (c *Ctx[I]) errorf(err error) error {
	if c.cur == ir.NoInst {
		return err
	}
	return fmt.Errorf("%s: %w", c.cur, err)
}
