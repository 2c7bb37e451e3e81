package amd64

import (
	"fmt"
	"strings"
)

// Row describes one instruction form: one line of the Intel manual's
// opcode table. Rows are data; the encoder (emit.go) interprets them and
// the tests enumerate them, so adding a form is adding a row.
//
// Ops lists the operands in Intel order (destination first) using these
// tokens, where a missing width means "the Size argument":
//
//	r, r32, r64     general register in ModRM.reg
//	rm, rm8 ...     general register or memory in ModRM.rm
//	m               memory only in ModRM.rm
//	o, o64          general register in the low 3 opcode bits
//	x               XMM in ModRM.reg
//	xm              XMM or memory in ModRM.rm
//	xr              XMM register (no memory) in ModRM.rm
//	x0              implicit XMM0 (legacy blendv)
//	cl              implicit CL (shift count)
//	i8, u8, u16     immediate of fixed width (signed / unsigned)
//	iz              immediate of the operand size, at most 32 bits, sign-extended
//	iv              immediate of the full operand size (mov r64, imm64)
//	i32             32-bit immediate
//	rel8, rel32     PC-relative branch target (a label)
//
// The VEX form of an SSE row is derived from it (see VexForm), so each
// SSE/AVX pair is declared once.
type Row struct {
	Name  string  // Intel mnemonic; "cwd|cdq|cqo" names one per size in Sizes, ascending
	Ops   string  // operands, Intel order
	Enc   Enc     // where the operands go
	Pfx   byte    // mandatory prefix: 0x66, 0xF2, 0xF3 (VEX.pp in the VEX form), or 0
	Map   Map     // opcode map
	Opc   byte    // opcode (for 16/32/64-bit operands)
	Opc8  byte    // opcode for 8-bit operands, when Sizes has Size8
	Digit uint8   // ModRM.reg opcode extension, for Enc == EncM
	Sizes SizeSet // legal Size arguments; 0 for forms without one
	W     bool    // REX.W / VEX.W regardless of size
	CC    bool    // the low nibble of Opc is a condition code
	Lock  bool    // a LOCK prefix is legal (memory destination only)
	Tail  byte    // a fixed ModRM byte after the opcode (mfence: 0xF0)
	Vex   VexForm // how the VEX (AVX) form is derived, or VexNone
	// V256 says the VEX form also exists at 256 bits (VEX.L=1) with every
	// vector operand widened to YMM (AVX for floating point, AVX2 for
	// integers). Forms that mix widths (vcvtps2pd ymm, xmm) are not marked.
	V256 bool
	// VexOnly rows have no legacy SSE encoding (AVX2 additions such as
	// vpbroadcastd, vpsllvd); Ops still describes the SSE-shaped operands
	// from which the VEX operands derive.
	VexOnly bool
	// VexMap and VexOpc replace Map and Opc in the VEX form when nonzero
	// (the blendv family moved to 0F3A with an is4 operand).
	VexMap Map
	VexOpc byte
	Feat   Feature // CPU feature the legacy form needs

	ops  []operand // parsed Ops
	vops []operand // operands of the VEX form
}

// Enc says how a row's operands are placed in the encoding.
type Enc uint8

const (
	EncZO Enc = iota // no operands in the encoding (implicit or none)
	EncRM            // ops[0] → ModRM.reg, ops[1] → ModRM.rm, then an immediate
	EncMR            // ops[0] → ModRM.rm, ops[1] → ModRM.reg, then an immediate
	EncM             // ops[0] → ModRM.rm, ModRM.reg = Digit, then an immediate
	EncO             // ops[0] → low 3 bits of the opcode (REX.B), then an immediate
	EncI             // an immediate only
	EncD             // a PC-relative displacement only
)

// Map is an opcode map (the escape bytes before the opcode).
type Map uint8

const (
	Map1    Map = iota + 1 // one-byte opcodes
	Map0F                  // 0F xx
	Map0F38                // 0F 38 xx
	Map0F3A                // 0F 3A xx
)

// VexForm says how a row's AVX form relates to its legacy SSE form.
type VexForm uint8

const (
	VexNone VexForm = iota
	// VexNDS: a second source in VEX.vvvv is inserted after the destination
	// ("addps x, xm" → "vaddps x, xv, xm"); the destination is no longer
	// also a source.
	VexNDS
	// VexNDSReg: like VexNDS when the source is a register, unary when it
	// is memory (vmovss/vmovsd loads).
	VexNDSReg
	// VexUnary: same operands, VEX.vvvv unused (1111b).
	VexUnary
	// VexNDD: the destination moves to VEX.vvvv ("psllw xr, u8" →
	// "vpsllw xv, xr, u8").
	VexNDD
	// VexIS4: the implicit XMM0 becomes a register in imm8[7:4]
	// ("blendvps x, xm, x0" → "vblendvps x, xv, xm, xis4").
	VexIS4
)

// SizeSet is a set of legal operand sizes.
type SizeSet uint8

const (
	S8  SizeSet = 1 << iota // Size8
	S16                     // Size16
	S32                     // Size32
	S64                     // Size64

	S16to64 = S16 | S32 | S64
	S8to64  = S8 | S16to64
	S32or64 = S32 | S64
)

// Has reports whether sz is in the set.
func (s SizeSet) Has(sz Size) bool { return sz.valid() && s&(1<<sz.log2()) != 0 }

// Feature names the CPU feature a form needs.
type Feature uint8

const (
	Base Feature = iota
	SSE
	SSE2
	SSSE3
	SSE41
	SSE42
	POPCNT
	LZCNT // ABM
	BMI1
	AVX
	AVX2
)

// operand is one parsed Ops token.
type operand struct {
	kind  opKind
	width uint8 // bytes; 0 = the Size argument
}

type opKind uint8

const (
	kR    opKind = iota // GPR in ModRM.reg
	kRM                 // GPR or memory in ModRM.rm
	kM                  // memory only
	kO                  // GPR in opcode bits
	kX                  // XMM in ModRM.reg
	kXM                 // XMM or memory in ModRM.rm
	kXR                 // XMM register in ModRM.rm
	kXV                 // XMM in VEX.vvvv
	kXIs4               // XMM in imm8[7:4]
	kX0                 // implicit XMM0
	kCL                 // implicit CL
	kImm                // immediate, width bytes (0: by size, capped at 4)
	kImmS               // immediate, signed, width 1 or 4
	kImmV               // immediate of the full operand size
	kRel                // PC-relative, width 1 or 4
)

var tokens = map[string]operand{
	"r": {kR, 0}, "r32": {kR, 4}, "r64": {kR, 8},
	"rm": {kRM, 0}, "rm8": {kRM, 1}, "rm16": {kRM, 2}, "rm32": {kRM, 4}, "rm64": {kRM, 8},
	"m": {kM, 0}, "o": {kO, 0}, "o64": {kO, 8},
	"x": {kX, 16}, "xm": {kXM, 16}, "xr": {kXR, 16}, "x0": {kX0, 16}, "xv": {kXV, 16}, "xis4": {kXIs4, 16},
	"cl": {kCL, 1},
	"i8": {kImmS, 1}, "u8": {kImm, 1}, "u16": {kImm, 2}, "i32": {kImmS, 4},
	"iz": {kImmS, 0}, "iv": {kImmV, 0},
	"rel8": {kRel, 1}, "rel32": {kRel, 4},
}

// Rows is the instruction table, indexed by Op.
var Rows = [...]Row{
	// ---- Integer ALU: op r/m, r (MR); op r, r/m (RM); op r/m, imm (MI); op r/m, imm8 (MI8, sign-extended).
	AddMR:  {Name: "add", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x00, Opc: 0x01, Sizes: S8to64, Lock: true},
	AddRM:  {Name: "add", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x02, Opc: 0x03, Sizes: S8to64},
	AddMI:  {Name: "add", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 0, Sizes: S8to64, Lock: true},
	AddMI8: {Name: "add", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 0, Sizes: S16to64, Lock: true},
	OrMR:   {Name: "or", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x08, Opc: 0x09, Sizes: S8to64, Lock: true},
	OrRM:   {Name: "or", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x0A, Opc: 0x0B, Sizes: S8to64},
	OrMI:   {Name: "or", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 1, Sizes: S8to64, Lock: true},
	OrMI8:  {Name: "or", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 1, Sizes: S16to64, Lock: true},
	AdcMR:  {Name: "adc", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x10, Opc: 0x11, Sizes: S8to64, Lock: true},
	AdcRM:  {Name: "adc", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x12, Opc: 0x13, Sizes: S8to64},
	AdcMI:  {Name: "adc", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 2, Sizes: S8to64, Lock: true},
	AdcMI8: {Name: "adc", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 2, Sizes: S16to64, Lock: true},
	SbbMR:  {Name: "sbb", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x18, Opc: 0x19, Sizes: S8to64, Lock: true},
	SbbRM:  {Name: "sbb", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x1A, Opc: 0x1B, Sizes: S8to64},
	SbbMI:  {Name: "sbb", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 3, Sizes: S8to64, Lock: true},
	SbbMI8: {Name: "sbb", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 3, Sizes: S16to64, Lock: true},
	AndMR:  {Name: "and", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x20, Opc: 0x21, Sizes: S8to64, Lock: true},
	AndRM:  {Name: "and", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x22, Opc: 0x23, Sizes: S8to64},
	AndMI:  {Name: "and", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 4, Sizes: S8to64, Lock: true},
	AndMI8: {Name: "and", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 4, Sizes: S16to64, Lock: true},
	SubMR:  {Name: "sub", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x28, Opc: 0x29, Sizes: S8to64, Lock: true},
	SubRM:  {Name: "sub", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x2A, Opc: 0x2B, Sizes: S8to64},
	SubMI:  {Name: "sub", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 5, Sizes: S8to64, Lock: true},
	SubMI8: {Name: "sub", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 5, Sizes: S16to64, Lock: true},
	XorMR:  {Name: "xor", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x30, Opc: 0x31, Sizes: S8to64, Lock: true},
	XorRM:  {Name: "xor", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x32, Opc: 0x33, Sizes: S8to64},
	XorMI:  {Name: "xor", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 6, Sizes: S8to64, Lock: true},
	XorMI8: {Name: "xor", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 6, Sizes: S16to64, Lock: true},
	CmpMR:  {Name: "cmp", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x38, Opc: 0x39, Sizes: S8to64},
	CmpRM:  {Name: "cmp", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x3A, Opc: 0x3B, Sizes: S8to64},
	CmpMI:  {Name: "cmp", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0x80, Opc: 0x81, Digit: 7, Sizes: S8to64},
	CmpMI8: {Name: "cmp", Ops: "rm, i8", Enc: EncM, Map: Map1, Opc: 0x83, Digit: 7, Sizes: S16to64},
	TestMR: {Name: "test", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x84, Opc: 0x85, Sizes: S8to64},
	TestMI: {Name: "test", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 0, Sizes: S8to64},

	// ---- Unary group 3 (F6/F7) and inc/dec (FE/FF).
	NotM:   {Name: "not", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 2, Sizes: S8to64, Lock: true},
	NegM:   {Name: "neg", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 3, Sizes: S8to64, Lock: true},
	MulM:   {Name: "mul", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 4, Sizes: S8to64},
	Imul1M: {Name: "imul", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 5, Sizes: S8to64},
	DivM:   {Name: "div", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 6, Sizes: S8to64},
	IdivM:  {Name: "idiv", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xF6, Opc: 0xF7, Digit: 7, Sizes: S8to64},
	IncM:   {Name: "inc", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xFE, Opc: 0xFF, Digit: 0, Sizes: S8to64, Lock: true},
	DecM:   {Name: "dec", Ops: "rm", Enc: EncM, Map: Map1, Opc8: 0xFE, Opc: 0xFF, Digit: 1, Sizes: S8to64, Lock: true},

	// ---- Shifts and rotates (group 2): by imm8 (C0/C1) and by CL (D2/D3).
	RolMI:  {Name: "rol", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 0, Sizes: S8to64},
	RorMI:  {Name: "ror", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 1, Sizes: S8to64},
	RclMI:  {Name: "rcl", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 2, Sizes: S8to64},
	RcrMI:  {Name: "rcr", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 3, Sizes: S8to64},
	ShlMI:  {Name: "shl", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 4, Sizes: S8to64},
	ShrMI:  {Name: "shr", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 5, Sizes: S8to64},
	SarMI:  {Name: "sar", Ops: "rm, u8", Enc: EncM, Map: Map1, Opc8: 0xC0, Opc: 0xC1, Digit: 7, Sizes: S8to64},
	RolMCL: {Name: "rol", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 0, Sizes: S8to64},
	RorMCL: {Name: "ror", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 1, Sizes: S8to64},
	RclMCL: {Name: "rcl", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 2, Sizes: S8to64},
	RcrMCL: {Name: "rcr", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 3, Sizes: S8to64},
	ShlMCL: {Name: "shl", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 4, Sizes: S8to64},
	ShrMCL: {Name: "shr", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 5, Sizes: S8to64},
	SarMCL: {Name: "sar", Ops: "rm, cl", Enc: EncM, Map: Map1, Opc8: 0xD2, Opc: 0xD3, Digit: 7, Sizes: S8to64},

	// ---- Multiply, sign extension of the accumulator.
	ImulRM:      {Name: "imul", Ops: "r, rm", Enc: EncRM, Map: Map0F, Opc: 0xAF, Sizes: S16to64},
	ImulRMI8:    {Name: "imul", Ops: "r, rm, i8", Enc: EncRM, Map: Map1, Opc: 0x6B, Sizes: S16to64},
	ImulRMI:     {Name: "imul", Ops: "r, rm, iz", Enc: EncRM, Map: Map1, Opc: 0x69, Sizes: S16to64},
	CwdCdqCqo:   {Name: "cwd|cdq|cqo", Enc: EncZO, Map: Map1, Opc: 0x99, Sizes: S16to64},
	CbwCwdeCdqe: {Name: "cbw|cwde|cdqe", Enc: EncZO, Map: Map1, Opc: 0x98, Sizes: S16to64},

	// ---- Moves and address computation.
	MovMR:  {Name: "mov", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x88, Opc: 0x89, Sizes: S8to64},
	MovRM:  {Name: "mov", Ops: "r, rm", Enc: EncRM, Map: Map1, Opc8: 0x8A, Opc: 0x8B, Sizes: S8to64},
	MovMI:  {Name: "mov", Ops: "rm, iz", Enc: EncM, Map: Map1, Opc8: 0xC6, Opc: 0xC7, Digit: 0, Sizes: S8to64},
	MovOI:  {Name: "mov", Ops: "o, iv", Enc: EncO, Map: Map1, Opc8: 0xB0, Opc: 0xB8, Sizes: S8to64},
	MovzxB: {Name: "movzx", Ops: "r, rm8", Enc: EncRM, Map: Map0F, Opc: 0xB6, Sizes: S16to64},
	MovzxW: {Name: "movzx", Ops: "r, rm16", Enc: EncRM, Map: Map0F, Opc: 0xB7, Sizes: S32or64},
	MovsxB: {Name: "movsx", Ops: "r, rm8", Enc: EncRM, Map: Map0F, Opc: 0xBE, Sizes: S16to64},
	MovsxW: {Name: "movsx", Ops: "r, rm16", Enc: EncRM, Map: Map0F, Opc: 0xBF, Sizes: S32or64},
	Movsxd: {Name: "movsxd", Ops: "r, rm32", Enc: EncRM, Map: Map1, Opc: 0x63, Sizes: S64},
	Lea:    {Name: "lea", Ops: "r, m", Enc: EncRM, Map: Map1, Opc: 0x8D, Sizes: S16to64},

	// ---- Conditions: the low nibble of the opcode is the CC.
	Setcc:  {Name: "set", Ops: "rm8", Enc: EncM, Map: Map0F, Opc: 0x90, Digit: 0, CC: true},
	Cmovcc: {Name: "cmov", Ops: "r, rm", Enc: EncRM, Map: Map0F, Opc: 0x40, Sizes: S16to64, CC: true},
	Jcc8:   {Name: "j", Ops: "rel8", Enc: EncD, Map: Map1, Opc: 0x70, CC: true},
	Jcc32:  {Name: "j", Ops: "rel32", Enc: EncD, Map: Map0F, Opc: 0x80, CC: true},

	// ---- Control transfer.
	Jmp8:    {Name: "jmp", Ops: "rel8", Enc: EncD, Map: Map1, Opc: 0xEB},
	Jmp32:   {Name: "jmp", Ops: "rel32", Enc: EncD, Map: Map1, Opc: 0xE9},
	Call32:  {Name: "call", Ops: "rel32", Enc: EncD, Map: Map1, Opc: 0xE8},
	CallM:   {Name: "call", Ops: "rm64", Enc: EncM, Map: Map1, Opc: 0xFF, Digit: 2},
	JmpM:    {Name: "jmp", Ops: "rm64", Enc: EncM, Map: Map1, Opc: 0xFF, Digit: 4},
	Ret:     {Name: "ret", Enc: EncZO, Map: Map1, Opc: 0xC3},
	RetI:    {Name: "ret", Ops: "u16", Enc: EncI, Map: Map1, Opc: 0xC2},
	PushO:   {Name: "push", Ops: "o64", Enc: EncO, Map: Map1, Opc: 0x50},
	PopO:    {Name: "pop", Ops: "o64", Enc: EncO, Map: Map1, Opc: 0x58},
	PushM:   {Name: "push", Ops: "rm64", Enc: EncM, Map: Map1, Opc: 0xFF, Digit: 6},
	PushI8:  {Name: "push", Ops: "i8", Enc: EncI, Map: Map1, Opc: 0x6A},
	PushI32: {Name: "push", Ops: "i32", Enc: EncI, Map: Map1, Opc: 0x68},

	// ---- Miscellaneous.
	Ud2:    {Name: "ud2", Enc: EncZO, Map: Map0F, Opc: 0x0B},
	Int3:   {Name: "int3", Enc: EncZO, Map: Map1, Opc: 0xCC},
	Nop:    {Name: "nop", Enc: EncZO, Map: Map1, Opc: 0x90},
	NopM:   {Name: "nop", Ops: "rm", Enc: EncM, Map: Map0F, Opc: 0x1F, Digit: 0, Sizes: S16 | S32},
	Pause:  {Name: "pause", Enc: EncZO, Pfx: 0xF3, Map: Map1, Opc: 0x90},
	Mfence: {Name: "mfence", Enc: EncZO, Map: Map0F, Opc: 0xAE, Tail: 0xF0, Feat: SSE2},
	Lfence: {Name: "lfence", Enc: EncZO, Map: Map0F, Opc: 0xAE, Tail: 0xE8, Feat: SSE2},
	Sfence: {Name: "sfence", Enc: EncZO, Map: Map0F, Opc: 0xAE, Tail: 0xF8, Feat: SSE},
	Hlt:    {Name: "hlt", Enc: EncZO, Map: Map1, Opc: 0xF4},

	// ---- Bits.
	BtMR:   {Name: "bt", Ops: "rm, r", Enc: EncMR, Map: Map0F, Opc: 0xA3, Sizes: S16to64},
	BtMI:   {Name: "bt", Ops: "rm, u8", Enc: EncM, Map: Map0F, Opc: 0xBA, Digit: 4, Sizes: S16to64},
	BswapO: {Name: "bswap", Ops: "o", Enc: EncO, Map: Map0F, Opc: 0xC8, Sizes: S32or64},
	Popcnt: {Name: "popcnt", Ops: "r, rm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0xB8, Sizes: S16to64, Feat: POPCNT},
	Lzcnt:  {Name: "lzcnt", Ops: "r, rm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0xBD, Sizes: S16to64, Feat: LZCNT},
	Tzcnt:  {Name: "tzcnt", Ops: "r, rm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0xBC, Sizes: S16to64, Feat: BMI1},
	Bsf:    {Name: "bsf", Ops: "r, rm", Enc: EncRM, Map: Map0F, Opc: 0xBC, Sizes: S16to64},
	Bsr:    {Name: "bsr", Ops: "r, rm", Enc: EncRM, Map: Map0F, Opc: 0xBD, Sizes: S16to64},

	// ---- Atomics (xchg with memory is implicitly locked).
	XchgMR:    {Name: "xchg", Ops: "rm, r", Enc: EncMR, Map: Map1, Opc8: 0x86, Opc: 0x87, Sizes: S8to64},
	CmpxchgMR: {Name: "cmpxchg", Ops: "rm, r", Enc: EncMR, Map: Map0F, Opc8: 0xB0, Opc: 0xB1, Sizes: S8to64, Lock: true},
	XaddMR:    {Name: "xadd", Ops: "rm, r", Enc: EncMR, Map: Map0F, Opc8: 0xC0, Opc: 0xC1, Sizes: S8to64, Lock: true},

	// ---- SSE moves. Loads are "x, xm"; stores "m, x".
	Movss:     {Name: "movss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x10, Vex: VexNDSReg, Feat: SSE},
	MovssSt:   {Name: "movss", Ops: "m, x", Enc: EncMR, Pfx: 0xF3, Map: Map0F, Opc: 0x11, Vex: VexUnary, Feat: SSE},
	Movsd:     {Name: "movsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x10, Vex: VexNDSReg, Feat: SSE2},
	MovsdSt:   {Name: "movsd", Ops: "m, x", Enc: EncMR, Pfx: 0xF2, Map: Map0F, Opc: 0x11, Vex: VexUnary, Feat: SSE2},
	Movaps:    {Name: "movaps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x28, Vex: VexUnary, V256: true, Feat: SSE},
	MovapsSt:  {Name: "movaps", Ops: "m, x", Enc: EncMR, Map: Map0F, Opc: 0x29, Vex: VexUnary, V256: true, Feat: SSE},
	Movapd:    {Name: "movapd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x28, Vex: VexUnary, V256: true, Feat: SSE2},
	MovapdSt:  {Name: "movapd", Ops: "m, x", Enc: EncMR, Pfx: 0x66, Map: Map0F, Opc: 0x29, Vex: VexUnary, V256: true, Feat: SSE2},
	Movups:    {Name: "movups", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x10, Vex: VexUnary, V256: true, Feat: SSE},
	MovupsSt:  {Name: "movups", Ops: "m, x", Enc: EncMR, Map: Map0F, Opc: 0x11, Vex: VexUnary, V256: true, Feat: SSE},
	Movupd:    {Name: "movupd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x10, Vex: VexUnary, V256: true, Feat: SSE2},
	MovupdSt:  {Name: "movupd", Ops: "m, x", Enc: EncMR, Pfx: 0x66, Map: Map0F, Opc: 0x11, Vex: VexUnary, V256: true, Feat: SSE2},
	Movdqa:    {Name: "movdqa", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x6F, Vex: VexUnary, V256: true, Feat: SSE2},
	MovdqaSt:  {Name: "movdqa", Ops: "m, x", Enc: EncMR, Pfx: 0x66, Map: Map0F, Opc: 0x7F, Vex: VexUnary, V256: true, Feat: SSE2},
	Movdqu:    {Name: "movdqu", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x6F, Vex: VexUnary, V256: true, Feat: SSE2},
	MovdquSt:  {Name: "movdqu", Ops: "m, x", Enc: EncMR, Pfx: 0xF3, Map: Map0F, Opc: 0x7F, Vex: VexUnary, V256: true, Feat: SSE2},
	MovdToX:   {Name: "movd|movq", Ops: "x, rm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x6E, Sizes: S32or64, Vex: VexUnary, Feat: SSE2},
	MovdFromX: {Name: "movd|movq", Ops: "rm, x", Enc: EncMR, Pfx: 0x66, Map: Map0F, Opc: 0x7E, Sizes: S32or64, Vex: VexUnary, Feat: SSE2},
	Movq:      {Name: "movq", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x7E, Vex: VexUnary, Feat: SSE2},
	MovqSt:    {Name: "movq", Ops: "m, x", Enc: EncMR, Pfx: 0x66, Map: Map0F, Opc: 0xD6, Vex: VexUnary, Feat: SSE2},
	Movhlps:   {Name: "movhlps", Ops: "x, xr", Enc: EncRM, Map: Map0F, Opc: 0x12, Vex: VexNDS, Feat: SSE},
	Movlhps:   {Name: "movlhps", Ops: "x, xr", Enc: EncRM, Map: Map0F, Opc: 0x16, Vex: VexNDS, Feat: SSE},

	// ---- SSE float arithmetic.
	Addss:   {Name: "addss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x58, Vex: VexNDS, Feat: SSE},
	Addsd:   {Name: "addsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x58, Vex: VexNDS, Feat: SSE2},
	Addps:   {Name: "addps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x58, Vex: VexNDS, V256: true, Feat: SSE},
	Addpd:   {Name: "addpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x58, Vex: VexNDS, V256: true, Feat: SSE2},
	Mulss:   {Name: "mulss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x59, Vex: VexNDS, Feat: SSE},
	Mulsd:   {Name: "mulsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x59, Vex: VexNDS, Feat: SSE2},
	Mulps:   {Name: "mulps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x59, Vex: VexNDS, V256: true, Feat: SSE},
	Mulpd:   {Name: "mulpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x59, Vex: VexNDS, V256: true, Feat: SSE2},
	Subss:   {Name: "subss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x5C, Vex: VexNDS, Feat: SSE},
	Subsd:   {Name: "subsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x5C, Vex: VexNDS, Feat: SSE2},
	Subps:   {Name: "subps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x5C, Vex: VexNDS, V256: true, Feat: SSE},
	Subpd:   {Name: "subpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x5C, Vex: VexNDS, V256: true, Feat: SSE2},
	Minss:   {Name: "minss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x5D, Vex: VexNDS, Feat: SSE},
	Minsd:   {Name: "minsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x5D, Vex: VexNDS, Feat: SSE2},
	Minps:   {Name: "minps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x5D, Vex: VexNDS, V256: true, Feat: SSE},
	Minpd:   {Name: "minpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x5D, Vex: VexNDS, V256: true, Feat: SSE2},
	Divss:   {Name: "divss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x5E, Vex: VexNDS, Feat: SSE},
	Divsd:   {Name: "divsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x5E, Vex: VexNDS, Feat: SSE2},
	Divps:   {Name: "divps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x5E, Vex: VexNDS, V256: true, Feat: SSE},
	Divpd:   {Name: "divpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x5E, Vex: VexNDS, V256: true, Feat: SSE2},
	Maxss:   {Name: "maxss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x5F, Vex: VexNDS, Feat: SSE},
	Maxsd:   {Name: "maxsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x5F, Vex: VexNDS, Feat: SSE2},
	Maxps:   {Name: "maxps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x5F, Vex: VexNDS, V256: true, Feat: SSE},
	Maxpd:   {Name: "maxpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x5F, Vex: VexNDS, V256: true, Feat: SSE2},
	Sqrtss:  {Name: "sqrtss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x51, Vex: VexNDS, Feat: SSE},
	Sqrtsd:  {Name: "sqrtsd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x51, Vex: VexNDS, Feat: SSE2},
	Sqrtps:  {Name: "sqrtps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x51, Vex: VexUnary, V256: true, Feat: SSE},
	Sqrtpd:  {Name: "sqrtpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x51, Vex: VexUnary, V256: true, Feat: SSE2},
	Rcpps:   {Name: "rcpps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x53, Vex: VexUnary, V256: true, Feat: SSE},
	Rsqrtps: {Name: "rsqrtps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x52, Vex: VexUnary, V256: true, Feat: SSE},

	// ---- SSE compares.
	Ucomiss: {Name: "ucomiss", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x2E, Vex: VexUnary, Feat: SSE},
	Ucomisd: {Name: "ucomisd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x2E, Vex: VexUnary, Feat: SSE2},
	Comiss:  {Name: "comiss", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x2F, Vex: VexUnary, Feat: SSE},
	Comisd:  {Name: "comisd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x2F, Vex: VexUnary, Feat: SSE2},
	Cmpps:   {Name: "cmpps", Ops: "x, xm, u8", Enc: EncRM, Map: Map0F, Opc: 0xC2, Vex: VexNDS, V256: true, Feat: SSE},
	Cmppd:   {Name: "cmppd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xC2, Vex: VexNDS, V256: true, Feat: SSE2},
	Cmpss:   {Name: "cmpss", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0xC2, Vex: VexNDS, Feat: SSE},
	Cmpsd:   {Name: "cmpsd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0xC2, Vex: VexNDS, Feat: SSE2},

	// ---- Conversions.
	Cvtss2sd:  {Name: "cvtss2sd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x5A, Vex: VexNDS, Feat: SSE2},
	Cvtsd2ss:  {Name: "cvtsd2ss", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x5A, Vex: VexNDS, Feat: SSE2},
	Cvtps2pd:  {Name: "cvtps2pd", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x5A, Vex: VexUnary, Feat: SSE2},
	Cvtpd2ps:  {Name: "cvtpd2ps", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x5A, Vex: VexUnary, Feat: SSE2},
	Cvtdq2ps:  {Name: "cvtdq2ps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x5B, Vex: VexUnary, V256: true, Feat: SSE2},
	Cvttps2dq: {Name: "cvttps2dq", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x5B, Vex: VexUnary, V256: true, Feat: SSE2},
	Cvtps2dq:  {Name: "cvtps2dq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x5B, Vex: VexUnary, V256: true, Feat: SSE2},
	Cvtdq2pd:  {Name: "cvtdq2pd", Ops: "x, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0xE6, Vex: VexUnary, Feat: SSE2},
	Cvttpd2dq: {Name: "cvttpd2dq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE6, Vex: VexUnary, Feat: SSE2},
	Cvtpd2dq:  {Name: "cvtpd2dq", Ops: "x, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0xE6, Vex: VexUnary, Feat: SSE2},
	Cvtsi2ss:  {Name: "cvtsi2ss", Ops: "x, rm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x2A, Sizes: S32or64, Vex: VexNDS, Feat: SSE},
	Cvtsi2sd:  {Name: "cvtsi2sd", Ops: "x, rm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x2A, Sizes: S32or64, Vex: VexNDS, Feat: SSE2},
	Cvttss2si: {Name: "cvttss2si", Ops: "r, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x2C, Sizes: S32or64, Vex: VexUnary, Feat: SSE},
	Cvttsd2si: {Name: "cvttsd2si", Ops: "r, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x2C, Sizes: S32or64, Vex: VexUnary, Feat: SSE2},
	Cvtss2si:  {Name: "cvtss2si", Ops: "r, xm", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x2D, Sizes: S32or64, Vex: VexUnary, Feat: SSE},
	Cvtsd2si:  {Name: "cvtsd2si", Ops: "r, xm", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x2D, Sizes: S32or64, Vex: VexUnary, Feat: SSE2},
	Roundss:   {Name: "roundss", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x0A, Vex: VexNDS, Feat: SSE41},
	Roundsd:   {Name: "roundsd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x0B, Vex: VexNDS, Feat: SSE41},
	Roundps:   {Name: "roundps", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x08, Vex: VexUnary, V256: true, Feat: SSE41},
	Roundpd:   {Name: "roundpd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x09, Vex: VexUnary, V256: true, Feat: SSE41},

	// ---- Bitwise logic.
	Andps:  {Name: "andps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x54, Vex: VexNDS, V256: true, Feat: SSE},
	Andpd:  {Name: "andpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x54, Vex: VexNDS, V256: true, Feat: SSE2},
	Andnps: {Name: "andnps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x55, Vex: VexNDS, V256: true, Feat: SSE},
	Andnpd: {Name: "andnpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x55, Vex: VexNDS, V256: true, Feat: SSE2},
	Orps:   {Name: "orps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x56, Vex: VexNDS, V256: true, Feat: SSE},
	Orpd:   {Name: "orpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x56, Vex: VexNDS, V256: true, Feat: SSE2},
	Xorps:  {Name: "xorps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x57, Vex: VexNDS, V256: true, Feat: SSE},
	Xorpd:  {Name: "xorpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x57, Vex: VexNDS, V256: true, Feat: SSE2},
	Pand:   {Name: "pand", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xDB, Vex: VexNDS, V256: true, Feat: SSE2},
	Pandn:  {Name: "pandn", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xDF, Vex: VexNDS, V256: true, Feat: SSE2},
	Por:    {Name: "por", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xEB, Vex: VexNDS, V256: true, Feat: SSE2},
	Pxor:   {Name: "pxor", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xEF, Vex: VexNDS, V256: true, Feat: SSE2},

	// ---- Blends. The legacy variable blends read the mask from XMM0; their
	// VEX forms (0F3A 4A-4C) take it as a fourth register in imm8[7:4].
	Blendvps: {Name: "blendvps", Ops: "x, xm, x0", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x14, Vex: VexIS4, VexMap: Map0F3A, VexOpc: 0x4A, V256: true, Feat: SSE41},
	Blendvpd: {Name: "blendvpd", Ops: "x, xm, x0", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x15, Vex: VexIS4, VexMap: Map0F3A, VexOpc: 0x4B, V256: true, Feat: SSE41},
	Pblendvb: {Name: "pblendvb", Ops: "x, xm, x0", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x10, Vex: VexIS4, VexMap: Map0F3A, VexOpc: 0x4C, V256: true, Feat: SSE41},
	Blendps:  {Name: "blendps", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x0C, Vex: VexNDS, V256: true, Feat: SSE41},
	Blendpd:  {Name: "blendpd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x0D, Vex: VexNDS, V256: true, Feat: SSE41},
	Pblendw:  {Name: "pblendw", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x0E, Vex: VexNDS, V256: true, Feat: SSE41},

	// ---- Shuffles and unpacks.
	Pshufb:     {Name: "pshufb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x00, Vex: VexNDS, V256: true, Feat: SSSE3},
	Pshufd:     {Name: "pshufd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x70, Vex: VexUnary, V256: true, Feat: SSE2},
	Pshuflw:    {Name: "pshuflw", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0xF2, Map: Map0F, Opc: 0x70, Vex: VexUnary, V256: true, Feat: SSE2},
	Pshufhw:    {Name: "pshufhw", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0xF3, Map: Map0F, Opc: 0x70, Vex: VexUnary, V256: true, Feat: SSE2},
	Shufps:     {Name: "shufps", Ops: "x, xm, u8", Enc: EncRM, Map: Map0F, Opc: 0xC6, Vex: VexNDS, V256: true, Feat: SSE},
	Shufpd:     {Name: "shufpd", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xC6, Vex: VexNDS, V256: true, Feat: SSE2},
	Palignr:    {Name: "palignr", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x0F, Vex: VexNDS, V256: true, Feat: SSSE3},
	Punpcklbw:  {Name: "punpcklbw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x60, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpcklwd:  {Name: "punpcklwd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x61, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpckldq:  {Name: "punpckldq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x62, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpcklqdq: {Name: "punpcklqdq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x6C, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpckhbw:  {Name: "punpckhbw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x68, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpckhwd:  {Name: "punpckhwd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x69, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpckhdq:  {Name: "punpckhdq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x6A, Vex: VexNDS, V256: true, Feat: SSE2},
	Punpckhqdq: {Name: "punpckhqdq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x6D, Vex: VexNDS, V256: true, Feat: SSE2},
	Unpcklps:   {Name: "unpcklps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x14, Vex: VexNDS, V256: true, Feat: SSE},
	Unpckhps:   {Name: "unpckhps", Ops: "x, xm", Enc: EncRM, Map: Map0F, Opc: 0x15, Vex: VexNDS, V256: true, Feat: SSE},
	Unpcklpd:   {Name: "unpcklpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x14, Vex: VexNDS, V256: true, Feat: SSE2},
	Unpckhpd:   {Name: "unpckhpd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x15, Vex: VexNDS, V256: true, Feat: SSE2},

	// ---- Packed integer arithmetic (66 0F).
	Paddb:    {Name: "paddb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xFC, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddw:    {Name: "paddw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xFD, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddd:    {Name: "paddd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xFE, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddq:    {Name: "paddq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD4, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddsb:   {Name: "paddsb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xEC, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddsw:   {Name: "paddsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xED, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddusb:  {Name: "paddusb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xDC, Vex: VexNDS, V256: true, Feat: SSE2},
	Paddusw:  {Name: "paddusw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xDD, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubb:    {Name: "psubb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF8, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubw:    {Name: "psubw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF9, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubd:    {Name: "psubd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xFA, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubq:    {Name: "psubq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xFB, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubsb:   {Name: "psubsb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE8, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubsw:   {Name: "psubsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE9, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubusb:  {Name: "psubusb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD8, Vex: VexNDS, V256: true, Feat: SSE2},
	Psubusw:  {Name: "psubusw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD9, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmullw:   {Name: "pmullw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD5, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmulhw:   {Name: "pmulhw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE5, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmulhuw:  {Name: "pmulhuw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE4, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmuludq:  {Name: "pmuludq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF4, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmaddwd:  {Name: "pmaddwd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF5, Vex: VexNDS, V256: true, Feat: SSE2},
	Pavgb:    {Name: "pavgb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE0, Vex: VexNDS, V256: true, Feat: SSE2},
	Pavgw:    {Name: "pavgw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE3, Vex: VexNDS, V256: true, Feat: SSE2},
	Pcmpeqb:  {Name: "pcmpeqb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x74, Vex: VexNDS, V256: true, Feat: SSE2},
	Pcmpeqw:  {Name: "pcmpeqw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x75, Vex: VexNDS, V256: true, Feat: SSE2},
	Pcmpeqd:  {Name: "pcmpeqd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x76, Vex: VexNDS, V256: true, Feat: SSE2},
	Pcmpgtb:  {Name: "pcmpgtb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x64, Vex: VexNDS, V256: true, Feat: SSE2},
	Pcmpgtw:  {Name: "pcmpgtw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x65, Vex: VexNDS, V256: true, Feat: SSE2},
	Pcmpgtd:  {Name: "pcmpgtd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x66, Vex: VexNDS, V256: true, Feat: SSE2},
	Pminsw:   {Name: "pminsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xEA, Vex: VexNDS, V256: true, Feat: SSE2},
	Pminub:   {Name: "pminub", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xDA, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmaxsw:   {Name: "pmaxsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xEE, Vex: VexNDS, V256: true, Feat: SSE2},
	Pmaxub:   {Name: "pmaxub", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xDE, Vex: VexNDS, V256: true, Feat: SSE2},
	Psadbw:   {Name: "psadbw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF6, Vex: VexNDS, V256: true, Feat: SSE2},
	Packsswb: {Name: "packsswb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x63, Vex: VexNDS, V256: true, Feat: SSE2},
	Packssdw: {Name: "packssdw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x6B, Vex: VexNDS, V256: true, Feat: SSE2},
	Packuswb: {Name: "packuswb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x67, Vex: VexNDS, V256: true, Feat: SSE2},

	// ---- Packed integer arithmetic (66 0F 38: SSSE3, SSE4.1, SSE4.2).
	Pmulld:    {Name: "pmulld", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x40, Vex: VexNDS, V256: true, Feat: SSE41},
	Pmuldq:    {Name: "pmuldq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x28, Vex: VexNDS, V256: true, Feat: SSE41},
	Pcmpeqq:   {Name: "pcmpeqq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x29, Vex: VexNDS, V256: true, Feat: SSE41},
	Pcmpgtq:   {Name: "pcmpgtq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x37, Vex: VexNDS, V256: true, Feat: SSE42},
	Pminsb:    {Name: "pminsb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x38, Vex: VexNDS, V256: true, Feat: SSE41},
	Pminsd:    {Name: "pminsd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x39, Vex: VexNDS, V256: true, Feat: SSE41},
	Pminuw:    {Name: "pminuw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x3A, Vex: VexNDS, V256: true, Feat: SSE41},
	Pminud:    {Name: "pminud", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x3B, Vex: VexNDS, V256: true, Feat: SSE41},
	Pmaxsb:    {Name: "pmaxsb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x3C, Vex: VexNDS, V256: true, Feat: SSE41},
	Pmaxsd:    {Name: "pmaxsd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x3D, Vex: VexNDS, V256: true, Feat: SSE41},
	Pmaxuw:    {Name: "pmaxuw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x3E, Vex: VexNDS, V256: true, Feat: SSE41},
	Pmaxud:    {Name: "pmaxud", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x3F, Vex: VexNDS, V256: true, Feat: SSE41},
	Packusdw:  {Name: "packusdw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x2B, Vex: VexNDS, V256: true, Feat: SSE41},
	Pmaddubsw: {Name: "pmaddubsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x04, Vex: VexNDS, V256: true, Feat: SSSE3},
	Pmulhrsw:  {Name: "pmulhrsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x0B, Vex: VexNDS, V256: true, Feat: SSSE3},
	Pabsb:     {Name: "pabsb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x1C, Vex: VexUnary, V256: true, Feat: SSSE3},
	Pabsw:     {Name: "pabsw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x1D, Vex: VexUnary, V256: true, Feat: SSSE3},
	Pabsd:     {Name: "pabsd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x1E, Vex: VexUnary, V256: true, Feat: SSSE3},
	Ptest:     {Name: "ptest", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x17, Vex: VexUnary, V256: true, Feat: SSE41},
	Pmovsxbw:  {Name: "pmovsxbw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x20, Vex: VexUnary, Feat: SSE41},
	Pmovsxbd:  {Name: "pmovsxbd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x21, Vex: VexUnary, Feat: SSE41},
	Pmovsxbq:  {Name: "pmovsxbq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x22, Vex: VexUnary, Feat: SSE41},
	Pmovsxwd:  {Name: "pmovsxwd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x23, Vex: VexUnary, Feat: SSE41},
	Pmovsxwq:  {Name: "pmovsxwq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x24, Vex: VexUnary, Feat: SSE41},
	Pmovsxdq:  {Name: "pmovsxdq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x25, Vex: VexUnary, Feat: SSE41},
	Pmovzxbw:  {Name: "pmovzxbw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x30, Vex: VexUnary, Feat: SSE41},
	Pmovzxbd:  {Name: "pmovzxbd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x31, Vex: VexUnary, Feat: SSE41},
	Pmovzxbq:  {Name: "pmovzxbq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x32, Vex: VexUnary, Feat: SSE41},
	Pmovzxwd:  {Name: "pmovzxwd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x33, Vex: VexUnary, Feat: SSE41},
	Pmovzxwq:  {Name: "pmovzxwq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x34, Vex: VexUnary, Feat: SSE41},
	Pmovzxdq:  {Name: "pmovzxdq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x35, Vex: VexUnary, Feat: SSE41},

	// ---- Masks, inserts, extracts.
	Pmovmskb:  {Name: "pmovmskb", Ops: "r32, xr", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD7, Vex: VexUnary, V256: true, Feat: SSE2},
	Movmskps:  {Name: "movmskps", Ops: "r32, xr", Enc: EncRM, Map: Map0F, Opc: 0x50, Vex: VexUnary, V256: true, Feat: SSE},
	Movmskpd:  {Name: "movmskpd", Ops: "r32, xr", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0x50, Vex: VexUnary, V256: true, Feat: SSE2},
	Pinsrb:    {Name: "pinsrb", Ops: "x, rm32, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x20, Vex: VexNDS, Feat: SSE41},
	Pinsrw:    {Name: "pinsrw", Ops: "x, rm32, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xC4, Vex: VexNDS, Feat: SSE2},
	Pinsrd:    {Name: "pinsrd", Ops: "x, rm32, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x22, Vex: VexNDS, Feat: SSE41},
	Pinsrq:    {Name: "pinsrq", Ops: "x, rm64, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x22, W: true, Vex: VexNDS, Feat: SSE41},
	Pextrb:    {Name: "pextrb", Ops: "rm32, x, u8", Enc: EncMR, Pfx: 0x66, Map: Map0F3A, Opc: 0x14, Vex: VexUnary, Feat: SSE41},
	Pextrw:    {Name: "pextrw", Ops: "r32, xr, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xC5, Vex: VexUnary, Feat: SSE2},
	Pextrd:    {Name: "pextrd", Ops: "rm32, x, u8", Enc: EncMR, Pfx: 0x66, Map: Map0F3A, Opc: 0x16, Vex: VexUnary, Feat: SSE41},
	Pextrq:    {Name: "pextrq", Ops: "rm64, x, u8", Enc: EncMR, Pfx: 0x66, Map: Map0F3A, Opc: 0x16, W: true, Vex: VexUnary, Feat: SSE41},
	Insertps:  {Name: "insertps", Ops: "x, xm, u8", Enc: EncRM, Pfx: 0x66, Map: Map0F3A, Opc: 0x21, Vex: VexNDS, Feat: SSE41},
	Extractps: {Name: "extractps", Ops: "rm32, x, u8", Enc: EncMR, Pfx: 0x66, Map: Map0F3A, Opc: 0x17, Vex: VexUnary, Feat: SSE41},

	// ---- Vector shifts: by the low quadword of an XMM, and by imm8 (group 12-14).
	Psllw:   {Name: "psllw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF1, Vex: VexNDS, Feat: SSE2},
	Pslld:   {Name: "pslld", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF2, Vex: VexNDS, Feat: SSE2},
	Psllq:   {Name: "psllq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xF3, Vex: VexNDS, Feat: SSE2},
	Psrlw:   {Name: "psrlw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD1, Vex: VexNDS, Feat: SSE2},
	Psrld:   {Name: "psrld", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD2, Vex: VexNDS, Feat: SSE2},
	Psrlq:   {Name: "psrlq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xD3, Vex: VexNDS, Feat: SSE2},
	Psraw:   {Name: "psraw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE1, Vex: VexNDS, Feat: SSE2},
	Psrad:   {Name: "psrad", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F, Opc: 0xE2, Vex: VexNDS, Feat: SSE2},
	PsllwI:  {Name: "psllw", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x71, Digit: 6, Vex: VexNDD, V256: true, Feat: SSE2},
	PsrlwI:  {Name: "psrlw", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x71, Digit: 2, Vex: VexNDD, V256: true, Feat: SSE2},
	PsrawI:  {Name: "psraw", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x71, Digit: 4, Vex: VexNDD, V256: true, Feat: SSE2},
	PslldI:  {Name: "pslld", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x72, Digit: 6, Vex: VexNDD, V256: true, Feat: SSE2},
	PsrldI:  {Name: "psrld", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x72, Digit: 2, Vex: VexNDD, V256: true, Feat: SSE2},
	PsradI:  {Name: "psrad", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x72, Digit: 4, Vex: VexNDD, V256: true, Feat: SSE2},
	PsllqI:  {Name: "psllq", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x73, Digit: 6, Vex: VexNDD, V256: true, Feat: SSE2},
	PsrlqI:  {Name: "psrlq", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x73, Digit: 2, Vex: VexNDD, V256: true, Feat: SSE2},
	PslldqI: {Name: "pslldq", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x73, Digit: 7, Vex: VexNDD, V256: true, Feat: SSE2},
	PsrldqI: {Name: "psrldq", Ops: "xr, u8", Enc: EncM, Pfx: 0x66, Map: Map0F, Opc: 0x73, Digit: 3, Vex: VexNDD, V256: true, Feat: SSE2},

	// ---- AVX2 additions (VEX only): broadcasts and per-lane variable shifts.
	Pbroadcastb: {Name: "pbroadcastb", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x78, Vex: VexUnary, VexOnly: true, Feat: AVX2},
	Pbroadcastw: {Name: "pbroadcastw", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x79, Vex: VexUnary, VexOnly: true, Feat: AVX2},
	Pbroadcastd: {Name: "pbroadcastd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x58, Vex: VexUnary, VexOnly: true, Feat: AVX2},
	Pbroadcastq: {Name: "pbroadcastq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x59, Vex: VexUnary, VexOnly: true, Feat: AVX2},
	Psllvd:      {Name: "psllvd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x47, Vex: VexNDS, V256: true, VexOnly: true, Feat: AVX2},
	Psllvq:      {Name: "psllvq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x47, W: true, Vex: VexNDS, V256: true, VexOnly: true, Feat: AVX2},
	Psrlvd:      {Name: "psrlvd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x45, Vex: VexNDS, V256: true, VexOnly: true, Feat: AVX2},
	Psrlvq:      {Name: "psrlvq", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x45, W: true, Vex: VexNDS, V256: true, VexOnly: true, Feat: AVX2},
	Psravd:      {Name: "psravd", Ops: "x, xm", Enc: EncRM, Pfx: 0x66, Map: Map0F38, Opc: 0x46, Vex: VexNDS, V256: true, VexOnly: true, Feat: AVX2},
}

// NumOps is the number of rows.
const NumOps = Op(len(Rows))

// Op names one row of Rows.
type Op uint16

func (op Op) String() string {
	if int(op) < len(Rows) {
		return opNames[op]
	}
	return fmt.Sprintf("Op(%d)", uint16(op))
}

// Row returns the table row of op.
func (op Op) Row() *Row { return &Rows[op] }

// Mnemonic returns the Intel mnemonic of op at size sz (for condition-code
// rows, with cc appended).
func (r *Row) Mnemonic(sz Size, cc CC) string {
	name := r.Name
	if strings.Contains(name, "|") {
		names := strings.Split(name, "|")
		i := 0
		for s := Size8; s <= Size64; s <<= 1 {
			if r.Sizes.Has(s) {
				if s == sz && i < len(names) {
					return names[i]
				}
				i++
			}
		}
		return names[0]
	}
	if r.CC {
		return name + cc.String()
	}
	return name
}

func parseOps(s string) ([]operand, error) {
	if s == "" {
		return nil, nil
	}
	var ops []operand
	for _, t := range strings.Split(s, ", ") {
		o, ok := tokens[t]
		if !ok {
			return nil, fmt.Errorf("unknown operand token %q", t)
		}
		ops = append(ops, o)
	}
	return ops, nil
}

// vexOperands derives the operand list of the VEX form.
func vexOperands(f VexForm, ops []operand) []operand {
	switch f {
	case VexNDS, VexNDSReg:
		out := []operand{ops[0], {kXV, 16}}
		return append(out, ops[1:]...)
	case VexUnary:
		return ops
	case VexNDD:
		return append([]operand{{kXV, 16}}, ops...)
	case VexIS4:
		return []operand{ops[0], {kXV, 16}, ops[1], {kXIs4, 16}}
	}
	return nil
}

// tableError is set by init if a row is malformed; TestTable reports it,
// and every encode of such a row fails, so a bad row is never silent.
var tableError error

func init() {
	for i := range Rows {
		r := &Rows[i]
		ops, err := parseOps(r.Ops)
		if err != nil && tableError == nil {
			tableError = fmt.Errorf("row %v: %v", Op(i), err)
		}
		r.ops = ops
		if r.Vex != VexNone {
			r.vops = vexOperands(r.Vex, ops)
		}
	}
}
