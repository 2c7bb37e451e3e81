package filetests

import (
	"fmt"
	"regexp"
	"strings"
)

// DirectiveKind is the kind of one filecheck directive.
type DirectiveKind uint8

const (
	DirCheck     DirectiveKind = iota // match after the previous match
	DirSameln                         // match on the same line as the previous match
	DirNextln                         // match on the line after the previous match
	DirUnordered                      // match after the previous ordered match, in any order within its group
	DirNot                            // must not match between the surrounding matches
	DirRegex                          // define a regex variable: NAME=RE
)

var directiveNames = [...]string{"check", "sameln", "nextln", "unordered", "not", "regex"}

func (k DirectiveKind) String() string { return directiveNames[k] }

// Directive is one `; kind: pattern` line.
type Directive struct {
	Kind    DirectiveKind
	Pattern string // text after "kind:", trimmed
	Line    int    // source line, for messages
}

// Checker holds the directives of one function (plus the file preamble's)
// and matches them against a text, in the manner of Cranelift's filecheck:
// patterns are literal text matched at word boundaries, with $NAME
// substituting a variable and $(NAME=RE) defining one from what RE matches.
// A variable defined by a `regex:` directive substitutes as its regular
// expression; one defined by a match substitutes as the literal matched
// text. `$$` is a literal dollar sign.
type Checker struct {
	Directives []Directive
}

// ParseDirective recognises a filecheck directive in a comment's text
// (with or without leading ';' and spaces); ok is false for other
// comments.
func ParseDirective(text string, line int) (Directive, bool) {
	t := strings.TrimLeft(text, "; \t")
	for k, name := range directiveNames {
		if rest, ok := strings.CutPrefix(t, name+":"); ok {
			return Directive{Kind: DirectiveKind(k), Pattern: strings.TrimSpace(rest), Line: line}, true
		}
	}
	return Directive{}, false
}

// Empty reports whether there is nothing to check.
func (c *Checker) Empty() bool { return len(c.Directives) == 0 }

// CheckError explains why a text does not satisfy the directives.
type CheckError struct {
	Directive Directive
	Msg       string
}

func (e *CheckError) Error() string {
	return fmt.Sprintf("line %d: %s: %s: %s", e.Directive.Line, e.Directive.Kind, e.Directive.Pattern, e.Msg)
}

// Check matches the directives against text.
func (c *Checker) Check(text string) error {
	st := &checkState{text: text, vars: map[string]variable{}}
	return st.run(c.Directives)
}

type variable struct {
	value   string
	isRegex bool
}

type checkState struct {
	text string
	vars map[string]variable
	// pos is the end of the last ordered match; lastStart its start.
	pos, lastStart int
	matched        bool // any match yet (sameln/nextln before any refer to the start)
}

type pendingUnordered struct {
	d    Directive
	from int
}

// pending `not:` patterns wait for the next positive match to bound them.
type pendingNot struct {
	d     Directive
	from  int
	re    *regexp.Regexp
	names []string
}

func (st *checkState) run(ds []Directive) error {
	var nots []pendingNot
	var unordered []pendingUnordered
	// flushNots checks the pending not: and unordered: patterns over
	// [from, to).
	flushNots := func(to int) error {
		var used [][2]int
		for _, u := range unordered {
			re, names, err := st.compile(u.d)
			if err != nil {
				return err
			}
			found := false
			for off := u.from; off <= to; {
				m := re.FindStringSubmatchIndex(st.text[off:to])
				if m == nil {
					break
				}
				a, b := off+m[0], off+m[1]
				if overlaps(used, a, b) {
					off = a + 1
					continue
				}
				st.bind(names, m, off)
				used = append(used, [2]int{a, b})
				found = true
				break
			}
			if !found {
				return &CheckError{u.d, fmt.Sprintf("no match between lines %d and %d", lineOf(st.text, u.from), lineOf(st.text, to))}
			}
		}
		unordered = unordered[:0]
		for _, n := range nots {
			if n.from < to && n.re.MatchString(st.text[n.from:to]) {
				loc := n.re.FindStringIndex(st.text[n.from:to])
				return &CheckError{n.d, fmt.Sprintf("matched forbidden text %q at line %d", st.text[n.from+loc[0]:n.from+loc[1]], lineOf(st.text, n.from+loc[0]))}
			}
		}
		nots = nots[:0]
		return nil
	}
	for i := 0; i < len(ds); i++ {
		d := ds[i]
		switch d.Kind {
		case DirRegex:
			name, re, ok := strings.Cut(d.Pattern, "=")
			name = strings.TrimSpace(name)
			if !ok || !validName(name) {
				return &CheckError{d, "expected NAME=REGEX"}
			}
			if _, err := regexp.Compile(re); err != nil {
				return &CheckError{d, "bad regex: " + err.Error()}
			}
			st.vars[name] = variable{value: re, isRegex: true}
		case DirNot:
			re, names, err := st.compile(d)
			if err != nil {
				return err
			}
			nots = append(nots, pendingNot{d, st.pos, re, names})
		case DirUnordered:
			// Unordered directives match, in any order and without
			// overlapping, between the previous ordered match and the
			// next one; they are checked once that bound is known.
			unordered = append(unordered, pendingUnordered{d, st.pos})
		default: // check, sameln, nextln
			re, names, err := st.compile(d)
			if err != nil {
				return err
			}
			lo, hi := st.pos, len(st.text)
			switch d.Kind {
			case DirSameln:
				hi = lineEnd(st.text, st.pos)
				if !st.matched {
					lo, hi = 0, lineEnd(st.text, 0)
				}
			case DirNextln:
				if !st.matched {
					lo, hi = 0, lineEnd(st.text, 0)
				} else {
					e := lineEnd(st.text, st.pos)
					if e >= len(st.text) {
						return &CheckError{d, "no next line after line " + fmt.Sprint(lineOf(st.text, st.lastStart))}
					}
					lo = e + 1
					hi = lineEnd(st.text, lo)
				}
			}
			m := re.FindStringSubmatchIndex(st.text[lo:hi])
			if m == nil {
				where := "after line " + fmt.Sprint(lineOf(st.text, lo))
				if d.Kind != DirCheck {
					where = "on line " + fmt.Sprint(lineOf(st.text, lo)) + ": " + strings.TrimSpace(st.text[lo:hi])
				}
				return &CheckError{d, "no match " + where}
			}
			if err := flushNots(lo + m[0]); err != nil {
				return err
			}
			st.bind(names, m, lo)
			st.lastStart, st.pos = lo+m[0], lo+m[1]
			st.matched = true
		}
	}
	return flushNots(len(st.text))
}

func overlaps(used [][2]int, a, b int) bool {
	for _, u := range used {
		if a < u[1] && u[0] < b {
			return true
		}
	}
	return false
}

// bind records the variables a match defined.
func (st *checkState) bind(names []string, m []int, off int) {
	for i, name := range names {
		a, b := m[2*(i+1)], m[2*(i+1)+1]
		if a >= 0 {
			st.vars[name] = variable{value: st.text[off+a : off+b]}
		}
	}
}

// compile turns a pattern into a regular expression under the variables
// defined so far. names lists the variables the pattern defines, one
// capture group each, in order.
func (st *checkState) compile(d Directive) (*regexp.Regexp, []string, error) {
	p := d.Pattern
	var b strings.Builder
	var names []string
	lit := func(s string) { b.WriteString(regexp.QuoteMeta(s)) }
	for i := 0; i < len(p); {
		c := p[i]
		if c != '$' {
			j := strings.IndexByte(p[i:], '$')
			if j < 0 {
				j = len(p) - i
			}
			lit(p[i : i+j])
			i += j
			continue
		}
		switch {
		case i+1 < len(p) && p[i+1] == '$':
			lit("$")
			i += 2
		case i+1 < len(p) && p[i+1] == '(':
			end := matchingParen(p, i+1)
			if end < 0 {
				return nil, nil, &CheckError{d, "unclosed $("}
			}
			inner := p[i+2 : end]
			name, re, def := strings.Cut(inner, "=")
			name = strings.TrimSpace(name)
			if !validName(name) {
				return nil, nil, &CheckError{d, fmt.Sprintf("bad variable name %q", name)}
			}
			if def {
				re = st.expandVars(re)
				if _, err := regexp.Compile(re); err != nil {
					return nil, nil, &CheckError{d, "bad regex: " + err.Error()}
				}
				b.WriteString("(" + re + ")")
				names = append(names, name)
			} else if err := st.use(&b, d, name); err != nil {
				return nil, nil, err
			}
			i = end + 1
		default:
			j := i + 1
			for j < len(p) && isWordChar(p[j]) {
				j++
			}
			name := p[i+1 : j]
			if name == "" {
				return nil, nil, &CheckError{d, "lone $ (write $$ for a dollar sign)"}
			}
			if err := st.use(&b, d, name); err != nil {
				return nil, nil, err
			}
			i = j
		}
	}
	re := b.String()
	if len(p) > 0 && isWordChar(p[0]) {
		re = `\b` + re
	}
	if len(p) > 0 && isWordChar(p[len(p)-1]) {
		re += `\b`
	}
	rx, err := regexp.Compile(re)
	if err != nil {
		return nil, nil, &CheckError{d, "bad pattern: " + err.Error()}
	}
	return rx, names, nil
}

// expandVars substitutes $NAME inside a definition's regex by the
// variable's regex (or quoted value).
func (st *checkState) expandVars(re string) string {
	var b strings.Builder
	for i := 0; i < len(re); i++ {
		if re[i] == '$' && i+1 < len(re) && isWordChar(re[i+1]) {
			j := i + 1
			for j < len(re) && isWordChar(re[j]) {
				j++
			}
			if v, ok := st.vars[re[i+1:j]]; ok {
				if v.isRegex {
					b.WriteString("(?:" + v.value + ")")
				} else {
					b.WriteString(regexp.QuoteMeta(v.value))
				}
				i = j - 1
				continue
			}
		}
		b.WriteByte(re[i])
	}
	return b.String()
}

func (st *checkState) use(b *strings.Builder, d Directive, name string) error {
	v, ok := st.vars[name]
	if !ok {
		return &CheckError{d, "undefined variable $" + name}
	}
	if v.isRegex {
		b.WriteString("(?:" + v.value + ")")
	} else {
		b.WriteString(regexp.QuoteMeta(v.value))
	}
	return nil
}

func matchingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func isWordChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordChar(s[i]) {
			return false
		}
	}
	return true
}

// lineEnd returns the offset of the newline ending the line holding pos
// (or len(s)).
func lineEnd(s string, pos int) int {
	if pos > len(s) {
		return len(s)
	}
	if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
		return pos + i
	}
	return len(s)
}

// lineOf returns the 1-based line number of offset pos.
func lineOf(s string, pos int) int {
	return strings.Count(s[:min(pos, len(s))], "\n") + 1
}
