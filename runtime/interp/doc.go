// Package interp is kiln's interpreter tier: an execution strategy of
// runtime/internal/store that runs validated WebAssembly on any GOARCH
// with nothing but memory allocation.
//
// # The problem
//
// The interpreter is the tier that always works: on platforms without a
// compiler backend, for differential testing of the compiled tiers, and
// for the spec test suite. It must implement every instruction kiln
// validates that a tier is expected to run (the wasm 2.0 core with SIMD,
// tail calls, extended-const, multi-memory, memory64/table64, bulk memory,
// reference types, typed function references, exception handling (and its
// legacy instructions), GC, threads' atomics),
// behave exactly like the
// compiled tiers at the edges (traps, stack exhaustion, interruption,
// fuel), and be fast enough that nobody needs a JIT for tests. Walking
// the wasm bytes directly would re-decode LEB128 immediates and search for
// block ends on every branch.
//
// # Data structures
//
// Prepare translates each function once, alongside a FuncValidator that
// supplies the operand types between operators, into a function: a dense
// []instr (op uint16, a, b uint32, c uint64; one shape for all so the
// dispatch loop is one indexed switch that Go compiles to a jump table),
// a parallel []uint32 of module offsets for backtraces, a br_table target
// array and the high words of v128 constants. Wasm operators keep their
// numbers (0xfc-prefixed at 0x100+sub, 0xfd-prefixed at 0x200+sub); the
// interpreter's own operators start at opBase:
//
//   - structured control flow is gone: blocks and ifs become resolved
//     jumps (opBr, opBrIf, opBrIfNot, opBrTable) carrying the stack height
//     to cut back to and the number of slots to carry; a branch that needs
//     no move is a bare jump;
//   - locals are slots of the frame (a v128 takes two slots, low word
//     first, as runtime/internal/simd expects);
//   - a few hot sequences are fused, never across a branch target:
//     local+local add, compare-and-branch, local increment, and eight
//     forms of every common integer and f64 binary operator whose
//     operands are locals or constants and whose result may go straight
//     to a local (fused.go): x = a + b is one instruction, not four;
//   - vector operators are opSimd/opSimdShuffle/opSimdMem, which hand the
//     stack and the immediates to runtime/internal/simd (the lane
//     semantics are written once there);
//   - try_table emits no instruction: the function keeps a list of try
//     ranges (instructions [start, end), in order of their start, so an
//     inner try follows its parent) and their catch clauses with resolved
//     targets. A throw walks the ranges containing the throwing pc from
//     the innermost out, then the callers' call sites frame by frame;
//     nothing is paid on the normal path. An exception leaving the
//     machine is a *store.Exception error, which a calling machine (across
//     a host function) treats as a throw at its call site;
//   - a legacy try is a try range whose handlers (its catch clauses)
//     follow it, plus a hidden local after the function's locals holding
//     the caught exception for rethrow; try ... delegate is a range that,
//     when an exception reaches it, continues the search at the try of its
//     target label (or the ones around it);
//   - GC operators (gc.go) carry what the translation resolved: field word
//     offsets, storage codes (word, v128, packed i8/i16), cast kinds (an
//     abstract heap type, or a concrete type checked against the
//     declared-supertype chain of the object's or function's canonical
//     type); br_on_cast targets live in a side table like br_table's.
//     Objects are store.Objects, references the store's tagged words.
//
// Code (one per module) is immutable and shared by every instance in every
// store. Execution runs on a machine: one []uint64 value stack holding the
// locals and operands of every active frame contiguously (a callee's
// parameters are the caller's top operands, so calls copy nothing) and a
// frame stack of {function, instance, return pc, frame pointer}. A wasm
// call pushes a frame and continues the same loop; there is no Go
// recursion per wasm call, so deep recursion, tail calls (which reuse the
// frame) and stack exhaustion behave as in the compiled tiers. Machines
// are pooled.
//
// # Invariants
//
//   - Store.Depth counts active wasm frames across every tier and every
//     host re-entry; a frame push beyond Limits.MaxCallDepth, or a value
//     stack beyond 8M slots, traps with TrapStackOverflow ("call stack
//     exhausted"). Depth is restored when a call from Go returns, trap or
//     not.
//   - Loop headers and calls decrement a poll counter; every 1,024 the
//     call's context and the store's interrupt flag are checked
//     (TrapInterrupted). With fuel on, each loop iteration and call costs
//     one unit (TrapOutOfFuel when none is left).
//   - Calls to host functions and to functions of instances prepared by
//     another tier go through Store.Call; memory 0's slice is reloaded after
//     anything that may have grown it (memory.grow goes through
//     Store.GrowMemory, calls, returns).
//   - Every trap carries the backtrace of the machine's frames, innermost
//     first, with module offsets; a trap from a nested Store.Call gets the
//     machine's frames appended.
//   - A panic inside the interpreter (a bug) is returned as an error, not
//     propagated; FuzzInstantiateAndCall in kiln/runtime checks that it
//     never happens.
//
// # Performance
//
// tools/bench runs four kernels on this interpreter and on wazero's in
// the same process. On the shared 2-core development machine (heavily
// loaded, so CPU time per run, which is steadier than wall time), in
// milliseconds, kiln vs wazero: recursive fib(25) 11 vs 28, Collatz steps
// to 20,000 95 vs 169, Mandelbrot 60x60 8.2 vs 15.2, sieve of 2^20 bytes
// 162 vs 201. What got it there: constant case labels in the numeric
// switch (a jump table, not a chain of comparisons), common operators
// inline in the dispatch loop, and the fused forms above.
//
// # Known gaps
//
//   - Atomics (atomic.go) are exact for one thread, which is all a store
//     allows: memory.atomic.wait can only time out, notify wakes nobody.
//   - GC objects are never collected before their store is dropped.
//   - Translation re-runs the function validator (the module was validated
//     already); a translation pass that trusts validation would halve
//     Prepare's time.
//   - The stack machine moves every operand through memory; a
//     register-based form (operands addressed by slot, as wazero's and
//     Wasm3's designs do) would remove most pushes and pops.
package interp
