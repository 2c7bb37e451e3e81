// Package flow computes the control-flow facts every analysis of a kiln IR
// function starts from: the control-flow graph (CFG), the dominator tree
// (DomTree), the natural-loop forest (LoopInfo) and an instruction order
// for dominance queries inside one block (InstOrder). The verifier uses them to check SSA dominance; the
// optimizing tier reuses them for the e-graph's dominator-tree walk, alias
// analysis and loop-invariant code motion.
//
// # Problem
//
// An IR function is a layout of blocks, each ending in a terminator that
// names its successors (jump, brif, br_table, try_call with its handler
// edges, or none for return and trap). Passes need to ask: which blocks can
// follow or precede this one, which blocks are reachable, and does a
// definition dominate a use. Those answers must be cheap after one
// linear-time precomputation.
//
// # Data structures
//
// CFG stores successors and predecessors in compressed rows: one flat slice
// per direction and a start offset per block number, so the whole graph
// lives in four slices and a pass can index it with the dense block IDs it
// already uses for its own side tables. Successors are deduplicated and
// kept in the order the terminator names them (brif then/else, br_table
// default first, try_call normal return first); predecessors are (block,
// branch instruction) pairs in layout order.
//
// DomTree runs the iterative algorithm of Cooper, Harvey and Kennedy
// ("A Simple, Fast Dominance Algorithm"): number the reachable blocks in
// reverse postorder, then repeatedly set each block's immediate dominator
// to the intersection of its processed predecessors' dominators, walking
// two fingers up the partial tree by RPO number, until nothing changes. On
// reducible graphs this converges in two passes; it is correct on
// irreducible ones. The result is then turned into an explicit tree (child
// lists in reverse postorder) with pre- and post-order numbers, so
// Dominates(a, b) is two integer comparisons and Preorder() gives the
// walk order the e-graph elaborator needs. The depth-first search visits
// successors last-named first, so the reverse postorder (and the order of
// dominator-tree children) follows the order terminators name blocks.
//
// LoopInfo finds natural loops: a header is a block that dominates the
// source of an edge into it (a back edge); the loop body is everything
// that reaches a back-edge source, walking predecessors, without passing
// the header. Headers are visited in reverse postorder, so enclosing loops
// come first and each loop's parent is the innermost loop already holding
// its header. Per block it keeps the innermost loop; per loop the header,
// parent and depth — what LICM and loop-depth cost scaling need.
//
// # Invariants
//
//   - Only the last instruction of each block contributes edges. A function
//     that passed the verifier has exactly one terminator there; on
//     malformed input the graph is still well defined, and the verifier
//     reports the misplaced terminator.
//   - Unreachable blocks have no immediate dominator, are not in Preorder or
//     CFGPostorder, and Dominates is false for them in either position.
//     The verifier skips dominance checks of uses inside them, as Cranelift
//     does.
//   - The entry block is the first block of the layout; it has no
//     immediate dominator.
//   - All three structures are snapshots: edit the function and recompute.
//     Their Compute methods recompute into the storage an earlier function
//     left, so a compiler keeps one of each per worker instead of
//     allocating them (NewCFG and friends) for every function.
//
// # Known gaps
//
// Irreducible cycles (entered at several blocks) are not loops in
// LoopInfo. Preheaders are not created (that edits the function; it is
// the optimizing tier's job). Nothing is maintained incrementally.
package flow
