// Package compile is the optimizing tier as a vm.Compiler: it turns a
// validated wasm module into one relocatable vm.Artifact for the runtime.
//
// # Pipeline
//
//	wasm.Module
//	    | per defined function, on Parallelism goroutines:
//	    |   frontend.Translator.Translate   wasm -> IR (vm.Offsets layout)
//	    |   Compiler.Optimize/NewOptimize   the mid-end hook (may be nil)
//	    |   amd64.Compile in wasm mode      lower, regalloc, emit
//	    | plus, as IR built here and compiled the same way:
//	    |   ArrayEntry per defined function (the runtime's entry point)
//	    |   HostCallTrampoline per imported function
//	    v
//	link: one blob, 16-byte aligned functions (bodies, array entries,
//	trampolines), FuncInfo/Imports offsets, trap records and source
//	locations rebased, direct calls patched
//	    v
//	vm.Artifact
//
// # Decisions
//
//   - Calls between functions of the module are rel32 calls patched at
//     link time, so the artifact carries no relocation for them and is
//     position independent; any other relocation is passed through.
//   - Every defined function gets an array entry. A tier could skip those
//     that never escape (not exported, not in a table, not ref.func'd),
//     but the runtime may call any function that reaches a table. One
//     entry per function type is compiled; the others are its code with
//     the call's relocation retargeted (identical IR but for the callee).
//   - Each worker finishes its functions' code into its own
//     encoder.Arena and reuses the back end's code buffers; link copies
//     the code from the arenas into the blob.
//   - Host-call trampolines are IR functions too: they store their
//     parameters into a ValueSlotSize-byte array in a stack slot, exit
//     with ExitHostCall(import index, array) and load the results back.
//   - Back-end panics are turned into errors (a compiler bug must not kill
//     the embedding process); translation errors name the function and
//     the wasm offset.
//   - The mid-end is called through a hook: Compiler.Optimize, shared by
//     the workers, or else one per worker made by Compiler.NewOptimize.
//     New sets NewOptimize to NewMidEnd, so each worker runs kiln's
//     mid-end (kiln/optimizing) through its own optimizing.Optimizer,
//     which keeps the mid-end's tables across the worker's functions; a
//     zero Compiler skips the mid-end (for comparisons and for isolating
//     back-end bugs). The mid-end keeps calls in place, which is what
//     keeps exits and preemption checks in every loop.
//
// # Testing
//
// native_test.go instantiates modules by hand (VM context, memory, table,
// function references, type ids) and runs them through the array entries
// with the small wasm-convention harness of optimizing/isa/amd64/native:
// pure code, traps of every kind the tier emits, stack arguments and
// results, tail calls, memory with bounds checks, memory.grow and host
// calls through exits, call_indirect with its three checks, the
// preemption check (GC latency while a long loop runs) and the interrupt
// check. The spec core suite runs in the spectest subpackage.
//
// # Measurements (linux/amd64, 2 cores shared with other work; 2026-12-07)
//
//   - Spec core scripts (no simd_*), `kiln wast --tier=optimizing`
//     through the runtime: 38178 passed, 0 failed, 1016 skipped (GC,
//     exception handling, SIMD modules). The spectest harness: 38139
//     passed, 0 failed.
//   - Go's strconv test binary (wasip1, 5.3 MB, 3,239 functions, 3.35 MB
//     of code): all tests pass (TestGoWasip1). Compiling it takes about
//     5 s of CPU on one goroutine (0.7 cpu-MB/s of code; mid-end ~30%,
//     register allocation ~20%, translation ~18%, lowering ~15%,
//     emission ~8%) into 15.9 MB of machine code; wazero v1.12's
//     compiler takes 2.1-2.5 s of CPU on the same binary. Running the
//     tests takes 1.24 s of thread CPU against the baseline tier's
//     0.71 s: Go's code is a dispatch loop over many locals, and the
//     register allocator keeps values that only pass through a block in
//     their spill slots, so every edge of the hot loops stores and
//     reloads them (unicode.is32, the hottest function, spends its
//     loop edges on eight stores and reloads each). On small kernels (recursive fib, an array loop) the tier
//     is 1.1-1.2x faster than the baseline.
//
// # Known gaps
//
//   - amd64 only. CompileOptions.Interruptible adds the interrupt-flag
//     test to every check; Fuel is rejected (no fuel accounting yet).
//   - SIMD, atomics, GC and exception-handling operators are rejected by
//     the translator with an error naming the operator.
//   - A tail call whose stack arguments need more room than the caller's
//     own incoming area is rejected by the back end (the contract's open
//     question, see kiln/ir/vm); smaller ones reuse that area.
package compile
