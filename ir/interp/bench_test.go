package interp

import (
	"testing"

	"kiln/ir"
)

// BenchmarkLoop runs sum(n) for n = 10000: about 50k instructions per
// call, all integer adds, compares and branches with block arguments.
func BenchmarkLoop(b *testing.B) {
	in := New([]*ir.Function{sumLoop(ir.I64)})
	args := []ir.DataValue{ir.DataI64(10000)}
	b.ReportAllocs()
	for b.Loop() {
		r, err := in.Call("sum", args)
		if err != nil || r[0] != ir.DataI64(49995000) {
			b.Fatal(r, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/50000, "ns/inst")
}

// BenchmarkRecursion makes 1000-deep non-tail recursive calls.
func BenchmarkRecursion(b *testing.B) {
	in := New(recursive())
	args := []ir.DataValue{ir.DataI64(1000)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := in.Call("count", args); err != nil {
			b.Fatal(err)
		}
	}
}
