package amd64

import (
	"math"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/ir"
)

// fcmpRule says how one IR float condition maps onto ucomis flags: compare
// swapped or not, one condition code, and whether parity (unordered) must
// additionally be clear (and) or may alone make it true (or).
type fcmpRule struct {
	swap  bool
	cc    asm.CC
	extra uint8 // 0 none, fcAndNP, fcOrP
}

const (
	fcAndNP = 1
	fcOrP   = 2
)

var fcmpRules = [...]fcmpRule{
	ir.FloatOrd: {false, asm.CondNP, 0}, ir.FloatUno: {false, asm.CondP, 0},
	ir.FloatEQ: {false, asm.CondE, fcAndNP}, ir.FloatNE: {false, asm.CondNE, fcOrP},
	ir.FloatOne: {false, asm.CondNE, fcAndNP}, ir.FloatUeq: {false, asm.CondE, fcOrP},
	ir.FloatLT: {true, asm.CondA, 0}, ir.FloatLE: {true, asm.CondAE, 0},
	ir.FloatGT: {false, asm.CondA, 0}, ir.FloatGE: {false, asm.CondAE, 0},
	ir.FloatUlt: {false, asm.CondB, 0}, ir.FloatUle: {false, asm.CondBE, 0},
	ir.FloatUgt: {true, asm.CondB, 0}, ir.FloatUge: {true, asm.CondBE, 0},
}

func (e *emitter) ucomis(sz asm.Size, x, y asm.XMM) {
	op := asm.Ucomisd
	if sz == asm.Size32 {
		op = asm.Ucomiss
	}
	e.fail(e.a.Sse(op, x, y))
}

func (e *emitter) fcmp(in *Inst, x, y asm.XMM) fcmpRule {
	r := fcmpRules[in.FCC%uint8(len(fcmpRules))]
	if r.swap {
		x, y = y, x
	}
	e.ucomis(in.Size, x, y)
	return r
}

func (e *emitter) emitFcmpSet(in *Inst, x, y asm.XMM, d asm.GPR) {
	a := e.a
	r := e.fcmp(in, x, y)
	e.fail(a.Setcc(r.cc, d))
	switch r.extra {
	case fcAndNP:
		e.fail(a.Setcc(asm.CondNP, scratch))
		e.fail(a.AluRR(asm.And, asm.Size8, d, scratch))
	case fcOrP:
		e.fail(a.Setcc(asm.CondP, scratch))
		e.fail(a.AluRR(asm.Or, asm.Size8, d, scratch))
	}
	e.fail(a.MovZX(asm.Size32, asm.Size8, d, d))
}

func (e *emitter) emitFcmpBr(in *Inst, x, y asm.XMM) {
	a := e.a
	t, f := e.target(0), e.target(1)
	r := e.fcmp(in, x, y)
	switch r.extra {
	case fcAndNP:
		e.fail(a.Jcc(asm.CondP, f))
	case fcOrP:
		e.fail(a.Jcc(asm.CondP, t))
	}
	e.fail(a.Jcc(r.cc, t))
	e.fail(a.Jmp(f))
}

func pick(sz asm.Size, s, d asm.Op) asm.Op {
	if sz == asm.Size32 {
		return s
	}
	return d
}

// emitFminmax implements IR fmin/fmax: a NaN operand gives NaN, and
// -0 < +0, neither of which minss/maxss does on its own.
func (e *emitter) emitFminmax(in *Inst, d, b asm.XMM) {
	a := e.a
	notEqual, nan, done := a.NewLabel(), a.NewLabel(), a.NewLabel()
	e.ucomis(in.Size, d, b)
	e.fail(a.Jcc(asm.CondNE, notEqual))
	e.fail(a.Jcc(asm.CondP, nan))
	if in.Signed { // max: +0 wins
		e.fail(a.Sse(pick(in.Size, asm.Andps, asm.Andpd), d, b))
	} else {
		e.fail(a.Sse(pick(in.Size, asm.Orps, asm.Orpd), d, b))
	}
	e.fail(a.Jmp(done))
	a.Bind(nan)
	e.fail(a.Sse(pick(in.Size, asm.Addss, asm.Addsd), d, b))
	e.fail(a.Jmp(done))
	a.Bind(notEqual)
	if in.Signed {
		e.fail(a.Sse(pick(in.Size, asm.Maxss, asm.Maxsd), d, b))
	} else {
		e.fail(a.Sse(pick(in.Size, asm.Minss, asm.Minsd), d, b))
	}
	a.Bind(done)
}

func (e *emitter) mask16(sz asm.Size, bits uint64) asm.Mem {
	b := make([]byte, 16)
	for i := 0; i < int(sz); i++ {
		b[i] = byte(bits >> (8 * i))
	}
	return e.a.Const(b, 16)
}

func signBit(sz asm.Size) uint64 { return 1 << (uint(sz)*8 - 1) }

func (e *emitter) emitCopysign(in *Inst, d, b, t asm.XMM) {
	a := e.a
	and := pick(in.Size, asm.Andps, asm.Andpd)
	e.fail(a.Sse(asm.Movaps, t, b))
	e.fail(a.SseM(and, t, e.mask16(in.Size, signBit(in.Size))))
	e.fail(a.SseM(and, d, e.mask16(in.Size, signBit(in.Size)-1)))
	e.fail(a.Sse(pick(in.Size, asm.Orps, asm.Orpd), d, t))
}

// emitCvtU64 converts an unsigned 64-bit integer: values with the top bit
// set are halved (keeping the low bit sticky for rounding), converted and
// doubled.
func (e *emitter) emitCvtU64(in *Inst, src asm.GPR, d asm.XMM, t1, t2 asm.GPR) {
	a := e.a
	big, done := a.NewLabel(), a.NewLabel()
	e.fail(a.TestRR(asm.Size64, src, src))
	e.fail(a.Jcc(asm.CondS, big))
	e.fail(a.SseFromGPR(in.SseOp, asm.Size64, d, src))
	e.fail(a.Jmp(done))
	a.Bind(big)
	e.fail(a.MovRR(asm.Size64, t1, src))
	e.fail(a.ShiftRI(asm.Shr, asm.Size64, t1, 1))
	e.fail(a.MovRR(asm.Size64, t2, src))
	e.fail(a.AluRI(asm.And, asm.Size64, t2, 1))
	e.fail(a.AluRR(asm.Or, asm.Size64, t1, t2))
	e.fail(a.SseFromGPR(in.SseOp, asm.Size64, d, t1))
	e.fail(a.Sse(pick(in.Size, asm.Addss, asm.Addsd), d, d))
	a.Bind(done)
}

func floatBits(sz asm.Size, f float64) uint64 {
	if sz == asm.Size32 {
		return uint64(math.Float32bits(float32(f)))
	}
	return math.Float64bits(f)
}

func (e *emitter) loadF(sz asm.Size, d asm.XMM, f float64) {
	e.fail(e.a.SseM(pick(sz, asm.Movss, asm.Movsd), d, e.floatConst(sz, floatBits(sz, f))))
}

// emitCvtToInt converts a float to an integer with the IR's trapping or
// saturating semantics around cvtts*2si's "integer indefinite" result.
func (e *emitter) emitCvtToInt(in *Inst, src asm.XMM, d asm.GPR, ft asm.XMM, it asm.GPR) {
	a := e.a
	fsz, isz := in.Size2, in.Size
	cvt := pick(fsz, asm.Cvttss2si, asm.Cvttsd2si)
	bits := float64(int(isz) * 8)
	trap := func(cc asm.CC, code ir.TrapCode) { e.fail(e.trapIf(cc, encoder.TrapCode(code))) }
	done := a.NewLabel()
	switch in.Sub {
	case cvtSint, cvtSintSat:
		e.fail(a.SseToGPR(cvt, isz, d, src))
		e.fail(a.AluRI(asm.Cmp, isz, d, 1))
		e.fail(a.Jcc(asm.CondNO, done))
		if in.Sub == cvtSint {
			e.ucomis(fsz, src, src)
			trap(asm.CondP, ir.TrapBadConversionToInt)
			lo := -math.Pow(2, bits-1)
			if fsz == asm.Size64 && isz == asm.Size32 {
				e.loadF(fsz, ft, lo-1)
				e.ucomis(fsz, src, ft)
				trap(asm.CondBE, ir.TrapIntegerOverflow)
			} else {
				e.loadF(fsz, ft, lo)
				e.ucomis(fsz, src, ft)
				trap(asm.CondB, ir.TrapIntegerOverflow)
			}
			e.fail(a.Sse(asm.Xorps, ft, ft))
			e.ucomis(fsz, src, ft)
			trap(asm.CondAE, ir.TrapIntegerOverflow)
		} else {
			nan := a.NewLabel()
			e.ucomis(fsz, src, src)
			e.fail(a.Jcc(asm.CondP, nan))
			e.fail(a.Sse(asm.Xorps, ft, ft))
			e.ucomis(fsz, src, ft)
			e.fail(a.Jcc(asm.CondB, done))
			e.movImm(isz, d, int64(uint64(1)<<(uint(bits)-1)-1))
			e.fail(a.Jmp(done))
			a.Bind(nan)
			e.fail(a.AluRR(asm.Xor, asm.Size32, d, d))
		}
	case cvtUint, cvtUintSat:
		zero, max := a.NewLabel(), a.NewLabel()
		e.ucomis(fsz, src, src)
		if in.Sub == cvtUint {
			trap(asm.CondP, ir.TrapBadConversionToInt)
			e.loadF(fsz, ft, -1)
			e.ucomis(fsz, src, ft)
			trap(asm.CondBE, ir.TrapIntegerOverflow)
			e.loadF(fsz, ft, math.Pow(2, bits))
			e.ucomis(fsz, src, ft)
			trap(asm.CondAE, ir.TrapIntegerOverflow)
		} else {
			e.fail(a.Jcc(asm.CondP, zero))
			e.fail(a.Sse(asm.Xorps, ft, ft))
			e.ucomis(fsz, src, ft)
			e.fail(a.Jcc(asm.CondBE, zero))
			e.loadF(fsz, ft, math.Pow(2, bits))
			e.ucomis(fsz, src, ft)
			e.fail(a.Jcc(asm.CondAE, max))
		}
		if isz == asm.Size32 {
			e.fail(a.SseToGPR(cvt, asm.Size64, d, src))
		} else {
			big := a.NewLabel()
			e.loadF(fsz, ft, math.Pow(2, 63))
			e.ucomis(fsz, src, ft)
			e.fail(a.Jcc(asm.CondAE, big))
			e.fail(a.SseToGPR(cvt, asm.Size64, d, src))
			e.fail(a.Jmp(done))
			a.Bind(big)
			e.fail(a.Sse(asm.Movaps, xscratch, src))
			e.fail(a.Sse(pick(fsz, asm.Subss, asm.Subsd), xscratch, ft))
			e.fail(a.SseToGPR(cvt, asm.Size64, d, xscratch))
			e.fail(a.MovAbs(it, 1<<63))
			e.fail(a.AluRR(asm.Xor, asm.Size64, d, it))
		}
		e.fail(a.Jmp(done))
		a.Bind(zero)
		e.fail(a.AluRR(asm.Xor, asm.Size32, d, d))
		e.fail(a.Jmp(done))
		a.Bind(max)
		e.movImm(isz, d, -1)
		if isz == asm.Size32 {
			e.fail(a.MovRI(asm.Size32, d, int64(uint32(math.MaxUint32))))
		}
	}
	a.Bind(done)
}

// emitBitCount: clz/cls through bsr and ctz through bsf unless the target
// has lzcnt/bmi1, popcnt through the SWAR sequence unless it has popcnt.
// src is zero-extended (sign-extended for cls) to the operation size; Imm
// is the IR type's width.
func (e *emitter) emitBitCount(in *Inst, src, d, t asm.GPR) {
	a := e.a
	sz := in.Size
	width := int64(sz) * 8
	narrow := in.Imm
	switch in.Sub {
	case bcClz:
		if e.flags.HasLZCNT {
			e.fail(a.BitRR(asm.BitLzcnt, sz, d, src))
			if narrow < width {
				e.fail(a.AluRI(asm.Sub, sz, d, width-narrow))
			}
			return
		}
		e.fail(a.BitRR(asm.BitBsr, sz, t, src))
		e.fail(a.MovRI(asm.Size64, d, -1))
		e.fail(a.Cmov(asm.CondE, asm.Size64, t, d))
		e.fail(a.MovRI(asm.Size32, d, narrow-1))
		e.fail(a.AluRR(asm.Sub, asm.Size32, d, t))
	case bcCls:
		e.fail(a.MovRR(asm.Size64, t, src))
		e.fail(a.ShiftRI(asm.Sar, sz, t, uint8(width-1)))
		e.fail(a.AluRR(asm.Xor, sz, t, src))
		e.fail(a.BitRR(asm.BitBsr, sz, t, t))
		e.fail(a.MovRI(asm.Size64, d, -1))
		e.fail(a.Cmov(asm.CondE, asm.Size64, t, d))
		e.fail(a.MovRI(asm.Size32, d, narrow-2))
		e.fail(a.AluRR(asm.Sub, asm.Size32, d, t))
	case bcCtz:
		op := asm.BitBsf
		if e.flags.HasBMI1 {
			op = asm.BitTzcnt
		}
		if narrow < width {
			e.fail(a.MovRR(asm.Size64, t, src))
			e.fail(a.AluRI(asm.Or, asm.Size32, t, 1<<narrow))
			e.fail(a.BitRR(op, sz, d, t))
			return
		}
		e.fail(a.BitRR(op, sz, d, src))
		if op == asm.BitBsf {
			e.fail(a.MovRI(asm.Size32, t, width))
			e.fail(a.Cmov(asm.CondE, asm.Size32, d, t))
		}
	case bcPopcnt:
		if e.flags.HasPOPCNT {
			e.fail(a.BitRR(asm.BitPopcnt, sz, d, src))
			return
		}
		and := func(r asm.GPR, m uint64) {
			if sz == asm.Size64 {
				e.fail(a.MovAbs(scratch, m))
				e.fail(a.AluRR(asm.And, sz, r, scratch))
			} else {
				e.fail(a.AluRI(asm.And, sz, r, int64(int32(uint32(m)))))
			}
		}
		e.fail(a.MovRR(asm.Size64, d, src))
		e.fail(a.ShiftRI(asm.Shr, sz, d, 1))
		and(d, 0x5555555555555555)
		e.fail(a.MovRR(asm.Size64, t, src))
		e.fail(a.AluRR(asm.Sub, sz, t, d))
		e.fail(a.MovRR(asm.Size64, d, t))
		e.fail(a.ShiftRI(asm.Shr, sz, t, 2))
		and(t, 0x3333333333333333)
		and(d, 0x3333333333333333)
		e.fail(a.AluRR(asm.Add, sz, d, t))
		e.fail(a.MovRR(asm.Size64, t, d))
		e.fail(a.ShiftRI(asm.Shr, sz, t, 4))
		e.fail(a.AluRR(asm.Add, sz, d, t))
		and(d, 0x0f0f0f0f0f0f0f0f)
		if sz == asm.Size64 {
			e.fail(a.MovAbs(scratch, 0x0101010101010101))
			e.fail(a.ImulRR(sz, d, scratch))
		} else {
			e.fail(a.ImulRRI(sz, d, d, 0x01010101))
		}
		e.fail(a.ShiftRI(asm.Shr, sz, d, uint8(width-8)))
	}
}

// emitBitrev reverses bits by swapping ever larger groups, then bytes.
func (e *emitter) emitBitrev(in *Inst, d, t1, t2 asm.GPR) {
	a := e.a
	narrow := int64(in.Size) * 8
	sz := asm.Size32
	if in.Size == asm.Size64 {
		sz = asm.Size64
	}
	steps := []struct {
		s uint8
		m uint64
	}{{1, 0x5555555555555555}, {2, 0x3333333333333333}, {4, 0x0f0f0f0f0f0f0f0f}}
	for _, st := range steps {
		e.fail(a.MovRR(asm.Size64, t1, d))
		e.fail(a.ShiftRI(asm.Shr, sz, t1, st.s))
		if sz == asm.Size64 {
			e.fail(a.MovAbs(t2, st.m))
		} else {
			e.fail(a.MovRI(asm.Size32, t2, int64(uint32(st.m))))
		}
		e.fail(a.AluRR(asm.And, sz, t1, t2))
		e.fail(a.AluRR(asm.And, sz, d, t2))
		e.fail(a.ShiftRI(asm.Shl, sz, d, st.s))
		e.fail(a.AluRR(asm.Or, sz, d, t1))
	}
	e.fail(a.Bswap(sz, d))
	if w := int64(sz) * 8; narrow < w {
		e.fail(a.ShiftRI(asm.Shr, sz, d, uint8(w-narrow)))
	}
}

// emitRoundSoft rounds to an integral value with SSE2 only. Values with
// |a| >= 2^52 (2^23 for f32) are already integral and NaNs are quieted
// (a+a). Below that: truncate through a 64-bit integer, adjust by one for
// floor/ceil, or (nearest) add and subtract 2^52 under the default
// round-to-nearest-even mode; finally give the result a's sign, which
// every rounding preserves (-0.5 rounds up to -0).
func (e *emitter) emitRoundSoft(in *Inst, src, d, t asm.XMM) {
	a := e.a
	sz := in.Size
	big := math.Pow(2, 52)
	if sz == asm.Size32 {
		big = math.Pow(2, 23)
	}
	and, or := pick(sz, asm.Andps, asm.Andpd), pick(sz, asm.Orps, asm.Orpd)
	large, done := a.NewLabel(), a.NewLabel()
	e.fail(a.Sse(asm.Movaps, d, src))
	e.fail(a.Sse(asm.Movaps, t, src))
	e.fail(a.SseM(and, t, e.mask16(sz, signBit(sz)-1)))
	e.loadF(sz, xscratch, big)
	e.ucomis(sz, t, xscratch)
	e.fail(a.Jcc(asm.CondP, large))
	e.fail(a.Jcc(asm.CondAE, large))
	switch in.Imm {
	case 0: // nearest
		e.fail(a.Sse(pick(sz, asm.Addss, asm.Addsd), t, xscratch))
		e.fail(a.Sse(pick(sz, asm.Subss, asm.Subsd), t, xscratch))
		e.fail(a.Sse(asm.Movaps, d, t))
	default:
		e.fail(a.SseToGPR(pick(sz, asm.Cvttss2si, asm.Cvttsd2si), asm.Size64, scratch, src))
		e.fail(a.Sse(asm.Xorps, d, d))
		e.fail(a.SseFromGPR(pick(sz, asm.Cvtsi2ss, asm.Cvtsi2sd), asm.Size64, d, scratch))
		if in.Imm == 1 || in.Imm == 2 { // floor: d > a → d-1; ceil: d < a → d+1
			skip := a.NewLabel()
			x, y, op := d, src, pick(sz, asm.Subss, asm.Subsd)
			if in.Imm == 2 {
				x, y, op = src, d, pick(sz, asm.Addss, asm.Addsd)
			}
			e.ucomis(sz, x, y)
			e.fail(a.Jcc(asm.CondBE, skip))
			e.loadF(sz, xscratch, 1)
			e.fail(a.Sse(op, d, xscratch))
			a.Bind(skip)
		}
	}
	e.fail(a.Sse(asm.Movaps, t, src))
	e.fail(a.SseM(and, t, e.mask16(sz, signBit(sz))))
	e.fail(a.SseM(and, d, e.mask16(sz, signBit(sz)-1)))
	e.fail(a.Sse(or, d, t))
	e.fail(a.Jmp(done))
	a.Bind(large)
	e.ucomis(sz, src, src)
	e.fail(a.Jcc(asm.CondNP, done))
	e.fail(a.Sse(pick(sz, asm.Addss, asm.Addsd), d, src))
	a.Bind(done)
}

func (e *emitter) emitAlu128(in *Inst, blo, bhi, lo, hi asm.GPR) {
	second := in.Alu
	switch in.Alu {
	case asm.Add:
		second = asm.Adc
	case asm.Sub:
		second = asm.Sbb
	}
	e.fail(e.a.AluRR(in.Alu, asm.Size64, lo, blo))
	e.fail(e.a.AluRR(second, asm.Size64, hi, bhi))
}

// emitCmp128: equality through xor/or of the halves; orderings through
// cmp of the low halves then sbb of the high ones, whose flags are those of
// the full 128-bit subtraction.
func (e *emitter) emitCmp128(in *Inst, alo, ahi, blo, bhi, d, t1, t2 asm.GPR) {
	a := e.a
	if in.CC == asm.CondE || in.CC == asm.CondNE {
		e.fail(a.MovRR(asm.Size64, t1, alo))
		e.fail(a.AluRR(asm.Xor, asm.Size64, t1, blo))
		e.fail(a.MovRR(asm.Size64, t2, ahi))
		e.fail(a.AluRR(asm.Xor, asm.Size64, t2, bhi))
		e.fail(a.AluRR(asm.Or, asm.Size64, t1, t2))
	} else {
		e.fail(a.AluRR(asm.Cmp, asm.Size64, alo, blo))
		e.fail(a.MovRR(asm.Size64, t1, ahi))
		e.fail(a.AluRR(asm.Sbb, asm.Size64, t1, bhi))
	}
	e.fail(a.Setcc(in.CC, d))
	e.fail(a.MovZX(asm.Size32, asm.Size8, d, d))
}

// emitMul128: lo*lo widened by mul, plus both cross products in the high
// half (the high*high product only affects bits above 128).
func (e *emitter) emitMul128(ahi, blo, bhi, t asm.GPR) {
	a := e.a
	e.fail(a.MovRR(asm.Size64, scratch, ahi))
	e.fail(a.ImulRR(asm.Size64, scratch, blo))
	e.fail(a.MovRR(asm.Size64, t, bhi))
	e.fail(a.ImulRR(asm.Size64, t, asm.RAX))
	e.fail(a.AluRR(asm.Add, asm.Size64, scratch, t))
	e.fail(a.UnaryR(asm.Mul, asm.Size64, blo))
	e.fail(a.AluRR(asm.Add, asm.Size64, asm.RDX, scratch))
}

// emitShift128 shifts a register pair by amt mod 128: both halves by
// amt mod 64, the bits crossing between halves by 64 - amt mod 64 (none
// when that is 64), then, when bit 6 of amt is set, one half moves to the
// other and the vacated half is filled with zeros (or sign bits).
func (e *emitter) emitShift128(in *Inst, lo, hi, amt, rl, rh, t1, t2 asm.GPR) {
	a := e.a
	left := in.Shift == asm.Shl
	e.fail(a.MovRR(asm.Size32, asm.RCX, amt))
	e.fail(a.MovRR(asm.Size64, rl, lo))
	e.fail(a.MovRR(asm.Size64, rh, hi))
	if left {
		e.fail(a.ShiftRCL(asm.Shl, asm.Size64, rl))
		e.fail(a.ShiftRCL(asm.Shl, asm.Size64, rh))
		e.fail(a.MovRR(asm.Size64, t1, lo))
	} else {
		e.fail(a.ShiftRCL(asm.Shr, asm.Size64, rl))
		e.fail(a.ShiftRCL(in.Shift, asm.Size64, rh))
		e.fail(a.MovRR(asm.Size64, t1, hi))
	}
	e.fail(a.MovRI(asm.Size32, asm.RCX, 64))
	e.fail(a.AluRR(asm.Sub, asm.Size32, asm.RCX, amt))
	if left {
		e.fail(a.ShiftRCL(asm.Shr, asm.Size64, t1))
	} else {
		e.fail(a.ShiftRCL(asm.Shl, asm.Size64, t1))
	}
	e.fail(a.AluRR(asm.Xor, asm.Size32, t2, t2))
	e.fail(a.TestRI(asm.Size64, amt, 63))
	e.fail(a.Cmov(asm.CondE, asm.Size64, t1, t2))
	if left {
		e.fail(a.AluRR(asm.Or, asm.Size64, rh, t1))
		e.fail(a.TestRI(asm.Size64, amt, 64))
		e.fail(a.Cmov(asm.CondNE, asm.Size64, rh, rl))
		e.fail(a.Cmov(asm.CondNE, asm.Size64, rl, t2))
		return
	}
	e.fail(a.AluRR(asm.Or, asm.Size64, rl, t1))
	if in.Shift == asm.Sar {
		e.fail(a.MovRR(asm.Size64, t2, hi))
		e.fail(a.ShiftRI(asm.Sar, asm.Size64, t2, 63))
	}
	e.fail(a.TestRI(asm.Size64, amt, 64))
	e.fail(a.Cmov(asm.CondNE, asm.Size64, rl, rh))
	e.fail(a.Cmov(asm.CondNE, asm.Size64, rh, t2))
}

// emitAtomicRmw: xchg and lock xadd where x86 has the operation; every
// other one is a lock cmpxchg loop computing the new value in R11 from the
// old one in RAX.
func (e *emitter) emitAtomicRmw(in *Inst, x asm.GPR, m asm.Mem, dst asm.GPR) {
	a := e.a
	sz := in.Size
	op := ir.AtomicRmwOp(in.Sub)
	switch op {
	case ir.AtomicXchg:
		e.trapHere(in.Trap)
		e.fail(a.XchgMR(sz, m, dst))
		return
	case ir.AtomicAdd, ir.AtomicSub:
		if op == ir.AtomicSub {
			e.fail(a.UnaryR(asm.Neg, sz, dst))
		}
		e.trapHere(in.Trap)
		e.fail(a.XaddMR(sz, m, dst, true))
		return
	}
	loop := a.NewLabel()
	e.trapHere(in.Trap)
	if sz < asm.Size32 {
		e.fail(a.MovZXLoad(asm.Size32, sz, asm.RAX, m))
	} else {
		e.fail(a.Load(sz, asm.RAX, m))
	}
	a.Bind(loop)
	e.fail(a.MovRR(asm.Size64, scratch, asm.RAX))
	switch op {
	case ir.AtomicAnd:
		e.fail(a.AluRR(asm.And, aluSize(sz), scratch, x))
	case ir.AtomicNand:
		e.fail(a.AluRR(asm.And, aluSize(sz), scratch, x))
		e.fail(a.UnaryR(asm.Not, aluSize(sz), scratch))
	case ir.AtomicOr:
		e.fail(a.AluRR(asm.Or, aluSize(sz), scratch, x))
	case ir.AtomicXor:
		e.fail(a.AluRR(asm.Xor, aluSize(sz), scratch, x))
	default:
		// min/max: keep the old value unless x wins.
		cc := map[ir.AtomicRmwOp]asm.CC{ir.AtomicUmin: asm.CondB, ir.AtomicUmax: asm.CondA, ir.AtomicSmin: asm.CondL, ir.AtomicSmax: asm.CondG}[op]
		e.fail(a.AluRR(asm.Cmp, sz, x, scratch))
		e.fail(a.Cmov(cc, aluSize(sz), scratch, x))
	}
	e.trapHere(in.Trap)
	e.fail(a.CmpxchgMR(sz, m, scratch, true))
	e.fail(a.Jcc(asm.CondNE, loop))
}
