package interp

import (
	"errors"
	"strings"
	"testing"
	"unsafe"

	"kiln/ir"
)

func newFunc(name string, params, rets []ir.Type) (*ir.Function, *ir.FunctionBuilder, []ir.Value) {
	sig := ir.NewSignature(ir.CallConvFast)
	for _, p := range params {
		sig.Params = append(sig.Params, ir.AbiParam{Type: p})
	}
	for _, r := range rets {
		sig.Returns = append(sig.Returns, ir.AbiParam{Type: r})
	}
	f := ir.NewFunction(ir.TestCaseName(name), sig)
	fb := ir.NewFunctionBuilder(f)
	entry := fb.CreateBlock()
	fb.SwitchToBlock(entry)
	ps := fb.AppendBlockParamsForFunctionParams(entry)
	fb.SealBlock(entry)
	return f, fb, append([]ir.Value(nil), ps...)
}

// sumLoop builds sum(n) = 0 + 1 + ... + (n-1) over i32 with a loop.
func sumLoop(ty ir.Type) *ir.Function {
	f, fb, ps := newFunc("sum", []ir.Type{ty}, []ir.Type{ty})
	header, body, exit := fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock()
	i, acc, n := fb.DeclareVar(ty), fb.DeclareVar(ty), fb.DeclareVar(ty)
	fb.DefVar(n, ps[0])
	fb.DefVar(i, fb.Iconst(ty, 0))
	fb.DefVar(acc, fb.Iconst(ty, 0))
	fb.Jump(header)

	fb.SwitchToBlock(header)
	c := fb.Icmp(ir.IntSLT, fb.UseVar(i), fb.UseVar(n))
	fb.Brif(c, body, nil, exit, nil)

	fb.SwitchToBlock(body)
	fb.SealBlock(body)
	fb.DefVar(acc, fb.Iadd(fb.UseVar(acc), fb.UseVar(i)))
	fb.DefVar(i, fb.Iadd(fb.UseVar(i), fb.Iconst(ty, 1)))
	fb.Jump(header)
	fb.SealBlock(header)

	fb.SwitchToBlock(exit)
	fb.SealBlock(exit)
	fb.Return(fb.UseVar(acc))
	return f
}

func call1(t *testing.T, in *Interpreter, name string, args ...ir.DataValue) ir.DataValue {
	t.Helper()
	r, err := in.Call(name, args)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(r) != 1 {
		t.Fatalf("%s returned %d values", name, len(r))
	}
	return r[0]
}

func TestLoop(t *testing.T) {
	in := New([]*ir.Function{sumLoop(ir.I32)})
	for _, tc := range []struct{ n, want int32 }{{0, 0}, {1, 0}, {10, 45}, {1000, 499500}} {
		if got := call1(t, in, "sum", ir.DataI32(tc.n)); got != ir.DataI32(tc.want) {
			t.Errorf("sum(%d) = %v, want %d", tc.n, got, tc.want)
		}
	}
}

func TestFuelExhausted(t *testing.T) {
	in := New([]*ir.Function{sumLoop(ir.I64)})
	in.Options.Fuel = 1000
	_, err := in.Call("%sum", []ir.DataValue{ir.DataI64(1 << 40)})
	if !errors.Is(err, ErrFuelExhausted) {
		t.Fatalf("err = %v, want fuel exhausted", err)
	}
	// The interpreter is reusable after a failed call.
	in.Options.Fuel = 0
	if got := call1(t, in, "sum", ir.DataI64(4)); got != ir.DataI64(6) {
		t.Errorf("sum(4) = %v", got)
	}
}

func TestArgumentMismatch(t *testing.T) {
	in := New([]*ir.Function{sumLoop(ir.I32)})
	if _, err := in.Call("sum", []ir.DataValue{ir.DataI64(1)}); err == nil {
		t.Error("wrong argument type accepted")
	}
	if _, err := in.Call("sum", nil); err == nil {
		t.Error("wrong argument count accepted")
	}
	if _, err := in.Call("nosuch", nil); err == nil {
		t.Error("unknown function accepted")
	}
}

// recursive builds %count(n) = n == 0 ? 0 : 1 + count(n-1), a non-tail
// recursion whose depth is n, and %tcount(n, acc) counting by return_call.
func recursive() []*ir.Function {
	f, fb, ps := newFunc("count", []ir.Type{ir.I64}, []ir.Type{ir.I64})
	sig := f.ImportSignature(f.Signature)
	self := f.ImportFunction(ir.ExtFuncData{Name: ir.TestCaseName("count"), Sig: sig})
	zero, rec := fb.CreateBlock(), fb.CreateBlock()
	fb.Brif(ps[0], rec, nil, zero, nil)
	fb.SwitchToBlock(zero)
	fb.SealBlock(zero)
	fb.Return(fb.Iconst(ir.I64, 0))
	fb.SwitchToBlock(rec)
	fb.SealBlock(rec)
	r := fb.Call(self, fb.Isub(ps[0], fb.Iconst(ir.I64, 1)))
	fb.Return(fb.Iadd(r[0], fb.Iconst(ir.I64, 1)))

	g, gb, gs := newFunc("tcount", []ir.Type{ir.I64, ir.I64}, []ir.Type{ir.I64})
	gsig := g.ImportSignature(g.Signature)
	gself := g.ImportFunction(ir.ExtFuncData{Name: ir.TestCaseName("tcount"), Sig: gsig})
	done, more := gb.CreateBlock(), gb.CreateBlock()
	gb.Brif(gs[0], more, nil, done, nil)
	gb.SwitchToBlock(done)
	gb.SealBlock(done)
	gb.Return(gs[1])
	gb.SwitchToBlock(more)
	gb.SealBlock(more)
	n1 := gb.Isub(gs[0], gb.Iconst(ir.I64, 1))
	a1 := gb.Iadd(gs[1], gb.Iconst(ir.I64, 1))
	gb.InsData(ir.InstData{Opcode: ir.OpReturnCall, Entity: int32(gself), Args: g.DFG.NewList(n1, a1)}, ir.Invalid)
	return []*ir.Function{f, g}
}

func TestRecursion(t *testing.T) {
	in := New(recursive())
	if got := call1(t, in, "count", ir.DataI64(50000)); got != ir.DataI64(50000) {
		t.Errorf("count(50000) = %v", got)
	}
	in.Options.MaxDepth = 100
	_, err := in.Call("count", []ir.DataValue{ir.DataI64(1000)})
	var tr *Trap
	if !errors.As(err, &tr) || tr.Code != ir.TrapStackOverflow {
		t.Fatalf("deep recursion: err = %v, want stk_ovf trap", err)
	}
	// Tail calls do not grow the stack.
	if got := call1(t, in, "tcount", ir.DataI64(1_000_000), ir.DataI64(0)); got != ir.DataI64(1_000_000) {
		t.Errorf("tcount = %v", got)
	}
}

func TestTraps(t *testing.T) {
	f, fb, ps := newFunc("div", []ir.Type{ir.I32, ir.I32}, []ir.Type{ir.I32})
	fb.Return(fb.Binary(ir.OpSdiv, ps[0], ps[1]))
	g, gb, gs := newFunc("chk", []ir.Type{ir.I8}, nil)
	gb.CondTrap(ir.OpTrapnz, gs[0], ir.UserTrap(7))
	gb.Return()
	in := New([]*ir.Function{f, g})
	for _, tc := range []struct {
		name string
		args []ir.DataValue
		code ir.TrapCode
	}{
		{"div", []ir.DataValue{ir.DataI32(1), ir.DataI32(0)}, ir.TrapIntegerDivByZero},
		{"div", []ir.DataValue{ir.DataI32(-1 << 31), ir.DataI32(-1)}, ir.TrapIntegerOverflow},
		{"chk", []ir.DataValue{ir.DataI8(1)}, ir.UserTrap(7)},
	} {
		_, err := in.Call(tc.name, tc.args)
		var tr *Trap
		if !errors.As(err, &tr) || tr.Code != tc.code || tr.Func != "%"+tc.name {
			t.Errorf("%s%v: err = %v, want trap %s", tc.name, tc.args, err, tc.code)
		}
	}
	if got := call1(t, in, "div", ir.DataI32(-7), ir.DataI32(2)); got != ir.DataI32(-3) {
		t.Errorf("-7/2 = %v", got)
	}
	if r, err := in.Call("chk", []ir.DataValue{ir.DataI8(0)}); err != nil || len(r) != 0 {
		t.Errorf("chk(0) = %v, %v", r, err)
	}
}

// TestStackSlots stores through one slot address, reads back through
// another, and checks that a dangling address traps.
func TestStackSlots(t *testing.T) {
	f, fb, ps := newFunc("slots", []ir.Type{ir.I64}, []ir.Type{ir.I64, ir.I32, ir.I8})
	ss0 := f.CreateStackSlot(8, 0)
	ss1 := f.CreateStackSlot(16, 4)
	p0 := fb.StackAddr(ir.I64, ss0, 0)
	p1 := fb.StackAddr(ir.I64, ss1, 0)
	fb.Store(ir.OpStore, 0, ps[0], p0, 0)
	fb.Store(ir.OpIstore16, ir.MemBig, ps[0], p1, 4)
	v := fb.Load(ir.OpLoad, ir.I64, 0, p0, 0)
	w := fb.Load(ir.OpUload16, ir.I32, 0, p1, 4)
	al := fb.Band(p1, fb.Iconst(ir.I64, 15))
	fb.Return(v, w, fb.Ireduce(ir.I8, al))

	g, gb, _ := newFunc("dangling", nil, []ir.Type{ir.I64})
	gb.Return(gb.Load(ir.OpLoad, ir.I64, 0, gb.Iconst(ir.I64, 0x100), 0))

	in := New([]*ir.Function{f, g})
	r, err := in.Call("slots", []ir.DataValue{ir.DataI64(0x1122334455667788)})
	if err != nil {
		t.Fatal(err)
	}
	want := []ir.DataValue{ir.DataI64(0x1122334455667788), ir.DataI32(0x8877), ir.DataI8(0)}
	for i := range want {
		if r[i] != want[i] {
			t.Errorf("result %d = %v, want %v", i, r[i], want[i])
		}
	}
	_, err = in.Call("dangling", nil)
	var tr *Trap
	if !errors.As(err, &tr) || tr.Code != ir.TrapHeapOutOfBounds {
		t.Errorf("load from 0x100: err = %v, want heap_oob", err)
	}
}

func TestIntOps(t *testing.T) {
	i128 := func(hi, lo uint64) ir.DataValue { return ir.DataI128(lo, hi) }
	for _, tc := range []struct {
		op   ir.Opcode
		x, y ir.DataValue
		want ir.DataValue
	}{
		{ir.OpImul, i128(0, 1<<63), i128(0, 4), i128(2, 0)},
		{ir.OpUdiv, i128(5, 0), i128(0, 2), i128(2, 1<<63)},
		{ir.OpSrem, ir.DataI32(-7), ir.DataI32(2), ir.DataI32(-1)},
		{ir.OpSrem, ir.DataI32(-1 << 31), ir.DataI32(-1), ir.DataI32(0)},
		{ir.OpSdiv, i128(^uint64(0), ^uint64(0)-9), i128(0, 5), i128(^uint64(0), ^uint64(0)-1)},
		{ir.OpUmulhi, ir.DataI8(-1), ir.DataI8(-1), ir.DataI8(-2)},
		{ir.OpSmulhi, ir.DataI64(-1), ir.DataI64(-1), ir.DataI64(0)},
		{ir.OpRotl, ir.DataI8(-127), ir.DataI32(9), ir.DataI8(0x03)},
		{ir.OpRotr, i128(1, 1), ir.DataI8(1), i128(1<<63, 1<<63)},
		{ir.OpSshr, ir.DataI16(-32768), ir.DataI16(17), ir.DataI16(-16384)},
		{ir.OpUaddSat, ir.DataI8(-2), ir.DataI8(5), ir.DataI8(-1)},
		{ir.OpSsubSat, ir.DataI8(-128), ir.DataI8(1), ir.DataI8(-128)},
		{ir.OpIconcat, ir.DataI64(-1), ir.DataI64(2), i128(2, ^uint64(0))},
	} {
		var ps []ir.Type
		ps = append(ps, tc.x.Ty, tc.y.Ty)
		f, fb, args := newFunc("f", ps, []ir.Type{tc.want.Ty})
		fb.Return(fb.Binary(tc.op, args[0], args[1]))
		got := call1(t, New([]*ir.Function{f}), "f", tc.x, tc.y)
		if got != tc.want {
			t.Errorf("%s(%v, %v) = %v, want %v", tc.op, tc.x, tc.y, got, tc.want)
		}
	}
	for _, tc := range []struct {
		op   ir.Opcode
		x    ir.DataValue
		want ir.DataValue
	}{
		{ir.OpClz, ir.DataI16(1), ir.DataI16(15)},
		{ir.OpCls, ir.DataI8(-1), ir.DataI8(7)},
		{ir.OpCls, ir.DataI128(1, 0), ir.DataI128(126, 0)},
		{ir.OpCtz, ir.DataI32(0), ir.DataI32(32)},
		{ir.OpBitrev, ir.DataI8(1), ir.DataI8(-128)},
		{ir.OpBswap, ir.DataI32(0x11223344), ir.DataI32(0x44332211)},
		{ir.OpPopcnt, ir.DataI128(^uint64(0), 1), ir.DataI128(65, 0)},
		{ir.OpIabs, ir.DataI8(-128), ir.DataI8(-128)},
	} {
		f, fb, args := newFunc("f", []ir.Type{tc.x.Ty}, []ir.Type{tc.want.Ty})
		fb.Return(fb.Unary(tc.op, args[0]))
		got := call1(t, New([]*ir.Function{f}), "f", tc.x)
		if got != tc.want {
			t.Errorf("%s(%v) = %v, want %v", tc.op, tc.x, got, tc.want)
		}
	}
}

func TestOverflowOps(t *testing.T) {
	for _, tc := range []struct {
		op     ir.Opcode
		x, y   ir.DataValue
		cin    int8
		want   ir.DataValue
		wantOF uint64
	}{
		{ir.OpUaddOverflow, ir.DataI8(-1), ir.DataI8(1), 0, ir.DataI8(0), 1},
		{ir.OpSaddOverflow, ir.DataI8(127), ir.DataI8(1), 0, ir.DataI8(-128), 1},
		{ir.OpUsubOverflow, ir.DataI32(0), ir.DataI32(1), 0, ir.DataI32(-1), 1},
		{ir.OpSsubOverflow, ir.DataI64(-1 << 63), ir.DataI64(1), 0, ir.DataI64(1<<63 - 1), 1},
		{ir.OpUmulOverflow, ir.DataI16(256), ir.DataI16(256), 0, ir.DataI16(0), 1},
		{ir.OpSmulOverflow, ir.DataI128(1<<63, 0), ir.DataI128(2, 0), 0, ir.DataI128(0, 1), 0},
		{ir.OpSmulOverflow, ir.DataI128(0, 1<<62), ir.DataI128(2, 0), 0, ir.DataI128(0, 1<<63), 1},
		{ir.OpUaddOverflowCin, ir.DataI128(^uint64(0), ^uint64(0)), ir.DataI128(0, 0), 1, ir.DataI128(0, 0), 1},
		{ir.OpSaddOverflowCin, ir.DataI128(^uint64(0), ^uint64(0)), ir.DataI128(^uint64(0), 1<<63-1), 1, ir.DataI128(^uint64(0), 1<<63-1), 0},
		{ir.OpUsubOverflowBin, ir.DataI8(5), ir.DataI8(5), 1, ir.DataI8(-1), 1},
		{ir.OpSsubOverflowBin, ir.DataI8(-128), ir.DataI8(0), 1, ir.DataI8(127), 1},
	} {
		ps := []ir.Type{tc.x.Ty, tc.y.Ty, ir.I8}
		f, fb, args := newFunc("f", ps, []ir.Type{tc.want.Ty, ir.I8})
		var inst ir.Inst
		if tc.op == ir.OpUaddOverflowCin || tc.op == ir.OpSaddOverflowCin || tc.op == ir.OpUsubOverflowBin || tc.op == ir.OpSsubOverflowBin {
			inst = fb.Ins(tc.op, ir.Invalid, args[0], args[1], args[2])
		} else {
			inst = fb.Ins(tc.op, ir.Invalid, args[0], args[1])
		}
		fb.Return(f.DFG.Results(inst)...)
		r, err := New([]*ir.Function{f}).Call("f", []ir.DataValue{tc.x, tc.y, ir.DataI8(tc.cin)})
		if err != nil {
			t.Fatal(err)
		}
		if r[0] != tc.want || r[1].Lo != tc.wantOF {
			t.Errorf("%s(%v, %v, %d) = %v, %v; want %v, %d", tc.op, tc.x, tc.y, tc.cin, r[0], r[1], tc.want, tc.wantOF)
		}
	}
}

func TestTrace(t *testing.T) {
	in := New([]*ir.Function{sumLoop(ir.I32)})
	var b strings.Builder
	in.Options.Trace = &b
	if got := call1(t, in, "sum", ir.DataI32(2)); got != ir.DataI32(1) {
		t.Fatalf("sum(2) = %v", got)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	// entry: 2 iconsts + jump; 3 header visits (icmp, brif); 2 bodies
	// (2 iadds, iconst, jump); the exit's return.
	if len(lines) != 3+3*2+2*4+1 {
		t.Errorf("%d trace lines:\n%s", len(lines), b.String())
	}
	if !strings.Contains(b.String(), "icmp v") || !strings.HasPrefix(lines[len(lines)-1], "%sum inst") {
		t.Errorf("unexpected trace:\n%s", b.String())
	}
}

func TestSlotSize(t *testing.T) {
	if got := unsafe.Sizeof(ir.DataValue{}); got != slotSize {
		t.Errorf("ir.DataValue is %d bytes, slotSize says %d", got, slotSize)
	}
}

// TestSparseValueNumbers: a function whose text numbers values sparsely
// (v0, v900000) costs two slots per frame, not 900001, so deep recursion
// through it stays cheap.
func TestSparseValueNumbers(t *testing.T) {
	src := `
function %deep(i64) -> i64 {
    fn0 = %deep(i64) -> i64
block0(v0: i64):
    brif v0, block1, block2
block1:
    v900000 = iconst.i64 1
    v900001 = isub v0, v900000
    v900002 = call fn0(v900001)
    return v900002
block2:
    return v0
}`
	file, err := ir.ParseFile("sparse.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := New([]*ir.Function{file.Functions[0].Func})
	if got := call1(t, in, "deep", ir.DataI64(20000)); got != ir.DataI64(0) {
		t.Errorf("deep = %v", got)
	}
	in.Options.StackBytes = 1 << 16
	_, err = in.Call("deep", []ir.DataValue{ir.DataI64(20000)})
	var tr *Trap
	if !errors.As(err, &tr) || tr.Code != ir.TrapStackOverflow {
		t.Errorf("with a 64 KiB stack: err = %v, want stk_ovf", err)
	}
}
