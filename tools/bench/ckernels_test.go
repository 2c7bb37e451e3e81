package bench

import (
	"os"
	"path/filepath"
	"testing"
)

// cKernel is one C kernel (c/NAME.c, built to c/NAME.wasm by c/build.sh):
// its export run(n) returns a checksum. The benchmark argument sizes the
// work to roughly 10 ms of native code; the test argument is small enough
// for the interpreters to agree within milliseconds.
type cKernel struct {
	name               string
	benchArg, benchSum uint64
	testArg, testSum   uint64
}

// The checksums are the native (gcc -O2) results; every engine must
// return the same.
var cKernels = []cKernel{
	{"matmul", 200, 3704322912, 24, 13802505},
	{"nbody", 25000, 169071265, 1000, 169087605},
	{"sha256", 300, 2698619950, 2, 2411896157},
	{"sort", 50000, 2751744379, 2000, 1874458160},
	{"sieve", 2000000, 148933, 10000, 1229},
	{"crc32", 25, 1743529344, 1, 3226257409},
	{"strsearch", 3, 3170211683, 1, 15898753},
	{"fannkuch", 8, 161622, 6, 4910},
}

func loadC(t testing.TB, name string) []byte {
	t.Helper()
	bin, err := os.ReadFile(filepath.Join("c", name+".wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// inProcess are the engines that run a kernel inside this process.
var inProcess = []struct {
	name string
	new  func(testing.TB, []byte) runner
}{
	{"kiln-interp", kilnRunner},
	{"kiln-baseline", baselineRunner},
	{"kiln-optimizing", optimizingRunner},
	{"wazero-interp", wazeroRunner},
	{"wazero-compiler", wazeroCompilerRunner},
}

// outOfProcess are the engines that run a kernel in a child process and
// time it themselves.
var outOfProcess = []struct {
	name string
	new  func(t testing.TB, kernel string) timedRunner
}{
	{"native-gcc", nativeRunner},
	{"node-turbofan", func(t testing.TB, k string) timedRunner {
		return nodeRunner(t, filepath.Join("c", k+".wasm"), "--no-liftoff")
	}},
	{"node-liftoff", func(t testing.TB, k string) timedRunner {
		return nodeRunner(t, filepath.Join("c", k+".wasm"), "--liftoff-only")
	}},
}

// TestCKernelsAgree checks every C kernel on every in-process engine at
// its test size.
func TestCKernelsAgree(t *testing.T) {
	for _, k := range cKernels {
		bin := loadC(t, k.name)
		for _, e := range inProcess {
			t.Run(k.name+"/"+e.name, func(t *testing.T) {
				got, err := e.new(t, bin)(k.testArg)
				if err != nil || uint32(got) != uint32(k.testSum) {
					t.Errorf("run(%d) = %d, %v; want %d", k.testArg, uint32(got), err, k.testSum)
				}
			})
		}
	}
}

// TestPeersAgree checks the out-of-process peers (where installed) on one
// kernel only: each costs a build or a process start (node's is a few
// hundred ms on a loaded machine), and BenchmarkC checks every kernel's
// result on every peer before it reports a time.
func TestPeersAgree(t *testing.T) {
	for _, k := range cKernels {
		if k.name != "nbody" {
			continue
		}
		for _, e := range outOfProcess {
			t.Run(k.name+"/"+e.name, func(t *testing.T) {
				got, _, err := e.new(t, k.name)(k.testArg, 1)
				if err != nil || got != k.testSum {
					t.Errorf("run(%d) = %d, %v; want %d", k.testArg, got, err, k.testSum)
				}
			})
		}
	}
}

// BenchmarkC times one run(benchArg) of each C kernel per op on every
// engine. The out-of-process peers report the time they measured for
// b.N calls as ns/op, so their process start is not counted.
func BenchmarkC(b *testing.B) {
	for _, k := range cKernels {
		bin := loadC(b, k.name)
		for _, e := range inProcess {
			b.Run(k.name+"/"+e.name, func(b *testing.B) {
				run := e.new(b, bin)
				cpu := startTimed(b)
				for range b.N {
					if got, err := run(k.benchArg); err != nil || uint32(got) != uint32(k.benchSum) {
						b.Fatalf("run(%d) = %d, %v; want %d", k.benchArg, uint32(got), err, k.benchSum)
					}
				}
				cpu.report(b, 0)
			})
		}
		for _, e := range outOfProcess {
			b.Run(k.name+"/"+e.name, func(b *testing.B) {
				run := e.new(b, k.name)
				got, t, err := run(k.benchArg, b.N)
				if err != nil || got != k.benchSum {
					b.Fatalf("run(%d) = %d, %v; want %d", k.benchArg, got, err, k.benchSum)
				}
				b.ReportMetric(float64(t.wall)/float64(b.N), "ns/op")
				b.ReportMetric(float64(t.cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
