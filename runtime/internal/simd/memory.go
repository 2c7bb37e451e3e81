package simd

import "encoding/binary"

// IsMemory reports whether sub is a SIMD memory operator: v128.load, the
// extending loads, the splat and zero loads, v128.store, and the lane
// loads and stores. Those go through Memory, everything else through Exec.
func IsMemory(sub uint32) bool {
	return sub <= opV128Store || sub >= opV128Load8Lane && sub <= opV128Load64Zero
}

// accessSize is the number of bytes each memory operator touches.
var accessSize = [...]uint8{
	opV128Load: 16, opV128Load8x8S: 8, opV128Load8x8U: 8, opV128Load16x4S: 8, opV128Load16x4U: 8,
	opV128Load32x2S: 8, opV128Load32x2U: 8, opV128Load8Splat: 1, opV128Load16Splat: 2,
	opV128Load32Splat: 4, opV128Load64Splat: 8, opV128Store: 16,
	opV128Load8Lane: 1, opV128Load16Lane: 2, opV128Load32Lane: 4, opV128Load64Lane: 8,
	opV128Store8Lane: 1, opV128Store16Lane: 2, opV128Store32Lane: 4, opV128Store64Lane: 8,
	opV128Load32Zero: 4, opV128Load64Zero: 8,
}

// Memory evaluates the SIMD memory operator sub. It pops the address (an
// i32 zero-extended in its slot, or an i64 when mem64) and, for v128.store
// and the lane operators, the v128 operand above it; the effective address
// is addr + offset, and an overflowing sum is out of bounds. It checks the
// whole access against len(mem), performs it little-endian, pushes the
// result if any, and returns the new sp and true. lane is the lane
// immediate of the lane operators (taken modulo the lane count).
//
// It returns false when the access is out of bounds (the caller traps;
// the stack content is then unspecified), and (-1, false) when sub is not
// a memory operator or the stack is too short. It never panics.
func Memory(sub uint32, offset uint64, lane byte, mem []byte, mem64 bool, s []uint64, sp int) (int, bool) {
	if !IsMemory(sub) || sp > len(s) {
		return -1, false
	}
	// Slots popped: the address, plus two for a v128 operand.
	pop, push := 1, 2
	switch {
	case sub == opV128Store || sub >= opV128Store8Lane && sub <= opV128Store64Lane:
		pop, push = 3, 0
	case sub >= opV128Load8Lane && sub <= opV128Load64Lane:
		pop = 3
	}
	if sp < pop || sp-pop+push > len(s) {
		return -1, false
	}
	base := sp - pop
	addr := s[base]
	if !mem64 {
		addr = uint64(uint32(addr))
	}
	ea := addr + offset
	n := uint64(accessSize[sub])
	if ea < addr || ea > uint64(len(mem)) || uint64(len(mem))-ea < n {
		return sp, false
	}
	m := mem[ea : ea+n]
	var r v128
	switch sub {
	case opV128Load:
		r = v128{binary.LittleEndian.Uint64(m), binary.LittleEndian.Uint64(m[8:])}
	case opV128Load8x8S, opV128Load8x8U, opV128Load16x4S, opV128Load16x4U, opV128Load32x2S, opV128Load32x2U:
		// An extending load is the matching extend_low of the 8 bytes.
		r = extend(loadExtendOp[sub-opV128Load8x8S], v128{binary.LittleEndian.Uint64(m), 0})
	case opV128Load8Splat:
		r = splat(opI8x16Splat, uint64(m[0]))
	case opV128Load16Splat:
		r = splat(opI16x8Splat, uint64(binary.LittleEndian.Uint16(m)))
	case opV128Load32Splat:
		r = splat(opI32x4Splat, uint64(binary.LittleEndian.Uint32(m)))
	case opV128Load64Splat:
		r = splat(opI64x2Splat, binary.LittleEndian.Uint64(m))
	case opV128Load32Zero:
		r = v128{uint64(binary.LittleEndian.Uint32(m)), 0}
	case opV128Load64Zero:
		r = v128{binary.LittleEndian.Uint64(m), 0}
	case opV128Store:
		binary.LittleEndian.PutUint64(m, s[base+1])
		binary.LittleEndian.PutUint64(m[8:], s[base+2])
		return base, true
	case opV128Load8Lane, opV128Load16Lane, opV128Load32Lane, opV128Load64Lane:
		v := v128{s[base+1], s[base+2]}
		var x uint64
		switch n {
		case 1:
			x = uint64(m[0])
		case 2:
			x = uint64(binary.LittleEndian.Uint16(m))
		case 4:
			x = uint64(binary.LittleEndian.Uint32(m))
		default:
			x = binary.LittleEndian.Uint64(m)
		}
		r = replaceLane(replaceOp[sub-opV128Load8Lane], lane, v, x)
	default: // v128.store*_lane
		v := v128{s[base+1], s[base+2]}
		x := extractLane(extractOp[sub-opV128Store8Lane], lane, v)
		switch n {
		case 1:
			m[0] = uint8(x)
		case 2:
			binary.LittleEndian.PutUint16(m, uint16(x))
		case 4:
			binary.LittleEndian.PutUint32(m, uint32(x))
		default:
			binary.LittleEndian.PutUint64(m, x)
		}
		return base, true
	}
	s[base], s[base+1] = r.lo, r.hi
	return base + 2, true
}

// loadExtendOp maps v128.load8x8_s … load32x2_u to the extend operator
// that widens the loaded 8 bytes.
var loadExtendOp = [...]uint32{
	opI16x8ExtendLowI8x16S, opI16x8ExtendLowI8x16U,
	opI32x4ExtendLowI16x8S, opI32x4ExtendLowI16x8U,
	opI64x2ExtendLowI32x4S, opI64x2ExtendLowI32x4U,
}

// replaceOp and extractOp map the lane width of load*_lane / store*_lane
// (in order 8, 16, 32, 64) to the replace_lane or extract_lane operator of
// that shape (the unsigned extract for narrow lanes: the stored bits are
// the lane's).
var (
	replaceOp = [...]uint32{opI8x16ReplaceLane, opI16x8ReplaceLane, opI32x4ReplaceLane, opI64x2ReplaceLane}
	extractOp = [...]uint32{opI8x16ExtractLaneU, opI16x8ExtractLaneU, opI32x4ExtractLane, opI64x2ExtractLane}
)
