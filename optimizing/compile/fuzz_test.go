package compile

import (
	"context"
	"errors"
	"testing"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/optimizing/frontend"
	"kiln/optimizing/isa/amd64"
)

// FuzzCompile: every module that validates either compiles or is
// rejected as unsupported (an operator the tier does not translate);
// nothing else — no panic turned into an internal error, no verifier or
// allocator failure.
func FuzzCompile(f *testing.F) {
	for _, src := range []string{nativePure, nativeMemory,
		`(module (func (param i32) (result i32) (local i64 f32)
		  (block (result i32) (loop (br_if 1 (local.get 0) (i32.eqz (local.get 0))) (br 0)))))`,
		`(module (memory i64 1) (table 2 funcref) (global (mut f64) (f64.const 1))
		  (func (param i64) (result f64) (f64.load (local.get 0)) (global.get 0) (f64.add)))`,
	} {
		bin, err := wat.Parse([]byte(src))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bin)
	}
	f.Fuzz(func(t *testing.T, bin []byte) {
		m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
		if err != nil {
			return
		}
		_, err = New().Compile(context.Background(), m, vm.CompileOptions{Target: "amd64", Features: wasm.Features3_0, Parallelism: 1})
		if err != nil && !errors.Is(err, frontend.ErrUnsupported) && !errors.Is(err, amd64.ErrUnsupported) {
			t.Fatalf("valid module failed to compile: %v", err)
		}
	})
}
