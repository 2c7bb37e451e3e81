#include "textflag.h"
#include "abi.h"

// The amd64 trampolines between Go (ABI0) and compiled wasm code. Register
// use follows kiln/ir/vm.ABIAmd64: DI callee vmctx, SI caller vmctx, DX
// values array, CX slot count, R14 g, R11 scratch, AX the resume address
// at an exit. See doc.go.

// func enter(code, vmctx, stack, values, n uintptr)
//
// Saves the Go SP/FP in the store context, switches to the wasm stack at
// stack (16-byte aligned, the top of the free region), loads g into R14,
// and calls the array-call entry at code. A normal return lands below the
// CALL and goes back to Go with ExitReturn; an exit stub returns to Go
// directly from exitcommon. Either way enter (or resume) returns to its Go
// caller, which reads the exit kind from the store context.
TEXT ·enter(SB),NOSPLIT|NOFRAME,$0-40
	MOVQ	vmctx+8(FP), DI
	MOVQ	code+0(FP), AX
	MOVQ	stack+16(FP), R8
	MOVQ	values+24(FP), DX
	MOVQ	n+32(FP), CX
	MOVQ	VM_STORECTX(DI), R11
	MOVQ	SP, SC_GOSP(R11)
	MOVQ	BP, SC_GOFP(R11)
	MOVQ	(TLS), R14
	MOVQ	DI, SI
	// Switch stacks. The 16 bytes below the top keep the vmctx for the
	// return path; the CALL then leaves the callee's SP at 8 mod 16 as
	// the convention requires.
	MOVQ	R8, SP
	SUBQ	$16, SP
	MOVQ	DI, 0(SP)
	MOVQ	SC_ENTRYFP(R11), BP
	CALL	AX
	// Normal return from the outermost wasm frame.
	MOVQ	0(SP), DI
	MOVQ	VM_STORECTX(DI), R11
	MOVL	$EXIT_RETURN, SC_EXITKIND(R11)
	MOVQ	SC_GOSP(R11), SP
	MOVQ	SC_GOFP(R11), BP
	RET

// func resume(sc uintptr)
//
// Re-enters compiled code after an exit: saves the Go SP/FP afresh (the
// goroutine stack may have moved while Go handled the exit), reloads g,
// the exiting vmctx, the wasm SP/FP, and jumps to the return address of
// the exit-stub call.
TEXT ·resume(SB),NOSPLIT|NOFRAME,$0-8
	MOVQ	sc+0(FP), R11
	MOVQ	SP, SC_GOSP(R11)
	MOVQ	BP, SC_GOFP(R11)
	MOVL	$EXIT_NONE, SC_EXITKIND(R11)
	MOVQ	(TLS), R14
	MOVQ	SC_EXITVMCTX(R11), DI
	MOVQ	SC_RESUMEPC(R11), AX
	MOVQ	SC_WASMFP(R11), BP
	MOVQ	SC_WASMSP(R11), SP
	JMP	AX

// exitcommon is the shared tail of every exit stub. On entry DI = vmctx,
// R11 = store context, the exit kind is stored, AX = the resume address
// (vm.ABIAmd64.ExitResume) and SP is the compiled code's SP: the exit site
// jumped here (`lea rax, [rip+resume]; jmp [rdi+stub]`) rather than
// calling, so the CPU's return-address predictor stays paired with real
// calls and returns.
TEXT ·exitcommon(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	AX, SC_RESUMEPC(R11)
	MOVQ	SP, SC_WASMSP(R11)
	MOVQ	BP, SC_WASMFP(R11)
	MOVQ	DI, SC_EXITVMCTX(R11)
	MOVQ	SC_GOSP(R11), SP
	MOVQ	SC_GOFP(R11), BP
	RET

// func getg() uintptr
//
// Returns the running goroutine's g, as enter loads it, for the test that
// pins vm.GStackGuard0Offset.
TEXT ·getg(SB),NOSPLIT,$0-8
	MOVQ	(TLS), AX
	MOVQ	AX, ret+0(FP)
	RET

// func spinUntil(addr uintptr, want, limit uint64) bool
//
// Polls the word at addr until it equals want (true) or limit polls have
// been made (false). A loop without calls, like compiled code: it pins
// vm.StackPreempt in TestGStackGuard0Offset, where a Go loop would be
// stopped by its own (race-instrumented) calls' prologue checks first.
TEXT ·spinUntil(SB),NOSPLIT,$0-25
	MOVQ	addr+0(FP), AX
	MOVQ	want+8(FP), BX
	MOVQ	limit+16(FP), CX
spin:
	CMPQ	BX, 0(AX)
	JEQ	found
	DECQ	CX
	JNE	spin
	MOVB	$0, ret+24(FP)
	RET
found:
	MOVB	$1, ret+24(FP)
	RET
