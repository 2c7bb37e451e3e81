package simd

import (
	"math"
	"testing"
)

func TestConversions(t *testing.T) {
	runV(t, []vcase{
		// trunc_sat: NaN → 0, ±inf and out of range → the bound, truncation toward zero.
		{"trunc_sat_f32x4_s special", opI32x4TruncSatF32x4S, []any{w32(pNaN32, inf32b, ninf32b, sNaN32|1<<31)},
			i32(0, 2147483647, -2147483648, 0)},
		{"trunc_sat_f32x4_s range", opI32x4TruncSatF32x4S, []any{f32(2147483648, -2147483648, -2147483904, 2147483520)},
			i32(2147483647, -2147483648, -2147483648, 2147483520)},
		{"trunc_sat_f32x4_s fractions", opI32x4TruncSatF32x4S, []any{f32(-1.9, 1.9, -0.5, negZero32)}, i32(-1, 1, 0, 0)},
		{"trunc_sat_f32x4_u special", opI32x4TruncSatF32x4U, []any{w32(pNaN32, inf32b, ninf32b, mone32)},
			i32(0, -1, 0, 0)},
		{"trunc_sat_f32x4_u range", opI32x4TruncSatF32x4U, []any{f32(4294967296, 4294967040, -0.9, 1.9)},
			i32(-1, 4294967040, 0, 1)},
		{"trunc_sat_f64x2_s_zero", opI32x4TruncSatF64x2SZero, []any{f64(math.NaN(), -2147483648.9)}, i32(0, -2147483648, 0, 0)},
		{"trunc_sat_f64x2_s_zero range", opI32x4TruncSatF64x2SZero, []any{f64(2147483647.9, -2147483649)},
			i32(2147483647, -2147483648, 0, 0)},
		{"trunc_sat_f64x2_s_zero inf", opI32x4TruncSatF64x2SZero, []any{f64(math.Inf(1), math.Inf(-1))},
			i32(2147483647, -2147483648, 0, 0)},
		{"trunc_sat_f64x2_u_zero", opI32x4TruncSatF64x2UZero, []any{f64(4294967295.9, 4294967296)}, i32(-1, -1, 0, 0)},
		{"trunc_sat_f64x2_u_zero neg", opI32x4TruncSatF64x2UZero, []any{f64(-1, math.NaN())}, i32(0, 0, 0, 0)},
		{"relaxed_trunc_f32x4_s", opI32x4RelaxedTruncF32x4S, []any{f32(-1.5, 1e10, -1e10, 3)}, i32(-1, 2147483647, -2147483648, 3)},
		{"relaxed_trunc_f32x4_s NaN is 0 (trunc_sat)", opI32x4RelaxedTruncF32x4S, []any{w32(pNaN32, nNaN32, sNaN32, inf32b)},
			i32(0, 0, 0, 2147483647)},
		{"relaxed_trunc_f64x2_u_zero NaN is 0", opI32x4RelaxedTruncF64x2UZero, []any{i64(pNaN64, sNaN64)}, i32(0, 0, 0, 0)},
		{"relaxed_trunc_f32x4_u", opI32x4RelaxedTruncF32x4U, []any{f32(-1.5, 1e10, 3.9)}, i32(0, -1, 3)},
		{"relaxed_trunc_f64x2_s_zero", opI32x4RelaxedTruncF64x2SZero, []any{f64(-7.5, 1e10)}, i32(-7, 2147483647)},
		{"relaxed_trunc_f64x2_u_zero", opI32x4RelaxedTruncF64x2UZero, []any{f64(7.5, 1e10)}, i32(7, -1)},
		// convert: round to nearest even.
		{"convert_i32x4_s", opF32x4ConvertI32x4S, []any{i32(-1, 16777217, 2147483647, -2147483648)},
			f32(-1, 16777216, 2147483648, -2147483648)},
		{"convert_i32x4_s ties", opF32x4ConvertI32x4S, []any{i32(16777219, 16777221)}, f32(16777220, 16777220)},
		{"convert_i32x4_u", opF32x4ConvertI32x4U, []any{i32(-1, 16777217, -2147483648, 0)},
			f32(4294967296, 16777216, 2147483648, 0)},
		{"convert_i32x4_u ties", opF32x4ConvertI32x4U, []any{i32(4294967168, 4294967040)}, f32(4294967296, 4294967040)},
		{"convert_low_i32x4_s", opF64x2ConvertLowI32x4S, []any{i32(-2147483648, -1, 5, 6)}, f64(-2147483648, -1)},
		{"convert_low_i32x4_u", opF64x2ConvertLowI32x4U, []any{i32(-1, 2147483648, 5, 6)}, f64(4294967295, 2147483648)},
		// demote/promote.
		{"demote_f64x2_zero", opF32x4DemoteF64x2Zero, []any{f64(0.1, 1e300)}, w32(0x3dcccccd, inf32b, 0, 0)},
		{"demote tiny/neg zero", opF32x4DemoteF64x2Zero, []any{f64(1e-50, negZero64)}, w32(0, negZ32, 0, 0)},
		{"demote ties to even", opF32x4DemoteF64x2Zero, []any{f64(1+1.0/(1<<24), 1+3.0/(1<<24))}, w32(one32, 0x3f800002, 0, 0)},
		{"demote NaN", opF32x4DemoteF64x2Zero, []any{i64(sNaN64, pNaN64|1<<63)}, w32(pNaN32, nNaN32, 0, 0)},
		{"promote_low_f32x4", opF64x2PromoteLowF32x4, []any{f32(0.1, -inf32, 7, 8)}, i64(0x3fb99999a0000000, 0xfff0000000000000)},
		{"promote NaN", opF64x2PromoteLowF32x4, []any{w32(sNaN32, nNaN32)}, i64(pNaN64, pNaN64|1<<63)},
	})
}
