// Package optimizing is kiln's optimizing compiler tier: WebAssembly is
// translated to SSA IR (frontend), optimized by the mid-end in this
// package, lowered per ISA (lower, isa/...), register-allocated through
// kiln/regalloc and emitted through kiln/encoder.
//
// # The mid-end pipeline
//
// Optimize runs the passes of pipeline.go in order. The pipeline is data:
// `passes` lists {name, fn, required} and `passOrder` lists "a before b"
// constraints with their reasons, checked in init. KILN_DUMP=<pass>[,...]
// (or "all") prints the function after those passes; Options.Verify runs a
// checker after each one (tests use ir/verify).
//
//   - resolve-aliases: every use names a real value.
//   - unreachable: blocks the entry cannot reach leave the layout.
//   - remove-constant-phi: a block parameter that receives one value on
//     every edge (or itself around a loop) becomes that value.
//   - egraph: the acyclic e-graph (package egraph) with the rules of
//     package rules: constant folding, algebraic identities, strength
//     reduction, compare/select/extend simplification, GVN, LICM, DCE of
//     pure code, constant branches and never-firing traps; and, while it
//     builds, redundant load elimination and store-to-load forwarding by
//     alias analysis over memory categories (alias regions), comparing
//     addresses as e-classes (egraph/alias.go).
//   - unreachable-late, remove-constant-phi-late: clean up after folded
//     branches.
//   - dce: liveness from the operands of effects and terminators, flowing
//     back through pure instructions and branch arguments: dead pure code
//     and dead block parameters (loop-carried values nothing reads) go,
//     with their arguments on every edge.
//   - merge-blocks: a block entered only by a jump from one predecessor
//     joins it.
//
// Only resolve-aliases and unreachable are required; Level "none" runs
// nothing else.
//
// The passes keep their tables (flow graphs, the e-graph's, dce's) from
// one function to the next: Optimize in sync.Pools, an Optimizer (one per
// compiler worker) in itself, which the collector never empties.
//
// Side effects are never removed or moved: the wasm interrupt checks the
// front end places at function entries and loop heads are calls, and
// calls stay in the e-graph's skeleton, end every memory version in the
// alias analysis and are never dead code.
package optimizing
