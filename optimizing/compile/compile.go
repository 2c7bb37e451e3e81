package compile

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"

	"kiln/encoder"
	"kiln/ir"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/optimizing"
	"kiln/optimizing/frontend"
	"kiln/optimizing/isa/amd64"
	"kiln/regalloc"
)

// Compiler is the optimizing tier as a vm.Compiler.
type Compiler struct {
	// Optimize, when set, runs on every translated function before
	// lowering: the mid-end hook. It must keep the function valid and
	// must not move or remove calls (exits and preemption checks are
	// calls). All compile workers share it, so it must be safe to call
	// concurrently.
	Optimize func(*ir.Function) error
	// NewOptimize, used when Optimize is nil, makes one mid-end hook per
	// compile worker, under the same rules as Optimize; a hook it makes
	// runs on one goroutine only, so it may keep its tables from one
	// function to the next. New sets it to NewMidEnd.
	NewOptimize func() func(*ir.Function) error
	// Flags are the x86-64 extensions the code may use (the baseline is
	// SSE2).
	Flags amd64.Flags
}

// New returns the optimizing tier with kiln's mid-end (kiln/optimizing:
// e-graph rewrites, GVN, LICM, load and bounds-check elimination, CFG
// cleanup). A zero Compiler skips the mid-end.
func New() *Compiler { return &Compiler{NewOptimize: NewMidEnd} }

// MidEnd runs kiln's mid-end on f; it is safe for concurrent use.
func MidEnd(f *ir.Function) error {
	_, err := optimizing.Optimize(f, optimizing.Options{})
	return err
}

// NewMidEnd returns kiln's mid-end for one goroutine: an
// optimizing.Optimizer, which keeps the mid-end's tables from one
// function to the next (the same passes and the same result as MidEnd,
// with less allocation).
func NewMidEnd() func(*ir.Function) error {
	opt := new(optimizing.Optimizer)
	return func(f *ir.Function) error {
		_, err := opt.Optimize(f, optimizing.Options{})
		return err
	}
}

// Name implements vm.Compiler.
func (c *Compiler) Name() string { return "optimizing" }

// wasmOptions is the back end's view of the translator's conventions.
func wasmOptions(opts vm.CompileOptions) *amd64.WasmOptions {
	return &amd64.WasmOptions{
		ExitNamespace:  frontend.NamespaceExit,
		CheckNamespace: frontend.NamespaceCheck,
		TrapCode:       frontend.VMTrap,
		Interruptible:  opts.Interruptible,
	}
}

// unitKind says what a compilation unit is.
type unitKind uint8

const (
	unitBody       unitKind = iota // a defined function's body
	unitArrayEntry                 // a defined function's array-call entry
	unitHostCall                   // an imported function's host-call trampoline
)

// unit is one function to compile and where its code ends up.
type unit struct {
	kind  unitKind
	index uint32 // function index (imports included)
	// like, for an array entry, is the unit of the first array entry of
	// the same function type (this one if it is the first): the others'
	// code is a copy of its with the call retargeted (cloneArrayEntry).
	like  int
	code  *encoder.Code
	frame uint32
	err   error
}

// Compile implements vm.Compiler: every defined function, an array-call
// entry per defined function and a host-call trampoline per imported
// function, laid out in one code blob.
func (c *Compiler) Compile(ctx context.Context, m *wasm.Module, opts vm.CompileOptions) (*vm.Artifact, error) {
	if opts.Target != "amd64" {
		return nil, &UnsupportedError{fmt.Errorf("optimizing: no back end for target %q", opts.Target)}
	}
	if opts.Fuel {
		return nil, &UnsupportedError{fmt.Errorf("optimizing: fuel accounting is not supported")}
	}
	nimp := uint32(m.NumImportedFuncs)
	nfuncs := uint32(len(m.FuncTypes))
	if nfuncs < nimp || int(nfuncs-nimp) != len(m.Code) {
		return nil, fmt.Errorf("optimizing: module has %d function types, %d imports and %d bodies", nfuncs, nimp, len(m.Code))
	}
	var units []unit
	for i := nimp; i < nfuncs; i++ {
		units = append(units, unit{kind: unitBody, index: i})
	}
	firstOfType := map[uint32]int{}
	for i := nimp; i < nfuncs; i++ {
		like, ok := firstOfType[m.FuncTypes[i]]
		if !ok {
			like = len(units)
			firstOfType[m.FuncTypes[i]] = like
		}
		units = append(units, unit{kind: unitArrayEntry, index: i, like: like})
	}
	for i := range nimp {
		units = append(units, unit{kind: unitHostCall, index: i})
	}

	// Workers take the bodies largest first: the last units to finish
	// are then small ones, so no worker is left compiling a large
	// function while the others idle, and each worker's reused storage
	// reaches its final size on the first functions it compiles instead
	// of growing again and again.
	order := make([]int, len(units))
	for i := range order {
		order[i] = i
	}
	bodySize := func(u *unit) int {
		if u.kind != unitBody {
			return 0
		}
		return len(m.Code[u.index-nimp].Expr)
	}
	sort.SliceStable(order, func(a, b int) bool { return bodySize(&units[order[a]]) > bodySize(&units[order[b]]) })

	workers := opts.Parallelism
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(units)))
	// Array entries of a function type compiled once are copied after.
	order = slices.DeleteFunc(order, func(k int) bool { return units[k].kind == unitArrayEntry && units[k].like != k })
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	take := func() int {
		mu.Lock()
		defer mu.Unlock()
		if next >= len(order) || ctx.Err() != nil {
			return -1
		}
		next++
		return order[next-1]
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{c: c, m: m, env: frontend.NewVMEnv(m), wasm: wasmOptions(opts), optimize: c.Optimize}
			if w.optimize == nil && c.NewOptimize != nil {
				w.optimize = c.NewOptimize()
			}
			w.tr = frontend.NewTranslator(m, w.env)
			for k := take(); k >= 0; k = take() {
				u := &units[k]
				u.code, u.frame, u.err = w.compile(u)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range units {
		if err := units[i].err; err != nil {
			return nil, err
		}
	}
	for i := range units {
		if u := &units[i]; u.kind == unitArrayEntry && u.like != i {
			u.code, u.frame = cloneArrayEntry(&units[u.like], u.index), units[u.like].frame
		}
	}
	return link(m, opts, units)
}

// worker compiles units on one goroutine, reusing its translator and the
// IR function it translates into: a function is lowered to machine code
// before the next is translated, and nothing of it outlives that.
type worker struct {
	c    *Compiler
	m    *wasm.Module
	env  *frontend.LayoutEnv
	tr   *frontend.Translator
	f    *ir.Function // reset for each body (ir.Function.Reset)
	wasm *amd64.WasmOptions
	// optimize is the mid-end hook: Compiler.Optimize, or the worker's
	// own one made by Compiler.NewOptimize.
	optimize func(*ir.Function) error
	// arena holds the code of the units the worker compiled until link
	// copies it into the blob; the back end's code buffers are reused.
	arena encoder.Arena
}

func (w *worker) compile(u *unit) (code *encoder.Code, frame uint32, err error) {
	var f *ir.Function
	switch u.kind {
	case unitBody:
		f, err = w.tr.TranslateInto(w.f, u.index)
		if f != nil {
			w.f = f
		}
		if err == nil && w.optimize != nil {
			err = w.optimize(f)
		}
	case unitArrayEntry:
		f, err = ArrayEntry(w.m, u.index)
	case unitHostCall:
		f, err = HostCallTrampoline(w.m, u.index)
	}
	if err != nil {
		return nil, 0, wrapErr(u.index, err)
	}
	res, err := compileFunction(f, w.c.Flags, w.wasm, &w.arena)
	if err != nil {
		return nil, 0, wrapErr(u.index, err)
	}
	return res.Code, uint32(res.Frame.Size), nil
}

// UnsupportedError is returned for a module using an operator or feature
// the tier does not compile (as opposed to a compiler failure); the
// runtime recognises it by its Unsupported method and may fall back to
// another strategy.
type UnsupportedError struct{ Err error }

func (e *UnsupportedError) Error() string     { return e.Err.Error() }
func (e *UnsupportedError) Unwrap() error     { return e.Err }
func (e *UnsupportedError) Unsupported() bool { return true }

func wrapErr(fn uint32, err error) error {
	err = fmt.Errorf("optimizing: function %d: %w", fn, err)
	if errors.Is(err, frontend.ErrUnsupported) || errors.Is(err, amd64.ErrUnsupported) {
		return &UnsupportedError{err}
	}
	return err
}

// compileFunction runs the back end on one function in wasm mode, turning
// a panic in the back end into an error: a compiler bug must not take the
// embedding process down.
func compileFunction(f *ir.Function, flags amd64.Flags, wasm *amd64.WasmOptions, arena *encoder.Arena) (res *amd64.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal compiler error: %v", r)
		}
	}()
	return amd64.Compile(f, amd64.Options{
		Flags:     flags,
		Resolve:   resolveFunc,
		Algorithm: regalloc.Quality,
		Wasm:      wasm,
		NoListing: true,
		Arena:     arena,
	})
}

// resolveFunc maps u0:N (wasm function N) to a function symbol; exits and
// checks are expanded by the back end and never resolved.
func resolveFunc(n ir.Name) (encoder.Symbol, bool) {
	if n.Kind == ir.NameUser && n.Namespace == frontend.NamespaceFunc {
		return encoder.Symbol{Kind: encoder.SymFunc, Index: n.Index}, true
	}
	return encoder.Symbol{}, false
}

// codeAlign is the alignment of every function in the blob.
const codeAlign = 16

// link lays the units out in one blob: bodies, then array entries, then
// host-call trampolines. Calls between functions of the blob are patched
// here (rel32 to the body), so the artifact needs no relocation for them.
func link(m *wasm.Module, opts vm.CompileOptions, units []unit) (*vm.Artifact, error) {
	nimp := uint32(m.NumImportedFuncs)
	a := &vm.Artifact{
		Arch:      opts.Target,
		Tier:      "optimizing",
		Features:  uint64(opts.Features),
		Alignment: codeAlign,
		Funcs:     make([]vm.FuncInfo, len(m.FuncTypes)-int(nimp)),
		Imports:   make([]uint32, nimp),
	}
	// Size the blob and tables once: appending a few MB of code unit by
	// unit would copy it over and over as it grows.
	size, ntraps, nlocs := 0, 0, 0
	for _, u := range units {
		size += (len(u.code.Bytes) + codeAlign - 1) &^ (codeAlign - 1)
		ntraps += len(u.code.Traps)
		nlocs += len(u.code.SrcLocs)
	}
	a.Code = make([]byte, 0, size)
	// The records are written by index into tables of their final size
	// (strconv has about 780K source ranges).
	if ntraps > 0 {
		a.Traps = make([]vm.TrapRecord, ntraps)
	}
	if nlocs > 0 {
		a.SrcLocs = make([]vm.SrcLoc, nlocs)
	}
	ntraps, nlocs = 0, 0
	offsets := make([]uint32, len(units))
	for i, u := range units {
		for len(a.Code)%codeAlign != 0 {
			a.Code = append(a.Code, 0xcc) // int3 between functions
		}
		off := uint32(len(a.Code))
		if int64(off)+int64(len(u.code.Bytes)) > 1<<31 {
			return nil, errors.New("optimizing: code larger than 2 GiB")
		}
		offsets[i] = off
		a.Code = append(a.Code, u.code.Bytes...)
		switch u.kind {
		case unitBody:
			a.Funcs[u.index-nimp] = vm.FuncInfo{Offset: off, Size: uint32(len(u.code.Bytes)), FrameSize: u.frame}
		case unitArrayEntry:
			a.Funcs[u.index-nimp].ArrayEntry = off
		case unitHostCall:
			a.Imports[u.index] = off
		}
		traps := a.Traps[ntraps : ntraps+len(u.code.Traps)]
		for k, t := range u.code.Traps {
			traps[k] = vm.TrapRecord{Offset: off + t.Offset, Code: vm.TrapCode(t.Code)}
		}
		ntraps += len(traps)
		locs := a.SrcLocs[nlocs : nlocs+len(u.code.SrcLocs)]
		for k, s := range u.code.SrcLocs {
			locs[k] = vm.SrcLoc{Start: off + s.Start, End: off + s.End, Loc: s.Loc}
		}
		nlocs += len(locs)
	}
	for i, u := range units {
		for _, r := range u.code.Relocs {
			at := offsets[i] + r.Offset
			if r.Kind == encoder.RelocX86PCRel4 && r.Target.Kind == encoder.SymFunc && r.Target.Index >= nimp && int(r.Target.Index-nimp) < len(a.Funcs) {
				target := int64(a.Funcs[r.Target.Index-nimp].Offset)
				binary.LittleEndian.PutUint32(a.Code[at:], uint32(int32(target+r.Addend-int64(at))))
				continue
			}
			a.Relocs = append(a.Relocs, vm.Reloc{Offset: at, Kind: vm.RelocKind(r.Kind), Target: vm.Symbol{Kind: vm.SymbolKind(r.Target.Kind), Index: r.Target.Index}, Addend: r.Addend})
		}
	}
	return a, nil
}

// cloneArrayEntry returns the code of the array entry of function fn
// from that of another function of the same type (like): ArrayEntry
// builds the same IR for both but for the callee's name, so the code
// differs only in the target of the call's relocation. strconv's 3,239
// array entries have 8 function types; compiling each was 2% of the
// compile. The bytes and records are shared: link only reads them.
func cloneArrayEntry(like *unit, fn uint32) *encoder.Code {
	c := *like.code
	c.Relocs = slices.Clone(c.Relocs)
	for k := range c.Relocs {
		if t := &c.Relocs[k].Target; t.Kind == encoder.SymFunc && t.Index == like.index {
			t.Index = fn
		}
	}
	return &c
}

// ArrayEntry builds the array-call entry of defined function fn: a
// function of the wasm convention taking (callee vmctx, caller vmctx,
// values, count) that loads fn's parameters from the ValueSlotSize-byte
// slots of values, calls fn and stores its results from slot 0.
func ArrayEntry(m *wasm.Module, fn uint32) (*ir.Function, error) {
	st := m.FuncType(fn)
	if st == nil {
		return nil, fmt.Errorf("function %d has no function type", fn)
	}
	ptr := frontend.PointerType
	sig := ir.Signature{CallConv: ir.CallConvTail, Params: []ir.AbiParam{
		{Type: ptr, Purpose: ir.PurposeVMContext}, {Type: ptr}, {Type: ptr}, {Type: ptr},
	}}
	f := ir.NewFunction(ir.TestCaseName(fmt.Sprintf("array_entry%d", fn)), sig)
	b := ir.NewFunctionBuilder(f)
	entry := b.CreateBlock()
	b.SwitchToBlock(entry)
	b.SealBlock(entry)
	p := b.AppendBlockParamsForFunctionParams(entry)
	callee := f.ImportSignature(frontend.WasmSignature(st))
	ref := f.ImportFunction(ir.ExtFuncData{Name: ir.UserName(frontend.NamespaceFunc, fn), Sig: callee, Colocated: true})
	args := []ir.Value{p[0], p[1]}
	for k, t := range st.Params {
		args = append(args, b.Load(ir.OpLoad, frontend.ValType(t), ir.TrustedMemFlags, p[2], int32(vm.ValueSlotSize*k)))
	}
	res := b.Call(ref, args...)
	for k, r := range res {
		b.Store(ir.OpStore, ir.TrustedMemFlags, r, p[2], int32(vm.ValueSlotSize*k))
	}
	b.Return()
	b.Finalize()
	return f, nil
}

// HostCallTrampoline builds the host-call trampoline of imported function
// imp: a function with the import's wasm signature that stores its
// parameters in a values array on its frame, exits with ExitHostCall
// (Arg0 = imp, Arg1 = the array) and returns the results the runtime left
// in the array.
func HostCallTrampoline(m *wasm.Module, imp uint32) (*ir.Function, error) {
	st := m.FuncType(imp)
	if st == nil {
		return nil, fmt.Errorf("import %d has no function type", imp)
	}
	f := ir.NewFunction(ir.TestCaseName(fmt.Sprintf("host_call%d", imp)), frontend.WasmSignature(st))
	b := ir.NewFunctionBuilder(f)
	entry := b.CreateBlock()
	b.SwitchToBlock(entry)
	b.SealBlock(entry)
	p := b.AppendBlockParamsForFunctionParams(entry)
	slots := max(len(st.Params), len(st.Results), 1)
	ss := f.CreateStackSlot(uint32(vm.ValueSlotSize*slots), 4)
	arr := b.StackAddr(frontend.PointerType, ss, 0)
	for k := range st.Params {
		b.Store(ir.OpStore, ir.TrustedMemFlags, p[2+k], arr, int32(vm.ValueSlotSize*k))
	}
	exitSig := f.ImportSignature(ir.Signature{CallConv: ir.CallConvTail, Params: []ir.AbiParam{
		{Type: frontend.PointerType, Purpose: ir.PurposeVMContext}, {Type: ir.I64}, {Type: ir.I64},
	}})
	exit := f.ImportFunction(ir.ExtFuncData{Name: ir.UserName(frontend.NamespaceExit, uint32(vm.ExitHostCall)), Sig: exitSig})
	b.Call(exit, p[0], b.Iconst(ir.I64, int64(imp)), arr)
	var results []ir.Value
	for k, t := range st.Results {
		results = append(results, b.Load(ir.OpLoad, frontend.ValType(t), ir.TrustedMemFlags, arr, int32(vm.ValueSlotSize*k)))
	}
	b.Return(results...)
	b.Finalize()
	return f, nil
}
