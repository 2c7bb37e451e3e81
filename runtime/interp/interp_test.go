package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	kiln "kiln/runtime"
)

func setup(t *testing.T, cfg kiln.Config, srcs ...string) (*kiln.Store, *kiln.Linker, []*kiln.Instance) {
	t.Helper()
	ctx := context.Background()
	e, err := kiln.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := kiln.NewStore(e)
	l := kiln.NewLinker(e)
	var insts []*kiln.Instance
	for i, src := range srcs {
		m, err := e.CompileModule(ctx, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := l.Instantiate(ctx, s, m)
		if err != nil {
			t.Fatal(err)
		}
		l.DefineInstance([]string{"a", "b", "c"}[i], inst)
		insts = append(insts, inst)
	}
	return s, l, insts
}

func call(t *testing.T, f *kiln.Func, args ...uint64) []uint64 {
	t.Helper()
	res, err := f.Call(context.Background(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

const countdown = `(module
	(func $down (export "down") (param i32) (result i32)
		(if (result i32) (i32.eqz (local.get 0))
			(then (i32.const 0))
			(else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
	(func $tail (export "tail") (param i32 i64) (result i64)
		(if (result i64) (i32.eqz (local.get 0))
			(then (local.get 1))
			(else (return_call $tail (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 2)))))))`

// Deep wasm recursion runs on the interpreter's own stacks, up to the
// configured depth, and then traps instead of overflowing the Go stack.
func TestDeepRecursion(t *testing.T) {
	_, _, in := setup(t, kiln.Config{MaxCallDepth: 200_000}, countdown)
	if got := call(t, in[0].Func("down"), 150_000); got[0] != 150_000 {
		t.Fatalf("got %d", got[0])
	}
	_, err := in[0].Func("down").Call(context.Background(), 300_000)
	if !errors.Is(err, kiln.ErrTrapStackOverflow) {
		t.Fatalf("got %v", err)
	}
	var trap *kiln.Trap
	if errors.As(err, &trap) && len(trap.Backtrace) < 1000 {
		t.Errorf("backtrace has %d frames", len(trap.Backtrace))
	}
}

// return_call reuses the frame: a million tail calls fit in a depth of 10.
func TestTailCallsReuseTheFrame(t *testing.T) {
	_, _, in := setup(t, kiln.Config{MaxCallDepth: 10}, countdown)
	if got := call(t, in[0].Func("tail"), 1_000_000, 0); got[0] != 2_000_000 {
		t.Fatalf("got %d", got[0])
	}
}

// A trap in another instance's function carries both frames, named.
func TestBacktraceAcrossInstances(t *testing.T) {
	_, _, in := setup(t, kiln.Config{},
		`(module $A (func $boom (export "boom") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0))))`,
		`(module $B (import "a" "boom" (func $imported (param i32) (result i32)))
			(func $caller (export "f") (result i32) (call $imported (i32.const 0))))`)
	_, err := in[1].Func("f").Call(context.Background())
	var trap *kiln.Trap
	if !errors.As(err, &trap) || !errors.Is(err, kiln.ErrTrapIntegerDivideByZero) {
		t.Fatalf("got %v", err)
	}
	var frames []string
	for _, f := range trap.Backtrace {
		frames = append(frames, f.Module+"!"+f.FuncName)
		if f.Offset <= 0 {
			t.Errorf("frame %s has no offset", f)
		}
	}
	if got := strings.Join(frames, " "); got != "A!boom B!caller" {
		t.Fatalf("backtrace %q", got)
	}
}

// memory.grow in a callee is visible to the caller after the return, and
// Memory.Bytes reflects it.
func TestGrowInCallee(t *testing.T) {
	_, _, in := setup(t, kiln.Config{}, `(module (memory (export "m") 1)
		(func $grow (drop (memory.grow (i32.const 2))) (i32.store (i32.const 131072) (i32.const 7)))
		(func (export "f") (result i32) (call $grow) (i32.load (i32.const 131072))))`)
	if got := call(t, in[0].Func("f")); got[0] != 7 {
		t.Fatalf("got %d", got[0])
	}
	if n := len(in[0].Memory("m").Bytes()); n != 3*65536 {
		t.Fatalf("memory is %d bytes", n)
	}
}

// An exception thrown by wasm called back from a host function unwinds
// through the host frame to a try_table in the outer wasm.
func TestExceptionThroughHost(t *testing.T) {
	ctx := context.Background()
	e, _ := kiln.NewEngine(kiln.Config{})
	m, err := e.CompileModule(ctx, []byte(`(module
		(import "env" "host" (func $host))
		(tag $t (param i32))
		(func (export "thrower") (throw $t (i32.const 42)))
		(func (export "f") (result i32)
			(block $h (result i32)
				(try_table (catch $t $h) (call $host))
				(i32.const -1))))`))
	if err != nil {
		t.Fatal(err)
	}
	l := kiln.NewLinker(e)
	l.DefineFunc("env", "host", kiln.FuncType{}, func(ctx context.Context, c *kiln.Caller, _, _ []uint64) error {
		_, err := c.Export("thrower").(*kiln.Func).Call(ctx)
		return err
	})
	inst, err := l.Instantiate(ctx, kiln.NewStore(e), m)
	if err != nil {
		t.Fatal(err)
	}
	if got := call(t, inst.Func("f")); got[0] != 42 {
		t.Fatalf("got %d", int32(got[0]))
	}
	_, err = inst.Func("thrower").Call(ctx)
	var exn *kiln.Exception
	if !errors.As(err, &exn) || len(exn.Payload) != 1 || exn.Payload[0] != 42 {
		t.Fatalf("uncaught: %v", err)
	}
}

// Legacy exceptions: a catch keeps the exception for rethrow, and
// delegate hands it to the try of its target label.
func TestLegacyTry(t *testing.T) {
	_, _, in := setup(t, kiln.Config{}, `(module
		(tag $e (param i32))
		(func (export "rethrow") (result i32)
			(try (result i32)
				(do (try (result i32)
					(do (throw $e (i32.const 7)))
					(catch $e (drop) (rethrow 0))))
				(catch $e (i32.add (i32.const 100)))))
		(func (export "delegate") (result i32)
			(try $outer (result i32)
				(do (try (result i32)
					(do (try (result i32) (do (throw $e (i32.const 1))) (delegate $outer)))
					(catch_all (i32.const -1))))
				(catch $e (drop) (i32.const 2)))))`)
	if got := call(t, in[0].Func("rethrow")); got[0] != 107 {
		t.Errorf("rethrow: got %d", int32(got[0]))
	}
	if got := call(t, in[0].Func("delegate")); got[0] != 2 {
		t.Errorf("delegate: got %d", int32(got[0]))
	}
}

// br_table carries values, falls back to its default, and works as the
// last instruction of a function.
func TestBrTable(t *testing.T) {
	_, _, in := setup(t, kiln.Config{}, `(module (func (export "f") (param i32) (result i32)
		(block $d (result i32)
			(block $b1 (result i32)
				(block $b0 (result i32)
					(br_table $b0 $b1 $d (i32.const 10) (local.get 0)))
				(return (i32.add (i32.const 100))))
			(return (i32.add (i32.const 200))))
		(i32.add (i32.const 300))))`)
	for arg, want := range map[uint64]uint64{0: 110, 1: 210, 2: 310, 99: 310} {
		if got := call(t, in[0].Func("f"), arg); got[0] != want {
			t.Errorf("f(%d) = %d, want %d", arg, got[0], want)
		}
	}
}
