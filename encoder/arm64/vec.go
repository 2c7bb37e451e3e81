package arm64

import "math"

// Vector (Advanced SIMD) constructors. The arrangement t is the shape of
// the instruction's vector operands; narrowing and widening forms pick the
// "2" (upper-half) variant from t.Q(). Elements of an arrangement outside
// a row's set are rejected by Encode.

// VAdd is add vd.t, vn.t, vm.t.
func VAdd(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VADD, int64(t), vd.val(), vn.val(), vm.val())
}

// VSub is sub vd.t, vn.t, vm.t.
func VSub(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VSUB, int64(t), vd.val(), vn.val(), vm.val())
}

// VMul is mul vd.t, vn.t, vm.t.
func VMul(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VMUL, int64(t), vd.val(), vn.val(), vm.val())
}

// VSqadd is sqadd vd.t, vn.t, vm.t.
func VSqadd(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SQADD, int64(t), vd.val(), vn.val(), vm.val())
}

// VUqadd is uqadd vd.t, vn.t, vm.t.
func VUqadd(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UQADD, int64(t), vd.val(), vn.val(), vm.val())
}

// VSqsub is sqsub vd.t, vn.t, vm.t.
func VSqsub(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SQSUB, int64(t), vd.val(), vn.val(), vm.val())
}

// VUqsub is uqsub vd.t, vn.t, vm.t.
func VUqsub(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UQSUB, int64(t), vd.val(), vn.val(), vm.val())
}

// VSmax is smax vd.t, vn.t, vm.t.
func VSmax(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SMAX, int64(t), vd.val(), vn.val(), vm.val())
}

// VSmin is smin vd.t, vn.t, vm.t.
func VSmin(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SMIN, int64(t), vd.val(), vn.val(), vm.val())
}

// VUmax is umax vd.t, vn.t, vm.t.
func VUmax(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UMAX, int64(t), vd.val(), vn.val(), vm.val())
}

// VUmin is umin vd.t, vn.t, vm.t.
func VUmin(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UMIN, int64(t), vd.val(), vn.val(), vm.val())
}

// VUrhadd is urhadd vd.t, vn.t, vm.t.
func VUrhadd(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(URHADD, int64(t), vd.val(), vn.val(), vm.val())
}

// VCmeq is cmeq vd.t, vn.t, vm.t.
func VCmeq(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(CMEQ, int64(t), vd.val(), vn.val(), vm.val())
}

// VCmge is cmge vd.t, vn.t, vm.t.
func VCmge(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(CMGE, int64(t), vd.val(), vn.val(), vm.val())
}

// VCmgt is cmgt vd.t, vn.t, vm.t.
func VCmgt(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(CMGT, int64(t), vd.val(), vn.val(), vm.val())
}

// VCmhi is cmhi vd.t, vn.t, vm.t.
func VCmhi(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(CMHI, int64(t), vd.val(), vn.val(), vm.val())
}

// VCmhs is cmhs vd.t, vn.t, vm.t.
func VCmhs(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(CMHS, int64(t), vd.val(), vn.val(), vm.val())
}

// VSshl is sshl vd.t, vn.t, vm.t.
func VSshl(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SSHL, int64(t), vd.val(), vn.val(), vm.val())
}

// VUshl is ushl vd.t, vn.t, vm.t.
func VUshl(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(USHL, int64(t), vd.val(), vn.val(), vm.val())
}

// VAddp is addp vd.t, vn.t, vm.t.
func VAddp(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(ADDP, int64(t), vd.val(), vn.val(), vm.val())
}

// VSqrdmulh is sqrdmulh vd.t, vn.t, vm.t.
func VSqrdmulh(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SQRDMULH, int64(t), vd.val(), vn.val(), vm.val())
}

// VCmtst is cmtst vd.t, vn.t, vm.t.
func VCmtst(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(CMTST, int64(t), vd.val(), vn.val(), vm.val())
}

// VSmaxp is smaxp vd.t, vn.t, vm.t.
func VSmaxp(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SMAXP, int64(t), vd.val(), vn.val(), vm.val())
}

// VSminp is sminp vd.t, vn.t, vm.t.
func VSminp(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(SMINP, int64(t), vd.val(), vn.val(), vm.val())
}

// VUmaxp is umaxp vd.t, vn.t, vm.t.
func VUmaxp(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UMAXP, int64(t), vd.val(), vn.val(), vm.val())
}

// VUminp is uminp vd.t, vn.t, vm.t.
func VUminp(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UMINP, int64(t), vd.val(), vn.val(), vm.val())
}

// VAnd is and vd.t, vn.t, vm.t.
func VAnd(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VAND, int64(t), vd.val(), vn.val(), vm.val())
}

// VBic is bic vd.t, vn.t, vm.t.
func VBic(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VBIC, int64(t), vd.val(), vn.val(), vm.val())
}

// VOrr is orr vd.t, vn.t, vm.t.
func VOrr(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VORR, int64(t), vd.val(), vn.val(), vm.val())
}

// VOrn is orn vd.t, vn.t, vm.t.
func VOrn(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VORN, int64(t), vd.val(), vn.val(), vm.val())
}

// VEor is eor vd.t, vn.t, vm.t.
func VEor(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VEOR, int64(t), vd.val(), vn.val(), vm.val())
}

// VBsl is bsl vd.t, vn.t, vm.t.
func VBsl(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VBSL, int64(t), vd.val(), vn.val(), vm.val())
}

// VBit is bit vd.t, vn.t, vm.t.
func VBit(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VBIT, int64(t), vd.val(), vn.val(), vm.val())
}

// VBif is bif vd.t, vn.t, vm.t.
func VBif(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VBIF, int64(t), vd.val(), vn.val(), vm.val())
}

// VFadd is fadd vd.t, vn.t, vm.t.
func VFadd(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFADD, int64(t), vd.val(), vn.val(), vm.val())
}

// VFsub is fsub vd.t, vn.t, vm.t.
func VFsub(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFSUB, int64(t), vd.val(), vn.val(), vm.val())
}

// VFmul is fmul vd.t, vn.t, vm.t.
func VFmul(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMUL, int64(t), vd.val(), vn.val(), vm.val())
}

// VFdiv is fdiv vd.t, vn.t, vm.t.
func VFdiv(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFDIV, int64(t), vd.val(), vn.val(), vm.val())
}

// VFmax is fmax vd.t, vn.t, vm.t.
func VFmax(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMAX, int64(t), vd.val(), vn.val(), vm.val())
}

// VFmin is fmin vd.t, vn.t, vm.t.
func VFmin(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMIN, int64(t), vd.val(), vn.val(), vm.val())
}

// VFmaxnm is fmaxnm vd.t, vn.t, vm.t.
func VFmaxnm(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMAXNM, int64(t), vd.val(), vn.val(), vm.val())
}

// VFminnm is fminnm vd.t, vn.t, vm.t.
func VFminnm(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMINNM, int64(t), vd.val(), vn.val(), vm.val())
}

// VFcmeq is fcmeq vd.t, vn.t, vm.t.
func VFcmeq(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFCMEQ, int64(t), vd.val(), vn.val(), vm.val())
}

// VFcmge is fcmge vd.t, vn.t, vm.t.
func VFcmge(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFCMGE, int64(t), vd.val(), vn.val(), vm.val())
}

// VFcmgt is fcmgt vd.t, vn.t, vm.t.
func VFcmgt(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFCMGT, int64(t), vd.val(), vn.val(), vm.val())
}

// VFmla is fmla vd.t, vn.t, vm.t.
func VFmla(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMLA, int64(t), vd.val(), vn.val(), vm.val())
}

// VFmls is fmls vd.t, vn.t, vm.t.
func VFmls(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(VFMLS, int64(t), vd.val(), vn.val(), vm.val())
}

// VAbs is abs vd.t, vn.t.
func VAbs(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VABS, int64(t), vd.val(), vn.val())
}

// VNeg is neg vd.t, vn.t.
func VNeg(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VNEG, int64(t), vd.val(), vn.val())
}

// VSaddlp is saddlp vd.<2×t, half the lanes>, vn.t.
func VSaddlp(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(SADDLP, int64(t), vd.val(), vn.val())
}

// VUaddlp is uaddlp vd.<2×t, half the lanes>, vn.t.
func VUaddlp(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(UADDLP, int64(t), vd.val(), vn.val())
}

// VCnt is cnt vd.t, vn.t.
func VCnt(t Arrangement, vd, vn VReg) (Inst, error) { return Encode(CNT, int64(t), vd.val(), vn.val()) }

// VNot is mvn vd.t, vn.t.
func VNot(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VNOT, int64(t), vd.val(), vn.val())
}

// VCmeqZero is cmeq vd.t, vn.t, #0.
func VCmeqZero(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(CMEQz, int64(t), vd.val(), vn.val())
}

// VCmgeZero is cmge vd.t, vn.t, #0.
func VCmgeZero(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(CMGEz, int64(t), vd.val(), vn.val())
}

// VCmgtZero is cmgt vd.t, vn.t, #0.
func VCmgtZero(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(CMGTz, int64(t), vd.val(), vn.val())
}

// VCmleZero is cmle vd.t, vn.t, #0.
func VCmleZero(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(CMLEz, int64(t), vd.val(), vn.val())
}

// VCmltZero is cmlt vd.t, vn.t, #0.
func VCmltZero(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(CMLTz, int64(t), vd.val(), vn.val())
}

// VFabs is fabs vd.t, vn.t.
func VFabs(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFABS, int64(t), vd.val(), vn.val())
}

// VFneg is fneg vd.t, vn.t.
func VFneg(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFNEG, int64(t), vd.val(), vn.val())
}

// VFsqrt is fsqrt vd.t, vn.t.
func VFsqrt(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFSQRT, int64(t), vd.val(), vn.val())
}

// VFcvtzs is fcvtzs vd.t, vn.t.
func VFcvtzs(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFCVTZS, int64(t), vd.val(), vn.val())
}

// VFcvtzu is fcvtzu vd.t, vn.t.
func VFcvtzu(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFCVTZU, int64(t), vd.val(), vn.val())
}

// VScvtf is scvtf vd.t, vn.t.
func VScvtf(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VSCVTF, int64(t), vd.val(), vn.val())
}

// VUcvtf is ucvtf vd.t, vn.t.
func VUcvtf(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VUCVTF, int64(t), vd.val(), vn.val())
}

// VFrintn is frintn vd.t, vn.t.
func VFrintn(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTN, int64(t), vd.val(), vn.val())
}

// VFrintm is frintm vd.t, vn.t.
func VFrintm(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTM, int64(t), vd.val(), vn.val())
}

// VFrintp is frintp vd.t, vn.t.
func VFrintp(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTP, int64(t), vd.val(), vn.val())
}

// VFrintz is frintz vd.t, vn.t.
func VFrintz(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTZ, int64(t), vd.val(), vn.val())
}

// VFrinta is frinta vd.t, vn.t.
func VFrinta(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTA, int64(t), vd.val(), vn.val())
}

// VFrintx is frintx vd.t, vn.t.
func VFrintx(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTX, int64(t), vd.val(), vn.val())
}

// VFrinti is frinti vd.t, vn.t.
func VFrinti(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VFRINTI, int64(t), vd.val(), vn.val())
}

// VAddv is addv <V>d, vn.t.
func VAddv(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(ADDV, int64(t), vd.val(), vn.val())
}

// VSmaxv is smaxv <V>d, vn.t.
func VSmaxv(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(SMAXV, int64(t), vd.val(), vn.val())
}

// VSminv is sminv <V>d, vn.t.
func VSminv(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(SMINV, int64(t), vd.val(), vn.val())
}

// VUmaxv is umaxv <V>d, vn.t.
func VUmaxv(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(UMAXV, int64(t), vd.val(), vn.val())
}

// VUminv is uminv <V>d, vn.t.
func VUminv(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(UMINV, int64(t), vd.val(), vn.val())
}

// VUzp1 is uzp1 vd.t, vn.t, vm.t.
func VUzp1(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UZP1, int64(t), vd.val(), vn.val(), vm.val())
}

// VTrn1 is trn1 vd.t, vn.t, vm.t.
func VTrn1(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(TRN1, int64(t), vd.val(), vn.val(), vm.val())
}

// VZip1 is zip1 vd.t, vn.t, vm.t.
func VZip1(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(ZIP1, int64(t), vd.val(), vn.val(), vm.val())
}

// VUzp2 is uzp2 vd.t, vn.t, vm.t.
func VUzp2(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(UZP2, int64(t), vd.val(), vn.val(), vm.val())
}

// VTrn2 is trn2 vd.t, vn.t, vm.t.
func VTrn2(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(TRN2, int64(t), vd.val(), vn.val(), vm.val())
}

// VZip2 is zip2 vd.t, vn.t, vm.t.
func VZip2(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(ZIP2, int64(t), vd.val(), vn.val(), vm.val())
}

// VMov is mov vd.t, vn.t (orr vd.t, vn.t, vn.t); t is 8B or 16B.
func VMov(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(VMOV, int64(t), vd.val(), vn.val())
}

// half picks the lower- or upper-half row of a narrowing/widening pair.
func half(lo, hi Op, t Arrangement) Op {
	if t.Q() {
		return hi
	}
	return lo
}

// VXtn is xtn{2} vd.t, vn.<2×t>: t is the narrow arrangement; 16B, 8H
// and 4S write the upper half (xtn2).
func VXtn(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(half(XTN, XTN2, t), int64(t), vd.val(), vn.val())
}

// VSqxtn is sqxtn{2} vd.t, vn.<2×t>: t is the narrow arrangement; 16B, 8H
// and 4S write the upper half (sqxtn2).
func VSqxtn(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(half(SQXTN, SQXTN2, t), int64(t), vd.val(), vn.val())
}

// VSqxtun is sqxtun{2} vd.t, vn.<2×t>: t is the narrow arrangement; 16B, 8H
// and 4S write the upper half (sqxtun2).
func VSqxtun(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(half(SQXTUN, SQXTUN2, t), int64(t), vd.val(), vn.val())
}

// VUqxtn is uqxtn{2} vd.t, vn.<2×t>: t is the narrow arrangement; 16B, 8H
// and 4S write the upper half (uqxtn2).
func VUqxtn(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(half(UQXTN, UQXTN2, t), int64(t), vd.val(), vn.val())
}

// VSxtl is sxtl{2} vd.<2×t>, vn.t: t is the source arrangement; 16B, 8H
// and 4S read the upper half.
func VSxtl(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(half(SXTL, SXTL2, t), int64(t), vd.val(), vn.val())
}

// VUxtl is uxtl{2} vd.<2×t>, vn.t: t is the source arrangement; 16B, 8H
// and 4S read the upper half.
func VUxtl(t Arrangement, vd, vn VReg) (Inst, error) {
	return Encode(half(UXTL, UXTL2, t), int64(t), vd.val(), vn.val())
}

// VSshll is sshll{2} vd.<2×t>, vn.t, #shift.
func VSshll(t Arrangement, vd, vn VReg, shift uint8) (Inst, error) {
	return Encode(half(SSHLL, SSHLL2, t), int64(t), vd.val(), vn.val(), int64(shift))
}

// VUshll is ushll{2} vd.<2×t>, vn.t, #shift.
func VUshll(t Arrangement, vd, vn VReg, shift uint8) (Inst, error) {
	return Encode(half(USHLL, USHLL2, t), int64(t), vd.val(), vn.val(), int64(shift))
}

// VSmull is smull{2} vd.<2×t>, vn.t, vm.t.
func VSmull(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(half(VSMULL, VSMULL2, t), int64(t), vd.val(), vn.val(), vm.val())
}

// VUmull is umull{2} vd.<2×t>, vn.t, vm.t.
func VUmull(t Arrangement, vd, vn, vm VReg) (Inst, error) {
	return Encode(half(VUMULL, VUMULL2, t), int64(t), vd.val(), vn.val(), vm.val())
}

// VShl is shl vd.t, vn.t, #shift.
func VShl(t Arrangement, vd, vn VReg, shift uint8) (Inst, error) {
	return Encode(SHL, int64(t), vd.val(), vn.val(), int64(shift))
}

// VSshr is sshr vd.t, vn.t, #shift.
func VSshr(t Arrangement, vd, vn VReg, shift uint8) (Inst, error) {
	return Encode(SSHR, int64(t), vd.val(), vn.val(), int64(shift))
}

// VUshr is ushr vd.t, vn.t, #shift.
func VUshr(t Arrangement, vd, vn VReg, shift uint8) (Inst, error) {
	return Encode(USHR, int64(t), vd.val(), vn.val(), int64(shift))
}

// VFcvtl is fcvtl{2} vd, vn, widening the source arrangement src (4H or
// 8H to 4S, 2S or 4S to 2D).
func VFcvtl(src Arrangement, vd, vn VReg) (Inst, error) {
	ops := map[Arrangement]Op{A4H: FCVTL4S, A2S: FCVTL2D, A8H: FCVTL24S, A4S: FCVTL22D}
	op, ok := ops[src]
	if !ok {
		return 0, &EncodeError{FCVTL4S, "fcvtl source must be 4H, 8H, 2S or 4S, have " + src.String()}
	}
	return Encode(op, vd.val(), vn.val())
}

// VFcvtn is fcvtn{2} vd, vn, narrowing into the arrangement dst (4H or 8H
// from 4S, 2S or 4S from 2D).
func VFcvtn(dst Arrangement, vd, vn VReg) (Inst, error) {
	ops := map[Arrangement]Op{A4H: FCVTN4H, A2S: FCVTN2S, A8H: FCVTN28H, A4S: FCVTN24S}
	op, ok := ops[dst]
	if !ok {
		return 0, &EncodeError{FCVTN4H, "fcvtn destination must be 4H, 8H, 2S or 4S, have " + dst.String()}
	}
	return Encode(op, vd.val(), vn.val())
}

// VDup is dup vd.t, vn.<ts>[index].
func VDup(t Arrangement, vd, vn VReg, index uint8) (Inst, error) {
	return Encode(DUPe, int64(t), vd.val(), vn.val(), int64(index))
}

// VDupGP is dup vd.t, rn (rn W for B/H/S elements, X for D).
func VDupGP(t Arrangement, vd VReg, rn Reg) (Inst, error) {
	return Encode(DUPg, int64(t), vd.val(), rn.val())
}

// VInsGP is ins vd.<ts>[index], rn; the element size is t's.
func VInsGP(t Arrangement, vd VReg, index uint8, rn Reg) (Inst, error) {
	return Encode(INSg, int64(t|1), vd.val(), int64(index), rn.val())
}

// VInsElem is ins vd.<ts>[i], vn.<ts>[j]; the element size is t's.
func VInsElem(t Arrangement, vd VReg, i uint8, vn VReg, j uint8) (Inst, error) {
	return Encode(INSe, int64(t|1), vd.val(), int64(i), vn.val(), int64(j))
}

// VUmov is umov rd, vn.<ts>[index] (mov for S and D elements): rd is W for
// B, H and S elements and X for D.
func VUmov(rd Reg, vn VReg, t Arrangement, index uint8) (Inst, error) {
	ops := [4]Op{UMOVB, UMOVH, UMOVS, UMOVD}
	return Encode(ops[t.ElemSize()&3], rd.val(), vn.val(), int64(index))
}

// VSmov is smov rd, vn.<ts>[index] for B and H elements (rd W or X) and S
// elements (rd X).
func VSmov(rd Reg, vn VReg, t Arrangement, index uint8) (Inst, error) {
	var op Op
	switch {
	case t.ElemSize() == 0:
		op = pick(SMOVWB, SMOVXB, uint16(rd))
	case t.ElemSize() == 1:
		op = pick(SMOVWH, SMOVXH, uint16(rd))
	case t.ElemSize() == 2:
		op = SMOVXS
	default:
		return 0, &EncodeError{SMOVXS, "smov has no D form (use umov)"}
	}
	return Encode(op, rd.val(), vn.val(), int64(index))
}

// VExt is ext vd.t, vn.t, vm.t, #index (t 8B or 16B).
func VExt(t Arrangement, vd, vn, vm VReg, index uint8) (Inst, error) {
	return Encode(EXT, int64(t), vd.val(), vn.val(), vm.val(), int64(index))
}

// VTbl is tbl vd.t, {vn.16b, ... n registers}, vm.t (n 1-4, t 8B or 16B).
func VTbl(t Arrangement, vd, vn VReg, n int, vm VReg) (Inst, error) {
	if n < 1 || n > 4 {
		return 0, &EncodeError{TBL1, "table has 1 to 4 registers"}
	}
	return Encode(TBL1+Op(n-1), int64(t), vd.val(), vn.val(), vm.val())
}

// VTbx is tbx vd.t, {vn.16b, ...}, vm.t.
func VTbx(t Arrangement, vd, vn VReg, n int, vm VReg) (Inst, error) {
	if n < 1 || n > 4 {
		return 0, &EncodeError{TBX1, "table has 1 to 4 registers"}
	}
	return Encode(TBX1+Op(n-1), int64(t), vd.val(), vn.val(), vm.val())
}

// VMovi is movi vd.t, #imm8{, lsl #shift}: t 8B/16B (shift 0), 4H/8H
// (shift 0, 8) or 2S/4S (shift 0, 8, 16, 24).
func VMovi(t Arrangement, vd VReg, imm8 uint8, shift uint8) (Inst, error) {
	switch t.ElemSize() {
	case 0:
		if shift != 0 {
			return 0, &EncodeError{MOVI8, "byte movi takes no shift"}
		}
		return Encode(MOVI8, int64(t), vd.val(), int64(imm8))
	case 1:
		return Encode(MOVI16, int64(t), vd.val(), int64(imm8), int64(shift))
	}
	return Encode(MOVI32, int64(t), vd.val(), int64(imm8), int64(shift))
}

// VMvni is mvni vd.t, #imm8{, lsl #shift} (t 4H/8H/2S/4S).
func VMvni(t Arrangement, vd VReg, imm8 uint8, shift uint8) (Inst, error) {
	if t.ElemSize() == 1 {
		return Encode(MVNI16, int64(t), vd.val(), int64(imm8), int64(shift))
	}
	return Encode(MVNI32, int64(t), vd.val(), int64(imm8), int64(shift))
}

// VMoviMsl is movi vd.t, #imm8, msl #amount (t 2S/4S, amount 8 or 16).
func VMoviMsl(t Arrangement, vd VReg, imm8 uint8, amount uint8) (Inst, error) {
	return Encode(MOVI32msl, int64(t), vd.val(), int64(imm8), int64(amount))
}

// VMvniMsl is mvni vd.t, #imm8, msl #amount.
func VMvniMsl(t Arrangement, vd VReg, imm8 uint8, amount uint8) (Inst, error) {
	return Encode(MVNI32msl, int64(t), vd.val(), int64(imm8), int64(amount))
}

// VMovi2D is movi vd.2d, #mask, each byte of mask 0x00 or 0xff.
func VMovi2D(vd VReg, mask uint64) (Inst, error) { return Encode(MOVI2D, vd.val(), int64(mask)) }

// VFMovImm is fmov vd.t, #v (t 2S, 4S or 2D).
func VFMovImm(t Arrangement, vd VReg, v float64) (Inst, error) {
	if t == A2D {
		return Encode(VFMOV2D, vd.val(), int64(math.Float64bits(v)))
	}
	return Encode(VFMOV, int64(t), vd.val(), int64(math.Float64bits(v)))
}

// VLd1Lane is ld1 {vt.<ts>}[index], [rn]; the element size is t's.
func VLd1Lane(t Arrangement, vt VReg, index uint8, rn RegSP) (Inst, error) {
	return Encode(LD1B+Op(t.ElemSize()&3), vt.val(), int64(index), rn.val())
}

// VSt1Lane is st1 {vt.<ts>}[index], [rn].
func VSt1Lane(t Arrangement, vt VReg, index uint8, rn RegSP) (Inst, error) {
	return Encode(ST1B+Op(t.ElemSize()&3), vt.val(), int64(index), rn.val())
}

// VLd1r is ld1r {vt.t}, [rn]: load one element and replicate it.
func VLd1r(t Arrangement, vt VReg, rn RegSP) (Inst, error) {
	return Encode(LD1R, int64(t), vt.val(), rn.val())
}

// VOrrImm is orr vd.t, #imm8{, lsl #shift} (t 4H/8H with shift 0 or 8,
// 2S/4S with shift 0, 8, 16 or 24): vd |= the shifted immediate per element.
func VOrrImm(t Arrangement, vd VReg, imm8 uint8, shift uint8) (Inst, error) {
	if t.ElemSize() == 1 {
		return Encode(VORR16i, int64(t), vd.val(), int64(imm8), int64(shift))
	}
	return Encode(VORR32i, int64(t), vd.val(), int64(imm8), int64(shift))
}

// VBicImm is bic vd.t, #imm8{, lsl #shift}: vd &^= the shifted immediate.
func VBicImm(t Arrangement, vd VReg, imm8 uint8, shift uint8) (Inst, error) {
	if t.ElemSize() == 1 {
		return Encode(VBIC16i, int64(t), vd.val(), int64(imm8), int64(shift))
	}
	return Encode(VBIC32i, int64(t), vd.val(), int64(imm8), int64(shift))
}

// VLd1 is ld1 {vt.t, ... n registers}, [rn] (n 1-4, consecutive modulo 32).
func VLd1(t Arrangement, vt VReg, n int, rn RegSP) (Inst, error) {
	if n < 1 || n > 4 {
		return 0, &EncodeError{LD1x1, "ld1 takes 1 to 4 registers"}
	}
	return Encode(LD1x1+Op(n-1), int64(t), vt.val(), rn.val())
}

// VSt1 is st1 {vt.t, ... n registers}, [rn].
func VSt1(t Arrangement, vt VReg, n int, rn RegSP) (Inst, error) {
	if n < 1 || n > 4 {
		return 0, &EncodeError{ST1x1, "st1 takes 1 to 4 registers"}
	}
	return Encode(ST1x1+Op(n-1), int64(t), vt.val(), rn.val())
}
