package wast

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"time"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wast"
	kiln "kiln/runtime"
)

// RuntimeTier runs scripts on kiln's runtime through its public API: one
// Store per script, a Linker holding the spectest module and the
// registered instances. The engine decides the tier (the interpreter, or
// a compiled tier through Config.Compiler).
type RuntimeTier struct {
	Engine *kiln.Engine
	// Unsupported lists the features the tier does not execute; modules
	// that need them are skipped (see Runner).
	UnsupportedFeatures wasm.Features
	// CallTimeout, when positive, bounds every invocation and
	// instantiation (a script that loops forever fails with "interrupted"
	// instead of hanging the run).
	CallTimeout time.Duration

	ctx       context.Context
	store     *kiln.Store
	linker    *kiln.Linker
	instances map[string]*kiln.Instance
	last      *kiln.Instance
	externs   map[uint64]uint32 // externref handle -> script index
	handles   map[uint32]uint64 // script index -> externref handle (ref.extern N, ref.host N)
}

// NewRuntimeTier returns a tier over e. unsupported are the features the
// engine's tier cannot run.
func NewRuntimeTier(e *kiln.Engine, unsupported wasm.Features) *RuntimeTier {
	t := &RuntimeTier{Engine: e, UnsupportedFeatures: unsupported, ctx: context.Background()}
	t.Reset()
	return t
}

// Name returns the engine's tier name.
func (t *RuntimeTier) Name() string { return t.Engine.Tier() }

// Unsupported implements the runner's optional feature check.
func (t *RuntimeTier) Unsupported() wasm.Features { return t.UnsupportedFeatures }

// Reset starts a new script: a fresh store, linker and spectest module.
func (t *RuntimeTier) Reset() {
	t.store = kiln.NewStore(t.Engine)
	t.linker = kiln.NewLinker(t.Engine)
	t.linker.AllowShadowing(true)
	t.instances = map[string]*kiln.Instance{}
	t.last = nil
	t.externs = map[uint64]uint32{}
	t.handles = map[uint32]uint64{}
	t.defineSpectest()
}

// defineSpectest defines the module the reference interpreter provides to
// every script.
func (t *RuntimeTier) defineSpectest() {
	l, s := t.linker, t.store
	nop := func(context.Context, *kiln.Caller, []uint64, []uint64) error { return nil }
	for name, params := range map[string][]kiln.ValType{
		"print": nil, "print_i32": {kiln.I32}, "print_i64": {kiln.I64}, "print_f32": {kiln.F32},
		"print_f64": {kiln.F64}, "print_i32_f32": {kiln.I32, kiln.F32}, "print_f64_f64": {kiln.F64, kiln.F64},
	} {
		l.DefineFunc("spectest", name, kiln.FuncType{Params: params}, nop)
	}
	l.Define("spectest", "global_i32", kiln.NewGlobal(s, kiln.GlobalType{Type: kiln.I32}, 666))
	l.Define("spectest", "global_i64", kiln.NewGlobal(s, kiln.GlobalType{Type: kiln.I64}, 666))
	l.Define("spectest", "global_f32", kiln.NewGlobal(s, kiln.GlobalType{Type: kiln.F32}, uint64(math.Float32bits(666.6))))
	l.Define("spectest", "global_f64", kiln.NewGlobal(s, kiln.GlobalType{Type: kiln.F64}, math.Float64bits(666.6)))
	lim := kiln.Limits{Min: 10, Max: 20, HasMax: true}
	if tab, err := kiln.NewTable(s, kiln.TableType{Elem: kiln.FuncRef, Limits: lim}, 0); err == nil {
		l.Define("spectest", "table", tab)
	}
	if tab, err := kiln.NewTable(s, kiln.TableType{Elem: kiln.FuncRef, Limits: lim, Table64: true}, 0); err == nil {
		l.Define("spectest", "table64", tab)
	}
	if mem, err := kiln.NewMemory(s, kiln.MemoryType{Limits: kiln.Limits{Min: 1, Max: 2, HasMax: true}}); err == nil {
		l.Define("spectest", "memory", mem)
	}
	if mem, err := kiln.NewMemory(s, kiln.MemoryType{Limits: kiln.Limits{Min: 1, Max: 2, HasMax: true}, Shared: true}); err == nil {
		l.Define("spectest", "shared_memory", mem)
	}
}

// Instantiate implements Tier.
func (t *RuntimeTier) Instantiate(id string, bin []byte) error {
	m, err := t.Engine.CompileModule(t.ctx, bin)
	if err != nil {
		if errors.Is(err, kiln.ErrUnsupported) {
			// One reason per operator, not per occurrence.
			return &UnsupportedError{Reason: atOffset.ReplaceAllString(err.Error(), "")}
		}
		return err
	}
	ctx, cancel := t.callContext()
	defer cancel()
	inst, err := t.linker.Instantiate(ctx, t.store, m)
	if err != nil {
		return err
	}
	t.last = inst
	if id != "" {
		t.instances[id] = inst
	}
	return nil
}

func (t *RuntimeTier) instance(id string) (*kiln.Instance, error) {
	if id == "" {
		if t.last == nil {
			return nil, errors.New("no module instantiated")
		}
		return t.last, nil
	}
	inst, ok := t.instances[id]
	if !ok {
		return nil, fmt.Errorf("unknown module %s", id)
	}
	return inst, nil
}

func (t *RuntimeTier) callContext() (context.Context, context.CancelFunc) {
	if t.CallTimeout > 0 {
		return context.WithTimeout(t.ctx, t.CallTimeout)
	}
	return t.ctx, func() {}
}

// Register implements Tier.
func (t *RuntimeTier) Register(as, id string) error {
	inst, err := t.instance(id)
	if err != nil {
		return err
	}
	return t.linker.DefineInstance(as, inst)
}

// Invoke implements Tier.
func (t *RuntimeTier) Invoke(id, name string, args []wast.Value) ([]wast.Value, error) {
	inst, err := t.instance(id)
	if err != nil {
		return nil, err
	}
	f := inst.Func(name)
	if f == nil {
		return nil, fmt.Errorf("no exported function %q", name)
	}
	var words []uint64
	for _, a := range args {
		words = t.toWords(words, a)
	}
	ctx, cancel := t.callContext()
	defer cancel()
	res, err := f.Call(ctx, words...)
	if err != nil {
		return nil, err
	}
	out := make([]wast.Value, 0, len(f.Type().Results))
	i := 0
	for _, rt := range f.Type().Results {
		v, n := t.fromWords(rt, res[i:])
		out = append(out, v)
		i += n
	}
	return out, nil
}

// Get implements Tier.
func (t *RuntimeTier) Get(id, name string) (wast.Value, error) {
	inst, err := t.instance(id)
	if err != nil {
		return wast.Value{}, err
	}
	g := inst.Global(name)
	if g == nil {
		return wast.Value{}, fmt.Errorf("no exported global %q", name)
	}
	lo, hi := g.Get128()
	v, _ := t.fromWords(g.Type().Type, []uint64{lo, hi})
	return v, nil
}

func (t *RuntimeTier) toWords(w []uint64, v wast.Value) []uint64 {
	switch v.Type {
	case wast.I32, wast.F32:
		return append(w, uint64(uint32(v.Lo)))
	case wast.I64, wast.F64:
		return append(w, v.Lo)
	case wast.V128:
		return append(w, v.Lo, v.Hi)
	}
	switch v.Ref {
	case wast.RefExtern, wast.RefHost:
		h, ok := t.handles[v.Index]
		if !ok {
			h = t.store.ExternRef(v.Index)
			t.handles[v.Index] = h
			t.externs[h] = v.Index
		}
		if v.Ref == wast.RefHost {
			// ref.host N is host value N in the any hierarchy: the
			// reference interpreter's internalized extern N.
			h = kiln.AnyOfExtern(h)
		}
		return append(w, h)
	}
	return append(w, 0)
}

func (t *RuntimeTier) fromWords(rt wasm.ValType, w []uint64) (wast.Value, int) {
	switch rt.Kind {
	case wasm.KindI32:
		return wast.Value{Type: wast.I32, Lo: w[0]}, 1
	case wasm.KindI64:
		return wast.Value{Type: wast.I64, Lo: w[0]}, 1
	case wasm.KindF32:
		return wast.Value{Type: wast.F32, Lo: w[0]}, 1
	case wasm.KindF64:
		return wast.Value{Type: wast.F64, Lo: w[0]}, 1
	case wasm.KindV128:
		return wast.Value{Type: wast.V128, Lo: w[0], Hi: w[1]}, 2
	}
	v := wast.Value{Type: wast.Ref}
	r := w[0]
	switch {
	case r == 0:
		v.Ref = wast.RefNull
	case rt.Heap == wasm.HeapExtern || rt.Heap == wasm.HeapNoExtern:
		v.Ref = wast.RefExtern
		v.Index, v.HasIndex = t.externs[r]
	case rt.Heap == wasm.HeapExn || rt.Heap == wasm.HeapNoExn:
		v.Ref = wast.RefExn
	case kiln.IsI31(r):
		v.Ref = wast.RefI31
	case kiln.IsObject(r):
		v.Ref = wast.RefStruct
		if t.store.IsArray(r) {
			v.Ref = wast.RefArray
		}
	case kiln.IsHostAny(r):
		v.Ref = wast.RefHost
		v.Index, v.HasIndex = t.externs[kiln.ExternOfAny(r)]
	default:
		v.Ref = wast.RefFunc
	}
	return v, 1
}

var atOffset = regexp.MustCompile(` at offset \d+`)

// UnsupportedError is returned by a Tier for a module it cannot run; the
// runner counts the directive as skipped with the reason.
type UnsupportedError struct{ Reason string }

func (e *UnsupportedError) Error() string { return e.Reason }
