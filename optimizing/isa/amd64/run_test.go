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
	var flags []string
	found := false
	for _, tg := range file.Targets {
		if tg.Arch == "x86_64" {
			found = true
			for _, s := range tg.Flags {
				flags = append(flags, s.Name+"="+s.Value)
			}
			break
		}
	}
	if !found {
		t.Skip("no x86_64 target")
	}
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

// TestRunScalar executes the run lines of every scalar runtest natively.
// Each file runs in a child process (a wrong-code bug may fault, which Go
// cannot recover from), so one crash fails one file.
func TestRunScalar(t *testing.T) {
	if !native.Supported {
		t.Skip("native execution needs linux/amd64")
	}
	dir := upstreamDir(t)
	if one := os.Getenv("KILN_RUN_ONE"); one != "" {
		p, u := runFile(t, filepath.Join(dir, one))
		fmt.Printf("RESULT %d %d\n", p, u)
		return
	}
	list, err := os.ReadFile(filepath.Join(dir, "SCALAR.txt"))
	if err != nil {
		t.Skipf("upstream runtests not present: %v", err)
	}
	var files, filesOK, lines, unsup int
	for _, name := range strings.Fields(string(list)) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRunScalar$", "-test.count=1")
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
	t.Logf("%d/%d files without failures; %d run lines passed, %d skipped (unsupported IR)", filesOK, files, lines, unsup)
}
