#include "textflag.h"

// func call(fn uintptr, arg unsafe.Pointer)
//
// The 64 KiB frame is the called code's stack: SP is moved to the top of
// the frame (below the saved BP and return address), aligned to 16, and
// restored from R12, which System V callees preserve.
TEXT ·call(SB), 0, $65536-16
	MOVQ fn+0(FP), AX
	MOVQ arg+8(FP), DI
	MOVQ SP, R12
	LEAQ 65472(SP), SP
	ANDQ $-16, SP
	CALL AX
	MOVQ R12, SP
	RET
