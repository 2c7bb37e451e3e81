package store

import (
	"context"
	"errors"
	"fmt"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// Extern is an importable or exportable object: exactly one field is set,
// according to Kind.
type Extern struct {
	Kind   wasm.ExternKind
	Func   *Function
	Table  *Table
	Memory *Memory
	Global *Global
	Tag    *Tag
}

// Instance is an instantiated module. Its index spaces hold imports first,
// then the module's own definitions, exactly as the module numbers them.
type Instance struct {
	Store  *Store
	Module *wasm.Module
	Code   Code
	// Name is the module's name from the name section, or the name the
	// embedder gave it; used in backtraces.
	Name string

	Funcs    []*Function
	Tables   []*Table
	Memories []*Memory
	Globals  []*Global
	Tags     []*Tag
	Elems    []ElemSegment
	Datas    []DataSegment
	// TypeIDs maps the module's type indices to store-wide canonical ids
	// (ids of non-function types are never compared).
	TypeIDs []TypeID
	// State is owned by the execution strategy (see Attacher).
	State any

	exports map[string]Extern
}

// Export returns the export called name.
func (inst *Instance) Export(name string) (Extern, bool) {
	e, ok := inst.exports[name]
	return e, ok
}

// FuncName returns the name-section name of function idx, or "".
func (inst *Instance) FuncName(idx uint32) string {
	if n := inst.Module.Names; n != nil {
		return n.Funcs[idx]
	}
	return ""
}

// Frame builds a backtrace frame for function idx at module offset off.
func (inst *Instance) Frame(idx uint32, off int) Frame {
	return Frame{Module: inst.Name, FuncIndex: idx, FuncName: inst.FuncName(idx), Offset: off}
}

// ModuleFuncType returns the signature of function type index ti of m.
func ModuleFuncType(m *wasm.Module, ti uint32) FuncType {
	t := &m.Types[ti]
	return FuncType{Params: t.Params, Results: t.Results}
}

// LinkError is an instantiation failure caused by an import.
type LinkError struct {
	Module, Name string
	Reason       string // the spec phrase, e.g. "incompatible import type"
	Detail       string
}

func (e *LinkError) Error() string {
	s := fmt.Sprintf("%s: import %q %q", e.Reason, e.Module, e.Name)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// ErrIncompatibleImport is the reason of a LinkError for an import of the
// wrong kind or type.
var ErrIncompatibleImport = errors.New("incompatible import type")

// Instantiate creates an instance of m (validated, prepared as code) in s,
// with imports in the order of m's import section. See the package
// documentation for the order of the steps.
func (s *Store) Instantiate(ctx context.Context, m *wasm.Module, code Code, name string, imports []Extern) (*Instance, error) {
	if len(imports) != len(m.Imports) {
		return nil, fmt.Errorf("module needs %d imports, got %d", len(m.Imports), len(imports))
	}
	inst := &Instance{Store: s, Module: m, Code: code, Name: name, exports: map[string]Extern{}}
	if inst.Name == "" && m.Names != nil {
		inst.Name = m.Names.Module
	}
	inst.TypeIDs = s.internTypes(m)
	for i := range m.Imports {
		if err := inst.addImport(&m.Imports[i], imports[i]); err != nil {
			return nil, err
		}
	}
	for i, ti := range m.Funcs {
		f := &Function{Type: ModuleFuncType(m, ti), TypeID: inst.TypeIDs[ti], Instance: inst, Index: uint32(m.NumImportedFuncs + i)}
		inst.Funcs = append(inst.Funcs, s.addFunc(f))
	}
	for _, mt := range m.Memories {
		mem, err := s.NewMemory(mt)
		if err != nil {
			return nil, err
		}
		inst.Memories = append(inst.Memories, mem)
	}
	// Globals before tables: a table initialiser may read a global, and
	// global initialisers only see imported or earlier globals.
	for i := range m.Globals {
		g := &m.Globals[i]
		lo, hi, err := inst.eval(&g.Init)
		if err != nil {
			return nil, err
		}
		gl := s.NewGlobal(g.Type, lo, hi)
		gl.Owner = inst
		inst.Globals = append(inst.Globals, gl)
	}
	for i := range m.Tables {
		t := &m.Tables[i]
		init := NullRef
		if t.HasInit {
			v, _, err := inst.eval(&t.Init)
			if err != nil {
				return nil, err
			}
			init = v
		}
		tab, err := s.NewTable(t.Type, init)
		if err != nil {
			return nil, err
		}
		tab.Owner = inst
		inst.Tables = append(inst.Tables, tab)
	}
	for i := range m.Tags {
		tag := s.NewTag(ModuleFuncType(m, m.Tags[i].TypeIndex))
		tag.TypeID = inst.TypeIDs[m.Tags[i].TypeIndex]
		inst.Tags = append(inst.Tags, tag)
	}
	for _, e := range m.Exports {
		inst.exports[e.Name] = inst.extern(e.Kind, e.Index)
	}
	if a, ok := code.(Attacher); ok {
		if err := a.Attach(inst); err != nil {
			return nil, err
		}
	}
	inst.Elems = make([]ElemSegment, len(m.Elems))
	for i := range m.Elems {
		e := &m.Elems[i]
		seg := &inst.Elems[i]
		seg.Type = e.Type
		seg.Refs = make([]Ref, e.Len())
		for j := range seg.Refs {
			if e.UsesExprs {
				v, _, err := inst.eval(&e.Exprs[j])
				if err != nil {
					return nil, err
				}
				seg.Refs[j] = v
			} else {
				seg.Refs[j] = s.FuncRef(inst.Funcs[e.FuncIndices[j]])
			}
		}
		if e.Mode == wasm.SegmentDeclarative {
			seg.Drop()
		}
	}
	inst.Datas = make([]DataSegment, len(m.Datas))
	for i := range m.Datas {
		inst.Datas[i].Data = m.Datas[i].Init
	}
	// Active segments, elements first, in section order.
	for i := range m.Elems {
		e := &m.Elems[i]
		if e.Mode != wasm.SegmentActive {
			continue
		}
		off, _, err := inst.eval(&e.OffsetExpr)
		if err != nil {
			return nil, err
		}
		tab := inst.Tables[e.Table]
		if !tab.Type.Table64 {
			off = uint64(uint32(off))
		}
		if err := tab.Init(off, &inst.Elems[i], 0, uint64(len(inst.Elems[i].Refs))); err != nil {
			return nil, err
		}
		inst.Elems[i].Drop()
	}
	for i := range m.Datas {
		d := &m.Datas[i]
		if d.Mode != wasm.SegmentActive {
			continue
		}
		off, _, err := inst.eval(&d.OffsetExpr)
		if err != nil {
			return nil, err
		}
		mem := inst.Memories[d.Memory]
		if !mem.Type.Memory64 {
			off = uint64(uint32(off))
		}
		if err := mem.Init(off, &inst.Datas[i], 0, uint64(len(d.Init))); err != nil {
			return nil, err
		}
		inst.Datas[i].Drop()
	}
	if m.HasStart {
		if err := s.Call(ctx, inst, inst.Funcs[m.Start], nil, nil); err != nil {
			return nil, err
		}
	}
	return inst, nil
}

func (inst *Instance) extern(k wasm.ExternKind, i uint32) Extern {
	e := Extern{Kind: k}
	switch k {
	case wasm.ExternFunc:
		e.Func = inst.Funcs[i]
	case wasm.ExternTable:
		e.Table = inst.Tables[i]
	case wasm.ExternMemory:
		e.Memory = inst.Memories[i]
	case wasm.ExternGlobal:
		e.Global = inst.Globals[i]
	case wasm.ExternTag:
		e.Tag = inst.Tags[i]
	}
	return e
}

// Exports returns every export in the module's export order.
func (inst *Instance) Exports() []Extern {
	out := make([]Extern, len(inst.Module.Exports))
	for i, e := range inst.Module.Exports {
		out[i] = inst.exports[e.Name]
	}
	return out
}

func (inst *Instance) addImport(imp *wasm.Import, x Extern) error {
	s := inst.Store
	m := inst.Module
	bad := func(detail string, args ...any) error {
		return &LinkError{Module: imp.Module, Name: imp.Name, Reason: ErrIncompatibleImport.Error(), Detail: fmt.Sprintf(detail, args...)}
	}
	if x.Kind != imp.Kind {
		return bad("expected %s, got %s", imp.Kind, x.Kind)
	}
	switch imp.Kind {
	case wasm.ExternFunc:
		if want := inst.TypeIDs[imp.TypeIndex]; !s.SubTypeOf(x.Func.TypeID, want) {
			return bad("expected %s, got %s", ModuleFuncType(m, imp.TypeIndex), x.Func.Type)
		}
		inst.Funcs = append(inst.Funcs, x.Func)
	case wasm.ExternTable:
		t := x.Table
		if !s.sameValType(t.Type.Elem, t.Owner, imp.Table.Elem, inst) || t.Type.Table64 != imp.Table.Table64 ||
			!limitsMatch(t.Size(), t.Type.Limits, imp.Table.Limits) {
			return bad("table type mismatch")
		}
		inst.Tables = append(inst.Tables, t)
	case wasm.ExternMemory:
		mem := x.Memory
		if mem.Type.Memory64 != imp.Memory.Memory64 || mem.Type.Shared != imp.Memory.Shared ||
			!limitsMatch(mem.Pages(), mem.Type.Limits, imp.Memory.Limits) {
			return bad("memory type mismatch")
		}
		inst.Memories = append(inst.Memories, mem)
	case wasm.ExternGlobal:
		g := x.Global
		if g.Type.Mutable != imp.Global.Mutable {
			return bad("global mutability mismatch")
		}
		// Mutable globals are invariant; immutable ones may be subtypes.
		ok := s.sameValType(g.Type.Type, g.Owner, imp.Global.Type, inst)
		if !ok && !imp.Global.Mutable {
			ok = s.subValType(g.Type.Type, g.Owner, imp.Global.Type, inst)
		}
		if !ok {
			return bad("global type mismatch: expected %s, got %s", imp.Global.Type, g.Type.Type)
		}
		inst.Globals = append(inst.Globals, g)
	case wasm.ExternTag:
		if want := inst.TypeIDs[imp.TypeIndex]; want != x.Tag.TypeID {
			return bad("tag type mismatch")
		}
		inst.Tags = append(inst.Tags, x.Tag)
	}
	return nil
}

// limitsMatch implements import subtyping of limits: the actual current
// size must be at least the imported minimum, and if the import declares a
// maximum the actual object must declare one no larger.
func limitsMatch(size uint64, actual, want wasm.Limits) bool {
	if size < want.Min {
		return false
	}
	if want.HasMax {
		return actual.HasMax && actual.Max <= want.Max
	}
	return true
}

// eval evaluates a constant expression: numbers, v128.const, ref.null,
// ref.func, global.get and the extended-const arithmetic.
func (inst *Instance) eval(e *wasm.ConstExpr) (lo, hi uint64, err error) {
	type val struct{ lo, hi uint64 }
	var stack []val
	pop := func() val {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	for _, op := range e.Ops {
		switch op.Op {
		case wasm.OpI32Const, wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
			v := op.Imm
			if op.Op == wasm.OpI32Const || op.Op == wasm.OpF32Const {
				v = uint64(uint32(v))
			}
			stack = append(stack, val{v, 0})
		case wasm.OpV128Const:
			var lo, hi uint64
			for i := 7; i >= 0; i-- {
				lo = lo<<8 | uint64(op.V128[i])
				hi = hi<<8 | uint64(op.V128[i+8])
			}
			stack = append(stack, val{lo, hi})
		case wasm.OpRefNull:
			stack = append(stack, val{NullRef, 0})
		case wasm.OpRefFunc:
			stack = append(stack, val{inst.Store.FuncRef(inst.Funcs[op.Index]), 0})
		case wasm.OpGlobalGet:
			g := inst.Globals[op.Index]
			stack = append(stack, val{g.Lo, g.Hi})
		case wasm.OpI32Add, wasm.OpI32Sub, wasm.OpI32Mul, wasm.OpI64Add, wasm.OpI64Sub, wasm.OpI64Mul:
			b, a := pop(), pop()
			var r uint64
			switch op.Op {
			case wasm.OpI32Add, wasm.OpI64Add:
				r = a.lo + b.lo
			case wasm.OpI32Sub, wasm.OpI64Sub:
				r = a.lo - b.lo
			default:
				r = a.lo * b.lo
			}
			if op.Op == wasm.OpI32Add || op.Op == wasm.OpI32Sub || op.Op == wasm.OpI32Mul {
				r = uint64(uint32(r))
			}
			stack = append(stack, val{r, 0})
		case wasm.OpRefI31:
			v := pop()
			stack = append(stack, val{I31(uint32(v.lo)), 0})
		case wasm.OpAnyConvertExtern:
			v := pop()
			stack = append(stack, val{AnyOfExtern(v.lo), 0})
		case wasm.OpExternConvertAny:
			v := pop()
			stack = append(stack, val{ExternOfAny(v.lo), 0})
		case wasm.OpStructNew, wasm.OpStructNewDefault, wasm.OpArrayNew, wasm.OpArrayNewDefault, wasm.OpArrayNewFixed:
			st := &inst.Module.Types[op.Index]
			o := &Object{Type: inst.TypeIDs[op.Index], W: 1}
			switch op.Op {
			case wasm.OpStructNew, wasm.OpStructNewDefault:
				vals := make([]val, len(st.Fields))
				if op.Op == wasm.OpStructNew {
					for i := len(vals) - 1; i >= 0; i-- {
						vals[i] = pop()
					}
				}
				for i, f := range st.Fields {
					o.Words = append(o.Words, Pack(f.Type, vals[i].lo))
					if StorageWords(f.Type) == 2 {
						o.Words = append(o.Words, vals[i].hi)
					}
				}
			default:
				o.Array = true
				et := st.Fields[0].Type
				o.W = StorageWords(et)
				var n uint64
				var elems []val
				switch op.Op {
				case wasm.OpArrayNewFixed:
					n = uint64(op.Index2)
					elems = make([]val, n)
					for i := len(elems) - 1; i >= 0; i-- {
						elems[i] = pop()
					}
				case wasm.OpArrayNew:
					n = uint64(uint32(pop().lo))
					init := pop()
					if n*uint64(o.W) > MaxObjectWords {
						return 0, 0, TrapOf(vm.TrapArrayOutOfBounds)
					}
					elems = make([]val, n)
					for i := range elems {
						elems[i] = init
					}
				default:
					n = uint64(uint32(pop().lo))
					if n*uint64(o.W) > MaxObjectWords {
						return 0, 0, TrapOf(vm.TrapArrayOutOfBounds)
					}
					elems = make([]val, n)
				}
				for _, e := range elems {
					o.Words = append(o.Words, Pack(et, e.lo))
					if o.W == 2 {
						o.Words = append(o.Words, e.hi)
					}
				}
			}
			stack = append(stack, val{inst.Store.NewObject(o), 0})
		default:
			return 0, 0, fmt.Errorf("constant expression at offset %d: operator %v is not supported by the runtime", op.Offset, op.Op)
		}
	}
	if len(stack) != 1 {
		return 0, 0, fmt.Errorf("constant expression at offset %d left %d values", e.Offset, len(stack))
	}
	return stack[0].lo, stack[0].hi, nil
}
