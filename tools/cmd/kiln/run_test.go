package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// kilnRun runs "kiln run args..." in-process with stdin as the guest's
// standard input.
func kilnRun(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	old := runStdin
	runStdin = strings.NewReader(stdin)
	defer func() { runStdin = old }()
	var out, errb bytes.Buffer
	code = dispatch(append([]string{"run"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const examples = "../../examples/"

func TestRunHello(t *testing.T) {
	code, out, errs := kilnRun(t, "", examples+"hello.wat")
	if code != 0 || out != "Hello, world!\n" || errs != "" {
		t.Errorf("code %d stdout %q stderr %q", code, out, errs)
	}
	code, out, _ = kilnRun(t, "", "--tier=interp", examples+"hello.wat")
	if code != 0 || out != "Hello, world!\n" {
		t.Errorf("--tier=interp: code %d stdout %q", code, out)
	}
}

func TestRunArgsAndExitStatus(t *testing.T) {
	code, out, _ := kilnRun(t, "", examples+"echo.wat", "hello", "big kiln", "--not-a-flag")
	if code != 0 || out != "hello big kiln --not-a-flag\n" {
		t.Errorf("echo: code %d stdout %q", code, out)
	}
	// No arguments: echo.wat calls proc_exit(1).
	if code, out, errs := kilnRun(t, "", examples+"echo.wat"); code != 1 || out != "" || errs != "" {
		t.Errorf("proc_exit(1): code %d stdout %q stderr %q", code, out, errs)
	}
}

func TestRunStdin(t *testing.T) {
	in := strings.Repeat("0123456789abcdef", 1000) // more than one 4 KiB read
	code, out, _ := kilnRun(t, in, examples+"cat.wat")
	if code != 0 || out != in {
		t.Errorf("cat: code %d, %d bytes out of %d", code, len(out), len(in))
	}
}

func TestRunTrapPrintsBacktrace(t *testing.T) {
	src := writeFile(t, "trap.wat", `(module $demo
	  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
	  (func $middle (result i32) (call $inner (i32.const 0)))
	  (func $main (export "_start") (drop (call $middle))))`)
	code, out, errs := kilnRun(t, "", src)
	want := 134
	if runtime.GOOS == "windows" {
		want = 3
	}
	if code != want || out != "" {
		t.Errorf("code %d stdout %q", code, out)
	}
	for _, s := range []string{"integer divide by zero", "wasm backtrace", "inner", "middle", "main"} {
		if !strings.Contains(errs, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errs)
		}
	}
	if strings.Index(errs, "inner") > strings.Index(errs, "middle") {
		t.Errorf("backtrace not innermost first:\n%s", errs)
	}
}

func TestRunErrorsAreOneLine(t *testing.T) {
	garbage := writeFile(t, "bad.wasm", "this is not wasm")
	truncated := writeFile(t, "trunc.wasm", "\x00asm\x01\x00\x00\x00\x01\x05")
	badText := writeFile(t, "bad.wat", "(module (func (i32.add)))")
	noStart := writeFile(t, "lib.wat", `(module (func (export "f")))`)
	missingImport := writeFile(t, "imp.wat", `(module (import "env" "nope" (func)) (func (export "_start")))`)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"/nonexistent/kiln/x.wasm"}, "no such file"},
		{[]string{garbage}, "not a WebAssembly binary"},
		{[]string{truncated}, truncated},
		{[]string{badText}, badText},
		{[]string{noStart}, "no _start"},
		{[]string{missingImport}, "nope"},
		{[]string{"--invoke=missing", noStart}, "missing"},
		{[]string{"--dir=/nonexistent/kiln/dir", examples + "hello.wat"}, "nonexistent"},
	} {
		code, _, errs := kilnRun(t, "", c.args...)
		if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: code %d stderr %q (want one line naming %q)", c.args, code, errs, c.want)
		}
	}
}

func TestRunUsageAndTiers(t *testing.T) {
	if code, _, _ := kilnRun(t, ""); code != 2 {
		t.Errorf("no file: code %d", code)
	}
	if code, _, errs := kilnRun(t, "", "--tier=jit", examples+"hello.wat"); code != 2 || !strings.Contains(errs, "unknown execution tier") {
		t.Errorf("unknown tier: code %d stderr %q", code, errs)
	}
	// The compiled tiers either run or say clearly that they are not
	// available in this build.
	for _, tier := range []string{"baseline", "optimizing"} {
		code, out, errs := kilnRun(t, "", "--tier="+tier, examples+"hello.wat")
		if !(code == 0 && out == "Hello, world!\n") && !(code == 2 && strings.Contains(errs, "not available")) {
			t.Errorf("--tier=%s: code %d stdout %q stderr %q", tier, code, out, errs)
		}
	}
}

func TestRunInvoke(t *testing.T) {
	src := writeFile(t, "lib.wat", `(module
	  (global $base (mut i32) (i32.const 0))
	  (func (export "_initialize") (global.set $base (i32.const 100)))
	  (func (export "add") (param i32 i64 f64) (result i32 i64 f64)
	    (i32.add (global.get $base) (local.get 0)) (local.get 1) (local.get 2)))`)
	code, out, errs := kilnRun(t, "", "--invoke=add", src, "-5", "0x10", "2.5")
	if code != 0 || out != "95\n16\n2.5\n" {
		t.Errorf("code %d stdout %q stderr %q", code, out, errs)
	}
	if code, _, errs := kilnRun(t, "", "--invoke=add", src, "1"); code != 1 || !strings.Contains(errs, "takes 3 arguments") {
		t.Errorf("wrong arity: code %d stderr %q", code, errs)
	}
	if code, _, errs := kilnRun(t, "", "--invoke=add", src, "x", "1", "1"); code != 1 || !strings.Contains(errs, "argument 1") {
		t.Errorf("bad number: code %d stderr %q", code, errs)
	}
}

func TestRunDirAndEnv(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "in.txt"), []byte("from the host"), 0o644)
	// Opens "in.txt" in the preopen (fd 3), copies it to stdout, then
	// prints its one environment variable.
	src := writeFile(t, "files.wat", `(module
	  (import "wasi_snapshot_preview1" "path_open" (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
	  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
	  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
	  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
	  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
	  (memory (export "memory") 1)
	  (data (i32.const 100) "in.txt")
	  (func (export "_start")
	    (local $e i32)
	    (local.set $e (call $open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 6) (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 200)))
	    (if (local.get $e) (then (call $exit (i32.add (i32.const 10) (local.get $e)))))
	    (i32.store (i32.const 0) (i32.const 1024))
	    (i32.store (i32.const 4) (i32.const 100))
	    (drop (call $read (i32.load (i32.const 200)) (i32.const 0) (i32.const 1) (i32.const 8)))
	    (i32.store (i32.const 4) (i32.load (i32.const 8)))
	    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
	    (drop (call $environ_get (i32.const 300) (i32.const 2048)))
	    (i32.store (i32.const 0) (i32.const 2048))
	    (i32.store (i32.const 4) (i32.const 7))
	    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`)
	code, out, errs := kilnRun(t, "", "--dir="+dir+"::data", "--env=K=V1234", src)
	if code != 0 || out != "from the hostK=V1234" {
		t.Errorf("code %d stdout %q stderr %q", code, out, errs)
	}
	// Without --dir there is no descriptor 3: EBADF (8) becomes status 18.
	if code, _, _ := kilnRun(t, "", src); code != 18 {
		t.Errorf("without a preopen: code %d, want 18", code)
	}
	// --env=K alone passes the host's value.
	t.Setenv("KILN_RUN_TEST", "abcdefg")
	if _, out, _ := kilnRun(t, "", "--dir="+dir, "--env=KILN_RUN_TEST", src); !strings.HasSuffix(out, "KILN_RU") {
		t.Errorf("inherited env: stdout %q", out)
	}
}
