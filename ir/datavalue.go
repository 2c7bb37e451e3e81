package ir

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// DataValue is one typed runtime value, shared by the IR interpreter, the
// filetest runner and the compiled-code trampolines. Scalars up to 128 bits
// are zero-extended into Lo (low 64 bits) and Hi (high 64 bits); vectors
// are their little-endian bytes, lane 0 in the low bits of Lo, which is also
// the layout of a 16-byte argument slot in memory.
type DataValue struct {
	Ty     Type
	Lo, Hi uint64
}

func mask(bits int) uint64 {
	if bits >= 64 {
		return ^uint64(0)
	}
	return 1<<bits - 1
}

// DataInt makes an integer scalar of type ty from v, truncated to the width.
func DataInt(ty Type, v int64) DataValue {
	d := DataValue{Ty: ty, Lo: uint64(v) & mask(ty.Bits())}
	if ty.Bits() == 128 && v < 0 {
		d.Hi = ^uint64(0)
	}
	return d
}

func DataI8(v int8) DataValue   { return DataInt(I8, int64(v)) }
func DataI16(v int16) DataValue { return DataInt(I16, int64(v)) }
func DataI32(v int32) DataValue { return DataInt(I32, int64(v)) }
func DataI64(v int64) DataValue { return DataInt(I64, v) }

// DataI128 makes an i128 from its two halves.
func DataI128(lo, hi uint64) DataValue { return DataValue{Ty: I128, Lo: lo, Hi: hi} }

func DataF16FromBits(b uint16) DataValue       { return DataValue{Ty: F16, Lo: uint64(b)} }
func DataF32FromBits(b uint32) DataValue       { return DataValue{Ty: F32, Lo: uint64(b)} }
func DataF64FromBits(b uint64) DataValue       { return DataValue{Ty: F64, Lo: b} }
func DataF128FromBits(lo, hi uint64) DataValue { return DataValue{Ty: F128, Lo: lo, Hi: hi} }
func DataF32(f float32) DataValue              { return DataF32FromBits(math.Float32bits(f)) }
func DataF64(f float64) DataValue              { return DataF64FromBits(math.Float64bits(f)) }

// DataFromBytes makes a value of type ty from its little-endian bytes
// (at least ty.Bytes() of them; extra bytes are ignored).
func DataFromBytes(ty Type, b []byte) DataValue {
	var buf [16]byte
	copy(buf[:ty.Bytes()], b)
	return DataValue{Ty: ty, Lo: binary.LittleEndian.Uint64(buf[:8]), Hi: binary.LittleEndian.Uint64(buf[8:])}
}

// DataV128 makes a 128-bit vector of type ty from its 16 bytes.
func DataV128(ty Type, b [16]byte) DataValue { return DataFromBytes(ty, b[:]) }

// DataVec makes a vector of type ty from its lanes (each of the lane type).
func DataVec(ty Type, lanes []DataValue) DataValue {
	d := DataValue{Ty: ty}
	for i, l := range lanes {
		d = d.WithLane(i, l)
	}
	return d
}

// Bytes returns the value's little-endian bytes (ty.Bytes() of them).
func (d DataValue) Bytes() []byte {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], d.Lo)
	binary.LittleEndian.PutUint64(buf[8:], d.Hi)
	return buf[:d.Ty.Bytes()]
}

// Bits returns the raw bits above 64 too as a big.Int (for printing i128).
func (d DataValue) big() *big.Int {
	x := new(big.Int).SetUint64(d.Hi)
	return x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(d.Lo))
}

// Uint returns the low 64 bits, zero-extended.
func (d DataValue) Uint() uint64 { return d.Lo }

// Int returns the value sign-extended from its width (low 64 bits for i128).
func (d DataValue) Int() int64 {
	bits := d.Ty.Bits()
	if bits >= 64 || bits == 0 {
		return int64(d.Lo)
	}
	return int64(d.Lo<<(64-bits)) >> (64 - bits)
}

// F32 and F64 reinterpret the bits as floats.
func (d DataValue) F32() float32 { return math.Float32frombits(uint32(d.Lo)) }
func (d DataValue) F64() float64 { return math.Float64frombits(d.Lo) }

// Lane returns lane i of a vector as a scalar of the lane type.
func (d DataValue) Lane(i int) DataValue {
	lt := d.Ty.LaneType()
	lb := d.Ty.LaneBits()
	bit := i * lb
	var lo, hi uint64
	switch {
	case lb == 128:
		lo, hi = d.Lo, d.Hi
	case bit >= 64:
		lo = d.Hi >> (bit - 64) & mask(lb)
	default:
		lo = d.Lo >> bit & mask(lb)
	}
	return DataValue{Ty: lt, Lo: lo, Hi: hi}
}

// WithLane returns d with lane i replaced by v's bits.
func (d DataValue) WithLane(i int, v DataValue) DataValue {
	lb := d.Ty.LaneBits()
	bit := i * lb
	m := mask(lb)
	switch {
	case lb == 128:
		d.Lo, d.Hi = v.Lo, v.Hi
	case bit >= 64:
		d.Hi = d.Hi&^(m<<(bit-64)) | (v.Lo&m)<<(bit-64)
	default:
		d.Lo = d.Lo&^(m<<bit) | (v.Lo&m)<<bit
	}
	return d
}

// Equal compares type and bits (NaN payloads and the sign of zero matter).
func (d DataValue) Equal(o DataValue) bool { return d == o }

// String writes d in CLIF run-line syntax: signed decimal integers, exact
// hexadecimal floats, vectors as [lane lane ...].
func (d DataValue) String() string {
	t := d.Ty
	switch {
	case t.IsVector():
		parts := make([]string, t.LaneCount())
		for i := range parts {
			parts[i] = d.Lane(i).String()
		}
		return "[" + strings.Join(parts, " ") + "]"
	case t == I128:
		x := d.big()
		if d.Hi>>63 != 0 {
			x.Sub(x, new(big.Int).Lsh(big.NewInt(1), 128))
		}
		return x.String()
	case t.IsInt():
		return strconv.FormatInt(d.Int(), 10)
	case t.IsFloat():
		return FormatIeee(t.Bits(), d.Lo, d.Hi)
	}
	return "INVALID"
}
