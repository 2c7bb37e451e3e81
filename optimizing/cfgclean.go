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
	st.invalidateCFG()
	cfg := st.flowGraph()
	sc := st.dce
	reached := resize(sc.editable, f.DFG.NumBlocks())
	stack := append(sc.blocks[:0], f.Layout.EntryBlock())
	defer func() { sc.editable, sc.blocks = reached, stack[:0] }()
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
	dead := stack[:0] // empty now
	for b := range f.Layout.Blocks() {
		if !reached[b] {
			dead = append(dead, b)
		}
	}
	stack = dead
	if len(dead) > 0 {
		st.cfgChanged = true
		st.invalidateCFG() // the removed blocks' edges are still in it
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
	// Every edge into a block, as (instruction, block-call index).
	type edge struct {
		inst ir.Inst
		idx  int
	}
	var edges []edge
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
			edges = edges[:0]
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
			}
		}
		if changed {
			f.DFG.ResolveAllAliases()
		}
	}
}

// deadCode removes pure instructions whose results are unused and block
// parameters whose values are never used,
// except to be passed around to other dead parameters or to pure code
// that is itself dead (a loop-carried variable nothing reads), together
// with their arguments on every edge. Liveness starts from the operands of
// every instruction with an effect and every terminator, and flows
// backwards through pure instructions and branch arguments. Instructions
// with effects (stores, calls, traps, loads that may trap — among them the
// wasm interrupt checks) are never removed. Blocks entered from br_table or try_call edges keep
// their parameters, as in removeConstantPhis.
func deadCode(st *state) {
	f := st.f
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock {
		return
	}
	nv := f.DFG.NumValues()
	sc := st.dce
	live := resize(sc.live, nv)
	editable := resize(sc.editable, f.DFG.NumBlocks()) // all incoming edges are jump/brif
	for b := range f.Layout.Blocks() {
		editable[b] = b != entry
	}
	// feeds[p] lists the values passed to parameter p.
	feeds, work, calls := sc.feeds[:0], sc.work[:0], sc.calls[:0]
	defer func() {
		sc.live, sc.editable, sc.feeds, sc.work, sc.calls = live, editable, feeds[:0], work[:0], calls[:0]
	}()
	markLive := func(v ir.Value) {
		if v >= 0 && int(v) < nv && !live[v] {
			live[v] = true
			work = append(work, v)
		}
	}
	// The pure instructions, in layout order, with their arguments copied
	// out (pureArgs[pureStart[k]:pureStart[k+1]] for the k-th) and
	// pureOf[v] = k+1 for each result v: following liveness back through
	// them reads these dense tables, not the instructions and value
	// definitions all over the function's tables. A fed parameter has
	// pureOf -(i+1) instead, i its index among them, so one lookup tells
	// what a live value leads to.
	pureOf := resize(sc.pureOf, nv)
	nfed := int32(0)
	pure, pureArgs, pureStart := sc.pure[:0], sc.pureArgs[:0], append(sc.pureStart[:0], 0)
	for b := range f.Layout.Blocks() {
		for inst := range f.Layout.BlockInsts(b) {
			d := &f.DFG.Insts[inst]
			if res := f.DFG.Results(inst); d.Opcode.IsPure() && len(res) > 0 {
				// Its operands are used only if a result is live (below).
				pure = append(pure, inst)
				for _, r := range res {
					pureOf[r] = int32(len(pure))
				}
				pureArgs = append(pureArgs, f.DFG.Args(inst)...)
				pureStart = append(pureStart, int32(len(pureArgs)))
			} else {
				// An effect or a terminator uses its operands.
				for _, a := range f.DFG.Args(inst) {
					markLive(a)
				}
			}
			if !d.Opcode.IsBranch() {
				continue
			}
			switch d.Format() {
			case ir.FmtJump, ir.FmtBrif:
				for _, bc := range f.DFG.BlockCalls(inst) {
					params := f.DFG.BlockParams(bc.Block)
					for i, a := range f.DFG.List(bc.Args) {
						if i < len(params) {
							p := params[i]
							if pureOf[p] == 0 {
								nfed++
								pureOf[p] = -nfed
							}
							feeds = append(feeds, feed{-pureOf[p] - 1, a})
						}
					}
				}
			default:
				// br_table, try_call: their targets keep every parameter
				// and everything passed to them is used.
				calls = f.DFG.AppendBlockCalls(calls[:0], inst)
				for _, bc := range calls {
					editable[bc.Block] = false
					for _, a := range f.DFG.List(bc.Args) {
						markLive(ir.BlockArg(a).Value())
					}
				}
				if d.Format() == ir.FmtTryCall || d.Format() == ir.FmtTryCallIndirect {
					for _, h := range f.DFG.ExceptionTables[d.Entity].Handlers {
						if h.Tag == ir.TagContext {
							markLive(h.Context)
						}
					}
				}
			}
		}
	}
	for b := range f.Layout.Blocks() {
		if !editable[b] {
			for _, p := range f.DFG.BlockParams(b) {
				markLive(p)
			}
		}
	}
	// The arguments fed to the i-th fed parameter are
	// feedArgs[feedStart[i]:feedStart[i+1]].
	feedStart := resize(sc.feedStart, int(nfed)+1)
	for _, fd := range feeds {
		feedStart[fd.param+1]++
	}
	for i := range nfed {
		feedStart[i+1] += feedStart[i]
	}
	feedArgs := resize(sc.feedArgs, len(feeds))
	fill := resize(sc.fill, int(nfed))
	copy(fill, feedStart[:nfed])
	for _, fd := range feeds {
		feedArgs[fill[fd.param]] = fd.arg
		fill[fd.param]++
	}
	sc.feedStart, sc.feedArgs, sc.fill = feedStart, feedArgs, fill
	// pureLive[k]: a result of the k-th pure instruction is live.
	pureLive := resize(sc.pureLive, len(pure))
	sc.pureOf, sc.pure, sc.pureArgs, sc.pureStart, sc.pureLive = pureOf, pure[:0], pureArgs[:0], pureStart[:0], pureLive
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		switch x := pureOf[v]; {
		case x > 0:
			if k := x - 1; !pureLive[k] {
				pureLive[k] = true
				for _, a := range pureArgs[pureStart[k]:pureStart[k+1]] {
					markLive(a)
				}
			}
		case x < 0:
			i := -x - 1
			for _, a := range feedArgs[feedStart[i]:feedStart[i+1]] {
				markLive(a)
			}
		}
	}
	cfg := st.flowGraph()
	for b := range f.Layout.Blocks() {
		if !editable[b] {
			continue
		}
		params := f.DFG.BlockParams(b)
		var dead []int
		for i, p := range params {
			if !live[p] {
				dead = append(dead, i)
			}
		}
		if len(dead) == 0 {
			continue
		}
		drop := func(args []ir.Value) []ir.Value {
			out := make([]ir.Value, 0, len(args))
			for i, a := range args {
				if len(dead) > 0 && !containsInt(dead, i) {
					out = append(out, a)
				}
			}
			return out
		}
		for pi, pr := range cfg.Preds(b) {
			if pi > 0 && cfg.Preds(b)[pi-1].Inst == pr.Inst {
				continue
			}
			for i, bc := range f.DFG.BlockCalls(pr.Inst) {
				if bc.Block == b {
					f.DFG.SetBlockCall(pr.Inst, i, ir.BlockCall{Block: b, Args: f.DFG.NewList(drop(f.DFG.List(bc.Args))...)})
				}
			}
		}
		for i := len(dead) - 1; i >= 0; i-- {
			f.DFG.RemoveBlockParam(f.DFG.BlockParams(b)[dead[i]])
		}
	}
	for k, inst := range pure {
		if !pureLive[k] {
			f.Layout.RemoveInst(inst)
		}
	}
}

// dceScratch holds deadCode's tables (and removeUnreachable's), reused
// across functions (state.dce): they are as large as the function.
type dceScratch struct {
	live, editable  []bool
	feeds           []feed
	work, feedArgs  []ir.Value
	feedStart, fill []int32
	pure            []ir.Inst
	blocks, into    []ir.Block // removeUnreachable's and mergeBlocks'
	pureOf          []int32
	pureArgs        []ir.Value
	pureStart       []int32
	pureLive        []bool
	calls           []ir.BlockCall // a br_table's or try_call's targets
}

// feed is one value passed to a block parameter by a jump or brif: the
// parameter's index among the fed ones, and the value.
type feed struct {
	param int32
	arg   ir.Value
}

// resize returns s with length n and every element zero, reusing its
// storage when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// mergeBlocks appends a block to its only predecessor when that
// predecessor ends in a jump to it: the jump's arguments replace the
// block's parameters and the two blocks become one. Chains merge in one
// sweep. Blocks of different temperature (cold/hot) stay apart.
func mergeBlocks(st *state) {
	f := st.f
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock {
		return
	}
	cfg := st.flowGraph()
	// into[b] is the block b was merged into (NoBlock: not merged).
	into := st.dce.into[:0]
	for range f.DFG.NumBlocks() {
		into = append(into, ir.NoBlock)
	}
	find := func(b ir.Block) ir.Block {
		for into[b] != ir.NoBlock {
			b = into[b]
		}
		return b
	}
	blocks := st.dce.blocks[:0]
	for b := range f.Layout.Blocks() {
		blocks = append(blocks, b)
	}
	defer func() { st.dce.into, st.dce.blocks = into[:0], blocks[:0] }()
	merged := false
	for _, b := range blocks {
		preds := cfg.Preds(b)
		if b == entry || len(preds) != 1 {
			continue
		}
		jump := preds[0].Inst
		p := find(preds[0].Block)
		if p == b || f.Layout.InstBlock(jump) != p || f.Layout.LastInst(p) != jump ||
			f.DFG.Insts[jump].Opcode != ir.OpJump || f.Layout.IsCold(p) != f.Layout.IsCold(b) {
			continue
		}
		bc := f.DFG.BlockCalls(jump)[0]
		args := append([]ir.Value(nil), f.DFG.List(bc.Args)...)
		params := append([]ir.Value(nil), f.DFG.BlockParams(b)...)
		for i := len(params) - 1; i >= 0; i-- {
			f.DFG.RemoveBlockParam(params[i])
			f.DFG.MakeAlias(params[i], args[i])
		}
		f.Layout.RemoveInst(jump)
		for inst := range f.Layout.BlockInsts(b) {
			f.Layout.RemoveInst(inst)
			f.Layout.AppendInst(inst, p)
		}
		f.Layout.RemoveBlock(b)
		into[b] = p
		merged = true
	}
	if merged {
		st.invalidateCFG()
		f.DFG.ResolveAllAliases()
	}
}
