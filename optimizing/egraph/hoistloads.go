package egraph

import (
	"kiln/ir"
	"kiln/ir/flow"
)

// Hoisting loads of the VM context out of loops.
//
// The e-graph's LICM moves pure nodes only; loads stay in the skeleton,
// and its alias analysis cannot replace a load in a loop by one before it,
// because every wasm loop header calls the interrupt check and a call ends
// every memory version. So a wasm loop that touches linear memory reloads
// the memory's base and length from the VM context on every iteration:
// two extra loads per access in the inner loops of the C kernels, where
// the bound also blocks merging the bounds checks of consecutive
// iterations' accesses.
//
// HoistLoads moves such loads to the loop's preheader when that is
// provably the same value and provably cannot fault:
//
//   - The address is the function's VM context parameter (a pointer the
//     embedder guarantees valid for the whole call) and the load is
//     notrap and aligned, so executing it where the loop would not have is
//     harmless. Heap loads are notrap too, but only because a bounds check
//     precedes them: they are never moved.
//   - Nothing in the loop may write the load's alias category: no store to
//     it (or without a region), no atomic or fence, and no call, except
//     calls the caller names as writing no memory (the interrupt check,
//     whose slow path only yields to the Go scheduler or traps). memory.grow
//     and host calls are calls, so a loop containing one keeps its loads:
//     the memory may move.
//   - The loop has a preheader: one predecessor outside it, ending in a
//     jump to the header alone. Every path into the loop passes the end of
//     that block, so the value loaded there is the one the loop would have
//     loaded on its first iteration, and by the previous point on every
//     later one.
//
// Loops are visited innermost first and a hoisted load is looked at again
// for the enclosing loop, so a load can climb as far as its conditions
// hold. The loads left in one preheader are merged by the alias analysis
// of the e-graph build that follows.
//
// cfg, dom and li may be nil (computed here). Moving loads between blocks
// changes no edge, so the caller may keep all three for later passes.
func HoistLoads(f *ir.Function, cfg *flow.CFG, dom *flow.DomTree, li *flow.LoopInfo, noWrite func(ir.Name) bool) int {
	entry := f.Layout.EntryBlock()
	if entry == ir.NoBlock {
		return 0
	}
	vmctx := ir.NoValue
	for i, p := range f.Signature.Params {
		if p.Purpose == ir.PurposeVMContext {
			if params := f.DFG.BlockParams(entry); i < len(params) {
				vmctx = params[i]
			}
			break
		}
	}
	if vmctx == ir.NoValue {
		return 0
	}
	if cfg == nil {
		cfg = flow.NewCFG(f)
	}
	if dom == nil {
		dom = flow.NewDomTree(f, cfg)
	}
	if li == nil {
		li = flow.NewLoopInfo(f, cfg, dom)
	}
	if li.NumLoops() == 0 {
		return 0
	}
	// Per loop: the categories written anywhere in it, a bit per category
	// (a store with a region writes it and category 0, one without region
	// or any other write sets every bit), and the candidate loads.
	n := li.NumLoops()
	writes := make([]uint32, n)
	for b := range f.Layout.Blocks() {
		l := li.InnermostLoop(b)
		if l == flow.NoLoop {
			continue
		}
		var w uint32
		for inst := range f.Layout.BlockInsts(b) {
			d := &f.DFG.Insts[inst]
			if isPlainLoad(d.Opcode) || d.Opcode.IsCall() && callWritesNothing(f, inst, noWrite) {
				continue
			}
			// A block that may write everything (a call, most often)
			// need not be read further.
			if w |= writeMask(f, inst); w == ^uint32(0) {
				break
			}
		}
		// A loop's writes include its nested loops'.
		for ; l != flow.NoLoop; l = li.Parent(l) {
			writes[l] |= w
		}
	}
	// The candidates, in blocks whose innermost loop leaves some category
	// unwritten: a load in a loop that writes everything cannot move.
	var cands []ir.Inst
	for b := range f.Layout.Blocks() {
		l := li.InnermostLoop(b)
		if l == flow.NoLoop || writes[l] == ^uint32(0) {
			continue
		}
		for inst := range f.Layout.BlockInsts(b) {
			if isPlainLoad(f.DFG.Insts[inst].Opcode) && isHoistable(f, inst, vmctx) {
				cands = append(cands, inst)
			}
		}
	}
	hoisted := 0
	for _, inst := range cands {
		moved := false
		for {
			b := f.Layout.InstBlock(inst)
			l := li.InnermostLoop(b)
			if l == flow.NoLoop {
				break
			}
			c := category(f.DFG.Insts[inst].Flags)
			if writes[l]&(1<<c) != 0 {
				break
			}
			pre := preheader(f, cfg, li, l)
			if pre == ir.NoBlock {
				break
			}
			f.Layout.RemoveInst(inst)
			f.Layout.InsertInstBefore(inst, f.Layout.LastInst(pre))
			moved = true
		}
		if moved {
			hoisted++
		}
	}
	return hoisted
}

// isHoistable: a plain, non-trapping, aligned load from the VM context.
func isHoistable(f *ir.Function, inst ir.Inst, vmctx ir.Value) bool {
	d := &f.DFG.Insts[inst]
	args := f.DFG.Args(inst)
	return len(args) == 1 && f.DFG.ResolveAliases(args[0]) == vmctx && d.Flags.NoTrap() && d.Flags.Aligned()
}

// writeMask is the set of categories inst may write (see transfer).
func writeMask(f *ir.Function, inst ir.Inst) uint32 {
	d := &f.DFG.Insts[inst]
	op := d.Opcode
	switch {
	case op == ir.OpStore || op == ir.OpIstore8 || op == ir.OpIstore16 || op == ir.OpIstore32:
		if c := category(d.Flags); c != 0 {
			return 1 | 1<<c
		}
		return ^uint32(0)
	case op.CanStore() || op.IsCall() || op.Flags()&ir.SideEffects != 0:
		return ^uint32(0)
	}
	return 0
}

// callWritesNothing reports a direct call to a function noWrite names.
func callWritesNothing(f *ir.Function, inst ir.Inst, noWrite func(ir.Name) bool) bool {
	d := &f.DFG.Insts[inst]
	if noWrite == nil || (d.Opcode != ir.OpCall) {
		return false
	}
	fr := d.FuncRef()
	return int(fr) >= 0 && int(fr) < len(f.ExtFuncs) && noWrite(f.ExtFuncs[fr].Name)
}

// preheader returns the single predecessor of l's header outside l if it
// ends in a jump to the header alone, else NoBlock.
func preheader(f *ir.Function, cfg *flow.CFG, li *flow.LoopInfo, l flow.Loop) ir.Block {
	h := li.Header(l)
	pre := ir.NoBlock
	for _, p := range cfg.Preds(h) {
		if li.Contains(l, p.Block) {
			continue
		}
		if pre != ir.NoBlock && pre != p.Block {
			return ir.NoBlock
		}
		pre = p.Block
	}
	if pre == ir.NoBlock || f.DFG.Insts[f.Layout.LastInst(pre)].Opcode != ir.OpJump {
		return ir.NoBlock
	}
	return pre
}
