package amd64

import (
	"math"

	"kiln/baseline/masm"
	"kiln/encoder"
	x "kiln/encoder/amd64"
	"kiln/ir/vm"
)

func (m *MacroAssembler) Select(sz masm.Size, dst, other, cond masm.Reg) {
	a := m.a
	m.e(a.TestRR(x.Size32, gpr(cond), gpr(cond)))
	if dst.Class == masm.Int {
		m.e(a.Cmov(x.CondE, size(max(sz, masm.S32)), gpr(dst), gpr(other)))
		return
	}
	keep := m.buf.NewLabel()
	m.e(a.Jcc(x.CondNE, keep))
	m.e(a.Sse(x.Movaps, xmm(dst), xmm(other)))
	m.buf.Bind(keep)
}

func (m *MacroAssembler) Jump(l masm.Label) { m.e(m.a.Jmp(l)) }

func (m *MacroAssembler) BranchIfZero(sz masm.Size, r masm.Reg, l masm.Label) {
	m.e(m.a.TestRR(size(sz), gpr(r), gpr(r)))
	m.e(m.a.Jcc(x.CondE, l))
}

func (m *MacroAssembler) BranchIfNonZero(sz masm.Size, r masm.Reg, l masm.Label) {
	m.e(m.a.TestRR(size(sz), gpr(r), gpr(r)))
	m.e(m.a.Jcc(x.CondNE, l))
}

// JumpTable: bounds check against the table length (the default), then
// an indirect jump through a table of 32-bit offsets placed after the body.
func (m *MacroAssembler) JumpTable(idx masm.Reg, targets []masm.Label, def masm.Label) {
	a, i := m.a, gpr(idx)
	m.e(a.AluRI(x.Cmp, x.Size32, i, int64(int32(uint32(len(targets))))))
	m.e(a.Jcc(x.CondAE, def))
	table := m.buf.NewLabel()
	m.e(a.Lea(x.Size64, scratch, x.AddrLabel(table, 0)))
	m.e(a.MovSXLoad(x.Size64, x.Size32, i, x.AddrIndex(scratch, i, 4, 0)))
	m.e(a.AluRR(x.Add, x.Size64, i, scratch))
	m.e(a.JmpR(i))
	m.tables = append(m.tables, jumpTable{table, append([]encoder.Label(nil), targets...)})
}

func (m *MacroAssembler) Trap(code vm.TrapCode) {
	f, err := m.a.JmpSite()
	m.addTrap(f, err, code)
}

func (m *MacroAssembler) TrapIfZero(r masm.Reg, code vm.TrapCode, detail uint64) {
	m.e(m.a.TestRR(x.Size64, gpr(r), gpr(r)))
	f, err := m.a.JccSite(x.CondE)
	t := m.addTrap(f, err, code)
	t.imm, t.hasImm = detail, true
}

// exitStubAt queues an out-of-line exit of kind k that resumes at back.
func (m *MacroAssembler) exitStubAt(k vm.ExitKind, back encoder.Label) encoder.Label {
	l := m.buf.NewLabel()
	m.exits = append(m.exits, exitStub{l, back, k, m.loc})
	return l
}

// CheckInterrupts: cmp [g + stackguard0], stackPreempt; je preempt-exit,
// and with interruptible code the store context's interrupt flag.
func (m *MacroAssembler) CheckInterrupts(interruptible bool) {
	a := m.a
	back := m.buf.NewLabel()
	m.e(a.AluMI(x.Cmp, x.Size64, x.Addr(x.GPR(vm.ABIAmd64.G), vm.GStackGuard0Offset), int64(vm.StackPreemptImm32)))
	m.e(a.Jcc(x.CondE, m.exitStubAt(vm.ExitPreempt, back)))
	if interruptible {
		m.e(a.Load(x.Size64, scratch, x.Addr(vmctxReg, vm.VMStoreContext)))
		m.e(a.AluMI(x.Cmp, x.Size32, x.Addr(scratch, vm.SCInterrupt), 0))
		m.e(a.Jcc(x.CondNE, m.exitStubAt(vm.ExitInterrupt, back)))
	}
	m.buf.Bind(back)
}

// exitSeq is the contract's exit site: the VM context in the callee
// register, the resume address in ABI.ExitResume, jump to the stub.
func (m *MacroAssembler) exitSeq(k vm.ExitKind, resume encoder.Label) {
	a := m.a
	m.e(a.MovRR(x.Size64, x.RDI, vmctxReg))
	m.e(a.Lea(x.Size64, x.GPR(vm.ABIAmd64.ExitResume), x.AddrLabel(resume, 0)))
	m.e(a.JmpMem(x.Addr(x.RDI, int32(vm.Stub(k)))))
}

func (m *MacroAssembler) storeContext() {
	m.e(m.a.Load(x.Size64, scratch, x.Addr(vmctxReg, vm.VMStoreContext)))
}

func (m *MacroAssembler) StoreExitArg(i int, src masm.Reg) {
	m.storeContext()
	m.e(m.a.Store(x.Size64, x.Addr(scratch, vm.SCExitArg(i)), gpr(src)))
}

func (m *MacroAssembler) StoreExitArgImm(i int, imm uint64) {
	m.storeContext()
	if fitsImm32(int64(imm)) {
		m.e(m.a.StoreImm(x.Size64, x.Addr(scratch, vm.SCExitArg(i)), int64(imm)))
		return
	}
	m.e(m.a.Push(x.RAX))
	m.e(m.a.MovAbs(x.RAX, imm))
	m.e(m.a.Store(x.Size64, x.Addr(scratch, vm.SCExitArg(i)), x.RAX))
	m.e(m.a.Pop(x.RAX))
}

// Exit leaves to Go inline and resumes right after, reloading r15 from
// the callee VM context register the resume path restores.
func (m *MacroAssembler) Exit(k vm.ExitKind) {
	resume := m.buf.NewLabel()
	m.markLoc()
	m.exitSeq(k, resume)
	m.closeLoc()
	m.buf.Bind(resume)
	m.e(m.a.MovRR(x.Size64, vmctxReg, x.RDI))
	m.reloadMemBase()
}

func (m *MacroAssembler) LoadExitResult(sz masm.Size, dst masm.Reg) {
	m.storeContext()
	m.e(m.a.Load(size(max(sz, masm.S32)), gpr(dst), x.Addr(scratch, vm.SCExitArg(0))))
}

// ---- memory -------------------------------------------------------------

// effectiveAddr checks addr + offset + size <= length and returns the
// operand of the access, [r11 + addr + offset] with r11 = the memory's
// base. For an i32 memory the end fits 64 bits without overflow, so the
// check is lea, cmp, ja; memory64 adds a carry check. addr may be
// clobbered (large offsets are added to it).
func (m *MacroAssembler) effectiveAddr(is64 bool, base, length int32, accSize int64, addr x.GPR, offset uint64) x.Mem {
	a := m.a
	end := offset + uint64(accSize)
	switch {
	case end < offset:
		// offset + size overflows: every address is out of bounds.
		m.Trap(vm.TrapMemoryOutOfBounds)
		m.e(a.MovRR(x.Size64, scratch, addr))
	case !is64 && end <= math.MaxInt32:
		m.e(a.Lea(x.Size64, scratch, x.Addr(addr, int32(end))))
	default:
		m.loadIntImm(masm.S64, scratch, end)
		m.e(a.AluRR(x.Add, x.Size64, scratch, addr))
		if is64 {
			m.trapIf(x.CondB, vm.TrapMemoryOutOfBounds)
		}
	}
	m.e(a.AluRM(x.Cmp, x.Size64, scratch, x.Addr(vmctxReg, length)))
	m.trapIf(x.CondA, vm.TrapMemoryOutOfBounds)
	baseReg := scratch
	if m.pinned && base == vm.VMMemory0Base {
		baseReg = memBaseReg
	}
	if offset <= math.MaxInt32 {
		if baseReg == scratch {
			m.e(a.Load(x.Size64, scratch, x.Addr(vmctxReg, base)))
		}
		return x.AddrIndex(baseReg, addr, 1, int32(offset))
	}
	m.loadIntImm(masm.S64, scratch, offset)
	m.e(a.AluRR(x.Add, x.Size64, addr, scratch))
	if baseReg == scratch {
		m.e(a.Load(x.Size64, scratch, x.Addr(vmctxReg, base)))
	}
	return x.AddrIndex(baseReg, addr, 1, 0)
}

func (m *MacroAssembler) LoadMem(is64 bool, base, length int32, l masm.Load, dst, addr masm.Reg, offset uint64) {
	a := m.a
	at := m.effectiveAddr(is64, base, length, int64(l.Size), gpr(addr), offset)
	if dst.Class == masm.Float {
		m.e(a.SseM(fop(l.Size, x.Movss, x.Movsd), xmm(dst), at))
		return
	}
	d := gpr(dst)
	switch {
	case l.Size == masm.S64 || l.Size == masm.S32 && !(l.Wide && l.Signed):
		m.e(a.Load(size(l.Size), d, at))
	case l.Signed:
		dsz := x.Size32
		if l.Wide {
			dsz = x.Size64
		}
		m.e(a.MovSXLoad(dsz, size(l.Size), d, at))
	default:
		m.e(a.MovZXLoad(x.Size32, size(l.Size), d, at))
	}
}

func (m *MacroAssembler) StoreMem(is64 bool, base, length int32, sz masm.Size, addr, val masm.Reg, offset uint64) {
	at := m.effectiveAddr(is64, base, length, int64(sz), gpr(addr), offset)
	if val.Class == masm.Float {
		m.e(m.a.SseStore(fop(sz, x.MovssSt, x.MovsdSt), at, xmm(val)))
		return
	}
	m.e(m.a.Store(size(sz), at, gpr(val)))
}

func (m *MacroAssembler) StoreMemImm(is64 bool, base, length int32, sz masm.Size, addr masm.Reg, imm uint64, offset uint64) bool {
	v := int64(imm)
	switch sz {
	case masm.S8:
		v = int64(int8(imm))
	case masm.S16:
		v = int64(int16(imm))
	case masm.S32:
		v = int64(int32(imm))
	default:
		if !fitsImm32(v) {
			return false
		}
	}
	at := m.effectiveAddr(is64, base, length, int64(sz), gpr(addr), offset)
	m.e(m.a.StoreImm(size(sz), at, v))
	return true
}

// ---- calls and tables ---------------------------------------------------

func (m *MacroAssembler) CallDirect(funcIndex uint32) {
	m.e(m.a.MovRR(x.Size64, x.RDI, vmctxReg))
	m.e(m.a.MovRR(x.Size64, x.RSI, vmctxReg))
	m.markLoc()
	m.e(m.a.CallSym(encoder.Symbol{Kind: encoder.SymFunc, Index: funcIndex}))
	m.closeLoc()
}

func (m *MacroAssembler) CallImport(codeOff, vmctxOff int32) {
	m.e(m.a.MovRR(x.Size64, x.RSI, vmctxReg))
	m.e(m.a.Load(x.Size64, x.RDI, x.Addr(vmctxReg, vmctxOff)))
	m.markLoc()
	m.e(m.a.CallMem(x.Addr(vmctxReg, codeOff)))
	m.closeLoc()
}

// funcRefCheck loads the FuncRef address from ref into r11 and checks it
// for null and, when typeIDOff >= 0, its type id (rax is free at a call:
// it is not an argument register of the convention).
func (m *MacroAssembler) funcRefCheck(ref masm.Slot, typeIDOff int32) {
	a := m.a
	m.e(a.Load(x.Size64, scratch, m.slot(ref)))
	m.e(a.TestRR(x.Size64, scratch, scratch))
	m.trapIf(x.CondE, vm.TrapIndirectCallToNull)
	if typeIDOff >= 0 {
		m.e(a.Load(x.Size32, x.RAX, x.Addr(vmctxReg, typeIDOff)))
		m.e(a.AluRM(x.Cmp, x.Size32, x.RAX, x.Addr(scratch, vm.FuncRefTypeID)))
		m.trapIf(x.CondNE, vm.TrapBadSignature)
	}
	m.e(a.MovRR(x.Size64, x.RSI, vmctxReg))
	m.e(a.Load(x.Size64, x.RDI, x.Addr(scratch, vm.FuncRefVMCtx)))
}

func (m *MacroAssembler) CallFuncRef(ref masm.Slot, typeIDOff int32) {
	m.funcRefCheck(ref, typeIDOff)
	m.markLoc()
	m.e(m.a.CallMem(x.Addr(scratch, vm.FuncRefCode)))
	m.closeLoc()
}

// popFrame undoes the prologue before a tail call: the callee finds the
// stack as our caller left it.
func (m *MacroAssembler) popFrame() {
	m.e(m.a.MovRR(x.Size64, x.RSP, x.RBP))
	m.e(m.a.Pop(x.RBP))
}

func (m *MacroAssembler) TailCallDirect(funcIndex uint32) {
	m.e(m.a.MovRR(x.Size64, x.RDI, vmctxReg))
	m.e(m.a.MovRR(x.Size64, x.RSI, vmctxReg))
	m.popFrame()
	m.e(m.a.JmpSym(encoder.Symbol{Kind: encoder.SymFunc, Index: funcIndex}))
}

func (m *MacroAssembler) TailCallImport(codeOff, vmctxOff int32) {
	m.e(m.a.MovRR(x.Size64, x.RSI, vmctxReg))
	m.e(m.a.Load(x.Size64, x.RDI, x.Addr(vmctxReg, vmctxOff)))
	m.e(m.a.Load(x.Size64, scratch, x.Addr(vmctxReg, codeOff)))
	m.popFrame()
	m.e(m.a.JmpR(scratch))
}

func (m *MacroAssembler) TailCallFuncRef(ref masm.Slot, typeIDOff int32) {
	m.funcRefCheck(ref, typeIDOff)
	m.e(m.a.Load(x.Size64, scratch, x.Addr(scratch, vm.FuncRefCode)))
	m.popFrame()
	m.e(m.a.JmpR(scratch))
}

// tableIndex checks idx against the table's length and loads the element
// array's address into r11.
func (m *MacroAssembler) tableIndex(base, length int32, idx x.GPR, oob vm.TrapCode) {
	m.e(m.a.AluRM(x.Cmp, x.Size64, idx, x.Addr(vmctxReg, length)))
	m.trapIf(x.CondAE, oob)
	m.e(m.a.Load(x.Size64, scratch, x.Addr(vmctxReg, base)))
}

func (m *MacroAssembler) CallElem(base, length int32, idx, dst masm.Reg) {
	m.TableElem(base, length, idx, dst, vm.TrapIndirectCallOutOfBounds)
	d := gpr(dst)
	m.e(m.a.TestRR(x.Size64, d, d))
	f, err := m.a.JccSite(x.CondE)
	t := m.addTrap(f, err, vm.TrapIndirectCallToNull)
	t.arg, t.hasArg = gpr(idx), true
}

func (m *MacroAssembler) TableElem(base, length int32, idx, dst masm.Reg, oob vm.TrapCode) {
	m.tableIndex(base, length, gpr(idx), oob)
	m.e(m.a.Load(x.Size64, gpr(dst), x.AddrIndex(scratch, gpr(idx), 8, 0)))
}

func (m *MacroAssembler) TableSet(base, length int32, idx, val masm.Reg) {
	m.tableIndex(base, length, gpr(idx), vm.TrapTableOutOfBounds)
	m.e(m.a.Store(x.Size64, x.AddrIndex(scratch, gpr(idx), 8, 0), gpr(val)))
}

func (m *MacroAssembler) VMCtxAddr(dst masm.Reg, off int32) {
	m.e(m.a.Lea(x.Size64, gpr(dst), x.Addr(vmctxReg, off)))
}

// EndFunction emits the trap stubs, exit stubs and jump tables after the
// body, and clears the per-function lists.
func (m *MacroAssembler) EndFunction() {
	a := m.a
	// Each trap site is one call to a stub shared by the sites of its
	// code: the call's return address is the site (for the trap record
	// and the backtrace's source location), the stub passes it as the
	// exit's resume address.
	var used [vm.NumTrapCodes]bool
	calls := m.stubCalls[:0]
	for _, t := range m.traps {
		m.e(a.PatchRel32(t.field, m.buf.Len()))
		m.buf.SetSrcLoc(t.loc)
		m.buf.AddTrap(encoder.TrapCode(t.code))
		if t.hasArg {
			m.storeContext()
			m.e(a.Store(x.Size64, x.Addr(scratch, vm.SCExitArg(1)), t.arg))
		}
		if t.hasImm {
			m.storeContext()
			m.e(a.StoreImm(x.Size64, x.Addr(scratch, vm.SCExitArg(1)), int64(int32(t.imm))))
		}
		used[t.code] = true
		f, err := a.CallSite()
		m.e(err)
		calls = append(calls, stubCall{f, t.code})
	}
	m.buf.SetSrcLoc(encoder.NoSrcLoc)
	var shared [vm.NumTrapCodes]int
	for code, ok := range used {
		if !ok {
			continue
		}
		shared[code] = m.buf.Len()
		m.storeContext()
		m.e(a.StoreImm(x.Size64, x.Addr(scratch, vm.SCExitArg(0)), int64(code)))
		m.e(a.MovRR(x.Size64, x.RDI, vmctxReg))
		m.e(a.Pop(x.GPR(vm.ABIAmd64.ExitResume)))
		m.e(a.JmpMem(x.Addr(x.RDI, int32(vm.Stub(vm.ExitTrap)))))
	}
	for _, c := range calls {
		m.e(a.PatchRel32(c.field, shared[c.code]))
	}
	m.stubCalls = calls
	for _, s := range m.exits {
		m.buf.Bind(s.label)
		m.buf.SetSrcLoc(s.loc)
		resume := m.buf.NewLabel()
		m.exitSeq(s.kind, resume)
		m.buf.Bind(resume)
		m.e(a.MovRR(x.Size64, vmctxReg, x.RDI))
		m.reloadMemBase()
		m.e(a.Jmp(s.back))
	}
	m.buf.SetSrcLoc(encoder.NoSrcLoc)
	for _, t := range m.tables {
		a.JumpTable(t.label, t.targets)
	}
	m.frameFixups = m.frameFixups[:0]
	m.traps = m.traps[:0]
	m.exits = m.exits[:0]
	m.tables = m.tables[:0]
}

// Finish finishes the buffer.
func (m *MacroAssembler) Finish() (*encoder.Code, error) {
	if m.err != nil {
		return nil, m.err
	}
	return m.buf.Finish()
}
