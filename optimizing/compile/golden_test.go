package compile

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/optimizing/frontend"
	"kiln/optimizing/isa/amd64"
	"kiln/regalloc"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGolden compiles each testdata/*.wat through the tier (translation,
// mid-end, wasm-mode back end) and compares the IR after the mid-end and
// the disassembly of every defined function with testdata/NAME.expected
// (go test -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.wat")
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			bin, err := wat.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			for i := m.NumImportedFuncs; i < len(m.FuncTypes); i++ {
				f, err := frontend.TranslateFunction(m, uint32(i), frontend.NewVMEnv(m))
				if err != nil {
					t.Fatal(err)
				}
				if err := MidEnd(f); err != nil {
					t.Fatal(err)
				}
				res, err := amd64.Compile(f, amd64.Options{Resolve: resolveFunc, Algorithm: regalloc.Quality, Wasm: wasmOptions(vm.CompileOptions{})})
				if err != nil {
					t.Fatal(err)
				}
				dis, err := amd64.Disassemble(res.Code)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&out, "%s\n%s\n\n", f, dis)
			}
			golden := strings.TrimSuffix(path, ".wat") + ".expected"
			if *update {
				if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(want) != out.String() {
				t.Errorf("%s differs from the compiled output (run with -update after checking the change):\n%s", golden, out.String())
			}
		})
	}
}
