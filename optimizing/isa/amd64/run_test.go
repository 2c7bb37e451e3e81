package amd64

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir"
	"kiln/optimizing/isa/amd64/native"
)

// runFile runs every run line of a CLIF file natively and reports
// (passed, unsupported) run lines; failures are test errors.
func runFile(t *testing.T, path string) (passed, unsupported int) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	file, err := ir.ParseFile(path, src)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var targets [][]string
	for _, tg := range file.Targets {
		if tg.Arch == "x86_64" {
			var flags []string
			for _, s := range tg.Flags {
				flags = append(flags, s.Name+"="+s.Value)
			}
			targets = append(targets, flags)
		}
	}
	if len(targets) == 0 {
		return 0, 0
	}
	for _, flags := range targets {
		p, u := runTarget(t, path, file, flags)
		passed += p
		unsupported += u
	}
	return passed, unsupported
}

// runTarget runs the file's run lines compiled with one target's flags.
func runTarget(t *testing.T, path string, file *ir.File, flags []string) (passed, unsupported int) {
	var funcs []*ir.Function
	for _, ff := range file.Functions {
		funcs = append(funcs, ff.Func)
	}
	p, err := Link(funcs, ParseFlags(flags))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for i, f := range funcs {
		if err := p.FuncErr(i); err != nil && !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	for fi, ff := range file.Functions {
		for _, c := range ff.Comments {
			rc, err := ir.ParseRunCommand(c.Text, &ff.Func.Signature)
			if err != nil || rc == nil || rc.Kind != ir.RunCheck {
				continue
			}
			// As upstream, a run line calls the function it is attached to;
			// the name it spells is not looked up.
			target := fi
			if p.FuncErr(target) != nil {
				unsupported++
				continue
			}
			got, err := p.Call(target, rc.Args)
			if err != nil {
				t.Errorf("%s: %v", c.Text, err)
				continue
			}
			equal := len(got) == len(rc.Expected)
			for i := range got {
				if equal && !got[i].Equal(rc.Expected[i]) {
					equal = false
				}
			}
			if equal != (rc.Cmp == ir.CmpEq) {
				t.Errorf("%s: %s: got %v", filepath.Base(path), strings.TrimSpace(c.Text), got)
				continue
			}
			passed++
		}
	}
	return passed, unsupported
}

// TestRunScalar executes the run lines of every scalar runtest natively,
// once per x86_64 target line (the flags select different lowerings).
// Each file runs in a child process (a wrong-code bug may fault, which Go
// cannot recover from), so one crash fails one file.
func TestRunScalar(t *testing.T) {
	dir := upstreamDir(t)
	list, err := os.ReadFile(filepath.Join(dir, "SCALAR.txt"))
	if err != nil {
		t.Skipf("upstream runtests not present: %v", err)
	}
	runFiles(t, "TestRunScalar", dir, strings.Fields(string(list)))
}

// TestRunAllRuntests does the same for every runtest file; run lines of
// functions using IR the back end does not lower (SIMD, atomics, ...) are
// counted as skipped.
func TestRunAllRuntests(t *testing.T) {
	dir := upstreamDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.clif"))
	if err != nil || len(files) == 0 {
		t.Skipf("upstream runtests not present")
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	runFiles(t, "TestRunAllRuntests", dir, names)
}

func runFiles(t *testing.T, test, dir string, names []string) {
	if !native.Supported {
		t.Skip("native execution needs linux/amd64")
	}
	if one := os.Getenv("KILN_RUN_ONE"); one != "" {
		p, u := runFile(t, filepath.Join(dir, one))
		fmt.Printf("RESULT %d %d\n", p, u)
		return
	}
	var files, filesOK, lines, unsup int
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KILN_RUN_ONE="+name)
		out, err := cmd.CombinedOutput()
		files++
		var p, u int
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "RESULT ") {
				fmt.Sscanf(l, "RESULT %d %d", &p, &u)
			}
		}
		lines += p
		unsup += u
		if err != nil {
			msg := string(out)
			if len(msg) > 3000 {
				msg = msg[:3000]
			}
			t.Errorf("%s: %v\n%s", name, err, msg)
			continue
		}
		filesOK++
	}
	t.Logf("%d/%d files without failures; %d run lines passed, %d skipped (unsupported IR), over all x86_64 target lines", filesOK, files, lines, unsup)
}
