package jit

import (
	"context"
	"testing"
	"unsafe"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

func TestLoadArtifactRelocations(t *testing.T) {
	if !Supported {
		t.Skip("no JIT on this platform")
	}
	a := progs["relocs"](t)
	if len(a.Relocs) == 0 {
		t.Fatal("program has no relocations")
	}
	sym9 := uintptr(0x56789abc)
	sym9 = sym9<<8 | sym9>>24 // above 4 GiB on 64-bit hosts
	code, err := LoadArtifact(a, func(s vm.RuntimeSymbol) (uintptr, bool) { return sym9, s == 9 })
	if err != nil {
		t.Fatal(err)
	}
	m, vmctx := newVM(t, testStack)
	values := []Slot{{}, {}}
	if err := m.Call(context.Background(), code, code.Addr(a.Funcs[0].Offset), vmctx, values, nil); err != nil {
		t.Fatal(err)
	}
	if values[0][0] != 42 {
		t.Errorf("call through relocation returned %d, want 42", values[0][0])
	}
	if testArch == "amd64" && values[1][0] != uint64(sym9+16) {
		t.Errorf("abs8 relocation gave %#x, want %#x", values[1][0], sym9+16)
	}
	// Unresolvable symbols and a foreign architecture are errors.
	if _, err := LoadArtifact(a, nil); err == nil && testArch == "amd64" {
		t.Errorf("missing runtime symbol accepted")
	}
	b := *a
	b.Arch = "s390x"
	if _, err := LoadArtifact(&b, nil); err == nil {
		t.Errorf("artifact for another architecture accepted")
	}
	c := *a
	c.Relocs = append([]vm.Reloc(nil), a.Relocs...)
	c.Relocs[0].Target.Index = 99
	if _, err := LoadArtifact(&c, func(vm.RuntimeSymbol) (uintptr, bool) { return 1, true }); err == nil {
		t.Errorf("relocation against a missing function accepted")
	}
}

// crossOffsets is the layout of the test's instance A: a module importing
// one function.
func crossOffsets() *vm.Offsets {
	return vm.NewOffsets(&wasm.Module{Types: make([]wasm.SubType, 1), FuncTypes: []uint32{0}, NumImportedFuncs: 1}, 8)
}

// TestCrossInstanceExit: instance A calls instance B's function through its
// import slot; B exits for two host calls. The exits land in the shared
// store context, report B's VM context, and resume with B's VM context in
// the vmctx register.
func TestCrossInstanceExit(t *testing.T) {
	l := load(t, "crossinstance")
	m, _ := newVM(t, testStack)
	o := crossOffsets()
	vmA, vmB := NewVMContext(o.Size()), NewVMContext(uint32(vm.VMHeaderSize))
	for _, v := range [][]byte{vmA, vmB} {
		if err := m.InitVMContext(v); err != nil {
			t.Fatal(err)
		}
	}
	put := func(b []byte, off uint32, v uintptr) { *(*uintptr)(unsafe.Pointer(&b[off])) = v }
	addrB := uintptr(unsafe.Pointer(&vmB[0]))
	put(vmA, o.ImportedFuncCode(0), l.code.Addr(l.art.Funcs[1].Offset))
	put(vmA, o.ImportedFuncVMCtx(0), addrB)
	calls := 0
	h := func(m *Machine, k vm.ExitKind) error {
		sc := m.Context()
		if k != vm.ExitHostCall || sc.ExitArgs[0] != 3 || sc.ExitVMCtx != uint64(addrB) {
			t.Errorf("exit %v args %v from vmctx %#x, want host call 3 from B (%#x)", k, sc.ExitArgs[:2], sc.ExitVMCtx, addrB)
		}
		calls++
		sc.ExitArgs[0] = uint64(100 * calls)
		return nil
	}
	values := []Slot{{}}
	if err := m.Call(context.Background(), l.code, l.entry(), vmA, values, h); err != nil {
		t.Fatal(err)
	}
	if values[0][0] != 300 || calls != 2 {
		t.Errorf("got %d after %d host calls, want 300 after 2", values[0][0], calls)
	}
}
