package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"kiln/baseline"
	"kiln/ir/vm"
	"kiln/optimizing/compile"
	kiln "kiln/runtime"
	"kiln/runtime/wasi"
)

// Go-built programs: the hello world of the WASI issue (start-up + run),
// plain-Go compute kernels run as WASI commands, and the strconv test
// binary the compile benchmarks use. They are built on demand with the Go
// toolchain running the tests, once per test binary.

// scratch is a temporary directory for the builds of this test binary.
var scratch struct {
	once sync.Once
	dir  string
	err  error
}

func scratchDir(t testing.TB) string {
	scratch.once.Do(func() { scratch.dir, scratch.err = os.MkdirTemp("", "kiln-bench") })
	if scratch.err != nil {
		t.Fatal(scratch.err)
	}
	return scratch.dir
}

// goBuilds memoises buildGo by output name.
var goBuilds sync.Map // name -> *goBuild

type goBuild struct {
	once sync.Once
	path string
	err  error
}

// buildGo runs `go SUBCMD -o DIR/NAME PKG` (build, or test -c) with
// GOOS/GOARCH from env (nil: the host) once per test binary and returns
// the output's path; it skips where the go command is not found.
func buildGo(t testing.TB, name string, env []string, subcmd, pkg string) string {
	t.Helper()
	gocmd := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(gocmd); err != nil {
		if gocmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to build", name)
		}
	}
	v, _ := goBuilds.LoadOrStore(name, new(goBuild))
	b := v.(*goBuild)
	b.once.Do(func() {
		b.path = filepath.Join(scratchDir(t), name)
		args := append(strings.Fields(subcmd), "-o", b.path, pkg)
		cmd := exec.Command(gocmd, args...)
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("%s: %v\n%s", cmd, err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

var wasip1 = []string{"GOOS=wasip1", "GOARCH=wasm"}

func goWasm(t testing.TB, name, subcmd, pkg string) []byte {
	bin, err := os.ReadFile(buildGo(t, name+".wasm", wasip1, subcmd, pkg))
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// A command is a compiled WASI program; each call instantiates it afresh
// and runs _start with args, writing its standard output to stdout.
type command func(args []string, stdout io.Writer) error

// wasiEngines compile a WASI command. Compiling is part of a program's
// start-up; the "cold" benchmarks count it, the "warm" ones do not.
var wasiEngines = []struct {
	name    string
	compile func(testing.TB, []byte) command
}{
	{"kiln-interp", func(t testing.TB, bin []byte) command { return kilnCommand(t, bin, nil) }},
	{"kiln-baseline", func(t testing.TB, bin []byte) command { return kilnCommand(t, bin, baseline.Compiler{}) }},
	{"kiln-optimizing", func(t testing.TB, bin []byte) command { return kilnCommand(t, bin, compile.New()) }},
	{"wazero-interp", func(t testing.TB, bin []byte) command {
		return wazeroCommand(t, bin, wazero.NewRuntimeConfigInterpreter())
	}},
	{"wazero-compiler", func(t testing.TB, bin []byte) command {
		return wazeroCommand(t, bin, wazero.NewRuntimeConfigCompiler())
	}},
}

func kilnCommand(t testing.TB, bin []byte, c vm.Compiler) command {
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
	return func(args []string, stdout io.Writer) error {
		sys, err := wasi.New(wasi.Config{Args: args, Stdout: stdout, Stderr: os.Stderr})
		if err != nil {
			return err
		}
		defer sys.Close()
		l := kiln.NewLinker(e)
		if err := wasi.Define(l, sys); err != nil {
			return err
		}
		inst, err := l.Instantiate(ctx, kiln.NewStore(e), m)
		if err != nil {
			return err
		}
		_, err = inst.Func("_start").Call(ctx)
		var exit *wasi.ExitError
		if errors.As(err, &exit) && exit.Code == 0 {
			err = nil
		}
		return err
	}
}

func wazeroCommand(t testing.TB, bin []byte, cfg wazero.RuntimeConfig) command {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, cfg)
	t.Cleanup(func() { r.Close(ctx) })
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	m, err := r.CompileModule(ctx, bin)
	if err != nil {
		t.Fatal(err)
	}
	return func(args []string, stdout io.Writer) error {
		// Real clocks, as kiln's WASI gives: Go's scheduler reads them.
		mc := wazero.NewModuleConfig().WithName("").WithArgs(args...).
			WithStdout(stdout).WithStderr(os.Stderr).WithSysWalltime().WithSysNanotime().WithSysNanosleep()
		mod, err := r.InstantiateModule(ctx, m, mc)
		if err != nil {
			return err
		}
		return mod.Close(ctx)
	}
}

// goKernel is a kernel of testdata/gokernel with its size and checksum.
type goKernel struct {
	name string
	n    string
	sum  string
}

var goKernels = []goKernel{
	{"sha256", "100", "10273211057686884679"},
	{"sort", "50000", "15226652047769950290"},
	{"strconv", "20000", "14088919126373449531"},
	{"map", "30000", "450000000"},
	{"json", "1000", "2975759"},
}

// BenchmarkGoHello: start-up and run of the Go hello world (issue 6).
// cold compiles the module in every op (what `kiln run hello.wasm` does);
// warm compiles it once and instantiates and runs it in every op.
func BenchmarkGoHello(b *testing.B) {
	bin := goWasm(b, "gohello", "build", "./testdata/gohello")
	args := []string{"hello"}
	check := func(b *testing.B, out *bytes.Buffer, err error) {
		if err != nil || out.String() != "hello, world\n" {
			b.Fatalf("printed %q, %v", out, err)
		}
	}
	for _, e := range wasiEngines {
		b.Run("cold/"+e.name, func(b *testing.B) {
			var out bytes.Buffer
			cpu := startTimed(b)
			for range b.N {
				out.Reset()
				err := e.compile(b, bin)(args, &out)
				check(b, &out, err)
			}
			cpu.report(b, 0)
		})
		b.Run("warm/"+e.name, func(b *testing.B) {
			run := e.compile(b, bin)
			var out bytes.Buffer
			cpu := startTimed(b)
			for range b.N {
				out.Reset()
				check(b, &out, run(args, &out))
			}
			cpu.report(b, 0)
		})
	}
}

// BenchmarkGoKernels runs plain-Go kernels as wasip1 commands: ns/op (and
// cpu-ns/op) is instantiation + Go runtime start + one kernel run;
// kernel-ns/op is the kernel alone as the guest's clock measured it (wall
// time). native-go is the same program built for the host, b.N kernel
// runs in one process (its ns/op is kernel-ns/op, its cpu-ns/op the
// process's CPU time over b.N).
func BenchmarkGoKernels(b *testing.B) {
	bin := goWasm(b, "gokernel", "build", "./testdata/gokernel")
	for _, k := range goKernels {
		for _, e := range wasiEngines {
			b.Run(k.name+"/"+e.name, func(b *testing.B) {
				run := e.compile(b, bin)
				var out bytes.Buffer
				var kernelNS int64
				cpu := startTimed(b)
				for range b.N {
					out.Reset()
					if err := run([]string{"gokernel", k.name, k.n, "1"}, &out); err != nil {
						b.Fatal(err)
					}
					kernelNS += checkGoKernel(b, k, out.Bytes())
				}
				cpu.report(b, 0)
				b.ReportMetric(float64(kernelNS)/float64(b.N), "kernel-ns/op")
			})
		}
		b.Run(k.name+"/native-go", func(b *testing.B) {
			exe := buildGo(b, "gokernel", nil, "build", "./testdata/gokernel")
			cmd := exec.Command(exe, k.name, k.n, fmt.Sprint(b.N))
			out, err := cmd.Output()
			if err != nil {
				b.Fatal(err)
			}
			ns := checkGoKernel(b, k, out)
			b.ReportMetric(float64(ns)/float64(b.N), "ns/op")
			b.ReportMetric(float64(ns)/float64(b.N), "kernel-ns/op")
			// The child's CPU time, start-up included (a few ms at most).
			cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

func checkGoKernel(t testing.TB, k goKernel, out []byte) int64 {
	f := strings.Fields(string(out))
	if len(f) != 2 || f[0] != k.sum {
		t.Fatalf("gokernel %s %s printed %q, want checksum %s", k.name, k.n, out, k.sum)
	}
	var ns int64
	fmt.Sscan(f[1], &ns)
	return ns
}

// TestGoHello runs the Go hello world once on the engines that compile it
// quickly (the compilers take seconds for its 2 MB on a loaded machine;
// the benchmarks check every engine's output before timing).
func TestGoHello(t *testing.T) {
	bin := goWasm(t, "gohello", "build", "./testdata/gohello")
	for _, e := range wasiEngines {
		if e.name == "kiln-optimizing" || e.name == "wazero-compiler" {
			continue
		}
		t.Run(e.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := e.compile(t, bin)([]string{"hello"}, &out); err != nil || out.String() != "hello, world\n" {
				t.Errorf("printed %q, %v", out.String(), err)
			}
		})
	}
}
