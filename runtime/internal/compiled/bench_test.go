package compiled_test

import (
	"context"
	"os"
	"testing"

	"kiln/baseline"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/runtime/internal/compiled"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
	"kiln/runtime/interp"
)

// kernels are the compute kernels of testdata/kernels.wat with their
// arguments: recursion (calls), a tight integer loop, a memory-bound
// sieve, and a float loop.
var kernels = []struct {
	name string
	arg  uint64
}{
	{"fib", 25},
	{"sum", 10_000_000},
	{"sieve", 1 << 20},
	{"fmix", 1_000_000},
}

// BenchmarkKernels runs each kernel on the interpreter and on the
// baseline tier, in the same run. (wazero is not a dependency of kiln;
// testdata/kernels.wat is the module to feed it for a comparison.)
func BenchmarkKernels(b *testing.B) {
	if !jit.Supported {
		b.Skip("no JIT on this platform")
	}
	src, err := os.ReadFile("testdata/kernels.wat")
	if err != nil {
		b.Fatal(err)
	}
	bin, err := wat.Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		b.Fatal(err)
	}
	be, err := compiled.New(baseline.Compiler{}, wasm.FeaturesAll)
	if err != nil {
		b.Fatal(err)
	}
	for _, tier := range []struct {
		name   string
		engine store.Engine
	}{{"interp", interp.Engine{}}, {"baseline", be}} {
		code, err := tier.engine.Prepare(context.Background(), m, wasm.FeaturesAll)
		if err != nil {
			b.Fatal(err)
		}
		mod := &module{m, code}
		_, inst := mod.instantiate(b, nil)
		for _, k := range kernels {
			b.Run(k.name+"/"+tier.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := call(context.Background(), inst, k.name, k.arg); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
