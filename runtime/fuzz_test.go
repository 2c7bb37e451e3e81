package kiln_test

import (
	"context"
	"strings"
	"testing"

	"kiln/ir/wasm/wat"
	kiln "kiln/runtime"
)

// FuzzInstantiateAndCall feeds arbitrary bytes to CompileModule,
// instantiates what compiles and calls every exported function with zero
// arguments under fuel and tight limits. Nothing may panic, and the
// interpreter's internal-error net must never catch anything.
func FuzzInstantiateAndCall(f *testing.F) {
	for _, src := range []string{
		`(module (func (export "f") (result i32) (i32.const 1)))`,
		`(module (memory 1) (func (export "f") (result i32) (i32.load (i32.const 65535))))`,
		`(module (func $f (export "f") (call $f)))`,
		`(module (table 2 funcref) (elem (i32.const 0) $g) (func $g (result i32) (i32.const 7))
			(func (export "f") (result i32) (call_indirect (result i32) (i32.const 1))))`,
		`(module (func (export "f") (result v128) (i32x4.splat (i32.const 3))))`,
		`(module (func (export "f") (param i32) (result i32)
			(block (result i32) (br_table 0 0 (i32.const 4) (local.get 0)))))`,
		`(module (memory 1 2) (func (export "f") (result i32) (memory.grow (i32.const 5))))`,
		`(module (func (export "f") (loop (br 0))))`,
	} {
		bin, err := wat.Parse([]byte(src))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bin)
	}
	e, err := kiln.NewEngine(kiln.Config{MaxMemoryPages: 16, MaxTableElements: 1 << 16, MaxCallDepth: 200})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, bin []byte) {
		if len(bin) < 8 || string(bin[:4]) != "\x00asm" {
			return // the text parser has fuzz tests of its own
		}
		ctx := context.Background()
		m, err := e.CompileModule(ctx, bin)
		if err != nil {
			return
		}
		s := kiln.NewStore(e)
		s.SetFuel(10_000)
		inst, err := kiln.NewLinker(e).Instantiate(ctx, s, m)
		if err != nil {
			checkNotInternal(t, err)
			return
		}
		for _, ex := range m.Exports() {
			fn := inst.Func(ex.Name)
			if fn == nil {
				continue
			}
			np, _ := fn.Type().Words()
			s.SetFuel(10_000)
			_, err := fn.Call(ctx, make([]uint64, np)...)
			checkNotInternal(t, err)
		}
	})
}

func checkNotInternal(t *testing.T, err error) {
	if err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatal(err)
	}
}
