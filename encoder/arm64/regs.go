package arm64

import "fmt"

// Register values carry their class in the high byte and the 5-bit register
// number in the low byte, so an encoder can reject a W register where the
// row wants an X register, or an S register where it wants a D register.
// The zero value of every register type is invalid (class 0).
const (
	clsNone = iota
	clsW    // 32-bit general register
	clsX    // 64-bit general register
	clsB    // 8-bit SIMD&FP scalar
	clsH    // 16-bit SIMD&FP scalar
	clsS    // 32-bit SIMD&FP scalar
	clsD    // 64-bit SIMD&FP scalar
	clsQ    // 128-bit SIMD&FP scalar
	clsV    // SIMD vector (arrangement given separately)
)

// Reg is a general-purpose register operand in a field where number 31 means
// the zero register (WZR/XZR). RegSP is the same register file in a field
// where 31 means the stack pointer. The two are distinct types so that the
// zero register cannot be passed where the stack pointer is meant and vice
// versa: XZR only has type Reg, SP only has type RegSP. Registers 0-30 are
// untyped constants that fit both.
//
// A value is class<<8 | number.
type (
	Reg   uint16
	RegSP uint16
)

// FReg is a scalar SIMD&FP register of a given width: B, H, S, D or Q.
type FReg uint16

// VReg is a SIMD vector register V0-V31; the arrangement (8B, 4S, ...) is a
// separate operand of each vector instruction.
type VReg uint16

// General registers 0-30 are untyped so they can be used as Reg or RegSP.
const (
	W0 = clsW<<8 | iota
	W1
	W2
	W3
	W4
	W5
	W6
	W7
	W8
	W9
	W10
	W11
	W12
	W13
	W14
	W15
	W16
	W17
	W18
	W19
	W20
	W21
	W22
	W23
	W24
	W25
	W26
	W27
	W28
	W29
	W30
)

const (
	X0 = clsX<<8 | iota
	X1
	X2
	X3
	X4
	X5
	X6
	X7
	X8
	X9
	X10
	X11
	X12
	X13
	X14
	X15
	X16
	X17
	X18
	X19
	X20
	X21
	X22
	X23
	X24
	X25
	X26
	X27
	X28
	X29
	X30
)

// Register number 31 gets a distinct typed name per meaning.
const (
	WZR Reg   = clsW<<8 | 31
	XZR Reg   = clsX<<8 | 31
	WSP RegSP = clsW<<8 | 31
	SP  RegSP = clsX<<8 | 31
	// Conventional names from the AAPCS64.
	FP = X29
	LR = X30
)

// X returns the 64-bit register with number n; X(31) is XZR.
func X(n int) Reg { return Reg(clsX<<8 | uint16(n&31)) }

// W returns the 32-bit register with number n; W(31) is WZR.
func W(n int) Reg { return Reg(clsW<<8 | uint16(n&31)) }

// XSP returns the 64-bit register with number n in a field where 31 is SP.
func XSP(n int) RegSP { return RegSP(clsX<<8 | uint16(n&31)) }

// WSPReg returns the 32-bit register with number n where 31 is WSP.
func WSPReg(n int) RegSP { return RegSP(clsW<<8 | uint16(n&31)) }

// V returns vector register n.
func V(n int) VReg { return VReg(clsV<<8 | uint16(n&31)) }

// BReg, HReg, SReg, DReg and QReg return the 8-, 16-, 32-, 64- and
// 128-bit scalar view of SIMD&FP register n.
func BReg(n int) FReg { return FReg(clsB<<8 | uint16(n&31)) }
func HReg(n int) FReg { return FReg(clsH<<8 | uint16(n&31)) }
func SReg(n int) FReg { return FReg(clsS<<8 | uint16(n&31)) }
func DReg(n int) FReg { return FReg(clsD<<8 | uint16(n&31)) }
func QReg(n int) FReg { return FReg(clsQ<<8 | uint16(n&31)) }

// Num returns the 5-bit register number.
func (r Reg) Num() int   { return int(r & 31) }
func (r RegSP) Num() int { return int(r & 31) }
func (r FReg) Num() int  { return int(r & 31) }
func (r VReg) Num() int  { return int(r & 31) }

// Is64 reports whether r is an X register.
func (r Reg) Is64() bool   { return r>>8 == clsX }
func (r RegSP) Is64() bool { return r>>8 == clsX }

// AsSP reinterprets a general register for a field where 31 means SP. It
// fails for the zero register, which has no meaning there.
func (r Reg) AsSP() (RegSP, error) {
	if r&31 == 31 {
		return 0, fmt.Errorf("arm64: %v has no stack-pointer meaning", r)
	}
	return RegSP(r), nil
}

// AsZR is the inverse of Reg.AsSP: it fails for SP.
func (r RegSP) AsZR() (Reg, error) {
	if r&31 == 31 {
		return 0, fmt.Errorf("arm64: %v has no zero-register meaning", r)
	}
	return Reg(r), nil
}

func gpName(v int64, sp bool) string {
	n, c := v&31, uint16(v>>8)
	switch {
	case c == clsW && n == 31 && sp:
		return "wsp"
	case c == clsW && n == 31:
		return "wzr"
	case c == clsW:
		return fmt.Sprintf("w%d", n)
	case c == clsX && n == 31 && sp:
		return "sp"
	case c == clsX && n == 31:
		return "xzr"
	case c == clsX:
		return fmt.Sprintf("x%d", n)
	}
	return fmt.Sprintf("badreg(%#x)", v)
}

func fpName(v int64) string {
	c := uint16(v >> 8)
	if c < clsB || c > clsV {
		return fmt.Sprintf("badreg(%#x)", v)
	}
	return fmt.Sprintf("%c%d", "bhsdqv"[c-clsB], v&31)
}

func (r Reg) String() string   { return gpName(int64(r), false) }
func (r RegSP) String() string { return gpName(int64(r), true) }
func (r FReg) String() string  { return fpName(int64(r)) }
func (r VReg) String() string  { return fpName(int64(r)) }

// Arrangement is a vector shape. Its value is log2(element bytes)<<1 | Q,
// which is exactly the size:Q pair most vector encodings use.
type Arrangement uint8

const (
	A8B  Arrangement = 0<<1 | 0
	A16B Arrangement = 0<<1 | 1
	A4H  Arrangement = 1<<1 | 0
	A8H  Arrangement = 1<<1 | 1
	A2S  Arrangement = 2<<1 | 0
	A4S  Arrangement = 2<<1 | 1
	A1D  Arrangement = 3<<1 | 0
	A2D  Arrangement = 3<<1 | 1
)

var arrNames = [8]string{"8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"}

func (a Arrangement) String() string {
	if a > A2D {
		return fmt.Sprintf("Arrangement(%d)", uint8(a))
	}
	return arrNames[a]
}

// ElemSize is log2 of the element size in bytes (0 for B ... 3 for D).
func (a Arrangement) ElemSize() int { return int(a >> 1) }

// Q reports whether the arrangement fills all 128 bits.
func (a Arrangement) Q() bool { return a&1 == 1 }

// Lanes is the number of elements.
func (a Arrangement) Lanes() int { return (8 << (a & 1)) >> (a >> 1) }

// Cond is a condition code in its 4-bit encoding.
type Cond uint8

const (
	EQ Cond = iota
	NE
	HS
	LO
	MI
	PL
	VS
	VC
	HI
	LS
	GE
	LT
	GT
	LE
	AL
	NV
	CS = HS
	CC = LO
)

var condNames = [16]string{"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"}

func (c Cond) String() string { return condNames[c&15] }

// Invert returns the opposite condition.
func (c Cond) Invert() Cond { return c ^ 1 }

// Shift is the shift applied to the last register of a shifted-register form.
type Shift uint8

const (
	LSL Shift = iota
	LSR
	ASR
	ROR
)

var shiftNames = [4]string{"lsl", "lsr", "asr", "ror"}

func (s Shift) String() string { return shiftNames[s&3] }

// Extend is the extension applied to the index register of an
// extended-register or register-offset form, in its 3-bit option encoding.
type Extend uint8

const (
	UXTB Extend = iota
	UXTH
	UXTW
	UXTX
	SXTB
	SXTH
	SXTW
	SXTX
)

var extendNames = [8]string{"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"}

func (e Extend) String() string { return extendNames[e&7] }

// Barrier is the CRm option of DMB and DSB.
type Barrier uint8

const (
	OSHLD Barrier = 1
	OSHST Barrier = 2
	OSH   Barrier = 3
	NSHLD Barrier = 5
	NSHST Barrier = 6
	NSH   Barrier = 7
	ISHLD Barrier = 9
	ISHST Barrier = 10
	ISH   Barrier = 11
	LD    Barrier = 13
	ST    Barrier = 14
	SY    Barrier = 15
)

var barrierNames = [16]string{1: "oshld", 2: "oshst", 3: "osh", 5: "nshld", 6: "nshst", 7: "nsh", 9: "ishld", 10: "ishst", 11: "ish", 13: "ld", 14: "st", 15: "sy"}

// val returns the register as an Encode operand value.
func (r Reg) val() int64   { return int64(r) }
func (r RegSP) val() int64 { return int64(r) }
func (r FReg) val() int64  { return int64(r) }
func (r VReg) val() int64  { return int64(r) }
