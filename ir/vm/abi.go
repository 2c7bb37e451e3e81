package vm

import "fmt"

// Reg is a hardware register number in an ISA's own numbering: amd64
// general registers 0-15 (RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8-R15)
// and XMM0-15 as 0-15 of the float class; arm64 X0-X30 (31 = SP) and
// V0-V31. These are the numbers kiln/encoder/amd64 and encoder/arm64 use.
type Reg uint8

// ABI is the wasm calling convention of one ISA, as data. Both tiers use it
// for every wasm-to-wasm call (direct, imported, indirect, call_ref), so a
// function compiled by either tier can call one compiled by the other.
//
// Arguments: the callee's VM context in CalleeVMCtx and the caller's in
// CallerVMCtx, then integer/reference parameters in IntParams and float/
// vector parameters in FloatParams, in parameter order, each class
// independently; the rest go on the stack in parameter order, one 8-byte
// slot each (16 bytes, 16-aligned, for v128), starting at the stack pointer
// at the call instruction (amd64: just above the return address in the
// callee). Results: the first integer results in IntResults, the first
// float results in FloatResults; the rest are written by the callee into
// the caller's outgoing stack area at the same slots stack parameters use
// (the caller reserves max(stack params, stack results) bytes).
//
// No register is callee-saved: every exit to Go loses all registers
// anyway (a host call deep in a callee would otherwise have to restore the
// caller's callee-saved registers), so a call clobbers everything but the
// Reserved registers. The frame pointer is the exception: every function
// keeps the chain (push FP / set FP on entry, restore on return) so the
// runtime can walk the stack for backtraces; the saved FP sits at [FP] and
// the return address at [FP + ptr] (amd64) or [FP + 8] as the stp
// x29, x30 pair (arm64).
//
// Array calls: the entry trampoline calls an exported function through an
// array-call entry (Artifact FuncInfo.ArrayEntry) with the callee VM
// context in CalleeVMCtx, the caller's in CallerVMCtx (the same for the
// outermost call), the address of a values array (ValueSlotSize-byte slots,
// parameters in, results out from slot 0) in ArrayValues and the number of
// slots in ArrayCount.
type ABI struct {
	Arch    string // GOARCH name
	PtrSize int

	CalleeVMCtx, CallerVMCtx Reg

	IntParams, FloatParams   []Reg
	IntResults, FloatResults []Reg

	ArrayValues, ArrayCount Reg

	// G holds the running goroutine's g for the preemption check
	// (cmp [G + GStackGuard0Offset], StackPreempt). The entry and resume
	// trampolines load it; compiled code never writes it.
	G Reg
	// SP, FP and (arm64) LR are the stack pointer, frame pointer and link
	// register.
	SP, FP, LR Reg
	HasLR      bool
	// Reserved registers are never allocated or written by compiled code:
	// SP, FP (outside the prologue/epilogue), G and platform registers.
	Reserved []Reg
	// ExitResume holds the resume address when compiled code jumps to an
	// exit stub (see ExitKind).
	ExitResume Reg
	// Scratch registers may be clobbered by any call sequence, veneer or
	// exit stub between the last argument move and the callee's first
	// instruction; compilers must not pass anything in them.
	Scratch []Reg
	// StackAlign is the stack pointer alignment at every call instruction.
	StackAlign int
}

// amd64 register numbers.
const (
	amd64RAX Reg = iota
	amd64RCX
	amd64RDX
	amd64RBX
	amd64RSP
	amd64RBP
	amd64RSI
	amd64RDI
	amd64R8
	amd64R9
	amd64R10
	amd64R11
	amd64R12
	amd64R13
	amd64R14
	amd64R15
)

// ABIAmd64 is the x86-64 wasm calling convention. It looks like System V
// with the two VM contexts as the first two arguments. R14 holds g (as in
// Go's own ABIInternal); R11 is the exit stubs' scratch register; RAX
// carries the resume address to an exit stub.
var ABIAmd64 = &ABI{
	Arch:         "amd64",
	PtrSize:      8,
	CalleeVMCtx:  amd64RDI,
	CallerVMCtx:  amd64RSI,
	IntParams:    []Reg{amd64RDX, amd64RCX, amd64R8, amd64R9},
	FloatParams:  []Reg{0, 1, 2, 3, 4, 5, 6, 7},
	IntResults:   []Reg{amd64RAX, amd64RDX},
	FloatResults: []Reg{0, 1},
	ArrayValues:  amd64RDX,
	ArrayCount:   amd64RCX,
	G:            amd64R14,
	SP:           amd64RSP,
	FP:           amd64RBP,
	Reserved:     []Reg{amd64RSP, amd64RBP, amd64R14},
	ExitResume:   amd64RAX,
	Scratch:      []Reg{amd64R11},
	StackAlign:   16,
}

// ABIArm64 is the AArch64 wasm calling convention. X28 is Go's g register
// and X18 the platform register: compiled code never touches either.
// X16/X17 (IP0/IP1) are scratch for veneers and the exit stubs; X17
// carries the resume address to an exit stub, X16 the stub's address.
var ABIArm64 = &ABI{
	Arch:         "arm64",
	PtrSize:      8,
	CalleeVMCtx:  0,
	CallerVMCtx:  1,
	IntParams:    []Reg{2, 3, 4, 5, 6, 7},
	FloatParams:  []Reg{0, 1, 2, 3, 4, 5, 6, 7},
	IntResults:   []Reg{0, 1},
	FloatResults: []Reg{0, 1},
	ArrayValues:  2,
	ArrayCount:   3,
	G:            28,
	SP:           31,
	FP:           29,
	LR:           30,
	HasLR:        true,
	Reserved:     []Reg{18, 28, 29, 31},
	ExitResume:   17,
	Scratch:      []Reg{16, 17},
	StackAlign:   16,
}

// abis is the registry of calling conventions by GOARCH name.
var abis = []*ABI{ABIAmd64, ABIArm64}

// ABIFor returns the wasm calling convention for a GOARCH name.
func ABIFor(arch string) (*ABI, error) {
	for _, a := range abis {
		if a.Arch == arch {
			return a, nil
		}
	}
	return nil, fmt.Errorf("vm: no wasm calling convention for %q", arch)
}

// IsReserved reports whether r (integer class) is reserved.
func (a *ABI) IsReserved(r Reg) bool {
	for _, x := range a.Reserved {
		if x == r {
			return true
		}
	}
	return false
}
