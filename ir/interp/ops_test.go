package interp

import (
	"errors"
	"math"
	"strings"
	"testing"

	"kiln/ir"
)

// runOne builds %f(args...) -> T { vN = op args; return vN } and runs it.
func runOne(t *testing.T, data ir.InstData, suffix ir.Type, args ...ir.DataValue) (ir.DataValue, error) {
	t.Helper()
	var ps []ir.Type
	for _, a := range args {
		ps = append(ps, a.Ty)
	}
	f, fb, vs := newFunc("f", ps, nil)
	data.Args = f.DFG.NewList(vs...)
	inst := fb.InsData(data, suffix)
	res := f.DFG.Results(inst)
	for _, r := range res {
		f.Signature.Returns = append(f.Signature.Returns, ir.AbiParam{Type: f.DFG.ValueType(r)})
	}
	fb.Return(res...)
	out, err := New([]*ir.Function{f}).Call("f", args)
	if err != nil {
		return ir.DataValue{}, err
	}
	return out[0], nil
}

func vec(ty ir.Type, lanes ...int64) ir.DataValue {
	v := ir.DataValue{Ty: ty}
	for i, l := range lanes {
		setLane(&v, i, ty.LaneBits(), u128{uint64(l), 0})
	}
	return v
}

func f32s(xs ...float32) ir.DataValue {
	v := ir.DataValue{Ty: ir.F32X4}
	for i, x := range xs {
		setLane(&v, i, 32, u128{uint64(math.Float32bits(x)), 0})
	}
	return v
}

// TestX86Ops covers the x64-lowering opcodes, which no runtest exercises.
func TestX86Ops(t *testing.T) {
	i8x16 := func(ls ...int64) ir.DataValue { return vec(ir.I8X16, ls...) }
	for _, tc := range []struct {
		name string
		op   ir.Opcode
		ty   ir.Type
		args []ir.DataValue
		want ir.DataValue
	}{
		{"pshufb", ir.OpX86Pshufb, ir.Invalid,
			[]ir.DataValue{i8x16(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25),
				i8x16(15, 0x80, 1, 0x11, 0xff, 3)},
			i8x16(25, 0, 11, 11, 0, 13, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10)},
		{"blendv", ir.OpX86Blendv, ir.Invalid,
			[]ir.DataValue{vec(ir.I32X4, -1, 0, 1<<31, 0x7fffffff), vec(ir.I32X4, 1, 2, 3, 4), vec(ir.I32X4, 5, 6, 7, 8)},
			vec(ir.I32X4, 1, 6, 3, 8)},
		{"pmulhrsw", ir.OpX86Pmulhrsw, ir.Invalid,
			[]ir.DataValue{vec(ir.I16X8, -32768, 16384, 3, -1), vec(ir.I16X8, -32768, 16384, 16384, 1)},
			vec(ir.I16X8, -32768, 8192, 2, 0)},
		{"pmaddubsw", ir.OpX86Pmaddubsw, ir.Invalid,
			[]ir.DataValue{i8x16(255, 255, 1, 2), i8x16(127, 127, -3, 4)},
			vec(ir.I16X8, 32767, 5)},
		{"cvtt2dq", ir.OpX86Cvtt2dq, ir.I32X4,
			[]ir.DataValue{f32s(-1.75, 3e9, float32(math.NaN()), 2.5)},
			vec(ir.I32X4, -1, -1<<31, -1<<31, 2)},
	} {
		got, err := runOne(t, ir.InstData{Opcode: tc.op}, tc.ty, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("%s = %v (%v), want %v", tc.name, got, err, tc.want)
		}
	}
}

func TestSIMDOps(t *testing.T) {
	for _, tc := range []struct {
		name string
		data ir.InstData
		ty   ir.Type
		args []ir.DataValue
		want ir.DataValue
	}{
		{"sqmul_round_sat", ir.InstData{Opcode: ir.OpSqmulRoundSat}, ir.Invalid,
			[]ir.DataValue{vec(ir.I16X8, -32768, 16384), vec(ir.I16X8, -32768, 16384)}, vec(ir.I16X8, 32767, 8192)},
		{"avg_round", ir.InstData{Opcode: ir.OpAvgRound}, ir.Invalid,
			[]ir.DataValue{vec(ir.I8X16, 255, 1, 2), vec(ir.I8X16, 255, 2, 2)}, vec(ir.I8X16, 255, 2, 2)},
		{"snarrow", ir.InstData{Opcode: ir.OpSnarrow}, ir.Invalid,
			[]ir.DataValue{vec(ir.I32X4, 70000, -70000, 5, -5), vec(ir.I32X4, 1)}, vec(ir.I16X8, 32767, -32768, 5, -5, 1)},
		{"unarrow", ir.InstData{Opcode: ir.OpUnarrow}, ir.Invalid,
			[]ir.DataValue{vec(ir.I16X8, 300, -1, 255), vec(ir.I16X8)}, vec(ir.I8X16, 255, 0, 255)},
		{"uunarrow", ir.InstData{Opcode: ir.OpUunarrow}, ir.Invalid,
			[]ir.DataValue{vec(ir.I16X8, 300, -1, 255), vec(ir.I16X8)}, vec(ir.I8X16, 255, 255, 255)},
		{"swiden_high", ir.InstData{Opcode: ir.OpSwidenHigh}, ir.Invalid,
			[]ir.DataValue{vec(ir.I8X16, 0, 0, 0, 0, 0, 0, 0, 0, -1, 2)}, vec(ir.I16X8, -1, 2)},
		{"iadd_pairwise", ir.InstData{Opcode: ir.OpIaddPairwise}, ir.Invalid,
			[]ir.DataValue{vec(ir.I32X4, 1, 2, 3, 4), vec(ir.I32X4, 5, 6, 7, 8)}, vec(ir.I32X4, 3, 7, 11, 15)},
		{"vhigh_bits", ir.InstData{Opcode: ir.OpVhighBits}, ir.I8,
			[]ir.DataValue{vec(ir.I32X4, -1, 0, -5, 1)}, ir.DataI8(5)},
		{"ishl lane-mod", ir.InstData{Opcode: ir.OpIshl}, ir.Invalid,
			[]ir.DataValue{vec(ir.I16X8, 1, 2), ir.DataI32(17)}, vec(ir.I16X8, 2, 4)},
		{"icmp vector", ir.InstData{Opcode: ir.OpIcmp, Code: uint8(ir.IntSLT)}, ir.Invalid,
			[]ir.DataValue{vec(ir.I64X2, -1, 5), vec(ir.I64X2, 0, 5)}, vec(ir.I64X2, -1, 0)},
		{"fcmp vector", ir.InstData{Opcode: ir.OpFcmp, Code: uint8(ir.FloatUno)}, ir.Invalid,
			[]ir.DataValue{f32s(1, float32(math.NaN())), f32s(1, 2)}, vec(ir.I32X4, 0, -1, 0, 0)},
		{"insertlane", ir.InstData{Opcode: ir.OpInsertlane, Code: 3}, ir.Invalid,
			[]ir.DataValue{vec(ir.I32X4, 1, 2, 3, 4), ir.DataI32(9)}, vec(ir.I32X4, 1, 2, 3, 9)},
		{"bmask vector", ir.InstData{Opcode: ir.OpBmask}, ir.I32X4,
			[]ir.DataValue{vec(ir.I32X4, 0, 7)}, vec(ir.I32X4, 0, -1)},
		{"bitcast big i16x8→i32x4", ir.InstData{Opcode: ir.OpBitcast, Flags: ir.MemBig}, ir.I32X4,
			[]ir.DataValue{vec(ir.I16X8, 0x1122, 0x3344)}, vec(ir.I32X4, 0x11223344)},
		{"bitcast little i16x8→i32x4", ir.InstData{Opcode: ir.OpBitcast, Flags: ir.MemLittle}, ir.I32X4,
			[]ir.DataValue{vec(ir.I16X8, 0x1122, 0x3344)}, vec(ir.I32X4, 0x33441122)},
	} {
		got, err := runOne(t, tc.data, tc.ty, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("%s = %v (%v), want %v", tc.name, got, err, tc.want)
		}
	}
}

// TestFloatPolicy pins down the NaN policy and single rounding.
func TestFloatPolicy(t *testing.T) {
	snan := ir.DataF32FromBits(0xff800001)
	for _, tc := range []struct {
		name string
		op   ir.Opcode
		args []ir.DataValue
		want ir.DataValue
	}{
		{"fadd NaN is canonical", ir.OpFadd, []ir.DataValue{snan, ir.DataF32(1)}, ir.DataF32FromBits(canonNaN32)},
		{"fneg keeps the payload", ir.OpFneg, []ir.DataValue{snan}, ir.DataF32FromBits(0x7f800001)},
		{"fmin -0 < +0", ir.OpFmin, []ir.DataValue{ir.DataF64(0), ir.DataF64(math.Copysign(0, -1))}, ir.DataF64(math.Copysign(0, -1))},
		{"fmax NaN wins", ir.OpFmax, []ir.DataValue{ir.DataF64(1), ir.DataF64(math.NaN())}, ir.DataF64FromBits(canonNaN64)},
		{"nearest ties to even", ir.OpNearest, []ir.DataValue{ir.DataF64(2.5)}, ir.DataF64(2)},
		{"fma f32 exact", ir.OpFma, []ir.DataValue{ir.DataF32(1 + 0x1p-23), ir.DataF32(1 + 0x1p-23), ir.DataF32(-1)}, ir.DataF32(0x1p-22 + 0x1p-46)},
		// The exact value 2^24+3-2^-46 lies just below an f32 tie; a float64
		// FMA would round it onto the tie and float32 would then round to
		// even (2^24+4). Rounded once it is 2^24+2.
		{"fma f32 no double rounding", ir.OpFma,
			[]ir.DataValue{ir.DataF32(1 + 0x1p-23), ir.DataF32(1 - 0x1p-23), ir.DataF32(0x1p24 + 2)},
			ir.DataF32(0x1p24 + 2)},
	} {
		got, err := runOne(t, ir.InstData{Opcode: tc.op}, ir.Invalid, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %v (%#x, %v), want %v (%#x)", tc.name, got, got.Lo, err, tc.want, tc.want.Lo)
		}
	}
}

func TestConversions(t *testing.T) {
	for _, tc := range []struct {
		op   ir.Opcode
		ty   ir.Type
		x    ir.DataValue
		want ir.DataValue
		trap ir.TrapCode
	}{
		{ir.OpFcvtToSint, ir.I32, ir.DataF64(-2147483648.9), ir.DataI32(-1 << 31), 0},
		{ir.OpFcvtToSint, ir.I32, ir.DataF64(2147483648), ir.DataValue{}, ir.TrapIntegerOverflow},
		{ir.OpFcvtToUint, ir.I8, ir.DataF32(float32(math.NaN())), ir.DataValue{}, ir.TrapBadConversionToInt},
		{ir.OpFcvtToUint, ir.I64, ir.DataF64(-0.99), ir.DataI64(0), 0},
		{ir.OpFcvtToUintSat, ir.I16, ir.DataF64(1e9), ir.DataI16(-1), 0},
		{ir.OpFcvtToSintSat, ir.I64, ir.DataF64(math.Inf(-1)), ir.DataI64(math.MinInt64), 0},
		{ir.OpFcvtFromUint, ir.F32, ir.DataI64(-1), ir.DataF32(0x1p64), 0},
		{ir.OpFcvtFromSint, ir.F64, ir.DataI128(1, 1<<63), ir.DataF64(-0x1p127), 0},
		{ir.OpFcvtFromSint, ir.F16, ir.DataI32(-70000), ir.DataF16FromBits(0xfc00), 0},
		{ir.OpFcvtFromUint, ir.F16, ir.DataI16(2049), ir.DataF16FromBits(0x6800), 0},
		{ir.OpFdemote, ir.F16, ir.DataF64(65519), ir.DataF16FromBits(0x7bff), 0},
		{ir.OpFpromote, ir.F64, ir.DataF16FromBits(0x0001), ir.DataF64(0x1p-24), 0},
	} {
		got, err := runOne(t, ir.InstData{Opcode: tc.op}, tc.ty, tc.x)
		var tr *Trap
		switch {
		case tc.trap != 0:
			if !errors.As(err, &tr) || tr.Code != tc.trap {
				t.Errorf("%s.%s(%v): err %v, want trap %s", tc.op, tc.ty, tc.x, err, tc.trap)
			}
		case err != nil || got != tc.want:
			t.Errorf("%s.%s(%v) = %v (%v), want %v", tc.op, tc.ty, tc.x, got, err, tc.want)
		}
	}
}

// TestFMA32AgainstExact compares the f32 fma fast path with the exact
// computation on random operands and on operands built to land near
// float32 midpoints.
func TestFMA32AgainstExact(t *testing.T) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint32 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return uint32(x)
	}
	for i := 0; i < 200000; i++ {
		a, b, c := next(), next(), next()
		if i%2 == 0 {
			// Similar exponents make cancellation and ties likelier.
			b = b&0x807fffff | 0x3f800000
			c = c&0x80ffffff | a&0x7f000000
		}
		if i%7 == 0 {
			a = 0x3f800001 // 1+2^-23
			b = 0x3f7ffffe // 1-2^-23
			c = next()&0x807fffff | 0x4b800000
		}
		fa, fb, fc := math.Float32frombits(a), math.Float32frombits(b), math.Float32frombits(c)
		xa, xb, xc := float64(fa), float64(fb), float64(fc)
		if xa != xa || xb != xb || xc != xc || math.IsInf(xa, 0) || math.IsInf(xb, 0) || math.IsInf(xc, 0) {
			continue
		}
		want, _ := exactFMA(xa, xb, xc).Float32()
		got, _ := fma(32, u128{uint64(a), 0}, u128{uint64(b), 0}, u128{uint64(c), 0})
		wb := fromF32(want).lo
		if math.Float32frombits(uint32(wb)) == 0 && math.Float32frombits(uint32(got.lo)) == 0 {
			continue // exact zero: big.Float's sign may differ from IEEE's (+0)
		}
		if got.lo != wb {
			t.Fatalf("fma(%#x, %#x, %#x) = %#x, exact rounding gives %#x", a, b, c, got.lo, wb)
		}
	}
}

func TestUnsupported(t *testing.T) {
	_, err := runOne(t, ir.InstData{Opcode: ir.OpGetReturnAddress}, ir.I64)
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "get_return_address") {
		t.Errorf("get_return_address: err = %v, want ErrUnsupported naming the opcode", err)
	}
	// Float arithmetic on integers (unverified code) is reported too.
	_, err = runOne(t, ir.InstData{Opcode: ir.OpFadd}, ir.Invalid, ir.DataI32(1), ir.DataI32(2))
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("fadd.i32: err = %v, want ErrUnsupported", err)
	}
}
