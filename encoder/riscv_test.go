package encoder

import (
	"encoding/binary"
	"testing"

	"golang.org/x/arch/riscv64/riscv64asm"
)

// rvUse is a test-only LabelUse with real RISC-V encodings, to show that
// the buffer is general enough for fixed-width ISAs with scattered
// immediates, two-instruction pairs and two-level veneer chains:
//
//	rvB    beq     ±4 KiB  → veneer "jal x0" (rvJ)
//	rvJ    jal     ±1 MiB  → veneer "auipc x31; jalr x0, 0(x31)" (rvPair)
//	rvPair auipc+jalr ±2 GiB, no veneer
//
// Displacements are relative to the instruction (= field) start. The
// decoded result is checked with golang.org/x/arch's riscv64asm.
type rvUse uint8

const (
	rvB rvUse = iota
	rvJ
	rvPair
)

func (k rvUse) MaxPosRange() int64 { return [...]int64{4094, 1<<20 - 2, 1<<31 - 1 - 0x800}[k] }
func (k rvUse) MaxNegRange() int64 { return [...]int64{4096, 1 << 20, 1 << 31}[k] }
func (k rvUse) PatchSize() int     { return [...]int{4, 4, 8}[k] }
func (k rvUse) SupportsVeneer() bool {
	return k != rvPair
}
func (k rvUse) VeneerSize() int { return [...]int{4, 8, 0}[k] }

func (k rvUse) Patch(code []byte, useOff, labelOff int64) {
	d := uint32(labelOff - useOff)
	w := binary.LittleEndian.Uint32(code)
	switch k {
	case rvB: // imm[12|10:5] rs2 rs1 f3 imm[4:1|11] opcode
		w &= 0x01FFF07F
		w |= (d>>12&1)<<31 | (d>>5&0x3F)<<25 | (d>>1&0xF)<<8 | (d>>11&1)<<7
	case rvJ: // imm[20|10:1|11|19:12] rd opcode
		w &= 0x00000FFF
		w |= (d>>20&1)<<31 | (d>>1&0x3FF)<<21 | (d>>11&1)<<20 | (d>>12&0xFF)<<12
	case rvPair:
		hi := (d + 0x800) >> 12
		lo := d - hi<<12
		binary.LittleEndian.PutUint32(code, w&0xFFF|hi<<12)
		jalr := binary.LittleEndian.Uint32(code[4:])
		binary.LittleEndian.PutUint32(code[4:], jalr&0xFFFFF|lo<<20)
		return
	}
	binary.LittleEndian.PutUint32(code, w)
}

const (
	rvNop     = 0x00000013 // addi x0, x0, 0
	rvJal0    = 0x0000006F // jal x0, 0
	rvAuipc31 = 0x00000F97 // auipc x31, 0
	rvJr31    = 0x000F8067 // jalr x0, 0(x31)
	rvBeq12   = 0x00208063 // beq x1, x2, 0
	rvEbreak  = 0x00100073
)

func (k rvUse) GenerateVeneer(code []byte, veneerOff int64) (int64, LabelUse) {
	if k == rvB {
		binary.LittleEndian.PutUint32(code, rvJal0)
		return 0, rvJ
	}
	binary.LittleEndian.PutUint32(code, rvAuipc31)
	binary.LittleEndian.PutUint32(code[4:], rvJr31)
	return 0, rvPair
}

var rvISA = ISA{
	Name:      "riscv64-test",
	Jump:      []byte{0x6F, 0, 0, 0},
	JumpField: 0,
	JumpKind:  rvJ,
	Trap:      []byte{0x73, 0x00, 0x10, 0x00},
}

// rvFollow executes the control transfer at pc as if taken, with
// riscv64asm decoding, until it reaches a non-branch; it returns the
// address reached.
func rvFollow(t *testing.T, code []byte, pc int) int {
	t.Helper()
	for hops := 0; hops < 4; hops++ {
		in, err := riscv64asm.Decode(code[pc:])
		if err != nil {
			t.Fatalf("decode at %d: %v", pc, err)
		}
		switch in.Op {
		case riscv64asm.BEQ:
			pc += int(in.Args[2].(riscv64asm.Simm).Imm)
		case riscv64asm.JAL:
			pc += int(in.Args[1].(riscv64asm.Simm).Imm)
		case riscv64asm.AUIPC:
			hi := int32(in.Args[1].(riscv64asm.Uimm).Imm << 12)
			next, err := riscv64asm.Decode(code[pc+4:])
			if err != nil || next.Op != riscv64asm.JALR {
				t.Fatalf("auipc at %d not followed by jalr", pc)
			}
			pc += int(hi) + int(next.Args[1].(riscv64asm.RegOffset).Ofs.Imm)
		default:
			return pc
		}
	}
	t.Fatalf("veneer chain longer than 3 at %d", pc)
	return -1
}

// TestRiscvVeneerChains: beq references 3 MiB away (past both the beq and
// the jal range) forward and backward resolve through beq → jal → auipc+jalr.
func TestRiscvVeneerChains(t *testing.T) {
	b := NewBuffer(rvISA)
	top, far := b.NewLabel(), b.NewLabel()
	b.Bind(top)
	b.Put4(rvNop)
	const distance = 4 + 8 // one instruction plus one veneer
	beq := func(l Label) int {
		if b.IslandNeeded(distance) {
			b.EmitIsland(distance)
		}
		off := b.Len()
		b.Put4(rvBeq12)
		b.UseLabelAt(off, l, rvB)
		return off
	}
	fwd := beq(far)
	islands := 0
	for b.Len() < 3<<20 {
		if b.IslandNeeded(distance) {
			b.EmitIsland(distance)
			islands++
		}
		b.Put4(rvNop)
	}
	back := beq(top)
	if b.IslandNeeded(distance) {
		b.EmitIsland(distance)
	}
	b.Bind(far)
	b.Put4(rvEbreak)
	code := finish(t, b)
	farOff, _ := b.LabelOffset(far)
	if got := rvFollow(t, code, fwd); got != farOff {
		t.Errorf("forward beq reaches %d, want %d", got, farOff)
	}
	if got := rvFollow(t, code, back); got != 0 {
		t.Errorf("backward beq reaches %d, want 0", got)
	}
	if islands == 0 {
		t.Error("no island was needed; the test is too weak")
	}
	t.Logf("%d bytes, %d islands", len(code), islands)
}
