package amd64

import (
	"kiln/baseline/masm"
	"kiln/encoder"
	x "kiln/encoder/amd64"
	"kiln/ir/vm"
)

// argLoc is where one parameter or result travels in the wasm convention:
// a register of its class, or the 8-byte stack slot at offset stack of the
// argument area.
type argLoc struct {
	reg   masm.Reg
	stack int32 // -1 for a register
}

// assign places values by the convention (vm.ABIAmd64): each class takes
// its registers in order, the rest go to consecutive stack slots. It
// returns the locations and the stack area's size in bytes.
func assign(tys []masm.Ty, results bool) ([]argLoc, int32) {
	abi := vm.ABIAmd64
	ints, floats := abi.IntParams, abi.FloatParams
	if results {
		ints, floats = abi.IntResults, abi.FloatResults
	}
	locs := make([]argLoc, len(tys))
	var ni, nf int
	var stack int32
	for i, t := range tys {
		switch {
		case t.Class == masm.Int && ni < len(ints):
			locs[i] = argLoc{reg: masm.IntReg(ints[ni]), stack: -1}
			ni++
		case t.Class == masm.Float && nf < len(floats):
			locs[i] = argLoc{reg: masm.FloatReg(floats[nf]), stack: -1}
			nf++
		default:
			locs[i] = argLoc{stack: stack}
			stack += 8
		}
	}
	return locs, stack
}

func align16(n int32) int32 { return (n + 15) &^ 15 }

// loadValue loads a value of type t from mem into r; i32 with a 4-byte
// load so its upper half is zero whatever the writer left there.
func (m *MacroAssembler) loadValue(t masm.Ty, r masm.Reg, mem x.Mem) {
	if r.Class == masm.Float {
		m.e(m.a.SseM(fop(t.Size, x.Movss, x.Movsd), xmm(r), mem))
		return
	}
	m.e(m.a.Load(size(t.Size), gpr(r), mem))
}

// storeValue stores r to an 8-byte slot (floats as their bits; an i32's
// upper half is zero by the register invariant).
func (m *MacroAssembler) storeValue(r masm.Reg, mem x.Mem) {
	if r.Class == masm.Float {
		m.e(m.a.SseStore(x.MovsdSt, mem, xmm(r)))
		return
	}
	m.e(m.a.Store(x.Size64, mem, gpr(r)))
}

// ArrayEntry: rdi/rsi hold the callee/caller VM contexts (passed through),
// rdx the values array, rcx its length (the runtime sized it for the
// signature). The frame keeps the array address at [rbp-8] across the
// call and reserves the callee's stack argument/result area at rsp.
func (m *MacroAssembler) ArrayEntry(funcIndex uint32, params, results []masm.Ty) {
	a := m.a
	plocs, pstack := assign(params, false)
	rlocs, rstack := assign(results, true)
	frame := 16 + align16(max(pstack, rstack))
	m.e(a.Push(x.RBP))
	m.e(a.MovRR(x.Size64, x.RBP, x.RSP))
	m.e(a.AluRI(x.Sub, x.Size64, x.RSP, int64(frame)))
	m.e(a.Store(x.Size64, x.Addr(x.RBP, -8), x.RDX))
	m.e(a.MovRR(x.Size64, scratch, x.RDX))
	// Stack parameters first (through rax), then registers, so no
	// parameter register is overwritten after it was loaded; rdx, the
	// array pointer, is copied to r11 above.
	for i, l := range plocs {
		if l.stack >= 0 {
			m.e(a.Load(x.Size64, x.RAX, x.Addr(scratch, int32(vm.ValueSlotSize*i))))
			m.e(a.Store(x.Size64, x.Addr(x.RSP, l.stack), x.RAX))
		}
	}
	for i, l := range plocs {
		if l.stack < 0 {
			m.loadValue(params[i], l.reg, x.Addr(scratch, int32(vm.ValueSlotSize*i)))
		}
	}
	m.e(a.CallSym(encoder.Symbol{Kind: encoder.SymFunc, Index: funcIndex}))
	m.e(a.Load(x.Size64, scratch, x.Addr(x.RBP, -8)))
	for i, l := range rlocs {
		if l.stack < 0 {
			m.storeValue(l.reg, x.Addr(scratch, int32(vm.ValueSlotSize*i)))
		}
	}
	for i, l := range rlocs {
		if l.stack >= 0 {
			m.e(a.Load(x.Size64, x.RAX, x.Addr(x.RSP, l.stack)))
			m.e(a.Store(x.Size64, x.Addr(scratch, int32(vm.ValueSlotSize*i)), x.RAX))
		}
	}
	m.Return()
	m.EndFunction()
}

// HostCall: a wasm-convention function whose body is one exit. The values
// array lives at rsp; its address and the import index are the exit's
// arguments.
func (m *MacroAssembler) HostCall(importIndex uint32, params, results []masm.Ty) {
	a := m.a
	plocs, _ := assign(params, false)
	rlocs, _ := assign(results, true)
	n := int32(max(len(params), len(results), 1))
	frame := align16(vm.ValueSlotSize * n)
	m.e(a.Push(x.RBP))
	m.e(a.MovRR(x.Size64, x.RBP, x.RSP))
	m.e(a.MovRR(x.Size64, vmctxReg, x.RDI))
	m.e(a.MovRR(x.Size64, scratch, x.RSP))
	m.e(a.AluRI(x.Sub, x.Size64, scratch, int64(frame)))
	m.e(a.AluRM(x.Cmp, x.Size64, scratch, x.Addr(vmctxReg, vm.VMStackLimit)))
	m.trapIf(x.CondB, vm.TrapStackOverflow)
	m.e(a.AluRI(x.Sub, x.Size64, x.RSP, int64(frame)))
	for i, l := range plocs {
		at := x.Addr(x.RSP, int32(vm.ValueSlotSize*i))
		switch {
		case l.stack >= 0:
			m.e(a.Load(size(params[i].Size), scratch, x.Addr(x.RBP, incomingAt+l.stack)))
			m.e(a.Store(x.Size64, at, scratch))
		case params[i].Class == masm.Int && params[i].Size == masm.S32:
			m.e(a.MovRR(x.Size32, scratch, gpr(l.reg)))
			m.e(a.Store(x.Size64, at, scratch))
		default:
			m.storeValue(l.reg, at)
		}
	}
	m.StoreExitArgImm(0, uint64(importIndex))
	m.e(a.Store(x.Size64, x.Addr(scratch, vm.SCExitArg(1)), x.RSP))
	m.Exit(vm.ExitHostCall)
	for i, l := range rlocs {
		at := x.Addr(x.RSP, int32(vm.ValueSlotSize*i))
		if l.stack >= 0 {
			m.e(a.Load(x.Size64, scratch, at))
			m.e(a.Store(x.Size64, x.Addr(x.RBP, incomingAt+l.stack), scratch))
			continue
		}
		m.loadValue(results[i], l.reg, at)
	}
	m.Return()
	m.EndFunction()
}
