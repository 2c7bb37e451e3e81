//go:build linux && amd64

package compile

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/optimizing/isa/amd64/native"
)

// instance is a module compiled by the optimizing tier and instantiated by
// hand for native execution: its code mapped, a VM context with memory 0,
// globals, table 0, function references and type ids filled in.
type instance struct {
	t     *testing.T
	m     *wasm.Module
	art   *vm.Artifact
	code  *native.Code
	mach  *native.WasmMachine
	off   *vm.Offsets
	vmctx []byte
	mem   []byte
	table []uint64
	// handler handles exits other than trap and preempt.
	handler native.ExitHandler
}

func instantiate(t *testing.T, src string, memPages int) *instance {
	t.Helper()
	return instantiateWith(t, src, memPages, vm.CompileOptions{Target: "amd64", Features: wasm.Features3_0})
}

func instantiateWith(t *testing.T, src string, memPages int, opts vm.CompileOptions) *instance {
	t.Helper()
	bin, err := wat.Parse([]byte(src))
	if err != nil {
		t.Fatalf("wat: %v", err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	art, err := New().Compile(context.Background(), m, opts)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if len(art.Relocs) != 0 {
		t.Fatalf("artifact has %d relocations, want none", len(art.Relocs))
	}
	code, err := native.Map(art.Code)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { code.Close() })
	in := &instance{t: t, m: m, art: art, code: code, mach: native.NewWasmMachine(1 << 20), off: vm.NewOffsets(m, 8)}
	// 16-byte aligned VM context in Go heap memory.
	raw := make([]byte, in.off.Size()+16)
	skew := int(uintptr(unsafe.Pointer(&raw[0])) & 15)
	in.vmctx = raw[(16-skew)&15:][:in.off.Size()]
	if err := in.mach.InitVMContext(in.vmctx); err != nil {
		t.Fatal(err)
	}
	if len(m.MemTypes) > 0 {
		in.mem = make([]byte, memPages<<16, 16<<16)
		in.put(in.off.MemoryBase(0), uint64(uintptr(unsafe.Pointer(unsafe.SliceData(in.mem)))))
		in.put(in.off.MemoryLength(0), uint64(len(in.mem)))
	}
	for ti := range m.Types {
		in.put32(in.off.TypeID(uint32(ti)), in.typeID(uint32(ti)))
	}
	for f := uint32(m.NumImportedFuncs); f < uint32(len(m.FuncTypes)); f++ {
		fr := in.off.FuncRef(f)
		in.put(fr+vm.FuncRefCode, uint64(code.Addr(int(art.Funcs[f-uint32(m.NumImportedFuncs)].Offset))))
		in.put(fr+vm.FuncRefVMCtx, in.addr())
		in.put32(fr+vm.FuncRefTypeID, in.typeID(m.FuncTypes[f]))
	}
	for i := range m.NumImportedFuncs {
		// Every import is a host function: its code is the artifact's
		// host-call trampoline, its VM context this instance's.
		in.put(in.off.ImportedFuncCode(uint32(i)), uint64(code.Addr(int(art.Imports[i]))))
		in.put(in.off.ImportedFuncVMCtx(uint32(i)), in.addr())
	}
	if len(m.TableTypes) > 0 {
		in.table = make([]uint64, m.TableTypes[0].Limits.Min)
		in.put(in.off.TableBase(0), uint64(uintptr(unsafe.Pointer(unsafe.SliceData(in.table)))))
		in.put(in.off.TableLength(0), uint64(len(in.table)))
	}
	return in
}

// typeID is the canonical id of type t: the smallest equivalent index.
func (in *instance) typeID(t uint32) uint32 {
	for u := range t {
		if in.m.SameType(t, u) {
			return u
		}
	}
	return t
}

func (in *instance) addr() uint64 { return uint64(uintptr(unsafe.Pointer(&in.vmctx[0]))) }
func (in *instance) put(off uint32, v uint64) {
	binary.LittleEndian.PutUint64(in.vmctx[off:], v)
}
func (in *instance) put32(off uint32, v uint32) {
	binary.LittleEndian.PutUint32(in.vmctx[off:], v)
}
func (in *instance) get(off uint32) uint64 { return binary.LittleEndian.Uint64(in.vmctx[off:]) }

// funcIndex returns the function index of export name.
func (in *instance) funcIndex(name string) uint32 {
	for _, e := range in.m.Exports {
		if e.Name == name && e.Kind == wasm.ExternFunc {
			return e.Index
		}
	}
	in.t.Fatalf("no export %q", name)
	return 0
}

// call calls export name with integer/float-bits arguments and returns the
// result slots (low words) or the trap code.
func (in *instance) call(name string, args ...uint64) ([]uint64, vm.TrapCode, error) {
	f := in.funcIndex(name)
	st := in.m.FuncType(f)
	entry := in.code.Addr(int(in.art.Funcs[f-uint32(in.m.NumImportedFuncs)].ArrayEntry))
	vals := make([]native.Slot, max(len(st.Params), len(st.Results)))
	for i, a := range args {
		vals[i][0] = a
	}
	trap, err := in.mach.Call(entry, in.vmctx, vals, in.handler)
	if err != nil || trap != vm.TrapNone {
		return nil, trap, err
	}
	out := make([]uint64, len(st.Results))
	for i, r := range st.Results {
		out[i] = vals[i][0]
		if r.Kind == wasm.KindI32 || r.Kind == wasm.KindF32 {
			out[i] &= math.MaxUint32
		}
	}
	return out, vm.TrapNone, nil
}

type nativeCase struct {
	fn   string
	args []uint64
	want []uint64
	trap vm.TrapCode
}

func (in *instance) check(cases []nativeCase) {
	in.t.Helper()
	for _, c := range cases {
		got, trap, err := in.call(c.fn, c.args...)
		if err != nil {
			in.t.Errorf("%s%v: %v", c.fn, c.args, err)
			continue
		}
		if trap != c.trap {
			in.t.Errorf("%s%v: trap %s, want %s (results %v)", c.fn, c.args, trap, c.trap, got)
			continue
		}
		if c.trap == vm.TrapNone && fmt.Sprint(got) != fmt.Sprint(c.want) {
			in.t.Errorf("%s%v = %#x, want %#x", c.fn, c.args, got, c.want)
		}
	}
}

func u32(v int32) uint64  { return uint64(uint32(v)) }
func u64(v int64) uint64  { return uint64(v) }
func fb(v float64) uint64 { return math.Float64bits(v) }

func TestNativePure(t *testing.T) {
	in := instantiate(t, nativePure, 0)
	in.check([]nativeCase{
		{fn: "fac", args: []uint64{10}, want: []uint64{3628800}},
		{fn: "fib", args: []uint64{30}, want: []uint64{832040}},
		{fn: "div_s", args: []uint64{u32(-7), 2}, want: []uint64{u32(-3)}},
		{fn: "div_s", args: []uint64{1, 0}, trap: vm.TrapIntegerDivideByZero},
		{fn: "div_s", args: []uint64{u32(math.MinInt32), u32(-1)}, trap: vm.TrapIntegerOverflow},
		{fn: "rem_u", args: []uint64{u64(-1), 10}, want: []uint64{5}},
		{fn: "trunc", args: []uint64{fb(-3.9)}, want: []uint64{u32(-3)}},
		{fn: "trunc", args: []uint64{fb(math.NaN())}, trap: vm.TrapBadConversionToInteger},
		{fn: "trunc", args: []uint64{fb(3e9)}, trap: vm.TrapIntegerOverflow},
		{fn: "switch", args: []uint64{1}, want: []uint64{101}},
		{fn: "switch", args: []uint64{7}, want: []uint64{103}},
		{fn: "swap", args: []uint64{1, 2}, want: []uint64{2, 1}},
		{fn: "sum8", args: []uint64{100}, want: []uint64{100 + 2 + 3 + 4 + 5 + 6 + 7 + 8}},
		{fn: "three", args: []uint64{4}, want: []uint64{10}},
		{fn: "fmix", args: []uint64{fb(16), u32(-1)}, want: []uint64{fb(3)}},
		{fn: "unreachable", trap: vm.TrapUnreachable},
		{fn: "deep", args: []uint64{1}, trap: vm.TrapStackOverflow},
		{fn: "tail", args: []uint64{100000, 0}, want: []uint64{200000}},
		// The machine is usable after a trap.
		{fn: "fac", args: []uint64{5}, want: []uint64{120}},
	})
}

func TestNativeMemoryTablesCalls(t *testing.T) {
	in := instantiate(t, nativeMemory, 1)
	in.put(in.off.Global(0), 42)
	// Table: [inc, seven, null, null] (functions 6 and 7).
	in.table[0] = in.addr() + uint64(in.off.FuncRef(6))
	in.table[1] = in.addr() + uint64(in.off.FuncRef(7))
	var grows, hostCalls int
	in.handler = func(m *native.WasmMachine, k vm.ExitKind) error {
		switch k {
		case vm.ExitMemoryGrow:
			grows++
			old := uint64(len(in.mem)) >> 16
			delta := m.SC.ExitArgs[1]
			if m.SC.ExitArgs[0] != 0 || old+delta > 16 {
				m.SC.ExitArgs[0] = math.MaxUint64
				return nil
			}
			in.mem = in.mem[:(old+delta)<<16]
			in.put(in.off.MemoryLength(0), uint64(len(in.mem)))
			m.SC.ExitArgs[0] = old
			return nil
		case vm.ExitHostCall:
			hostCalls++
			if m.SC.ExitArgs[0] != 0 {
				return fmt.Errorf("host call of import %d", m.SC.ExitArgs[0])
			}
			// The word holds the address of the trampoline's values array.
			vals := *(**[2]native.Slot)(unsafe.Pointer(&m.SC.ExitArgs[1]))
			vals[0][0] += vals[1][0]
			return nil
		}
		return fmt.Errorf("unexpected exit %s", k)
	}
	in.check([]nativeCase{
		{fn: "store_load", args: []uint64{100, u64(-5)}, want: []uint64{u64(-5)}},
		{fn: "store_load", args: []uint64{65528, 1}, trap: vm.TrapMemoryOutOfBounds},
		{fn: "store_load", args: []uint64{65520, 7}, want: []uint64{7}},
		{fn: "store_load", args: []uint64{u32(-1), 1}, trap: vm.TrapMemoryOutOfBounds},
		{fn: "load8_u", args: []uint64{65535}, want: []uint64{0}},
		{fn: "load8_u", args: []uint64{65536}, trap: vm.TrapMemoryOutOfBounds},
		{fn: "global", args: []uint64{8}, want: []uint64{50}},
		{fn: "global", args: []uint64{1}, want: []uint64{51}},
		{fn: "size", want: []uint64{1}},
		{fn: "grow", args: []uint64{2}, want: []uint64{1}},
		{fn: "size", want: []uint64{3}},
		{fn: "load8_u", args: []uint64{65536}, want: []uint64{0}},
		{fn: "grow", args: []uint64{100}, want: []uint64{u32(-1)}},
		{fn: "ind", args: []uint64{0, 41}, want: []uint64{42}},
		{fn: "ind", args: []uint64{1, 41}, trap: vm.TrapBadSignature},
		{fn: "ind", args: []uint64{2, 41}, trap: vm.TrapIndirectCallToNull},
		{fn: "ind", args: []uint64{4, 41}, trap: vm.TrapIndirectCallOutOfBounds},
		{fn: "host", args: []uint64{5}, want: []uint64{1005}},
		{fn: "sum_loop", args: []uint64{100000}, want: []uint64{5000050000}},
	})
	if grows != 2 || hostCalls != 1 {
		t.Errorf("grows = %d, host calls = %d; want 2 and 1", grows, hostCalls)
	}
	if got := binary.LittleEndian.Uint64(in.mem[108:]); got != u64(-5) {
		t.Errorf("memory at 108 = %#x", got)
	}
}

// TestNativePreemption runs a long loop while another goroutine asks for
// garbage collections: each must complete while the loop runs, which it
// can only if the loop's back edge polls the preemption request.
func TestNativePreemption(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a loop for a while")
	}
	in := instantiate(t, nativeMemory, 1)
	var done atomic.Bool
	var worst atomic.Int64
	go func() {
		for !done.Load() {
			start := time.Now()
			runtime.GC()
			if d := int64(time.Since(start)); d > worst.Load() {
				worst.Store(d)
			}
			time.Sleep(time.Millisecond)
		}
	}()
	start := time.Now()
	got, trap, err := in.call("sum_loop", 400_000_000)
	elapsed := time.Since(start)
	done.Store(true)
	if err != nil || trap != vm.TrapNone || got[0] != 400_000_000*400_000_001/2 {
		t.Fatalf("sum_loop = %v, %s, %v", got, trap, err)
	}
	t.Logf("loop %v, worst GC %v, %d preemption exits", elapsed, time.Duration(worst.Load()), in.mach.Preempts)
	if in.mach.Preempts == 0 && elapsed > 200*time.Millisecond && time.Duration(worst.Load()) > elapsed*3/4 {
		t.Errorf("a GC waited %v during a %v loop: the loop does not poll for preemption", time.Duration(worst.Load()), elapsed)
	}
}

func TestSourceLocationsAndTraps(t *testing.T) {
	in := instantiate(t, nativePure, 0)
	if len(in.art.SrcLocs) == 0 || len(in.art.Traps) == 0 {
		t.Fatalf("artifact has %d source locations and %d trap records", len(in.art.SrcLocs), len(in.art.Traps))
	}
	for _, tr := range in.art.Traps {
		if !tr.Code.Valid() {
			t.Errorf("trap record at %#x has code %s", tr.Offset, tr.Code)
		}
	}
	if err := in.art.Validate(); err != nil {
		t.Fatalf("the artifact is invalid: %v", err)
	}
	if _, err := vm.Unmarshal(in.art.Marshal()); err != nil {
		t.Fatalf("the artifact does not round-trip: %v", err)
	}
}

// TestNativeInterrupt: with Interruptible, a set interrupt flag makes the
// next check exit with ExitInterrupt; resuming after clearing it finishes
// the call. Without it the flag is not polled.
func TestNativeInterrupt(t *testing.T) {
	for _, interruptible := range []bool{false, true} {
		in := instantiateWith(t, nativeMemory, 1, vm.CompileOptions{Target: "amd64", Interruptible: interruptible})
		exits := 0
		in.handler = func(m *native.WasmMachine, k vm.ExitKind) error {
			if k != vm.ExitInterrupt {
				return fmt.Errorf("unexpected exit %s", k)
			}
			exits++
			m.SC.Interrupt = 0
			return nil
		}
		in.mach.SC.Interrupt = 1
		got, trap, err := in.call("sum_loop", 1000)
		if err != nil || trap != vm.TrapNone || got[0] != 500500 {
			t.Fatalf("interruptible=%v: sum_loop = %v, %s, %v", interruptible, got, trap, err)
		}
		want := 0
		if interruptible {
			want = 1
		}
		if exits != want {
			t.Errorf("interruptible=%v: %d interrupt exits, want %d", interruptible, exits, want)
		}
		in.mach.SC.Interrupt = 0
	}
}

// TestNativeTailCallStackArgs: return_call with arguments beyond the
// registers reuses the caller's incoming area; the rotation of the
// arguments checks that every stack slot is written before the jump.
func TestNativeTailCallStackArgs(t *testing.T) {
	in := instantiate(t, `(module
	  (func $rot (param i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64 i64 i64)
	    (if (result i64 i64 i64) (i64.eqz (local.get 0))
	      (then
	        (i64.add (local.get 1) (i64.mul (local.get 2) (i64.const 10)))
	        (i64.add (i64.mul (local.get 3) (i64.const 100)) (i64.mul (local.get 4) (i64.const 1000)))
	        (i64.add (i64.add (i64.mul (local.get 5) (i64.const 10000)) (i64.mul (local.get 6) (i64.const 100000)))
	                 (i64.add (i64.mul (local.get 7) (i64.const 1000000)) (i64.mul (local.get 8) (i64.const 10000000)))))
	      (else (return_call $rot (i64.sub (local.get 0) (i64.const 1))
	        (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 1)))))
	  (func (export "rot") (param i64) (result i64 i64 i64)
	    (call $rot (local.get 0) (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4)
	      (i64.const 5) (i64.const 6) (i64.const 7) (i64.const 8))))`, 0)
	in.check([]nativeCase{
		{fn: "rot", args: []uint64{0}, want: []uint64{21, 4300, 87650000}},
		{fn: "rot", args: []uint64{1}, want: []uint64{32, 5400, 18760000}},
		{fn: "rot", args: []uint64{8 * 1000}, want: []uint64{21, 4300, 87650000}},
	})
}

// TestUnsupportedError: an operator the tier does not translate gives an
// error the runtime recognises as "unsupported", naming the operator.
func TestUnsupportedError(t *testing.T) {
	bin, err := wat.Parse([]byte(`(module (func (result i32) (i32x4.extract_lane 0 (v128.const i64x2 1 2))))`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = New().Compile(context.Background(), m, vm.CompileOptions{Target: "amd64"})
	var u interface{ Unsupported() bool }
	if !errors.As(err, &u) || !u.Unsupported() || !strings.Contains(err.Error(), "v128.const") {
		t.Fatalf("err = %v, want an unsupported error naming v128.const", err)
	}
}
