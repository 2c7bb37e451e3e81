package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWastCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.wast")
	bad := filepath.Join(dir, "bad.wast")
	os.WriteFile(good, []byte(`(module (func (export "f") (result i32) (i32.const 1)))
(assert_return (invoke "f") (i32.const 1))
(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
`), 0o644)
	os.WriteFile(bad, []byte(`(assert_invalid (module (func)) "type mismatch")
`), 0o644)

	for _, tc := range []struct {
		args     []string
		code     int
		lastLine string
		stderr   string
	}{
		{[]string{"--validate-only", good}, 0, "3 passed, 0 failed, 1 skipped", ""},
		{[]string{"--validate-only", good, bad}, 1, "3 passed, 1 failed, 1 skipped", ""},
		{[]string{good}, 0, "4 passed, 0 failed", ""},
		{[]string{"--tier=interp", good, bad}, 1, "4 passed, 1 failed", ""},
		{[]string{"--tier=nonesuch", good}, 2, "", "unknown execution tier"},
		{[]string{"--validate-only"}, 2, "", "usage"},
	} {
		var out, errOut strings.Builder
		code := dispatch(append([]string{"wast"}, tc.args...), &out, &errOut)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, code, tc.code, out.String(), errOut.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if tc.lastLine != "" && lines[len(lines)-1] != tc.lastLine {
			t.Errorf("%v: last line %q, want %q", tc.args, lines[len(lines)-1], tc.lastLine)
		}
		if !strings.Contains(errOut.String(), tc.stderr) {
			t.Errorf("%v: stderr %q, want %q", tc.args, errOut.String(), tc.stderr)
		}
	}
}
