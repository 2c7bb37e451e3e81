package wasm

// stepSpecial validates the one-byte operators typed by hand: control
// flow, calls, variables, references and exceptions.
func (v *funcValidator) stepSpecial() error {
	op := &v.op
	m := v.m
	if op.Op > 0xff {
		// Prefixed operators; keeping them out of this switch lets the
		// compiler turn it into a jump table over the one-byte opcodes.
		return v.stepPrefixed()
	}
	switch op.Op {
	case OpUnreachable:
		v.setUnreachable()
	case OpBlock, OpLoop:
		if err := v.checkBlockType(op.Block); err != nil {
			return err
		}
		return v.enterBlock(op.Op, op.Block)
	case OpIf:
		if err := v.checkBlockType(op.Block); err != nil {
			return err
		}
		if _, err := v.pop(I32); err != nil {
			return err
		}
		return v.enterBlock(OpIf, op.Block)
	case OpElse:
		fr := &v.ctrl[len(v.ctrl)-1]
		if fr.op != OpIf {
			return v.errorf(op.Offset, "%s: else without if", msgTypeMismatch)
		}
		f, err := v.popFrame()
		if err != nil {
			return err
		}
		v.pushFrame(OpElse, f.bt)
	case OpEnd:
		f, err := v.popFrame()
		if err != nil {
			return err
		}
		if f.op == OpIf {
			// An if without else has an implicit empty else branch,
			// which must turn the parameters into the results.
			if !v.matchTypes(v.blockParams(f), v.blockResults(f)) {
				return v.errorf(op.Offset, "%s: if without else must leave its parameters as results", msgTypeMismatch)
			}
		}
		v.pushTypes(v.blockResults(f))
	case OpBr:
		fr, err := v.label(op.Index)
		if err != nil {
			return err
		}
		if err := v.popTypes(v.labelTypes(fr)); err != nil {
			return err
		}
		v.setUnreachable()
	case OpBrIf:
		if _, err := v.pop(I32); err != nil {
			return err
		}
		fr, err := v.label(op.Index)
		if err != nil {
			return err
		}
		lt := v.labelTypes(fr)
		if err := v.popTypes(lt); err != nil {
			return err
		}
		v.pushTypes(lt)
	case OpBrTable:
		return v.brTable()
	case OpReturn:
		if err := v.popTypes(v.results); err != nil {
			return err
		}
		v.setUnreachable()
	case OpCall, OpReturnCall:
		if int64(op.Index) >= int64(len(m.FuncTypes)) {
			return v.errorf(op.Offset, "unknown function %d", op.Index)
		}
		ft, err := v.funcType(m.FuncTypes[op.Index])
		if err != nil {
			return err
		}
		return v.call(ft, op.Op == OpReturnCall)
	case OpCallIndirect, OpReturnCallIndirect:
		tt, err := v.table(op.Index2)
		if err != nil {
			return err
		}
		if !m.isSub(tt.Elem, FuncRef) {
			return v.errorf(op.Offset, "%s: call_indirect on a table of %s", msgTypeMismatch, tt.Elem)
		}
		ft, err := v.funcType(op.Index)
		if err != nil {
			return err
		}
		if _, err := v.pop(tt.AddrType()); err != nil {
			return err
		}
		return v.call(ft, op.Op == OpReturnCallIndirect)
	case OpCallRef, OpReturnCallRef:
		ft, err := v.funcType(op.Index)
		if err != nil {
			return err
		}
		if _, err := v.pop(RefOf(HeapType(op.Index), true)); err != nil {
			return err
		}
		return v.call(ft, op.Op == OpReturnCallRef)
	case OpDrop:
		_, err := v.popAny()
		return err
	case OpSelect:
		if _, err := v.pop(I32); err != nil {
			return err
		}
		t1, err := v.popAny()
		if err != nil {
			return err
		}
		t2, err := v.popAny()
		if err != nil {
			return err
		}
		if t1.Kind == KindRef || t2.Kind == KindRef {
			return v.errorf(op.Offset, "%s: select without type needs numeric or vector operands", msgTypeMismatch)
		}
		if t1.Kind != t2.Kind && t1.Kind != kindBot && t2.Kind != kindBot {
			return v.errorf(op.Offset, "%s: select operands %s and %s", msgTypeMismatch, t2, t1)
		}
		if t1.Kind == kindBot {
			t1 = t2
		}
		v.push(t1)
	case OpSelectT:
		if op.Index != 1 {
			return v.errorf(op.Offset, "%s: select must have one result type", msgInvalidResultArity)
		}
		if err := v.checkValType(op.Type, op.Offset); err != nil {
			return err
		}
		if _, err := v.pop(I32); err != nil {
			return err
		}
		if _, err := v.pop(op.Type); err != nil {
			return err
		}
		if _, err := v.pop(op.Type); err != nil {
			return err
		}
		v.push(op.Type)
	case OpLocalGet:
		t, err := v.local(op.Index)
		if err != nil {
			return err
		}
		if !v.localInitialized(op.Index, t) {
			return v.errorf(op.Offset, "uninitialized local %d", op.Index)
		}
		v.push(t)
	case OpLocalSet, OpLocalTee:
		t, err := v.local(op.Index)
		if err != nil {
			return err
		}
		if _, err := v.pop(t); err != nil {
			return err
		}
		if !v.localInitialized(op.Index, t) {
			v.initStamp[op.Index] = v.stamp
			v.initStack = append(v.initStack, op.Index)
		}
		if op.Op == OpLocalTee {
			v.push(t)
		}
	case OpGlobalGet:
		gt, err := v.global(op.Index)
		if err != nil {
			return err
		}
		if v.constMode && gt.Mutable {
			return v.errorf(op.Offset, "%s: global %d is mutable", msgConstExprRequired, op.Index)
		}
		v.push(gt.Type)
	case OpGlobalSet:
		gt, err := v.global(op.Index)
		if err != nil {
			return err
		}
		if !gt.Mutable {
			return v.errorf(op.Offset, "%s: global %d (immutable global)", msgGlobalImmutable, op.Index)
		}
		_, err = v.pop(gt.Type)
		return err
	case OpTableGet:
		tt, err := v.table(op.Index)
		if err != nil {
			return err
		}
		if _, err := v.pop(tt.AddrType()); err != nil {
			return err
		}
		v.push(tt.Elem)
	case OpTableSet:
		tt, err := v.table(op.Index)
		if err != nil {
			return err
		}
		if err := v.popTypes([]ValType{tt.AddrType(), tt.Elem}); err != nil {
			return err
		}
	case OpRefNull:
		if err := v.checkHeap(op.Heap); err != nil {
			return err
		}
		v.push(RefOf(op.Heap, true))
	case OpRefIsNull:
		if _, err := v.popRef(); err != nil {
			return err
		}
		v.push(I32)
	case OpRefFunc:
		if int64(op.Index) >= int64(len(m.FuncTypes)) {
			return v.errorf(op.Offset, "unknown function %d", op.Index)
		}
		if !v.constMode && !v.refs[op.Index] {
			return v.errorf(op.Offset, "%s %d", msgUndeclaredFuncRef, op.Index)
		}
		v.push(RefOf(HeapType(m.FuncTypes[op.Index]), false))
	case OpRefEq:
		eq := RefOf(HeapEq, true)
		if err := v.popTypes([]ValType{eq, eq}); err != nil {
			return err
		}
		v.push(I32)
	case OpRefAsNonNull:
		t, err := v.popRef()
		if err != nil {
			return err
		}
		t.Nullable = false
		v.push(t)
	case OpBrOnNull:
		t, err := v.popRef()
		if err != nil {
			return err
		}
		fr, err := v.label(op.Index)
		if err != nil {
			return err
		}
		lt := v.labelTypes(fr)
		if err := v.popTypes(lt); err != nil {
			return err
		}
		v.pushTypes(lt)
		t.Nullable = false
		v.push(t)
	case OpBrOnNonNull:
		t, err := v.popRef()
		if err != nil {
			return err
		}
		fr, err := v.label(op.Index)
		if err != nil {
			return err
		}
		lt := v.labelTypes(fr)
		if len(lt) == 0 || lt[len(lt)-1].Kind != KindRef {
			return v.errorf(op.Offset, "%s: br_on_non_null target must take a reference", msgTypeMismatch)
		}
		t.Nullable = false
		v.push(t)
		if err := v.popTypes(lt); err != nil {
			return err
		}
		v.pushTypes(lt[:len(lt)-1])
	case OpThrow:
		ft, err := v.tagType(op.Index)
		if err != nil {
			return err
		}
		if err := v.popTypes(ft.Params); err != nil {
			return err
		}
		v.setUnreachable()
	case OpThrowRef:
		if _, err := v.pop(ExnRef); err != nil {
			return err
		}
		v.setUnreachable()
	case OpTryTable:
		return v.tryTable()
	case OpTry:
		if err := v.checkBlockType(op.Block); err != nil {
			return err
		}
		return v.enterBlock(OpTry, op.Block)
	case OpCatch, OpCatchAll:
		fr := &v.ctrl[len(v.ctrl)-1]
		if fr.op != OpTry && fr.op != OpCatch {
			return v.errorf(op.Offset, "%s: catch outside try", msgTypeMismatch)
		}
		var params []ValType
		if op.Op == OpCatch {
			ft, err := v.tagType(op.Index)
			if err != nil {
				return err
			}
			params = ft.Params
		}
		f, err := v.popFrame()
		if err != nil {
			return err
		}
		v.ctrl = append(v.ctrl, ctrlFrame{op: op.Op, bt: f.bt, height: len(v.stack), initHeight: len(v.initStack)})
		v.pushTypes(params)
	case OpDelegate:
		fr := &v.ctrl[len(v.ctrl)-1]
		if fr.op != OpTry {
			return v.errorf(op.Offset, "%s: delegate outside try", msgTypeMismatch)
		}
		f, err := v.popFrame()
		if err != nil {
			return err
		}
		if _, err := v.label(op.Index); err != nil {
			return err
		}
		v.pushTypes(v.blockResults(f))
	case OpRethrow:
		fr, err := v.label(op.Index)
		if err != nil {
			return err
		}
		if fr.op != OpCatch && fr.op != OpCatchAll {
			return v.errorf(op.Offset, "invalid rethrow label %d", op.Index)
		}
		v.setUnreachable()
	default:
		return v.stepGC()
	}
	return nil
}

// enterBlock pops a block's parameters and opens its frame.
func (v *funcValidator) enterBlock(op Opcode, bt BlockType) error {
	if bt.Index >= 0 {
		if err := v.popTypes(v.m.Types[bt.Index].Params); err != nil {
			return err
		}
	}
	v.pushFrame(op, bt)
	return nil
}

// tryTable checks each catch clause against its target label (which is
// counted from outside the try_table), then opens the block.
func (v *funcValidator) tryTable() error {
	op := &v.op
	if err := v.checkBlockType(op.Block); err != nil {
		return err
	}
	it := op.Catches.Iter()
	for {
		c, ok := it.Next()
		if !ok {
			break
		}
		fr, err := v.label(c.Label)
		if err != nil {
			return err
		}
		lt := v.labelTypes(fr)
		var params []ValType
		if c.Kind == CatchTag || c.Kind == CatchTagRef {
			ft, err := v.tagType(c.Tag)
			if err != nil {
				return err
			}
			params = ft.Params
		}
		ok = true
		switch c.Kind {
		case CatchTag, CatchAll:
			ok = v.matchTypes(params, lt)
		case CatchTagRef, CatchAllRef:
			ok = len(lt) == len(params)+1 && v.matchTypes(params, lt[:len(params)]) &&
				v.m.isSub(RefOf(HeapExn, false), lt[len(lt)-1])
		}
		if !ok {
			return v.errorf(op.Offset, "%s: catch clause does not match label %d %s", msgTypeMismatch, c.Label, typeList(lt))
		}
	}
	return v.enterBlock(OpTryTable, op.Block)
}
