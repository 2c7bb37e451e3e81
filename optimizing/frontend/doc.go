// Package frontend translates validated WebAssembly function bodies into
// kiln IR for the optimizing tier: one ir.Function per defined function,
// built through ir.FunctionBuilder.
//
// # The problem
//
// Wasm is a structured stack machine; the IR is SSA over a control-flow
// graph of blocks with parameters. The translator must turn the operand
// stack into SSA values, locals into variables (the builder's SSA
// construction places the block parameters), structured control into
// blocks, make every implicit check explicit (kiln code runs inside a Go
// process and may never fault: bounds, division, conversions, indirect
// call signatures), and express everything that touches the runtime in
// terms of the VM context layout of kiln/ir/vm, without the translator
// itself knowing that layout.
//
// # Data structures
//
//   - Translator walks one body with a wasm.OperatorReader, keeping the
//     value stack ([]ir.Value), the control stack ([]frame) and the
//     variables of the locals. A frame has a `next` block (the code after
//     its end, one parameter per result) and, for a loop, a `header` block
//     (one parameter per loop parameter) that branches to it target; for
//     an if, `header` is the else block and the if's parameters are kept
//     in `saved` for the else arm. Multi-value blocks are just blocks with
//     several parameters.
//   - Unreachable code (after br, return, unreachable, br_table) is
//     skipped: only the nesting depth is tracked until the frame's end.
//     A frame whose `next` nothing reaches leaves the code after it
//     unreachable too.
//   - br_table: the IR's br_table targets take no arguments, so a target
//     that needs values gets an edge block that jumps on with them.
//   - Environment (env.go) is the translator's view of the runtime, in the
//     manner of Cranelift's FuncEnvironment: memory/table base and bound,
//     globals, ref.func, calls, runtime exits and the interrupt check.
//     LayoutEnv implements it over a Layout of byte offsets from the VM
//     context; NewVMEnv uses vm.Offsets (the real runtime), NewTestEnv a
//     fixed toy layout the IR interpreter can be given.
//
// # Conventions the back end relies on
//
//   - Every function's IR signature is (callee vmctx, caller vmctx,
//     params...) -> results with call convention `tail`; the back end maps
//     it to vm.ABIAmd64 (which is System V's register order with the two
//     VM contexts first).
//   - Runtime exits are calls to ext funcs in NamespaceExit (u1:K for
//     vm.ExitKind K) with the vmctx and the exit's I64 arguments, and the
//     preemption/interrupt check is a call to u2:0 with the vmctx. They
//     are calls so no optimisation can move or remove them; the back end
//     expands them into the exit sequences.
//   - Traps are IR traps; codes without an IR equivalent are userN with N
//     the vm.TrapCode (Trap, VMTrap).
//   - Source locations are the wasm module offsets of the operators
//     (DataFlowGraph.SetSrcLoc on every instruction an operator produced).
//
// # Bounds checks
//
// A linear-memory access of size bytes at index+offset is checked as
// index+offset+size > length (64-bit arithmetic) → heap_oob against the
// memory's length word in the VM context. Every access carries an alias
// region (RegionHeap, RegionVM, RegionGlobals, RegionTables), so the
// mid-end's load elimination reuses the length and base loads across
// stores to linear memory and globals; only calls (exits included) end
// them, which is where the runtime may change a memory. The translator
// already reuses memory 0's two loads within a block while only heap
// accesses, locals, globals and pure operators come between (heapCache):
// the same loads the mid-end would merge, never emitted. For memory64 the
// addition traps on overflow. The access itself is then notrap.
//
// # Null references
//
// A null call_indirect entry, a null call_ref target and ref.as_non_null
// of null branch to a cold block that leaves a detail in the store
// context's ExitArgs[1] (the element index; NullFuncRefDetail for
// call_ref) and traps, so the runtime can word the trap as the spec does
// ("uninitialized element 2", "null function reference").
//
// # Traps the IR already has
//
// Integer division and remainder and the trapping float-to-int
// conversions are emitted as the IR's sdiv/udiv/srem/urem and
// fcvt_to_sint/uint, whose semantics are wasm's (int_divz, int_ovf,
// bad_toint; MIN rem -1 is 0): the back end emits only the checks the
// hardware lacks, and the mid-end sees one instruction instead of a chain
// of compares.
//
// # Invariants
//
//   - The module must have passed wasm.Validate; anything else is a
//     programming error upstream, and is still turned into an error
//     (never a panic) naming the operator.
//   - Operators the tier does not translate (SIMD, GC, exceptions,
//     threads) give an *UnsupportedError wrapping ErrUnsupported.
//   - The entry block and every loop header begin with the interrupt
//     check, so GC latency stays bounded in optimised code.
//
// # Known gaps
//
// SIMD, atomics, GC and exception handling are not translated (typed
// function references are); they give an *UnsupportedError. The length
// and base words are not cached in variables across calls, so a hot loop
// with a call reloads them after it.
package frontend
