package optimizing

import (
	"sync"
	"testing"

	"kiln/ir"
)

// TestConcurrent optimizes functions from several goroutines at once, as
// the wasm compiler's workers do: the rule table is shared read-only and
// the e-graph's scratch tables come from a pool (run with -race).
func TestConcurrent(t *testing.T) {
	var funcs []*ir.Function
	for seed := range uint64(64) {
		src, _ := generate(seed)
		pf, err := ir.ParseFile("gen.clif", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		funcs = append(funcs, pf.Functions[0].Func)
	}
	want := make([]string, len(funcs))
	for i, f := range funcs {
		g := f.Clone()
		if _, err := Optimize(g, Options{Dump: "-"}); err != nil {
			t.Fatal(err)
		}
		want[i] = g.String()
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range funcs {
				j := (i + w*16) % len(funcs)
				g := funcs[j].Clone()
				if _, err := Optimize(g, Options{Dump: "-"}); err != nil {
					t.Error(err)
					return
				}
				if got := g.String(); got != want[j] {
					t.Errorf("function %d optimized differently on another goroutine:\n%s\nwant:\n%s", j, got, want[j])
					return
				}
			}
		}()
	}
	wg.Wait()
}
