package filetests

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir"
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

// failures fails the test for every failure in rep except the known ones,
// keyed "file.clif:line" with the reason. A known failure that no longer
// happens is reported too, so the list cannot go stale.
func failures(t *testing.T, rep *Report, known ...map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rep.Results {
		if r.Status == Failed {
			for _, f := range r.Failures {
				key := fmt.Sprintf("%s:%d", filepath.Base(r.File), f.Line)
				if len(known) > 0 && known[0][key] != "" {
					seen[key] = true
					t.Logf("known failure %s (%s)", key, known[0][key])
					continue
				}
				t.Errorf("%s:%d: test %s: %s", r.File, f.Line, r.Command, f.Msg)
			}
		}
	}
	if len(known) > 0 {
		for k := range known[0] {
			if !seen[k] {
				t.Errorf("known failure %s no longer fails: remove it from the list", k)
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

// TestUpstreamParserCat runs cranelift-filetests/parser: each file's
// `test cat` prints the parsed functions and filechecks them.
func TestUpstreamParserCat(t *testing.T) {
	dir := filepath.Join(upstream(t, "cranelift-filetests"), "parser")
	rep := run(t, Options{Only: []string{"cat"}}, dir)
	failures(t, rep, map[string]string{
		"memory.clif:42": "ir prints user names as u8:9; Cranelift interns them and prints userextname0",
	})
}

// TestUpstreamParses: every file of both corpora parses (the runner would
// otherwise count its test lines as failed).
func TestUpstreamParses(t *testing.T) {
	for _, sub := range []string{"cranelift-runtests", "cranelift-filetests"} {
		files, err := Collect([]string{upstream(t, sub)})
		if err != nil {
			t.Fatal(err)
		}
		bad := 0
		for _, path := range files {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ir.ParseFile(path, src); err != nil {
				bad++
				t.Errorf("%v", err)
			}
		}
		t.Logf("%s: %d files, %d do not parse", sub, len(files), bad)
	}
}

// TestUpstreamEverything runs every command of both corpora. Without a
// compiler, compile/optimize/run still verify every function (for its
// target) before skipping, so this also checks that the whole corpus is
// valid IR to kiln's verifier.
func TestUpstreamEverything(t *testing.T) {
	rep := run(t, Options{}, upstream(t, "cranelift-runtests"), upstream(t, "cranelift-filetests"))
	failures(t, rep, map[string]string{
		"memory.clif:42": "ir prints user names as u8:9; Cranelift interns them and prints userextname0",
	})
	p, f, s := rep.Counts()
	t.Logf("%d passed, %d failed, %d skipped", p, f, s)
}
