package wasm

// ExternKind is the kind of an import or export.
type ExternKind byte

const (
	ExternFunc   ExternKind = 0
	ExternTable  ExternKind = 1
	ExternMemory ExternKind = 2
	ExternGlobal ExternKind = 3
	ExternTag    ExternKind = 4
)

func (k ExternKind) String() string {
	switch k {
	case ExternFunc:
		return "func"
	case ExternTable:
		return "table"
	case ExternMemory:
		return "memory"
	case ExternGlobal:
		return "global"
	case ExternTag:
		return "tag"
	}
	return "extern?"
}

// TableType is a table's element type and size limits.
type TableType struct {
	Elem    ValType
	Limits  Limits
	Table64 bool // indexed by i64 (memory64 proposal)
}

// AddrType returns the type of the table's indices.
func (t TableType) AddrType() ValType {
	if t.Table64 {
		return I64
	}
	return I32
}

// MemoryType is a memory's limits (in 64 KiB pages) and flags.
type MemoryType struct {
	Limits   Limits
	Memory64 bool
	Shared   bool
}

// AddrType returns the type of the memory's addresses.
func (m MemoryType) AddrType() ValType {
	if m.Memory64 {
		return I64
	}
	return I32
}

// GlobalType is a global's value type and mutability.
type GlobalType struct {
	Type    ValType
	Mutable bool
}

// Import is one entry of the import section. Which of the type fields is
// meaningful depends on Kind: TypeIndex for functions and tags.
type Import struct {
	Module, Name string
	Kind         ExternKind
	TypeIndex    uint32
	Table        TableType
	Memory       MemoryType
	Global       GlobalType
	Offset       int
}

// Export is one entry of the export section.
type Export struct {
	Name   string
	Kind   ExternKind
	Index  uint32
	Offset int
}

// Table is a table definition; Init, if present, initialises every slot.
type Table struct {
	Type    TableType
	Init    ConstExpr
	HasInit bool
	Offset  int
}

// Global is a global definition.
type Global struct {
	Type   GlobalType
	Init   ConstExpr
	Offset int
}

// Tag is an exception tag: its type index names a function type with no
// results whose parameters are the exception's payload.
type Tag struct {
	TypeIndex uint32
	Offset    int
}

// SegmentMode says when an element or data segment is applied.
type SegmentMode byte

const (
	SegmentActive SegmentMode = iota
	SegmentPassive
	SegmentDeclarative // element segments only
)

// Elem is an element segment. Its entries are either function indices
// (FuncIndices, the compact forms) or constant expressions (Exprs).
type Elem struct {
	Mode        SegmentMode
	Table       uint32
	OffsetExpr  ConstExpr // active segments
	Type        ValType
	FuncIndices []uint32
	Exprs       []ConstExpr
	UsesExprs   bool
	Offset      int
}

// Len returns the number of entries.
func (e *Elem) Len() int {
	if e.UsesExprs {
		return len(e.Exprs)
	}
	return len(e.FuncIndices)
}

// Data is a data segment. Init aliases the module binary.
type Data struct {
	Mode       SegmentMode
	Memory     uint32
	OffsetExpr ConstExpr // active segments
	Init       []byte
	Offset     int
}

// LocalGroup is a run of locals of one type, as declared in a function
// body.
type LocalGroup struct {
	Count uint32
	Type  ValType
}

// Code is a function body. Locals holds the declared (non-parameter)
// locals; Expr is the instruction sequence, ending with the final end
// opcode, starting at module offset ExprOffset.
type Code struct {
	Offset     int // module offset of the body (after its size)
	Body       []byte
	Locals     []LocalGroup
	NumLocals  uint32 // sum of Locals[i].Count
	Expr       []byte
	ExprOffset int
}

// CustomSection is a custom section other than a parsed "name" section.
type CustomSection struct {
	Name   string
	Data   []byte
	Offset int
}

// Names holds the decoded "name" custom section. Maps are keyed by index
// in the function (and local) index spaces.
type Names struct {
	Module string
	Funcs  map[uint32]string
	Locals map[uint32]map[uint32]string
}

// Module is a decoded module. Function bodies and constant expressions are
// kept as byte ranges into the original binary, which must not be modified
// while the Module is in use.
//
// The index spaces put imports first. FuncTypes, TableTypes, MemTypes,
// GlobalTypes and TagTypes give the type of every entry of each space,
// imported or defined, so compilers need not merge the two lists.
type Module struct {
	Types     []SubType
	RecGroups []RecGroup
	Imports   []Import
	Funcs     []uint32 // type index of each defined function
	Tables    []Table
	Memories  []MemoryType
	Globals   []Global
	Tags      []Tag
	Exports   []Export
	Elems     []Elem
	Datas     []Data
	Code      []Code
	Customs   []CustomSection
	Names     *Names

	Start        uint32
	HasStart     bool
	DataCount    uint32
	HasDataCount bool

	NumImportedFuncs, NumImportedTables, NumImportedMemories, NumImportedGlobals, NumImportedTags int

	FuncTypes   []uint32
	TableTypes  []TableType
	MemTypes    []MemoryType
	GlobalTypes []GlobalType
	TagTypes    []uint32

	// canon maps a type index to the smallest type index that is
	// equivalent to it (iso-recursive equality over rec groups). Set by
	// Validate; nil before.
	canon []uint32

	raw []byte // the binary the module was decoded from

	// Module offsets of entries without a struct of their own, for
	// error messages.
	funcOffsets []int // function section entries
	startOffset int

	refs []bool // declared function references, computed once
}

// declaredRefs returns, per function index, whether a ref.func in a body
// may name it: the function is referenced somewhere outside function
// bodies (an export, an element segment, a global or table initialiser).
func (m *Module) declaredRefs() []bool {
	if m.refs != nil {
		return m.refs
	}
	refs := make([]bool, len(m.FuncTypes))
	mark := func(i uint32) {
		if int64(i) < int64(len(refs)) {
			refs[i] = true
		}
	}
	scan := func(e *ConstExpr) {
		for _, op := range e.Ops {
			if op.Op == OpRefFunc {
				mark(op.Index)
			}
		}
	}
	for _, e := range m.Exports {
		if e.Kind == ExternFunc {
			mark(e.Index)
		}
	}
	for i := range m.Elems {
		el := &m.Elems[i]
		for _, fi := range el.FuncIndices {
			mark(fi)
		}
		for j := range el.Exprs {
			scan(&el.Exprs[j])
		}
	}
	for i := range m.Globals {
		scan(&m.Globals[i].Init)
	}
	for i := range m.Tables {
		scan(&m.Tables[i].Init)
	}
	m.refs = refs
	return refs
}

// FuncType returns the signature of function funcIdx (in the function
// index space), or nil if the index or its type is invalid.
func (m *Module) FuncType(funcIdx uint32) *SubType {
	if int64(funcIdx) >= int64(len(m.FuncTypes)) {
		return nil
	}
	return m.funcTypeAt(m.FuncTypes[funcIdx])
}

func (m *Module) funcTypeAt(typeIdx uint32) *SubType {
	if int64(typeIdx) >= int64(len(m.Types)) || m.Types[typeIdx].Kind != CompFunc {
		return nil
	}
	return &m.Types[typeIdx]
}

// singleResult holds one-element slices for the value types a block most
// often yields, so BlockSig can return them without allocating.
var singleResult = func() map[ValType][]ValType {
	m := map[ValType][]ValType{}
	for _, t := range []ValType{I32, I64, F32, F64, V128, FuncRef, ExternRef, ExnRef, AnyRef} {
		m[t] = []ValType{t}
	}
	return m
}()

// BlockSig returns the parameter and result types of a block type. The
// slices must not be modified. It does not check the type index (a
// validated module has only valid ones).
func (m *Module) BlockSig(bt BlockType) (params, results []ValType) {
	if bt.Index >= 0 {
		if int(bt.Index) < len(m.Types) {
			return m.Types[bt.Index].Params, m.Types[bt.Index].Results
		}
		return nil, nil
	}
	if !bt.HasResult {
		return nil, nil
	}
	if s, ok := singleResult[bt.Result]; ok {
		return nil, s
	}
	return nil, []ValType{bt.Result}
}

// LocalTypes appends to dst the type of every local of function body c
// whose parameters are params: the parameters first, then the declared
// locals expanded. The decoder caps the total at 50,000.
func (c *Code) LocalTypes(params []ValType, dst []ValType) []ValType {
	dst = append(dst, params...)
	for _, g := range c.Locals {
		for i := uint32(0); i < g.Count; i++ {
			dst = append(dst, g.Type)
		}
	}
	return dst
}
