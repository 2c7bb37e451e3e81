package wasm

// stepGC validates the GC proposal's operators (0xFB prefix).
func (v *funcValidator) stepGC() error {
	op := &v.op
	m := v.m
	switch op.Op {
	case OpStructNew, OpStructNewDefault:
		st, err := v.compType(op.Index, CompStruct)
		if err != nil {
			return err
		}
		if op.Op == OpStructNew {
			for i := len(st.Fields) - 1; i >= 0; i-- {
				if _, err := v.pop(st.Fields[i].Type.Unpacked()); err != nil {
					return err
				}
			}
		} else {
			for _, f := range st.Fields {
				if !f.Type.Defaultable() {
					return v.errorf(op.Offset, "%s: field type %s is not defaultable", msgTypeMismatch, f.Type)
				}
			}
		}
		v.push(RefOf(HeapType(op.Index), false))
	case OpStructGet, OpStructGetS, OpStructGetU, OpStructSet:
		st, err := v.compType(op.Index, CompStruct)
		if err != nil {
			return err
		}
		if int64(op.Index2) >= int64(len(st.Fields)) {
			return v.errorf(op.Offset, "unknown field %d", op.Index2)
		}
		f := st.Fields[op.Index2]
		if err := v.checkPacked(f.Type); err != nil {
			return err
		}
		if op.Op == OpStructSet {
			if !f.Mutable {
				return v.errorf(op.Offset, "immutable field %d", op.Index2)
			}
			if _, err := v.pop(f.Type.Unpacked()); err != nil {
				return err
			}
			_, err := v.pop(RefOf(HeapType(op.Index), true))
			return err
		}
		if _, err := v.pop(RefOf(HeapType(op.Index), true)); err != nil {
			return err
		}
		v.push(f.Type.Unpacked())
	case OpArrayNew, OpArrayNewDefault, OpArrayNewFixed, OpArrayNewData, OpArrayNewElem:
		st, err := v.compType(op.Index, CompArray)
		if err != nil {
			return err
		}
		et := st.Fields[0].Type
		switch op.Op {
		case OpArrayNew:
			if err := v.popTypes([]ValType{et.Unpacked(), I32}); err != nil {
				return err
			}
		case OpArrayNewDefault:
			if !et.Defaultable() {
				return v.errorf(op.Offset, "%s: array element type %s is not defaultable", msgTypeMismatch, et)
			}
			if _, err := v.pop(I32); err != nil {
				return err
			}
		case OpArrayNewFixed:
			if op.Index2 > 10000 {
				return v.errorf(op.Offset, "array.new_fixed of %d elements exceeds the limit of 10000", op.Index2)
			}
			fr := &v.ctrl[len(v.ctrl)-1]
			for i := uint32(0); i < op.Index2; i++ {
				if len(v.stack) == fr.height && fr.unreachable {
					break // every further operand is unknown
				}
				if _, err := v.pop(et.Unpacked()); err != nil {
					return err
				}
			}
		case OpArrayNewData:
			if et.Kind == KindRef {
				return v.errorf(op.Offset, "array type is not numeric or vector")
			}
			if err := v.dataSegment(op.Index2); err != nil {
				return err
			}
			if err := v.popTypes([]ValType{I32, I32}); err != nil {
				return err
			}
		case OpArrayNewElem:
			segType, err := v.elemSegment(op.Index2)
			if err != nil {
				return err
			}
			if !m.isSub(segType, et) {
				return v.errorf(op.Offset, "%s: elem segment of %s for array of %s", msgTypeMismatch, segType, et)
			}
			if err := v.popTypes([]ValType{I32, I32}); err != nil {
				return err
			}
		}
		v.push(RefOf(HeapType(op.Index), false))
	case OpArrayGet, OpArrayGetS, OpArrayGetU:
		st, err := v.compType(op.Index, CompArray)
		if err != nil {
			return err
		}
		et := st.Fields[0].Type
		if op.Op == OpArrayGet {
			err = v.checkPacked(et)
		} else if et.Kind != KindI8 && et.Kind != KindI16 {
			err = v.errorf(op.Offset, "%s: %s on an unpacked array", msgTypeMismatch, op.Op)
		}
		if err != nil {
			return err
		}
		if err := v.popTypes([]ValType{RefOf(HeapType(op.Index), true), I32}); err != nil {
			return err
		}
		v.push(et.Unpacked())
	case OpArraySet, OpArrayFill:
		st, err := v.compType(op.Index, CompArray)
		if err != nil {
			return err
		}
		if !st.Fields[0].Mutable {
			return v.errorf(op.Offset, "immutable array")
		}
		ref, et := RefOf(HeapType(op.Index), true), st.Fields[0].Type.Unpacked()
		if op.Op == OpArraySet {
			return v.popTypes([]ValType{ref, I32, et})
		}
		return v.popTypes([]ValType{ref, I32, et, I32})
	case OpArrayLen:
		if _, err := v.pop(RefOf(HeapArray, true)); err != nil {
			return err
		}
		v.push(I32)
	case OpArrayCopy:
		dst, err := v.compType(op.Index, CompArray)
		if err != nil {
			return err
		}
		src, err := v.compType(op.Index2, CompArray)
		if err != nil {
			return err
		}
		if !dst.Fields[0].Mutable {
			return v.errorf(op.Offset, "immutable array")
		}
		if !m.isSub(src.Fields[0].Type, dst.Fields[0].Type) {
			return v.errorf(op.Offset, "array types do not match")
		}
		return v.popTypes([]ValType{RefOf(HeapType(op.Index), true), I32, RefOf(HeapType(op.Index2), true), I32, I32})
	case OpArrayInitData, OpArrayInitElem:
		st, err := v.compType(op.Index, CompArray)
		if err != nil {
			return err
		}
		et := st.Fields[0].Type
		if !st.Fields[0].Mutable {
			return v.errorf(op.Offset, "immutable array")
		}
		if op.Op == OpArrayInitData {
			if et.Kind == KindRef {
				return v.errorf(op.Offset, "array type is not numeric or vector")
			}
			if err := v.dataSegment(op.Index2); err != nil {
				return err
			}
		} else {
			segType, err := v.elemSegment(op.Index2)
			if err != nil {
				return err
			}
			if !m.isSub(segType, et) {
				return v.errorf(op.Offset, "%s: elem segment of %s for array of %s", msgTypeMismatch, segType, et)
			}
		}
		return v.popTypes([]ValType{RefOf(HeapType(op.Index), true), I32, I32, I32})
	case OpRefTest, OpRefTestNull, OpRefCast, OpRefCastNull:
		if err := v.checkHeap(op.Heap); err != nil {
			return err
		}
		nullable := op.Op == OpRefTestNull || op.Op == OpRefCastNull
		if _, err := v.pop(RefOf(m.topOf(op.Heap), true)); err != nil {
			return err
		}
		if op.Op == OpRefTest || op.Op == OpRefTestNull {
			v.push(I32)
		} else {
			v.push(RefOf(op.Heap, nullable))
		}
	case OpBrOnCast, OpBrOnCastFail:
		return v.brOnCast()
	case OpAnyConvertExtern, OpExternConvertAny:
		from, to := HeapExtern, HeapAny
		if op.Op == OpExternConvertAny {
			from, to = HeapAny, HeapExtern
		}
		t, err := v.pop(RefOf(from, true))
		if err != nil {
			return err
		}
		v.push(RefOf(to, t.Kind != KindRef || t.Nullable))
		if t.Kind == KindRef && t.Heap == heapBot {
			v.stack[len(v.stack)-1].Nullable = t.Nullable
		}
	case OpRefI31:
		if _, err := v.pop(I32); err != nil {
			return err
		}
		v.push(RefOf(HeapI31, false))
	case OpI31GetS, OpI31GetU:
		if _, err := v.pop(RefOf(HeapI31, true)); err != nil {
			return err
		}
		v.push(I32)
	default:
		return v.errorf(op.Offset, "%s: %s not handled by the validator", msgIllegalOpcode, op.Op)
	}
	return nil
}

// checkPacked rejects plain get operators on packed storage types.
func (v *funcValidator) checkPacked(t ValType) error {
	op := v.op.Op
	packed := t.Kind == KindI8 || t.Kind == KindI16
	signed := op == OpStructGetS || op == OpStructGetU
	if op == OpStructSet {
		return nil
	}
	if packed != signed && (op == OpStructGet || op == OpStructGetS || op == OpStructGetU) {
		return v.errorf(v.op.Offset, "%s: %s on field of type %s", msgTypeMismatch, op, t)
	}
	if op == OpArrayGet && packed {
		return v.errorf(v.op.Offset, "%s: array.get on packed element type %s", msgTypeMismatch, t)
	}
	return nil
}

// brOnCast validates br_on_cast and br_on_cast_fail: the target type must
// match the source type, and the label must accept the type that flows
// to it (the target type for br_on_cast, the source minus the target for
// br_on_cast_fail).
func (v *funcValidator) brOnCast() error {
	op := &v.op
	m := v.m
	if err := v.checkHeap(op.Heap); err != nil {
		return err
	}
	if err := v.checkHeap(op.Heap2); err != nil {
		return err
	}
	rt1 := RefOf(op.Heap, op.Flags&1 != 0)
	rt2 := RefOf(op.Heap2, op.Flags&2 != 0)
	if !m.isSub(rt2, rt1) {
		return v.errorf(op.Offset, "%s: cast target %s does not match source %s", msgTypeMismatch, rt2, rt1)
	}
	fr, err := v.label(op.Index)
	if err != nil {
		return err
	}
	lt := v.labelTypes(fr)
	if len(lt) == 0 || lt[len(lt)-1].Kind != KindRef {
		return v.errorf(op.Offset, "%s: br_on_cast target must take a reference", msgTypeMismatch)
	}
	diff := rt1
	diff.Nullable = rt1.Nullable && !rt2.Nullable
	taken, fallthrough_ := rt2, diff
	if op.Op == OpBrOnCastFail {
		taken, fallthrough_ = diff, rt2
	}
	if _, err := v.pop(rt1); err != nil {
		return err
	}
	if !m.isSub(taken, lt[len(lt)-1]) {
		return v.errorf(op.Offset, "%s: branch carries %s, label expects %s", msgTypeMismatch, taken, lt[len(lt)-1])
	}
	v.push(taken)
	if err := v.popTypes(lt); err != nil {
		return err
	}
	v.pushTypes(lt[:len(lt)-1])
	v.push(fallthrough_)
	return nil
}
