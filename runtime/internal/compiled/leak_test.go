package compiled

import (
	"context"
	"runtime"
	"testing"

	"kiln/baseline"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
)

// TestStoresAreCollected: an engine that instantiates into many stores
// keeps none of them alive (each would hold a wasm stack).
func TestStoresAreCollected(t *testing.T) {
	if !jit.Supported {
		t.Skip("no JIT on this platform")
	}
	bin, err := wat.Parse([]byte(`(module (memory 1) (table 2 funcref) (func (export "f") (result i32) i32.const 7))`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	se, err := New(baseline.Compiler{}, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	e := se.(*Engine)
	code, err := e.Prepare(context.Background(), m, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		n := 0
		e.stores.Range(func(any, any) bool { n++; return true })
		return n
	}
	const stores = 100
	for i := 0; i < stores; i++ {
		s := store.New(store.Limits{})
		inst, err := s.Instantiate(context.Background(), m, code, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		res := make([]uint64, 1)
		if err := s.Call(context.Background(), nil, inst.Funcs[0], nil, res); err != nil || res[0] != 7 {
			t.Fatalf("f() = %v, %v", res, err)
		}
	}
	for i := 0; i < 10 && count() > stores/2; i++ {
		runtime.GC()
	}
	if n := count(); n > stores/2 {
		t.Errorf("%d of %d stores still tracked after GC", n, stores)
	}
}
