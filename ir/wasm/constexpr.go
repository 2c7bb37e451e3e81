package wasm

// ConstExpr is a constant expression (global initialisers, segment
// offsets, element expressions, table initialisers). Bytes is the raw
// instruction sequence including the final end, at module offset Offset;
// Ops is the same sequence decoded, without the end, for evaluators:
// every operator a valid constant expression may hold needs no more than
// the fields of ConstOp.
type ConstExpr struct {
	Offset int
	Bytes  []byte
	Ops    []ConstOp
}

// ConstOp is one operator of a constant expression.
type ConstOp struct {
	Op     Opcode
	Offset int
	Imm    uint64   // i32/i64.const (sign-extended), f32/f64.const bits
	Index  uint32   // global.get, ref.func, struct.new*, array.new* type
	Index2 uint32   // array.new_fixed count
	Heap   HeapType // ref.null
	V128   [16]byte // v128.const
}

// readConstExpr decodes a constant expression at r's position, appending
// its operators to *ops (a module-wide backing slice, so a module's
// expressions share a few allocations). Non-constant operators are kept:
// rejecting them is the validator's job ("constant expression required").
func (d *decoder) readConstExpr(r *reader) (ConstExpr, error) {
	start := r.pos
	if e, ok := d.intConst(r); ok {
		return e, nil
	}
	or := &d.ops
	or.reset(r.buf[r.pos:], r.offset(), d.features)
	or.r.whole = r.whole
	first := len(d.constOps)
	depth := 0
	var op Operator
	for {
		if err := or.Read(&op); err != nil {
			return ConstExpr{}, err
		}
		switch op.Op {
		case OpBlock, OpLoop, OpIf, OpTry, OpTryTable:
			depth++
		case OpEnd:
			if depth == 0 {
				r.pos += or.r.pos
				ops := d.constOps[first:len(d.constOps):len(d.constOps)]
				return ConstExpr{Offset: r.base + start, Bytes: r.buf[start:r.pos:r.pos], Ops: ops}, nil
			}
			depth--
		}
		d.constOps = append(d.constOps, ConstOp{
			Op: op.Op, Offset: op.Offset, Imm: op.Imm, Index: op.Index, Index2: op.Index2, Heap: op.Heap, V128: op.V128,
		})
	}
}

// intConst decodes "i32.const n end" or "i64.const n end" at r's position
// without the operator reader, giving the ConstExpr readConstExpr would:
// segment offsets are nearly all of that form and a module may have tens
// of thousands of them. Anything else, including a malformed number,
// leaves r alone and reports false.
func (d *decoder) intConst(r *reader) (ConstExpr, bool) {
	start := r.pos
	if start >= len(r.buf) {
		return ConstExpr{}, false
	}
	op := Opcode(r.buf[start])
	if op != OpI32Const && op != OpI64Const {
		return ConstExpr{}, false
	}
	r.pos++
	var imm uint64
	var err error
	if op == OpI32Const {
		var v int32
		v, err = r.s32()
		imm = uint64(int64(v))
	} else {
		var v int64
		v, err = r.s64()
		imm = uint64(v)
	}
	if err != nil || r.pos >= len(r.buf) || r.buf[r.pos] != byte(OpEnd) {
		r.pos = start
		return ConstExpr{}, false
	}
	r.pos++
	d.constOps = append(d.constOps, ConstOp{Op: op, Offset: r.base + start, Imm: imm})
	ops := d.constOps[len(d.constOps)-1 : len(d.constOps) : len(d.constOps)]
	return ConstExpr{Offset: r.base + start, Bytes: r.buf[start:r.pos:r.pos], Ops: ops}, true
}
