package baseline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// TestUnsupported: operators outside the tier fail with an
// *UnsupportedError naming the operator, the function and the offset.
func TestUnsupported(t *testing.T) {
	for _, c := range []struct{ src, op string }{
		{`(module (func (result i32) v128.const i32x4 1 2 3 4 i32x4.extract_lane 0))`, "v128.const"},
		{`(module (memory 1 1 shared) (func (result i32) i32.const 0 i32.atomic.load))`, "i32.atomic.load"},
		{`(module (tag $e) (func throw $e))`, "throw"},
	} {
		bin, err := wat.Parse([]byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		mod, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Compiler{}.Compile(context.Background(), mod, vm.CompileOptions{Target: "amd64", Features: wasm.FeaturesAll})
		var u *UnsupportedError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), c.op) || !strings.Contains(err.Error(), "function 0") {
			t.Errorf("%s: got %v, want an UnsupportedError naming %s", c.src, err, c.op)
		}
	}
}

// TestDebugAddressMap: with CompileOptions.Debug every operator's code is
// in the address map, not only calls, exits and trap sites.
func TestDebugAddressMap(t *testing.T) {
	bin, err := wat.Parse([]byte(`(module (func (param i32) (result i32) local.get 0 i32.const 3 i32.mul i32.const 1 i32.add))`))
	if err != nil {
		t.Fatal(err)
	}
	mod, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	count := func(debug bool) int {
		art, err := Compiler{}.Compile(context.Background(), mod, vm.CompileOptions{Target: "amd64", Features: wasm.FeaturesAll, Debug: debug})
		if err != nil {
			t.Fatal(err)
		}
		return len(art.SrcLocs)
	}
	if plain, debug := count(false), count(true); debug <= plain+1 {
		t.Errorf("address map: %d ranges with Debug, %d without", debug, plain)
	}
}
