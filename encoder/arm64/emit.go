package arm64

import (
	"encoding/binary"
	"fmt"
	"math"

	"kiln/encoder"
)

// Asm writes instructions into an encoder.Buffer and records label uses.
// Errors from the constructors are recorded in the buffer (SetError) and
// returned by Finish, so straight-line emission code needs no error checks;
// nothing is written for an instruction that failed to encode.
//
// Before each instruction a compiler's emission loop asks the buffer
// whether an island is due (Buffer.IslandNeeded(MaxIslandDistance)) and calls
// EmitIsland when it is; Asm does this itself in Emit, so constant pools and
// veneers land before any pending use goes out of range.
type Asm struct {
	Buf *encoder.Buffer
}

// NewAsm returns an Asm over a fresh buffer for arm64.
func NewAsm() *Asm { return &Asm{Buf: encoder.NewBuffer(BufferISA)} }

// islandDistance is how much code Asm lets pass between island checks:
// one instruction, plus the largest pool entry one instruction can add
// (16 bytes with 16-byte alignment padding), plus a veneer.
const islandDistance = 4 + 16 + 15 + 4

// NewLabel returns a fresh label of the underlying buffer.
func (a *Asm) NewLabel() encoder.Label { return a.Buf.NewLabel() }

// Bind binds l to the current offset.
func (a *Asm) Bind(l encoder.Label) { a.Buf.Bind(l) }

// Emit appends one encoded instruction, or records err.
func (a *Asm) Emit(in Inst, err error) {
	if err != nil {
		a.Buf.SetError(err)
		return
	}
	a.island(islandDistance)
	a.Buf.Put4(uint32(in))
}

// island emits an island if one is due before distance more bytes, and
// checks that the code is still 4-byte aligned: encoder.Buffer does not yet
// pad an island holding odd-sized constants back to instruction alignment,
// and misaligned code must be an error rather than a SIGBUS.
func (a *Asm) island(distance int) {
	if a.Buf.IslandNeeded(distance) {
		a.Buf.EmitIsland(distance)
	}
	if n := a.Buf.Len(); n%4 != 0 && a.Buf.Err() == nil {
		a.Buf.SetError(fmt.Errorf("arm64: code offset %#x is not 4-byte aligned (an island held odd-sized constants)", n))
	}
}

// emitUse appends an instruction whose label field is still empty and
// records the use of l at it.
func (a *Asm) emitUse(in Inst, err error, l encoder.Label, kind LabelUse) int {
	if err != nil {
		a.Buf.SetError(err)
		return -1
	}
	a.island(islandDistance)
	off := a.Buf.Len()
	a.Buf.Put4(uint32(in))
	a.Buf.UseLabelAt(off, l, kind)
	return off
}

// B branches to l (±128 MiB); the buffer may delete it if l turns out to
// be the next instruction.
func (a *Asm) B(l encoder.Label) {
	in, err := BDisp(0)
	if off := a.emitUse(in, err, l, Branch26); off >= 0 {
		a.Buf.AddUncondBranch(off, off+4, l)
	}
}

// BL calls l.
func (a *Asm) BL(l encoder.Label) {
	in, err := BLDisp(0)
	a.emitUse(in, err, l, Branch26)
}

// BCond branches to l if c holds (±1 MiB, veneered beyond). The buffer may
// invert it to fold "b.c L1; b L2; L1:" into "b.!c L2".
func (a *Asm) BCond(c Cond, l encoder.Label) {
	in, err := BCondDisp(c, 0)
	off := a.emitUse(in, err, l, Branch19)
	if off < 0 || c >= AL {
		return
	}
	inv := MustEncode(Bcc, int64(c.Invert()), 0)
	a.Buf.AddCondBranch(off, off+4, l, binary.LittleEndian.AppendUint32(nil, uint32(inv)))
}

// Cbz branches to l if rt is zero.
func (a *Asm) Cbz(rt Reg, l encoder.Label) {
	in, err := CbzDisp(rt, 0)
	off := a.emitUse(in, err, l, Branch19)
	if off >= 0 {
		inv, _ := CbnzDisp(rt, 0)
		a.Buf.AddCondBranch(off, off+4, l, binary.LittleEndian.AppendUint32(nil, uint32(inv)))
	}
}

// Cbnz branches to l if rt is not zero.
func (a *Asm) Cbnz(rt Reg, l encoder.Label) {
	in, err := CbnzDisp(rt, 0)
	off := a.emitUse(in, err, l, Branch19)
	if off >= 0 {
		inv, _ := CbzDisp(rt, 0)
		a.Buf.AddCondBranch(off, off+4, l, binary.LittleEndian.AppendUint32(nil, uint32(inv)))
	}
}

// Tbz branches to l if bit of rt is zero (±32 KiB, veneered beyond).
func (a *Asm) Tbz(rt Reg, bit uint8, l encoder.Label) {
	in, err := TbzDisp(rt, bit, 0)
	off := a.emitUse(in, err, l, Branch14)
	if off >= 0 {
		inv, _ := TbnzDisp(rt, bit, 0)
		a.Buf.AddCondBranch(off, off+4, l, binary.LittleEndian.AppendUint32(nil, uint32(inv)))
	}
}

// Tbnz branches to l if bit of rt is one.
func (a *Asm) Tbnz(rt Reg, bit uint8, l encoder.Label) {
	in, err := TbnzDisp(rt, bit, 0)
	off := a.emitUse(in, err, l, Branch14)
	if off >= 0 {
		inv, _ := TbzDisp(rt, bit, 0)
		a.Buf.AddCondBranch(off, off+4, l, binary.LittleEndian.AppendUint32(nil, uint32(inv)))
	}
}

// Adr sets rd to the address of l (±1 MiB).
func (a *Asm) Adr(rd Reg, l encoder.Label) {
	in, err := AdrDisp(rd, 0)
	a.emitUse(in, err, l, Adr21)
}

// AdrpAdd sets rd to the address of l with adrp + add (±4 GiB). It assumes
// the code is placed at a 4 KiB-aligned address.
func (a *Asm) AdrpAdd(rd Reg, l encoder.Label) {
	adrp, err := AdrpDisp(rd, 0)
	if err != nil {
		a.Buf.SetError(err)
		return
	}
	rsp, err := rd.AsSP()
	if err != nil {
		a.Buf.SetError(err)
		return
	}
	add, err := AddImm(rsp, rsp, 0)
	if err != nil {
		a.Buf.SetError(err)
		return
	}
	a.island(islandDistance + 4)
	off := a.Buf.Len()
	a.Buf.Put4(uint32(adrp))
	a.Buf.Put4(uint32(add))
	a.Buf.UseLabelAt(off, l, AdrpAdd)
}

// LdrLit loads rt from the word or doubleword at l (a pool constant, ±1 MiB).
func (a *Asm) LdrLit(rt Reg, l encoder.Label) {
	in, err := LdrLitDisp(rt, 0)
	a.emitUse(in, err, l, Ldr19)
}

// LdrLitF loads an S, D or Q register from l.
func (a *Asm) LdrLitF(rt FReg, l encoder.Label) {
	in, err := LdrLitFDisp(rt, 0)
	a.emitUse(in, err, l, Ldr19)
}

// MovConst sets rd to v with the shortest MOVZ/MOVN/MOVK/ORR sequence.
func (a *Asm) MovConst(rd Reg, v uint64) {
	var buf [4]Inst
	for _, in := range AppendMovConst(buf[:0], rd, v) {
		a.Emit(in, nil)
	}
}

// LoadConst64 loads v into rd from the constant pool (one ldr literal);
// MovConst is usually better unless v needs 3-4 instructions.
func (a *Asm) LoadConst64(rd Reg, v uint64) {
	l := a.Buf.UseConstant(binary.LittleEndian.AppendUint64(nil, v), 8)
	a.LdrLit(rd, l)
}

// LoadConstF loads a float constant into an S or D register, by fmov when
// the value is an 8-bit FP immediate and from the constant pool otherwise.
func (a *Asm) LoadConstF(rt FReg, v float64) {
	if _, ok := EncodeFPImm(v); ok {
		a.Emit(FMovImm(rt, v))
		return
	}
	var data []byte
	if rt>>8 == clsS {
		data = binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(v)))
	} else {
		data = binary.LittleEndian.AppendUint64(nil, math.Float64bits(v))
	}
	a.LdrLitF(rt, a.Buf.UseConstant(data, len(data)))
}

// CallSymbol emits "bl sym" with an encoder.RelocArm64Call26 relocation for
// the loader to resolve (±128 MiB from the call).
func (a *Asm) CallSymbol(sym encoder.Symbol) {
	a.island(islandDistance)
	a.Buf.AddReloc(encoder.RelocArm64Call26, sym, 0)
	a.Buf.Put4(rows[BL].Fixed)
}

// PatchCall26 applies a RelocArm64Call26: it writes the displacement
// target-site (bytes; S + A - P) into the BL or B at word, or reports why
// it cannot (misaligned, beyond ±128 MiB, not a B/BL).
func PatchCall26(word []byte, disp int64) error {
	if len(word) < 4 {
		return fmt.Errorf("arm64: call26 relocation needs 4 bytes, have %d", len(word))
	}
	w := binary.LittleEndian.Uint32(word)
	if w&0x7c000000 != 0x14000000 {
		return fmt.Errorf("arm64: call26 relocation on %08x, which is not b or bl", w)
	}
	f, err := labelField(&opRows[BL].args[0], disp)
	if err != nil {
		return fmt.Errorf("arm64: call26 relocation: %v", err)
	}
	binary.LittleEndian.PutUint32(word, w&^(1<<26-1)|f)
	return nil
}
