package amd64

import (
	"fmt"

	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/regalloc"
)

// abi is a calling convention: where arguments and results go. system_v is
// the platform convention; kiln's fast and tail conventions are system_v's
// register assignment too (fast means "whatever kiln's callers and callees
// agree on", and agreeing with the platform costs nothing on amd64), so
// a call between tiers or to the host needs no adapter.
type abi struct {
	intArgs, floatArgs []asm.GPR
	xmmArgs            []asm.XMM
	intRets            []asm.GPR
	xmmRets            []asm.XMM
	calleeSaved        []asm.GPR
}

var systemV = &abi{
	intArgs:     []asm.GPR{asm.RDI, asm.RSI, asm.RDX, asm.RCX, asm.R8, asm.R9},
	xmmArgs:     []asm.XMM{asm.X0, asm.X1, asm.X2, asm.X3, asm.X4, asm.X5, asm.X6, asm.X7},
	intRets:     []asm.GPR{asm.RAX, asm.RDX},
	xmmRets:     []asm.XMM{asm.X0, asm.X1},
	calleeSaved: []asm.GPR{asm.RBX, asm.R12, asm.R13, asm.R14, asm.R15},
}

// abiFor returns the convention of cc.
func abiFor(cc ir.CallConv) (*abi, error) {
	switch cc {
	case ir.CallConvSystemV, ir.CallConvFast, ir.CallConvTail, ir.CallConvUnset:
		return systemV, nil
	}
	return nil, fmt.Errorf("%w: calling convention %s", ErrUnsupported, cc)
}

// argLoc is where one argument or result lives: a register, or a stack
// offset (from the caller's SP at the call; from FP+16 in the callee).
type argLoc struct {
	reg   regalloc.PReg
	stack int32 // -1 when in a register
}

func gprP(r asm.GPR) regalloc.PReg { return regalloc.NewPReg(regalloc.Int, int(r)) }
func xmmP(r asm.XMM) regalloc.PReg { return regalloc.NewPReg(regalloc.Float, int(r)) }

// assign places values of the given types, one location per register part.
// Arguments and results that find no register go to 8-byte stack slots: as
// in kiln's wasm convention (ir/vm), results beyond the registers are
// written by the callee into the caller's outgoing argument area at the
// slots stack arguments use, so no hidden return-area pointer is needed
// (an i128 takes two consecutive integer registers, low half first, as in
// System V); the returned size is the stack area they need (a multiple of
// 16).
//
// The locations are appended to dst[:0], so a caller that keeps dst
// assigns every call's signature without allocating.
func (a *abi) assign(dst []argLoc, params []ir.AbiParam, results bool) ([]argLoc, int32, error) {
	ints, xmms := a.intArgs, a.xmmArgs
	if results {
		ints, xmms = a.intRets, a.xmmRets
	}
	var ni, nx int
	var stack int32
	locs := dst[:0]
	for _, p := range params {
		t := p.Type
		halves := 1
		if t == ir.I128 {
			halves = 2
		}
		for range halves {
			switch {
			case t.IsVector() || (t.Bits() > 64 && t != ir.I128):
				return nil, 0, fmt.Errorf("%w: type %s in a signature", ErrUnsupported, t)
			case t.IsFloat():
				if nx < len(xmms) {
					locs = append(locs, argLoc{reg: xmmP(xmms[nx]), stack: -1})
					nx++
					continue
				}
			default:
				if ni < len(ints) {
					locs = append(locs, argLoc{reg: gprP(ints[ni]), stack: -1})
					ni++
					continue
				}
			}
			if t == ir.I128 {
				return nil, 0, fmt.Errorf("%w: i128 passed on the stack", ErrUnsupported)
			}
			locs = append(locs, argLoc{reg: regalloc.NoPReg, stack: stack})
			stack += 8
		}
	}
	return locs, (stack + 15) &^ 15, nil
}

// locsOf is cabi.assign into the k-th of the reused location buffers: a
// call needs its parameters' and results' at once (buffers 0 and 1), and
// a tail call its own function's sizes as well (buffer 2).
func (be *backend) locsOf(k int, cabi *abi, params []ir.AbiParam, results bool) ([]argLoc, int32, error) {
	locs, size, err := cabi.assign(be.s.locs[k], params, results)
	if locs != nil {
		be.s.locs[k] = locs[:0]
	}
	return locs, size, err
}

// callerSaved is what a call clobbers under system_v: every register but
// the callee-saved ones, RSP and RBP; all XMM registers.
var callerSaved = func() regalloc.RegSet {
	var s regalloc.RegSet
	for _, r := range []asm.GPR{asm.RAX, asm.RCX, asm.RDX, asm.RSI, asm.RDI, asm.R8, asm.R9, asm.R10, asm.R11} {
		s.Add(gprP(r))
	}
	for x := asm.X0; x <= asm.X15; x++ {
		s.Add(xmmP(x))
	}
	return s
}()

// machineEnv is what the allocator may use: caller-saved registers first,
// callee-saved after; R11 and XMM15 are the move-resolution scratch
// registers (and free for emission sequences between edits).
var machineEnv = func() *regalloc.MachineEnv {
	e := &regalloc.MachineEnv{}
	for _, r := range []asm.GPR{asm.RAX, asm.RCX, asm.RDX, asm.RSI, asm.RDI, asm.R8, asm.R9, asm.R10} {
		e.Preferred.Add(gprP(r))
	}
	for _, r := range systemV.calleeSaved {
		e.NonPreferred.Add(gprP(r))
	}
	for x := asm.X0; x <= asm.X14; x++ {
		e.Preferred.Add(xmmP(x))
	}
	e.Scratch.Add(gprP(asm.R11))
	e.Scratch.Add(xmmP(asm.X15))
	return e
}()
