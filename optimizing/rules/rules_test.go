package rules

import (
	"testing"

	"kiln/ir"
)

// The helpers carry wasm/CLIF integer semantics; the edge cases are where
// a folding rule would go wrong.
func TestHelpers(t *testing.T) {
	i8, i32, i64 := ir.I8, ir.I32, ir.I64
	for _, tc := range []struct {
		name      string
		got, want uint64
	}{
		{"mask i8", mask(i8, 0x1ff), 0xff},
		{"mask i64", mask(i64, ^uint64(0)), ^uint64(0)},
		{"sext i8 0x80", uint64(sext(i8, 0x80)), uint64(0xffffffffffffff80)},
		{"shamt i32 33", shamt(i32, 33), 1},
		{"shamt i8 8", shamt(i8, 8), 0},
		{"rotl i8 0x81 by 1", rotl(i8, 0x81, 1), 0x03},
		{"rotl i32 by 32", rotl(i32, 0x12345678, 32), 0x12345678},
		{"clz i32 1", clz(i32, 1), 31},
		{"clz i8 0", clz(i8, 0), 8},
		{"ctz i32 0", ctz(i32, 0), 32},
		{"bswap i32", bswap(i32, 0x11223344), 0x44332211},
		{"bitrev i8 1", bitrev(i8, 1), 0x80},
		{"sdiv i32 -7/2", sdiv(i32, mask(i32, uint64(0xfffffff9)), 2), 0xfffffffd},
		{"srem i32 -7%2", srem(i32, 0xfffffff9, 2), 0xffffffff},
		{"smin i8", smin(i8, 0x80, 0x7f), 0x80},
		{"smax i8", smax(i8, 0x80, 0x7f), 0x7f},
		{"ones i16", ones(ir.I16), 0xffff},
		{"log2 64", log2(64), 6},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %#x, want %#x", tc.name, tc.got, tc.want)
		}
	}
	if sdivOK(i32, 0x80000000, 0xffffffff) || sdivOK(i32, 5, 0) || !sdivOK(i32, 0x80000000, 2) {
		t.Error("sdivOK must reject division by zero and INT_MIN / -1 only")
	}
	if !icmp(ir.IntSLT, i8, 0xff, 0) || icmp(ir.IntULT, i8, 0xff, 0) {
		t.Error("icmp must compare signed and unsigned at the type's width")
	}
	if !isPow2(1) || isPow2(0) || isPow2(6) {
		t.Error("isPow2")
	}
	if isInt(ir.I128) || isInt(ir.I32X4) || !isInt(ir.I8) {
		t.Error("isInt: scalar integers of at most 64 bits")
	}
}

// Every rule file registers its functions; the table is not empty for the
// opcodes the topics cover.
func TestTableRegistered(t *testing.T) {
	for _, op := range []ir.Opcode{ir.OpIadd, ir.OpIsub, ir.OpImul, ir.OpBand, ir.OpIshl, ir.OpIcmp,
		ir.OpSelect, ir.OpUextend, ir.OpIreduce, ir.OpUdiv, ir.OpSrem} {
		if len(All()[op]) == 0 {
			t.Errorf("no rules rooted at %s", op)
		}
	}
}
