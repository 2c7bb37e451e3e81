// Package jit runs machine code produced by kiln's compilers inside a Go
// process, without cgo: executable memory, wasm stacks, the assembly
// trampolines between Go and compiled code, the exit-and-resume loop, the
// preemption and interrupt checks' Go side, and backtraces. The layout and
// conventions it implements are the contract in kiln/ir/vm; this package is
// the runtime's half of it.
//
// # The problem
//
// A Go process is a hostile place for foreign machine code:
//
//   - Go owns every signal handler. A SIGSEGV or SIGILL in code the Go
//     runtime does not know is fatal (recover cannot catch it), so traps
//     cannot be implemented the usual way — guard pages for bounds checks,
//     ud2 for unreachable, a guard page for stack overflow. kiln's compiled
//     code checks every bound explicitly and calls an exit stub to trap.
//   - Goroutine stacks move (they are copied when they grow) and are small;
//     Go's own functions check them in every prologue. Compiled code has no
//     such checks against Go's limit, may recurse deeply, and holds raw
//     pointers into its stack. It therefore runs on a separate wasm stack
//     (Stack): mmap'd memory that never moves, with an explicit stack-limit
//     check in every compiled prologue (vm.VMStackLimit) and a PROT_NONE page
//     below it as a last line of defence (a bug then crashes instead of
//     silently corrupting memory — the fault itself is still fatal).
//   - A goroutine running machine code cannot be preempted: Go's
//     cooperative preemption happens in Go prologues, and its asynchronous
//     preemption signal (SIGURG) only stops at Go safe points, which
//     foreign code has none of. A long wasm loop would stall every
//     stop-the-world GC in the process for its whole duration. Compiled
//     code therefore polls the goroutine's own preemption request word,
//     g.stackguard0 (vm.GStackGuard0Offset, vm.StackPreempt), at function
//     entries and loop back edges, and exits with vm.ExitPreempt when it is
//     set; Call then yields through a non-inlined Go function whose own
//     prologue takes the runtime's preemption path (yieldForPreemption:
//     a bare runtime.Gosched only requeues the goroutine, and a GC stack
//     scan waiting for it can miss that window; measured under load, the
//     worst GC fell from 0.8-1.8 s to 60-80 ms). This is the same word Go's own
//     prologues read, set by the GC (stop the world, stack scans) and by
//     sysmon (every goroutine that ran 10 ms). A flag written by a Go
//     goroutine cannot replace it: once the GC starts stopping the world, a
//     flag-setting goroutine may never get to run.
//   - Compiled code cannot call Go functions (different ABI, no stack maps,
//     Go code must not run on the wasm stack). Everything that needs Go —
//     host functions, memory.grow, bulk table operations, yielding,
//     trapping — is an exit: the code jumps to the exit stub for the kind
//     with a resume address in a register, the stub records the machine
//     state in the store context and returns to the Go caller of the
//     trampoline; Go handles the request and resumes at that address.
//
// # The trampolines (entry_amd64.s, entry_arm64.s, stubs_*.s)
//
// All are ABI0 assembly functions with no frame (NOSPLIT|NOFRAME):
//
//	enter(code, vmctx, stack, values, n)
//	    save Go SP/FP (arm64: and LR) in the store context; load g into
//	    R14 (amd64: from TLS; arm64 keeps g in R28 always); switch SP to
//	    the wasm stack; FP = 0 (the end of the frame chain); call the
//	    array-call entry with the callee/caller vmctx, values array and
//	    count in the convention's registers. A normal return comes back
//	    here and returns to Go with vm.ExitReturn.
//	stub_<kind> (one per vm.ExitKind, generated from the contract)
//	    reached by a jump (vm.ABI.ExitResume holds the resume address):
//	    record the kind, then exitcommon: save the resume address, the
//	    wasm SP and FP and the vmctx; restore the Go SP/FP/LR; return —
//	    from enter or resume, whichever entered last.
//	resume(sc)
//	    save Go SP/FP/LR afresh (the goroutine stack may have moved while
//	    Go handled the exit); reload g, vmctx, wasm SP/FP; jump to the
//	    resume PC.
//
// The ABI0 boundary is what makes clobbering safe: Go's wrapper around an
// ABI0 call restores its fixed registers (R14 = g, X15 = 0 on amd64)
// afterwards, so compiled code may use X15 and every register not in
// vm.ABI.Reserved. The offsets the assembly uses come from abi.h, which
// TestABIHeader regenerates from kiln/ir/vm (with -update) and checks, so
// the assembly cannot drift from the contract. On arm64, freshly written
// code is made visible to instruction fetch with dc cvau / ic ivau
// (icache_arm64.s; Windows uses FlushInstructionCache).
//
// # Exits and the call loop (machine.go)
//
// A Machine is one store's execution state: a StoreContext (the Go mirror
// of vm's store-context layout, pinned by TestStoreContextMatchesContract)
// and a Stack. Machine.Call enters and then loops: ExitReturn ends the
// call; ExitPreempt yields (yieldForPreemption) and also checks the context,
// so even code compiled without interrupt checks stops within about 10 ms
// of cancellation (sysmon's time slice); ExitInterrupt (the context's
// AfterFunc set StoreContext.Interrupt) traps with TrapInterrupted if the
// context is done; ExitTrap builds a *Trap with a backtrace; everything
// else goes to the runtime's ExitHandler. Arguments travel on the wasm
// stack (a Go slice may itself be on the movable goroutine stack). A
// handler may call back into compiled code: the nested activation runs
// below the suspended one on the same wasm stack, and the outer store
// context is saved and restored around it. Every register is lost across
// an exit except the vmctx register, which resume restores. A panic in a
// handler unwinds out of Call like any Go panic (the abandoned wasm frames
// are dead stack) and the Machine stays usable; the embedding layer turns
// host panics into errors.
//
// # Backtraces (trap.go)
//
// Every compiled function keeps the frame-pointer chain: [FP] is the
// caller's FP and [FP+8] the return address (amd64 push rbp; arm64 stp
// x29, x30). Machine.Backtrace starts at the last exit's resume PC and
// wasm FP and follows the chain until it reaches the 0 that enter put in
// FP, then continues with each suspended outer activation. It reads only
// addresses inside the wasm stack and requires FPs to increase, so a
// corrupt chain ends the walk instead of faulting. Symbolize maps a return
// (or resume) address to (function, wasm offset) through the artifact's
// address map, looking at PC-1 (the call or exit instruction).
//
// # Memory (code.go, stack.go, mem_*.go)
//
// Code is mapped read-write, filled (LoadArtifact applies relocations
// there), then switched to read-execute before anything runs it: never
// writable and executable at once. Mappings are released by Close or by a
// runtime.AddCleanup when the Code or Stack becomes unreachable, so a
// caller keeps them alive while code runs (Call does). mmap/mprotect via
// golang.org/x/sys/unix; VirtualAlloc/VirtualProtect on Windows; other
// platforms and architectures build a stub (Supported = false,
// ErrUnsupported) and the runtime uses the interpreter.
//
// # What was measured (linux/amd64, 2 shared cores; see bench_test.go)
//
//   - enter + return of a trivial function: ≈2.4 ns (BenchmarkEnterReturn);
//     Machine.Call with its bookkeeping (context, values copied to the
//     wasm stack, exit loop) ≈13.5 ns, no allocation (BenchmarkCall).
//   - exit-and-resume host call round trip, Go handler included: ≈4.8 ns
//     (BenchmarkHostCallRoundTrip). With the first design, in which an
//     exit site *called* the stub, it was ≈13 ns: the stub's return to Go
//     never matched the return address the call had pushed on the CPU's
//     return-stack predictor, so every exit mispredicted two returns.
//     Jumping to the stub keeps the predictor paired.
//   - the preemption check (one load-compare with g and a not-taken
//     branch) on a one-add loop body: 0.246 ns per iteration without,
//     0.244 with (BenchmarkLoop) — within noise; an earlier code layout
//     of the same loop measured 0.25 → 0.43 ns, so expect anywhere from
//     zero to one extra cycle per back edge.
//   - worst runtime.GC() latency while a 2 s wasm loop runs:
//     7–15 ms, p50 ≈0.5 ms (TestPreemptionGCLatency, logged); a pure Go
//     busy loop gives ≈12 ms on the same machine. Under qemu (arm64) 7 ms.
//     The same loop without the check (a throwaway run of sumloopnochk):
//     a 1.1 s call held runtime.GC() for 1.1 s.
//
// # Known gaps
//
//   - Signals: a fault in compiled code is fatal by design; nothing here
//     tries to catch one.
//   - Shared memories and threads: one Machine runs one call at a time;
//     wasm threads would need one Machine per thread and atomic length
//     updates.
//   - Fuel: the exit exists and is passed to the ExitHandler; the runtime
//     decides refuelling policy.
//   - Only amd64 and arm64 have trampolines; riscv64 and s390x would add an
//     entry_<arch>.s and a stubs_<arch>.s row in the generator.
package jit
