package frontend

import (
	"crypto/sha256"
	"testing"

	"kiln/ir"
	"kiln/ir/flow"
	"kiln/optimizing/internal/benchtest"
)

// BenchmarkTranslateStrconv translates every function of the strconv
// test binary into one reused ir.Function, as the optimizing tier's
// workers do; "flow" also computes the CFG, dominator tree and loops of
// each, as the mid-end does at least once per function.
func BenchmarkTranslateStrconv(b *testing.B) {
	m := benchtest.Strconv(b)
	for _, withFlow := range []bool{false, true} {
		name := "translate"
		if withFlow {
			name = "flow"
		}
		b.Run(name, func(b *testing.B) {
			tr := NewTranslator(m, NewVMEnv(m))
			var f *ir.Function
			var cfg flow.CFG
			var dom flow.DomTree
			var loops flow.LoopInfo
			cpu0 := benchtest.CPUTime()
			for b.Loop() {
				for i := m.NumImportedFuncs; i < len(m.FuncTypes); i++ {
					g, err := tr.TranslateInto(f, uint32(i))
					if err != nil {
						b.Fatal(err)
					}
					f = g
					if withFlow {
						cfg.Compute(f)
						dom.Compute(f, &cfg)
						loops.Compute(f, &cfg, &dom)
					}
				}
			}
			// Wall time is at the mercy of a loaded machine.
			b.ReportMetric(float64(benchtest.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// TestStrconvIRDigest prints a digest of the IR of every strconv
// function: a change meant only to make translating faster must leave it
// as it was.
func TestStrconvIRDigest(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the whole strconv test binary")
	}
	m := benchtest.Strconv(t)
	tr := NewTranslator(m, NewVMEnv(m))
	var f *ir.Function
	h := sha256.New()
	for i := m.NumImportedFuncs; i < len(m.FuncTypes); i++ {
		g, err := tr.TranslateInto(f, uint32(i))
		if err != nil {
			t.Fatal(err)
		}
		f = g
		f.WriteTo(h)
	}
	t.Logf("strconv IR sha256 %x", h.Sum(nil))
}
