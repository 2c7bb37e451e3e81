package vm

import "fmt"

// ExitKind says why compiled code handed control back to Go. Compiled code
// never calls Go: for everything it cannot do alone it jumps to the
// runtime's exit stub for that kind (the address sits in the VM context's
// stub table, Stub(k)) with the address to resume at in ABI.ExitResume:
//
//	amd64:  lea rax, [rip + 1f]; jmp qword [rdi + Stub(k)]; 1:
//	arm64:  adr x17, 1f; ldr x16, [x0, #Stub(k)]; br x16; 1:
//
// The stub records the machine state in the StoreContext and switches to
// the Go stack. Go handles the request and, unless the exit was a trap or
// a return, re-enters at the resume address with the stack as it was at
// the jump: to the compiled code the exit sequence looks like a call that
// clobbers every register (the link register included) except the
// reserved ones (ABI.Reserved) and the callee VM context register, which
// the resume path reloads. It is a jump, not a call, so the CPU's
// return-address predictor stays paired with real calls and returns: a
// call here measured 13 ns per host-call round trip on amd64 against
// 4.8 ns for the jump (every exit mispredicted two returns).
//
// Arguments travel in StoreContext.ExitArgs (written by compiled code
// before the jump); a result comes back in ExitArgs[0]. The table
// exitInfo documents each kind's arguments.
type ExitKind uint32

const (
	// ExitNone: not exited (the StoreContext while code runs).
	ExitNone ExitKind = iota
	// ExitReturn: the outermost function returned to the entry
	// trampoline. Not a stub; the trampoline sets it.
	ExitReturn
	// ExitTrap: stop with a trap. Arg0 = TrapCode, or TrapNone to look the
	// code up in the artifact's trap records by the resume address.
	ExitTrap
	// ExitHostCall: call imported function Arg0 (a host function). Arg1
	// points at a values array (ValueSlotSize bytes per slot) holding the
	// parameters; the runtime overwrites it with the results from slot 0.
	ExitHostCall
	// ExitPreempt: the goroutine's preemption request was seen
	// (StackGuard0 == StackPreempt). Go calls runtime.Gosched (and checks
	// the call's context), then resumes.
	ExitPreempt
	// ExitInterrupt: StoreContext.Interrupt was found non-zero. Go checks
	// the context/deadline and either traps with TrapInterrupted or
	// clears the flag and resumes.
	ExitInterrupt
	// ExitOutOfFuel: StoreContext.Fuel went negative. Go refuels and
	// resumes, or traps with TrapOutOfFuel.
	ExitOutOfFuel
	// ExitMemoryGrow: Arg0 = memory index, Arg1 = delta in pages.
	// Result: the old size in pages, or -1 (all ones). The runtime updates
	// the base/length of every VM context that sees the memory.
	ExitMemoryGrow
	// ExitMemoryFill: Arg0 = memory, Arg1 = dst, Arg2 = byte, Arg3 = len.
	ExitMemoryFill
	// ExitMemoryCopy: Arg0 = dst memory, Arg1 = src memory, Arg2 = dst,
	// Arg3 = src, Arg4 = len.
	ExitMemoryCopy
	// ExitMemoryInit: Arg0 = memory, Arg1 = data segment, Arg2 = dst,
	// Arg3 = src offset, Arg4 = len.
	ExitMemoryInit
	// ExitDataDrop: Arg0 = data segment.
	ExitDataDrop
	// ExitTableGrow: Arg0 = table, Arg1 = delta, Arg2 = init reference.
	// Result: old size or -1. Base/length words are updated as for memory.
	ExitTableGrow
	// ExitTableFill: Arg0 = table, Arg1 = dst, Arg2 = reference, Arg3 = len.
	ExitTableFill
	// ExitTableCopy: Arg0 = dst table, Arg1 = src table, Arg2 = dst,
	// Arg3 = src, Arg4 = len.
	ExitTableCopy
	// ExitTableInit: Arg0 = table, Arg1 = element segment, Arg2 = dst,
	// Arg3 = src offset, Arg4 = len.
	ExitTableInit
	// ExitElemDrop: Arg0 = element segment.
	ExitElemDrop
	// ExitMemoryAtomicWait: Arg0 = memory, Arg1 = address, Arg2 =
	// expected value, Arg3 = timeout ns (-1: none), Arg4 = 4 or 8 (width).
	// Result: 0 ok, 1 not-equal, 2 timed-out.
	ExitMemoryAtomicWait
	// ExitMemoryAtomicNotify: Arg0 = memory, Arg1 = address, Arg2 = count.
	// Result: number of waiters woken.
	ExitMemoryAtomicNotify

	// NumExitKinds is the number of exit kinds; the VM context has a stub
	// slot for each (ExitNone and ExitReturn slots are unused).
	NumExitKinds
)

// NumExitArgs is the number of argument words in StoreContext.ExitArgs.
const NumExitArgs = 6

// exitInfo is one row per exit kind: name and argument count (the rest of
// the contract is in the constant's comment).
var exitInfo = [NumExitKinds]struct {
	name  string
	nargs int
}{
	ExitNone:               {"none", 0},
	ExitReturn:             {"return", 0},
	ExitTrap:               {"trap", 1},
	ExitHostCall:           {"host_call", 2},
	ExitPreempt:            {"preempt", 0},
	ExitInterrupt:          {"interrupt", 0},
	ExitOutOfFuel:          {"out_of_fuel", 0},
	ExitMemoryGrow:         {"memory_grow", 2},
	ExitMemoryFill:         {"memory_fill", 4},
	ExitMemoryCopy:         {"memory_copy", 5},
	ExitMemoryInit:         {"memory_init", 5},
	ExitDataDrop:           {"data_drop", 1},
	ExitTableGrow:          {"table_grow", 3},
	ExitTableFill:          {"table_fill", 4},
	ExitTableCopy:          {"table_copy", 5},
	ExitTableInit:          {"table_init", 5},
	ExitElemDrop:           {"elem_drop", 1},
	ExitMemoryAtomicWait:   {"memory_atomic_wait", 5},
	ExitMemoryAtomicNotify: {"memory_atomic_notify", 3},
}

func (k ExitKind) String() string {
	if k < NumExitKinds {
		return exitInfo[k].name
	}
	return fmt.Sprintf("exit(%d)", uint32(k))
}

// NumArgs returns how many ExitArgs words the exit reads.
func (k ExitKind) NumArgs() int {
	if k < NumExitKinds {
		return exitInfo[k].nargs
	}
	return 0
}

// ValueSlotSize is the size of one slot of a values array (host-call
// parameters and results, array-call entry arguments): wide enough for a
// v128. Integers and references sit in the low bytes, little-endian;
// floats as their IEEE bits.
const ValueSlotSize = 16

// Preemption. A goroutine running machine code cannot be preempted by the
// Go scheduler, so compiled code polls the same word the Go compiler's
// stack-check prologue reads: g.stackguard0, which the runtime sets to the
// stackPreempt sentinel when the scheduler or the GC wants the goroutine
// (GC stop-the-world, sysmon's 10 ms time slice). Compiled code compares
// it at function entries and loop back edges and exits with ExitPreempt
// when it matches. The register holding g is ABI.G.
//
// These values are Go runtime internals (runtime/runtime2.go: g.stack is
// two words, stackguard0 follows; runtime/stack.go: stackPreempt =
// uintptrMask & -1314). kiln/runtime/internal/jit pins both against the
// running Go version in a test, so a release that moves them fails loudly.
const (
	// GStackGuard0Offset is the byte offset of stackguard0 in Go's g on
	// 64-bit targets.
	GStackGuard0Offset = 16
	// StackPreempt is the value of stackguard0 when preemption is
	// requested, on 64-bit targets. As a sign-extended 32-bit immediate
	// it is -1314, so amd64 compares with `cmp qword [r14+16], -1314`.
	StackPreempt uint64 = 0xfffffffffffffade
	// StackPreemptImm32 is StackPreempt as the sign-extended 32-bit
	// immediate amd64's cmp takes.
	StackPreemptImm32 int32 = -1314
)
