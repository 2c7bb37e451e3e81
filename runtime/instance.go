package kiln

import (
	"context"
	"errors"
	"fmt"

	"kiln/ir/wasm"
	"kiln/runtime/internal/store"
)

var (
	errForeignEngine = errors.New("kiln: module was compiled by another engine")
	errForeignStore  = errors.New("kiln: object belongs to another store")
)

// Extern is an object that can be imported and exported: *Func, *Memory,
// *Table, *Global or *Tag.
type Extern interface {
	// Kind says which of the five it is.
	Kind() ExternKind
	owner() *Store
}

// internal returns the store object behind x, checking that it belongs to
// s.
func (s *Store) internal(x Extern) (store.Extern, error) {
	if x == nil {
		return store.Extern{}, errors.New("kiln: nil extern")
	}
	if x.owner() != s {
		return store.Extern{}, errForeignStore
	}
	switch v := x.(type) {
	case *Func:
		return store.Extern{Kind: KindFunc, Func: v.f}, nil
	case *Memory:
		return store.Extern{Kind: KindMemory, Memory: v.m}, nil
	case *Table:
		return store.Extern{Kind: KindTable, Table: v.t}, nil
	case *Global:
		return store.Extern{Kind: KindGlobal, Global: v.g}, nil
	case *Tag:
		return store.Extern{Kind: KindTag, Tag: v.t}, nil
	}
	return store.Extern{}, fmt.Errorf("kiln: unknown extern %T", x)
}

// wrap returns the public object for a store object.
func (s *Store) wrap(x store.Extern) Extern {
	switch x.Kind {
	case KindFunc:
		return s.wrapFunc(x.Func)
	case KindMemory:
		return &Memory{store: s, m: x.Memory}
	case KindTable:
		return &Table{store: s, t: x.Table}
	case KindGlobal:
		return &Global{store: s, g: x.Global}
	case KindTag:
		return &Tag{store: s, t: x.Tag}
	}
	return nil
}

// Instance is an instantiated module.
type Instance struct {
	store  *Store
	inst   *store.Instance
	module *Module
}

// Module returns the module the instance was made from.
func (i *Instance) Module() *Module { return i.module }

// Export returns the export called name, or nil.
func (i *Instance) Export(name string) Extern {
	x, ok := i.inst.Export(name)
	if !ok {
		return nil
	}
	return i.store.wrap(x)
}

// Exports returns every export, by name.
func (i *Instance) Exports() map[string]Extern {
	out := map[string]Extern{}
	for _, e := range i.module.wasm.Exports {
		out[e.Name] = i.Export(e.Name)
	}
	return out
}

// Func returns the exported function called name, or nil.
func (i *Instance) Func(name string) *Func {
	f, _ := i.Export(name).(*Func)
	return f
}

// Memory returns the exported memory called name, or nil.
func (i *Instance) Memory(name string) *Memory {
	m, _ := i.Export(name).(*Memory)
	return m
}

// Table returns the exported table called name, or nil.
func (i *Instance) Table(name string) *Table {
	t, _ := i.Export(name).(*Table)
	return t
}

// Global returns the exported global called name, or nil.
func (i *Instance) Global(name string) *Global {
	g, _ := i.Export(name).(*Global)
	return g
}

// Func is a function: a wasm function of an instance or a host function.
type Func struct {
	store *Store
	f     *store.Function
}

func (f *Func) Kind() ExternKind { return KindFunc }
func (f *Func) owner() *Store    { return f.store }

// Type returns the function's signature.
func (f *Func) Type() FuncType { return f.f.Type }

// Ref returns the funcref value naming f.
func (f *Func) Ref() uint64 { return f.store.s.FuncRef(f.f) }

// Call calls f with one word per parameter (two for a v128) and returns
// its results. A trap is returned as a *Trap. When ctx is cancelled or its
// deadline passes, the call stops promptly with ErrTrapInterrupted.
func (f *Func) Call(ctx context.Context, args ...uint64) ([]uint64, error) {
	np, nr := f.f.Type.Words()
	if len(args) != np {
		return nil, fmt.Errorf("kiln: %s takes %d argument words, got %d", f.f.Type, np, len(args))
	}
	results := make([]uint64, nr)
	if err := f.CallInto(ctx, args, results); err != nil {
		return nil, err
	}
	return results, nil
}

// CallInto is Call writing the results into results (which must have
// room for them); it allocates nothing on the interpreter's fast path.
func (f *Func) CallInto(ctx context.Context, params, results []uint64) error {
	np, nr := f.f.Type.Words()
	if len(params) != np || len(results) < nr {
		return fmt.Errorf("kiln: %s takes %d argument and %d result words, got %d and %d", f.f.Type, np, nr, len(params), len(results))
	}
	s := f.store.s
	if s.Depth == 0 {
		// A call from Go, not a host function calling back in: start
		// with a clear interrupt flag.
		s.ClearInterrupt()
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, s.Interrupt)
		defer stop()
	}
	return s.Call(ctx, nil, f.f, params, results[:nr])
}

// Memory is a linear memory.
type Memory struct {
	store *Store
	m     *store.Memory
}

func (m *Memory) Kind() ExternKind { return KindMemory }
func (m *Memory) owner() *Store    { return m.store }

// Type returns the memory's type (its declared limits).
func (m *Memory) Type() MemoryType { return m.m.Type }

// Size returns the size in pages of 64 KiB.
func (m *Memory) Size() uint64 { return m.m.Pages() }

// Bytes returns the memory's contents. The slice aliases the memory and is
// valid until the memory grows.
func (m *Memory) Bytes() []byte { return m.m.Bytes }

// ErrOutOfBounds is returned by Memory.Read and Memory.Write for a range
// outside the memory.
var ErrOutOfBounds = errors.New("kiln: out of bounds memory access")

// Read copies len(p) bytes at offset into p.
func (m *Memory) Read(offset uint64, p []byte) error {
	b, ok := m.m.Range(offset, uint64(len(p)))
	if !ok {
		return ErrOutOfBounds
	}
	copy(p, b)
	return nil
}

// Write copies p into the memory at offset.
func (m *Memory) Write(offset uint64, p []byte) error {
	b, ok := m.m.Range(offset, uint64(len(p)))
	if !ok {
		return ErrOutOfBounds
	}
	copy(b, p)
	return nil
}

// Grow adds delta pages and returns the previous size in pages. Growing
// beyond the memory's maximum or the engine's MaxMemoryPages is an error
// and leaves the memory unchanged.
func (m *Memory) Grow(delta uint64) (uint64, error) {
	r := m.store.s.GrowMemory(m.m, delta)
	if r < 0 {
		return 0, fmt.Errorf("kiln: cannot grow memory of %d pages by %d: limit is %d pages", m.m.Pages(), delta, m.m.Max)
	}
	return uint64(r), nil
}

// NewMemory creates a memory of type t in s (to define as an import).
func NewMemory(s *Store, t MemoryType) (*Memory, error) {
	mem, err := s.s.NewMemory(t)
	if err != nil {
		return nil, fmt.Errorf("kiln: %w", err)
	}
	return &Memory{store: s, m: mem}, nil
}

// Table is a table of references (store handles; 0 is null).
type Table struct {
	store *Store
	t     *store.Table
}

func (t *Table) Kind() ExternKind { return KindTable }
func (t *Table) owner() *Store    { return t.store }

// Type returns the table's type.
func (t *Table) Type() TableType { return t.t.Type }

// Size returns the number of elements.
func (t *Table) Size() uint64 { return t.t.Size() }

// Get returns element i.
func (t *Table) Get(i uint64) (uint64, error) { return t.t.Get(i) }

// Set sets element i to ref, which must be a reference of this store.
func (t *Table) Set(i uint64, ref uint64) error { return t.t.Set(i, ref) }

// Grow adds delta elements set to init and returns the previous size.
func (t *Table) Grow(delta, init uint64) (uint64, error) {
	r := t.t.Grow(delta, init)
	if r < 0 {
		return 0, fmt.Errorf("kiln: cannot grow table of %d elements by %d", t.t.Size(), delta)
	}
	return uint64(r), nil
}

// NewTable creates a table of type t with every element set to init.
func NewTable(s *Store, t TableType, init uint64) (*Table, error) {
	tab, err := s.s.NewTable(t, init)
	if err != nil {
		return nil, fmt.Errorf("kiln: %w", err)
	}
	return &Table{store: s, t: tab}, nil
}

// Global is a global variable.
type Global struct {
	store *Store
	g     *store.Global
}

func (g *Global) Kind() ExternKind { return KindGlobal }
func (g *Global) owner() *Store    { return g.store }

// Type returns the global's type.
func (g *Global) Type() GlobalType { return g.g.Type }

// Get returns the value (the low word of a v128).
func (g *Global) Get() uint64 { return g.g.Lo }

// Get128 returns both words of a v128 global.
func (g *Global) Get128() (lo, hi uint64) { return g.g.Lo, g.g.Hi }

// ErrImmutable is returned by Global.Set on an immutable global.
var ErrImmutable = errors.New("kiln: global is immutable")

// Set sets a mutable global.
func (g *Global) Set(v uint64) error {
	if !g.g.Type.Mutable {
		return ErrImmutable
	}
	g.g.Lo = v
	return nil
}

// NewGlobal creates a global of type t holding v (lo, hi for a v128).
func NewGlobal(s *Store, t GlobalType, v ...uint64) *Global {
	var lo, hi uint64
	if len(v) > 0 {
		lo = v[0]
	}
	if len(v) > 1 && t.Type.Kind == wasm.KindV128 {
		hi = v[1]
	}
	return &Global{store: s, g: s.s.NewGlobal(t, lo, hi)}
}

// Tag is an exception tag.
type Tag struct {
	store *Store
	t     *store.Tag
}

func (t *Tag) Kind() ExternKind { return KindTag }
func (t *Tag) owner() *Store    { return t.store }

// Type returns the tag's payload as a function type's parameters.
func (t *Tag) Type() FuncType { return t.t.Type }
