package filetests

import (
	"strings"

	"kiln/ir"
	"kiln/ir/flow"
	"kiln/ir/verify"
)

func init() { Register("domtree", domtreeCommand{}) }

// domtreeCommand checks package flow's dominator tree. A comment
// `; dominates: blockA blockB` on a block's terminator (or any instruction
// of the block) states that the block is the immediate dominator of blockA
// and blockB; every reachable block but the entry must be stated exactly
// so. The function's filecheck directives then run against
//
//	cfg_postorder: block3 block2 block1 block0
//	domtree_preorder {
//	    block0: block1
//	    block1: block2 block3
//	    ...
//	}
//
// where each line lists a block's children in the dominator tree.
type domtreeCommand struct{}

func (domtreeCommand) PerTarget() bool { return false }

func (domtreeCommand) Run(ctx *Context) Outcome {
	var out Outcome
	f := ctx.File
	for fi, ff := range f.Parsed.Functions {
		fn := ff.Func
		dom := flow.NewDomTree(fn, flow.NewCFG(fn))
		stated := map[ir.Block]bool{}
		for _, c := range ff.Comments {
			rest, ok := strings.CutPrefix(strings.TrimLeft(c.Text, "; \t"), "dominates:")
			if !ok {
				continue
			}
			loc := f.commentEntity(fi, c.Line)
			if loc.Kind != verify.AtInst {
				out.Fail(c.Line, "%s: dominates: must follow an instruction", fn.Name)
				continue
			}
			idom := fn.Layout.InstBlock(ir.Inst(loc.Index))
			for _, word := range strings.Fields(rest) {
				b, ok := parseBlockName(word)
				if !ok {
					out.Fail(c.Line, "%s: %q is not a block", fn.Name, word)
					continue
				}
				stated[b] = true
				if got := dom.Idom(b); got != idom {
					out.Fail(c.Line, "%s: expected idom(%s) = %s, got %s", fn.Name, b, idom, blockName(got))
				}
			}
		}
		for _, b := range dom.Preorder() {
			if id := dom.Idom(b); id != ir.NoBlock && !stated[b] {
				out.Fail(ff.Line, "%s: idom(%s) = %s is not stated by a dominates: comment", fn.Name, b, id)
			}
		}
		ctx.Filecheck(&out, fi, domtreeText(dom))
	}
	return out
}

func domtreeText(dom *flow.DomTree) string {
	var b strings.Builder
	b.WriteString("cfg_postorder:")
	for _, blk := range dom.CFGPostorder() {
		b.WriteString(" " + blk.String())
	}
	b.WriteString("\ndomtree_preorder {\n")
	for _, blk := range dom.Preorder() {
		b.WriteString("    " + blk.String() + ":")
		for _, c := range dom.Children(blk) {
			b.WriteString(" " + c.String())
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.String()
}

func parseBlockName(s string) (ir.Block, bool) {
	rest, ok := strings.CutPrefix(s, "block")
	if !ok || rest == "" {
		return 0, false
	}
	n := 0
	for _, c := range rest {
		if c < '0' || c > '9' || n > 1<<20 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return ir.Block(n), true
}

func blockName(b ir.Block) string {
	if b == ir.NoBlock {
		return "none"
	}
	return b.String()
}
