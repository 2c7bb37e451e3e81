package optimizing

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"kiln/ir"
	"kiln/ir/verify"
	"kiln/optimizing/internal/benchtest"
)

// BenchmarkOptimize runs the whole mid-end over every valid function of
// Cranelift's runtests and egraph inputs plus a set of generated
// programs, and reports the time per input instruction.
func BenchmarkOptimize(b *testing.B) {
	var funcs []*ir.Function
	dirs := []string{upstream(b, "cranelift-runtests"), filepath.Join(upstream(b, "cranelift-filetests"), "egraph")}
	for _, dir := range dirs {
		for _, path := range clifFiles(b, dir) {
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			pf, err := ir.ParseFile(path, src)
			if err != nil {
				continue
			}
			for _, ff := range pf.Functions {
				if verify.Function(ff.Func) == nil {
					funcs = append(funcs, ff.Func)
				}
			}
		}
	}
	for seed := range uint64(500) {
		src, _ := generate(seed)
		pf, err := ir.ParseFile("gen.clif", []byte(src))
		if err != nil {
			b.Fatal(err)
		}
		funcs = append(funcs, pf.Functions[0].Func)
	}
	insts := 0
	for _, f := range funcs {
		for blk := range f.Layout.Blocks() {
			for range f.Layout.BlockInsts(blk) {
				insts++
			}
		}
	}
	clones := make([]*ir.Function, len(funcs))
	// The machine is shared: besides wall time, report the CPU time this
	// process spent, which other load does not inflate as much.
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
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
