//go:build !windows

#include "textflag.h"

// func flushICacheRange(start, end uintptr)
//
// Makes freshly written code visible to instruction fetch: clean each
// data-cache line to the point of unification, invalidate the
// instruction-cache lines, then synchronise. Line sizes come from CTR_EL0
// (readable at EL0 on Linux and macOS).
TEXT ·flushICacheRange(SB),NOSPLIT,$0-16
	MOVD	start+0(FP), R0
	MOVD	end+8(FP), R1
	MRS	CTR_EL0, R2
	// D-cache line: 4 << CTR_EL0.DminLine (bits 19:16).
	UBFX	$16, R2, $4, R3
	MOVD	$4, R4
	LSL	R3, R4, R3
	// I-cache line: 4 << CTR_EL0.IminLine (bits 3:0).
	AND	$15, R2, R5
	LSL	R5, R4, R5
	SUB	$1, R3, R6
	BIC	R6, R0, R7
dloop:
	CMP	R1, R7
	BHS	ddone
	WORD	$0xd50b7b27 // dc cvau, x7
	ADD	R3, R7, R7
	B	dloop
ddone:
	WORD	$0xd5033b9f // dsb ish
	SUB	$1, R5, R6
	BIC	R6, R0, R7
iloop:
	CMP	R1, R7
	BHS	idone
	WORD	$0xd50b7527 // ic ivau, x7
	ADD	R5, R7, R7
	B	iloop
idone:
	WORD	$0xd5033b9f // dsb ish
	WORD	$0xd5033fdf // isb
	RET
