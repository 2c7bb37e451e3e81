package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tetratelabs/wazero"
)

// This file holds the peers kiln is measured against besides wazero's
// interpreter: wazero's compiler (in process), native code built with gcc
// and V8 through node (out of process).

func wazeroCompilerRunner(t testing.TB, bin []byte) runner {
	return wazeroWith(t, bin, wazero.NewRuntimeConfigCompiler())
}

// wazeroWith instantiates bin on a wazero runtime of configuration cfg
// and returns a runner for its "run" export.
func wazeroWith(t testing.TB, bin []byte, cfg wazero.RuntimeConfig) runner {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, cfg)
	t.Cleanup(func() { r.Close(ctx) })
	m, err := r.Instantiate(ctx, bin)
	if err != nil {
		t.Fatal(err)
	}
	if init := m.ExportedFunction("_initialize"); init != nil {
		if _, err := init.Call(ctx); err != nil {
			t.Fatal(err)
		}
	}
	f := m.ExportedFunction("run")
	stack := make([]uint64, 1)
	return func(arg uint64) (uint64, error) {
		stack[0] = arg
		err := f.CallWithStack(ctx, stack)
		return stack[0], err
	}
}

// A timedRunner runs a kernel iters times out of process after one
// untimed warm-up call, and returns the kernel's result and the time the
// timed calls took (measured by the peer itself, so process start-up and
// code loading are not counted).
type timedRunner func(arg uint64, iters int) (result uint64, t timing, err error)

// timing is a peer's measurement in nanoseconds: wall clock and its
// process's CPU time.
type timing struct{ wall, cpu int64 }

// parseTimed reads a driver's "RESULT WALL_NS CPU_NS" line.
func parseTimed(out []byte) (uint64, timing, error) {
	f := strings.Fields(string(out))
	if len(f) != 3 {
		return 0, timing{}, fmt.Errorf("driver printed %q, want RESULT WALL_NS CPU_NS", out)
	}
	var t timing
	res, err := strconv.ParseUint(f[0], 10, 64)
	if err == nil {
		t.wall, err = strconv.ParseInt(f[1], 10, 64)
	}
	if err == nil {
		t.cpu, err = strconv.ParseInt(f[2], 10, 64)
	}
	return res, t, err
}

func runDriver(cmd *exec.Cmd) (uint64, timing, error) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, timing{}, fmt.Errorf("%s: %v: %s", cmd, err, stderr.Bytes())
	}
	return parseTimed(out)
}

// nativeBuilds memoises the gcc builds of the C kernels (kernel name ->
// *goBuild), made on demand into the scratch directory.
var nativeBuilds sync.Map

// nativeRunner returns the gcc -O2 build of C kernel name; it skips where
// gcc is missing.
func nativeRunner(t testing.TB, name string) timedRunner {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no native baseline: gcc is not installed")
	}
	v, _ := nativeBuilds.LoadOrStore(name, new(goBuild))
	nb := v.(*goBuild)
	nb.once.Do(func() {
		dir := filepath.Join(scratchDir(t), "native")
		nb.path = filepath.Join(dir, name)
		out, err := exec.Command("bash", filepath.Join("c", "build.sh"), "-native", dir, name).CombinedOutput()
		if err != nil {
			nb.err = fmt.Errorf("c/build.sh -native: %v\n%s", err, out)
		}
	})
	if nb.err != nil {
		t.Fatal(nb.err)
	}
	return func(arg uint64, iters int) (uint64, timing, error) {
		return runDriver(exec.Command(nb.path, strconv.FormatUint(arg, 10), strconv.Itoa(iters)))
	}
}

// nodeRunner runs a kernel's wasm on V8 through node_driver.mjs with the
// given V8 flags; it skips where node is missing. V8 normally starts a
// function in Liftoff (its baseline tier) and tiers hot functions up to
// TurboFan in the background, so a timed loop would mix the two: each
// engine is pinned to one tier instead.
func nodeRunner(t testing.TB, wasmPath string, v8flags ...string) timedRunner {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no V8 peer: node is not installed")
	}
	return func(arg uint64, iters int) (uint64, timing, error) {
		args := append(append([]string{}, v8flags...), "node_driver.mjs", wasmPath, strconv.FormatUint(arg, 10), strconv.Itoa(iters))
		return runDriver(exec.Command(node, args...))
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if scratch.dir != "" {
		os.RemoveAll(scratch.dir)
	}
	os.Exit(code)
}
