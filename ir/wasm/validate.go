package wasm

// maxSubtypeDepth bounds the length of declared supertype chains.
const maxSubtypeDepth = 63

// Validate checks m against the validation rules of the WebAssembly spec
// for features f: types (with subtyping and rec groups), imports, every
// definition, segments, exports, the start function, and every function
// body. It stops at the first error. On success m's canonical type table
// is filled in.
//
// Function bodies are validated last, on up to GOMAXPROCS goroutines when
// the module is large (see Options.Parallelism); the result does not
// depend on how many.
func Validate(m *Module, f Features) error {
	return Options{Features: f}.Validate(m)
}

type moduleValidator struct {
	m *Module
	f Features
	v *funcValidator // the calling goroutine's

	workers  int // Options.Parallelism
	minBytes int // Options.minBytes
}

func newModuleValidator(m *Module, o Options) *moduleValidator {
	mv := &moduleValidator{m: m, f: o.Features, workers: o.Parallelism, minBytes: o.minBytes}
	mv.v = &funcValidator{m: m, f: o.Features, funcIdx: -1}
	return mv
}

// validate runs the three phases in the order of their errors: what
// precedes the code section, the data segments, the bodies.
func (mv *moduleValidator) validate() error {
	if err := mv.beforeCode(); err != nil {
		return err
	}
	if err := mv.datas(); err != nil {
		return err
	}
	return mv.bodies()
}

// beforeCode checks everything that precedes the code section in the
// binary; once it passes, the bodies can be validated.
func (mv *moduleValidator) beforeCode() error {
	m := mv.m
	if err := mv.types(); err != nil {
		return err
	}
	for _, imp := range m.Imports {
		if err := mv.importDesc(&imp); err != nil {
			return err
		}
	}
	for i, ti := range m.Funcs {
		off := 0
		if i < len(m.funcOffsets) {
			off = m.funcOffsets[i]
		}
		if _, err := mv.funcTypeIndex(ti, off); err != nil {
			return err
		}
	}
	if len(m.TableTypes) > 1 && !mv.f.Has(ReferenceTypes) {
		return errorf(mv.secondOffset(ExternTable), "%s: %d tables", msgMultipleTables, len(m.TableTypes))
	}
	if len(m.MemTypes) > 1 && !mv.f.Has(MultiMemory) {
		return errorf(mv.secondOffset(ExternMemory), "%s: %d memories", msgMultipleMemories, len(m.MemTypes))
	}
	mv.computeRefs()
	for i := range m.Tables {
		if err := mv.table(&m.Tables[i]); err != nil {
			return err
		}
	}
	for i := range m.Memories {
		if err := mv.memoryType(m.Memories[i], 0); err != nil {
			return err
		}
	}
	for i := range m.Tags {
		if err := mv.tagType(m.Tags[i].TypeIndex, m.Tags[i].Offset); err != nil {
			return err
		}
	}
	for i := range m.Globals {
		g := &m.Globals[i]
		if err := mv.valType(g.Type.Type, g.Offset); err != nil {
			return err
		}
		if err := mv.v.validateConst(&g.Init, g.Type.Type, m.NumImportedGlobals+i); err != nil {
			return err
		}
	}
	if err := mv.exports(); err != nil {
		return err
	}
	if m.HasStart {
		ft := m.FuncType(m.Start)
		if ft == nil {
			return errorf(m.startOffset, "unknown function %d", m.Start)
		}
		if len(ft.Params) != 0 || len(ft.Results) != 0 {
			return errorf(m.startOffset, "start function %d must have type [] -> []", m.Start)
		}
	}
	for i := range m.Elems {
		if err := mv.elem(&m.Elems[i]); err != nil {
			return err
		}
	}
	return nil
}

// datas checks the data segments, which follow the code section.
func (mv *moduleValidator) datas() error {
	m := mv.m
	for i := range m.Datas {
		d := &m.Datas[i]
		if d.Mode != SegmentActive {
			continue
		}
		if int64(d.Memory) >= int64(len(m.MemTypes)) {
			return errorf(d.Offset, "unknown memory %d", d.Memory)
		}
		if err := mv.v.validateConst(&d.OffsetExpr, m.MemTypes[d.Memory].AddrType(), len(m.GlobalTypes)); err != nil {
			return err
		}
	}
	return nil
}

// types checks every type definition: referenced types exist (a rec group
// may refer forward only inside itself), then canonicalises, then checks
// declared supertypes.
func (mv *moduleValidator) types() error {
	m := mv.m
	for _, g := range m.RecGroups {
		end := g.Start + g.Len
		var st *SubType
		check := func(t ValType) error {
			if t.Kind == KindRef && t.Heap >= 0 && uint32(t.Heap) >= end {
				return errorf(st.Offset, "unknown type %d", t.Heap)
			}
			return nil
		}
		for i := g.Start; i < end; i++ {
			st = &m.Types[i]
			for _, t := range st.Params {
				if err := check(t); err != nil {
					return err
				}
			}
			for _, t := range st.Results {
				if err := check(t); err != nil {
					return err
				}
			}
			for _, f := range st.Fields {
				if err := check(f.Type); err != nil {
					return err
				}
			}
			if st.Super >= 0 && uint32(st.Super) >= i {
				return errorf(st.Offset, "unknown type %d: supertype must be defined before type %d", st.Super, i)
			}
		}
	}
	if !mv.f.Has(MultiValue) {
		for i := range m.Types {
			if len(m.Types[i].Results) > 1 {
				return errorf(m.Types[i].Offset, "%s: type %d has %d results (multi-value disabled)", msgInvalidResultArity, i, len(m.Types[i].Results))
			}
		}
	}
	m.canonicalize()
	depth := make([]uint8, len(m.Types))
	for i := range m.Types {
		if err := m.checkSubType(uint32(i)); err != nil {
			return errorf(m.Types[i].Offset, "%s", err)
		}
		// Bound the supertype chains so subtype checks stay cheap
		// (the limit wasm engines share).
		if s := m.Types[i].Super; s >= 0 {
			if depth[s] >= maxSubtypeDepth {
				return errorf(m.Types[i].Offset, "sub type hierarchy deeper than %d (implementation limit)", maxSubtypeDepth)
			}
			depth[i] = depth[s] + 1
		}
	}
	return nil
}

func (mv *moduleValidator) valType(t ValType, off int) error {
	if t.Kind == KindRef && t.Heap >= 0 && int(t.Heap) >= len(mv.m.Types) {
		return errorf(off, "unknown type %d", t.Heap)
	}
	return nil
}

func (mv *moduleValidator) funcTypeIndex(ti uint32, off int) (*SubType, error) {
	if int64(ti) >= int64(len(mv.m.Types)) {
		return nil, errorf(off, "unknown type %d", ti)
	}
	st := &mv.m.Types[ti]
	if st.Kind != CompFunc {
		return nil, errorf(off, "%s: type %d is not a function type", msgTypeMismatch, ti)
	}
	return st, nil
}

func (mv *moduleValidator) tagType(ti uint32, off int) error {
	ft, err := mv.funcTypeIndex(ti, off)
	if err != nil {
		return err
	}
	if len(ft.Results) != 0 {
		return errorf(off, "non-empty tag result type")
	}
	return nil
}

func (mv *moduleValidator) importDesc(imp *Import) error {
	switch imp.Kind {
	case ExternFunc:
		_, err := mv.funcTypeIndex(imp.TypeIndex, imp.Offset)
		return err
	case ExternTable:
		return mv.tableType(imp.Table, imp.Offset)
	case ExternMemory:
		return mv.memoryType(imp.Memory, imp.Offset)
	case ExternGlobal:
		return mv.valType(imp.Global.Type, imp.Offset)
	case ExternTag:
		return mv.tagType(imp.TypeIndex, imp.Offset)
	}
	return nil
}

func checkLimits(l Limits, bound uint64, off int, what string) error {
	if l.HasMax && l.Min > l.Max {
		return errorf(off, "size minimum must not be greater than maximum")
	}
	if l.Min > bound || (l.HasMax && l.Max > bound) {
		return errorf(off, "%s", what)
	}
	return nil
}

func (mv *moduleValidator) tableType(tt TableType, off int) error {
	if err := mv.valType(tt.Elem, off); err != nil {
		return err
	}
	bound, what := uint64(1<<32-1), "table size must be at most 2^32-1"
	if tt.Table64 {
		bound, what = 1<<64-1, "table size must be at most 2^64-1"
	}
	return checkLimits(tt.Limits, bound, off, what)
}

func (mv *moduleValidator) memoryType(mt MemoryType, off int) error {
	bound, what := uint64(1<<16), "memory size must be at most 65536 pages (4GiB)"
	if mt.Memory64 {
		bound, what = 1<<48, "memory size must be at most 2^48 pages"
	}
	if err := checkLimits(mt.Limits, bound, off, what); err != nil {
		return err
	}
	if mt.Shared && !mt.Limits.HasMax {
		return errorf(off, "shared memory must have maximum")
	}
	return nil
}

func (mv *moduleValidator) table(t *Table) error {
	if err := mv.tableType(t.Type, t.Offset); err != nil {
		return err
	}
	if t.HasInit {
		// Tables precede globals: their initialisers see only
		// imported globals.
		return mv.v.validateConst(&t.Init, t.Type.Elem, mv.m.NumImportedGlobals)
	}
	if !t.Type.Elem.Nullable {
		return errorf(t.Offset, "%s: table of non-nullable %s needs an initializer", msgTypeMismatch, t.Type.Elem)
	}
	return nil
}

func (mv *moduleValidator) exports() error {
	m := mv.m
	seen := make(map[string]struct{}, len(m.Exports))
	for _, e := range m.Exports {
		if _, dup := seen[e.Name]; dup {
			return errorf(e.Offset, "%s %q", msgDuplicateExport, e.Name)
		}
		seen[e.Name] = struct{}{}
		var n int
		switch e.Kind {
		case ExternFunc:
			n = len(m.FuncTypes)
		case ExternTable:
			n = len(m.TableTypes)
		case ExternMemory:
			n = len(m.MemTypes)
		case ExternGlobal:
			n = len(m.GlobalTypes)
		case ExternTag:
			n = len(m.TagTypes)
		}
		if int64(e.Index) >= int64(n) {
			kind := e.Kind.String()
			if e.Kind == ExternFunc {
				kind = "function"
			}
			return errorf(e.Offset, "unknown %s %d", kind, e.Index)
		}
	}
	return nil
}

func (mv *moduleValidator) elem(e *Elem) error {
	m := mv.m
	if err := mv.valType(e.Type, e.Offset); err != nil {
		return err
	}
	if e.Mode == SegmentActive {
		tt, err := func() (TableType, error) {
			if int64(e.Table) >= int64(len(m.TableTypes)) {
				return TableType{}, errorf(e.Offset, "unknown table %d", e.Table)
			}
			return m.TableTypes[e.Table], nil
		}()
		if err != nil {
			return err
		}
		if err := mv.v.validateConst(&e.OffsetExpr, tt.AddrType(), len(m.GlobalTypes)); err != nil {
			return err
		}
		if !m.isSub(e.Type, tt.Elem) {
			return errorf(e.Offset, "%s: elements of %s for table of %s", msgTypeMismatch, e.Type, tt.Elem)
		}
	}
	for _, fi := range e.FuncIndices {
		if int64(fi) >= int64(len(m.FuncTypes)) {
			return errorf(e.Offset, "unknown function %d", fi)
		}
	}
	for i := range e.Exprs {
		if err := mv.v.validateConst(&e.Exprs[i], e.Type, len(m.GlobalTypes)); err != nil {
			return err
		}
	}
	return nil
}

// secondOffset returns the offset of the second entry of an index space
// (the first one too many without the proposal that allows several) when
// it is an import or a table definition, else 0.
func (mv *moduleValidator) secondOffset(kind ExternKind) int {
	n := 0
	for _, imp := range mv.m.Imports {
		if imp.Kind == kind {
			if n++; n == 2 {
				return imp.Offset
			}
		}
	}
	if kind == ExternTable {
		for _, t := range mv.m.Tables {
			if n++; n == 2 {
				return t.Offset
			}
		}
	}
	return 0
}

// computeRefs installs the declared function references (see
// Module.declaredRefs) in the function validator.
func (mv *moduleValidator) computeRefs() {
	mv.v.refs = mv.m.declaredRefs()
}
