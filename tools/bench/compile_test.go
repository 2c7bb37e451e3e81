package bench

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/experimental"

	"kiln/baseline"
	"kiln/ir/vm"
	"kiln/optimizing/compile"
	kiln "kiln/runtime"
)

// strconvWasm is Go's strconv test binary for wasip1 (about 2.5 MB of
// wasm code), the compile benchmarks' input as issues 8 and 9 ask.
func strconvWasm(t testing.TB) []byte {
	return goWasm(t, "strconv.test", "test -c", "strconv")
}

// codeSectionSize returns the byte size of the code section of the wasm
// binary bin: the "MB of wasm code" compile throughput is counted in.
func codeSectionSize(bin []byte) (int, error) {
	if len(bin) < 8 {
		return 0, errors.New("not a wasm binary")
	}
	p := 8
	for p < len(bin) {
		id := bin[p]
		size, n := uleb(bin[p+1:])
		if n == 0 {
			return 0, fmt.Errorf("bad section size at %d", p+1)
		}
		p += 1 + n
		if id == 10 {
			return int(size), nil
		}
		p += int(size)
	}
	return 0, errors.New("no code section")
}

func uleb(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// compilers are the engines whose whole-module compile (decode, validate,
// compile; for the interpreter its translation) the benchmark times.
var compilers = []struct {
	name    string
	compile func(testing.TB, []byte) func() error
}{
	{"kiln-interp", func(t testing.TB, bin []byte) func() error { return kilnCompile(t, bin, nil) }},
	{"kiln-baseline", func(t testing.TB, bin []byte) func() error { return kilnCompile(t, bin, baseline.Compiler{}) }},
	{"kiln-optimizing", func(t testing.TB, bin []byte) func() error { return kilnCompile(t, bin, compile.New()) }},
	{"wazero-compiler", wazeroCompile},
}

func kilnCompile(t testing.TB, bin []byte, c vm.Compiler) func() error {
	e, err := kiln.NewEngine(kiln.Config{Compiler: c})
	if errors.Is(err, kiln.ErrTierUnavailable) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return func() error {
		_, err := e.CompileModule(context.Background(), bin)
		return err
	}
}

// wazeroCompile compiles on a fresh runtime each time, since a runtime
// caches compiled modules by content. wazero compiles on one goroutine
// unless told otherwise: it gets GOMAXPROCS workers, as kiln uses.
func wazeroCompile(t testing.TB, bin []byte) func() error {
	return func() error {
		ctx := context.Background()
		r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler())
		defer r.Close(ctx)
		_, err := r.CompileModule(experimental.WithCompilationWorkers(ctx, runtime.GOMAXPROCS(0)), bin)
		return err
	}
}

// BenchmarkCompileStrconv reports compile throughput in MB of wasm code
// per second (MB/s) on the strconv test binary. Run it with -cpu 1,2 for
// single- and multi-core numbers: every compiler here uses GOMAXPROCS
// goroutines.
func BenchmarkCompileStrconv(b *testing.B) {
	bin := strconvWasm(b)
	size, err := codeSectionSize(bin)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range compilers {
		b.Run(c.name, func(b *testing.B) {
			compile := c.compile(b, bin)
			b.SetBytes(int64(size))
			cpu := startTimed(b)
			for range b.N {
				if err := compile(); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b, int64(size))
		})
	}
}

func TestCodeSectionSize(t *testing.T) {
	// A module with one empty function: type, function and code sections.
	bin := []byte{0, 'a', 's', 'm', 1, 0, 0, 0,
		1, 4, 1, 0x60, 0, 0,
		3, 2, 1, 0,
		10, 4, 1, 2, 0, 0x0b}
	if n, err := codeSectionSize(bin); err != nil || n != 4 {
		t.Errorf("codeSectionSize = %d, %v; want 4", n, err)
	}
}
