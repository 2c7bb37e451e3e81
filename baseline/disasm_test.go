package baseline

import (
	"context"
	"fmt"
	"strings"

	"kiln/encoder/disasm"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// compileWat compiles wat source for amd64.
func compileWat(src string) (*wasm.Module, *vm.Artifact, error) {
	bin, err := wat.Parse([]byte(src))
	if err != nil {
		return nil, nil, err
	}
	mod, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		return nil, nil, err
	}
	features := wasm.Features3_0 &^ (wasm.SIMD | wasm.RelaxedSIMD)
	art, err := Compiler{}.Compile(context.Background(), mod, vm.CompileOptions{Target: "amd64", Features: features, Parallelism: 1})
	return mod, art, err
}

// disassemble prints every defined function's body (not its array
// entry) in AT&T syntax without bytes, one section per function.
func disassemble(mod *wasm.Module, art *vm.Artifact) (string, error) {
	var b strings.Builder
	for i, f := range art.Funcs {
		fmt.Fprintf(&b, "function %d:\n", mod.NumImportedFuncs+i)
		lines, err := disasm.Disassemble("amd64", art.Code[f.Offset:f.Offset+f.Size], 0)
		if err != nil {
			return "", err
		}
		b.WriteString(disasm.Format(lines, disasm.Options{NoBytes: true}))
	}
	return b.String(), nil
}
