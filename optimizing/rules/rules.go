package rules

import (
	"math/bits"

	"kiln/ir"
	"kiln/optimizing/egraph"
)

//go:generate go run kiln/tools/rulegen

// table holds every generated rule function by root opcode, in the order
// the generated files register them (file name order, then rule order).
var table egraph.Rules

func register(op ir.Opcode, r egraph.Rule) { table[op] = append(table[op], r) }

// All returns the rule table for egraph.Run.
func All() *egraph.Rules { return &table }

// --- helpers for guards and right-hand sides ---
//
// Constants reach rules zero-extended from their type's width (uint64), so
// every helper takes the type that gives the width. Only scalar integer
// types of at most 64 bits are folded (isInt); i128 and vectors are left
// alone.

// isInt reports a scalar integer type of at most 64 bits.
func isInt(t ir.Type) bool { return t.IsInt() && t.IsScalar() && t.Bits() <= 64 }

// mask truncates v to t's width.
func mask(t ir.Type, v uint64) uint64 {
	if n := t.Bits(); n < 64 {
		return v & (1<<n - 1)
	}
	return v
}

// sext sign-extends the t-wide v to 64 bits.
func sext(t ir.Type, v uint64) int64 {
	n := uint(t.Bits())
	if n >= 64 {
		return int64(v)
	}
	return int64(v<<(64-n)) >> (64 - n)
}

// ones is the all-ones constant of t.
func ones(t ir.Type) uint64 { return mask(t, ^uint64(0)) }

// smin and smax are the extreme signed values of t, zero-extended.
func sminOf(t ir.Type) uint64 { return mask(t, 1<<(t.Bits()-1)) }

// shamt is a shift amount as CLIF defines it: modulo the shifted width.
func shamt(t ir.Type, k uint64) uint64 { return k & uint64(t.Bits()-1) }

func isPow2(k uint64) bool { return k != 0 && k&(k-1) == 0 }
func log2(k uint64) uint64 { return uint64(bits.TrailingZeros64(k)) }

func b2i(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// icmp evaluates an integer comparison of t-wide a and b.
func icmp(cc ir.IntCC, t ir.Type, a, b uint64) bool {
	sa, sb := sext(t, a), sext(t, b)
	switch cc {
	case ir.IntEQ:
		return a == b
	case ir.IntNE:
		return a != b
	case ir.IntSLT:
		return sa < sb
	case ir.IntSGE:
		return sa >= sb
	case ir.IntSGT:
		return sa > sb
	case ir.IntSLE:
		return sa <= sb
	case ir.IntULT:
		return a < b
	case ir.IntUGE:
		return a >= b
	case ir.IntUGT:
		return a > b
	case ir.IntULE:
		return a <= b
	}
	return false
}

// reflexive is icmp cc x x: true for the conditions that include equality.
func reflexive(cc ir.IntCC) bool {
	switch cc {
	case ir.IntEQ, ir.IntSGE, ir.IntSLE, ir.IntUGE, ir.IntULE:
		return true
	}
	return false
}

func rotl(t ir.Type, v, k uint64) uint64 {
	n := uint64(t.Bits())
	k = shamt(t, k)
	if k == 0 {
		return v
	}
	return mask(t, v<<k|v>>(n-k))
}

func clz(t ir.Type, v uint64) uint64 { return uint64(bits.LeadingZeros64(v) - (64 - t.Bits())) }

func ctz(t ir.Type, v uint64) uint64 {
	if v == 0 {
		return uint64(t.Bits())
	}
	return uint64(bits.TrailingZeros64(v))
}

func popcnt(v uint64) uint64 { return uint64(bits.OnesCount64(v)) }

func bswap(t ir.Type, v uint64) uint64 { return bits.ReverseBytes64(v) >> (64 - t.Bits()) }

func bitrev(t ir.Type, v uint64) uint64 { return bits.Reverse64(v) >> (64 - t.Bits()) }

// sdivOK reports that t-wide a / b neither divides by zero nor overflows
// (INT_MIN / -1), the two cases where sdiv and srem trap.
func sdivOK(t ir.Type, a, b uint64) bool {
	return b != 0 && !(a == sminOf(t) && b == ones(t))
}

func sdiv(t ir.Type, a, b uint64) uint64 { return mask(t, uint64(sext(t, a)/sext(t, b))) }
func srem(t ir.Type, a, b uint64) uint64 { return mask(t, uint64(sext(t, a)%sext(t, b))) }

func smin(t ir.Type, a, b uint64) uint64 {
	if sext(t, a) < sext(t, b) {
		return a
	}
	return b
}

func smax(t ir.Type, a, b uint64) uint64 {
	if sext(t, a) > sext(t, b) {
		return a
	}
	return b
}

// widerThan reports that a has more bits than b.
func widerThan(a, b ir.Type) bool { return a.Bits() > b.Bits() }
