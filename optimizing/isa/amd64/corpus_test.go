package amd64

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/encoder"
	"kiln/ir"
	"kiln/regalloc"
)

func upstreamDir(t *testing.T) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return filepath.Join(dir, "..", "shared", "upstream", "cranelift-runtests")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.work above the test directory")
		}
		dir = parent
	}
}

// TestScalarRuntestsCompile compiles every function of the scalar runtests
// with the allocator's checker on, and requires the code to disassemble
// cleanly. Functions using IR the back end does not lower yet are counted
// (ErrUnsupported), never failed; every other error fails.
func TestScalarRuntestsCompile(t *testing.T) {
	dir := upstreamDir(t)
	list, err := os.ReadFile(filepath.Join(dir, "SCALAR.txt"))
	if err != nil {
		t.Skipf("upstream runtests not present: %v", err)
	}
	var ok, unsupported int
	for _, name := range strings.Fields(string(list)) {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		file, err := ir.ParseFile(name, src)
		if err != nil {
			continue // the parser's own tests cover this
		}
		var flags []string
		for _, tg := range file.Targets {
			if tg.Arch == "x86_64" {
				for _, s := range tg.Flags {
					flags = append(flags, s.Name+"="+s.Value)
				}
				break
			}
		}
		for _, ff := range file.Functions {
			res, err := Compile(ff.Func, Options{Flags: ParseFlags(flags), Verify: true, Algorithm: regalloc.Quality,
				Resolve: func(n ir.Name) (sym encSym, ok bool) { return encSym{Kind: 1}, true }})
			if errors.Is(err, ErrUnsupported) {
				unsupported++
				continue
			}
			if err != nil {
				t.Errorf("%s: %s: %v", name, ff.Func.Name, err)
				continue
			}
			if _, err := Disassemble(res.Code); err != nil {
				t.Errorf("%s: %s: %v", name, ff.Func.Name, err)
				continue
			}
			ok++
		}
	}
	t.Logf("compiled %d functions, %d use unsupported IR", ok, unsupported)
}

type encSym = encoder.Symbol
