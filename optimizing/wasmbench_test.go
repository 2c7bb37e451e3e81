package optimizing

import (
	"testing"
	"time"

	"kiln/ir"
	"kiln/optimizing/frontend"
	"kiln/optimizing/internal/benchtest"
)

// BenchmarkOptimizeWasm runs the mid-end over every function of a real
// module as the wasm compile path does: Go's strconv test binary for
// wasip1 (KILN_STRCONV_WASM, default /tmp/strconv.wasm; built with
// GOOS=wasip1 GOARCH=wasm go test -c -o /tmp/strconv.wasm strconv),
// translated by the front end once. Skipped when the binary is absent.
func BenchmarkOptimizeWasm(b *testing.B) {
	m := benchtest.Strconv(b)
	tr := frontend.NewTranslator(m, frontend.NewVMEnv(m))
	var funcs []*ir.Function
	insts := 0
	for i := uint32(m.NumImportedFuncs); i < uint32(len(m.FuncTypes)); i++ {
		f, err := tr.Translate(i)
		if err != nil {
			b.Fatal(err)
		}
		funcs = append(funcs, f)
		for blk := range f.Layout.Blocks() {
			for range f.Layout.BlockInsts(blk) {
				insts++
			}
		}
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		clones := make([]*ir.Function, len(funcs))
		for j, f := range funcs {
			clones[j] = f.Clone()
		}
		before := benchtest.CPUTime()
		b.StartTimer()
		for _, f := range clones {
			if _, err := Optimize(f, Options{Dump: "-"}); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		cpu += benchtest.CPUTime() - before
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(insts), "ns/inst")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(insts), "cpu-ns/inst")
	b.ReportMetric(float64(insts), "insts")
}

// BenchmarkMidEndWasm is BenchmarkOptimizeWasm as optimizing/compile's
// workers run it: each function is translated into one reused
// ir.Function right before the mid-end runs on it, so the mid-end appends
// to warm tables instead of to a fresh clone's exact-size ones. Only the
// mid-end's CPU time is counted (mid-cpu-ms); translation runs in between.
func BenchmarkMidEndWasm(b *testing.B) {
	benchMidEnd(b, func(f *ir.Function) error {
		_, err := Optimize(f, Options{Dump: "-"})
		return err
	})
}

// BenchmarkMidEndWasmOptimizer is BenchmarkMidEndWasm with one Optimizer
// keeping its tables from function to function, as a compiler worker that
// owns one would.
func BenchmarkMidEndWasmOptimizer(b *testing.B) {
	var o Optimizer
	benchMidEnd(b, func(f *ir.Function) error {
		_, err := o.Optimize(f, Options{Dump: "-"})
		return err
	})
}

func benchMidEnd(b *testing.B, optimize func(*ir.Function) error) {
	m := benchtest.Strconv(b)
	tr := frontend.NewTranslator(m, frontend.NewVMEnv(m))
	var f *ir.Function
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for fi := uint32(m.NumImportedFuncs); fi < uint32(len(m.FuncTypes)); fi++ {
			out, err := tr.TranslateInto(f, fi)
			if err != nil {
				b.Fatal(err)
			}
			f = out
			before := benchtest.CPUTime()
			if err := optimize(f); err != nil {
				b.Fatal(err)
			}
			cpu += benchtest.CPUTime() - before
		}
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "mid-cpu-ms/op")
}
