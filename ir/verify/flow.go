package verify

import (
	"fmt"
	"slices"

	"kiln/ir"
	"kiln/ir/flow"
)

// CheckFlow verifies f like Check and also that cfg and dom, which a pass
// kept up to date while editing f, equal what package flow computes from
// scratch: the same successors and predecessor edges for every block, the
// same immediate dominators and the same CFG postorder.
func CheckFlow(f *ir.Function, opts Options, cfg *flow.CFG, dom *flow.DomTree) Errors {
	fresh := flow.NewCFG(f)
	var es Errors
	report := func(b ir.Block, format string, args ...any) {
		es = append(es, &Error{Location: BlockLoc(b), Message: fmt.Sprintf(format, args...)})
	}
	for b := range f.Layout.Blocks() {
		want, got := sortedBlocks(fresh.Succs(b)), sortedBlocks(cfg.Succs(b))
		if missing := minus(want, got); len(missing) > 0 {
			report(b, "cfg lacked the following successor(s) %v", missing)
			continue
		}
		if extra := minus(got, want); len(extra) > 0 {
			report(b, "cfg had unexpected successor(s) %v", extra)
			continue
		}
		wantP, gotP := predInsts(fresh.Preds(b)), predInsts(cfg.Preds(b))
		if missing := minus(wantP, gotP); len(missing) > 0 {
			report(b, "cfg lacked the following predecessor(s) %v", missing)
			continue
		}
		if extra := minus(gotP, wantP); len(extra) > 0 {
			report(b, "cfg had unexpected predecessor(s) %v", extra)
		}
	}
	if len(es) == 0 {
		freshDom := flow.NewDomTree(f, fresh)
		for b := range f.Layout.Blocks() {
			if want, got := freshDom.Idom(b), dom.Idom(b); want != got {
				report(b, "invalid domtree, expected idom(%s) = %s, got %s", b, blockOrNone(want), blockOrNone(got))
			}
		}
		if len(es) == 0 && !slices.Equal(freshDom.CFGPostorder(), dom.CFGPostorder()) {
			es = append(es, &Error{Location: FunctionLoc(), Message: fmt.Sprintf(
				"invalid domtree postorder %v, expected %v", dom.CFGPostorder(), freshDom.CFGPostorder())})
		}
	}
	return append(es, Check(f, opts)...)
}

func blockOrNone(b ir.Block) string {
	if b == ir.NoBlock {
		return "none"
	}
	return b.String()
}

func sortedBlocks(bs []ir.Block) []ir.Block {
	out := slices.Clone(bs)
	slices.Sort(out)
	return out
}

func predInsts(ps []flow.Pred) []ir.Inst {
	out := make([]ir.Inst, len(ps))
	for i, p := range ps {
		out[i] = p.Inst
	}
	slices.Sort(out)
	return out
}

// minus returns the elements of sorted a that are not in sorted b.
func minus[T ir.Block | ir.Inst](a, b []T) []T {
	var out []T
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found {
			out = append(out, x)
		}
	}
	return out
}
