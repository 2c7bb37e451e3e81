package amd64

import (
	"slices"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/ir/vm"
	"kiln/regalloc"
)

// WasmOptions switch the back end from the CLIF test conventions to kiln's
// wasm contract (kiln/ir/vm): functions and calls of call convention
// `tail` follow vm.ABIAmd64, traps become exits to the runtime, every
// prologue checks the stack limit, and calls to two reserved ext-func
// namespaces are expanded into runtime exits and preemption checks.
type WasmOptions struct {
	// ExitNamespace: a call to uN:K with N = ExitNamespace is runtime exit
	// vm.ExitKind K. Its first argument is the VM context, the others
	// (I64) go to StoreContext.ExitArgs; its one result, if any, is
	// ExitArgs[0] after the runtime resumes the code.
	ExitNamespace uint32
	// CheckNamespace: a call to uN:0 with N = CheckNamespace is the
	// preemption check (compare g.stackguard0 with vm.StackPreempt, exit
	// with vm.ExitPreempt when equal). It clobbers nothing.
	CheckNamespace uint32
	// TrapCode maps the IR trap codes of trap, trapz, trapnz and the
	// back end's own checks to the runtime's.
	TrapCode func(ir.TrapCode) vm.TrapCode
	// Interruptible makes every check also test StoreContext.Interrupt
	// and exit with vm.ExitInterrupt when it is non-zero
	// (vm.CompileOptions.Interruptible).
	Interruptible bool
}

// wasmABI is vm.ABIAmd64: System V's register order (the two VM contexts
// in rdi and rsi, then rdx, rcx, r8, r9; xmm0-7; results rax, rdx, xmm0,
// xmm1), nothing callee-saved, because an exit to Go anywhere below a
// call loses every register anyway.
var wasmABI = &abi{
	intArgs: systemV.intArgs,
	xmmArgs: systemV.xmmArgs,
	intRets: systemV.intRets,
	xmmRets: systemV.xmmRets,
}

// wasmClobbers is what a wasm call or exit clobbers: every register but
// rsp, rbp and r14 (g, vm.ABIAmd64.Reserved).
var wasmClobbers = func() regalloc.RegSet {
	var s regalloc.RegSet
	for r := asm.RAX; r <= asm.R15; r++ {
		if r != asm.RSP && r != asm.RBP && r != asm.R14 {
			s.Add(gprP(r))
		}
	}
	for x := asm.X0; x <= asm.X15; x++ {
		s.Add(xmmP(x))
	}
	return s
}()

// wasmMachineEnv is machineEnv without r14, which holds g in wasm code.
var wasmMachineEnv = func() *regalloc.MachineEnv {
	e := &regalloc.MachineEnv{}
	for _, r := range []asm.GPR{asm.RAX, asm.RCX, asm.RDX, asm.RSI, asm.RDI, asm.R8, asm.R9, asm.R10, asm.RBX, asm.R12, asm.R13, asm.R15} {
		e.Preferred.Add(gprP(r))
	}
	for x := asm.X0; x <= asm.X14; x++ {
		e.Preferred.Add(xmmP(x))
	}
	e.Scratch.Add(gprP(asm.R11))
	e.Scratch.Add(xmmP(asm.X15))
	return e
}()

// The wasm frame's reserved area (lower.Frame.Reserved), FP-relative: the
// VM context, saved by the prologue so trap and preemption stubs find it
// whatever register allocation did, then the register save area of the
// preemption check's slow path.
const (
	vmctxSlot    = -8
	saveAreaBase = -16
)

// calleeABI returns the convention of a call or function of convention cc.
func (be *backend) calleeABI(cc ir.CallConv) (*abi, error) {
	if be.wasm != nil && cc == ir.CallConvTail {
		return wasmABI, nil
	}
	return abiFor(cc)
}

// clobbersOf is what a call under convention a clobbers.
func clobbersOf(a *abi) regalloc.RegSet {
	if a == wasmABI {
		return wasmClobbers
	}
	return callerSaved
}

// lowerSpecialCall lowers calls to the exit and check namespaces in wasm
// mode; ok is false for any other call.
func (be *backend) lowerSpecialCall(c *ctx, i ir.Inst) (bool, error) {
	f := c.F
	d := &f.DFG.Insts[i]
	if be.wasm == nil || d.Opcode != ir.OpCall {
		return false, nil
	}
	fr := d.FuncRef()
	if int(fr) < 0 || int(fr) >= len(f.ExtFuncs) {
		return false, nil
	}
	name := f.ExtFuncs[fr].Name
	if name.Kind != ir.NameUser {
		return false, nil
	}
	switch name.Namespace {
	case be.wasm.CheckNamespace:
		be.hasCheck = true
		emit(c, Inst{Op: opPreemptCheck})
		return true, nil
	case be.wasm.ExitNamespace:
		kind := vm.ExitKind(name.Index)
		args := f.DFG.Args(i)
		if len(args) == 0 || len(args)-1 > vm.NumExitArgs || kind >= vm.NumExitKinds {
			return true, unsupported(c, "malformed exit call "+name.String())
		}
		ops := []regalloc.Operand{regalloc.FixedUse(c.VReg(args[0]), gprP(asm.RDI))}
		for _, a := range args[1:] {
			if c.F.DFG.ValueType(a).IsFloat() || c.F.DFG.ValueType(a).Bits() > 64 {
				return true, unsupported(c, "exit argument of type "+c.F.DFG.ValueType(a).String())
			}
			ops = append(ops, use(c, a))
		}
		in := Inst{Op: opExit, Imm: int64(kind), Sub: uint8(len(args) - 1)}
		if res := f.DFG.Results(i); len(res) > 0 {
			in.HasImm = true
			ops = append(ops, regalloc.FixedDef(c.Output(res[0]), gprP(asm.RAX)))
		}
		emitClobber(c, in, wasmClobbers, ops...)
		return true, nil
	}
	return false, nil
}

// wasmStub is out-of-line code emitted after the function body: a trap
// exit, or the slow path of a preemption check.
type wasmStub struct {
	label encoder.Label
	kind  uint8 // stubTrap, stubTrapEntry, stubResume
	code  vm.TrapCode
	loc   uint32
	exit  vm.ExitKind   // stubResume: ExitPreempt or ExitInterrupt
	back  encoder.Label // stubResume: where to go on after the exit
}

const (
	stubTrap      uint8 = iota // the VM context is in the frame slot
	stubTrapEntry              // prologue stack check: the VM context is still in rdi
	stubResume                 // an exit that resumes, every register saved around it
)

// SetSrcLoc implements lower.SrcLocSetter.
func (e *emitter) SetSrcLoc(loc ir.SourceLoc) {
	e.curLoc = uint32(loc)
	e.buf.SetSrcLoc(uint32(loc))
}

func (e *emitter) vmTrap(code encoder.TrapCode) vm.TrapCode {
	return e.wasm.TrapCode(ir.TrapCode(code))
}

// trapIf branches to a trap when cc holds: an out-of-line ud2 normally, a
// trap exit in wasm mode (one per trap code and source location).
func (e *emitter) trapIf(cc asm.CC, code encoder.TrapCode) error {
	if e.wasm == nil {
		return e.a.TrapIf(cc, code)
	}
	return e.a.Jcc(cc, e.trapStub(stubTrap, e.vmTrap(code)))
}

// trap traps unconditionally.
func (e *emitter) trap(code encoder.TrapCode) error {
	if e.wasm == nil {
		return e.a.Trap(code)
	}
	e.emitTrapSite(stubTrap, e.vmTrap(code))
	return nil
}

func (e *emitter) trapStub(kind uint8, code vm.TrapCode) encoder.Label {
	loc := e.curLoc
	key := uint64(kind)<<40 | uint64(code)<<32 | uint64(loc)
	slot := e.stubIndex.find(key)
	if slot.stamp == e.stubIndex.stamp {
		return slot.label
	}
	l := e.a.NewLabel()
	e.stubs = append(e.stubs, wasmStub{label: l, kind: kind, code: code, loc: loc})
	e.stubIndex.insert(slot, key, l)
	return l
}

// stubTable finds the trap stubs of the function being emitted by kind,
// trap code and source location (trapStub shares one per key). A function
// with many trap sites (a bounds check per access) has thousands; scanning
// them for each new site was quadratic, a tenth of emission on strconv,
// and a Go map, cleared for each function, still cost a quarter of a trap
// site's emission. It is an open-addressing table whose slots carry the
// stamp of the function that filled them, so moving to the next function
// clears nothing; the compilation's reused storage keeps it. A function
// uses only the first size slots, grown with its stubs, so a small one
// touches a few cache lines, not the whole table the largest one needed.
type stubTable struct {
	slots []stubSlot // a power of two of them
	size  int        // slots in use: a power of two, at least twice n
	stamp uint32     // of the current function; a slot with another is free
	n     int
	moved []stubSlot // scratch for growing
}

type stubSlot struct {
	key   uint64 // kind<<40 | code<<32 | loc
	stamp uint32 // 0: never current
	label encoder.Label
}

// stubTableMin is the number of slots a function starts with.
const stubTableMin = 64

// reset empties the table for the next function.
func (t *stubTable) reset() {
	t.n = 0
	if len(t.slots) == 0 {
		t.slots = make([]stubSlot, stubTableMin)
	}
	t.size = stubTableMin
	if t.stamp++; t.stamp == 0 {
		// Wrapped: slots of 2^32 functions ago could look current.
		clear(t.slots)
		t.stamp = 1
	}
}

// find returns key's slot, or the free slot where it belongs.
func (t *stubTable) find(key uint64) *stubSlot {
	mask := uint64(t.size - 1)
	// The hash keeps the location's low bits: trap sites come roughly
	// in wasm order, so consecutive lookups touch neighbouring slots
	// instead of a random cache line each.
	for h := key ^ key>>29 ^ key>>37; ; h++ {
		s := &t.slots[h&mask]
		if s.stamp != t.stamp || s.key == key {
			return s
		}
	}
}

// insert fills the free slot that find returned for key.
func (t *stubTable) insert(s *stubSlot, key uint64, l encoder.Label) {
	*s = stubSlot{key: key, stamp: t.stamp, label: l}
	if t.n++; 2*t.n <= t.size {
		return
	}
	moved := t.moved[:0]
	for k := range t.slots[:t.size] {
		if o := &t.slots[k]; o.stamp == t.stamp {
			moved = append(moved, *o)
			o.stamp = 0
		}
	}
	t.moved = moved
	t.size *= 2
	if t.size > len(t.slots) {
		t.slots = make([]stubSlot, t.size)
	}
	for _, o := range moved {
		*t.find(o.key) = o
	}
}

// emitTrapSite is one trap site: a call to the function's shared trap
// exit for the code (emitTrapExits). The call is never returned from: it
// only leaves the site's address on the stack, where the shared exit pops
// it as the exit's resume address, so the runtime attributes the trap to
// this site (its trap record and source location) while the exit
// sequence exists once per trap code. Five bytes per bounds check instead
// of twenty-five.
func (e *emitter) emitTrapSite(kind uint8, code vm.TrapCode) {
	e.buf.AddTrap(encoder.TrapCode(code))
	e.fail(e.a.Call(e.trapExit(kind, code)))
}

// trapExit returns the label of the function's shared trap exit for
// (kind, code).
func (e *emitter) trapExit(kind uint8, code vm.TrapCode) encoder.Label {
	for _, x := range e.trapExits {
		if x.kind == kind && x.code == code {
			return x.label
		}
	}
	l := e.a.NewLabel()
	e.trapExits = append(e.trapExits, wasmStub{label: l, kind: kind, code: code})
	return l
}

// emitTrapExits places the shared trap exits: take the trap site's
// address as the resume address, store the trap code in ExitArgs[0] and
// jump to the trap exit stub, which never resumes.
//
//	pop rax                       ; the site (SP is the body's again)
//	mov rdi, [rbp-8]              ; unless the VM context is still in rdi
//	mov r11, [rdi]                ; the store context
//	mov qword [r11+ExitArgs], code
//	jmp [rdi+Stub(trap)]
func (e *emitter) emitTrapExits() {
	a := e.a
	e.buf.SetSrcLoc(encoder.NoSrcLoc)
	for _, x := range e.trapExits {
		a.Bind(x.label)
		e.fail(a.Pop(asm.RAX))
		if x.kind != stubTrapEntry {
			e.fail(a.Load(asm.Size64, asm.RDI, asm.Addr(asm.RBP, vmctxSlot)))
		}
		e.fail(a.Load(asm.Size64, scratch, asm.Addr(asm.RDI, vm.VMStoreContext)))
		e.fail(a.StoreImm(asm.Size64, asm.Addr(scratch, vm.SCExitArg(0)), int64(x.code)))
		e.fail(a.JmpMem(asm.Addr(asm.RDI, int32(vm.Stub(vm.ExitTrap)))))
	}
	e.trapExits = e.trapExits[:0]
}

// exitJump is the exit sequence proper: the resume address in rax, a jump
// to the kind's stub through the VM context in rdi. The resume point is
// bound right after it.
func (e *emitter) exitJump(k vm.ExitKind) {
	a := e.a
	resume := a.NewLabel()
	e.fail(a.Lea(asm.Size64, asm.RAX, asm.AddrLabel(resume, 0)))
	e.fail(a.JmpMem(asm.Addr(asm.RDI, int32(vm.Stub(k)))))
	a.Bind(resume)
}

// emitExit emits a runtime exit: operands vmctx@rdi, the arguments, and
// the result@rax when Inst.HasImm.
func (e *emitter) emitExit(in *Inst, al []regalloc.Alloc) {
	a := e.a
	n := int(in.Sub)
	if n > 0 {
		e.fail(a.Load(asm.Size64, scratch, asm.Addr(asm.RDI, vm.VMStoreContext)))
		for k := range n {
			e.fail(a.Store(asm.Size64, asm.Addr(scratch, vm.SCExitArg(k)), gpr(al[1+k])))
		}
	}
	e.exitJump(vm.ExitKind(in.Imm))
	if in.HasImm {
		e.fail(a.Load(asm.Size64, scratch, asm.Addr(asm.RDI, vm.VMStoreContext)))
		e.fail(a.Load(asm.Size64, asm.RAX, asm.Addr(scratch, vm.SCExitArg(0))))
	}
}

// emitPreemptCheck compares g.stackguard0 with the preemption sentinel
// and, when interruptible, the store context's interrupt flag with zero
// (through the VM context saved in the frame, so no register is needed:
// r11 is scratch); the slow paths are out of line.
//
//	cmp qword [r14+16], -1314; je preempt
//	mov r11, [rbp-8]; mov r11, [r11]; cmp dword [r11+Interrupt], 0; jne interrupt
func (e *emitter) emitPreemptCheck() {
	a := e.a
	back := a.NewLabel()
	e.fail(a.AluMI(asm.Cmp, asm.Size64, asm.Addr(asm.R14, vm.GStackGuard0Offset), int64(vm.StackPreemptImm32)))
	slow := a.NewLabel()
	e.fail(a.Jcc(asm.CondE, slow))
	e.stubs = append(e.stubs, wasmStub{label: slow, kind: stubResume, exit: vm.ExitPreempt, loc: e.curLoc, back: back})
	if e.wasm.Interruptible {
		e.fail(a.Load(asm.Size64, scratch, asm.Addr(asm.RBP, vmctxSlot)))
		e.fail(a.Load(asm.Size64, scratch, asm.Addr(scratch, vm.VMStoreContext)))
		e.fail(a.AluMI(asm.Cmp, asm.Size32, asm.Addr(scratch, vm.SCInterrupt), 0))
		slow := a.NewLabel()
		e.fail(a.Jcc(asm.CondNE, slow))
		e.stubs = append(e.stubs, wasmStub{label: slow, kind: stubResume, exit: vm.ExitInterrupt, loc: e.curLoc, back: back})
	}
	a.Bind(back)
}

// emitStackCheck is the prologue's stack-limit check (before the frame is
// allocated; the VM context is in rdi):
//
//	lea r11, [rsp - size]
//	cmp r11, [rdi + StackLimit]
//	jb  stack_overflow
func (e *emitter) emitStackCheck(size int32) {
	a := e.a
	e.fail(a.Lea(asm.Size64, scratch, asm.Addr(asm.RSP, -size)))
	e.fail(a.AluRM(asm.Cmp, asm.Size64, scratch, asm.Addr(asm.RDI, vm.VMStackLimit)))
	e.fail(a.Jcc(asm.CondB, e.trapStub(stubTrapEntry, vm.TrapStackOverflow)))
}

// saveSlot is the frame address of the k-th saved register of the
// preemption slow path.
func saveSlot(k int) asm.Mem { return asm.Addr(asm.RBP, int32(saveAreaBase-8*k)) }

// emitStubs places the out-of-line stubs after the body.
func (e *emitter) emitStubs() {
	a := e.a
	var count [vm.NumExitKinds]int
	for _, s := range e.stubs {
		if s.kind == stubResume {
			count[s.exit]++
		}
	}
	var shared [vm.NumExitKinds]bool
	for k, n := range count {
		shared[k] = n >= 2
	}
	var routines [vm.NumExitKinds]encoder.Label
	var order []vm.ExitKind
	for _, s := range e.stubs {
		e.buf.SetSrcLoc(s.loc)
		a.Bind(s.label)
		switch s.kind {
		case stubTrap, stubTrapEntry:
			e.emitTrapSite(s.kind, s.code)
		case stubResume:
			if shared[s.exit] {
				// call the shared routine, which returns here.
				if !slices.Contains(order, s.exit) {
					routines[s.exit] = a.NewLabel()
					order = append(order, s.exit)
				}
				e.fail(a.Call(routines[s.exit]))
			} else {
				e.emitSaveExitRestore(s.exit)
			}
			e.fail(a.Jmp(s.back))
		}
	}
	// A function with several checks of one kind shares one routine:
	// the call left SP 8 below the body's, so it re-aligns around the
	// exit (registers are saved FP-relative, unaffected).
	e.buf.SetSrcLoc(encoder.NoSrcLoc)
	for _, k := range order {
		a.Bind(routines[k])
		e.fail(a.AluRI(asm.Sub, asm.Size64, asm.RSP, 8))
		e.emitSaveExitRestore(k)
		e.fail(a.AluRI(asm.Add, asm.Size64, asm.RSP, 8))
		e.fail(a.Ret())
	}
	e.stubs = e.stubs[:0]
	e.emitTrapExits()
}

// emitSaveExitRestore saves every register the function writes (any may
// be live at a check), takes exit k and restores them: the exit clobbers
// everything. Only the scalar halves of XMM registers: this back end
// keeps no vectors in registers.
func (e *emitter) emitSaveExitRestore(k vm.ExitKind) {
	a := e.a
	for i, r := range e.saveRegs {
		if r.Class() == regalloc.Int {
			e.fail(a.Store(asm.Size64, saveSlot(i), asm.GPR(r.Index())))
		} else {
			e.fail(a.SseStore(asm.MovsdSt, saveSlot(i), asm.XMM(r.Index())))
		}
	}
	e.fail(a.Load(asm.Size64, asm.RDI, asm.Addr(asm.RBP, vmctxSlot)))
	e.exitJump(k)
	for i, r := range e.saveRegs {
		if r.Class() == regalloc.Int {
			e.fail(a.Load(asm.Size64, asm.GPR(r.Index()), saveSlot(i)))
		} else {
			e.fail(a.SseM(asm.Movsd, asm.XMM(r.Index()), saveSlot(i)))
		}
	}
}

// preemptSaveRegs lists the registers the preemption slow path saves:
// everything the allocation writes (incoming arguments included, as their
// fixed definitions), except the scratch registers.
func preemptSaveRegs(out *regalloc.Output) []regalloc.PReg {
	var rs []regalloc.PReg
	for _, r := range out.WrittenRegs.Regs() {
		if r == gprP(scratch) || r == xmmP(xscratch) {
			continue
		}
		if r.Class() == regalloc.Int || r.Class() == regalloc.Float {
			rs = append(rs, r)
		}
	}
	return rs
}
