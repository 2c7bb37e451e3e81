package flow

import (
	"math/rand"
	"slices"
	"testing"

	"kiln/ir"
)

func TestLoops(t *testing.T) {
	tests := []struct {
		name    string
		succs   [][]int
		headers []ir.Block // per loop, in loop order
		depth   []int      // per block
	}{
		{"none", [][]int{{1, 2}, {3}, {3}, {}}, nil, []int{0, 0, 0, 0}},
		{"self loop", [][]int{{1}, {1, 2}, {}}, []ir.Block{1}, []int{0, 1, 0}},
		{"simple", [][]int{{1}, {2, 3}, {1}, {}}, []ir.Block{1}, []int{0, 1, 1, 0}},
		// 1: outer header, 2: inner header, 3: inner latch, 4: outer latch.
		{"nested", [][]int{{1}, {2, 5}, {3}, {2, 4}, {1}, {}}, []ir.Block{1, 2}, []int{0, 1, 2, 2, 1, 0}},
		{"siblings", [][]int{{1}, {1, 2}, {2, 3}, {}}, []ir.Block{1, 2}, []int{0, 1, 1, 0}},
		{"two latches", [][]int{{1}, {2, 3}, {1}, {1, 4}, {}}, []ir.Block{1}, []int{0, 1, 1, 1, 0}},
		// block1 <-> block2 entered at both: irreducible, no natural loop.
		{"irreducible", [][]int{{1, 2}, {2}, {1, 3}, {}}, nil, []int{0, 0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := graphFunc(tc.succs)
			cfg := NewCFG(f)
			li := NewLoopInfo(f, cfg, NewDomTree(f, cfg))
			if li.NumLoops() != len(tc.headers) {
				t.Fatalf("%d loops, want %d", li.NumLoops(), len(tc.headers))
			}
			for l, h := range tc.headers {
				if got := li.Header(Loop(l)); got != h {
					t.Errorf("header of loop %d = %v, want %v", l, got, h)
				}
			}
			for b, want := range tc.depth {
				if got := li.Depth(ir.Block(b)); got != want {
					t.Errorf("depth(block%d) = %d, want %d", b, got, want)
				}
			}
		})
	}
}

// TestLoopsRandom checks structural properties on random graphs: a header
// dominates its loop's blocks, a nested loop's blocks are in its parent,
// every back edge's source is in the loop of its target.
func TestLoopsRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for iter := 0; iter < 300; iter++ {
		n := 2 + rng.Intn(12)
		succs := make([][]int, n)
		for i := range succs {
			for j := rng.Intn(3); j > 0; j-- {
				succs[i] = append(succs[i], 1+rng.Intn(n-1))
			}
		}
		f := graphFunc(succs)
		cfg := NewCFG(f)
		dom := NewDomTree(f, cfg)
		li := NewLoopInfo(f, cfg, dom)
		for b := 0; b < n; b++ {
			blk := ir.Block(b)
			for l := li.InnermostLoop(blk); l != NoLoop; l = li.Parent(l) {
				if !dom.Dominates(li.Header(l), blk) {
					t.Fatalf("graph %v: header %v of a loop holding %v does not dominate it", succs, li.Header(l), blk)
				}
				if p := li.Parent(l); p != NoLoop && li.LoopDepth(p) != li.LoopDepth(l)-1 {
					t.Fatalf("graph %v: depth of loop %d is %d, parent's %d", succs, l, li.LoopDepth(l), li.LoopDepth(p))
				}
			}
			for _, s := range cfg.Succs(blk) {
				if dom.Dominates(s, blk) {
					l := li.InnermostLoop(s)
					if l == NoLoop || li.Header(l) != s || !li.Contains(l, blk) {
						t.Fatalf("graph %v: back edge %v->%v not inside the loop of %v", succs, blk, s, s)
					}
				}
			}
		}
	}
}

// TestComputeReuse recomputes one CFG, DomTree and LoopInfo for random
// graphs of changing size (a large one's leftovers must not leak into a
// small one, nor the reverse) and expects what fresh ones answer.
func TestComputeReuse(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	var cfg CFG
	var dom DomTree
	var li LoopInfo
	for iter := 0; iter < 300; iter++ {
		n := 1 + rng.Intn(40)
		if iter%2 == 1 {
			n = 1 + rng.Intn(5)
		}
		succs := make([][]int, n)
		for i := range succs {
			if n == 1 {
				break
			}
			for j := rng.Intn(4); j > 0; j-- {
				succs[i] = append(succs[i], 1+rng.Intn(n-1))
			}
		}
		f := graphFunc(succs)
		cfg.Compute(f)
		dom.Compute(f, &cfg)
		li.Compute(f, &cfg, &dom)
		fc := NewCFG(f)
		fd := NewDomTree(f, fc)
		fl := NewLoopInfo(f, fc, fd)
		if cfg.NumBlocks() != fc.NumBlocks() || li.NumLoops() != fl.NumLoops() {
			t.Fatalf("graph %v: %d blocks %d loops, want %d and %d", succs, cfg.NumBlocks(), li.NumLoops(), fc.NumBlocks(), fl.NumLoops())
		}
		if !slices.Equal(dom.Preorder(), fd.Preorder()) || !slices.Equal(dom.CFGPostorder(), fd.CFGPostorder()) {
			t.Fatalf("graph %v: orders %v %v, want %v %v", succs, dom.Preorder(), dom.CFGPostorder(), fd.Preorder(), fd.CFGPostorder())
		}
		for b := range n {
			blk := ir.Block(b)
			if !slices.Equal(cfg.Succs(blk), fc.Succs(blk)) || !slices.Equal(cfg.Preds(blk), fc.Preds(blk)) {
				t.Fatalf("graph %v: block%d edges differ", succs, b)
			}
			if dom.Idom(blk) != fd.Idom(blk) || dom.RPONumber(blk) != fd.RPONumber(blk) || !slices.Equal(dom.Children(blk), fd.Children(blk)) {
				t.Fatalf("graph %v: block%d dominator facts differ", succs, b)
			}
			for a := range n {
				if dom.Dominates(ir.Block(a), blk) != fd.Dominates(ir.Block(a), blk) {
					t.Fatalf("graph %v: Dominates(block%d, block%d) differs", succs, a, b)
				}
			}
			if li.InnermostLoop(blk) != fl.InnermostLoop(blk) || li.Depth(blk) != fl.Depth(blk) {
				t.Fatalf("graph %v: block%d loop facts differ", succs, b)
			}
		}
	}
}
