// Package baseline is kiln's single-pass compiler tier, in the manner of
// Wasmtime's Winch and V8's Liftoff: each function's operators are visited
// once and machine code is emitted directly through a per-ISA
// MacroAssembler (kiln/baseline/masm), with constants, locals and
// registers kept lazy on a value stack.
//
// # The problem
//
// The optimizing tier builds SSA, runs an e-graph and a register allocator:
// good code, slow compilation. A runtime also needs code *now* — for
// start-up, for huge modules, for functions that run once. The baseline
// tier trades code quality for compile speed: one linear walk over the
// bytecode, no IR, no liveness, and code that follows exactly the same
// contract (kiln/ir/vm: VM context layout, wasm calling convention, exits,
// traps, frame-pointer chain) as the optimizing tier, so functions from
// both tiers can call each other.
//
// # Data structures
//
//   - CodeGen (codegen.go) walks one body with an ir/wasm OperatorReader.
//     The module is validated before it is compiled (vm.Compiler's
//     contract; the runtime's DecodeAndValidate), so operators are not
//     checked a second time and nothing invalid reaches the code generator.
//   - The value stack (stack.go) is a slice of flat Val structs: a
//     constant (folded into an immediate when the consumer can take one),
//     a register the entry owns, a lazy reference to a local (read as a
//     memory operand when the consumer can take one), "in my frame slot",
//     or a deferred comparison, which br_if and if turn into
//     compare-and-branch without materialising a 0/1 value (eqz of an
//     integer comparison just negates it; float comparisons branch with
//     NaN-aware condition pairs, since their negation is no comparison). Every stack depth d has a fixed frame slot valSlot(d),
//     so spilling never moves the stack pointer and needs no bookkeeping
//     beyond the entry's kind.
//   - A register pool per class is a bitset (masm.RegSet) of free
//     registers. When it is empty the oldest register-held stack entry is
//     spilled to its slot: it is the one needed last.
//   - Control frames record the stack height at entry, the block's
//     parameter and result types and its labels.
//   - The table of operators (ops.go) maps each simple operator to a
//     family (integer binary, float compare, conversion, load ...) and the
//     masm operation, so most of the instruction set is data.
//
// # Invariants
//
//   - At every control-flow join (block/loop entry, else, end, every
//     branch) and every exit the whole value stack is flushed to its
//     slots; at a call or return everything below the arguments (results)
//     is, and the arguments go straight from where they are to the
//     convention's registers (a value in another argument's register is
//     spilled first). A label therefore needs no register agreement between
//     its predecessors: the values a branch carries are copied to the
//     target's slots (base .. base+arity), nothing else is live in a
//     register. This is the baseline's main simplification; the cost is a
//     store and a load per value crossing a join.
//   - Locals live in frame slots; a local.get is lazy, and a write to a
//     local first materialises every pending read of it.
//   - An i32 in a register has a zero upper half (masm's invariant), so
//     addresses and exit arguments need no extension.
//   - Frame layout below the frame pointer: the ISA's header (amd64: the
//     saved VM context), one 8-byte slot per local, one per stack depth,
//     and the outgoing argument area at the stack pointer. The size is
//     known only at the end and patched into the prologue.
//   - Every prologue pushes the frame pointer, checks the stack limit for
//     the whole frame, stores the parameters and zeroes the locals, then
//     polls the goroutine's preemption request; every loop header polls it
//     again (and the interrupt flag when compiled Interruptible).
//   - Bounds checks, division checks, conversion checks and call_indirect
//     checks are explicit compare-and-branch to an out-of-line site stub:
//     one call instruction (with the trap record and the wasm offset of
//     the checking instruction) to a stub shared by every site of that
//     trap code in the function, which exits with ExitTrap and passes the
//     call's return address as the resume address, so the backtrace's
//     innermost frame names the faulting instruction. A memory access of
//     an i32 memory is lea end, [addr + offset + size]; cmp end,
//     [vmctx + length]; ja site; then the access [base + addr + offset].
//   - Everything ISA-specific is behind masm.MacroAssembler and
//     masm.Trampolines; the shared code reads the calling convention from
//     vm.ABI as data. A new ISA is a new package under isa/ and a row in
//     compiler.go's isas table.
//
// # Compilation units
//
// Compiler.Compile compiles the defined functions on GOMAXPROCS workers
// (each with its own CodeGen and MacroAssembler; calls between functions
// are relocations, so bodies are independent) in chunks of 64 consecutive
// functions per encoder buffer (each body followed by its array-call
// entry), emits one host-call trampoline per imported function, and lays
// everything out in one vm.Artifact. The address map records only call
// instructions, exit sequences and trap sites: what backtraces look up.
//
// # Measured (2 shared cores, heavily loaded; see bench_test.go and
// runtime/internal/compiled's BenchmarkKernels)
//
// Compiling Go's strconv test binary (3.4 MB of function bodies, 1.6 M
// operators, 11 MB of machine code): about 26-28 MB/s of wasm per
// CPU-second for Compile alone (bench_test.go's BenchmarkCompileStrconv,
// cpu-MB/s; 10.5 before the changes named below), and 175-220 ms of CPU for
// the runtime's whole CompileModule (tools/bench), where wazero 1.12's
// compiler needs 1.9-2.0 s in the same run. What made the difference:
// bodies are not validated a second time (the runtime's DecodeAndValidate
// has done it), encoder/amd64's fast paths for the common instruction
// forms, and an encoder buffer that allocates nothing once warm and keeps
// the label bookkeeping free of dynamic calls. Of CompileModule's CPU,
// about a fifth is DecodeAndValidate; it validates function bodies on
// GOMAXPROCS goroutines, but section decoding and linking stay serial.
//
// # Known gaps
//
//   - SIMD (v128) is not supported: functions using it fail with
//     *UnsupportedError; so are the GC, exception-handling and threads
//     operators. Typed function references (call_ref, br_on_null ...)
//     are supported.
//   - CompileOptions.Fuel is ignored (no fuel accounting yet).
//   - A tail call whose callee needs more stack-argument space than the
//     caller's own caller reserved is compiled as a call followed by a
//     return (same results, but such a chain of tail calls uses stack);
//     the convention's caller-cleanup rule allows nothing better (see the
//     vm package's known gaps).
//   - No register allocation across joins, no constant folding beyond
//     immediates, no bounds-check elimination: that is the optimizing
//     tier's job.
package baseline
