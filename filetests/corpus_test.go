package filetests

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite precise-output expectations in testdata")

func blessing() bool { return *update || os.Getenv("KILN_TEST_BLESS") == "1" }

// upstream finds ../shared/upstream/<sub> next to the directory holding
// go.work.
func upstream(t testing.TB, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.work not found above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "upstream", sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("upstream corpus %s not present", p)
	}
	return p
}

func run(t *testing.T, opts Options, paths ...string) *Report {
	t.Helper()
	rep, err := Run(paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b, false)
	t.Log("\n" + b.String())
	return rep
}

func failures(t *testing.T, rep *Report) {
	t.Helper()
	for _, r := range rep.Results {
		if r.Status == Failed {
			for _, f := range r.Failures {
				t.Errorf("%s:%d: test %s: %s", r.File, f.Line, r.Command, f.Msg)
			}
		}
	}
}

// TestUpstreamVerifier runs cranelift-filetests/verifier: every expected
// error reported at its entity, nothing else reported.
func TestUpstreamVerifier(t *testing.T) {
	dir := filepath.Join(upstream(t, "cranelift-filetests"), "verifier")
	rep := run(t, Options{Only: []string{"verifier"}}, dir)
	failures(t, rep)
}
