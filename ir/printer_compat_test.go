package ir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrinterMatchesCranelift checks the printer against text Cranelift
// itself printed: the expectations of `test optimize precise-output`
// files are optimized functions in Cranelift's printed form. Parsing such
// an expectation and printing it again must give it back byte for byte.
func TestPrinterMatchesCranelift(t *testing.T) {
	var checked, mismatched int
	for _, path := range corpusFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		file, err := ParseFile(path, src)
		if err != nil {
			continue // reported by TestCorpusRoundTrip
		}
		precise := false
		for _, tc := range file.Tests {
			if tc.Command == "optimize" && len(tc.Options) > 0 && tc.Options[0] == "precise-output" {
				precise = true
			}
		}
		if !precise {
			continue
		}
		for _, ff := range file.Functions {
			var lines []string
			for _, c := range ff.Comments {
				if strings.HasPrefix(c.Text, ";") {
					continue
				}
				lines = append(lines, strings.TrimPrefix(c.Text, " "))
			}
			want := strings.Join(lines, "\n") + "\n"
			if !strings.HasPrefix(want, "function ") {
				continue
			}
			got, err := ParseFile("expected", []byte(want))
			if err != nil || len(got.Functions) != 1 {
				t.Errorf("%s: %s: expectation does not parse: %v", filepath.Base(path), ff.Func.Name, err)
				mismatched++
				continue
			}
			checked++
			if s := got.Functions[0].Func.String(); s != want {
				mismatched++
				t.Errorf("%s: %s: printed\n%s\nCranelift printed\n%s", filepath.Base(path), ff.Func.Name, s, want)
			}
		}
	}
	t.Logf("%d Cranelift-printed functions re-printed, %d differ", checked, mismatched)
}
