package store

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// Ref is a reference value: 0 is null, anything else a store-scoped handle
// (see the package documentation).
type Ref = uint64

// NullRef is the null reference of every reference type.
const NullRef Ref = 0

// PageSize is the size of a WebAssembly memory page.
const PageSize = 65536

// Limits bound what one Store may allocate and how deep calls may nest.
// Zero fields take the defaults of DefaultLimits.
type Limits struct {
	// MaxMemoryPages caps every memory's size in pages (minimum and growth).
	MaxMemoryPages uint64
	// MaxTableElements caps every table's size.
	MaxTableElements uint64
	// MaxCallDepth caps the number of active wasm frames.
	MaxCallDepth int
}

// DefaultLimits: 4 GiB of memory (65536 pages), ten million table
// elements, 50,000 nested calls (deep enough for the spec tests'
// recursion, shallow enough that every tier can honour it).
var DefaultLimits = Limits{MaxMemoryPages: 65536, MaxTableElements: 10_000_000, MaxCallDepth: 50_000}

func (l Limits) withDefaults() Limits {
	if l.MaxMemoryPages == 0 {
		l.MaxMemoryPages = DefaultLimits.MaxMemoryPages
	}
	if l.MaxTableElements == 0 {
		l.MaxTableElements = DefaultLimits.MaxTableElements
	}
	if l.MaxCallDepth == 0 {
		l.MaxCallDepth = DefaultLimits.MaxCallDepth
	}
	return l
}

// Store owns runtime objects. It is not safe for concurrent use, except
// Interrupt.
type Store struct {
	Limits Limits

	// Depth is the number of active wasm frames (see Enter).
	Depth int
	// Fuel is the remaining fuel when FuelEnabled; a tier traps with
	// TrapOutOfFuel when it would go negative.
	Fuel        int64
	FuelEnabled bool

	interrupt atomic.Uint32

	funcs    []*Function
	externs  []any
	types    map[string]TypeID
	nextType TypeID
	exns     []*Exception
	objects  []*Object
	typeInfo []typeInfo
	exnRefs  map[*Exception]Ref

	growHooks []func(*Memory)
}

// OnMemoryGrow registers fn to run after any memory of the store changed
// size through GrowMemory. A compiled strategy uses it to refresh the
// {base, length} copies in its VM contexts.
func (s *Store) OnMemoryGrow(fn func(*Memory)) { s.growHooks = append(s.growHooks, fn) }

// GrowMemory grows m by delta pages (memory.grow, Memory.Grow of the
// embedding API) and returns the previous size in pages, or -1. It is the
// only way a memory of the store changes size, so that the hooks see
// every growth.
func (s *Store) GrowMemory(m *Memory, delta uint64) int64 {
	r := m.grow(delta)
	if r >= 0 && delta > 0 {
		for _, h := range s.growHooks {
			h(m)
		}
	}
	return r
}

// New returns an empty store with the given limits.
func New(l Limits) *Store {
	return &Store{Limits: l.withDefaults(), types: map[string]TypeID{}}
}

// Interrupt asks running code to stop with TrapInterrupted at its next
// check. Safe to call from any goroutine.
func (s *Store) Interrupt() { s.interrupt.Store(1) }

// ClearInterrupt resets the interrupt flag (before a new call).
func (s *Store) ClearInterrupt() { s.interrupt.Store(0) }

// Interrupted reports whether Interrupt was called since the last
// ClearInterrupt. Tiers poll it at loop headers and function entries.
func (s *Store) Interrupted() bool { return s.interrupt.Load() != 0 }

// Enter records one more active wasm frame and reports false (the caller
// traps with TrapStackOverflow) when that exceeds MaxCallDepth.
func (s *Store) Enter() bool {
	if s.Depth >= s.Limits.MaxCallDepth {
		return false
	}
	s.Depth++
	return true
}

// Leave undoes one Enter.
func (s *Store) Leave() { s.Depth-- }

// FuncRef returns the reference to f (f must belong to s).
func (s *Store) FuncRef(f *Function) Ref { return Ref(f.handle) }

// Func returns the function a funcref names, or nil for null or a handle
// that is not one of s's functions.
func (s *Store) Func(r Ref) *Function {
	if r == 0 || r > uint64(len(s.funcs)) {
		return nil
	}
	return s.funcs[r-1]
}

// ExternRef returns a new externref wrapping the host value v.
func (s *Store) ExternRef(v any) Ref {
	s.externs = append(s.externs, v)
	return Ref(len(s.externs))
}

// ExternValue returns the host value of an externref (nil, false for null
// or an unknown handle).
func (s *Store) ExternValue(r Ref) (any, bool) {
	if r == 0 || r > uint64(len(s.externs)) {
		return nil, false
	}
	return s.externs[r-1], true
}

// FuncType is a function signature.
type FuncType struct {
	Params, Results []wasm.ValType
}

func (t FuncType) String() string {
	return "func " + typeList(t.Params) + " -> " + typeList(t.Results)
}

func typeList(ts []wasm.ValType) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.String())
	}
	b.WriteByte(']')
	return b.String()
}

// Equal reports whether two signatures are the same.
func (t FuncType) Equal(u FuncType) bool {
	if len(t.Params) != len(u.Params) || len(t.Results) != len(u.Results) {
		return false
	}
	for i := range t.Params {
		if t.Params[i] != u.Params[i] {
			return false
		}
	}
	for i := range t.Results {
		if t.Results[i] != u.Results[i] {
			return false
		}
	}
	return true
}

// Words returns the number of uint64 words the parameters and the results
// take (a v128 takes two).
func (t FuncType) Words() (params, results int) {
	return words(t.Params), words(t.Results)
}

func words(ts []wasm.ValType) int {
	n := len(ts)
	for _, v := range ts {
		if v.Kind == wasm.KindV128 {
			n++
		}
	}
	return n
}

// HostFunc is a Go function callable from wasm. params holds the argument
// words, results has room for the result words (see FuncType.Words). caller
// is the instance whose code made the call (nil when the embedder calls the
// function directly). A returned error becomes a TrapHostError trap whose
// Cause is the error, unless it already is a *Trap.
type HostFunc func(ctx context.Context, caller *Instance, params, results []uint64) error

// Function is a function in a store: a defined function of an Instance
// (Instance != nil, Index in its module's function index space) or a host
// function (Host != nil).
type Function struct {
	Type   FuncType
	TypeID TypeID

	Instance *Instance
	Index    uint32

	Host HostFunc
	// Name names a host function in backtraces ("env.add").
	Name string

	// Tier is owned by the execution strategy that runs the function,
	// e.g. the address of its vm.FuncRef for a compiled tier. The store
	// never reads it.
	Tier any

	handle uint64
}

func (s *Store) addFunc(f *Function) *Function {
	s.funcs = append(s.funcs, f)
	f.handle = uint64(len(s.funcs))
	return f
}

// NewHostFunc allocates a host function of type t.
func (s *Store) NewHostFunc(name string, t FuncType, fn HostFunc) *Function {
	return s.addFunc(&Function{Type: t, TypeID: s.FuncTypeID(t), Host: fn, Name: name})
}

// Call runs f with params and writes its results. It is the entry every
// tier and the embedding API use for a function they do not run
// themselves: a host function runs its callback (a panic or an error
// becomes a trap), a wasm function runs through its instance's Code.
func (s *Store) Call(ctx context.Context, caller *Instance, f *Function, params, results []uint64) (err error) {
	if f.Host != nil {
		return s.callHost(ctx, caller, f, params, results)
	}
	inst := f.Instance
	return inst.Code.Call(ctx, inst, f.Index, params, results)
}

func (s *Store) callHost(ctx context.Context, caller *Instance, f *Function, params, results []uint64) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &Trap{Code: vm.TrapHostError, Cause: fmt.Errorf("host function %s panicked: %v", f.Name, p)}
		}
	}()
	if err := f.Host(ctx, caller, params, results); err != nil {
		switch err.(type) {
		case *Trap, *Exception:
			return err
		}
		return &Trap{Code: vm.TrapHostError, Cause: err}
	}
	return nil
}
