package baseline

import (
	"context"
	"encoding/binary"
	"fmt"
	"runtime"
	"testing"
	"unsafe"

	"kiln/baseline/internal/nativetest"
	"kiln/encoder"
	x "kiln/encoder/amd64"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// instance is a baseline-compiled module loaded into executable memory
// with a hand-made VM context: the test stand-in for the runtime. Exit
// stubs are test code emitted here: preemption and interrupt exits resume
// at once (counting preemptions), every other exit ends the call and
// reports its kind, so tests see traps and unhandled exits as results.
type instance struct {
	t     testing.TB
	mod   *wasm.Module
	art   *vm.Artifact
	offs  *vm.Offsets
	code  *nativetest.Code
	rt    *nativetest.Code // adapter and stubs
	enter uintptr

	vmctx  []byte
	sc     []uint64 // store context
	g      []uint64 // fake g: stackguard0 at word 2
	memory []byte
	tables [][]uint64
	keep   [][]byte
	// values is the last call's values array, kept in a field so it is
	// on the heap: a small local slice may be stack-allocated and then
	// moved by the stack growth the shim's large frame causes.
	values []uint64
}

// block is what the adapter reads: entry, vmctx, values, count, g, store
// context.
type block struct {
	entry, vmctx, values, count, g, sc uintptr
}

// newInstance compiles wat source and instantiates it: memory 0 gets its
// minimum size, tables their minimum with elements from active segments of
// function indices, globals their constant initial values.
func newInstance(t testing.TB, src string) *instance {
	return newInstanceWith(t, Compiler{}, src)
}

func newInstanceWith(t testing.TB, c Compiler, src string) *instance {
	t.Helper()
	bin, err := wat.Parse([]byte(src))
	if err != nil {
		t.Fatalf("wat: %v", err)
	}
	features := wasm.Features3_0 &^ (wasm.SIMD | wasm.RelaxedSIMD)
	mod, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	art, err := c.Compile(context.Background(), mod, vm.CompileOptions{Target: "amd64", Features: features})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	in := &instance{t: t, mod: mod, art: art, offs: vm.NewOffsets(mod, 8)}
	in.load()
	return in
}

func (in *instance) load() {
	t, art := in.t, in.art
	var err error
	in.code, err = nativetest.Map(art.Code, func(mem []byte) error {
		base := uintptr(unsafe.Pointer(&mem[0]))
		for _, r := range art.Relocs {
			var s uintptr
			switch {
			case r.Target.Kind != vm.SymFunc:
				return fmt.Errorf("runtime symbol %v", r.Target)
			case r.Target.Index < uint32(len(art.Imports)):
				s = base + uintptr(art.Imports[r.Target.Index])
			default:
				s = base + uintptr(art.Funcs[r.Target.Index-uint32(len(art.Imports))].Offset)
			}
			p := base + uintptr(r.Offset)
			switch r.Kind {
			case vm.RelocX86PCRel4:
				binary.LittleEndian.PutUint32(mem[r.Offset:], uint32(int32(int64(s)+r.Addend-int64(p))))
			case vm.RelocAbs8:
				binary.LittleEndian.PutUint64(mem[r.Offset:], uint64(int64(s)+r.Addend))
			default:
				return fmt.Errorf("relocation kind %d", r.Kind)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.code.Close() })
	in.buildRuntime()
	in.instantiate()
}

// buildRuntime emits the adapter (System V function of one *block) and
// the exit stubs.
func (in *instance) buildRuntime() {
	buf := encoder.NewBuffer(x.BufferISA)
	a := x.New(buf)
	must := func(err error) {
		if err != nil {
			in.t.Fatal(err)
		}
	}
	done := buf.NewLabel()
	for _, r := range []x.GPR{x.RBP, x.RBX, x.R12, x.R13, x.R14, x.R15, x.RDI} {
		must(a.Push(r))
	}
	must(a.Load(x.Size64, x.R11, x.Addr(x.RDI, 40)))
	must(a.Store(x.Size64, x.Addr(x.R11, vm.SCGoSP), x.RSP))
	must(a.MovRR(x.Size64, x.RAX, x.RSP))
	must(a.AluRI(x.Sub, x.Size64, x.RAX, 48<<10))
	must(a.Load(x.Size64, x.R10, x.Addr(x.RDI, 8)))
	must(a.Store(x.Size64, x.Addr(x.R10, vm.VMStackLimit), x.RAX))
	must(a.Load(x.Size64, x.R14, x.Addr(x.RDI, 32)))
	must(a.MovRR(x.Size64, x.RAX, x.RDI))
	must(a.Load(x.Size64, x.RDI, x.Addr(x.RAX, 8)))
	must(a.MovRR(x.Size64, x.RSI, x.RDI))
	must(a.Load(x.Size64, x.RDX, x.Addr(x.RAX, 16)))
	must(a.Load(x.Size64, x.RCX, x.Addr(x.RAX, 24)))
	must(a.AluRR(x.Xor, x.Size32, x.RBP, x.RBP))
	must(a.CallMem(x.Addr(x.RAX, 0)))
	must(a.Load(x.Size64, x.RAX, x.Addr(x.RSP, 0)))
	must(a.Load(x.Size64, x.R11, x.Addr(x.RAX, 40)))
	must(a.StoreImm(x.Size32, x.Addr(x.R11, vm.SCExitKind), int64(vm.ExitReturn)))
	buf.Bind(done)
	for _, r := range []x.GPR{x.RDI, x.R15, x.R14, x.R13, x.R12, x.RBX, x.RBP} {
		must(a.Pop(r))
	}
	must(a.Ret())
	stubs := make([]encoder.Label, vm.NumExitKinds)
	for k := vm.ExitTrap; k < vm.NumExitKinds; k++ {
		stubs[k] = buf.NewLabel()
		buf.Bind(stubs[k])
		if k == vm.ExitPreempt || k == vm.ExitInterrupt {
			// Count, clear the request, resume.
			must(a.StoreImm(x.Size64, x.Addr(x.R14, vm.GStackGuard0Offset), 0))
			must(a.Load(x.Size64, x.R11, x.Addr(x.RDI, vm.VMStoreContext)))
			must(a.UnaryM(x.Inc, x.Size64, x.Addr(x.R11, vm.SCFuel)))
			must(a.JmpR(x.RAX))
			continue
		}
		must(a.Load(x.Size64, x.R11, x.Addr(x.RDI, vm.VMStoreContext)))
		must(a.StoreImm(x.Size32, x.Addr(x.R11, vm.SCExitKind), int64(k)))
		must(a.Store(x.Size64, x.Addr(x.R11, vm.SCResumePC), x.RAX))
		must(a.Store(x.Size64, x.Addr(x.R11, vm.SCWasmFP), x.RBP))
		must(a.Load(x.Size64, x.RSP, x.Addr(x.R11, vm.SCGoSP)))
		must(a.Jmp(done))
	}
	c, err := buf.Finish()
	must(err)
	in.rt, err = nativetest.Map(c.Bytes, nil)
	must(err)
	in.t.Cleanup(func() { in.rt.Close() })
	in.enter = in.rt.Addr(0)
	in.vmctx = alignedBytes(in.offs.Size())
	in.sc = make([]uint64, vm.StoreContextSize/8)
	in.g = make([]uint64, 8)
	in.put(vm.VMStoreContext, uint64(uintptr(unsafe.Pointer(&in.sc[0]))))
	for k := vm.ExitTrap; k < vm.NumExitKinds; k++ {
		off, _ := buf.LabelOffset(stubs[k])
		in.put(vm.Stub(k), uint64(in.rt.Addr(uint32(off))))
	}
}

func alignedBytes(n uint32) []byte {
	words := make([]uint64, (n+15)/8+2)
	b := unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(words)*8)
	skip := int(-uintptr(unsafe.Pointer(&b[0])) & 15)
	return b[skip : skip+int(n)]
}

func (in *instance) put(off uint32, v uint64) {
	binary.LittleEndian.PutUint64(in.vmctx[off:], v)
}

func (in *instance) get(off uint32) uint64 { return binary.LittleEndian.Uint64(in.vmctx[off:]) }

// instantiate fills the module-dependent part of the VM context.
func (in *instance) instantiate() {
	mod, offs := in.mod, in.offs
	if len(mod.MemTypes) > 0 {
		for i, mt := range mod.MemTypes {
			mem := make([]byte, mt.Limits.Min*65536+1)
			if i == 0 {
				in.memory = mem[:mt.Limits.Min*65536]
			}
			in.put(offs.MemoryBase(uint32(i)), uint64(uintptr(unsafe.Pointer(&mem[0]))))
			in.put(offs.MemoryLength(uint32(i)), mt.Limits.Min*65536)
			in.keep = append(in.keep, mem)
		}
		for _, d := range mod.Datas {
			if d.Mode == wasm.SegmentActive {
				off := in.constExpr(d.OffsetExpr)
				copy(in.memory[off:], d.Init)
			}
		}
	}
	for i := range mod.FuncTypes {
		fr := offs.FuncRef(uint32(i))
		if i >= mod.NumImportedFuncs {
			in.put(fr+vm.FuncRefCode, uint64(in.code.Addr(in.art.Funcs[i-mod.NumImportedFuncs].Offset)))
		}
		in.put(fr+vm.FuncRefVMCtx, uint64(uintptr(unsafe.Pointer(&in.vmctx[0]))))
		binary.LittleEndian.PutUint32(in.vmctx[fr+vm.FuncRefTypeID:], mod.FuncTypes[i])
	}
	for t := range mod.Types {
		binary.LittleEndian.PutUint32(in.vmctx[offs.TypeID(uint32(t)):], uint32(t))
	}
	for i, tt := range mod.TableTypes {
		tab := make([]uint64, tt.Limits.Min+1)
		in.tables = append(in.tables, tab)
		in.put(offs.TableBase(uint32(i)), uint64(uintptr(unsafe.Pointer(&tab[0]))))
		in.put(offs.TableLength(uint32(i)), tt.Limits.Min)
	}
	for _, e := range mod.Elems {
		if e.Mode != wasm.SegmentActive {
			continue
		}
		off := in.constExpr(e.OffsetExpr)
		for j, f := range e.FuncIndices {
			in.tables[e.Table][off+uint64(j)] = uint64(uintptr(unsafe.Pointer(&in.vmctx[offs.FuncRef(f)])))
		}
	}
	for i := mod.NumImportedGlobals; i < len(mod.GlobalTypes); i++ {
		in.put(offs.Global(uint32(i)), in.constExpr(mod.Globals[i-mod.NumImportedGlobals].Init))
	}
}

// constExpr evaluates the constant expressions the tests use.
func (in *instance) constExpr(e wasm.ConstExpr) uint64 {
	if len(e.Ops) == 0 {
		return 0
	}
	switch op := e.Ops[0]; op.Op {
	case wasm.OpI32Const:
		return uint64(uint32(op.Imm))
	case wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
		return op.Imm
	}
	in.t.Fatalf("constant expression %v not supported by the test harness", e.Ops[0].Op)
	return 0
}

// result is what a call produced: the results, or the exit that ended it.
type result struct {
	vals []uint64
	exit vm.ExitKind
	trap vm.TrapCode
}

func (r result) String() string {
	if r.exit == vm.ExitTrap {
		return "trap: " + r.trap.Message()
	}
	if r.exit != vm.ExitReturn {
		return "exit: " + r.exit.String()
	}
	return fmt.Sprint(r.vals)
}

// call invokes export name with raw argument bits.
func (in *instance) call(name string, args ...uint64) result {
	in.t.Helper()
	idx := -1
	for _, e := range in.mod.Exports {
		if e.Name == name && e.Kind == wasm.ExternFunc {
			idx = int(e.Index)
		}
	}
	if idx < in.mod.NumImportedFuncs {
		in.t.Fatalf("no exported defined function %q", name)
	}
	sig := in.mod.FuncType(uint32(idx))
	n := max(len(sig.Params), len(sig.Results), 1)
	values := make([]uint64, 2*n)
	in.values = values
	for i, a := range args {
		values[2*i] = a
	}
	b := &block{
		entry:  in.code.Addr(in.art.Funcs[idx-in.mod.NumImportedFuncs].ArrayEntry),
		vmctx:  uintptr(unsafe.Pointer(&in.vmctx[0])),
		values: uintptr(unsafe.Pointer(&values[0])),
		count:  uintptr(n),
		g:      uintptr(unsafe.Pointer(&in.g[0])),
		sc:     uintptr(unsafe.Pointer(&in.sc[0])),
	}
	nativetest.Call(in.enter, unsafe.Pointer(b))
	runtime.KeepAlive(b)
	runtime.KeepAlive(values)
	runtime.KeepAlive(in)
	r := result{exit: vm.ExitKind(in.sc[vm.SCExitKind/8] & 0xffffffff)}
	if r.exit == vm.ExitTrap {
		r.trap = vm.TrapCode(in.sc[vm.SCExitArgs/8])
		return r
	}
	for i, t := range sig.Results {
		v := values[2*i]
		if t.Kind == wasm.KindI32 || t.Kind == wasm.KindF32 {
			v &= 0xffffffff
		}
		r.vals = append(r.vals, v)
	}
	return r
}
