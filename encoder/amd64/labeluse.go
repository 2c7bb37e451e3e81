package amd64

import (
	"encoding/binary"
	"math"

	"kiln/encoder"
)

// LabelUse is the kind of an amd64 label reference. Both kinds are
// displacements from the end of their field; a value already stored in the
// field is an addend (RIP-relative operands followed by an immediate store
// minus the immediate's size there, so the displacement is relative to the
// end of the instruction). amd64 needs no veneers: rel32 reaches any
// offset within a function, and rel8 is only chosen when the label is
// already known to be close, or explicitly by the caller.
type LabelUse uint8

const (
	// Rel8 is the 8-bit displacement of a short jmp/jcc.
	Rel8 LabelUse = iota + 1
	// Rel32 is the 32-bit displacement of jmp/jcc/call and of a
	// RIP-relative memory operand.
	Rel32
)

// maxLabelAddend bounds the addend a Rel32 field may carry (AddrLabel's
// displacement), so that range checks on the label distance alone are sound.
const maxLabelAddend = 1 << 24

var _ encoder.LabelUse = Rel8

func (k LabelUse) String() string {
	switch k {
	case Rel8:
		return "rel8"
	case Rel32:
		return "rel32"
	}
	return "LabelUse(?)"
}

// MaxPosRange: the displacement is relative to the end of the field.
func (k LabelUse) MaxPosRange() int64 {
	if k == Rel8 {
		return math.MaxInt8 + 1
	}
	return math.MaxInt32 + 4 - maxLabelAddend
}

// MaxNegRange is the mirror image.
func (k LabelUse) MaxNegRange() int64 {
	if k == Rel8 {
		return -math.MinInt8 - 1
	}
	return -math.MinInt32 - 4 - maxLabelAddend
}

// PatchSize is the field width.
func (k LabelUse) PatchSize() int {
	if k == Rel8 {
		return 1
	}
	return 4
}

// Patch adds labelOff - (useOff + PatchSize) to the field.
func (k LabelUse) Patch(code []byte, useOff, labelOff int64) {
	d := labelOff - useOff - int64(k.PatchSize())
	if k == Rel8 {
		code[0] = byte(int8(code[0]) + int8(d))
		return
	}
	binary.LittleEndian.PutUint32(code, uint32(int32(binary.LittleEndian.Uint32(code))+int32(d)))
}

// SupportsVeneer: amd64 never needs veneers.
func (k LabelUse) SupportsVeneer() bool { return false }

// VeneerSize is zero: no veneers.
func (k LabelUse) VeneerSize() int { return 0 }

// GenerateVeneer is never called (SupportsVeneer is false).
func (k LabelUse) GenerateVeneer(code []byte, veneerOff int64) (int64, encoder.LabelUse) {
	return 0, k
}

// BufferISA tells encoder.Buffer how to jump over an island (jmp rel32) and
// what a deferred trap stub executes (ud2).
var BufferISA = encoder.ISA{
	Name:      "amd64",
	Jump:      []byte{0xE9, 0, 0, 0, 0},
	JumpField: 1,
	JumpKind:  Rel32,
	Trap:      []byte{0x0F, 0x0B},
	Pad:       0xCC,
}
