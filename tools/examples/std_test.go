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
// binaries must pass under kiln run. cpu is the user CPU time one run took
// under the interpreter (Go 1.26, x86-64, -test.v=false, measured with
// /usr/bin/time on a heavily shared 2-core machine; wall time there was
// 5-20x more). Packages over about a minute run only with
// KILN_STD_TESTS=all; 0 means the run was cut off before finishing (see
// the commit that set it).
var stdPackages = []struct {
	pkg  string
	cpu  time.Duration
	slow bool
}{
	{"unicode/utf8", 380 * time.Millisecond, false},
	{"path/filepath", 660 * time.Millisecond, false},
	{"os", 77 * time.Second, true},
	{"bytes", 0, true},
	{"strings", 0, true},
	{"strconv", 0, true},
	{"sort", 0, true}, // more than 88 s of CPU
}

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
	for _, p := range stdPackages {
		t.Run(strings.ReplaceAll(p.pkg, "/", "_"), func(t *testing.T) {
			if p.slow && !all {
				t.Skipf("slow under the interpreter; run with KILN_STD_TESTS=all")
			}
			t.Parallel()
			bin := filepath.Join(t.TempDir(), "pkg.test.wasm")
			build := exec.Command("go", "test", "-c", "-o", bin, p.pkg)
			build.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go test -c %s: %v\n%s", p.pkg, err, out)
			}
			src := filepath.Join(goroot, "src", filepath.FromSlash(p.pkg))
			r := run(t, 30*time.Minute, src, nil, kiln(t), "run",
				"--dir=/", "--env=PWD="+src, "--env=PATH", bin, "-test.v=false")
			if r.code != 0 || !strings.Contains(r.stdout, "PASS") {
				t.Fatalf("exit %d after %v\nstdout:\n%s\nstderr:\n%s", r.code, r.elapsed, tail(r.stdout), tail(r.stderr))
			}
			t.Logf("%s passed under kiln run --tier=interp in %v", p.pkg, r.elapsed.Round(time.Millisecond))
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
