package amd64

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"kiln/encoder"
)

// Arg is one explicit operand of an Inst: a register of either class, a
// memory operand, an immediate, or a label. Implicit operands (CL for
// shifts, XMM0 for legacy blendv) are not passed.
type Arg struct {
	kind  argKind
	reg   uint8
	imm   int64
	mem   Mem
	label encoder.Label
}

type argKind uint8

const (
	argNone argKind = iota
	argGPR
	argXMM
	argMem
	argImm
	argLabel
)

// R is a general-register operand.
func R(r GPR) Arg { return Arg{kind: argGPR, reg: uint8(r)} }

// X is a vector-register operand.
func X(x XMM) Arg { return Arg{kind: argXMM, reg: uint8(x)} }

// Y is a 256-bit vector-register operand (for Inst.L256).
func Y(y YMM) Arg { return Arg{kind: argXMM, reg: uint8(y)} }

// M is a memory operand.
func M(m Mem) Arg { return Arg{kind: argMem, mem: m} }

// I is an immediate operand.
func I(v int64) Arg { return Arg{kind: argImm, imm: v} }

// L is a branch-target operand.
func L(l encoder.Label) Arg { return Arg{kind: argLabel, label: l} }

func (a Arg) String() string {
	switch a.kind {
	case argGPR:
		return GPR(a.reg).String()
	case argXMM:
		return XMM(a.reg).String()
	case argMem:
		return a.mem.String()
	case argImm:
		return fmt.Sprintf("$%d", a.imm)
	case argLabel:
		return fmt.Sprintf("L%d", a.label)
	}
	return "<none>"
}

// Inst is one instruction request: a table row, its size and condition,
// and its explicit operands in Intel order (destination first). The typed
// Assembler methods build Insts; table-driven users (tests, fuzzers, a
// back end's generic paths) may build them directly.
type Inst struct {
	Op   Op
	Size Size // for rows with Sizes; ignored otherwise
	CC   CC   // for condition-code rows
	VEX  bool // use the AVX (VEX) form of an SSE row
	L256 bool // with VEX: the 256-bit form (vector operands are YMM)
	Lock bool // LOCK prefix (memory destination of a Lock row)
	Args [4]Arg
	N    int // number of Args used
}

func (in *Inst) String() string {
	if int(in.Op) >= len(Rows) {
		return in.Op.String()
	}
	s := Rows[in.Op].Mnemonic(in.Size, in.CC)
	if in.VEX {
		s = "v" + s
	}
	if in.L256 {
		s += ".256"
	}
	if Rows[in.Op].Sizes != 0 {
		s += fmt.Sprintf(".%d", int(in.Size)*8)
	}
	// Name general registers at their operand width where the row says it.
	var widths [4]int
	ai := 0
	for _, o := range in.operands() {
		if o.kind == kCL || o.kind == kX0 || ai >= len(widths) {
			continue
		}
		widths[ai] = int(o.width)
		if widths[ai] == 0 {
			widths[ai] = int(in.Size)
		}
		ai++
	}
	for i := 0; i < in.N && i < len(in.Args); i++ {
		if i == 0 {
			s += " "
		} else {
			s += ", "
		}
		a := in.Args[i]
		if a.kind == argGPR && Size(widths[i]).valid() {
			s += GPR(a.reg).Name(Size(widths[i]))
		} else if a.kind == argXMM && in.L256 {
			s += YMM(a.reg).String()
		} else {
			s += a.String()
		}
	}
	return s
}

// encoding is the field-level form of an instruction, filled from an Inst
// and the row's operand list.
type encoding struct {
	reg     uint8 // ModRM.reg register (or Digit)
	rm      uint8 // ModRM.rm register when !isMem
	isMem   bool
	mem     Mem
	opReg   uint8 // register in the opcode's low bits (EncO)
	vvvv    uint8
	is4     uint8
	imm     int64
	immSize int
	rel     encoder.Label
	relSize int
	needREX bool // a byte register spl/bpl/sil/dil is named
}

// Error is an invalid instruction request.
type Error struct {
	Inst   string
	Reason string
}

func (e *Error) Error() string { return "amd64: " + e.Inst + ": " + e.Reason }

func (in *Inst) errorf(format string, args ...any) error {
	return &Error{Inst: in.String(), Reason: fmt.Sprintf(format, args...)}
}

// immRange returns the accepted range of an immediate operand and its
// field width. A field that is exactly as wide as the operand accepts the
// signed and the unsigned reading of its bits (addl $0xffffffff is addl $-1);
// a field the CPU sign-extends to a wider operand accepts only the signed
// range, so no value is ever silently changed.
func immRange(o operand, sz Size) (lo, hi int64, n int) {
	switch o.kind {
	case kImm: // u8, u16
		n = int(o.width)
		return 0, 1<<(8*n) - 1, n
	case kImmS:
		n = int(o.width)
		if n == 0 { // iz: the operand size, at most 32 bits
			n = min(int(sz), 4)
			if n == int(sz) {
				return -1 << (8*n - 1), 1<<(8*n) - 1, n
			}
		}
		return -1 << (8*n - 1), 1<<(8*n-1) - 1, n
	case kImmV:
		n = int(sz)
		if n == 8 {
			return math.MinInt64, math.MaxInt64, 8
		}
		return -1 << (8*n - 1), 1<<(8*n) - 1, n
	}
	return 0, 0, 0
}

// Encode appends the encoding of in to dst and reports where a label field
// is (fieldOff >= 0, an offset in out) so the caller can record a fixup; it
// touches no buffer state, which keeps it usable for tests and size
// queries.
func Encode(dst []byte, in *Inst) (out []byte, fieldOff int, label encoder.Label, kind LabelUse, err error) {
	var m machineInst
	if err := m.encode(in); err != nil {
		return dst, -1, 0, 0, err
	}
	if m.fieldOff >= 0 {
		m.fieldOff += len(dst)
	}
	return append(dst, m.buf[:m.n]...), m.fieldOff, m.label, m.kind, nil
}

// machineInst is one encoded instruction (at most 15 bytes; the array is
// larger than any combination of fields a row can produce, so layout never
// writes out of bounds before the length check) plus the label field to fix
// up, if any.
type machineInst struct {
	buf      [24]byte
	n        int
	fieldOff int
	label    encoder.Label
	kind     LabelUse
}

// encode validates in against its row and lays out its bytes in m.
func (m *machineInst) encode(in *Inst) error {
	if tableError != nil {
		return tableError
	}
	if int(in.Op) >= len(Rows) {
		return &Error{Inst: in.Op.String(), Reason: "unknown op"}
	}
	row := &Rows[in.Op]
	if in.VEX && row.Vex == VexNone {
		return in.errorf("has no VEX form")
	}
	if !in.VEX && row.VexOnly {
		return in.errorf("has no legacy SSE form; set VEX")
	}
	if in.L256 && (!in.VEX || !row.V256) {
		return in.errorf("has no 256-bit VEX form")
	}
	ops := in.operands()
	sz := in.Size
	if row.Sizes != 0 {
		if !row.Sizes.Has(sz) {
			return in.errorf("operand size %v not supported", sz)
		}
	} else {
		sz = 0
	}
	if row.CC && in.CC >= numCC {
		return in.errorf("invalid condition code %d", in.CC)
	}
	var e encoding
	if row.Enc == EncM {
		e.reg = row.Digit
	}
	e.rel = encoder.NoLabel
	ai := 0
	for i, o := range ops {
		if o.kind == kCL || o.kind == kX0 {
			continue
		}
		if ai >= in.N {
			return in.errorf("missing operand %d", ai+1)
		}
		a := in.Args[ai]
		ai++
		width := int(o.width)
		if width == 0 {
			width = int(sz)
		}
		bad := func(want string) error {
			return in.errorf("operand %d is %v, want %s", i+1, a, want)
		}
		switch o.kind {
		case kR, kO:
			if a.kind != argGPR {
				return bad("a general register")
			}
			if a.reg >= uint8(numGPR) {
				return bad("a register below 16")
			}
			if o.kind == kR {
				e.reg = a.reg
			} else {
				e.opReg = a.reg
			}
			if width == 1 && a.reg >= 4 && a.reg < 8 {
				e.needREX = true
			}
		case kRM, kM, kXM, kXR:
			switch {
			case a.kind == argMem && o.kind != kXR:
				if err := a.mem.check(); err != nil {
					return in.errorf("operand %d: %v", i+1, err)
				}
				e.isMem, e.mem = true, a.mem
			case a.kind == argGPR && o.kind == kRM:
				if a.reg >= uint8(numGPR) {
					return bad("a register below 16")
				}
				e.rm = a.reg
				if width == 1 && a.reg >= 4 && a.reg < 8 {
					e.needREX = true
				}
			case a.kind == argXMM && (o.kind == kXM || o.kind == kXR):
				if a.reg >= uint8(numXMM) {
					return bad("a register below 16")
				}
				e.rm = a.reg
			default:
				return bad(map[opKind]string{kRM: "a general register or memory",
					kM: "memory", kXM: "a vector register or memory", kXR: "a vector register"}[o.kind])
			}
		case kX, kXV, kXIs4:
			if a.kind != argXMM {
				return bad("a vector register")
			}
			if a.reg >= uint8(numXMM) {
				return bad("a register below 16")
			}
			switch o.kind {
			case kX:
				e.reg = a.reg
			case kXV:
				e.vvvv = a.reg
			default:
				e.is4 = a.reg
			}
		case kImm, kImmS, kImmV:
			if a.kind != argImm {
				return bad("an immediate")
			}
			lo, hi, n := immRange(o, sz)
			if a.imm < lo || a.imm > hi {
				return in.errorf("immediate %d does not fit in %d bits (range %d..%d)", a.imm, 8*n, lo, hi)
			}
			e.imm, e.immSize = a.imm, n
		case kRel:
			if a.kind != argLabel {
				return bad("a label")
			}
			e.rel, e.relSize = a.label, width
		}
	}
	if ai != in.N {
		return in.errorf("%d operands given, row takes %d", in.N, ai)
	}
	if in.VEX && row.Vex == VexIS4 {
		e.imm, e.immSize = int64(e.is4)<<4, 1
	}
	if in.VEX && row.Vex == VexNDSReg && (in.N == 2) != e.isMem {
		// vmovss/vmovsd: register moves merge two sources, loads have one.
		return in.errorf("the VEX form takes two sources for registers and one for memory")
	}
	if in.Lock {
		if !row.Lock || !e.isMem {
			return in.errorf("LOCK needs a lockable instruction with a memory destination")
		}
	}
	if e.isMem && e.mem.kind == memRIP && (e.mem.disp > maxLabelAddend || e.mem.disp < -maxLabelAddend) {
		return in.errorf("label displacement %d exceeds ±%d", e.mem.disp, maxLabelAddend)
	}
	return m.layout(row, in, sz, &e)
}

// operands returns the operand list in's form uses: the row's legacy or
// VEX list (the VEX load form of vmovss/vmovsd has the legacy shape).
func (in *Inst) operands() []operand {
	row := &Rows[in.Op]
	if !in.VEX {
		return row.ops
	}
	if row.Vex == VexNDSReg && in.N == 2 {
		return row.ops
	}
	return row.vops
}

// layout writes prefixes, opcode, ModRM/SIB, displacement and immediate.
func (m *machineInst) layout(row *Row, in *Inst, sz Size, e *encoding) error {
	buf := &m.buf
	n := 0
	opc := row.Opc
	if sz == Size8 && row.Sizes.Has(Size8) {
		opc = row.Opc8
	}
	if row.CC {
		opc += byte(in.CC)
	}
	w := row.W || row.Sizes != 0 && sz == Size64
	hasModRM := row.Enc == EncRM || row.Enc == EncMR || row.Enc == EncM
	var rexR, rexX, rexB byte
	if hasModRM {
		rexR = e.reg >> 3
		if e.isMem {
			switch e.mem.kind {
			case memBase:
				rexB = byte(e.mem.base) >> 3
			case memBaseIndex:
				rexB = byte(e.mem.base) >> 3
				rexX = byte(e.mem.index) >> 3
			case memIndex:
				rexX = byte(e.mem.index) >> 3
			}
		} else {
			rexB = e.rm >> 3
		}
	} else if row.Enc == EncO {
		rexB = e.opReg >> 3
		opc += e.opReg & 7
	}

	if in.Lock {
		buf[n] = 0xF0
		n++
	}
	if in.VEX {
		mp, op := row.Map, opc
		if row.VexMap != 0 {
			mp, op = row.VexMap, row.VexOpc
		}
		var pp byte
		switch row.Pfx {
		case 0x66:
			pp = 1
		case 0xF3:
			pp = 2
		case 0xF2:
			pp = 3
		}
		var vw byte
		if w {
			vw = 1
		}
		vvvv := (^e.vvvv & 0xF) << 3
		if row.Vex == VexUnary || row.Vex == VexNDSReg && e.isMem {
			vvvv = 0xF << 3
		}
		var l byte
		if in.L256 {
			l = 1 << 2
		}
		if rexX == 0 && rexB == 0 && vw == 0 && mp == Map0F {
			buf[n] = 0xC5
			buf[n+1] = (rexR^1)<<7 | vvvv | l | pp
			n += 2
		} else {
			buf[n] = 0xC4
			buf[n+1] = (rexR^1)<<7 | (rexX^1)<<6 | (rexB^1)<<5 | byte(mp-Map1)
			buf[n+2] = vw<<7 | vvvv | l | pp
			n += 3
		}
		buf[n] = op
		n++
	} else {
		if sz == Size16 {
			buf[n] = 0x66
			n++
		}
		if row.Pfx != 0 {
			buf[n] = row.Pfx
			n++
		}
		rex := rexR<<2 | rexX<<1 | rexB
		if w {
			rex |= 8
		}
		if rex != 0 || e.needREX {
			buf[n] = 0x40 | rex
			n++
		}
		n += putEscape(buf[n:], row.Map)
		buf[n] = opc
		n++
	}
	if row.Tail != 0 {
		buf[n] = row.Tail
		n++
	}

	fieldOff := -1
	var kind LabelUse
	label := encoder.NoLabel
	if hasModRM {
		reg := (e.reg & 7) << 3
		if !e.isMem {
			buf[n] = 0xC0 | reg | e.rm&7
			n++
		} else {
			mem := &e.mem
			switch mem.kind {
			case memRIP:
				buf[n] = reg | 5
				n++
				fieldOff, label, kind = n, mem.label, Rel32
				binary.LittleEndian.PutUint32(buf[n:], uint32(mem.disp-int32(e.immSize)))
				n += 4
			case memAbs:
				buf[n], buf[n+1] = reg|4, 0x25
				n += 2
				binary.LittleEndian.PutUint32(buf[n:], uint32(mem.disp))
				n += 4
			case memIndex:
				buf[n], buf[n+1] = reg|4, scaleBits(mem.scale)<<6|(byte(mem.index)&7)<<3|5
				n += 2
				binary.LittleEndian.PutUint32(buf[n:], uint32(mem.disp))
				n += 4
			default:
				n = putBaseModRM(buf[:], n, reg, mem)
			}
		}
	}
	if e.rel != encoder.NoLabel {
		fieldOff, label = n, e.rel
		if e.relSize == 1 {
			kind = Rel8
			n++
		} else {
			kind = Rel32
			n += 4
		}
	}
	for i := 0; i < e.immSize; i++ {
		buf[n] = byte(e.imm >> (8 * i))
		n++
	}
	if n > 15 {
		return errors.New("amd64: instruction longer than 15 bytes")
	}
	m.n, m.fieldOff, m.label, m.kind = n, fieldOff, label, kind
	return nil
}

// putBaseModRM writes at buf[n:] the ModRM byte (reg already shifted into
// bits 5:3), SIB and displacement of a [base + disp] or [base + index*scale
// + disp] operand, the shortest form, and returns the new length.
func putBaseModRM(buf []byte, n int, reg byte, mem *Mem) int {
	base := byte(mem.base) & 7
	var mod byte
	switch {
	case mem.disp == 0 && base != 5: // rbp/r13 as base need an explicit displacement
		mod = 0
	case mem.disp >= math.MinInt8 && mem.disp <= math.MaxInt8:
		mod = 1
	default:
		mod = 2
	}
	if mem.kind == memBaseIndex || base == 4 { // rsp/r12 as base need a SIB
		idx := byte(4) // no index
		var ss byte
		if mem.kind == memBaseIndex {
			idx, ss = byte(mem.index)&7, scaleBits(mem.scale)
		}
		buf[n], buf[n+1] = mod<<6|reg|4, ss<<6|idx<<3|base
		n += 2
	} else {
		buf[n] = mod<<6 | reg | base
		n++
	}
	switch mod {
	case 1:
		buf[n] = byte(int8(mem.disp))
		n++
	case 2:
		binary.LittleEndian.PutUint32(buf[n:], uint32(mem.disp))
		n += 4
	}
	return n
}

func scaleBits(s uint8) byte {
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

// putEscape writes the legacy opcode-map escape bytes of m (none for the
// one-byte map) at the start of buf and returns how many it wrote. Both the
// general path and the fast paths lay out legacy instructions this way.
func putEscape(buf []byte, m Map) int {
	switch m {
	case Map0F:
		buf[0] = 0x0F
		return 1
	case Map0F38:
		buf[0], buf[1] = 0x0F, 0x38
		return 2
	case Map0F3A:
		buf[0], buf[1] = 0x0F, 0x3A
		return 2
	}
	return 0
}
