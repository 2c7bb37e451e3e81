package encoder

import (
	"encoding/binary"
	"testing"

	"golang.org/x/arch/s390x/s390xasm"
)

// s390xUse is a test-only LabelUse with real s390x relative branches, whose
// fields are big-endian halfword counts relative to the start of the
// instruction, two bytes before the field:
//
//	s390xRI   brc   (A7 m4 RI2:16)  ±64 KiB → veneer "brcl 15" (s390xRIL)
//	s390xRIL  brcl  (C0 m4 RI2:32)  ±4 GiB, no veneer
type s390xUse uint8

const (
	s390xRI s390xUse = iota
	s390xRIL
)

// The ranges count from the field (useOff), which is 2 bytes into the
// instruction: instruction-relative [-2^16, 2^16-2] becomes field-relative
// [-2^16-2, 2^16-4] for brc, and likewise at 32 bits for brcl.
func (k s390xUse) MaxPosRange() int64 { return [...]int64{1<<16 - 4, 1<<32 - 4}[k] }
func (k s390xUse) MaxNegRange() int64 { return [...]int64{1<<16 + 2, 1<<32 + 2}[k] }
func (k s390xUse) PatchSize() int     { return [...]int{2, 4}[k] }
func (k s390xUse) SupportsVeneer() bool {
	return k == s390xRI
}
func (k s390xUse) VeneerSize() int { return 6 }

func (k s390xUse) Patch(code []byte, useOff, labelOff int64) {
	halfwords := (labelOff - (useOff - 2)) >> 1
	if k == s390xRI {
		binary.BigEndian.PutUint16(code, uint16(halfwords))
		return
	}
	binary.BigEndian.PutUint32(code, uint32(halfwords))
}

func (k s390xUse) GenerateVeneer(code []byte, veneerOff int64) (int64, LabelUse) {
	copy(code, []byte{0xC0, 0xF4, 0, 0, 0, 0}) // brcl 15 (jg)
	return 2, s390xRIL
}

var s390xISA = ISA{
	Name:      "s390x-test",
	Jump:      []byte{0xC0, 0xF4, 0, 0, 0, 0},
	JumpField: 2,
	JumpKind:  s390xRIL,
	Trap:      []byte{0x00, 0x00},
}

// s390xFollow takes the branch at pc (decoded by s390xasm) until it reaches
// a non-branch.
func s390xFollow(t *testing.T, code []byte, pc int) int {
	t.Helper()
	for hops := 0; hops < 3; hops++ {
		in, err := s390xasm.Decode(code[pc:])
		if err != nil {
			t.Fatalf("decode at %d: %v", pc, err)
		}
		switch a := in.Args[1].(type) {
		case s390xasm.RegIm16:
			pc += 2 * int(int16(a))
		case s390xasm.RegIm32:
			pc += 2 * int(int32(a))
		default:
			return pc
		}
	}
	t.Fatalf("veneer chain too long at %d", pc)
	return -1
}

// TestS390xRelativeLong: brc references 256 KiB away, forward and
// backward, go through brcl veneers; fields are big-endian and relative to
// the instruction, not the field.
func TestS390xRelativeLong(t *testing.T) {
	b := NewBuffer(s390xISA)
	top, far := b.NewLabel(), b.NewLabel()
	b.Bind(top)
	b.PutBytes([]byte{0x07, 0x00}) // nopr
	brc := func(l Label) int {
		if b.IslandNeeded(4 + 6) {
			b.EmitIsland(4 + 6)
		}
		at := b.Len()
		b.PutBytes([]byte{0xA7, 0x84, 0, 0}) // brc 8 (je)
		b.UseLabelAt(at+2, l, s390xRI)
		return at
	}
	fwd := brc(far)
	for b.Len() < 256<<10 {
		if b.IslandNeeded(4 + 6) {
			b.EmitIsland(4 + 6)
		}
		b.PutBytes([]byte{0x07, 0x00})
	}
	back := brc(top)
	near := brc(far)
	if b.IslandNeeded(6) {
		b.EmitIsland(6)
	}
	b.Bind(far)
	b.PutBytes([]byte{0x07, 0x00})
	code := finish(t, b)
	farOff, _ := b.LabelOffset(far)
	for _, u := range []struct{ at, want int }{{fwd, farOff}, {back, 0}, {near, farOff}} {
		if got := s390xFollow(t, code, u.at); got != u.want {
			t.Errorf("brc at %d reaches %d, want %d", u.at, got, u.want)
		}
	}
	// The near one needs no veneer: it is a direct brc.
	if in, _ := s390xasm.Decode(code[near:]); in.Op != s390xasm.BRC || near+2*int(int16(in.Args[1].(s390xasm.RegIm16))) != farOff {
		t.Errorf("near brc was not resolved directly")
	}
}
