package amd64

import (
	"encoding/binary"
	"fmt"
	"math"

	"kiln/encoder"
)

// Fast paths.
//
// A single-pass compiler spent a third of its time in the general
// encoder, and most of what it emits has one of a few shapes: register
// and frame-slot moves, loads and stores, lea, ALU operations on a
// register, memory or immediate, compare-and-branch, calls. The general
// path (Emit) builds an Inst, matches it against the row's operand list
// with error reporting at every step, and then lays the bytes out in a
// scratch array. The typed methods first try a direct encoder (32/64-bit
// mov, load, store, lea, ALU), then fastModRM/fastO, then, for branches,
// emitRel: they take the operands as they come (no Inst), read the opcode,
// prefixes, legal sizes and immediate ranges from the same row, and write
// the bytes in place in the buffer (Buffer.InstSpace).
//
// A fast path handles a subset of the valid requests and declines
// (returning false, having written nothing) everything else: VEX, LOCK,
// RIP-relative and absolute addresses, rows with a fixed trailing byte,
// registers outside 0-15, bad scales, immediates out of range, operands of
// the wrong kind. The general path then encodes the request or reports
// its error, so the fast path never changes what is accepted.
// TestFastPathMatchesGeneral runs the typed methods over all registers,
// sizes, addressing forms and immediate boundaries with and without the
// fast paths and requires identical bytes, fixups and errors;
// TestFastPathMatchesEncode and FuzzEncode hold fast against Encode for
// every row.

// fast tries the fast paths for a request in emit's terms: op with its
// explicit operands in Intel order.
func (a *Assembler) fast(op Op, sz Size, cc CC, args []Arg) bool {
	var x [2]Arg
	nx, nImm := 0, 0
	var imm int64
	for i := range args {
		switch args[i].kind {
		case argGPR, argXMM, argMem:
			if nx == len(x) || nImm != 0 {
				return false
			}
			x[nx] = args[i]
			nx++
		case argImm:
			if nImm != 0 {
				return false
			}
			nImm, imm = 1, args[i].imm
		default:
			return false
		}
	}
	if int(op) < len(Rows) && Rows[op].Enc == EncO {
		if nx != 1 || x[0].kind != argGPR {
			return false
		}
		return a.fastO(op, sz, GPR(x[0].reg), nImm, imm)
	}
	return a.fastModRM(op, sz, cc, x[0], x[1], nImm, imm)
}

// fastModRM encodes a legacy (non-VEX) row whose operands all go to
// ModRM.reg, ModRM.rm and an optional trailing immediate:
//
//	[66] [F2|F3] [REX] [0F [38|3A]] opcode ModRM [SIB] [disp8|disp32] [imm]
//
// x0 and x1 are the explicit register or memory operands in Intel order
// (x1.kind == argNone for one), imm the immediate when nImm is 1. The
// operands are matched to the row positionally, as Emit does.
func (a *Assembler) fastModRM(op Op, sz Size, cc CC, x0, x1 Arg, nImm int, imm int64) bool {
	if a.general || tableError != nil || int(op) >= len(Rows) {
		return false
	}
	row := &Rows[op]
	if row.VexOnly || row.Tail != 0 || row.Map < Map1 || row.Map > Map0F3A {
		return false
	}
	switch row.Enc {
	case EncRM, EncMR, EncM:
	default:
		return false
	}
	if row.Sizes != 0 {
		if !row.Sizes.Has(sz) {
			return false
		}
	} else {
		sz = 0
	}
	if row.CC && cc >= numCC {
		return false
	}
	var reg, rm byte
	if row.Enc == EncM {
		reg = row.Digit
	}
	var mem *Mem
	needREX := false
	immSize := 0
	given, sawReg := 0, false
	for _, o := range row.ops {
		var x *Arg
		switch o.kind {
		case kCL, kX0:
			continue // implicit
		case kImm, kImmS, kImmV:
			if nImm != 1 || immSize != 0 {
				return false
			}
			lo, hi, n := immRange(o, sz)
			if imm < lo || imm > hi {
				return false
			}
			immSize = n
			continue
		}
		if immSize != 0 {
			return false // an operand after the immediate: not positional with args
		}
		switch given {
		case 0:
			x = &x0
		case 1:
			x = &x1
		default:
			return false
		}
		given++
		width := int(o.width)
		if width == 0 {
			width = int(sz)
		}
		switch o.kind {
		case kR, kX:
			if x.kind != argGPR && o.kind == kR || x.kind != argXMM && o.kind == kX || x.reg >= 16 {
				return false
			}
			reg, sawReg = x.reg, true
			if o.kind == kR && width == 1 && x.reg >= 4 && x.reg < 8 {
				needREX = true
			}
		case kRM, kM, kXM, kXR:
			switch {
			case x.kind == argMem && o.kind != kXR:
				if !x.mem.fast() {
					return false
				}
				mem = &x.mem
			case x.kind == argGPR && o.kind == kRM && x.reg < 16:
				rm = x.reg
				if width == 1 && x.reg >= 4 && x.reg < 8 {
					needREX = true
				}
			case x.kind == argXMM && (o.kind == kXM || o.kind == kXR) && x.reg < 16:
				rm = x.reg
			default:
				return false
			}
		default:
			return false // opcode register, VEX operands, labels
		}
	}
	// Every operand given must be used, and the row's ModRM.reg must be a
	// register exactly when it is not an opcode extension.
	if x1.kind != argNone && given < 2 || x0.kind != argNone && given < 1 || sawReg == (row.Enc == EncM) {
		return false
	}
	if nImm != 0 && immSize == 0 || immSize > 4 {
		return false // (no ModRM row has a wider immediate; the bound keeps n <= 16)
	}

	buf := a.buf.InstSpace()
	n := 0
	if sz == Size16 {
		buf[n] = 0x66
		n++
	}
	if row.Pfx != 0 {
		buf[n] = row.Pfx
		n++
	}
	rex := reg >> 3 << 2
	if mem != nil {
		rex |= byte(mem.base) >> 3
		if mem.kind == memBaseIndex {
			rex |= byte(mem.index) >> 3 << 1
		}
	} else {
		rex |= rm >> 3
	}
	if row.W || row.Sizes != 0 && sz == Size64 {
		rex |= 8
	}
	if rex != 0 || needREX {
		buf[n] = 0x40 | rex
		n++
	}
	n += putEscape(buf[n:], row.Map)
	opc := row.Opc
	if sz == Size8 && row.Sizes.Has(Size8) {
		opc = row.Opc8
	}
	if row.CC {
		opc += byte(cc)
	}
	buf[n] = opc
	n++
	if mem != nil {
		n = putBaseModRM(buf[:], n, (reg&7)<<3, mem)
	} else {
		buf[n] = 0xC0 | (reg&7)<<3 | rm&7
		n++
	}
	for i := 0; i < immSize; i++ {
		buf[n] = byte(imm >> (8 * i))
		n++
	}
	if n > 15 {
		return false // the general path reports it (nothing was committed)
	}
	a.buf.Commit(n)
	return true
}

// fast reports whether m is a [base + disp] or [base + index*scale + disp]
// operand the fast path encodes (and the general path accepts).
func (m *Mem) fast() bool {
	switch m.kind {
	case memBase:
		return m.base < numGPR
	case memBaseIndex:
		return m.base < numGPR && m.index < numGPR && m.index != RSP &&
			(m.scale == 1 || m.scale == 2 || m.scale == 4 || m.scale == 8)
	}
	return false
}

// fastO encodes a row with its register in the opcode's low bits (push,
// pop, mov r, imm): [REX] opcode+r [imm]. Byte registers decline.
func (a *Assembler) fastO(op Op, sz Size, r GPR, nImm int, imm int64) bool {
	if a.general || tableError != nil || int(op) >= len(Rows) || r >= numGPR {
		return false
	}
	row := &Rows[op]
	if row.Enc != EncO || len(row.ops) == 0 || row.ops[0].kind != kO || row.Pfx != 0 || row.Map != Map1 || row.Tail != 0 || row.CC {
		return false
	}
	if row.Sizes != 0 {
		if !row.Sizes.Has(sz) || sz == Size8 {
			return false
		}
	} else {
		sz = 0
	}
	immSize := 0
	for _, o := range row.ops[1:] {
		switch o.kind {
		case kImm, kImmS, kImmV:
			lo, hi, n := immRange(o, sz)
			if nImm != 1 || imm < lo || imm > hi {
				return false
			}
			immSize = n
		default:
			return false
		}
	}
	if nImm != 0 && immSize == 0 {
		return false
	}
	buf := a.buf.InstSpace()
	n := 0
	if sz == Size16 {
		buf[n] = 0x66
		n++
	}
	rex := byte(r) >> 3
	if row.W || row.Sizes != 0 && sz == Size64 {
		rex |= 8
	}
	if rex != 0 {
		buf[n] = 0x40 | rex
		n++
	}
	buf[n] = row.Opc + byte(r)&7
	n++
	for i := 0; i < immSize; i++ {
		buf[n] = byte(imm >> (8 * i))
		n++
	}
	a.buf.Commit(n)
	return true
}

// emitRel emits a branch or call row to label l: the fast path writes the
// opcode and a zero field and records the fixup, as Emit would.
func (a *Assembler) emitRel(op Op, cc CC, l encoder.Label) error {
	if a.general || tableError != nil || int(op) >= len(Rows) {
		return a.Emit(&Inst{Op: op, CC: cc, Args: [4]Arg{L(l)}, N: 1})
	}
	row := &Rows[op]
	if row.Enc != EncD || row.CC && cc >= numCC || len(row.ops) != 1 || row.ops[0].kind != kRel ||
		row.Pfx != 0 || row.Map != Map1 && row.Map != Map0F || row.Tail != 0 {
		return a.Emit(&Inst{Op: op, CC: cc, Args: [4]Arg{L(l)}, N: 1})
	}
	opc := row.Opc
	if row.CC {
		opc += byte(cc)
	}
	start := a.buf.Len()
	buf := a.buf.InstSpace()
	n := 0
	if row.Map == Map0F {
		buf[n] = 0x0F
		n++
	}
	buf[n] = opc
	n++
	field, kind := n, a.rel32
	if row.ops[0].width == 1 {
		buf[n] = 0
		n++
		kind = a.rel8
	} else {
		binary.LittleEndian.PutUint32(buf[n:], 0)
		n += 4
	}
	a.buf.Commit(n)
	a.buf.UseLabelKind(start+field, l, kind)
	return a.buf.Err()
}

// Branch sites: jcc/jmp/call rel32 with the displacement left zero and no
// label, for out-of-line code the caller lays out itself and then points
// the branch at with PatchRel32 (a baseline compiler's trap sites). They
// cost no label, fixup or branch record,
// and the buffer never simplifies them: it only truncates recorded
// branches at the end of the code, so a site's bytes never move.

// JccSite emits jcc rel32 and returns the offset of its displacement.
func (a *Assembler) JccSite(cc CC) (int, error) { return a.relSite(Jcc32, cc) }

// JmpSite emits jmp rel32 and returns the offset of its displacement.
func (a *Assembler) JmpSite() (int, error) { return a.relSite(Jmp32, 0) }

// CallSite emits call rel32 and returns the offset of its displacement.
func (a *Assembler) CallSite() (int, error) { return a.relSite(Call32, 0) }

func (a *Assembler) relSite(op Op, cc CC) (int, error) {
	row := &Rows[op]
	if tableError != nil || row.CC && cc >= numCC {
		err := &Error{Inst: row.Mnemonic(0, cc), Reason: fmt.Sprintf("invalid condition code %d", cc)}
		if tableError != nil {
			err.Reason = tableError.Error()
		}
		a.buf.SetError(err)
		return -1, err
	}
	opc := row.Opc
	if row.CC {
		opc += byte(cc)
	}
	buf := a.buf.InstSpace()
	n := 0
	if row.Map == Map0F {
		buf[n] = 0x0F
		n++
	}
	buf[n] = opc
	binary.LittleEndian.PutUint32(buf[n+1:], 0)
	field := a.buf.Len() + n + 1
	a.buf.Commit(n + 5)
	return field, nil
}

// PatchRel32 points the rel32 displacement at code offset field (from a
// *Site method) at code offset target.
func (a *Assembler) PatchRel32(field, target int) error {
	code := a.buf.Bytes()
	d := int64(target) - int64(field+4)
	if field < 0 || field+4 > len(code) || target < 0 || target > len(code) || d != int64(int32(d)) {
		err := &Error{Inst: "rel32", Reason: fmt.Sprintf("cannot point the field at %d to %d (code length %d)", field, target, len(code))}
		a.buf.SetError(err)
		return err
	}
	binary.LittleEndian.PutUint32(code[field:], uint32(int32(d)))
	return nil
}

// The direct encoders below handle the hottest shapes of all, 32- and
// 64-bit integer operations, before fast: the operand placement is fixed,
// so only the row's opcode (and digit) is read from the table.

// directRR encodes a row with ModRM.reg = reg and the register rm in
// ModRM.rm: [REX] opcode ModRM.
func (a *Assembler) directRR(op Op, sz Size, reg, rm GPR) bool {
	if a.general || tableError != nil || int(op) >= len(Rows) || sz != Size32 && sz != Size64 || (reg|rm) >= numGPR {
		return false
	}
	buf := a.buf.InstSpace()
	n := 0
	rex := byte(reg)>>3<<2 | byte(rm)>>3
	if sz == Size64 {
		rex |= 8
	}
	if rex != 0 {
		buf[0] = 0x40 | rex
		n = 1
	}
	buf[n] = Rows[op].Opc
	buf[n+1] = 0xC0 | byte(reg&7)<<3 | byte(rm&7)
	a.buf.Commit(n + 2)
	return true
}

// directRM encodes a row with ModRM.reg = reg (a register, or the row's
// digit when digit is true) and the memory operand m in ModRM.rm, then
// immSize bytes of imm: [REX] opcode ModRM [SIB] [disp] [imm].
func (a *Assembler) directRM(op Op, sz Size, reg GPR, digit bool, m *Mem, immSize int, imm int64) bool {
	if a.general || tableError != nil || int(op) >= len(Rows) || sz != Size32 && sz != Size64 || reg >= numGPR || !m.fast() {
		return false
	}
	if digit {
		reg = GPR(Rows[op].Digit)
	}
	buf := a.buf.InstSpace()
	n := 0
	rex := byte(reg)>>3<<2 | byte(m.base)>>3
	if m.kind == memBaseIndex {
		rex |= byte(m.index) >> 3 << 1
	}
	if sz == Size64 {
		rex |= 8
	}
	if rex != 0 {
		buf[0] = 0x40 | rex
		n = 1
	}
	buf[n] = Rows[op].Opc
	n = putBaseModRM(buf[:], n+1, byte(reg&7)<<3, m)
	for i := 0; i < immSize; i++ {
		buf[n] = byte(imm >> (8 * i))
		n++
	}
	a.buf.Commit(n)
	return true
}

// directRI encodes a /digit row on the register r with immSize bytes of
// imm: [REX] opcode ModRM [imm].
func (a *Assembler) directRI(op Op, sz Size, r GPR, immSize int, imm int64) bool {
	if a.general || tableError != nil || int(op) >= len(Rows) || sz != Size32 && sz != Size64 || r >= numGPR {
		return false
	}
	buf := a.buf.InstSpace()
	n := 0
	rex := byte(r) >> 3
	if sz == Size64 {
		rex |= 8
	}
	if rex != 0 {
		buf[0] = 0x40 | rex
		n = 1
	}
	row := &Rows[op]
	buf[n] = row.Opc
	buf[n+1] = 0xC0 | row.Digit<<3 | byte(r&7)
	n += 2
	for i := 0; i < immSize; i++ {
		buf[n] = byte(imm >> (8 * i))
		n++
	}
	a.buf.Commit(n)
	return true
}

// izSize is the width of the immediate field of a 32- or 64-bit form: 1
// for a sign-extended imm8 row (whose range the caller checked), else 4
// when v fits an "iz" field (the signed or, at 32 bits, the unsigned
// reading), 0 when it does not (the general path reports that).
func izSize(imm8 bool, sz Size, v int64) int {
	switch {
	case imm8:
		return 1
	case sz == Size64 && v >= math.MinInt32 && v <= math.MaxInt32,
		sz == Size32 && v >= math.MinInt32 && v <= math.MaxUint32:
		return 4
	}
	return 0
}
