package ir

import "testing"

func TestTypeProperties(t *testing.T) {
	tests := []struct {
		s                     string
		bits, lanes, laneBits int
		isInt, isFloat, isVec bool
	}{
		{"i8", 8, 1, 8, true, false, false},
		{"i128", 128, 1, 128, true, false, false},
		{"f16", 16, 1, 16, false, true, false},
		{"f128", 128, 1, 128, false, true, false},
		{"i8x16", 128, 16, 8, true, false, true},
		{"i32x2", 64, 2, 32, true, false, true},
		{"i8x4", 32, 4, 8, true, false, true},
		{"i16x2", 32, 2, 16, true, false, true},
		{"f64x2", 128, 2, 64, false, true, true},
		{"f16x8", 128, 8, 16, false, true, true},
	}
	for _, tc := range tests {
		ty, ok := ParseType(tc.s)
		if !ok {
			t.Fatalf("ParseType(%q) failed", tc.s)
		}
		if ty.String() != tc.s || ty.Bits() != tc.bits || ty.LaneCount() != tc.lanes || ty.LaneBits() != tc.laneBits ||
			ty.IsInt() != tc.isInt || ty.IsFloat() != tc.isFloat || ty.IsVector() != tc.isVec {
			t.Errorf("%s: got %s bits=%d lanes=%d laneBits=%d int=%v float=%v vec=%v", tc.s, ty, ty.Bits(), ty.LaneCount(), ty.LaneBits(), ty.IsInt(), ty.IsFloat(), ty.IsVector())
		}
	}
	for _, bad := range []string{"", "i7", "i64x4", "i8x32", "i32x3", "x4", "i32x", "i32x04", "b1", "f32x0", "i128x2"} {
		if ty, ok := ParseType(bad); ok {
			t.Errorf("ParseType(%q) = %s, want failure", bad, ty)
		}
	}
}

func TestTypeDerivations(t *testing.T) {
	for _, tc := range []struct{ got, want Type }{
		{I32X4.AsTruthy(), I32X4},
		{F64X2.AsTruthy(), I64X2},
		{F32.AsTruthy(), I8},
		{I16X8.SplitLanes(), I8X16},
		{I8X16.MergeLanes(), I16X8},
		{F64X2.SplitLanes(), F32X4},
		{F32X4.MergeLanes(), F64X2},
		{I64.HalfWidth(), I32},
		{I64.DoubleWidth(), I128},
		{I128.DoubleWidth(), Invalid},
		{I8X16.MergeLanes().MergeLanes(), I32X4},
		{I32.ByLanes(8), Invalid},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
}

func TestOpcodeTable(t *testing.T) {
	for op := Opcode(1); op < numOpcodes; op++ {
		got, ok := LookupOpcode(op.String())
		if !ok || got != op {
			t.Errorf("LookupOpcode(%q) = %v, %v", op, got, ok)
		}
		info := op.Info()
		if info.Ctrl == CtrlOperand && op.Format().FixedArgs() >= 0 && int(info.CtrlArg) >= op.Format().FixedArgs() {
			t.Errorf("%s: controlling argument %d out of range", op, info.CtrlArg)
		}
		if info.Result == ResFixed && info.Fixed == Invalid {
			t.Errorf("%s: ResFixed without a type", op)
		}
	}
	if !OpIadd.IsPure() || OpLoad.IsPure() || OpCall.IsPure() || OpUdiv.IsPure() {
		t.Error("purity flags wrong")
	}
	if _, ok := LookupOpcode("iadd_imm"); ok {
		t.Error("removed opcode iadd_imm found")
	}
}

func TestMemFlags(t *testing.T) {
	var f MemFlags
	for _, w := range []string{"notrap", "aligned", "little"} {
		if !f.setFlagWord(w) {
			t.Fatal(w)
		}
	}
	f = f.WithRegion(3)
	if got := f.String(); got != " notrap aligned little region3" {
		t.Errorf("got %q", got)
	}
	if !f.NoTrap() || f.Endianness() != LittleEndian {
		t.Error("flag queries wrong")
	}
	if got := MemFlags(0).WithTrapCode(UserTrap(7)).String(); got != " user7" {
		t.Errorf("got %q", got)
	}
}

func TestDynamicTypes(t *testing.T) {
	d := I16X8.Dynamic()
	if !d.IsDynamic() || d.Fixed() != I16X8 || d.String() != "i16x8xN" || d.LaneCount() != 8 {
		t.Fatalf("dynamic i16x8: %s lanes=%d", d, d.LaneCount())
	}
	if got, ok := ParseType("i16x8xN"); !ok || got != d {
		t.Errorf("ParseType(i16x8xN) = %s, %v", got, ok)
	}
	if d.SplitLanes() != I8X16.Dynamic() || d.MergeLanes() != I32X4.Dynamic() || d.AsTruthy() != d {
		t.Errorf("derivations lose the dynamic flag: %s %s %s", d.SplitLanes(), d.MergeLanes(), d.AsTruthy())
	}
	if I32.Dynamic() != Invalid {
		t.Error("scalar made dynamic")
	}
	for _, bad := range []string{"i32xN", "i32x4xNxN", "i32x4xn"} {
		if _, ok := ParseType(bad); ok {
			t.Errorf("ParseType(%q) succeeded", bad)
		}
	}
}
