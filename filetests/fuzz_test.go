package filetests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRunFile runs arbitrary text through the parser and the verifier,
// cat and domtree commands. Whatever the input, every result must be an
// ordinary pass, failure or skip: a panic inside a command (reported as an
// "internal error" failure) is a bug.
func FuzzRunFile(f *testing.F) {
	seeds, _ := Collect([]string{filepath.Join("testdata", "pass")})
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("test verifier\nfunction %f() {\nblock0:\n    return ; error: x\n}\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src []byte) {
		path := filepath.Join(dir, "fuzz.clif")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, r := range RunFile(path, Options{Only: []string{"verifier", "cat", "domtree"}}) {
			for _, fl := range r.Failures {
				if strings.HasPrefix(fl.Msg, "internal error") {
					t.Fatalf("test %s: %s", r.Command, fl.Msg)
				}
			}
		}
	})
}
