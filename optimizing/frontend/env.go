package frontend

import (
	"kiln/ir"
	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// PointerType is the IR type of addresses, the VM context and references.
// kiln targets 64-bit hosts only (see kiln/ir/vm).
const PointerType = ir.I64

// FuncCtx is what an Environment sees of the function being translated:
// the builder to append to, the module, and the function's two VM context
// parameters. Environments may cache values in it per function (hoisted
// loads), but only values defined in the entry block, which dominates
// everything.
type FuncCtx struct {
	B      *ir.FunctionBuilder
	Module *wasm.Module
	// VMCtx is the callee VM context (the function's first parameter),
	// CallerVMCtx the caller's (its second).
	VMCtx, CallerVMCtx ir.Value

	extFuncs map[extKey]ir.FuncRef
	sigs     map[uint32]ir.SigRef
	argBuf   []ir.Value // withVMCtx's scratch
	// wasmSigs caches Signature per type index for the translator's
	// module (it outlives the function; see signature).
	wasmSigs *sigCache
}

// sigCache holds the IR signature of each wasm type an Environment gave
// once: a module's thousands of functions call the same few types, and
// building a signature allocates. The cached slices are shared by every
// function that imports the signature; nothing edits a signature in place.
type sigCache struct {
	sigs []ir.Signature
	have []bool
}

// signature returns env.Signature(fx.Module, typeIdx), made once per
// translator.
func (fx *FuncCtx) signature(env Environment, typeIdx uint32) ir.Signature {
	c := fx.wasmSigs
	if c == nil || int64(typeIdx) >= int64(len(fx.Module.Types)) {
		return env.Signature(fx.Module, typeIdx)
	}
	if len(c.have) < len(fx.Module.Types) {
		c.sigs = make([]ir.Signature, len(fx.Module.Types))
		c.have = make([]bool, len(fx.Module.Types))
	}
	if !c.have[typeIdx] {
		c.sigs[typeIdx], c.have[typeIdx] = env.Signature(fx.Module, typeIdx), true
	}
	return c.sigs[typeIdx]
}

type extKey struct{ ns, index uint32 }

// Environment hides the runtime's data layout from the translator, in the
// manner of Cranelift's FuncEnvironment. Every method appends IR to fx.B at
// the current position. Values are I64 for addresses, lengths and
// references.
type Environment interface {
	// Signature is the IR signature of wasm function type typeIdx.
	Signature(m *wasm.Module, typeIdx uint32) ir.Signature

	// MemoryBase and MemoryBound return memory mem's base address and
	// current length in bytes (I64). The translator emits the bounds check.
	MemoryBase(fx *FuncCtx, mem uint32) ir.Value
	MemoryBound(fx *FuncCtx, mem uint32) ir.Value
	// TableBase and TableBound return table t's element array address and
	// its length in elements (I64). Elements are pointer-sized; 0 is null.
	TableBase(fx *FuncCtx, t uint32) ir.Value
	TableBound(fx *FuncCtx, t uint32) ir.Value

	// GlobalGet and GlobalSet read and write global g. They must not
	// call or write anything a memory's base or bound is loaded from: the
	// translator reuses those across global accesses (heapCache).
	GlobalGet(fx *FuncCtx, g uint32, ty ir.Type) ir.Value
	GlobalSet(fx *FuncCtx, g uint32, v ir.Value)

	// RefFunc returns the funcref value of function f.
	RefFunc(fx *FuncCtx, f uint32) ir.Value

	// Call calls function f (imported or defined); ReturnCall tail-calls
	// it and terminates the block.
	Call(fx *FuncCtx, f uint32, args []ir.Value) []ir.Value
	ReturnCall(fx *FuncCtx, f uint32, args []ir.Value)
	// CallIndirect calls element index (I64, not yet bounds-checked) of
	// table t with type typeIdx, checking bounds, null and signature.
	CallIndirect(fx *FuncCtx, typeIdx, t uint32, index ir.Value, args []ir.Value) []ir.Value
	ReturnCallIndirect(fx *FuncCtx, typeIdx, t uint32, index ir.Value, args []ir.Value)
	// CallRef calls the function reference ref (a funcref value, not yet
	// null-checked) of type typeIdx; ReturnCallRef tail-calls it.
	CallRef(fx *FuncCtx, typeIdx uint32, ref ir.Value, args []ir.Value) []ir.Value
	ReturnCallRef(fx *FuncCtx, typeIdx uint32, ref ir.Value, args []ir.Value)
	// NullCheck traps with code when ref is null, passing detail (I64)
	// to the runtime with the trap: the element index of a null
	// call_indirect, what kind of null reference a trap was.
	NullCheck(fx *FuncCtx, ref ir.Value, code vm.TrapCode, detail ir.Value)

	// Exit performs runtime exit kind with arguments args (I64 each) and
	// returns its I64 result (or NoValue when it has none).
	Exit(fx *FuncCtx, kind vm.ExitKind, args []ir.Value) ir.Value

	// InterruptCheck is called at the function entry and at every loop
	// header. It must emit a side-effecting instruction (a call), so no
	// optimisation removes or hoists it.
	InterruptCheck(fx *FuncCtx)
}

// Trap maps a runtime trap code to the IR trap code the translator emits:
// the IR's built-in codes where one exists, otherwise userN with N the
// vm.TrapCode value. VMTrap is the inverse.
func Trap(c vm.TrapCode) ir.TrapCode {
	switch c {
	case vm.TrapMemoryOutOfBounds:
		return ir.TrapHeapOutOfBounds
	case vm.TrapIntegerDivideByZero:
		return ir.TrapIntegerDivByZero
	case vm.TrapIntegerOverflow:
		return ir.TrapIntegerOverflow
	case vm.TrapBadConversionToInteger:
		return ir.TrapBadConversionToInt
	case vm.TrapStackOverflow:
		return ir.TrapStackOverflow
	}
	return ir.UserTrap(int(c))
}

// VMTrap is the runtime trap code of an IR trap code emitted by the
// translator.
func VMTrap(c ir.TrapCode) vm.TrapCode {
	switch c {
	case ir.TrapHeapOutOfBounds:
		return vm.TrapMemoryOutOfBounds
	case ir.TrapIntegerDivByZero:
		return vm.TrapIntegerDivideByZero
	case ir.TrapIntegerOverflow:
		return vm.TrapIntegerOverflow
	case ir.TrapBadConversionToInt:
		return vm.TrapBadConversionToInteger
	case ir.TrapStackOverflow:
		return vm.TrapStackOverflow
	}
	if n, ok := c.IsUser(); ok {
		return vm.TrapCode(n)
	}
	return vm.TrapNone
}

// Name spaces of the ext funcs the translator and environments declare.
const (
	// NamespaceFunc: u0:N is wasm function N (imported or defined).
	NamespaceFunc = 0
	// NamespaceExit: u1:K is runtime exit vm.ExitKind K; the call passes
	// the vmctx then the exit's arguments, and returns one I64 when the
	// exit has a result. The lowering turns it into the exit sequence.
	NamespaceExit = 1
	// NamespaceCheck: u2:0 is the interrupt/preemption check, called with
	// the vmctx. The lowering expands it into the compare-and-exit.
	NamespaceCheck = 2
)

// exitHasResult says which exits return a value in ExitArgs[0].
func exitHasResult(k vm.ExitKind) bool {
	switch k {
	case vm.ExitMemoryGrow, vm.ExitTableGrow, vm.ExitMemoryAtomicWait, vm.ExitMemoryAtomicNotify:
		return true
	}
	return false
}

// ValType maps a wasm value type to its IR type.
func ValType(t wasm.ValType) ir.Type {
	switch t.Kind {
	case wasm.KindI32:
		return ir.I32
	case wasm.KindI64:
		return ir.I64
	case wasm.KindF32:
		return ir.F32
	case wasm.KindF64:
		return ir.F64
	case wasm.KindV128:
		return ir.I8X16
	}
	return PointerType
}

// WasmSignature builds the IR signature of a wasm function type under the
// kiln convention: callee vmctx, caller vmctx, then the wasm parameters;
// the wasm results. The tail convention makes return_call possible.
func WasmSignature(st *wasm.SubType) ir.Signature {
	sig := ir.Signature{CallConv: ir.CallConvTail}
	sig.Params = make([]ir.AbiParam, 0, 2+len(st.Params))
	sig.Params = append(sig.Params, ir.AbiParam{Type: PointerType, Purpose: ir.PurposeVMContext}, ir.AbiParam{Type: PointerType})
	for _, p := range st.Params {
		sig.Params = append(sig.Params, ir.AbiParam{Type: ValType(p)})
	}
	for _, r := range st.Results {
		sig.Returns = append(sig.Returns, ir.AbiParam{Type: ValType(r)})
	}
	return sig
}

// ExtFunc declares (once per function) the ext func u<ns>:<index> with
// signature sig.
func (fx *FuncCtx) ExtFunc(ns, index uint32, sig func() ir.Signature) ir.FuncRef {
	k := extKey{ns, index}
	if fr, ok := fx.extFuncs[k]; ok {
		return fr
	}
	f := fx.B.Func
	sr := f.ImportSignature(sig())
	fr := f.ImportFunction(ir.ExtFuncData{Name: ir.UserName(ns, index), Sig: sr, Colocated: ns == NamespaceFunc})
	fx.extFuncs[k] = fr
	return fr
}

// SigRef declares (once per function) the IR signature of wasm type typeIdx.
func (fx *FuncCtx) SigRef(env Environment, typeIdx uint32) ir.SigRef {
	if sr, ok := fx.sigs[typeIdx]; ok {
		return sr
	}
	sr := fx.B.Func.ImportSignature(fx.signature(env, typeIdx))
	fx.sigs[typeIdx] = sr
	return sr
}

// Layout is the part of a VM context layout the layout-driven environment
// needs: byte offsets from the vmctx. *vm.Offsets provides it (VMEnv);
// TestLayout is a simpler one for tests.
type Layout interface {
	MemoryBase(i uint32) uint32
	MemoryLength(i uint32) uint32
	TableBase(i uint32) uint32
	TableLength(i uint32) uint32
	GlobalIsImported(i uint32) bool
	Global(i uint32) uint32
	ImportedFuncCode(i uint32) uint32
	ImportedFuncVMCtx(i uint32) uint32
	FuncRef(i uint32) uint32
	TypeID(t uint32) uint32
}

// LayoutEnv is an Environment over a vmctx Layout: memories and tables are
// {base, length} word pairs in the vmctx, globals inline slots (or, when
// imported, pointers to the exporter's slot), functions FuncRef records
// {code, vmctx, type id} (vm.FuncRef*), imported functions {code, vmctx}
// pairs. Direct calls of defined functions are `call u0:N`; imported ones
// load code and vmctx and call_indirect. Runtime exits are calls to u1:K
// and the interrupt check a call to u2:0 (see the Namespace constants).
type LayoutEnv struct {
	L Layout
	// NumImportedFuncs is the count of imported functions (index space
	// prefix).
	NumImportedFuncs uint32
}

// NewVMEnv returns the environment of kiln's runtime for module m: the
// vm.Offsets layout.
func NewVMEnv(m *wasm.Module) *LayoutEnv {
	return &LayoutEnv{L: vm.NewOffsets(m, 8), NumImportedFuncs: uint32(m.NumImportedFuncs)}
}

// TestLayout is a small documented layout for tests. From the vmctx:
//
//	memory i:          base at 16*i, length at 16*i+8          (i < 16)
//	table i:           base at 256+16*i, length at 256+16*i+8  (i < 16)
//	global i:          16-byte slot at 512+16*i (imports inline too)
//	imported func i:   code at 4096+16*i, vmctx at 4096+16*i+8
//	funcref i:         8192+24*i (vm.FuncRef layout)
//	type id t:         65536+4*t
type TestLayout struct{}

func (TestLayout) MemoryBase(i uint32) uint32        { return 16 * i }
func (TestLayout) MemoryLength(i uint32) uint32      { return 16*i + 8 }
func (TestLayout) TableBase(i uint32) uint32         { return 256 + 16*i }
func (TestLayout) TableLength(i uint32) uint32       { return 256 + 16*i + 8 }
func (TestLayout) GlobalIsImported(uint32) bool      { return false }
func (TestLayout) Global(i uint32) uint32            { return 512 + 16*i }
func (TestLayout) ImportedFuncCode(i uint32) uint32  { return 4096 + 16*i }
func (TestLayout) ImportedFuncVMCtx(i uint32) uint32 { return 4096 + 16*i + 8 }
func (TestLayout) FuncRef(i uint32) uint32           { return 8192 + vm.FuncRefSize*i }
func (TestLayout) TypeID(t uint32) uint32            { return 65536 + 4*t }

// NewTestEnv returns a LayoutEnv over TestLayout that calls every function,
// imported or not, directly as u0:N (so an interpreter given all
// translated functions can run calls).
func NewTestEnv() *LayoutEnv { return &LayoutEnv{L: TestLayout{}} }

// Alias regions of the memory the translated code touches, declared in
// every function (RegionDecls). The mid-end's load elimination keeps one
// memory version per region, so a store to linear memory does not force
// the bounds and base words to be reloaded, and a global.set does not
// either. Calls (exits included) end every version: that is where the
// runtime may change a memory's base or length.
const (
	// RegionHeap: linear memories.
	RegionHeap ir.AliasRegion = iota
	// RegionVM: VM context words compiled code never writes (memory and
	// table bases and lengths, function references, type ids, imported
	// functions, global pointers, the store-context pointer).
	RegionVM
	// RegionGlobals: global slots.
	RegionGlobals
	// RegionTables: table elements.
	RegionTables
	numRegions
)

// RegionDecls returns the alias-region declarations for a function.
func RegionDecls() []ir.AliasRegionData { return append([]ir.AliasRegionData(nil), regionDecls...) }

// regionDecls is what RegionDecls returns, made once.
var regionDecls = makeRegionDecls()

func makeRegionDecls() []ir.AliasRegionData {
	names := [numRegions]string{"heap", "vmctx", "globals", "tables"}
	out := make([]ir.AliasRegionData, numRegions)
	for i, n := range names {
		out[i] = ir.AliasRegionData{Declared: true, UserID: uint32(i), Description: n}
	}
	return out
}

var (
	// trustedFlags: VM context words (always valid, aligned, never
	// written by compiled code).
	trustedFlags = ir.TrustedMemFlags.WithRegion(RegionVM)
	// globalFlags: global slots.
	globalFlags = ir.TrustedMemFlags.WithRegion(RegionGlobals)
	// checkedFlags: a table element whose index the translator has
	// already bounds-checked; it cannot fault.
	checkedFlags = ir.MemFlags(0).WithTrapCode(ir.TrapNone).WithRegion(RegionTables)
)

func (e *LayoutEnv) Signature(m *wasm.Module, typeIdx uint32) ir.Signature {
	return WasmSignature(&m.Types[typeIdx])
}

func (e *LayoutEnv) vmLoad(fx *FuncCtx, ty ir.Type, off uint32) ir.Value {
	return fx.B.Load(ir.OpLoad, ty, trustedFlags, fx.VMCtx, int32(off))
}

func (e *LayoutEnv) MemoryBase(fx *FuncCtx, mem uint32) ir.Value {
	return e.vmLoad(fx, PointerType, e.L.MemoryBase(mem))
}

func (e *LayoutEnv) MemoryBound(fx *FuncCtx, mem uint32) ir.Value {
	return e.vmLoad(fx, ir.I64, e.L.MemoryLength(mem))
}

func (e *LayoutEnv) TableBase(fx *FuncCtx, t uint32) ir.Value {
	return e.vmLoad(fx, PointerType, e.L.TableBase(t))
}

func (e *LayoutEnv) TableBound(fx *FuncCtx, t uint32) ir.Value {
	return e.vmLoad(fx, ir.I64, e.L.TableLength(t))
}

func (e *LayoutEnv) globalAddr(fx *FuncCtx, g uint32) (ir.Value, int32) {
	if e.L.GlobalIsImported(g) {
		return e.vmLoad(fx, PointerType, e.L.Global(g)), 0
	}
	return fx.VMCtx, int32(e.L.Global(g))
}

func (e *LayoutEnv) GlobalGet(fx *FuncCtx, g uint32, ty ir.Type) ir.Value {
	p, off := e.globalAddr(fx, g)
	return fx.B.Load(ir.OpLoad, ty, globalFlags, p, off)
}

func (e *LayoutEnv) GlobalSet(fx *FuncCtx, g uint32, v ir.Value) {
	p, off := e.globalAddr(fx, g)
	fx.B.Store(ir.OpStore, globalFlags, v, p, off)
}

func (e *LayoutEnv) RefFunc(fx *FuncCtx, f uint32) ir.Value {
	return fx.B.Iadd(fx.VMCtx, fx.B.Iconst(PointerType, int64(e.L.FuncRef(f))))
}

// callee returns how to call function f: a FuncRef for a direct call, or
// (code, vmctx) values for an imported one.
func (e *LayoutEnv) callee(fx *FuncCtx, f uint32) (ir.FuncRef, ir.Value, ir.Value) {
	if f < e.NumImportedFuncs {
		code := e.vmLoad(fx, PointerType, e.L.ImportedFuncCode(f))
		vmctx := e.vmLoad(fx, PointerType, e.L.ImportedFuncVMCtx(f))
		return 0, code, vmctx
	}
	fr := fx.ExtFunc(NamespaceFunc, f, func() ir.Signature { return fx.signature(e, fx.Module.FuncTypes[f]) })
	return fr, ir.NoValue, fx.VMCtx
}

// withVMCtx returns the arguments of a call to a wasm function: the
// callee's and the caller's VM contexts, then args. The list is fx's
// scratch, valid until the next call of withVMCtx.
func (fx *FuncCtx) withVMCtx(callee, caller ir.Value, args []ir.Value) []ir.Value {
	all := append(fx.argBuf[:0], callee, caller)
	all = append(all, args...)
	fx.argBuf = all
	return all
}

func (e *LayoutEnv) Call(fx *FuncCtx, f uint32, args []ir.Value) []ir.Value {
	fr, code, vmctx := e.callee(fx, f)
	all := fx.withVMCtx(vmctx, fx.VMCtx, args)
	if code == ir.NoValue {
		return fx.B.Call(fr, all...)
	}
	return fx.B.CallIndirect(fx.SigRef(e, fx.Module.FuncTypes[f]), code, all...)
}

func (e *LayoutEnv) ReturnCall(fx *FuncCtx, f uint32, args []ir.Value) {
	fr, code, vmctx := e.callee(fx, f)
	all := fx.withVMCtx(vmctx, fx.VMCtx, args)
	dfg := &fx.B.Func.DFG
	if code == ir.NoValue {
		fx.B.InsData(ir.InstData{Opcode: ir.OpReturnCall, Entity: int32(fr), Args: dfg.NewList(all...)}, ir.Invalid)
		return
	}
	sr := fx.SigRef(e, fx.Module.FuncTypes[f])
	fx.B.InsData(ir.InstData{Opcode: ir.OpReturnCallIndirect, Entity: int32(sr), Args: dfg.NewList(append([]ir.Value{code}, all...)...)}, ir.Invalid)
}

// funcRefOf loads, bounds-checks, null-checks and type-checks element
// index of table t for a call of type typeIdx, returning (code, vmctx).
func (e *LayoutEnv) funcRefOf(fx *FuncCtx, typeIdx, t uint32, index ir.Value) (ir.Value, ir.Value) {
	b := fx.B
	bound := e.TableBound(fx, t)
	oob := b.Icmp(ir.IntUGE, index, bound)
	b.CondTrap(ir.OpTrapnz, oob, Trap(vm.TrapIndirectCallOutOfBounds))
	base := e.TableBase(fx, t)
	addr := b.Iadd(base, b.Binary(ir.OpIshl, index, b.Iconst(ir.I64, 3)))
	ref := b.Load(ir.OpLoad, PointerType, checkedFlags, addr, 0)
	// The index goes with the trap for its message ("uninitialized
	// element 2").
	e.NullCheck(fx, ref, vm.TrapIndirectCallToNull, index)
	got := b.Load(ir.OpLoad, ir.I32, trustedFlags, ref, vm.FuncRefTypeID)
	want := e.vmLoad(fx, ir.I32, e.L.TypeID(typeIdx))
	b.CondTrap(ir.OpTrapnz, b.Icmp(ir.IntNE, got, want), Trap(vm.TrapBadSignature))
	code := b.Load(ir.OpLoad, PointerType, trustedFlags, ref, vm.FuncRefCode)
	vmctx := b.Load(ir.OpLoad, PointerType, trustedFlags, ref, vm.FuncRefVMCtx)
	return code, vmctx
}

func (e *LayoutEnv) CallIndirect(fx *FuncCtx, typeIdx, t uint32, index ir.Value, args []ir.Value) []ir.Value {
	code, vmctx := e.funcRefOf(fx, typeIdx, t, index)
	return fx.B.CallIndirect(fx.SigRef(e, typeIdx), code, fx.withVMCtx(vmctx, fx.VMCtx, args)...)
}

func (e *LayoutEnv) ReturnCallIndirect(fx *FuncCtx, typeIdx, t uint32, index ir.Value, args []ir.Value) {
	code, vmctx := e.funcRefOf(fx, typeIdx, t, index)
	all := append([]ir.Value{code}, fx.withVMCtx(vmctx, fx.VMCtx, args)...)
	fx.B.InsData(ir.InstData{Opcode: ir.OpReturnCallIndirect, Entity: int32(fx.SigRef(e, typeIdx)), Args: fx.B.Func.DFG.NewList(all...)}, ir.Invalid)
}

// NullCheck implements Environment: a branch to a cold block that leaves
// detail in the store context's ExitArgs[1] (where the runtime reads it
// with the trap) and traps. The store happens on the cold edge only.
func (e *LayoutEnv) NullCheck(fx *FuncCtx, ref ir.Value, code vm.TrapCode, detail ir.Value) {
	b := fx.B
	null, cont := b.CreateBlock(), b.CreateBlock()
	b.Brif(ref, cont, nil, null, nil)
	b.SealBlock(null)
	b.SealBlock(cont)
	b.SwitchToBlock(null)
	b.Func.Layout.SetCold(null, true)
	sc := e.vmLoad(fx, PointerType, vm.VMStoreContext)
	// The store context is none of the regions: an unregioned store
	// (the block traps right after it anyway).
	b.Store(ir.OpStore, ir.TrustedMemFlags, detail, sc, vm.SCExitArg(1))
	b.Trap(Trap(code))
	b.SwitchToBlock(cont)
}

// NullFuncRefDetail is the detail of the TrapNullReference of a call_ref
// of null: the runtime words it "null function reference" (the baseline
// tier passes the same value).
const NullFuncRefDetail = 1

// funcRefTarget null-checks a typed function reference and loads its
// code and VM context.
func (e *LayoutEnv) funcRefTarget(fx *FuncCtx, ref ir.Value) (ir.Value, ir.Value) {
	b := fx.B
	e.NullCheck(fx, ref, vm.TrapNullReference, b.Iconst(ir.I64, NullFuncRefDetail))
	code := b.Load(ir.OpLoad, PointerType, trustedFlags, ref, vm.FuncRefCode)
	vmctx := b.Load(ir.OpLoad, PointerType, trustedFlags, ref, vm.FuncRefVMCtx)
	return code, vmctx
}

func (e *LayoutEnv) CallRef(fx *FuncCtx, typeIdx uint32, ref ir.Value, args []ir.Value) []ir.Value {
	code, vmctx := e.funcRefTarget(fx, ref)
	return fx.B.CallIndirect(fx.SigRef(e, typeIdx), code, fx.withVMCtx(vmctx, fx.VMCtx, args)...)
}

func (e *LayoutEnv) ReturnCallRef(fx *FuncCtx, typeIdx uint32, ref ir.Value, args []ir.Value) {
	code, vmctx := e.funcRefTarget(fx, ref)
	all := append([]ir.Value{code}, fx.withVMCtx(vmctx, fx.VMCtx, args)...)
	fx.B.InsData(ir.InstData{Opcode: ir.OpReturnCallIndirect, Entity: int32(fx.SigRef(e, typeIdx)), Args: fx.B.Func.DFG.NewList(all...)}, ir.Invalid)
}

func (e *LayoutEnv) Exit(fx *FuncCtx, kind vm.ExitKind, args []ir.Value) ir.Value {
	n := len(args)
	fr := fx.ExtFunc(NamespaceExit, uint32(kind), func() ir.Signature {
		sig := ir.Signature{CallConv: ir.CallConvTail}
		sig.Params = append(sig.Params, ir.AbiParam{Type: PointerType, Purpose: ir.PurposeVMContext})
		for range n {
			sig.Params = append(sig.Params, ir.AbiParam{Type: ir.I64})
		}
		if exitHasResult(kind) {
			sig.Returns = []ir.AbiParam{{Type: ir.I64}}
		}
		return sig
	})
	res := fx.B.Call(fr, append([]ir.Value{fx.VMCtx}, args...)...)
	if len(res) == 0 {
		return ir.NoValue
	}
	return res[0]
}

func (e *LayoutEnv) InterruptCheck(fx *FuncCtx) {
	fr := fx.ExtFunc(NamespaceCheck, 0, func() ir.Signature {
		return ir.Signature{CallConv: ir.CallConvTail, Params: []ir.AbiParam{{Type: PointerType, Purpose: ir.PurposeVMContext}}}
	})
	fx.B.Call(fr, fx.VMCtx)
}
