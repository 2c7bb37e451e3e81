package kiln

import (
	"bytes"
	"context"
	"fmt"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/runtime/internal/store"
)

// ValType is a WebAssembly value type.
type ValType = wasm.ValType

// The value types of WebAssembly 2.0.
var (
	I32       = wasm.I32
	I64       = wasm.I64
	F32       = wasm.F32
	F64       = wasm.F64
	V128      = wasm.V128
	FuncRef   = wasm.FuncRef
	ExternRef = wasm.ExternRef
)

// ExternKind says what an import or export is.
type ExternKind = wasm.ExternKind

// The extern kinds.
const (
	KindFunc   = wasm.ExternFunc
	KindTable  = wasm.ExternTable
	KindMemory = wasm.ExternMemory
	KindGlobal = wasm.ExternGlobal
	KindTag    = wasm.ExternTag
)

// FuncType is a function signature. Values cross the API as uint64
// words: i32 zero-extended, i64 as is, f32/f64 as IEEE bits, references
// as store handles (see Store.ExternRef and Store.FuncOf), v128 as two
// words (low, high).
type FuncType = store.FuncType

// TableType, MemoryType and GlobalType are the types of tables, memories
// and globals, as in the binary format.
type (
	TableType  = wasm.TableType
	MemoryType = wasm.MemoryType
	GlobalType = wasm.GlobalType
	Limits     = wasm.Limits
)

// ExternType is the type of an import or export: Kind says which field is
// meaningful.
type ExternType struct {
	Kind   ExternKind
	Func   FuncType // functions and tags
	Table  TableType
	Memory MemoryType
	Global GlobalType
}

func (t ExternType) String() string {
	switch t.Kind {
	case KindFunc:
		return t.Func.String()
	case KindTable:
		return fmt.Sprintf("table %v %v", t.Table.Limits, t.Table.Elem)
	case KindMemory:
		return fmt.Sprintf("memory %v", t.Memory.Limits)
	case KindGlobal:
		if t.Global.Mutable {
			return fmt.Sprintf("global (mut %v)", t.Global.Type)
		}
		return fmt.Sprintf("global %v", t.Global.Type)
	}
	return "tag " + t.Func.String()
}

// ImportType is one import of a module.
type ImportType struct {
	Module, Name string
	Type         ExternType
}

// ExportType is one export of a module.
type ExportType struct {
	Name string
	Type ExternType
}

// Module is a validated module prepared for its engine's tier. It is
// immutable and safe for concurrent use; instantiate it with a Linker or
// Store.Instantiate.
type Module struct {
	engine *Engine
	wasm   *wasm.Module
	code   store.Code
	name   string
	// binary is the module's binary form, kept for Serialize.
	binary []byte
}

// CompileModule decodes, validates and prepares a module. src is a binary
// module, or a text module (.wat) when it does not start with the binary
// magic number. Malformed or invalid input is an error naming the offset
// and the reason.
func (e *Engine) CompileModule(ctx context.Context, src []byte) (*Module, error) {
	bin, err := binaryModule(src)
	if err != nil {
		return nil, err
	}
	m, err := wasm.DecodeAndValidate(bin, e.cfg.Features)
	if err != nil {
		return nil, fmt.Errorf("kiln: %w", err)
	}
	code, err := e.prepare(ctx, m)
	if err != nil {
		return nil, fmt.Errorf("kiln: %s tier: %w", e.strategy.Name(), err)
	}
	mod := &Module{engine: e, wasm: m, code: code, binary: bin}
	if m.Names != nil {
		mod.name = m.Names.Module
	}
	return mod, nil
}

// binaryModule returns src if it is a binary module, else src parsed as
// text (keeping the text's $names in a name section for backtraces).
func binaryModule(src []byte) ([]byte, error) {
	if bytes.HasPrefix(src, []byte("\x00asm")) {
		return src, nil
	}
	tm, err := wat.Options{Names: true}.ParseModule(src)
	if err != nil {
		return nil, fmt.Errorf("kiln: text module: %w", err)
	}
	return tm.Binary, nil
}

// Name returns the module's name from the name section, or "".
func (m *Module) Name() string { return m.name }

// Imports lists the module's imports in order.
func (m *Module) Imports() []ImportType {
	out := make([]ImportType, len(m.wasm.Imports))
	for i, im := range m.wasm.Imports {
		t := ExternType{Kind: im.Kind, Table: im.Table, Memory: im.Memory, Global: im.Global}
		if im.Kind == KindFunc || im.Kind == KindTag {
			t.Func = store.ModuleFuncType(m.wasm, im.TypeIndex)
		}
		out[i] = ImportType{Module: im.Module, Name: im.Name, Type: t}
	}
	return out
}

// Exports lists the module's exports in order.
func (m *Module) Exports() []ExportType {
	w := m.wasm
	out := make([]ExportType, len(w.Exports))
	for i, ex := range w.Exports {
		t := ExternType{Kind: ex.Kind}
		switch ex.Kind {
		case KindFunc:
			t.Func = store.ModuleFuncType(w, w.FuncTypes[ex.Index])
		case KindTable:
			t.Table = w.TableTypes[ex.Index]
		case KindMemory:
			t.Memory = w.MemTypes[ex.Index]
		case KindGlobal:
			t.Global = w.GlobalTypes[ex.Index]
		case KindTag:
			t.Func = store.ModuleFuncType(w, w.TagTypes[ex.Index])
		}
		out[i] = ExportType{Name: ex.Name, Type: t}
	}
	return out
}
