package baseline

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output of the baseline filetests")

// marker separates a filetest's .wat input from its expected output: the
// disassembly of every defined function, one ";; " line each, as
// precise-output filetests do.
const marker = ";; precise-output (regenerate with go test -run TestFiletests -update)"

// TestFiletests compiles every testdata/amd64/<op>/<case>.wat and compares
// the disassembly of each function body with the expectation appended to
// the file. With -update the expectation is rewritten from the output
// (review the diff: that is the point of the file).
func TestFiletests(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "amd64", "*", "*.wat"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no filetests: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.ToSlash(strings.TrimPrefix(path, filepath.Join("testdata", "amd64")+string(filepath.Separator))), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			input, want, _ := strings.Cut(string(src), marker+"\n")
			input = strings.TrimRight(input, "\n") + "\n"
			mod, art, err := compileWat(input)
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			text, err := disassemble(mod, art)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
				b.WriteString(strings.TrimRight(";; "+l, " ") + "\n")
			}
			got := b.String()
			if *update {
				if err := os.WriteFile(path, []byte(input+"\n"+marker+"\n"+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("output differs from the expectation (go test -run TestFiletests -update, then review the diff):\n%s", diffLines(want, got))
			}
		})
	}
}

// diffLines shows the first differing lines of two texts.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}
