package wat

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the printer's golden files")

// TestPrintGolden encodes each testdata/print/*.wat, prints the binary and
// compares the text with the .golden file beside it (-update rewrites it).
// The printed text must also encode to the same binary.
func TestPrintGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/print/*.wat")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Options{Names: true}.ParseModule(src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		text, err := PrintBinary(m.Binary)
		if err != nil {
			t.Errorf("%s: print: %v", f, err)
			continue
		}
		golden := strings.TrimSuffix(f, ".wat") + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if want, err := os.ReadFile(golden); err != nil {
			t.Errorf("%s: %v (run with -update to create it)", f, err)
		} else if string(want) != text {
			t.Errorf("%s: printed text differs from %s:\n%s", f, golden, text)
		}
		plain, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Parse([]byte(text))
		if err != nil {
			t.Errorf("%s: printed text does not parse: %v", f, err)
		} else if !bytes.Equal(again, plain) {
			t.Errorf("%s: printed text encodes differently", f)
		}
	}
}
