package verify

import (
	"strings"

	"kiln/ir"
)

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
