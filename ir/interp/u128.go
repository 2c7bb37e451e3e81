package interp

import "math/bits"

// u128 is one lane's bits during computation. Lanes narrower than 128 bits
// live zero-extended in lo; every operation below works modulo 2^128 and
// callers truncate to the lane width with trunc.
type u128 struct{ lo, hi uint64 }

func lowMask(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	if n <= 0 {
		return 0
	}
	return 1<<uint(n) - 1
}

// trunc keeps the low n bits.
func (a u128) trunc(n int) u128 {
	if n >= 128 {
		return a
	}
	if n >= 64 {
		return u128{a.lo, a.hi & lowMask(n-64)}
	}
	return u128{a.lo & lowMask(n), 0}
}

// sext sign-extends the low n bits to 128.
func (a u128) sext(n int) u128 {
	switch {
	case n >= 128 || n <= 0:
		return a
	case n > 64:
		s := uint(128 - n)
		return u128{a.lo, uint64(int64(a.hi<<s) >> s)}
	case n == 64:
		return u128{a.lo, uint64(int64(a.lo) >> 63)}
	default:
		s := uint(64 - n)
		lo := uint64(int64(a.lo<<s) >> s)
		return u128{lo, uint64(int64(lo) >> 63)}
	}
}

// signBit reports bit n-1.
func (a u128) signBit(n int) bool {
	if n > 64 {
		return a.hi>>uint(n-65)&1 != 0
	}
	if n <= 0 {
		return false
	}
	return a.lo>>uint(n-1)&1 != 0
}

func (a u128) isZero() bool { return a.lo|a.hi == 0 }

func (a u128) add(b u128) u128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi, _ := bits.Add64(a.hi, b.hi, c)
	return u128{lo, hi}
}

func (a u128) sub(b u128) u128 {
	lo, c := bits.Sub64(a.lo, b.lo, 0)
	hi, _ := bits.Sub64(a.hi, b.hi, c)
	return u128{lo, hi}
}

func (a u128) neg() u128 { return u128{}.sub(a) }
func (a u128) not() u128 { return u128{^a.lo, ^a.hi} }

// mul returns the low 128 bits of a*b.
func (a u128) mul(b u128) u128 {
	hi, lo := bits.Mul64(a.lo, b.lo)
	hi += a.lo*b.hi + a.hi*b.lo
	return u128{lo, hi}
}

// mulFull returns the 256-bit product of a and b as (high, low).
func mulFull(a, b u128) (u128, u128) {
	// Schoolbook on 64-bit limbs.
	h00, l00 := bits.Mul64(a.lo, b.lo)
	h01, l01 := bits.Mul64(a.lo, b.hi)
	h10, l10 := bits.Mul64(a.hi, b.lo)
	h11, l11 := bits.Mul64(a.hi, b.hi)
	r0 := l00
	r1, c1 := bits.Add64(h00, l01, 0)
	r2, c2 := bits.Add64(h01, l11, c1)
	r3, _ := bits.Add64(h11, 0, c2)
	r1, c1 = bits.Add64(r1, l10, 0)
	r2, c2 = bits.Add64(r2, h10, c1)
	r3, _ = bits.Add64(r3, 0, c2)
	return u128{r2, r3}, u128{r0, r1}
}

func (a u128) shl(n uint) u128 {
	switch {
	case n >= 128:
		return u128{}
	case n >= 64:
		return u128{0, a.lo << (n - 64)}
	case n == 0:
		return a
	}
	return u128{a.lo << n, a.hi<<n | a.lo>>(64-n)}
}

func (a u128) shr(n uint) u128 {
	switch {
	case n >= 128:
		return u128{}
	case n >= 64:
		return u128{a.hi >> (n - 64), 0}
	case n == 0:
		return a
	}
	return u128{a.lo>>n | a.hi<<(64-n), a.hi >> n}
}

// sar is an arithmetic shift of the full 128 bits.
func (a u128) sar(n uint) u128 {
	if n >= 128 {
		n = 127
	}
	switch {
	case n >= 64:
		return u128{uint64(int64(a.hi) >> (n - 64)), uint64(int64(a.hi) >> 63)}
	case n == 0:
		return a
	}
	return u128{a.lo>>n | a.hi<<(64-n), uint64(int64(a.hi) >> n)}
}

func (a u128) ult(b u128) bool { return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo }

// slt compares as signed 128-bit values (sign-extend narrower lanes first).
func (a u128) slt(b u128) bool {
	if int64(a.hi) != int64(b.hi) {
		return int64(a.hi) < int64(b.hi)
	}
	return a.lo < b.lo
}

// divmod is unsigned 128-bit division; b must be non-zero.
func divmod(a, b u128) (q, r u128) {
	if a.hi == 0 && b.hi == 0 {
		return u128{a.lo / b.lo, 0}, u128{a.lo % b.lo, 0}
	}
	if b.hi == 0 && a.hi < b.lo {
		qlo, rem := bits.Div64(a.hi, a.lo, b.lo)
		return u128{qlo, 0}, u128{rem, 0}
	}
	// Shift-subtract long division; only i128 operands get here.
	n := 128 - a.leadingZeros()
	for i := n - 1; i >= 0; i-- {
		r = r.shl(1)
		r.lo |= a.shr(uint(i)).lo & 1
		if !r.ult(b) {
			r = r.sub(b)
			q = q.or(u128{1, 0}.shl(uint(i)))
		}
	}
	return q, r
}

func (a u128) and(b u128) u128 { return u128{a.lo & b.lo, a.hi & b.hi} }
func (a u128) or(b u128) u128  { return u128{a.lo | b.lo, a.hi | b.hi} }
func (a u128) xor(b u128) u128 { return u128{a.lo ^ b.lo, a.hi ^ b.hi} }

func (a u128) leadingZeros() int {
	if a.hi != 0 {
		return bits.LeadingZeros64(a.hi)
	}
	return 64 + bits.LeadingZeros64(a.lo)
}

func (a u128) trailingZeros() int {
	if a.lo != 0 {
		return bits.TrailingZeros64(a.lo)
	}
	return 64 + bits.TrailingZeros64(a.hi)
}

func (a u128) onesCount() int { return bits.OnesCount64(a.lo) + bits.OnesCount64(a.hi) }

func (a u128) reverse() u128 { return u128{bits.Reverse64(a.hi), bits.Reverse64(a.lo)} }

func (a u128) reverseBytes() u128 {
	return u128{bits.ReverseBytes64(a.hi), bits.ReverseBytes64(a.lo)}
}

// ones returns a value with the low n bits set.
func ones(n int) u128 { return u128{^uint64(0), ^uint64(0)}.trunc(n) }

// smin and smax of an n-bit signed lane, as n-bit patterns.
func sminOf(n int) u128 { return u128{1, 0}.shl(uint(n - 1)) }
func smaxOf(n int) u128 { return ones(n - 1) }
