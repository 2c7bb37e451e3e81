package ir

import "testing"

func TestFormatIeee(t *testing.T) {
	for _, tc := range []struct {
		bits   int
		lo, hi uint64
		want   string
	}{
		{32, 0x3fc00000, 0, "0x1.800000p0"},
		{32, 0, 0, "0.0"},
		{32, 0x80000000, 0, "-0.0"},
		{32, 0x7f800000, 0, "+Inf"},
		{32, 0xff800000, 0, "-Inf"},
		{32, 0x7fc00000, 0, "+NaN"},
		{32, 0xffc00000, 0, "-NaN"},
		{32, 0x7fc00001, 0, "+NaN:0x1"},
		{32, 0x7f800001, 0, "+sNaN:0x1"},
		{32, 0x00000001, 0, "0x0.000002p-126"},
		{64, 0x3ff0000000000000, 0, "0x1.0000000000000p0"},
		{64, 0x0010000000000000, 0, "0x1.0000000000000p-1022"},
		{16, 0x3c00, 0, "0x1.000p0"},
		{128, 0, 0x3fff000000000000, "0x1.0000000000000000000000000000p0"},
	} {
		got := FormatIeee(tc.bits, tc.lo, tc.hi)
		if got != tc.want {
			t.Errorf("FormatIeee(%d, %#x) = %q, want %q", tc.bits, tc.lo, got, tc.want)
		}
		lo, hi, err := ParseIeee(got, tc.bits)
		if err != nil || lo != tc.lo || hi != tc.hi {
			t.Errorf("ParseIeee(%q) = %#x %#x %v", got, lo, hi, err)
		}
	}
	for _, tc := range []struct {
		s    string
		bits int
		want uint64
	}{
		{"0x1.5p3", 32, 0x41280000},
		{"0x10.0", 32, 0x41800000},
		{"-0x0.5", 64, 0xbfd4000000000000},
		{"0x1.p-1022", 64, 0x0010000000000000},
		{"NaN", 32, 0x7fc00000},
		{"Inf", 64, 0x7ff0000000000000},
		{"0x34.0p0", 32, 0x42500000},
	} {
		lo, _, err := ParseIeee(tc.s, tc.bits)
		if err != nil || lo != tc.want {
			t.Errorf("ParseIeee(%q) = %#x, %v; want %#x", tc.s, lo, err, tc.want)
		}
	}
	for _, bad := range []string{"1.5", "0x1.000001p0", "0x1p200", "+sNaN", "0x", "NaN:5", "0x1.0p"} {
		if _, _, err := ParseIeee(bad, 32); err == nil {
			t.Errorf("ParseIeee(%q) succeeded", bad)
		}
	}
}

func TestDataValue(t *testing.T) {
	if got := DataI8(-1); got.Lo != 0xff || got.String() != "-1" {
		t.Errorf("DataI8(-1) = %+v %s", got, got)
	}
	v := DataVec(I32X4, []DataValue{DataI32(1), DataI32(2), DataI32(-3), DataI32(4)})
	if v.Lo != 0x0000000200000001 || v.Hi != 0x00000004fffffffd {
		t.Errorf("vector layout %#x %#x", v.Lo, v.Hi)
	}
	if v.String() != "[1 2 -3 4]" || v.Lane(2).Int() != -3 {
		t.Errorf("vector %s", v)
	}
	b := v.Bytes()
	if b[0] != 1 || b[4] != 2 || b[15] != 0 || len(b) != 16 {
		t.Errorf("bytes % x", b)
	}
	if DataFromBytes(I32X4, b) != v {
		t.Error("DataFromBytes round trip")
	}
	if s := DataI128(^uint64(0), ^uint64(0)).String(); s != "-1" {
		t.Errorf("i128 -1 = %s", s)
	}
	if DataF32FromBits(0x80000000).Equal(DataF32FromBits(0)) {
		t.Error("-0.0 equal to 0.0 bitwise")
	}
	if s := DataF64(1.5).String(); s != "0x1.8000000000000p0" {
		t.Errorf("f64 1.5 = %s", s)
	}
}
