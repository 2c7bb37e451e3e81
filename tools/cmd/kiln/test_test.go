package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestKilnTest(t *testing.T) {
	testdata := filepath.Join("..", "..", "..", "filetests", "testdata")
	tests := []struct {
		args     []string
		exit     int
		lastLine string
		contains string
	}{
		{[]string{filepath.Join(testdata, "pass")}, 0, "9 passed, 0 failed, 0 skipped", "print: %divmod(100, 7) -> [14, 2]"},
		{[]string{"--only=verifier,domtree", filepath.Join(testdata, "pass")}, 0, "5 passed, 0 failed, 0 skipped", ""},
		{[]string{filepath.Join(testdata, "pass"), "--only=interpret"}, 0, "2 passed, 0 failed, 0 skipped", ""},
		{[]string{filepath.Join(testdata, "fail")}, 1, "0 passed, 5 failed, 0 skipped", "interpret.clif:8: test interpret: Failed test: run: %add(1, 2) == 4, actual: 3"},
		{nil, 2, "", ""},
		{[]string{filepath.Join(testdata, "no-such-dir")}, 2, "", ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := dispatch(append([]string{"test"}, tc.args...), &stdout, &stderr)
			if code != tc.exit {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.exit, stdout.String(), stderr.String())
			}
			lines := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
			if tc.lastLine != "" && lines[len(lines)-1] != tc.lastLine {
				t.Errorf("last line %q, want %q", lines[len(lines)-1], tc.lastLine)
			}
			if tc.contains != "" && !strings.Contains(stdout.String(), tc.contains) {
				t.Errorf("output lacks %q:\n%s", tc.contains, stdout.String())
			}
		})
	}
}

// TestGoldenFiletests runs the repository's precise-output goldens (the
// mid-end's `test optimize` files and the x86-64 `test compile` files)
// through the same command a developer uses, with the optimizing tier
// wired in as kiln wires it. The filetests module cannot import the
// compilers, so this is where those goldens are checked by `go test`.
func TestGoldenFiletests(t *testing.T) {
	testdata := filepath.Join("..", "..", "..", "filetests", "testdata")
	var stdout, stderr bytes.Buffer
	code := dispatch([]string{"test", filepath.Join(testdata, "egraph"), filepath.Join(testdata, "isa")}, &stdout, &stderr)
	lines := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
	last := lines[len(lines)-1]
	if code != 0 || !regexp.MustCompile(`^[1-9][0-9]* passed, 0 failed, 0 skipped$`).MatchString(last) {
		t.Errorf("exit %d, summary %q\nstdout:\n%s\nstderr:\n%s", code, last, stdout.String(), stderr.String())
	}
}
