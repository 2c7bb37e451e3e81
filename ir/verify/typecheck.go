package verify

import "kiln/ir"

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
