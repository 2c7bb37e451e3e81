package lower

import (
	"kiln/ir"
	"kiln/regalloc"
)

// Frame is the layout of a function's stack frame below the saved frame
// pointer. Offsets are from the stack pointer after the prologue, which
// stays fixed for the whole body (no dynamic allocation), so every slot is
// addressed SP-relative:
//
//	         incoming stack arguments   (FP + 16 ...)
//	         return address             (FP + 8)
//	FP ->    saved frame pointer        (FP + 0)
//	         ISA-reserved area          (FP - Reserved ... FP)
//	         callee-saved registers     (SP + CalleeSaveOff ...)
//	         spill slots                (SP + SpillOff[i])
//	         explicit stack slots       (SP + StackSlotOff[i])
//	SP ->    outgoing call arguments    (SP + 0 ...)
//
// The frame pointer chain is always kept: backtraces and the runtime's
// stack walker rely on it.
type Frame struct {
	StackSlotOff  []int32
	SpillOff      []int32
	CalleeSaves   []regalloc.PReg
	CalleeSaveOff int32
	OutgoingArgs  int32
	// Reserved is the size of the area just below the saved frame
	// pointer that the ISA keeps for itself (FP-relative; e.g. the VM
	// context slot and register save area of wasm code).
	Reserved int32
	// Size is the number of bytes the prologue subtracts from SP after
	// pushing the frame pointer; a multiple of Align.
	Size int32
}

// LayoutFrame computes a frame for f's explicit stack slots, the
// allocator's spill slots (slotSize bytes each), the callee-saved
// registers to preserve (wordSize bytes each) and the outgoing argument
// area, plus reserved bytes (a multiple of wordSize) right below the frame
// pointer, rounding the total up to align.
func LayoutFrame(f *ir.Function, out *regalloc.Output, calleeSaves []regalloc.PReg, outgoing, reserved int32, slotSize, wordSize, align int32) *Frame {
	fr := &Frame{CalleeSaves: calleeSaves, OutgoingArgs: alignUp(outgoing, 16), Reserved: reserved}
	off := fr.OutgoingArgs
	fr.StackSlotOff = make([]int32, len(f.StackSlots))
	for i, ss := range f.StackSlots {
		a := int32(1) << ss.AlignLog2
		if a < 8 {
			a = 8
		}
		off = alignUp(off, a)
		fr.StackSlotOff[i] = off
		off += int32(ss.Size)
	}
	off = alignUp(off, slotSize)
	fr.SpillOff = make([]int32, out.NumSpillSlots())
	for i := range fr.SpillOff {
		fr.SpillOff[i] = off
		off += slotSize
	}
	fr.CalleeSaveOff = off
	off += wordSize * int32(len(calleeSaves))
	// The reserved area must end exactly at FP: pad below it.
	fr.Size = alignUp(off+reserved, align)
	return fr
}

func alignUp(x, a int32) int32 { return (x + a - 1) &^ (a - 1) }
