package kiln

import (
	"context"
	"fmt"
	"math"

	"kiln/runtime/internal/store"
)

// HostFunc is a Go function callable from wasm, in its fast raw form:
// params holds one word per parameter (two for a v128), results has room
// for the result words. A returned error traps the calling wasm code with
// ErrTrapHostError, the error as the trap's cause; a panic does the same
// and leaves the store usable. Return a *Trap to trap with another code.
type HostFunc func(ctx context.Context, c *Caller, params, results []uint64) error

// Caller is what a host function sees of the code that called it.
type Caller struct {
	store *Store
	inst  *store.Instance // nil when the embedder called the function
}

// Store returns the store the call runs in.
func (c *Caller) Store() *Store { return c.store }

// Export returns the export called name of the calling instance, or nil
// (also when the embedder called the host function directly).
func (c *Caller) Export(name string) Extern {
	if c.inst == nil {
		return nil
	}
	x, ok := c.inst.Export(name)
	if !ok {
		return nil
	}
	return c.store.wrap(x)
}

// Memory returns the calling instance's memory: its export called
// "memory" (the WASI convention) or else its memory 0, or nil.
func (c *Caller) Memory() *Memory {
	if m, ok := c.Export("memory").(*Memory); ok {
		return m
	}
	if c.inst == nil || len(c.inst.Memories) == 0 {
		return nil
	}
	return &Memory{store: c.store, m: c.inst.Memories[0]}
}

// hostDef is a host function defined in a Linker, not yet tied to a store.
type hostDef struct {
	name string
	typ  FuncType
	fn   HostFunc
}

// function returns the store function of d in s, allocating it on first
// use.
func (s *Store) hostFunction(d *hostDef) *store.Function {
	if f, ok := s.hosts[d]; ok {
		return f
	}
	fn := d.fn
	f := s.s.NewHostFunc(d.name, d.typ, func(ctx context.Context, caller *store.Instance, params, results []uint64) error {
		return fn(ctx, &Caller{store: s, inst: caller}, params, results)
	})
	s.hosts[d] = f
	return f
}

// NewFunc creates a host function in s (to pass to Store.Instantiate or
// Linker.Define, or to call with Func.Call).
func NewFunc(s *Store, t FuncType, fn HostFunc) *Func {
	return s.wrapFunc(s.hostFunction(&hostDef{name: "host", typ: t, fn: fn}))
}

// Linker resolves imports by module and field name: host functions
// (defined once, instantiated into every store that uses them), objects of
// a store, and whole instances. It is not safe for concurrent mutation;
// once defined, Instantiate may be called from several goroutines on
// different stores.
type Linker struct {
	engine    *Engine
	defs      map[[2]string]linkDef
	shadowing bool
}

type linkDef struct {
	host *hostDef
	ext  Extern
}

// NewLinker returns an empty linker for modules of e.
func NewLinker(e *Engine) *Linker {
	return &Linker{engine: e, defs: map[[2]string]linkDef{}}
}

// AllowShadowing lets a later definition of a name replace an earlier one
// instead of being an error.
func (l *Linker) AllowShadowing(allow bool) { l.shadowing = allow }

func (l *Linker) define(module, name string, d linkDef) error {
	k := [2]string{module, name}
	if _, dup := l.defs[k]; dup && !l.shadowing {
		return fmt.Errorf("kiln: %s.%s is already defined", module, name)
	}
	l.defs[k] = d
	return nil
}

// DefineFunc defines a host function with the raw calling convention.
func (l *Linker) DefineFunc(module, name string, t FuncType, fn HostFunc) error {
	return l.define(module, name, linkDef{host: &hostDef{name: module + "." + name, typ: t, fn: fn}})
}

// DefineHost defines a host function built by Func0, Func1, ...
func (l *Linker) DefineHost(module, name string, h HostFunction) error {
	return l.DefineFunc(module, name, h.Type, h.Fn)
}

// Define defines an object of a store. Only instantiations in that store
// can use it.
func (l *Linker) Define(module, name string, x Extern) error {
	return l.define(module, name, linkDef{ext: x})
}

// DefineInstance defines every export of inst under the module name.
func (l *Linker) DefineInstance(module string, inst *Instance) error {
	for _, e := range inst.module.wasm.Exports {
		if err := l.Define(module, e.Name, inst.Export(e.Name)); err != nil {
			return err
		}
	}
	return nil
}

// Instantiate resolves m's imports and instantiates it in s: imports are
// checked, objects allocated, segments applied and the start function run.
// A missing import is a *LinkError with Reason "unknown import"; one of
// the wrong type "incompatible import type". A trap in a segment or the
// start function is a *Trap.
func (l *Linker) Instantiate(ctx context.Context, s *Store, m *Module) (*Instance, error) {
	return l.InstantiateAs(ctx, s, m, "")
}

// InstantiateAs is Instantiate with a name for backtraces (default: the
// module's name-section name).
func (l *Linker) InstantiateAs(ctx context.Context, s *Store, m *Module, name string) (*Instance, error) {
	if m.engine != l.engine || s.engine != l.engine {
		return nil, errForeignEngine
	}
	imports := make([]store.Extern, len(m.wasm.Imports))
	for i, im := range m.wasm.Imports {
		d, ok := l.defs[[2]string{im.Module, im.Name}]
		if !ok {
			return nil, &LinkError{Module: im.Module, Name: im.Name, Reason: "unknown import"}
		}
		if d.host != nil {
			imports[i] = store.Extern{Kind: KindFunc, Func: s.hostFunction(d.host)}
			continue
		}
		x, err := s.internal(d.ext)
		if err != nil {
			return nil, &LinkError{Module: im.Module, Name: im.Name, Reason: "unknown import", Detail: err.Error()}
		}
		imports[i] = x
	}
	return s.instantiate(ctx, m, name, imports)
}

// LinkError is an instantiation failure caused by an import: Reason is
// "unknown import" or "incompatible import type".
type LinkError = store.LinkError

// HostFunction is a host function with its signature, built by Func0,
// Func1, ... from a typed Go function.
type HostFunction struct {
	Type FuncType
	Fn   HostFunc
}

// Scalar is the Go types a typed host function may take and return:
// int32/uint32 (i32), int64/uint64 (i64), float32 (f32), float64 (f64).
type Scalar interface {
	int32 | uint32 | int64 | uint64 | float32 | float64
}

func valType[T Scalar]() ValType {
	var z T
	switch any(z).(type) {
	case int32, uint32:
		return I32
	case int64, uint64:
		return I64
	case float32:
		return F32
	}
	return F64
}

func decode[T Scalar](w uint64) T {
	var z T
	switch any(z).(type) {
	case int32:
		return T(int32(w))
	case uint32:
		return T(uint32(w))
	case float32:
		return T(math.Float32frombits(uint32(w)))
	case float64:
		return T(math.Float64frombits(w))
	}
	return T(w)
}

func encode[T Scalar](v T) uint64 {
	switch x := any(v).(type) {
	case int32:
		return uint64(uint32(x))
	case uint32:
		return uint64(x)
	case int64:
		return uint64(x)
	case uint64:
		return x
	case float32:
		return uint64(math.Float32bits(x))
	case float64:
		return math.Float64bits(x)
	}
	return 0
}

// Func0 wraps func(ctx) R as a host function.
func Func0[R Scalar](fn func(context.Context) R) HostFunction {
	return HostFunction{
		Type: FuncType{Results: []ValType{valType[R]()}},
		Fn: func(ctx context.Context, _ *Caller, p, r []uint64) error {
			r[0] = encode(fn(ctx))
			return nil
		},
	}
}

// Func1 wraps func(ctx, P) R as a host function.
func Func1[P, R Scalar](fn func(context.Context, P) R) HostFunction {
	return HostFunction{
		Type: FuncType{Params: []ValType{valType[P]()}, Results: []ValType{valType[R]()}},
		Fn: func(ctx context.Context, _ *Caller, p, r []uint64) error {
			r[0] = encode(fn(ctx, decode[P](p[0])))
			return nil
		},
	}
}

// Func2 wraps func(ctx, P1, P2) R as a host function.
func Func2[P1, P2, R Scalar](fn func(context.Context, P1, P2) R) HostFunction {
	return HostFunction{
		Type: FuncType{Params: []ValType{valType[P1](), valType[P2]()}, Results: []ValType{valType[R]()}},
		Fn: func(ctx context.Context, _ *Caller, p, r []uint64) error {
			r[0] = encode(fn(ctx, decode[P1](p[0]), decode[P2](p[1])))
			return nil
		},
	}
}

// Proc1 wraps func(ctx, P) (no result) as a host function.
func Proc1[P Scalar](fn func(context.Context, P)) HostFunction {
	return HostFunction{
		Type: FuncType{Params: []ValType{valType[P]()}},
		Fn: func(ctx context.Context, _ *Caller, p, r []uint64) error {
			fn(ctx, decode[P](p[0]))
			return nil
		},
	}
}

// Proc2 wraps func(ctx, P1, P2) (no result) as a host function.
func Proc2[P1, P2 Scalar](fn func(context.Context, P1, P2)) HostFunction {
	return HostFunction{
		Type: FuncType{Params: []ValType{valType[P1](), valType[P2]()}},
		Fn: func(ctx context.Context, _ *Caller, p, r []uint64) error {
			fn(ctx, decode[P1](p[0]), decode[P2](p[1]))
			return nil
		},
	}
}

// Encode returns the word of a Go scalar as Func.Call takes it: int32 and
// uint32 zero-extended, float32 and float64 as their IEEE bits.
func Encode[T Scalar](v T) uint64 { return encode(v) }

// Decode returns a result word of Func.Call as a Go scalar.
func Decode[T Scalar](w uint64) T { return decode[T](w) }

// Call1 calls f (whose single result has R's wasm type) with argument
// words made by Encode and returns the result as R.
func Call1[R Scalar](ctx context.Context, f *Func, args ...uint64) (R, error) {
	var zero R
	if rs := f.Type().Results; len(rs) != 1 || rs[0] != valType[R]() {
		return zero, fmt.Errorf("kiln: %s does not return one %v", f.Type(), valType[R]())
	}
	res, err := f.Call(ctx, args...)
	if err != nil {
		return zero, err
	}
	return decode[R](res[0]), nil
}
