package ir

import (
	"fmt"
	"strconv"
	"strings"
)

// Type is the type of an SSA value: a scalar integer or float, or a vector of
// such lanes. It is a one-byte value type: the low four bits name the lane
// kind and the next three bits hold log2 of the lane count, so a scalar is a
// vector of one lane and every query is a shift and a table lookup.
//
// Invalid (the zero Type) stands for "no type": the result type of an
// instruction without results, or an unknown controlling type.
type Type uint8

// Lane kinds, in the low four bits of a Type.
const (
	Invalid Type = iota
	I8
	I16
	I32
	I64
	I128
	F16
	F32
	F64
	F128
	numLaneKinds
)

const (
	laneMask  = 0x0f
	countShft = 4
	maxLog2   = 4    // at most 16 lanes (i8x16)
	dynFlag   = 0x80 // dynamic vector: the base vector times a runtime scale
)

// Common vector types.
var (
	I8X16 = I8.ByLanes(16)
	I16X8 = I16.ByLanes(8)
	I32X4 = I32.ByLanes(4)
	I64X2 = I64.ByLanes(2)
	F32X4 = F32.ByLanes(4)
	F64X2 = F64.ByLanes(2)
)

var laneInfo = [numLaneKinds]struct {
	name  string
	bits  uint16
	float bool
}{
	Invalid: {"INVALID", 0, false},
	I8:      {"i8", 8, false},
	I16:     {"i16", 16, false},
	I32:     {"i32", 32, false},
	I64:     {"i64", 64, false},
	I128:    {"i128", 128, false},
	F16:     {"f16", 16, true},
	F32:     {"f32", 32, true},
	F64:     {"f64", 64, true},
	F128:    {"f128", 128, true},
}

func (t Type) lane() Type  { return t & laneMask }
func (t Type) log2n() uint { return uint(t>>countShft) & 7 }
func (t Type) valid() bool {
	if t&dynFlag != 0 && t.log2n() == 0 {
		return false
	}
	return t.lane() != Invalid && t.lane() < numLaneKinds && t.log2n() <= maxLog2 && t.Bits() <= 128
}

// IsDynamic reports a dynamic vector type (CLIF's dtN declarations): a
// fixed vector type scaled by a factor known only at run time. Its Bits,
// LaneCount and Bytes are those of the base vector, the minimum size.
func (t Type) IsDynamic() bool { return t&dynFlag != 0 }

// Dynamic returns the dynamic vector type whose base is the fixed vector t.
func (t Type) Dynamic() Type {
	if !t.IsVector() {
		return Invalid
	}
	return t | dynFlag
}

// Fixed returns the base vector of a dynamic type (t itself otherwise).
func (t Type) Fixed() Type     { return t &^ dynFlag }
func (t Type) IsInvalid() bool { return t == Invalid }

// LaneType is the type of one lane; a scalar is its own lane type.
func (t Type) LaneType() Type { return t.lane() }

// LaneCount is the number of lanes, 1 for a scalar, 0 for Invalid.
func (t Type) LaneCount() int {
	if t == Invalid {
		return 0
	}
	return 1 << t.log2n()
}

// LaneBits is the width of one lane in bits.
func (t Type) LaneBits() int {
	l := t.lane()
	if l >= numLaneKinds {
		return 0
	}
	return int(laneInfo[l].bits)
}

// Bits is the total width in bits.
func (t Type) Bits() int { return t.LaneBits() * t.LaneCount() }

// Bytes is the total width in bytes.
func (t Type) Bytes() int { return (t.Bits() + 7) / 8 }

// IsInt reports whether the lanes are integers (i8 … i128).
func (t Type) IsInt() bool { l := t.lane(); return l >= I8 && l <= I128 }

// IsFloat reports whether the lanes are floats (f16 … f128).
func (t Type) IsFloat() bool { l := t.lane(); return l >= F16 && l <= F128 }

// IsVector reports whether t has more than one lane.
func (t Type) IsVector() bool { return t.log2n() > 0 }

// IsScalar reports whether t is a valid one-lane type.
func (t Type) IsScalar() bool { return t != Invalid && t.log2n() == 0 }

// ByLanes returns the vector of n lanes of t's lane type, or Invalid when n
// is not a power of two or the vector would exceed 128 bits.
func (t Type) ByLanes(n int) Type {
	if n <= 0 || n&(n-1) != 0 {
		return Invalid
	}
	log := 0
	for 1<<log < n {
		log++
	}
	if log > maxLog2 {
		return Invalid
	}
	r := t.lane() | Type(log)<<countShft | t&dynFlag
	if !r.valid() {
		return Invalid
	}
	return r
}

// WithLane replaces the lane type, keeping the lane count; Invalid if the
// result would exceed 128 bits.
func (t Type) WithLane(lane Type) Type {
	r := lane.lane() | Type(t.log2n())<<countShft | t&dynFlag
	if !r.valid() {
		return Invalid
	}
	return r
}

// IntOfWidth returns the integer type of the given bit width (8…128).
func IntOfWidth(bits int) Type {
	switch bits {
	case 8:
		return I8
	case 16:
		return I16
	case 32:
		return I32
	case 64:
		return I64
	case 128:
		return I128
	}
	return Invalid
}

// FloatOfWidth returns the float type of the given bit width (16…128).
func FloatOfWidth(bits int) Type {
	switch bits {
	case 16:
		return F16
	case 32:
		return F32
	case 64:
		return F64
	case 128:
		return F128
	}
	return Invalid
}

// AsInt returns the integer type with the same lane width and count.
func (t Type) AsInt() Type { return t.WithLane(IntOfWidth(t.LaneBits())) }

// AsTruthy is the type of a comparison result on t: i8 for a scalar, and an
// integer vector of the same shape for a vector.
func (t Type) AsTruthy() Type {
	if t.IsVector() {
		return t.AsInt()
	}
	if t == Invalid {
		return Invalid
	}
	return I8
}

// HalfWidth is t with lanes of half the width (i64 → i32, f64x2 → f32x2).
func (t Type) HalfWidth() Type {
	bits := t.LaneBits() / 2
	if t.IsFloat() {
		return t.WithLane(FloatOfWidth(bits))
	}
	return t.WithLane(IntOfWidth(bits))
}

// DoubleWidth is t with lanes of twice the width, Invalid beyond 128 bits.
func (t Type) DoubleWidth() Type {
	bits := t.LaneBits() * 2
	if t.IsFloat() {
		return t.WithLane(FloatOfWidth(bits))
	}
	return t.WithLane(IntOfWidth(bits))
}

// SplitLanes halves the lane width and doubles the count (i16x8 → i8x16).
func (t Type) SplitLanes() Type {
	h := t.HalfWidth()
	if h == Invalid {
		return Invalid
	}
	return h.ByLanes(t.LaneCount() * 2)
}

// MergeLanes doubles the lane width and halves the count (i8x16 → i16x8).
func (t Type) MergeLanes() Type {
	if t.LaneCount() < 2 {
		return Invalid
	}
	if t.IsDynamic() {
		return t.Fixed().MergeLanes().Dynamic()
	}
	d := t.lane().DoubleWidth()
	if d == Invalid {
		return Invalid
	}
	return d.ByLanes(t.LaneCount() / 2)
}

// String returns the CLIF spelling: i32, f64, i32x4.
func (t Type) String() string {
	if !t.valid() {
		if t == Invalid {
			return "INVALID"
		}
		return fmt.Sprintf("type(%#x)", uint8(t))
	}
	s := laneInfo[t.lane()].name
	if t.IsVector() {
		s += "x" + strconv.Itoa(t.LaneCount())
	}
	if t.IsDynamic() {
		s += "xN"
	}
	return s
}

// ParseType parses the CLIF spelling of a type; ok is false when s is not one.
func ParseType(s string) (Type, bool) {
	if base, ok := strings.CutSuffix(s, "xN"); ok {
		t, ok := ParseType(base)
		if !ok || !t.IsVector() || t.IsDynamic() {
			return Invalid, false
		}
		return t.Dynamic(), true
	}
	lane, count, hasX := strings.Cut(s, "x")
	var l Type
	for k := I8; k < numLaneKinds; k++ {
		if laneInfo[k].name == lane {
			l = k
			break
		}
	}
	if l == Invalid {
		return Invalid, false
	}
	if !hasX {
		return l, true
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 || strconv.Itoa(n) != count {
		return Invalid, false
	}
	t := l.ByLanes(n)
	return t, t != Invalid
}
