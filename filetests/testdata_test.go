package filetests

import (
	"path/filepath"
	"testing"
)

// TestTestdata runs kiln's own filetests: everything under testdata/pass
// must pass. With -update (or KILN_TEST_BLESS=1) precise-output
// expectations are rewritten instead.
func TestTestdata(t *testing.T) {
	rep := run(t, Options{Bless: blessing()}, filepath.Join("testdata", "pass"))
	failures(t, rep)
	if p, _, _ := rep.Counts(); p == 0 {
		t.Error("no testdata passed")
	}
}
