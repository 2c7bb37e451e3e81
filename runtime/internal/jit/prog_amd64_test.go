package jit

import (
	"testing"

	"kiln/encoder"
	. "kiln/encoder/amd64"
	"kiln/ir/vm"
)

const testArch = "amd64"

// asm wraps the encoder for test programs: errors are collected by the
// buffer and reported once by finish.
type asm struct {
	*Assembler
	buf   *encoder.Buffer
	funcs []funcSpan
}

func newAsm() *asm {
	buf := encoder.NewBuffer(BufferISA)
	return &asm{Assembler: New(buf), buf: buf}
}

func (a *asm) finish(t testing.TB) *vm.Artifact {
	t.Helper()
	c, err := a.buf.Finish()
	if err != nil {
		t.Fatalf("assemble: %v", err)
	}
	return artifactFrom(t, c, a.funcs)
}

// fn starts a function; the previous one ends here.
func (a *asm) fn() {
	if n := len(a.funcs); n > 0 {
		a.funcs[n-1].end = a.buf.Len()
	}
	a.funcs = append(a.funcs, funcSpan{start: a.buf.Len()})
}

func (a *asm) endFn() { a.funcs[len(a.funcs)-1].end = a.buf.Len() }

func (a *asm) prologue(frame int32) {
	a.Push(RBP)
	a.MovRR(Size64, RBP, RSP)
	if frame > 0 {
		a.AluRI(Sub, Size64, RSP, int64(frame))
	}
}

func (a *asm) epilogue() {
	a.MovRR(Size64, RSP, RBP)
	a.Pop(RBP)
	a.Ret()
}

// exit jumps to the exit stub for k (args already stored) with the resume
// address in RAX: lea rax, [rip+1f]; jmp [rdi+stub]; 1:
func (a *asm) exit(k vm.ExitKind) {
	l := a.NewLabel()
	a.Lea(Size64, RAX, AddrLabel(l, 0))
	a.JmpMem(Addr(RDI, int32(vm.Stub(k))))
	a.Bind(l)
}

// setArg stores imm into ExitArgs[i] through R11 = store context.
func (a *asm) setArg(i int, imm int32) {
	a.Load(Size64, R11, Addr(RDI, vm.VMStoreContext))
	a.StoreImm(Size64, Addr(R11, vm.SCExitArg(i)), int64(imm))
}

// preemptCheck emits the g.stackguard0 poll: cmp [r14+16], -1314; jne
// skip; spill; call stub; reload; skip.
func (a *asm) preemptCheck(spill, reload func()) {
	skip := a.NewLabel()
	a.AluMI(Cmp, Size64, Addr(R14, vm.GStackGuard0Offset), int64(vm.StackPreemptImm32))
	a.Jcc(CondNE, skip)
	spill()
	a.exit(vm.ExitPreempt)
	reload()
	a.Bind(skip)
}

var progs = map[string]progBuilder{
	"const": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.StoreImm(Size64, Addr(RDX, 0), 42)
		a.Ret()
		a.endFn()
		return a.finish(t)
	},
	"add": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.Load(Size64, RAX, Addr(RDX, 0))
		a.AluRM(Add, Size64, RAX, Addr(RDX, vm.ValueSlotSize))
		a.Store(Size64, Addr(RDX, 0), RAX)
		a.Ret()
		a.endFn()
		return a.finish(t)
	},
	"hostloop": func(t testing.TB) *vm.Artifact {
		// [rbp-8] values, [rbp-16] i, [rbp-24] sum, [rbp-32] n
		a := newAsm()
		a.fn()
		a.prologue(32)
		a.Store(Size64, Addr(RBP, -8), RDX)
		a.Load(Size64, RAX, Addr(RDX, 0))
		a.Store(Size64, Addr(RBP, -32), RAX)
		a.StoreImm(Size64, Addr(RBP, -16), 0)
		a.StoreImm(Size64, Addr(RBP, -24), 0)
		loop, done := a.NewLabel(), a.NewLabel()
		a.Bind(loop)
		a.Load(Size64, RAX, Addr(RBP, -16))
		a.AluRM(Cmp, Size64, RAX, Addr(RBP, -32))
		a.Jcc(CondAE, done)
		a.setArg(0, 7)
		a.Store(Size64, Addr(R11, vm.SCExitArg(1)), RAX)
		a.exit(vm.ExitHostCall)
		a.Load(Size64, R11, Addr(RDI, vm.VMStoreContext))
		a.Load(Size64, RAX, Addr(R11, vm.SCExitArg(0)))
		a.AluMR(Add, Size64, Addr(RBP, -24), RAX)
		a.AluMI(Add, Size64, Addr(RBP, -16), 1)
		a.Jmp(loop)
		a.Bind(done)
		a.Load(Size64, RAX, Addr(RBP, -24))
		a.Load(Size64, RDX, Addr(RBP, -8))
		a.Store(Size64, Addr(RDX, 0), RAX)
		a.epilogue()
		a.endFn()
		return a.finish(t)
	},
	"trap3": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		f1, f2 := a.NewLabel(), a.NewLabel()
		a.fn()
		a.prologue(0)
		a.buf.SetSrcLoc(100)
		a.Call(f1)
		a.buf.SetSrcLoc(encoder.NoSrcLoc)
		a.epilogue()
		a.fn()
		a.Bind(f1)
		a.prologue(0)
		a.buf.SetSrcLoc(200)
		a.Call(f2)
		a.buf.SetSrcLoc(encoder.NoSrcLoc)
		a.epilogue()
		a.fn()
		a.Bind(f2)
		a.prologue(0)
		a.buf.SetSrcLoc(300)
		a.setArg(0, int32(vm.TrapUnreachable))
		a.exit(vm.ExitTrap)
		a.buf.SetSrcLoc(encoder.NoSrcLoc)
		a.Ud2()
		a.endFn()
		return a.finish(t)
	},
	"traprecord": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(0)
		a.setArg(0, int32(vm.TrapNone))
		a.buf.AddTrap(encoder.TrapCode(vm.TrapIntegerDivideByZero))
		a.exit(vm.ExitTrap)
		a.Ud2()
		a.endFn()
		return a.finish(t)
	},
	"recurse": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		self, ovf := a.NewLabel(), a.NewLabel()
		a.fn()
		a.Bind(self)
		a.prologue(48)
		a.AluRM(Cmp, Size64, RSP, Addr(RDI, vm.VMStackLimit))
		a.Jcc(CondB, ovf)
		a.Call(self)
		a.epilogue()
		a.Bind(ovf)
		a.setArg(0, int32(vm.TrapStackOverflow))
		a.exit(vm.ExitTrap)
		a.Ud2()
		a.endFn()
		return a.finish(t)
	},
	"sumloop":      func(t testing.TB) *vm.Artifact { return sumLoop(t, true) },
	"sumloopnochk": func(t testing.TB) *vm.Artifact { return sumLoop(t, false) },
	"spin": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(0)
		loop, cont := a.NewLabel(), a.NewLabel()
		a.Bind(loop)
		// The contract's preemption check too: with the interrupt poll
		// alone a GC that starts while this spins would wait for the
		// context's AfterFunc, which cannot run until the GC is done.
		a.preemptCheck(func() {}, func() {})
		a.Load(Size64, R11, Addr(RDI, vm.VMStoreContext))
		a.AluMI(Cmp, Size32, Addr(R11, vm.SCInterrupt), 0)
		a.Jcc(CondE, cont)
		a.exit(vm.ExitInterrupt)
		a.Bind(cont)
		a.Jmp(loop)
		a.endFn()
		return a.finish(t)
	},
	"spinpreempt": func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(0)
		loop := a.NewLabel()
		a.Bind(loop)
		a.preemptCheck(func() {}, func() {})
		a.Jmp(loop)
		a.endFn()
		return a.finish(t)
	},
}

// sumLoop: rax = sum of 1..values[0], counting rcx down, with the
// preemption check on the back edge when check is set. RAX and RCX are
// spilled around the exit (every register is lost).
func sumLoop(t testing.TB, check bool) *vm.Artifact {
	a := newAsm()
	a.fn()
	a.prologue(32)
	a.Store(Size64, Addr(RBP, -8), RDX)
	a.Load(Size64, RCX, Addr(RDX, 0))
	a.AluRR(Xor, Size32, RAX, RAX)
	loop, done := a.NewLabel(), a.NewLabel()
	a.TestRR(Size64, RCX, RCX)
	a.Jcc(CondE, done)
	a.Bind(loop)
	if check {
		a.preemptCheck(func() {
			a.Store(Size64, Addr(RBP, -16), RAX)
			a.Store(Size64, Addr(RBP, -24), RCX)
		}, func() {
			a.Load(Size64, RAX, Addr(RBP, -16))
			a.Load(Size64, RCX, Addr(RBP, -24))
		})
	}
	a.AluRR(Add, Size64, RAX, RCX)
	a.AluRI(Sub, Size64, RCX, 1)
	a.Jcc(CondNE, loop)
	a.Bind(done)
	a.Load(Size64, RDX, Addr(RBP, -8))
	a.Store(Size64, Addr(RDX, 0), RAX)
	a.epilogue()
	a.endFn()
	return a.finish(t)
}

func init() {
	// relocs: f0 calls defined function 1 through a SymFunc relocation
	// and stores its result (42) to values[0], then the address of runtime
	// symbol 9 plus 16 (a RelocAbs8) to values[1].
	progs["relocs"] = func(t testing.TB) *vm.Artifact {
		a := newAsm()
		a.fn()
		a.prologue(16)
		a.Store(Size64, Addr(RBP, -8), RDX)
		a.CallSym(encoder.Symbol{Kind: encoder.SymFunc, Index: 1})
		a.Load(Size64, RDX, Addr(RBP, -8))
		a.Store(Size64, Addr(RDX, 0), RAX)
		a.MovAbsSym(RAX, encoder.Symbol{Kind: encoder.SymRuntime, Index: 9}, 16)
		a.Store(Size64, Addr(RDX, vm.ValueSlotSize), RAX)
		a.epilogue()
		a.fn()
		a.MovRI(Size32, RAX, 42)
		a.Ret()
		a.endFn()
		return a.finish(t)
	}
	// crossinstance: f0 (instance A) calls its imported function 0 through
	// the VM context (code + callee vmctx, caller vmctx in RSI); f1
	// (instance B) makes two host calls and returns the sum of their
	// results, which f0 stores to values[0].
	progs["crossinstance"] = func(t testing.TB) *vm.Artifact {
		o := crossOffsets()
		a := newAsm()
		a.fn()
		a.prologue(16)
		a.Store(Size64, Addr(RBP, -8), RDX)
		a.Store(Size64, Addr(RBP, -16), RDI)
		a.MovRR(Size64, RSI, RDI)
		a.Load(Size64, RAX, Addr(RDI, int32(o.ImportedFuncCode(0))))
		a.Load(Size64, RDI, Addr(RDI, int32(o.ImportedFuncVMCtx(0))))
		a.CallR(RAX)
		a.Load(Size64, RDX, Addr(RBP, -8))
		a.Store(Size64, Addr(RDX, 0), RAX)
		a.Load(Size64, RDI, Addr(RBP, -16))
		a.epilogue()
		a.fn()
		a.prologue(16)
		a.setArg(0, 3)
		a.exit(vm.ExitHostCall)
		a.Load(Size64, R11, Addr(RDI, vm.VMStoreContext))
		a.Load(Size64, RAX, Addr(R11, vm.SCExitArg(0)))
		a.Store(Size64, Addr(RBP, -8), RAX)
		a.setArg(0, 3)
		a.exit(vm.ExitHostCall)
		a.Load(Size64, R11, Addr(RDI, vm.VMStoreContext))
		a.Load(Size64, RAX, Addr(R11, vm.SCExitArg(0)))
		a.AluRM(Add, Size64, RAX, Addr(RBP, -8))
		a.epilogue()
		a.endFn()
		return a.finish(t)
	}
}
