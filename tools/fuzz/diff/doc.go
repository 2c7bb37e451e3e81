// Package diff runs one wasm module on every kiln execution tier and
// compares what they did: the differential oracle behind FuzzDifferential.
//
// # The problem
//
// kiln has an interpreter, a baseline compiler and an optimizing compiler
// (with and without its e-graph mid-end). Each is an oracle for the
// others: on the same module and the same calls they must return the same
// values, trap with the same kind of trap, and leave memory, globals and
// tables in the same state, except where the spec allows nondeterminism
// (NaN payloads and signs).
//
// # Data structures
//
//   - Tier is a name and a kiln.Engine. Tiers builds the interpreter (the
//     reference), baseline and optimizing as the kiln command wires it
//     (compile.New(), with the mid-end); optimizing-nomidend (a zero
//     compile.Compiler) is there on request, to tell a mid-end bug from a
//     back-end one. A compiled tier the host cannot run is left out and
//     named by Unavailable, not counted. KILN_FUZZ_TIERS selects tiers. The engines are replaced
//     every few hundred modules (see engineReuse).
//   - Call is an export name and argument words; Case is a module binary,
//     its calls, the fuel to reset before each call and whether floats
//     compare by NaN class. FromInput makes the case of a fuzzer input
//     (wasmgen for the module, PlanCalls for the calls).
//   - Run records one tier's compile error, instantiation outcome, each
//     call's Outcome (results, trap kind found with errors.Is against the
//     kiln sentinels, or a non-trap error, which is always a bug) and the
//     State after each call (memory bytes, exported globals, null-ness of
//     table slots; function references are store handles and not
//     comparable across stores).
//   - Compare returns the first Divergence of a run from the reference.
//   - The IR oracle (ExecuteIR, CheckIR) produces Runs too, named "ir"
//     and "ir-optimized", compared the same way.
//   - Regression files (.wat with ";; call", ";; fuel" and ";; nan-class"
//     directives, see ParseRegression) keep what the fuzzer found:
//     tools/fuzz/testdata/*.wat must agree on every tier;
//     tools/fuzz/testdata/known/*.wat are divergences not fixed yet, run
//     and reported by count.
//
// # Invariants
//
//   - A case runs in a fresh store per tier; calls run in order in that
//     store, so a divergence in state propagates and is caught at the
//     first call after which it is visible.
//   - After the first differing outcome nothing more is compared.
//   - Each call has a deadline (CallTimeout); a tier that loops where the
//     others do not shows up as an "interrupted" trap on that tier.
//
// # Known gaps
//
//   - The IR oracle (irtier.go: the translator's IR and the mid-end's
//     output in kiln/ir/interp over frontend.TestLayout) covers modules
//     without tables, element segments or bulk-memory operators: the
//     table path would need vm.FuncRef records and the other exits stubs.
//   - Resource-limit behaviour (MaxMemoryPages, MaxTableElements,
//     MaxCallDepth) is configured the same on every tier but only the
//     trap kind is compared, never the depth at which the stack ran out.
package diff
