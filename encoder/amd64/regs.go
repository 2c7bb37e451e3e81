package amd64

import "fmt"

// GPR is a general-purpose register, numbered as in the ModRM/REX encoding
// (RAX=0 ... R15=15). The type keeps integer and vector registers apart:
// an XMM cannot be passed where a GPR is expected.
type GPR uint8

// The sixteen general-purpose registers.
const (
	RAX GPR = iota
	RCX
	RDX
	RBX
	RSP
	RBP
	RSI
	RDI
	R8
	R9
	R10
	R11
	R12
	R13
	R14
	R15
	numGPR
)

// XMM is a 128-bit vector register X0..X15.
type XMM uint8

// The sixteen vector registers available without EVEX.
const (
	X0 XMM = iota
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
	numXMM
)

// YMM is a 256-bit vector register Y0..Y15 (the same register file as XMM;
// used by the VEX.256 forms).
type YMM uint8

// The sixteen 256-bit registers.
const (
	Y0 YMM = iota
	Y1
	Y2
	Y3
	Y4
	Y5
	Y6
	Y7
	Y8
	Y9
	Y10
	Y11
	Y12
	Y13
	Y14
	Y15
)

func (y YMM) String() string {
	if y >= YMM(numXMM) {
		return fmt.Sprintf("YMM(%d)", uint8(y))
	}
	return fmt.Sprintf("ymm%d", uint8(y))
}

var gprNames = [4][16]string{
	{"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"},
	{"ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"},
	{"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"},
	{"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"},
}

func (r GPR) String() string { return r.Name(Size64) }

// Name returns the register's name at the given operand size ("eax", "r9b").
func (r GPR) Name(sz Size) string {
	if r >= numGPR || !sz.valid() {
		return fmt.Sprintf("GPR(%d)", uint8(r))
	}
	return gprNames[sz.log2()][r]
}

func (x XMM) String() string {
	if x >= numXMM {
		return fmt.Sprintf("XMM(%d)", uint8(x))
	}
	return fmt.Sprintf("xmm%d", uint8(x))
}

// Size is an integer operand size in bytes.
type Size uint8

// Operand sizes; Size64 selects REX.W, Size16 the 0x66 prefix, Size8 the
// byte opcode.
const (
	Size8  Size = 1
	Size16 Size = 2
	Size32 Size = 4
	Size64 Size = 8
)

func (s Size) valid() bool { return s == 1 || s == 2 || s == 4 || s == 8 }

func (s Size) log2() int {
	switch s {
	case 2:
		return 1
	case 4:
		return 2
	case 8:
		return 3
	}
	return 0
}

func (s Size) String() string {
	if !s.valid() {
		return fmt.Sprintf("Size(%d)", uint8(s))
	}
	return fmt.Sprint(int(s)*8, "-bit")
}

// CC is a condition code, numbered as in the low nibble of jcc/setcc/cmovcc.
// Flipping the low bit inverts a condition.
type CC uint8

// Condition codes (Intel names; B/AE/BE/A are the unsigned comparisons).
const (
	CondO  CC = iota // overflow
	CondNO           // no overflow
	CondB            // below (unsigned <), carry
	CondAE           // above or equal (unsigned >=), no carry
	CondE            // equal, zero
	CondNE           // not equal, not zero
	CondBE           // below or equal (unsigned <=)
	CondA            // above (unsigned >)
	CondS            // sign
	CondNS           // no sign
	CondP            // parity (unordered after ucomis*)
	CondNP           // no parity
	CondL            // less (signed <)
	CondGE           // greater or equal (signed >=)
	CondLE           // less or equal (signed <=)
	CondG            // greater (signed >)
	numCC
)

var ccNames = [numCC]string{"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"}

func (c CC) String() string {
	if c >= numCC {
		return fmt.Sprintf("CC(%d)", uint8(c))
	}
	return ccNames[c]
}

// Invert returns the opposite condition.
func (c CC) Invert() CC { return c ^ 1 }
