package wasm

// stepPrefixed validates the hand-typed 0xFC operators (tables and bulk
// memory) and hands GC operators to stepGC.
func (v *funcValidator) stepPrefixed() error {
	op := &v.op
	m := v.m
	switch op.Op {
	case OpTableSize:
		tt, err := v.table(op.Index)
		if err != nil {
			return err
		}
		v.push(tt.AddrType())
	case OpTableGrow:
		tt, err := v.table(op.Index)
		if err != nil {
			return err
		}
		if err := v.popTypes([]ValType{tt.Elem, tt.AddrType()}); err != nil {
			return err
		}
		v.push(tt.AddrType())
	case OpTableFill:
		tt, err := v.table(op.Index)
		if err != nil {
			return err
		}
		a := tt.AddrType()
		return v.popTypes([]ValType{a, tt.Elem, a})
	case OpTableCopy:
		dst, err := v.table(op.Index)
		if err != nil {
			return err
		}
		src, err := v.table(op.Index2)
		if err != nil {
			return err
		}
		if !m.isSub(src.Elem, dst.Elem) {
			return v.errorf(op.Offset, "%s: table.copy from %s to %s", msgTypeMismatch, src.Elem, dst.Elem)
		}
		n := I32
		if dst.Table64 && src.Table64 {
			n = I64
		}
		return v.popTypes([]ValType{dst.AddrType(), src.AddrType(), n})
	case OpTableInit:
		tt, err := v.table(op.Index2)
		if err != nil {
			return err
		}
		et, err := v.elemSegment(op.Index)
		if err != nil {
			return err
		}
		if !m.isSub(et, tt.Elem) {
			return v.errorf(op.Offset, "%s: table.init of %s into %s", msgTypeMismatch, et, tt.Elem)
		}
		return v.popTypes([]ValType{tt.AddrType(), I32, I32})
	case OpElemDrop:
		_, err := v.elemSegment(op.Index)
		return err
	case OpMemoryInit:
		mt, err := v.memory(op.Index2)
		if err != nil {
			return err
		}
		if err := v.dataSegment(op.Index); err != nil {
			return err
		}
		return v.popTypes([]ValType{mt.AddrType(), I32, I32})
	case OpDataDrop:
		return v.dataSegment(op.Index)
	case OpMemoryCopy:
		dst, err := v.memory(op.Index)
		if err != nil {
			return err
		}
		src, err := v.memory(op.Index2)
		if err != nil {
			return err
		}
		n := I32
		if dst.Memory64 && src.Memory64 {
			n = I64
		}
		return v.popTypes([]ValType{dst.AddrType(), src.AddrType(), n})
	case OpMemoryFill:
		mt, err := v.memory(op.Index)
		if err != nil {
			return err
		}
		a := mt.AddrType()
		return v.popTypes([]ValType{a, I32, a})
	default:
		return v.stepGC()
	}
	return nil
}
