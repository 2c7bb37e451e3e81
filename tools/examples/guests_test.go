package examples

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// kilnBinary builds the kiln command once per test process.
var kilnBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "kiln-guests")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kiln")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, "kiln/tools/cmd/kiln").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build kiln: %v\n%s", err, out)
	}
	return bin, nil
})

func kiln(t *testing.T) string {
	t.Helper()
	bin, err := kilnBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// result is how a program ended.
type result struct {
	stdout, stderr string
	code           int
	elapsed        time.Duration
}

func run(t *testing.T, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %v: timed out after %v\nstderr: %s", name, args, timeout, tail(r.stderr))
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

func tail(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > 30 {
		lines = lines[len(lines)-30:]
	}
	return strings.Join(lines, "\n")
}

// goBuild builds a package for wasip1 (wasm = true) or the host.
func goBuild(t *testing.T, pkg string, wasm bool) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if wasm {
		out += ".wasm"
		cmd.Args[3] = out
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	return out
}

// tiers are the execution tiers kiln run offers; a tier this build or
// host cannot run answers "not available", and its subtests skip.
var tiers = []string{"interp", "baseline", "optimizing"}

// kilnRun runs "kiln run --tier=tier args..." and skips the test when the
// tier is not available here.
func kilnRun(t *testing.T, tier string, timeout time.Duration, args ...string) result {
	t.Helper()
	r := run(t, timeout, "", nil, kiln(t), append([]string{"run", "--tier=" + tier}, args...)...)
	if r.code == 2 && strings.Contains(r.stderr, "not available") {
		t.Skipf("tier %s: %s", tier, strings.TrimSpace(r.stderr))
	}
	return r
}

func TestGoHello(t *testing.T) {
	wasm := goBuild(t, "kiln/tools/examples/gohello", true)
	for _, tier := range tiers {
		t.Run(tier, func(t *testing.T) {
			r := kilnRun(t, tier, 5*time.Minute, wasm)
			if r.code != 0 || r.stdout != "Hello from Go on kiln!\n" {
				t.Fatalf("exit %d stdout %q stderr %s", r.code, r.stdout, tail(r.stderr))
			}
			t.Logf("Go hello world under kiln run --tier=%s: %v", tier, r.elapsed)
		})
	}
}

// TestGoTourMatchesNative runs the Go tour natively and under kiln, each
// in a fresh working directory, and compares everything it printed.
func TestGoTourMatchesNative(t *testing.T) {
	wasm := goBuild(t, "kiln/tools/examples/gotour", true)
	native := goBuild(t, "kiln/tools/examples/gotour", false)
	compareWithNative(t, native, func(t *testing.T, tier, dir string, args []string) result {
		return kilnRun(t, tier, 5*time.Minute, append([]string{"--dir=" + dir, "--env=PWD=" + dir, "--env=GREETING=hi", wasm}, args...)...)
	})
}

// TestCTourMatchesNative does the same for C through wasi-libc.
func TestCTourMatchesNative(t *testing.T) {
	clang, err := exec.LookPath("clang")
	if err != nil {
		t.Skip("clang is not installed (Debian: clang lld wasi-libc libclang-rt-dev-wasm32)")
	}
	dir := t.TempDir()
	wasm, native := filepath.Join(dir, "tour.wasm"), filepath.Join(dir, "tour")
	if out, err := exec.Command(clang, "--target=wasm32-wasi", "-O2", "-o", wasm, "c/tour.c").CombinedOutput(); err != nil {
		t.Skipf("clang cannot build for wasm32-wasi here (needs lld, wasi-libc and the wasm32 compiler-rt): %v\n%s", err, out)
	}
	if out, err := exec.Command(clang, "-O2", "-o", native, "c/tour.c").CombinedOutput(); err != nil {
		t.Skipf("clang cannot build natively here: %v\n%s", err, out)
	}
	compareWithNative(t, native, func(t *testing.T, tier, dir string, args []string) result {
		return kilnRun(t, tier, 5*time.Minute, append([]string{"--dir=" + dir + "::.", "--env=GREETING=hi", wasm}, args...)...)
	})
}

// compareWithNative runs the native program and the guest (through
// runGuest, on every tier) with the same arguments, each in a fresh
// working directory, and compares their output and exit status.
func compareWithNative(t *testing.T, native string, runGuest func(t *testing.T, tier, dir string, args []string) result) {
	for _, args := range [][]string{{"a", "b c"}, {"fail"}} {
		want := run(t, time.Minute, t.TempDir(), []string{"GREETING=hi"}, native, args...)
		for _, tier := range tiers {
			t.Run(tier+"/"+args[0], func(t *testing.T) {
				got := runGuest(t, tier, t.TempDir(), args)
				if got.stdout != want.stdout || got.code != want.code {
					t.Errorf("args %q: kiln exit %d, native %d\nkiln:\n%s\nnative:\n%s\nkiln stderr: %s",
						args, got.code, want.code, got.stdout, want.stdout, tail(got.stderr))
				}
			})
		}
	}
}
