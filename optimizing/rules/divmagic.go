package rules

import (
	"math/bits"

	"kiln/ir"
)

// Division by a constant as multiplication by its "magic" reciprocal
// (Granlund and Montgomery, "Division by Invariant Integers using
// Multiplication", 1994: figure 4.1 for unsigned, 5.2 for signed). The
// sequences use only operations of the division's own width, so they hold
// for every dividend; they are built in divrem.rules from the constants
// computed here. Only i32 and i64 are rewritten (the widths the back ends
// multiply natively).

// divMagicType reports the widths division by a constant is rewritten at.
func divMagicType(t ir.Type) bool { return t == ir.I32 || t == ir.I64 }

// ceilLog2 is the smallest l with 2^l >= d (d >= 1).
func ceilLog2(d uint64) uint64 { return uint64(64 - bits.LeadingZeros64(d-1)) }

// umagic is m' of figure 4.1 for the t-wide unsigned divisor d > 1:
// floor(2^N * (2^l - d) / d) + 1 with l = ceilLog2(d), which fits in N
// bits. The quotient is then ((x - hi) >> 1 + hi) >> (l - 1) with
// hi = umulhi(x, m').
func umagic(t ir.Type, d uint64) uint64 {
	n := uint(t.Bits())
	l := uint(ceilLog2(d))
	if n == 64 {
		// 2^l - d, computed modulo 2^64 (l may be 64), is below d.
		q, _ := bits.Div64((uint64(1)<<l)-d, 0, d)
		return q + 1
	}
	return mask(t, (uint64(1)<<l-d)<<n/d+1)
}

// smagic is m' of figure 5.2 for the t-wide signed divisor d, |d| > 1 and
// not a power of two: 1 + floor(2^(N+l-1) / |d|) - 2^N with
// l = ceilLog2(|d|), as an N-bit value. The quotient of x by |d| is then
// ((x + smulhi(x, m')) >> (l - 1)) - (x >> (N - 1)) (arithmetic shifts),
// negated for a negative d.
func smagic(t ir.Type, d uint64) uint64 {
	n := uint(t.Bits())
	ad := sabs(t, d)
	l := uint(ceilLog2(ad))
	if n == 64 {
		q, _ := bits.Div64(uint64(1)<<(l-1), 0, ad)
		return q + 1
	}
	return mask(t, (uint64(1)<<(n+l-1))/ad+1)
}

// sabs is the magnitude of the t-wide signed d (d is not the minimum).
func sabs(t ir.Type, d uint64) uint64 {
	if v := sext(t, d); v < 0 {
		return uint64(-v)
	}
	return mask(t, d)
}

// sdivMagicOK reports a signed divisor the magic sequence handles: |d| > 1,
// not a power of two, not the minimum value (whose magnitude does not
// fit).
func sdivMagicOK(t ir.Type, d uint64) bool {
	if d == sminOf(t) {
		return false
	}
	ad := sabs(t, d)
	return ad > 1 && !isPow2(ad)
}

// isNeg reports a negative t-wide value.
func isNeg(t ir.Type, v uint64) bool { return sext(t, v) < 0 }

// spow2 reports a positive signed power of two divisor 2^k, 0 < k < N-1.
func spow2(t ir.Type, d uint64) bool { return !isNeg(t, d) && isPow2(d) && d > 1 }

// snegPow2 reports a negative signed divisor -2^k, 0 < k < N-1.
func snegPow2(t ir.Type, d uint64) bool {
	return isNeg(t, d) && d != sminOf(t) && spow2(t, mask(t, -d))
}

// ushortMagic finds, for the t-wide unsigned divisor d > 1, a multiplier m
// below 2^N and a shift p with floor(x / d) = umulhi(x, m) >> p for every
// N-bit x, when one exists (Granlund-Montgomery theorem 4.2: it does if
// 2^(N+p) <= m*d <= 2^(N+p) + 2^p). Then one multiply and one shift
// suffice, without figure 4.1's correction (d = 10 at 32 bits: m =
// 0xcccccccd, p = 3).
func ushortMagic(t ir.Type, d uint64) (m, p uint64, ok bool) {
	n := uint64(t.Bits())
	for p = 0; p <= ceilLog2(d); p++ {
		// m = ceil(2^(N+p) / d) = floor((2^(N+p) - 1) / d) + 1.
		e := n + p // < 128
		var hi, lo uint64
		if e >= 64 {
			hi, lo = uint64(1)<<(e-64)-1, ^uint64(0)
		} else {
			hi, lo = 0, uint64(1)<<e-1
		}
		if hi >= d {
			continue // quotient would not fit in 64 bits
		}
		q, _ := bits.Div64(hi, lo, d)
		m = q + 1
		if m == 0 || (n < 64 && m>>n != 0) {
			continue // m must be below 2^N
		}
		// m*d - 2^(N+p) <= 2^p, in 128-bit arithmetic.
		ph, pl := bits.Mul64(m, d)
		var th, tl uint64 // 2^(N+p)
		if e >= 64 {
			th = uint64(1) << (e - 64)
		} else {
			tl = uint64(1) << e
		}
		dl, borrow := bits.Sub64(pl, tl, 0)
		dh, _ := bits.Sub64(ph, th, borrow)
		if dh == 0 && dl <= uint64(1)<<p {
			return m, p, true
		}
	}
	return 0, 0, false
}

func ushortMagicOK(t ir.Type, d uint64) bool { _, _, ok := ushortMagic(t, d); return ok }
func ushortM(t ir.Type, d uint64) uint64     { m, _, _ := ushortMagic(t, d); return m }
func ushortP(t ir.Type, d uint64) uint64     { _, p, _ := ushortMagic(t, d); return p }
