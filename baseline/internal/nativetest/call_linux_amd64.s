#include "textflag.h"

// func call(fn uintptr, arg unsafe.Pointer)
//
// The 64 KiB frame is the called code's stack: SP moves to the top of the
// frame, aligned to 16, and is restored from R12, which System V callees
// (the test adapter) preserve.
TEXT ·call(SB), 0, $65536-16
	MOVQ fn+0(FP), AX
	MOVQ arg+8(FP), DI
	MOVQ SP, R12
	LEAQ 65472(SP), SP
	ANDQ $-16, SP
	CALL AX
	MOVQ R12, SP
	RET
