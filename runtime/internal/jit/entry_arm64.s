#include "textflag.h"
#include "abi.h"

// The arm64 trampolines between Go (ABI0) and compiled wasm code. Register
// use follows kiln/ir/vm.ABIArm64: R0 callee vmctx, R1 caller vmctx, R2
// values array, R3 slot count, R28 g (never touched), R16/R17 scratch,
// R17 the resume address at an exit.
// Go's return address is in LR, not on the stack, so it is saved in the
// store context too. See doc.go and entry_amd64.s.

// func enter(code, vmctx, stack, values, n uintptr)
TEXT ·enter(SB),NOSPLIT|NOFRAME,$0-40
	MOVD	vmctx+8(FP), R0
	MOVD	code+0(FP), R9
	MOVD	stack+16(FP), R10
	MOVD	values+24(FP), R2
	MOVD	n+32(FP), R3
	MOVD	VM_STORECTX(R0), R16
	MOVD	RSP, R17
	MOVD	R17, SC_GOSP(R16)
	MOVD	R29, SC_GOFP(R16)
	MOVD	R30, SC_GOLR(R16)
	MOVD	R0, R1
	SUB	$16, R10, R10
	MOVD	R10, RSP
	MOVD	R0, (RSP)
	MOVD	SC_ENTRYFP(R16), R29
	CALL	(R9)
	MOVD	(RSP), R0
	MOVD	VM_STORECTX(R0), R16
	MOVW	$EXIT_RETURN, R17
	MOVW	R17, SC_EXITKIND(R16)
	MOVD	SC_GOSP(R16), R17
	MOVD	R17, RSP
	MOVD	SC_GOFP(R16), R29
	MOVD	SC_GOLR(R16), R30
	RET

// func resume(sc uintptr)
TEXT ·resume(SB),NOSPLIT|NOFRAME,$0-8
	MOVD	sc+0(FP), R16
	MOVD	RSP, R17
	MOVD	R17, SC_GOSP(R16)
	MOVD	R29, SC_GOFP(R16)
	MOVD	R30, SC_GOLR(R16)
	MOVW	$EXIT_NONE, R17
	MOVW	R17, SC_EXITKIND(R16)
	MOVD	SC_EXITVMCTX(R16), R0
	MOVD	SC_WASMFP(R16), R29
	MOVD	SC_WASMSP(R16), R17
	MOVD	R17, RSP
	MOVD	SC_RESUMEPC(R16), R17
	JMP	(R17)

// exitcommon: R0 = vmctx, R16 = store context, kind stored, R17 = the
// resume address the exit site passed (vm.ABIArm64.ExitResume).
TEXT ·exitcommon(SB),NOSPLIT|NOFRAME,$0-0
	MOVD	R17, SC_RESUMEPC(R16)
	MOVD	RSP, R17
	MOVD	R17, SC_WASMSP(R16)
	MOVD	R29, SC_WASMFP(R16)
	MOVD	R0, SC_EXITVMCTX(R16)
	MOVD	SC_GOSP(R16), R17
	MOVD	R17, RSP
	MOVD	SC_GOFP(R16), R29
	MOVD	SC_GOLR(R16), R30
	RET

// func getg() uintptr
TEXT ·getg(SB),NOSPLIT,$0-8
	MOVD	g, R0
	MOVD	R0, ret+0(FP)
	RET

// func spinUntil(addr uintptr, want, limit uint64) bool
TEXT ·spinUntil(SB),NOSPLIT,$0-25
	MOVD	addr+0(FP), R0
	MOVD	want+8(FP), R1
	MOVD	limit+16(FP), R2
spin:
	MOVD	(R0), R3
	CMP	R1, R3
	BEQ	found
	SUBS	$1, R2, R2
	BNE	spin
	MOVB	ZR, ret+24(FP)
	RET
found:
	MOVD	$1, R3
	MOVB	R3, ret+24(FP)
	RET
