package compiled_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kiln/baseline"
	filewast "kiln/filetests/wast"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wast"
	"kiln/runtime/internal/compiled"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
	"kiln/runtime/interp"
)

// storeTier runs spec scripts on a compiled strategy directly over the
// store (the public API's engine cannot select this strategy from inside
// the runtime module's tests without the hook in package kiln).
type storeTier struct {
	engine    *compiled.Engine
	features  wasm.Features
	ctx       context.Context
	store     *store.Store
	registry  map[string]map[string]store.Extern
	instances map[string]*store.Instance
	last      *store.Instance
	externs   map[uint64]uint32
	handles   map[uint32]uint64
}

func newStoreTier(c vm.Compiler) (*storeTier, error) {
	e, err := compiled.New(c, wasm.FeaturesAll)
	if err != nil {
		return nil, err
	}
	t := &storeTier{engine: e.(*compiled.Engine), features: wasm.FeaturesAll, ctx: context.Background()}
	t.Reset()
	return t, nil
}

func (t *storeTier) Name() string               { return t.engine.Name() }
func (t *storeTier) Unsupported() wasm.Features { return t.engine.Unsupported() }

func (t *storeTier) Reset() {
	t.store = store.New(store.Limits{})
	t.registry = map[string]map[string]store.Extern{}
	t.instances = map[string]*store.Instance{}
	t.last = nil
	t.externs = map[uint64]uint32{}
	t.handles = map[uint32]uint64{}
	s := t.store
	spec := map[string]store.Extern{}
	nop := func(context.Context, *store.Instance, []uint64, []uint64) error { return nil }
	for name, params := range map[string][]wasm.ValType{
		"print": nil, "print_i32": {wasm.I32}, "print_i64": {wasm.I64}, "print_f32": {wasm.F32},
		"print_f64": {wasm.F64}, "print_i32_f32": {wasm.I32, wasm.F32}, "print_f64_f64": {wasm.F64, wasm.F64},
	} {
		spec[name] = store.Extern{Kind: wasm.ExternFunc, Func: s.NewHostFunc("spectest."+name, store.FuncType{Params: params}, nop)}
	}
	global := func(ty wasm.ValType, v uint64) store.Extern {
		return store.Extern{Kind: wasm.ExternGlobal, Global: s.NewGlobal(wasm.GlobalType{Type: ty}, v, 0)}
	}
	spec["global_i32"] = global(wasm.I32, 666)
	spec["global_i64"] = global(wasm.I64, 666)
	spec["global_f32"] = global(wasm.F32, uint64(math.Float32bits(666.6)))
	spec["global_f64"] = global(wasm.F64, math.Float64bits(666.6))
	lim := wasm.Limits{Min: 10, Max: 20, HasMax: true}
	if tab, err := s.NewTable(wasm.TableType{Elem: wasm.FuncRef, Limits: lim}, 0); err == nil {
		spec["table"] = store.Extern{Kind: wasm.ExternTable, Table: tab}
	}
	if tab, err := s.NewTable(wasm.TableType{Elem: wasm.FuncRef, Limits: lim, Table64: true}, 0); err == nil {
		spec["table64"] = store.Extern{Kind: wasm.ExternTable, Table: tab}
	}
	if mem, err := s.NewMemory(wasm.MemoryType{Limits: wasm.Limits{Min: 1, Max: 2, HasMax: true}}); err == nil {
		spec["memory"] = store.Extern{Kind: wasm.ExternMemory, Memory: mem}
	}
	t.registry["spectest"] = spec
}

func (t *storeTier) Instantiate(id string, bin []byte) error {
	m, err := wasm.DecodeAndValidate(bin, t.features)
	if err != nil {
		return err
	}
	code, err := t.engine.Prepare(t.ctx, m, t.features)
	if err != nil {
		if errors.Is(err, interp.ErrUnsupported) {
			return &filewast.UnsupportedError{Reason: err.Error()}
		}
		return err
	}
	imports := make([]store.Extern, len(m.Imports))
	for i, imp := range m.Imports {
		x, ok := t.registry[imp.Module][imp.Name]
		if !ok {
			return fmt.Errorf("unknown import %s.%s", imp.Module, imp.Name)
		}
		imports[i] = x
	}
	inst, err := t.store.Instantiate(t.ctx, m, code, id, imports)
	if err != nil {
		return err
	}
	t.last = inst
	if id != "" {
		t.instances[id] = inst
	}
	return nil
}

func (t *storeTier) instance(id string) (*store.Instance, error) {
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

func (t *storeTier) Register(as, id string) error {
	inst, err := t.instance(id)
	if err != nil {
		return err
	}
	exports := map[string]store.Extern{}
	for _, e := range inst.Module.Exports {
		x, _ := inst.Export(e.Name)
		exports[e.Name] = x
	}
	t.registry[as] = exports
	return nil
}

func (t *storeTier) Invoke(id, name string, args []wast.Value) ([]wast.Value, error) {
	inst, err := t.instance(id)
	if err != nil {
		return nil, err
	}
	x, ok := inst.Export(name)
	if !ok || x.Kind != wasm.ExternFunc {
		return nil, fmt.Errorf("no exported function %q", name)
	}
	f := x.Func
	var words []uint64
	for _, a := range args {
		words = t.toWords(words, a)
	}
	_, nr := f.Type.Words()
	res := make([]uint64, nr)
	if err := t.store.Call(t.ctx, nil, f, words, res); err != nil {
		return nil, err
	}
	var out []wast.Value
	i := 0
	for _, rt := range f.Type.Results {
		v, n := t.fromWords(rt, res[i:])
		out = append(out, v)
		i += n
	}
	return out, nil
}

func (t *storeTier) Get(id, name string) (wast.Value, error) {
	inst, err := t.instance(id)
	if err != nil {
		return wast.Value{}, err
	}
	x, ok := inst.Export(name)
	if !ok || x.Kind != wasm.ExternGlobal {
		return wast.Value{}, fmt.Errorf("no exported global %q", name)
	}
	v, _ := t.fromWords(x.Global.Type.Type, []uint64{x.Global.Lo, x.Global.Hi})
	return v, nil
}

func (t *storeTier) toWords(w []uint64, v wast.Value) []uint64 {
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
		idx := v.Index
		if v.Ref == wast.RefHost {
			idx |= 1 << 31
		}
		h, ok := t.handles[idx]
		if !ok {
			h = t.store.ExternRef(idx)
			t.handles[idx] = h
			t.externs[h] = idx
		}
		return append(w, h)
	}
	return append(w, 0)
}

func (t *storeTier) fromWords(rt wasm.ValType, w []uint64) (wast.Value, int) {
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
	switch {
	case w[0] == 0:
		v.Ref = wast.RefNull
	case rt.Heap == wasm.HeapExtern || rt.Heap == wasm.HeapNoExtern:
		idx, ok := t.externs[w[0]]
		v.Ref, v.HasIndex, v.Index = wast.RefExtern, ok, idx
		if idx&(1<<31) != 0 {
			v.Ref, v.Index = wast.RefHost, idx&^(1<<31)
		}
	default:
		v.Ref = wast.RefFunc
	}
	return v, 1
}

// specFiles are the core scripts of the baseline issue: wasm 2.0 and the
// scalar proposals, no SIMD.
func specFiles(t *testing.T) []string {
	dir := os.Getenv("KILN_SPEC_DIR")
	if dir == "" {
		dir = "../../../../shared/upstream/spec-testsuite"
	}
	files, err := filepath.Glob(filepath.Join(dir, "core", "*.wast"))
	if err != nil || len(files) == 0 {
		t.Skipf("no spec test suite at %s", dir)
	}
	var out []string
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "simd_") {
			out = append(out, f)
		}
	}
	return out
}

// knownFailures are directives that fail for reasons outside this
// package, each with the reason (one that passes again is logged, so the
// list can shrink).
var knownFailures = map[string]string{}

// TestSpecBaseline runs the core spec scripts (minus simd_*) on the
// baseline tier through this strategy and reports the counts; every
// failure is listed.
func TestSpecBaseline(t *testing.T) {
	if !jit.Supported {
		t.Skip("no JIT on this platform")
	}
	if testing.Short() {
		t.Skip("the core suite takes a while")
	}
	tier, err := newStoreTier(baseline.Compiler{})
	if err != nil {
		t.Fatal(err)
	}
	r := filewast.Runner{Tier: tier}
	var passed, failed, skipped int
	skips := map[string]int{}
	seen := map[string]bool{}
	only := os.Getenv("KILN_SPEC_ONLY")
	for _, f := range specFiles(t) {
		if only != "" && !strings.Contains(filepath.Base(f), only) {
			continue
		}
		for _, rep := range r.RunFile(f) {
			switch rep.Outcome {
			case filewast.Passed:
				passed++
			case filewast.Failed:
				failed++
				at := fmt.Sprintf("%s:%d", filepath.Base(rep.File), rep.Line)
				seen[at] = true
				if _, known := knownFailures[at]; known {
					continue
				}
				msg := rep.Message
				if i := strings.IndexByte(msg, '\n'); i >= 0 {
					msg = msg[:i]
				}
				t.Errorf("%s: %s: %s", at, rep.Command, msg)
			case filewast.Skipped:
				skipped++
				skips[rep.Message]++
			}
		}
	}
	for at, why := range knownFailures {
		if only == "" && !seen[at] {
			t.Logf("%s passes now (was a known failure: %s)", at, why)
		}
	}
	reasons := make([]string, 0, len(skips))
	for k := range skips {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		t.Logf("skipped %d: %s", skips[k], k)
	}
	t.Logf("baseline core (no simd): %d passed, %d failed, %d skipped", passed, failed, skipped)
}
