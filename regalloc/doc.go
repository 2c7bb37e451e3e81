// Package regalloc is kiln's ISA-independent register allocator.
//
// # The contract
//
// A backend describes a function through the Function interface and its
// machine through a MachineEnv, calls Allocate, and gets back an Output: a
// location for every operand and a list of edits (moves, spills, reloads)
// to insert between instructions. The allocator knows nothing about any
// ISA and never calls back into backend code; the backend applies the
// result while emitting. This is regalloc2's contract in Go dress.
//
// The input is SSA over virtual registers (VReg: an index and a RegClass).
// Blocks have parameters instead of phis; a branch passes arguments to each
// successor's parameters. Every instruction lists its operands, each packed
// into a uint64 Operand:
//
//	vreg | use or def | early or late | constraint (+ payload)
//
// Constraints are Any (register or slot), Reg, Stack (a memory operand),
// Fixed(preg) and, for defs, Reuse(i): the register of use operand i
// (two-address forms). Positions say when an operand is read or written:
// early uses and late defs are the usual case and may share a register; a
// late use (UseAtEnd) never shares with a def, an early def (DefAtStart,
// Temp) never with a use. Clobbers(i) lists registers the instruction
// destroys (a call's caller-saved set); a def may still land in one
// (a call's result register). IsMove marks plain copies, which the
// allocator tries to coalesce. Everything the interface returns aliases the
// backend's storage; Allocate only reads it.
//
// Requirements on the input, each checked by Validate (and by Allocate
// with Options.Verify) and reported as an *Error naming block,
// instruction and operand: blocks reachable from the
// entry; the entry has no parameters; each block ends in exactly one branch
// or return; critical edges are split (as in regalloc2) and no successor is
// listed twice; a branch to a single successor has no operands or clobbers,
// and no branch or return defines anything; every vreg has one def and one
// class, and each use comes after the def in its block or in a block the
// def's block strictly dominates; the
// operands of one instruction are satisfiable (no two fixed uses of one
// register with different vregs, reuse indices in range and pointing at an
// early register use, fixed registers of the operand's class, a Reg
// operand of a class with registers, and not more simultaneous register
// operands than the class has registers). Bad input never panics.
// Without Verify, Allocate trusts its input as regalloc2 does in release
// builds: it checks only what keeps it in bounds and terminating, and bad
// input gets an *Error or a wrong allocation (a panic it causes is
// recovered and reported as Validate's error). Checking everything cost a
// third of the analysis on compiled code; a backend's tests and fuzzers
// allocate with Verify instead.
//
// The MachineEnv gives Preferred registers (tried first; typically
// caller-saved), NonPreferred ones (typically callee-saved) and at most one
// Scratch register per class kept out of allocation for move cycles; each
// is a RegSet, a bitset over every class, so the zero value is empty.
// Output.CalleeSavedUsed is WrittenRegs ∩ NonPreferred, what the prologue
// must save when the non-preferred registers are the callee-saved ones.
//
// # Output
//
// Output.Allocs has one Alloc (register, spill slot or nothing) per operand,
// indexed through InstAllocStart. Edits are sorted by ProgPoint (before or
// after an instruction); edits at one point are sequential, in order, and
// never move slot to slot. Spill slots are numbered densely; SpillSlotClass
// gives each one's class, hence size. Options.Reuse lets a compiler hand
// back its last Output to be overwritten, so that allocating one function
// after another allocates no Output each time (on the strconv corpus the
// Outputs are 80% of the allocator's bytes, and reusing one saves 3% of
// its CPU in garbage collection).
//
// Edge moves go before the branch of the predecessor if it has one
// successor, else (critical edges being split) at the top of the successor.
// Block-parameter moves are parallel; moveResolver sequentialises them:
// emit any move whose destination nobody still reads, and when only cycles
// remain park one destination in a temporary (the scratch register, a dead
// register, or an emergency slot). Slot-to-slot moves then go through a
// register that is dead at that point of the sequence, or, failing that,
// through a borrowed register saved to and restored from an emergency
// slot. So cycles resolve even with no scratch register and no free one.
//
// # Two algorithms, one walk
//
// Both algorithms walk instructions forward and share the per-instruction
// step (allocator.inst). For one instruction it
//
//  1. gives each use a location: fixed uses their register; early register
//     uses, reuse targets first, the register the value is already in if
//     compatible, else a free register, else the one whose value is needed
//     furthest away (already-spilled values preferred: no store); late uses
//     avoid every def, clobber and reuse target; Any uses take the current
//     register or the slot; Stack uses the slot, spilling first if needed;
//  2. gives each def a location: fixed, reused, then free choices (a dying
//     move source's register first: coalescing; then the vreg's hint, its
//     first fixed constraint or the register of the loop parameter it
//     feeds, even when a use of the instruction that dies there holds it
//     (an induction step i+k then lands where i lives, and the back edge
//     carries no move); callee-saved first for values live across a call;
//     registers no later fixed operand of the block names before those
//     that one does), evicting only if needed;
//  3. finds every value whose register the instruction or its loads
//     overwrite (defs, clobbers, evictions) and, if still needed, gives it a
//     new home: a surviving copy; or, if its slot does not hold it yet, a
//     free register when the block uses it again, else its slot (a store).
//     A value already in its slot is simply dropped and reloaded at its
//     next use;
//  4. emits all of that as one parallel move before the instruction and
//     updates the register file.
//
// Every vreg has one canonical spill slot, allocated on first need. The
// state is dense and indexed by vreg or register number: regOwner[preg],
// vregReg[vreg], slotValid[vreg], vlive[vreg] (next use, live out).
// Invariant between instructions: regOwner and vregReg are inverse, and
// every vreg still needed is in a register or has slotValid set.
//
// Fast (Options.Algorithm = Fast) allocates blocks in index order, each from
// an empty register file. A vreg is global if it crosses a block boundary
// (a parameter, a branch argument, or used outside its def block); a global
// is stored to its slot right after its def, so registers can be dropped
// freely at block ends, and parameters live in their slots. Next uses are
// known within the block only (one backward scan per block), and eviction
// is Belady's rule on them. No liveness analysis is done; SSA validity is
// checked against the dominator tree. Cost is linear in the function.
//
// Quality allocates blocks in reverse postorder and carries the register
// file across edges, in the manner of the Go compiler's allocator. It
// computes global liveness (live-in sets, by walking predecessors from each
// upward-exposed use to the def), so it knows which values outlive a block.
// A block starts from the end state of an already allocated predecessor:
// values it uses stay in their registers, parameters take their argument's
// register when free, and values only passing through keep their
// registers while the block leaves room for them, else go to their slots
// (so that registers go to this block's uses and other predecessors need
// not reload them). Room is counted before the walk, one backward scan per
// block: its demand is the most registers of a class its operands, the
// values it uses and the values it defines need at once (clobbered
// registers included), and a pass-through value keeps its register only
// while the class has registers beyond that demand, no clobber or fixed
// operand of the block names that register, and every allocated
// predecessor has the value in a register too (else that one would pay a
// reload). For a loop header the demand and the avoided registers are
// those of the whole natural loop (found by walking back from each back
// edge), so a value live through a loop stays in its preheader register
// around the loop and the back edge's fix-up is register to register or
// nothing, instead of a store before the loop and reloads in it. Values
// entering a loop header in a register (defined outside the loop) are also
// stored on the way in, once per entry, so that displacing one inside the
// loop costs no store per iteration. A header serves the values its loop
// reads (its blocks' upward-exposed uses, kept from liveness) before those
// only passing through: the former keep their registers first, and those
// arriving only in their slots (a stride or bound displaced before the
// loop) are loaded into a free register on the entry edge, once per entry,
// instead of at every use in every iteration. Each such load takes one of
// the loop's spare registers, except for a value a one-block loop reads,
// which is within that block's demand. Spills are lazy: a value is stored only when it is
// evicted or must cross a clobber, and slot validity travels with the
// boundary states. Every edge whose two ends are both allocated gets a
// fix-up parallel move from the predecessor's end state to the successor's
// start state (back edges into loop headers, merges). Live-range splitting
// is implicit: a value moves between registers and its slot wherever that
// is cheapest at the time, and each move is one edit.
//
// # The checker
//
// Check(f, env, out) proves an output correct without trusting the
// allocator. It first checks each instruction statically (locations of the
// right class meeting their constraints, no two simultaneously live
// operands sharing a location, late uses outside clobbers, non-fixed
// registers allocatable, edits sorted, well-formed and never slot to slot,
// WrittenRegs complete) and then abstractly interprets the program: each
// location maps to the set of vregs whose current value it holds. Edits copy
// sets; a def makes its location hold exactly its vreg and removes that
// vreg everywhere else; clobbers empty registers; an edge renames each
// argument to its parameter; predecessors' states are intersected at block
// entry until a fixed point. Every use must find its vreg in its location.
// To keep states small, facts about vregs not live into a block are dropped
// at its entry; dropping facts can only make the checker stricter, so a
// liveness bug cannot hide an allocation bug. Options.Verify runs it after
// Allocate; every test and both fuzz targets do.
//
// # Tests and benchmarks
//
// gen_test.go turns fuzzer bytes into random valid functions: CFGs with
// loops and critical edges (split, as required), block parameters, calls
// with clobbers, fixed, reuse, stack, any, early and late operands, moves,
// and few registers. FuzzAllocate runs both algorithms and the checker on
// each; FuzzAllocateInvalid corrupts such functions at random and requires
// an *Error or a checked allocation with Verify; without it, no panic
// and a checked allocation whenever Validate accepts the input.
// FuzzParallelMoves checks the move resolver against a concrete
// simulation. BenchmarkAllocate reports
// wall and CPU ns per instruction and the edits inserted on generated 10k
// and 100k instruction functions, by kind and weighted by loop depth (all
// edits, and the memory accesses alone). Generated functions are not
// shaped like compiled code, which has a few instructions per block and
// long pass-through live ranges; corpus_test.go reads real inputs (every
// function a compiler handed to Allocate, dumped by a build with a hook in
// Allocate) from the file $KILN_REGALLOC_CORPUS: TestCorpus checks both
// algorithms on each and totals their edits, BenchmarkCorpus times them.
//
// On the generated functions (high register pressure, many fixed
// constraints and calls) Quality inserts fewer edits than Fast and far
// fewer memory accesses (spills plus reloads), but more register moves:
// where Fast stores every cross-block value once at its def and later just
// drops its register, Quality keeps values in registers lazily and moves a
// not-yet-stored value aside rather than storing it. Compare the kinds, not
// only the totals.
//
// # Speed
//
// Compiled code averages four instructions per block (the Go strconv
// tests: 1.57M instructions in 389k blocks, 6500 functions), so per-call
// and per-block costs dominate, not per-operand ones. Hence: an allocator
// and its analysis are pooled (sync.Pool) and keep every table between
// calls, so a call allocates only its Output; the CFG, clobber sets and
// operands are copied once into flat tables instead of being fetched
// through the Function interface by every pass; block boundary states
// live in one arena; the register file is cleared through a bit set of
// occupied registers; RegSet keeps its class words in fields so that the
// compiler holds sets in registers. On that corpus this made Quality 2x
// faster (680 -> 330 CPU ns per instruction) with identical edits.
//
// Then, again with identical output: Allocate trusts its input unless
// Verify asks for validation (a third of the analysis was checks); the
// pass that copies operands also finds the upward-exposed uses and a set
// of operand kinds per instruction, which lets inst skip the passes over
// operands that would find nothing; Quality's next-use scan rides on
// computeBudgets' backward pass; freeReg walks the bits of its candidate
// registers instead of the whole allocation order; edge fix-ups leave
// values that stay put out of the parallel move and skip the resolver
// when nothing moves; a lone move is emitted without sequentialising;
// dominators take one pass over a reducible CFG. Quality went from about
// 340 to 270 CPU ns per instruction (-20%), Fast from 218 to 165 (-24%),
// and the optimizing tier's strconv compile from 1.85 to 1.72 s of CPU.
//
// 71% of the corpus's blocks are a lone jump (split edges, empty wasm
// blocks), holding 73% of its live-in entries, and 80% of blocks have one
// predecessor and no parameters. So, again with identical output: a lone
// jump's end state is its start state (passBlock), and its demand is
// counted from its arguments, not from scans of live-in sets; a block
// entered from its only predecessor decides its live-ins and emits that
// edge's moves in one pass (enterOnePred), reading them straight from the
// register file when the predecessor was allocated just before it (half
// the time), which is why Quality leaves a block's end state in the file
// until the next block enters. Quality went from about 272 to 247 CPU ns
// per instruction (-9%). Tried and measured slower (2-3%, under load):
// end states sorted by vreg and merged instead of indexed, deduplicating
// live-outs by the live-out stamp instead of the lookup table, skipping
// the live list of call-free blocks in computeBudgets.
//
// # Known gaps
//
//   - Quality is not regalloc2's backtracking allocator: there are no live
//     range bundles, no priority queue, no eviction of already allocated
//     ranges and no splitting at optimal points. Decisions made at one
//     instruction are never revisited, and a merge block inherits the
//     register file of one predecessor; the others pay the fix-up moves.
//   - Spill placement: a value spilled inside a loop is stored there; no
//     hoisting of stores to the def, reloads leave a loop only for values
//     live into its header (loaded on the entry edge when a register is
//     spare), and no rematerialisation of constants. Values entering a
//     loop in registers are stored on the way in even when the loop never
//     displaces them (a dead store per entry; dropping it when the loop
//     has registers to spare removes the frame of filetests'
//     two-address.clif %axpy but changes optimizing/compile's wasm-mode
//     golden).
//   - One spill slot per spilled vreg; slots of disjoint live ranges are not
//     shared, so frames are larger than necessary.
//   - No register-limit constraints (regalloc2's Limit(n)), no register
//     pairs or aliasing between classes.
//   - Loop depth is not used to weigh eviction; distances are static
//     instruction counts within a block.
//   - The room for pass-through values is a count per class, not a choice
//     of registers: a kept value can still be evicted (a store if its slot
//     is stale) when the block's own values want its register, and inside
//     a loop that makes the back edge reload it. Kept values are taken in
//     live-in order, not by how soon they are used. On the generated
//     benchmark functions this trades some memory accesses for more
//     register moves (fewer loop-weighted spills plus reloads, more moves);
//     on compiled Go and C code it removed most loop store/reload pairs.
//   - Validation requires blocks to be reachable; dead blocks must be removed
//     by the backend first.
//   - Quality's live-in sets are explicit per-block lists, so liveness
//     costs the sum over values of the blocks they span: hundreds of values
//     live through thousands of blocks cost tens of microseconds per
//     instruction (Fast does not compute them).
//   - Quality's loop budgets walk each natural loop's body once per loop
//     (and entering a header reads the upward-exposed uses of its body),
//     so deeply nested loops cost the sum of their sizes, quadratic in the
//     nesting depth.
//   - The zero Options select Quality without validation or verification;
//     Verify costs more than allocating and is meant for tests and debug
//     builds.
package regalloc
