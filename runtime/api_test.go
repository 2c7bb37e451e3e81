package kiln_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	kiln "kiln/runtime"
)

func compile(t *testing.T, e *kiln.Engine, src string) *kiln.Module {
	t.Helper()
	m, err := e.CompileModule(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func engine(t *testing.T, cfg kiln.Config) *kiln.Engine {
	t.Helper()
	e, err := kiln.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestHostPanicLeavesStoreUsable(t *testing.T) {
	ctx := context.Background()
	e := engine(t, kiln.Config{})
	m := compile(t, e, `(module
		(import "env" "boom" (func $boom (param i32) (result i32)))
		(func (export "f") (param i32) (result i32) (call $boom (local.get 0))))`)
	l := kiln.NewLinker(e)
	l.DefineHost("env", "boom", kiln.Func1(func(_ context.Context, x int32) int32 {
		if x == 0 {
			panic("host exploded")
		}
		return x + 1
	}))
	s := kiln.NewStore(e)
	inst, err := l.Instantiate(ctx, s, m)
	if err != nil {
		t.Fatal(err)
	}
	_, err = inst.Func("f").Call(ctx, 0)
	if !errors.Is(err, kiln.ErrTrapHostError) || !strings.Contains(err.Error(), "host exploded") {
		t.Fatalf("panic: got %v", err)
	}
	var trap *kiln.Trap
	if !errors.As(err, &trap) || len(trap.Backtrace) != 1 {
		t.Fatalf("want a trap with one wasm frame, got %#v", err)
	}
	res, err := inst.Func("f").Call(ctx, 41)
	if err != nil || res[0] != 42 {
		t.Fatalf("after panic: %v %v", res, err)
	}
}

func TestHostErrorIsCause(t *testing.T) {
	ctx := context.Background()
	e := engine(t, kiln.Config{})
	m := compile(t, e, `(module (import "env" "fail" (func $f)) (func (export "f") (call $f)))`)
	sentinel := errors.New("my error")
	l := kiln.NewLinker(e)
	l.DefineFunc("env", "fail", kiln.FuncType{}, func(context.Context, *kiln.Caller, []uint64, []uint64) error { return sentinel })
	inst, err := l.Instantiate(ctx, kiln.NewStore(e), m)
	if err != nil {
		t.Fatal(err)
	}
	_, err = inst.Func("f").Call(ctx)
	if !errors.Is(err, sentinel) || !errors.Is(err, kiln.ErrTrapHostError) {
		t.Fatalf("got %v", err)
	}
}

func TestMemoryLimit(t *testing.T) {
	ctx := context.Background()
	e := engine(t, kiln.Config{MaxMemoryPages: 2})
	big := compile(t, e, `(module (memory 3))`)
	if _, err := kiln.NewStore(e).Instantiate(ctx, big); err == nil || !strings.Contains(err.Error(), "exceeds the limit") {
		t.Fatalf("memory above the limit: got %v", err)
	}
	m := compile(t, e, `(module (memory 1)
		(func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`)
	inst, err := kiln.NewStore(e).Instantiate(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ delta, want uint64 }{{1, 1}, {1, 0xffffffff}, {0, 2}} {
		res, err := inst.Func("grow").Call(ctx, tc.delta)
		if err != nil || res[0] != tc.want {
			t.Errorf("grow %d: got %v %v, want %d", tc.delta, res, err, tc.want)
		}
	}
	// memory64 with a huge minimum is an error, not an allocation.
	m64 := compile(t, e, `(module (memory i64 281474976710656))`)
	if _, err := kiln.NewStore(e).Instantiate(ctx, m64); err == nil {
		t.Fatal("2^48 pages instantiated")
	}
}

const spin = `(module (func (export "spin") (loop (br 0))))`

func TestDeadlineStopsLoop(t *testing.T) {
	e := engine(t, kiln.Config{})
	m := compile(t, e, spin)
	inst, err := kiln.NewStore(e).Instantiate(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = inst.Func("spin").Call(ctx)
	if !errors.Is(err, kiln.ErrTrapInterrupted) {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %v to stop", d)
	}
	// The store is usable afterwards.
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() { time.Sleep(10 * time.Millisecond); cancel2() }()
	if _, err := inst.Func("spin").Call(ctx2); !errors.Is(err, kiln.ErrTrapInterrupted) {
		t.Fatalf("second call: %v", err)
	}
}

func TestInterruptFromAnotherGoroutine(t *testing.T) {
	e := engine(t, kiln.Config{})
	s := kiln.NewStore(e)
	inst, err := s.Instantiate(context.Background(), compile(t, e, spin))
	if err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(10 * time.Millisecond); s.Interrupt() }()
	if _, err := inst.Func("spin").Call(context.Background()); !errors.Is(err, kiln.ErrTrapInterrupted) {
		t.Fatalf("got %v", err)
	}
}

func TestFuel(t *testing.T) {
	e := engine(t, kiln.Config{})
	s := kiln.NewStore(e)
	inst, err := s.Instantiate(context.Background(), compile(t, e, spin))
	if err != nil {
		t.Fatal(err)
	}
	s.SetFuel(1000)
	if _, err := inst.Func("spin").Call(context.Background()); !errors.Is(err, kiln.ErrTrapOutOfFuel) {
		t.Fatalf("got %v", err)
	}
	if f, on := s.Fuel(); !on || f != 0 {
		t.Fatalf("fuel left %d %v", f, on)
	}
}

func TestConfigFuel(t *testing.T) {
	e := engine(t, kiln.Config{Fuel: 50})
	s := kiln.NewStore(e)
	if f, on := s.Fuel(); !on || f != 50 {
		t.Fatalf("new store fuel %d %v", f, on)
	}
	inst, err := s.Instantiate(context.Background(), compile(t, e, spin))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inst.Func("spin").Call(context.Background()); !errors.Is(err, kiln.ErrTrapOutOfFuel) {
		t.Fatalf("got %v", err)
	}
}

func TestStackExhaustion(t *testing.T) {
	e := engine(t, kiln.Config{MaxCallDepth: 1000})
	inst, err := kiln.NewStore(e).Instantiate(context.Background(), compile(t, e,
		`(module (func $f (export "f") (param i32) (result i32)
			(if (result i32) (local.get 0)
				(then (i32.add (i32.const 1) (call $f (i32.sub (local.get 0) (i32.const 1)))))
				(else (i32.const 0)))))`))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := inst.Func("f").Call(context.Background(), 900); err != nil || res[0] != 900 {
		t.Fatalf("depth 900: %v %v", res, err)
	}
	_, err = inst.Func("f").Call(context.Background(), 5000)
	if !errors.Is(err, kiln.ErrTrapStackOverflow) || !strings.HasPrefix(err.Error(), "call stack exhausted") {
		t.Fatalf("depth 5000: %v", err)
	}
}

func TestManyInstancesConcurrently(t *testing.T) {
	e := engine(t, kiln.Config{})
	m := compile(t, e, `(module (memory 1)
		(global $g (mut i32) (i32.const 0))
		(func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc i32)
			(loop $l
				(i32.store (i32.const 0) (local.get $i))
				(local.set $acc (i32.add (local.get $acc) (i32.load (i32.const 0))))
				(global.set $g (local.get $acc))
				(local.set $i (i32.add (local.get $i) (i32.const 1)))
				(br_if $l (i32.lt_u (local.get $i) (local.get $n))))
			(local.get $acc)))`)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			s := kiln.NewStore(e)
			inst, err := s.Instantiate(context.Background(), m)
			if err != nil {
				errs <- err
				return
			}
			n := uint64(1000 + g)
			for k := 0; k < 20; k++ {
				res, err := inst.Func("sum").Call(context.Background(), n)
				if err != nil || res[0] != n*(n-1)/2 {
					errs <- fmt.Errorf("goroutine %d: %v %v", g, res, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestImportsExports(t *testing.T) {
	e := engine(t, kiln.Config{})
	m := compile(t, e, `(module
		(import "env" "f" (func (param i32 f64) (result i64)))
		(import "env" "mem" (memory 1 2))
		(global (export "g") (mut f32) (f32.const 1))
		(table (export "t") 3 funcref)
		(func (export "h") (param v128)))`)
	var got []string
	for _, im := range m.Imports() {
		got = append(got, im.Module+"."+im.Name+": "+im.Type.String())
	}
	for _, ex := range m.Exports() {
		got = append(got, ex.Name+": "+ex.Type.String())
	}
	want := "env.f: func [i32 f64] -> [i64]|env.mem: memory {1 2 true}|g: global (mut f32)|t: table {3 0 false} funcref|h: func [v128] -> []"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}

func TestBadInput(t *testing.T) {
	e := engine(t, kiln.Config{})
	for _, src := range []string{"\x00asm\x01\x00\x00\x00\x01", "(module (func (result i32)))", "(module"} {
		if _, err := e.CompileModule(context.Background(), []byte(src)); err == nil {
			t.Errorf("%q compiled", src)
		}
	}
}

func TestUnknownImport(t *testing.T) {
	e := engine(t, kiln.Config{})
	m := compile(t, e, `(module (import "env" "missing" (func)))`)
	_, err := kiln.NewLinker(e).Instantiate(context.Background(), kiln.NewStore(e), m)
	var le *kiln.LinkError
	if !errors.As(err, &le) || le.Reason != "unknown import" {
		t.Fatalf("got %v", err)
	}
}

func TestHostCallsBack(t *testing.T) {
	ctx := context.Background()
	e := engine(t, kiln.Config{})
	m := compile(t, e, `(module
		(import "env" "cb" (func $cb (param i32) (result i32)))
		(func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
		(func (export "f") (param i32) (result i32) (call $cb (local.get 0))))`)
	l := kiln.NewLinker(e)
	l.DefineFunc("env", "cb", kiln.FuncType{Params: []kiln.ValType{kiln.I32}, Results: []kiln.ValType{kiln.I32}},
		func(ctx context.Context, c *kiln.Caller, p, r []uint64) error {
			inc := c.Export("inc").(*kiln.Func)
			res, err := inc.Call(ctx, p[0])
			if err != nil {
				return err
			}
			r[0] = res[0] * 10
			return nil
		})
	inst, err := l.Instantiate(ctx, kiln.NewStore(e), m)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := inst.Func("f").Call(ctx, 4); err != nil || res[0] != 50 {
		t.Fatalf("got %v %v", res, err)
	}
}
