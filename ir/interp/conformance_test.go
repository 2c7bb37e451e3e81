package interp

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kiln/ir"
)

// findUpstream locates /work/shared/upstream/<name> from the test's
// working directory: up to the directory holding go.work, then
// ../shared/upstream.
func findUpstream(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.work not found above the test directory")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "upstream", name)
	if _, err := os.Stat(c); err != nil {
		return "", err
	}
	return c, nil
}

// corpusDir is findUpstream for tests, which skip without the corpus.
func corpusDir(t testing.TB, name string) string {
	c, err := findUpstream(name)
	if err != nil {
		t.Skipf("upstream corpus %s not present: %v", name, err)
	}
	return c
}

// interpretFiles lists the corpus files with a `test interpret` line.
func interpretFiles(t testing.TB) []string {
	dir := corpusDir(t, "cranelift-runtests")
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".clif") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(src, []byte("\n")) {
			if f := strings.Fields(string(line)); len(f) == 2 && f[0] == "test" && f[1] == "interpret" {
				out = append(out, p)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// runFile executes every run command of one file and returns one message
// per failure ("file:line: ..."), and the number of commands run. byName
// selects `test interpret` semantics (call the function the command
// names); otherwise the command calls the function it belongs to, as
// `test run` does.
func runFile(path string, byName bool) (failures []string, runs int) {
	src, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}, 0
	}
	base := filepath.Join(filepath.Base(filepath.Dir(path)), filepath.Base(path))
	base = strings.TrimPrefix(base, "cranelift-runtests"+string(filepath.Separator))
	file, err := ir.ParseFile(base, src)
	if err != nil {
		return []string{fmt.Sprintf("%s: parse: %v", base, err)}, 0
	}
	funcs := make([]*ir.Function, len(file.Functions))
	for i, ff := range file.Functions {
		funcs[i] = ff.Func
	}
	in := New(funcs)
	for _, ff := range file.Functions {
		for _, c := range ff.Comments {
			rc, err := ir.ParseRunCommand(c.Text, &ff.Func.Signature)
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s:%d: run command: %v", base, c.Line, err))
				continue
			}
			if rc == nil {
				continue
			}
			runs++
			call := rc
			if !byName {
				// `test run` calls the function the comment belongs to.
				c := *rc
				c.Name = ""
				call = &c
			}
			got, ok, err := in.Run(call, ff.Func)
			switch {
			case err != nil:
				var tr *Trap
				if errors.As(err, &tr) {
					err = fmt.Errorf("unexpected %w", err)
				}
				failures = append(failures, fmt.Sprintf("%s:%d: %s: %v", base, c.Line, rc, err))
			case !ok:
				failures = append(failures, fmt.Sprintf("%s:%d: %s: actual %s", base, c.Line, rc, formatValues(got)))
			}
		}
	}
	return failures, runs
}

func formatValues(vs []ir.DataValue) string {
	if len(vs) == 1 {
		return vs[0].String() + " (" + vs[0].Ty.String() + ")"
	}
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// TestInterpretCorpus runs every `; run:` line of every upstream runtest
// that carries `test interpret`, comparing results bit for bit.
func TestInterpretCorpus(t *testing.T) {
	files := interpretFiles(t)
	passed, runs := 0, 0
	var failed []string
	for _, path := range files {
		name := strings.TrimPrefix(filepath.Join(filepath.Base(filepath.Dir(path)), filepath.Base(path)), "cranelift-runtests"+string(filepath.Separator))
		fails, n := runFile(path, true)
		runs += n
		t.Run(name, func(t *testing.T) {
			for _, f := range fails {
				t.Error(f)
			}
		})
		if len(fails) == 0 {
			passed++
		} else {
			failed = append(failed, name)
		}
	}
	t.Logf("interpret corpus: %d files, %d passed, %d failed; %d run commands", len(files), passed, len(failed), runs)
	if len(failed) > 0 {
		t.Logf("failed files: %s", strings.Join(failed, " "))
	}
}

// runOnlyGaps are the `test run` files the interpreter cannot run, each
// with the reason; every other runtest without `test interpret` must pass
// under the interpreter too.
var runOnlyGaps = map[string]string{
	"simd-fmax-fmin-nondeterministic-aarch64.clif": "expects aarch64 hardware NaN propagation",
	"simd-fmax-fmin-nondeterministic-x86_64.clif":  "expects x86_64 hardware NaN propagation",
	"throw.clif": "throws through get_return_address and the __cranelift_throw runtime routine",
}

// TestRunCorpus runs the runtests that upstream only compiles (`test run`
// without `test interpret`) with `test run` semantics: a wider check of
// the interpreter as an oracle for compiled code.
func TestRunCorpus(t *testing.T) {
	dir := corpusDir(t, "cranelift-runtests")
	interp := map[string]bool{}
	for _, p := range interpretFiles(t) {
		interp[p] = true
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".clif") && !interp[p] {
			paths = append(paths, p)
		}
		return err
	})
	passed, skipped, runs := 0, 0, 0
	for _, p := range paths {
		name := filepath.Base(p)
		if _, gap := runOnlyGaps[name]; gap {
			skipped++
			continue
		}
		fails, n := runFile(p, false)
		runs += n
		t.Run(name, func(t *testing.T) {
			for _, f := range fails {
				t.Error(f)
			}
		})
		if len(fails) == 0 {
			passed++
		}
	}
	t.Logf("run-only corpus: %d files, %d passed, %d known gaps; %d run commands", len(paths), passed, skipped, runs)
}
