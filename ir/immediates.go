package ir

import (
	"strconv"
	"strings"
)

// IntCC is an integer comparison condition (icmp).
type IntCC uint8

const (
	IntEQ IntCC = iota
	IntNE
	IntSLT
	IntSGE
	IntSGT
	IntSLE
	IntULT
	IntUGE
	IntUGT
	IntULE
	numIntCC
)

var intCCNames = [numIntCC]string{"eq", "ne", "slt", "sge", "sgt", "sle", "ult", "uge", "ugt", "ule"}

func (c IntCC) String() string {
	if c < numIntCC {
		return intCCNames[c]
	}
	return "intcc(" + strconv.Itoa(int(c)) + ")"
}

// Inverse returns the condition that is true exactly when c is false.
func (c IntCC) Inverse() IntCC { return c ^ 1 }

// Swapped returns the condition for swapped operands (a < b ⇔ b > a).
func (c IntCC) Swapped() IntCC {
	switch c {
	case IntSLT:
		return IntSGT
	case IntSGT:
		return IntSLT
	case IntSGE:
		return IntSLE
	case IntSLE:
		return IntSGE
	case IntULT:
		return IntUGT
	case IntUGT:
		return IntULT
	case IntUGE:
		return IntULE
	case IntULE:
		return IntUGE
	}
	return c
}

// ParseIntCC looks up an icmp condition by name.
func ParseIntCC(s string) (IntCC, bool) { return lookupName(intCCNames[:], s, IntCC(0)) }

// FloatCC is a floating-point comparison condition (fcmp).
type FloatCC uint8

const (
	FloatOrd FloatCC = iota // neither is NaN
	FloatUno                // either is NaN
	FloatEQ
	FloatNE // unordered or not equal
	FloatOne
	FloatUeq
	FloatLT
	FloatUge
	FloatLE
	FloatUgt
	FloatGT
	FloatUle
	FloatGE
	FloatUlt
	numFloatCC
)

var floatCCNames = [numFloatCC]string{"ord", "uno", "eq", "ne", "one", "ueq", "lt", "uge", "le", "ugt", "gt", "ule", "ge", "ult"}

func (c FloatCC) String() string {
	if c < numFloatCC {
		return floatCCNames[c]
	}
	return "floatcc(" + strconv.Itoa(int(c)) + ")"
}

// Inverse returns the condition that is true exactly when c is false.
func (c FloatCC) Inverse() FloatCC { return c ^ 1 }

// ParseFloatCC looks up an fcmp condition by name.
func ParseFloatCC(s string) (FloatCC, bool) { return lookupName(floatCCNames[:], s, FloatCC(0)) }

// AtomicRmwOp is the operation of atomic_rmw.
type AtomicRmwOp uint8

const (
	AtomicAdd AtomicRmwOp = iota
	AtomicSub
	AtomicAnd
	AtomicNand
	AtomicOr
	AtomicXor
	AtomicXchg
	AtomicUmin
	AtomicUmax
	AtomicSmin
	AtomicSmax
	numAtomicRmwOps
)

var atomicRmwNames = [numAtomicRmwOps]string{"add", "sub", "and", "nand", "or", "xor", "xchg", "umin", "umax", "smin", "smax"}

func (o AtomicRmwOp) String() string {
	if o < numAtomicRmwOps {
		return atomicRmwNames[o]
	}
	return "rmw(" + strconv.Itoa(int(o)) + ")"
}

// ParseAtomicRmwOp looks up an atomic_rmw operation by name.
func ParseAtomicRmwOp(s string) (AtomicRmwOp, bool) {
	return lookupName(atomicRmwNames[:], s, AtomicRmwOp(0))
}

func lookupName[T ~uint8](names []string, s string, _ T) (T, bool) {
	for i, n := range names {
		if n == s {
			return T(i), true
		}
	}
	return 0, false
}

// TrapCode says why execution stopped. Zero is "no trap code", used only
// inside MemFlags to mean notrap.
type TrapCode uint8

const (
	TrapNone               TrapCode = iota
	TrapStackOverflow               // stk_ovf
	TrapHeapOutOfBounds             // heap_oob
	TrapIntegerOverflow             // int_ovf
	TrapIntegerDivByZero            // int_divz
	TrapBadConversionToInt          // bad_toint
	numBuiltinTraps
)

// TrapUserBase is the code of user0; userN is TrapUserBase+N.
const TrapUserBase = 8

// MaxUserTrap is the largest N in userN.
const MaxUserTrap = 255 - TrapUserBase

var trapNames = [numBuiltinTraps]string{"", "stk_ovf", "heap_oob", "int_ovf", "int_divz", "bad_toint"}

// UserTrap returns the code userN.
func UserTrap(n int) TrapCode { return TrapCode(TrapUserBase + n) }

// IsUser reports whether c is userN, and N.
func (c TrapCode) IsUser() (int, bool) {
	if c >= TrapUserBase {
		return int(c) - TrapUserBase, true
	}
	return 0, false
}

func (c TrapCode) String() string {
	if n, ok := c.IsUser(); ok {
		return "user" + strconv.Itoa(n)
	}
	if c < numBuiltinTraps && c != TrapNone {
		return trapNames[c]
	}
	return "trap(" + strconv.Itoa(int(c)) + ")"
}

// ParseTrapCode parses stk_ovf, heap_oob, int_ovf, int_divz, bad_toint, userN.
func ParseTrapCode(s string) (TrapCode, bool) {
	if rest, ok := strings.CutPrefix(s, "user"); ok {
		n, err := strconv.Atoi(rest)
		if err != nil || n < 0 || n > MaxUserTrap || strconv.Itoa(n) != rest {
			return 0, false
		}
		return UserTrap(n), true
	}
	for i := TrapStackOverflow; i < numBuiltinTraps; i++ {
		if trapNames[i] == s {
			return i, true
		}
	}
	return 0, false
}

// MemFlags qualify a memory access. Layout (uint32):
//
//	bits 0-7   trap code raised by a faulting access; 0 = the default
//	           (heap_oob, printed as nothing), memNoTrap = cannot trap
//	bits 8-13  aligned, readonly, little, big, can_move, checked
//	bits 16-31 alias region + 1 (0 = no region)
//
// The zero MemFlags is Cranelift's default: may trap with heap_oob,
// unaligned, native endianness, no region.
type MemFlags uint32

const (
	memTrapMask = 0xff
	memNoTrap   = 0xff

	MemAligned  MemFlags = 1 << 8
	MemReadonly MemFlags = 1 << 9
	MemLittle   MemFlags = 1 << 10
	MemBig      MemFlags = 1 << 11
	MemCanMove  MemFlags = 1 << 12
	MemChecked  MemFlags = 1 << 13

	memRegionShift = 16
)

// Endianness of an access.
type Endianness uint8

const (
	NativeEndian Endianness = iota
	LittleEndian
	BigEndian
)

// TrustedMemFlags are "notrap aligned": a known-good access.
const TrustedMemFlags = MemFlags(memNoTrap) | MemAligned

// TrapCode returns the code a faulting access raises, TrapNone for notrap.
func (f MemFlags) TrapCode() TrapCode {
	switch c := f & memTrapMask; c {
	case 0:
		return TrapHeapOutOfBounds
	case memNoTrap:
		return TrapNone
	default:
		return TrapCode(c)
	}
}

// WithTrapCode sets the trap code; TrapNone means notrap.
func (f MemFlags) WithTrapCode(c TrapCode) MemFlags {
	f &^= memTrapMask
	switch c {
	case TrapNone:
		f |= memNoTrap
	case TrapHeapOutOfBounds:
	default:
		f |= MemFlags(c)
	}
	return f
}

// NoTrap reports whether the access is declared not to trap.
func (f MemFlags) NoTrap() bool { return f&memTrapMask == memNoTrap }

func (f MemFlags) Aligned() bool  { return f&MemAligned != 0 }
func (f MemFlags) Readonly() bool { return f&MemReadonly != 0 }
func (f MemFlags) CanMove() bool  { return f&MemCanMove != 0 }
func (f MemFlags) Checked() bool  { return f&MemChecked != 0 }

// Endianness returns the explicit byte order, or NativeEndian.
func (f MemFlags) Endianness() Endianness {
	switch {
	case f&MemLittle != 0:
		return LittleEndian
	case f&MemBig != 0:
		return BigEndian
	}
	return NativeEndian
}

// Region returns the alias region, ok false when there is none.
func (f MemFlags) Region() (AliasRegion, bool) {
	r := f >> memRegionShift
	return AliasRegion(r - 1), r != 0
}

// WithRegion sets the alias region.
func (f MemFlags) WithRegion(r AliasRegion) MemFlags {
	return f&(1<<memRegionShift-1) | MemFlags(r+1)<<memRegionShift
}

// String writes the flags as CLIF does, each with a leading space.
func (f MemFlags) String() string {
	var b strings.Builder
	switch c := f.TrapCode(); c {
	case TrapNone:
		b.WriteString(" notrap")
	case TrapHeapOutOfBounds:
	default:
		b.WriteString(" " + c.String())
	}
	for _, p := range [...]struct {
		bit  MemFlags
		name string
	}{{MemAligned, "aligned"}, {MemReadonly, "readonly"}, {MemCanMove, "can_move"}, {MemBig, "big"}, {MemLittle, "little"}, {MemChecked, "checked"}} {
		if f&p.bit != 0 {
			b.WriteString(" " + p.name)
		}
	}
	if r, ok := f.Region(); ok {
		b.WriteString(" " + r.String())
	}
	return b.String()
}

// setFlagWord applies one textual flag; ok false if word is not a flag.
func (f *MemFlags) setFlagWord(word string) bool {
	switch word {
	case "notrap":
		*f = f.WithTrapCode(TrapNone)
	case "aligned":
		*f |= MemAligned
	case "readonly":
		*f |= MemReadonly
	case "can_move":
		*f |= MemCanMove
	case "big":
		*f |= MemBig
	case "little":
		*f |= MemLittle
	case "checked":
		*f |= MemChecked
	default:
		c, ok := ParseTrapCode(word)
		if !ok {
			return false
		}
		*f = f.WithTrapCode(c)
	}
	return true
}
