#include "textflag.h"

// A minimal wasm-convention harness (kiln/ir/vm, ABIAmd64) for the
// optimizing tier's execution tests: the same shape as the runtime's
// trampolines (kiln/runtime/internal/jit), which packages outside
// kiln/runtime cannot import. Store-context offsets: GoSP 0, GoFP 8,
// WasmSP 16, WasmFP 24, ResumePC 32, ExitVMCtx 40, ExitKind 48; the VM
// context's first word points at the store context. TestHarnessOffsets
// pins them against kiln/ir/vm.

// func callWasm(entry, vmctx, stack, values, n uintptr)
TEXT ·callWasm(SB),NOSPLIT|NOFRAME,$0-40
	MOVQ	vmctx+8(FP), DI
	MOVQ	entry+0(FP), AX
	MOVQ	stack+16(FP), R8
	MOVQ	values+24(FP), DX
	MOVQ	n+32(FP), CX
	MOVQ	0(DI), R11
	MOVQ	SP, 0(R11)
	MOVQ	BP, 8(R11)
	MOVQ	(TLS), R14
	MOVQ	DI, SI
	MOVQ	R8, SP
	SUBQ	$16, SP
	MOVQ	DI, 0(SP)
	XORQ	BP, BP
	CALL	AX
	MOVQ	0(SP), DI
	MOVQ	0(DI), R11
	MOVL	$1, 48(R11)
	MOVQ	0(R11), SP
	MOVQ	8(R11), BP
	RET

// func resumeWasm(sc uintptr)
TEXT ·resumeWasm(SB),NOSPLIT|NOFRAME,$0-8
	MOVQ	sc+0(FP), R11
	MOVQ	SP, 0(R11)
	MOVQ	BP, 8(R11)
	MOVL	$0, 48(R11)
	MOVQ	(TLS), R14
	MOVQ	40(R11), DI
	MOVQ	32(R11), AX
	MOVQ	24(R11), BP
	MOVQ	16(R11), SP
	JMP	AX

// exitcommon: DI = vmctx, R11 = store context, kind stored, AX = resume.
TEXT exitcommon<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	AX, 32(R11)
	MOVQ	SP, 16(R11)
	MOVQ	BP, 24(R11)
	MOVQ	DI, 40(R11)
	MOVQ	0(R11), SP
	MOVQ	8(R11), BP
	RET

TEXT stub_trap<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$2, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_host_call<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$3, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_preempt<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$4, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_interrupt<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$5, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_out_of_fuel<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$6, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_memory_grow<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$7, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_memory_fill<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$8, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_memory_copy<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$9, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_memory_init<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$10, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_data_drop<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$11, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_table_grow<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$12, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_table_fill<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$13, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_table_copy<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$14, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_table_init<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$15, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_elem_drop<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$16, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_memory_atomic_wait<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$17, 48(R11)
	JMP	exitcommon<>(SB)

TEXT stub_memory_atomic_notify<>(SB),NOSPLIT|NOFRAME,$0-0
	MOVQ	0(DI), R11
	MOVL	$18, 48(R11)
	JMP	exitcommon<>(SB)

// func stubTable(t *[19]uintptr)
TEXT ·stubTable(SB),NOSPLIT,$0-8
	MOVQ	t+0(FP), AX
	MOVQ	$stub_trap<>(SB), BX
	MOVQ	BX, 16(AX)
	MOVQ	$stub_host_call<>(SB), BX
	MOVQ	BX, 24(AX)
	MOVQ	$stub_preempt<>(SB), BX
	MOVQ	BX, 32(AX)
	MOVQ	$stub_interrupt<>(SB), BX
	MOVQ	BX, 40(AX)
	MOVQ	$stub_out_of_fuel<>(SB), BX
	MOVQ	BX, 48(AX)
	MOVQ	$stub_memory_grow<>(SB), BX
	MOVQ	BX, 56(AX)
	MOVQ	$stub_memory_fill<>(SB), BX
	MOVQ	BX, 64(AX)
	MOVQ	$stub_memory_copy<>(SB), BX
	MOVQ	BX, 72(AX)
	MOVQ	$stub_memory_init<>(SB), BX
	MOVQ	BX, 80(AX)
	MOVQ	$stub_data_drop<>(SB), BX
	MOVQ	BX, 88(AX)
	MOVQ	$stub_table_grow<>(SB), BX
	MOVQ	BX, 96(AX)
	MOVQ	$stub_table_fill<>(SB), BX
	MOVQ	BX, 104(AX)
	MOVQ	$stub_table_copy<>(SB), BX
	MOVQ	BX, 112(AX)
	MOVQ	$stub_table_init<>(SB), BX
	MOVQ	BX, 120(AX)
	MOVQ	$stub_elem_drop<>(SB), BX
	MOVQ	BX, 128(AX)
	MOVQ	$stub_memory_atomic_wait<>(SB), BX
	MOVQ	BX, 136(AX)
	MOVQ	$stub_memory_atomic_notify<>(SB), BX
	MOVQ	BX, 144(AX)
	RET
