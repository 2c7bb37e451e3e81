package bench

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tetratelabs/wazero"

	"kiln/baseline"
	"kiln/ir/vm"
	"kiln/ir/wasm/wat"
	"kiln/optimizing/compile"
	kiln "kiln/runtime"
)

// kernel is one benchmark program: its file, the argument of its "run"
// export and the result it must return.
type kernel struct {
	name string
	arg  uint64
	want uint64
}

var kernels = []kernel{
	{"fib", 25, 75025},
	{"collatz", 20000, 1834634},
	{"mandel", 60, 632},
	{"sieve", 1 << 20, 82025},
}

func load(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("kernels", name+".wat"))
	if err != nil {
		t.Fatal(err)
	}
	bin, err := wat.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// runner calls a kernel's "run" export on one engine.
type runner func(arg uint64) (uint64, error)

func kilnRunner(t testing.TB, bin []byte) runner { return kilnTier(t, bin, nil) }

func baselineRunner(t testing.TB, bin []byte) runner {
	return kilnTier(t, bin, baseline.Compiler{})
}

func optimizingRunner(t testing.TB, bin []byte) runner {
	return kilnTier(t, bin, compile.New())
}

// kilnTier instantiates bin on kiln with compiler c (nil: the
// interpreter); it skips where the platform cannot run compiled code.
func kilnTier(t testing.TB, bin []byte, c vm.Compiler) runner {
	ctx := context.Background()
	e, err := kiln.NewEngine(kiln.Config{Compiler: c})
	if errors.Is(err, kiln.ErrTierUnavailable) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.CompileModule(ctx, bin)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := kiln.NewStore(e).Instantiate(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	f := inst.Func("run")
	res := make([]uint64, 1)
	args := make([]uint64, 1)
	return func(arg uint64) (uint64, error) {
		args[0] = arg
		err := f.CallInto(ctx, args, res)
		return res[0], err
	}
}

func wazeroRunner(t testing.TB, bin []byte) runner {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	t.Cleanup(func() { r.Close(ctx) })
	m, err := r.Instantiate(ctx, bin)
	if err != nil {
		t.Fatal(err)
	}
	f := m.ExportedFunction("run")
	stack := make([]uint64, 1)
	return func(arg uint64) (uint64, error) {
		stack[0] = arg
		err := f.CallWithStack(ctx, stack)
		return stack[0], err
	}
}

var engines = []struct {
	name string
	new  func(testing.TB, []byte) runner
}{
	{"kiln-interp", kilnRunner},
	{"wazero-interp", wazeroRunner},
	{"kiln-baseline", baselineRunner},
	{"kiln-optimizing", optimizingRunner},
}

// TestKernelsAgree checks every kernel's result on every engine (with a
// smaller input under -short).
func TestKernelsAgree(t *testing.T) {
	for _, k := range kernels {
		bin := load(t, k.name)
		for _, e := range engines {
			t.Run(k.name+"/"+e.name, func(t *testing.T) {
				got, err := e.new(t, bin)(k.arg)
				if err != nil || got != k.want {
					t.Errorf("got %d, %v; want %d", got, err, k.want)
				}
			})
		}
	}
}

func BenchmarkKernels(b *testing.B) {
	for _, k := range kernels {
		bin := load(b, k.name)
		for _, e := range engines {
			b.Run(k.name+"/"+e.name, func(b *testing.B) {
				run := e.new(b, bin)
				cpu := startTimed(b)
				for range b.N {
					if got, err := run(k.arg); err != nil || got != k.want {
						b.Fatalf("got %d, %v; want %d", got, err, k.want)
					}
				}
				cpu.report(b, 0)
			})
		}
	}
}
