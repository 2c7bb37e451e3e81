package simd

import "testing"

func TestIntArith(t *testing.T) {
	runV(t, []vcase{
		{"i8x16.add wraps", opI8x16Add, []any{i8(127, -128, 255, 1), i8(1, -1, 1, 2)}, i8(-128, 127, 0, 3)},
		{"i8x16.sub wraps", opI8x16Sub, []any{i8(-128, 0, 5), i8(1, 1, 7)}, i8(127, -1, -2)},
		{"i8x16.add_sat_s", opI8x16AddSatS, []any{i8(127, -128, 100, -100, 5), i8(1, -1, 100, -100, -3)}, i8(127, -128, 127, -128, 2)},
		{"i8x16.add_sat_u", opI8x16AddSatU, []any{i8(255, 200, 1), i8(1, 100, 2)}, i8(255, 255, 3)},
		{"i8x16.sub_sat_s", opI8x16SubSatS, []any{i8(-128, 127, 0), i8(1, -1, -128)}, i8(-128, 127, 127)},
		{"i8x16.sub_sat_u", opI8x16SubSatU, []any{i8(0, 5, 255), i8(1, 3, 255)}, i8(0, 2, 0)},
		{"i8x16.min_s/u", opI8x16MinS, []any{i8(-1, 5, -128), i8(1, 4, 127)}, i8(-1, 4, -128)},
		{"i8x16.min_u", opI8x16MinU, []any{i8(-1, 5, -128), i8(1, 4, 127)}, i8(1, 4, 127)},
		{"i8x16.max_s", opI8x16MaxS, []any{i8(-1, 5, -128), i8(1, 4, 127)}, i8(1, 5, 127)},
		{"i8x16.max_u", opI8x16MaxU, []any{i8(-1, 5, -128), i8(1, 4, 127)}, i8(255, 5, 128)},
		{"i8x16.avgr_u rounds up", opI8x16AvgrU, []any{i8(255, 0, 1, 2), i8(255, 1, 2, 2)}, i8(255, 1, 2, 2)},
		{"i8x16.avgr_u 0 255", opI8x16AvgrU, []any{i8(0), i8(255)}, i8(128)},
		{"i16x8.add wraps", opI16x8Add, []any{i16(32767, -1), i16(1, 1)}, i16(-32768, 0)},
		{"i16x8.mul wraps", opI16x8Mul, []any{i16(256, -2, 181), i16(256, 3, 181)}, i16(0, -6, 32761)},
		{"i16x8.add_sat_s", opI16x8AddSatS, []any{i16(32767, -32768, 30000), i16(1, -1, -30001)}, i16(32767, -32768, -1)},
		{"i16x8.add_sat_u", opI16x8AddSatU, []any{i16(65535, 65000), i16(1, 535)}, i16(65535, 65535)},
		{"i16x8.sub_sat_s", opI16x8SubSatS, []any{i16(-32768, 32767), i16(1, -1)}, i16(-32768, 32767)},
		{"i16x8.sub_sat_u", opI16x8SubSatU, []any{i16(1, 65535), i16(2, 1)}, i16(0, 65534)},
		{"i16x8.min_s", opI16x8MinS, []any{i16(-32768, 1), i16(32767, 0)}, i16(-32768, 0)},
		{"i16x8.max_u", opI16x8MaxU, []any{i16(-32768, 1), i16(32767, 0)}, i16(32768, 1)},
		{"i16x8.avgr_u", opI16x8AvgrU, []any{i16(65535, 3), i16(65535, 4)}, i16(65535, 4)},
		{"i32x4.add/sub/mul", opI32x4Mul, []any{i32(0x10000, -1, 3, 0x7fffffff), i32(0x10000, -1, -3, 2)}, i32(0, 1, -9, -2)},
		{"i32x4.min_u", opI32x4MinU, []any{i32(-1, 0), i32(1, 0)}, i32(1, 0)},
		{"i32x4.max_s", opI32x4MaxS, []any{i32(-1, -2147483648), i32(1, 2147483647)}, i32(1, 2147483647)},
		{"i64x2.add wraps", opI64x2Add, []any{i64(1<<63, ^uint64(0)), i64(1<<63, 2)}, i64(0, 1)},
		{"i64x2.sub", opI64x2Sub, []any{i64(0, 5), i64(1, 7)}, i64(^uint64(0), ^uint64(1))},
		{"i64x2.mul", opI64x2Mul, []any{i64(1<<32, ^uint64(0)), i64(1<<32, ^uint64(0))}, i64(0, 1)},
	})
}

func TestIntUnary(t *testing.T) {
	runV(t, []vcase{
		{"i8x16.abs of -128 stays", opI8x16Abs, []any{i8(-128, -1, 5, 0)}, i8(-128, 1, 5, 0)},
		{"i8x16.neg", opI8x16Neg, []any{i8(-128, 1, 0, 127)}, i8(-128, -1, 0, -127)},
		{"i8x16.popcnt", opI8x16Popcnt, []any{i8(0, 1, 0xff, 0x55, 0x80, 0x0f)}, i8(0, 1, 8, 4, 1, 4)},
		{"i16x8.abs", opI16x8Abs, []any{i16(-32768, -2, 3)}, i16(-32768, 2, 3)},
		{"i16x8.neg", opI16x8Neg, []any{i16(-32768, 2)}, i16(-32768, -2)},
		{"i32x4.abs", opI32x4Abs, []any{i32(-2147483648, -7, 7, 0)}, i32(-2147483648, 7, 7, 0)},
		{"i32x4.neg", opI32x4Neg, []any{i32(1, 0, -2147483648, -1)}, i32(-1, 0, -2147483648, 1)},
		{"i64x2.abs", opI64x2Abs, []any{i64(1<<63, ^uint64(4))}, i64(1<<63, 5)},
		{"i64x2.neg", opI64x2Neg, []any{i64(1, 0)}, i64(^uint64(0), 0)},
		{"v128.not", opV128Not, []any{i64(0, 0xff00)}, i64(^uint64(0), ^uint64(0xff00))},
		{"i16x8.extadd_pairwise_i8x16_s", opI16x8ExtaddPairwiseI8x16S,
			[]any{i8(-128, -128, 127, 127, -1, 1, 3, 4)}, i16(-256, 254, 0, 7)},
		{"i16x8.extadd_pairwise_i8x16_u", opI16x8ExtaddPairwiseI8x16U,
			[]any{i8(255, 255, 127, 128, 1, 2)}, i16(510, 255, 3)},
		{"i32x4.extadd_pairwise_i16x8_s", opI32x4ExtaddPairwiseI16x8S,
			[]any{i16(-32768, -32768, 32767, 32767, -1, 0)}, i32(-65536, 65534, -1)},
		{"i32x4.extadd_pairwise_i16x8_u", opI32x4ExtaddPairwiseI16x8U,
			[]any{i16(65535, 65535, 1, 2)}, i32(131070, 3)},
	})
}

func TestShifts(t *testing.T) {
	runV(t, []vcase{
		{"i8x16.shl 1", opI8x16Shl, []any{i8(0x81, 1), uint64(1)}, i8(0x02, 2)},
		{"i8x16.shl by 8 is by 0", opI8x16Shl, []any{i8(0x81, 1), uint64(8)}, i8(0x81, 1)},
		{"i8x16.shl by 9 is by 1", opI8x16Shl, []any{i8(0x81, 1), uint64(9)}, i8(0x02, 2)},
		{"i8x16.shr_s by 7", opI8x16ShrS, []any{i8(-128, 127, -1), uint64(7)}, i8(-1, 0, -1)},
		{"i8x16.shr_s by 15 is by 7", opI8x16ShrS, []any{i8(-128, 127), uint64(15)}, i8(-1, 0)},
		{"i8x16.shr_u by 7", opI8x16ShrU, []any{i8(-128, 127), uint64(7)}, i8(1, 0)},
		{"i8x16.shr_u by 0xffffffff is by 7", opI8x16ShrU, []any{i8(-128), uint64(0xffffffff)}, i8(1)},
		{"i16x8.shl by 16 is by 0", opI16x8Shl, []any{i16(0x8001), uint64(16)}, i16(0x8001)},
		{"i16x8.shl by 17", opI16x8Shl, []any{i16(0x8001), uint64(17)}, i16(0x0002)},
		{"i16x8.shr_s by 15", opI16x8ShrS, []any{i16(-32768, 32767), uint64(15)}, i16(-1, 0)},
		{"i16x8.shr_u by 31 is by 15", opI16x8ShrU, []any{i16(-32768), uint64(31)}, i16(1)},
		{"i32x4.shl by 32 is by 0", opI32x4Shl, []any{i32(3), uint64(32)}, i32(3)},
		{"i32x4.shl by 33", opI32x4Shl, []any{i32(-2147483647), uint64(33)}, i32(2)},
		{"i32x4.shr_s by 63 is by 31", opI32x4ShrS, []any{i32(-2, 5), uint64(63)}, i32(-1, 0)},
		{"i32x4.shr_u by 1", opI32x4ShrU, []any{i32(-1), uint64(1)}, i32(0x7fffffff)},
		{"i64x2.shl by 64 is by 0", opI64x2Shl, []any{i64(3, 1<<63), uint64(64)}, i64(3, 1<<63)},
		{"i64x2.shl by 65", opI64x2Shl, []any{i64(3, 1<<63), uint64(65)}, i64(6, 0)},
		{"i64x2.shr_s by 63", opI64x2ShrS, []any{i64(1<<63, 1<<62), uint64(63)}, i64(^uint64(0), 0)},
		{"i64x2.shr_u by 127 is by 63", opI64x2ShrU, []any{i64(1<<63, 1<<62), uint64(127)}, i64(1, 0)},
		{"count uses only the i32 slot's low bits", opI64x2ShrU, []any{i64(8, 8), uint64(1<<40 | 1)}, i64(4, 4)},
	})
}

func TestBitwise(t *testing.T) {
	a, b := i64(0xff00ff00ff00ff00, 0x0123456789abcdef), i64(0x0ff00ff00ff00ff0, 0xffffffff00000000)
	runV(t, []vcase{
		{"and", opV128And, []any{a, b}, i64(0x0f000f000f000f00, 0x0123456700000000)},
		{"andnot", opV128Andnot, []any{a, b}, i64(0xf000f000f000f000, 0x0000000089abcdef)},
		{"or", opV128Or, []any{a, b}, i64(0xfff0fff0fff0fff0, 0xffffffff89abcdef)},
		{"xor", opV128Xor, []any{a, b}, i64(0xf0f0f0f0f0f0f0f0, 0xfedcba9889abcdef)},
		{"bitselect", opV128Bitselect, []any{i64(^uint64(0), 0), i64(0, ^uint64(0)), i64(0xf0f0, 0xff)},
			i64(0xf0f0, 0xffffffffffffff00)},
	})
}

func TestCompareInt(t *testing.T) {
	T, F := -1, 0
	runV(t, []vcase{
		{"i8x16.eq", opI8x16Eq, []any{i8(1, 2, -1), i8(1, 3, 255)}, i8(T, F, T, T, T, T, T, T, T, T, T, T, T, T, T, T)},
		{"i8x16.ne", opI8x16Ne, []any{i8(1, 2), i8(1, 3)}, i8(F, T)},
		{"i8x16.lt_s", opI8x16LtS, []any{i8(-1, 1, 0), i8(1, -1, 0)}, i8(T, F, F)},
		{"i8x16.lt_u", opI8x16LtU, []any{i8(-1, 1, 0), i8(1, -1, 0)}, i8(F, T, F)},
		{"i8x16.gt_s", opI8x16GtS, []any{i8(-1, 1, 0), i8(1, -1, 0)}, i8(F, T, F)},
		{"i8x16.gt_u", opI8x16GtU, []any{i8(-1, 1, 0), i8(1, -1, 0)}, i8(T, F, F)},
		{"i8x16.le_s", opI8x16LeS, []any{i8(-1, 1, 0), i8(1, -1, 0)}, i8(T, F, T, T, T, T, T, T, T, T, T, T, T, T, T, T)},
		{"i8x16.ge_u", opI8x16GeU, []any{i8(-1, 1, 0), i8(1, -1, 0)}, i8(T, F, T, T, T, T, T, T, T, T, T, T, T, T, T, T)},
		{"i16x8.lt_s", opI16x8LtS, []any{i16(-32768, 32767), i16(32767, -32768)}, i16(T, F)},
		{"i16x8.gt_u", opI16x8GtU, []any{i16(-32768, 32767), i16(32767, -32768)}, i16(T, F)},
		{"i16x8.le_u", opI16x8LeU, []any{i16(-32768, 32767), i16(32767, -32768)}, i16(F, T, T, T, T, T, T, T)},
		{"i16x8.ge_s", opI16x8GeS, []any{i16(-32768, 32767), i16(32767, -32768)}, i16(F, T, T, T, T, T, T, T)},
		{"i32x4.lt_u", opI32x4LtU, []any{i32(-1, 0, 5, 5), i32(0, -1, 5, 6)}, i32(0, -1, 0, -1)},
		{"i32x4.ge_s", opI32x4GeS, []any{i32(-1, 0, 5, 5), i32(0, -1, 5, 6)}, i32(0, -1, -1, 0)},
		{"i64x2.eq", opI64x2Eq, []any{i64(1, 2), i64(1, 3)}, i64(^uint64(0), 0)},
		{"i64x2.ne", opI64x2Ne, []any{i64(1, 2), i64(1, 3)}, i64(0, ^uint64(0))},
		{"i64x2.lt_s", opI64x2LtS, []any{i64(1<<63, 1), i64(0, 1<<63)}, i64(^uint64(0), 0)},
		{"i64x2.gt_s", opI64x2GtS, []any{i64(1<<63, 1), i64(0, 1<<63)}, i64(0, ^uint64(0))},
		{"i64x2.le_s", opI64x2LeS, []any{i64(5, 1), i64(5, 1<<63)}, i64(^uint64(0), 0)},
		{"i64x2.ge_s", opI64x2GeS, []any{i64(5, 1), i64(6, 1<<63)}, i64(0, ^uint64(0))},
	})
}

func TestMulFamilies(t *testing.T) {
	runV(t, []vcase{
		// q15mulr: (a·b + 0x4000) >> 15, saturated.
		{"q15mulr_sat_s", opI16x8Q15mulrSatS,
			[]any{i16(-32768, 16384, 16384, -16384, 1, 3), i16(-32768, 16384, 2, 1, 16384, 16384)},
			i16(32767, 8192, 1, 0, 1, 2)},
		{"relaxed_q15mulr_s", opI16x8RelaxedQ15mulrS, []any{i16(-32768), i16(-32768)}, i16(32767)},
		// dot: pairs of i16 products, the -32768² pair wraps.
		{"dot_i16x8_s", opI32x4DotI16x8S,
			[]any{i16(-32768, -32768, 1, 2, -3, 4, 32767, 32767), i16(-32768, -32768, 3, 4, 5, 6, 32767, 32767)},
			i32(-2147483648, 11, 9, 2147352578)},
		{"extmul_low_i8x16_s", opI16x8ExtmulLowI8x16S, []any{i8(-128, 127, -1, 0, 0, 0, 0, 0, 9), i8(-128, -128, -1, 5)},
			i16(16384, -16256, 1, 0)},
		{"extmul_high_i8x16_s", opI16x8ExtmulHighI8x16S,
			[]any{i8(0, 0, 0, 0, 0, 0, 0, 0, -128, 2), i8(0, 0, 0, 0, 0, 0, 0, 0, 127, -3)}, i16(-16256, -6)},
		{"extmul_low_i8x16_u", opI16x8ExtmulLowI8x16U, []any{i8(255, 2), i8(255, 128)}, i16(65025, 256)},
		{"extmul_high_i8x16_u", opI16x8ExtmulHighI8x16U,
			[]any{i8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255), i8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255)},
			i16(0, 0, 0, 0, 0, 0, 0, 65025)},
		{"extmul_low_i16x8_s", opI32x4ExtmulLowI16x8S, []any{i16(-32768, -1), i16(-32768, 32767)}, i32(1073741824, -32767)},
		{"extmul_high_i16x8_u", opI32x4ExtmulHighI16x8U, []any{i16(0, 0, 0, 0, 65535), i16(0, 0, 0, 0, 65535)}, i32(-131071)},
		{"extmul_low_i32x4_s", opI64x2ExtmulLowI32x4S, []any{i32(-2147483648, -1), i32(-2147483648, 2)},
			i64(1<<62, ^uint64(1))},
		{"extmul_high_i32x4_u", opI64x2ExtmulHighI32x4U, []any{i32(0, 0, -1, 2), i32(0, 0, -1, 3)},
			i64(0xfffffffe00000001, 6)},
		{"extmul_high_i32x4_s", opI64x2ExtmulHighI32x4S, []any{i32(0, 0, -1, 2), i32(0, 0, -1, 3)}, i64(1, 6)},
		{"extmul_low_i32x4_u", opI64x2ExtmulLowI32x4U, []any{i32(-1), i32(2)}, i64(0x1fffffffe, 0)},
	})
}

func TestTests(t *testing.T) {
	cases := []struct {
		name string
		sub  uint32
		in   v128
		want uint64
	}{
		{"any_true zero", opV128AnyTrue, v128{}, 0},
		{"any_true high bit", opV128AnyTrue, i64(0, 1<<63), 1},
		{"i8x16.all_true one zero lane", opI8x16AllTrue, i8(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0), 0},
		{"i8x16.all_true", opI8x16AllTrue, splat8(0x80), 1},
		{"i8x16.all_true 0x0100 lanes", opI8x16AllTrue, i64(0x0101010101010100, 0x0101010101010101), 0},
		{"i16x8.all_true lane of 0x0100 counts", opI16x8AllTrue, i16(0x100, 1, 1, 1, 1, 1, 1, 0x8000), 1},
		{"i16x8.all_true zero lane", opI16x8AllTrue, i16(0x100, 1, 1, 1, 0, 1, 1, 1), 0},
		{"i32x4.all_true", opI32x4AllTrue, i32(1<<31, 1<<16, 1, 0x100), 1},
		{"i32x4.all_true zero lane", opI32x4AllTrue, i32(1, 1, 0, 1), 0},
		{"i64x2.all_true", opI64x2AllTrue, i64(1<<40, 1), 1},
		{"i64x2.all_true zero", opI64x2AllTrue, i64(1<<40, 0), 0},
		{"i8x16.bitmask", opI8x16Bitmask, i8(-1, 0, 0x80, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1), 0x8005},
		{"i16x8.bitmask", opI16x8Bitmask, i16(-1, 0x7fff, 0, 0, 0, 0, 0x8000, 0x8000), 0xc1},
		{"i32x4.bitmask", opI32x4Bitmask, i32(0, -1, 0x7fffffff, -2147483648), 0xa},
		{"i64x2.bitmask", opI64x2Bitmask, i64(1<<63, 1<<62), 1},
	}
	for _, c := range cases {
		if got := execS(t, c.sub, nil, c.in); got != c.want {
			t.Errorf("%s: got %#x, want %#x", c.name, got, c.want)
		}
	}
}

func TestNarrowExtend(t *testing.T) {
	runV(t, []vcase{
		{"i8x16.narrow_i16x8_s", opI8x16NarrowI16x8S,
			[]any{i16(-129, -128, 127, 128, -32768, 32767, 0, -1), i16(1, 2, 3, 4, 5, 6, 7, 300)},
			i8(-128, -128, 127, 127, -128, 127, 0, -1, 1, 2, 3, 4, 5, 6, 7, 127)},
		{"i8x16.narrow_i16x8_u", opI8x16NarrowI16x8U,
			[]any{i16(-1, 0, 255, 256, -32768, 32767, 128, 1), i16(-5, 300)},
			i8(0, 0, 255, 255, 0, 255, 128, 1, 0, 255)},
		{"i16x8.narrow_i32x4_s", opI16x8NarrowI32x4S,
			[]any{i32(-32769, 32768, -2147483648, 2147483647), i32(-32768, 32767, 1, -1)},
			i16(-32768, 32767, -32768, 32767, -32768, 32767, 1, -1)},
		{"i16x8.narrow_i32x4_u", opI16x8NarrowI32x4U,
			[]any{i32(-1, 65536, 65535, 0), i32(-2147483648, 2147483647, 32768, 7)},
			i16(0, 65535, 65535, 0, 0, 65535, 32768, 7)},
		{"i16x8.extend_low_i8x16_s", opI16x8ExtendLowI8x16S, []any{i8(-1, 127, -128, 0, 0, 0, 0, 0, 5)}, i16(-1, 127, -128)},
		{"i16x8.extend_high_i8x16_s", opI16x8ExtendHighI8x16S, []any{i8(5, 5, 5, 5, 5, 5, 5, 5, -1, 127, -128)}, i16(-1, 127, -128)},
		{"i16x8.extend_low_i8x16_u", opI16x8ExtendLowI8x16U, []any{i8(-1, 127, -128)}, i16(255, 127, 128)},
		{"i16x8.extend_high_i8x16_u", opI16x8ExtendHighI8x16U, []any{i8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1)},
			i16(0, 0, 0, 0, 0, 0, 0, 255)},
		{"i32x4.extend_low_i16x8_s", opI32x4ExtendLowI16x8S, []any{i16(-1, -32768, 32767, 1)}, i32(-1, -32768, 32767, 1)},
		{"i32x4.extend_high_i16x8_u", opI32x4ExtendHighI16x8U, []any{i16(0, 0, 0, 0, -1, -32768, 32767, 1)},
			i32(65535, 32768, 32767, 1)},
		{"i32x4.extend_high_i16x8_s", opI32x4ExtendHighI16x8S, []any{i16(0, 0, 0, 0, -1, -32768)}, i32(-1, -32768)},
		{"i32x4.extend_low_i16x8_u", opI32x4ExtendLowI16x8U, []any{i16(-1)}, i32(65535)},
		{"i64x2.extend_low_i32x4_s", opI64x2ExtendLowI32x4S, []any{i32(-1, -2147483648)}, i64(^uint64(0), 0xffffffff80000000)},
		{"i64x2.extend_high_i32x4_s", opI64x2ExtendHighI32x4S, []any{i32(0, 0, 7, -7)}, i64(7, ^uint64(6))},
		{"i64x2.extend_low_i32x4_u", opI64x2ExtendLowI32x4U, []any{i32(-1, -2147483648)}, i64(0xffffffff, 0x80000000)},
		{"i64x2.extend_high_i32x4_u", opI64x2ExtendHighI32x4U, []any{i32(0, 0, -1, 1)}, i64(0xffffffff, 1)},
	})
}

// TestSWARMatchesLanes checks the word-parallel fast paths of Exec
// against the lane loops of the family functions on random and boundary
// operands.
func TestSWARMatchesLanes(t *testing.T) {
	ref := map[uint32]func(uint32, v128, v128) v128{
		opI8x16Add: i8x16Binary, opI8x16Sub: i8x16Binary,
		opI16x8Add: i16x8Binary, opI16x8Sub: i16x8Binary,
		opI32x4Add: i32x4Binary, opI32x4Sub: i32x4Binary, opI32x4Mul: i32x4Binary,
		opI64x2Add: i64x2Binary, opI64x2Sub: i64x2Binary,
	}
	words := []uint64{0, ^uint64(0), h8, ^uint64(h8), h16, h32, 0x7f7f7f7f7f7f7f7f, 0x0101010101010101, 0x00ff00ff00ff00ff}
	x := uint64(0x9e3779b97f4a7c15)
	for i := 0; i < 2000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		words = append(words, x)
	}
	for sub, f := range ref {
		for i := 0; i+3 < len(words); i++ {
			a, b := v128{words[i], words[i+1]}, v128{words[i+2], words[(i*7)%len(words)]}
			st := []uint64{a.lo, a.hi, b.lo, b.hi}
			if Exec(sub, nil, st, 4) != 2 {
				t.Fatalf("%#x: bad sp", sub)
			}
			if got, want := (v128{st[0], st[1]}), f(sub, a, b); got != want {
				t.Fatalf("%#x(%v, %v): got %v, want %v", sub, a, b, got, want)
			}
		}
	}
}
