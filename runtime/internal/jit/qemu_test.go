//go:build amd64 && linux

package jit

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestArm64UnderQemu cross-compiles this package's tests for linux/arm64
// and runs them under qemu-user, so the arm64 trampolines, exit stubs and
// test programs are exercised on an amd64 host. Skipped under -short (it
// builds a test binary) and when qemu-aarch64(-static) is absent (Debian:
// qemu-user-static).
func TestArm64UnderQemu(t *testing.T) {
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
	bin := filepath.Join(t.TempDir(), "jit-arm64.test")
	build := exec.Command(gotool, "test", "-c", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOOS=linux", "GOARCH=arm64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("cross-compiling the tests: %v\n%s", err, out)
	}
	// -test.short: the multi-second GC latency test is run natively; under
	// emulation it only repeats what the short tests prove.
	out, err := exec.Command(qemu, bin, "-test.short", "-test.v").CombinedOutput()
	if err != nil {
		t.Fatalf("under %s: %v\n%s", qemu, err, out)
	}
	passed := strings.Count(string(out), "--- PASS")
	if passed == 0 || strings.Contains(string(out), "--- FAIL") {
		t.Fatalf("under %s:\n%s", qemu, out)
	}
	t.Logf("%d tests passed on arm64 under %s", passed, filepath.Base(qemu))
}
