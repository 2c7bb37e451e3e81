package optimizing

import (
	"strings"
	"testing"

	"kiln/ir"
	"kiln/ir/verify"
)

func parseOne(t *testing.T, src string) *ir.Function {
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

const unreachableAndFoldable = `function %f(i32) -> i32 {
block0(v0: i32):
    v1 = iconst.i32 2
    v2 = iconst.i32 3
    v3 = iadd v1, v2
    v4 = iadd v0, v3
    return v4

block1:
    v5 = iconst.i32 7
    return v5
}`

// The pass table satisfies its own ordering constraints (init panics
// otherwise) and names each pass once.
func TestPassOrder(t *testing.T) {
	index := map[string]int{}
	for i, p := range passes {
		index[p.name] = i
	}
	for _, c := range passOrder {
		if index[c.a] >= index[c.b] {
			t.Errorf("%s must come before %s: %s", c.a, c.b, c.why)
		}
		if c.why == "" {
			t.Errorf("constraint %s < %s has no reason", c.a, c.b)
		}
	}
}

// Level none runs only the required passes: unreachable blocks go, the
// arithmetic stays.
func TestLevelNone(t *testing.T) {
	f := parseOne(t, unreachableAndFoldable)
	if _, err := Optimize(f, Options{Level: "none", Verify: verify.Function, Dump: "-"}); err != nil {
		t.Fatal(err)
	}
	text := f.String()
	if strings.Contains(text, "block1") || !strings.Contains(text, "iadd v1, v2") {
		t.Errorf("level none:\n%s", text)
	}
	g := parseOne(t, unreachableAndFoldable)
	if _, err := Optimize(g, Options{Verify: verify.Function, Dump: "-"}); err != nil {
		t.Fatal(err)
	}
	if text := g.String(); strings.Contains(text, "iadd v1, v2") || !strings.Contains(text, "iconst.i32 5") {
		t.Errorf("default level did not fold:\n%s", text)
	}
}

// Dump prints the function after the named passes only (KILN_DUMP's
// format: a comma-separated list, or all).
func TestDump(t *testing.T) {
	var b strings.Builder
	f := parseOne(t, unreachableAndFoldable)
	if _, err := Optimize(f, Options{Dump: "unreachable, egraph", DumpTo: &b}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "; after unreachable\n") || !strings.Contains(out, "; after egraph\n") ||
		!strings.Contains(out, "; egraph stats:") || strings.Contains(out, "; after dce") {
		t.Errorf("dump:\n%s", out)
	}
	b.Reset()
	f = parseOne(t, unreachableAndFoldable)
	if _, err := Optimize(f, Options{Dump: "all", DumpTo: &b}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "; after "); n != len(passes) {
		t.Errorf("dump all printed %d passes, want %d", n, len(passes))
	}
	t.Setenv("KILN_DUMP", "egraph")
	b.Reset()
	f = parseOne(t, unreachableAndFoldable)
	if _, err := Optimize(f, Options{DumpTo: &b}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "; after egraph\n") {
		t.Errorf("KILN_DUMP=egraph printed:\n%s", b.String())
	}
}

// A verifier error after a pass names the pass.
func TestVerifyNamesPass(t *testing.T) {
	f := parseOne(t, unreachableAndFoldable)
	calls := 0
	_, err := Optimize(f, Options{Dump: "-", Verify: func(*ir.Function) error {
		calls++
		if calls == 3 {
			return errTest
		}
		return nil
	}})
	if err == nil || !strings.Contains(err.Error(), "after pass "+passes[2].name) {
		t.Errorf("error %v, want one naming pass %s", err, passes[2].name)
	}
}

type testError struct{}

func (testError) Error() string { return "test error" }

var errTest = testError{}
