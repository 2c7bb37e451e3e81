//go:build !arm64

package arm64

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestQemu runs the execution tests (exec_arm64_test.go: generated code
// is mapped executable and called) on a non-arm64 host: it cross-compiles
// this package's tests for linux/arm64 and runs them under qemu-user.
// Skipped when qemu-aarch64(-static) is absent (Debian: qemu-user-static)
// or under -short.
func TestQemu(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles and runs the tests under qemu")
	}
	var qemu string
	for _, name := range []string{"qemu-aarch64-static", "qemu-aarch64"} {
		if p, err := exec.LookPath(name); err == nil {
			qemu = p
			break
		}
	}
	if qemu == "" {
		t.Skip("qemu-aarch64 not found (apt-get install qemu-user-static)")
	}
	gotool := filepath.Join(runtime.GOROOT(), "bin", "go")
	bin := filepath.Join(t.TempDir(), "arm64.test")
	build := exec.Command(gotool, "test", "-c", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOOS=linux", "GOARCH=arm64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("cross-compiling the tests: %v\n%s", err, out)
	}
	out, err := exec.Command(qemu, bin, "-test.run", "^TestExec", "-test.v").CombinedOutput()
	if err != nil {
		t.Fatalf("under %s: %v\n%s", qemu, err, out)
	}
	passed := strings.Count(string(out), "--- PASS")
	if passed == 0 || strings.Contains(string(out), "--- FAIL") {
		t.Fatalf("under %s:\n%s", qemu, out)
	}
	t.Logf("%d execution tests passed under %s", passed, filepath.Base(qemu))
}
