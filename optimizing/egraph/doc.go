// Package egraph is the optimizing tier's mid-end core: an acyclic
// e-graph ("aegraph", after Cranelift's) that merges equal computations,
// rewrites them with the rules of package rules, picks the cheapest form
// of each value and puts the result back into the function with global
// value numbering (GVN) and loop-invariant code motion (LICM).
//
// # The problem
//
// Rewriting an SSA function in place forces an order on rewrites: a rule
// applied early can hide a better one (x*2 → x<<1 hides (x*2)/2 → x), and
// deciding which form is best needs the whole picture. An e-graph keeps
// all equal forms of a value side by side in an equivalence class
// (e-class) and chooses only at the end. Full e-graphs with equality
// saturation rebuild congruence after every union and can blow up; the
// acyclic variant does one pass, so it is linear-ish and predictable.
//
// # Data model
//
// The function is split in two. Pure instructions (IsPure: a pure opcode
// with one result) leave the block layout and become nodes of the graph.
// Everything else — loads, stores, calls, traps, terminators, and the wasm
// interrupt checks among them (calls of the check routine at loop heads)
// — stays in the layout, in order: the side-effect skeleton. The skeleton
// is never reordered, and nothing in it is removed except by the two
// skeleton rewrites below, so interrupt checks survive every optimization.
//
// A Node is an int32 into a dense slice; each node is one of
//   - a leaf: a value the skeleton defines (block parameter or result of a
//     side-effecting instruction), used as it is;
//   - a pure node: opcode, controlling type, immediates (an ir.InstData
//     without its argument list) and up to three argument classes;
//   - a union of two classes.
//
// A class is named by its newest node; its members are the non-union
// nodes under it. Unions are only created when a node is inserted (the
// node and what its rules produced), and a node's arguments always exist
// before it, so node IDs order the graph topologically: there are no
// parent pointers, no rebuilding and no cycles. The price is that a class
// does not learn about equalities discovered later (no congruence
// closure); the rules are written so the common cases are found at
// insertion time.
//
// # Building
//
// Blocks are visited in dominator-tree preorder (explicit stack). Each
// pure instruction's arguments are mapped to their classes and the node is
// hash-consed in a scoped map keyed by {opcode, type, immediates, argument
// classes} (the node keeps its key; hashcons.go's open-addressing table
// holds node IDs and compares against the nodes). Entries remember the
// dominator-tree depth and that depth's generation; leaving a subtree
// bumps the generation, so stale entries die in O(1). An entry is recorded
// at the depth of the node's available block (the deepest block defining
// one of its arguments), so an expression computed in one branch is reused
// in a sibling branch where its arguments are equally available. Integer
// constants, available everywhere and never rewritten, have a table of
// their own.
//
// A new node is simplified: the rules rooted at its opcode run (generated
// code; a rule pattern on an argument tries every member of that class)
// and report results. Matching reads dense side tables, not the nodes:
// each node's opcode, and each class's member list (written once, when
// the class's node is made) with a 64-bit filter of its members' opcodes
// that lets a pattern skip a class without trying its members. Each result is itself inserted (recursively
// simplified up to rewriteDepthLimit, within the fuel of fuelPerInst per
// instruction) and unioned with the node, up to matchesLimit results and
// eclassLimit members. A result marked subsume replaces the node instead:
// the class is only the subsuming results.
//
// Skeleton instructions get their own simplifications: a brif on a
// constant becomes a jump; trapz/trapnz whose constant condition never
// traps is removed (an always-trapping one stays), and so is one that a
// dominating trap makes redundant — the same opcode and code on the same
// condition class (idempotent traps), or a wasm32 bounds check
// `trapnz (icmp ugt (iadd (uextend x) k) bound)` after a check of the same
// x and bound with an end k' >= k (bounds-check elimination; the index is
// below 2^32 and the ends below 2^32, so nothing wraps). An instruction
// that can trap but has no other effect (udiv, sdiv, urem, srem, ...)
// runs its rules detached — a rule there fires only when the instruction
// cannot trap, and its result then replaces the instruction.
//
// # Extraction
//
// Cost (cost.go) is a per-opcode price (constant and extension 1, ALU 3,
// multiply 8, divide 30) plus the cost of the arguments, saturating, with
// the operation's own price multiplied by 1024 per loop level it sits in
// (capped at two levels). One forward sweep over node IDs computes the
// best member and cost of every class; ties go to the newer node.
//
// # Elaboration
//
// The skeleton is walked again in dominator-tree preorder. For each
// skeleton instruction, each argument's class is elaborated: its best
// node, if already placed in a scope that is open here, is reused (GVN);
// otherwise its arguments are elaborated first (an explicit stack, no
// recursion) and it is placed in front of the instruction — or, if none of
// its arguments is defined inside the outermost enclosing loop, at the end
// of that loop's preheader (the immediate dominator of the header), which
// is LICM. Pure nodes never trap, so running them before the loop even when
// the loop body would not have is safe. Constants are rematerialized in
// each block that uses them instead of being hoisted or kept live across
// blocks. The first placement of a node that came from the input reuses
// the original instruction and value number, so unchanged code reads the
// same; later copies are new instructions.
//
// Pure instructions no skeleton instruction needs are never placed: dead
// code elimination falls out.
//
// # Alias analysis
//
// alias.go runs during the build: a dataflow over the CFG gives each block
// the memory version of every category (alias region) at its entry; the
// build tracks it through each block and keeps a scoped table of what
// loads and stores made available, keyed by version, load kind and type,
// the address's class, offset and flags. A load found there is removed and
// its result becomes the available class — the earlier load's value or
// the stored one — so GVN'd addresses match and forwarded values meet the
// rules.
//
// # Invariants
//
//   - Input: verified, no unreachable blocks (the optimizing pipeline
//     removes them first). Output: verified, no aliases left.
//   - Node arguments have smaller IDs than the node; union members too.
//   - A rule result has the node's type (others are dropped and counted in
//     Stats.BadResults, which tests require to be zero).
//
// # Known gaps
//
// No congruence closure across later unions; constants are the only
// rematerialized values; no dead-store elimination; multi-result pure instructions (overflow arithmetic,
// isplit) stay in the skeleton; bounds checks are only merged when the
// bound is the same value (alias analysis must have merged the bound loads, so
// a store between two accesses — which may alias the VM context without
// alias regions — keeps both checks); a check that always traps does not
// cut off the code after it.
package egraph
