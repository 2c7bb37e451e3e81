package wat

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir/wasm"
)

// TestPrintRoundTrip prints every valid text module of the spec suite's
// core scripts and parses the text again: the binary must not change.
func TestPrintRoundTrip(t *testing.T) {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("go.work not found")
		}
		dir = filepath.Dir(dir)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite", "core", "*.wast"))
	if len(files) == 0 {
		t.Skip("spec test suite not found")
	}
	var n int
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		nodes, err := ReadAll(src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, node := range nodes {
			if !node.IsList("module") {
				continue
			}
			k := node.Kids[1:]
			if len(k) > 0 && strings.HasPrefix(k[0].Text, "$") {
				k = k[1:]
			}
			if len(k) > 0 && (k[0].Keyword("binary") || k[0].Keyword("quote") || k[0].Keyword("definition") || k[0].Keyword("instance")) {
				continue
			}
			m, err := EncodeModule(node)
			if err != nil {
				t.Errorf("%s:%d: %v", filepath.Base(f), node.Pos.Line, err)
				continue
			}
			if _, err := wasm.DecodeAndValidate(m.Binary, wasm.FeaturesAll); err != nil {
				continue // the decoder's business, reported by the spec runner
			}
			text, err := PrintBinary(m.Binary)
			if err != nil {
				t.Errorf("%s:%d: print: %v", filepath.Base(f), node.Pos.Line, err)
				continue
			}
			again, err := Parse([]byte(text))
			if err != nil {
				t.Errorf("%s:%d: printed text does not parse: %v\n%s", filepath.Base(f), node.Pos.Line, err, excerpt(text, err))
				continue
			}
			if !bytes.Equal(again, m.Binary) {
				t.Errorf("%s:%d: round trip changed the binary\n%s", filepath.Base(f), node.Pos.Line, text)
			}
			n++
		}
	}
	t.Logf("%d modules round-tripped", n)
}

// excerpt returns the line of text an error points at.
func excerpt(text string, err error) string {
	e, ok := err.(*Error)
	if !ok {
		return ""
	}
	lines := strings.Split(text, "\n")
	if int(e.Pos.Line) <= len(lines) && e.Pos.Line > 0 {
		return lines[e.Pos.Line-1]
	}
	return ""
}
