package verify

import (
	"fmt"

	"kiln/ir"
	"kiln/ir/flow"
)

// Options describe what the verifier may assume about the target.
type Options struct {
	// PointerType is the target's address type (ir.I32 or ir.I64).
	// ir.Invalid means "no target": the checks that need one (pointer
	// widths, global value types) are skipped, as Cranelift skips them
	// without an ISA.
	PointerType ir.Type
}

// Function verifies f without target knowledge. It returns nil, or an
// Errors value listing every problem found.
func Function(f *ir.Function) error {
	if es := Check(f, Options{}); len(es) > 0 {
		return es
	}
	return nil
}

// Check verifies f and returns every problem found (nil when f is well
// formed). Like Cranelift's verifier it stops at the first structural
// ("fatal") problem after which further checks would only report
// consequences of it; type errors never stop it.
func Check(f *ir.Function, opts Options) Errors {
	v := &verifier{f: f, opts: opts}
	v.run()
	return v.errs
}

type verifier struct {
	f     *ir.Function
	opts  Options
	errs  Errors
	cfg   *flow.CFG
	dom   *flow.DomTree
	order *flow.InstOrder
	entry ir.Block
}

// errFatal unwinds a run after a structural error: the checks that find
// one are nested several calls deep, and whatever would be checked after
// it would mostly report its consequences. The panic never leaves Check
// (run recovers it); any other panic is re-raised.
type errFatal struct{}

func (v *verifier) report(loc Location, format string, args ...any) {
	v.errs = append(v.errs, &Error{Location: loc, Message: fmt.Sprintf(format, args...)})
}

func (v *verifier) reportInst(inst ir.Inst, format string, args ...any) {
	v.errs = append(v.errs, &Error{Location: InstLoc(inst), Context: instText(v.f, inst), Message: fmt.Sprintf(format, args...)})
}

func (v *verifier) fatal(loc Location, format string, args ...any) {
	v.report(loc, format, args...)
	panic(errFatal{})
}

func (v *verifier) fatalInst(inst ir.Inst, format string, args ...any) {
	v.reportInst(inst, format, args...)
	panic(errFatal{})
}

// stopIfErrors ends the run after a phase that found problems, so
// instruction checks never run on a function whose declarations are broken.
func (v *verifier) stopIfErrors() {
	if len(v.errs) > 0 {
		panic(errFatal{})
	}
}

func (v *verifier) run() {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(errFatal); !ok {
				panic(r)
			}
		}
	}()
	f := v.f
	v.cfg = flow.NewCFG(f)
	v.dom = flow.NewDomTree(f, v.cfg)
	v.order = flow.NewInstOrder(f)
	v.entry = f.Layout.EntryBlock()

	v.globalValues()
	v.aliasRegions()
	v.entryBlock()
	v.signatures()
	v.stopIfErrors()

	for b := range f.Layout.Blocks() {
		if f.Layout.FirstInst(b) == ir.NoInst {
			v.fatal(BlockLoc(b), "%s cannot be empty", b)
		}
		v.blockParams(b)
		for inst := range f.Layout.BlockInsts(b) {
			v.blockIntegrity(b, inst)
			v.instIntegrity(inst)
			v.typecheck(inst)
			v.immediates(inst)
		}
	}
}
