// Package vm is the contract between kiln's compiled code and its runtime:
// the VM context layout, trap codes, the wasm calling convention per ISA,
// the exits compiled code takes into Go, relocation kinds, and the
// Compiler interface and Artifact both compiler tiers produce.
//
// # The problem
//
// kiln has two compiler tiers (a single-pass baseline and an optimizing
// tier) and one runtime. The runtime must run code from either tier, a
// function compiled by one tier must be able to call one compiled by the
// other (tiering), and a module compiled ahead of time must load in another
// process. That works only if everything compiled code assumes about its
// environment is written down once, as data, in a package both sides
// import. The runtime never imports a compiler; the compilers never import
// the runtime. Both import this package (std and kiln/ir/wasm only).
//
// A Go process adds constraints a C runtime does not have (see
// kiln/runtime/internal/jit for the machinery):
//
//   - Go owns the signal handlers, so a fault in machine code kills the
//     process. There are no guard pages and no signal-based traps: every
//     bounds check, stack check and trap is explicit, and a trap is a jump
//     to a runtime stub, not an illegal instruction.
//   - A goroutine running machine code cannot be preempted. Compiled code
//     must poll the goroutine's preemption request (GStackGuard0Offset,
//     StackPreempt) at function entries and loop back edges, or a long
//     loop stalls every stop-the-world GC in the process.
//   - Compiled code never calls Go. It "exits": it records what it wants in
//     the StoreContext and switches back to the Go stack; Go does the work
//     and resumes it. Every register is lost across an exit.
//
// # Data structures
//
// StoreContext (fixed layout, SC* constants) is the per-store activation
// state shared by all instances of a store: the Go SP/FP to return to, the
// wasm SP/FP and resume PC of the last exit, the exit kind and arguments,
// and the interrupt flag and fuel counter. It is separate from the VM
// context because one activation crosses instances: A calls B's export, B
// calls a host function, and B's exit must still find A's Go stack.
//
// The VM context (vmctx) is per instance: a fixed header (VM* constants:
// the store-context pointer, the stack limit, memory 0's base and length,
// the instance handle, the exit stub table) and module-dependent arrays
// whose offsets Offsets computes from a *wasm.Module, like Wasmtime's
// VMOffsets. Every word's doc says who writes it, who reads it and when.
// Memories and tables, imported or not, are stored inline as {base,
// length} copies in every instance that sees them; the runtime rewrites
// the copies when one grows (growth always happens in Go, through an
// exit), so a bounds check is one compare against [vmctx + const] with no
// pointer chase. Imported globals are pointers to the exporter's slot
// (they may be mutable and shared); defined ones are inline 16-byte slots.
// Each function of the module has a FuncRef {code, vmctx, type id} in the
// vmctx; funcref values and table elements point at FuncRefs, so
// call_indirect is load element, null check, compare type id against
// [vmctx + TypeID(t)] (engine-wide canonical ids, so modules agree), load
// the callee vmctx, call.
//
// ABI (ABIAmd64, ABIArm64; ABIFor) is the wasm calling convention as data:
// callee and caller vmctx registers, parameter and result registers per
// class, the stack-argument and stack-result area, the array-call entry
// used by the runtime's trampoline, the g register for the preemption
// check, reserved and scratch registers, stack alignment. No register is
// callee-saved (an exit loses them all), and every frame keeps the frame
// pointer chain.
//
// ExitKind enumerates the exits, each with its arguments in ExitArgs and
// its stub address at [vmctx + Stub(k)]. An exit site is: store arguments,
// put the resume address in ABI.ExitResume and jump to [vmctx + Stub(k)]
// with the callee vmctx register holding the current vmctx; after resuming,
// read a result from ExitArgs[0]. The stub saves the wasm SP/FP and the
// resume address, switches to the Go stack and returns from the entry
// trampoline; resume reloads g, vmctx, SP, FP and jumps to the resume
// address. A trap is the same with ExitTrap, which never resumes; its code
// is in ExitArgs[0] or, for TrapNone, in the artifact's trap record for the
// exit sequence.
//
// Artifact is a compiled module: one code blob, per-function offsets and
// array entries, host-call trampolines per import, relocations (RelocKind,
// numbered as kiln/encoder's), trap records and source locations (code
// offset → wasm module offset) for backtraces. Marshal/Unmarshal give the
// versioned, CRC-32C-checked artifact encoding (the code part of a .cwasm:
// kiln/runtime's Module.Serialize wraps it with the module binary);
// Unmarshal never panics and checks every invariant (Validate), fuzzed by
// FuzzUnmarshal.
//
// # Invariants
//
//   - At every call and exit site the stack pointer is 16-byte aligned and
//     the callee vmctx register holds the current instance's vmctx.
//   - Compiled code never writes ABI.Reserved registers; g stays valid.
//   - Every prologue first pushes the frame pointer pair (so a stack
//     overflow trap has a backtrace), then checks SP - frame >=
//     [vmctx + VMStackLimit] (unsigned) before using its frame;
//     StackReserve bytes below the limit stay available for the push and
//     the exit stubs.
//   - There is no red zone: nothing below SP is live across a call or
//     exit (the runtime runs nested activations there).
//   - Across an exit every register is clobbered except ABI.Reserved and
//     the callee vmctx register (restored from SCExitVMCtx), the link
//     register included (a function with an exit site saves it in its
//     frame record); the stack, the frame and the VM context are
//     preserved.
//   - Every function entry and loop back edge compares
//     [g + GStackGuard0Offset] with StackPreempt and exits with
//     ExitPreempt when equal.
//   - Layout constants are pinned by tests (TestOffsetsPinned,
//     TestStoreContextLayout); changing them is a format change and bumps
//     the .cwasm version.
//
// # Known gaps
//
//   - 64-bit targets only (every word is 8 bytes).
//   - Shared memories grown by another thread: the inline length copies are
//     updated only by the growing store; threads need an atomic reload path.
//   - GC proposal objects (struct/array) and exceptions have no layout or
//     exits yet; TrapArrayOutOfBounds and TrapCastFailure are reserved.
//   - Tail calls need the stack-argument area rule refined (the callee may
//     need more incoming stack space than its caller reserved).
//   - The host-call trampoline is per import; a per-signature trampoline
//     would be smaller for modules with many imports of one type.
package vm
