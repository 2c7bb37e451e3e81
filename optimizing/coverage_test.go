package optimizing

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kiln/ir"
	"kiln/ir/verify"
	"kiln/optimizing/egraph"
)

// ruleLines lists "file:line" of every rule in rules/*.rules.
func ruleLines(t *testing.T) map[string]string {
	files, _ := filepath.Glob("rules/*.rules")
	out := map[string]string{}
	for _, path := range files {
		fh, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		n := 0
		for sc.Scan() {
			n++
			if strings.HasPrefix(sc.Text(), "(") {
				out[fmt.Sprintf("%s:%d", filepath.Base(path), n)] = sc.Text()
			}
		}
		fh.Close()
	}
	return out
}

// TestRuleCoverage checks that every rule fires somewhere in the generated
// programs, the golden files of filetests/testdata/egraph and the upstream
// egraph inputs — so every rule is also checked by the differential tests
// that run on those inputs.
func TestRuleCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	hits := map[string]int{}
	egraph.TraceRule = func(r string) { hits[r]++ }
	defer func() { egraph.TraceRule = nil }()
	for seed := range uint64(3000) {
		checkGenerated(t, seed)
	}
	var files []string
	files = append(files, clifFiles(t, "../filetests/testdata/egraph")...)
	files = append(files, clifFiles(t, filepath.Join(upstream(t, "cranelift-filetests"), "egraph"))...)
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := ir.ParseFile(path, src)
		if err != nil {
			continue
		}
		for _, ff := range pf.Functions {
			if verify.Function(ff.Func) != nil {
				continue
			}
			if _, err := Optimize(ff.Func.Clone(), verifyOpts); err != nil {
				t.Errorf("%s: %s: %v", path, ff.Func.Name, err)
			}
		}
	}
	all := ruleLines(t)
	var missing []string
	for k, text := range all {
		if hits[k] == 0 {
			missing = append(missing, k+": "+text)
		}
	}
	sort.Strings(missing)
	t.Logf("%d rules, %d fired", len(all), len(all)-len(missing))
	for _, m := range missing {
		t.Errorf("rule never fires: %s", m)
	}
}
