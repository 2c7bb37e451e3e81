package vm

import (
	"fmt"
	"strings"

	"kiln/ir/wasm"
)

// StoreContext is the per-store (per executing goroutine) part of the
// contract: the state of the current activation that every instance of the
// store shares, so an exit from a function of instance B that was called by
// instance A still finds the Go stack it must return to. Every VM context
// points at it (Offsets.StoreContext). Its layout is fixed — the entry and
// exit trampolines, written in Go assembly, use these offsets as constants
// — and every word is 8 bytes (kiln compiles for 64-bit targets only).
//
// W = written by, R = read by, "code" = compiled code, "tramp" = the
// runtime's assembly trampolines and exit stubs, "Go" = the runtime.
const (
	// SCGoSP, SCGoFP: the Go stack pointer and frame pointer of the
	// entry/resume trampoline's caller. W: tramp at every entry and
	// resume (the goroutine stack may have moved in between). R: the
	// exit stubs and the return path, to switch back to Go.
	SCGoSP = 0
	SCGoFP = 8
	// SCWasmSP, SCWasmFP: the wasm stack pointer and frame pointer at the
	// last exit, as they were at the jump to the exit stub. W: exit
	// stubs. R: the resume trampoline; Go, to walk the frame-pointer chain
	// for a backtrace (starting at WasmFP with PC = ResumePC).
	SCWasmSP = 16
	SCWasmFP = 24
	// SCResumePC: the resume address the exit site passed in
	// ABI.ExitResume, the instruction after the exit sequence. W: exit stubs. R: resume trampoline; Go (trap PC, the
	// innermost backtrace frame).
	SCResumePC = 32
	// SCExitVMCtx: the VM context register at the exit. W: exit stubs.
	// R: the resume trampoline (restores ABI.CalleeVMCtx); Go (which
	// instance exited).
	SCExitVMCtx = 40
	// SCExitKind: an ExitKind (low 4 bytes). W: exit stubs and the entry
	// trampoline (ExitReturn). R: Go after each entry/resume returns.
	SCExitKind = 48
	// SCExitArgs: NumExitArgs argument words. W: code before calling an
	// exit stub; Go for the result (ExitArgs[0]) before resuming. R: Go;
	// code after resuming.
	SCExitArgs = 56
	// SCInterrupt: non-zero asks running code to exit with ExitInterrupt
	// at its next check (4 bytes, compared as a 32-bit word). W: any
	// goroutine (atomically), e.g. on context cancellation. R: code at
	// loop back edges and function entries, when the module was compiled
	// with CompileOptions.Interruptible.
	SCInterrupt = 104
	// SCFuel: remaining fuel as a signed 64-bit count; code subtracts the
	// cost of each block and exits with ExitOutOfFuel when it goes negative.
	// W: Go (refuel), code. R: code (when compiled with Fuel).
	SCFuel = 112
	// SCEntrySP: the wasm stack pointer just below the entry trampoline's
	// frame of the innermost activation; backtraces stop at frames at or
	// above it. W: Go before each entry. R: Go.
	SCEntrySP = 120
	// SCEntryFP: the frame pointer the outermost wasm frame of the
	// innermost activation saved (0 for the first activation): a
	// backtrace stops when the chain reaches it. W: tramp at entry.
	// R: Go.
	SCEntryFP = 128
	// SCGoLR: the link register of the entry/resume trampoline's caller
	// (arm64 and other link-register ISAs: the Go return address is not
	// on the stack). W: tramp at entry and resume. R: exit stubs and the
	// return path.
	SCGoLR = 136

	// StoreContextSize is the size of the store context in bytes.
	StoreContextSize = 144
)

// SCExitArg returns the offset of ExitArgs[i] in the store context.
func SCExitArg(i int) int32 { return int32(SCExitArgs + 8*i) }

// The fixed header of every VM context. Compiled code addresses these
// with constants; the module-dependent arrays follow at offsets computed
// by NewOffsets.
const (
	// VMStoreContext: pointer to the StoreContext. W: Go at instantiation.
	// R: exit stubs and trampolines (via the VM context register), code
	// (interrupt flag, fuel).
	VMStoreContext = 0
	// VMStackLimit: the lowest address the wasm stack may grow down to,
	// plus StackReserve. Every function prologue checks
	// SP - frame size >= StackLimit (unsigned) and traps with
	// TrapStackOverflow otherwise. W: Go at instantiation (one wasm stack
	// per store; the same limit in every instance). R: code.
	VMStackLimit = 8
	// VMMemory0Base, VMMemory0Length: memory 0's base address and current
	// length in bytes. Memory 0 sits here, at small offsets, so the
	// common case needs short displacements; other memories are in the
	// Memories array. The base never changes (memories are reserved at
	// their maximum size up front); the length changes on memory.grow.
	// W: Go at instantiation and whenever the memory grows (through any
	// instance that sees it, so an imported memory's copies stay in
	// step). R: code on every bounds check. Zero if the module has no
	// memory.
	VMMemory0Base   = 16
	VMMemory0Length = 24
	// VMInstance: an opaque handle to the Go-side instance. W: Go. R: Go
	// (from SCExitVMCtx, to find which instance exited). Code never reads
	// it.
	VMInstance = 32
	// VMStubs: NumExitKinds code addresses, the exit stub per ExitKind.
	// W: Go at instantiation. R: code (`jmp [vmctx + Stub(k)]`).
	VMStubs = 40

	// VMHeaderSize is the size of the fixed header.
	VMHeaderSize = VMStubs + 8*int(NumExitKinds)
)

// StackReserve is how far below VMStackLimit the wasm stack still has room:
// enough for the exit stubs and the trap path after a failed prologue
// check. The runtime sets StackLimit = lowest usable address + StackReserve.
const StackReserve = 4096

// FuncRef layout: what a funcref value points at, and what a table element
// (a pointer-sized word, 0 for null) points at. Each instance holds one
// FuncRef per function of its module in its VM context (Offsets.FuncRef),
// so ref.func and the runtime's table initialisation hand out pointers into
// the owning instance. W: Go at instantiation. R: code for call_indirect,
// call_ref: load the element, null check, compare the type id, load vmctx,
// call code.
const (
	FuncRefCode   = 0  // entry point, wasm calling convention
	FuncRefVMCtx  = 8  // callee VM context
	FuncRefTypeID = 16 // engine-wide canonical type id (4 bytes)
	FuncRefSize   = 24
)

// Offsets is the layout of one module's VM context: the fixed header above,
// then per-module arrays, each entry naturally aligned (defined globals'
// slots 16-byte aligned). Compiled code of both tiers addresses everything
// through it, so a function compiled by one tier can call one compiled by
// the other. Offsets are in bytes from the VM context pointer. The runtime
// allocates Size bytes, 16-byte aligned and never moved (Go's heap does not
// move objects; kiln/runtime/internal/jit.NewVMContext), and keeps every
// object the words point at alive itself, since they are stored as
// integers.
type Offsets struct {
	PtrSize int

	NumTypes, NumImportedFuncs, NumFuncs      uint32
	NumImportedMemories, NumMemories          uint32
	NumImportedTables, NumTables              uint32
	NumImportedGlobals, NumGlobals            uint32
	NumDataSegments, NumElemSegments          uint32
	memories, tables, globalPtrs, globalSlots uint32
	importedFuncs, funcRefs, typeIDs          uint32
	dataDropped, elemDropped                  uint32
	size                                      uint32
}

// GlobalSlotSize is the size of a defined global's inline slot (a v128).
const GlobalSlotSize = 16

// ImportedFuncSize is the size of one imported-function entry: the code
// address (wasm calling convention) and the callee VM context.
const ImportedFuncSize = 16

// NewOffsets computes the VM context layout for m. kiln compiles for 64-bit
// targets only: every word of the layout is 8 bytes, and ptrSize (recorded
// for the day a 32-bit target appears) must be 8.
func NewOffsets(m *wasm.Module, ptrSize int) *Offsets {
	o := &Offsets{
		PtrSize:             ptrSize,
		NumTypes:            uint32(len(m.Types)),
		NumImportedFuncs:    uint32(m.NumImportedFuncs),
		NumFuncs:            uint32(len(m.FuncTypes)),
		NumImportedMemories: uint32(m.NumImportedMemories),
		NumMemories:         uint32(len(m.MemTypes)),
		NumImportedTables:   uint32(m.NumImportedTables),
		NumTables:           uint32(len(m.TableTypes)),
		NumImportedGlobals:  uint32(m.NumImportedGlobals),
		NumGlobals:          uint32(len(m.GlobalTypes)),
		NumDataSegments:     uint32(len(m.Datas)),
		NumElemSegments:     uint32(len(m.Elems)),
	}
	// A module that did not come from the decoder may disagree with
	// itself; clamp so the layout is still well formed.
	o.NumImportedFuncs = min(o.NumImportedFuncs, o.NumFuncs)
	o.NumImportedMemories = min(o.NumImportedMemories, o.NumMemories)
	o.NumImportedTables = min(o.NumImportedTables, o.NumTables)
	o.NumImportedGlobals = min(o.NumImportedGlobals, o.NumGlobals)
	off := uint32(VMHeaderSize)
	take := func(n uint32, align uint32) uint32 {
		off = (off + align - 1) &^ (align - 1)
		at := off
		off += n
		return at
	}
	extra := uint32(0)
	if o.NumMemories > 1 {
		extra = o.NumMemories - 1
	}
	o.memories = take(16*extra, 8)
	o.tables = take(16*o.NumTables, 8)
	o.globalPtrs = take(8*o.NumImportedGlobals, 8)
	o.globalSlots = take(GlobalSlotSize*(o.NumGlobals-o.NumImportedGlobals), 16)
	o.importedFuncs = take(ImportedFuncSize*o.NumImportedFuncs, 8)
	o.funcRefs = take(FuncRefSize*o.NumFuncs, 8)
	o.typeIDs = take(4*o.NumTypes, 8)
	o.dataDropped = take(o.NumDataSegments, 1)
	o.elemDropped = take(o.NumElemSegments, 1)
	o.size = take(0, 16)
	return o
}

// Size is the VM context's size in bytes (a multiple of 16).
func (o *Offsets) Size() uint32 { return o.size }

// MemoryBase returns the offset of memory i's base address: VMMemory0Base
// for memory 0, an entry of the memories array otherwise. Every memory,
// imported or defined, has its own copy here, kept current by the runtime
// (see VMMemory0Base).
func (o *Offsets) MemoryBase(i uint32) uint32 {
	if i == 0 {
		return VMMemory0Base
	}
	return o.memories + 16*(i-1)
}

// MemoryLength returns the offset of memory i's current length in bytes
// (a 64-bit word).
func (o *Offsets) MemoryLength(i uint32) uint32 { return o.MemoryBase(i) + 8 }

// TableBase returns the offset of table i's element array address. Each
// element is a pointer-sized word: for funcref tables 0 (null) or the
// address of a FuncRef; for externref tables an opaque non-zero handle or
// 0. Like memories, imported tables have a copy here kept current by the
// runtime (table.grow may move the array). W: Go. R: code.
func (o *Offsets) TableBase(i uint32) uint32 { return o.tables + 16*i }

// TableLength returns the offset of table i's current element count (a
// 64-bit word).
func (o *Offsets) TableLength(i uint32) uint32 { return o.TableBase(i) + 8 }

// GlobalIsImported reports whether global i is imported, i.e. whether its
// word holds a pointer to the storage rather than the value.
func (o *Offsets) GlobalIsImported(i uint32) bool { return i < o.NumImportedGlobals }

// Global returns the offset of global i's word. For an imported global it
// holds the address of the exporter's GlobalSlotSize-byte slot (load it,
// then access the value through it); for a defined global it is the slot
// itself (the value, little-endian, in the low bytes). W: Go at
// instantiation (the initial value / the pointer); code for global.set.
// R: code.
func (o *Offsets) Global(i uint32) uint32 {
	if i < o.NumImportedGlobals {
		return o.globalPtrs + 8*i
	}
	return o.globalSlots + GlobalSlotSize*(i-o.NumImportedGlobals)
}

// ImportedFuncCode returns the offset of imported function i's code
// address: the callee's compiled entry when the import is a wasm function
// of another instance, or the artifact's host-call trampoline for that
// import (Artifact.Imports) when it is a host function. W: Go at
// instantiation. R: code for `call` of an import.
func (o *Offsets) ImportedFuncCode(i uint32) uint32 { return o.importedFuncs + ImportedFuncSize*i }

// ImportedFuncVMCtx returns the offset of the VM context to pass as the
// callee's (the exporting instance's, or this instance's own for a host
// function).
func (o *Offsets) ImportedFuncVMCtx(i uint32) uint32 { return o.ImportedFuncCode(i) + 8 }

// FuncRef returns the offset of the FuncRef of function i (imported or
// defined) in this instance. ref.func i yields vmctx + FuncRef(i).
func (o *Offsets) FuncRef(i uint32) uint32 { return o.funcRefs + FuncRefSize*i }

// TypeID returns the offset of the engine-wide canonical id (4 bytes) of
// the module's type index t. Structurally equivalent types of any module
// of one engine get the same id, so call_indirect compares
// `[elem + FuncRefTypeID]` against `[vmctx + TypeID(t)]`. W: Go at
// instantiation. R: code.
func (o *Offsets) TypeID(t uint32) uint32 { return o.typeIDs + 4*t }

// DataDropped returns the offset of data segment i's "dropped" byte
// (non-zero once dropped). W: Go (data.drop, instantiation). R: Go only
// today; kept here so a tier may inline memory.init's checks later.
func (o *Offsets) DataDropped(i uint32) uint32 { return o.dataDropped + i }

// ElemDropped is DataDropped for element segments.
func (o *Offsets) ElemDropped(i uint32) uint32 { return o.elemDropped + i }

// Stub returns the offset of the exit stub address for kind k.
func Stub(k ExitKind) uint32 { return VMStubs + 8*uint32(k) }

// String prints the layout, one region per line, for tests and dumps.
func (o *Offsets) String() string {
	var b strings.Builder
	row := func(name string, off uint32, n uint32, each uint32) {
		fmt.Fprintf(&b, "%-14s %5d  %d x %d\n", name, off, n, each)
	}
	row("store_context", VMStoreContext, 1, 8)
	row("stack_limit", VMStackLimit, 1, 8)
	row("memory0", VMMemory0Base, 1, 16)
	row("instance", VMInstance, 1, 8)
	row("stubs", VMStubs, uint32(NumExitKinds), 8)
	extra := uint32(0)
	if o.NumMemories > 1 {
		extra = o.NumMemories - 1
	}
	row("memories", o.memories, extra, 16)
	row("tables", o.tables, o.NumTables, 16)
	row("global_ptrs", o.globalPtrs, o.NumImportedGlobals, 8)
	row("global_slots", o.globalSlots, o.NumGlobals-o.NumImportedGlobals, GlobalSlotSize)
	row("imported_funcs", o.importedFuncs, o.NumImportedFuncs, ImportedFuncSize)
	row("func_refs", o.funcRefs, o.NumFuncs, FuncRefSize)
	row("type_ids", o.typeIDs, o.NumTypes, 4)
	row("data_dropped", o.dataDropped, o.NumDataSegments, 1)
	row("elem_dropped", o.elemDropped, o.NumElemSegments, 1)
	fmt.Fprintf(&b, "size           %5d\n", o.size)
	return b.String()
}
