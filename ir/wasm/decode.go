package wasm

import "slices"

// Section ids.
const (
	secCustom    = 0
	secType      = 1
	secImport    = 2
	secFunction  = 3
	secTable     = 4
	secMemory    = 5
	secGlobal    = 6
	secExport    = 7
	secStart     = 8
	secElement   = 9
	secCode      = 10
	secData      = 11
	secDataCount = 12
	secTag       = 13
)

// sectionRank orders the non-custom sections as the binary format requires
// (the tag section sits between memory and global, data count between
// element and code).
var sectionRank = [...]int{
	secType: 1, secImport: 2, secFunction: 3, secTable: 4, secMemory: 5, secTag: 6,
	secGlobal: 7, secExport: 8, secStart: 9, secElement: 10, secDataCount: 11, secCode: 12, secData: 13,
}

// Limits that keep hostile modules from making the decoder or validator
// allocate without bound. Counts are also checked against the bytes left.
const (
	maxLocals = 50000   // per function, parameters included
	maxTypes  = 1000000 // type section entries
	maxParams = 1000    // per function type, each of params and results
	maxFields = 10000   // per struct type
)

type decoder struct {
	m        *Module
	features Features
	ops      OperatorReader
	constOps []ConstOp
	locals   []LocalGroup

	funcCount int // entries of the function section

	// lazyBodies skips the well-formedness pass over function bodies;
	// DecodeAndValidate sets it because validation reads every body
	// anyway, and recovers the malformed-first order on failure.
	lazyBodies bool

	// codeDone, when set, runs once the code section has been decoded
	// (DecodeAndValidate starts validating bodies there).
	codeDone func()
}

// Decode decodes a module binary. Section contents are decoded and checked
// for well-formedness; function bodies are kept as byte ranges (their
// locals are decoded) and their instructions are decoded later by the
// validator or a compiler. The result aliases b.
func Decode(b []byte, f Features) (*Module, error) {
	d := &decoder{m: &Module{}, features: f}
	if err := d.module(b); err != nil {
		return nil, err
	}
	return d.m, nil
}

// DecodeAndValidate decodes and then validates a module.
//
// It returns exactly the error Decode followed by Validate would, but
// reads each function body once instead of twice when the module is
// valid: the bodies' well-formedness pass is skipped during decoding and
// only run when something fails, to put a malformed body first (decoding
// precedes validation in the spec, and a body precedes the sections after
// it).
//
// Function bodies are validated in parallel when the module is large; see
// Options.Parallelism.
func DecodeAndValidate(b []byte, f Features) (*Module, error) {
	return decodeAndValidate(b, Options{Features: f})
}

func decodeAndValidate(b []byte, o Options) (*Module, error) {
	d := &decoder{m: &Module{}, features: o.Features, lazyBodies: true}
	mv := newModuleValidator(d.m, o)
	// Bodies are validated in the background while the rest of the
	// binary (data segments, often a tenth of the decoding time, and
	// the name section) is decoded, once everything before them has
	// been decoded and validated. The errors keep their order: a
	// decoding error first, then the module-level rules (data segments
	// last), then the lowest failing body.
	var (
		early    *bodyRun
		earlyErr error // from beforeCode, when it ran early
		ranEarly bool
	)
	d.codeDone = func() {
		if d.funcCount != len(d.m.Code) {
			return // a decoding error will follow
		}
		workers := mv.bodyWorkers()
		if workers <= 1 {
			return
		}
		ranEarly = true
		if earlyErr = mv.beforeCode(); earlyErr == nil {
			early = mv.startBodies(workers, workers-1)
		}
	}
	err := d.module(b)
	if err != nil {
		if early != nil {
			early.cancel()
		}
		if e, ok := err.(*Error); ok {
			if berr := d.scanBodies(e.Offset); berr != nil {
				return nil, berr
			}
		}
		return nil, err
	}
	switch {
	case !ranEarly:
		err = mv.validate()
	case earlyErr != nil:
		err = earlyErr
	default:
		if err = mv.datas(); err != nil {
			early.cancel()
		} else {
			err = early.finish()
		}
	}
	if err != nil {
		if berr := d.scanBodies(len(b)); berr != nil {
			return nil, berr
		}
		return nil, err
	}
	return d.m, nil
}

// scanBodies runs the well-formedness pass over the decoded bodies that
// start before module offset limit and returns the first error.
func (d *decoder) scanBodies(limit int) error {
	for i := range d.m.Code {
		c := &d.m.Code[i]
		if c.Offset >= limit || c.Expr == nil { // nil: not decoded (the failure was here or before)
			break
		}
		if err := d.scanBody(c, d.m.NumImportedFuncs+i); err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) module(b []byte) error {
	d.m.raw = b
	r := reader{buf: b, end: msgUnexpectedEnd, whole: b}
	magic, err := r.bytes(4)
	if err != nil {
		return err
	}
	if string(magic) != "\x00asm" {
		return errorf(0, msgMagic)
	}
	version, err := r.bytes(4)
	if err != nil {
		return err
	}
	if string(version) != "\x01\x00\x00\x00" {
		return errorf(4, msgVersion)
	}
	lastRank := 0
	for !r.eof() {
		secStart := r.offset()
		id, _ := r.byte()
		size, err := r.u32()
		if err != nil {
			return err
		}
		if int64(size) > int64(r.remaining()) {
			return errorf(r.offset(), "%s: section size %d, %d bytes left", msgLengthBounds, size, r.remaining())
		}
		sr := r.sub(int(size))
		if id != secCustom {
			if int(id) >= len(sectionRank) {
				return errorf(secStart, "%s %d", msgSectionID, id)
			}
			rank := sectionRank[id]
			if rank <= lastRank {
				return errorf(secStart, "%s: section %d out of order or repeated", msgJunkAfterLast, id)
			}
			lastRank = rank
		}
		if err := d.section(id, &sr); err != nil {
			return err
		}
		if !sr.eof() {
			return errorf(sr.offset(), "%s: section %d has %d bytes left over", msgSectionSize, id, sr.remaining())
		}
		if id == secCode && d.codeDone != nil {
			d.codeDone()
		}
	}
	m := d.m
	if d.funcCount != len(m.Code) {
		return errorf(r.offset(), "%s: %d functions, %d bodies", msgFuncCodeLengths, d.funcCount, len(m.Code))
	}
	if m.HasDataCount && int(m.DataCount) != len(m.Datas) {
		return errorf(r.offset(), "%s: data count %d, %d segments", msgDataCountLengths, m.DataCount, len(m.Datas))
	}
	return nil
}

func (d *decoder) section(id byte, r *reader) error {
	switch id {
	case secCustom:
		return d.customSection(r)
	case secType:
		return d.typeSection(r)
	case secImport:
		return d.importSection(r)
	case secFunction:
		return d.functionSection(r)
	case secTable:
		return d.vec(r, d.table)
	case secMemory:
		return d.vec(r, func(r *reader) error {
			mt, err := d.memoryType(r)
			d.m.Memories = append(d.m.Memories, mt)
			d.m.MemTypes = append(d.m.MemTypes, mt)
			return err
		})
	case secTag:
		return d.vec(r, func(r *reader) error {
			off := r.offset()
			ti, err := d.tagType(r)
			d.m.Tags = append(d.m.Tags, Tag{TypeIndex: ti, Offset: off})
			d.m.TagTypes = append(d.m.TagTypes, ti)
			return err
		})
	case secGlobal:
		return d.vecReserve(r, d.global, func(n int) {
			d.m.Globals = make([]Global, 0, n)
			d.constOps = slices.Grow(d.constOps, n)
		})
	case secExport:
		return d.vecReserve(r, d.export, func(n int) { d.m.Exports = make([]Export, 0, n) })
	case secStart:
		d.m.startOffset = r.offset()
		idx, err := r.u32()
		d.m.Start, d.m.HasStart = idx, true
		return err
	case secElement:
		return d.vecReserve(r, d.elem, func(n int) { d.m.Elems = make([]Elem, 0, n) })
	case secDataCount:
		n, err := r.u32()
		d.m.DataCount, d.m.HasDataCount = n, true
		return err
	case secCode:
		return d.codeSection(r)
	case secData:
		return d.vecReserve(r, d.data, func(n int) {
			d.m.Datas = make([]Data, 0, n)
			d.constOps = slices.Grow(d.constOps, n)
		})
	}
	return nil
}

// vec reads a vector whose elements are decoded by elem.
func (d *decoder) vec(r *reader, elem func(*reader) error) error {
	return d.vecReserve(r, elem, nil)
}

// vecReserve is vec with a hook that sizes the destination once the count
// is known (and checked against the bytes left).
func (d *decoder) vecReserve(r *reader, elem func(*reader) error, reserve func(n int)) error {
	n, err := r.count()
	if err != nil {
		return err
	}
	if reserve != nil {
		reserve(n)
	}
	for i := 0; i < n; i++ {
		if err := elem(r); err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) customSection(r *reader) error {
	// The reference decoder reads custom sections bounded by their size,
	// so nothing past the end may change the reason for a failure.
	r.whole = nil
	off := r.offset()
	name, err := r.name()
	if err != nil {
		return err
	}
	data := r.buf[r.pos:]
	r.pos = len(r.buf)
	if name == "name" && d.m.Names == nil {
		// A malformed name section is not an error: custom sections
		// never make a module invalid. Keep what decoded.
		d.m.Names = decodeNames(data, r.offset()-len(data))
		return nil
	}
	d.m.Customs = append(d.m.Customs, CustomSection{Name: name, Data: data, Offset: off})
	return nil
}

func (d *decoder) typeSection(r *reader) error {
	n, err := r.count()
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		b, err := r.peek()
		if err != nil {
			return err
		}
		start := uint32(len(d.m.Types))
		if b == 0x4e {
			if !d.features.Has(GC) {
				return errorf(r.offset(), "%s: rec group requires gc", msgIllegalOpcode)
			}
			r.pos++
			k, err := r.count()
			if err != nil {
				return err
			}
			for j := 0; j < k; j++ {
				if err := d.subType(r); err != nil {
					return err
				}
			}
		} else if err := d.subType(r); err != nil {
			return err
		}
		d.m.RecGroups = append(d.m.RecGroups, RecGroup{Start: start, Len: uint32(len(d.m.Types)) - start})
	}
	return nil
}

func (d *decoder) subType(r *reader) error {
	if len(d.m.Types) >= maxTypes {
		return errorf(r.offset(), "too many types")
	}
	st := SubType{Final: true, Super: -1, Offset: r.offset()}
	b, err := r.peek()
	if err != nil {
		return err
	}
	if b == 0x50 || b == 0x4f {
		if !d.features.Has(GC) {
			return errorf(r.offset(), "%s: sub type requires gc", msgIllegalOpcode)
		}
		r.pos++
		st.Final = b == 0x4f
		off := r.offset()
		k, err := r.count()
		if err != nil {
			return err
		}
		if k > 1 {
			return errorf(off, "sub type: %d supertypes, at most one allowed", k)
		}
		if k == 1 {
			s, err := r.u32()
			if err != nil {
				return err
			}
			if s > 1<<31-1 {
				return errorf(off, "unknown type %d", s)
			}
			st.Super = int32(s)
		}
	}
	off := r.offset()
	form, err := r.byte()
	if err != nil {
		return err
	}
	switch form {
	case 0x60:
		st.Kind = CompFunc
		if st.Params, err = d.resultTypes(r); err != nil {
			return err
		}
		if st.Results, err = d.resultTypes(r); err != nil {
			return err
		}
	case 0x5f, 0x5e:
		if !d.features.Has(GC) {
			return errorf(off, "malformed type form 0x%02x", form)
		}
		k := 1
		st.Kind = CompArray
		if form == 0x5f {
			st.Kind = CompStruct
			if k, err = r.count(); err != nil {
				return err
			}
			if k > maxFields {
				return errorf(off, "struct with %d fields exceeds the limit of %d", k, maxFields)
			}
		}
		st.Fields = make([]FieldType, k)
		for j := range st.Fields {
			if st.Fields[j].Type, err = readStorageType(r, d.features); err != nil {
				return err
			}
			if st.Fields[j].Mutable, err = d.mutability(r); err != nil {
				return err
			}
		}
	default:
		if form >= 0x80 { // the form is an s7: a multi-byte encoding is overlong
			return errorf(off, "%s: type form", msgIntTooLong)
		}
		return errorf(off, "malformed type form 0x%02x", form)
	}
	d.m.Types = append(d.m.Types, st)
	return nil
}

func (d *decoder) resultTypes(r *reader) ([]ValType, error) {
	off := r.offset()
	n, err := r.count()
	if err != nil {
		return nil, err
	}
	if n > maxParams {
		return nil, errorf(off, "function type with %d values exceeds the limit of %d", n, maxParams)
	}
	if n == 0 {
		return nil, nil
	}
	ts := make([]ValType, n)
	for i := range ts {
		if ts[i], err = readValType(r, d.features); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

func (d *decoder) mutability(r *reader) (bool, error) {
	off := r.offset()
	b, err := r.byte()
	if err != nil {
		return false, err
	}
	if b > 1 {
		return false, errorf(off, msgMutability)
	}
	return b == 1, nil
}

func (d *decoder) importSection(r *reader) error {
	m := d.m
	return d.vec(r, func(r *reader) error {
		imp := Import{Offset: r.offset()}
		var err error
		if imp.Module, err = r.name(); err != nil {
			return err
		}
		if imp.Name, err = r.name(); err != nil {
			return err
		}
		kindOff := r.offset()
		kind, err := r.byte()
		if err != nil {
			return err
		}
		imp.Kind = ExternKind(kind)
		switch imp.Kind {
		case ExternFunc:
			imp.TypeIndex, err = r.u32()
			m.FuncTypes = append(m.FuncTypes, imp.TypeIndex)
			m.NumImportedFuncs++
		case ExternTable:
			imp.Table, err = d.tableType(r)
			m.TableTypes = append(m.TableTypes, imp.Table)
			m.NumImportedTables++
		case ExternMemory:
			imp.Memory, err = d.memoryType(r)
			m.MemTypes = append(m.MemTypes, imp.Memory)
			m.NumImportedMemories++
		case ExternGlobal:
			imp.Global, err = d.globalType(r)
			m.GlobalTypes = append(m.GlobalTypes, imp.Global)
			m.NumImportedGlobals++
		case ExternTag:
			if !d.features.Has(ExceptionHandling) {
				return errorf(kindOff, msgImportKind)
			}
			imp.TypeIndex, err = d.tagType(r)
			m.TagTypes = append(m.TagTypes, imp.TypeIndex)
			m.NumImportedTags++
		default:
			return errorf(kindOff, msgImportKind)
		}
		m.Imports = append(m.Imports, imp)
		return err
	})
}

func (d *decoder) functionSection(r *reader) error {
	n, err := r.count()
	if err != nil {
		return err
	}
	d.funcCount = n
	d.m.Funcs = make([]uint32, n)
	d.m.funcOffsets = make([]int, n)
	for i := range d.m.Funcs {
		d.m.funcOffsets[i] = r.offset()
		if d.m.Funcs[i], err = r.u32(); err != nil {
			return err
		}
	}
	d.m.FuncTypes = append(d.m.FuncTypes, d.m.Funcs...)
	return nil
}

func (d *decoder) tagType(r *reader) (uint32, error) {
	off := r.offset()
	attr, err := r.byte()
	if err != nil {
		return 0, err
	}
	if attr != 0 {
		return 0, errorf(off, "malformed tag attribute %d", attr)
	}
	return r.u32()
}

// limits decodes limits flags and bounds. Flag bits: 0x01 has maximum,
// 0x02 shared, 0x04 64-bit. Bounds are read as u64 always; the validator
// checks the range for 32-bit memories and tables.
func (d *decoder) limits(r *reader, isMemory bool) (l Limits, shared, is64 bool, err error) {
	off := r.offset()
	flags, err := r.byte()
	if err != nil {
		return
	}
	allowed := byte(0x01)
	if d.features.Has(Memory64) {
		allowed |= 0x04
	}
	if isMemory && d.features.Has(Threads) {
		allowed |= 0x02
	}
	if flags&^allowed != 0 {
		err = errorf(off, "%s 0x%02x", msgLimitsFlags, flags)
		return
	}
	shared, is64 = flags&0x02 != 0, flags&0x04 != 0
	if l.Min, err = r.u64(); err != nil {
		return
	}
	if flags&0x01 != 0 {
		l.HasMax = true
		l.Max, err = r.u64()
	}
	return
}

func (d *decoder) tableType(r *reader) (TableType, error) {
	var tt TableType
	var err error
	if tt.Elem, err = readValType(r, d.features); err != nil {
		return tt, err
	}
	if !tt.Elem.IsRef() {
		return tt, errorf(r.offset()-1, msgRefType)
	}
	tt.Limits, _, tt.Table64, err = d.limits(r, false)
	return tt, err
}

func (d *decoder) memoryType(r *reader) (MemoryType, error) {
	var mt MemoryType
	var err error
	mt.Limits, mt.Shared, mt.Memory64, err = d.limits(r, true)
	return mt, err
}

func (d *decoder) globalType(r *reader) (GlobalType, error) {
	var gt GlobalType
	var err error
	if gt.Type, err = readValType(r, d.features); err != nil {
		return gt, err
	}
	gt.Mutable, err = d.mutability(r)
	return gt, err
}

func (d *decoder) table(r *reader) error {
	t := Table{Offset: r.offset()}
	var err error
	if b, _ := r.peek(); b == 0x40 {
		r.pos++
		if z, err := r.byte(); err != nil {
			return err
		} else if z != 0 {
			return errorf(r.offset()-1, "malformed table: reserved byte must be zero")
		}
		if t.Type, err = d.tableType(r); err != nil {
			return err
		}
		t.HasInit = true
		if t.Init, err = d.readConstExpr(r); err != nil {
			return err
		}
	} else if t.Type, err = d.tableType(r); err != nil {
		return err
	}
	d.m.Tables = append(d.m.Tables, t)
	d.m.TableTypes = append(d.m.TableTypes, t.Type)
	return nil
}

func (d *decoder) global(r *reader) error {
	g := Global{Offset: r.offset()}
	var err error
	if g.Type, err = d.globalType(r); err != nil {
		return err
	}
	if g.Init, err = d.readConstExpr(r); err != nil {
		return err
	}
	d.m.Globals = append(d.m.Globals, g)
	d.m.GlobalTypes = append(d.m.GlobalTypes, g.Type)
	return nil
}

func (d *decoder) export(r *reader) error {
	e := Export{Offset: r.offset()}
	var err error
	if e.Name, err = r.name(); err != nil {
		return err
	}
	off := r.offset()
	kind, err := r.byte()
	if err != nil {
		return err
	}
	e.Kind = ExternKind(kind)
	if e.Kind > ExternTag || (e.Kind == ExternTag && !d.features.Has(ExceptionHandling)) {
		return errorf(off, "malformed export kind")
	}
	if e.Index, err = r.u32(); err != nil {
		return err
	}
	d.m.Exports = append(d.m.Exports, e)
	return nil
}

// elem decodes one element segment. The flags field selects one of eight
// forms: bit 0 passive/declarative, bit 1 explicit table index (active) or
// declarative (non-active), bit 2 expressions instead of function indices.
func (d *decoder) elem(r *reader) error {
	e := Elem{Offset: r.offset()}
	flags, err := r.u32()
	if err != nil {
		return err
	}
	if flags > 7 {
		return errorf(e.Offset, "malformed elements segment kind %d", flags)
	}
	switch {
	case flags&1 == 0:
		e.Mode = SegmentActive
	case flags&2 == 0:
		e.Mode = SegmentPassive
	default:
		e.Mode = SegmentDeclarative
	}
	if e.Mode == SegmentActive {
		if flags&2 != 0 {
			if e.Table, err = r.u32(); err != nil {
				return err
			}
		}
		if e.OffsetExpr, err = d.readConstExpr(r); err != nil {
			return err
		}
	}
	e.UsesExprs = flags&4 != 0
	if e.UsesExprs {
		e.Type = RefOf(HeapFunc, true)
		if flags&3 != 0 {
			if e.Type, err = readValType(r, d.features); err != nil {
				return err
			}
			if !e.Type.IsRef() {
				return errorf(r.offset()-1, msgRefType)
			}
		}
		n, err := r.count()
		if err != nil {
			return err
		}
		e.Exprs = make([]ConstExpr, n)
		for i := range e.Exprs {
			if e.Exprs[i], err = d.readConstExpr(r); err != nil {
				return err
			}
		}
	} else {
		e.Type = RefOf(HeapFunc, false)
		if flags&3 != 0 {
			off := r.offset()
			kind, err := r.byte()
			if err != nil {
				return err
			}
			if kind != 0 {
				return errorf(off, "malformed element kind %d", kind)
			}
		}
		n, err := r.count()
		if err != nil {
			return err
		}
		e.FuncIndices = make([]uint32, n)
		for i := range e.FuncIndices {
			if e.FuncIndices[i], err = r.u32(); err != nil {
				return err
			}
		}
	}
	d.m.Elems = append(d.m.Elems, e)
	return nil
}

func (d *decoder) data(r *reader) error {
	s := Data{Offset: r.offset()}
	flags, err := r.u32()
	if err != nil {
		return err
	}
	switch flags {
	case 0, 2:
		if flags == 2 {
			if s.Memory, err = r.u32(); err != nil {
				return err
			}
		}
		if s.OffsetExpr, err = d.readConstExpr(r); err != nil {
			return err
		}
	case 1:
		s.Mode = SegmentPassive
	default:
		return errorf(s.Offset, "malformed data segment kind %d", flags)
	}
	if s.Init, err = r.byteVec(); err != nil {
		return err
	}
	d.m.Datas = append(d.m.Datas, s)
	return nil
}

func (d *decoder) codeSection(r *reader) error {
	n, err := r.count()
	if err != nil {
		return err
	}
	d.m.Code = make([]Code, n)
	for i := range d.m.Code {
		size, err := r.u32()
		if err != nil {
			return err
		}
		if int64(size) > int64(r.remaining()) {
			return errorf(r.offset(), "%s: function body size %d, %d bytes left", msgLengthBounds, size, r.remaining())
		}
		c := &d.m.Code[i]
		c.Offset = r.offset()
		c.Body, _ = r.bytes(int(size))
		if err := d.decodeLocals(c, d.m.NumImportedFuncs+i); err != nil {
			return err
		}
		if d.lazyBodies {
			continue
		}
		if err := d.scanBody(c, d.m.NumImportedFuncs+i); err != nil {
			return err
		}
	}
	return nil
}

// scanBody checks that a body's instructions are well-formed: every
// opcode exists (under the enabled features), every immediate is encoded
// correctly, the body ends with end, and instructions that name a data
// segment appear only after a data count section. That is the binary
// format's part of the spec, so Decode reports it ("malformed"); typing is
// left to Validate, which reads the body again.
func (d *decoder) scanBody(c *Code, funcIdx int) error {
	or := &d.ops
	or.reset(c.Expr, c.ExprOffset, d.features)
	or.r.whole = d.m.raw
	depth := 0
	var op Operator
	for depth >= 0 {
		if err := or.Read(&op); err != nil {
			if e, ok := err.(*Error); ok {
				e.Func = funcIdx
				if e.Msg == msgUnexpectedEndSect {
					e.Msg = msgUnexpectedEndSect + ": " + msgEndExpected + " before the end of the body (section size mismatch)"
				}
			}
			return err
		}
		switch op.Op {
		case OpBlock, OpLoop, OpIf, OpTry, OpTryTable:
			depth++
		case OpEnd, OpDelegate:
			depth--
		case OpMemoryInit, OpDataDrop, OpArrayNewData, OpArrayInitData:
			if !d.m.HasDataCount {
				return &Error{Offset: op.Offset, Func: funcIdx, Msg: msgDataCountRequired}
			}
		}
	}
	if !or.Done() {
		return &Error{Offset: or.Offset(), Func: funcIdx, Msg: msgSectionSize + ": operators after the final end"}
	}
	return nil
}

// locals decodes the local declarations at the start of a body. The total,
// parameters included, is capped at maxLocals: the spec allows 2^32-1 but
// no engine can keep that many, and the validator keeps one type per
// local.
func (d *decoder) decodeLocals(c *Code, funcIdx int) error {
	r := newReader(c.Body, c.Offset)
	r.whole = d.m.raw
	n, err := r.count()
	if err != nil {
		return withFunc(err, funcIdx)
	}
	first := len(d.locals)
	var total uint64
	for i := 0; i < n; i++ {
		off := r.offset()
		k, err := r.u32()
		if err != nil {
			return withFunc(err, funcIdx)
		}
		total += uint64(k)
		if total > maxLocals {
			return &Error{Offset: off, Func: funcIdx, Msg: msgTooManyLocals}
		}
		t, err := readValType(&r, d.features)
		if err != nil {
			return withFunc(err, funcIdx)
		}
		d.locals = append(d.locals, LocalGroup{Count: k, Type: t})
	}
	c.Locals = d.locals[first:len(d.locals):len(d.locals)]
	c.NumLocals = uint32(total)
	c.Expr = c.Body[r.pos:]
	c.ExprOffset = r.offset()
	return nil
}

func withFunc(err error, funcIdx int) error {
	if e, ok := err.(*Error); ok && e.Func < 0 {
		e.Func = funcIdx
	}
	return err
}

// decodeNames decodes the "name" custom section leniently: subsections it
// cannot parse are dropped, and anything decoded before a malformed byte is
// kept.
func decodeNames(data []byte, base int) *Names {
	names := &Names{}
	r := newReader(data, base)
	for !r.eof() {
		id, _ := r.byte()
		body, err := r.byteVec()
		if err != nil {
			break
		}
		sr := newReader(body, r.offset()-len(body))
		switch id {
		case 0:
			names.Module, _ = sr.name()
		case 1:
			names.Funcs = decodeNameMap(&sr)
		case 2:
			n, err := sr.count()
			if err != nil {
				break
			}
			names.Locals = make(map[uint32]map[uint32]string)
			for i := 0; i < n; i++ {
				idx, err := sr.u32()
				if err != nil {
					break
				}
				names.Locals[idx] = decodeNameMap(&sr)
			}
		}
	}
	return names
}

func decodeNameMap(r *reader) map[uint32]string {
	n, err := r.count()
	if err != nil {
		return nil
	}
	m := make(map[uint32]string, n)
	for i := 0; i < n; i++ {
		idx, err := r.u32()
		if err != nil {
			return m
		}
		s, err := r.name()
		if err != nil {
			return m
		}
		m[idx] = s
	}
	return m
}
