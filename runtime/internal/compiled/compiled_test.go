package compiled_test

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"kiln/baseline"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/runtime/internal/compiled"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
)

// module is a compiled module ready to instantiate in fresh stores.
type module struct {
	mod  *wasm.Module
	code store.Code
}

func compile(t testing.TB, src string) *module {
	t.Helper()
	if !jit.Supported {
		t.Skip("no JIT on this platform")
	}
	bin, err := wat.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	e, err := compiled.New(baseline.Compiler{}, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	code, err := e.Prepare(context.Background(), m, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	return &module{m, code}
}

// instantiate makes a store and an instance; imports are host functions
// by name ("env" module).
func (m *module) instantiate(t testing.TB, host map[string]store.HostFunc) (*store.Store, *store.Instance) {
	t.Helper()
	s := store.New(store.Limits{})
	var imports []store.Extern
	for _, imp := range m.mod.Imports {
		fn := host[imp.Name]
		if fn == nil || imp.Kind != wasm.ExternFunc {
			t.Fatalf("no host function for import %s.%s", imp.Module, imp.Name)
		}
		ft := store.ModuleFuncType(m.mod, imp.TypeIndex)
		imports = append(imports, store.Extern{Kind: wasm.ExternFunc, Func: s.NewHostFunc(imp.Name, ft, fn)})
	}
	inst, err := s.Instantiate(context.Background(), m.mod, m.code, "test", imports)
	if err != nil {
		t.Fatal(err)
	}
	return s, inst
}

func call(ctx context.Context, inst *store.Instance, name string, args ...uint64) ([]uint64, error) {
	x, ok := inst.Export(name)
	if !ok {
		return nil, errors.New("no export " + name)
	}
	_, nr := x.Func.Type.Words()
	res := make([]uint64, nr)
	err := inst.Store.Call(ctx, nil, x.Func, args, res)
	return res, err
}

const loops = `(module
  (import "env" "boom" (func $boom (param i32) (result i32)))
  (memory 1)
  (func (export "spin") (param i64) (result i64) (local i64)
    loop
      local.get 1 i64.const 1 i64.add local.set 1
      local.get 1 local.get 0 i64.lt_u br_if 0
    end
    local.get 1)
  (func $rec (export "rec") (param i32) (result i32)
    local.get 0 i32.const 1 i32.add call $rec)
  (func (export "oob") (param i32) (result i32) local.get 0 i32.load)
  (func (export "host") (param i32) (result i32) local.get 0 call $boom i32.const 1 i32.add)
  (func (export "fib") (param i32) (result i32)
    local.get 0 i32.const 2 i32.lt_u
    if (result i32) local.get 0
    else
      local.get 0 i32.const 1 i32.sub call 5
      local.get 0 i32.const 2 i32.sub call 5 i32.add
    end)
)`

func boom(_ context.Context, _ *store.Instance, p, r []uint64) error {
	if p[0] == 13 {
		return errors.New("unlucky")
	}
	r[0] = p[0] * 2
	return nil
}

// TestTrapsLeaveStoreUsable: a trap deep in recursion, in a host call and
// out of bounds each return a *store.Trap with a backtrace, and the next
// call on the same store works.
func TestTrapsLeaveStoreUsable(t *testing.T) {
	m := compile(t, loops)
	_, inst := m.instantiate(t, map[string]store.HostFunc{"boom": boom})
	ctx := context.Background()
	check := func(name string, arg uint64, code vm.TrapCode) {
		t.Helper()
		_, err := call(ctx, inst, name, arg)
		var tr *store.Trap
		if !errors.As(err, &tr) || tr.Code != code {
			t.Fatalf("%s(%d) = %v, want trap %v", name, arg, err, code.Message())
		}
		if len(tr.Backtrace) == 0 {
			t.Errorf("%s: no backtrace", name)
		}
		if r, err := call(ctx, inst, "fib", 20); err != nil || r[0] != 6765 {
			t.Fatalf("after %s: fib(20) = %v, %v", name, r, err)
		}
	}
	check("rec", 0, vm.TrapStackOverflow)
	check("oob", 65533, vm.TrapMemoryOutOfBounds)
	check("host", 13, vm.TrapHostError)
	if r, err := call(ctx, inst, "host", 20); err != nil || r[0] != 41 {
		t.Fatalf("host(20) = %v, %v", r, err)
	}
}

// TestCancellationStopsLoop: a loop that would run for minutes ends with
// TrapInterrupted soon after its context is cancelled.
func TestCancellationStopsLoop(t *testing.T) {
	m := compile(t, loops)
	_, inst := m.instantiate(t, map[string]store.HostFunc{"boom": boom})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := call(ctx, inst, "spin", 1<<62)
	var tr *store.Trap
	if !errors.As(err, &tr) || tr.Code != vm.TrapInterrupted {
		t.Fatalf("spin = %v, want interrupted", err)
	}
}

// TestConcurrentStores runs compiled code on many goroutines at once, one
// store each, sharing the compiled module (run with -race).
func TestConcurrentStores(t *testing.T) {
	m := compile(t, loops)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, inst := m.instantiate(t, map[string]store.HostFunc{"boom": boom})
			for i := 0; i < 50; i++ {
				r, err := call(context.Background(), inst, "fib", 15)
				if err != nil || r[0] != 610 {
					errs <- errors.New("fib(15) wrong")
					return
				}
				if r, err := call(context.Background(), inst, "host", uint64(i+20)); err != nil || r[0] != uint64(2*(i+20)+1) {
					errs <- errors.New("host wrong")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestGCLatencyDuringLoop: runtime.GC() from another goroutine completes
// while a long wasm loop runs (the loop polls the preemption request at
// its back edge). The worst latency is logged; the assertion is only
// that GC is not held for the whole call, which is what happens without
// the check.
func TestGCLatencyDuringLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a loop for about a second")
	}
	m := compile(t, loops)
	_, inst := m.instantiate(t, map[string]store.HostFunc{"boom": boom})
	done := make(chan struct{})
	var lat []time.Duration
	go func() {
		defer close(done)
		time.Sleep(20 * time.Millisecond)
		for i := 0; i < 40; i++ {
			st := time.Now()
			runtime.GC()
			lat = append(lat, time.Since(st))
			time.Sleep(10 * time.Millisecond)
		}
	}()
	st := time.Now()
	// One call, long enough to span the GC calls (a few ns per
	// iteration: about a second).
	_, err := call(context.Background(), inst, "spin", 1<<30)
	loop := time.Since(st)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(lat)
	worst := lat[len(lat)-1]
	t.Logf("wasm loop ran %v; %d runtime.GC() calls: p50 %v, worst %v", loop, len(lat), lat[len(lat)/2], worst)
	if worst > loop/2 && worst > 200*time.Millisecond {
		t.Errorf("runtime.GC() waited %v during a %v wasm loop: the preemption check is not working", worst, loop)
	}
}

// TestArtifactRoundTrip: an artifact marshalled to the .cwasm format and
// loaded back runs like the original.
func TestArtifactRoundTrip(t *testing.T) {
	m := compile(t, loops)
	art := m.code.(*compiled.Code).Artifact()
	back, err := vm.Unmarshal(art.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	e, err := compiled.New(baseline.Compiler{}, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	code, err := e.(*compiled.Engine).Load(m.mod, back)
	if err != nil {
		t.Fatal(err)
	}
	_, inst := (&module{m.mod, code}).instantiate(t, map[string]store.HostFunc{"boom": boom})
	if r, err := call(context.Background(), inst, "fib", 20); err != nil || r[0] != 6765 {
		t.Fatalf("fib(20) = %v, %v", r, err)
	}
	if _, err := call(context.Background(), inst, "oob", 1<<20); !errors.Is(err, store.Sentinel(vm.TrapMemoryOutOfBounds)) {
		t.Fatalf("oob = %v", err)
	}
}

// TestStoreInterruptStopsLoop: Store.Interrupt from another goroutine
// stops a long loop with TrapInterrupted.
func TestStoreInterruptStopsLoop(t *testing.T) {
	m := compile(t, loops)
	s, inst := m.instantiate(t, map[string]store.HostFunc{"boom": boom})
	go func() {
		time.Sleep(30 * time.Millisecond)
		s.Interrupt()
	}()
	_, err := call(context.Background(), inst, "spin", 1<<62)
	var tr *store.Trap
	if !errors.As(err, &tr) || tr.Code != vm.TrapInterrupted {
		t.Fatalf("spin = %v, want interrupted", err)
	}
	s.ClearInterrupt()
	if r, err := call(context.Background(), inst, "fib", 10); err != nil || r[0] != 55 {
		t.Fatalf("after the interrupt: fib(10) = %v, %v", r, err)
	}
}
