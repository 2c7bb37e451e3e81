package amd64

import (
	"math"

	"kiln/baseline/masm"
	"kiln/encoder"
	x "kiln/encoder/amd64"
	"kiln/ir/vm"
)

var aluOps = [...]x.AluOp{masm.IAdd: x.Add, masm.ISub: x.Sub, masm.IAnd: x.And, masm.IOr: x.Or, masm.IXor: x.Xor}

var shiftOps = [...]x.ShiftOp{masm.IShl: x.Shl, masm.IShrS: x.Sar, masm.IShrU: x.Shr, masm.IRotl: x.Rol, masm.IRotr: x.Ror}

func (m *MacroAssembler) IntBinary(op masm.IntOp, sz masm.Size, dst, src masm.Reg) {
	a, d, s, z := m.a, gpr(dst), gpr(src), size(sz)
	switch {
	case op == masm.IMul:
		m.e(a.ImulRR(z, d, s))
	case op.IsShift():
		sh := shiftOps[op]
		if d == x.RCX {
			m.e(a.MovRR(x.Size64, scratch, x.RCX))
			if s != x.RCX {
				m.e(a.MovRR(x.Size64, x.RCX, s))
			}
			m.e(a.ShiftRCL(sh, z, scratch))
			m.e(a.MovRR(x.Size64, x.RCX, scratch))
			return
		}
		if s != x.RCX {
			m.e(a.MovRR(x.Size64, x.RCX, s))
		}
		m.e(a.ShiftRCL(sh, z, d))
	case op.IsDiv():
		m.divRem(op, z, d, s)
	default:
		m.e(a.AluRR(aluOps[op], z, d, s))
	}
}

// divRem emits wasm's trapping division: divide by zero traps; signed
// division of the minimum by -1 traps (div) or yields 0 (rem), which the
// -1 path handles without idiv (which would fault).
func (m *MacroAssembler) divRem(op masm.IntOp, z x.Size, d, s x.GPR) {
	a := m.a
	if s == x.RAX || s == x.RDX {
		m.e(a.MovRR(x.Size64, scratch, s))
		s = scratch
	}
	m.e(a.TestRR(z, s, s))
	m.trapIf(x.CondE, vm.TrapIntegerDivideByZero)
	signed := op == masm.IDivS || op == masm.IRemS
	done := m.buf.NewLabel()
	if signed {
		normal := m.buf.NewLabel()
		m.e(a.AluRI(x.Cmp, z, s, -1))
		m.e(a.Jcc(x.CondNE, normal))
		if op == masm.IDivS {
			m.e(a.UnaryR(x.Neg, z, d))
			m.trapIf(x.CondO, vm.TrapIntegerOverflow)
		} else {
			m.e(a.AluRR(x.Xor, x.Size32, d, d))
		}
		m.e(a.Jmp(done))
		m.buf.Bind(normal)
	}
	if d != x.RAX {
		m.e(a.MovRR(x.Size64, x.RAX, d))
	}
	if signed {
		m.e(a.SignExtendAX(z))
		m.e(a.UnaryR(x.Idiv, z, s))
	} else {
		m.e(a.AluRR(x.Xor, x.Size32, x.RDX, x.RDX))
		m.e(a.UnaryR(x.Div, z, s))
	}
	res := x.RAX
	if op == masm.IRemS || op == masm.IRemU {
		res = x.RDX
	}
	if d != res {
		m.e(a.MovRR(x.Size64, d, res))
	}
	m.buf.Bind(done)
}

func (m *MacroAssembler) IntBinaryImm(op masm.IntOp, sz masm.Size, dst masm.Reg, imm int64) bool {
	a, d, z := m.a, gpr(dst), size(sz)
	if sz == masm.S32 {
		imm = int64(int32(imm))
	}
	switch {
	case op.IsShift():
		m.e(a.ShiftRI(shiftOps[op], z, d, uint8(imm&int64(sz*8-1))))
	case op.IsDiv() || !fitsImm32(imm):
		return false
	case op == masm.IMul:
		m.e(a.ImulRRI(z, d, d, imm))
	default:
		m.e(a.AluRI(aluOps[op], z, d, imm))
	}
	return true
}

func (m *MacroAssembler) IntBinarySlot(op masm.IntOp, sz masm.Size, dst masm.Reg, s masm.Slot) bool {
	switch op {
	case masm.IAdd, masm.ISub, masm.IAnd, masm.IOr, masm.IXor:
		m.e(m.a.AluRM(aluOps[op], size(sz), gpr(dst), m.slot(s)))
	case masm.IMul:
		m.e(m.a.ImulRM(size(sz), gpr(dst), m.slot(s)))
	default:
		return false
	}
	return true
}

func (m *MacroAssembler) IntUnary(op masm.IntUnOp, sz masm.Size, dst masm.Reg) {
	a, d, z := m.a, gpr(dst), size(sz)
	switch op {
	case masm.IClz:
		m.e(a.BitRR(x.BitLzcnt, z, d, d))
	case masm.ICtz:
		m.e(a.BitRR(x.BitTzcnt, z, d, d))
	case masm.IPopcnt:
		m.e(a.BitRR(x.BitPopcnt, z, d, d))
	case masm.IExtend8S:
		m.e(a.MovSX(z, x.Size8, d, d))
	case masm.IExtend16S:
		m.e(a.MovSX(z, x.Size16, d, d))
	case masm.IExtend32S:
		m.e(a.MovSX(x.Size64, x.Size32, d, d))
	}
}

var intConds = [...]x.CC{
	masm.Eq: x.CondE, masm.Ne: x.CondNE, masm.LtS: x.CondL, masm.LtU: x.CondB,
	masm.GtS: x.CondG, masm.GtU: x.CondA, masm.LeS: x.CondLE, masm.LeU: x.CondBE,
	masm.GeS: x.CondGE, masm.GeU: x.CondAE,
}

func (m *MacroAssembler) setBool(cc x.CC, d x.GPR) {
	m.e(m.a.Setcc(cc, d))
	m.e(m.a.MovZX(x.Size32, x.Size8, d, d))
}

func (m *MacroAssembler) IntCompare(c masm.Cond, sz masm.Size, dst, lhs, rhs masm.Reg) {
	m.e(m.a.AluRR(x.Cmp, size(sz), gpr(lhs), gpr(rhs)))
	m.setBool(intConds[c], gpr(dst))
}

func (m *MacroAssembler) IntCompareImm(c masm.Cond, sz masm.Size, dst, lhs masm.Reg, imm int64) bool {
	if sz == masm.S32 {
		imm = int64(int32(imm))
	}
	if !fitsImm32(imm) {
		return false
	}
	m.e(m.a.AluRI(x.Cmp, size(sz), gpr(lhs), imm))
	m.setBool(intConds[c], gpr(dst))
	return true
}

func (m *MacroAssembler) CmpImmOK(sz masm.Size, imm int64) bool {
	return sz == masm.S32 || fitsImm32(imm)
}

func (m *MacroAssembler) IntCmpBranch(c masm.Cond, sz masm.Size, lhs, rhs masm.Reg, l masm.Label) {
	m.e(m.a.AluRR(x.Cmp, size(sz), gpr(lhs), gpr(rhs)))
	m.e(m.a.Jcc(intConds[c], l))
}

func (m *MacroAssembler) IntCmpImmBranch(c masm.Cond, sz masm.Size, lhs masm.Reg, imm int64, l masm.Label) {
	if sz == masm.S32 {
		imm = int64(int32(imm))
	}
	if imm == 0 && (c == masm.Eq || c == masm.Ne) {
		m.e(m.a.TestRR(size(sz), gpr(lhs), gpr(lhs)))
	} else {
		m.e(m.a.AluRI(x.Cmp, size(sz), gpr(lhs), imm))
	}
	m.e(m.a.Jcc(intConds[c], l))
}

func (m *MacroAssembler) IntEqz(sz masm.Size, dst, src masm.Reg) {
	m.e(m.a.TestRR(size(sz), gpr(src), gpr(src)))
	m.setBool(x.CondE, gpr(dst))
}

func (m *MacroAssembler) ZeroExtend32(dst, src masm.Reg) {
	m.e(m.a.MovRR(x.Size32, gpr(dst), gpr(src)))
}

func (m *MacroAssembler) SignExtend32(dst, src masm.Reg) {
	m.e(m.a.MovSX(x.Size64, x.Size32, gpr(dst), gpr(src)))
}

// ---- floats -------------------------------------------------------------

// fop picks the single- or double-precision row.
func fop(sz masm.Size, s, d x.Op) x.Op {
	if sz == masm.S32 {
		return s
	}
	return d
}

// signMask returns a 16-byte pool constant with the sign bit (or, when
// inverted, every other bit) set in the low lane.
func (m *MacroAssembler) signMask(sz masm.Size, inverted bool) x.Mem {
	var b [16]byte
	if sz == masm.S32 {
		v := uint32(1 << 31)
		if inverted {
			v = ^v
		}
		for i := 0; i < 4; i++ {
			b[i] = byte(v >> (8 * i))
		}
	} else {
		v := uint64(1 << 63)
		if inverted {
			v = ^v
		}
		for i := 0; i < 8; i++ {
			b[i] = byte(v >> (8 * i))
		}
	}
	return m.a.Const(b[:], 16)
}

func (m *MacroAssembler) FloatBinary(op masm.FloatOp, sz masm.Size, dst, src masm.Reg) {
	a, d, s := m.a, xmm(dst), xmm(src)
	switch op {
	case masm.FAdd:
		m.e(a.Sse(fop(sz, x.Addss, x.Addsd), d, s))
	case masm.FSub:
		m.e(a.Sse(fop(sz, x.Subss, x.Subsd), d, s))
	case masm.FMul:
		m.e(a.Sse(fop(sz, x.Mulss, x.Mulsd), d, s))
	case masm.FDiv:
		m.e(a.Sse(fop(sz, x.Divss, x.Divsd), d, s))
	case masm.FMin, masm.FMax:
		m.minMax(op == masm.FMin, sz, d, s)
	case masm.FCopysign:
		m.e(a.Sse(x.Movaps, fscratch, s))
		m.e(a.SseM(x.Andps, fscratch, m.signMask(sz, false)))
		m.e(a.SseM(x.Andps, d, m.signMask(sz, true)))
		m.e(a.Sse(x.Orps, d, fscratch))
	}
}

// minMax implements wasm min/max: NaN if either operand is NaN, and -0 <
// +0. minss/maxss alone return the second operand in both cases.
func (m *MacroAssembler) minMax(isMin bool, sz masm.Size, d, s x.XMM) {
	a := m.a
	nan, normal, done := m.buf.NewLabel(), m.buf.NewLabel(), m.buf.NewLabel()
	m.e(a.Sse(fop(sz, x.Ucomiss, x.Ucomisd), d, s))
	m.e(a.Jcc(x.CondP, nan))
	m.e(a.Jcc(x.CondNE, normal))
	// Equal: the operands differ at most in the sign of zero.
	if isMin {
		m.e(a.Sse(x.Orps, d, s))
	} else {
		m.e(a.Sse(x.Andps, d, s))
	}
	m.e(a.Jmp(done))
	m.buf.Bind(nan)
	m.e(a.Sse(fop(sz, x.Addss, x.Addsd), d, s))
	m.e(a.Jmp(done))
	m.buf.Bind(normal)
	if isMin {
		m.e(a.Sse(fop(sz, x.Minss, x.Minsd), d, s))
	} else {
		m.e(a.Sse(fop(sz, x.Maxss, x.Maxsd), d, s))
	}
	m.buf.Bind(done)
}

var roundModes = [...]uint8{masm.FNearest: 0, masm.FFloor: 1, masm.FCeil: 2, masm.FTrunc: 3}

func (m *MacroAssembler) FloatUnary(op masm.FloatUnOp, sz masm.Size, dst masm.Reg) {
	a, d := m.a, xmm(dst)
	switch op {
	case masm.FAbs:
		m.e(a.SseM(x.Andps, d, m.signMask(sz, true)))
	case masm.FNeg:
		m.e(a.SseM(x.Xorps, d, m.signMask(sz, false)))
	case masm.FSqrt:
		m.e(a.Sse(fop(sz, x.Sqrtss, x.Sqrtsd), d, d))
	default:
		m.e(a.SseI(fop(sz, x.Roundss, x.Roundsd), d, d, roundModes[op]|8))
	}
}

func (m *MacroAssembler) FloatCompare(c masm.Cond, sz masm.Size, dst, lhs, rhs masm.Reg) {
	a, d, l, r := m.a, gpr(dst), xmm(lhs), xmm(rhs)
	ucomi := fop(sz, x.Ucomiss, x.Ucomisd)
	switch c {
	case masm.Eq, masm.Ne:
		m.e(a.Sse(ucomi, l, r))
		if c == masm.Eq {
			m.e(a.Setcc(x.CondE, d))
			m.e(a.Setcc(x.CondNP, scratch))
			m.e(a.AluRR(x.And, x.Size8, d, scratch))
		} else {
			m.e(a.Setcc(x.CondNE, d))
			m.e(a.Setcc(x.CondP, scratch))
			m.e(a.AluRR(x.Or, x.Size8, d, scratch))
		}
		m.e(a.MovZX(x.Size32, x.Size8, d, d))
		return
	case masm.LtS, masm.LeS:
		l, r = r, l
	}
	m.e(a.Sse(ucomi, l, r))
	cc := x.CondA
	if c == masm.LeS || c == masm.GeS {
		cc = x.CondAE
	}
	m.setBool(cc, d)
}

func (m *MacroAssembler) FloatCmpBranch(c masm.Cond, sz masm.Size, lhs, rhs masm.Reg, l masm.Label, when bool) {
	a, lx, rx := m.a, xmm(lhs), xmm(rhs)
	if c == masm.LtS || c == masm.LeS {
		// a < b is b > a: ucomis sets CF=ZF=PF=1 for unordered, so the
		// "above" conditions are false for NaN.
		lx, rx = rx, lx
	}
	m.e(a.Sse(fop(sz, x.Ucomiss, x.Ucomisd), lx, rx))
	jcc := func(cc x.CC, to masm.Label) { m.e(a.Jcc(cc, to)) }
	switch c {
	case masm.Eq, masm.Ne:
		if (c == masm.Eq) == when {
			// Equal and ordered: ZF=1 and PF=0.
			skip := m.buf.NewLabel()
			jcc(x.CondP, skip)
			jcc(x.CondE, l)
			m.buf.Bind(skip)
		} else {
			jcc(x.CondNE, l)
			jcc(x.CondP, l)
		}
	case masm.LtS, masm.GtS:
		if when {
			jcc(x.CondA, l)
		} else {
			jcc(x.CondBE, l)
		}
	default: // LeS, GeS
		if when {
			jcc(x.CondAE, l)
		} else {
			jcc(x.CondB, l)
		}
	}
}

func (m *MacroAssembler) Reinterpret(sz masm.Size, dst, src masm.Reg) {
	if dst.Class == masm.Float {
		m.e(m.a.SseFromGPR(x.MovdToX, size(sz), xmm(dst), gpr(src)))
	} else {
		m.e(m.a.SseToGPR(x.MovdFromX, size(sz), gpr(dst), xmm(src)))
	}
}

// f64Const returns a pool constant holding a float of the given width.
func (m *MacroAssembler) fconst(sz masm.Size, v float64) x.Mem {
	var b [8]byte
	if sz == masm.S32 {
		u := math.Float32bits(float32(v))
		for i := 0; i < 4; i++ {
			b[i] = byte(u >> (8 * i))
		}
		return m.a.Const(b[:4], 4)
	}
	u := math.Float64bits(v)
	for i := 0; i < 8; i++ {
		b[i] = byte(u >> (8 * i))
	}
	return m.a.Const(b[:], 8)
}

// Convert implements every numeric conversion between registers of
// different classes or widths.
func (m *MacroAssembler) Convert(c masm.Conv, dst, src masm.Reg) {
	a := m.a
	switch {
	case c.FromFloat && c.ToFloat:
		if c.To == masm.S32 {
			m.e(a.Sse(x.Cvtsd2ss, xmm(dst), xmm(src)))
		} else {
			m.e(a.Sse(x.Cvtss2sd, xmm(dst), xmm(src)))
		}
	case !c.FromFloat && c.ToFloat:
		m.intToFloat(c, xmm(dst), gpr(src))
	case c.FromFloat && !c.ToFloat:
		m.floatToInt(c, gpr(dst), xmm(src))
	}
}

func (m *MacroAssembler) intToFloat(c masm.Conv, d x.XMM, s x.GPR) {
	a := m.a
	cvt := fop(c.To, x.Cvtsi2ss, x.Cvtsi2sd)
	m.e(a.Sse(x.Xorps, d, d))
	switch {
	case c.Signed:
		m.e(a.SseFromGPR(cvt, size(c.From), d, s))
	case c.From == masm.S32:
		// A zero-extended u32 is a non-negative i64.
		m.e(a.MovRR(x.Size32, scratch, s))
		m.e(a.SseFromGPR(cvt, x.Size64, d, scratch))
	default:
		// u64: values with the top bit set are halved (keeping the low
		// bit for correct rounding), converted and doubled.
		big, done := m.buf.NewLabel(), m.buf.NewLabel()
		m.e(a.TestRR(x.Size64, s, s))
		m.e(a.Jcc(x.CondS, big))
		m.e(a.SseFromGPR(cvt, x.Size64, d, s))
		m.e(a.Jmp(done))
		m.buf.Bind(big)
		odd := m.buf.NewLabel()
		m.e(a.MovRR(x.Size64, scratch, s))
		m.e(a.ShiftRI(x.Shr, x.Size64, scratch, 1)) // CF = the bit shifted out
		m.e(a.Jcc(x.CondAE, odd))
		m.e(a.AluRI(x.Or, x.Size64, scratch, 1))
		m.buf.Bind(odd)
		m.e(a.SseFromGPR(cvt, x.Size64, d, scratch))
		m.e(a.Sse(fop(c.To, x.Addss, x.Addsd), d, d))
		m.buf.Bind(done)
	}
}

// floatToInt converts with wasm semantics: trapping conversions trap on
// NaN (invalid conversion) and out-of-range values (integer overflow);
// saturating ones clamp and map NaN to 0. The bounds are exclusive
// float limits (lo < v < hi) chosen so every in-range value converts
// exactly.
func (m *MacroAssembler) floatToInt(c masm.Conv, d x.GPR, s x.XMM) {
	a := m.a
	fs := c.From
	ucomi := fop(fs, x.Ucomiss, x.Ucomisd)
	cvtt := fop(fs, x.Cvttss2si, x.Cvttsd2si)
	var lo, hi float64
	var minV, maxV uint64
	loInclusive := false
	switch {
	case c.Signed && c.To == masm.S32:
		lo, hi, minV, maxV = -2147483649, 2147483648, 0x80000000, 0x7fffffff
		if fs == masm.S32 {
			lo, loInclusive = -2147483648, true
		}
	case c.Signed:
		lo, hi, minV, maxV, loInclusive = -9223372036854775808, 9223372036854775808, 1<<63, 1<<63-1, true
	case c.To == masm.S32:
		lo, hi, minV, maxV = -1, 4294967296, 0, 0xffffffff
	default:
		lo, hi, minV, maxV = -1, 18446744073709551616, 0, math.MaxUint64
	}
	done := m.buf.NewLabel()
	var tooLow, tooHigh encoder.Label
	m.e(a.Sse(ucomi, s, s))
	if c.Saturating {
		tooLow, tooHigh = m.buf.NewLabel(), m.buf.NewLabel()
		nan := m.buf.NewLabel()
		m.e(a.Jcc(x.CondP, nan))
		m.e(a.SseM(ucomi, s, m.fconst(fs, lo)))
		if loInclusive {
			m.e(a.Jcc(x.CondB, tooLow))
		} else {
			m.e(a.Jcc(x.CondBE, tooLow))
		}
		m.e(a.SseM(ucomi, s, m.fconst(fs, hi)))
		m.e(a.Jcc(x.CondAE, tooHigh))
		m.truncInRange(c, d, s, cvtt, hi)
		m.e(a.Jmp(done))
		m.buf.Bind(nan)
		m.e(a.AluRR(x.Xor, x.Size32, d, d))
		m.e(a.Jmp(done))
		m.buf.Bind(tooLow)
		m.loadIntImm(c.To, d, minV)
		m.e(a.Jmp(done))
		m.buf.Bind(tooHigh)
		m.loadIntImm(c.To, d, maxV)
		m.buf.Bind(done)
		return
	}
	m.trapIf(x.CondP, vm.TrapBadConversionToInteger)
	m.e(a.SseM(ucomi, s, m.fconst(fs, lo)))
	if loInclusive {
		m.trapIf(x.CondB, vm.TrapIntegerOverflow)
	} else {
		m.trapIf(x.CondBE, vm.TrapIntegerOverflow)
	}
	m.e(a.SseM(ucomi, s, m.fconst(fs, hi)))
	m.trapIf(x.CondAE, vm.TrapIntegerOverflow)
	m.truncInRange(c, d, s, cvtt, hi)
	m.buf.Bind(done)
}

// truncInRange converts a value known to be within the target's range.
func (m *MacroAssembler) truncInRange(c masm.Conv, d x.GPR, s x.XMM, cvtt x.Op, hi float64) {
	a := m.a
	switch {
	case c.Signed:
		m.e(a.SseToGPR(cvtt, size(c.To), d, s))
	case c.To == masm.S32:
		m.e(a.SseToGPR(cvtt, x.Size64, d, s))
		m.e(a.MovRR(x.Size32, d, d))
	default:
		// u64 at or above 2^63: subtract 2^63, convert, set the top bit.
		big, done := m.buf.NewLabel(), m.buf.NewLabel()
		two63 := m.fconst(c.From, hi/2)
		m.e(a.SseM(fop(c.From, x.Ucomiss, x.Ucomisd), s, two63))
		m.e(a.Jcc(x.CondAE, big))
		m.e(a.SseToGPR(cvtt, x.Size64, d, s))
		m.e(a.Jmp(done))
		m.buf.Bind(big)
		m.e(a.Sse(x.Movaps, fscratch, s))
		m.e(a.SseM(fop(c.From, x.Subss, x.Subsd), fscratch, two63))
		m.e(a.SseToGPR(cvtt, x.Size64, d, fscratch))
		m.e(a.MovAbs(scratch, 1<<63))
		m.e(a.AluRR(x.Xor, x.Size64, d, scratch))
		m.buf.Bind(done)
	}
}
