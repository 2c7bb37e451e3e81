package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inc := write("inc.wat", `(module (func (export "run") (param i32) (result i32)
		(i32.add (local.get 0) (i32.const 1))))`)
	cmd := write("cmd.wat", `(module (func (export "_start")))`)
	good := write("good.txt", "# comment\ninc.wat run 41 42\ninc.wat run 4294967295 0\n")
	bad := write("bad.txt", "inc.wat run 1 3\n")
	malformed := write("malformed.txt", "inc.wat run 1\n")

	for _, tc := range []struct {
		args   []string
		code   int
		stdout []string // substrings
		stderr string
	}{
		{[]string{"--time=1ms", inc, "--invoke", "run", "41"}, 0, []string{"median/run", "inc.wat  interp", "  42"}, ""},
		{[]string{"--time=1ms", "--tier=interp", "--invoke=run", inc, "-1"}, 0, []string{"  0"}, ""},
		{[]string{"--time=1ms", "--tier=interp", inc, "--invoke", "run", "-2"}, 0, []string{"  -1"}, ""},
		{[]string{"--time=1ms", "--tier=interp", cmd}, 0, []string{"exit 0"}, ""},
		{[]string{"--time=1ms", "--tier=interp", "--manifest", good}, 0, []string{"  42", "  0"}, ""},
		{[]string{"--time=1ms", "--tier=interp", "--manifest", bad}, 1, nil, "returned 2, want 3"},
		{[]string{"--manifest", malformed}, 1, nil, "want FILE EXPORT ARG RESULT"},
		{[]string{"--tier=nonesuch", inc}, 2, nil, "unknown execution tier"},
		{[]string{"--time=1ms", "--tier=interp", inc, "--invoke=nonesuch"}, 1, nil, `no exported function "nonesuch"`},
	} {
		var out, errOut strings.Builder
		code := dispatch(append([]string{"bench"}, tc.args...), &out, &errOut)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, code, tc.code, out.String(), errOut.String())
		}
		for _, s := range tc.stdout {
			if !strings.Contains(out.String(), s) {
				t.Errorf("%v: stdout lacks %q:\n%s", tc.args, s, out.String())
			}
		}
		if !strings.Contains(errOut.String(), tc.stderr) {
			t.Errorf("%v: stderr %q, want %q", tc.args, errOut.String(), tc.stderr)
		}
	}
}
