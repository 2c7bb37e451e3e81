package wasm

import (
	"fmt"
	"math"
	"strings"
)

// MemArg is a memory operator's immediate: log2 alignment, static offset
// and memory index.
type MemArg struct {
	Align  uint32
	Offset uint64
	Memory uint32
}

// Catch kinds of a try_table clause.
const (
	CatchTag    = 0 // catch tag label
	CatchTagRef = 1 // catch_ref tag label
	CatchAll    = 2 // catch_all label
	CatchAllRef = 3 // catch_all_ref label
)

// Catch is one clause of a try_table.
type Catch struct {
	Kind  byte
	Tag   uint32
	Label uint32
}

// Operator is one decoded instruction. Only the fields its opcode's
// immediates use are meaningful; the rest hold stale values from earlier
// operators (the reader reuses them to avoid clearing ~100 bytes per op).
type Operator struct {
	Op     Opcode
	Offset int // module offset of the opcode's first byte

	Block  BlockType // block, loop, if, try, try_table
	Index  uint32    // first index immediate: label, function, local, global, table, memory, type, tag, data, elem; select arity
	Index2 uint32    // second index immediate: table of call_indirect, field, count, data, elem, source of copies
	Mem    MemArg
	Lane   byte
	Imm    uint64   // i32.const/i64.const (sign-extended), f32/f64 bits
	V128   [16]byte // v128.const bytes, i8x16.shuffle lanes
	Heap   HeapType // ref.null, ref.test, ref.cast; br_on_cast source
	Heap2  HeapType // br_on_cast target
	Flags  byte     // br_on_cast nullability: bit 0 source, bit 1 target
	Type   ValType  // select's result type (when Index == 1)

	Targets BrTable   // br_table
	Catches CatchList // try_table
}

// I32 returns the value of an i32.const.
func (o *Operator) I32() int32 { return int32(o.Imm) }

// I64 returns the value of an i64.const.
func (o *Operator) I64() int64 { return int64(o.Imm) }

// BrTable is a br_table's label list, still encoded: Count targets then the
// default. The reader has checked the encoding, so iteration cannot fail.
type BrTable struct {
	Count   uint32
	Default uint32
	data    []byte
}

// Iter returns an iterator over the targets (not including the default).
func (t BrTable) Iter() LabelIter { return LabelIter{data: t.data, left: t.Count} }

// LabelIter walks a br_table's targets without allocating.
type LabelIter struct {
	data []byte
	left uint32
}

// Next returns the next target, or ok == false after the last.
func (it *LabelIter) Next() (label uint32, ok bool) {
	if it.left == 0 {
		return 0, false
	}
	it.left--
	var shift uint
	for i, b := range it.data {
		label |= uint32(b&0x7f) << shift
		if b < 0x80 {
			it.data = it.data[i+1:]
			return label, true
		}
		shift += 7
	}
	return label, true
}

// CatchList is a try_table's catch clauses, still encoded.
type CatchList struct {
	Count uint32
	data  []byte
}

// Iter returns an iterator over the clauses.
func (c CatchList) Iter() CatchIter { return CatchIter{r: reader{buf: c.data}, left: c.Count} }

// CatchIter walks catch clauses without allocating.
type CatchIter struct {
	r    reader
	left uint32
}

// Next returns the next clause, or ok == false after the last.
func (it *CatchIter) Next() (c Catch, ok bool) {
	if it.left == 0 {
		return c, false
	}
	it.left--
	c.Kind, _ = it.r.byte()
	if c.Kind == CatchTag || c.Kind == CatchTagRef {
		c.Tag, _ = it.r.u32()
	}
	c.Label, _ = it.r.u32()
	return c, true
}

// OperatorReader decodes a function body (or constant expression) one
// operator at a time. It allocates nothing per operator: variable-length
// immediates (br_table, try_table) are returned as views into the body.
type OperatorReader struct {
	r reader
	f Features
}

// NewOperatorReader reads instructions from code, whose first byte is at
// module offset baseOffset. All features are accepted; use
// NewOperatorReaderFeatures to reject operators of disabled proposals.
func NewOperatorReader(code []byte, baseOffset int) *OperatorReader {
	return NewOperatorReaderFeatures(code, baseOffset, FeaturesAll)
}

// NewOperatorReaderFeatures is NewOperatorReader restricted to features f.
func NewOperatorReaderFeatures(code []byte, baseOffset int, f Features) *OperatorReader {
	return &OperatorReader{r: newReader(code, baseOffset), f: f &^ gateSlow}
}

func (or *OperatorReader) reset(code []byte, baseOffset int, f Features) {
	or.r = newReader(code, baseOffset)
	or.f = f &^ gateSlow
}

// Done reports whether every byte has been consumed.
func (or *OperatorReader) Done() bool { return or.r.eof() }

// Offset returns the module offset of the next operator.
func (or *OperatorReader) Offset() int { return or.r.offset() }

// Next decodes the next operator.
func (or *OperatorReader) Next() (Operator, error) {
	var op Operator
	err := or.Read(&op)
	return op, err
}

// Read decodes the next operator into op, reusing its storage.
func (or *OperatorReader) Read(op *Operator) error {
	r := &or.r
	op.Offset = r.base + r.pos
	if r.pos >= len(r.buf) {
		return r.errEOF()
	}
	b := r.buf[r.pos]
	r.pos++
	var err error
	var info *opInfo
	// One test sends prefixes, unassigned bytes and operators of
	// disabled proposals to the slow path; every other one-byte opcode
	// is its own table index.
	if plainGate[b]&^or.f == 0 {
		info = &plainOps[b]
		op.Op = Opcode(b)
	} else if info, err = or.readSlow(op, b); err != nil {
		return err
	}
	// No pointer to info is stored: op usually lives in the heap, and
	// a pointer store there costs a write barrier whenever the GC is
	// marking. The validator finds the row again from op.Op.
	switch info.imm {
	case immNone:
	case immBlock:
		op.Block, err = readBlockType(r, or.f)
	case immLabel, immFunc, immType, immLocal, immGlobal, immTable, immMem, immTag, immData, immElem:
		// r.u32 is too big to inline; a one-byte index is the rule.
		if p := r.pos; p < len(r.buf) && r.buf[p] < 0x80 {
			op.Index = uint32(r.buf[p])
			r.pos = p + 1
		} else {
			op.Index, err = r.u32()
		}
	case immCallIndirect, immTypeField, immTypeN, immTypeData, immTypeElem, immTypeType,
		immDataMem, immElemTable, immMemMem, immTableTable:
		if op.Index, err = r.u32(); err == nil {
			op.Index2, err = r.u32()
		}
	case immBrTable:
		err = or.readBrTable(op)
	case immMemArg:
		// One-byte alignment without a memory index, one-byte offset.
		if p := r.pos; p+1 < len(r.buf) && r.buf[p] < 0x40 && r.buf[p+1] < 0x80 {
			op.Mem = MemArg{Align: uint32(r.buf[p]), Offset: uint64(r.buf[p+1])}
			r.pos = p + 2
		} else {
			op.Mem, err = readMemArg(r, or.f)
		}
	case immMemLane:
		if op.Mem, err = readMemArg(r, or.f); err == nil {
			op.Lane, err = r.byte()
		}
	case immLane:
		op.Lane, err = r.byte()
	case immI32:
		var v int32
		v, err = r.s32()
		op.Imm = uint64(int64(v))
	case immI64:
		var v int64
		v, err = r.s64()
		op.Imm = uint64(v)
	case immF32:
		var v uint32
		v, err = r.f32bits()
		op.Imm = uint64(v)
	case immF64:
		op.Imm, err = r.f64bits()
	case immV128, immShuffle:
		var bs []byte
		if bs, err = r.bytes(16); err == nil {
			copy(op.V128[:], bs)
		}
	case immSelect:
		var n uint32
		if n, err = r.u32(); err != nil {
			break
		}
		op.Index = n
		if int64(n) > int64(r.remaining()) {
			return r.errEOF()
		}
		// Only arity 1 is valid, which the validator checks; keep the
		// first type.
		for i := uint32(0); i < n && err == nil; i++ {
			var t ValType
			if t, err = readValType(r, or.f); i == 0 {
				op.Type = t
			}
		}
	case immHeap:
		op.Heap, err = readHeapType(r, or.f)
	case immTryTable:
		if op.Block, err = readBlockType(r, or.f); err == nil {
			err = or.readCatches(op)
		}
	case immBrCast:
		if op.Flags, err = r.byte(); err != nil {
			break
		}
		if op.Flags > 3 {
			return errorf(op.Offset, "malformed br_on_cast flags %d", op.Flags)
		}
		if op.Index, err = r.u32(); err != nil {
			break
		}
		if op.Heap, err = readHeapType(r, or.f); err == nil {
			op.Heap2, err = readHeapType(r, or.f)
		}
	case immZero:
		var z byte
		if z, err = r.byte(); err == nil && z != 0 {
			err = errorf(op.Offset, "malformed atomic.fence: reserved byte must be zero")
		}
	}
	return err
}

// readSlow decodes the opcode of a prefixed operator, whose first byte b
// has been read, into op.Op, or reports why b does not start an operator
// under the reader's features.
func (or *OperatorReader) readSlow(op *Operator, b byte) (*opInfo, error) {
	if b < 0xfb || b > 0xfe {
		info := &plainOps[b]
		if info.name == "" {
			return nil, errorf(op.Offset, "%s %02x", msgIllegalOpcode, b)
		}
		return nil, errorf(op.Offset, "%s %02x: %s requires %v", msgIllegalOpcode, b, info.name, info.feature)
	}
	sub, err := or.r.u32()
	if err != nil {
		return nil, err
	}
	code := Opcode(uint32(b)<<16 | sub&0xffff)
	var info *opInfo
	if sub <= 0xffff {
		info = code.info()
	}
	if info == nil {
		return nil, errorf(op.Offset, "%s %02x %x", msgIllegalOpcode, b, sub)
	}
	if info.feature != 0 && or.f&info.feature == 0 {
		return nil, errorf(op.Offset, "%s %02x: %s requires %v", msgIllegalOpcode, b, info.name, info.feature)
	}
	op.Op = code
	return info, nil
}

// plainGate holds, per first byte, what Read's fast path requires of the
// reader's features: the operator's proposal, or gateSlow for a prefix
// byte or an unassigned opcode (no feature set contains it, since readers
// clear it from theirs). Every proposal is a single bit, so "f lacks the
// operator's proposal" is gate&^f != 0.
var plainGate = func() (g [256]Features) {
	for b := range g {
		switch {
		case b >= 0xfb && b <= 0xfe, plainOps[b].name == "":
			g[b] = gateSlow
		default:
			g[b] = plainOps[b].feature
		}
	}
	return g
}()

const gateSlow Features = 1 << 63

func (or *OperatorReader) readBrTable(op *Operator) error {
	r := &or.r
	n, err := r.u32()
	if err != nil {
		return err
	}
	if int64(n) > int64(r.remaining()) {
		return r.errEOF()
	}
	start := r.pos
	for i := uint32(0); i < n; i++ {
		if _, err := r.u32(); err != nil {
			return err
		}
	}
	op.Targets.data = r.buf[start:r.pos]
	op.Targets.Count = n
	op.Targets.Default, err = r.u32()
	return err
}

func (or *OperatorReader) readCatches(op *Operator) error {
	r := &or.r
	n, err := r.count()
	if err != nil {
		return err
	}
	start := r.pos
	for i := 0; i < n; i++ {
		kind, err := r.byte()
		if err != nil {
			return err
		}
		switch kind {
		case CatchTag, CatchTagRef:
			if _, err := r.u32(); err != nil {
				return err
			}
		case CatchAll, CatchAllRef:
		default:
			return errorf(r.offset()-1, "malformed catch clause kind %d", kind)
		}
		if _, err := r.u32(); err != nil {
			return err
		}
	}
	op.Catches = CatchList{Count: uint32(n), data: r.buf[start:r.pos]}
	return nil
}

// readMemArg decodes a memarg. Bit 6 of the alignment field says a memory
// index follows (multi-memory); larger flag values are malformed.
func readMemArg(r *reader, f Features) (MemArg, error) {
	var m MemArg
	start := r.offset()
	flags, err := r.u32()
	if err != nil {
		return m, err
	}
	if flags >= 0x80 {
		return m, errorf(start, msgMemopFlags)
	}
	if flags&0x40 != 0 {
		if !f.Has(MultiMemory) {
			return m, errorf(start, msgMemopFlags)
		}
		if m.Memory, err = r.u32(); err != nil {
			return m, err
		}
		flags &^= 0x40
	}
	m.Align = flags
	m.Offset, err = r.u64()
	return m, err
}

// readBlockType decodes a block type: 0x40 (empty), a value type, or a
// non-negative s33 type index.
func readBlockType(r *reader, f Features) (BlockType, error) {
	b, err := r.peek()
	if err != nil {
		return BlockType{}, err
	}
	if b == 0x40 {
		r.pos++
		return BlockType{Index: -1}, nil
	}
	if b&0xc0 == 0x40 { // a one-byte negative s33: a value type code
		t, err := readValType(r, f)
		return BlockType{Index: -1, Result: t, HasResult: true}, err
	}
	start := r.offset()
	v, err := r.s33()
	if err != nil {
		return BlockType{}, err
	}
	if v < 0 {
		return BlockType{}, errorf(start, "malformed block type")
	}
	if v > 1<<31-1 {
		return BlockType{}, errorf(start, "unknown type %d", v)
	}
	return BlockType{Index: int32(v)}, nil
}

// readValType decodes a value type.
func readValType(r *reader, f Features) (ValType, error) {
	start := r.offset()
	b, err := r.byte()
	if err != nil {
		return ValType{}, err
	}
	switch b {
	case 0x7f:
		return I32, nil
	case 0x7e:
		return I64, nil
	case 0x7d:
		return F32, nil
	case 0x7c:
		return F64, nil
	case 0x7b:
		if f.Has(SIMD) {
			return V128, nil
		}
	case 0x64, 0x63:
		if !f.Has(FunctionReferences) {
			break
		}
		h, err := readHeapType(r, f)
		return ValType{Kind: KindRef, Nullable: b == 0x63, Heap: h}, err
	default:
		h := HeapType(int8(b<<1) >> 1)
		if b&0xc0 == 0x40 && h.validAbstract() && heapAllowed(h, f) {
			return ValType{Kind: KindRef, Nullable: true, Heap: h}, nil
		}
	}
	return ValType{}, errorf(start, "%s 0x%02x", msgValType, b)
}

// readStorageType decodes a GC field's storage type.
func readStorageType(r *reader, f Features) (ValType, error) {
	if b, err := r.peek(); err == nil && (b == 0x78 || b == 0x77) {
		r.pos++
		if b == 0x78 {
			return ValType{Kind: KindI8}, nil
		}
		return ValType{Kind: KindI16}, nil
	}
	return readValType(r, f)
}

// readHeapType decodes a heap type: an abstract type code or a type index.
func readHeapType(r *reader, f Features) (HeapType, error) {
	start := r.offset()
	v, err := r.s33()
	if err != nil {
		return 0, err
	}
	if v >= 0 {
		if v > 1<<31-1 || !f.Has(FunctionReferences) {
			return 0, errorf(start, "unknown type %d", v)
		}
		return HeapType(v), nil
	}
	h := HeapType(v)
	if !h.validAbstract() || !heapAllowed(h, f) {
		return 0, errorf(start, "%s: heap type %d", msgRefType, v)
	}
	return h, nil
}

// heapAllowed reports whether abstract heap type h exists under f.
func heapAllowed(h HeapType, f Features) bool {
	switch h {
	case HeapFunc:
		return true // funcref tables predate reference types
	case HeapExtern:
		return f.Has(ReferenceTypes)
	case HeapExn, HeapNoExn:
		return f.Has(ExceptionHandling)
	}
	return f.Has(GC)
}

// String renders the operator in a text-format-like form for debugging
// and listings: "i32.const -5", "br_table 0 1 2", "i32.load offset=16
// align=4". Type and heap immediates use this package's spelling.
func (o *Operator) String() string {
	var b strings.Builder
	b.WriteString(o.Op.Name())
	info := o.Op.info()
	if info == nil {
		return o.Op.String()
	}
	sp := func(format string, args ...any) { fmt.Fprintf(&b, " "+format, args...) }
	blockType := func() {
		if o.Block.Index >= 0 {
			sp("(type %d)", o.Block.Index)
		} else if o.Block.HasResult {
			sp("(result %v)", o.Block.Result)
		}
	}
	memarg := func() {
		if o.Mem.Memory != 0 {
			sp("%d", o.Mem.Memory)
		}
		if o.Mem.Offset != 0 {
			sp("offset=%d", o.Mem.Offset)
		}
		if info.align >= 0 && o.Mem.Align != uint32(info.align) {
			sp("align=%d", uint64(1)<<min(o.Mem.Align, 63))
		}
	}
	switch info.imm {
	case immBlock:
		blockType()
	case immLabel, immFunc, immType, immLocal, immGlobal, immTable, immMem, immTag, immData, immElem:
		sp("%d", o.Index)
	case immCallIndirect, immTypeField, immTypeN, immTypeData, immTypeElem, immTypeType,
		immDataMem, immElemTable, immMemMem, immTableTable:
		sp("%d %d", o.Index, o.Index2)
	case immBrTable:
		it := o.Targets.Iter()
		for l, ok := it.Next(); ok; l, ok = it.Next() {
			sp("%d", l)
		}
		sp("%d", o.Targets.Default)
	case immMemArg:
		memarg()
	case immMemLane:
		memarg()
		sp("%d", o.Lane)
	case immLane:
		sp("%d", o.Lane)
	case immI32:
		sp("%d", o.I32())
	case immI64:
		sp("%d", o.I64())
	case immF32:
		sp("%v", math.Float32frombits(uint32(o.Imm)))
	case immF64:
		sp("%v", math.Float64frombits(o.Imm))
	case immV128:
		sp("i8x16")
		for _, x := range o.V128 {
			sp("%d", x)
		}
	case immShuffle:
		for _, x := range o.V128 {
			sp("%d", x)
		}
	case immSelect:
		if o.Index == 1 {
			sp("(result %v)", o.Type)
		}
	case immHeap:
		sp("%v", o.Heap)
	case immTryTable:
		blockType()
		it := o.Catches.Iter()
		names := [...]string{"catch", "catch_ref", "catch_all", "catch_all_ref"}
		for c, ok := it.Next(); ok; c, ok = it.Next() {
			if c.Kind <= CatchTagRef {
				sp("(%s %d %d)", names[c.Kind], c.Tag, c.Label)
			} else {
				sp("(%s %d)", names[c.Kind&3], c.Label)
			}
		}
	case immBrCast:
		sp("%d %v %v", o.Index, RefOf(o.Heap, o.Flags&1 != 0), RefOf(o.Heap2, o.Flags&2 != 0))
	}
	return b.String()
}
