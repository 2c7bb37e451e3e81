package optimizing

import (
	"sync"
	"testing"

	"kiln/ir"
)

// TestConcurrent optimizes functions from several goroutines at once, as
// the wasm compiler's workers do: the rule table is shared read-only and
// the scratch tables come from a pool or a worker's own Optimizer (run
// with -race).
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
			// Half the workers keep an Optimizer, whose tables carry over
			// from function to function (large ones before small ones).
			var o *Optimizer
			if w%2 == 1 {
				o = new(Optimizer)
			}
			for i := range funcs {
				j := (i + w*16) % len(funcs)
				g := funcs[j].Clone()
				optimize := Optimize
				if o != nil {
					optimize = o.Optimize
				}
				if _, err := optimize(g, Options{Dump: "-"}); err != nil {
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
