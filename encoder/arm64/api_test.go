package arm64

import (
	"strings"
	"testing"
)

func must(in Inst, err error) func() (Inst, error) { return func() (Inst, error) { return in, err } }

// TestTypedConstructors checks that each typed constructor picks the right
// row and operand order: the word is decoded by x/arch (objdump text for
// FEAT_LSE) and compared operand by operand with the assembly a compiler
// writer would expect from the call.
func TestTypedConstructors(t *testing.T) {
	cases := []struct {
		got  func() (Inst, error)
		want string
	}{
		{must(Add(X0, X1, X2)), "add x0, x1, x2"},
		{must(AddShifted(W3, W4, W5, LSR, 7)), "add w3, w4, w5, lsr #7"},
		{must(Subs(X1, X2, XZR)), "subs x1, x2, xzr"},
		{must(Cmp(W1, W2)), "cmp w1, w2"},
		{must(Neg(X1, X2)), "neg x1, x2"},
		{must(Mvn(W1, W2)), "mvn w1, w2"},
		{must(Mov(X1, XZR)), "mov x1, xzr"},
		{must(MovSP(SP, X1)), "mov sp, x1"},
		{must(AddImm(SP, SP, 16)), "add sp, sp, #0x10"},
		{must(AddImm(X1, SP, 0x5000)), "add x1, sp, #0x5, lsl #12"},
		{must(SubImm(SP, SP, 4095)), "sub sp, sp, #0xfff"},
		{must(SubsImm(XZR, X3, 1)), "cmp x3, #0x1"},
		{must(CmpImm(SP, 8)), "cmp sp, #0x8"},
		{must(AddExt(X1, SP, W2, UXTW, 2)), "add x1, sp, w2, uxtw #2"},
		{must(AddExt(X1, X2, X3, SXTX, 0)), "add x1, x2, x3, sxtx"},
		{must(CmpExt(X1, W2, SXTW, 0)), "cmp x1, w2, sxtw"},
		{must(AndImm(X0, X1, 0xff)), "and x0, x1, #0xff"},
		{must(OrrImm(SP, XZR, 0xff00ff00ff00ff00)), "mov sp, #0xff00ff00ff00ff00"},
		{must(TstImm(W3, 0x80000000)), "tst w3, #0x80000000"},
		{must(Movz(X1, 0x1234, 32)), "mov x1, #0x123400000000"},
		{must(Movk(W1, 0xffff, 16)), "movk w1, #0xffff, lsl #16"},
		{must(Madd(X1, X2, X3, X4)), "madd x1, x2, x3, x4"},
		{must(Mul(W1, W2, W3)), "mul w1, w2, w3"},
		{must(Smulh(X1, X2, X3)), "smulh x1, x2, x3"},
		{must(Umaddl(X1, W2, W3, X4)), "umaddl x1, w2, w3, x4"},
		{must(Udiv(W0, W1, W2)), "udiv w0, w1, w2"},
		{must(Lsl(X0, X1, X2)), "lsl x0, x1, x2"},
		{must(LslImm(X0, X1, 3)), "lsl x0, x1, #3"},
		{must(AsrImm(W0, W1, 31)), "asr w0, w1, #31"},
		{must(Ubfx(X0, X1, 8, 8)), "ubfx x0, x1, #8, #8"},
		{must(Bfi(W0, W1, 4, 4)), "bfi w0, w1, #4, #4"},
		{must(Sxtw(X0, W1)), "sxtw x0, w1"},
		{must(Sxtb(W0, W1)), "sxtb w0, w1"},
		{must(Uxth(W0, W1)), "uxth w0, w1"},
		{must(Extr(X0, X1, X2, 9)), "extr x0, x1, x2, #9"},
		{must(RorImm(W0, W1, 9)), "ror w0, w1, #9"},
		{must(Clz(X0, X1)), "clz x0, x1"},
		{must(Rev(W0, W1)), "rev w0, w1"},
		{must(Rev32(X0, X1)), "rev32 x0, x1"},
		{must(Csel(X0, X1, X2, NE)), "csel x0, x1, x2, ne"},
		{must(Cset(W0, EQ)), "cset w0, eq"},
		{must(Csetm(X0, HI)), "csetm x0, hi"},
		{must(Cneg(X0, X1, LT)), "cneg x0, x1, lt"},
		{must(Ccmp(X1, X2, 4, EQ)), "ccmp x1, x2, #0x4, eq"},
		{must(CcmnImm(W1, 31, 15, GE)), "ccmn w1, #0x1f, #0xf, ge"},
		{must(BDisp(-4)), "b .+0xfffffffffffffffc"},
		{must(BCondDisp(VS, 8)), "b.vs .+0x8"},
		{must(CbnzDisp(W3, 16)), "cbnz w3, .+0x10"},
		{must(TbzDisp(X3, 40, 16)), "tbz x3, #40, .+0x10"},
		{must(TbnzDisp(X3, 3, -16)), "tbnz w3, #3, .+0xfffffffffffffff0"},
		{must(AdrDisp(X1, 3)), "adr x1, .+0x3"},
		{must(Ret(LR)), "ret"},
		{must(Blr(X16)), "blr x16"},
		{must(Dmb(ISH)), "dmb ish"},
		{must(Brk(0xf000), nil), "brk #0xf000"},
		{must(Nop(), nil), "nop"},
		{must(Ldr(X0, Off(SP, 8))), "ldr x0, [sp, #8]"},
		{must(Ldr(X0, Off(X1, -8))), "ldur x0, [x1, #-8]"},
		{must(Ldr(W0, Off(X1, 6))), "ldur w0, [x1, #6]"},
		{must(Ldr(X0, PreIndex(SP, -16))), "ldr x0, [sp, #-16]!"},
		{must(Str(X0, PostIndex(X1, 255))), "str x0, [x1], #255"},
		{must(Ldr(X0, Indexed(X1, X2, UXTX, true))), "ldr x0, [x1, x2, lsl #3]"},
		{must(Ldrb(W0, Indexed(X1, W2, SXTW, false))), "ldrb w0, [x1, w2, sxtw]"},
		{must(Ldrsh(X0, Off(X1, 2))), "ldrsh x0, [x1, #2]"},
		{must(Ldrsw(X0, Off(X1, 4*4095))), "ldrsw x0, [x1, #16380]"},
		{must(LdrF(QReg(1), Off(X2, 32))), "ldr q1, [x2, #32]"},
		{must(StrF(DReg(1), Indexed(X2, X3, UXTX, true))), "str d1, [x2, x3, lsl #3]"},
		{must(Ldp(X29, X30, PostIndex(SP, 16))), "ldp x29, x30, [sp], #16"},
		{must(Stp(X29, X30, PreIndex(SP, -16))), "stp x29, x30, [sp, #-16]!"},
		{must(StpF(QReg(0), QReg(1), Off(SP, 32))), "stp q0, q1, [sp, #32]"},
		{must(LdrLitDisp(X0, 8)), "ldr x0, .+0x8"},
		{must(LoadExclusive(Dword, true, X0, X1)), "ldaxr x0, [x1]"},
		{must(StoreExclusive(Byte, true, W2, W0, X1)), "stlxrb w2, w0, [x1]"},
		{must(LoadAcquire(Half, W0, SP)), "ldarh w0, [sp]"},
		{must(StoreRelease(Word, W0, X1)), "stlr w0, [x1]"},
		{must(FAdd(DReg(0), DReg(1), DReg(2))), "fadd d0, d1, d2"},
		{must(FMadd(SReg(0), SReg(1), SReg(2), SReg(3))), "fmadd s0, s1, s2, s3"},
		{must(FCvt(DReg(0), SReg(1))), "fcvt d0, s1"},
		{must(FCvt(HReg(0), DReg(1))), "fcvt h0, d1"},
		{must(FCvtzs(W0, DReg(1))), "fcvtzs w0, d1"},
		{must(Ucvtf(SReg(0), X1)), "ucvtf s0, x1"},
		{must(FMovToGP(X0, DReg(1))), "fmov x0, d1"},
		{must(FMovImm(SReg(0), -1.5)), "fmov s0, #-1.500000000000000000e+00"},
		{must(FCmpZero(DReg(3))), "fcmp d3, #0"},
		{must(FRintm(DReg(1), DReg(2))), "frintm d1, d2"},
		{must(FCvtToInt(RoundNearestEven, true, X0, DReg(1))), "fcvtns x0, d1"},
		{must(FCvtToInt(RoundDown, false, W0, SReg(1))), "fcvtmu w0, s1"},
		{must(FCvtToInt(RoundZero, false, X0, SReg(1))), "fcvtzu x0, s1"},
		{must(FCvtToInt(RoundNearestAway, true, W0, DReg(1))), "fcvtas w0, d1"},
		{must(FCvtToInt(RoundUp, true, X3, SReg(4))), "fcvtps x3, s4"},
		{must(FCcmp(SReg(1), SReg(2), 0xf, NE)), "fccmp s1, s2, #0xf, ne"},
		{must(Adcs(X1, X2, X3)), "adcs x1, x2, x3"},
		{must(Sbc(W1, W2, W3)), "sbc w1, w2, w3"},
		{must(VAdd(A4S, V(0), V(1), V(2))), "add v0.4s, v1.4s, v2.4s"},
		{must(VFadd(A2D, V(0), V(1), V(2))), "fadd v0.2d, v1.2d, v2.2d"},
		{must(VCmeqZero(A16B, V(0), V(1))), "cmeq v0.16b, v1.16b, #0"},
		{must(VXtn(A8H, V(0), V(1))), "xtn2 v0.8h, v1.4s"},
		{must(VUxtl(A8B, V(0), V(1))), "uxtl v0.8h, v1.8b"},
		{must(VSmull(A4S, V(0), V(1), V(2))), "smull2 v0.2d, v1.4s, v2.4s"},
		{must(VShl(A2D, V(0), V(1), 63)), "shl v0.2d, v1.2d, #63"},
		{must(VUshr(A8B, V(0), V(1), 8)), "ushr v0.8b, v1.8b, #8"},
		{must(VDup(A4S, V(0), V(1), 3)), "dup v0.4s, v1.s[3]"},
		{must(VDupGP(A2D, V(0), X1)), "dup v0.2d, x1"},
		{must(VInsGP(A4S, V(0), 2, W1)), "mov v0.s[2], w1"},
		{must(VInsElem(A8H, V(0), 7, V(1), 0)), "mov v0.h[7], v1.h[0]"},
		{must(VUmov(W0, V(1), A16B, 15)), "umov w0, v1.b[15]"},
		{must(VUmov(X0, V(1), A2D, 1)), "mov x0, v1.d[1]"},
		{must(VSmov(X0, V(1), A4S, 3)), "smov x0, v1.s[3]"},
		{must(VExt(A16B, V(0), V(1), V(2), 15)), "ext v0.16b, v1.16b, v2.16b, #15"},
		{must(VTbl(A16B, V(0), V(30), 3, V(3))), "tbl v0.16b, {v30.16b, v31.16b, v0.16b}, v3.16b"},
		{must(VTbx(A8B, V(0), V(4), 2, V(3))), "tbx v0.8b, {v4.16b, v5.16b}, v3.8b"},
		{must(VMovi(A4S, V(0), 0xab, 24)), "movi v0.4s, #0xab, lsl #24"},
		{must(VMvni(A8H, V(0), 0x1, 8)), "mvni v0.8h, #0x1, lsl #8"},
		{must(VMovi2D(V(0), 0xff0000ff00ff00ff)), "movi v0.2d, #0xff0000ff00ff00ff"},
		{must(VFMovImm(A2D, V(0), 0.5)), "fmov v0.2d, #5.000000000000000000e-01"},
		{must(VFcvtl(A4S, V(0), V(1))), "fcvtl2 v0.2d, v1.4s"},
		{must(VFcvtn(A2S, V(0), V(1))), "fcvtn v0.2s, v1.2d"},
		{must(VAddv(A8H, V(0), V(1))), "addv h0, v1.8h"},
		{must(VCnt(A8B, V(0), V(1))), "cnt v0.8b, v1.8b"},
		{must(VNot(A16B, V(0), V(1))), "mvn v0.16b, v1.16b"},
		{must(VMov(A16B, V(0), V(1))), "mov v0.16b, v1.16b"},
		{must(VLd1Lane(A8H, V(0), 5, X1)), "ld1 {v0.h}[5], [x1]"},
		{must(VSt1Lane(A2D, V(31), 1, SP)), "st1 {v31.d}[1], [sp]"},
		{must(VLd1r(A4S, V(2), X3)), "ld1r {v2.4s}, [x3]"},
		{must(VLd1(A2D, V(30), 3, SP)), "ld1 {v30.2d, v31.2d, v0.2d}, [sp]"},
		{must(VSt1(A8B, V(4), 4, X1)), "st1 {v4.8b-v7.8b}, [x1]"},
		{must(VOrrImm(A4S, V(1), 0x80, 24)), "orr v1.4s, #0x80, lsl #24"},
		{must(VBicImm(A4H, V(1), 0xff, 0)), "bic v1.4h, #0xff"},
	}
	for _, c := range cases {
		in, err := c.got()
		if err != nil {
			t.Errorf("%s: %v", c.want, err)
			continue
		}
		got, err := decodeXArch(in)
		if err != nil {
			t.Errorf("%s: %08x does not decode: %v", c.want, uint32(in), err)
			continue
		}
		if d := compareText(got, c.want); d != "" {
			t.Errorf("%08x: got %q, want %q: %s", uint32(in), got, c.want, d)
		}
	}
}

// TestTypedConstructorErrors checks that the typed layer reports requests
// it cannot encode.
func TestTypedConstructorErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		got  func() (Inst, error)
	}{
		{"mixed widths", must(Add(W0, X1, X2))},
		{"imm12 too big", must(AddImm(SP, SP, 4097))},
		{"imm12<<12 too big", must(AddImm(SP, SP, 4096<<12))},
		{"not a bitmask", must(AndImm(X0, X1, 0x1234))},
		{"zero bitmask", must(OrrImm(X0, X1, 0))},
		{"32-bit bitmask above 32 bits", must(AndImm(W0, W1, 0x1_0000_00ff))},
		{"movz shift 8", must(Movz(X0, 1, 8))},
		{"movz W shift 32", must(Movz(W0, 1, 32))},
		{"smulh on W", must(Smulh(W0, W1, W2))},
		{"cset al", must(Cset(W0, AL))},
		{"lsl 64", must(LslImm(X0, X1, 64))},
		{"ubfx past the top", must(Ubfx(W0, W1, 30, 3))},
		{"misaligned branch", must(BDisp(2))},
		{"b.cond out of range", must(BCondDisp(EQ, 1<<20))},
		{"tbz bit 32 of a W register", must(TbzDisp(W1, 32, 0))},
		{"misaligned scaled offset out of ldur range", must(Ldr(X0, Off(X1, 4097)))},
		{"negative scaled offset out of ldur range", must(Ldr(X0, Off(X1, -257)))},
		{"pair offset misaligned", must(Ldp(X0, X1, Off(SP, 4)))},
		{"pair register offset", must(Ldp(X0, X1, Indexed(SP, X2, UXTX, false)))},
		{"index shift on W index with lsl", must(Ldr(X0, Indexed(X1, W2, UXTX, true)))},
		{"writeback onto the data register", must(Ldr(X1, PreIndex(X1, 8)))},
		{"ldp same destinations", must(Ldp(X1, X1, Off(SP, 0)))},
		{"fcvt same size", must(FCvt(SReg(0), SReg(1)))},
		{"fadd mixed sizes", must(FAdd(SReg(0), DReg(1), SReg(2)))},
		{"fmov imm 0.1", must(FMovImm(DReg(0), 0.1))},
		{"fcvtzs from Q", must(FCvtzs(W0, QReg(1)))},
		{"vector 1D add", must(VAdd(A1D, V(0), V(1), V(2)))},
		{"vector mul 2D", must(VMul(A2D, V(0), V(1), V(2)))},
		{"shl by element size", must(VShl(A4S, V(0), V(1), 32))},
		{"ushr by 0", must(VUshr(A4S, V(0), V(1), 0))},
		{"dup index out of range", must(VDup(A4S, V(0), V(1), 4))},
		{"dup 2D from W", must(VDupGP(A2D, V(0), W1))},
		{"umov B into X", must(VUmov(X0, V(1), A16B, 0))},
		{"smov D", must(VSmov(X0, V(1), A2D, 0))},
		{"tbl 5 registers", must(VTbl(A16B, V(0), V(1), 5, V(2)))},
		{"ld1 0 registers", must(VLd1(A16B, V(0), 0, X1))},
		{"orr imm on bytes", must(VOrrImm(A16B, V(0), 1, 0))},
		{"bic imm shift 16 on halves", must(VBicImm(A8H, V(0), 1, 16))},
		{"movi 8B with shift", must(VMovi(A8B, V(0), 1, 8))},
		{"movi 2D not a byte mask", must(VMovi2D(V(0), 0x1234))},
		{"ext index 8 on 8B", must(VExt(A8B, V(0), V(1), V(2), 8))},
		{"ld1 lane out of range", must(VLd1Lane(A4S, V(0), 4, X1))},
		{"atomic bad width", must(Atomic(AtomicAdd, Width(7), Relaxed, W0, W1, X2))},
		{"cas X data with Word width", must(Cas(Word, AcqRel, X0, X1, X2))},
		{"stxr status overlaps", must(StoreExclusive(Dword, false, W1, X1, X2))},
		{"GP constant as a vector register", must(VAdd(A4S, X0, X1, X2))},
		{"GP constant as an FP register", must(FAdd(X0, X1, X2))},
		{"raw number as a register", must(Add(5, X1, X2))},
	} {
		if in, err := c.got(); err == nil {
			t.Errorf("%s: got %08x, want an error", c.name, uint32(in))
		} else if !strings.HasPrefix(err.Error(), "arm64: ") {
			t.Errorf("%s: error %q does not name the package", c.name, err)
		}
	}
	if _, err := XZR.AsSP(); err == nil {
		t.Error("XZR.AsSP succeeded")
	}
	if _, err := SP.AsZR(); err == nil {
		t.Error("SP.AsZR succeeded")
	}
	if r, err := Reg(X5).AsSP(); err != nil || r != X5 {
		t.Errorf("X5.AsSP = %v, %v", r, err)
	}
}
