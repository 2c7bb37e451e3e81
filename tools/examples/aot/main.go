// Command aot runs a WebAssembly module compiled ahead of time and embedded
// in the binary. It links kiln/runtime only, no compiler: the module was
// compiled by `kiln compile` (go generate), and the runtime loads its
// machine code with Engine.Deserialize. aot_test.go checks the import
// graph with go list -deps.
//
// Regenerate fib.cwasm after changing fib.wat or kiln's code generators
// (or when the .cwasm format version changes):
//
//	go generate kiln/tools/examples/aot
package main

//go:generate go run kiln/tools/cmd/kiln compile --tier=optimizing fib.wat -o fib.cwasm

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"strconv"

	kiln "kiln/runtime"
)

//go:embed fib.cwasm
var precompiled []byte

func main() {
	n := 10
	if len(os.Args) > 1 {
		var err error
		if n, err = strconv.Atoi(os.Args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "usage: aot [N]")
			os.Exit(2)
		}
	}
	if err := run(n); err != nil {
		fmt.Fprintln(os.Stderr, "aot:", err)
		os.Exit(1)
	}
}

func run(n int) error {
	ctx := context.Background()
	// No Compiler: this engine could only interpret modules it compiles
	// itself, but it runs precompiled machine code at full speed.
	engine, err := kiln.NewEngine(kiln.Config{})
	if err != nil {
		return err
	}
	mod, err := engine.Deserialize(precompiled)
	if err != nil {
		return err
	}
	linker := kiln.NewLinker(engine)
	linker.DefineHost("env", "print", kiln.Proc2(func(_ context.Context, i, fib int32) {
		fmt.Printf("fib(%d) = %d\n", i, fib)
	}))
	inst, err := linker.Instantiate(ctx, kiln.NewStore(engine), mod)
	if err != nil {
		return err
	}
	_, err = inst.Func("run").Call(ctx, uint64(n))
	return err
}
