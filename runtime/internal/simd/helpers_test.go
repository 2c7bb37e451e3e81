package simd

import (
	"fmt"
	"math"
	"testing"
)

// Constructors for test vectors, lane 0 first.

func i8(l ...int) v128 {
	var a [16]uint8
	for i, x := range l {
		a[i] = uint8(x)
	}
	return from8(&a)
}

func i16(l ...int) v128 {
	var a [8]uint16
	for i, x := range l {
		a[i] = uint16(x)
	}
	return from16(&a)
}

func i32(l ...int64) v128 {
	var a [4]uint32
	for i, x := range l {
		a[i] = uint32(x)
	}
	return from32(&a)
}

func i64(l ...uint64) v128 { return v128{l[0], l[1]} }

func f32(l ...float32) v128 {
	var a [4]uint32
	for i, x := range l {
		a[i] = math.Float32bits(x)
	}
	return from32(&a)
}

func f64(a, b float64) v128 { return v128{math.Float64bits(a), math.Float64bits(b)} }

// splat8 etc. repeat one lane value.
func splat8(x int) v128 {
	var l [16]int
	for i := range l {
		l[i] = x
	}
	return i8(l[:]...)
}

func (v v128) String() string { return fmt.Sprintf("%016x_%016x", v.hi, v.lo) }

var (
	negZero32 = float32(math.Copysign(0, -1))
	negZero64 = math.Copysign(0, -1)
	inf32     = float32(math.Inf(1))
	nan32bits = func(b uint32) float32 { return math.Float32frombits(b) }
)

// execV runs a v128-producing operator on v128 operands (and, for shifts,
// replace_lane and splats, scalar slots given as extra uint64 values).
func execV(t *testing.T, sub uint32, imm *[16]byte, ops ...any) v128 {
	t.Helper()
	s := make([]uint64, 16)
	sp := 0
	for _, o := range ops {
		switch o := o.(type) {
		case v128:
			s[sp], s[sp+1] = o.lo, o.hi
			sp += 2
		case uint64:
			s[sp] = o
			sp++
		default:
			t.Fatalf("bad operand %T", o)
		}
	}
	r := Exec(sub, imm, s, sp)
	if r != 2 {
		t.Fatalf("Exec(%#x) returned sp %d, want 2", sub, r)
	}
	return v128{s[0], s[1]}
}

// execS runs an operator whose result is one scalar slot.
func execS(t *testing.T, sub uint32, imm *[16]byte, v v128) uint64 {
	t.Helper()
	s := []uint64{v.lo, v.hi}
	if r := Exec(sub, imm, s, 2); r != 1 {
		t.Fatalf("Exec(%#x) returned sp %d, want 1", sub, r)
	}
	return s[0]
}

type vcase struct {
	name string
	sub  uint32
	ops  []any
	want v128
}

func runV(t *testing.T, cases []vcase) {
	t.Helper()
	for _, c := range cases {
		if got := execV(t, c.sub, nil, c.ops...); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
