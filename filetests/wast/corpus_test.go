package wast

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// suiteDir locates ../shared/upstream/spec-testsuite relative to the
// directory holding go.work.
func suiteDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("go.work not found; cannot locate the spec test suite")
		}
		dir = filepath.Dir(dir)
	}
	suite := filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite")
	if _, err := os.Stat(suite); err != nil {
		t.Skipf("spec test suite not found at %s", suite)
	}
	return suite
}

// TestSpecSuiteValidateOnly runs every script of the spec suite (core, the
// threads proposal, legacy exception handling) in validate-only mode and
// fails on any failed directive.
func TestSpecSuiteValidateOnly(t *testing.T) {
	suite := suiteDir(t)
	for _, pat := range []string{"core/*.wast", "proposals/threads/*.wast", "legacy/*.wast"} {
		files, err := filepath.Glob(filepath.Join(suite, pat))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("no scripts match %s", pat)
		}
		dir := strings.TrimSuffix(pat, "/*.wast")
		t.Run(dir, func(t *testing.T) {
			var r Runner
			var c Counts
			for _, f := range files {
				for _, rep := range r.RunFile(f) {
					c.add(rep)
					if rep.Outcome == Failed {
						rel, _ := filepath.Rel(suite, rep.File)
						t.Errorf("%s:%d: %s: %s", rel, rep.Line, rep.Command, rep.Message)
					}
				}
			}
			t.Logf("%s: %d passed, %d failed, %d skipped", dir, c.Passed, c.Failed, c.Skipped)
			if c.Passed == 0 {
				t.Errorf("%s: nothing passed", dir)
			}
		})
	}
}
