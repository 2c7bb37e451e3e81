package verify

import (
	"testing"

	"kiln/ir"
	"kiln/ir/flow"
)

// TestCheckFlow: analyses computed before an edit are caught as stale.
func TestCheckFlow(t *testing.T) {
	f := parseOne(t, `
function %f(i32) -> i32 {
block0(v0: i32):
    brif v0, block1, block2
block1:
    jump block3
block2:
    jump block3
block3:
    return v0
}`)
	cfg := flow.NewCFG(f)
	dom := flow.NewDomTree(f, cfg)
	if es := CheckFlow(f, Options{}, cfg, dom); len(es) != 0 {
		t.Fatalf("fresh analyses reported: %v", es)
	}
	// Redirect block2 to block1: block2 -> block1 -> block3. The old CFG
	// now lacks an edge and has a stale one.
	last := f.Layout.LastInst(2)
	f.DFG.SetBlockCall(last, 0, ir.BlockCall{Block: 1})
	want := "block1: cfg lacked the following predecessor(s) [inst2]\n" +
		"block2: cfg lacked the following successor(s) [block1]\n" +
		"block3: cfg had unexpected predecessor(s) [inst2]"
	if got := CheckFlow(f, Options{}, cfg, dom).Error(); got != want {
		t.Errorf("stale CFG:\n%s\nwant:\n%s", got, want)
	}
	// With a fresh CFG the stale tree still says block0 dominates block3
	// directly; now every path goes through block1.
	cfg = flow.NewCFG(f)
	want = "block3: invalid domtree, expected idom(block3) = block1, got block0"
	if got := CheckFlow(f, Options{}, cfg, dom).Error(); got != want {
		t.Errorf("stale domtree:\n%s\nwant:\n%s", got, want)
	}
	if es := CheckFlow(f, Options{}, cfg, flow.NewDomTree(f, cfg)); len(es) != 0 {
		t.Errorf("fresh analyses after the edit: %v", es)
	}
}
