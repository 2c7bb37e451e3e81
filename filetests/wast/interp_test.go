package wast

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	kiln "kiln/runtime"
)

// interpKnownFailures lists the directives of the core suite the
// interpreter run is known to fail, each with the reason. The test fails
// both when another directive fails and when one of these passes (so the
// list shrinks as fixes land).
var interpKnownFailures = map[string]string{}

// TestSpecSuiteInterp runs every script of the core suite, the threads
// proposal and the legacy exception tests through the interpreter.
// Modules using the legacy exception instructions are skipped with their
// reason (as are the directives on them), never counted as passed; every
// other directive must pass.
func TestSpecSuiteInterp(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole core suite takes a few seconds")
	}
	suite := suiteDir(t)
	var files []string
	for _, dir := range []string{"core", "proposals/threads", "legacy"} {
		fs, err := filepath.Glob(filepath.Join(suite, dir, "*.wast"))
		if err != nil || len(fs) == 0 {
			t.Fatalf("no scripts in %s: %v", dir, err)
		}
		files = append(files, fs...)
	}
	e, err := kiln.NewEngine(kiln.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := Runner{Tier: NewRuntimeTier(e, e.Unsupported())}
	var c Counts
	failed := map[string]bool{}
	skips := map[string]int{}
	for _, f := range files {
		for _, rep := range r.RunFile(f) {
			c.add(rep)
			rel, _ := filepath.Rel(suite, rep.File)
			at := rel + ":" + itoa(rep.Line)
			switch rep.Outcome {
			case Failed:
				failed[at] = true
				if _, known := interpKnownFailures[at]; !known {
					t.Errorf("%s: %s: %s", at, rep.Command, firstLine(rep.Message))
				}
			case Skipped:
				skips[rep.Message]++
			}
		}
	}
	for at, why := range interpKnownFailures {
		if !failed[at] {
			t.Errorf("%s passes now (was a known failure: %s); remove it from interpKnownFailures", at, why)
		}
	}
	reasons := make([]string, 0, len(skips))
	for k := range skips {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		t.Logf("skipped %d: %s", skips[k], k)
	}
	t.Logf("%d passed, %d failed, %d skipped", c.Passed, c.Failed, c.Skipped)
	if c.Passed < 65000 {
		t.Errorf("only %d directives passed", c.Passed)
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
