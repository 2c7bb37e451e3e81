package wasm

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// This file runs the binary modules of the spec test suite — the
// `(module binary "...")` forms, alone or inside assert_malformed and
// assert_invalid — through Decode and Validate. Text-format modules need
// the wat parser and are covered by the wast runner instead.

// specSuiteDir finds ../shared/upstream/spec-testsuite next to the
// directory holding go.work.
func specSuiteDir(t *testing.T) string {
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
			t.Skip("no go.work above the test directory")
		}
		dir = parent
	}
	suite := filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite")
	if _, err := os.Stat(suite); err != nil {
		t.Skipf("spec test suite not found at %s", suite)
	}
	return suite
}

// sexp is a parsed s-expression: an atom, a string, or a list.
type sexp struct {
	atom   string
	str    []byte
	isStr  bool
	list   []*sexp
	isList bool
	line   int
}

// parseSexps reads every top-level form of a .wast file.
func parseSexps(src string) ([]*sexp, error) {
	p := &sexpParser{src: src, line: 1}
	var out []*sexp
	for {
		p.skip()
		if p.pos >= len(p.src) {
			return out, nil
		}
		e, err := p.parse()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
}

type sexpParser struct {
	src  string
	pos  int
	line int
}

func (p *sexpParser) skip() {
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\n':
			p.line++
			p.pos++
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
		case strings.HasPrefix(p.src[p.pos:], ";;"):
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		case strings.HasPrefix(p.src[p.pos:], "(;"):
			depth := 0
			for p.pos < len(p.src) {
				if strings.HasPrefix(p.src[p.pos:], "(;") {
					depth++
					p.pos += 2
				} else if strings.HasPrefix(p.src[p.pos:], ";)") {
					depth--
					p.pos += 2
					if depth == 0 {
						break
					}
				} else {
					if p.src[p.pos] == '\n' {
						p.line++
					}
					p.pos++
				}
			}
		default:
			return
		}
	}
}

func (p *sexpParser) parse() (*sexp, error) {
	p.skip()
	if p.pos >= len(p.src) {
		return nil, fmt.Errorf("line %d: unexpected end", p.line)
	}
	line := p.line
	switch c := p.src[p.pos]; c {
	case '(':
		p.pos++
		e := &sexp{isList: true, line: line}
		for {
			p.skip()
			if p.pos >= len(p.src) {
				return nil, fmt.Errorf("line %d: unclosed list", line)
			}
			if p.src[p.pos] == ')' {
				p.pos++
				return e, nil
			}
			k, err := p.parse()
			if err != nil {
				return nil, err
			}
			e.list = append(e.list, k)
		}
	case ')':
		return nil, fmt.Errorf("line %d: unexpected )", line)
	case '"':
		p.pos++
		var b []byte
		for {
			if p.pos >= len(p.src) {
				return nil, fmt.Errorf("line %d: unclosed string", line)
			}
			c := p.src[p.pos]
			p.pos++
			if c == '"' {
				return &sexp{str: b, isStr: true, line: line}, nil
			}
			if c != '\\' {
				b = append(b, c)
				continue
			}
			e := p.src[p.pos]
			p.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'r':
				b = append(b, '\r')
			case '\\', '\'', '"':
				b = append(b, e)
			case 'u':
				close := strings.IndexByte(p.src[p.pos:], '}')
				r, err := strconv.ParseUint(strings.ReplaceAll(p.src[p.pos+1:p.pos+close], "_", ""), 16, 32)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad escape", line)
				}
				b = append(b, string(rune(r))...)
				p.pos += close + 1
			default:
				v, err := strconv.ParseUint(p.src[p.pos-1:p.pos+1], 16, 8)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad escape \\%s", line, p.src[p.pos-1:p.pos+1])
				}
				b = append(b, byte(v))
				p.pos++
			}
		}
	default:
		start := p.pos
		for p.pos < len(p.src) && !strings.ContainsRune(" \t\r\n()\";", rune(p.src[p.pos])) {
			p.pos++
		}
		if p.pos == start { // a lone ';' that starts no comment
			p.pos++
		}
		return &sexp{atom: p.src[start:p.pos], line: line}, nil
	}
}

// binaryModule returns the bytes of a `(module $id? binary "..."*)` form.
func binaryModule(e *sexp) ([]byte, bool) {
	if !e.isList || len(e.list) < 2 || e.list[0].atom != "module" {
		return nil, false
	}
	rest := e.list[1:]
	if rest[0].atom != "" && strings.HasPrefix(rest[0].atom, "$") {
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0].atom != "binary" {
		return nil, false
	}
	var b []byte
	for _, s := range rest[1:] {
		b = append(b, s.str...)
	}
	return b, true
}

type specCounts struct {
	valid, validFail         int
	malformed, malformedFail int
	invalid, invalidFail     int
	wrongReason              int
}

func TestSpecBinaryModules(t *testing.T) {
	suite := specSuiteDir(t)
	var files []string
	for _, pattern := range []string{"core/*.wast", "legacy/*.wast", "proposals/threads/*.wast"} {
		m, _ := filepath.Glob(filepath.Join(suite, pattern))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no .wast files")
	}
	var c specCounts
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		forms, err := parseSexps(string(src))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		name := filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file)
		for _, form := range forms {
			if bin, ok := binaryModule(form); ok {
				c.valid++
				if _, err := DecodeAndValidate(bin, FeaturesAll); err != nil {
					c.validFail++
					t.Errorf("%s:%d: valid module rejected: %v", name, form.line, err)
				}
				continue
			}
			if !form.isList || len(form.list) < 3 {
				continue
			}
			kind := form.list[0].atom
			if kind != "assert_malformed" && kind != "assert_invalid" {
				continue
			}
			bin, ok := binaryModule(form.list[1])
			if !ok {
				continue
			}
			want := string(form.list[2].str)
			_, err := DecodeAndValidate(bin, FeaturesAll)
			if kind == "assert_malformed" {
				c.malformed++
			} else {
				c.invalid++
			}
			switch {
			case err == nil:
				if kind == "assert_malformed" {
					c.malformedFail++
				} else {
					c.invalidFail++
				}
				t.Errorf("%s:%d: %s %q: module accepted", name, form.line, kind, want)
			case !strings.Contains(err.Error(), want):
				c.wrongReason++
				t.Errorf("%s:%d: %s: got %v, want %q", name, form.line, kind, err, want)
			}
		}
	}
	t.Logf("binary modules: %d valid (%d rejected), %d assert_malformed (%d accepted), %d assert_invalid (%d accepted), %d failed for another reason",
		c.valid, c.validFail, c.malformed, c.malformedFail, c.invalid, c.invalidFail, c.wrongReason)
}
