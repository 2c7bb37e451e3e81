package wat

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// NodeKind says what a Node of the S-expression tree holds.
type NodeKind uint8

const (
	List   NodeKind = iota // ( ... ): Kids
	Atom                   // keyword, number, $id or other idchar run: Text
	String                 // "...": Bytes holds the decoded contents
)

// Node is one S-expression: a parenthesised list, an atom or a string.
// Annotations (@id ...) and comments never appear in the tree.
type Node struct {
	Kind  NodeKind
	Text  string // atom text; for String the raw source between the quotes
	Bytes []byte // decoded string contents (String only)
	Kids  []*Node
	Pos   Pos // position of the first character (the '(' for lists)
	End   int // byte offset just past the node in the source
	Start int // byte offset of the first character
}

// Pos is a 1-based line and column in the source text.
type Pos struct{ Line, Col int32 }

// Error is a text-format syntax or resolution error at a source position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

func errorf(p Pos, format string, args ...any) *Error {
	return &Error{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// maxDepth bounds list nesting so hostile input cannot exhaust the stack.
const maxDepth = 10000

// reader turns source text into a forest of Nodes.
type reader struct {
	src          []byte
	inAnnotation bool // reserved tokens are allowed inside annotations
	off          int
	line         int32
	lineStart    int
}

// ReadAll reads every S-expression of src. It is the lexer and the tree
// builder of both .wat modules and .wast scripts.
func ReadAll(src []byte) ([]*Node, error) {
	r := &reader{src: src, line: 1}
	var out []*Node
	for {
		if err := r.skipSpace(); err != nil {
			return nil, err
		}
		if r.off >= len(r.src) {
			return out, nil
		}
		n, err := r.node(0)
		if err != nil {
			return nil, err
		}
		if n != nil {
			out = append(out, n)
		}
	}
}

func (r *reader) pos() Pos { return Pos{r.line, int32(r.off-r.lineStart) + 1} }

func (r *reader) newline() {
	r.line++
	r.lineStart = r.off
}

// skipSpace skips white space, line comments and nested block comments.
func (r *reader) skipSpace() error {
	for r.off < len(r.src) {
		c := r.src[r.off]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			r.off++
		case c == '\n':
			r.off++
			r.newline()
		case c == ';' && r.peek(1) == ';':
			// The text format ends a line comment at a newline, which is
			// LF, CR or CR LF; a lone CR ends it too.
			start := r.off
			for r.off < len(r.src) && r.src[r.off] != '\n' && r.src[r.off] != '\r' {
				r.off++
			}
			if !utf8.Valid(r.src[start:r.off]) {
				return errorf(Pos{r.line, int32(start-r.lineStart) + 1}, "malformed UTF-8 encoding")
			}
		case c == '(' && r.peek(1) == ';':
			if err := r.blockComment(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

func (r *reader) peek(k int) byte {
	if r.off+k < len(r.src) {
		return r.src[r.off+k]
	}
	return 0
}

func (r *reader) blockComment() error {
	start := r.pos()
	depth := 0
	for r.off < len(r.src) {
		switch {
		case r.src[r.off] == '(' && r.peek(1) == ';':
			depth++
			r.off += 2
		case r.src[r.off] == ';' && r.peek(1) == ')':
			depth--
			r.off += 2
			if depth == 0 {
				return nil
			}
		case r.src[r.off] == '\n':
			r.off++
			r.newline()
		default:
			c, size := utf8.DecodeRune(r.src[r.off:])
			if c == utf8.RuneError && size <= 1 {
				return errorf(r.pos(), "malformed UTF-8 encoding")
			}
			r.off += size
		}
	}
	return errorf(start, "unclosed comment")
}

// isIDChar reports whether c may appear in keywords, numbers and ids.
func isIDChar(c byte) bool {
	switch {
	case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '/', ':', '<', '=', '>', '?', '@', '\\', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// node reads one node; it returns nil, nil for an annotation.
func (r *reader) node(depth int) (*Node, error) {
	if depth > maxDepth {
		return nil, errorf(r.pos(), "nesting too deep")
	}
	p, start := r.pos(), r.off
	c := r.src[r.off]
	switch {
	case c == '(':
		if r.peek(1) == '@' {
			return nil, r.annotation()
		}
		r.off++
		n := &Node{Kind: List, Pos: p, Start: start}
		for {
			if err := r.skipSpace(); err != nil {
				return nil, err
			}
			if r.off >= len(r.src) {
				return nil, errorf(p, "unexpected end of input, unclosed '('")
			}
			if r.src[r.off] == ')' {
				r.off++
				n.End = r.off
				return n, nil
			}
			k, err := r.node(depth + 1)
			if err != nil {
				return nil, err
			}
			if k != nil {
				n.Kids = append(n.Kids, k)
			}
		}
	case c == ')':
		return nil, errorf(p, "unexpected token ')'")
	}
	return r.token()
}

// isTokenChar reports whether c continues a token: an idchar, or one of the
// characters that only occur in reserved tokens.
func isTokenChar(c byte) bool {
	return isIDChar(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// token reads a maximal run of idchars and strings. A lone string is a
// String, a run of idchars an Atom, "$" followed by a string a quoted id;
// anything else is a reserved token, which no grammar rule accepts (inside
// annotations it is kept as an atom and skipped).
func (r *reader) token() (*Node, error) {
	p, start := r.pos(), r.off
	var str []byte
	nStrings, nRuns := 0, 0
	quotedID := false
scan:
	for r.off < len(r.src) {
		c := r.src[r.off]
		switch {
		case c == '"':
			// "$" immediately followed by a string is a quoted id.
			quotedID = nRuns == 1 && nStrings == 0 && r.off == start+1 && r.src[start] == '$'
			s, err := r.str()
			if err != nil {
				if quotedID {
					return nil, errorf(p, "empty identifier")
				}
				return nil, err
			}
			str = s
			nStrings++
		case isTokenChar(c):
			for r.off < len(r.src) && isTokenChar(r.src[r.off]) {
				r.off++
			}
			nRuns++
		case c == ';' && r.peek(1) != ';':
			r.off++ // a lone ';' (not a comment) inside a reserved token
			nRuns++
		default:
			break scan
		}
	}
	if r.off == start {
		c, size := utf8.DecodeRune(r.src[r.off:])
		if c == utf8.RuneError && size <= 1 {
			return nil, errorf(p, "malformed UTF-8 encoding")
		}
		return nil, errorf(p, "illegal character")
	}
	text := string(r.src[start:r.off])
	atom := &Node{Kind: Atom, Text: text, Pos: p, Start: start, End: r.off}
	switch {
	case nStrings == 1 && nRuns == 0:
		return &Node{Kind: String, Text: text[1 : len(text)-1], Bytes: str, Pos: p, Start: start, End: r.off}, nil
	case quotedID && nStrings == 1 && nRuns == 1:
		if len(str) == 0 {
			return nil, errorf(p, "empty identifier")
		}
		if !utf8.Valid(str) {
			return nil, errorf(p, "malformed UTF-8 encoding")
		}
		atom.Text = "$" + string(str)
		return atom, nil
	case nStrings == 0 && text == "$":
		return nil, errorf(p, "empty identifier")
	case nStrings == 0 && !strings.ContainsAny(text, ",[]{};"):
		return atom, nil
	case r.inAnnotation:
		return atom, nil
	}
	return nil, errorf(p, "unknown operator %q", text)
}

// str reads a string literal and returns its decoded bytes.
func (r *reader) str() ([]byte, error) {
	p := r.pos()
	r.off++ // opening quote
	var out []byte
	for {
		if r.off >= len(r.src) {
			return nil, errorf(p, "unclosed string")
		}
		c := r.src[r.off]
		switch {
		case c == '"':
			r.off++
			return out, nil
		case c == '\n':
			return nil, errorf(r.pos(), "unclosed string")
		case c < 0x20 || c == 0x7f:
			return nil, errorf(r.pos(), "illegal control character in string")
		case c == '\\':
			b, err := r.escape(out)
			if err != nil {
				return nil, err
			}
			out = b
		case c < 0x80:
			out = append(out, c)
			r.off++
		default:
			ch, size := utf8.DecodeRune(r.src[r.off:])
			if ch == utf8.RuneError && size <= 1 {
				return nil, errorf(r.pos(), "malformed UTF-8 encoding")
			}
			out = append(out, r.src[r.off:r.off+size]...)
			r.off += size
		}
	}
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (r *reader) escape(out []byte) ([]byte, error) {
	p := r.pos()
	r.off++ // backslash
	if r.off >= len(r.src) {
		return nil, errorf(p, "unclosed string")
	}
	c := r.src[r.off]
	r.off++
	switch c {
	case 't':
		return append(out, '\t'), nil
	case 'n':
		return append(out, '\n'), nil
	case 'r':
		return append(out, '\r'), nil
	case '"':
		return append(out, '"'), nil
	case '\'':
		return append(out, '\''), nil
	case '\\':
		return append(out, '\\'), nil
	case 'u':
		if r.off >= len(r.src) || r.src[r.off] != '{' {
			return nil, errorf(p, "illegal escape")
		}
		r.off++
		v, digits := 0, 0
		for r.off < len(r.src) && r.src[r.off] != '}' {
			c := r.src[r.off]
			if c == '_' && digits > 0 && r.off+1 < len(r.src) && hexVal(r.src[r.off+1]) >= 0 {
				r.off++
				continue
			}
			h := hexVal(c)
			if h < 0 {
				return nil, errorf(p, "illegal escape")
			}
			v = v*16 + h
			if v > 0x10FFFF {
				return nil, errorf(p, "illegal escape")
			}
			digits++
			r.off++
		}
		if r.off >= len(r.src) || digits == 0 {
			return nil, errorf(p, "illegal escape")
		}
		r.off++
		if v >= 0xD800 && v < 0xE000 {
			return nil, errorf(p, "illegal escape")
		}
		return utf8.AppendRune(out, rune(v)), nil
	}
	if r.off < len(r.src) {
		h1, h2 := hexVal(c), hexVal(r.src[r.off])
		if h1 >= 0 && h2 >= 0 {
			r.off++
			return append(out, byte(h1*16+h2)), nil
		}
	}
	return nil, errorf(p, "illegal escape")
}

// annotation skips "(@id ...)" including nested lists and annotations.
func (r *reader) annotation() error {
	p := r.pos()
	r.off += 2
	// The id follows the '@' immediately: an idchar run or a string.
	if r.off >= len(r.src) {
		return errorf(p, "empty annotation id")
	}
	c := r.src[r.off]
	switch {
	case c == '"':
		s, err := r.str()
		if err != nil {
			return errorf(p, "empty annotation id")
		}
		if len(s) == 0 {
			return errorf(p, "empty annotation id")
		}
		if !utf8.Valid(s) {
			return errorf(p, "malformed UTF-8 encoding")
		}
	case isIDChar(c):
		for r.off < len(r.src) && isIDChar(r.src[r.off]) {
			r.off++
		}
	default:
		return errorf(p, "empty annotation id")
	}
	depth := 1
	outer := r.inAnnotation
	r.inAnnotation = true
	defer func() { r.inAnnotation = outer }()
	for {
		if err := r.skipSpace(); err != nil {
			return err
		}
		if r.off >= len(r.src) {
			return errorf(p, "unclosed annotation")
		}
		switch r.src[r.off] {
		case '(':
			r.off++
			depth++
		case ')':
			r.off++
			depth--
			if depth == 0 {
				return nil
			}
		default:
			if _, err := r.token(); err != nil {
				return err
			}
		}
	}
}

// Line-oriented helpers for parsers walking the tree.

// Keyword reports whether n is the atom kw.
func (n *Node) Keyword(kw string) bool { return n != nil && n.Kind == Atom && n.Text == kw }

// Head returns the leading atom of a list, or "".
func (n *Node) Head() string {
	if n == nil || n.Kind != List || len(n.Kids) == 0 || n.Kids[0].Kind != Atom {
		return ""
	}
	return n.Kids[0].Text
}

// IsList reports whether n is a list whose head is kw.
func (n *Node) IsList(kw string) bool { return n != nil && n.Kind == List && n.Head() == kw }

// unexpected reports an atom, string or list where something else (what)
// was expected. Atoms that are not well-formed keywords, ids or numbers are
// reserved tokens, which the spec reports as "unknown operator"; so are
// keywords the grammar does not know at all.
func unexpected(n *Node, what string) *Error {
	if n == nil {
		return errorf(Pos{}, "unexpected end, expected %s", what)
	}
	if n.Kind == Atom && n.Text != "" && !strings.HasPrefix(n.Text, "$") && !LooksNumeric(n.Text) {
		return errorf(n.Pos, "unknown operator %s, expected %s", n.Text, what)
	}
	return errorf(n.Pos, "unexpected token, expected %s", what)
}
