package wat

import "strings"

// immKind names the shape of an instruction's immediates in the text format
// and, equally, how they are encoded after the opcode.
type immKind uint8

const (
	immNone         immKind = iota
	immBlock                // block, loop, if: label? blocktype
	immTry                  // legacy try: label? blocktype
	immTryTable             // try_table: label? blocktype catch*
	immLabel                // br, br_if, br_on_null, br_on_non_null
	immBrTable              // label+
	immRethrow              // legacy rethrow: label
	immFunc                 // call, return_call, ref.func
	immCallIndirect         // table? typeuse
	immType                 // call_ref, struct.new, array.get, ...
	immLocal                // local.get/set/tee
	immGlobal               // global.get/set
	immTable                // table? (default 0)
	immTableCopy            // (table table)?
	immTableInit            // table? elem
	immElem                 // elem.drop
	immMem                  // memory? (default 0)
	immMemCopy              // (mem mem)?
	immMemInit              // mem? data
	immData                 // data.drop
	immMemarg               // mem? offset=? align=?
	immMemargLane           // mem? memarg lane
	immI32
	immI64
	immF32
	immF64
	immV128
	immShuffle  // 16 lane indices
	immLane     // one lane index
	immSelect   // (result t*)*
	immHeapType // ref.null
	immRefTest  // ref.test / ref.cast: reftype; opcode+1 for nullable
	immBrOnCast // label reftype reftype
	immField    // type field
	immTypeN    // type u32
	immTypeData // type data
	immTypeElem // type elem
	immTypeType // type type
	immTag      // throw
	immZeroByte // atomic.fence
)

// opInfo is one row of the instruction table.
type opInfo struct {
	name   string
	prefix byte   // 0 for single-byte opcodes, else 0xFB..0xFE
	code   uint32 // opcode (LEB u32 after a prefix)
	imm    immKind
	align  uint8 // log2 of the natural alignment for memory accesses
}

// opRun declares consecutive opcodes sharing a prefix and immediate shape.
// Names are space separated; "_" leaves a code unused. Reading a run is
// reading the spec's opcode table left to right.
type opRun struct {
	prefix byte
	first  uint32
	imm    immKind
	align  uint8
	names  string
}

var opRuns = []opRun{
	{0, 0x00, immNone, 0, "unreachable nop"},
	{0, 0x02, immBlock, 0, "block loop if"},
	{0, 0x06, immTry, 0, "try"},
	{0, 0x08, immTag, 0, "throw"},
	{0, 0x09, immRethrow, 0, "rethrow"},
	{0, 0x0a, immNone, 0, "throw_ref"},
	{0, 0x0c, immLabel, 0, "br br_if"},
	{0, 0x0e, immBrTable, 0, "br_table"},
	{0, 0x0f, immNone, 0, "return"},
	{0, 0x10, immFunc, 0, "call"},
	{0, 0x11, immCallIndirect, 0, "call_indirect"},
	{0, 0x12, immFunc, 0, "return_call"},
	{0, 0x13, immCallIndirect, 0, "return_call_indirect"},
	{0, 0x14, immType, 0, "call_ref return_call_ref"},
	{0, 0x1a, immNone, 0, "drop"},
	{0, 0x1b, immSelect, 0, "select"},
	{0, 0x1f, immTryTable, 0, "try_table"},
	{0, 0x20, immLocal, 0, "local.get local.set local.tee"},
	{0, 0x23, immGlobal, 0, "global.get global.set"},
	{0, 0x25, immTable, 0, "table.get table.set"},
	{0, 0x28, immMemarg, 2, "i32.load"},
	{0, 0x29, immMemarg, 3, "i64.load"},
	{0, 0x2a, immMemarg, 2, "f32.load"},
	{0, 0x2b, immMemarg, 3, "f64.load"},
	{0, 0x2c, immMemarg, 0, "i32.load8_s i32.load8_u"},
	{0, 0x2e, immMemarg, 1, "i32.load16_s i32.load16_u"},
	{0, 0x30, immMemarg, 0, "i64.load8_s i64.load8_u"},
	{0, 0x32, immMemarg, 1, "i64.load16_s i64.load16_u"},
	{0, 0x34, immMemarg, 2, "i64.load32_s i64.load32_u"},
	{0, 0x36, immMemarg, 2, "i32.store"},
	{0, 0x37, immMemarg, 3, "i64.store"},
	{0, 0x38, immMemarg, 2, "f32.store"},
	{0, 0x39, immMemarg, 3, "f64.store"},
	{0, 0x3a, immMemarg, 0, "i32.store8"},
	{0, 0x3b, immMemarg, 1, "i32.store16"},
	{0, 0x3c, immMemarg, 0, "i64.store8"},
	{0, 0x3d, immMemarg, 1, "i64.store16"},
	{0, 0x3e, immMemarg, 2, "i64.store32"},
	{0, 0x3f, immMem, 0, "memory.size memory.grow"},
	{0, 0x41, immI32, 0, "i32.const"},
	{0, 0x42, immI64, 0, "i64.const"},
	{0, 0x43, immF32, 0, "f32.const"},
	{0, 0x44, immF64, 0, "f64.const"},
	{0, 0x45, immNone, 0, "i32.eqz i32.eq i32.ne i32.lt_s i32.lt_u i32.gt_s i32.gt_u i32.le_s i32.le_u i32.ge_s i32.ge_u " +
		"i64.eqz i64.eq i64.ne i64.lt_s i64.lt_u i64.gt_s i64.gt_u i64.le_s i64.le_u i64.ge_s i64.ge_u " +
		"f32.eq f32.ne f32.lt f32.gt f32.le f32.ge f64.eq f64.ne f64.lt f64.gt f64.le f64.ge " +
		"i32.clz i32.ctz i32.popcnt i32.add i32.sub i32.mul i32.div_s i32.div_u i32.rem_s i32.rem_u " +
		"i32.and i32.or i32.xor i32.shl i32.shr_s i32.shr_u i32.rotl i32.rotr " +
		"i64.clz i64.ctz i64.popcnt i64.add i64.sub i64.mul i64.div_s i64.div_u i64.rem_s i64.rem_u " +
		"i64.and i64.or i64.xor i64.shl i64.shr_s i64.shr_u i64.rotl i64.rotr " +
		"f32.abs f32.neg f32.ceil f32.floor f32.trunc f32.nearest f32.sqrt f32.add f32.sub f32.mul f32.div f32.min f32.max f32.copysign " +
		"f64.abs f64.neg f64.ceil f64.floor f64.trunc f64.nearest f64.sqrt f64.add f64.sub f64.mul f64.div f64.min f64.max f64.copysign " +
		"i32.wrap_i64 i32.trunc_f32_s i32.trunc_f32_u i32.trunc_f64_s i32.trunc_f64_u i64.extend_i32_s i64.extend_i32_u " +
		"i64.trunc_f32_s i64.trunc_f32_u i64.trunc_f64_s i64.trunc_f64_u f32.convert_i32_s f32.convert_i32_u " +
		"f32.convert_i64_s f32.convert_i64_u f32.demote_f64 f64.convert_i32_s f64.convert_i32_u f64.convert_i64_s " +
		"f64.convert_i64_u f64.promote_f32 i32.reinterpret_f32 i64.reinterpret_f64 f32.reinterpret_i32 f64.reinterpret_i64 " +
		"i32.extend8_s i32.extend16_s i64.extend8_s i64.extend16_s i64.extend32_s"},
	{0, 0xd0, immHeapType, 0, "ref.null"},
	{0, 0xd1, immNone, 0, "ref.is_null"},
	{0, 0xd2, immFunc, 0, "ref.func"},
	{0, 0xd3, immNone, 0, "ref.eq ref.as_non_null"},
	{0, 0xd5, immLabel, 0, "br_on_null br_on_non_null"},

	// 0xFB: GC.
	{0xfb, 0x00, immType, 0, "struct.new struct.new_default"},
	{0xfb, 0x02, immField, 0, "struct.get struct.get_s struct.get_u struct.set"},
	{0xfb, 0x06, immType, 0, "array.new array.new_default"},
	{0xfb, 0x08, immTypeN, 0, "array.new_fixed"},
	{0xfb, 0x09, immTypeData, 0, "array.new_data"},
	{0xfb, 0x0a, immTypeElem, 0, "array.new_elem"},
	{0xfb, 0x0b, immType, 0, "array.get array.get_s array.get_u array.set"},
	{0xfb, 0x0f, immNone, 0, "array.len"},
	{0xfb, 0x10, immType, 0, "array.fill"},
	{0xfb, 0x11, immTypeType, 0, "array.copy"},
	{0xfb, 0x12, immTypeData, 0, "array.init_data"},
	{0xfb, 0x13, immTypeElem, 0, "array.init_elem"},
	{0xfb, 0x14, immRefTest, 0, "ref.test"},
	{0xfb, 0x16, immRefTest, 0, "ref.cast"},
	{0xfb, 0x18, immBrOnCast, 0, "br_on_cast br_on_cast_fail"},
	{0xfb, 0x1a, immNone, 0, "any.convert_extern extern.convert_any ref.i31 i31.get_s i31.get_u"},

	// 0xFC: saturating truncation, bulk memory and tables.
	{0xfc, 0x00, immNone, 0, "i32.trunc_sat_f32_s i32.trunc_sat_f32_u i32.trunc_sat_f64_s i32.trunc_sat_f64_u " +
		"i64.trunc_sat_f32_s i64.trunc_sat_f32_u i64.trunc_sat_f64_s i64.trunc_sat_f64_u"},
	{0xfc, 0x08, immMemInit, 0, "memory.init"},
	{0xfc, 0x09, immData, 0, "data.drop"},
	{0xfc, 0x0a, immMemCopy, 0, "memory.copy"},
	{0xfc, 0x0b, immMem, 0, "memory.fill"},
	{0xfc, 0x0c, immTableInit, 0, "table.init"},
	{0xfc, 0x0d, immElem, 0, "elem.drop"},
	{0xfc, 0x0e, immTableCopy, 0, "table.copy"},
	{0xfc, 0x0f, immTable, 0, "table.grow table.size table.fill"},

	// 0xFD: SIMD.
	{0xfd, 0x00, immMemarg, 4, "v128.load"},
	{0xfd, 0x01, immMemarg, 3, "v128.load8x8_s v128.load8x8_u v128.load16x4_s v128.load16x4_u v128.load32x2_s v128.load32x2_u"},
	{0xfd, 0x07, immMemarg, 0, "v128.load8_splat"},
	{0xfd, 0x08, immMemarg, 1, "v128.load16_splat"},
	{0xfd, 0x09, immMemarg, 2, "v128.load32_splat"},
	{0xfd, 0x0a, immMemarg, 3, "v128.load64_splat"},
	{0xfd, 0x0b, immMemarg, 4, "v128.store"},
	{0xfd, 0x0c, immV128, 0, "v128.const"},
	{0xfd, 0x0d, immShuffle, 0, "i8x16.shuffle"},
	{0xfd, 0x0e, immNone, 0, "i8x16.swizzle i8x16.splat i16x8.splat i32x4.splat i64x2.splat f32x4.splat f64x2.splat"},
	{0xfd, 0x15, immLane, 0, "i8x16.extract_lane_s i8x16.extract_lane_u i8x16.replace_lane " +
		"i16x8.extract_lane_s i16x8.extract_lane_u i16x8.replace_lane i32x4.extract_lane i32x4.replace_lane " +
		"i64x2.extract_lane i64x2.replace_lane f32x4.extract_lane f32x4.replace_lane f64x2.extract_lane f64x2.replace_lane"},
	{0xfd, 0x23, immNone, 0, "i8x16.eq i8x16.ne i8x16.lt_s i8x16.lt_u i8x16.gt_s i8x16.gt_u i8x16.le_s i8x16.le_u i8x16.ge_s i8x16.ge_u " +
		"i16x8.eq i16x8.ne i16x8.lt_s i16x8.lt_u i16x8.gt_s i16x8.gt_u i16x8.le_s i16x8.le_u i16x8.ge_s i16x8.ge_u " +
		"i32x4.eq i32x4.ne i32x4.lt_s i32x4.lt_u i32x4.gt_s i32x4.gt_u i32x4.le_s i32x4.le_u i32x4.ge_s i32x4.ge_u " +
		"f32x4.eq f32x4.ne f32x4.lt f32x4.gt f32x4.le f32x4.ge f64x2.eq f64x2.ne f64x2.lt f64x2.gt f64x2.le f64x2.ge " +
		"v128.not v128.and v128.andnot v128.or v128.xor v128.bitselect v128.any_true"},
	{0xfd, 0x54, immMemargLane, 0, "v128.load8_lane"},
	{0xfd, 0x55, immMemargLane, 1, "v128.load16_lane"},
	{0xfd, 0x56, immMemargLane, 2, "v128.load32_lane"},
	{0xfd, 0x57, immMemargLane, 3, "v128.load64_lane"},
	{0xfd, 0x58, immMemargLane, 0, "v128.store8_lane"},
	{0xfd, 0x59, immMemargLane, 1, "v128.store16_lane"},
	{0xfd, 0x5a, immMemargLane, 2, "v128.store32_lane"},
	{0xfd, 0x5b, immMemargLane, 3, "v128.store64_lane"},
	{0xfd, 0x5c, immMemarg, 2, "v128.load32_zero"},
	{0xfd, 0x5d, immMemarg, 3, "v128.load64_zero"},
	{0xfd, 0x5e, immNone, 0, "f32x4.demote_f64x2_zero f64x2.promote_low_f32x4 " +
		"i8x16.abs i8x16.neg i8x16.popcnt i8x16.all_true i8x16.bitmask i8x16.narrow_i16x8_s i8x16.narrow_i16x8_u " +
		"f32x4.ceil f32x4.floor f32x4.trunc f32x4.nearest i8x16.shl i8x16.shr_s i8x16.shr_u " +
		"i8x16.add i8x16.add_sat_s i8x16.add_sat_u i8x16.sub i8x16.sub_sat_s i8x16.sub_sat_u f64x2.ceil f64x2.floor " +
		"i8x16.min_s i8x16.min_u i8x16.max_s i8x16.max_u f64x2.trunc i8x16.avgr_u " +
		"i16x8.extadd_pairwise_i8x16_s i16x8.extadd_pairwise_i8x16_u i32x4.extadd_pairwise_i16x8_s i32x4.extadd_pairwise_i16x8_u " +
		"i16x8.abs i16x8.neg i16x8.q15mulr_sat_s i16x8.all_true i16x8.bitmask i16x8.narrow_i32x4_s i16x8.narrow_i32x4_u " +
		"i16x8.extend_low_i8x16_s i16x8.extend_high_i8x16_s i16x8.extend_low_i8x16_u i16x8.extend_high_i8x16_u " +
		"i16x8.shl i16x8.shr_s i16x8.shr_u i16x8.add i16x8.add_sat_s i16x8.add_sat_u i16x8.sub i16x8.sub_sat_s i16x8.sub_sat_u " +
		"f64x2.nearest i16x8.mul i16x8.min_s i16x8.min_u i16x8.max_s i16x8.max_u _ i16x8.avgr_u " +
		"i16x8.extmul_low_i8x16_s i16x8.extmul_high_i8x16_s i16x8.extmul_low_i8x16_u i16x8.extmul_high_i8x16_u " +
		"i32x4.abs i32x4.neg _ i32x4.all_true i32x4.bitmask _ _ " +
		"i32x4.extend_low_i16x8_s i32x4.extend_high_i16x8_s i32x4.extend_low_i16x8_u i32x4.extend_high_i16x8_u " +
		"i32x4.shl i32x4.shr_s i32x4.shr_u i32x4.add _ _ i32x4.sub _ _ _ i32x4.mul i32x4.min_s i32x4.min_u i32x4.max_s i32x4.max_u " +
		"i32x4.dot_i16x8_s _ i32x4.extmul_low_i16x8_s i32x4.extmul_high_i16x8_s i32x4.extmul_low_i16x8_u i32x4.extmul_high_i16x8_u " +
		"i64x2.abs i64x2.neg _ i64x2.all_true i64x2.bitmask _ _ " +
		"i64x2.extend_low_i32x4_s i64x2.extend_high_i32x4_s i64x2.extend_low_i32x4_u i64x2.extend_high_i32x4_u " +
		"i64x2.shl i64x2.shr_s i64x2.shr_u i64x2.add _ _ i64x2.sub _ _ _ i64x2.mul " +
		"i64x2.eq i64x2.ne i64x2.lt_s i64x2.gt_s i64x2.le_s i64x2.ge_s " +
		"i64x2.extmul_low_i32x4_s i64x2.extmul_high_i32x4_s i64x2.extmul_low_i32x4_u i64x2.extmul_high_i32x4_u " +
		"f32x4.abs f32x4.neg _ f32x4.sqrt f32x4.add f32x4.sub f32x4.mul f32x4.div f32x4.min f32x4.max f32x4.pmin f32x4.pmax " +
		"f64x2.abs f64x2.neg _ f64x2.sqrt f64x2.add f64x2.sub f64x2.mul f64x2.div f64x2.min f64x2.max f64x2.pmin f64x2.pmax " +
		"i32x4.trunc_sat_f32x4_s i32x4.trunc_sat_f32x4_u f32x4.convert_i32x4_s f32x4.convert_i32x4_u " +
		"i32x4.trunc_sat_f64x2_s_zero i32x4.trunc_sat_f64x2_u_zero f64x2.convert_low_i32x4_s f64x2.convert_low_i32x4_u " +
		// Relaxed SIMD continues at 0x100.
		"i8x16.relaxed_swizzle i32x4.relaxed_trunc_f32x4_s i32x4.relaxed_trunc_f32x4_u " +
		"i32x4.relaxed_trunc_f64x2_s_zero i32x4.relaxed_trunc_f64x2_u_zero f32x4.relaxed_madd f32x4.relaxed_nmadd " +
		"f64x2.relaxed_madd f64x2.relaxed_nmadd i8x16.relaxed_laneselect i16x8.relaxed_laneselect " +
		"i32x4.relaxed_laneselect i64x2.relaxed_laneselect f32x4.relaxed_min f32x4.relaxed_max " +
		"f64x2.relaxed_min f64x2.relaxed_max i16x8.relaxed_q15mulr_s i16x8.relaxed_dot_i8x16_i7x16_s " +
		"i32x4.relaxed_dot_i8x16_i7x16_add_s"},

	// 0xFE: threads.
	{0xfe, 0x00, immMemarg, 2, "memory.atomic.notify memory.atomic.wait32"},
	{0xfe, 0x02, immMemarg, 3, "memory.atomic.wait64"},
	{0xfe, 0x03, immZeroByte, 0, "atomic.fence"},
	{0xfe, 0x10, immMemarg, 2, "i32.atomic.load"},
	{0xfe, 0x11, immMemarg, 3, "i64.atomic.load"},
	{0xfe, 0x12, immMemarg, 0, "i32.atomic.load8_u"},
	{0xfe, 0x13, immMemarg, 1, "i32.atomic.load16_u"},
	{0xfe, 0x14, immMemarg, 0, "i64.atomic.load8_u"},
	{0xfe, 0x15, immMemarg, 1, "i64.atomic.load16_u"},
	{0xfe, 0x16, immMemarg, 2, "i64.atomic.load32_u"},
	{0xfe, 0x17, immMemarg, 2, "i32.atomic.store"},
	{0xfe, 0x18, immMemarg, 3, "i64.atomic.store"},
	{0xfe, 0x19, immMemarg, 0, "i32.atomic.store8"},
	{0xfe, 0x1a, immMemarg, 1, "i32.atomic.store16"},
	{0xfe, 0x1b, immMemarg, 0, "i64.atomic.store8"},
	{0xfe, 0x1c, immMemarg, 1, "i64.atomic.store16"},
	{0xfe, 0x1d, immMemarg, 2, "i64.atomic.store32"},
}

// rmwOps are the read-modify-write families, each seven opcodes wide
// starting at 0xFE 0x1E: i32, i64, i32 8-bit, i32 16-bit, i64 8/16/32-bit.
var rmwOps = []string{"add", "sub", "and", "or", "xor", "xchg", "cmpxchg"}

// opTable maps instruction names to their rows, built from opRuns and
// rmwOps at init. The block-structure keywords (end, else, catch,
// catch_all, delegate) are not instructions and are not in it.
var opTable = map[string]*opInfo{}

func init() {
	for _, r := range opRuns {
		code := r.first
		for _, n := range strings.Fields(r.names) {
			if n != "_" {
				opTable[n] = &opInfo{name: n, prefix: r.prefix, code: code, imm: r.imm, align: r.align}
			}
			code++
		}
	}
	code := uint32(0x1e)
	for _, op := range rmwOps {
		suffix := op
		for _, v := range []struct {
			name  string
			align uint8
		}{
			{"i32.atomic.rmw." + suffix, 2}, {"i64.atomic.rmw." + suffix, 3},
			{"i32.atomic.rmw8." + suffix + "_u", 0}, {"i32.atomic.rmw16." + suffix + "_u", 1},
			{"i64.atomic.rmw8." + suffix + "_u", 0}, {"i64.atomic.rmw16." + suffix + "_u", 1},
			{"i64.atomic.rmw32." + suffix + "_u", 2},
		} {
			opTable[v.name] = &opInfo{name: v.name, prefix: 0xfe, code: code, imm: immMemarg, align: v.align}
			code++
		}
	}
}
