package filetests

import (
	"errors"
	"fmt"
	"strings"

	"kiln/ir"
	"kiln/optimizing/isa"
	"kiln/optimizing/isa/amd64"
	"kiln/optimizing/isa/amd64/native"
)

// run.go registers `test run` for x86_64 targets on an x86_64 host: every
// function of the file is compiled by the optimizing tier and linked into
// one image with an array trampoline per function; each run line calls its
// function through the trampoline and compares the results bitwise.
// Execution uses amd64/native, a minimal in-process executor without trap
// handling (the runtests never trap on purpose); kiln/runtime's jit is
// internal to the runtime module. Other targets keep the placeholder's
// behaviour.
func init() {
	if native.Supported {
		Register("run", x64RunCommand{fallback: runPlaceholder{reason: "no optimizing tier for this target yet"}})
	}
}

type x64RunCommand struct{ fallback Command }

func (x64RunCommand) PerTarget() bool { return true }

func (r x64RunCommand) Run(ctx *Context) Outcome {
	if why := HostCannotRun(ctx.Target); why != "" {
		return Outcome{Skip: why}
	}
	if ctx.Target.Arch != "x86_64" {
		return r.fallback.Run(ctx)
	}
	var out Outcome
	if !ctx.VerifyAll(&out) {
		return out
	}
	var flags []string
	for _, s := range ctx.Target.Flags {
		flags = append(flags, s.Name+"="+s.Value)
	}
	parsed := ctx.File.Parsed
	funcs := make([]*ir.Function, len(parsed.Functions))
	for i, ff := range parsed.Functions {
		// Run tests exercise the whole optimizing tier: mid-end first.
		f, err := optimizeClone(ff.Func)
		if err != nil {
			out.Fail(ff.Line, "%s: optimize: %v", ff.Func.Name, err)
			return out
		}
		funcs[i] = f
	}
	prog, err := amd64.Link(funcs, amd64.ParseFlags(flags))
	if err != nil {
		out.Fail(parsed.Functions[0].Line, "link: %v", err)
		return out
	}
	defer prog.Close()
	var skipped []string
	ran := 0
	for fi, ff := range parsed.Functions {
		for _, c := range ff.Comments {
			rc, err := ir.ParseRunCommand(c.Text, &ff.Func.Signature)
			if err != nil {
				out.Fail(c.Line, "bad run command: %v", err)
				continue
			}
			if rc == nil {
				continue
			}
			// As upstream, a run line calls the function it is attached to;
			// the name it spells is not looked up.
			target := fi
			if err := prog.FuncErr(target); err != nil {
				if errors.Is(err, isa.ErrUnsupported) {
					skipped = append(skipped, fmt.Sprintf("%s: %v", funcs[target].Name, err))
					continue
				}
				out.Fail(c.Line, "%s: compile: %v", strings.TrimSpace(c.Text), err)
				continue
			}
			got, err := prog.Call(target, rc.Args)
			if err != nil {
				out.Fail(c.Line, "%s: %v", strings.TrimSpace(c.Text), err)
				continue
			}
			ran++
			if rc.Kind == ir.RunPrint {
				out.Output = append(out.Output, rc.String()+" -> "+formatValues(got))
				continue
			}
			if valuesEqual(got, rc.Expected) != (rc.Cmp == ir.CmpEq) {
				out.Fail(c.Line, "Failed test: %s, actual: %s", rc, formatValues(got))
			}
		}
	}
	if len(out.Failures) == 0 && len(skipped) > 0 {
		out.Skip = fmt.Sprintf("%d run lines use IR the x86_64 back end does not support (%d ran), first: %s", len(skipped), ran, skipped[0])
	}
	return out
}
