package lower

import (
	"fmt"
	"reflect"
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
	// KindBranch instruction with no branch arguments. targets is valid
	// only during the call (the branch's targets are its block's
	// successors in the VCode).
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

	vals     []valueInfo // by ir.Value
	read     []bool      // by ir.Inst: used holds for one of its results
	sunk     []bool      // by ir.Inst: merged into its only user
	color    []int32     // by ir.Inst: side-effecting instructions before it in its block
	numVRegs int

	cur    ir.Inst      // instruction being lowered
	curLoc ir.SourceLoc // its source location
	curIR  ir.Block
	// code holds every machine instruction emitted so far, last first
	// (see code): the IR instructions are visited backwards, and flush
	// turns each one's run of machine instructions around. chunk is
	// where the run of the instruction being lowered starts.
	code    code[I]
	chunk   int
	scratch []regalloc.Operand
	starts  []uint32
	// calls holds the block calls of a br_table, which the DFG would
	// copy into a fresh slice.
	calls []ir.BlockCall
	// regSlab holds the register lists VRegs and OutputRegs return, one
	// after another for the whole function (a list stays valid while the
	// rule that asked for it runs): a fresh one- or two-register slice
	// for each was most of lowering's allocations, one per call argument.
	regSlab []regalloc.VReg
}

// valueInfo is what lowering keeps per IR value, in one record: a value's
// entries are read and written together (counting its uses, asking for
// its register), and separate tables were a cache miss each.
type valueInfo struct {
	vreg regalloc.VReg // plus one: 0 until requested
	uses int32         // IR uses
	// block is the block of the IR uses plus one: 0 for none, -1 when
	// they are in several blocks; last is the last use in layout order
	// (LastUse).
	block int32
	last  ir.Inst
	used  bool // some lowered code reads its register
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
	c.markUsed(v)
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
	c.markUsed(v)
	return c.vregs(v)
}

// OutputRegs returns the registers a definition of v writes.
func (c *Ctx[I]) OutputRegs(v ir.Value) []regalloc.VReg { return c.vregs(c.resolve(v)) }

func (c *Ctx[I]) vregs(v ir.Value) []regalloc.VReg {
	start := len(c.regSlab)
	c.regSlab = c.appendRegs(c.regSlab, v)
	return c.regSlab[start:len(c.regSlab):len(c.regSlab)]
}

func (c *Ctx[I]) vreg(v ir.Value) regalloc.VReg {
	e := &c.vals[v]
	if e.vreg == 0 {
		t := c.F.DFG.ValueType(v)
		e.vreg = c.NewVReg(ClassOf(t)) + 1
		for k := 1; k < NumRegs(t); k++ {
			c.NewVReg(ClassOf(t))
		}
	}
	return e.vreg - 1
}

// Def returns the instruction defining v (NoInst for a block parameter).
func (c *Ctx[I]) Def(v ir.Value) ir.Inst { return c.F.DFG.ResultOf(v) }

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
	// used: a use lowered earlier needs v in a register although v
	// has one IR use; a rule recomputed v's user there (an address mode
	// folds an iadd and reads its operands), so v must stay defined.
	if i == ir.NoInst || c.sunk[i] || c.F.Layout.InstBlock(i) != c.curIR || c.vals[v].uses != 1 || c.vals[v].used {
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

// LastUse reports whether the instruction being lowered is the last IR
// use of v in layout order: every use of v is in the current block and
// none follows this one. (Rules use it to pick which operand of a
// two-address instruction to overwrite.) When all of v's uses are in one
// block, its last use in the whole layout is the block's last, so the
// counting pass notes it in passing.
func (c *Ctx[I]) LastUse(v ir.Value) bool {
	v = c.resolve(v)
	b := int32(c.curIR) + 1
	e := &c.vals[v]
	return b > 0 && e.block == b && e.last == c.cur
}

// blockCalls returns the block calls of branch i; those of a br_table are
// in c.calls, valid until the next call.
func (c *Ctx[I]) blockCalls(i ir.Inst) []ir.BlockCall {
	if c.F.DFG.Insts[i].Format() == ir.FmtBranchTable {
		c.calls = c.F.DFG.AppendBlockCalls(c.calls[:0], i)
		return c.calls
	}
	return c.F.DFG.BlockCalls(i)
}

// noteUse counts a use of v by instruction i of block b, visited in
// layout order.
func (c *Ctx[I]) noteUse(v ir.Value, b ir.Block, i ir.Inst) {
	e := &c.vals[v]
	e.uses++
	e.last = i
	switch {
	case e.block == 0:
		e.block = int32(b) + 1
	case e.block != int32(b)+1:
		e.block = -1
	}
}

// UseCount is the number of IR uses of v (operands and branch arguments).
func (c *Ctx[I]) UseCount(v ir.Value) int { return int(c.vals[c.resolve(v)].uses) }

// Sink marks a load as merged into the instruction being lowered.
func (c *Ctx[I]) Sink(i ir.Inst) { c.sunk[i] = true }

// Emit appends a machine instruction with its operands to the code of the
// IR instruction being lowered.
func (c *Ctx[I]) Emit(inst I, kind InstKind, clobber regalloc.RegSet, ops ...regalloc.Operand) {
	c.code.add(inst, kind, clobber, c.curLoc, ops)
}

// Current is the IR instruction being lowered.
func (c *Ctx[I]) Current() ir.Inst { return c.cur }

// flush ends the run of machine instructions of the IR instruction just
// lowered, turning it around: the code is then stored last first.
func (c *Ctx[I]) flush() {
	if n := c.code.n; n-c.chunk > 1 {
		c.code.reverse(c.chunk, n, &c.scratch, &c.starts)
	}
	c.chunk = c.code.n
}

// hasSideEffect reports whether an instruction must be kept even if its
// results are unused.
func hasSideEffect(op ir.Opcode) bool { return !op.IsPure() }

// Lower lowers f to VCode through backend be.
func Lower[I any](f *ir.Function, be Backend[I]) (*VCode[I], error) {
	t := getTables[I]()
	defer putTables(t)
	order, err := t.blockOrder(f)
	if err != nil {
		return nil, err
	}
	nv, ni := f.DFG.NumValues(), f.DFG.NumInsts()
	c := &t.ctx
	*c = Ctx[I]{
		F: f, Order: order,
		vals: grow(c.vals, nv), calls: c.calls,
		sunk: grow(c.sunk, ni), read: grow(c.read, ni), color: resize(c.color, ni),
		code: c.code, scratch: c.scratch, starts: c.starts, regSlab: c.regSlab[:0],
	}
	for b := range f.Layout.Blocks() {
		var col int32
		for i := f.Layout.FirstInst(b); i != ir.NoInst; i = f.Layout.NextInst(i) {
			c.color[i] = col
			d := &f.DFG.Insts[i]
			for _, a := range f.DFG.Args(i) {
				c.noteUse(c.resolve(a), b, i)
			}
			if hasSideEffect(d.Opcode) {
				col++
				if d.Opcode.IsBranch() { // a branch is not pure
					for _, bc := range c.blockCalls(i) {
						for _, a := range f.DFG.List(bc.Args) {
							if v := ir.BlockArg(a).Value(); v != ir.NoValue {
								c.noteUse(c.resolve(v), b, i)
							}
						}
					}
				}
			}
		}
	}

	nb := len(order.Lowered)
	// Per lowered block: the range of chunkEnd entries it emitted, its
	// successors (a range of succFlat) and its successors' argument lists
	// (a range of argLists, each a range of argFlat). Blocks are visited
	// last first, so the ranges are in that order in the flat tables.
	blockRange := grow(t.blockRange, nb)
	succRange := grow(t.succRange, nb)
	argRange := grow(t.argRange, nb)
	succFlat, argLists, argFlat := t.succs[:0], t.argLists[:0], t.args[:0]
	// Most IR instructions fold away or emit one machine instruction.
	c.code.reset(ni/2+nb, ni+nb)
	// oneSucc records that lowered block lb ends in a jump to target with
	// the arguments of block call bc.
	oneSucc := func(lb int, target Block, bc ir.BlockCall) {
		succRange[lb] = [2]int32{int32(len(succFlat)), int32(len(succFlat) + 1)}
		succFlat = append(succFlat, target)
		start := int32(len(argFlat))
		argFlat = c.appendBlockCallArgs(argFlat, bc)
		argRange[lb] = [2]int32{int32(len(argLists)), int32(len(argLists) + 1)}
		argLists = append(argLists, [2]int32{start, int32(len(argFlat))})
	}
	// The block calls of the last edge block's branch: a br_table's edge
	// blocks are consecutive, and BlockCalls copies its targets.
	callsOf, calls := ir.NoInst, t.edgeCalls[:0]
	for lb := nb - 1; lb >= 0; lb-- {
		blk := order.Lowered[lb]
		first := int32(c.code.n)
		if blk.IsEdge() {
			// An edge block: one jump carrying the original block call's arguments.
			term := f.Layout.LastInst(blk.Pred)
			if term != callsOf {
				callsOf, calls = term, f.DFG.AppendBlockCalls(calls[:0], term)
			}
			bc := calls[blk.SuccIdx]
			target := order.Of[blk.Succ]
			c.cur, c.curLoc, c.curIR = term, f.DFG.SrcLoc(term), ir.NoBlock
			oneSucc(lb, target, bc)
			c.Emit(be.Jump(target), KindBranch, regalloc.RegSet{})
			c.flush()
		} else {
			b := blk.Orig
			c.curIR = b
			for i := f.Layout.LastInst(b); i != ir.NoInst; i = f.Layout.PrevInst(i) {
				// The source location is read only for an instruction
				// that emits code (many pure ones are folded or dead).
				c.cur = i
				d := &f.DFG.Insts[i]
				switch {
				case d.Format() == ir.FmtJump:
					c.curLoc = f.DFG.SrcLoc(i)
					bc := f.DFG.BlockCalls(i)[0]
					target := order.Of[bc.Block]
					oneSucc(lb, target, bc)
					c.Emit(be.Jump(target), KindBranch, regalloc.RegSet{})
				case d.Opcode.IsBranch():
					c.curLoc = f.DFG.SrcLoc(i)
					n := f.DFG.NumBlockCalls(i)
					targets := t.branchTargets[:0]
					for k := range n {
						targets = append(targets, Block(lb+1+k))
					}
					t.branchTargets = targets
					succRange[lb] = [2]int32{int32(len(succFlat)), int32(len(succFlat) + n)}
					succFlat = append(succFlat, targets...)
					// The edge blocks carry the arguments: n empty lists.
					argRange[lb] = [2]int32{int32(len(argLists)), int32(len(argLists) + n)}
					for range n {
						argLists = append(argLists, [2]int32{int32(len(argFlat)), int32(len(argFlat))})
					}
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
					c.curLoc = f.DFG.SrcLoc(i)
					if err := be.LowerInst(c, i); err != nil {
						return nil, c.errorf(err)
					}
				}
				c.flush()
			}
			if lb == 0 {
				c.cur, c.curLoc = ir.NoInst, ir.NoSourceLoc
				var vs []regalloc.VReg
				for _, p := range f.DFG.BlockParams(b) {
					vs = c.appendOutputRegs(vs, p)
				}
				if err := be.LowerArgs(c, vs); err != nil {
					return nil, err
				}
				c.flush()
			}
		}
		blockRange[lb] = [2]int32{first, int32(c.code.n)}
	}
	t.blockRange, t.succRange, t.argRange = blockRange, succRange, argRange
	t.edgeCalls = calls
	t.succs, t.argLists, t.args = succFlat, argLists, argFlat

	// Predecessor lists by counting: those of block b start at
	// predStart[b], in increasing order of the predecessor.
	predStart := grow(t.predStart, nb+1)
	for _, s := range succFlat {
		predStart[s+1]++
	}
	for b := range nb {
		predStart[b+1] += predStart[b]
	}
	fill := grow(t.fill, nb)
	copy(fill, predStart[:nb])
	t.predStart, t.fill = predStart, fill

	// Assemble the VCode in layout order, sized exactly. It takes the
	// code as it is and leaves its own released storage to the Ctx.
	vc := newVCode[I](nb, len(succFlat), len(argLists), len(argFlat))
	c.code.finish()
	vc.code, c.code = c.code, vc.code
	vc.ptrFree = t.pointerFree()
	n := int32(len(vc.code.insts))
	vc.preds = vc.preds[:len(succFlat)]
	for b := range nb {
		r := succRange[b]
		for _, s := range succFlat[r[0]:r[1]] {
			vc.preds[fill[s]] = Block(b)
			fill[s]++
		}
	}
	for b := range nb {
		blk := order.Lowered[b]
		vb := &vc.blocks[b]
		vb.cold = blk.Cold
		vc.Origin[b] = blk.Orig
		// Block b's code is entries [start, end), last first.
		vb.insts = regalloc.InstRange{First: regalloc.Inst(n - blockRange[b][1]), End: regalloc.Inst(n - blockRange[b][0])}
		r := succRange[b]
		vb.succ[0] = uint32(len(vc.succs))
		vc.succs = append(vc.succs, succFlat[r[0]:r[1]]...)
		vb.succ[1] = uint32(len(vc.succs))
		vb.pred = [2]uint32{uint32(predStart[b]), uint32(predStart[b+1])}
		vb.param[0] = uint32(len(vc.params))
		if !blk.IsEdge() && b != 0 {
			for _, p := range f.DFG.BlockParams(blk.Orig) {
				vc.params = c.appendOutputRegs(vc.params, p)
			}
		}
		vb.param[1] = uint32(len(vc.params))
		vb.argIdx = uint32(len(vc.argStart))
		ar := argRange[b]
		for _, l := range argLists[ar[0]:ar[1]] {
			vc.argStart = append(vc.argStart, uint32(len(vc.args)))
			vc.args = append(vc.args, argFlat[l[0]:l[1]]...)
		}
	}
	vc.argStart = append(vc.argStart, uint32(len(vc.args)))
	vc.numVRegs = c.numVRegs
	return vc, nil
}

// tables holds what Lower needs for one function besides the VCode it
// returns: the Ctx's per-value and per-instruction tables, the staging
// buffers of emitted code, the per-block successor and argument lists and
// the block order's work lists. They are as large as the function, so
// they are reused across functions through tablesPool rather than
// allocated afresh each time; nothing in them outlives a Lower call.
type tables[I any] struct {
	ctx                             Ctx[I]
	blockRange, succRange, argRange [][2]int32
	argLists                        [][2]int32
	succs                           []Block
	args                            []regalloc.VReg
	predStart, fill                 []int32
	order                           BlockOrder
	postorder                       []ir.Block
	visited                         []bool
	stack                           []dfsFrame
	targets                         []ir.Block
	seen                            []int32
	cold                            []LoweredBlock
	ptrFree                         int8 // 1 if I holds no pointers, -1 if it does, 0 unknown
	edgeCalls                       []ir.BlockCall
	branchTargets                   []Block
	calls                           []ir.BlockCall
}

// tablesPool holds *tables[I] of any I; another I's tables are dropped.
var tablesPool sync.Pool

func getTables[I any]() *tables[I] {
	if t, ok := tablesPool.Get().(*tables[I]); ok {
		return t
	}
	return new(tables[I])
}

// putTables returns t to the pool, first dropping what points outside it:
// the function, and machine instructions that hold pointers (left over
// from a failed lowering).
func putTables[I any](t *tables[I]) {
	t.ctx.F, t.ctx.Order = nil, nil
	if !t.pointerFree() {
		clear(t.ctx.code.insts)
	}
	tablesPool.Put(t)
}

// pointerFree reports whether instructions of type I hold no pointers,
// computed once per tables.
func (t *tables[I]) pointerFree() bool {
	if t.ptrFree == 0 {
		t.ptrFree = -1
		if pointerFree(reflect.TypeFor[I]()) {
			t.ptrFree = 1
		}
	}
	return t.ptrFree > 0
}

// grow returns s with length n and every element zero, reusing its
// storage when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// resize returns s with length n, reusing its storage when it is large
// enough and leaving what it held: for tables every entry of which is
// written before it is read (color, read only for instructions of the
// layout).
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// appendBlockCallArgs appends the registers of bc's value arguments to dst
// and records that lowered code reads them.
func (c *Ctx[I]) appendBlockCallArgs(dst []regalloc.VReg, bc ir.BlockCall) []regalloc.VReg {
	for _, a := range c.F.DFG.List(bc.Args) {
		if v := ir.BlockArg(a).Value(); v != ir.NoValue {
			v = c.resolve(v)
			c.markUsed(v)
			dst = c.appendRegs(dst, v)
		}
	}
	return dst
}

// appendOutputRegs appends the registers a definition of v writes.
func (c *Ctx[I]) appendOutputRegs(dst []regalloc.VReg, v ir.Value) []regalloc.VReg {
	return c.appendRegs(dst, c.resolve(v))
}

func (c *Ctx[I]) appendRegs(dst []regalloc.VReg, v ir.Value) []regalloc.VReg {
	first := c.vreg(v)
	for k := range NumRegs(c.F.DFG.ValueType(v)) {
		dst = append(dst, regalloc.NewVReg(first.Index()+k, first.Class()))
	}
	return dst
}

// needed reports whether instruction i must be lowered: it has a side
// effect, or lowered code reads one of its results.
func (c *Ctx[I]) needed(i ir.Inst) bool {
	return hasSideEffect(c.F.DFG.Insts[i].Opcode) || c.resultRead(i)
}

// resultRead reports whether lowered code reads a result of i in a
// register.
func (c *Ctx[I]) resultRead(i ir.Inst) bool { return c.read[i] }

// markUsed records that lowered code reads v (resolved) in a register:
// in its valueInfo, and in read by its defining instruction, which the
// driver asks about for every instruction it visits.
func (c *Ctx[I]) markUsed(v ir.Value) {
	c.vals[v].used = true
	if i := c.F.DFG.ResultOf(v); i != ir.NoInst {
		c.read[i] = true
	}
}

func (c *Ctx[I]) errorf(err error) error {
	if c.cur == ir.NoInst {
		return err
	}
	return fmt.Errorf("%s: %w", c.cur, err)
}
