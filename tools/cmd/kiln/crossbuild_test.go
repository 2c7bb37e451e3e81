package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// crossTargets are platforms without a compiler backend, or of another
// OS, that the kiln command must still build for (no cgo; the interpreter
// runs where no backend exists). Each stands for a class: another OS
// (windows, darwin, wasip1) and a 32-bit architecture with no backend at
// all (386). The Linux ISAs kiln does target (arm64, riscv64, s390x) are
// built and run under qemu by the tests of filetests/wast and
// runtime/internal/jit. Few targets, because each costs a compile of the
// standard library (30-40 s here).
var crossTargets = []struct{ goos, goarch string }{
	{"windows", "amd64"},
	{"darwin", "arm64"},
	{"linux", "386"},
	{"wasip1", "wasm"},
}

// TestCrossBuild builds the kiln command for every target in crossTargets.
// Skipped under -short: each target compiles the standard library for it.
func TestCrossBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles the kiln command for other platforms")
	}
	gotool := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, tg := range crossTargets {
		t.Run(tg.goos+"_"+tg.goarch, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "kiln")
			cmd := exec.Command(gotool, "build", "-o", out, ".")
			cmd.Env = append(os.Environ(), "GOOS="+tg.goos, "GOARCH="+tg.goarch, "CGO_ENABLED=0")
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("GOOS=%s GOARCH=%s go build: %v\n%s", tg.goos, tg.goarch, err, msg)
			}
		})
	}
}
