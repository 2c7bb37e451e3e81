package filetests

import (
	"errors"
	"fmt"
	"strings"

	"kiln/encoder"
	"kiln/ir"
	"kiln/optimizing/isa"
)

// compile.go registers `test compile`: every function of the file is
// compiled by the optimizing tier for each target line. With
// precise-output the function's expectation comments must equal kiln's
// own listing: the VCode after register allocation, then the
// disassembly. Without it, filecheck directives (if any) are checked
// against the same text.
func init() { Register("compile", compileCommand{}) }

type compileCommand struct{}

func (compileCommand) PerTarget() bool { return true }

func (compileCommand) Run(ctx *Context) Outcome {
	var out Outcome
	if !ctx.VerifyAll(&out) {
		return out
	}
	var flags []string
	for _, s := range ctx.Target.Flags {
		flags = append(flags, s.Name+"="+s.Value)
	}
	be, err := isa.Lookup(ctx.Target.Arch, flags)
	if err != nil {
		return Outcome{Skip: err.Error()}
	}
	resolve := fileResolver(ctx.File.Parsed)
	optimize := optLevel(ctx.File.Parsed, ctx.Target) != "none"
	for fi, ff := range ctx.File.Parsed.Functions {
		f := ff.Func
		if optimize {
			// As in Cranelift, opt_level other than none runs the mid-end.
			g, err := optimizeClone(f)
			if err != nil {
				out.Fail(ff.Line, "%s: optimize: %v", ff.Func.Name, err)
				continue
			}
			f = g
		}
		text, err := CompileText(be, f, resolve)
		if errors.Is(err, isa.ErrUnsupported) {
			return Outcome{Skip: fmt.Sprintf("%s: %v", ff.Func.Name, err)}
		}
		if err != nil {
			out.Fail(ff.Line, "%s: compile: %v", ff.Func.Name, err)
			continue
		}
		if want := ctx.File.Expectation(fi); ctx.HasOption("precise-output") && !ctx.Options.Bless &&
			len(want) > 0 && want[0] != listingHeader {
			// Upstream expectations are Cranelift's listings with its
			// register choices; kiln's are its own by design.
			return Outcome{Skip: "precise-output expectation is not a kiln listing (Cranelift's)"}
		}
		if ctx.HasOption("precise-output") {
			ctx.PreciseOutput(&out, fi, text)
		} else {
			ctx.Filecheck(&out, fi, text)
		}
	}
	return out
}

// CompileText compiles f and renders kiln's listing of it: the VCode after
// register allocation, a blank line, and the disassembly.
func CompileText(be isa.Backend, f *ir.Function, resolve func(ir.Name) (encoder.Symbol, bool)) (string, error) {
	c, err := be.Compile(f, resolve)
	if err != nil {
		return "", err
	}
	dis, err := be.Disassemble(c.Code)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	sb.WriteString(listingHeader + "\n")
	sb.WriteString(c.VCode)
	sb.WriteString("\nDisassembled:\n")
	sb.WriteString(dis)
	return sb.String(), nil
}

// fileResolver resolves calls to functions of the same file (testcase
// names) to SymFunc by their index in the file, and user names uN:M to
// SymFunc M.
func fileResolver(f *ir.File) func(ir.Name) (encoder.Symbol, bool) {
	index := map[string]int{}
	for i, ff := range f.Functions {
		index[ff.Func.Name.String()] = i
	}
	return func(n ir.Name) (encoder.Symbol, bool) {
		if n.Kind == ir.NameUser {
			return encoder.Symbol{Kind: encoder.SymFunc, Index: n.Index}, true
		}
		if i, ok := index[n.String()]; ok {
			return encoder.Symbol{Kind: encoder.SymFunc, Index: uint32(i)}, true
		}
		return encoder.Symbol{}, false
	}
}

// listingHeader starts every kiln compile listing.
const listingHeader = "kiln VCode:"
