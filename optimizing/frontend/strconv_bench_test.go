package frontend

import (
	"crypto/sha256"
	"os"
	"syscall"
	"testing"
	"time"

	"kiln/ir"
	"kiln/ir/flow"
	"kiln/ir/wasm"
)

// strconvModule is Go's strconv test binary for wasip1 (see
// optimizing/compile's BenchmarkCompileStrconv for how to build it).
func strconvModule(tb testing.TB) *wasm.Module {
	path := os.Getenv("KILN_STRCONV_WASM")
	if path == "" {
		path = "/tmp/strconv.wasm"
	}
	bin, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("no strconv test binary: %v", err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.Features2_0)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkTranslateStrconv translates every function of the strconv
// test binary into one reused ir.Function, as the optimizing tier's
// workers do; "flow" also computes the CFG, dominator tree and loops of
// each, as the mid-end does at least once per function.
func BenchmarkTranslateStrconv(b *testing.B) {
	m := strconvModule(b)
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
			cpu0 := cpuTime()
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
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestStrconvIRDigest prints a digest of the IR of every strconv
// function: a change meant only to make translating faster must leave it
// as it was.
func TestStrconvIRDigest(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the whole strconv test binary")
	}
	m := strconvModule(t)
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
