package baseline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// FuzzCompile feeds arbitrary bytes to the compiler: whatever decodes and
// validates must compile or fail with an error, never panic (the seeds
// are the filetests' modules).
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "amd64", "*", "*.wat"))
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		input, _, _ := strings.Cut(string(src), marker)
		bin, err := wat.Parse([]byte(input))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bin)
	}
	features := wasm.Features3_0 &^ (wasm.SIMD | wasm.RelaxedSIMD)
	f.Fuzz(func(t *testing.T, bin []byte) {
		mod, err := wasm.DecodeAndValidate(bin, features)
		if err != nil {
			return
		}
		art, err := Compiler{}.Compile(context.Background(), mod, vm.CompileOptions{Target: "amd64", Features: features, Parallelism: 1})
		if err != nil {
			return
		}
		if err := art.Validate(); err != nil {
			t.Fatalf("invalid artifact: %v", err)
		}
	})
}
