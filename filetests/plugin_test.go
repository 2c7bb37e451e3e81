package filetests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeOptimizer shows how a tier plugs in: it registers `optimize`,
// receives one call per target line, and reports through the same
// helpers the built-in commands use.
type fakeOptimizer struct{ targets []string }

func (*fakeOptimizer) PerTarget() bool { return true }

func (o *fakeOptimizer) Run(ctx *Context) Outcome {
	var out Outcome
	if !ctx.VerifyAll(&out) {
		return out
	}
	o.targets = append(o.targets, ctx.Target.Arch)
	for fi, ff := range ctx.File.Parsed.Functions {
		text := ff.Func.String() // a real tier would print the optimized function
		if ctx.HasOption("precise-output") {
			ctx.PreciseOutput(&out, fi, text)
		} else {
			ctx.Filecheck(&out, fi, text)
		}
	}
	return out
}

func TestPluggedCommand(t *testing.T) {
	const src = `test optimize
target x86_64
target aarch64

function %f(i32) -> i32 {
block0(v0: i32):
    return v0
}
; check: return v0
`
	path := filepath.Join(t.TempDir(), "opt.clif")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	prev, _ := lookup("optimize")
	defer Register("optimize", prev)
	fake := &fakeOptimizer{}
	Register("optimize", fake)

	rs := RunFile(path, Options{})
	if len(rs) != 2 {
		t.Fatalf("want one result per target, got %+v", rs)
	}
	for i, want := range []string{"x86_64", "aarch64"} {
		if rs[i].Status != Passed || rs[i].Target != want {
			t.Errorf("result %d: %+v", i, rs[i])
		}
	}
	if strings.Join(fake.targets, ",") != "x86_64,aarch64" {
		t.Errorf("targets seen: %v", fake.targets)
	}
}

// TestPlaceholders: without a tier, compile/optimize/run are skipped with
// their reason, once per target, after verification. The placeholders are
// installed for the test, since a tier may have replaced them.
func TestPlaceholders(t *testing.T) {
	for _, name := range []string{"compile", "run"} {
		prev, _ := lookup(name)
		defer Register(name, prev)
	}
	Register("compile", placeholder{perTarget: true, reason: "no optimizing tier yet"})
	Register("run", runPlaceholder{reason: "no optimizing tier yet"})

	const src = `test compile
test run
target x86_64
target riscv64

function %f(i32) -> i32 {
block0(v0: i32):
    return v0
}
`
	path := filepath.Join(t.TempDir(), "p.clif")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rs := RunFile(path, Options{})
	if len(rs) != 4 {
		t.Fatalf("want 4 results, got %+v", rs)
	}
	for _, r := range rs {
		if r.Status != Skipped || r.Reason == "" {
			t.Errorf("%+v: want a skip with a reason", r)
		}
		if r.Command == "compile" && r.Reason != "no optimizing tier yet" {
			t.Errorf("%+v", r)
		}
	}
	// An invalid function fails even though the tier is missing.
	bad := strings.Replace(src, "return v0", "return", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, r := range RunFile(path, Options{}) {
		if r.Status == Failed {
			failed++
		}
	}
	if failed == 0 {
		t.Error("an invalid function must fail compile/run before the skip")
	}
}

// TestFileKind: another file kind plugs in by extension, is collected
// below folders and counted like CLIF results.
func TestFileKind(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.clif", "b.fake", "c.other"} {
		src := "test verifier\nfunction %f() {\nblock0:\n    return\n}\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	RegisterFileKind(".fake", func(path string, opts Options) []Result {
		return []Result{{File: path, Command: "fake", Status: Skipped, Reason: "no fake tier"}}
	})
	defer func() {
		registryMu.Lock()
		delete(fileKinds, ".fake")
		registryMu.Unlock()
	}()
	rep, err := Run([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, f, s := rep.Counts()
	if p != 1 || f != 0 || s != 1 {
		t.Errorf("counts %d/%d/%d, want 1 passed (a.clif), 1 skipped (b.fake), c.other ignored", p, f, s)
	}
}
