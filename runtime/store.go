package kiln

import (
	"context"

	"kiln/runtime/internal/store"
)

// Store holds runtime objects: the functions, memories, tables and
// globals of the instances made in it and of the host objects defined for
// it. Objects of different stores never mix. A Store is not safe for
// concurrent use: one goroutine at a time calls into it (Interrupt is the
// exception). Run many instances in parallel with one Store each.
type Store struct {
	engine *Engine
	s      *store.Store
	// hosts caches the store functions made for a Linker's host function
	// definitions, so that each is allocated once per store.
	hosts map[*hostDef]*store.Function
	// wrappers maps store objects to their public wrappers, so that the
	// same object always yields the same *Func, *Memory, ...
	funcs map[*store.Function]*Func
}

// NewStore returns an empty store for modules of engine e, with e's
// limits.
func NewStore(e *Engine) *Store {
	s := &Store{
		engine: e,
		s:      store.New(e.limits()),
		hosts:  map[*hostDef]*store.Function{},
		funcs:  map[*store.Function]*Func{},
	}
	if e.cfg.Fuel > 0 {
		s.SetFuel(e.cfg.Fuel)
	}
	return s
}

// Engine returns the store's engine.
func (s *Store) Engine() *Engine { return s.engine }

// SetFuel turns fuel metering on with n units: every loop iteration and
// every call consumes one, and running out traps with ErrTrapOutOfFuel.
// A negative n turns metering off. Only the interpreter meters fuel.
func (s *Store) SetFuel(n int64) {
	s.s.FuelEnabled = n >= 0
	s.s.Fuel = max(n, 0)
}

// Fuel returns the remaining fuel and whether metering is on.
func (s *Store) Fuel() (int64, bool) { return s.s.Fuel, s.s.FuelEnabled }

// Interrupt stops the wasm code running in the store, at its next loop
// header or call, with ErrTrapInterrupted. It may be called from any
// goroutine; the flag is cleared when the next call from Go starts.
func (s *Store) Interrupt() { s.s.Interrupt() }

// ExternRef returns an externref value (a store handle) wrapping the host
// value v; ExternValue returns v for it.
func (s *Store) ExternRef(v any) uint64 { return s.s.ExternRef(v) }

// ExternValue returns the host value of an externref, and false for null
// or a handle this store did not make.
func (s *Store) ExternValue(ref uint64) (any, bool) { return s.s.ExternValue(ref) }

// FuncOf returns the function a funcref value names, or nil for null.
func (s *Store) FuncOf(ref uint64) *Func {
	f := s.s.Func(ref)
	if f == nil {
		return nil
	}
	return s.wrapFunc(f)
}

func (s *Store) wrapFunc(f *store.Function) *Func {
	if w, ok := s.funcs[f]; ok {
		return w
	}
	w := &Func{store: s, f: f}
	s.funcs[f] = w
	return w
}

// Instantiate instantiates m with imports given in the order of
// m.Imports(); a Linker resolves them by name instead.
func (s *Store) Instantiate(ctx context.Context, m *Module, imports ...Extern) (*Instance, error) {
	ext := make([]store.Extern, len(imports))
	for i, x := range imports {
		e, err := s.internal(x)
		if err != nil {
			return nil, err
		}
		ext[i] = e
	}
	return s.instantiate(ctx, m, "", ext)
}

func (s *Store) instantiate(ctx context.Context, m *Module, name string, imports []store.Extern) (*Instance, error) {
	if m.engine != s.engine {
		return nil, errForeignEngine
	}
	if name == "" {
		name = m.name
	}
	s.s.ClearInterrupt()
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, s.s.Interrupt)
		defer stop()
	}
	inst, err := s.s.Instantiate(ctx, m.wasm, m.code, name, imports)
	if err != nil {
		return nil, err
	}
	return &Instance{store: s, inst: inst, module: m}, nil
}

// Reference words of the GC proposal (see Store.ExternRef for externrefs
// and Func.Ref for funcrefs; all share one encoding per store):

// IsI31 reports whether an anyref or externref word is an i31.
func IsI31(ref uint64) bool { return ref&store.RefI31 != 0 }

// IsObject reports whether a reference word is a struct or an array.
func IsObject(ref uint64) bool { return ref&store.RefObject != 0 }

// IsHostAny reports whether an anyref word is a host value (an externref
// converted with any.convert_extern).
func IsHostAny(ref uint64) bool { return ref&store.RefHostAny != 0 }

// AnyOfExtern converts an externref word to anyref (any.convert_extern).
func AnyOfExtern(ref uint64) uint64 { return store.AnyOfExtern(ref) }

// ExternOfAny converts an anyref word to externref (extern.convert_any).
func ExternOfAny(ref uint64) uint64 { return store.ExternOfAny(ref) }

// IsArray reports whether a reference of s is an array.
func (s *Store) IsArray(ref uint64) bool {
	o := s.s.Object(ref)
	return o != nil && o.Array
}
