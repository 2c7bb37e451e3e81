package amd64

import (
	"fmt"

	"kiln/encoder"
)

// memKind says which addressing form a Mem uses.
type memKind uint8

const (
	memNone      memKind = iota // the zero Mem: not a valid operand
	memBase                     // [base + disp]
	memBaseIndex                // [base + index*scale + disp]
	memIndex                    // [index*scale + disp32], no base
	memAbs                      // [disp32], absolute (SIB form)
	memRIP                      // [rip + disp32] to a label (+ disp)
)

// Mem is a memory operand. Build one with Addr, AddrIndex, AddrScaled,
// AddrAbs or AddrLabel; the encoder picks the shortest ModRM/SIB/displacement
// form (SIB for RSP/R12 bases, an explicit zero disp8 for RBP/R13).
type Mem struct {
	kind  memKind
	base  GPR
	index GPR
	scale uint8 // 1, 2, 4 or 8 when there is an index
	disp  int32
	label encoder.Label
}

// Addr is [base + disp].
func Addr(base GPR, disp int32) Mem { return Mem{kind: memBase, base: base, disp: disp} }

// AddrIndex is [base + index*scale + disp]; scale must be 1, 2, 4 or 8 and
// index must not be RSP (the encoding has no way to name it).
func AddrIndex(base, index GPR, scale uint8, disp int32) Mem {
	return Mem{kind: memBaseIndex, base: base, index: index, scale: scale, disp: disp}
}

// AddrScaled is [index*scale + disp32], no base register.
func AddrScaled(index GPR, scale uint8, disp int32) Mem {
	return Mem{kind: memIndex, index: index, scale: scale, disp: disp}
}

// AddrAbs is the absolute address [disp32] (sign-extended to 64 bits).
func AddrAbs(disp int32) Mem { return Mem{kind: memAbs, disp: disp} }

// AddrLabel is [rip + (l - end of instruction) + disp]: a PC-relative
// reference to a label, typically a pool constant from Buffer.UseConstant.
func AddrLabel(l encoder.Label, disp int32) Mem { return Mem{kind: memRIP, label: l, disp: disp} }

func (m Mem) String() string {
	switch m.kind {
	case memBase:
		return fmt.Sprintf("%d(%%%v)", m.disp, m.base)
	case memBaseIndex:
		return fmt.Sprintf("%d(%%%v,%%%v,%d)", m.disp, m.base, m.index, m.scale)
	case memIndex:
		return fmt.Sprintf("%d(,%%%v,%d)", m.disp, m.index, m.scale)
	case memAbs:
		return fmt.Sprintf("%d", m.disp)
	case memRIP:
		return fmt.Sprintf("L%d+%d(%%rip)", m.label, m.disp)
	}
	return "<invalid mem>"
}

// check reports why m cannot be encoded.
func (m Mem) check() error {
	switch m.kind {
	case memBase:
		if m.base >= numGPR {
			return fmt.Errorf("base register %d out of range", m.base)
		}
	case memBaseIndex, memIndex:
		if m.kind == memBaseIndex && m.base >= numGPR {
			return fmt.Errorf("base register %d out of range", m.base)
		}
		if m.index >= numGPR {
			return fmt.Errorf("index register %d out of range", m.index)
		}
		if m.index == RSP {
			return fmt.Errorf("%%rsp cannot be an index register")
		}
		switch m.scale {
		case 1, 2, 4, 8:
		default:
			return fmt.Errorf("scale %d is not 1, 2, 4 or 8", m.scale)
		}
	case memAbs, memRIP:
	default:
		return fmt.Errorf("zero Mem used as an operand")
	}
	return nil
}
