package egraph

import (
	"strings"
	"testing"

	"kiln/ir"
	"kiln/ir/verify"
)

func parse(t *testing.T, src string) *ir.Function {
	t.Helper()
	pf, err := ir.ParseFile("t.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := pf.Functions[0].Func
	if err := verify.Function(f); err != nil {
		t.Fatal(err)
	}
	return f
}

func run(t *testing.T, f *ir.Function, rules *Rules) Stats {
	t.Helper()
	st := Run(f, rules)
	if err := verify.Function(f); err != nil {
		t.Fatalf("%v\n%s", err, f)
	}
	return st
}

// Without rules the e-graph still merges equal expressions (GVN) and drops
// dead ones.
func TestGVNWithoutRules(t *testing.T) {
	f := parse(t, `function %f(i32, i32) -> i32 {
block0(v0: i32, v1: i32):
    v2 = iadd v0, v1
    v3 = iadd v0, v1
    v4 = imul v2, v3
    v5 = bxor v4, v0
    return v4
}`)
	st := run(t, f, nil)
	if st.Hits != 1 {
		t.Errorf("hash-cons hits = %d, want 1", st.Hits)
	}
	text := f.String()
	if strings.Contains(text, "v3") || strings.Contains(text, "bxor") {
		t.Errorf("duplicate or dead code left:\n%s", text)
	}
}

// rulesFor builds a rule table with fn rooted at op.
func rulesFor(op ir.Opcode, fn Rule) *Rules {
	var r Rules
	r[op] = []Rule{fn}
	return &r
}

// A rule that emits endlessly is stopped by matchesLimit, and classes stay
// within eclassLimit members.
func TestLimits(t *testing.T) {
	f := parse(t, `function %f(i64) -> i64 {
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = iadd v0, v1
    return v2
}`)
	rules := rulesFor(ir.OpIadd, func(g *Graph, n Node) {
		for k := uint64(2); ; k++ {
			// x + 1 == (x + k) - (k - 1): true, and every result is new.
			r := g.Make(ir.OpIsub, ir.Invalid, 0, 0,
				g.Make(ir.OpIadd, ir.Invalid, 0, 0, g.Arg(n, 0), g.Iconst(ir.I64, k)), g.Iconst(ir.I64, k-1))
			if g.Emit(r, "test") {
				return
			}
		}
	})
	st := run(t, f, rules)
	if st.LimitHits == 0 {
		t.Errorf("no limit was hit: %+v", st)
	}
	if st.Rewrites > 1000 {
		t.Errorf("rewrites not bounded: %d", st.Rewrites)
	}
}

// A subsuming result replaces the node: the original is never placed.
func TestSubsume(t *testing.T) {
	f := parse(t, `function %f(i64) -> i64 {
block0(v0: i64):
    v1 = iconst.i64 3
    v2 = imul v0, v1
    return v2
}`)
	rules := rulesFor(ir.OpImul, func(g *Graph, n Node) {
		x := g.Arg(n, 0)
		// x * 3 == x + x + x, which costs more: only subsume makes it win.
		r := g.Make(ir.OpIadd, ir.Invalid, 0, 0, g.Make(ir.OpIadd, ir.Invalid, 0, 0, x, x), x)
		g.Subsume(r, "test")
	})
	run(t, f, rules)
	if text := f.String(); strings.Contains(text, "imul") || !strings.Contains(text, "iadd") {
		t.Errorf("subsumed node kept or result missing:\n%s", text)
	}
}

// Extraction picks the cheapest member of a class: a shift (3) beats a multiply (8) for the same value.
func TestExtractionPicksCheapest(t *testing.T) {
	f := parse(t, `function %f(i32) -> i32 {
block0(v0: i32):
    v1 = iconst.i32 4
    v2 = imul v0, v1
    return v2
}`)
	rules := rulesFor(ir.OpImul, func(g *Graph, n Node) {
		r := g.Make(ir.OpIshl, ir.Invalid, 0, 0, g.Arg(n, 0), g.Iconst(ir.I32, 2))
		g.Emit(r, "test")
	})
	run(t, f, rules)
	if text := f.String(); strings.Contains(text, "imul") || !strings.Contains(text, "ishl") {
		t.Errorf("expected the shift to be chosen:\n%s", text)
	}
}

// A rule result of the wrong type is dropped and counted, never placed.
func TestIllTypedResultDropped(t *testing.T) {
	f := parse(t, `function %f(i32) -> i32 {
block0(v0: i32):
    v1 = bnot v0
    return v1
}`)
	rules := rulesFor(ir.OpBnot, func(g *Graph, n Node) {
		g.Emit(g.Iconst(ir.I64, 0), "test")
	})
	st := run(t, f, rules)
	if st.BadResults != 1 {
		t.Errorf("BadResults = %d, want 1", st.BadResults)
	}
	if !strings.Contains(f.String(), "bnot") {
		t.Errorf("original dropped:\n%s", f)
	}
}

// The skeleton keeps its order and its side effects; a call in a loop
// (the shape of a wasm interrupt check) is neither hoisted nor removed.
func TestSkeletonKept(t *testing.T) {
	f := parse(t, `function %f(i64, i32) -> i32 {
    sig0 = (i64) tail
    fn0 = u2:0 sig0
block0(v0: i64, v1: i32):
    jump block1(v1)

block1(v2: i32):
    call fn0(v0)
    v3 = load.i32 v0
    store v3, v0+4
    v4 = iconst.i32 1
    v5 = isub v2, v4
    brif v5, block1(v5), block2

block2:
    return v2
}`)
	run(t, f, nil)
	var ops []string
	for inst := range f.Layout.BlockInsts(ir.Block(1)) {
		op := f.DFG.Insts[inst].Opcode
		if !op.IsPure() {
			ops = append(ops, op.String())
		}
	}
	if got := strings.Join(ops, " "); got != "call load store brif" {
		t.Errorf("loop skeleton = %q, want call load store brif\n%s", got, f)
	}
}

// LoopDepth tells a rule whether the node it matched is computed in a
// loop: an add of the loop's counter is, an add of the parameters alone
// is not (it is available before the loop).
func TestLoopDepth(t *testing.T) {
	f := parse(t, `function %f(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    jump block1(v0)
block1(v2: i64):
    v3 = iadd v0, v1
    v4 = iadd v2, v3
    v5 = icmp ult v4, v1
    brif v5, block1(v4), block2
block2:
    return v4
}`)
	depths := map[string]int{}
	rule := func(g *Graph, n Node) {
		name := "invariant"
		if g.LoopDepth(g.Arg(n, 0)) > 0 || g.LoopDepth(g.Arg(n, 1)) > 0 {
			name = "variant"
		}
		depths[name] = g.LoopDepth(n)
	}
	run(t, f, rulesFor(ir.OpIadd, rule))
	if d, ok := depths["invariant"]; !ok || d != 0 {
		t.Errorf("iadd v0, v1: loop depth %d (seen %v), want 0", d, ok)
	}
	if d, ok := depths["variant"]; !ok || d != 1 {
		t.Errorf("iadd v2, v3: loop depth %d (seen %v), want 1", d, ok)
	}
}
