package baseline

import (
	"fmt"

	"kiln/baseline/masm"
	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// frameKind is the kind of a control frame.
type frameKind uint8

const (
	frameFunc frameKind = iota
	frameBlock
	frameLoop
	frameIf
)

// ctrl is one open control frame. Values it passes (its label's arity)
// travel in the frame slots starting at base: every join is preceded by a
// flush, so a label needs no register agreement.
type ctrl struct {
	kind            frameKind
	base            int // stack height below the frame's parameters
	params, results []masm.Ty
	label           masm.Label // branch target: the end (the head for a loop)
	elseLabel       masm.Label // if: where the false condition goes
	hasElse         bool
}

// arity is the types a branch to the frame carries.
func (c *ctrl) arity() []masm.Ty {
	if c.kind == frameLoop {
		return c.params
	}
	return c.results
}

// CodeGen translates one function body at a time. It is reused across the
// functions a worker compiles, keeping its slices.
type CodeGen struct {
	m    masm.MacroAssembler
	mod  *wasm.Module
	offs *vm.Offsets
	opts vm.CompileOptions
	abi  *vm.ABI
	sigs *sigCache

	funcIndex    uint32
	sig          *sigInfo
	params       []masm.Ty
	results      []masm.Ty
	locals       []masm.Ty
	incomingArea int32 // bytes our caller reserved for stack args/results

	stack []Val
	ctrls []ctrl
	free  [2]masm.RegSet

	maxDepth    int
	maxOutgoing int32

	// unreachable: the code being read cannot run (after br, return,
	// unreachable ...); deadDepth counts blocks opened inside such code.
	unreachable bool
	deadDepth   int

	// scratch for building br_table targets
	tableLabels []masm.Label

	// noPollForBench omits the preemption checks; only the benchmark
	// measuring what they cost sets it (code without them must never run
	// in a Go process: it stalls the GC).
	noPollForBench bool
}

// UnsupportedError reports an operator the baseline tier does not compile.
type UnsupportedError struct {
	Op     wasm.Opcode
	Func   uint32 // function index
	Offset int    // module offset
	Reason string
}

func (e *UnsupportedError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("baseline: function %d at offset %#x: %v unsupported: %s", e.Func, e.Offset, e.Op, e.Reason)
	}
	return fmt.Sprintf("baseline: function %d at offset %#x: %v unsupported", e.Func, e.Offset, e.Op)
}

// tyOf maps a wasm value type to a register class and width.
func tyOf(t wasm.ValType) (masm.Ty, bool) {
	switch t.Kind {
	case wasm.KindI32:
		return masm.Ty{Class: masm.Int, Size: masm.S32}, true
	case wasm.KindI64, wasm.KindRef:
		return masm.Ty{Class: masm.Int, Size: masm.S64}, true
	case wasm.KindF32:
		return masm.Ty{Class: masm.Float, Size: masm.S32}, true
	case wasm.KindF64:
		return masm.Ty{Class: masm.Float, Size: masm.S64}, true
	}
	return masm.Ty{}, false
}

func tysOf(ts []wasm.ValType, dst []masm.Ty) ([]masm.Ty, bool) {
	dst = dst[:0]
	for _, t := range ts {
		ty, ok := tyOf(t)
		if !ok {
			return nil, false
		}
		dst = append(dst, ty)
	}
	return dst, true
}

var (
	tyI32 = masm.Ty{Class: masm.Int, Size: masm.S32}
	tyI64 = masm.Ty{Class: masm.Int, Size: masm.S64}
	tyF32 = masm.Ty{Class: masm.Float, Size: masm.S32}
	tyF64 = masm.Ty{Class: masm.Float, Size: masm.S64}
)

// Frame layout below the ISA's header: one 8-byte slot per local, then one
// per value-stack depth; the outgoing argument area sits at the stack
// pointer.
func (g *CodeGen) localSlot(i uint32) masm.Slot {
	return masm.Slot{Base: masm.Frame, Off: -(g.m.FrameHeaderSize() + 8*int32(i) + 8)}
}

func (g *CodeGen) valSlot(depth int) masm.Slot {
	return masm.Slot{Base: masm.Frame, Off: -(g.m.FrameHeaderSize() + 8*int32(len(g.locals)) + 8*int32(depth) + 8)}
}

func (g *CodeGen) frameSize() int32 {
	return g.m.FrameHeaderSize() + 8*int32(len(g.locals)) + 8*int32(g.maxDepth) + g.maxOutgoing
}

// argLoc is where the convention puts one argument or result.
type argLoc struct {
	reg   masm.Reg
	stack int32 // offset in the stack area, -1 for a register
}

// assign applies the wasm calling convention (the ABI's register lists,
// then 8-byte stack slots in order) to a signature; it returns the
// locations and the stack area's size.
func assign(abi *vm.ABI, tys []masm.Ty, results bool) ([]argLoc, int32) {
	ints, floats := abi.IntParams, abi.FloatParams
	if results {
		ints, floats = abi.IntResults, abi.FloatResults
	}
	locs := make([]argLoc, len(tys))
	var ni, nf int
	var stack int32
	for i, t := range tys {
		switch {
		case t.Class == masm.Int && ni < len(ints):
			locs[i] = argLoc{reg: masm.IntReg(ints[ni]), stack: -1}
			ni++
		case t.Class == masm.Float && nf < len(floats):
			locs[i] = argLoc{reg: masm.FloatReg(floats[nf]), stack: -1}
			nf++
		default:
			locs[i] = argLoc{stack: stack}
			stack += 8
		}
	}
	return locs, stack
}

// compile translates defined function def into g.m.
func (g *CodeGen) compile(def int) (err error) {
	mod := g.mod
	g.funcIndex = uint32(mod.NumImportedFuncs + def)
	sig := mod.FuncType(g.funcIndex)
	body := &mod.Code[def]
	defer func() {
		// Internal invariant failures must not take the process down.
		if r := recover(); r != nil {
			err = fmt.Errorf("baseline: function %d: internal error: %v", g.funcIndex, r)
		}
	}()
	var ok bool
	if g.params, ok = tysOf(sig.Params, g.params); !ok {
		return &UnsupportedError{Op: wasm.OpNop, Func: g.funcIndex, Offset: body.Offset, Reason: "v128 parameter"}
	}
	if g.results, ok = tysOf(sig.Results, g.results); !ok {
		return &UnsupportedError{Op: wasm.OpNop, Func: g.funcIndex, Offset: body.Offset, Reason: "v128 result"}
	}
	g.locals = append(g.locals[:0], g.params...)
	for _, lg := range body.Locals {
		ty, ok := tyOf(lg.Type)
		if !ok {
			return &UnsupportedError{Op: wasm.OpNop, Func: g.funcIndex, Offset: body.Offset, Reason: "v128 local"}
		}
		for i := uint32(0); i < lg.Count; i++ {
			g.locals = append(g.locals, ty)
		}
	}
	g.stack = g.stack[:0]
	g.ctrls = g.ctrls[:0]
	g.m.PinMemory0(len(mod.MemTypes) > 0)
	g.free[masm.Int] = g.m.Allocatable(masm.Int)
	g.free[masm.Float] = g.m.Allocatable(masm.Float)
	g.maxDepth, g.maxOutgoing = 0, 0
	g.unreachable, g.deadDepth = false, 0
	g.sig = g.sigs.fn(g.funcIndex)
	if g.sig == nil {
		return &UnsupportedError{Op: wasm.OpNop, Func: g.funcIndex, Offset: body.Offset, Reason: "v128 in the signature"}
	}
	g.incomingArea = max(g.sig.pstack, g.sig.rstack)

	m := g.m
	m.SetSrcLoc(uint32(body.Offset))
	m.Prologue()
	g.storeParams()
	if !g.noPollForBench {
		m.CheckInterrupts(g.opts.Interruptible)
	}
	g.ctrls = append(g.ctrls, ctrl{kind: frameFunc, results: g.results, label: m.NewLabel()})

	// The module is validated (vm.Compiler's contract: the runtime's
	// DecodeAndValidate read every body already), so operators are read,
	// not checked again; a second validation cost about a sixth of the
	// compile time. The body ends with the end that closes the function's
	// frame, which g.ctrls tracks outside dead code and deadDepth inside.
	rd := wasm.NewOperatorReaderFeatures(body.Expr, body.ExprOffset, g.opts.Features)
	var op wasm.Operator
	for len(g.ctrls) > 0 {
		if rd.Done() {
			return fmt.Errorf("baseline: function %d: body ends before its final end", g.funcIndex)
		}
		if err := rd.Read(&op); err != nil {
			return err
		}
		if g.unreachable {
			switch op.Op {
			case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
				g.deadDepth++
				continue
			case wasm.OpElse:
				if g.deadDepth > 0 {
					continue
				}
			case wasm.OpEnd:
				if g.deadDepth > 0 {
					g.deadDepth--
					continue
				}
			default:
				continue
			}
		}
		m.SetSrcLoc(uint32(op.Offset))
		if g.opts.Debug {
			// Full address map: every instruction's code is tagged, not
			// only calls, exits and trap sites.
			m.Buffer().SetSrcLoc(uint32(op.Offset))
		}
		if err := g.emit(&op); err != nil {
			return err
		}
	}
	if !rd.Done() {
		return fmt.Errorf("baseline: function %d: operators after the final end", g.funcIndex)
	}
	m.PatchFrame(g.frameSize())
	m.EndFunction()
	return nil
}

// storeParams moves the parameters from their registers and stack slots
// into their local slots and zeroes the declared locals.
func (g *CodeGen) storeParams() {
	for i, l := range g.sig.plocs {
		ty := g.params[i]
		if l.stack >= 0 {
			g.m.CopySlot(ty.Size, g.localSlot(uint32(i)), masm.Slot{Base: masm.Incoming, Off: l.stack})
			continue
		}
		g.m.StoreSlot(ty.Size, g.localSlot(uint32(i)), l.reg)
	}
	if n := len(g.locals) - len(g.params); n > 0 {
		// The lowest slot is the last local's.
		g.m.ZeroSlots(g.localSlot(uint32(len(g.locals)-1)), n)
	}
}

// blockTypes returns a block's parameter and result types.
func (g *CodeGen) blockTypes(op *wasm.Operator) ([]masm.Ty, []masm.Ty, error) {
	ps, rs := g.mod.BlockSig(op.Block)
	params, ok1 := tysOf(ps, nil)
	results, ok2 := tysOf(rs, nil)
	if !ok1 || !ok2 {
		return nil, nil, g.unsupported(op, "v128 block type")
	}
	return params, results, nil
}

func (g *CodeGen) unsupported(op *wasm.Operator, reason string) error {
	return &UnsupportedError{Op: op.Op, Func: g.funcIndex, Offset: op.Offset, Reason: reason}
}

// copyTo moves the top len(tys) values (all in their slots after a flush)
// to the slots starting at base, where the target label expects them.
// Slots are copied upwards, which is safe because base is below the
// source.
func (g *CodeGen) copyTo(base int, tys []masm.Ty) {
	first := len(g.stack) - len(tys)
	if first == base {
		return
	}
	for i, t := range tys {
		g.m.CopySlot(t.Size, g.valSlot(base+i), g.valSlot(first+i))
	}
}

// branchTo emits an unconditional branch to frame depth l.
func (g *CodeGen) branchTo(l uint32) {
	t := &g.ctrls[len(g.ctrls)-1-int(l)]
	g.flush()
	g.copyTo(t.base, t.arity())
	g.m.Jump(t.label)
}

// emitReturn moves the results to their places (placeValues) and
// returns.
func (g *CodeGen) emitReturn() {
	g.placeValues(len(g.stack)-len(g.results), g.results, g.sig.rlocs, masm.Incoming)
	g.m.Return()
}

// control handles the structured control operators. It reports whether
// op was one.
func (g *CodeGen) control(op *wasm.Operator) (bool, error) {
	m := g.m
	switch op.Op {
	case wasm.OpNop:
	case wasm.OpUnreachable:
		m.Trap(vm.TrapUnreachable)
		g.unreachable = true
	case wasm.OpBlock, wasm.OpLoop:
		params, results, err := g.blockTypes(op)
		if err != nil {
			return true, err
		}
		g.flush()
		c := ctrl{kind: frameBlock, base: len(g.stack) - len(params), params: params, results: results, label: m.NewLabel()}
		if op.Op == wasm.OpLoop {
			c.kind = frameLoop
			m.Bind(c.label)
			if !g.noPollForBench {
				m.CheckInterrupts(g.opts.Interruptible)
			}
		}
		g.ctrls = append(g.ctrls, c)
	case wasm.OpIf:
		params, results, err := g.blockTypes(op)
		if err != nil {
			return true, err
		}
		cond := g.popCond()
		g.flush()
		c := ctrl{kind: frameIf, base: len(g.stack) - len(params), params: params, results: results, label: m.NewLabel(), elseLabel: m.NewLabel()}
		g.branchOn(cond, false, c.elseLabel)
		g.ctrls = append(g.ctrls, c)
	case wasm.OpElse:
		c := &g.ctrls[len(g.ctrls)-1]
		if !g.unreachable {
			g.flush()
			m.Jump(c.label)
		}
		m.Bind(c.elseLabel)
		c.hasElse = true
		g.resetStack(c.base, c.params)
		g.unreachable = false
	case wasm.OpEnd:
		c := g.ctrls[len(g.ctrls)-1]
		g.ctrls = g.ctrls[:len(g.ctrls)-1]
		if c.kind == frameFunc {
			// The fall-through returns straight from registers; branches
			// to the end arrive with the results in their slots.
			if !g.unreachable {
				g.emitReturn()
			}
			m.Bind(c.label)
			g.unreachable = false
			g.resetStack(c.base, c.results)
			g.emitReturn()
			return true, nil
		}
		if !g.unreachable {
			g.flush()
		}
		if c.kind == frameIf && !c.hasElse {
			m.Bind(c.elseLabel)
		}
		if c.kind != frameLoop {
			m.Bind(c.label)
			g.unreachable = false
		}
		g.resetStack(c.base, c.results)
	case wasm.OpBr:
		g.branchTo(op.Index)
		g.unreachable = true
	case wasm.OpBrIf:
		cond := g.popCond()
		g.flush()
		g.condBranch(op.Index, func(l masm.Label) { g.branchOn(cond, true, l) }, func(l masm.Label) { g.branchOn(cond, false, l) })
	case wasm.OpBrTable:
		g.brTable(op)
		g.unreachable = true
	case wasm.OpBrOnNull:
		// Null: branch without the reference; otherwise keep it.
		ref, ty := g.popReg()
		g.flush()
		g.condBranch(op.Index, func(l masm.Label) { m.BranchIfZero(masm.S64, ref, l) }, func(l masm.Label) { m.BranchIfNonZero(masm.S64, ref, l) })
		g.pushReg(ty, ref)
	case wasm.OpBrOnNonNull:
		// Non-null: branch with the reference; otherwise drop it.
		g.flush()
		ref := g.alloc(masm.Int)
		m.LoadSlot(masm.S64, ref, g.valSlot(len(g.stack)-1))
		g.condBranch(op.Index, func(l masm.Label) { m.BranchIfNonZero(masm.S64, ref, l) }, func(l masm.Label) { m.BranchIfZero(masm.S64, ref, l) })
		g.release(ref)
		g.pop()
	case wasm.OpReturn:
		g.emitReturn()
		g.unreachable = true
	default:
		return false, nil
	}
	return true, nil
}

// popCond pops an i32 condition as a comparison (valCmp), turning a plain
// value v into "v != 0".
func (g *CodeGen) popCond() Val {
	v, i := g.pop()
	if v.kind == valCmp {
		return v
	}
	return Val{kind: valCmp, ty: tyI32, reg: g.toReg(v, i), cond: masm.Ne, cmpSz: masm.S32}
}

// branchOn emits a compare-and-branch to l, taken when c holds (when=true)
// or fails (when=false), and frees c's registers. Called after the flush:
// the moves of a flush do not touch the flags, but the compare must come
// after them anyway, since a spill may itself compare.
func (g *CodeGen) branchOn(c Val, when bool, l masm.Label) {
	if c.isFloat {
		g.m.FloatCmpBranch(c.cond, c.cmpSz, c.reg, c.reg2, l, when)
		g.releaseVal(c)
		return
	}
	cond := c.cond
	if !when {
		cond = cond.Negate()
	}
	if c.hasReg2 {
		g.m.IntCmpBranch(cond, c.cmpSz, c.reg, c.reg2, l)
	} else {
		g.m.IntCmpImmBranch(cond, c.cmpSz, c.reg, int64(c.imm), l)
	}
	g.releaseVal(c)
}

// condBranch branches to frame depth l when taken(label) jumps, carrying
// the label's arity from the top of the (flushed) stack; when the values
// must move first, notTaken(skip) jumps over the copies.
func (g *CodeGen) condBranch(l uint32, taken, notTaken func(masm.Label)) {
	m := g.m
	t := &g.ctrls[len(g.ctrls)-1-int(l)]
	tys := t.arity()
	if len(g.stack)-len(tys) == t.base {
		taken(t.label)
		return
	}
	skip := m.NewLabel()
	notTaken(skip)
	g.copyTo(t.base, tys)
	m.Jump(t.label)
	m.Bind(skip)
}

// brTable dispatches through a jump table. Targets whose values are not
// already in place get a small stub that copies them and jumps.
func (g *CodeGen) brTable(op *wasm.Operator) {
	m := g.m
	idx, _ := g.popReg()
	g.flush()
	type stub struct {
		depth uint32
		label masm.Label
	}
	var stubs []stub
	target := func(depth uint32) masm.Label {
		t := &g.ctrls[len(g.ctrls)-1-int(depth)]
		if len(g.stack)-len(t.arity()) == t.base {
			return t.label
		}
		for _, s := range stubs {
			if s.depth == depth {
				return s.label
			}
		}
		l := m.NewLabel()
		stubs = append(stubs, stub{depth, l})
		return l
	}
	labels := g.tableLabels[:0]
	it := op.Targets.Iter()
	for {
		d, ok := it.Next()
		if !ok {
			break
		}
		labels = append(labels, target(d))
	}
	def := target(op.Targets.Default)
	m.JumpTable(idx, labels, def)
	g.tableLabels = labels
	g.release(idx)
	for _, s := range stubs {
		m.Bind(s.label)
		t := &g.ctrls[len(g.ctrls)-1-int(s.depth)]
		g.copyTo(t.base, t.arity())
		m.Jump(t.label)
	}
}

// Unsupported marks the error for the runtime, which reports such modules
// as using an unsupported feature (kiln.ErrUnsupported) without importing
// this package.
func (e *UnsupportedError) Unsupported() bool { return true }
