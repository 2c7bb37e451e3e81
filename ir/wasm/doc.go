// Package wasm reads and validates WebAssembly binary modules: the 3.0
// core (2.0 plus tail calls, extended constant expressions, multiple
// memories, memory64/table64, relaxed SIMD, typed function references,
// exception handling, GC) together with the legacy exception instructions,
// threads/atomics and the "name" custom section. Both compiler tiers,
// the interpreter and the spec-test runner sit on top of it.
//
// # Problem
//
// A runtime must turn untrusted bytes into a module it can compile without
// ever crashing, looping or allocating without bound, and it must explain
// every rejection precisely enough that the spec test suite can check the
// reason. The compilers then walk every function body once or twice more,
// so the instruction decoder has to be cheap and must not allocate.
//
// # Structure
//
// Decoding and validation are separate passes with one error type.
//
//   - Decode (decode.go) reads the section structure into a Module: types
//     (rec groups of SubTypes: function, struct and array composite
//     types, finality, supertype), imports, the five index spaces (imports
//     first: FuncTypes, TableTypes, MemTypes, GlobalTypes, TagTypes),
//     segments of every form, exports, start, data count, custom sections
//     and the name section. Function bodies stay byte ranges into the
//     input (Code.Expr) with their local declarations decoded; Decode
//     still reads every instruction once, without typing it, because the
//     binary format's own rules (known opcodes, well-formed immediates, a
//     final end, the data count section before memory.init) make a module
//     malformed rather than invalid, and the spec tests tell the two
//     apart. DecodeAndValidate, the runtime's path, skips that pass and
//     lets validation do the only read of each body; when anything fails
//     it runs the pass after all, so it returns exactly the error Decode
//     followed by Validate would (FuzzValidate checks that the two paths
//     agree). Constant expressions are kept both as bytes and as a short
//     list of ConstOps an evaluator can run without re-decoding.
//   - Function bodies are validated last and independently, so a large
//     module's are validated on several goroutines (validate_par.go;
//     GOMAXPROCS or Options.Parallelism, like the compilers; modules
//     under 64 KiB of code stay on the caller's). Workers claim runs of
//     bodies in index order and drop claims past the lowest failure, so
//     the error is always the one the sequential pass returns
//     (TestParallelLowestBodyError, the spec corpus, FuzzValidate).
//     DecodeAndValidate starts them as soon as the code section is
//     decoded and the rules before it pass, overlapping the data and
//     name sections' decoding; data-segment and decoding errors still
//     win over body errors.
//   - OperatorReader (operator.go) decodes one instruction at a time into a
//     caller-owned Operator. Variable-length immediates (br_table targets,
//     try_table catch clauses) are returned as views into the body with
//     allocation-free iterators, so reading a body allocates nothing
//     (TestOperatorReaderAllocs, BenchmarkOperatorReader).
//   - Validate (validate*.go) is the algorithm of the spec appendix: an
//     operand stack of ValTypes with an "unknown" type for unreachable
//     code, a stack of control frames (opcode, block type, stack height,
//     unreachable flag), subtyping for reference types, tracking of
//     non-defaultable locals, and the module-level rules (constant
//     expressions, declared function references, data count, limits,
//     exports, start). Constant expressions are validated by the same
//     function validator in a mode that rejects non-constant operators.
//   - FuncValidator (funcvalidator.go) runs the same function validator
//     one operator at a time for a compiler that translates and validates
//     in one pass, and shows it the operand types between operators.
//
// The opcode table is data: gen_opcodes.go holds one row per operator
// (binary code, name, immediate kind, signature, feature) and generates
// opcodes_gen.go with the Opcode constants and dense per-prefix arrays of
// opInfo. Operators with a fixed signature (all numeric, vector, load and
// store operators: most of the ~570) are validated from the table alone
// by one loop (stepFixed); the rest have hand-written rules (stepSpecial,
// stepGC). Opcode values spell their encoding: 0x6a is i32.add,
// 0xfd000d is i8x16.shuffle.
//
// # Types
//
// ValType is a small comparable struct {Kind, Nullable, Heap}. HeapType is
// an int32: a type index when non-negative, otherwise an abstract heap
// type numbered by the signed value of its one-byte code (func = -0x10),
// so decoding a heap type is one s33 read. Type equivalence is
// iso-recursive: Module.canonicalize serialises each rec group (with
// intra-group references made relative and outer references replaced by
// their canonical index) and interns the key, so every type index maps to
// the smallest equivalent index and equality is one comparison. Subtyping
// walks the declared supertype chain, which strictly decreases the index
// and so terminates.
//
// # Invariants
//
//   - No input makes the package panic. Every count is checked against the
//     bytes left before anything is allocated for it (each vector element
//     takes at least one byte); locals are capped at 50,000 per function
//     ("too many locals"), function types at 1,000 params/results, structs
//     at 10,000 fields, array.new_fixed at 10,000 operands, the operand
//     stack at 2^20 values, supertype chains at depth 63. Bodies declaring many locals are not
//     expanded: above 1,024 locals the validator binary-searches the
//     declared groups, so validation time is linear in the input size; a
//     br_table checks each distinct target
//     once, and pops in unreachable code stop at the frame's bottom.
//     FuzzDecode, FuzzValidate and FuzzValidateBody exercise this.
//   - Every error is an *Error carrying the module offset of the offending
//     byte, the function index (imports included) or -1, and a message
//     that contains the spec test suite's expected phrase ("type
//     mismatch", "unknown global 3", "alignment must not be larger than
//     natural", ...). TestSpecPhrasesCovered lists the phrases.
//   - A Module aliases the input; callers must not modify it.
//
// # Errors in the reference decoder's terms
//
// The reference interpreter reads sections without bounding them by their
// declared size and checks the size afterwards, so for a truncated
// section it may report what lies beyond ("integer representation too
// long" for a LEB128 number cut by the section end, "length out of
// bounds" for a name whose length is read from the next section). The
// reader keeps the whole binary (reader.whole) to classify such
// failures the same way; the spec suite's binary modules all fail with
// the expected reason (TestSpecBinaryModules).
//
// # Performance
//
// On Go's own strconv test binary for wasip1 (5.3 MB, 3,239 functions,
// 56,833 data segments) on the shared 2-core development machine, in CPU
// time per byte of module (cpu-MB/s, from the process CPU time: steadier
// than wall time on a busy machine): Decode, including the
// well-formedness pass over the bodies, about 250 MB/s; Validate about
// 250 MB/s; DecodeAndValidate, reading each body once, about 180 MB/s;
// the operator reader alone walks the 4.2 MB of code at about 300 MB/s
// (BenchmarkDecode, BenchmarkValidate, BenchmarkDecodeAndValidate,
// BenchmarkOperatorReader). Most of DecodeAndValidate's CPU is body
// validation, which runs in parallel; decoding the sections is
// sequential. The hot paths: Read admits every enabled one-byte opcode
// with one table test (plainGate) and decodes one-byte indices and
// memargs in place; the validator's loop applies local.get/set/tee,
// one-byte constants and numeric operators (three fifths of compiled
// code's operators) without Read when they cannot fail, and dispatches
// the rest straight to stepFixed or stepSpecial; "i32.const n end"
// segment offsets are decoded and validated without the operator
// reader. Each validator
// goroutine reuses its stacks across functions, and a module allocates a
// few dozen objects per goroutine beyond its own tables; reading
// operators allocates nothing and stores no pointers.
//
// # Known gaps
//
//   - Implementation limits (locals, params, fields, types) are lower than
//     the spec's 2^32-1 and are reported as such.
//   - The custom-page-sizes, wide-arithmetic and stack-switching proposals
//     and the branch-hinting custom section are not implemented.
//   - Type identity across modules (linking, call_indirect signature
//     checks between instances) needs an engine-wide registry of rec
//     groups; this package answers it within one module (SameType,
//     Matches) and leaves the registry to the runtime.
package wasm
