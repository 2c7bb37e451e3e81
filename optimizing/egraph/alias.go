package egraph

import (
	"kiln/ir"
	"kiln/ir/flow"
)

// Alias analysis: redundant loads and store-to-load forwarding, done while
// the e-graph is built, so addresses are compared as classes (after GVN
// and the rules) and a replaced load's value feeds the rules at once.
//
// Memory is split into categories: one per alias region named in memory
// flags, plus category 0 for accesses without a region. Every point of the
// function has, per category, a memory version: the last instruction that
// may have written that category (a store in it, a store without region,
// a call, a fence, an atomic), or a merge version at a block whose
// predecessors disagree. Versions are found by a forward dataflow over
// the CFG before the build (memoryVersions). During the build, two loads
// of the same kind, address class, offset and flags under the same version
// read the same bytes, and a store followed by a load of exactly its type
// and flags from the same place reads the stored value; the table of
// available loads is scoped like the hash-consing map, so a load is only
// replaced by a twin that dominates it.
//
// Removing such a load cannot hide a trap: the earlier access to the same
// address under the same memory state succeeded, and bounds only grow.
// Loads are never moved, and nothing else is removed, so the wasm
// interrupt checks (calls) stay where they are; calls also end every
// version, so nothing is forwarded across them.

// memVersion names a memory state: >= 0 the instruction that last wrote,
// < 0 a merge point (-2-block) or the function entry (-1).
type memVersion int32

const entryVersion memVersion = -1

// unchanged marks a category a block does not write (in block summaries).
const unchanged memVersion = -1 << 30

const maxCategories = 8

type memState [maxCategories]memVersion

// loadKey identifies what a load reads: the memory version of its
// category, the load's kind and type, its address class, offset and flags.
type loadKey struct {
	version memVersion
	op      ir.Opcode
	ty      ir.Type
	addr    Node
	offset  int32
	flags   ir.MemFlags
}

func category(fl ir.MemFlags) int {
	r, ok := fl.Region()
	if !ok || int(r)+1 >= maxCategories {
		return 0
	}
	return int(r) + 1
}

// isPlainLoad reports loads this pass understands (not atomic, not SIMD
// extending loads; those are left alone).
func isPlainLoad(op ir.Opcode) bool {
	switch op {
	case ir.OpLoad, ir.OpUload8, ir.OpSload8, ir.OpUload16, ir.OpSload16, ir.OpUload32, ir.OpSload32:
		return true
	}
	return false
}

// transfer applies the memory effect of inst to s.
func transfer(f *ir.Function, inst ir.Inst, s *memState) {
	d := &f.DFG.Insts[inst]
	op := d.Opcode
	switch {
	case isPlainLoad(op):
		return
	case op == ir.OpStore || op == ir.OpIstore8 || op == ir.OpIstore16 || op == ir.OpIstore32:
		c := category(d.Flags)
		if c == 0 {
			for i := range s {
				s[i] = memVersion(inst)
			}
			return
		}
		s[c] = memVersion(inst)
		s[0] = memVersion(inst)
	case op.Flags()&(ir.CanStore|ir.IsCall|ir.SideEffects) != 0:
		for i := range s {
			s[i] = memVersion(inst)
		}
	}
}

// memoryVersions computes the memory state at the entry of every block,
// or nil when the function has fewer than two loads (nothing can be
// redundant), and counts the function's instructions on the way (Run
// sizes its tables by that).
func memoryVersions(f *ir.Function, cfg *flow.CFG, dom *flow.DomTree, sc *scratch) (states []memState, ninsts int) {
	entry := f.Layout.EntryBlock()
	// One walk over the instructions: count the loads and summarize each
	// block's effect on memory (its last writer per category, or
	// unchanged), so the fixpoint below iterates over blocks only.
	nb := f.DFG.NumBlocks()
	// The tables are sc's, reused from function to function.
	summary := resize(sc.memSummary, nb)
	sc.memSummary = summary
	loads := 0
	for b := range f.Layout.Blocks() {
		sm := &summary[b]
		for c := range sm {
			sm[c] = unchanged
		}
		for inst := range f.Layout.BlockInsts(b) {
			ninsts++
			if isPlainLoad(f.DFG.Insts[inst].Opcode) {
				loads++
				continue
			}
			transfer(f, inst, sm)
		}
	}
	if loads < 2 {
		return nil, ninsts // nothing can be redundant
	}
	in, out, done := resize(sc.memIn, nb), resize(sc.memOut, nb), resize(sc.memDone, nb)
	// A block's states are a function of its predecessors' out states
	// (and of its own in state, which only it writes), so after the first
	// pass a block is computed again only if it skipped a predecessor
	// then (not done yet: a back edge) or a predecessor's out state has
	// changed since: anything else would compute what it has. outAt[b] is
	// the step at which out[b] last changed, seenAt[b] the step b was last
	// computed at, partial[b] that it skipped a predecessor.
	outAt, seenAt, partial := resize(sc.memOutAt, nb), resize(sc.memSeenAt, nb), resize(sc.memPartial, nb)
	sc.memIn, sc.memOut, sc.memDone = in, out, done
	sc.memOutAt, sc.memSeenAt, sc.memPartial = outAt, seenAt, partial
	step := int32(0)
	rpo := dom.CFGPostorder()
	for pass, changed := 0, true; changed; pass++ {
		changed = false
		// If in the first pass every block found all its predecessors
		// done, it read only final states: with no back edge (most
		// functions) that pass is the fixpoint, and a second would only
		// confirm it. (Later passes find every predecessor done, final or
		// not, so the test means nothing there.)
		backEdge := false
	blocks:
		for i := len(rpo) - 1; i >= 0; i-- {
			b := rpo[i]
			if pass > 0 && !partial[b] {
				stale := false
				for _, p := range cfg.Preds(b) {
					if outAt[p.Block] > seenAt[b] {
						stale = true
						break
					}
				}
				if !stale {
					continue blocks
				}
			}
			step++
			seenAt[b], partial[b] = step, false
			var s memState
			if b == entry {
				for c := range s {
					s[c] = entryVersion
				}
			} else {
				first := true
				for _, p := range cfg.Preds(b) {
					if !done[p.Block] {
						backEdge = true
						partial[b] = true
						continue
					}
					if first {
						s, first = out[p.Block], false
						continue
					}
					for c := range s {
						if s[c] != out[p.Block][c] {
							s[c] = memVersion(-2 - int32(b))
						}
					}
				}
				// A loop header's state depends on its own back edges;
				// once any category merged here, keep it merged so the
				// iteration is monotone.
				if done[b] {
					for c := range s {
						if in[b][c] == memVersion(-2-int32(b)) {
							s[c] = in[b][c]
						}
					}
				}
			}
			o := s
			for c, w := range summary[b] {
				if w != unchanged {
					o[c] = w
				}
			}
			if !done[b] || in[b] != s || out[b] != o {
				changed = true
			}
			if !done[b] || out[b] != o {
				outAt[b] = step
			}
			in[b], out[b], done[b] = s, o, true
		}
		if pass == 0 && !backEdge {
			break
		}
	}

	return in, ninsts
}
