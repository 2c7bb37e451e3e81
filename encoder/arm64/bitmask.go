package arm64

import "math/bits"

// Logical (bitmask) immediates.
//
// The manual's DecodeBitMasks(N, imms, immr, immediate=TRUE) reads:
//
//	len = HighestSetBit(N:NOT(imms)); if len < 1 then UNDEFINED;
//	levels = ZeroExtend(Ones(len), 6);
//	if immediate && (imms AND levels) == levels then UNDEFINED;
//	S = UInt(imms AND levels); R = UInt(immr AND levels);
//	esize = 1 << len;
//	welem = ZeroExtend(Ones(S + 1), esize);
//	wmask = Replicate(ROR(welem, R));
//
// So a logical immediate is a run of 1 to esize-1 ones, rotated right by R
// within an element of 2, 4, 8, 16, 32 or 64 bits, repeated to fill the
// register. EncodeBitmask inverts that: it finds the smallest period of the
// value, checks that one element is a rotated run of ones (the run itself,
// or its complement when it wraps, must be 2^k-1 shifted), and recovers S
// and R in constant time. It always returns the canonical encoding (R < esize), which is the
// one assemblers produce.

// EncodeBitmask returns the N:immr:imms fields for value v as a logical
// immediate of size bits (32 or 64), or ok=false if v is not encodable.
// For size 32 only the low 32 bits of v are considered and they must be
// the whole value (the high half must be zero).
func EncodeBitmask(v uint64, size int) (n, immr, imms uint32, ok bool) {
	switch size {
	case 32:
		if v>>32 != 0 {
			return 0, 0, 0, false
		}
		v |= v << 32
	case 64:
	default:
		return 0, 0, 0, false
	}
	if v == 0 || v == ^uint64(0) {
		return 0, 0, 0, false
	}
	// Smallest element size e with v periodic in e.
	e := uint(64)
	for e > 2 {
		h := e / 2
		if bits.RotateLeft64(v, int(h)) != v {
			break
		}
		e = h
	}
	mask := uint64(1)<<e - 1
	if e == 64 {
		mask = ^uint64(0)
	}
	elt := v & mask
	// Find where the run of ones starts. If it does not wrap around the
	// element, it starts at the lowest set bit; if it does, the zeros form
	// the contiguous run and the ones start just above them.
	var start, ones uint
	if elt&1 == 0 || elt == mask {
		start = uint(bits.TrailingZeros64(elt))
		run := elt >> start
		if run&(run+1) != 0 { // not of the form 2^k - 1
			return 0, 0, 0, false
		}
		ones = uint(bits.OnesCount64(run))
	} else {
		z := ^elt & mask
		tz := uint(bits.TrailingZeros64(z))
		zrun := z >> tz
		if zrun&(zrun+1) != 0 {
			return 0, 0, 0, false
		}
		m := uint(bits.OnesCount64(zrun))
		start, ones = tz+m, e-m
	}
	// welem (ones at the bottom) was rotated right by R to land at start.
	r := (e - start) % e
	imms = uint32(^(2*e-1)&0x3f) | uint32(ones-1)
	if e == 64 {
		n = 1
	}
	return n, uint32(r), imms, true
}

// DecodeBitmask is the manual's DecodeBitMasks for a logical immediate: the
// value of fields N:immr:imms in a size-bit (32 or 64) operation, or
// ok=false for reserved encodings.
func DecodeBitmask(n, immr, imms uint32, size int) (uint64, bool) {
	if n > 1 || immr > 63 || imms > 63 || (size == 32 && n == 1) || (size != 32 && size != 64) {
		return 0, false
	}
	l := bits.Len32(n<<6|(^imms&0x3f)) - 1
	if l < 1 {
		return 0, false
	}
	levels := uint32(1)<<l - 1
	if imms&levels == levels {
		return 0, false
	}
	s, r := uint(imms&levels), uint(immr&levels)
	esize := uint(1) << l
	if int(esize) > size {
		return 0, false
	}
	welem := uint64(1)<<(s+1) - 1
	emask := uint64(1)<<esize - 1
	if esize == 64 {
		emask = ^uint64(0)
	}
	if r != 0 {
		welem = (welem>>r | welem<<(esize-r)) & emask
	}
	var w uint64
	for i := uint(0); i < uint(size); i += esize {
		w |= welem << i
	}
	return w, true
}

// IsBitmask reports whether v is a size-bit logical immediate.
func IsBitmask(v uint64, size int) bool {
	_, _, _, ok := EncodeBitmask(v, size)
	return ok
}
