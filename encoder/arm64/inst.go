package arm64

import "math"

// Typed constructors. Each returns the instruction word or an error naming
// the operand that cannot be encoded; none returns bytes for a request it
// cannot represent exactly. General-register forms take the width from
// their registers (all W or all X; mixing is an error). Register types say
// what register 31 means: Reg is the zero register, RegSP the stack
// pointer. Forms that take a branch displacement (…Disp) expect bytes from
// the instruction; Asm (emit.go) is the label-aware layer on top.

// pick returns the 32- or 64-bit row by the width of register r.
func pick(w, x Op, r uint16) Op {
	if r>>8 == clsX {
		return x
	}
	return w
}

// pickF returns the single- or double-precision row by the class of r.
func pickF(s, d Op, r FReg) Op {
	if r>>8 == clsD {
		return d
	}
	return s
}

func shiftVal(sh Shift, amount uint8) int64 { return int64(sh)<<8 | int64(amount) }
func extVal(ext Extend, amount uint8) int64 { return int64(ext)<<8 | int64(amount) }

// ---- Shifted-register ALU: <op> Rd, Rn, Rm{, <shift> #<amount>} ----

// Add is add rd, rn, rm.
func Add(rd, rn, rm Reg) (Inst, error) { return AddShifted(rd, rn, rm, LSL, 0) }

// AddShifted is add rd, rn, rm, <sh> #amount.
func AddShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(ADDWrs, ADDXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Adds is adds rd, rn, rm.
func Adds(rd, rn, rm Reg) (Inst, error) { return AddsShifted(rd, rn, rm, LSL, 0) }

// AddsShifted is adds rd, rn, rm, <sh> #amount.
func AddsShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(ADDSWrs, ADDSXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Sub is sub rd, rn, rm.
func Sub(rd, rn, rm Reg) (Inst, error) { return SubShifted(rd, rn, rm, LSL, 0) }

// SubShifted is sub rd, rn, rm, <sh> #amount.
func SubShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(SUBWrs, SUBXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Subs is subs rd, rn, rm.
func Subs(rd, rn, rm Reg) (Inst, error) { return SubsShifted(rd, rn, rm, LSL, 0) }

// SubsShifted is subs rd, rn, rm, <sh> #amount.
func SubsShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(SUBSWrs, SUBSXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// And is and rd, rn, rm.
func And(rd, rn, rm Reg) (Inst, error) { return AndShifted(rd, rn, rm, LSL, 0) }

// AndShifted is and rd, rn, rm, <sh> #amount.
func AndShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(ANDWrs, ANDXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Ands is ands rd, rn, rm.
func Ands(rd, rn, rm Reg) (Inst, error) { return AndsShifted(rd, rn, rm, LSL, 0) }

// AndsShifted is ands rd, rn, rm, <sh> #amount.
func AndsShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(ANDSWrs, ANDSXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Bic is bic rd, rn, rm.
func Bic(rd, rn, rm Reg) (Inst, error) { return BicShifted(rd, rn, rm, LSL, 0) }

// BicShifted is bic rd, rn, rm, <sh> #amount.
func BicShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(BICWrs, BICXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Bics is bics rd, rn, rm.
func Bics(rd, rn, rm Reg) (Inst, error) { return BicsShifted(rd, rn, rm, LSL, 0) }

// BicsShifted is bics rd, rn, rm, <sh> #amount.
func BicsShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(BICSWrs, BICSXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Orr is orr rd, rn, rm.
func Orr(rd, rn, rm Reg) (Inst, error) { return OrrShifted(rd, rn, rm, LSL, 0) }

// OrrShifted is orr rd, rn, rm, <sh> #amount.
func OrrShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(ORRWrs, ORRXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Orn is orn rd, rn, rm.
func Orn(rd, rn, rm Reg) (Inst, error) { return OrnShifted(rd, rn, rm, LSL, 0) }

// OrnShifted is orn rd, rn, rm, <sh> #amount.
func OrnShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(ORNWrs, ORNXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Eor is eor rd, rn, rm.
func Eor(rd, rn, rm Reg) (Inst, error) { return EorShifted(rd, rn, rm, LSL, 0) }

// EorShifted is eor rd, rn, rm, <sh> #amount.
func EorShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(EORWrs, EORXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Eon is eon rd, rn, rm.
func Eon(rd, rn, rm Reg) (Inst, error) { return EonShifted(rd, rn, rm, LSL, 0) }

// EonShifted is eon rd, rn, rm, <sh> #amount.
func EonShifted(rd, rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(EONWrs, EONXrs, uint16(rd)), rd.val(), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Cmp is cmp rn, rm.
func Cmp(rn, rm Reg) (Inst, error) { return CmpShifted(rn, rm, LSL, 0) }

// CmpShifted is cmp rn, rm, <sh> #amount.
func CmpShifted(rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(CMPWrs, CMPXrs, uint16(rn)), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Cmn is cmn rn, rm.
func Cmn(rn, rm Reg) (Inst, error) { return CmnShifted(rn, rm, LSL, 0) }

// CmnShifted is cmn rn, rm, <sh> #amount.
func CmnShifted(rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(CMNWrs, CMNXrs, uint16(rn)), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Tst is tst rn, rm.
func Tst(rn, rm Reg) (Inst, error) { return TstShifted(rn, rm, LSL, 0) }

// TstShifted is tst rn, rm, <sh> #amount.
func TstShifted(rn, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(TSTWrs, TSTXrs, uint16(rn)), rn.val(), rm.val(), shiftVal(sh, amount))
}

// Neg is neg rd, rm.
func Neg(rd, rm Reg) (Inst, error) { return NegShifted(rd, rm, LSL, 0) }

// NegShifted is neg rd, rm, <sh> #amount.
func NegShifted(rd, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(NEGWrs, NEGXrs, uint16(rd)), rd.val(), rm.val(), shiftVal(sh, amount))
}

// Negs is negs rd, rm.
func Negs(rd, rm Reg) (Inst, error) { return NegsShifted(rd, rm, LSL, 0) }

// NegsShifted is negs rd, rm, <sh> #amount.
func NegsShifted(rd, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(NEGSWrs, NEGSXrs, uint16(rd)), rd.val(), rm.val(), shiftVal(sh, amount))
}

// Mvn is mvn rd, rm.
func Mvn(rd, rm Reg) (Inst, error) { return MvnShifted(rd, rm, LSL, 0) }

// MvnShifted is mvn rd, rm, <sh> #amount.
func MvnShifted(rd, rm Reg, sh Shift, amount uint8) (Inst, error) {
	return Encode(pick(MVNWrs, MVNXrs, uint16(rd)), rd.val(), rm.val(), shiftVal(sh, amount))
}

// Mov is mov rd, rm (orr rd, zr, rm). For SP use MovSP.
func Mov(rd, rm Reg) (Inst, error) { return Encode(pick(MOVWr, MOVXr, uint16(rd)), rd.val(), rm.val()) }

// MovSP is mov rd, rn (add rd, rn, #0) between SP and general registers.
func MovSP(rd, rn RegSP) (Inst, error) {
	return Encode(pick(MOVWsp, MOVXsp, uint16(rd)), rd.val(), rn.val())
}

// ---- Add/subtract immediate ----

// imm12 splits an add/sub immediate into imm12 and its optional LSL #12.
func imm12(imm uint32) (int64, int64) {
	if imm >= 1<<12 && imm&0xfff == 0 {
		return int64(imm >> 12), 12
	}
	return int64(imm), 0 // out-of-range values are reported by Encode
}

// AddImm is add rd, rn, #imm, for imm in [0, 4095] or a multiple of 4096
// up to 4095<<12.
func AddImm(rd, rn RegSP, imm uint32) (Inst, error) {
	v, sh := imm12(imm)
	return Encode(pick(ADDWi, ADDXi, uint16(rd)), rd.val(), rn.val(), v, sh)
}

// SubImm is sub rd, rn, #imm.
func SubImm(rd, rn RegSP, imm uint32) (Inst, error) {
	v, sh := imm12(imm)
	return Encode(pick(SUBWi, SUBXi, uint16(rd)), rd.val(), rn.val(), v, sh)
}

// AddsImm is adds rd, rn, #imm.
func AddsImm(rd Reg, rn RegSP, imm uint32) (Inst, error) {
	v, sh := imm12(imm)
	return Encode(pick(ADDSWi, ADDSXi, uint16(rd)), rd.val(), rn.val(), v, sh)
}

// SubsImm is subs rd, rn, #imm.
func SubsImm(rd Reg, rn RegSP, imm uint32) (Inst, error) {
	v, sh := imm12(imm)
	return Encode(pick(SUBSWi, SUBSXi, uint16(rd)), rd.val(), rn.val(), v, sh)
}

// CmpImm is cmp rn, #imm.
func CmpImm(rn RegSP, imm uint32) (Inst, error) {
	v, sh := imm12(imm)
	return Encode(pick(CMPWi, CMPXi, uint16(rn)), rn.val(), v, sh)
}

// CmnImm is cmn rn, #imm.
func CmnImm(rn RegSP, imm uint32) (Inst, error) {
	v, sh := imm12(imm)
	return Encode(pick(CMNWi, CMNXi, uint16(rn)), rn.val(), v, sh)
}

// ---- Add/subtract extended register ----

// AddExt is add rd, rn, rm, <ext> #amount (amount 0-4). In the 64-bit
// form rm is an X register for UXTX/SXTX and a W register otherwise.
func AddExt(rd, rn RegSP, rm Reg, ext Extend, amount uint8) (Inst, error) {
	return Encode(pick(ADDWrx, ADDXrx, uint16(rd)), rd.val(), rn.val(), rm.val(), extVal(ext, amount))
}

// SubExt is sub rd, rn, rm, <ext> #amount (amount 0-4). In the 64-bit
// form rm is an X register for UXTX/SXTX and a W register otherwise.
func SubExt(rd, rn RegSP, rm Reg, ext Extend, amount uint8) (Inst, error) {
	return Encode(pick(SUBWrx, SUBXrx, uint16(rd)), rd.val(), rn.val(), rm.val(), extVal(ext, amount))
}

// AddsExt is adds rd, rn, rm, <ext> #amount (amount 0-4). In the 64-bit
// form rm is an X register for UXTX/SXTX and a W register otherwise.
func AddsExt(rd Reg, rn RegSP, rm Reg, ext Extend, amount uint8) (Inst, error) {
	return Encode(pick(ADDSWrx, ADDSXrx, uint16(rd)), rd.val(), rn.val(), rm.val(), extVal(ext, amount))
}

// SubsExt is subs rd, rn, rm, <ext> #amount (amount 0-4). In the 64-bit
// form rm is an X register for UXTX/SXTX and a W register otherwise.
func SubsExt(rd Reg, rn RegSP, rm Reg, ext Extend, amount uint8) (Inst, error) {
	return Encode(pick(SUBSWrx, SUBSXrx, uint16(rd)), rd.val(), rn.val(), rm.val(), extVal(ext, amount))
}

// CmpExt is cmp rn, rm, <ext> #amount (amount 0-4). In the 64-bit
// form rm is an X register for UXTX/SXTX and a W register otherwise.
func CmpExt(rn RegSP, rm Reg, ext Extend, amount uint8) (Inst, error) {
	return Encode(pick(CMPWrx, CMPXrx, uint16(rn)), rn.val(), rm.val(), extVal(ext, amount))
}

// CmnExt is cmn rn, rm, <ext> #amount (amount 0-4). In the 64-bit
// form rm is an X register for UXTX/SXTX and a W register otherwise.
func CmnExt(rn RegSP, rm Reg, ext Extend, amount uint8) (Inst, error) {
	return Encode(pick(CMNWrx, CMNXrx, uint16(rn)), rn.val(), rm.val(), extVal(ext, amount))
}

// ---- Logical immediate (bitmask immediates; see EncodeBitmask) ----

// AndImm is and rd, rn, #imm.
func AndImm(rd RegSP, rn Reg, imm uint64) (Inst, error) {
	return Encode(pick(ANDWri, ANDXri, uint16(rd)), rd.val(), rn.val(), int64(imm))
}

// OrrImm is orr rd, rn, #imm.
func OrrImm(rd RegSP, rn Reg, imm uint64) (Inst, error) {
	return Encode(pick(ORRWri, ORRXri, uint16(rd)), rd.val(), rn.val(), int64(imm))
}

// EorImm is eor rd, rn, #imm.
func EorImm(rd RegSP, rn Reg, imm uint64) (Inst, error) {
	return Encode(pick(EORWri, EORXri, uint16(rd)), rd.val(), rn.val(), int64(imm))
}

// AndsImm is ands rd, rn, #imm.
func AndsImm(rd, rn Reg, imm uint64) (Inst, error) {
	return Encode(pick(ANDSWri, ANDSXri, uint16(rd)), rd.val(), rn.val(), int64(imm))
}

// TstImm is tst rn, #imm.
func TstImm(rn Reg, imm uint64) (Inst, error) {
	return Encode(pick(TSTWri, TSTXri, uint16(rn)), rn.val(), int64(imm))
}

// ---- Move wide ----

// Movz is movz rd, #imm16, lsl #shift (shift 0, 16, 32 or 48).
func Movz(rd Reg, imm16 uint16, shift uint8) (Inst, error) {
	return Encode(pick(MOVZWi, MOVZXi, uint16(rd)), rd.val(), int64(imm16), int64(shift))
}

// Movn is movn rd, #imm16, lsl #shift (shift 0, 16, 32 or 48).
func Movn(rd Reg, imm16 uint16, shift uint8) (Inst, error) {
	return Encode(pick(MOVNWi, MOVNXi, uint16(rd)), rd.val(), int64(imm16), int64(shift))
}

// Movk is movk rd, #imm16, lsl #shift (shift 0, 16, 32 or 48).
func Movk(rd Reg, imm16 uint16, shift uint8) (Inst, error) {
	return Encode(pick(MOVKWi, MOVKXi, uint16(rd)), rd.val(), int64(imm16), int64(shift))
}

// ---- Two- and three-register data processing ----

// Mul is mul rd, rn, rm.
func Mul(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(MULW, MULX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Mneg is mneg rd, rn, rm.
func Mneg(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(MNEGW, MNEGX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Udiv is udiv rd, rn, rm (unsigned; the quotient of x/0 is 0).
func Udiv(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(UDIVW, UDIVX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Sdiv is sdiv rd, rn, rm (signed; the quotient of x/0 is 0).
func Sdiv(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(SDIVW, SDIVX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Lsl is lsl rd, rn, rm.
func Lsl(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(LSLVW, LSLVX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Lsr is lsr rd, rn, rm.
func Lsr(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(LSRVW, LSRVX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Asr is asr rd, rn, rm.
func Asr(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(ASRVW, ASRVX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Ror is ror rd, rn, rm.
func Ror(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(RORVW, RORVX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Smulh is smulh rd, rn, rm.
func Smulh(rd, rn, rm Reg) (Inst, error) { return Encode(SMULH, rd.val(), rn.val(), rm.val()) }

// Umulh is umulh rd, rn, rm.
func Umulh(rd, rn, rm Reg) (Inst, error) { return Encode(UMULH, rd.val(), rn.val(), rm.val()) }

// Smull is smull rd, rn, rm.
func Smull(rd, rn, rm Reg) (Inst, error) { return Encode(SMULL, rd.val(), rn.val(), rm.val()) }

// Umull is umull rd, rn, rm.
func Umull(rd, rn, rm Reg) (Inst, error) { return Encode(UMULL, rd.val(), rn.val(), rm.val()) }

// Madd is madd rd, rn, rm, ra.
func Madd(rd, rn, rm, ra Reg) (Inst, error) {
	return Encode(pick(MADDW, MADDX, uint16(rd)), rd.val(), rn.val(), rm.val(), ra.val())
}

// Msub is msub rd, rn, rm, ra.
func Msub(rd, rn, rm, ra Reg) (Inst, error) {
	return Encode(pick(MSUBW, MSUBX, uint16(rd)), rd.val(), rn.val(), rm.val(), ra.val())
}

// Smaddl is smaddl xd, wn, wm, xa.
func Smaddl(rd, rn, rm, ra Reg) (Inst, error) {
	return Encode(SMADDL, rd.val(), rn.val(), rm.val(), ra.val())
}

// Smsubl is smsubl xd, wn, wm, xa.
func Smsubl(rd, rn, rm, ra Reg) (Inst, error) {
	return Encode(SMSUBL, rd.val(), rn.val(), rm.val(), ra.val())
}

// Umaddl is umaddl xd, wn, wm, xa.
func Umaddl(rd, rn, rm, ra Reg) (Inst, error) {
	return Encode(UMADDL, rd.val(), rn.val(), rm.val(), ra.val())
}

// Umsubl is umsubl xd, wn, wm, xa.
func Umsubl(rd, rn, rm, ra Reg) (Inst, error) {
	return Encode(UMSUBL, rd.val(), rn.val(), rm.val(), ra.val())
}

// Rbit is rbit rd, rn.
func Rbit(rd, rn Reg) (Inst, error) {
	return Encode(pick(RBITW, RBITX, uint16(rd)), rd.val(), rn.val())
}

// Rev16 is rev16 rd, rn.
func Rev16(rd, rn Reg) (Inst, error) {
	return Encode(pick(REV16W, REV16X, uint16(rd)), rd.val(), rn.val())
}

// Rev is rev rd, rn.
func Rev(rd, rn Reg) (Inst, error) { return Encode(pick(REVW, REVX, uint16(rd)), rd.val(), rn.val()) }

// Clz is clz rd, rn.
func Clz(rd, rn Reg) (Inst, error) { return Encode(pick(CLZW, CLZX, uint16(rd)), rd.val(), rn.val()) }

// Cls is cls rd, rn.
func Cls(rd, rn Reg) (Inst, error) { return Encode(pick(CLSW, CLSX, uint16(rd)), rd.val(), rn.val()) }

// Rev32 is rev32 xd, xn.
func Rev32(rd, rn Reg) (Inst, error) { return Encode(REV32X, rd.val(), rn.val()) }

// Sxtb is sxtb rd, wn (rd W or X).
func Sxtb(rd, rn Reg) (Inst, error) {
	return Encode(pick(SXTBW, SXTBX, uint16(rd)), rd.val(), rn.val())
}

// Sxth is sxth rd, wn (rd W or X).
func Sxth(rd, rn Reg) (Inst, error) {
	return Encode(pick(SXTHW, SXTHX, uint16(rd)), rd.val(), rn.val())
}

// Sxtw is sxtw xd, wn.
func Sxtw(rd, rn Reg) (Inst, error) { return Encode(SXTWX, rd.val(), rn.val()) }

// Uxtb is uxtb wd, wn (zero-extends into the whole X register too).
func Uxtb(rd, rn Reg) (Inst, error) { return Encode(UXTBW, rd.val(), rn.val()) }

// Uxth is uxth wd, wn.
func Uxth(rd, rn Reg) (Inst, error) { return Encode(UXTHW, rd.val(), rn.val()) }

// ---- Shifts by immediate and bitfield moves ----

// LslImm is lsl rd, rn, #shift.
func LslImm(rd, rn Reg, shift uint8) (Inst, error) {
	return Encode(pick(LSLWi, LSLXi, uint16(rd)), rd.val(), rn.val(), int64(shift))
}

// LsrImm is lsr rd, rn, #shift.
func LsrImm(rd, rn Reg, shift uint8) (Inst, error) {
	return Encode(pick(LSRWi, LSRXi, uint16(rd)), rd.val(), rn.val(), int64(shift))
}

// AsrImm is asr rd, rn, #shift.
func AsrImm(rd, rn Reg, shift uint8) (Inst, error) {
	return Encode(pick(ASRWi, ASRXi, uint16(rd)), rd.val(), rn.val(), int64(shift))
}

// RorImm is ror rd, rn, #shift.
func RorImm(rd, rn Reg, shift uint8) (Inst, error) {
	return Encode(pick(RORWi, RORXi, uint16(rd)), rd.val(), rn.val(), int64(shift))
}

// Ubfx is ubfx rd, rn, #lsb, #width.
func Ubfx(rd, rn Reg, lsb, width uint8) (Inst, error) {
	return Encode(pick(UBFXW, UBFXX, uint16(rd)), rd.val(), rn.val(), int64(lsb), int64(width))
}

// Sbfx is sbfx rd, rn, #lsb, #width.
func Sbfx(rd, rn Reg, lsb, width uint8) (Inst, error) {
	return Encode(pick(SBFXW, SBFXX, uint16(rd)), rd.val(), rn.val(), int64(lsb), int64(width))
}

// Bfxil is bfxil rd, rn, #lsb, #width.
func Bfxil(rd, rn Reg, lsb, width uint8) (Inst, error) {
	return Encode(pick(BFXILW, BFXILX, uint16(rd)), rd.val(), rn.val(), int64(lsb), int64(width))
}

// Bfi is bfi rd, rn, #lsb, #width.
func Bfi(rd, rn Reg, lsb, width uint8) (Inst, error) {
	return Encode(pick(BFIW, BFIX, uint16(rd)), rd.val(), rn.val(), int64(lsb), int64(width))
}

// Ubfiz is ubfiz rd, rn, #lsb, #width.
func Ubfiz(rd, rn Reg, lsb, width uint8) (Inst, error) {
	return Encode(pick(UBFIZW, UBFIZX, uint16(rd)), rd.val(), rn.val(), int64(lsb), int64(width))
}

// Sbfiz is sbfiz rd, rn, #lsb, #width.
func Sbfiz(rd, rn Reg, lsb, width uint8) (Inst, error) {
	return Encode(pick(SBFIZW, SBFIZX, uint16(rd)), rd.val(), rn.val(), int64(lsb), int64(width))
}

// Ubfm is ubfm rd, rn, #immr, #imms.
func Ubfm(rd, rn Reg, immr, imms uint8) (Inst, error) {
	return Encode(pick(UBFMWri, UBFMXri, uint16(rd)), rd.val(), rn.val(), int64(immr), int64(imms))
}

// Sbfm is sbfm rd, rn, #immr, #imms.
func Sbfm(rd, rn Reg, immr, imms uint8) (Inst, error) {
	return Encode(pick(SBFMWri, SBFMXri, uint16(rd)), rd.val(), rn.val(), int64(immr), int64(imms))
}

// Bfm is bfm rd, rn, #immr, #imms.
func Bfm(rd, rn Reg, immr, imms uint8) (Inst, error) {
	return Encode(pick(BFMWri, BFMXri, uint16(rd)), rd.val(), rn.val(), int64(immr), int64(imms))
}

// Extr is extr rd, rn, rm, #lsb.
func Extr(rd, rn, rm Reg, lsb uint8) (Inst, error) {
	return Encode(pick(EXTRW, EXTRX, uint16(rd)), rd.val(), rn.val(), rm.val(), int64(lsb))
}

// ---- Conditional select and compare ----

// Csel is csel rd, rn, rm, cond.
func Csel(rd, rn, rm Reg, c Cond) (Inst, error) {
	return Encode(pick(CSELW, CSELX, uint16(rd)), rd.val(), rn.val(), rm.val(), int64(c))
}

// Csinc is csinc rd, rn, rm, cond.
func Csinc(rd, rn, rm Reg, c Cond) (Inst, error) {
	return Encode(pick(CSINCW, CSINCX, uint16(rd)), rd.val(), rn.val(), rm.val(), int64(c))
}

// Csinv is csinv rd, rn, rm, cond.
func Csinv(rd, rn, rm Reg, c Cond) (Inst, error) {
	return Encode(pick(CSINVW, CSINVX, uint16(rd)), rd.val(), rn.val(), rm.val(), int64(c))
}

// Csneg is csneg rd, rn, rm, cond.
func Csneg(rd, rn, rm Reg, c Cond) (Inst, error) {
	return Encode(pick(CSNEGW, CSNEGX, uint16(rd)), rd.val(), rn.val(), rm.val(), int64(c))
}

// Cset is cset rd, cond (cond may not be AL or NV).
func Cset(rd Reg, c Cond) (Inst, error) {
	return Encode(pick(CSETW, CSETX, uint16(rd)), rd.val(), int64(c))
}

// Csetm is csetm rd, cond (cond may not be AL or NV).
func Csetm(rd Reg, c Cond) (Inst, error) {
	return Encode(pick(CSETMW, CSETMX, uint16(rd)), rd.val(), int64(c))
}

// Cinc is cinc rd, rn, cond (cond may not be AL or NV).
func Cinc(rd, rn Reg, c Cond) (Inst, error) {
	return Encode(pick(CINCW, CINCX, uint16(rd)), rd.val(), rn.val(), int64(c))
}

// Cinv is cinv rd, rn, cond (cond may not be AL or NV).
func Cinv(rd, rn Reg, c Cond) (Inst, error) {
	return Encode(pick(CINVW, CINVX, uint16(rd)), rd.val(), rn.val(), int64(c))
}

// Cneg is cneg rd, rn, cond (cond may not be AL or NV).
func Cneg(rd, rn Reg, c Cond) (Inst, error) {
	return Encode(pick(CNEGW, CNEGX, uint16(rd)), rd.val(), rn.val(), int64(c))
}

// Ccmp is ccmp rn, rm, #nzcv, cond.
func Ccmp(rn, rm Reg, nzcv uint8, c Cond) (Inst, error) {
	return Encode(pick(CCMPWr, CCMPXr, uint16(rn)), rn.val(), rm.val(), int64(nzcv), int64(c))
}

// CcmpImm is ccmp rn, #imm5, #nzcv, cond.
func CcmpImm(rn Reg, imm5, nzcv uint8, c Cond) (Inst, error) {
	return Encode(pick(CCMPWi, CCMPXi, uint16(rn)), rn.val(), int64(imm5), int64(nzcv), int64(c))
}

// Ccmn is ccmn rn, rm, #nzcv, cond.
func Ccmn(rn, rm Reg, nzcv uint8, c Cond) (Inst, error) {
	return Encode(pick(CCMNWr, CCMNXr, uint16(rn)), rn.val(), rm.val(), int64(nzcv), int64(c))
}

// CcmnImm is ccmn rn, #imm5, #nzcv, cond.
func CcmnImm(rn Reg, imm5, nzcv uint8, c Cond) (Inst, error) {
	return Encode(pick(CCMNWi, CCMNXi, uint16(rn)), rn.val(), int64(imm5), int64(nzcv), int64(c))
}

// ---- Branches, PC-relative addresses, system ----

// BDisp is b with a byte displacement from the instruction.
func BDisp(disp int64) (Inst, error) { return Encode(B, disp) }

// BLDisp is bl with a byte displacement.
func BLDisp(disp int64) (Inst, error) { return Encode(BL, disp) }

// BCondDisp is b.cond with a byte displacement.
func BCondDisp(c Cond, disp int64) (Inst, error) { return Encode(Bcc, int64(c), disp) }

// CbzDisp is cbz rt, disp.
func CbzDisp(rt Reg, disp int64) (Inst, error) {
	return Encode(pick(CBZW, CBZX, uint16(rt)), rt.val(), disp)
}

// CbnzDisp is cbnz rt, disp.
func CbnzDisp(rt Reg, disp int64) (Inst, error) {
	return Encode(pick(CBNZW, CBNZX, uint16(rt)), rt.val(), disp)
}

// TbzDisp is tbz rt, #bit, disp (bit below the width of rt).
func TbzDisp(rt Reg, bit uint8, disp int64) (Inst, error) {
	return Encode(TBZ, rt.val(), int64(bit), disp)
}

// TbnzDisp is tbnz rt, #bit, disp.
func TbnzDisp(rt Reg, bit uint8, disp int64) (Inst, error) {
	return Encode(TBNZ, rt.val(), int64(bit), disp)
}

// AdrDisp is adr xd, disp (±1 MiB).
func AdrDisp(rd Reg, disp int64) (Inst, error) { return Encode(ADR, rd.val(), disp) }

// AdrpDisp is adrp xd with a displacement of pageDisp bytes between 4 KiB
// pages (a multiple of 4096).
func AdrpDisp(rd Reg, pageDisp int64) (Inst, error) { return Encode(ADRP, rd.val(), pageDisp) }

// Br is br xn.
func Br(rn Reg) (Inst, error) { return Encode(BR, rn.val()) }

// Blr is blr xn.
func Blr(rn Reg) (Inst, error) { return Encode(BLR, rn.val()) }

// Ret is ret xn (ret alone is Ret(LR)).
func Ret(rn Reg) (Inst, error) { return Encode(RET, rn.val()) }

// Brk is brk #imm.
func Brk(imm uint16) Inst { return MustEncode(BRK, int64(imm)) }

// Udf is udf #imm, permanently undefined.
func Udf(imm uint16) Inst { return MustEncode(UDF, int64(imm)) }

// Nop is nop.
func Nop() Inst { return Inst(rows[NOP].Fixed) }

// Isb is isb.
func Isb() Inst { return Inst(rows[ISB].Fixed) }

// Dmb is dmb <option>.
func Dmb(b Barrier) (Inst, error) { return Encode(DMB, int64(b)) }

// Dsb is dsb <option>.
func Dsb(b Barrier) (Inst, error) { return Encode(DSB, int64(b)) }

// ---- Floating point (scalar) ----

// FAdd is fadd rd, rn, rm (all S or all D).
func FAdd(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FADDS, FADDD, rd), rd.val(), rn.val(), rm.val())
}

// FSub is fsub rd, rn, rm (all S or all D).
func FSub(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FSUBS, FSUBD, rd), rd.val(), rn.val(), rm.val())
}

// FMul is fmul rd, rn, rm (all S or all D).
func FMul(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FMULS, FMULD, rd), rd.val(), rn.val(), rm.val())
}

// FDiv is fdiv rd, rn, rm (all S or all D).
func FDiv(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FDIVS, FDIVD, rd), rd.val(), rn.val(), rm.val())
}

// FMax is fmax rd, rn, rm (all S or all D).
func FMax(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FMAXS, FMAXD, rd), rd.val(), rn.val(), rm.val())
}

// FMin is fmin rd, rn, rm (all S or all D).
func FMin(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FMINS, FMIND, rd), rd.val(), rn.val(), rm.val())
}

// FMaxnm is fmaxnm rd, rn, rm (all S or all D).
func FMaxnm(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FMAXNMS, FMAXNMD, rd), rd.val(), rn.val(), rm.val())
}

// FMinnm is fminnm rd, rn, rm (all S or all D).
func FMinnm(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FMINNMS, FMINNMD, rd), rd.val(), rn.val(), rm.val())
}

// FNmul is fnmul rd, rn, rm (all S or all D).
func FNmul(rd, rn, rm FReg) (Inst, error) {
	return Encode(pickF(FNMULS, FNMULD, rd), rd.val(), rn.val(), rm.val())
}

// FMov is fmov rd, rn.
func FMov(rd, rn FReg) (Inst, error) { return Encode(pickF(FMOVS, FMOVD, rd), rd.val(), rn.val()) }

// FAbs is fabs rd, rn.
func FAbs(rd, rn FReg) (Inst, error) { return Encode(pickF(FABSS, FABSD, rd), rd.val(), rn.val()) }

// FNeg is fneg rd, rn.
func FNeg(rd, rn FReg) (Inst, error) { return Encode(pickF(FNEGS, FNEGD, rd), rd.val(), rn.val()) }

// FSqrt is fsqrt rd, rn.
func FSqrt(rd, rn FReg) (Inst, error) { return Encode(pickF(FSQRTS, FSQRTD, rd), rd.val(), rn.val()) }

// FRintn is frintn rd, rn.
func FRintn(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTNS, FRINTND, rd), rd.val(), rn.val())
}

// FRintm is frintm rd, rn.
func FRintm(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTMS, FRINTMD, rd), rd.val(), rn.val())
}

// FRintp is frintp rd, rn.
func FRintp(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTPS, FRINTPD, rd), rd.val(), rn.val())
}

// FRintz is frintz rd, rn.
func FRintz(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTZS, FRINTZD, rd), rd.val(), rn.val())
}

// FRinta is frinta rd, rn.
func FRinta(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTAS, FRINTAD, rd), rd.val(), rn.val())
}

// FRinti is frinti rd, rn.
func FRinti(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTIS, FRINTID, rd), rd.val(), rn.val())
}

// FRintx is frintx rd, rn.
func FRintx(rd, rn FReg) (Inst, error) {
	return Encode(pickF(FRINTXS, FRINTXD, rd), rd.val(), rn.val())
}

// FMadd is fmadd rd, rn, rm, ra.
func FMadd(rd, rn, rm, ra FReg) (Inst, error) {
	return Encode(pickF(FMADDS, FMADDD, rd), rd.val(), rn.val(), rm.val(), ra.val())
}

// FMsub is fmsub rd, rn, rm, ra.
func FMsub(rd, rn, rm, ra FReg) (Inst, error) {
	return Encode(pickF(FMSUBS, FMSUBD, rd), rd.val(), rn.val(), rm.val(), ra.val())
}

// FNmadd is fnmadd rd, rn, rm, ra.
func FNmadd(rd, rn, rm, ra FReg) (Inst, error) {
	return Encode(pickF(FNMADDS, FNMADDD, rd), rd.val(), rn.val(), rm.val(), ra.val())
}

// FNmsub is fnmsub rd, rn, rm, ra.
func FNmsub(rd, rn, rm, ra FReg) (Inst, error) {
	return Encode(pickF(FNMSUBS, FNMSUBD, rd), rd.val(), rn.val(), rm.val(), ra.val())
}

// FCmp is fcmp rn, rm.
func FCmp(rn, rm FReg) (Inst, error) { return Encode(pickF(FCMPS, FCMPD, rn), rn.val(), rm.val()) }

// FCmpe is fcmpe rn, rm (signals on quiet NaNs too).
func FCmpe(rn, rm FReg) (Inst, error) { return Encode(pickF(FCMPES, FCMPED, rn), rn.val(), rm.val()) }

// FCmpZero is fcmp rn, #0.0.
func FCmpZero(rn FReg) (Inst, error) { return Encode(pickF(FCMPS0, FCMPD0, rn), rn.val()) }

// FCmpeZero is fcmpe rn, #0.0.
func FCmpeZero(rn FReg) (Inst, error) { return Encode(pickF(FCMPES0, FCMPED0, rn), rn.val()) }

// FCsel is fcsel rd, rn, rm, cond.
func FCsel(rd, rn, rm FReg, c Cond) (Inst, error) {
	return Encode(pickF(FCSELS, FCSELD, rd), rd.val(), rn.val(), rm.val(), int64(c))
}

// FMovImm is fmov rd, #v for the 256 values EncodeFPImm accepts.
func FMovImm(rd FReg, v float64) (Inst, error) {
	return Encode(pickF(FMOVSi, FMOVDi, rd), rd.val(), int64(math.Float64bits(v)))
}

// FCvt is fcvt rd, rn between any two of H, S and D.
func FCvt(rd, rn FReg) (Inst, error) {
	var op Op
	switch uint16(rd>>8)<<8 | uint16(rn>>8) {
	case clsS<<8 | clsD:
		op = FCVTSD
	case clsD<<8 | clsS:
		op = FCVTDS
	case clsH<<8 | clsS:
		op = FCVTHS
	case clsH<<8 | clsD:
		op = FCVTHD
	case clsS<<8 | clsH:
		op = FCVTSH
	case clsD<<8 | clsH:
		op = FCVTDH
	default:
		return 0, &EncodeError{FCVTSD, "fcvt converts between two different sizes of H, S and D; have " + rd.String() + ", " + rn.String()}
	}
	return Encode(op, rd.val(), rn.val())
}

// fpInt picks a conversion row by the widths of the GP and FP registers.
func fpInt(ws, xs, wd, xd Op, gp Reg, fp FReg) Op {
	if fp>>8 == clsD {
		return pick(wd, xd, uint16(gp))
	}
	return pick(ws, xs, uint16(gp))
}

// FCvtzs is fcvtzs rd, rn (round toward zero, signed; rd W or X, rn S or D).
func FCvtzs(rd Reg, rn FReg) (Inst, error) {
	return Encode(fpInt(FCVTZSWS, FCVTZSXS, FCVTZSWD, FCVTZSXD, rd, rn), rd.val(), rn.val())
}

// FCvtzu is fcvtzu rd, rn.
func FCvtzu(rd Reg, rn FReg) (Inst, error) {
	return Encode(fpInt(FCVTZUWS, FCVTZUXS, FCVTZUWD, FCVTZUXD, rd, rn), rd.val(), rn.val())
}

// Scvtf is scvtf rd, rn (rd S or D, rn W or X).
func Scvtf(rd FReg, rn Reg) (Inst, error) {
	return Encode(fpInt(SCVTFSW, SCVTFSX, SCVTFDW, SCVTFDX, rn, rd), rd.val(), rn.val())
}

// Ucvtf is ucvtf rd, rn.
func Ucvtf(rd FReg, rn Reg) (Inst, error) {
	return Encode(fpInt(UCVTFSW, UCVTFSX, UCVTFDW, UCVTFDX, rn, rd), rd.val(), rn.val())
}

// FMovToGP is fmov wd, sn or fmov xd, dn (bit copy).
func FMovToGP(rd Reg, rn FReg) (Inst, error) {
	return Encode(pick(FMOVWS, FMOVXD, uint16(rd)), rd.val(), rn.val())
}

// FMovFromGP is fmov sd, wn or fmov dd, xn.
func FMovFromGP(rd FReg, rn Reg) (Inst, error) {
	return Encode(pick(FMOVSW, FMOVDX, uint16(rn)), rd.val(), rn.val())
}

// ---- Add/subtract with carry ----

// Adc is adc rd, rn, rm.
func Adc(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(ADCW, ADCX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Adcs is adcs rd, rn, rm.
func Adcs(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(ADCSW, ADCSX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Sbc is sbc rd, rn, rm.
func Sbc(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(SBCW, SBCX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// Sbcs is sbcs rd, rn, rm.
func Sbcs(rd, rn, rm Reg) (Inst, error) {
	return Encode(pick(SBCSW, SBCSX, uint16(rd)), rd.val(), rn.val(), rm.val())
}

// ---- Floating-point conversions with a rounding mode, conditional compare ----

// RoundMode selects the rounding of a floating-point to integer conversion.
type RoundMode uint8

const (
	RoundZero        RoundMode = iota // fcvtz*: toward zero (C and wasm trunc)
	RoundNearestEven                  // fcvtn*
	RoundNearestAway                  // fcvta*
	RoundUp                           // fcvtp*: toward +inf
	RoundDown                         // fcvtm*: toward -inf
)

// FCvtToInt is fcvt<mode><s|u> rd, rn: rn (S or D) converted to the W or X
// register rd with the given rounding, saturating.
func FCvtToInt(mode RoundMode, signed bool, rd Reg, rn FReg) (Inst, error) {
	bases := [...][2]Op{
		RoundZero:        {FCVTZUWS, FCVTZSWS},
		RoundNearestEven: {FCVTNUWS, FCVTNSWS},
		RoundNearestAway: {FCVTAUWS, FCVTASWS},
		RoundUp:          {FCVTPUWS, FCVTPSWS},
		RoundDown:        {FCVTMUWS, FCVTMSWS},
	}
	if int(mode) >= len(bases) {
		return 0, &EncodeError{FCVTZSWS, "bad rounding mode"}
	}
	base := bases[mode][0]
	if signed {
		base = bases[mode][1]
	}
	// Each conversion's rows are laid out WS, XS, WD, XD.
	return Encode(fpInt(base, base+1, base+2, base+3, rd, rn), rd.val(), rn.val())
}

// FCcmp is fccmp rn, rm, #nzcv, cond.
func FCcmp(rn, rm FReg, nzcv uint8, c Cond) (Inst, error) {
	return Encode(pickF(FCCMPS, FCCMPD, rn), rn.val(), rm.val(), int64(nzcv), int64(c))
}

// FCcmpe is fccmpe rn, rm, #nzcv, cond.
func FCcmpe(rn, rm FReg, nzcv uint8, c Cond) (Inst, error) {
	return Encode(pickF(FCCMPES, FCCMPED, rn), rn.val(), rm.val(), int64(nzcv), int64(c))
}
