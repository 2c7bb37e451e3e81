package verify

import (
	"fmt"
	"strings"

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

// errFatal stops the run: later checks would mostly repeat it.
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

// --- preamble ---

// gvType is the type a global value produces; Invalid if unknown.
func (v *verifier) gvType(gv ir.GlobalValue) ir.Type {
	d := &v.f.GlobalValues[gv]
	switch d.Kind {
	case ir.GVLoad, ir.GVIAddImm:
		return d.Type
	case ir.GVVMContext, ir.GVSymbol, ir.GVDynScaleTargetConst:
		return v.opts.PointerType
	}
	return ir.Invalid
}

func (v *verifier) gvValid(gv ir.GlobalValue) bool {
	return gv >= 0 && int(gv) < len(v.f.GlobalValues) && v.f.GlobalValues[gv].Kind != ir.GVNone
}

func (v *verifier) globalValues() {
	f := v.f
	cycleSeen := false
	for i := range f.GlobalValues {
		gv := ir.GlobalValue(i)
		d := &f.GlobalValues[gv]
		if d.Kind == ir.GVNone {
			continue
		}
		// Follow base links; a repeat is a cycle.
		seen := []ir.GlobalValue{gv}
		cyclic := false
		for cur := gv; ; {
			cd := &f.GlobalValues[cur]
			if cd.Kind != ir.GVLoad && cd.Kind != ir.GVIAddImm {
				break
			}
			base := cd.Base
			if !v.gvValid(base) {
				v.report(GlobalValueLoc(cur), "invalid base global value %s", base)
				cyclic = true // stop checking this chain
				break
			}
			if containsGV(seen, base) {
				if !cycleSeen {
					names := make([]string, len(seen))
					for i, s := range seen {
						names[i] = s.String()
					}
					v.report(GlobalValueLoc(gv), "global value cycle: [%s]", strings.Join(names, ", "))
					cycleSeen = true
				}
				cyclic = true
				break
			}
			seen = append(seen, base)
			cur = base
		}
		if cyclic {
			continue
		}
		switch d.Kind {
		case ir.GVVMContext:
			if f.Signature.SpecialParam(ir.PurposeVMContext) < 0 {
				v.report(GlobalValueLoc(gv), "undeclared vmctx reference %s", gv)
			}
		case ir.GVIAddImm:
			if !d.Type.IsInt() || d.Type.IsVector() {
				v.report(GlobalValueLoc(gv), "iadd_imm global value with non-int type %s", d.Type)
			} else if bt := v.gvType(d.Base); v.opts.PointerType != ir.Invalid && bt != d.Type {
				v.report(GlobalValueLoc(gv), "iadd_imm type %s differs from operand type %s", d.Type, bt)
			}
		case ir.GVLoad:
			if pt := v.opts.PointerType; pt != ir.Invalid {
				if bt := v.gvType(d.Base); bt != pt {
					v.report(GlobalValueLoc(gv), "base %s has type %s, which is not the pointer type %s", d.Base, bt, pt)
				}
			}
		}
	}
	if f.StackLimit != ir.NoGlobalValue && !v.gvValid(f.StackLimit) {
		v.report(FunctionLoc(), "stack_limit refers to undefined global value %s", f.StackLimit)
	}
}

func containsGV(s []ir.GlobalValue, g ir.GlobalValue) bool {
	for _, x := range s {
		if x == g {
			return true
		}
	}
	return false
}

func (v *verifier) aliasRegions() {
	seen := map[uint32]bool{}
	for i, r := range v.f.AliasRegions {
		if !r.Declared {
			continue
		}
		if seen[r.UserID] {
			v.report(AliasRegionLoc(ir.AliasRegion(i)), "duplicate alias region user_id %d", r.UserID)
		}
		seen[r.UserID] = true
	}
}

func (v *verifier) entryBlock() {
	f := v.f
	if v.entry == ir.NoBlock {
		return
	}
	params := f.DFG.BlockParams(v.entry)
	want := f.Signature.Params
	if len(params) != len(want) {
		v.fatal(BlockLoc(v.entry), "entry block parameters (%d) must match function signature (%d)", len(params), len(want))
	}
	for i, p := range params {
		if t := f.DFG.ValueType(p); t != want[i].Type {
			v.report(BlockLoc(v.entry), "entry block parameter %d expected to have type %s, got %s", i, want[i], t)
		}
	}
	v.stopIfErrors()
	if f.Layout.IsCold(v.entry) {
		v.fatal(BlockLoc(v.entry), "entry block cannot be marked as cold")
	}
}

var extNames = [...]string{ir.ExtNone: "None", ir.ExtUext: "Uext", ir.ExtSext: "Sext"}

// signatures checks the function's signature and every declared one.
// Problems in a signature that only an external function uses are
// reported at that function (`fn0 = %g() -> ...` declares both at once).
func (v *verifier) signatures() {
	f := v.f
	v.signature(&f.Signature, FunctionLoc())
	for i := range f.Signatures {
		s := &f.Signatures[i]
		if s.CallConv == ir.CallConvUnset {
			continue
		}
		loc := SigRefLoc(ir.SigRef(i))
		for j, fn := range f.ExtFuncs {
			if fn.Name.Kind != ir.NameNone && fn.Sig == ir.SigRef(i) {
				loc = FuncRefLoc(ir.FuncRef(j))
				break
			}
		}
		v.signature(s, loc)
	}
	for j, fn := range f.ExtFuncs {
		if fn.Name.Kind == ir.NameNone {
			continue
		}
		if fn.Sig < 0 || int(fn.Sig) >= len(f.Signatures) || f.Signatures[fn.Sig].CallConv == ir.CallConvUnset {
			v.report(FuncRefLoc(ir.FuncRef(j)), "invalid signature reference %s", fn.Sig)
		}
	}
}

func (v *verifier) signature(s *ir.Signature, loc Location) {
	check := func(item string, ps []ir.AbiParam, isReturn bool) {
		for i, p := range ps {
			if p.Type == ir.Invalid {
				v.report(loc, "%s at position %d has an invalid type", item, i)
			}
			if isReturn && p.Purpose == ir.PurposeStructArgument {
				v.report(loc, "%s at position %d can't be an struct argument", item, i)
			}
			if p.Ext != ir.ExtNone && (!p.Type.IsInt() || p.Type.IsVector()) {
				v.report(loc, "%s at position %d has invalid extension %s", item, i, extNames[p.Ext])
			}
		}
	}
	check("Parameter", s.Params, false)
	check("Return value", s.Returns, true)
	if s.CallConv == ir.CallConvPreserveAll && len(s.Returns) > 0 {
		v.report(loc, "Signature with `preserve_all` ABI cannot have return values")
	}
}

// --- blocks ---

func (v *verifier) blockParams(b ir.Block) {
	for i, p := range v.f.DFG.BlockParams(b) {
		def := v.f.DFG.Def(p)
		if def.Kind != ir.DefParam || def.Block != b || def.Num != i {
			v.fatal(ValueLoc(p), "does not belong to %s", b)
		}
	}
}

func (v *verifier) blockIntegrity(b ir.Block, inst ir.Inst) {
	isTerm := v.f.DFG.Insts[inst].Opcode.IsTerminator()
	isLast := v.f.Layout.LastInst(b) == inst
	if isTerm && !isLast {
		v.fatalInst(inst, "a terminator instruction was encountered before the end of %s", b)
	}
	if isLast && !isTerm {
		v.fatal(BlockLoc(b), "block does not end in a terminator instruction")
	}
}

// --- instructions: structure and references ---

func (v *verifier) instIntegrity(inst ir.Inst) {
	f := v.f
	d := &f.DFG.Insts[inst]
	op := d.Opcode
	if op == ir.OpInvalid || int(op) >= ir.NumOpcodes {
		v.fatalInst(inst, "invalid opcode %d", op)
	}
	args := f.DFG.Args(inst)
	if n := op.Format().FixedArgs(); n >= 0 && len(args) != n {
		v.fatalInst(inst, "expected %d value arguments, found %d", n, len(args))
	}
	v.entityRefs(inst, d)
	for _, a := range args {
		v.useValue(inst, a)
	}
	if op.IsBranch() {
		for _, bc := range f.DFG.BlockCalls(inst) {
			for _, a := range f.DFG.BlockCallArgs(bc) {
				if a.Kind() == ir.ArgValue {
					v.useValue(inst, a.Value())
				}
			}
		}
		if fm := d.Format(); fm == ir.FmtTryCall || fm == ir.FmtTryCallIndirect {
			for _, h := range f.DFG.ExceptionTables[d.Entity].Handlers {
				if h.Tag == ir.TagContext {
					v.useValue(inst, h.Context)
				}
			}
		}
	}
	for i, r := range f.DFG.Results(inst) {
		def := f.DFG.Def(r)
		if def.Kind != ir.DefResult || def.Inst != inst || def.Num != i {
			v.fatalInst(inst, "instruction result %s is not defined by the instruction", r)
		}
	}
	if tags := f.DFG.DebugTags(inst); len(tags) > 0 && !op.IsCall() && op != ir.OpSequencePoint {
		v.reportInst(inst, "debug tags present on non-call, non-sequence point instruction")
	}
}

// entityRefs checks that every entity the instruction names exists. The
// format-specific tables are checked before anything indexes them.
func (v *verifier) entityRefs(inst ir.Inst, d *ir.InstData) {
	f := v.f
	switch d.Format() {
	case ir.FmtJump, ir.FmtBrif:
		for _, bc := range f.DFG.BlockCalls(inst) {
			v.blockRef(inst, bc.Block)
		}
	case ir.FmtBranchTable:
		if d.Entity < 0 || int(d.Entity) >= len(f.DFG.JumpTables) {
			v.fatalInst(inst, "invalid jump table reference %s", d.JumpTable())
		}
		for _, bc := range f.DFG.BlockCalls(inst) {
			v.blockRef(inst, bc.Block)
		}
	case ir.FmtCall, ir.FmtFuncAddr:
		v.funcRef(inst, d.FuncRef())
	case ir.FmtCallIndirect:
		v.sigRef(inst, d.SigRef())
	case ir.FmtTryCall, ir.FmtTryCallIndirect:
		if d.Entity < 0 || int(d.Entity) >= len(f.DFG.ExceptionTables) {
			v.fatalInst(inst, "invalid exception table reference %s", d.ExceptionTable())
		}
		if d.Format() == ir.FmtTryCall {
			v.funcRef(inst, d.FuncRef())
		}
		v.sigRef(inst, f.DFG.ExceptionTables[d.Entity].Sig)
		for _, bc := range f.DFG.BlockCalls(inst) {
			v.blockRef(inst, bc.Block)
		}
	case ir.FmtStackAddr:
		if ss := d.StackSlot(); ss < 0 || int(ss) >= len(f.StackSlots) || f.StackSlots[ss].Kind == ir.SlotNone {
			v.fatalInst(inst, "invalid stack slot %s", ss)
		}
	case ir.FmtUnaryGlobalValue:
		if !v.gvValid(d.GlobalValue()) {
			v.fatalInst(inst, "invalid global value %s", d.GlobalValue())
		}
	case ir.FmtUnaryConst:
		if f.ConstantData(d.Constant()) == nil {
			v.fatalInst(inst, "invalid constant reference %s", d.Constant())
		}
	case ir.FmtShuffle:
		if c := d.Constant(); c < 0 || int(c) >= len(f.Immediates) {
			v.fatalInst(inst, "invalid shuffle mask reference %s", c)
		}
	case ir.FmtExceptionHandlerAddress:
		v.handlerAddress(inst, d)
	}
	switch d.Format() {
	case ir.FmtLoad, ir.FmtLoadNoOffset, ir.FmtStore, ir.FmtStoreNoOffset, ir.FmtAtomicRmw, ir.FmtAtomicCas:
		if r, ok := d.Flags.Region(); ok {
			if int(r) >= len(f.AliasRegions) || !f.AliasRegions[r].Declared {
				v.reportInst(inst, "undefined alias region %s", r)
			}
		}
	}
}

func (v *verifier) blockRef(inst ir.Inst, b ir.Block) {
	if !v.f.DFG.BlockIsValid(b) || !v.f.Layout.IsBlockInserted(b) {
		v.fatal(InstLoc(inst), "invalid block reference %s", b)
	}
	if b == v.entry {
		v.fatal(InstLoc(inst), "invalid reference to entry block %s", b)
	}
}

func (v *verifier) funcRef(inst ir.Inst, fr ir.FuncRef) {
	if fr < 0 || int(fr) >= len(v.f.ExtFuncs) || v.f.ExtFuncs[fr].Name.Kind == ir.NameNone {
		v.fatalInst(inst, "invalid function reference %s", fr)
	}
}

func (v *verifier) sigRef(inst ir.Inst, s ir.SigRef) {
	if s < 0 || int(s) >= len(v.f.Signatures) || v.f.Signatures[s].CallConv == ir.CallConvUnset {
		v.fatalInst(inst, "invalid signature reference %s", s)
	}
}

func (v *verifier) handlerAddress(inst ir.Inst, d *ir.InstData) {
	f := v.f
	b := d.HandlerBlock()
	if !f.DFG.BlockIsValid(b) || !f.Layout.IsBlockInserted(b) {
		v.fatal(InstLoc(inst), "invalid block reference %s", b)
	}
	if d.Imm < 0 {
		v.fatal(InstLoc(inst), "exception handler index %d cannot be negative", d.Imm)
	}
	last := f.Layout.LastInst(b)
	if last == ir.NoInst {
		v.fatal(InstLoc(inst), "referenced block %s does not end in a try_call", b)
	}
	ld := &f.DFG.Insts[last]
	if fm := ld.Format(); fm != ir.FmtTryCall && fm != ir.FmtTryCallIndirect || ld.Entity < 0 || int(ld.Entity) >= len(f.DFG.ExceptionTables) {
		v.fatal(InstLoc(inst), "referenced block %s does not end in a try_call", b)
	}
	n := 0
	for _, h := range f.DFG.ExceptionTables[ld.Entity].Handlers {
		if h.Tag != ir.TagContext {
			n++
		}
	}
	if d.Imm >= int64(n) {
		v.fatal(InstLoc(inst), "exception handler index %d is out-of-range", d.Imm)
	}
}

// useValue checks that v exists, is attached to the layout and that its
// definition dominates inst. Uses inside unreachable blocks are not
// checked for dominance (nothing dominates them), as in Cranelift.
func (v *verifier) useValue(inst ir.Inst, val ir.Value) {
	f := v.f
	if !f.DFG.ValueIsValid(val) {
		v.fatalInst(inst, "invalid value reference %s", val)
	}
	orig := f.DFG.ResolveAliases(val)
	if orig == ir.NoValue || !f.DFG.ValueIsValid(orig) {
		v.fatalInst(inst, "argument %s is an alias that does not resolve to a value", val)
	}
	useBlock := f.Layout.InstBlock(inst)
	reachable := v.dom.IsReachable(useBlock)
	def := f.DFG.Def(orig)
	switch def.Kind {
	case ir.DefResult:
		if !f.DFG.InstIsValid(def.Inst) {
			v.fatalInst(inst, "%s is defined by invalid instruction %s", val, def.Inst)
		}
		if f.Layout.InstBlock(def.Inst) == ir.NoBlock {
			v.fatalInst(inst, "%s is defined by %s which has no block", val, def.Inst)
		}
		if reachable {
			if def.Inst == inst {
				v.fatalInst(inst, "uses value %s from itself", val)
			}
			if !flow.InstDominates(f, v.dom, v.order, def.Inst, inst) {
				v.fatalInst(inst, "uses value %s from non-dominating %s", val, def.Inst)
			}
		}
	case ir.DefParam:
		if !f.DFG.BlockIsValid(def.Block) {
			v.fatalInst(inst, "%s is defined by invalid block %s", val, def.Block)
		}
		if !f.Layout.IsBlockInserted(def.Block) {
			v.fatalInst(inst, "%s is defined by %s which is not in the layout", val, def.Block)
		}
		if reachable && !v.dom.Dominates(def.Block, useBlock) {
			v.fatalInst(inst, "uses value arg from non-dominating %s", def.Block)
		}
	}
}

// --- instructions: types ---

func (v *verifier) valueType(val ir.Value) ir.Type {
	return v.f.DFG.ValueType(v.f.DFG.ResolveAliases(val))
}

func (v *verifier) typecheck(inst ir.Inst) {
	f := v.f
	d := &f.DFG.Insts[inst]
	info := d.Opcode.Info()
	c := &constraints[d.Opcode]
	ctrl := ir.Invalid
	if info.Ctrl != ir.CtrlNone {
		ctrl = f.CtrlTypevar(inst)
		if c.known && !c.ctrl.contains(ctrl) {
			v.reportInst(inst, "has an invalid controlling type %s (allowed set is %s)", ctrl, c.ctrl)
		}
	}
	v.typecheckResults(inst, d, ctrl)
	args := f.DFG.Args(inst)
	for i, rule := range c.args {
		if i >= len(args) {
			break
		}
		v.typecheckArg(inst, i, args[i], rule, ctrl)
	}
	v.typecheckVariableArgs(inst, d)
	v.typecheckSpecial(inst, d, ctrl)
}

func (v *verifier) typecheckResults(inst ir.Inst, d *ir.InstData, ctrl ir.Type) {
	f := v.f
	want, err := f.ResultTypes(d, ctrl)
	if err != nil {
		return // an invalid controlling type was reported already
	}
	got := f.DFG.Results(inst)
	for i, r := range got {
		if i >= len(want) {
			v.reportInst(inst, "has more result values than expected")
			return
		}
		if t := f.DFG.ValueType(r); t != want[i] {
			v.reportInst(inst, "expected result %d (%s) to have type %s, found %s", i, r, want[i], t)
		}
	}
	if len(got) < len(want) {
		v.reportInst(inst, "has fewer result values than expected")
	}
}

func (v *verifier) typecheckArg(inst ir.Inst, i int, arg ir.Value, rule operand, ctrl ir.Type) {
	t := v.valueType(arg)
	bound := func(want ir.Type) {
		if t != want {
			v.reportInst(inst, "arg %d (%s) has type %s, expected %s", i, arg, t, want)
		}
	}
	unsatisfied := func(set string) {
		v.reportInst(inst, "arg %d (%s) with type %s failed to satisfy type set %s", i, arg, t, set)
	}
	switch rule.rule {
	case argSame:
		bound(ctrl)
	case argFixed:
		bound(rule.fixed)
	case argLane:
		bound(ctrl.LaneType())
	case argFree:
		if !rule.set.contains(t) {
			unsatisfied(rule.set.String())
		}
	case argNarrower, argWider:
		sameClass := t.IsInt() == ctrl.IsInt() && t.IsFloat() == ctrl.IsFloat()
		ok := sameClass && t.LaneCount() == ctrl.LaneCount()
		if rule.rule == argNarrower {
			ok = ok && t.LaneBits() < ctrl.LaneBits()
			if !ok {
				unsatisfied("{lanes narrower than " + ctrl.String() + "}")
			}
		} else {
			ok = ok && t.LaneBits() > ctrl.LaneBits()
			if !ok {
				unsatisfied("{lanes wider than " + ctrl.String() + "}")
			}
		}
	case argAddr:
		if pt := v.opts.PointerType; pt != ir.Invalid {
			if t != pt {
				v.report(InstLoc(inst), "invalid pointer width (got %d, expected %d) encountered %s", t.Bits(), pt.Bits(), arg)
			}
		} else if !setAddr.contains(t) {
			unsatisfied(setAddr.String())
		}
	}
}

// typecheckVariableArgs checks branch arguments against block parameters
// and call arguments against the callee's signature.
func (v *verifier) typecheckVariableArgs(inst ir.Inst, d *ir.InstData) {
	f := v.f
	switch d.Format() {
	case ir.FmtJump, ir.FmtBrif, ir.FmtBranchTable:
		for _, bc := range f.DFG.BlockCalls(inst) {
			v.typecheckBlockCall(inst, bc, nil, false)
		}
	case ir.FmtTryCall, ir.FmtTryCallIndirect:
		v.typecheckTryCall(inst, d)
	}
	if d.Opcode.IsCall() {
		s := f.CallSignature(inst)
		if fm := d.Format(); fm == ir.FmtTryCall || fm == ir.FmtTryCallIndirect {
			// Arguments follow the exception table's signature; a callee
			// with another signature is reported by typecheckTryCall.
			s = &f.Signatures[f.DFG.ExceptionTables[d.Entity].Sig]
		}
		if s != nil {
			v.typecheckCallArgs(inst, s)
		}
	}
	switch d.Opcode {
	case ir.OpReturn:
		types := make([]ir.Type, 0, len(f.DFG.Args(inst)))
		for _, a := range f.DFG.Args(inst) {
			types = append(types, v.valueType(a))
		}
		v.typecheckReturnTypes(inst, types, "arguments of return must match function signature")
	case ir.OpReturnCall, ir.OpReturnCallIndirect:
		if s := f.CallSignature(inst); s != nil {
			v.typecheckTailCall(inst, s)
		}
	}
}

func (v *verifier) typecheckCallArgs(inst ir.Inst, s *ir.Signature) {
	args := v.f.CallArgs(inst)
	for i, p := range s.Params {
		if i < len(args) {
			if t := v.valueType(args[i]); t != p.Type {
				v.reportInst(inst, "arg %d (%s) has type %s, expected %s", i, args[i], t, p.Type)
			}
		}
	}
	if len(args) != len(s.Params) {
		v.reportInst(inst, "mismatched argument count for `%s`: got %d, expected %d", instText(v.f, inst), len(args), len(s.Params))
	}
	if d := &v.f.DFG.Insts[inst]; d.Format() == ir.FmtCall || d.Format() == ir.FmtTryCall {
		fn := &v.f.ExtFuncs[d.FuncRef()]
		if fn.Patchable {
			if !fn.Colocated {
				v.reportInst(inst, "patchable call to non-colocated function")
			}
			if len(s.Returns) > 0 {
				v.reportInst(inst, "patchable call cannot occur to a function with return values")
			}
		}
	}
}

// typecheckBlockCall checks one edge's arguments against the target's
// parameters. rets are the types retN stands for (a try_call's normal
// edge); exn says the edge is an exception handler, where exnN is allowed.
func (v *verifier) typecheckBlockCall(inst ir.Inst, bc ir.BlockCall, rets []ir.Type, exn bool) {
	f := v.f
	params := f.DFG.BlockParams(bc.Block)
	args := f.DFG.BlockCallArgs(bc)
	if len(args) != len(params) {
		v.reportInst(inst, "mismatched argument count for `%s`: got %d, expected %d", instText(f, inst), len(args), len(params))
		return
	}
	for i, a := range args {
		var t ir.Type
		switch a.Kind() {
		case ir.ArgValue:
			t = v.valueType(a.Value())
		case ir.ArgRet:
			if rets == nil || exn {
				v.reportInst(inst, "`retN` block argument used outside normal-return target of `try_call`")
				continue
			}
			if a.Index() >= len(rets) {
				v.reportInst(inst, "out-of-bounds `retN` block argument")
				continue
			}
			t = rets[a.Index()]
		case ir.ArgExn:
			if !exn {
				v.reportInst(inst, "`exnN` block argument used outside normal-return target of `try_call`")
				continue
			}
			if a.Index() >= exceptionPayloads {
				v.reportInst(inst, "out-of-bounds `exnN` block argument")
				continue
			}
			t = v.opts.PointerType
			if t == ir.Invalid {
				t = ir.I64
			}
		}
		if want := f.DFG.ValueType(params[i]); t != want {
			v.reportInst(inst, "arg %s has type %s, expected %s", a, t, want)
		}
	}
}

// exceptionPayloads is the number of exnN values a handler may receive;
// every calling convention that supports exceptions has two.
const exceptionPayloads = 2

func supportsExceptions(cc ir.CallConv) bool {
	switch cc {
	case ir.CallConvTail, ir.CallConvSystemV, ir.CallConvFast, ir.CallConvWinch, ir.CallConvAppleAarch64, ir.CallConvPreserveAll:
		return true
	}
	return false
}

func supportsTailCalls(cc ir.CallConv) bool { return cc == ir.CallConvTail }

func (v *verifier) typecheckTryCall(inst ir.Inst, d *ir.InstData) {
	f := v.f
	et := &f.DFG.ExceptionTables[d.Entity]
	etSig := &f.Signatures[et.Sig]
	callee := etSig
	if d.Format() == ir.FmtTryCall {
		fn := &f.ExtFuncs[d.FuncRef()]
		if fs := f.CallSignature(inst); fs != nil {
			callee = fs
			if !sameSignature(fs, etSig) {
				v.reportInst(inst, "exception table signature %s did not match function %s's signature %s", et.Sig, d.FuncRef(), fn.Sig)
			}
		}
	}
	if !supportsExceptions(callee.CallConv) {
		v.reportInst(inst, "calling convention `%s` of callee does not support exceptions", callee.CallConv)
	}
	v.typecheckBlockCall(inst, et.Normal, callee.ReturnTypes(), false)
	for _, h := range et.Handlers {
		if h.Tag != ir.TagContext {
			v.typecheckBlockCall(inst, h.Dest, nil, true)
		}
	}
}

func sameSignature(a, b *ir.Signature) bool {
	if a.CallConv != b.CallConv || len(a.Params) != len(b.Params) || len(a.Returns) != len(b.Returns) {
		return false
	}
	for i := range a.Params {
		if a.Params[i] != b.Params[i] {
			return false
		}
	}
	for i := range a.Returns {
		if a.Returns[i] != b.Returns[i] {
			return false
		}
	}
	return true
}

func (v *verifier) typecheckTailCall(inst ir.Inst, s *ir.Signature) {
	if !supportsTailCalls(s.CallConv) {
		v.reportInst(inst, "calling convention `%s` does not support tail calls", s.CallConv)
	}
	if s.CallConv != v.f.Signature.CallConv {
		v.reportInst(inst, "callee's calling convention must match caller")
	}
	v.typecheckReturnTypes(inst, s.ReturnTypes(), "results of callee must match caller")
}

func (v *verifier) typecheckReturnTypes(inst ir.Inst, got []ir.Type, countMsg string) {
	want := v.f.Signature.Returns
	if len(got) != len(want) {
		v.reportInst(inst, "%s", countMsg)
		return
	}
	for i, t := range got {
		if t != want[i].Type {
			v.reportInst(inst, "result %d has type %s, must match function signature of %s", i, t, want[i])
		}
	}
}

// typecheckSpecial holds the type rules that are not a function of the
// controlling type alone.
func (v *verifier) typecheckSpecial(inst ir.Inst, d *ir.InstData, ctrl ir.Type) {
	f := v.f
	switch d.Opcode {
	case ir.OpSymbolValue, ir.OpTlsValue:
		if v.opts.PointerType != ir.Invalid {
			gt := v.gvType(d.GlobalValue())
			if rt := f.DFG.ValueType(f.DFG.FirstResult(inst)); rt != gt {
				v.reportInst(inst, "global_value instruction with type %s references global value with type %s", rt, gt)
			}
		}
	case ir.OpIconcat:
		if ctrl.IsVector() {
			v.reportInst(inst, "iconcat of vector type %s", ctrl)
		}
	case ir.OpExtractVector:
		if !ctrl.IsDynamic() {
			v.reportInst(inst, "extract_vector needs a dynamic vector, not %s", ctrl)
		}
	}
}

// --- instructions: immediates ---

func (v *verifier) immediates(inst ir.Inst) {
	f := v.f
	d := &f.DFG.Insts[inst]
	switch d.Format() {
	case ir.FmtStore, ir.FmtStoreNoOffset:
		if d.Flags.Readonly() {
			v.fatalInst(inst, "A store instruction cannot have the `readonly` MemFlag")
		}
	}
	switch d.Format() {
	case ir.FmtLoad, ir.FmtLoadNoOffset, ir.FmtStore, ir.FmtStoreNoOffset, ir.FmtAtomicRmw, ir.FmtAtomicCas:
		if d.Flags&ir.MemLittle != 0 && d.Flags&ir.MemBig != 0 {
			v.fatalInst(inst, "memory flags cannot be both `little` and `big`")
		}
	}
	switch d.Opcode {
	case ir.OpBitcast:
		v.bitcast(inst, d)
	case ir.OpVconst, ir.OpF128const:
		want := 16
		if d.Opcode == ir.OpVconst {
			want = d.Type.Bytes()
		}
		if got := len(f.ConstantData(d.Constant())); got != want {
			v.fatal(InstLoc(inst), "The instruction expects %s to have a size of %d bytes but it has %d", d.Constant(), want, got)
		}
	case ir.OpExtractlane, ir.OpInsertlane:
		ty := v.valueType(f.DFG.Args(inst)[0])
		if int(d.Lane()) >= ty.LaneCount() {
			v.fatalInst(inst, "The lane %d does not index into the type %s", d.Lane(), ty)
		}
	case ir.OpShuffle:
		mask := f.Immediates[d.Constant()]
		if len(mask) != 16 {
			v.fatalInst(inst, "the shuffle immediate wasn't 16-bytes long")
		}
		for _, i := range mask {
			if i >= 32 {
				v.fatalInst(inst, "shuffle immediate index %d is larger than the maximum 31", i)
			}
		}
	}
}

func (v *verifier) bitcast(inst ir.Inst, d *ir.InstData) {
	to := d.Type
	arg := v.f.DFG.Args(inst)[0]
	from := v.valueType(arg)
	endian := d.Flags &^ (ir.MemLittle | ir.MemBig)
	switch {
	case to.Bits() != from.Bits():
		v.fatal(InstLoc(inst), "The bitcast argument %s has a type of %d bits, which doesn't match an expected type of %d bits", arg, from.Bits(), to.Bits())
	case endian != 0 || d.Flags&ir.MemLittle != 0 && d.Flags&ir.MemBig != 0:
		v.fatal(InstLoc(inst), "The bitcast instruction only accepts the `big` or `little` memory flags")
	case d.Flags == 0 && to.LaneCount() != from.LaneCount():
		v.fatal(InstLoc(inst), "Byte order specifier required for bitcast instruction changing lane count")
	}
}
