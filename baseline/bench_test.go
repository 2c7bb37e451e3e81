//go:build unix

package baseline

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// BenchmarkCompileStrconv compiles a large real module: Go's strconv test
// binary for wasip1, built with
//
//	GOOS=wasip1 GOARCH=wasm go test -c -o strconv.wasm strconv
//
// and named by KILN_BENCH_WASM. It reports MB/s of function-body bytes
// (the code section), single-core and with every core.
func BenchmarkCompileStrconv(b *testing.B) {
	path := os.Getenv("KILN_BENCH_WASM")
	if path == "" {
		b.Skip("set KILN_BENCH_WASM to a .wasm file (see the doc comment)")
	}
	bin, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	features := wasm.Features3_0 &^ (wasm.SIMD | wasm.RelaxedSIMD)
	mod, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		b.Fatal(err)
	}
	codeBytes := 0
	for _, c := range mod.Code {
		codeBytes += len(c.Body)
	}
	for _, bc := range []struct {
		name string
		par  int
	}{{"1core", 1}, {"allcores", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(codeBytes))
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := (Compiler{}).Compile(context.Background(), mod, vm.CompileOptions{Target: "amd64", Features: features, Parallelism: bc.par}); err != nil {
					b.Fatal(err)
				}
			}
			// CPU throughput: CPU seconds over all cores, so for the
			// multi-core run it is per core-second, not wall time.
			if d := cpuTime() - start; d > 0 {
				b.ReportMetric(float64(codeBytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
			}
		})
	}
}

// cpuTime returns the process's user+system CPU time: the machines are
// shared, and under load wall time mostly measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
