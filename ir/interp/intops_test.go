package interp

import (
	"math/big"
	"testing"

	"kiln/ir"
)

// Reference semantics on math/big, to check the u128 lane code at every
// width against an independent formulation.

func toBig(a u128) *big.Int {
	x := new(big.Int).SetUint64(a.hi)
	return x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(a.lo))
}

func signedBig(a u128, n int) *big.Int {
	x := toBig(a.trunc(n))
	if a.signBit(n) {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(n)))
	}
	return x
}

// wrap reduces x modulo 2^n into a u128.
func wrap(x *big.Int, n int) u128 {
	m := new(big.Int).Lsh(big.NewInt(1), uint(n))
	r := new(big.Int).Mod(x, m)
	lo := new(big.Int).And(r, new(big.Int).SetUint64(^uint64(0))).Uint64()
	hi := new(big.Int).Rsh(r, 64).Uint64()
	return u128{lo, hi}
}

func inRange(x *big.Int, n int, signed bool) bool {
	lo, hi := big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), uint(n))
	if signed {
		hi.Rsh(hi, 1)
		lo.Neg(hi)
	}
	return x.Cmp(lo) >= 0 && x.Cmp(hi) < 0
}

func clamp(x *big.Int, n int, signed bool) u128 {
	lo, hi := big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), uint(n))
	if signed {
		hi.Rsh(hi, 1)
		lo.Neg(hi)
	}
	hi.Sub(hi, big.NewInt(1))
	switch {
	case x.Cmp(lo) < 0:
		return wrap(lo, n)
	case x.Cmp(hi) > 0:
		return wrap(hi, n)
	}
	return wrap(x, n)
}

// interesting makes operands that hit the edges often: 0, ±1, MIN, MAX,
// powers of two, and random bits.
func interesting(rnd func() uint64, n int) u128 {
	switch rnd() % 8 {
	case 0:
		return u128{}
	case 1:
		return u128{1, 0}
	case 2:
		return ones(n)
	case 3:
		return sminOf(n)
	case 4:
		return smaxOf(n)
	case 5:
		return u128{1, 0}.shl(uint(rnd() % uint64(n)))
	}
	return u128{rnd(), rnd()}.trunc(n)
}

func TestIntOpsAgainstBig(t *testing.T) {
	s := uint64(0x243f6a8885a308d3)
	rnd := func() uint64 {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		return s
	}
	for _, n := range []int{8, 16, 32, 64, 128} {
		for i := 0; i < 4000; i++ {
			a, b := interesting(rnd, n), interesting(rnd, n)
			ua, ub := toBig(a), toBig(b)
			sa, sb := signedBig(a, n), signedBig(b, n)
			check := func(name string, got, want u128) {
				t.Helper()
				if got != want {
					t.Fatalf("i%d %s(%#x, %#x) = %#x, want %#x", n, name, toBig(a), toBig(b), toBig(got), toBig(want))
				}
			}
			bin := func(op ir.Opcode) u128 { r, _ := intBinary(op, n, a, b); return r }

			check("iadd", bin(ir.OpIadd), wrap(new(big.Int).Add(ua, ub), n))
			check("isub", bin(ir.OpIsub), wrap(new(big.Int).Sub(ua, ub), n))
			check("imul", bin(ir.OpImul), wrap(new(big.Int).Mul(ua, ub), n))
			check("umulhi", bin(ir.OpUmulhi), wrap(new(big.Int).Rsh(new(big.Int).Mul(ua, ub), uint(n)), n))
			check("smulhi", bin(ir.OpSmulhi), wrap(new(big.Int).Rsh(new(big.Int).Mul(sa, sb), uint(n)), n))
			if !b.isZero() {
				check("udiv", bin(ir.OpUdiv), wrap(new(big.Int).Quo(ua, ub), n))
				check("urem", bin(ir.OpUrem), wrap(new(big.Int).Rem(ua, ub), n))
				q := new(big.Int).Quo(sa, sb) // truncating, as Cranelift
				if _, code := intBinary(ir.OpSdiv, n, a, b); inRange(q, n, true) != (code == 0) {
					t.Fatalf("i%d sdiv(%v, %v): trap %v", n, sa, sb, code)
				} else if code == 0 {
					check("sdiv", bin(ir.OpSdiv), wrap(q, n))
				}
				check("srem", bin(ir.OpSrem), wrap(new(big.Int).Rem(sa, sb), n))
			}
			check("uadd_sat", bin(ir.OpUaddSat), clamp(new(big.Int).Add(ua, ub), n, false))
			check("usub_sat", bin(ir.OpUsubSat), clamp(new(big.Int).Sub(ua, ub), n, false))
			check("sadd_sat", bin(ir.OpSaddSat), clamp(new(big.Int).Add(sa, sb), n, true))
			check("ssub_sat", bin(ir.OpSsubSat), clamp(new(big.Int).Sub(sa, sb), n, true))
			avg := new(big.Int).Add(ua, ub)
			check("avg_round", bin(ir.OpAvgRound), wrap(avg.Add(avg, big.NewInt(1)).Rsh(avg, 1), n))
			k := uint(ub.Uint64() % uint64(n))
			check("ishl", bin(ir.OpIshl), wrap(new(big.Int).Lsh(ua, k), n))
			check("ushr", bin(ir.OpUshr), wrap(new(big.Int).Rsh(ua, k), n))
			check("sshr", bin(ir.OpSshr), wrap(new(big.Int).Rsh(sa, k), n))
			rotl := new(big.Int).Or(new(big.Int).Lsh(ua, k), new(big.Int).Rsh(ua, uint(n)-k))
			check("rotl", bin(ir.OpRotl), wrap(rotl, n))

			for _, cin := range []bool{false, true} {
				c := int64(0)
				if cin {
					c = 1
				}
				flags := []struct {
					op   ir.Opcode
					want *big.Int
					sgn  bool
				}{
					{ir.OpUaddOverflowCin, new(big.Int).Add(new(big.Int).Add(ua, ub), big.NewInt(c)), false},
					{ir.OpSaddOverflowCin, new(big.Int).Add(new(big.Int).Add(sa, sb), big.NewInt(c)), true},
					{ir.OpUsubOverflowBin, new(big.Int).Sub(new(big.Int).Sub(ua, ub), big.NewInt(c)), false},
					{ir.OpSsubOverflowBin, new(big.Int).Sub(new(big.Int).Sub(sa, sb), big.NewInt(c)), true},
				}
				if !cin {
					flags = append(flags,
						struct {
							op   ir.Opcode
							want *big.Int
							sgn  bool
						}{ir.OpUmulOverflow, new(big.Int).Mul(ua, ub), false},
						struct {
							op   ir.Opcode
							want *big.Int
							sgn  bool
						}{ir.OpSmulOverflow, new(big.Int).Mul(sa, sb), true})
				}
				for _, f := range flags {
					r, of := overflowOp(f.op, n, a, b, cin)
					if r != wrap(f.want, n) || of == inRange(f.want, n, f.sgn) {
						t.Fatalf("i%d %s(%v, %v, cin=%v) = %#x, %v; want %v", n, f.op, toBig(a), toBig(b), cin, toBig(r), of, f.want)
					}
				}
			}
		}
	}
}

// TestUnaryIntOpsAgainstBits checks the bit-counting and bit-reversing
// opcodes against one-bit-at-a-time definitions.
func TestUnaryIntOpsAgainstBits(t *testing.T) {
	s := uint64(0x13198a2e03707344)
	rnd := func() uint64 {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		return s
	}
	bit := func(a u128, i int) uint64 { return a.shr(uint(i)).lo & 1 }
	for _, n := range []int{8, 16, 32, 64, 128} {
		for i := 0; i < 3000; i++ {
			a := interesting(rnd, n)
			var clz, ctz, pop, cls int
			for j := n - 1; j >= 0 && bit(a, j) == 0; j-- {
				clz++
			}
			for j := 0; j < n && bit(a, j) == 0; j++ {
				ctz++
			}
			for j := 0; j < n; j++ {
				pop += int(bit(a, j))
			}
			for j := n - 2; j >= 0 && bit(a, j) == bit(a, n-1); j-- {
				cls++
			}
			var rev, swap u128
			for j := 0; j < n; j++ {
				rev = rev.or(u128{bit(a, j), 0}.shl(uint(n - 1 - j)))
			}
			for j := 0; j < n/8; j++ {
				byt := a.shr(uint(8*j)).lo & 0xff
				swap = swap.or(u128{byt, 0}.shl(uint(n - 8 - 8*j)))
			}
			for _, c := range []struct {
				op   ir.Opcode
				want u128
			}{
				{ir.OpClz, u128{uint64(clz), 0}}, {ir.OpCtz, u128{uint64(ctz), 0}},
				{ir.OpPopcnt, u128{uint64(pop), 0}}, {ir.OpCls, u128{uint64(cls), 0}},
				{ir.OpBitrev, rev}, {ir.OpBswap, swap},
				{ir.OpIneg, a.neg().trunc(n)}, {ir.OpBnot, a.not().trunc(n)},
			} {
				if got := intUnary(c.op, n, a); got != c.want {
					t.Fatalf("i%d %s(%#x) = %#x, want %#x", n, c.op, toBig(a), toBig(got), toBig(c.want))
				}
			}
		}
	}
}
