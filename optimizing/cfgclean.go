package optimizing

import (
	"kiln/ir"
)

// removeUnreachable takes every block the entry cannot reach out of the
// layout. Such blocks can only branch to each other or into reachable
// blocks; their edges into reachable blocks disappear with them.
func removeUnreachable(st *state) {
	f := st.f
	if f.Layout.EntryBlock() == ir.NoBlock {
		return
	}
	st.cfg = nil
	cfg := st.flowGraph()
	reached := make([]bool, f.DFG.NumBlocks())
	stack := []ir.Block{f.Layout.EntryBlock()}
	reached[stack[0]] = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, s := range cfg.Succs(b) {
			if !reached[s] {
				reached[s] = true
				stack = append(stack, s)
			}
		}
	}
	var dead []ir.Block
	for b := range f.Layout.Blocks() {
		if !reached[b] {
			dead = append(dead, b)
		}
	}
	if len(dead) > 0 {
		st.cfgChanged = true
		st.cfg = nil // the removed blocks' edges are still in it
	}
	for _, b := range dead {
		for inst := range f.Layout.BlockInsts(b) {
			f.Layout.RemoveInst(inst)
		}
		f.Layout.RemoveBlock(b)
	}
}

// removeConstantPhis removes block parameters that receive the same value
// on every incoming edge (or themselves, around a loop): the parameter is
// that value, and the argument is dropped from every edge. It repeats until
// nothing changes, since removing one parameter can make another
// constant. Blocks entered from br_table or try_call edges are left alone.
func removeConstantPhis(st *state) {
	f := st.f
	if f.Layout.EntryBlock() == ir.NoBlock {
		return
	}
	entry := f.Layout.EntryBlock()
	any := false
	for b := range f.Layout.Blocks() {
		if b != entry && len(f.DFG.BlockParams(b)) > 0 {
			any = true
			break
		}
	}
	if !any {
		return
	}
	for changed := true; changed; {
		changed = false
		// Removing parameters changes branch arguments, not edges: the
		// CFG stays valid.
		cfg := st.flowGraph()
	blocks:
		for b := range f.Layout.Blocks() {
			if b == entry || len(f.DFG.BlockParams(b)) == 0 {
				continue
			}
			// Every edge into b, as (instruction, block-call index).
			type edge struct {
				inst ir.Inst
				idx  int
			}
			var edges []edge
			for pi, p := range cfg.Preds(b) {
				if pi > 0 && cfg.Preds(b)[pi-1].Inst == p.Inst {
					continue // one branch naming b twice (brif to b both ways)
				}
				switch f.DFG.Insts[p.Inst].Format() {
				case ir.FmtJump, ir.FmtBrif:
				default:
					continue blocks
				}
				for i, bc := range f.DFG.BlockCalls(p.Inst) {
					if bc.Block == b {
						edges = append(edges, edge{p.Inst, i})
					}
				}
			}
			if len(edges) == 0 {
				continue
			}
			params := f.DFG.BlockParams(b)
			for pi := len(params) - 1; pi >= 0; pi-- {
				p := f.DFG.BlockParams(b)[pi]
				same := ir.NoValue
				ok := true
				for _, e := range edges {
					a := ir.BlockArg(f.DFG.List(f.DFG.BlockCalls(e.inst)[e.idx].Args)[pi])
					if a.Kind() != ir.ArgValue {
						ok = false
						break
					}
					v := f.DFG.ResolveAliases(a.Value())
					if v == p {
						continue
					}
					if same != ir.NoValue && v != same {
						ok = false
						break
					}
					same = v
				}
				if !ok || same == ir.NoValue {
					continue
				}
				for _, e := range edges {
					bc := f.DFG.BlockCalls(e.inst)[e.idx]
					old := f.DFG.List(bc.Args)
					args := make([]ir.Value, 0, len(old)-1)
					args = append(args, old[:pi]...)
					args = append(args, old[pi+1:]...)
					f.DFG.SetBlockCall(e.inst, e.idx, ir.BlockCall{Block: b, Args: f.DFG.NewList(args...)})
				}
				f.DFG.RemoveBlockParam(p)
				f.DFG.MakeAlias(p, same)
				changed = true
				st.paramsRemoved = true
			}
		}
		if changed {
			f.DFG.ResolveAllAliases()
		}
	}
}

// deadCode removes pure instructions whose results are unused, walking
// backwards so that a chain of dead instructions goes in one sweep.
// Instructions with effects (stores, calls, traps, loads that may trap —
// among them the wasm interrupt checks) are never removed.
func deadCode(st *state) {
	f := st.f
	used := make([]bool, f.DFG.NumValues())
	mark := func(v ir.Value) {
		if v = f.DFG.ResolveAliases(v); v >= 0 && int(v) < len(used) {
			used[v] = true
		}
	}
	var blocks []ir.Block
	for b := range f.Layout.Blocks() {
		blocks = append(blocks, b)
	}
	// Block arguments and uses in other blocks: mark every use in a
	// first sweep, then remove backwards, unmarking nothing (a removed
	// instruction's operands may become dead; the loop repeats).
	for changed := true; changed; {
		changed = false
		clear(used)
		for _, b := range blocks {
			for inst := range f.Layout.BlockInsts(b) {
				for _, a := range f.DFG.Args(inst) {
					mark(a)
				}
				d := &f.DFG.Insts[inst]
				switch d.Format() {
				case ir.FmtBranchTable:
					jt := &f.DFG.JumpTables[d.Entity]
					for _, bc := range append([]ir.BlockCall{jt.Default}, jt.Targets...) {
						for _, a := range f.DFG.BlockCallArgs(bc) {
							mark(a.Value())
						}
					}
					continue
				case ir.FmtTryCall, ir.FmtTryCallIndirect:
					for _, h := range f.DFG.ExceptionTables[d.Entity].Handlers {
						if h.Tag == ir.TagContext {
							mark(h.Context)
						}
					}
				}
				for _, bc := range f.DFG.BlockCalls(inst) {
					for _, a := range f.DFG.BlockCallArgs(bc) {
						mark(a.Value())
					}
				}
			}
		}
		for _, b := range blocks {
			for inst := range f.Layout.BlockInsts(b) {
				res := f.DFG.Results(inst)
				if len(res) == 0 || !f.DFG.Insts[inst].Opcode.IsPure() {
					continue
				}
				live := false
				for _, r := range res {
					live = live || used[r]
				}
				if !live {
					f.Layout.RemoveInst(inst)
					changed = true
				}
			}
		}
	}
}
