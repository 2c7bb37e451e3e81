// Package masm defines the MacroAssembler: the one interface through which
// the baseline compiler's shared code generator (kiln/baseline) emits
// machine code. Everything that depends on an instruction set — register
// names, addressing, fixed-register constraints (x86 division and shifts),
// the exit and trap sequences — lives behind it, in kiln/baseline/isa/<arch>.
// A new ISA implements this interface and needs no change to the shared part.
//
// The interface is deliberately wasm-shaped rather than instruction-shaped:
// one method per family of wasm operators (IntBinary, FloatUnary, Load ...),
// each taking registers the code generator already allocated. Operand
// placement rules that only one ISA has (amd64's rax:rdx for division, cl
// for shifts) are published as clobber sets, so the generator can free those
// registers before asking for the operation.
package masm

import (
	"kiln/encoder"
	"kiln/ir/vm"
)

// Class is a register class.
type Class uint8

const (
	Int Class = iota
	Float
)

// Reg is a hardware register: a class and the ISA's own number within it
// (the numbering of vm.Reg and kiln/encoder).
type Reg struct {
	Class Class
	Num   uint8
}

// IntReg and FloatReg build registers.
func IntReg(n vm.Reg) Reg   { return Reg{Int, uint8(n)} }
func FloatReg(n vm.Reg) Reg { return Reg{Float, uint8(n)} }

// RegSet is a bitset of registers of one class.
type RegSet uint64

// Has reports whether r's number is in the set.
func (s RegSet) Has(n uint8) bool { return s&(1<<n) != 0 }

// With returns the set with n added.
func (s RegSet) With(n uint8) RegSet { return s | 1<<n }

// Size is an operand width in bytes.
type Size uint8

const (
	S8  Size = 1
	S16 Size = 2
	S32 Size = 4
	S64 Size = 8
)

// Label is a code position (the encoder's).
type Label = encoder.Label

// Slot addresses a word of the current frame (by its byte offset below the
// frame pointer) or of the VM context.
type Slot struct {
	Base SlotBase
	Off  int32
}

// SlotBase says what a Slot is relative to.
type SlotBase uint8

const (
	// Frame: Off is the (negative) offset from the frame pointer.
	Frame SlotBase = iota
	// VMCtx: Off is the offset from the VM context.
	VMCtx
	// Incoming: Off is the offset of a stack argument or stack result of
	// the current function from its incoming argument area.
	Incoming
	// Outgoing: Off is the offset into the outgoing argument area at the
	// stack pointer.
	Outgoing
)

// IntOp is an integer binary operator.
type IntOp uint8

const (
	IAdd IntOp = iota
	ISub
	IMul
	IAnd
	IOr
	IXor
	IShl
	IShrS
	IShrU
	IRotl
	IRotr
	IDivS
	IDivU
	IRemS
	IRemU
)

// IsShift reports whether op takes its count in a register the ISA may fix.
func (op IntOp) IsShift() bool { return op >= IShl && op <= IRotr }

// IsDiv reports whether op is a trapping division.
func (op IntOp) IsDiv() bool { return op >= IDivS }

// IntUnOp is an integer unary operator.
type IntUnOp uint8

const (
	IClz IntUnOp = iota
	ICtz
	IPopcnt
	IExtend8S
	IExtend16S
	IExtend32S
)

// Cond is a comparison. Integer comparisons use all of them; float ones
// use Eq, Ne and the signed orderings (meaning ordered float compares).
type Cond uint8

const (
	Eq Cond = iota
	Ne
	LtS
	LtU
	GtS
	GtU
	LeS
	LeU
	GeS
	GeU
)

// negated is each condition's opposite.
var negated = [...]Cond{Eq: Ne, Ne: Eq, LtS: GeS, GeS: LtS, LtU: GeU, GeU: LtU, GtS: LeS, LeS: GtS, GtU: LeU, LeU: GtU}

// Negate returns the condition that holds exactly when c does not
// (integer comparisons).
func (c Cond) Negate() Cond { return negated[c] }

// FloatOp is a float binary operator.
type FloatOp uint8

const (
	FAdd FloatOp = iota
	FSub
	FMul
	FDiv
	FMin
	FMax
	FCopysign
)

// FloatUnOp is a float unary operator.
type FloatUnOp uint8

const (
	FAbs FloatUnOp = iota
	FNeg
	FSqrt
	FCeil
	FFloor
	FTrunc
	FNearest
)

// Conv is a numeric conversion between register classes or widths.
type Conv struct {
	From, To Size
	FromFloat, ToFloat,
	Signed, Saturating bool
}

// Load describes a memory access width and extension.
type Load struct {
	Size   Size // bytes accessed
	Signed bool // sign-extend a narrow integer load
	Wide   bool // result is 64-bit
}

// Ty is a value's register class and width: i32 {Int, S32}, i64 and
// references {Int, S64}, f32 {Float, S32}, f64 {Float, S64}.
type Ty struct {
	Class Class
	Size  Size
}

// MacroAssembler emits one function. Methods record their first error;
// Finish returns it. Registers passed in are owned by the caller; a method
// that produces a value writes it to dst (which may equal a source).
//
// Invariant kept by every implementation: a 32-bit integer in a register
// has its upper bits zero (every 32-bit operation writes them so), so an
// i32 address or exit argument can be used as a 64-bit value directly.
type MacroAssembler interface {
	// Reset prepares the assembler for the next function, keeping its
	// storage; the Code Finish returned stays valid.
	Reset()
	// ABI is the wasm calling convention the code follows.
	ABI() *vm.ABI
	// Allocatable returns the registers of a class the generator may hold
	// values in. The ISA keeps its own scratch registers out of them.
	Allocatable(c Class) RegSet
	// Clobbers returns the integer registers an IntBinary op overwrites
	// beyond dst (amd64 division: rax, rdx; shifts: rcx).
	Clobbers(op IntOp) RegSet
	// FrameHeaderSize is the number of bytes below the frame pointer the
	// ISA keeps for itself (the saved VM context); the generator's slots
	// start below it.
	FrameHeaderSize() int32

	// Buffer is the encoder buffer being filled.
	Buffer() *encoder.Buffer
	NewLabel() Label
	Bind(l Label)
	// SetSrcLoc tags the following code with a wasm module offset.
	SetSrcLoc(loc uint32)

	// PinMemory0, called before Allocatable and Prologue, says whether
	// the function keeps memory 0's base in a register of its own: the
	// prologue loads it, ReloadVMCtx and every exit's resume path reload
	// it (a call or an exit may grow, and so move, the memory), and
	// accesses to memory 0 use it instead of reading the VM context.
	PinMemory0(on bool)
	// Prologue pushes the frame, checks the stack limit, pins and saves
	// the VM context. The frame size is patched in by PatchFrame.
	Prologue()
	// PatchFrame writes the final frame size into the prologue.
	PatchFrame(frameSize int32)
	// Return pops the frame and returns.
	Return()
	// ReloadVMCtx restores the pinned VM context register from the frame
	// after a call clobbered it.
	ReloadVMCtx()
	// ZeroSlots zeroes n 8-byte frame words starting at s (the lowest).
	ZeroSlots(s Slot, n int)

	// Moves between registers, frame slots and immediates.
	Move(sz Size, dst, src Reg)
	LoadSlot(sz Size, dst Reg, s Slot)
	StoreSlot(sz Size, s Slot, src Reg)
	StoreImm(sz Size, s Slot, imm uint64)
	CopySlot(sz Size, dst, src Slot)
	LoadImm(sz Size, dst Reg, imm uint64)
	// LoadIndirect loads dst = [[s] + off] (imported globals).
	LoadIndirect(sz Size, dst Reg, s Slot, off int32)
	StoreIndirect(sz Size, s Slot, off int32, src Reg)

	// Integer arithmetic: dst = dst op src.
	IntBinary(op IntOp, sz Size, dst, src Reg)
	// IntBinaryImm is dst = dst op imm; false if the ISA cannot encode imm
	// (nothing is emitted then).
	IntBinaryImm(op IntOp, sz Size, dst Reg, imm int64) bool
	// IntBinarySlot is dst = dst op [s]; false (nothing emitted) for
	// operators the ISA cannot take from memory.
	IntBinarySlot(op IntOp, sz Size, dst Reg, s Slot) bool
	IntUnary(op IntUnOp, sz Size, dst Reg)
	// IntCompare sets dst to 0/1 = lhs cond rhs.
	IntCompare(c Cond, sz Size, dst, lhs, rhs Reg)
	IntCompareImm(c Cond, sz Size, dst, lhs Reg, imm int64) bool
	IntEqz(sz Size, dst, src Reg)
	// CmpImmOK reports whether IntCompareImm and IntCmpImmBranch accept
	// imm for width sz.
	CmpImmOK(sz Size, imm int64) bool
	// IntCmpBranch jumps to l when lhs c rhs; IntCmpImmBranch compares
	// with an immediate (CmpImmOK). Used when a comparison feeds br_if or
	// if directly, so no 0/1 value is materialised.
	IntCmpBranch(c Cond, sz Size, lhs, rhs Reg, l Label)
	IntCmpImmBranch(c Cond, sz Size, lhs Reg, imm int64, l Label)
	// FloatCmpBranch jumps to l when (lhs c rhs) == when, with wasm's
	// float comparison semantics (every comparison with a NaN is false,
	// so the negation is not another condition).
	FloatCmpBranch(c Cond, sz Size, lhs, rhs Reg, l Label, when bool)
	// ZeroExtend32 clears the upper half (i64.extend_i32_u, i32.wrap_i64).
	ZeroExtend32(dst, src Reg)
	SignExtend32(dst, src Reg)

	FloatBinary(op FloatOp, sz Size, dst, src Reg)
	FloatUnary(op FloatUnOp, sz Size, dst Reg)
	FloatCompare(c Cond, sz Size, dst Reg, lhs, rhs Reg)
	// Convert converts src to dst (different classes or widths); trapping
	// conversions trap on NaN and out-of-range inputs.
	Convert(c Conv, dst, src Reg)
	// Reinterpret moves bits between classes.
	Reinterpret(sz Size, dst, src Reg)

	// Select sets dst = cond != 0 ? dst : other.
	Select(sz Size, dst, other, cond Reg)

	// Control flow.
	Jump(l Label)
	// BranchIfZero / BranchIfNonZero test a condition register of width
	// sz (S32 for i32 conditions, S64 for references).
	BranchIfZero(sz Size, r Reg, l Label)
	BranchIfNonZero(sz Size, r Reg, l Label)
	// JumpTable jumps to targets[idx], or to def when idx >= len(targets).
	// idx is clobbered.
	JumpTable(idx Reg, targets []Label, def Label)
	// Trap exits with code unconditionally.
	Trap(code vm.TrapCode)
	// TrapIfZero traps with code when the 64-bit register r is zero,
	// with detail in ExitArgs[1] (which the runtime uses to word the
	// message).
	TrapIfZero(r Reg, code vm.TrapCode, detail uint64)
	// CheckInterrupts emits the preemption check (and the interrupt flag
	// check when interruptible) at a function entry or loop header. Every
	// register but the VM context is clobbered when the check exits.
	CheckInterrupts(interruptible bool)

	// Memory access with an explicit bounds check against the memory's
	// current length ([vmctx+length]): addr (a zero-extended i32 or an
	// i64) plus offset plus the access size must not exceed it. addr is
	// clobbered.
	LoadMem(is64 bool, base, length int32, l Load, dst, addr Reg, offset uint64)
	StoreMem(is64 bool, base, length int32, sz Size, addr, val Reg, offset uint64)
	// StoreMemImm stores a constant; false (nothing emitted) when the ISA
	// cannot encode imm for width sz.
	StoreMemImm(is64 bool, base, length int32, sz Size, addr Reg, imm uint64, offset uint64) bool

	// Calls. Arguments are already in place; every register is clobbered
	// (ReloadVMCtx after). CallDirect calls a function of this artifact
	// (callee index in the module's function space, resolved by the
	// linker); CallImport calls through the code/vmctx words of an
	// imported function; CallFuncRef calls the FuncRef whose address is
	// in frame slot ref after checking null (TrapIndirectCallToNull) and,
	// when typeIDOff >= 0, that its type id equals [vmctx + typeIDOff]
	// (TrapBadSignature).
	CallDirect(funcIndex uint32)
	CallImport(codeOff, vmctxOff int32)
	CallFuncRef(ref Slot, typeIDOff int32)
	// TailCall* are the same as tail calls: the frame is popped and the
	// callee jumped to; stack arguments were already written to the
	// incoming area.
	TailCallDirect(funcIndex uint32)
	TailCallImport(codeOff, vmctxOff int32)
	TailCallFuncRef(ref Slot, typeIDOff int32)

	// TableElem loads dst = element idx of the table whose base/length
	// words are at the given vmctx offsets, trapping with oob when idx is
	// out of range. idx is consumed (dst may equal it).
	TableElem(base, length int32, idx, dst Reg, oob vm.TrapCode)
	// CallElem is TableElem for call_indirect: out of range traps with
	// TrapIndirectCallOutOfBounds, a null element with
	// TrapIndirectCallToNull and the index in ExitArgs[1] (the spec's
	// message names it). dst must differ from idx, which is preserved.
	CallElem(base, length int32, idx, dst Reg)
	// TableSet stores val into element idx after a bounds check.
	TableSet(base, length int32, idx, val Reg)
	// VMCtxAddr sets dst = vmctx + off.
	VMCtxAddr(dst Reg, off int32)
	// Exit leaves to the runtime with kind k and args already stored with
	// StoreExitArg; the result, if any, is read with LoadExitResult. All
	// registers but the VM context are clobbered.
	StoreExitArg(i int, src Reg)
	StoreExitArgImm(i int, imm uint64)
	Exit(k vm.ExitKind)
	LoadExitResult(sz Size, dst Reg)

	// EndFunction emits the current function's out-of-line code (trap and
	// exit stubs, jump tables). Several functions may share one buffer:
	// each is Prologue ... EndFunction.
	EndFunction()
	// Finish finishes the buffer (constant pool, label resolution) and
	// returns the code of every function emitted since Reset.
	Finish() (*encoder.Code, error)

	// ArrayEntry emits the array-call entry of function funcIndex (see
	// vm.ABI): load the parameters from the values array, call the body
	// (a SymFunc relocation), store the results back from slot 0.
	ArrayEntry(funcIndex uint32, params, results []Ty)
	// HostCall emits the wasm-convention trampoline of imported function
	// importIndex: store the parameters in a values array on its frame,
	// exit with ExitHostCall, return the results from the array.
	HostCall(importIndex uint32, params, results []Ty)
}
