package jit

import (
	"testing"

	"kiln/encoder"
	. "kiln/encoder/arm64"
	"kiln/ir/vm"
)

const testArch = "arm64"

// asm wraps the arm64 encoder for test programs (errors are collected by
// the buffer and reported by finish). Register use follows vm.ABIArm64:
// X0 vmctx, X2 values, X16/X17 scratch, X28 g.
type asm struct {
	*Asm
	funcs []funcSpan
}

func newAsm() *asm { return &asm{Asm: NewAsm()} }

func (a *asm) finish(t testing.TB) *vm.Artifact {
	t.Helper()
	c, err := a.Buf.Finish()
	if err != nil {
		t.Fatalf("assemble: %v", err)
	}
	return artifactFrom(t, c, a.funcs)
}

func (a *asm) fn() {
	if n := len(a.funcs); n > 0 {
		a.funcs[n-1].end = a.Buf.Len()
	}
	a.funcs = append(a.funcs, funcSpan{start: a.Buf.Len()})
}

func (a *asm) endFn() { a.funcs[len(a.funcs)-1].end = a.Buf.Len() }

// prologue: stp x29, x30, [sp, #-frame]!; mov x29, sp. Locals live at
// [x29+16, x29+frame).
func (a *asm) prologue(frame int64) {
	a.Emit(Stp(FP, LR, PreIndex(SP, -frame)))
	a.Emit(MovSP(FP, SP))
}

func (a *asm) epilogue(frame int64) {
	a.Emit(MovSP(SP, FP))
	a.Emit(Ldp(FP, LR, PostIndex(SP, frame)))
	a.Emit(Ret(LR))
}

// exit jumps to the exit stub for k (args already stored) with the resume
// address in X17: adr x17, 1f; ldr x16, [x0, #stub]; br x16; 1:
func (a *asm) exit(k vm.ExitKind) {
	l := a.NewLabel()
	a.Adr(X17, l)
	a.Emit(Ldr(X16, Off(X0, int64(vm.Stub(k)))))
	a.Emit(Br(X16))
	a.Bind(l)
}

// setArg stores imm into ExitArgs[i]; X17 = store context afterwards.
func (a *asm) setArg(i int, imm uint16) {
	a.Emit(Ldr(X17, Off(X0, vm.VMStoreContext)))
	a.Emit(Movz(X16, imm, 0))
	a.Emit(Str(X16, Off(X17, int64(vm.SCExitArg(i)))))
}

// preemptCheck: ldr x16, [x28, #16]; cmn x16, #1314; b.ne skip; exit.
func (a *asm) preemptCheck(spill, reload func()) {
	skip := a.NewLabel()
	a.Emit(Ldr(X16, Off(X28, vm.GStackGuard0Offset)))
	a.Emit(CmnImm(X16, uint32(-vm.StackPreemptImm32)))
	a.BCond(NE, skip)
	spill()
	a.exit(vm.ExitPreempt)
	reload()
	a.Bind(skip)
}

var progs = map[string]progBuilder{
	"const": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.Emit(Movz(X9, 42, 0))
		a.Emit(Str(X9, Off(X2, 0)))
		a.Emit(Ret(LR))
		a.endFn()
		return a.finish(t)
	},
	"add": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.Emit(Ldr(X9, Off(X2, 0)))
		a.Emit(Ldr(X10, Off(X2, vm.ValueSlotSize)))
		a.Emit(Add(X9, X9, X10))
		a.Emit(Str(X9, Off(X2, 0)))
		a.Emit(Ret(LR))
		a.endFn()
		return a.finish(t)
	},
	"hostloop": func(t testing.TB) *vm.Artifact {
		// [fp+16] values, [fp+24] i, [fp+32] sum, [fp+40] n
		a := newAsm()
		a.fn()
		a.prologue(48)
		a.Emit(Str(X2, Off(FP, 16)))
		a.Emit(Ldr(X9, Off(X2, 0)))
		a.Emit(Str(X9, Off(FP, 40)))
		a.Emit(Str(XZR, Off(FP, 24)))
		a.Emit(Str(XZR, Off(FP, 32)))
		loop, done := a.NewLabel(), a.NewLabel()
		a.Bind(loop)
		a.Emit(Ldr(X9, Off(FP, 24)))
		a.Emit(Ldr(X10, Off(FP, 40)))
		a.Emit(Cmp(X9, X10))
		a.BCond(HS, done)
		a.setArg(0, 7)
		a.Emit(Str(X9, Off(X17, int64(vm.SCExitArg(1)))))
		a.exit(vm.ExitHostCall)
		a.Emit(Ldr(X17, Off(X0, vm.VMStoreContext)))
		a.Emit(Ldr(X9, Off(X17, int64(vm.SCExitArg(0)))))
		a.Emit(Ldr(X10, Off(FP, 32)))
		a.Emit(Add(X10, X10, X9))
		a.Emit(Str(X10, Off(FP, 32)))
		a.Emit(Ldr(X9, Off(FP, 24)))
		a.Emit(AddImm(X9, X9, 1))
		a.Emit(Str(X9, Off(FP, 24)))
		a.B(loop)
		a.Bind(done)
		a.Emit(Ldr(X9, Off(FP, 32)))
		a.Emit(Ldr(X2, Off(FP, 16)))
		a.Emit(Str(X9, Off(X2, 0)))
		a.epilogue(48)
		a.endFn()
		return a.finish(t)
	},
	"trap3": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		f1, f2 := a.NewLabel(), a.NewLabel()
		a.fn()
		a.prologue(16)
		a.Buf.SetSrcLoc(100)
		a.BL(f1)
		a.Buf.SetSrcLoc(encoder.NoSrcLoc)
		a.epilogue(16)
		a.fn()
		a.Bind(f1)
		a.prologue(16)
		a.Buf.SetSrcLoc(200)
		a.BL(f2)
		a.Buf.SetSrcLoc(encoder.NoSrcLoc)
		a.epilogue(16)
		a.fn()
		a.Bind(f2)
		a.prologue(16)
		a.Buf.SetSrcLoc(300)
		a.setArg(0, uint16(vm.TrapUnreachable))
		a.exit(vm.ExitTrap)
		a.Buf.SetSrcLoc(encoder.NoSrcLoc)
		a.Emit(Udf(0), nil)
		a.endFn()
		return a.finish(t)
	},
	"traprecord": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(16)
		a.setArg(0, uint16(vm.TrapNone))
		a.Buf.AddTrap(encoder.TrapCode(vm.TrapIntegerDivideByZero))
		a.exit(vm.ExitTrap)
		a.Emit(Udf(0), nil)
		a.endFn()
		return a.finish(t)
	},
	"recurse": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		self, ovf := a.NewLabel(), a.NewLabel()
		a.fn()
		a.Bind(self)
		a.prologue(64)
		a.Emit(Ldr(X16, Off(X0, vm.VMStackLimit)))
		a.Emit(MovSP(X17, SP))
		a.Emit(Cmp(X17, X16))
		a.BCond(LO, ovf)
		a.BL(self)
		a.epilogue(64)
		a.Bind(ovf)
		a.setArg(0, uint16(vm.TrapStackOverflow))
		a.exit(vm.ExitTrap)
		a.Emit(Udf(0), nil)
		a.endFn()
		return a.finish(t)
	},
	"sumloop":      func(t testing.TB) *vm.Artifact { return sumLoop(t, true) },
	"sumloopnochk": func(t testing.TB) *vm.Artifact { return sumLoop(t, false) },
	"spin": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(16)
		loop, cont := a.NewLabel(), a.NewLabel()
		a.Bind(loop)
		// The contract's preemption check too (see prog_amd64_test.go).
		a.preemptCheck(func() {}, func() {})
		a.Emit(Ldr(X17, Off(X0, vm.VMStoreContext)))
		a.Emit(Ldr(W(16), Off(X17, vm.SCInterrupt)))
		a.Cbz(W(16), cont)
		a.exit(vm.ExitInterrupt)
		a.Bind(cont)
		a.B(loop)
		a.endFn()
		return a.finish(t)
	},
	"spinpreempt": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(16)
		loop := a.NewLabel()
		a.Bind(loop)
		a.preemptCheck(func() {}, func() {})
		a.B(loop)
		a.endFn()
		return a.finish(t)
	},
}

// sumLoop: x10 = sum of 1..values[0], counting x9 down; [fp+16] values,
// [fp+24]/[fp+32] spill slots around the preemption exit.
func sumLoop(t testing.TB, check bool) *vm.Artifact {
	a := newAsm()
	a.fn()
	a.prologue(48)
	a.Emit(Str(X2, Off(FP, 16)))
	a.Emit(Ldr(X9, Off(X2, 0)))
	a.Emit(Movz(X10, 0, 0))
	loop, done := a.NewLabel(), a.NewLabel()
	a.Cbz(X9, done)
	a.Bind(loop)
	if check {
		a.preemptCheck(func() {
			a.Emit(Str(X9, Off(FP, 24)))
			a.Emit(Str(X10, Off(FP, 32)))
		}, func() {
			a.Emit(Ldr(X9, Off(FP, 24)))
			a.Emit(Ldr(X10, Off(FP, 32)))
		})
	}
	a.Emit(Add(X10, X10, X9))
	a.Emit(SubsImm(X9, X9, 1))
	a.BCond(NE, loop)
	a.Bind(done)
	a.Emit(Ldr(X2, Off(FP, 16)))
	a.Emit(Str(X10, Off(X2, 0)))
	a.epilogue(48)
	a.endFn()
	return a.finish(t)
}

func init() {
	// relocs: f0 calls defined function 1 through a SymFunc relocation
	// (BL, RelocArm64Call26) and stores its result (42) to values[0].
	progs["relocs"] = func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(32)
		a.Emit(Str(X2, Off(FP, 16)))
		a.CallSymbol(encoder.Symbol{Kind: encoder.SymFunc, Index: 1})
		a.Emit(Ldr(X2, Off(FP, 16)))
		a.Emit(Str(X0, Off(X2, 0)))
		a.epilogue(32)
		a.fn()
		a.Emit(Movz(X0, 42, 0))
		a.Emit(Ret(LR))
		a.endFn()
		return a.finish(t)
	}
	// crossinstance: see prog_amd64_test.go. X0 callee vmctx, X1 caller.
	progs["crossinstance"] = func(t testing.TB) *vm.Artifact {
		o := crossOffsets()
		a := newAsm()
		a.fn()
		a.prologue(32)
		a.Emit(Str(X2, Off(FP, 16)))
		a.Emit(Str(X0, Off(FP, 24)))
		a.Emit(Mov(X1, X0))
		a.Emit(Ldr(X9, Off(X0, int64(o.ImportedFuncCode(0)))))
		a.Emit(Ldr(X0, Off(X0, int64(o.ImportedFuncVMCtx(0)))))
		a.Emit(Blr(X9))
		a.Emit(Ldr(X2, Off(FP, 16)))
		a.Emit(Str(X0, Off(X2, 0)))
		a.Emit(Ldr(X0, Off(FP, 24)))
		a.epilogue(32)
		a.fn()
		a.prologue(32)
		a.setArg(0, 3)
		a.exit(vm.ExitHostCall)
		a.Emit(Ldr(X17, Off(X0, vm.VMStoreContext)))
		a.Emit(Ldr(X9, Off(X17, int64(vm.SCExitArg(0)))))
		a.Emit(Str(X9, Off(FP, 16)))
		a.setArg(0, 3)
		a.exit(vm.ExitHostCall)
		a.Emit(Ldr(X17, Off(X0, vm.VMStoreContext)))
		a.Emit(Ldr(X9, Off(X17, int64(vm.SCExitArg(0)))))
		a.Emit(Ldr(X10, Off(FP, 16)))
		a.Emit(Add(X0, X9, X10))
		a.epilogue(32)
		a.endFn()
		return a.finish(t)
	}
}
