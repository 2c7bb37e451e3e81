package wasm

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// strconvWasm builds Go's strconv test binary for wasip1 once per test
// process: a real 5 MB module produced by a production compiler, with
// thousands of functions and every MVP construct a compiler emits.
var strconvWasm = sync.OnceValues(func() ([]byte, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kiln-wasm-strconv")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "strconv.wasm")
	cmd := exec.Command(goTool, "test", "-c", "-o", out, "strconv")
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, &buildError{err, string(msg)}
	}
	return os.ReadFile(out)
})

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + ": " + e.out }

func needStrconv(tb testing.TB) []byte {
	tb.Helper()
	b, err := strconvWasm()
	if err != nil {
		tb.Skipf("cannot build the strconv wasip1 test binary: %v", err)
	}
	return b
}

func TestStrconvBinaryValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go test binary for wasip1")
	}
	b := needStrconv(t)
	m, err := DecodeAndValidate(b, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Code) < 1000 || m.Names == nil || len(m.Names.Funcs) == 0 {
		t.Errorf("got %d bodies, names %v; want a full Go binary with a name section", len(m.Code), m.Names != nil)
	}
	// Go's binaries declare no feature beyond 2.0 (plus sign-ext and
	// sat-conv which 2.0 includes).
	if _, err := DecodeAndValidate(b, Features2_0); err != nil {
		t.Errorf("2.0 features: %v", err)
	}
}

// cpuTime returns the process's user+system CPU time. The benchmarks
// report CPU-time throughput beside wall-clock throughput because the
// development machines are shared: under load, wall time mostly measures
// the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds a cpu-MB/s metric for n bytes per iteration.
func reportCPU(b *testing.B, start time.Duration, n int64) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

func BenchmarkDecode(b *testing.B) {
	bin := needStrconv(b)
	b.SetBytes(int64(len(bin)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Decode(bin, FeaturesAll); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, int64(len(bin)))
}

func BenchmarkValidate(b *testing.B) {
	bin := needStrconv(b)
	m, err := Decode(bin, FeaturesAll)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(bin)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if err := Validate(m, FeaturesAll); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, int64(len(bin)))
}

// BenchmarkDecodeAndValidate is the runtime's path: one read of each body.
func BenchmarkDecodeAndValidate(b *testing.B) {
	bin := needStrconv(b)
	b.SetBytes(int64(len(bin)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := DecodeAndValidate(bin, FeaturesAll); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, int64(len(bin)))
}

// BenchmarkOperatorReader decodes every operator of every body.
func BenchmarkOperatorReader(b *testing.B) {
	bin := needStrconv(b)
	m, err := Decode(bin, FeaturesAll)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for i := range m.Code {
		n += int64(len(m.Code[i].Expr))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	var op Operator
	start := cpuTime()
	defer func() { reportCPU(b, start, n) }()
	for b.Loop() {
		for i := range m.Code {
			c := &m.Code[i]
			or := NewOperatorReader(c.Expr, c.ExprOffset)
			for !or.Done() {
				if err := or.Read(&op); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
