package jit

import (
	"testing"

	"kiln/encoder"
	"kiln/ir/vm"
)

// The test programs are hand-assembled machine code, one set per ISA
// (prog_amd64_test.go, prog_arm64_test.go), built through kiln/encoder the
// way a compiler tier would. Each returns an artifact whose Funcs[0] is the
// array-call entry; the tests are shared.
//
//	const       values[0] = 42
//	add         values[0] = values[0] + values[1]
//	hostloop    for i < values[0]: sum += host(7, i) (ExitHostCall); values[0] = sum
//	trap3       f0 calls f1 calls f2, which traps (unreachable) via ExitTrap;
//	            source locations 100, 200, 300 at the three call sites
//	traprecord  like const but traps with TrapNone in ExitArgs[0] and a trap
//	            record (TrapIntegerDivideByZero) on the stub call
//	recurse     unbounded recursion with a stack-limit check in the prologue
//	sumloop     sum 1..values[0] with the preemption check on the back edge
//	sumloopnochk the same loop without the check (benchmark baseline)
//	spin        loop forever with the preemption check and the interrupt-flag
//	            poll on the back edge
//	spinpreempt loop forever with only the preemption check
type progBuilder func(t testing.TB) *vm.Artifact

// funcSpan records where a test function starts and ends in the buffer.
type funcSpan struct{ start, end int }

// artifactFrom converts a finished encoder buffer to an artifact, the way a
// tier would.
func artifactFrom(t testing.TB, c *encoder.Code, funcs []funcSpan) *vm.Artifact {
	t.Helper()
	a := &vm.Artifact{Arch: testArch, Tier: "hand", Code: c.Bytes, Alignment: 16}
	for _, f := range funcs {
		a.Funcs = append(a.Funcs, vm.FuncInfo{Offset: uint32(f.start), Size: uint32(f.end - f.start), ArrayEntry: vm.NoOffset})
	}
	a.Funcs[0].ArrayEntry = a.Funcs[0].Offset
	for _, r := range c.Traps {
		a.Traps = append(a.Traps, vm.TrapRecord{Offset: r.Offset, Code: vm.TrapCode(r.Code)})
	}
	for _, s := range c.SrcLocs {
		a.SrcLocs = append(a.SrcLocs, vm.SrcLoc{Start: s.Start, End: s.End, Loc: s.Loc})
	}
	for _, r := range c.Relocs {
		a.Relocs = append(a.Relocs, vm.Reloc{Offset: r.Offset, Kind: vm.RelocKind(r.Kind),
			Target: vm.Symbol{Kind: vm.SymbolKind(r.Target.Kind), Index: r.Target.Index}, Addend: r.Addend})
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("artifact: %v", err)
	}
	return a
}

// loaded is a program mapped into executable memory.
type loaded struct {
	art  *vm.Artifact
	code *Code
}

func load(t testing.TB, name string) *loaded {
	t.Helper()
	if !Supported {
		t.Skipf("no JIT on this platform")
	}
	b, ok := progs[name]
	if !ok {
		t.Fatalf("no program %q for %s", name, testArch)
	}
	a := b(t)
	c, err := LoadArtifact(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &loaded{art: a, code: c}
}

func (l *loaded) entry() uintptr { return l.code.Addr(l.art.Funcs[0].ArrayEntry) }

// newVM returns a machine and an initialised VM context (header only: the
// test programs use no module state).
func newVM(t testing.TB, stackSize int) (*Machine, []byte) {
	t.Helper()
	m, err := NewMachine(stackSize)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	vmctx := NewVMContext(uint32(vm.VMHeaderSize))
	if err := m.InitVMContext(vmctx); err != nil {
		t.Fatal(err)
	}
	return m, vmctx
}
