package arm64

import (
	"encoding/binary"
	"fmt"

	"kiln/encoder"
)

// LabelUse is the kind of a PC-relative field whose target is a label:
// the arm64 implementation of encoder.LabelUse. Every field holds a
// displacement from the instruction holding it (from the page of that
// instruction for AdrpAdd).
type LabelUse uint8

const (
	// Branch26 is imm26 of B and BL: ±128 MiB in 4-byte units.
	Branch26 LabelUse = iota
	// Branch19 is imm19 of B.cond, CBZ and CBNZ: ±1 MiB. Out of range it is
	// redirected through a veneer "b label" (Branch26).
	Branch19
	// Branch14 is imm14 of TBZ and TBNZ: ±32 KiB, veneered like Branch19.
	Branch14
	// Adr21 is immhi:immlo of ADR: ±1 MiB in bytes.
	Adr21
	// Ldr19 is imm19 of LDR (literal): ±1 MiB in 4-byte units. The buffer
	// keeps constant-pool islands within range, so it needs no veneer.
	Ldr19
	// AdrpAdd is an ADRP followed by an ADD (immediate) of the same
	// register: ±4 GiB. The page arithmetic assumes the code is placed at
	// a 4 KiB-aligned address (see the package documentation).
	AdrpAdd
)

var labelUseNames = [...]string{"branch26", "branch19", "branch14", "adr21", "ldr19", "adrp+add"}

func (k LabelUse) String() string {
	if int(k) < len(labelUseNames) {
		return labelUseNames[k]
	}
	return fmt.Sprintf("LabelUse(%d)", uint8(k))
}

// MaxPosRange is the largest forward displacement the field holds.
func (k LabelUse) MaxPosRange() int64 {
	switch k {
	case Branch26:
		return (1<<25 - 1) * 4
	case Branch19, Ldr19:
		return (1<<18 - 1) * 4
	case Branch14:
		return (1<<13 - 1) * 4
	case Adr21:
		return 1<<20 - 1
	case AdrpAdd:
		// (2^20 - 1) pages, less one page for the use's own offset in
		// its page.
		return (1<<20 - 2) << 12
	}
	return 0
}

// MaxNegRange is the largest backward displacement, as a positive number.
func (k LabelUse) MaxNegRange() int64 {
	switch k {
	case Branch26:
		return 1 << 27
	case Branch19, Ldr19:
		return 1 << 20
	case Branch14:
		return 1 << 15
	case Adr21:
		return 1 << 20
	case AdrpAdd:
		return (1<<20 - 1) << 12
	}
	return 0
}

// PatchSize is 4, or 8 for the ADRP+ADD pair.
func (k LabelUse) PatchSize() int {
	if k == AdrpAdd {
		return 8
	}
	return 4
}

// udfBadLabel is written in place of an instruction whose label cannot be
// encoded (a branch to a misaligned label, an unknown kind): Patch cannot
// return an error, and a trap is better than a jump to the wrong place.
const udfBadLabel = 0x0000dead

// Patch writes the displacement labelOff-useOff into the field, replacing
// whatever the field held; the other bits of the instruction are kept. The
// buffer only calls Patch for in-range displacements; a label that is not
// 4-byte aligned (which a branch or literal load cannot reach) turns the
// instruction into UDF #0xdead.
func (k LabelUse) Patch(code []byte, useOff, labelOff int64) {
	if len(code) < k.PatchSize() {
		return
	}
	w := binary.LittleEndian.Uint32(code)
	d := labelOff - useOff
	field := func(pos, width uint) uint32 {
		mask := uint32(1)<<width - 1
		return w&^(mask<<pos) | (uint32(d>>2)&mask)<<pos
	}
	switch k {
	case Branch26:
		w = field(0, 26)
	case Branch19, Ldr19:
		w = field(5, 19)
	case Branch14:
		w = field(5, 14)
	case Adr21:
		w = w&^(3<<29|0x7ffff<<5) | (uint32(d)&3)<<29 | (uint32(d>>2)&0x7ffff)<<5
	case AdrpAdd:
		pages := labelOff>>12 - useOff>>12
		w = w&^(3<<29|0x7ffff<<5) | (uint32(pages)&3)<<29 | (uint32(pages>>2)&0x7ffff)<<5
		add := binary.LittleEndian.Uint32(code[4:])
		add = add&^(0xfff<<10) | uint32(labelOff&0xfff)<<10
		binary.LittleEndian.PutUint32(code[4:], add)
	default:
		w = udfBadLabel
	}
	if k != Adr21 && k != AdrpAdd && d&3 != 0 {
		w = udfBadLabel
	}
	binary.LittleEndian.PutUint32(code, w)
}

// SupportsVeneer: conditional and test-bit branches can be redirected
// through an unconditional branch.
func (k LabelUse) SupportsVeneer() bool { return k == Branch19 || k == Branch14 }

// VeneerSize is one B instruction.
func (k LabelUse) VeneerSize() int {
	if k.SupportsVeneer() {
		return 4
	}
	return 0
}

// GenerateVeneer writes "b <label>" with an empty field; the buffer points
// the short branch at it and resolves the B's Branch26 field.
func (k LabelUse) GenerateVeneer(code []byte, veneerOff int64) (int64, encoder.LabelUse) {
	if !k.SupportsVeneer() || len(code) < 4 {
		return 0, k
	}
	binary.LittleEndian.PutUint32(code, rows[B].Fixed)
	return 0, Branch26
}

// BufferISA tells encoder.Buffer how to jump over an island (B, Branch26),
// what a deferred trap stub executes (UDF #0) and what fills alignment gaps
// (zero bytes: an aligned zero word is UDF #0 too).
var BufferISA = encoder.ISA{
	Name:      "arm64",
	Jump:      []byte{0x00, 0x00, 0x00, 0x14},
	JumpField: 0,
	JumpKind:  Branch26,
	Trap:      []byte{0x00, 0x00, 0x00, 0x00},
	Pad:       0x00,
}
