package compiled

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"unsafe"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
)

// Call implements store.Code: run defined function fn of inst through its
// array-call entry on the store's machine.
func (c *Code) Call(ctx context.Context, inst *store.Instance, fn uint32, params, results []uint64) error {
	st, ok := inst.State.(*instState)
	if !ok || st.code != c {
		return fmt.Errorf("compiled: instance is not attached to this code")
	}
	ss := st.ss
	fi := int(fn) - c.mod.NumImportedFuncs
	sig := c.mod.FuncType(fn)
	if fi < 0 || fi >= len(c.art.Funcs) || sig == nil || len(params) < len(sig.Params) || len(results) < len(sig.Results) {
		return fmt.Errorf("compiled: bad call of function %d", fn)
	}
	var buf [8]jit.Slot
	values := buf[:0]
	if n := max(len(sig.Params), len(sig.Results), 1); n <= len(buf) {
		values = buf[:n]
	} else {
		values = make([]jit.Slot, n)
	}
	for i, t := range sig.Params {
		values[i][0] = ss.toCompiled(t, params[i])
	}
	if !ss.store.Enter() {
		return store.TrapOf(vm.TrapStackOverflow)
	}
	ss.pull()
	ss.depth++
	ctx = storeContext{ctx, ss.store}
	err := ss.machine.Call(ctx, c.code, c.code.Addr(c.art.Funcs[fi].ArrayEntry), st.vmctx, values, ss.handler(ctx))
	ss.depth--
	// ExitArgs[1] of a null call_indirect holds the index; the store
	// context is still this activation's unless the call was nested.
	detail := ss.machine.Context().ExitArgs[1]
	ss.push()
	ss.store.Leave()
	if err != nil {
		t := ss.trapOf(err)
		if tr, ok := t.(*store.Trap); ok && ss.depth == 0 {
			switch {
			case tr.Code == vm.TrapIndirectCallToNull:
				tr.Detail = strconv.FormatUint(detail, 10)
			case tr.Code == vm.TrapNullReference && detail == nullFuncRefDetail:
				tr.Text = "null function reference"
			}
		}
		return t
	}
	for i, t := range sig.Results {
		results[i] = ss.fromCompiled(t, values[i][0])
	}
	return nil
}

// storeContext is the call's context with Store.Interrupt folded into
// Err: the machine checks Err at every preemption exit (at least every
// ~10 ms of running code) and traps with TrapInterrupted when it is set,
// so an interrupt from another goroutine stops compiled code like a
// cancellation does.
type storeContext struct {
	context.Context
	s *store.Store
}

// errInterrupted is the cause of a trap raised by Store.Interrupt.
var errInterrupted = errors.New("store interrupted")

func (c storeContext) Err() error {
	if c.s.Interrupted() {
		return errInterrupted
	}
	return c.Context.Err()
}

// nullFuncRefDetail is the ExitArgs[1] a compiler passes with
// TrapNullReference for call_ref of null (kiln/baseline's nullFuncRef).
const nullFuncRefDetail = 1

// toCompiled converts a store value word to compiled code's
// representation: funcrefs become FuncRef addresses.
func (ss *storeState) toCompiled(t wasm.ValType, v uint64) uint64 {
	switch {
	case t.Kind == wasm.KindI32 || t.Kind == wasm.KindF32:
		return uint64(uint32(v))
	case isFuncRefType(t):
		return ss.refToAddr(v)
	}
	return v
}

func (ss *storeState) fromCompiled(t wasm.ValType, v uint64) uint64 {
	switch {
	case t.Kind == wasm.KindI32 || t.Kind == wasm.KindF32:
		return uint64(uint32(v))
	case isFuncRefType(t):
		return ss.addrToRef(v)
	}
	return v
}

// handler returns the exit handler for calls made with ctx: host calls go
// through Store.Call, memory and table operations to the store's objects.
func (ss *storeState) handler(ctx context.Context) jit.ExitHandler {
	return func(m *jit.Machine, k vm.ExitKind) error {
		err := ss.exit(ctx, m, k)
		// A trap raised in Go (a host error, a bulk operation out of
		// bounds) gets the backtrace of the wasm frames that exited.
		var tr *store.Trap
		if err != nil && errors.As(err, &tr) && len(tr.Backtrace) == 0 {
			tr.Backtrace = ss.symbolize(m.Backtrace())
		}
		return err
	}
}

// exit handles one exit.
func (ss *storeState) exit(ctx context.Context, m *jit.Machine, k vm.ExitKind) error {
	{
		sc := m.Context()
		st := ss.byVMCtx[uintptr(sc.ExitVMCtx)]
		if st == nil {
			return fmt.Errorf("compiled: exit %v from an unknown VM context", k)
		}
		inst := st.inst
		a := &sc.ExitArgs
		switch k {
		case vm.ExitHostCall:
			// ExitArgs[1] is the address of the values array on the wasm
			// stack (not Go memory; it does not move).
			return ss.hostCall(ctx, st, uint32(a[0]), *(*unsafe.Pointer)(unsafe.Pointer(&a[1])))
		case vm.ExitMemoryGrow:
			a[0] = uint64(ss.store.GrowMemory(inst.Memories[a[0]], a[1]))
		case vm.ExitMemoryFill:
			return inst.Memories[a[0]].Fill(a[1], byte(a[2]), a[3])
		case vm.ExitMemoryCopy:
			return inst.Memories[a[0]].Copy(a[2], inst.Memories[a[1]], a[3], a[4])
		case vm.ExitMemoryInit:
			return inst.Memories[a[0]].Init(a[2], &inst.Datas[a[1]], a[3], a[4])
		case vm.ExitDataDrop:
			inst.Datas[a[0]].Drop()
		case vm.ExitElemDrop:
			inst.Elems[a[0]].Drop()
		case vm.ExitTableGrow, vm.ExitTableFill, vm.ExitTableCopy, vm.ExitTableInit:
			// The store's tables are the truth for Go: bring them up to
			// date, operate, refresh the copies (a grow may move them).
			ss.push()
			err := ss.tableOp(inst, k, a)
			ss.pull()
			return err
		default:
			return fmt.Errorf("compiled: unhandled exit %v", k)
		}
		return nil
	}
}

func (ss *storeState) tableOp(inst *store.Instance, k vm.ExitKind, a *[vm.NumExitArgs]uint64) error {
	t := inst.Tables[a[0]]
	ref := func(v uint64) store.Ref {
		if isFuncRefType(t.Type.Elem) {
			return ss.addrToRef(v)
		}
		return v
	}
	switch k {
	case vm.ExitTableGrow:
		a[0] = uint64(t.Grow(a[1], ref(a[2])))
		return nil
	case vm.ExitTableFill:
		return t.Fill(a[1], ref(a[2]), a[3])
	case vm.ExitTableCopy:
		return t.Copy(a[2], inst.Tables[a[1]], a[3], a[4])
	default:
		return t.Init(a[2], &inst.Elems[a[1]], a[3], a[4])
	}
}

// hostCall runs imported function idx of st's instance with the values
// array at addr (on the wasm stack, which does not move).
func (ss *storeState) hostCall(ctx context.Context, st *instState, idx uint32, addr unsafe.Pointer) error {
	inst := st.inst
	if int(idx) >= len(inst.Funcs) {
		return fmt.Errorf("compiled: host call of function %d", idx)
	}
	f := inst.Funcs[idx]
	np, nr := len(f.Type.Params), len(f.Type.Results)
	slots := unsafe.Slice((*jit.Slot)(addr), max(np, nr, 1))
	var buf [16]uint64
	words := buf[:0]
	if np+nr > len(buf) {
		words = make([]uint64, np+nr)
	}
	words = words[:np+nr]
	params, results := words[:np], words[np:]
	for i, t := range f.Type.Params {
		params[i] = ss.fromCompiled(t, slots[i][0])
	}
	ss.push()
	err := ss.store.Call(ctx, inst, f, params, results)
	ss.pull()
	if err != nil {
		return err
	}
	for i, t := range f.Type.Results {
		slots[i][0] = ss.toCompiled(t, results[i])
	}
	return nil
}

// trapOf converts the machine's error into the store's: a *jit.Trap gets
// the store's trap code and a symbolised backtrace.
func (ss *storeState) trapOf(err error) error {
	var jt *jit.Trap
	if !errors.As(err, &jt) {
		return err
	}
	return &store.Trap{Code: jt.Code, Cause: jt.Cause, Backtrace: ss.symbolize(jt.Frames)}
}

// symbolize maps machine frames to wasm frames (function and module
// offset); frames outside any function body (trampolines) are left out.
func (ss *storeState) symbolize(frames []jit.Frame) []store.Frame {
	var out []store.Frame
	for _, fr := range frames {
		for _, st := range ss.insts {
			c := st.code
			if !c.code.Contains(fr.PC - 1) {
				continue
			}
			sym := jit.Symbolize(c.art, c.code, fr.PC)
			if sym.Func >= 0 {
				off := -1
				if sym.HasOffset {
					off = int(sym.WasmOffset)
				}
				out = append(out, st.inst.Frame(uint32(c.mod.NumImportedFuncs+sym.Func), off))
			}
			break
		}
	}
	return out
}
