package compile

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"testing"
	"time"

	"kiln/encoder"
	"kiln/ir"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/optimizing/frontend"
	"kiln/optimizing/internal/benchtest"
	"kiln/optimizing/isa/amd64"
)

// strconvWasm is Go's strconv test binary for wasip1, the compile
// throughput yardstick (see kiln/optimizing/internal/benchtest for how to
// build it), and the size of its function bodies.
func strconvWasm(tb testing.TB) (*wasm.Module, int) {
	m := benchtest.Strconv(tb)
	code := 0
	for _, c := range m.Code {
		code += len(c.Expr)
	}
	return m, code
}

// BenchmarkCompileStrconv measures compile throughput in MB/s of function
// bodies (the code section), on all cores (Parallelism 0) and on one.
func BenchmarkCompileStrconv(b *testing.B) {
	m, code := strconvWasm(b)
	for _, par := range []struct {
		name string
		n    int
	}{{"parallel", 0}, {"serial", 1}} {
		b.Run(par.name, func(b *testing.B) {
			b.SetBytes(int64(code))
			for b.Loop() {
				if _, err := New().Compile(context.Background(), m, vm.CompileOptions{Target: "amd64", Features: wasm.Features2_0, Parallelism: par.n}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCompileStrconv compiles the whole strconv test binary: every
// function must translate and compile.
func TestCompileStrconv(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles 4 MB of code")
	}
	m, code := strconvWasm(t)
	start, cpu0 := time.Now(), benchtest.CPUTime()
	a, err := New().Compile(context.Background(), m, vm.CompileOptions{Target: "amd64", Features: wasm.Features2_0, Parallelism: 1})
	if err != nil {
		t.Fatal(err)
	}
	d, cpu := time.Since(start), benchtest.CPUTime()-cpu0
	t.Logf("%d functions, %d bytes of wasm code -> %d bytes of machine code in %v on one goroutine (%.2f MB/s), %v of process CPU (%.2f cpu-MB/s)",
		len(a.Funcs), code, len(a.Code), d.Round(time.Millisecond), float64(code)/d.Seconds()/1e6, cpu.Round(time.Millisecond), float64(code)/cpu.Seconds()/1e6)
	// The digest tells a change that should only make compiling faster
	// whether it left the machine code as it was.
	t.Logf("machine code sha256 %x", sha256.Sum256(a.Code))
	// And whether it left the records the runtime reads as they were.
	rec := sha256.New()
	for _, s := range []any{a.Funcs, a.Imports, a.Traps, a.SrcLocs, a.Relocs} {
		if err := binary.Write(rec, binary.LittleEndian, s); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("records sha256 %x", rec.Sum(nil))
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
}

// TestCompileStrconvParallel compiles the strconv test binary on one
// worker and on four and expects the same code: each worker reuses its
// tables from one function to the next (and the pools are shared), so a
// table not fully reset would make a function's code depend on which
// functions its worker compiled before.
func TestCompileStrconvParallel(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles 4 MB of code twice")
	}
	m, _ := strconvWasm(t)
	var codes [2][]byte
	for i, par := range []int{1, 4} {
		a, err := New().Compile(context.Background(), m, vm.CompileOptions{Target: "amd64", Features: wasm.Features2_0, Parallelism: par})
		if err != nil {
			t.Fatal(err)
		}
		codes[i] = a.Code
	}
	if !bytes.Equal(codes[0], codes[1]) {
		t.Errorf("parallel compile differs from serial (%d vs %d bytes)", len(codes[1]), len(codes[0]))
	}
}

// BenchmarkBackendStrconv measures the back end alone (lowering, register
// allocation, emission) on strconv's functions, translated and optimized
// once up front, on one goroutine, as compile's workers run it (one code
// arena); the digest of the code checks that a change to the back end
// left it as it was.
func BenchmarkBackendStrconv(b *testing.B) {
	m, code := strconvWasm(b)
	tr := frontend.NewTranslator(m, frontend.NewVMEnv(m))
	var fs []*ir.Function
	for i := uint32(m.NumImportedFuncs); i < uint32(len(m.FuncTypes)); i++ {
		f, err := tr.TranslateInto(nil, i)
		if err == nil {
			err = MidEnd(f)
		}
		if err != nil {
			b.Fatal(err)
		}
		fs = append(fs, f)
	}
	wo := wasmOptions(vm.CompileOptions{})
	b.SetBytes(int64(code))
	b.ResetTimer()
	cpu0 := benchtest.CPUTime()
	for b.Loop() {
		var arena encoder.Arena
		h := sha256.New()
		for _, f := range fs {
			res, err := compileFunction(f, amd64.Flags{}, wo, &arena)
			if err != nil {
				b.Fatal(err)
			}
			h.Write(res.Code.Bytes)
		}
		b.ReportMetric(float64(binary.LittleEndian.Uint32(h.Sum(nil))), "digest")
	}
	b.ReportMetric(float64((benchtest.CPUTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}
