package optimizing

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kiln/ir"
	"kiln/ir/interp"
	"kiln/ir/verify"
)

// upstream finds ../shared/upstream/<sub> next to the directory holding
// go.work, or skips.
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

func clifFiles(t testing.TB, dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".clif") {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

var verifyOpts = Options{Verify: verify.Function, Dump: "-"}

// runLines interprets every run line of the file's functions and returns
// the outcome of each, keyed by line: the results or the error text.
func runLines(pf *ir.File, funcs []*ir.Function) map[int]string {
	in := interp.New(funcs)
	out := map[int]string{}
	for fi, ff := range pf.Functions {
		for _, c := range ff.Comments {
			rc, err := ir.ParseRunCommand(c.Text, &ff.Func.Signature)
			if err != nil || rc == nil {
				continue
			}
			name := rc.Name
			if name == "" {
				name = funcs[fi].Name.String()
			}
			got, err := in.Call(name, rc.Args)
			if err != nil {
				if errors.Is(err, interp.ErrUnsupported) {
					continue
				}
				out[c.Line] = "error: " + err.Error()
				continue
			}
			var parts []string
			for _, v := range got {
				parts = append(parts, v.String())
			}
			out[c.Line] = strings.Join(parts, ", ")
		}
	}
	return out
}

// TestRuntestsDifferential optimizes every function of Cranelift's
// runtests (verifying after every pass) and checks that the IR
// interpreter gives the same result on every run line before and after.
func TestRuntestsDifferential(t *testing.T) {
	dir := upstream(t, "cranelift-runtests")
	var funcsDone, lines, total int
	var stats Result
	for _, path := range clifFiles(t, dir) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := ir.ParseFile(filepath.Base(path), src)
		if err != nil {
			continue
		}
		orig := make([]*ir.Function, len(pf.Functions))
		opt := make([]*ir.Function, len(pf.Functions))
		valid := true
		for i, ff := range pf.Functions {
			orig[i] = ff.Func
			if verify.Function(ff.Func) != nil {
				valid = false
			}
		}
		if !valid {
			continue
		}
		for i, ff := range pf.Functions {
			opt[i] = ff.Func.Clone()
			r, err := Optimize(opt[i], verifyOpts)
			if err != nil {
				t.Errorf("%s: %s: %v\nbefore:\n%s\nafter:\n%s", filepath.Base(path), ff.Func.Name, err, ff.Func, opt[i])
				opt[i] = ff.Func
				continue
			}
			if r.Egraph.BadResults != 0 {
				t.Errorf("%s: %s: %d ill-typed rule results", filepath.Base(path), ff.Func.Name, r.Egraph.BadResults)
			}
			stats.Egraph.Rewrites += r.Egraph.Rewrites
			stats.Egraph.Hoisted += r.Egraph.Hoisted
			stats.Egraph.Hits += r.Egraph.Hits
			funcsDone++
		}
		want := runLines(pf, orig)
		got := runLines(pf, opt)
		for line, w := range want {
			total++
			if g := got[line]; g != w {
				t.Errorf("%s:%d: interpreted result changed by optimization: before %s, after %s", filepath.Base(path), line, w, g)
				continue
			}
			lines++
		}
	}
	t.Logf("%d functions optimized; %d of %d run lines agree; rewrites %d, GVN hits %d, hoisted %d",
		funcsDone, lines, total, stats.Egraph.Rewrites, stats.Egraph.Hits, stats.Egraph.Hoisted)
}

// intArgs draws arguments for a signature of scalar integers (at most 64
// bits); ok is false for other signatures.
func intArgs(r interface{ Uint64() uint64 }, sig *ir.Signature) ([]ir.DataValue, bool) {
	var args []ir.DataValue
	for _, p := range sig.Params {
		t := p.Type
		if !t.IsInt() || !t.IsScalar() || t.Bits() > 64 {
			return nil, false
		}
		v := r.Uint64()
		switch v % 4 {
		case 0:
			v = v % 5 // small values hit the special cases
		case 1:
			v = -(v % 5)
		}
		args = append(args, ir.DataInt(t, int64(v)))
	}
	return args, true
}

// TestInputsDifferential optimizes every function of kiln's egraph goldens
// and of Cranelift's egraph and alias inputs, and compares the
// interpreter's verdicts before and after on random integer arguments.
func TestInputsDifferential(t *testing.T) {
	var files []string
	files = append(files, clifFiles(t, "../filetests/testdata/egraph")...)
	up := upstream(t, "cranelift-filetests")
	files = append(files, clifFiles(t, filepath.Join(up, "egraph"))...)
	files = append(files, clifFiles(t, filepath.Join(up, "alias"))...)
	rng := rand.New(rand.NewPCG(1, 2))
	compared := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := ir.ParseFile(filepath.Base(path), src)
		if err != nil {
			continue
		}
		for _, ff := range pf.Functions {
			if verify.Function(ff.Func) != nil {
				continue
			}
			opt := ff.Func.Clone()
			r, err := Optimize(opt, verifyOpts)
			if err != nil {
				t.Errorf("%s: %s: %v\nbefore:\n%s\nafter:\n%s", filepath.Base(path), ff.Func.Name, err, ff.Func, opt)
				continue
			}
			if r.Egraph.BadResults != 0 {
				t.Errorf("%s: %s: %d ill-typed rule results", filepath.Base(path), ff.Func.Name, r.Egraph.BadResults)
			}
			for range 16 {
				args, ok := intArgs(rng, &ff.Func.Signature)
				if !ok {
					break
				}
				want, ok1 := outcome(ff.Func, args)
				got, ok2 := outcome(opt, args)
				if !ok1 || !ok2 {
					continue
				}
				compared++
				if want != got {
					t.Errorf("%s: %s%v: before %s, after %s\nbefore:\n%s\nafter:\n%s", filepath.Base(path), ff.Func.Name, args, want, got, ff.Func, opt)
					break
				}
			}
		}
	}
	t.Logf("%d calls compared", compared)
}
