package verify

import (
	"os"
	"path/filepath"
	"testing"

	"kiln/ir"
)

// upstreamDir finds ../shared/upstream/<sub> relative to the directory that
// holds go.work.
func upstreamDir(t testing.TB, sub string) string {
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

// TestUpstreamRuntestsVerifyClean: upstream verifies every function before
// running it, so every function of every runtest must verify clean here.
func TestUpstreamRuntestsVerifyClean(t *testing.T) {
	dir := upstreamDir(t, "cranelift-runtests")
	var files []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) == ".clif" {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("no runtests")
	}
	var funcs, unparsed int
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		file, err := ir.ParseFile(filepath.Base(path), src)
		if err != nil {
			unparsed++
			t.Logf("parse: %v", err)
			continue
		}
		for _, ff := range file.Functions {
			funcs++
			if es := Check(ff.Func, Options{}); len(es) > 0 {
				t.Errorf("%s:%d: %s: %v", filepath.Base(path), ff.Line, ff.Func.Name, es)
			}
		}
	}
	t.Logf("%d files, %d functions verified, %d files did not parse", len(files), funcs, unparsed)
}

// BenchmarkVerifyRuntests verifies every function of the runtests corpus
// (parsed once, outside the timer).
func BenchmarkVerifyRuntests(b *testing.B) {
	dir := upstreamDir(b, "cranelift-runtests")
	files, _ := filepath.Glob(filepath.Join(dir, "*.clif"))
	var funcs []*ir.Function
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if file, err := ir.ParseFile(path, src); err == nil {
			for _, ff := range file.Functions {
				funcs = append(funcs, ff.Func)
			}
		}
	}
	b.ResetTimer()
	for range b.N {
		for _, f := range funcs {
			Check(f, Options{})
		}
	}
	b.ReportMetric(float64(len(funcs)), "funcs/op")
}
