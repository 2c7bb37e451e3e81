package amd64

import (
	"encoding/binary"
	"fmt"
	"math"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/optimizing/lower"
	"kiln/regalloc"
)

// emitter implements lower.Emitter: it applies allocations and writes
// bytes through the encoder's assembler. R11 and XMM15 are the
// allocator's scratch registers, never live across an instruction, so
// multi-instruction sequences use them freely.
type emitter struct {
	a      *asm.Assembler
	buf    *encoder.Buffer
	frame  *lower.Frame
	labels []encoder.Label
	// vc is the code being emitted and cur the block being emitted, whose
	// successors are the targets of its branch.
	vc    *lower.VCode[Inst]
	cur   lower.Block
	flags Flags
	err   error
	// wasm mode (WasmOptions): out-of-line stubs, the registers the
	// preemption slow path saves, the current source location.
	wasm      *WasmOptions
	stubs     []wasmStub
	stubIndex *stubTable
	trapExits []wasmStub
	saveRegs  []regalloc.PReg
	curLoc    uint32
	// grow is set when the prologue grows the incoming argument area for
	// tail calls (tailgrow.go).
	grow *tailGrow
}

const scratch = asm.R11
const xscratch = asm.X15

func (e *emitter) fail(err error) {
	if err != nil && e.err == nil {
		e.err = err
	}
}

func gpr(a regalloc.Alloc) asm.GPR { return asm.GPR(a.Reg().Index()) }
func xmm(a regalloc.Alloc) asm.XMM { return asm.XMM(a.Reg().Index()) }

func (e *emitter) slotMem(s regalloc.SpillSlot) asm.Mem {
	return asm.Addr(asm.RSP, e.frame.SpillOff[s])
}

func (e *emitter) mem(in *Inst, allocs []regalloc.Alloc) asm.Mem {
	m := in.Mem
	switch m.kind {
	case amSlot:
		return asm.Addr(asm.RSP, e.frame.StackSlotOff[m.slot]+m.disp)
	case amFP:
		return asm.Addr(asm.RBP, m.disp)
	case amSP:
		return asm.Addr(asm.RSP, m.disp)
	}
	base := gpr(allocs[in.MemAt])
	if m.hasIndex {
		return asm.AddrIndex(base, gpr(allocs[in.MemAt+1]), m.scale, m.disp)
	}
	return asm.Addr(base, m.disp)
}

// StartBlock binds the block's label; block 0 starts with the prologue.
func (e *emitter) StartBlock(b lower.Block) {
	e.cur = b
	e.a.Bind(e.labels[b])
	if b == 0 {
		e.prologue()
	}
}

func (e *emitter) prologue() {
	fr := e.frame
	if e.grow != nil {
		e.emitTailGrow()
	}
	e.fail(e.a.Push(asm.RBP))
	e.fail(e.a.MovRR(asm.Size64, asm.RBP, asm.RSP))
	if e.wasm != nil {
		e.emitStackCheck(fr.Size)
	}
	if fr.Size > 0 {
		e.fail(e.a.AluRI(asm.Sub, asm.Size64, asm.RSP, int64(fr.Size)))
	}
	if e.wasm != nil {
		e.fail(e.a.Store(asm.Size64, asm.Addr(asm.RBP, vmctxSlot), asm.RDI))
	}
	for k, r := range fr.CalleeSaves {
		e.fail(e.a.Store(asm.Size64, asm.Addr(asm.RSP, fr.CalleeSaveOff+int32(8*k)), asm.GPR(r.Index())))
	}
}

// epilogue restores the callee-saved registers and the caller's frame.
func (e *emitter) epilogue() {
	fr := e.frame
	for k, r := range fr.CalleeSaves {
		e.fail(e.a.Load(asm.Size64, asm.GPR(r.Index()), asm.Addr(asm.RSP, fr.CalleeSaveOff+int32(8*k))))
	}
	e.fail(e.a.MovRR(asm.Size64, asm.RSP, asm.RBP))
	e.fail(e.a.Pop(asm.RBP))
}

// Move emits an allocator edit.
func (e *emitter) Move(from, to regalloc.Alloc, cl regalloc.RegClass) error {
	switch {
	case cl == regalloc.Int && from.IsReg() && to.IsReg():
		e.fail(e.a.MovRR(asm.Size64, gpr(to), gpr(from)))
	case cl == regalloc.Int && from.IsReg():
		e.fail(e.a.Store(asm.Size64, e.slotMem(to.Slot()), gpr(from)))
	case cl == regalloc.Int:
		e.fail(e.a.Load(asm.Size64, gpr(to), e.slotMem(from.Slot())))
	case from.IsReg() && to.IsReg():
		e.fail(e.a.Sse(asm.Movaps, xmm(to), xmm(from)))
	case from.IsReg():
		e.fail(e.a.SseStore(asm.MovsdSt, e.slotMem(to.Slot()), xmm(from)))
	default:
		e.fail(e.a.SseM(asm.Movsd, xmm(to), e.slotMem(from.Slot())))
	}
	return e.err
}

func (e *emitter) Format(in *Inst, allocs []regalloc.Alloc) string {
	var targets []lower.Block
	if opTable[in.Op].kind == lower.KindBranch {
		targets = e.vc.Succs(e.cur)
	}
	return in.format(allocs, targets)
}

// jmp jumps to the k-th target of the branch ending the block, unless
// that is the next block: the buffer would delete the jump when the next
// block's label is bound (a jump to the next instruction), and most edge
// blocks end in one.
func (e *emitter) jmp(k int) {
	if t := e.vc.Succs(e.cur)[k]; int(t) != int(e.cur)+1 {
		e.fail(e.a.Jmp(e.labels[t]))
	}
}

// target is the label of the k-th target of the branch being emitted: the
// k-th successor of its block.
func (e *emitter) target(k int) encoder.Label { return e.labels[e.vc.Succs(e.cur)[k]] }
func (e *emitter) FormatMove(from, to regalloc.Alloc, cl regalloc.RegClass) string {
	return fmt.Sprintf("move %s -> %s", regName(from), regName(to))
}

func (e *emitter) movImm(sz asm.Size, dst asm.GPR, k int64) {
	switch {
	case k == 0:
		e.fail(e.a.AluRR(asm.Xor, asm.Size32, dst, dst))
	case sz < asm.Size64 || (k >= 0 && k <= math.MaxUint32):
		e.fail(e.a.MovRI(asm.Size32, dst, int64(uint32(k))))
	case k >= math.MinInt32 && k < 0:
		e.fail(e.a.MovRI(asm.Size64, dst, k))
	default:
		e.fail(e.a.MovAbs(dst, uint64(k)))
	}
}

func (e *emitter) floatConst(sz asm.Size, bits uint64) asm.Mem {
	b := make([]byte, 8)
	binary.LittleEndian.PutUint64(b, bits)
	if sz == asm.Size32 {
		return e.a.Const(b[:4], 4)
	}
	return e.a.Const(b, 8)
}

// Inst emits one machine instruction.
func (e *emitter) Inst(in *Inst, al []regalloc.Alloc) error {
	a := e.a
	last := func() regalloc.Alloc { return al[len(al)-1] }
	// cmpFirst emits the compare of a cc-carrying form: a against b or Imm.
	cmpFirst := func() int {
		if in.Mem.kind != amNone {
			// cmp a, [mem]: operands a, then the address registers (a
			// notrap load: no trap record).
			e.fail(a.AluRM(asm.Cmp, in.Size, gpr(al[0]), e.mem(in, al)))
			return 1 + in.Mem.nregs()
		}
		if in.HasImm {
			if in.Imm == 0 && (in.CC == asm.CondE || in.CC == asm.CondNE) {
				e.fail(a.TestRR(in.Size, gpr(al[0]), gpr(al[0])))
			} else {
				e.fail(a.AluRI(asm.Cmp, in.Size, gpr(al[0]), in.Imm))
			}
			return 1
		}
		e.fail(a.AluRR(asm.Cmp, in.Size, gpr(al[0]), gpr(al[1])))
		return 2
	}
	if in.Trap != 0 && (in.Op == opLoad || in.Op == opStore || in.Op == opStoreImm || in.Op == opAluRM || in.Op == opAtomicCas || in.Op == opSse) {
		e.trapHere(in.Trap)
	}
	switch in.Op {
	case opArgs:
	case opLoadArg:
		if in.Signed {
			e.fail(a.SseM(asm.Movsd, xmm(al[0]), e.mem(in, al)))
		} else {
			e.fail(a.Load(asm.Size64, gpr(al[0]), e.mem(in, al)))
		}
	case opRet:
		e.epilogue()
		e.fail(a.Ret())
	case opMove:
		if al[0].Reg().Class() == regalloc.Int {
			e.fail(a.MovRR(asm.Size64, gpr(al[1]), gpr(al[0])))
		} else {
			e.fail(a.Sse(asm.Movaps, xmm(al[1]), xmm(al[0])))
		}
	case opImm:
		e.movImm(in.Size, gpr(al[0]), in.Imm)
	case opFconst:
		if in.Imm == 0 {
			e.fail(a.Sse(asm.Xorps, xmm(al[0]), xmm(al[0])))
		} else if in.Size == asm.Size32 {
			e.fail(a.SseM(asm.Movss, xmm(al[0]), e.floatConst(in.Size, uint64(in.Imm))))
		} else {
			e.fail(a.SseM(asm.Movsd, xmm(al[0]), e.floatConst(in.Size, uint64(in.Imm))))
		}
	case opAluRR:
		e.fail(a.AluRR(in.Alu, in.Size, gpr(al[2]), gpr(al[1])))
	case opAluRI:
		e.fail(a.AluRI(in.Alu, in.Size, gpr(al[1]), in.Imm))
	case opAluRM:
		e.fail(a.AluRM(in.Alu, in.Size, gpr(last()), e.mem(in, al)))
	case opUnary:
		e.fail(a.UnaryR(in.Unary, in.Size, gpr(al[1])))
	case opImulRR:
		e.fail(a.ImulRR(in.Size, gpr(al[2]), gpr(al[1])))
	case opImulRRI:
		e.fail(a.ImulRRI(in.Size, gpr(al[1]), gpr(al[0]), in.Imm))
	case opMulHi:
		u := asm.Mul
		if in.Signed {
			u = asm.Imul1
		}
		e.fail(a.UnaryR(u, in.Size, gpr(al[1])))
	case opDiv:
		e.emitDiv(in, gpr(al[1]))
	case opShiftRI:
		e.fail(a.ShiftRI(in.Shift, in.Size, gpr(al[1]), uint8(in.Imm)))
	case opShiftRR:
		e.fail(a.MovRR(asm.Size32, asm.RCX, gpr(al[1])))
		if in.Size < asm.Size32 && in.Shift != asm.Rol && in.Shift != asm.Ror {
			e.fail(a.AluRI(asm.And, asm.Size32, asm.RCX, int64(in.Size)*8-1))
		}
		e.fail(a.ShiftRCL(in.Shift, in.Size, gpr(al[2])))
	case opCmpSet:
		cmpFirst()
		d := gpr(last())
		e.fail(a.Setcc(in.CC, d))
		e.fail(a.MovZX(asm.Size32, asm.Size8, d, d))
	case opCmpBr:
		cmpFirst()
		e.fail(a.Jcc(in.CC, e.target(0)))
		e.jmp(1)
	case opCmov:
		n := cmpFirst()
		e.fail(a.Cmov(in.CC, in.Size2, gpr(last()), gpr(al[n])))
	case opSelectBranchy:
		n := cmpFirst()
		skip := a.NewLabel()
		e.fail(a.Jcc(in.CC^1, skip))
		e.fail(a.Sse(asm.Movaps, xmm(last()), xmm(al[n])))
		a.Bind(skip)
	case opExtend:
		e.emitExtend(in.Size, in.Size2, in.Signed, gpr(al[1]), gpr(al[0]))
	case opLoad:
		m := e.mem(in, al)
		switch {
		case in.SseOp != 0:
			e.fail(a.SseM(in.SseOp, xmm(last()), m))
		case in.Size2 == asm.Size32 && in.Signed:
			e.fail(a.MovSXLoad(asm.Size64, asm.Size32, gpr(last()), m))
		case in.Size2 >= asm.Size32:
			e.fail(a.Load(in.Size2, gpr(last()), m))
		case in.Signed:
			e.fail(a.MovSXLoad(in.Size, in.Size2, gpr(last()), m))
		default:
			e.fail(a.MovZXLoad(asm.Size32, in.Size2, gpr(last()), m))
		}
	case opStore:
		m := e.mem(in, al)
		if in.SseOp != 0 {
			e.fail(a.SseStore(in.SseOp, m, xmm(al[0])))
		} else {
			e.fail(a.Store(in.Size, m, gpr(al[0])))
		}
	case opStoreImm:
		e.fail(a.StoreImm(in.Size, e.mem(in, al), in.Imm))
	case opLea:
		sz := asm.Size64
		if in.Size == asm.Size32 {
			sz = asm.Size32 // lea r32: the sum wraps at 32 bits, zero-extended
		}
		e.fail(a.Lea(sz, gpr(last()), e.mem(in, al)))
	case opJmp:
		e.jmp(0)
	case opBrTable:
		e.emitBrTable(in, al)
	case opTrap:
		e.fail(e.trap(in.Trap))
	case opTrapIf:
		cmpFirst()
		e.fail(e.trapIf(in.CC, in.Trap))
	case opCall:
		if in.Sub == 1 {
			e.fail(a.CallR(gpr(al[in.Imm])))
		} else {
			e.fail(a.CallSym(in.Sym))
		}
	case opReturnCall:
		e.epilogue()
		if in.Sub == 1 {
			e.fail(a.JmpR(asm.R10))
		} else {
			e.fail(a.JmpSym(in.Sym))
		}
	case opStoreArg:
		m := asm.Addr(asm.RSP, int32(in.Imm))
		if in.Sub == 1 {
			// A tail call's stack argument: the incoming area above the
			// return address.
			m = asm.Addr(asm.RBP, 16+int32(in.Imm))
		}
		if in.SseOp != 0 {
			e.fail(a.SseStore(asm.MovsdSt, m, xmm(al[0])))
		} else {
			e.fail(a.Store(asm.Size64, m, gpr(al[0])))
		}
	case opSse:
		if in.Mem.kind != amNone {
			e.fail(a.SseM(in.SseOp, xmm(last()), e.mem(in, al)))
		} else {
			e.fail(a.Sse(in.SseOp, xmm(al[2]), xmm(al[1])))
		}
	case opSseUnary:
		if in.HasImm {
			e.fail(a.SseI(in.SseOp, xmm(al[1]), xmm(al[0]), uint8(in.Imm)))
		} else {
			e.fail(a.Sse(in.SseOp, xmm(al[1]), xmm(al[0])))
		}
	case opSseMask:
		// Packed logic ops read 16 bytes: the mask constant is 16 bytes.
		b := make([]byte, 16)
		if in.Size == asm.Size32 {
			binary.LittleEndian.PutUint32(b, uint32(in.Imm))
		} else {
			binary.LittleEndian.PutUint64(b, uint64(in.Imm))
		}
		e.fail(a.SseM(in.SseOp, xmm(al[1]), a.Const(b, 16)))
	case opFcmpSet:
		e.emitFcmpSet(in, xmm(al[0]), xmm(al[1]), gpr(al[2]))
	case opFcmpBr:
		e.emitFcmpBr(in, xmm(al[0]), xmm(al[1]))
	case opFminmax:
		e.emitFminmax(in, xmm(al[2]), xmm(al[1]))
	case opCopysign:
		e.emitCopysign(in, xmm(al[2]), xmm(al[1]), xmm(al[3]))
	case opGprToXmm:
		e.fail(a.SseFromGPR(in.SseOp, in.Size, xmm(al[1]), gpr(al[0])))
	case opXmmToGpr:
		e.fail(a.SseToGPR(in.SseOp, in.Size, gpr(al[1]), xmm(al[0])))
	case opCvtU64:
		e.emitCvtU64(in, gpr(al[0]), xmm(al[1]), gpr(al[2]), gpr(al[3]))
	case opCvtToInt:
		e.emitCvtToInt(in, xmm(al[0]), gpr(al[1]), xmm(al[2]), gpr(al[3]))
	case opBitCount:
		e.emitBitCount(in, gpr(al[0]), gpr(al[1]), gpr(al[2]))
	case opBswap:
		e.fail(a.Bswap(in.Size, gpr(al[1])))
	case opBitrev:
		e.emitBitrev(in, gpr(al[1]), gpr(al[2]), gpr(al[3]))
	case opAluFlag:
		if in.Signed {
			e.fail(a.ImulRR(in.Size, gpr(al[2]), gpr(al[1])))
		} else {
			e.fail(a.AluRR(in.Alu, in.Size, gpr(al[2]), gpr(al[1])))
		}
		e.fail(a.Setcc(in.CC, gpr(al[3])))
		e.fail(a.MovZX(asm.Size32, asm.Size8, gpr(al[3]), gpr(al[3])))
	case opMulFlag:
		e.fail(a.UnaryR(asm.Mul, in.Size, gpr(al[1])))
		e.fail(a.Setcc(asm.CondO, gpr(al[3])))
		e.fail(a.MovZX(asm.Size32, asm.Size8, gpr(al[3]), gpr(al[3])))
	case opAlu128:
		e.emitAlu128(in, gpr(al[2]), gpr(al[3]), gpr(al[4]), gpr(al[5]))
	case opCmp128:
		e.emitCmp128(in, gpr(al[0]), gpr(al[1]), gpr(al[2]), gpr(al[3]), gpr(al[4]), gpr(al[5]), gpr(al[6]))
	case opMul128:
		e.emitMul128(gpr(al[1]), gpr(al[2]), gpr(al[3]), gpr(al[6]))
	case opShift128:
		e.emitShift128(in, gpr(al[0]), gpr(al[1]), gpr(al[2]), gpr(al[3]), gpr(al[4]), gpr(al[5]), gpr(al[6]))
	case opAtomicRmw:
		e.emitAtomicRmw(in, gpr(al[0]), e.mem(in, al), gpr(al[2]))
	case opAtomicCas:
		e.fail(a.CmpxchgMR(in.Size, e.mem(in, al), gpr(al[1]), true))
	case opAtomicStore:
		e.fail(a.MovRR(asm.Size64, gpr(al[2]), gpr(al[0])))
		e.trapHere(in.Trap)
		e.fail(a.XchgMR(in.Size, e.mem(in, al), gpr(al[2])))
	case opFence:
		e.fail(a.Mfence())
	case opExit:
		e.emitExit(in, al)
	case opPreemptCheck:
		e.emitPreemptCheck()
	case opRoundSoft:
		e.emitRoundSoft(in, xmm(al[0]), xmm(al[1]), xmm(al[2]))
	case opAddTrap:
		e.fail(a.AluRR(asm.Add, in.Size, gpr(al[2]), gpr(al[1])))
		e.fail(e.trapIf(asm.CondB, in.Trap))
	default:
		return fmt.Errorf("no emitter for %s", opTable[in.Op].name)
	}
	return e.err
}

func (e *emitter) emitExtend(to, from asm.Size, signed bool, dst, src asm.GPR) {
	a := e.a
	switch {
	case from >= to:
		e.fail(a.MovRR(asm.Size64, dst, src))
	case from == asm.Size32 && !signed:
		e.fail(a.MovRR(asm.Size32, dst, src))
	case from == asm.Size32:
		e.fail(a.MovSX(asm.Size64, asm.Size32, dst, src))
	case signed:
		e.fail(a.MovSX(aluSize(to), from, dst, src))
	default:
		e.fail(a.MovZX(asm.Size32, from, dst, src))
	}
}

// emitDiv: divide-by-zero traps int_divz; signed MIN / -1 traps int_ovf
// for div and yields 0 for rem (x86 would fault on both).
func (e *emitter) emitDiv(in *Inst, y asm.GPR) {
	a := e.a
	e.fail(a.TestRR(in.Size, y, y))
	e.fail(e.trapIf(asm.CondE, encoder.TrapCode(ir.TrapIntegerDivByZero)))
	done := a.NewLabel()
	if in.Signed {
		do := a.NewLabel()
		e.fail(a.AluRI(asm.Cmp, in.Size, y, -1))
		e.fail(a.Jcc(asm.CondNE, do))
		if in.Sub == 1 {
			e.fail(a.AluRR(asm.Xor, asm.Size32, asm.RDX, asm.RDX))
			e.fail(a.Jmp(done))
		} else {
			if fits32(in.Imm) {
				e.fail(a.AluRI(asm.Cmp, in.Size, asm.RAX, in.Imm))
			} else {
				e.fail(a.MovAbs(scratch, uint64(in.Imm)))
				e.fail(a.AluRR(asm.Cmp, in.Size, asm.RAX, scratch))
			}
			e.fail(e.trapIf(asm.CondE, encoder.TrapCode(ir.TrapIntegerOverflow)))
		}
		a.Bind(do)
		e.fail(a.SignExtendAX(in.Size))
		e.fail(a.UnaryR(asm.Idiv, in.Size, y))
	} else {
		e.fail(a.AluRR(asm.Xor, asm.Size32, asm.RDX, asm.RDX))
		e.fail(a.UnaryR(asm.Div, in.Size, y))
	}
	a.Bind(done)
}

func (e *emitter) emitBrTable(in *Inst, al []regalloc.Alloc) {
	a := e.a
	// idx is a zero-extended copy that dies here; R11 is free scratch.
	t2, t1 := gpr(al[0]), scratch
	succs := e.vc.Succs(e.cur)
	n := len(succs) - 1
	e.fail(a.AluRI(asm.Cmp, asm.Size64, t2, int64(n)))
	e.fail(a.Jcc(asm.CondAE, e.labels[succs[0]]))
	table := a.NewLabel()
	e.fail(a.Lea(asm.Size64, t1, asm.AddrLabel(table, 0)))
	e.fail(a.MovSXLoad(asm.Size64, asm.Size32, t2, asm.AddrIndex(t1, t2, 4, 0)))
	e.fail(a.AluRR(asm.Add, asm.Size64, t2, t1))
	e.fail(a.JmpR(t2))
	targets := make([]encoder.Label, n)
	for k := range targets {
		targets[k] = e.labels[succs[k+1]]
	}
	a.JumpTable(table, targets)
}

// trapHere records that the next instruction may fault with code (a
// memory access without notrap).
func (e *emitter) trapHere(code encoder.TrapCode) {
	// Wasm code never faults by design (every access is checked first):
	// a fault there is a bug, not a trap.
	if code != 0 && e.wasm == nil {
		e.buf.AddTrap(code)
	}
}
