package ir

import "fmt"

// ParseError is a syntax or semantic error in CLIF text, at a 1-based line
// and column. Its message reads "expected X, found Y" where that applies.
type ParseError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

type tokKind uint8

const (
	tEOF    tokKind = iota
	tPunct          // one of ( ) [ ] { } , : = < > . * ! and "->"
	tWord           // identifier: v12, block3, iadd, i32x4, notrap, Inf
	tNum            // number: 12, -0x1_0, 0x1.8p-3, +NaN:0x1
	tName           // %name (text without the %)
	tSrcLoc         // @00c7 (text without the @)
	tString         // "text" (text without quotes)
)

type token struct {
	kind      tokKind
	text      string
	line, col int
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of file"
	case tName:
		return "'%" + t.text + "'"
	case tSrcLoc:
		return "'@" + t.text + "'"
	case tString:
		return "string \"" + t.text + "\""
	}
	return "'" + t.text + "'"
}

// Comment is the text after ';' on one line (leading ';' stripped once,
// so ";; x" has Text "; x"), with its 1-based line number.
type Comment struct {
	Line int
	Text string
}

type lexer struct {
	src      []byte
	text     string // src as one string: token texts are substrings of it
	pos      int
	line     int
	lineHead int // offset of the current line's first byte
	toks     []token
	comments []Comment
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isWordChar(c byte) bool {
	return isLetter(c) || isDigit(c)
}

// lex splits src into tokens and comments. It never fails: bytes that fit
// no token become one-character punctuation tokens the parser rejects.
func lex(src []byte) ([]token, []Comment) {
	lx := &lexer{src: src, text: string(src), line: 1}
	// About one token per five bytes of CLIF; preallocating avoids most
	// regrowth of the token slice.
	lx.toks = make([]token, 0, len(src)/5+16)
	for lx.pos < len(src) {
		c := src[lx.pos]
		start, col := lx.pos, lx.pos-lx.lineHead+1
		emit := func(k tokKind, text string) {
			lx.toks = append(lx.toks, token{kind: k, text: text, line: lx.line, col: col})
		}
		switch {
		case c == '\n':
			lx.pos++
			lx.line++
			lx.lineHead = lx.pos
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			lx.pos++
		case c == ';':
			end := lx.pos + 1
			for end < len(src) && src[end] != '\n' {
				end++
			}
			lx.comments = append(lx.comments, Comment{Line: lx.line, Text: lx.text[lx.pos+1 : end]})
			lx.pos = end
		case c == '-' && lx.pos+1 < len(src) && src[lx.pos+1] == '>':
			lx.pos += 2
			emit(tPunct, "->")
		case isDigit(c) || (c == '-' || c == '+') && lx.pos+1 < len(src) && (isDigit(src[lx.pos+1]) || isLetter(src[lx.pos+1])):
			lx.pos++
			lx.scanNumber(start)
			emit(tNum, lx.text[start:lx.pos])
		case isLetter(c):
			for lx.pos < len(src) && isWordChar(src[lx.pos]) {
				lx.pos++
			}
			w := lx.text[start:lx.pos]
			if (w == "NaN" || w == "sNaN") && lx.pos < len(src) && src[lx.pos] == ':' {
				lx.scanNumber(start)
				emit(tNum, lx.text[start:lx.pos])
			} else {
				emit(tWord, w)
			}
		case c == '%':
			lx.pos++
			for lx.pos < len(src) && isWordChar(src[lx.pos]) {
				lx.pos++
			}
			emit(tName, lx.text[start+1:lx.pos])
		case c == '@':
			lx.pos++
			for lx.pos < len(src) && isWordChar(src[lx.pos]) {
				lx.pos++
			}
			emit(tSrcLoc, lx.text[start+1:lx.pos])
		case c == '"':
			lx.pos++
			for lx.pos < len(src) && src[lx.pos] != '"' && src[lx.pos] != '\n' {
				lx.pos++
			}
			text := lx.text[start+1 : lx.pos]
			if lx.pos < len(src) && src[lx.pos] == '"' {
				lx.pos++
				emit(tString, text)
			} else {
				emit(tPunct, "\"") // unterminated: let the parser complain
			}
		default:
			lx.pos++
			emit(tPunct, lx.text[start:lx.pos])
		}
	}
	lx.toks = append(lx.toks, token{kind: tEOF, line: lx.line, col: lx.pos - lx.lineHead + 1})
	return lx.toks, lx.comments
}

// scanNumber continues a number started at start: word characters and
// dots, a sign right after the exponent 'p' of a hex float, and the ':' of
// a NaN payload.
func (lx *lexer) scanNumber(start int) {
	src := lx.src
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case isWordChar(c) || c == '.':
			lx.pos++
		case (c == '-' || c == '+') && (src[lx.pos-1] == 'p' || src[lx.pos-1] == 'P') && isHexPrefixed(src[start:lx.pos]):
			lx.pos++
		case c == ':' && lx.pos+1 < len(src) && isDigit(src[lx.pos+1]) && hasNaN(src[start:lx.pos]):
			lx.pos++
		default:
			return
		}
	}
}

func isHexPrefixed(b []byte) bool {
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	return len(b) >= 2 && b[0] == '0' && b[1] == 'x'
}

func hasNaN(b []byte) bool {
	s := string(b)
	return s == "NaN" || s == "+NaN" || s == "-NaN" || s == "sNaN" || s == "+sNaN" || s == "-sNaN"
}
