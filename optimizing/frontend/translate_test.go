package frontend

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"kiln/ir"
	"kiln/ir/interp"
	"kiln/ir/verify"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// Addresses of the regions the interpreter tests map: the TestLayout VM
// context and one linear memory.
const (
	testVMCtxAddr  = 0x8000_0000
	testVMCtxSize  = 70_000
	testMemoryAddr = 0x9000_0000
)

// translateWat parses src, validates it and translates every defined
// function with env, verifying each.
func translateWat(t *testing.T, src string, newEnv func(*wasm.Module) Environment) (*wasm.Module, []*ir.Function) {
	t.Helper()
	bin, err := wat.Parse([]byte(src))
	if err != nil {
		t.Fatalf("wat: %v", err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	tr := NewTranslator(m, newEnv(m))
	var fs []*ir.Function
	for i := m.NumImportedFuncs; i < len(m.FuncTypes); i++ {
		f, err := tr.Translate(uint32(i))
		if err != nil {
			t.Fatalf("translate function %d: %v", i, err)
		}
		if err := verify.Function(f); err != nil {
			t.Fatalf("verify function %d: %v\n%s", i, err, f)
		}
		fs = append(fs, f)
	}
	return m, fs
}

// checkStub is the interrupt check u2:0 as a no-op, so the interpreter can
// run translated code.
const checkStub = "function u2:0(i64 vmctx) tail {\nblock0(v0: i64):\n    return\n}\n"

// machine runs translated functions in the IR interpreter with a TestLayout
// VM context and (optionally) one linear memory.
type machine struct {
	in    *interp.Interpreter
	m     *wasm.Module
	vmctx []byte
	mem   []byte
}

func newMachine(t *testing.T, src string, memBytes int) *machine {
	t.Helper()
	m, fs := translateWat(t, src, testEnv)
	stub, err := ir.ParseFunctions("stub", []byte(checkStub))
	if err != nil {
		t.Fatal(err)
	}
	mc := &machine{in: interp.New(append(fs, stub...)), m: m, vmctx: make([]byte, testVMCtxSize)}
	if err := mc.in.Map(testVMCtxAddr, mc.vmctx); err != nil {
		t.Fatal(err)
	}
	if memBytes > 0 {
		mc.mem = make([]byte, memBytes)
		if err := mc.in.Map(testMemoryAddr, mc.mem); err != nil {
			t.Fatal(err)
		}
		binary.LittleEndian.PutUint64(mc.vmctx[TestLayout{}.MemoryBase(0):], testMemoryAddr)
		binary.LittleEndian.PutUint64(mc.vmctx[TestLayout{}.MemoryLength(0):], uint64(memBytes))
	}
	return mc
}

// call calls the exported function name.
func (mc *machine) call(name string, args ...ir.DataValue) ([]ir.DataValue, error) {
	for _, e := range mc.m.Exports {
		if e.Name == name && e.Kind == wasm.ExternFunc {
			vm := ir.DataInt(ir.I64, testVMCtxAddr)
			return mc.in.Call(ir.UserName(NamespaceFunc, e.Index).String(), append([]ir.DataValue{vm, vm}, args...))
		}
	}
	return nil, fmt.Errorf("no export %q", name)
}

func i32(v int32) ir.DataValue   { return ir.DataInt(ir.I32, int64(v)) }
func i64(v int64) ir.DataValue   { return ir.DataInt(ir.I64, v) }
func f64(v float64) ir.DataValue { return ir.DataF64FromBits(math.Float64bits(v)) }

type callCase struct {
	fn   string
	args []ir.DataValue
	want []ir.DataValue // nil when trap is set
	trap ir.TrapCode
}

func (mc *machine) check(t *testing.T, cases []callCase) {
	t.Helper()
	for _, c := range cases {
		got, err := mc.call(c.fn, c.args...)
		if c.trap != ir.TrapNone {
			var tr *interp.Trap
			if !errors.As(err, &tr) || tr.Code != c.trap {
				t.Errorf("%s%v: got %v, %v; want trap %s", c.fn, c.args, got, err, c.trap)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s%v: %v", c.fn, c.args, err)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s%v = %v, want %v", c.fn, c.args, got, c.want)
		}
	}
}

const pureModule = `(module
  (func $fac (export "fac") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 1))
      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
  (func (export "fib") (param i32) (result i32) (local i32 i32 i32)
    (local.set 1 (i32.const 0))
    (local.set 2 (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get 0)))
        (local.set 3 (i32.add (local.get 1) (local.get 2)))
        (local.set 1 (local.get 2))
        (local.set 2 (local.get 3))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $next)))
    (local.get 1))
  (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "rem_s") (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1)))
  (func (export "div_u") (param i64 i64) (result i64) (i64.div_u (local.get 0) (local.get 1)))
  (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "trunc_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
  (func (export "trunc_sat") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0)))
  (func (export "switch") (param i32) (result i32)
    (block $d (block $c (block $b (block $a
      (br_table $a $b $c $d (local.get 0)))
      (return (i32.const 100)))
      (return (i32.const 101)))
      (return (i32.const 102)))
    (i32.const 103))
  (func (export "table_value") (param i32) (result i32)
    (block $b (result i32)
      (block $a (result i32)
        (br_table $a $b $a (i32.const 7) (local.get 0)))
      (i32.add (i32.const 10)))
    (i32.add (i32.const 1000)))
  (func (export "swap") (param i32 i32) (result i32 i32)
    (local.get 0) (local.get 1)
    (block (param i32 i32) (result i32 i32)
      (local.set 0) (local.set 1) (local.get 0) (local.get 1)))
  (func (export "pair_sub") (param i32 i32) (result i32)
    (call 10 (local.get 0) (local.get 1)) (i32.sub))
  (func (export "loop_param") (param i32) (result i32)
    (i32.const 0) (local.get 0)
    (loop $l (param i32 i32) (result i32)
      (local.tee 0)
      (i32.add)
      (local.get 0) (i32.const 1) (i32.sub)
      (local.tee 0)
      (br_if $l (local.get 0) (i32.ne (i32.const 0)))
      (drop)))
  (func (export "if_param") (param i32 i32) (result i32)
    (local.get 0)
    (if (param i32) (result i32) (local.get 1) (then (i32.const 1) (i32.add)) (else (i32.const 2) (i32.mul))))
  (func (export "if_noelse") (param i32 i32) (result i32)
    (local.get 0) (if (param i32) (result i32) (local.get 1) (then (i32.const 5) (i32.add))))
  (func (export "select") (param i32 i64 i64) (result i64) (select (local.get 1) (local.get 2) (local.get 0)))
  (func (export "bits") (param i32) (result i32)
    (i32.add (i32.clz (local.get 0)) (i32.mul (i32.popcnt (local.get 0)) (i32.const 100))))
  (func (export "ext") (param i32) (result i64) (i64.extend8_s (i64.extend_i32_u (local.get 0))))
  (func (export "fmin") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
  (func (export "unreachable") (unreachable))
  (func (export "dead_code") (param i32) (result i32)
    (block (result i32) (br 0 (local.get 0)) (i32.const 1) (i32.add) (unreachable)))
  (func (export "return_call") (param i64) (result i64) (return_call $fac (local.get 0)))
)`

func TestInterpretPure(t *testing.T) {
	mc := newMachine(t, pureModule, 0)
	mc.check(t, []callCase{
		{fn: "fac", args: []ir.DataValue{i64(10)}, want: []ir.DataValue{i64(3628800)}},
		{fn: "fib", args: []ir.DataValue{i32(20)}, want: []ir.DataValue{i32(6765)}},
		{fn: "div_s", args: []ir.DataValue{i32(-7), i32(2)}, want: []ir.DataValue{i32(-3)}},
		{fn: "div_s", args: []ir.DataValue{i32(1), i32(0)}, trap: ir.TrapIntegerDivByZero},
		{fn: "div_s", args: []ir.DataValue{i32(math.MinInt32), i32(-1)}, trap: ir.TrapIntegerOverflow},
		{fn: "rem_s", args: []ir.DataValue{i32(math.MinInt32), i32(-1)}, want: []ir.DataValue{i32(0)}},
		{fn: "rem_s", args: []ir.DataValue{i32(-7), i32(2)}, want: []ir.DataValue{i32(-1)}},
		{fn: "div_u", args: []ir.DataValue{i64(-1), i64(2)}, want: []ir.DataValue{i64(math.MaxInt64)}},
		{fn: "trunc", args: []ir.DataValue{f64(-3.9)}, want: []ir.DataValue{i32(-3)}},
		{fn: "trunc", args: []ir.DataValue{f64(-2147483648.9)}, want: []ir.DataValue{i32(math.MinInt32)}},
		{fn: "trunc", args: []ir.DataValue{f64(-2147483649)}, trap: ir.TrapIntegerOverflow},
		{fn: "trunc", args: []ir.DataValue{f64(2147483648)}, trap: ir.TrapIntegerOverflow},
		{fn: "trunc", args: []ir.DataValue{f64(math.NaN())}, trap: ir.TrapBadConversionToInt},
		{fn: "trunc_u", args: []ir.DataValue{f64(-0.9)}, want: []ir.DataValue{i64(0)}},
		{fn: "trunc_u", args: []ir.DataValue{f64(-1)}, trap: ir.TrapIntegerOverflow},
		{fn: "trunc_u", args: []ir.DataValue{f64(18446744073709549568)}, want: []ir.DataValue{i64(-2048)}},
		{fn: "trunc_u", args: []ir.DataValue{f64(18446744073709551616)}, trap: ir.TrapIntegerOverflow},
		{fn: "trunc_sat", args: []ir.DataValue{f64(1e12)}, want: []ir.DataValue{i32(math.MaxInt32)}},
		{fn: "switch", args: []ir.DataValue{i32(0)}, want: []ir.DataValue{i32(100)}},
		{fn: "switch", args: []ir.DataValue{i32(2)}, want: []ir.DataValue{i32(102)}},
		{fn: "switch", args: []ir.DataValue{i32(99)}, want: []ir.DataValue{i32(103)}},
		{fn: "table_value", args: []ir.DataValue{i32(0)}, want: []ir.DataValue{i32(1017)}},
		{fn: "table_value", args: []ir.DataValue{i32(1)}, want: []ir.DataValue{i32(1007)}},
		{fn: "table_value", args: []ir.DataValue{i32(5)}, want: []ir.DataValue{i32(1017)}},
		{fn: "swap", args: []ir.DataValue{i32(1), i32(2)}, want: []ir.DataValue{i32(2), i32(1)}},
		{fn: "pair_sub", args: []ir.DataValue{i32(1), i32(5)}, want: []ir.DataValue{i32(4)}},
		{fn: "loop_param", args: []ir.DataValue{i32(4)}, want: []ir.DataValue{i32(10)}},
		{fn: "if_param", args: []ir.DataValue{i32(7), i32(1)}, want: []ir.DataValue{i32(8)}},
		{fn: "if_param", args: []ir.DataValue{i32(7), i32(0)}, want: []ir.DataValue{i32(14)}},
		{fn: "if_noelse", args: []ir.DataValue{i32(7), i32(1)}, want: []ir.DataValue{i32(12)}},
		{fn: "if_noelse", args: []ir.DataValue{i32(7), i32(0)}, want: []ir.DataValue{i32(7)}},
		{fn: "select", args: []ir.DataValue{i32(1), i64(5), i64(6)}, want: []ir.DataValue{i64(5)}},
		{fn: "select", args: []ir.DataValue{i32(0), i64(5), i64(6)}, want: []ir.DataValue{i64(6)}},
		{fn: "bits", args: []ir.DataValue{i32(0xff)}, want: []ir.DataValue{i32(824)}},
		{fn: "ext", args: []ir.DataValue{i32(0x80)}, want: []ir.DataValue{i64(-128)}},
		{fn: "fmin", args: []ir.DataValue{f64(0), f64(math.Copysign(0, -1))}, want: []ir.DataValue{f64(math.Copysign(0, -1))}},
		{fn: "unreachable", trap: Trap(vm.TrapUnreachable)},
		{fn: "dead_code", args: []ir.DataValue{i32(9)}, want: []ir.DataValue{i32(9)}},
		{fn: "return_call", args: []ir.DataValue{i64(5)}, want: []ir.DataValue{i64(120)}},
	})
}

const memoryModule = `(module
  (memory 1)
  (global $g (mut i64) (i64.const 42))
  (func (export "store_load") (param i32 i64) (result i64)
    (i64.store offset=8 (local.get 0) (local.get 1))
    (i64.load offset=8 (local.get 0)))
  (func (export "load8_s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "size") (result i32) (memory.size))
  (func (export "global") (param i64) (result i64)
    (global.set $g (i64.add (global.get $g) (local.get 0)))
    (global.get $g))
  (func (export "big_offset") (param i32) (result i32) (i32.load offset=0xfffffff0 (local.get 0)))
)`

func TestInterpretMemoryAndGlobals(t *testing.T) {
	mc := newMachine(t, memoryModule, 65536)
	binary.LittleEndian.PutUint64(mc.vmctx[TestLayout{}.Global(0):], 42)
	mc.check(t, []callCase{
		{fn: "store_load", args: []ir.DataValue{i32(100), i64(-5)}, want: []ir.DataValue{i64(-5)}},
		{fn: "store_load", args: []ir.DataValue{i32(65528), i64(1)}, trap: ir.TrapHeapOutOfBounds},
		{fn: "store_load", args: []ir.DataValue{i32(65520), i64(7)}, want: []ir.DataValue{i64(7)}},
		{fn: "store_load", args: []ir.DataValue{i32(-1), i64(1)}, trap: ir.TrapHeapOutOfBounds},
		{fn: "store8", args: []ir.DataValue{i32(65535), i32(0x1ff)}, want: []ir.DataValue{}},
		{fn: "load8_s", args: []ir.DataValue{i32(65535)}, want: []ir.DataValue{i32(-1)}},
		{fn: "load8_s", args: []ir.DataValue{i32(65536)}, trap: ir.TrapHeapOutOfBounds},
		{fn: "size", want: []ir.DataValue{i32(1)}},
		{fn: "global", args: []ir.DataValue{i64(8)}, want: []ir.DataValue{i64(50)}},
		{fn: "global", args: []ir.DataValue{i64(1)}, want: []ir.DataValue{i64(51)}},
		{fn: "big_offset", args: []ir.DataValue{i32(0)}, trap: ir.TrapHeapOutOfBounds},
	})
	if got := binary.LittleEndian.Uint64(mc.mem[108:]); got != math.MaxUint64-4 {
		t.Errorf("memory at 108 = %#x, want the stored value", got)
	}
}

// TestMemory64 checks that a 64-bit index is bounds-checked without
// wrapping.
func TestInterpretMemory64(t *testing.T) {
	mc := newMachine(t, `(module (memory i64 1)
	  (func (export "load") (param i64) (result i32) (i32.load offset=4 (local.get 0))))`, 65536)
	mc.check(t, []callCase{
		{fn: "load", args: []ir.DataValue{i64(65528)}, want: []ir.DataValue{i32(0)}},
		{fn: "load", args: []ir.DataValue{i64(65529)}, trap: ir.TrapHeapOutOfBounds},
		{fn: "load", args: []ir.DataValue{i64(-4)}, trap: ir.TrapHeapOutOfBounds},
		{fn: "load", args: []ir.DataValue{i64(-8)}, trap: ir.TrapHeapOutOfBounds},
	})
}

// TestTranslateShapes checks the IR of constructs the interpreter cannot
// run: exits, indirect calls, table accesses and the interrupt check.
func TestTranslateShapes(t *testing.T) {
	_, fs := translateWat(t, `(module
	  (import "env" "f" (func $imp (param i32) (result i32)))
	  (type $t (func (param i32) (result i32)))
	  (memory 1) (table 2 funcref)
	  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
	  (func (export "ind") (param i32 i32) (result i32) (call_indirect (type $t) (local.get 0) (local.get 1)))
	  (func (export "imp") (param i32) (result i32) (call $imp (local.get 0)))
	  (func (export "tget") (param i32) (result funcref) (table.get 0 (local.get 0)))
	  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
	  (func (export "loop") (loop $l (br $l)))
	)`, vmEnv)
	want := []string{
		"u1:7",            // memory.grow exit
		"trapnz",          // call_indirect checks
		"call_indirect",   // the import
		"load.i64 notrap", // the table element
		"u1:8",            // memory.fill exit
		"u2:0",            // the interrupt check
	}
	for i, w := range want {
		if s := fs[i].String(); !strings.Contains(s, w) {
			t.Errorf("function %d lacks %q:\n%s", i, w, s)
		}
	}
	// The loop header repeats the check.
	if n := strings.Count(fs[5].String(), "call fn0(v0)"); n != 2 {
		t.Errorf("loop function has %d interrupt checks, want 2:\n%s", n, fs[5])
	}
}

func testEnv(*wasm.Module) Environment { return NewTestEnv() }
func vmEnv(m *wasm.Module) Environment { return NewVMEnv(m) }

func TestUnsupportedOperator(t *testing.T) {
	bin, err := wat.Parse([]byte(`(module (func (result i32) (i32x4.extract_lane 0 (v128.const i64x2 1 2))))`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = TranslateFunction(m, 0, NewVMEnv(m))
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "v128.const") {
		t.Fatalf("err = %v, want an unsupported-operator error naming v128.const", err)
	}
}

func TestSourceLocations(t *testing.T) {
	_, fs := translateWat(t, `(module (func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))`, testEnv)
	f := fs[0]
	seen := 0
	for b := range f.Layout.Blocks() {
		for i := range f.Layout.BlockInsts(b) {
			if f.DFG.Insts[i].Opcode == ir.OpIadd {
				if f.DFG.SrcLoc(i) == ir.NoSourceLoc {
					t.Errorf("iadd has no source location")
				}
				seen++
			}
		}
	}
	if seen != 1 {
		t.Fatalf("found %d iadds:\n%s", seen, f)
	}
}

// TestTranslateIntoReuse translates every function of the test modules
// into one reused ir.Function, in both orders (a large function's leftover
// storage must not leak into a small one, nor the reverse), and expects
// the IR Translate produces into a fresh function each time.
func TestTranslateIntoReuse(t *testing.T) {
	for _, src := range []string{pureModule, memoryModule} {
		bin, err := wat.Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		var order []uint32
		for i := m.NumImportedFuncs; i < len(m.FuncTypes); i++ {
			f, err := NewTranslator(m, vmEnv(m)).Translate(uint32(i))
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, f.String())
			order = append(order, uint32(i))
		}
		tr := NewTranslator(m, vmEnv(m))
		var f *ir.Function
		for pass := range 2 {
			for k := range order {
				if pass == 1 {
					k = len(order) - 1 - k
				}
				g, err := tr.TranslateInto(f, order[k])
				if err != nil {
					t.Fatal(err)
				}
				if f != nil && g != f {
					t.Fatalf("TranslateInto returned a new function")
				}
				f = g
				if err := verify.Function(f); err != nil {
					t.Fatalf("function %d: %v", order[k], err)
				}
				if got := f.String(); got != want[k] {
					t.Errorf("function %d reused:\n%s\nwant:\n%s", order[k], got, want[k])
				}
			}
		}
	}
}
