package ir

import (
	"fmt"
	"strings"
)

// RunKind tells a `run` command from a `print` command.
type RunKind uint8

const (
	RunCheck RunKind = iota // run: compare the results
	RunPrint                // print: only print the results
)

// Comparison is how a run command compares actual with expected results.
type Comparison uint8

const (
	CmpNone Comparison = iota // print commands
	CmpEq
	CmpNe
)

func (c Comparison) String() string {
	switch c {
	case CmpEq:
		return "=="
	case CmpNe:
		return "!="
	}
	return ""
}

// RunCommand is a parsed `; run:` or `; print:` comment.
type RunCommand struct {
	Kind     RunKind
	Name     string // function name without '%'; "" for the legacy bare `run`
	Args     []DataValue
	Cmp      Comparison
	Expected []DataValue
}

// String writes the command back in run-line syntax.
func (rc *RunCommand) String() string {
	var b strings.Builder
	if rc.Kind == RunPrint {
		b.WriteString("print: ")
	} else if rc.Name == "" {
		return "run"
	} else {
		b.WriteString("run: ")
	}
	args := make([]string, len(rc.Args))
	for i, a := range rc.Args {
		args[i] = a.String()
	}
	fmt.Fprintf(&b, "%%%s(%s)", rc.Name, strings.Join(args, ", "))
	if rc.Kind == RunPrint {
		return b.String()
	}
	b.WriteString(" " + rc.Cmp.String() + " ")
	if len(rc.Expected) == 1 {
		b.WriteString(rc.Expected[0].String())
	} else {
		exp := make([]string, len(rc.Expected))
		for i, e := range rc.Expected {
			exp[i] = e.String()
		}
		b.WriteString("[" + strings.Join(exp, ", ") + "]")
	}
	return b.String()
}

// ParseRunCommand parses the text of a comment (with or without its
// leading ';'s) as a run command, typing arguments and expected values by
// sig. It returns nil, nil when the comment is not a run or print command.
//
// Forms: `run: %f(a, b) == x`, `run: %f(a)` (no results), `run: %f() != x`, `run: %f() == [x, y]` (several
// results), `print: %f(a)`, and the legacy bare `run` for `() -> iN`
// functions, meaning the result is != 0.
func ParseRunCommand(comment string, sig *Signature) (*RunCommand, error) {
	text := strings.TrimLeft(comment, " \t;")
	word, rest, _ := strings.Cut(text, ":")
	word = strings.TrimSpace(word)
	var kind RunKind
	switch {
	case word == "run" && strings.Contains(text, ":"):
		kind = RunCheck
	case word == "print" && strings.Contains(text, ":"):
		kind = RunPrint
	case strings.TrimSpace(text) == "run":
		if len(sig.Params) != 0 || len(sig.Returns) != 1 || !sig.Returns[0].Type.IsInt() || sig.Returns[0].Type.IsVector() {
			return nil, fmt.Errorf("bare 'run' needs a function of type () -> iN, not %s", sig)
		}
		return &RunCommand{Kind: RunCheck, Cmp: CmpNe, Expected: []DataValue{DataInt(sig.Returns[0].Type, 0)}}, nil
	default:
		return nil, nil
	}
	toks, _ := lex([]byte(rest))
	p := &parser{file: "run command", toks: toks}
	rc := &RunCommand{Kind: kind}
	if p.tok().kind != tName {
		return nil, p.expected("function name '%name'")
	}
	rc.Name = p.next().text
	if err := p.expect("("); err != nil {
		return nil, err
	}
	for i, param := range sig.Params {
		if i > 0 {
			if err := p.expect(","); err != nil {
				return nil, err
			}
		}
		v, err := p.dataValue(param.Type)
		if err != nil {
			return nil, err
		}
		rc.Args = append(rc.Args, v)
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	if kind == RunPrint {
		if p.tok().kind != tEOF {
			return nil, p.expected("end of print command")
		}
		return rc, nil
	}
	switch {
	case p.tok().kind == tEOF && len(sig.Returns) == 0:
		// `run: %f(args)` for a function without results: it must not trap.
		rc.Cmp = CmpEq
		return rc, nil
	case p.isPunct("=") && p.peek().kind == tPunct && p.peek().text == "=":
		rc.Cmp = CmpEq
	case p.isPunct("!") && p.peek().kind == tPunct && p.peek().text == "=":
		rc.Cmp = CmpNe
	default:
		return nil, p.expected("'==' or '!='")
	}
	p.next()
	p.next()
	if len(sig.Returns) == 1 {
		v, err := p.dataValue(sig.Returns[0].Type)
		if err != nil {
			return nil, err
		}
		rc.Expected = []DataValue{v}
	} else {
		if err := p.expect("["); err != nil {
			return nil, err
		}
		for i, r := range sig.Returns {
			if i > 0 {
				if err := p.expect(","); err != nil {
					return nil, err
				}
			}
			v, err := p.dataValue(r.Type)
			if err != nil {
				return nil, err
			}
			rc.Expected = append(rc.Expected, v)
		}
		if err := p.expect("]"); err != nil {
			return nil, err
		}
	}
	if p.tok().kind != tEOF {
		return nil, p.expected("end of run command")
	}
	return rc, nil
}

// ParseDataValue parses one value of type ty in run-line syntax.
func ParseDataValue(text string, ty Type) (DataValue, error) {
	toks, _ := lex([]byte(text))
	p := &parser{file: "value", toks: toks}
	v, err := p.dataValue(ty)
	if err != nil {
		return DataValue{}, err
	}
	if p.tok().kind != tEOF {
		return DataValue{}, p.expected("end of value")
	}
	return v, nil
}

func (p *parser) dataValue(ty Type) (DataValue, error) {
	switch {
	case ty.IsVector():
		b, err := p.constantBytes(ty)
		if err != nil {
			return DataValue{}, err
		}
		return DataFromBytes(ty, b), nil
	case ty.IsFloat():
		lo, hi, err := p.float(ty.Bits())
		return DataValue{Ty: ty, Lo: lo, Hi: hi}, err
	case ty.IsInt():
		t := p.tok()
		if t.kind == tNum {
			if lo, hi, ok := intBits(t.text, ty.Bits()); ok {
				p.next()
				return DataValue{Ty: ty, Lo: lo, Hi: hi}, nil
			}
		}
		return DataValue{}, p.expected(ty.String() + " value")
	}
	return DataValue{}, p.errAt(p.tok(), "values of type %s are not supported", ty)
}
