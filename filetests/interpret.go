package filetests

import (
	"errors"
	"strings"

	"kiln/ir"
	"kiln/ir/interp"
)

func init() { Register("interpret", interpretCommand{}) }

// interpretCommand runs `; run:` and `; print:` lines through the IR
// interpreter. As upstream, every function of the file is verified first,
// all functions go into one interpreter (so calls between them resolve by
// name), and each run line calls the function it names, with argument and
// result types taken from the signature of the function whose comments
// hold the line.
type interpretCommand struct{}

func (interpretCommand) PerTarget() bool { return false }

func (interpretCommand) Run(ctx *Context) Outcome {
	var out Outcome
	if !ctx.VerifyAll(&out) {
		return out
	}
	parsed := ctx.File.Parsed
	funcs := make([]*ir.Function, len(parsed.Functions))
	for i, ff := range parsed.Functions {
		funcs[i] = ff.Func
	}
	in := interp.New(funcs)
	for _, ff := range parsed.Functions {
		for _, c := range ff.Comments {
			rc, err := ir.ParseRunCommand(c.Text, &ff.Func.Signature)
			if err != nil {
				out.Fail(c.Line, "bad run command: %v", err)
				continue
			}
			if rc == nil {
				continue
			}
			name := rc.Name
			if name == "" { // the legacy bare `run` calls its own function
				name = ff.Func.Name.String()
			}
			got, err := in.Call(name, rc.Args)
			if err != nil {
				var trap *interp.Trap
				if errors.As(err, &trap) {
					out.Fail(c.Line, "%s: unexpected trap: %v", strings.TrimSpace(c.Text), err)
				} else {
					out.Fail(c.Line, "%s: %v", strings.TrimSpace(c.Text), err)
				}
				continue
			}
			if rc.Kind == ir.RunPrint {
				out.Output = append(out.Output, rc.String()+" -> "+formatValues(got))
				continue
			}
			equal := valuesEqual(got, rc.Expected)
			if equal != (rc.Cmp == ir.CmpEq) {
				out.Fail(c.Line, "Failed test: %s, actual: %s", rc, formatValues(got))
			}
		}
	}
	return out
}

// valuesEqual compares bitwise: NaN payloads and the sign of zero matter.
func valuesEqual(a, b []ir.DataValue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

func formatValues(vs []ir.DataValue) string {
	if len(vs) == 1 {
		return vs[0].String()
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
