// Package amd64 implements the baseline compiler's MacroAssembler
// (kiln/baseline/masm) for x86-64 on kiln/encoder/amd64. It is the only
// place in the baseline tier that knows x86 registers and instructions.
//
// Register conventions inside a baseline function (on top of vm.ABIAmd64):
//
//	r15   the VM context, pinned for the whole body (saved at [rbp-8] and
//	      reloaded after every call and exit, which clobber everything)
//	rbx   memory 0's base in modules with a memory (PinMemory0), loaded
//	      in the prologue and reloaded wherever r15 is
//	r11   integer scratch (also the ABI's exit-stub scratch)
//	xmm15 float scratch
//	r14   Go's g (reserved), rsp/rbp the frame
//	rax, rcx, rdx, rsi, rdi, r8-r10, r12, r13 (and rbx when not pinned),
//	xmm0-14: allocatable
//
// Frame: [rbp+16...] incoming stack arguments/results, [rbp+8] return
// address, [rbp] caller's rbp, [rbp-8] the VM context, then the
// generator's slots; the outgoing argument area at [rsp].
//
// Traps and exits are out-of-line code emitted by EndFunction: each trap
// site is a call (carrying the trap record and source location) to a stub
// per trap code, which stores the code in ExitArgs[0], pops the site's
// address into rax as the resume address and jumps to the VM context's
// ExitTrap stub; exit stubs (preemption, interrupt) resume at a label
// that reloads r15 (and rbx) and jumps back.
package amd64

import (
	"encoding/binary"
	"math"

	"kiln/baseline/masm"
	"kiln/encoder"
	x "kiln/encoder/amd64"
	"kiln/ir/vm"
)

const (
	// memBaseReg holds memory 0's base in functions that pin it (no
	// encoding quirks as a base register, unlike r12/r13).
	memBaseReg = x.RBX
	vmctxReg   = x.R15
	scratch    = x.R11
	fscratch   = x.X15
	vmctxSlot  = -8 // [rbp-8] holds the VM context
	incomingAt = 16 // stack arguments start above the saved rbp and return address
)

// trapStub is a pending out-of-line trap exit. The branch to it is a
// label-free branch site (x.Assembler.JccSite) that EndFunction points at
// the stub: trap sites are a large share of all branches, and need none of
// the buffer's label bookkeeping.
type trapStub struct {
	field int // offset of the site branch's rel32
	code  vm.TrapCode
	loc   uint32
	// arg, when hasArg, is stored in ExitArgs[1] (a detail of the trap).
	arg    x.GPR
	hasArg bool
	// imm, when hasImm, is stored in ExitArgs[1] (a small detail).
	imm    uint64
	hasImm bool
}

// exitStub is a pending out-of-line exit that resumes at back.
type exitStub struct {
	label, back encoder.Label
	kind        vm.ExitKind
	loc         uint32
}

// jumpTable is a pending br_table table.
type jumpTable struct {
	label   encoder.Label
	targets []encoder.Label
}

// MacroAssembler is the amd64 masm.MacroAssembler.
type MacroAssembler struct {
	buf *encoder.Buffer
	a   *x.Assembler
	err error
	loc uint32

	frameFixups []int // offsets of imm32 fields holding the frame size
	traps       []trapStub
	stubCalls   []stubCall // EndFunction's calls to the shared trap stubs
	exits       []exitStub
	tables      []jumpTable

	// pinned: memory 0's base lives in memBaseReg for the function.
	pinned bool
}

var _ masm.MacroAssembler = (*MacroAssembler)(nil)

// New returns a MacroAssembler emitting into a fresh buffer.
func New() *MacroAssembler {
	buf := encoder.NewBuffer(x.BufferISA)
	return &MacroAssembler{buf: buf, a: x.New(buf), loc: encoder.NoSrcLoc}
}

// Reset prepares m for another function, keeping its storage.
func (m *MacroAssembler) Reset() {
	m.buf.Reset()
	m.a, m.err, m.loc = x.New(m.buf), nil, encoder.NoSrcLoc
	m.frameFixups = m.frameFixups[:0]
	m.traps = m.traps[:0]
	m.exits = m.exits[:0]
	m.tables = m.tables[:0]
}

// stubCall is a call from a trap site to the stub of its trap code.
type stubCall struct {
	field int
	code  vm.TrapCode
}

func (m *MacroAssembler) e(err error) {
	if err != nil && m.err == nil {
		m.err = err
	}
}

func gpr(r masm.Reg) x.GPR { return x.GPR(r.Num) }
func xmm(r masm.Reg) x.XMM { return x.XMM(r.Num) }

func size(sz masm.Size) x.Size { return x.Size(sz) }

// ABI implements masm.MacroAssembler.
func (m *MacroAssembler) ABI() *vm.ABI { return vm.ABIAmd64 }

// Allocatable: every integer register but rsp, rbp, r11 (scratch), r14 (g)
// and r15 (VM context); xmm0-14.
func (m *MacroAssembler) Allocatable(c masm.Class) masm.RegSet {
	if c == masm.Float {
		return 1<<15 - 1
	}
	var s masm.RegSet
	for _, r := range []x.GPR{x.RAX, x.RCX, x.RDX, x.RBX, x.RSI, x.RDI, x.R8, x.R9, x.R10, x.R12, x.R13} {
		if r == memBaseReg && m.pinned {
			continue
		}
		s = s.With(uint8(r))
	}
	return s
}

func (m *MacroAssembler) PinMemory0(on bool) { m.pinned = on }

// reloadMemBase refreshes the pinned base after anything that may have
// moved the memory.
func (m *MacroAssembler) reloadMemBase() {
	if m.pinned {
		m.e(m.a.Load(x.Size64, memBaseReg, x.Addr(vmctxReg, vm.VMMemory0Base)))
	}
}

// Clobbers: x86 division uses rdx:rax, variable shifts use cl.
func (m *MacroAssembler) Clobbers(op masm.IntOp) masm.RegSet {
	switch {
	case op.IsDiv():
		return masm.RegSet(0).With(uint8(x.RAX)).With(uint8(x.RDX))
	case op.IsShift():
		return masm.RegSet(0).With(uint8(x.RCX))
	}
	return 0
}

// FrameHeaderSize: [rbp-8] holds the VM context.
func (m *MacroAssembler) FrameHeaderSize() int32 { return 8 }

func (m *MacroAssembler) Buffer() *encoder.Buffer { return m.buf }
func (m *MacroAssembler) NewLabel() masm.Label    { return m.buf.NewLabel() }
func (m *MacroAssembler) Bind(l masm.Label)       { m.buf.Bind(l) }

// SetSrcLoc records the wasm offset of the instruction being translated.
// The buffer's address map gets it only where the runtime looks: call
// instructions and exit sequences (return and resume addresses of
// backtrace frames) and trap stubs. A range per operator would cost more
// than the rest of the compilation's allocations together.
func (m *MacroAssembler) SetSrcLoc(loc uint32) { m.loc = loc }

// markLoc opens (and closeLoc ends) an address-map range for the current
// wasm instruction around a call or exit.
func (m *MacroAssembler) markLoc()  { m.buf.SetSrcLoc(m.loc) }
func (m *MacroAssembler) closeLoc() { m.buf.SetSrcLoc(encoder.NoSrcLoc) }

func (m *MacroAssembler) VMCtxReg() masm.Reg { return masm.IntReg(vm.Reg(vmctxReg)) }

// addTrap queues a trap stub for the current source location, reached by
// the branch site whose rel32 is at field. It is filled in place (a
// temporary copied in would stall on store forwarding: once per trap site).
func (m *MacroAssembler) addTrap(field int, err error, code vm.TrapCode) *trapStub {
	m.e(err)
	m.traps = append(m.traps, trapStub{})
	t := &m.traps[len(m.traps)-1]
	t.field, t.code, t.loc = field, code, m.loc
	return t
}

func (m *MacroAssembler) trapIf(cc x.CC, code vm.TrapCode) {
	f, err := m.a.JccSite(cc)
	m.addTrap(f, err, code)
}

// frameImm emits op reg, imm32 with a placeholder frame size.
func (m *MacroAssembler) frameImm(op x.AluOp, r x.GPR) {
	m.e(m.a.AluRI(op, x.Size64, r, 0x7ffffff0))
	m.frameFixups = append(m.frameFixups, m.buf.Len()-4)
}

// Prologue: push rbp; mov rbp, rsp; pin the VM context; check that the
// whole frame fits above the stack limit; reserve it; save the VM context.
func (m *MacroAssembler) Prologue() {
	a := m.a
	m.e(a.Push(x.RBP))
	m.e(a.MovRR(x.Size64, x.RBP, x.RSP))
	m.e(a.MovRR(x.Size64, vmctxReg, x.RDI))
	m.e(a.MovRR(x.Size64, scratch, x.RSP))
	m.frameImm(x.Sub, scratch)
	m.e(a.AluRM(x.Cmp, x.Size64, scratch, x.Addr(vmctxReg, vm.VMStackLimit)))
	m.trapIf(x.CondB, vm.TrapStackOverflow)
	m.frameImm(x.Sub, x.RSP)
	m.e(a.Store(x.Size64, x.Addr(x.RBP, vmctxSlot), vmctxReg))
	m.reloadMemBase()
}

// PatchFrame writes the frame size (rounded to the stack alignment) into
// the prologue's placeholders.
func (m *MacroAssembler) PatchFrame(frameSize int32) {
	frameSize = (frameSize + 15) &^ 15
	b := m.buf.Bytes()
	for _, off := range m.frameFixups {
		binary.LittleEndian.PutUint32(b[off:], uint32(frameSize))
	}
}

func (m *MacroAssembler) Return() {
	m.e(m.a.MovRR(x.Size64, x.RSP, x.RBP))
	m.e(m.a.Pop(x.RBP))
	m.e(m.a.Ret())
}

// ZeroSlots stores zero into n words; long runs use a loop so a function
// with thousands of locals does not get thousands of stores.
func (m *MacroAssembler) ZeroSlots(s masm.Slot, n int) {
	a := m.a
	if n <= 0 {
		return
	}
	m.e(a.AluRR(x.Xor, x.Size32, scratch, scratch))
	if n <= 16 {
		for i := 0; i < n; i++ {
			mem := m.slot(masm.Slot{Base: s.Base, Off: s.Off + int32(8*i)})
			m.e(a.Store(x.Size64, mem, scratch))
		}
		return
	}
	// rax and rcx are free here: the prologue has stored the parameters.
	m.e(a.Lea(x.Size64, x.RAX, m.slot(s)))
	m.e(a.MovRI(x.Size32, x.RCX, int64(n)))
	loop := m.buf.NewLabel()
	m.buf.Bind(loop)
	m.e(a.Store(x.Size64, x.Addr(x.RAX, 0), scratch))
	m.e(a.AluRI(x.Add, x.Size64, x.RAX, 8))
	m.e(a.UnaryR(x.Dec, x.Size32, x.RCX))
	m.e(a.Jcc(x.CondNE, loop))
}

func (m *MacroAssembler) ReloadVMCtx() {
	m.e(m.a.Load(x.Size64, vmctxReg, x.Addr(x.RBP, vmctxSlot)))
	m.reloadMemBase()
}

func (m *MacroAssembler) slot(s masm.Slot) x.Mem {
	switch s.Base {
	case masm.VMCtx:
		return x.Addr(vmctxReg, s.Off)
	case masm.Incoming:
		return x.Addr(x.RBP, incomingAt+s.Off)
	case masm.Outgoing:
		return x.Addr(x.RSP, s.Off)
	}
	return x.Addr(x.RBP, s.Off)
}

func (m *MacroAssembler) Move(sz masm.Size, dst, src masm.Reg) {
	if dst == src {
		return
	}
	if dst.Class == masm.Float {
		m.e(m.a.Sse(x.Movaps, xmm(dst), xmm(src)))
		return
	}
	m.e(m.a.MovRR(size(max(sz, masm.S32)), gpr(dst), gpr(src)))
}

func (m *MacroAssembler) LoadSlot(sz masm.Size, dst masm.Reg, s masm.Slot) {
	mem := m.slot(s)
	if dst.Class == masm.Float {
		op := x.Movsd
		if sz == masm.S32 {
			op = x.Movss
		}
		m.e(m.a.SseM(op, xmm(dst), mem))
		return
	}
	m.e(m.a.Load(size(sz), gpr(dst), mem))
}

func (m *MacroAssembler) StoreSlot(sz masm.Size, s masm.Slot, src masm.Reg) {
	mem := m.slot(s)
	if src.Class == masm.Float {
		op := x.MovsdSt
		if sz == masm.S32 {
			op = x.MovssSt
		}
		m.e(m.a.SseStore(op, mem, xmm(src)))
		return
	}
	m.e(m.a.Store(size(sz), mem, gpr(src)))
}

func fitsImm32(v int64) bool { return v == int64(int32(v)) }

func (m *MacroAssembler) StoreImm(sz masm.Size, s masm.Slot, imm uint64) {
	mem := m.slot(s)
	if sz == masm.S32 {
		m.e(m.a.StoreImm(x.Size32, mem, int64(int32(uint32(imm)))))
		return
	}
	if fitsImm32(int64(imm)) {
		m.e(m.a.StoreImm(x.Size64, mem, int64(imm)))
		return
	}
	m.e(m.a.MovAbs(scratch, imm))
	m.e(m.a.Store(x.Size64, mem, scratch))
}

func (m *MacroAssembler) CopySlot(sz masm.Size, dst, src masm.Slot) {
	if sz < masm.S32 {
		sz = masm.S32
	}
	m.e(m.a.Load(size(sz), scratch, m.slot(src)))
	m.e(m.a.Store(size(sz), m.slot(dst), scratch))
}

func (m *MacroAssembler) LoadImm(sz masm.Size, dst masm.Reg, imm uint64) {
	if dst.Class == masm.Float {
		if imm == 0 {
			m.e(m.a.Sse(x.Xorps, xmm(dst), xmm(dst)))
			return
		}
		m.loadIntImm(sz, scratch, imm)
		m.e(m.a.SseFromGPR(x.MovdToX, size(sz), xmm(dst), scratch))
		return
	}
	m.loadIntImm(sz, gpr(dst), imm)
}

func (m *MacroAssembler) loadIntImm(sz masm.Size, r x.GPR, imm uint64) {
	switch {
	case imm == 0:
		m.e(m.a.AluRR(x.Xor, x.Size32, r, r))
	case sz == masm.S32 || imm <= math.MaxUint32:
		m.e(m.a.MovRI(x.Size32, r, int64(int32(uint32(imm)))))
	case fitsImm32(int64(imm)):
		m.e(m.a.MovRI(x.Size64, r, int64(imm)))
	default:
		m.e(m.a.MovAbs(r, imm))
	}
}

func (m *MacroAssembler) LoadIndirect(sz masm.Size, dst masm.Reg, s masm.Slot, off int32) {
	m.e(m.a.Load(x.Size64, scratch, m.slot(s)))
	mem := x.Addr(scratch, off)
	if dst.Class == masm.Float {
		op := x.Movsd
		if sz == masm.S32 {
			op = x.Movss
		}
		m.e(m.a.SseM(op, xmm(dst), mem))
		return
	}
	m.e(m.a.Load(size(sz), gpr(dst), mem))
}

func (m *MacroAssembler) StoreIndirect(sz masm.Size, s masm.Slot, off int32, src masm.Reg) {
	m.e(m.a.Load(x.Size64, scratch, m.slot(s)))
	mem := x.Addr(scratch, off)
	if src.Class == masm.Float {
		op := x.MovsdSt
		if sz == masm.S32 {
			op = x.MovssSt
		}
		m.e(m.a.SseStore(op, mem, xmm(src)))
		return
	}
	m.e(m.a.Store(size(sz), mem, gpr(src)))
}
