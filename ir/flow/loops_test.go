package flow

import (
	"math/rand"
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
