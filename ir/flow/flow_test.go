package flow

import (
	"math/rand"
	"slices"
	"testing"

	"kiln/ir"
)

// graphFunc builds a function whose block i (layout order = index order)
// ends in a branch to succs[i]: return for none, jump for one, brif for
// two, br_table for more. Block 0 is the entry.
func graphFunc(succs [][]int) *ir.Function {
	sig := ir.NewSignature(ir.CallConvFast)
	sig.Params = []ir.AbiParam{{Type: ir.I32}}
	f := ir.NewFunction(ir.TestCaseName("g"), sig)
	fb := ir.NewFunctionBuilder(f)
	blocks := make([]ir.Block, len(succs))
	for i := range blocks {
		blocks[i] = fb.CreateBlock()
	}
	var x ir.Value
	for i, ss := range succs {
		fb.SwitchToBlock(blocks[i])
		if i == 0 {
			x = fb.AppendBlockParamsForFunctionParams(blocks[0])[0]
		}
		switch len(ss) {
		case 0:
			fb.Return()
		case 1:
			fb.Jump(blocks[ss[0]])
		case 2:
			fb.Brif(x, blocks[ss[0]], nil, blocks[ss[1]], nil)
		default:
			var ts []ir.Block
			for _, s := range ss[1:] {
				ts = append(ts, blocks[s])
			}
			fb.BrTable(x, blocks[ss[0]], ts)
		}
	}
	return f
}

// naiveDominators computes dominance by definition: a dominates b iff b is
// unreachable from the entry once a is removed (and b is reachable at all).
func naiveDominates(succs [][]int, a, b int) bool {
	reach := func(skip int) []bool {
		seen := make([]bool, len(succs))
		if skip == 0 {
			return seen
		}
		stack := []int{0}
		seen[0] = true
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, s := range succs[n] {
				if s != skip && !seen[s] {
					seen[s] = true
					stack = append(stack, s)
				}
			}
		}
		return seen
	}
	all := reach(-1)
	if !all[a] || !all[b] {
		return false
	}
	if a == b {
		return true
	}
	return !reach(a)[b]
}

func TestCFG(t *testing.T) {
	// 0 -> 1, 2 ; 1 -> 3 ; 2 -> 3, 3 (same target twice) ; 3 -> ret
	f := graphFunc([][]int{{1, 2}, {3}, {3, 3}, {}})
	c := NewCFG(f)
	if got := c.Succs(0); !slices.Equal(got, []ir.Block{1, 2}) {
		t.Errorf("succs(block0) = %v", got)
	}
	if got := c.Succs(2); !slices.Equal(got, []ir.Block{3}) {
		t.Errorf("succs(block2) = %v, want one entry for the doubled brif", got)
	}
	var preds []ir.Block
	for _, p := range c.Preds(3) {
		preds = append(preds, p.Block)
		if p.Inst != f.Layout.LastInst(p.Block) {
			t.Errorf("pred %v: inst %v is not the terminator", p.Block, p.Inst)
		}
	}
	if !slices.Equal(preds, []ir.Block{1, 2}) {
		t.Errorf("preds(block3) = %v", preds)
	}
	if len(c.Preds(0)) != 0 || len(c.Succs(3)) != 0 {
		t.Errorf("entry preds %v, exit succs %v", c.Preds(0), c.Succs(3))
	}
}

func TestDomTreeTable(t *testing.T) {
	tests := []struct {
		name  string
		succs [][]int
		idom  []ir.Block // per block
	}{
		{"straight", [][]int{{1}, {2}, {}}, []ir.Block{ir.NoBlock, 0, 1}},
		{"diamond", [][]int{{1, 2}, {3}, {3}, {}}, []ir.Block{ir.NoBlock, 0, 0, 0}},
		{"loop", [][]int{{1}, {2, 3}, {1}, {}}, []ir.Block{ir.NoBlock, 0, 1, 1}},
		{"unreachable", [][]int{{2}, {2}, {}}, []ir.Block{ir.NoBlock, ir.NoBlock, 0}},
		// The classic irreducible example: 0 -> 1, 2; 1 <-> 2.
		{"irreducible", [][]int{{1, 2}, {2}, {1}}, []ir.Block{ir.NoBlock, 0, 0}},
		{"br_table", [][]int{{3, 1, 2, 1}, {3}, {3}, {}}, []ir.Block{ir.NoBlock, 0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := graphFunc(tc.succs)
			d := NewDomTree(f, NewCFG(f))
			for b, want := range tc.idom {
				if got := d.Idom(ir.Block(b)); got != want {
					t.Errorf("idom(block%d) = %v, want %v", b, got, want)
				}
			}
		})
	}
}

// TestDomTreeRandom checks Dominates against the definition on random
// graphs, including unreachable blocks and irreducible loops.
func TestDomTreeRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for iter := 0; iter < 300; iter++ {
		n := 1 + rng.Intn(12)
		succs := make([][]int, n)
		for i := range succs {
			k := rng.Intn(4)
			for j := 0; j < k; j++ {
				succs[i] = append(succs[i], 1+rng.Intn(max(n-1, 1))%max(n-1, 1))
			}
			if n == 1 {
				succs[i] = nil
			}
		}
		f := graphFunc(succs)
		c := NewCFG(f)
		d := NewDomTree(f, c)
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				want := naiveDominates(succs, a, b)
				if got := d.Dominates(ir.Block(a), ir.Block(b)); got != want {
					t.Fatalf("graph %v: Dominates(block%d, block%d) = %v, want %v", succs, a, b, got, want)
				}
			}
		}
		// Preorder lists every reachable block after its idom.
		pos := map[ir.Block]int{}
		for i, b := range d.Preorder() {
			pos[b] = i
			if id := d.Idom(b); id != ir.NoBlock {
				if p, ok := pos[id]; !ok || p >= i {
					t.Fatalf("graph %v: preorder %v puts %v before its idom %v", succs, d.Preorder(), b, id)
				}
			}
		}
		if len(d.Preorder()) != len(d.CFGPostorder()) {
			t.Fatalf("graph %v: preorder has %d blocks, postorder %d", succs, len(d.Preorder()), len(d.CFGPostorder()))
		}
	}
}

func TestInstDominates(t *testing.T) {
	f := graphFunc([][]int{{1, 2}, {}, {}})
	d := NewDomTree(f, NewCFG(f))
	o := NewInstOrder(f)
	t0 := f.Layout.LastInst(0)
	t1 := f.Layout.LastInst(1)
	t2 := f.Layout.LastInst(2)
	if !InstDominates(f, d, o, t0, t1) || !InstDominates(f, d, o, t0, t0) {
		t.Error("entry terminator must dominate block1 and itself")
	}
	if InstDominates(f, d, o, t1, t2) || InstDominates(f, d, o, t1, t0) {
		t.Error("sibling/child instructions must not dominate")
	}
}

func TestEmptyFunction(t *testing.T) {
	f := ir.NewFunction(ir.TestCaseName("e"), ir.NewSignature(ir.CallConvFast))
	c := NewCFG(f)
	d := NewDomTree(f, c)
	if len(d.Preorder()) != 0 || d.IsReachable(0) || d.Dominates(0, 0) {
		t.Errorf("empty function: %v %v", d.Preorder(), d.IsReachable(0))
	}
}

func BenchmarkDomTree(b *testing.B) {
	rng := rand.New(rand.NewSource(2))
	n := 2000
	succs := make([][]int, n)
	for i := 0; i < n-1; i++ {
		succs[i] = []int{i + 1}
		if rng.Intn(3) == 0 {
			succs[i] = append(succs[i], rng.Intn(n))
		}
	}
	f := graphFunc(succs)
	b.ResetTimer()
	for range b.N {
		NewDomTree(f, NewCFG(f))
	}
}

// TestRPOFollowsTerminatorOrder: successors appear in reverse postorder in
// the order the terminator names them.
func TestRPOFollowsTerminatorOrder(t *testing.T) {
	f := graphFunc([][]int{{1, 2}, {3}, {3}, {}})
	d := NewDomTree(f, NewCFG(f))
	for b, want := range []int{0, 1, 2, 3} {
		if got := d.RPONumber(ir.Block(b)); got != want {
			t.Errorf("RPONumber(block%d) = %d, want %d", b, got, want)
		}
	}
	if got := d.Children(0); !slices.Equal(got, []ir.Block{1, 2, 3}) {
		t.Errorf("children(block0) = %v", got)
	}
}

// TestCFGMatchesBranchTargets checks NewCFG's rows against BranchTargets
// (successors) and against a scan of the layout (predecessors) on random
// graphs whose br_tables name blocks more than once and whose layout order
// is not index order.
func TestCFGMatchesBranchTargets(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for iter := 0; iter < 200; iter++ {
		n := 2 + rng.Intn(10)
		succs := make([][]int, n)
		for i := range succs {
			for range rng.Intn(6) {
				succs[i] = append(succs[i], rng.Intn(n))
			}
		}
		f := graphFunc(succs)
		// Move a random block (not the entry) to the end of the layout.
		if b := ir.Block(1 + rng.Intn(n-1)); true {
			var insts []ir.Inst
			for i := range f.Layout.BlockInsts(b) {
				insts = append(insts, i)
			}
			for _, i := range insts {
				f.Layout.RemoveInst(i)
			}
			f.Layout.RemoveBlock(b)
			f.Layout.AppendBlock(b)
			for _, i := range insts {
				f.Layout.AppendInst(i, b)
			}
		}
		c := NewCFG(f)
		wantPreds := make([][]Pred, n)
		for b := range f.Layout.Blocks() {
			last := f.Layout.LastInst(b)
			want := BranchTargets(f, last)
			if got := c.Succs(b); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("graph %v: succs(%v) = %v, want %v", succs, b, got, want)
			}
			for _, s := range want {
				wantPreds[s] = append(wantPreds[s], Pred{Block: b, Inst: last})
			}
		}
		for b := range n {
			if got := c.Preds(ir.Block(b)); !slices.Equal(got, wantPreds[b]) && len(got)+len(wantPreds[b]) > 0 {
				t.Fatalf("graph %v: preds(block%d) = %v, want %v", succs, b, got, wantPreds[b])
			}
		}
	}
}
