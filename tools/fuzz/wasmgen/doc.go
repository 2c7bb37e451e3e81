// Package wasmgen generates valid WebAssembly modules from a fuzzer's
// bytes, for differential testing of kiln's execution tiers.
//
// # The problem
//
// Random bytes are almost never a valid module, and a valid module picked
// at random almost never terminates or reaches interesting states. The
// tiers must be compared on programs that validate, always finish, and
// still wander into every corner the spec defines: traps of every kind,
// memory and table accesses at their bounds, NaNs, multi-value control
// flow, indirect calls through matching and mismatching signatures.
//
// # Data structures
//
//   - Unstructured reads the fuzzer's bytes as choices (Intn, Bool,
//     Chance, Uint32...). Once the bytes run out every choice is 0, and
//     choice 0 is always the simplest, terminating option, so any input
//     generates a module and a short input a small one.
//   - Config is the feature set (memory, bulk memory, tables, reference
//     types, globals, multi-value, sign extension, saturating conversions,
//     floats, tail calls, host calls, trap-prone operators, stack
//     exhaustion, NaN canonicalisation) and size bounds; ConfigFrom derives one from the
//     input so that the fuzzer also explores feature subsets.
//   - The generator writes the binary format directly. Function bodies
//     are built as typed expression trees: expr(t) emits code leaving one
//     value of type t, stmt() code leaving nothing. A stack of labels
//     (the types a branch to each carries) lets br, br_if, br_table and
//     return target any enclosing block with the right values; after an
//     unconditional branch the validator's stack is polymorphic, so the
//     surrounding expression stays valid.
//   - Module is the binary plus what a harness needs: the exported
//     functions with their signatures (exports "f0", "f1", ...), and the
//     fixed export names of the memory ("mem"), table ("tab") and
//     globals ("fuel", "g1", ...).
//
// # Invariants
//
//   - Every generated module validates with Config.Features() (the tests
//     assert it; an invalid module is a generator bug).
//   - Every execution terminates. Global 0 ("fuel") is decremented at each
//     generated function's entry, which traps (unreachable) at zero: this
//     bounds calls and recursion (direct calls mostly go to later
//     functions, so fuel seldom runs out; recursion stays possible). Every loop counts down a local of its
//     own, initialised before the loop to at most MaxLoopIterations, and
//     exits through an enclosing block when it reaches zero, so every
//     back edge is paid for. The one unbounded recursion is the optional
//     stack-exhaustion helper, which has no side effects, so the depth at
//     which a tier traps is not observable.
//   - Generation is deterministic: the same bytes give the same module.
//   - With CanonicalizeNaNs every operator that may produce a NaN is
//     followed by code that replaces a NaN by the canonical one, so all
//     values compare bit for bit. Without it, operators that expose NaN
//     bits (reinterpret to integer, float stores, copysign) are not
//     generated, and a harness must compare floats by NaN class.
//
// # Known gaps
//
//   - No SIMD: the compiled tiers do not run it yet (runtime/internal/
//     compiled.Unsupported), so it would only exercise the interpreter.
//   - No start function, imported memories, tables or globals, multiple
//     memories or tables, memory64, exceptions or GC types. The only
//     imports are the two host functions (HostMix, HostCheck).
//   - Loops have no early exit other than their counter and branches; the
//     structure of generated control flow is tree-shaped, never
//     irreducible (wasm cannot express that anyway).
package wasmgen
