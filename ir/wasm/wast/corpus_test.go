package wast

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir/wasm/wat"
)

// corpusDir locates ../shared/upstream/spec-testsuite relative to the
// directory holding go.work.
func corpusDir(t testing.TB) string {
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
			t.Skip("go.work not found; cannot locate the spec test suite")
		}
		dir = parent
	}
	suite := filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite")
	if _, err := os.Stat(suite); err != nil {
		t.Skipf("spec test suite not found at %s", suite)
	}
	return suite
}

func corpusFiles(t testing.TB) []string {
	suite := corpusDir(t)
	var files []string
	for _, pat := range []string{"core/*.wast", "proposals/threads/*.wast", "legacy/*.wast"} {
		m, err := filepath.Glob(filepath.Join(suite, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// textOptions returns the text-format variant a suite is written in: the
// threads proposal predates memory64 and parses limits as u32 literals
// (filetests/wast keeps the full per-suite profiles).
func textOptions(rel string) wat.Options {
	return wat.Options{U32Limits: strings.HasPrefix(rel, "proposals/threads/")}
}

// TestCorpusText checks the text side of the spec suite: every script
// parses, every text module outside assert_malformed encodes, and every
// text-form assert_malformed fails in the text parser for the expected
// reason.
func TestCorpusText(t *testing.T) {
	var modules, malformed int
	for _, path := range corpusFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(corpusDir(t), path)
		s, err := Parse(filepath.ToSlash(rel), src)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		var walk func(cs []*Command)
		walk = func(cs []*Command) {
			for _, c := range cs {
				walk(c.Body)
				m := c.Module
				if m == nil || m.Form == FormBinary {
					continue
				}
				_, err := m.EncodeWith(textOptions(s.Name))
				if c.Kind == KindAssertMalformed {
					malformed++
					switch {
					case err == nil:
						t.Errorf("%s:%d: assert_malformed: text parser accepted the module, expected %q", s.Name, c.Line, c.Message)
					case !strings.Contains(err.Error(), c.Message):
						t.Errorf("%s:%d: assert_malformed: wrong reason: expected %q, got %v", s.Name, c.Line, c.Message, err)
					}
					continue
				}
				modules++
				if err != nil && !(c.Kind == KindAssertInvalid && strings.Contains(err.Error(), c.Message)) {
					t.Errorf("%s:%d: %s: %v", s.Name, c.Line, c.Kind, err)
				}
			}
		}
		walk(s.Commands)
	}
	t.Logf("%d text modules encoded, %d text assert_malformed checked", modules, malformed)
}
