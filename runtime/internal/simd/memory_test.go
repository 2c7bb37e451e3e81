package simd

import (
	"math"
	"testing"
)

func testMem() []byte {
	m := make([]byte, 64)
	for i := range m {
		m[i] = byte(i)
	}
	return m
}

func TestIsMemory(t *testing.T) {
	mem := []uint32{opV128Load, opV128Load8x8S, opV128Load8x8U, opV128Load16x4S, opV128Load16x4U, opV128Load32x2S,
		opV128Load32x2U, opV128Load8Splat, opV128Load16Splat, opV128Load32Splat, opV128Load64Splat, opV128Store,
		opV128Load8Lane, opV128Load16Lane, opV128Load32Lane, opV128Load64Lane, opV128Store8Lane, opV128Store16Lane,
		opV128Store32Lane, opV128Store64Lane, opV128Load32Zero, opV128Load64Zero}
	is := map[uint32]bool{}
	for _, s := range mem {
		is[s] = true
	}
	for sub := uint32(0); sub < 0x200; sub++ {
		if IsMemory(sub) != is[sub] {
			t.Errorf("IsMemory(%#x) = %v", sub, IsMemory(sub))
		}
		if IsMemory(sub) && Known(sub) {
			t.Errorf("%#x is both a memory operator and known to Exec", sub)
		}
	}
}

func TestMemoryLoads(t *testing.T) {
	mem := testMem()
	cases := []struct {
		name   string
		sub    uint32
		addr   uint64
		offset uint64
		want   v128
	}{
		{"v128.load", opV128Load, 1, 2, v128{0x0a09080706050403, 0x1211100f0e0d0c0b}},
		{"v128.load at the end", opV128Load, 40, 8, v128{0x3736353433323130, 0x3f3e3d3c3b3a3938}},
		{"load8x8_s", opV128Load8x8S, 0, 0, i16(0, 1, 2, 3, 4, 5, 6, 7)},
		{"load8x8_u", opV128Load8x8U, 56, 0, i16(56, 57, 58, 59, 60, 61, 62, 63)},
		{"load16x4_s", opV128Load16x4S, 2, 0, i32(0x0302, 0x0504, 0x0706, 0x0908)},
		{"load32x2_u", opV128Load32x2U, 0, 4, i64(0x07060504, 0x0b0a0908)},
		{"load8_splat", opV128Load8Splat, 63, 0, splat8(63)},
		{"load16_splat", opV128Load16Splat, 0, 10, i16(0x0b0a, 0x0b0a, 0x0b0a, 0x0b0a, 0x0b0a, 0x0b0a, 0x0b0a, 0x0b0a)},
		{"load32_splat", opV128Load32Splat, 60, 0, i32(0x3f3e3d3c, 0x3f3e3d3c, 0x3f3e3d3c, 0x3f3e3d3c)},
		{"load64_splat", opV128Load64Splat, 8, 0, i64(0x0f0e0d0c0b0a0908, 0x0f0e0d0c0b0a0908)},
		{"load32_zero", opV128Load32Zero, 4, 0, i64(0x07060504, 0)},
		{"load64_zero", opV128Load64Zero, 56, 0, i64(0x3f3e3d3c3b3a3938, 0)},
	}
	for _, c := range cases {
		s := []uint64{99, c.addr, 0}
		sp, ok := Memory(c.sub, c.offset, 0, mem, false, s, 2)
		if !ok || sp != 3 {
			t.Errorf("%s: sp %d ok %v", c.name, sp, ok)
			continue
		}
		if got := (v128{s[1], s[2]}); got != c.want || s[0] != 99 {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
	// Sign extension of the extending loads.
	neg := []byte{0x80, 0xff, 0xfe, 0x7f, 0x00, 0x80, 0xff, 0xff}
	for _, c := range []struct {
		sub  uint32
		want v128
	}{
		{opV128Load8x8S, i16(-128, -1, -2, 127, 0, -128, -1, -1)},
		{opV128Load8x8U, i16(128, 255, 254, 127, 0, 128, 255, 255)},
		{opV128Load16x4S, i32(-128, 0x7ffe, -32768, -1)},
		{opV128Load16x4U, i32(0xff80, 0x7ffe, 0x8000, 0xffff)},
		{opV128Load32x2S, i64(0x000000007ffeff80, 0xffffffffffff8000)},
		{opV128Load32x2U, i64(0x7ffeff80, 0xffff8000)},
	} {
		s := []uint64{0, 0}
		if _, ok := Memory(c.sub, 0, 0, neg, false, s, 1); !ok || (v128{s[0], s[1]}) != c.want {
			t.Errorf("%#x: got %v, want %v", c.sub, v128{s[0], s[1]}, c.want)
		}
	}
}

func TestMemoryStoresAndLanes(t *testing.T) {
	mem := make([]byte, 32)
	v := v128{0x0807060504030201, 0x100f0e0d0c0b0a09}
	s := []uint64{3, v.lo, v.hi}
	if sp, ok := Memory(opV128Store, 13, 0, mem, false, s, 3); !ok || sp != 0 {
		t.Fatalf("v128.store: sp %d ok %v", sp, ok)
	}
	for i := 0; i < 16; i++ {
		if mem[16+i] != byte(i+1) {
			t.Fatalf("v128.store: mem %x", mem)
		}
	}
	// Store lanes.
	for _, c := range []struct {
		sub  uint32
		lane byte
		want []byte
	}{
		{opV128Store8Lane, 15, []byte{0x10}},
		{opV128Store16Lane, 3, []byte{0x07, 0x08}},
		{opV128Store32Lane, 2, []byte{0x09, 0x0a, 0x0b, 0x0c}},
		{opV128Store64Lane, 1, []byte{0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10}},
	} {
		m := make([]byte, 12)
		s := []uint64{1, v.lo, v.hi}
		if sp, ok := Memory(c.sub, 1, c.lane, m, false, s, 3); !ok || sp != 0 {
			t.Errorf("%#x: sp %d ok %v", c.sub, sp, ok)
		}
		if string(m[2:2+len(c.want)]) != string(c.want) || m[1] != 0 || m[2+len(c.want)] != 0 {
			t.Errorf("%#x lane %d: mem %x", c.sub, c.lane, m)
		}
	}
	// Load lanes replace one lane and keep the rest.
	src := []byte{0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x11, 0x22}
	for _, c := range []struct {
		sub  uint32
		lane byte
		want v128
	}{
		{opV128Load8Lane, 0, v128{0x08070605040302aa, v.hi}},
		{opV128Load8Lane, 15, v128{v.lo, 0xaa0f0e0d0c0b0a09}},
		{opV128Load16Lane, 1, v128{0x08070605bbaa0201, v.hi}},
		{opV128Load32Lane, 3, v128{v.lo, 0xddccbbaa0c0b0a09}},
		{opV128Load64Lane, 0, v128{0x2211ffeeddccbbaa, v.hi}},
	} {
		s := []uint64{0, v.lo, v.hi}
		sp, ok := Memory(c.sub, 0, c.lane, src, false, s, 3)
		if !ok || sp != 2 || (v128{s[0], s[1]}) != c.want {
			t.Errorf("%#x lane %d: sp %d ok %v got %v, want %v", c.sub, c.lane, sp, ok, v128{s[0], s[1]}, c.want)
		}
	}
}

func TestMemoryBounds(t *testing.T) {
	mem := make([]byte, 64)
	cases := []struct {
		name   string
		sub    uint32
		addr   uint64
		offset uint64
		mem64  bool
		ok     bool
	}{
		{"load at last 16 bytes", opV128Load, 48, 0, false, true},
		{"load one past", opV128Load, 49, 0, false, false},
		{"load via offset one past", opV128Load, 0, 49, false, false},
		{"load at len", opV128Load, 64, 0, false, false},
		{"load8_splat last byte", opV128Load8Splat, 63, 0, false, true},
		{"load8_splat at len", opV128Load8Splat, 0, 64, false, false},
		{"load64_zero", opV128Load64Zero, 56, 0, false, true},
		{"load64_zero one past", opV128Load64Zero, 57, 0, false, false},
		{"load32_zero", opV128Load32Zero, 60, 0, false, true},
		{"load32_zero one past", opV128Load32Zero, 61, 0, false, false},
		{"i32 address ignores the slot's high bits", opV128Load, 1<<32 | 8, 0, false, true},
		{"i32 address 0xffffffff", opV128Load, 0xffffffff, 0, false, false},
		{"i32 address + offset beyond 4 GiB", opV128Load, 0xffffffff, 0xffffffff, false, false},
		{"i64 address", opV128Load, 1<<32 | 8, 0, true, false},
		{"i64 address + offset overflows", opV128Load, 0xfffffffffffffff0, 0x20, true, false},
		{"i64 offset overflow to a small address", opV128Load8Splat, 1, ^uint64(0), true, false},
		{"store at last 16", opV128Store, 48, 0, false, true},
		{"store one past", opV128Store, 47, 2, false, false},
		{"store64_lane at end", opV128Store64Lane, 56, 0, false, true},
		{"store64_lane one past", opV128Store64Lane, 57, 0, false, false},
		{"load16_lane one past", opV128Load16Lane, 63, 0, false, false},
		{"load16_lane", opV128Load16Lane, 62, 0, false, true},
	}
	for _, c := range cases {
		s := []uint64{7, c.addr, 1, 2}
		sp := 2
		switch c.sub {
		case opV128Store, opV128Store64Lane, opV128Load16Lane:
			sp = 4
		}
		_, ok := Memory(c.sub, c.offset, 0, mem, c.mem64, s, sp)
		if ok != c.ok {
			t.Errorf("%s: ok = %v, want %v", c.name, ok, c.ok)
		}
	}
	// An empty memory has no valid access.
	if _, ok := Memory(opV128Load8Splat, 0, 0, nil, false, []uint64{0, 0}, 1); ok {
		t.Error("load from empty memory succeeded")
	}
}

func TestMemoryStack(t *testing.T) {
	mem := make([]byte, 64)
	cases := []struct {
		name string
		sub  uint32
		s    []uint64
		sp   int
	}{
		{"not a memory op", opI8x16Add, make([]uint64, 8), 4},
		{"load with empty stack", opV128Load, make([]uint64, 4), 0},
		{"load with no room for the result", opV128Load, make([]uint64, 1), 1},
		{"store with two slots", opV128Store, make([]uint64, 4), 2},
		{"lane load with two slots", opV128Load32Lane, make([]uint64, 4), 2},
		{"sp beyond the slice", opV128Load, make([]uint64, 2), 3},
	}
	for _, c := range cases {
		if sp, ok := Memory(c.sub, 0, 0, mem, false, c.s, c.sp); sp != -1 || ok {
			t.Errorf("%s: got (%d, %v), want (-1, false)", c.name, sp, ok)
		}
	}
	_ = math.MaxInt
}
