package examples

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// stdPackages are the Go standard library packages whose wasip1 test
// binaries must pass under kiln run, on every tier.
var stdPackages = []string{"unicode/utf8", "path/filepath", "os", "bytes", "strings", "strconv", "sort"}

// stdCPU is the user CPU time one run took per tier and package (Go 1.26,
// x86-64, -test.v=false, /usr/bin/time, on a heavily shared 2-core
// machine where wall time was 5-20x more; for the compiled tiers it
// includes compiling the 5-8 MB test binary). Runs without a measurement
// or over defaultCPUBudget are opt-in: KILN_STD_TESTS=all runs everything.
// The budget keeps the default run inside go test's 10-minute timeout
// even on a loaded machine.
var stdCPU = map[string]map[string]time.Duration{
	"interp": {
		"unicode/utf8":  380 * time.Millisecond,
		"path/filepath": 660 * time.Millisecond,
		"os":            77 * time.Second,
		"sort":          61 * time.Second,
		"strconv":       225 * time.Second,
		// strings' and bytes' TestCompare* compare every prefix of 100 kB
		// buffers byte by byte in Go's generic wasm code (about 10^10
		// loop iterations); measured 2026-12-07, both PASS.
		"strings": 975 * time.Second,
		"bytes":   2302 * time.Second,
	},
	"baseline": {
		"unicode/utf8":  520 * time.Millisecond,
		"path/filepath": 520 * time.Millisecond,
		"strconv":       9150 * time.Millisecond,
		"sort":          2170 * time.Millisecond,
		"strings":       19850 * time.Millisecond,
		"bytes":         44160 * time.Millisecond,
		"os":            4960 * time.Millisecond,
	},
	"optimizing": {
		"unicode/utf8":  4710 * time.Millisecond,
		"path/filepath": 5680 * time.Millisecond,
		"sort":          6440 * time.Millisecond,
		"os":            12300 * time.Millisecond,
		"strconv":       14930 * time.Millisecond,
		"strings":       28890 * time.Millisecond,
		"bytes":         51120 * time.Millisecond,
	},
}

const defaultCPUBudget = 10 * time.Second

// TestGoStdPackages builds each package's test binary for wasip1 and runs
// it as go test's exec wrapper runs it under Wasmtime
// (GOROOT/lib/wasm/go_wasip1_wasm_exec): "/" preopened, PWD the package's
// source directory, PATH passed through, -test.v=false.
func TestGoStdPackages(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the exec wrapper's --dir=/ convention is Unix-only")
	}
	all := os.Getenv("KILN_STD_TESTS") == "all"
	goroot := strings.TrimSpace(string(must(exec.Command("go", "env", "GOROOT").Output())))
	binaries := map[string]string{}
	for _, pkg := range stdPackages {
		bin := filepath.Join(t.TempDir(), strings.ReplaceAll(pkg, "/", "_")+".test.wasm")
		binaries[pkg] = bin
	}
	built := map[string]bool{}
	for _, tier := range tiers {
		for _, pkg := range stdPackages {
			t.Run(tier+"/"+strings.ReplaceAll(pkg, "/", "_"), func(t *testing.T) {
				cpu, measured := stdCPU[tier][pkg]
				if !all && (!measured || cpu > defaultCPUBudget) {
					t.Skipf("over %v of CPU on this tier (or not measured); run with KILN_STD_TESTS=all", defaultCPUBudget)
				}
				bin := binaries[pkg]
				if !built[pkg] {
					build := exec.Command("go", "test", "-c", "-o", bin, pkg)
					build.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
					if out, err := build.CombinedOutput(); err != nil {
						t.Fatalf("go test -c %s: %v\n%s", pkg, err, out)
					}
					built[pkg] = true
				}
				src := filepath.Join(goroot, "src", filepath.FromSlash(pkg))
				r := run(t, 60*time.Minute, src, nil, kiln(t), "run", "--tier="+tier,
					"--dir=/", "--env=PWD="+src, "--env=PATH", bin, "-test.v=false")
				if r.code == 2 && strings.Contains(r.stderr, "not available") {
					t.Skipf("tier %s: %s", tier, strings.TrimSpace(r.stderr))
				}
				if r.code != 0 || !strings.Contains(r.stdout, "PASS") {
					t.Fatalf("exit %d after %v\nstdout:\n%s\nstderr:\n%s", r.code, r.elapsed, tail(r.stdout), tail(r.stderr))
				}
				t.Logf("%s passed under kiln run --tier=%s in %v", pkg, tier, r.elapsed.Round(time.Millisecond))
			})
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
