package simd

import "encoding/binary"

// Lane views. loadN spreads a v128 over a caller's fixed-size array of
// lanes (lane 0 first) and fromN packs one back. The arrays stay in the
// caller's frame and are filled and read with lane-sized accesses, so no
// operator allocates, and no wide load reads bytes just written by
// narrow stores (which would defeat store-to-load forwarding and stall).

func (v v128) load8(a *[16]uint8) {
	binary.LittleEndian.PutUint64(a[:8], v.lo)
	binary.LittleEndian.PutUint64(a[8:], v.hi)
}

func from8(a *[16]uint8) v128 {
	var v v128
	for i := 0; i < 8; i++ {
		v.lo |= uint64(a[i]) << (8 * i)
		v.hi |= uint64(a[i+8]) << (8 * i)
	}
	return v
}

func (v v128) load16(a *[8]uint16) {
	for i := 0; i < 4; i++ {
		a[i] = uint16(v.lo >> (16 * i))
		a[i+4] = uint16(v.hi >> (16 * i))
	}
}

func from16(a *[8]uint16) v128 {
	var v v128
	for i := 0; i < 4; i++ {
		v.lo |= uint64(a[i]) << (16 * i)
		v.hi |= uint64(a[i+4]) << (16 * i)
	}
	return v
}

func (v v128) load32(a *[4]uint32) {
	a[0], a[1], a[2], a[3] = uint32(v.lo), uint32(v.lo>>32), uint32(v.hi), uint32(v.hi>>32)
}

func from32(a *[4]uint32) v128 {
	return v128{uint64(a[0]) | uint64(a[1])<<32, uint64(a[2]) | uint64(a[3])<<32}
}

func (v v128) load64(a *[2]uint64) { a[0], a[1] = v.lo, v.hi }

func from64(a *[2]uint64) v128 { return v128{a[0], a[1]} }

func fromBytes(b *[16]byte) v128 {
	return v128{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
}

// mask8 … mask64 turn a lane predicate into an all-ones or all-zeros lane.
func mask8(c bool) uint8 {
	if c {
		return 0xff
	}
	return 0
}

func mask16(c bool) uint16 {
	if c {
		return 0xffff
	}
	return 0
}

func mask32(c bool) uint32 {
	if c {
		return 0xffffffff
	}
	return 0
}

func mask64(c bool) uint64 {
	if c {
		return ^uint64(0)
	}
	return 0
}

// shuffle is i8x16.shuffle: lane i of the result is lane imm[i] of the
// 32-lane concatenation a:b. Validation bounds imm[i] by 31; an index
// beyond it is taken modulo 32.
func shuffle(imm *[16]byte, a, b v128) v128 {
	var src [32]uint8
	binary.LittleEndian.PutUint64(src[0:], a.lo)
	binary.LittleEndian.PutUint64(src[8:], a.hi)
	binary.LittleEndian.PutUint64(src[16:], b.lo)
	binary.LittleEndian.PutUint64(src[24:], b.hi)
	var r [16]uint8
	for i := range r {
		r[i] = src[imm[i]&31]
	}
	return from8(&r)
}

// swizzle is i8x16.swizzle (and the deterministic relaxed_swizzle): lane i
// is a[s[i]], or 0 when s[i] ≥ 16.
func swizzle(a, s v128) v128 {
	var x, idx [16]uint8
	a.load8(&x)
	s.load8(&idx)
	var r [16]uint8
	for i, j := range idx {
		if j < 16 {
			r[i] = x[j]
		}
	}
	return from8(&r)
}

// splat fills every lane with the scalar in slot x.
func splat(sub uint32, x uint64) v128 {
	switch sub {
	case opI8x16Splat:
		x = uint64(uint8(x)) * 0x0101010101010101
	case opI16x8Splat:
		x = uint64(uint16(x)) * 0x0001000100010001
	case opI32x4Splat, opF32x4Splat:
		x = uint64(uint32(x)) * 0x0000000100000001
	}
	return v128{x, x}
}

// getLane returns lane i (already in range) of width w bits, zero-extended.
func getLane(v v128, i, w uint) uint64 {
	x := v.lo
	if per := 64 / w; i >= per {
		x, i = v.hi, i-per
	}
	return x >> (i * w) & (1<<w - 1) // 1<<64 - 1 is all ones
}

// setLane replaces lane i (already in range) of width w bits with x.
func setLane(v v128, i, w uint, x uint64) v128 {
	m := uint64(1)<<w - 1
	if per := 64 / w; i < per {
		sh := i * w
		v.lo = v.lo&^(m<<sh) | (x&m)<<sh
	} else {
		sh := (i - per) * w
		v.hi = v.hi&^(m<<sh) | (x&m)<<sh
	}
	return v
}

// extractLane reads lane l (modulo the lane count) as a stack slot; the
// _s forms sign-extend to i32, which the slot holds zero-extended.
func extractLane(sub uint32, l uint8, v v128) uint64 {
	switch sub {
	case opI8x16ExtractLaneS:
		return uint64(uint32(int32(int8(getLane(v, uint(l&15), 8)))))
	case opI8x16ExtractLaneU:
		return getLane(v, uint(l&15), 8)
	case opI16x8ExtractLaneS:
		return uint64(uint32(int32(int16(getLane(v, uint(l&7), 16)))))
	case opI16x8ExtractLaneU:
		return getLane(v, uint(l&7), 16)
	case opI32x4ExtractLane, opF32x4ExtractLane:
		return getLane(v, uint(l&3), 32)
	default: // i64x2, f64x2
		return getLane(v, uint(l&1), 64)
	}
}

// replaceLane writes the scalar slot x into lane l (modulo the lane count).
func replaceLane(sub uint32, l uint8, v v128, x uint64) v128 {
	switch sub {
	case opI8x16ReplaceLane:
		return setLane(v, uint(l&15), 8, x)
	case opI16x8ReplaceLane:
		return setLane(v, uint(l&7), 16, x)
	case opI32x4ReplaceLane, opF32x4ReplaceLane:
		return setLane(v, uint(l&3), 32, x)
	default: // i64x2, f64x2
		return setLane(v, uint(l&1), 64, x)
	}
}

// test evaluates the v128 → i32 operators: any_true, all_true, bitmask.
func test(sub uint32, v v128) uint32 {
	switch sub {
	case opV128AnyTrue:
		if v.lo|v.hi != 0 {
			return 1
		}
		return 0
	case opI8x16AllTrue:
		return allTrue(v, 0x0101010101010101, 0x8080808080808080)
	case opI16x8AllTrue:
		return allTrue(v, 0x0001000100010001, 0x8000800080008000)
	case opI32x4AllTrue:
		return allTrue(v, 0x0000000100000001, 0x8000000080000000)
	case opI64x2AllTrue:
		if v.lo != 0 && v.hi != 0 {
			return 1
		}
		return 0
	case opI8x16Bitmask:
		return uint32(bitmask(v.lo, 8)) | uint32(bitmask(v.hi, 8))<<8
	case opI16x8Bitmask:
		return uint32(bitmask(v.lo, 16)) | uint32(bitmask(v.hi, 16))<<4
	case opI32x4Bitmask:
		return uint32(bitmask(v.lo, 32)) | uint32(bitmask(v.hi, 32))<<2
	case opI64x2Bitmask:
		return uint32(v.lo>>63) | uint32(v.hi>>63)<<1
	}
	return 0
}

// allTrue reports whether no lane of v is zero; low has a 1 in the lowest
// bit of every lane, high in the highest. It is the classic "has a zero
// lane" word test, whose yes/no answer is exact.
func allTrue(v v128, low, high uint64) uint32 {
	if hasZero(v.lo, low, high) || hasZero(v.hi, low, high) {
		return 0
	}
	return 1
}

func hasZero(x, low, high uint64) bool { return (x-low)&^x&high != 0 }

// bitmask gathers the top bit of each w-bit lane of x, lane 0 in bit 0.
func bitmask(x uint64, w uint) uint64 {
	var m uint64
	for i := uint(0); i < 64/w; i++ {
		m |= (x >> (i*w + w - 1) & 1) << i
	}
	return m
}
