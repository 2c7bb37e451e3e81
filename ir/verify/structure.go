package verify

import (
	"kiln/ir"
	"kiln/ir/flow"
)

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
	case ir.FmtDynamicStackLoad, ir.FmtDynamicStackStore:
		if ss := d.DynamicStackSlot(); ss < 0 || int(ss) >= len(f.DynamicStackSlots) || f.DynamicStackSlots[ss].Type == ir.Invalid {
			v.fatalInst(inst, "invalid dynamic stack slot %s", ss)
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
