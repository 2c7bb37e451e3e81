// Command rulegen compiles the mid-end's rewrite rules (optimizing/rules/
// *.rules) into Go: one file X_gen.go per X.rules, with one function per
// root opcode and an init that registers them in rule order. It is run by
// `go generate` in optimizing/rules.
//
// # The rules language
//
// One rule per line (indented lines continue the previous one); `//`
// starts a comment. A rule is
//
//	MATCH [&& GUARD] => RESULT [:subsume]
//
// MATCH is an s-expression (op [<t>] [{cc}] [[k]] ARG...): the opcode by
// its CLIF name; <t> binds (or, if already bound, checks) the controlling
// type; {cc} binds the condition code of icmp, or checks it when it is a
// condition name (eq, ult, ...); [k] binds the immediate (iconst values
// are zero-extended from the type's width, type uint64), or checks it
// when it is a number. Each ARG is a variable (binds the argument's class;
// a variable used twice requires the same class), `_`, a nested pattern,
// or name:pattern. A nested pattern is tried against every member of the
// argument's class.
//
// GUARD is a Go boolean expression over the bound names and the helpers of
// package rules. RESULT is a bound class variable or an s-expression
// (op [<T>] [{C}] [[I]] ARG...) whose <T> is a type variable, a type name
// or a Go expression of type ir.Type
// (default: the root's controlling type for opcodes typed by their
// result, the first argument's type for the rest), {C} and [I] are Go
// expressions, and ARGs are results. `:subsume` marks a result that is
// always better than the matched node: the node is dropped from its class.
//
// First match in file order comes first; every rule of a root opcode runs
// until the match limit is reached, and generated code names its source
// line.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"kiln/ir"
)

func main() {
	dir := flag.String("dir", ".", "directory holding *.rules")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*dir, "*.rules"))
	if err != nil || len(files) == 0 {
		fatalf("no .rules files in %s", *dir)
	}
	sort.Strings(files)
	total := 0
	for _, path := range files {
		rules, err := parseFile(path)
		if err != nil {
			fatalf("%v", err)
		}
		total += len(rules)
		src, err := generate(filepath.Base(path), rules)
		if err != nil {
			fatalf("%s: %v", path, err)
		}
		out := strings.TrimSuffix(path, ".rules") + "_gen.go"
		if err := os.WriteFile(out, src, 0o644); err != nil {
			fatalf("%v", err)
		}
	}
	fmt.Fprintf(os.Stderr, "rulegen: %d rules from %d files\n", total, len(files))
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "rulegen: "+format+"\n", args...)
	os.Exit(1)
}

// rule is one parsed rule.
type rule struct {
	file    string
	line    int
	match   *sexpr
	guard   string
	result  *sexpr // nil when the result is a variable
	resVar  string
	subsume bool
	text    string
}

// sexpr is a pattern or a result expression.
type sexpr struct {
	op   string
	typ  string // <...> contents
	code string // {...}
	imm  string // [...]
	args []*sarg
}

type sarg struct {
	name string // variable, "_" or binding name of sub
	sub  *sexpr
}

func parseFile(path string) ([]*rule, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rules []*rule
	var cur strings.Builder
	curLine := 0
	flush := func() error {
		text := strings.TrimSpace(cur.String())
		cur.Reset()
		if text == "" {
			return nil
		}
		r, err := parseRule(text)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", filepath.Base(path), curLine, err)
		}
		r.file, r.line, r.text = filepath.Base(path), curLine, text
		rules = append(rules, r)
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			if err := flush(); err != nil {
				return nil, err
			}
			curLine = n
		}
		cur.WriteString(" " + strings.TrimSpace(line))
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return rules, nil
}

func parseRule(text string) (*rule, error) {
	r := &rule{}
	lhs, rhs, ok := strings.Cut(text, "=>")
	if !ok {
		return nil, fmt.Errorf("rule without =>")
	}
	rhs = strings.TrimSpace(rhs)
	if s, ok := strings.CutSuffix(rhs, ":subsume"); ok {
		r.subsume, rhs = true, strings.TrimSpace(s)
	}
	p := &parser{s: strings.TrimSpace(lhs)}
	m, err := p.sexpr(false)
	if err != nil {
		return nil, fmt.Errorf("match: %v", err)
	}
	r.match = m
	rest := strings.TrimSpace(p.s[p.i:])
	if rest != "" {
		g, ok := strings.CutPrefix(rest, "&&")
		if !ok {
			return nil, fmt.Errorf("unexpected %q after match", rest)
		}
		r.guard = strings.TrimSpace(g)
	}
	if strings.HasPrefix(rhs, "(") {
		q := &parser{s: rhs}
		res, err := q.sexpr(true)
		if err != nil {
			return nil, fmt.Errorf("result: %v", err)
		}
		if strings.TrimSpace(q.s[q.i:]) != "" {
			return nil, fmt.Errorf("unexpected %q after result", q.s[q.i:])
		}
		r.result = res
	} else {
		if !isIdent(rhs) {
			return nil, fmt.Errorf("result %q is neither a variable nor an s-expression", rhs)
		}
		r.resVar = rhs
	}
	return r, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) skip() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

// bracketed reads a balanced <...>, {...} or [...] and returns its inside.
func (p *parser) bracketed(open, close byte) (string, error) {
	depth := 0
	start := p.i
	for ; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				p.i++
				return strings.TrimSpace(p.s[start+1 : p.i-1]), nil
			}
		}
	}
	return "", fmt.Errorf("unbalanced %c", open)
}

func (p *parser) ident() string {
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] == '_' || unicode.IsLetter(rune(p.s[p.i])) || unicode.IsDigit(rune(p.s[p.i]))) {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *parser) sexpr(result bool) (*sexpr, error) {
	p.skip()
	if p.i >= len(p.s) || p.s[p.i] != '(' {
		return nil, fmt.Errorf("expected ( at %q", p.s[p.i:])
	}
	p.i++
	p.skip()
	e := &sexpr{op: p.ident()}
	if e.op == "" {
		return nil, fmt.Errorf("expected opcode at %q", p.s[p.i:])
	}
	if _, ok := ir.LookupOpcode(e.op); !ok {
		return nil, fmt.Errorf("unknown opcode %q", e.op)
	}
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, fmt.Errorf("unterminated (%s", e.op)
		}
		var err error
		switch c := p.s[p.i]; c {
		case ')':
			p.i++
			return e, nil
		case '<':
			e.typ, err = p.bracketed('<', '>')
		case '{':
			e.code, err = p.bracketed('{', '}')
		case '[':
			e.imm, err = p.bracketed('[', ']')
		case '(':
			var sub *sexpr
			sub, err = p.sexpr(result)
			e.args = append(e.args, &sarg{sub: sub})
		default:
			name := p.ident()
			if name == "" {
				return nil, fmt.Errorf("unexpected %q", p.s[p.i:])
			}
			if p.i < len(p.s) && p.s[p.i] == ':' {
				p.i++
				var sub *sexpr
				sub, err = p.sexpr(result)
				e.args = append(e.args, &sarg{name: name, sub: sub})
			} else {
				e.args = append(e.args, &sarg{name: name})
			}
		}
		if err != nil {
			return nil, err
		}
	}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// goOpName is the Go constant of a CLIF opcode: iadd_pairwise → ir.OpIaddPairwise.
func goOpName(op string) string {
	var b strings.Builder
	b.WriteString("ir.Op")
	for _, part := range strings.Split(op, "_") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

var typeNames = map[string]string{
	"i8": "ir.I8", "i16": "ir.I16", "i32": "ir.I32", "i64": "ir.I64", "i128": "ir.I128",
	"f32": "ir.F32", "f64": "ir.F64",
}

func ccName(s string) (string, bool) {
	c, ok := ir.ParseIntCC(s)
	if !ok {
		return "", false
	}
	return "ir.Int" + strings.ToUpper(c.String()), true
}

// --- code generation ---

type gen struct {
	buf   bytes.Buffer
	open  int // braces opened for the current rule
	bound map[string]bool
	tmp   int
}

func (g *gen) p(format string, args ...any) { fmt.Fprintf(&g.buf, format+"\n", args...) }

func (g *gen) fresh(prefix string) string {
	g.tmp++
	return fmt.Sprintf("%s%d", prefix, g.tmp)
}

func (g *gen) cond(c string) {
	g.p("if %s {", c)
	g.open++
}

// bindOrCheck binds name to expr, or requires equality if name is bound.
func (g *gen) bindOrCheck(name, expr string) {
	if name == "_" {
		return
	}
	if g.bound[name] {
		g.cond(name + " == " + expr)
		return
	}
	g.bound[name] = true
	g.p("%s := %s", name, expr)
	g.p("_ = %s", name)
}

func (g *gen) match(e *sexpr, node string, root bool) error {
	if !root {
		// The graph only holds nodes with their opcode's number of
		// arguments, so the count needs a test only where it varies.
		if mustOp(e.op).Format().FixedArgs() == len(e.args) {
			g.cond(fmt.Sprintf("g.Op(%s) == %s", node, goOpName(e.op)))
		} else {
			g.cond(fmt.Sprintf("g.Op(%s) == %s && g.NumArgs(%s) == %d", node, goOpName(e.op), node, len(e.args)))
		}
	}
	if e.typ != "" {
		if t, ok := typeNames[e.typ]; ok {
			g.cond(fmt.Sprintf("g.Type(%s) == %s", node, t))
		} else {
			g.bindOrCheck(e.typ, fmt.Sprintf("g.Type(%s)", node))
		}
	}
	if e.code != "" {
		if c, ok := ccName(e.code); ok {
			g.cond(fmt.Sprintf("g.IntCC(%s) == %s", node, c))
		} else {
			g.bindOrCheck(e.code, fmt.Sprintf("g.IntCC(%s)", node))
		}
	}
	if e.imm != "" {
		if _, err := strconv.ParseUint(e.imm, 0, 64); err == nil {
			g.cond(fmt.Sprintf("g.Imm(%s) == %s", node, e.imm))
		} else if isIdent(e.imm) {
			g.bindOrCheck(e.imm, fmt.Sprintf("g.Imm(%s)", node))
		} else {
			return fmt.Errorf("immediate pattern %q is neither a number nor a name", e.imm)
		}
	}
	for i, a := range e.args {
		argExpr := fmt.Sprintf("g.Arg(%s, %d)", node, i)
		if a.sub == nil {
			g.bindOrCheck(a.name, argExpr)
			continue
		}
		cls := g.fresh("c")
		g.p("%s := %s", cls, argExpr)
		if a.name != "" {
			g.bindOrCheck(a.name, cls)
		}
		// The class's opcode filter skips most classes without a look
		// at their members.
		g.cond(fmt.Sprintf("g.Has(%s, %s)", cls, goOpName(a.sub.op)))
		m := g.fresh("m")
		g.p("for _, %s := range g.Members(%s) {", m, cls)
		g.open++
		if err := g.match(a.sub, m, false); err != nil {
			return err
		}
	}
	return nil
}

// result renders a result expression; rootType names the root's
// controlling type.
func (g *gen) result(e *sexpr, rootType string) (string, error) {
	op, _ := ir.LookupOpcode(e.op)
	info := op.Info()
	typ := "ir.Invalid"
	switch {
	case e.typ != "":
		if t, ok := typeNames[e.typ]; ok {
			typ = t
		} else {
			if isIdent(e.typ) && !g.bound[e.typ] {
				return "", fmt.Errorf("unbound type %q", e.typ)
			}
			typ = e.typ // a bound type variable or a Go expression
		}
	case info.Ctrl == ir.CtrlSuffix:
		typ = rootType
	}
	var args []string
	for _, a := range e.args {
		if a.sub != nil {
			s, err := g.result(a.sub, rootType)
			if err != nil {
				return "", err
			}
			args = append(args, s)
			continue
		}
		if !g.bound[a.name] {
			return "", fmt.Errorf("unbound variable %q", a.name)
		}
		args = append(args, a.name)
	}
	if want := info.Format.FixedArgs(); want >= 0 && want != len(args) {
		return "", fmt.Errorf("%s takes %d arguments, result gives %d", e.op, want, len(args))
	}
	if e.op == "iconst" {
		if e.imm == "" {
			return "", fmt.Errorf("iconst result without [value]")
		}
		return fmt.Sprintf("g.Iconst(%s, uint64(%s))", typ, e.imm), nil
	}
	code := "0"
	if e.code != "" {
		if c, ok := ccName(e.code); ok {
			code = "uint8(" + c + ")"
		} else {
			code = "uint8(" + e.code + ")"
		}
	}
	imm := "0"
	if e.imm != "" {
		imm = "int64(" + e.imm + ")"
	}
	all := append([]string{goOpName(e.op), typ, code, imm}, args...)
	return "g.Make(" + strings.Join(all, ", ") + ")", nil
}

func generate(file string, rules []*rule) ([]byte, error) {
	byOp := map[string][]*rule{}
	var ops []string
	for _, r := range rules {
		if byOp[r.match.op] == nil {
			ops = append(ops, r.match.op)
		}
		byOp[r.match.op] = append(byOp[r.match.op], r)
	}
	base := strings.TrimSuffix(file, ".rules")
	g := &gen{}
	g.p("// Code generated by tools/rulegen from rules/%s; DO NOT EDIT.", file)
	g.p("")
	g.p("package rules")
	g.p("")
	g.p("import (")
	g.p("\t\"kiln/ir\"")
	g.p("\t\"kiln/optimizing/egraph\"")
	g.p(")")
	g.p("")
	g.p("func init() {")
	for _, op := range ops {
		g.p("register(%s, %s)", goOpName(op), funcName(base, op))
	}
	g.p("}")
	for _, op := range ops {
		g.p("")
		g.p("func %s(g *egraph.Graph, root egraph.Node) {", funcName(base, op))
		for _, r := range byOp[op] {
			g.bound = map[string]bool{}
			g.open = 0
			g.p("// %s:%d: %s", r.file, r.line, r.text)
			g.p("{")
			if err := g.match(r.match, "root", true); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", r.file, r.line, err)
			}
			if len(r.match.args) != ir.Opcode(mustOp(op)).Format().FixedArgs() {
				return nil, fmt.Errorf("%s:%d: %s takes %d arguments, pattern has %d", r.file, r.line, op,
					ir.Opcode(mustOp(op)).Format().FixedArgs(), len(r.match.args))
			}
			if r.guard != "" {
				g.cond(r.guard)
			}
			rootType := "g.Type(root)"
			var res string
			if r.result != nil {
				var err error
				res, err = g.result(r.result, rootType)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", r.file, r.line, err)
				}
			} else {
				if !g.bound[r.resVar] {
					return nil, fmt.Errorf("%s:%d: unbound result %q", r.file, r.line, r.resVar)
				}
				res = r.resVar
			}
			emit := "Emit"
			if r.subsume {
				emit = "Subsume"
			}
			g.p("if g.%s(%s, %q) {", emit, res, fmt.Sprintf("%s:%d", r.file, r.line))
			g.p("return")
			g.p("}")
			for ; g.open > 0; g.open-- {
				g.p("}")
			}
			g.p("}")
		}
		g.p("}")
	}
	src, err := format.Source(g.buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse: %v\n%s", err, g.buf.String())
	}
	return src, nil
}

func mustOp(op string) ir.Opcode {
	o, _ := ir.LookupOpcode(op)
	return o
}

func funcName(base, op string) string {
	return "rewrite" + strings.TrimPrefix(goOpName(base), "ir.Op") + strings.TrimPrefix(goOpName(op), "ir.Op")
}
