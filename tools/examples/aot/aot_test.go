package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"kiln/optimizing/compile"
	kiln "kiln/runtime"
)

// TestLinksNoCompiler is the point of the example: a program that runs
// precompiled modules does not link either compiler tier.
func TestLinksNoCompiler(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	var sawRuntime bool
	for _, d := range deps {
		if d == "kiln/runtime" {
			sawRuntime = true
		}
		if d == "kiln/baseline" || strings.HasPrefix(d, "kiln/baseline/") ||
			d == "kiln/optimizing" || strings.HasPrefix(d, "kiln/optimizing/") || strings.HasPrefix(d, "kiln/regalloc") {
			t.Errorf("the AOT example links a compiler package: %s", d)
		}
	}
	if !sawRuntime {
		t.Errorf("kiln/runtime is not among the dependencies:\n%s", out)
	}
}

const wantOutput = "fib(0) = 0\nfib(1) = 1\nfib(2) = 1\nfib(3) = 2\nfib(4) = 3\nfib(5) = 5\nfib(6) = 8\n"

// TestRunsEmbeddedModule builds and runs the example twice: with the
// committed fib.cwasm, and with one compiled now from fib.wat (swapped in
// with go build -overlay), so that a stale committed file is reported as
// such rather than hiding whether the current code generator works.
func TestRunsEmbeddedModule(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("fib.cwasm holds x86-64 code; kiln compiles only for x86-64")
	}
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fib.cwasm")
	src, err := os.ReadFile("fib.wat")
	if err != nil {
		t.Fatal(err)
	}
	e, err := kiln.NewEngine(kiln.Config{Compiler: compile.New()})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := e.CompileModule(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := mod.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fresh, b, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("fib.cwasm")
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{abs: fresh}})
	overlayFile := filepath.Join(dir, "overlay.json")
	os.WriteFile(overlayFile, overlay, 0o644)

	for _, c := range []struct {
		name  string
		flags []string
	}{
		{"fresh", []string{"-overlay=" + overlayFile}},
		{"committed", nil},
	} {
		bin := filepath.Join(dir, "aot-"+c.name)
		args := append(append([]string{"build", "-o", bin}, c.flags...), ".")
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: go build: %v\n%s", c.name, err, out)
		}
		out, err := exec.Command(bin, "7").CombinedOutput()
		if err != nil || string(out) != wantOutput {
			hint := ""
			if c.name == "committed" {
				hint = " (run go generate kiln/tools/examples/aot)"
			}
			t.Errorf("%s fib.cwasm%s: %v\n%s", c.name, hint, err, out)
		}
	}
}
