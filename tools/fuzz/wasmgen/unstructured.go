package wasmgen

import "encoding/binary"

// Unstructured turns the fuzzer's bytes into choices. Every method is
// total: once the bytes run out it keeps answering 0 (false, the first
// choice), so a generator that puts its simplest, terminating option first
// always finishes, and a short input means a small module.
type Unstructured struct {
	data []byte
	pos  int
}

// NewUnstructured reads choices from data.
func NewUnstructured(data []byte) *Unstructured { return &Unstructured{data: data} }

// Exhausted reports whether every byte has been consumed.
func (u *Unstructured) Exhausted() bool { return u.pos >= len(u.data) }

// Remaining returns the bytes not consumed yet.
func (u *Unstructured) Remaining() []byte { return u.data[min(u.pos, len(u.data)):] }

// Byte returns the next byte, or 0 when the input is exhausted.
func (u *Unstructured) Byte() byte {
	if u.pos >= len(u.data) {
		return 0
	}
	b := u.data[u.pos]
	u.pos++
	return b
}

// Bytes returns the next n bytes (zero-padded when the input runs out).
func (u *Unstructured) Bytes(n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = u.Byte()
	}
	return out
}

// Intn returns a choice in [0, n); n <= 0 returns 0. One byte decides up
// to 256 choices, so the fuzzer's mutations map to nearby programs.
func (u *Unstructured) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	if n <= 256 {
		return int(u.Byte()) % n
	}
	return int(u.Uint32() % uint32(n))
}

// Range returns a choice in [lo, hi].
func (u *Unstructured) Range(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + u.Intn(hi-lo+1)
}

// Bool returns a coin flip (false when exhausted).
func (u *Unstructured) Bool() bool { return u.Byte()&1 == 1 }

// Chance returns true with probability about num/den (false when
// exhausted, so an exhausted input takes the plain path).
func (u *Unstructured) Chance(num, den int) bool {
	b := u.Byte()
	if u.Exhausted() && b == 0 {
		return false
	}
	return int(b)%den < num
}

// Uint32 returns the next four bytes, little-endian.
func (u *Unstructured) Uint32() uint32 { return binary.LittleEndian.Uint32(u.Bytes(4)) }

// Uint64 returns the next eight bytes, little-endian.
func (u *Unstructured) Uint64() uint64 { return binary.LittleEndian.Uint64(u.Bytes(8)) }
