package diff

import (
	"encoding/binary"
	"errors"
	"fmt"

	"kiln/ir"
	"kiln/ir/interp"
	"kiln/ir/verify"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/optimizing/compile"
	"kiln/optimizing/frontend"
	kiln "kiln/runtime"
	"kiln/tools/fuzz/wasmgen"
)

// The IR oracle runs the optimizing tier's own IR — the translator's
// output, and the same after the mid-end — in the IR interpreter
// (kiln/ir/interp), over the translator's test layout
// (frontend.TestLayout): the VM context, one linear memory and the
// globals are Go byte slices the interpreter maps. A divergence there and
// not in the machine code points at the translator or the mid-end; one in
// the machine code only, at the back end.
//
// It covers modules without tables (call_indirect would need vm.FuncRef
// records) and without exits other than memory.grow, which a CLIF stub
// implements; IRSupported says whether a module qualifies.

// Addresses the IR interpreter maps: the test-layout VM context and the
// linear memory (reserved at its maximum, so growing never moves it).
const (
	irVMCtxAddr  = 0x8000_0000
	irVMCtxSize  = 70_000
	irMemoryAddr = 0x9000_0000
)

// IR tier names.
const (
	TierIR          = "ir"           // translated IR, no mid-end
	TierIROptimized = "ir-optimized" // after compile.MidEnd
)

// irStubs are the interrupt check (a no-op) and memory.grow on memory 0,
// whose length word is at TestLayout.MemoryLength(0) = 8 in the VM
// context; %d is the exit kind, then the maximum page count.
const irStubs = `function u2:0(i64 vmctx) tail {
block0(v0: i64):
    return
}

function u1:%d(i64 vmctx, i64, i64) -> i64 tail {
block0(v0: i64, v1: i64, v2: i64):
    v3 = load.i64 notrap aligned v0+8
    v10 = iconst.i64 16
    v4 = ushr v3, v10
    v5 = iadd v4, v2
    v11 = iconst.i64 %d
    v6 = icmp ugt v5, v11
    brif v6, block1, block2

block1:
    v7 = iconst.i64 -1
    return v7

block2:
    v8 = ishl v5, v10
    store notrap aligned v8, v0+8
    return v4
}
`

// IRSupported reports whether the IR oracle can run m: no tables, no
// element segments, no imports, at most one memory, no passive data.
// ExecuteIR also skips a module whose IR calls a runtime exit other than
// memory.grow (bulk-memory operators: their exits have no stub).
func IRSupported(m *wasm.Module) bool {
	if len(m.Tables) > 0 || len(m.Elems) > 0 || len(m.Imports) > 0 || len(m.Memories) > 1 {
		return false
	}
	for _, d := range m.Datas {
		if d.Mode != wasm.SegmentActive {
			return false // memory.init/data.drop may use it
		}
	}
	return true
}

// IRConfig restricts a generator configuration to what the IR oracle
// runs.
func IRConfig(c wasmgen.Config) wasmgen.Config {
	c.Table, c.ReferenceTypes, c.BulkMemory, c.HostCalls = false, false, false, false
	return c
}

// ExecuteIR runs the calls on the IR interpreter, with the mid-end when
// optimize is set. Skipped is set when the module is outside what the
// oracle supports (see IRSupported) or the interpreter lacks an operator.
func ExecuteIR(bin []byte, calls []Call, fuel uint64, optimize bool) *Run {
	name := TierIR
	if optimize {
		name = TierIROptimized
	}
	r := &Run{Tier: name}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		r.Compile = err.Error()
		return r
	}
	if !IRSupported(m) {
		r.Skipped, r.Compile = true, "outside the IR oracle's subset"
		return r
	}
	maxPages := uint64(maxMemoryPages)
	if len(m.Memories) == 1 && m.Memories[0].Limits.HasMax && m.Memories[0].Limits.Max < maxPages {
		maxPages = m.Memories[0].Limits.Max
	}
	stubs, err := ir.ParseFunctions("stubs", fmt.Appendf(nil, irStubs, vm.ExitMemoryGrow, maxPages))
	if err != nil {
		panic(err) // the stubs are constant text
	}
	tr := frontend.NewTranslator(m, frontend.NewTestEnv())
	funcs := stubs
	for i := m.NumImportedFuncs; i < len(m.FuncTypes); i++ {
		f, err := tr.Translate(uint32(i))
		if err == nil {
			for _, ef := range f.ExtFuncs {
				if ef.Name.Kind == ir.NameUser && ef.Name.Namespace == frontend.NamespaceExit && ef.Name.Index != uint32(vm.ExitMemoryGrow) {
					// A bulk-memory exit: no stub for it.
					r.Skipped, r.Compile = true, fmt.Sprintf("function %d uses runtime exit %d", i, ef.Name.Index)
					return r
				}
			}
		}
		if err == nil && optimize {
			err = compile.MidEnd(f)
		}
		if err == nil {
			err = verify.Function(f)
		}
		if err != nil {
			if errors.Is(err, frontend.ErrUnsupported) {
				r.Skipped = true
			}
			r.Compile = fmt.Sprintf("function %d: %v", i, err)
			return r
		}
		funcs = append(funcs, f)
	}
	in := interp.New(funcs)
	in.Options.MaxDepth = maxCallDepth
	vmctx := make([]byte, irVMCtxSize)
	if err := in.Map(irVMCtxAddr, vmctx); err != nil {
		panic(err)
	}
	var mem []byte
	memLen := func() uint64 { return binary.LittleEndian.Uint64(vmctx[frontend.TestLayout{}.MemoryLength(0):]) }
	if len(m.Memories) == 1 {
		mem = make([]byte, max(maxPages, 1)*65536)
		if err := in.Map(irMemoryAddr, mem); err != nil {
			panic(err)
		}
		binary.LittleEndian.PutUint64(vmctx[frontend.TestLayout{}.MemoryBase(0):], irMemoryAddr)
		binary.LittleEndian.PutUint64(vmctx[frontend.TestLayout{}.MemoryLength(0):], m.Memories[0].Limits.Min*65536)
	}

	// Globals: i32/f32 in the low four bytes of a 16-byte slot, i64/f64
	// in eight.
	globalAt := func(i uint32) []byte { return vmctx[frontend.TestLayout{}.Global(i):] }
	getGlobal := func(i uint32) uint64 {
		if k := m.GlobalTypes[i].Type.Kind; k == wasm.KindI32 || k == wasm.KindF32 {
			return uint64(binary.LittleEndian.Uint32(globalAt(i)))
		}
		return binary.LittleEndian.Uint64(globalAt(i))
	}
	setGlobal := func(i uint32, v uint64) {
		if k := m.GlobalTypes[i].Type.Kind; k == wasm.KindI32 || k == wasm.KindF32 {
			binary.LittleEndian.PutUint32(globalAt(i), uint32(v))
			return
		}
		binary.LittleEndian.PutUint64(globalAt(i), v)
	}
	for i, g := range m.Globals {
		if len(g.Init.Ops) != 1 {
			r.Skipped, r.Compile = true, "global initialiser is not a single constant"
			return r
		}
		setGlobal(uint32(i), g.Init.Ops[0].Imm)
	}
	for _, d := range m.Datas {
		if len(d.OffsetExpr.Ops) != 1 || d.OffsetExpr.Ops[0].Op != wasm.OpI32Const {
			r.Skipped, r.Compile = true, "data offset is not an i32.const"
			return r
		}
		off := uint64(uint32(d.OffsetExpr.Ops[0].Imm))
		if off+uint64(len(d.Init)) > memLen() {
			r.Instance = Outcome{Trap: trapName(vm.TrapMemoryOutOfBounds)}
			return r
		}
		copy(mem[off:], d.Init)
	}

	var exportedGlobals []uint32
	funcIndex := map[string]uint32{}
	memExported := false
	for _, ex := range m.Exports {
		switch ex.Kind {
		case wasm.ExternMemory:
			memExported = memExported || ex.Name == wasmgen.MemoryExport
		case wasm.ExternGlobal:
			exportedGlobals = append(exportedGlobals, ex.Index)
			r.globalTypes = append(r.globalTypes, m.GlobalTypes[ex.Index].Type)
		case wasm.ExternFunc:
			funcIndex[ex.Name] = ex.Index
		}
	}
	fuelIdx, hasFuel := uint32(0), false
	for _, ex := range m.Exports {
		if ex.Kind == wasm.ExternGlobal && ex.Name == wasmgen.FuelExport {
			fuelIdx, hasFuel = ex.Index, true
		}
	}

	vmctxArg := ir.DataInt(ir.I64, irVMCtxAddr)
	for _, c := range calls {
		idx, ok := funcIndex[c.Func]
		if !ok {
			r.Calls = append(r.Calls, Outcome{Err: "no exported function " + c.Func})
			r.resultTypes = append(r.resultTypes, nil)
			r.States = append(r.States, State{})
			continue
		}
		ft := m.FuncType(idx)
		if hasFuel && fuel > 0 {
			setGlobal(fuelIdx, fuel)
		}
		args := []ir.DataValue{vmctxArg, vmctxArg}
		for i, p := range ft.Params {
			args = append(args, irValue(p, c.Args[i]))
		}
		res, err := in.Call(ir.UserName(frontend.NamespaceFunc, idx).String(), args)
		var out Outcome
		var tr *interp.Trap
		switch {
		case err == nil:
			for _, v := range res {
				w := v.Lo
				if v.Ty == ir.I32 || v.Ty == ir.F32 {
					w = uint64(uint32(w))
				}
				out.Results = append(out.Results, w)
			}
		case errors.As(err, &tr):
			out.Trap = trapName(frontend.VMTrap(tr.Code))
		case errors.Is(err, interp.ErrUnsupported):
			r.Skipped, r.Compile = true, err.Error()
			return r
		default:
			out.Err = err.Error()
		}
		r.Calls = append(r.Calls, out)
		r.resultTypes = append(r.resultTypes, ft.Results)
		var st State
		if mem != nil && memExported {
			st.Memory = append([]byte(nil), mem[:memLen()]...)
		}
		for _, g := range exportedGlobals {
			st.Globals = append(st.Globals, getGlobal(g))
		}
		r.States = append(r.States, st)
	}
	return r
}

// irValue converts an API word to an interpreter value of type t.
func irValue(t wasm.ValType, w uint64) ir.DataValue {
	switch t.Kind {
	case wasm.KindI32:
		return ir.DataInt(ir.I32, int64(int32(uint32(w))))
	case wasm.KindF32:
		return ir.DataF32FromBits(uint32(w))
	case wasm.KindF64:
		return ir.DataF64FromBits(w)
	}
	return ir.DataInt(ir.I64, int64(w))
}

// trapName is the harness's name of a runtime trap code.
func trapName(c vm.TrapCode) string {
	t := &kiln.Trap{Code: c}
	for _, k := range trapKinds {
		if errors.Is(t, k.err) {
			return k.name
		}
	}
	return fmt.Sprintf("trap code %d", c)
}

// CheckIR compares the IR oracle, without and with the mid-end, against
// the reference run of rep. Runs outside the oracle's subset are skipped.
func CheckIR(rep *Report, c Case) error {
	var ref *Run
	for _, r := range rep.Runs {
		if !r.Skipped {
			ref = r
			break
		}
	}
	if ref == nil || ref.Compile != "" {
		return nil
	}
	for _, optimize := range []bool{false, true} {
		r := ExecuteIR(c.Binary, c.Calls, c.Fuel, optimize)
		rep.Runs = append(rep.Runs, r)
		if r.Skipped {
			rep.Skipped = append(rep.Skipped, r.Tier+": "+r.Compile)
			continue
		}
		if err := Compare(ref, r, c.Calls, c.NaNClass); err != nil {
			return err
		}
	}
	return nil
}
