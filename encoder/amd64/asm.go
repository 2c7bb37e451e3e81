package amd64

import (
	"math"

	"kiln/encoder"
)

// Assembler emits amd64 instructions into an encoder.Buffer. Every method
// returns an error for a request that cannot be encoded (wrong register
// class for the row, impossible immediate, bad scale, unsupported size);
// the error is also recorded in the buffer, so a single-pass compiler may
// ignore the results and check Buffer.Finish once.
type Assembler struct {
	buf *encoder.Buffer
	// general turns the fast paths (fast.go) off, so tests can compare
	// them with the general encoder.
	general bool
	// rel8 and rel32 are the label kinds interned in buf.
	rel8, rel32 encoder.Kind
}

// New returns an Assembler writing to buf (create it with
// encoder.NewBuffer(amd64.BufferISA)).
func New(buf *encoder.Buffer) *Assembler {
	return &Assembler{buf: buf, rel8: buf.KindOf(Rel8), rel32: buf.KindOf(Rel32)}
}

// Buffer returns the underlying buffer (labels, constants, traps, relocs).
func (a *Assembler) Buffer() *encoder.Buffer { return a.buf }

// NewLabel returns a fresh label of the underlying buffer.
func (a *Assembler) NewLabel() encoder.Label { return a.buf.NewLabel() }

// Bind binds l here (see encoder.Buffer.Bind for branch simplification).
func (a *Assembler) Bind(l encoder.Label) { a.buf.Bind(l) }

// Emit encodes in and appends it, recording a label fixup if it has one.
func (a *Assembler) Emit(in *Inst) error {
	var m machineInst
	if err := m.encode(in); err != nil {
		a.buf.SetError(err)
		return err
	}
	start := a.buf.Len()
	a.buf.PutBytes(m.buf[:m.n])
	if m.fieldOff >= 0 {
		a.buf.UseLabelAt(start+m.fieldOff, m.label, m.kind)
		return a.buf.Err() // an invalid label is the buffer's error to report
	}
	return nil
}

func (a *Assembler) emit(op Op, sz Size, args ...Arg) error {
	if a.fast(op, sz, 0, args) {
		return nil
	}
	in := Inst{Op: op, Size: sz, N: len(args)}
	copy(in.Args[:], args)
	return a.Emit(&in)
}

func (a *Assembler) emitLock(op Op, sz Size, lock bool, args ...Arg) error {
	in := Inst{Op: op, Size: sz, Lock: lock, N: len(args)}
	copy(in.Args[:], args)
	return a.Emit(&in)
}

func (a *Assembler) emitVEX(op Op, args ...Arg) error {
	in := Inst{Op: op, VEX: true, N: len(args)}
	copy(in.Args[:], args)
	return a.Emit(&in)
}

// ---- Integer ALU ----------------------------------------------------------

// AluOp is a two-operand integer operation; the values are the x86 group-1
// extension digits.
type AluOp uint8

const (
	Add AluOp = iota
	Or
	Adc
	Sbb
	And
	Sub
	Xor
	Cmp
)

// aluForms lists the rows of each AluOp: MR, RM, MI (imm8 for 8-bit,
// else imm16/32), MI8 (sign-extended imm8).
var aluForms = [8][4]Op{
	Add: {AddMR, AddRM, AddMI, AddMI8},
	Or:  {OrMR, OrRM, OrMI, OrMI8},
	Adc: {AdcMR, AdcRM, AdcMI, AdcMI8},
	Sbb: {SbbMR, SbbRM, SbbMI, SbbMI8},
	And: {AndMR, AndRM, AndMI, AndMI8},
	Sub: {SubMR, SubRM, SubMI, SubMI8},
	Xor: {XorMR, XorRM, XorMI, XorMI8},
	Cmp: {CmpMR, CmpRM, CmpMI, CmpMI8},
}

func (op AluOp) forms() [4]Op {
	if op > Cmp {
		return [4]Op{NumOps, NumOps, NumOps, NumOps} // rejected by Encode
	}
	return aluForms[op]
}

// AluRR emits dst op= src (cmp: flags of dst - src).
func (a *Assembler) AluRR(op AluOp, sz Size, dst, src GPR) error {
	f := op.forms()[0]
	if a.directRR(f, sz, src, dst) {
		return nil
	}
	return a.emit(f, sz, R(dst), R(src))
}

// AluRM emits dst op= [src].
func (a *Assembler) AluRM(op AluOp, sz Size, dst GPR, src Mem) error {
	f := op.forms()[1]
	if a.directRM(f, sz, dst, false, &src, 0, 0) {
		return nil
	}
	return a.emit(f, sz, R(dst), M(src))
}

// AluMR emits [dst] op= src.
func (a *Assembler) AluMR(op AluOp, sz Size, dst Mem, src GPR) error {
	f := op.forms()[0]
	if a.directRM(f, sz, src, false, &dst, 0, 0) {
		return nil
	}
	return a.emit(f, sz, M(dst), R(src))
}

// LockAluMR emits lock [dst] op= src (an atomic read-modify-write).
func (a *Assembler) LockAluMR(op AluOp, sz Size, dst Mem, src GPR) error {
	return a.emitLock(op.forms()[0], sz, true, M(dst), R(src))
}

// asSigned reads imm at operand size sz: for 16 and 32 bits the unsigned
// reading is accepted too (0xffffffff is -1 for a 32-bit operation), so
// the short sign-extended forms can be used for it.
func asSigned(sz Size, imm int64) int64 {
	switch sz {
	case Size16:
		if imm >= math.MinInt16 && imm <= math.MaxUint16 {
			return int64(int16(imm))
		}
	case Size32:
		if imm >= math.MinInt32 && imm <= math.MaxUint32 {
			return int64(int32(imm))
		}
	}
	return imm
}

// aluImmOp picks the sign-extended imm8 form when the value fits, and
// returns the immediate to encode.
func aluImmOp(f [4]Op, sz Size, imm int64) (Op, int64) {
	if s := asSigned(sz, imm); sz != Size8 && s >= math.MinInt8 && s <= math.MaxInt8 {
		return f[3], s
	}
	return f[2], imm
}

// AluRI emits dst op= imm, choosing the imm8 form when imm fits in a signed
// byte. For 64-bit operands imm is sign-extended from 32 bits; for 8/16/32
// bits either the signed or the unsigned reading of the width is accepted.
func (a *Assembler) AluRI(op AluOp, sz Size, dst GPR, imm int64) error {
	f := op.forms()
	row, v := aluImmOp(f, sz, imm)
	if n := izSize(row == f[3], sz, v); n > 0 && a.directRI(row, sz, dst, n, v) {
		return nil
	}
	return a.emit(row, sz, R(dst), I(v))
}

// AluMI emits [dst] op= imm (see AluRI).
func (a *Assembler) AluMI(op AluOp, sz Size, dst Mem, imm int64) error {
	f := op.forms()
	row, v := aluImmOp(f, sz, imm)
	if n := izSize(row == f[3], sz, v); n > 0 && a.directRM(row, sz, 0, true, &dst, n, v) {
		return nil
	}
	return a.emit(row, sz, M(dst), I(v))
}

// TestRR emits test dst, src.
func (a *Assembler) TestRR(sz Size, dst, src GPR) error {
	if a.directRR(TestMR, sz, src, dst) {
		return nil
	}
	return a.emit(TestMR, sz, R(dst), R(src))
}

// TestMR emits test [dst], src.
func (a *Assembler) TestMR(sz Size, dst Mem, src GPR) error {
	return a.emit(TestMR, sz, M(dst), R(src))
}

// TestRI emits test dst, imm.
func (a *Assembler) TestRI(sz Size, dst GPR, imm int64) error {
	return a.emit(TestMI, sz, R(dst), I(imm))
}

// TestMI emits test [dst], imm.
func (a *Assembler) TestMI(sz Size, dst Mem, imm int64) error {
	return a.emit(TestMI, sz, M(dst), I(imm))
}

// UnaryOp is a one-operand integer operation.
type UnaryOp uint8

const (
	Not   UnaryOp = iota // dst = ^dst
	Neg                  // dst = -dst
	Mul                  // rdx:rax = rax * src, unsigned
	Imul1                // rdx:rax = rax * src, signed
	Div                  // rax, rdx = rdx:rax /% src, unsigned
	Idiv                 // rax, rdx = rdx:rax /% src, signed
	Inc                  // dst++
	Dec                  // dst--
)

var unaryForms = [...]Op{Not: NotM, Neg: NegM, Mul: MulM, Imul1: Imul1M, Div: DivM, Idiv: IdivM, Inc: IncM, Dec: DecM}

func (op UnaryOp) form() Op {
	if int(op) >= len(unaryForms) {
		return NumOps
	}
	return unaryForms[op]
}

// UnaryR emits op on a register.
func (a *Assembler) UnaryR(op UnaryOp, sz Size, r GPR) error { return a.emit(op.form(), sz, R(r)) }

// UnaryM emits op on memory.
func (a *Assembler) UnaryM(op UnaryOp, sz Size, m Mem) error { return a.emit(op.form(), sz, M(m)) }

// LockUnaryM emits lock op [m] (not, neg, inc, dec).
func (a *Assembler) LockUnaryM(op UnaryOp, sz Size, m Mem) error {
	return a.emitLock(op.form(), sz, true, M(m))
}

// ShiftOp is a shift or rotate; the values are the group-2 digits.
type ShiftOp uint8

const (
	Rol ShiftOp = iota
	Ror
	Rcl
	Rcr
	Shl
	Shr
	Sar ShiftOp = 7
)

var shiftForms = [8][2]Op{
	Rol: {RolMI, RolMCL}, Ror: {RorMI, RorMCL}, Rcl: {RclMI, RclMCL}, Rcr: {RcrMI, RcrMCL},
	Shl: {ShlMI, ShlMCL}, Shr: {ShrMI, ShrMCL}, 6: {NumOps, NumOps}, Sar: {SarMI, SarMCL},
}

func (op ShiftOp) forms() [2]Op {
	if op > Sar {
		return [2]Op{NumOps, NumOps}
	}
	return shiftForms[op]
}

// ShiftRI shifts r by the constant n.
func (a *Assembler) ShiftRI(op ShiftOp, sz Size, r GPR, n uint8) error {
	return a.emit(op.forms()[0], sz, R(r), I(int64(n)))
}

// ShiftMI shifts [m] by the constant n.
func (a *Assembler) ShiftMI(op ShiftOp, sz Size, m Mem, n uint8) error {
	return a.emit(op.forms()[0], sz, M(m), I(int64(n)))
}

// ShiftRCL shifts r by CL.
func (a *Assembler) ShiftRCL(op ShiftOp, sz Size, r GPR) error {
	return a.emit(op.forms()[1], sz, R(r))
}

// ShiftMCL shifts [m] by CL.
func (a *Assembler) ShiftMCL(op ShiftOp, sz Size, m Mem) error {
	return a.emit(op.forms()[1], sz, M(m))
}

// ImulRR emits dst *= src.
func (a *Assembler) ImulRR(sz Size, dst, src GPR) error { return a.emit(ImulRM, sz, R(dst), R(src)) }

// ImulRM emits dst *= [src].
func (a *Assembler) ImulRM(sz Size, dst GPR, src Mem) error {
	return a.emit(ImulRM, sz, R(dst), M(src))
}

func imulImmOp(sz Size, imm int64) (Op, int64) {
	if s := asSigned(sz, imm); s >= math.MinInt8 && s <= math.MaxInt8 {
		return ImulRMI8, s
	}
	return ImulRMI, imm
}

// ImulRRI emits dst = src * imm (imm8 form when it fits).
func (a *Assembler) ImulRRI(sz Size, dst, src GPR, imm int64) error {
	row, v := imulImmOp(sz, imm)
	return a.emit(row, sz, R(dst), R(src), I(v))
}

// ImulRMI emits dst = [src] * imm.
func (a *Assembler) ImulRMI(sz Size, dst GPR, src Mem, imm int64) error {
	row, v := imulImmOp(sz, imm)
	return a.emit(row, sz, R(dst), M(src), I(v))
}

// SignExtendAX emits cwd/cdq/cqo: rdx:rax = sign-extend(rax) at size sz,
// the setup for idiv.
func (a *Assembler) SignExtendAX(sz Size) error { return a.emit(CwdCdqCqo, sz) }

// SignExtendAccum emits cbw/cwde/cdqe: rax = sign-extend(half of rax).
func (a *Assembler) SignExtendAccum(sz Size) error { return a.emit(CbwCwdeCdqe, sz) }

// ---- Moves ------------------------------------------------------------------

// MovRR emits dst = src.
func (a *Assembler) MovRR(sz Size, dst, src GPR) error {
	if a.directRR(MovMR, sz, src, dst) {
		return nil
	}
	return a.emit(MovMR, sz, R(dst), R(src))
}

// Load emits dst = [src].
func (a *Assembler) Load(sz Size, dst GPR, src Mem) error {
	if a.directRM(MovRM, sz, dst, false, &src, 0, 0) {
		return nil
	}
	return a.emit(MovRM, sz, R(dst), M(src))
}

// Store emits [dst] = src.
func (a *Assembler) Store(sz Size, dst Mem, src GPR) error {
	if a.directRM(MovMR, sz, src, false, &dst, 0, 0) {
		return nil
	}
	return a.emit(MovMR, sz, M(dst), R(src))
}

// StoreImm emits [dst] = imm (sign-extended from 32 bits for 64-bit stores).
func (a *Assembler) StoreImm(sz Size, dst Mem, imm int64) error {
	if n := izSize(false, sz, imm); n > 0 && a.directRM(MovMI, sz, 0, true, &dst, n, imm) {
		return nil
	}
	return a.emit(MovMI, sz, M(dst), I(imm))
}

// MovRI loads a constant with the shortest encoding: for 64-bit registers
// "mov r32, imm32" (zero-extending) when the value is a uint32, the
// sign-extended "mov r/m64, imm32" when it is an int32, else movabs.
func (a *Assembler) MovRI(sz Size, dst GPR, imm int64) error {
	if sz == Size64 {
		switch {
		case imm >= 0 && imm <= math.MaxUint32:
			return a.emit(MovOI, Size32, R(dst), I(imm))
		case imm >= math.MinInt32 && imm <= math.MaxInt32:
			return a.emit(MovMI, Size64, R(dst), I(imm))
		}
	}
	return a.emit(MovOI, sz, R(dst), I(imm))
}

// MovAbs emits the 10-byte movabs dst, imm64, whatever the value.
func (a *Assembler) MovAbs(dst GPR, imm uint64) error {
	return a.emit(MovOI, Size64, R(dst), I(int64(imm)))
}

func extendOp(signed bool, dstSz, srcSz Size) (Op, Size) {
	switch {
	case srcSz == Size8:
		if signed {
			return MovsxB, dstSz
		}
		return MovzxB, dstSz
	case srcSz == Size16:
		if signed {
			return MovsxW, dstSz
		}
		return MovzxW, dstSz
	case srcSz == Size32 && dstSz == Size64:
		if signed {
			return Movsxd, Size64
		}
		return MovRM, Size32 // a 32-bit move zero-extends
	}
	return NumOps, dstSz
}

// MovZX emits dst = zero-extend(src) from srcSz to dstSz bits (32→64 is
// a plain 32-bit mov).
func (a *Assembler) MovZX(dstSz, srcSz Size, dst, src GPR) error {
	op, sz := extendOp(false, dstSz, srcSz)
	return a.emit(op, sz, R(dst), R(src))
}

// MovZXLoad emits dst = zero-extend([src]).
func (a *Assembler) MovZXLoad(dstSz, srcSz Size, dst GPR, src Mem) error {
	op, sz := extendOp(false, dstSz, srcSz)
	return a.emit(op, sz, R(dst), M(src))
}

// MovSX emits dst = sign-extend(src).
func (a *Assembler) MovSX(dstSz, srcSz Size, dst, src GPR) error {
	op, sz := extendOp(true, dstSz, srcSz)
	return a.emit(op, sz, R(dst), R(src))
}

// MovSXLoad emits dst = sign-extend([src]).
func (a *Assembler) MovSXLoad(dstSz, srcSz Size, dst GPR, src Mem) error {
	op, sz := extendOp(true, dstSz, srcSz)
	return a.emit(op, sz, R(dst), M(src))
}

// Lea emits dst = address of m (with a label: RIP-relative).
func (a *Assembler) Lea(sz Size, dst GPR, m Mem) error {
	if a.directRM(Lea, sz, dst, false, &m, 0, 0) {
		return nil
	}
	return a.emit(Lea, sz, R(dst), M(m))
}

// ---- Conditions ---------------------------------------------------------------

// Setcc emits dst8 = cc ? 1 : 0.
func (a *Assembler) Setcc(cc CC, dst GPR) error {
	if a.fastModRM(Setcc, 0, cc, R(dst), Arg{}, 0, 0) {
		return nil
	}
	return a.Emit(&Inst{Op: Setcc, CC: cc, Args: [4]Arg{R(dst)}, N: 1})
}

// SetccM emits [dst] = cc ? 1 : 0 (one byte).
func (a *Assembler) SetccM(cc CC, dst Mem) error {
	if a.fastModRM(Setcc, 0, cc, M(dst), Arg{}, 0, 0) {
		return nil
	}
	return a.Emit(&Inst{Op: Setcc, CC: cc, Args: [4]Arg{M(dst)}, N: 1})
}

// Cmov emits if cc { dst = src }.
func (a *Assembler) Cmov(cc CC, sz Size, dst, src GPR) error {
	if a.fastModRM(Cmovcc, sz, cc, R(dst), R(src), 0, 0) {
		return nil
	}
	return a.Emit(&Inst{Op: Cmovcc, CC: cc, Size: sz, Args: [4]Arg{R(dst), R(src)}, N: 2})
}

// CmovM emits if cc { dst = [src] }.
func (a *Assembler) CmovM(cc CC, sz Size, dst GPR, src Mem) error {
	if a.fastModRM(Cmovcc, sz, cc, R(dst), M(src), 0, 0) {
		return nil
	}
	return a.Emit(&Inst{Op: Cmovcc, CC: cc, Size: sz, Args: [4]Arg{R(dst), M(src)}, N: 2})
}

// ---- Branches, calls ------------------------------------------------------------

// shortReach reports whether a branch of size n starting now can reach l
// with a rel8: only when l is already bound (backward), so the choice never
// has to be revised.
func (a *Assembler) shortReach(l encoder.Label, n int) bool {
	off, ok := a.buf.LabelOffset(l)
	if !ok {
		return false
	}
	d := off - (a.buf.Len() + n)
	return d >= math.MinInt8 && d <= math.MaxInt8
}

// Jcc emits a conditional branch to l: rel8 when l is bound and close,
// else rel32. The buffer may delete it or invert it (see encoder.Buffer).
func (a *Assembler) Jcc(cc CC, l encoder.Label) error {
	if a.shortReach(l, 2) {
		return a.JccShort(cc, l)
	}
	start := a.buf.Len()
	if err := a.emitRel(Jcc32, cc, l); err != nil {
		return err
	}
	a.buf.AddCondBranch(start, a.buf.Len(), l, []byte{0x0F, 0x80 | byte(cc.Invert()), 0, 0, 0, 0})
	return nil
}

// JccShort emits a conditional branch with a rel8 displacement; if l ends
// up more than ±127 bytes away, Finish reports an error.
func (a *Assembler) JccShort(cc CC, l encoder.Label) error {
	start := a.buf.Len()
	if err := a.emitRel(Jcc8, cc, l); err != nil {
		return err
	}
	a.buf.AddCondBranch(start, a.buf.Len(), l, []byte{0x70 | byte(cc.Invert()), 0})
	return nil
}

// Jmp emits an unconditional branch to l (rel8 when l is bound and close).
func (a *Assembler) Jmp(l encoder.Label) error {
	op := Jmp32
	if a.shortReach(l, 2) {
		op = Jmp8
	}
	return a.jmp(op, l)
}

// JmpShort emits jmp rel8 to l.
func (a *Assembler) JmpShort(l encoder.Label) error { return a.jmp(Jmp8, l) }

func (a *Assembler) jmp(op Op, l encoder.Label) error {
	start := a.buf.Len()
	if err := a.emitRel(op, 0, l); err != nil {
		return err
	}
	a.buf.AddUncondBranch(start, a.buf.Len(), l)
	return nil
}

// Call emits call rel32 to a label in this function.
func (a *Assembler) Call(l encoder.Label) error { return a.emitRel(Call32, 0, l) }

// CallSym emits call rel32 to another function or a runtime entry point,
// with an X86PCRel4 relocation the loader resolves.
func (a *Assembler) CallSym(sym encoder.Symbol) error { return a.relBranch(0xE8, sym) }

// JmpSym emits jmp rel32 to a symbol (a tail call).
func (a *Assembler) JmpSym(sym encoder.Symbol) error { return a.relBranch(0xE9, sym) }

func (a *Assembler) relBranch(opc byte, sym encoder.Symbol) error {
	a.buf.Put1(opc)
	a.buf.AddReloc(encoder.RelocX86PCRel4, sym, -4)
	a.buf.Put4(0)
	return nil
}

// MovAbsSym loads the absolute address of a symbol (plus addend) into dst:
// movabs with an Abs8 relocation on its 8-byte immediate.
func (a *Assembler) MovAbsSym(dst GPR, sym encoder.Symbol, addend int64) error {
	if err := a.MovAbs(dst, 0); err != nil {
		return err
	}
	a.buf.AddRelocAt(a.buf.Len()-8, encoder.RelocAbs8, sym, addend)
	return nil
}

// CallR emits call *r.
func (a *Assembler) CallR(r GPR) error { return a.emit(CallM, 0, R(r)) }

// CallMem emits call *[m].
func (a *Assembler) CallMem(m Mem) error { return a.emit(CallM, 0, M(m)) }

// JmpR emits jmp *r.
func (a *Assembler) JmpR(r GPR) error { return a.emit(JmpM, 0, R(r)) }

// JmpMem emits jmp *[m] (jump tables).
func (a *Assembler) JmpMem(m Mem) error { return a.emit(JmpM, 0, M(m)) }

// Ret emits ret.
func (a *Assembler) Ret() error { return a.emit(Ret, 0) }

// RetImm emits ret n (pop n extra bytes).
func (a *Assembler) RetImm(n uint16) error { return a.emit(RetI, 0, I(int64(n))) }

// Push emits push r.
func (a *Assembler) Push(r GPR) error { return a.emit(PushO, 0, R(r)) }

// Pop emits pop r.
func (a *Assembler) Pop(r GPR) error { return a.emit(PopO, 0, R(r)) }

// PushImm emits push imm (sign-extended to 64 bits; imm8 form when it fits).
func (a *Assembler) PushImm(imm int32) error {
	if imm >= math.MinInt8 && imm <= math.MaxInt8 {
		return a.emit(PushI8, 0, I(int64(imm)))
	}
	return a.emit(PushI32, 0, I(int64(imm)))
}

// PushMem emits push [m].
func (a *Assembler) PushMem(m Mem) error { return a.emit(PushM, 0, M(m)) }

// ---- Miscellaneous --------------------------------------------------------------

// Ud2 emits ud2 (the trap instruction; pair with Buffer.AddTrap).
func (a *Assembler) Ud2() error { return a.emit(Ud2, 0) }

// Int3 emits int3.
func (a *Assembler) Int3() error { return a.emit(Int3, 0) }

// Mfence emits mfence.
func (a *Assembler) Mfence() error { return a.emit(Mfence, 0) }

// Lfence emits lfence.
func (a *Assembler) Lfence() error { return a.emit(Lfence, 0) }

// Sfence emits sfence.
func (a *Assembler) Sfence() error { return a.emit(Sfence, 0) }

// Pause emits pause (spin-wait hint).
func (a *Assembler) Pause() error { return a.emit(Pause, 0) }

// Hlt emits hlt.
func (a *Assembler) Hlt() error { return a.emit(Hlt, 0) }

// nops are the recommended multi-byte NOPs (Intel SDM vol. 2B, "NOP"),
// indexed by length.
var nops = [10][]byte{
	1: {0x90},
	2: {0x66, 0x90},
	3: {0x0F, 0x1F, 0x00},
	4: {0x0F, 0x1F, 0x40, 0x00},
	5: {0x0F, 0x1F, 0x44, 0x00, 0x00},
	6: {0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00},
	7: {0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00},
	8: {0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
	9: {0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
}

// Nop emits n bytes of no-ops, using as few instructions as possible.
func (a *Assembler) Nop(n int) error {
	for n > 0 {
		k := min(n, 9)
		a.buf.PutBytes(nops[k])
		n -= k
	}
	return nil
}

// AlignTo pads with no-ops to a multiple of align (loop heads).
func (a *Assembler) AlignTo(align int) error {
	if align <= 0 || align&(align-1) != 0 {
		err := &Error{Inst: "align", Reason: "alignment is not a power of two"}
		a.buf.SetError(err)
		return err
	}
	return a.Nop((align - a.buf.Len()%align) % align)
}

// ---- Bits -----------------------------------------------------------------------

// Bt emits bt r, bit (CF = bit of r).
func (a *Assembler) Bt(sz Size, r, bit GPR) error { return a.emit(BtMR, sz, R(r), R(bit)) }

// BtI emits bt r, imm8.
func (a *Assembler) BtI(sz Size, r GPR, bit uint8) error {
	return a.emit(BtMI, sz, R(r), I(int64(bit)))
}

// Bswap emits bswap r (32 or 64 bits).
func (a *Assembler) Bswap(sz Size, r GPR) error { return a.emit(BswapO, sz, R(r)) }

// BitOp is a bit-counting or bit-scanning operation.
type BitOp uint8

const (
	BitPopcnt BitOp = iota // population count
	BitLzcnt               // leading zeros (LZCNT/ABM)
	BitTzcnt               // trailing zeros (BMI1)
	BitBsf                 // index of lowest set bit; ZF and undefined dst on zero
	BitBsr                 // index of highest set bit
)

var bitForms = [...]Op{BitPopcnt: Popcnt, BitLzcnt: Lzcnt, BitTzcnt: Tzcnt, BitBsf: Bsf, BitBsr: Bsr}

func (op BitOp) form() Op {
	if int(op) >= len(bitForms) {
		return NumOps
	}
	return bitForms[op]
}

// BitRR emits dst = op(src).
func (a *Assembler) BitRR(op BitOp, sz Size, dst, src GPR) error {
	return a.emit(op.form(), sz, R(dst), R(src))
}

// BitRM emits dst = op([src]).
func (a *Assembler) BitRM(op BitOp, sz Size, dst GPR, src Mem) error {
	return a.emit(op.form(), sz, R(dst), M(src))
}

// ---- Atomics --------------------------------------------------------------------

// XchgRR swaps two registers.
func (a *Assembler) XchgRR(sz Size, x, y GPR) error { return a.emit(XchgMR, sz, R(x), R(y)) }

// XchgMR swaps [m] and r (implicitly locked).
func (a *Assembler) XchgMR(sz Size, m Mem, r GPR) error { return a.emit(XchgMR, sz, M(m), R(r)) }

// CmpxchgMR emits [lock] cmpxchg [m], src: if rax == [m] { [m] = src } else { rax = [m] }.
func (a *Assembler) CmpxchgMR(sz Size, m Mem, src GPR, lock bool) error {
	return a.emitLock(CmpxchgMR, sz, lock, M(m), R(src))
}

// XaddMR emits [lock] xadd [m], src: src, [m] = [m], [m] + src.
func (a *Assembler) XaddMR(sz Size, m Mem, src GPR, lock bool) error {
	return a.emitLock(XaddMR, sz, lock, M(m), R(src))
}

// ---- SSE (legacy encoding, destructive two-operand forms) ----------------------

// Sse emits op dst, src for an "x, xm" row (addps, pshufb, cvtdq2ps, ...).
func (a *Assembler) Sse(op Op, dst, src XMM) error { return a.emit(op, 0, X(dst), X(src)) }

// SseM emits op dst, [src].
func (a *Assembler) SseM(op Op, dst XMM, src Mem) error { return a.emit(op, 0, X(dst), M(src)) }

// SseI emits op dst, src, imm8 (pshufd, shufps, roundss, palignr, ...).
func (a *Assembler) SseI(op Op, dst, src XMM, imm uint8) error {
	return a.emit(op, 0, X(dst), X(src), I(int64(imm)))
}

// SseMI emits op dst, [src], imm8.
func (a *Assembler) SseMI(op Op, dst XMM, src Mem, imm uint8) error {
	return a.emit(op, 0, X(dst), M(src), I(int64(imm)))
}

// SseStore emits a store row (MovssSt, MovdquSt, MovqSt, ...): [dst] = src.
func (a *Assembler) SseStore(op Op, dst Mem, src XMM) error { return a.emit(op, 0, M(dst), X(src)) }

// SseShiftI emits a shift-by-immediate row (PsllwI ... PsrldqI): dst <<= n.
func (a *Assembler) SseShiftI(op Op, dst XMM, n uint8) error {
	return a.emit(op, 0, X(dst), I(int64(n)))
}

// SseFromGPR emits an XMM ← GPR row at size sz (Cvtsi2ss/sd, MovdToX).
func (a *Assembler) SseFromGPR(op Op, sz Size, dst XMM, src GPR) error {
	return a.emit(op, sz, X(dst), R(src))
}

// SseFromMem emits an XMM ← integer-memory row (Cvtsi2sd from [m]).
func (a *Assembler) SseFromMem(op Op, sz Size, dst XMM, src Mem) error {
	return a.emit(op, sz, X(dst), M(src))
}

// SseToGPR emits a GPR ← XMM row (Cvttss2si, MovdFromX at size sz;
// Pmovmskb, Movmskps, Movmskpd with sz ignored).
func (a *Assembler) SseToGPR(op Op, sz Size, dst GPR, src XMM) error {
	return a.emit(op, sz, R(dst), X(src))
}

// Pinsr emits a Pinsrb/w/d/q row: insert src into lane of dst.
func (a *Assembler) Pinsr(op Op, dst XMM, src GPR, lane uint8) error {
	return a.emit(op, 0, X(dst), R(src), I(int64(lane)))
}

// PinsrM emits a Pinsr row from memory.
func (a *Assembler) PinsrM(op Op, dst XMM, src Mem, lane uint8) error {
	return a.emit(op, 0, X(dst), M(src), I(int64(lane)))
}

// Pextr emits a Pextrb/w/d/q or Extractps row: dst = lane of src.
func (a *Assembler) Pextr(op Op, dst GPR, src XMM, lane uint8) error {
	return a.emit(op, 0, R(dst), X(src), I(int64(lane)))
}

// PextrM emits a Pextrb/d/q or Extractps row to memory.
func (a *Assembler) PextrM(op Op, dst Mem, src XMM, lane uint8) error {
	return a.emit(op, 0, M(dst), X(src), I(int64(lane)))
}

// ---- AVX (VEX encoding, non-destructive three-operand forms) --------------------

// Avx emits the VEX form of an SSE row with a second source:
// vop dst, src1, src2 (vaddps, vpshufb, vmovss, vcvtsi2sd's xmm part ...).
// Unary rows (vsqrtps, vpmovzxbw, vmovaps) take src1 == the only source:
// use AvxUnary for them.
func (a *Assembler) Avx(op Op, dst, src1, src2 XMM) error {
	return a.emitVEX(op, X(dst), X(src1), X(src2))
}

// AvxM emits vop dst, src1, [src2].
func (a *Assembler) AvxM(op Op, dst, src1 XMM, src2 Mem) error {
	return a.emitVEX(op, X(dst), X(src1), M(src2))
}

// AvxI emits vop dst, src1, src2, imm8 (vshufps, vroundss, vpalignr).
func (a *Assembler) AvxI(op Op, dst, src1, src2 XMM, imm uint8) error {
	return a.emitVEX(op, X(dst), X(src1), X(src2), I(int64(imm)))
}

// AvxMI emits vop dst, src1, [src2], imm8.
func (a *Assembler) AvxMI(op Op, dst, src1 XMM, src2 Mem, imm uint8) error {
	return a.emitVEX(op, X(dst), X(src1), M(src2), I(int64(imm)))
}

// AvxUnary emits the VEX form of a one-source row: vop dst, src.
func (a *Assembler) AvxUnary(op Op, dst, src XMM) error { return a.emitVEX(op, X(dst), X(src)) }

// AvxUnaryM emits vop dst, [src] (vmovups, vmovss loads, vpmovzxbw ...).
func (a *Assembler) AvxUnaryM(op Op, dst XMM, src Mem) error { return a.emitVEX(op, X(dst), M(src)) }

// AvxUnaryI emits vop dst, src, imm8 (vpshufd, vroundps).
func (a *Assembler) AvxUnaryI(op Op, dst, src XMM, imm uint8) error {
	return a.emitVEX(op, X(dst), X(src), I(int64(imm)))
}

// AvxStore emits the VEX form of a store row.
func (a *Assembler) AvxStore(op Op, dst Mem, src XMM) error { return a.emitVEX(op, M(dst), X(src)) }

// AvxBlendv emits vblendvps/vblendvpd/vpblendvb dst, src1, src2, mask.
func (a *Assembler) AvxBlendv(op Op, dst, src1, src2, mask XMM) error {
	return a.emitVEX(op, X(dst), X(src1), X(src2), X(mask))
}

// AvxShiftI emits vpsllw-style dst = src shifted by n.
func (a *Assembler) AvxShiftI(op Op, dst, src XMM, n uint8) error {
	return a.emitVEX(op, X(dst), X(src), I(int64(n)))
}

// AvxFromGPR emits vcvtsi2ss/sd dst, src1, src2 (GPR) or vmovd/vmovq dst, src (src1 ignored for MovdToX).
func (a *Assembler) AvxFromGPR(op Op, sz Size, dst, src1 XMM, src2 GPR) error {
	in := Inst{Op: op, Size: sz, VEX: true}
	if Rows[op].Vex == VexUnary {
		in.Args, in.N = [4]Arg{X(dst), R(src2)}, 2
	} else {
		in.Args, in.N = [4]Arg{X(dst), X(src1), R(src2)}, 3
	}
	return a.Emit(&in)
}

// AvxToGPR emits vcvttss2si, vmovd/vmovq to a GPR, vpmovmskb, vmovmskps.
func (a *Assembler) AvxToGPR(op Op, sz Size, dst GPR, src XMM) error {
	in := Inst{Op: op, Size: sz, VEX: true, Args: [4]Arg{R(dst), X(src)}, N: 2}
	return a.Emit(&in)
}

// AvxPinsr emits vpinsr{b,w,d,q} dst, src1, src2, lane.
func (a *Assembler) AvxPinsr(op Op, dst, src1 XMM, src2 GPR, lane uint8) error {
	return a.emitVEX(op, X(dst), X(src1), R(src2), I(int64(lane)))
}

// AvxPextr emits vpextr{b,w,d,q} / vextractps dst, src, lane.
func (a *Assembler) AvxPextr(op Op, dst GPR, src XMM, lane uint8) error {
	return a.emitVEX(op, R(dst), X(src), I(int64(lane)))
}

// ---- Conveniences both tiers need ------------------------------------------------

// Trap emits ud2 with a trap record: an unconditional trap here.
func (a *Assembler) Trap(code encoder.TrapCode) error {
	a.buf.AddTrap(code)
	return a.Ud2()
}

// TrapIf branches to an out-of-line trap stub when cc holds, so the common
// path falls through (bounds checks, divide-by-zero, overflow).
func (a *Assembler) TrapIf(cc CC, code encoder.TrapCode) error {
	return a.Jcc(cc, a.buf.DeferTrap(code))
}

// Const returns a RIP-relative memory operand for a pool constant with the
// given bytes and alignment (float and vector literals, masks).
func (a *Assembler) Const(data []byte, align int) Mem {
	return AddrLabel(a.buf.UseConstant(data, align), 0)
}

// JumpTable binds table (4-byte aligned) to a table of 32-bit entries, each
// the offset of its target from the start of the table. The dispatch
// sequence, emitted before it with table as a RIP-relative operand, is
//
//	lea   table(%rip), %tmp
//	movslq (%tmp,%idx,4), %tmp2
//	add   %tmp, %tmp2
//	jmp   *%tmp2
//
// Emit the table where it is not executed (after an unconditional jump).
func (a *Assembler) JumpTable(table encoder.Label, targets []encoder.Label) {
	if pad := a.buf.Len(); pad%4 != 0 {
		for a.buf.Len()%4 != 0 {
			a.buf.Put1(0xCC) // int3 padding: never executed
		}
		a.buf.MarkData(pad, a.buf.Len(), 1)
	}
	a.buf.Bind(table)
	start := a.buf.Len()
	for _, l := range targets {
		off := a.buf.Len()
		// Rel32 adds target - (off + 4); the field's initial value turns
		// that into target - start.
		a.buf.Put4(uint32(int32(off + 4 - start)))
		a.buf.UseLabelKind(off, l, a.rel32)
	}
	if a.buf.Len() > start {
		a.buf.MarkData(start, a.buf.Len(), 4)
	}
}

// ---- AVX/AVX2 at 256 bits (VEX.L=1), for rows with V256 ----------------------

func (a *Assembler) emitVEX256(op Op, args ...Arg) error {
	in := Inst{Op: op, VEX: true, L256: true, N: len(args)}
	copy(in.Args[:], args)
	return a.Emit(&in)
}

// Avx256 emits vop dst, src1, src2 on YMM registers (vaddps, vpaddd, ...).
func (a *Assembler) Avx256(op Op, dst, src1, src2 YMM) error {
	return a.emitVEX256(op, Y(dst), Y(src1), Y(src2))
}

// Avx256M emits vop dst, src1, [src2] on YMM registers.
func (a *Assembler) Avx256M(op Op, dst, src1 YMM, src2 Mem) error {
	return a.emitVEX256(op, Y(dst), Y(src1), M(src2))
}

// Avx256I emits vop dst, src1, src2, imm8 on YMM registers.
func (a *Assembler) Avx256I(op Op, dst, src1, src2 YMM, imm uint8) error {
	return a.emitVEX256(op, Y(dst), Y(src1), Y(src2), I(int64(imm)))
}

// Avx256Unary emits vop dst, src on YMM registers (vmovups, vsqrtps, vpabsd).
func (a *Assembler) Avx256Unary(op Op, dst, src YMM) error { return a.emitVEX256(op, Y(dst), Y(src)) }

// Avx256UnaryM emits vop dst, [src] (256-bit loads).
func (a *Assembler) Avx256UnaryM(op Op, dst YMM, src Mem) error {
	return a.emitVEX256(op, Y(dst), M(src))
}

// Avx256Store emits a 256-bit store row: [dst] = src.
func (a *Assembler) Avx256Store(op Op, dst Mem, src YMM) error {
	return a.emitVEX256(op, M(dst), Y(src))
}
