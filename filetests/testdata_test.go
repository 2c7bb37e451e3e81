package filetests

import (
	"path/filepath"
	"testing"
)

// TestTestdata runs kiln's own filetests, one subtest per file: everything
// under testdata/pass must pass. With -update (or KILN_TEST_BLESS=1)
// precise-output expectations are rewritten instead.
func TestTestdata(t *testing.T) {
	files, err := Collect([]string{filepath.Join("testdata", "pass")})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, path := range files {
		rel, _ := filepath.Rel(filepath.Join("testdata", "pass"), path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			results := RunFile(path, Options{Bless: blessing()})
			if len(results) == 0 {
				t.Fatal("no test commands ran")
			}
			for _, r := range results {
				if r.Status != Passed {
					t.Errorf("test %s: %v %s", r.Command, r.Status, r.Reason)
				}
				for _, f := range r.Failures {
					t.Errorf("%s:%d: test %s: %s", path, f.Line, r.Command, f.Msg)
				}
			}
		})
	}
}
