package interp

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"kiln/ir"
)

// frame is one activation. Its value slots are indexed by (alias-resolved)
// ir.Value; the slice is kept when the frame is popped and reused by the
// next frame at the same depth, so steady-state calls do not allocate.
type frame struct {
	fn     *function
	slots  []ir.DataValue
	inst   ir.Inst // the executing instruction; a call while its callee runs
	memTop int     // stack memory top before this frame's slots
	memOff uint64  // offset of this frame's slot area in memory
}

// slotSize is the size of one value slot (an ir.DataValue) in bytes, as
// charged against Options.StackBytes; a test checks it.
const slotSize = 24

// pushFrame enters fn with args. It returns stk_ovf when the call stack or
// the emulated stack memory is exhausted.
func (in *Interpreter) pushFrame(fn *function, args []ir.DataValue) ir.TrapCode {
	if len(in.frames) >= in.maxDepth() {
		return ir.TrapStackOverflow
	}
	// Value slots count against the stack budget too, so that deep
	// recursion of a function with many values ends in stk_ovf rather
	// than exhausting the host's memory.
	slotBytes := uint64(fn.numSlots) * slotSize
	if uint64(len(in.mem.bytes))+fn.frame+fn.align+in.slotBytes+slotBytes > uint64(in.mem.limit) {
		return ir.TrapStackOverflow
	}
	top := len(in.mem.bytes)
	off, ok := in.mem.push(fn.frame, fn.align)
	if !ok {
		return ir.TrapStackOverflow
	}
	in.slotBytes += slotBytes
	if len(in.frames) < cap(in.frames) {
		in.frames = in.frames[:len(in.frames)+1]
	} else {
		in.frames = append(in.frames, frame{})
	}
	fr := &in.frames[len(in.frames)-1]
	n := fn.numSlots
	if cap(fr.slots) < n {
		fr.slots = make([]ir.DataValue, n)
	} else {
		fr.slots = fr.slots[:n]
		clear(fr.slots)
	}
	fr.fn, fr.memTop, fr.memOff = fn, top, uint64(off)
	for i, p := range fn.params {
		if i < len(args) {
			fr.slots[fn.slot[p]] = args[i]
		}
	}
	fr.inst = fn.f.Layout.FirstInst(fn.f.Layout.EntryBlock())
	return 0
}

func (in *Interpreter) popFrame() {
	fr := &in.frames[len(in.frames)-1]
	in.mem.pop(fr.memTop)
	in.slotBytes -= uint64(len(fr.slots)) * slotSize
	fr.fn = nil
	in.frames = in.frames[:len(in.frames)-1]
}

// run executes until the outermost frame returns.
func (in *Interpreter) run() ([]ir.DataValue, error) {
	fr := &in.frames[len(in.frames)-1]
	fn := fr.fn
	dfg := &fn.f.DFG
	layout := &fn.f.Layout
	slots := fr.slots
	slot := fn.slot
	steps := fn.steps
	inst := fr.inst

	fail := func(format string, a ...any) error {
		return fmt.Errorf("interp: %s: %s at %s: %w", fn.name, dfg.Insts[inst].Opcode, inst, fmt.Errorf(format, a...))
	}
	trap := func(code ir.TrapCode) error { return &Trap{Code: code, Func: fn.name, Inst: inst} }
	// reload refreshes the cached frame state after a call or return.
	reload := func() {
		fr = &in.frames[len(in.frames)-1]
		fn = fr.fn
		dfg = &fn.f.DFG
		layout = &fn.f.Layout
		slots = fr.slots
		slot = fn.slot
		steps = fn.steps
		inst = fr.inst
	}

	for {
		if inst == ir.NoInst {
			return nil, fmt.Errorf("interp: %s: fell off the end of a block", fn.name)
		}
		if in.fuel <= 0 {
			return nil, fmt.Errorf("interp: %s at %s: %w", fn.name, inst, ErrFuelExhausted)
		}
		in.fuel--
		if in.Options.Trace != nil {
			in.trace(fn, slots, inst)
		}
		st := &steps[inst]

		switch st.op {
		case ir.OpJump:
			inst = in.takeEdge(slots, &fn.edges[st.edge])
			continue

		case ir.OpBrif:
			c := slots[st.a[0]]
			e := st.edge + 1
			if c.Lo|c.Hi != 0 {
				e = st.edge
			}
			inst = in.takeEdge(slots, &fn.edges[e])
			continue

		case ir.OpIconst:
			// Fast path: the most frequent instruction.
			imm := dfg.Insts[inst].Imm
			slots[st.res] = scalar(st.rty, u128{uint64(imm), uint64(imm >> 63)})
			inst = st.next
			continue

		case ir.OpIadd, ir.OpIsub, ir.OpImul, ir.OpBand, ir.OpBor, ir.OpBxor, ir.OpIcmp:
			// Fast path for scalar integers of at most 64 bits; everything
			// else goes through eval's lane loops.
			if ctrl := st.ctrl; ctrl.IsScalar() && ctrl.IsInt() && ctrl.Bits() <= 64 {
				x, y := slots[st.a[0]].Lo, slots[st.a[1]].Lo
				var r uint64
				switch st.op {
				case ir.OpIadd:
					r = x + y
				case ir.OpIsub:
					r = x - y
				case ir.OpImul:
					r = x * y
				case ir.OpBand:
					r = x & y
				case ir.OpBor:
					r = x | y
				case ir.OpBxor:
					r = x ^ y
				case ir.OpIcmp:
					n := ctrl.Bits()
					m := lowMask(n)
					cc := ir.IntCC(dfg.Insts[inst].Code)
					slots[st.res] = ir.DataValue{Ty: ir.I8, Lo: b2u(intCompare(cc, n, u128{x & m, 0}, u128{y & m, 0}))}
					inst = st.next
					continue
				}
				slots[st.res] = ir.DataValue{Ty: ctrl, Lo: r & lowMask(ctrl.Bits())}
				inst = st.next
				continue
			}
		}

		// The general path.
		d := &dfg.Insts[inst]
		args := dfg.List(d.Args)
		switch d.Opcode {
		case ir.OpBrTable:
			jt := &dfg.JumpTables[d.Entity]
			x := slots[slot[args[0]]]
			bc := jt.Default
			if x.Hi == 0 && x.Lo < uint64(len(jt.Targets)) {
				bc = jt.Targets[x.Lo]
			}
			if !layout.IsBlockInserted(bc.Block) {
				return nil, fail("target %s is not in the layout", bc.Block)
			}
			inst = in.enterBlock(fn, slots, bc)
			continue

		case ir.OpReturn:
			vals := in.gather(slots, slot, args)
			in.popFrame()
			if len(in.frames) == 0 {
				if len(vals) != len(fn.f.Signature.Returns) {
					return nil, fail("returns %d values, signature has %d", len(vals), len(fn.f.Signature.Returns))
				}
				return append([]ir.DataValue(nil), vals...), nil
			}
			reload()
			next, err := in.deliver(fr, inst, vals)
			if err != nil {
				return nil, err
			}
			inst = next
			continue

		case ir.OpCall, ir.OpCallIndirect, ir.OpReturnCall, ir.OpReturnCallIndirect, ir.OpTryCall, ir.OpTryCallIndirect:
			callee, callArgs, err := in.callTarget(fn, slots, inst, d, args)
			if err != nil {
				return nil, fail("%w", err)
			}
			vals := in.gather(slots, slot, callArgs)
			tail := d.Opcode == ir.OpReturnCall || d.Opcode == ir.OpReturnCallIndirect
			if callee >= len(in.funcs) {
				// A libcall runs inline.
				r, err := libcall(callee-len(in.funcs), vals)
				if err != nil {
					return nil, fail("%w", err)
				}
				if !tail {
					next, err := in.deliver(fr, inst, r[:])
					if err != nil {
						return nil, err
					}
					inst = next
					continue
				}
				// return_call of a libcall: return its result.
				in.popFrame()
				if len(in.frames) == 0 {
					if len(fn.f.Signature.Returns) != 1 {
						return nil, fail("returns 1 value, signature has %d", len(fn.f.Signature.Returns))
					}
					return []ir.DataValue{r[0]}, nil
				}
				reload()
				next, err := in.deliver(fr, inst, r[:])
				if err != nil {
					return nil, err
				}
				inst = next
				continue
			}
			target := in.funcs[callee]
			if target.err != nil {
				return nil, fail("callee: %v", target.err)
			}
			if len(vals) != len(target.f.Signature.Params) {
				return nil, fail("passes %d arguments to %s, which takes %d", len(vals), target.name, len(target.f.Signature.Params))
			}
			if tail {
				in.popFrame()
			} else {
				fr.inst = inst
			}
			if code := in.pushFrame(target, vals); code != 0 {
				return nil, trap(code)
			}
			reload()
			continue

		case ir.OpTrap:
			return nil, trap(d.TrapCode())

		case ir.OpTrapz, ir.OpTrapnz:
			c := slots[slot[args[0]]]
			if (c.Lo|c.Hi == 0) == (d.Opcode == ir.OpTrapz) {
				return nil, trap(d.TrapCode())
			}

		case ir.OpNop, ir.OpDebugtrap, ir.OpSequencePoint, ir.OpFence:

		case ir.OpSetPinnedReg:
			in.pinned = slots[slot[args[0]]]

		case ir.OpStore, ir.OpIstore8, ir.OpIstore16, ir.OpIstore32, ir.OpAtomicStore:
			x := slots[slot[args[0]]]
			p := slots[slot[args[1]]]
			size := x.Ty.Bytes()
			switch d.Opcode {
			case ir.OpIstore8:
				size = 1
			case ir.OpIstore16:
				size = 2
			case ir.OpIstore32:
				size = 4
			}
			addr := p.Lo + uint64(int64(d.Offset()))
			if d.Opcode == ir.OpAtomicStore {
				addr = p.Lo
			}
			b := in.mem.slice(addr, size)
			if b == nil {
				return nil, trap(memTrap(d.Flags))
			}
			writeValue(x, min(x.Ty.LaneBits()/8, size), b, d.Flags.Endianness() == ir.BigEndian)

		case ir.OpDynamicStackStore:
			x := slots[slot[args[0]]]
			addr, err := dynSlotAddr(fr, d)
			if err != nil {
				return nil, fail("%w", err)
			}
			b := in.mem.slice(addr, x.Ty.Bytes())
			if b == nil {
				return nil, trap(ir.TrapHeapOutOfBounds)
			}
			writeValue(x, x.Ty.Bytes(), b, false)

		case ir.OpUaddOverflow, ir.OpSaddOverflow, ir.OpUsubOverflow, ir.OpSsubOverflow,
			ir.OpUmulOverflow, ir.OpSmulOverflow,
			ir.OpUaddOverflowCin, ir.OpSaddOverflowCin, ir.OpUsubOverflowBin, ir.OpSsubOverflowBin:
			x := slots[slot[args[0]]]
			y := slots[slot[args[1]]]
			cin := false
			if len(args) > 2 {
				c := slots[slot[args[2]]]
				cin = c.Lo|c.Hi != 0
			}
			ty := st.ctrl
			if ty.IsVector() || !ty.IsInt() {
				return nil, fail("%w type %s", ErrUnsupported, ty)
			}
			n := ty.Bits()
			r, of := overflowOp(d.Opcode, n, u128{x.Lo, x.Hi}.trunc(n), u128{y.Lo, y.Hi}.trunc(n), cin)
			res := dfg.Results(inst)
			slots[slot[res[0]]] = ir.DataValue{Ty: ty, Lo: r.lo, Hi: r.hi}
			slots[slot[res[1]]] = ir.DataValue{Ty: ir.I8, Lo: b2u(of)}

		case ir.OpIsplit:
			x := slots[slot[args[0]]]
			res := dfg.Results(inst)
			ht := st.rty
			n := ht.Bits()
			v := u128{x.Lo, x.Hi}
			lo, hi := v.trunc(n), v.shr(uint(n)).trunc(n)
			slots[slot[res[0]]] = ir.DataValue{Ty: ht, Lo: lo.lo, Hi: lo.hi}
			slots[slot[res[1]]] = ir.DataValue{Ty: ht, Lo: hi.lo, Hi: hi.hi}

		case ir.OpStackSwitch, ir.OpGetExceptionHandlerAddress:
			return nil, fail("%w opcode", ErrUnsupported)

		default:
			res := dfg.Results(inst)
			if len(res) != 1 {
				return nil, fail("%w opcode", ErrUnsupported)
			}
			var a [3]ir.DataValue
			for i := 0; i < len(args) && i < 3; i++ {
				a[i] = slots[st.a[i]]
			}
			v, code, err := in.eval(fr, inst, d, st.ctrl, st.rty, &a)
			if err != nil {
				return nil, fail("%w", err)
			}
			if code != 0 {
				return nil, trap(code)
			}
			slots[st.res] = v
		}
		inst = st.next
	}
}

// trace writes one line describing inst and its argument values.
func (in *Interpreter) trace(fn *function, slots []ir.DataValue, inst ir.Inst) {
	dfg := &fn.f.DFG
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", fn.name, inst)
	if res := dfg.Results(inst); len(res) > 0 {
		for i, r := range res {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(r.String())
		}
		b.WriteString(" = ")
	}
	b.WriteString(dfg.Insts[inst].Opcode.String())
	for i, v := range dfg.Args(inst) {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s=%s", v, slots[fn.slot[v]])
	}
	b.WriteByte('\n')
	io.WriteString(in.Options.Trace, b.String())
}

// gather copies the values of vs into the staging buffer.
func (in *Interpreter) gather(slots []ir.DataValue, slot []int32, vs []ir.Value) []ir.DataValue {
	t := in.tmp[:0]
	for _, v := range vs {
		t = append(t, slots[slot[v]])
	}
	in.tmp = t
	return t
}

// enterBlock passes the arguments of bc to its block's parameters (as a
// parallel copy: all arguments are read before any parameter is written)
// and returns the block's first instruction. br_table uses it; jump and
// brif take predecoded edges.
func (in *Interpreter) enterBlock(fn *function, slots []ir.DataValue, bc ir.BlockCall) ir.Inst {
	dfg := &fn.f.DFG
	vals := in.gather(slots, fn.slot, dfg.List(bc.Args))
	for i, p := range dfg.BlockParams(bc.Block) {
		slots[fn.slot[p]] = vals[i]
	}
	return fn.f.Layout.FirstInst(bc.Block)
}

// takeEdge is enterBlock for a predecoded edge.
func (in *Interpreter) takeEdge(slots []ir.DataValue, e *edge) ir.Inst {
	switch len(e.params) {
	case 0:
	case 1:
		slots[e.params[0]] = slots[e.args[0]]
	default:
		t := in.tmp[:0]
		for _, a := range e.args {
			t = append(t, slots[a])
		}
		for i, p := range e.params {
			slots[p] = t[i]
		}
		in.tmp = t
	}
	return e.first
}

// deliver stores a callee's return values into the results of the call
// instruction call in frame fr and returns the instruction to continue
// at. A try_call has no results: it passes them (as retN block arguments)
// along its normal edge. Nothing in interpreted code throws, so the
// exception edges are never taken.
func (in *Interpreter) deliver(fr *frame, call ir.Inst, vals []ir.DataValue) (ir.Inst, error) {
	fn := fr.fn
	dfg := &fn.f.DFG
	if d := &dfg.Insts[call]; d.Opcode == ir.OpTryCall || d.Opcode == ir.OpTryCallIndirect {
		normal := dfg.ExceptionTables[d.Entity].Normal
		args := dfg.BlockCallArgs(normal)
		// vals may alias in.tmp: stage the edge in its own buffer.
		t := in.edge[:0]
		for _, a := range args {
			switch a.Kind() {
			case ir.ArgValue:
				t = append(t, fr.slots[fn.slot[a.Value()]])
			case ir.ArgRet:
				if a.Index() >= len(vals) {
					return ir.NoInst, fmt.Errorf("interp: %s: try_call at %s passes %s, callee returned %d values", fn.name, call, a, len(vals))
				}
				t = append(t, vals[a.Index()])
			default:
				return ir.NoInst, fmt.Errorf("interp: %s: try_call at %s passes %s on its normal edge", fn.name, call, a)
			}
		}
		in.edge = t
		for i, p := range dfg.BlockParams(normal.Block) {
			fr.slots[fn.slot[p]] = t[i]
		}
		return fn.f.Layout.FirstInst(normal.Block), nil
	}
	res := dfg.Results(call)
	if len(res) != len(vals) {
		return ir.NoInst, fmt.Errorf("interp: %s: call at %s expects %d results, callee returned %d", fn.name, call, len(res), len(vals))
	}
	for i, r := range res {
		fr.slots[fn.slot[r]] = vals[i]
	}
	return fn.f.Layout.NextInst(call), nil
}

// callTarget finds the callee (an index in the callee space) and the call
// arguments of a call-like instruction.
func (in *Interpreter) callTarget(fn *function, slots []ir.DataValue, inst ir.Inst, d *ir.InstData, args []ir.Value) (int, []ir.Value, error) {
	switch d.Format() {
	case ir.FmtCall, ir.FmtTryCall:
		fr := d.FuncRef()
		if fr < 0 || int(fr) >= len(fn.callees) {
			return 0, nil, fmt.Errorf("undeclared %s", fr)
		}
		c := fn.callees[fr]
		if c < 0 {
			return 0, nil, fmt.Errorf("%s (%s) names no function of this file nor a libcall", fr, fn.f.ExtFuncs[fr].Name)
		}
		return c, args, nil
	case ir.FmtCallIndirect, ir.FmtTryCallIndirect:
		if len(args) == 0 {
			return 0, nil, errors.New("no callee")
		}
		c, ok := in.funcAtAddr(slots[fn.slot[args[0]]].Lo)
		if !ok {
			return 0, nil, fmt.Errorf("callee %#x is not a function address", slots[fn.slot[args[0]]].Lo)
		}
		return c, args[1:], nil
	}
	return 0, nil, ErrUnsupported
}

func (in *Interpreter) funcAtAddr(a uint64) (int, bool) {
	if a < funcBase || (a-funcBase)%funcAlign != 0 {
		return 0, false
	}
	i := (a - funcBase) / funcAlign
	if i >= uint64(len(in.funcs)+len(libcallNames)) {
		return 0, false
	}
	return int(i), true
}

// libcall runs one of the rounding libcalls.
func libcall(k int, args []ir.DataValue) ([1]ir.DataValue, error) {
	var out [1]ir.DataValue
	lc := libcallOp[k]
	if len(args) != 1 || args[0].Ty.Bits() != lc.bits || !args[0].Ty.IsFloat() {
		return out, fmt.Errorf("libcall %s: bad arguments", libcallNames[k])
	}
	r, _ := floatUnary(lc.op, lc.bits, u128{args[0].Lo, 0})
	out[0] = ir.DataValue{Ty: args[0].Ty, Lo: r.lo}
	return out, nil
}

// memTrap is the trap code of a faulting access with flags f; notrap
// accesses that fault anyway report heap_oob.
func memTrap(f ir.MemFlags) ir.TrapCode {
	if c := f.TrapCode(); c != ir.TrapNone {
		return c
	}
	return ir.TrapHeapOutOfBounds
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
