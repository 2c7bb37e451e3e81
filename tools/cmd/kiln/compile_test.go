package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// kiln is a test helper running any subcommand in-process.
func kilnCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = dispatch(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestCompileThenRun compiles the hello example with each tier and runs
// the .cwasm through kiln run: same output as running the source.
func TestCompileThenRun(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("kiln compile targets x86_64 only, and only on an x86_64 host")
	}
	_, want, _ := kilnRun(t, "", examples+"hello.wat")
	for _, tier := range []string{"baseline", "optimizing"} {
		out := filepath.Join(t.TempDir(), "hello.cwasm")
		// The flag after FILE, as in the documented usage.
		if code, _, stderr := kilnCmd("compile", "--tier="+tier, examples+"hello.wat", "-o", out); code != 0 {
			t.Fatalf("%s: compile exit %d: %s", tier, code, stderr)
		}
		code, got, stderr := kilnRun(t, "", out)
		if code != 0 || got != want || want == "" {
			t.Errorf("%s: run .cwasm: exit %d, stdout %q (want %q), stderr %s", tier, code, got, want, stderr)
		}
	}
}

func TestCompileDefaultOutputAndInvoke(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("kiln compile targets x86_64 only, and only on an x86_64 host")
	}
	src := writeFile(t, "lib.wat", `(module (func (export "sq") (param i64) (result i64) (i64.mul (local.get 0) (local.get 0))))`)
	if code, _, stderr := kilnCmd("compile", "--target=x86_64", src); code != 0 {
		t.Fatalf("compile: %s", stderr)
	}
	cw := strings.TrimSuffix(src, ".wat") + ".cwasm"
	b, err := os.ReadFile(cw)
	if err != nil || !bytes.HasPrefix(b, []byte("KILNAOT")) {
		t.Fatalf("default output %s: %v", cw, err)
	}
	code, out, stderr := kilnRun(t, "", "--invoke=sq", cw, "-12")
	if code != 0 || out != "144\n" {
		t.Errorf("run --invoke: exit %d, %q, %s", code, out, stderr)
	}
}

func TestCompileErrors(t *testing.T) {
	src := writeFile(t, "m.wat", `(module)`)
	bad := writeFile(t, "bad.wat", `(module (func (i32.add)))`)
	notWasm := writeFile(t, "x.wasm", "hello")
	tests := []struct {
		args []string
		exit int
		want string
	}{
		{[]string{"compile"}, 2, "usage: kiln compile"},
		{[]string{"compile", "--tier=interp", src}, 2, `unknown tier "interp"`},
		{[]string{"compile", "--target=aarch64", src}, 2, "no arm64 code generator yet"},
		{[]string{"compile", "--target=mips", src}, 2, `unknown target "mips"`},
		{[]string{"compile", "nosuch.wasm"}, 1, "nosuch.wasm: no such file"},
		{[]string{"compile", bad}, 1, "bad.wat"},
		{[]string{"compile", notWasm}, 1, "not a WebAssembly binary"},
	}
	for _, tc := range tests {
		code, _, stderr := kilnCmd(tc.args...)
		if code != tc.exit || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.exit, tc.want)
		}
	}
	// A damaged .cwasm is a clean error from kiln run.
	if runtime.GOARCH == "amd64" {
		cw := filepath.Join(t.TempDir(), "m.cwasm")
		if code, _, stderr := kilnCmd("compile", src, "-o", cw); code != 0 {
			t.Fatal(stderr)
		}
		b, _ := os.ReadFile(cw)
		b[len(b)/2] ^= 0xff
		os.WriteFile(cw, b, 0o644)
		code, _, stderr := kilnRun(t, "", cw)
		if code != 1 || !strings.Contains(stderr, "checksum mismatch") {
			t.Errorf("damaged .cwasm: exit %d, %q", code, stderr)
		}
	}
}
