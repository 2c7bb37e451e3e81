package kiln_test

import (
	"context"
	"errors"
	"fmt"

	kiln "kiln/runtime"
)

func Example() {
	ctx := context.Background()
	engine, _ := kiln.NewEngine(kiln.Config{})
	mod, err := engine.CompileModule(ctx, []byte(`(module
		(import "env" "double" (func $double (param i32) (result i32)))
		(func (export "quad") (param i32) (result i32)
			(call $double (call $double (local.get 0)))))`))
	if err != nil {
		panic(err)
	}
	linker := kiln.NewLinker(engine)
	linker.DefineHost("env", "double", kiln.Func1(func(_ context.Context, x int32) int32 { return 2 * x }))
	store := kiln.NewStore(engine)
	inst, err := linker.Instantiate(ctx, store, mod)
	if err != nil {
		panic(err)
	}
	res, err := inst.Func("quad").Call(ctx, 5)
	fmt.Println(res[0], err)
	// Output: 20 <nil>
}

func ExampleTrap() {
	ctx := context.Background()
	engine, _ := kiln.NewEngine(kiln.Config{})
	mod, _ := engine.CompileModule(ctx, []byte(`(module
		(func $inner (unreachable))
		(func $outer (export "outer") (call $inner)))`))
	inst, _ := kiln.NewStore(engine).Instantiate(ctx, mod)
	_, err := inst.Func("outer").Call(ctx)
	fmt.Println(errors.Is(err, kiln.ErrTrapUnreachable))
	var trap *kiln.Trap
	if errors.As(err, &trap) {
		for _, f := range trap.Backtrace {
			fmt.Println(f.FuncName)
		}
	}
	// Output:
	// true
	// inner
	// outer
}

func ExampleMemory() {
	ctx := context.Background()
	engine, _ := kiln.NewEngine(kiln.Config{MaxMemoryPages: 4})
	mod, _ := engine.CompileModule(ctx, []byte(`(module (memory (export "mem") 1)
		(func (export "load") (param i32) (result i32) (i32.load (local.get 0))))`))
	inst, _ := kiln.NewStore(engine).Instantiate(ctx, mod)
	mem := inst.Memory("mem")
	mem.Write(8, []byte{42, 0, 0, 0})
	res, _ := inst.Func("load").Call(ctx, 8)
	fmt.Println(res[0], mem.Size())
	_, err := mem.Grow(10)
	fmt.Println(err != nil)
	// Output:
	// 42 1
	// true
}

func ExampleCall1() {
	ctx := context.Background()
	engine, _ := kiln.NewEngine(kiln.Config{})
	mod, _ := engine.CompileModule(ctx, []byte(`(module
		(func (export "hypot") (param f64 f64) (result f64)
			(f64.sqrt (f64.add (f64.mul (local.get 0) (local.get 0)) (f64.mul (local.get 1) (local.get 1))))))`))
	inst, _ := kiln.NewStore(engine).Instantiate(ctx, mod)
	h, err := kiln.Call1[float64](ctx, inst.Func("hypot"), kiln.Encode(3.0), kiln.Encode(4.0))
	fmt.Println(h, err)
	// Output: 5 <nil>
}
