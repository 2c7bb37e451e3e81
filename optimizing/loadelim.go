package optimizing

import (
	"kiln/ir"
	"kiln/ir/flow"
)

// Redundant load elimination by alias analysis.
//
// Memory is split into categories: one per alias region named in memory
// flags, plus category 0 for accesses without a region. Every point of the
// function has, per category, a memory version: the last instruction that
// may have written that category (a store in it, a store without region,
// a call, a fence, an atomic), or a merge version at a block whose
// predecessors disagree. Versions are found by a forward dataflow over
// the CFG. Two loads of the same kind, address value, offset and flags
// under the same version read the same bytes, and a store followed by a
// load of exactly its type from the same place reads the stored value;
// walking the dominator tree with a scoped table, a load whose twin
// dominates it is replaced by the twin's value.
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

type loadKey struct {
	version memVersion
	op      ir.Opcode
	ty      ir.Type
	addr    ir.Value
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
	case op.CanStore() || op.IsCall() || op.Flags()&ir.SideEffects != 0:
		for i := range s {
			s[i] = memVersion(inst)
		}
	}
}

func eliminateRedundantLoads(st *state) {
	f := st.f
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock {
		return
	}
	// One walk over the instructions: count the loads and summarize each
	// block's effect on memory (its last writer per category, or
	// unchanged), so the fixpoint below iterates over blocks only.
	nb := f.DFG.NumBlocks()
	summary := make([]memState, nb)
	loads := 0
	for b := range f.Layout.Blocks() {
		sm := &summary[b]
		for c := range sm {
			sm[c] = unchanged
		}
		for inst := range f.Layout.BlockInsts(b) {
			if isPlainLoad(f.DFG.Insts[inst].Opcode) {
				loads++
				continue
			}
			transfer(f, inst, sm)
		}
	}
	if loads < 2 {
		return // nothing can be redundant
	}
	cfg := st.flowGraph()
	dom := flow.NewDomTree(f, cfg)
	in := make([]memState, nb)
	out := make([]memState, nb)
	done := make([]bool, nb)
	rpo := dom.CFGPostorder()
	for changed := true; changed; {
		changed = false
		for i := len(rpo) - 1; i >= 0; i-- {
			b := rpo[i]
			var s memState
			if b == entry {
				for c := range s {
					s[c] = entryVersion
				}
			} else {
				first := true
				for _, p := range cfg.Preds(b) {
					if !done[p.Block] {
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
			in[b], out[b], done[b] = s, o, true
		}
	}

	// Scoped table of available loaded/stored values, dominator-tree
	// preorder with an explicit stack; entries are undone on scope exit.
	type undo struct {
		k       loadKey
		prev    ir.Value
		existed bool
	}
	avail := map[loadKey]ir.Value{}
	var log []undo
	set := func(k loadKey, v ir.Value) {
		prev, ok := avail[k]
		log = append(log, undo{k, prev, ok})
		avail[k] = v
	}
	type item struct {
		b    ir.Block
		mark int
		exit bool
	}
	stack := []item{{b: entry}}
	removed := false
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.exit {
			for len(log) > it.mark {
				u := log[len(log)-1]
				log = log[:len(log)-1]
				if u.existed {
					avail[u.k] = u.prev
				} else {
					delete(avail, u.k)
				}
			}
			continue
		}
		stack = append(stack, item{b: it.b, mark: len(log), exit: true})
		kids := dom.Children(it.b)
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, item{b: kids[i]})
		}
		s := in[it.b]
		for inst := range f.Layout.BlockInsts(it.b) {
			d := &f.DFG.Insts[inst]
			op := d.Opcode
			switch {
			case isPlainLoad(op):
				v := s[category(d.Flags)]
				if d.Flags.Readonly() {
					v = entryVersion
				}
				res := f.DFG.FirstResult(inst)
				k := loadKey{version: v, op: op, ty: f.DFG.ValueType(res), addr: f.DFG.ResolveAliases(f.DFG.Args(inst)[0]),
					offset: d.Offset(), flags: d.Flags}
				if prev, ok := avail[k]; ok {
					f.Layout.RemoveInst(inst)
					f.DFG.ClearResults(inst)
					f.DFG.MakeAlias(res, prev)
					removed = true
					continue
				}
				set(k, res)
			case op == ir.OpStore:
				transfer(f, inst, &s)
				args := f.DFG.Args(inst)
				val := f.DFG.ResolveAliases(args[0])
				k := loadKey{version: memVersion(inst), op: ir.OpLoad, ty: f.DFG.ValueType(val),
					addr: f.DFG.ResolveAliases(args[1]), offset: d.Offset(), flags: d.Flags}
				set(k, val)
			default:
				transfer(f, inst, &s)
			}
		}
	}
	if removed {
		f.DFG.ResolveAllAliases()
	}
}
