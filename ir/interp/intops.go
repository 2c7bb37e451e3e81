package interp

import (
	"math/bits"

	"kiln/ir"
)

// Integer lane operations. Each takes the lane width n (8…128) and lanes
// zero-extended to u128, and returns the result truncated to n bits. They
// never panic on odd widths: unverified code may apply them to any type,
// and n outside 8…128 only yields meaningless bits.

// intBinary computes one lane of a two-operand integer opcode. A non-zero
// trap code means the operation trapped (division).
func intBinary(op ir.Opcode, n int, a, b u128) (u128, ir.TrapCode) {
	var r u128
	switch op {
	case ir.OpIadd:
		r = a.add(b)
	case ir.OpIsub:
		r = a.sub(b)
	case ir.OpImul:
		r = a.mul(b)
	case ir.OpUmulhi:
		r = mulHigh(n, a, b, false)
	case ir.OpSmulhi:
		r = mulHigh(n, a.sext(n), b.sext(n), true)
	case ir.OpUdiv, ir.OpUrem:
		if b.isZero() {
			return u128{}, ir.TrapIntegerDivByZero
		}
		q, rem := divmod(a, b)
		if op == ir.OpUdiv {
			r = q
		} else {
			r = rem
		}
	case ir.OpSdiv, ir.OpSrem:
		if b.isZero() {
			return u128{}, ir.TrapIntegerDivByZero
		}
		sa, sb := a.sext(n), b.sext(n)
		if a == sminOf(n) && b == ones(n) {
			// MIN / -1 overflows; MIN % -1 is 0 (Cranelift's srem does
			// not trap here).
			if op == ir.OpSdiv {
				return u128{}, ir.TrapIntegerOverflow
			}
			return u128{}, 0
		}
		// Divide magnitudes; the quotient is negative when the signs
		// differ, the remainder takes the dividend's sign.
		negA, negB := sa.signBit(128), sb.signBit(128)
		if negA {
			sa = sa.neg()
		}
		if negB {
			sb = sb.neg()
		}
		q, rem := divmod(sa, sb)
		if op == ir.OpSdiv {
			r = q
			if negA != negB {
				r = r.neg()
			}
		} else {
			r = rem
			if negA {
				r = r.neg()
			}
		}
	case ir.OpSmin:
		r = a
		if b.sext(n).slt(a.sext(n)) {
			r = b
		}
	case ir.OpSmax:
		r = a
		if a.sext(n).slt(b.sext(n)) {
			r = b
		}
	case ir.OpUmin:
		r = a
		if b.ult(a) {
			r = b
		}
	case ir.OpUmax:
		r = a
		if a.ult(b) {
			r = b
		}
	case ir.OpAvgRound:
		// (a + b + 1) >> 1; below 128 bits the sum cannot overflow u128.
		r = a.add(b).add(u128{1, 0}).shr(1)
		if n == 128 {
			s := a.add(b)
			carry := s.ult(a)
			s = s.add(u128{1, 0})
			if s.isZero() {
				carry = true
			}
			r = s.shr(1)
			if carry {
				r.hi |= 1 << 63
			}
		}
	case ir.OpUaddSat:
		r = a.add(b)
		if ones(n).ult(r) || r.trunc(n).ult(a) {
			r = ones(n)
		}
	case ir.OpUsubSat:
		if a.ult(b) {
			r = u128{}
		} else {
			r = a.sub(b)
		}
	case ir.OpSaddSat, ir.OpSsubSat:
		if op == ir.OpSaddSat {
			r = a.add(b)
		} else {
			r = a.sub(b)
		}
		if signedOverflow(op == ir.OpSaddSat, n, a, b, r) {
			if a.signBit(n) {
				r = sminOf(n)
			} else {
				r = smaxOf(n)
			}
		}
	case ir.OpSqmulRoundSat:
		// (a*b + 2^(n-2)) >> (n-1), saturated; lanes are at most 32 bits.
		p := int64(a.sext(n).lo)*int64(b.sext(n).lo) + int64(1)<<uint(n-2)
		p >>= uint(n - 1)
		lo, hi := int64(sminOf(n).sext(n).lo), int64(smaxOf(n).lo)
		p = max(lo, min(hi, p))
		r = u128{uint64(p), 0}
	case ir.OpBand:
		r = a.and(b)
	case ir.OpBor:
		r = a.or(b)
	case ir.OpBxor:
		r = a.xor(b)
	case ir.OpIshl:
		r = a.shl(shiftAmount(n, b))
	case ir.OpUshr:
		r = a.shr(shiftAmount(n, b))
	case ir.OpSshr:
		r = a.sext(n).sar(shiftAmount(n, b))
	case ir.OpRotl, ir.OpRotr:
		s := shiftAmount(n, b)
		if op == ir.OpRotr && s != 0 {
			s = uint(n) - s
		}
		if s != 0 {
			r = a.shl(s).or(a.shr(uint(n) - s))
		} else {
			r = a
		}
	}
	return r.trunc(n), 0
}

// shiftAmount is the shift count taken modulo the lane width, as
// Cranelift's shifts and rotates do.
func shiftAmount(n int, b u128) uint {
	if n <= 0 {
		return 0
	}
	return uint(b.lo % uint64(n))
}

// signedOverflow reports whether r = a±b overflowed n-bit signed range.
func signedOverflow(add bool, n int, a, b, r u128) bool {
	sa, sb, sr := a.signBit(n), b.signBit(n), r.signBit(n)
	if add {
		return sa == sb && sr != sa
	}
	return sa != sb && sr != sa
}

// mulHigh returns the high n bits of the 2n-bit product.
func mulHigh(n int, a, b u128, signed bool) u128 {
	if n == 128 {
		hi, _ := mulFull(a, b)
		if signed {
			// Correct the unsigned high half for negative operands.
			if a.signBit(128) {
				hi = hi.sub(b)
			}
			if b.signBit(128) {
				hi = hi.sub(a)
			}
		}
		return hi
	}
	if n == 64 {
		hi, _ := bits.Mul64(a.lo, b.lo)
		if signed {
			if a.signBit(64) {
				hi -= b.lo
			}
			if b.signBit(64) {
				hi -= a.lo
			}
		}
		return u128{hi, 0}
	}
	// Narrow lanes: the full product fits in 128 bits (a, b sign-extended
	// when signed, so the wrap-around product is the signed product).
	p := a.mul(b)
	if signed {
		return p.sar(uint(n))
	}
	return p.shr(uint(n))
}

// intUnary computes one lane of a one-operand integer opcode.
func intUnary(op ir.Opcode, n int, a u128) u128 {
	var r u128
	switch op {
	case ir.OpIneg:
		r = a.neg()
	case ir.OpIabs:
		r = a
		if a.signBit(n) {
			r = a.neg()
		}
	case ir.OpBnot:
		r = a.not()
	case ir.OpBitrev:
		r = a.reverse().shr(uint(128 - n))
	case ir.OpClz:
		r = u128{uint64(a.trunc(n).leadingZeros() - (128 - n)), 0}
	case ir.OpCls:
		// Number of bits after the sign bit equal to it.
		x := a.sext(n)
		if x.signBit(128) {
			x = x.not()
		}
		r = u128{uint64(x.leadingZeros() - (128 - n) - 1), 0}
	case ir.OpCtz:
		c := a.trunc(n).trailingZeros()
		r = u128{uint64(min(c, n)), 0}
	case ir.OpBswap:
		r = a.reverseBytes().shr(uint(128 - n))
	case ir.OpPopcnt:
		r = u128{uint64(a.trunc(n).onesCount()), 0}
	}
	return r.trunc(n)
}

// intCompare evaluates an icmp condition on n-bit lanes.
func intCompare(cc ir.IntCC, n int, a, b u128) bool {
	switch cc {
	case ir.IntEQ:
		return a == b
	case ir.IntNE:
		return a != b
	case ir.IntSLT:
		return a.sext(n).slt(b.sext(n))
	case ir.IntSGE:
		return !a.sext(n).slt(b.sext(n))
	case ir.IntSGT:
		return b.sext(n).slt(a.sext(n))
	case ir.IntSLE:
		return !b.sext(n).slt(a.sext(n))
	case ir.IntULT:
		return a.ult(b)
	case ir.IntUGE:
		return !a.ult(b)
	case ir.IntUGT:
		return b.ult(a)
	case ir.IntULE:
		return !b.ult(a)
	}
	return false
}

// overflowOp computes the overflow-reporting opcodes: the wrapped result
// and the flag (carry, borrow or signed overflow). cin is the incoming
// carry/borrow of the *_cin/*_bin forms.
func overflowOp(op ir.Opcode, n int, a, b u128, cin bool) (u128, bool) {
	var c u128
	if cin {
		c = u128{1, 0}
	}
	switch op {
	case ir.OpUaddOverflow, ir.OpUaddOverflowCin, ir.OpUaddOverflowTrap:
		r := a.add(b)
		r2 := r.add(c)
		if n < 128 {
			// The exact sum fits in u128: the carry is bit n.
			return r2.trunc(n), !r2.shr(uint(n)).isZero()
		}
		return r2, r.ult(a) || r2.ult(r)
	case ir.OpSaddOverflow, ir.OpSaddOverflowCin:
		sa, sb := a.sext(n), b.sext(n)
		r := sa.add(sb).add(c)
		return r.trunc(n), signedOverflow3(true, n, sa, sb, c, r)
	case ir.OpUsubOverflow, ir.OpUsubOverflowBin:
		r := a.sub(b).sub(c)
		borrow := a.ult(b) || a == b && cin
		return r.trunc(n), borrow
	case ir.OpSsubOverflow, ir.OpSsubOverflowBin:
		sa, sb := a.sext(n), b.sext(n)
		r := sa.sub(sb).sub(c)
		return r.trunc(n), signedOverflow3(false, n, sa, sb, c, r)
	case ir.OpUmulOverflow:
		hi, lo := mulFull(a, b)
		return lo.trunc(n), !hi.isZero() || lo.trunc(n) != lo
	case ir.OpSmulOverflow:
		sa, sb := a.sext(n), b.sext(n)
		lo := sa.mul(sb)
		r := lo.trunc(n)
		var of bool
		if n == 128 {
			hi := mulHigh(128, sa, sb, true)
			of = hi != lo.sar(127)
		} else {
			of = r.sext(n) != lo
		}
		return r, of
	}
	return u128{}, false
}

// signedOverflow3 reports whether sa ± sb ± c (sign-extended n-bit values,
// c 0 or 1) leaves the n-bit signed range. For n < 128 the exact sum fits
// in 128 bits; for n == 128 it is decided from signs.
func signedOverflow3(add bool, n int, sa, sb, c, r u128) bool {
	if n < 128 {
		return r.sext(n) != r
	}
	if add {
		s1 := sa.add(sb)
		of1 := sa.signBit(128) == sb.signBit(128) && s1.signBit(128) != sa.signBit(128)
		of2 := !c.isZero() && s1 == smaxOf(128)
		// Both wrapping (MIN + -1 + 1) cancel out.
		return of1 != of2
	}
	s1 := sa.sub(sb)
	of1 := sa.signBit(128) != sb.signBit(128) && s1.signBit(128) != sa.signBit(128)
	of2 := !c.isZero() && s1 == sminOf(128)
	return of1 != of2
}
