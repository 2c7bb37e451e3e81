package interp

import (
	"fmt"

	"kiln/ir"
)

// function is an ir.Function prepared for execution: aliases resolved,
// stack frame laid out, callees bound. prepare checks every reference the
// execution loop follows without a bounds check, so a malformed function
// fails with an error instead of a panic.
type function struct {
	f    *ir.Function
	name string
	err  error // non-nil: the function cannot run, and this says why

	slot     []int32    // per value: its value slot after alias resolution, -1 if undefined
	numSlots int        // slots of a frame: one per defined value
	steps    []step     // per instruction: its predecoded form
	edges    []edge     // branch edges of jump and brif, indexed by step.edge
	params   []ir.Value // entry block parameters
	slotOff  []uint64   // per stack slot: offset in the frame
	dynOff   []uint64   // per dynamic stack slot: offset in the frame
	frame    uint64     // frame size in bytes
	align    uint64     // frame alignment
	callees  []int      // per FuncRef: index in the callee space, -1 unresolved
	vmctx    int        // index of the vmctx parameter, -1 if none
}

// step is an instruction predecoded for the execution loop: operands
// already resolved to value slots, types and the next instruction looked
// up once. Immediates stay in the InstData.
type step struct {
	op   ir.Opcode
	ctrl ir.Type  // controlling type
	rty  ir.Type  // type of the first result
	a    [3]int32 // slots of the first three value arguments
	res  int32    // slot of the first result, -1 if none
	edge int32    // jump, brif: index of the first edge in function.edges
	next ir.Inst  // next instruction in the layout
}

// edge is one branch target: the target's first instruction and the
// parallel copy from argument slots to parameter slots.
type edge struct {
	first  ir.Inst
	args   []int32
	params []int32
}

// Callee space: indexes 0…len(funcs)-1 are the file's functions, then
// the libcalls in libcallNames order. func_addr yields
// funcBase + funcAlign*index.
var libcallNames = [...]string{
	"%CeilF32", "%CeilF64", "%FloorF32", "%FloorF64",
	"%TruncF32", "%TruncF64", "%NearestF32", "%NearestF64",
}

// libcallOp is the rounding opcode and float width of each libcall.
var libcallOp = [len(libcallNames)]struct {
	op   ir.Opcode
	bits int
}{
	{ir.OpCeil, 32}, {ir.OpCeil, 64}, {ir.OpFloor, 32}, {ir.OpFloor, 64},
	{ir.OpTrunc, 32}, {ir.OpTrunc, 64}, {ir.OpNearest, 32}, {ir.OpNearest, 64},
}

func (in *Interpreter) resolveName(n ir.Name) int {
	s := n.String()
	if idx, ok := in.byName[s]; ok {
		return idx
	}
	for i, l := range libcallNames {
		if l == s {
			return len(in.funcs) + i
		}
	}
	return -1
}

func (in *Interpreter) prepare(fn *function) {
	f := fn.f
	dfg := &f.DFG
	fail := func(format string, a ...any) {
		if fn.err == nil {
			fn.err = fmt.Errorf("interp: %s: %s", fn.name, fmt.Sprintf(format, a...))
		}
	}
	defer func() {
		// The ir accessors index their tables without checks; a reference
		// prepare did not anticipate must still not crash New.
		if r := recover(); r != nil {
			fail("malformed function: %v", r)
		}
	}()
	fn.vmctx = f.Signature.SpecialParam(ir.PurposeVMContext)

	// Values: resolve aliases once; reject cycles and dangling values.
	// Slots are dense over the values actually defined, so gaps in the
	// numbering (v1000000 in text) cost nothing per frame.
	fn.slot = make([]int32, dfg.NumValues())
	defSlot := make([]int32, dfg.NumValues())
	for v := range defSlot {
		defSlot[v] = -1
		if dfg.ValueIsValid(ir.Value(v)) && dfg.Def(ir.Value(v)).Kind != ir.DefAlias {
			defSlot[v] = int32(fn.numSlots)
			fn.numSlots++
		}
	}
	for v := range fn.slot {
		fn.slot[v] = -1
		if r := dfg.ResolveAliases(ir.Value(v)); r >= 0 && int(r) < len(defSlot) {
			fn.slot[v] = defSlot[r]
		}
	}
	validValue := func(v ir.Value) bool {
		return v >= 0 && int(v) < len(fn.slot) && fn.slot[v] >= 0
	}

	// Stack frame: slots in declaration order, each at its alignment.
	fn.align = 16
	for i, ss := range f.StackSlots {
		fn.slotOff = append(fn.slotOff, 0)
		if ss.Kind == ir.SlotNone {
			continue
		}
		a := uint64(1) << min(ss.AlignLog2, 16)
		fn.align = max(fn.align, a)
		fn.frame = (fn.frame + a - 1) &^ (a - 1)
		fn.slotOff[i] = fn.frame
		fn.frame += uint64(ss.Size)
		if fn.frame > 1<<40 {
			fail("stack frame too large")
		}
	}

	// Dynamic slots follow, sized for a scale of 1 (see OpExtractVector).
	for _, ds := range f.DynamicStackSlots {
		fn.frame = (fn.frame + 15) &^ 15
		fn.dynOff = append(fn.dynOff, fn.frame)
		fn.frame += uint64(ds.Type.Bytes())
	}

	fn.callees = make([]int, len(f.ExtFuncs))
	for i, ef := range f.ExtFuncs {
		fn.callees[i] = -1
		if ef.Name.Kind != ir.NameNone {
			fn.callees[i] = in.resolveName(ef.Name)
		}
	}

	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock || !dfg.BlockIsValid(entry) {
		fail("no entry block")
		return
	}
	fn.params = append([]ir.Value(nil), dfg.BlockParams(entry)...)
	if len(fn.params) != len(f.Signature.Params) {
		fail("entry block has %d parameters, signature %d", len(fn.params), len(f.Signature.Params))
	}

	fn.steps = make([]step, dfg.NumInsts())
	for b := range f.Layout.Blocks() {
		if !dfg.BlockIsValid(b) {
			fail("%s is not a valid block", b)
			return
		}
		last := ir.NoInst
		for inst := range f.Layout.BlockInsts(b) {
			last = inst
			if !dfg.InstIsValid(inst) {
				fail("%s is not a valid instruction", inst)
				return
			}
			d := &dfg.Insts[inst]
			info := d.Opcode.Info()
			args := dfg.Args(inst)
			if n := d.Format().FixedArgs(); n >= 0 && len(args) != n {
				fail("%s at %s has %d arguments, want %d", d.Opcode, inst, len(args), n)
				continue
			}
			for _, v := range args {
				if !validValue(v) {
					fail("%s at %s uses undefined value %s", d.Opcode, inst, v)
				}
			}
			if info.Ctrl == ir.CtrlOperand && int(info.CtrlArg) >= len(args) {
				fail("%s at %s lacks its controlling argument", d.Opcode, inst)
				continue
			}
			ctrl := f.CtrlTypevar(inst)
			st := &fn.steps[inst]
			*st = step{op: d.Opcode, ctrl: ctrl, res: -1, next: f.Layout.NextInst(inst)}
			for i := 0; i < len(args) && i < len(st.a); i++ {
				if validValue(args[i]) {
					st.a[i] = fn.slot[args[i]]
				}
			}
			switch d.Opcode {
			case ir.OpReturn, ir.OpReturnCall, ir.OpReturnCallIndirect, ir.OpTryCall, ir.OpTryCallIndirect:
				// No results; checked when executed.
			default:
				want, err := f.ResultTypes(d, ctrl)
				if err != nil {
					fail("%s at %s: %v", d.Opcode, inst, err)
					continue
				}
				res := dfg.Results(inst)
				if len(res) > 0 && validValue(res[0]) {
					st.rty = dfg.ValueType(res[0])
					st.res = fn.slot[res[0]]
				}
				if len(res) != len(want) {
					fail("%s at %s has %d results, want %d", d.Opcode, inst, len(res), len(want))
				}
				for _, r := range res {
					if !validValue(r) {
						fail("%s at %s defines invalid value %s", d.Opcode, inst, r)
					}
				}
			}
			if d.Format() == ir.FmtTryCall || d.Format() == ir.FmtTryCallIndirect {
				fn.checkTryCall(inst, fail)
				continue
			}
			if d.Opcode.IsBranch() {
				if d.Format() == ir.FmtBranchTable && (d.Entity < 0 || int(d.Entity) >= len(dfg.JumpTables)) {
					fail("br_table at %s has no jump table", inst)
					continue
				}
				if (d.Format() == ir.FmtJump || d.Format() == ir.FmtBrif) && d.Entity < 0 {
					fail("%s at %s has no targets", d.Opcode, inst)
					continue
				}
				if d.Format() == ir.FmtJump || d.Format() == ir.FmtBrif {
					st.edge = int32(len(fn.edges))
				}
				for _, bc := range dfg.BlockCalls(inst) {
					if d.Format() == ir.FmtJump || d.Format() == ir.FmtBrif {
						fn.edges = append(fn.edges, fn.makeEdge(bc))
					}
					if !f.Layout.IsBlockInserted(bc.Block) || !dfg.BlockIsValid(bc.Block) {
						fail("%s at %s targets %s, which is not in the layout", d.Opcode, inst, bc.Block)
						continue
					}
					bargs := dfg.BlockCallArgs(bc)
					if len(bargs) != len(dfg.BlockParams(bc.Block)) {
						fail("%s at %s passes %d arguments to %s, which has %d parameters", d.Opcode, inst, len(bargs), bc.Block, len(dfg.BlockParams(bc.Block)))
					}
					for _, a := range bargs {
						if a.Kind() != ir.ArgValue || !validValue(a.Value()) {
							fail("%s at %s passes an invalid argument %s", d.Opcode, inst, a)
						}
					}
				}
			}
		}
		if last == ir.NoInst || !dfg.Insts[last].Opcode.IsTerminator() {
			fail("%s does not end in a terminator", b)
		}
	}
}

// makeEdge predecodes a branch target. Invalid arguments are left for
// prepare's checks to report (the edge is then never executed).
func (fn *function) makeEdge(bc ir.BlockCall) edge {
	dfg := &fn.f.DFG
	if !fn.f.Layout.IsBlockInserted(bc.Block) || !dfg.BlockIsValid(bc.Block) {
		return edge{first: ir.NoInst}
	}
	e := edge{first: fn.f.Layout.FirstInst(bc.Block)}
	for _, v := range dfg.List(bc.Args) {
		if v >= 0 && int(v) < len(fn.slot) && fn.slot[v] >= 0 {
			e.args = append(e.args, fn.slot[v])
		}
	}
	for _, p := range dfg.BlockParams(bc.Block) {
		if p >= 0 && int(p) < len(fn.slot) && fn.slot[p] >= 0 {
			e.params = append(e.params, fn.slot[p])
		}
	}
	return e
}

// checkTryCall validates the normal edge of a try_call: the only edge the
// interpreter takes.
func (fn *function) checkTryCall(inst ir.Inst, fail func(string, ...any)) {
	f := fn.f
	dfg := &f.DFG
	d := &dfg.Insts[inst]
	if d.Entity < 0 || int(d.Entity) >= len(dfg.ExceptionTables) {
		fail("%s at %s has no exception table", d.Opcode, inst)
		return
	}
	sig := f.CallSignature(inst)
	if sig == nil {
		fail("%s at %s has no signature", d.Opcode, inst)
		return
	}
	normal := dfg.ExceptionTables[d.Entity].Normal
	if !f.Layout.IsBlockInserted(normal.Block) || !dfg.BlockIsValid(normal.Block) {
		fail("%s at %s returns to %s, which is not in the layout", d.Opcode, inst, normal.Block)
		return
	}
	args := dfg.BlockCallArgs(normal)
	if len(args) != len(dfg.BlockParams(normal.Block)) {
		fail("%s at %s passes %d arguments to %s", d.Opcode, inst, len(args), normal.Block)
	}
	for _, a := range args {
		switch a.Kind() {
		case ir.ArgValue:
			if v := a.Value(); v < 0 || int(v) >= len(fn.slot) || fn.slot[v] < 0 {
				fail("%s at %s passes undefined %s", d.Opcode, inst, a)
			}
		case ir.ArgRet:
			if a.Index() >= len(sig.Returns) {
				fail("%s at %s passes %s, the callee returns %d values", d.Opcode, inst, a, len(sig.Returns))
			}
		default:
			fail("%s at %s passes %s on its normal edge", d.Opcode, inst, a)
		}
	}
}
