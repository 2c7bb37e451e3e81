package filetests

import (
	"kiln/ir"
	"kiln/ir/verify"
	"kiln/optimizing"
)

// optimize.go registers `test optimize`: every function of the file is
// run through the optimizing tier's mid-end (kiln/optimizing.Optimize,
// with the verifier after every pass) for each target line, and the
// printed result is compared with the function's precise-output
// expectation. Every function is optimized and verified even when the
// expectations are Cranelift's (upstream files), which are then skipped:
// they name Cranelift's value numbers.
func init() { Register("optimize", optimizeCommand{}) }

type optimizeCommand struct{}

func (optimizeCommand) PerTarget() bool { return true }

func (optimizeCommand) Run(ctx *Context) Outcome {
	var out Outcome
	if !ctx.VerifyAll(&out) {
		return out
	}
	skip := ""
	for fi, ff := range ctx.File.Parsed.Functions {
		f, err := optimizeClone(ff.Func)
		if err != nil {
			out.Fail(ff.Line, "%s: optimize: %v", ff.Func.Name, err)
			continue
		}
		text := optimizeHeader + "\n" + f.String()
		switch {
		case ctx.HasOption("precise-output"):
			if want := ctx.File.Expectation(fi); !ctx.Options.Bless && len(want) > 0 && want[0] != optimizeHeader {
				// Upstream expectations are Cranelift's output, with its
				// value numbers and rule set; kiln's are its own.
				skip = "precise-output expectation is not a kiln listing (Cranelift's)"
				continue
			}
			ctx.PreciseOutput(&out, fi, text)
		case !ctx.File.Checker(fi).Empty():
			// Upstream filecheck directives name Cranelift's value numbers.
			skip = "filecheck directives are written against Cranelift's value numbering"
		}
	}
	if len(out.Failures) == 0 && skip != "" {
		out.Skip = skip
	}
	return out
}

// optimizeHeader starts every kiln `test optimize` listing, so kiln's own
// expectations are told apart from Cranelift's.
const optimizeHeader = "kiln mid-end output:"

// optimizeClone returns an optimized copy of f, verified after every pass.
func optimizeClone(f *ir.Function) (*ir.Function, error) {
	g := f.Clone()
	_, err := optimizing.Optimize(g, optimizing.Options{Verify: verify.Function})
	return g, err
}

// optLevel is the opt_level setting in force for target t: the file's
// `set` lines, then the target line's own settings; "none" when unset, as
// in Cranelift.
func optLevel(f *ir.File, t *ir.Target) string {
	level := "none"
	for _, s := range f.Settings {
		if s.Name == "opt_level" {
			level = s.Value
		}
	}
	if t != nil {
		for _, s := range t.Settings {
			if s.Name == "opt_level" {
				level = s.Value
			}
		}
	}
	return level
}
