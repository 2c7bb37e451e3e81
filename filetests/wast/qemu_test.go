//go:build linux && amd64

package wast

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
)

// TestSpecSuiteInterpUnderQemu runs TestSpecSuiteInterp on the other Linux
// architectures kiln targets, under qemu-user: the interpreter is the tier
// every GOARCH gets, so it must pass the same suite on a 64-bit ARM, a
// RISC-V and a big-endian s390x host as it does here. Each architecture
// cross-compiles this package's tests and runs only that test. Skipped
// under -short and, per architecture, when its qemu is absent (Debian:
// qemu-user-static).
func TestSpecSuiteInterpUnderQemu(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles and runs the spec suite under qemu")
	}
	summary := regexp.MustCompile(`(\d+) passed, (\d+) failed`)
	for _, arch := range []struct{ goarch, qemu string }{
		{"arm64", "qemu-aarch64"},
		{"riscv64", "qemu-riscv64"},
		{"s390x", "qemu-s390x"},
	} {
		t.Run(arch.goarch, func(t *testing.T) {
			t.Parallel()
			var qemu string
			for _, name := range []string{arch.qemu + "-static", arch.qemu} {
				if p, err := exec.LookPath(name); err == nil {
					qemu = p
					break
				}
			}
			if qemu == "" {
				t.Skipf("%s not found (apt-get install qemu-user-static)", arch.qemu)
			}
			gotool := filepath.Join(runtime.GOROOT(), "bin", "go")
			bin := filepath.Join(t.TempDir(), "wast-"+arch.goarch+".test")
			build := exec.Command(gotool, "test", "-c", "-o", bin, ".")
			build.Env = append(os.Environ(), "GOOS=linux", "GOARCH="+arch.goarch, "CGO_ENABLED=0")
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("cross-compiling the tests: %v\n%s", err, out)
			}
			out, err := exec.Command(qemu, bin, "-test.run", "^TestSpecSuiteInterp$", "-test.v").CombinedOutput()
			if err != nil {
				t.Fatalf("under %s: %v\n%s", filepath.Base(qemu), err, out)
			}
			m := summary.FindSubmatch(out)
			if m == nil {
				t.Fatalf("under %s: no summary line:\n%s", filepath.Base(qemu), out)
			}
			if string(m[2]) != "0" {
				t.Fatalf("under %s: %s\n%s", filepath.Base(qemu), m[0], out)
			}
			t.Logf("linux/%s under %s: %s", arch.goarch, filepath.Base(qemu), m[0])
		})
	}
}
