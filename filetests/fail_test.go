package filetests

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailures checks that the runner reports each kind of failure in
// testdata/fail, at the right line and with the right explanation, and
// nothing else.
func TestFailures(t *testing.T) {
	want := []struct {
		at   string // file:line
		text string
	}{
		{"verifier.clif:8", "expected error at inst0 not reported: something the verifier will not say"},
		{"verifier.clif:14", "unexpected verifier error: inst0 (return v0): result 0 has type i32, must match function signature of i64"},
		{"verifier.clif:21", "expected error at inst2 not reported: arg 1 (v1) has type i8, expected i32"},
		{"verifier.clif:20", "unexpected verifier error: inst1 (v3 = iadd v0, v1): arg 1 (v1) has type i8, expected i32"},
		{"interpret.clif:8", "Failed test: run: %add(1, 2) == 4, actual: 3"},
		{"interpret.clif:9", "Failed test: run: %add(1, 2) != 3, actual: 3"},
		{"interpret.clif:17", "unexpected trap: trap int_divz"},
		{"interpret.clif:18", "no function named missing"},
		{"cat.clif:9", "nextln: return v1: no match on line 4"},
		{"parse.clif:7", "parse error at column 5: expected i32 immediate"}, // test interpret
		{"parse.clif:7", "parse error at column 5: expected i32 immediate"}, // test verifier
	}
	rep, err := Run([]string{filepath.Join("testdata", "fail")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rep.Results {
		for _, f := range r.Failures {
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(r.File), f.Line, f.Msg))
		}
	}
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && strings.HasPrefix(g, w.at+": ") && strings.Contains(g, w.text) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing failure %s: %s", w.at, w.text)
		}
	}
	for i, g := range got {
		if !used[i] {
			t.Errorf("unexpected failure %s", g)
		}
	}
	p, f, s := rep.Counts()
	if p != 0 || f != 5 || s != 0 {
		t.Errorf("counts: %d passed, %d failed, %d skipped; want 0, 5, 0", p, f, s)
	}
}
