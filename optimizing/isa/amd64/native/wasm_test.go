//go:build linux && amd64

package native

import (
	"testing"
	"unsafe"

	"kiln/ir/vm"
)

// TestHarnessOffsets pins the store-context offsets the assembly uses
// (wasm_linux_amd64.s) against the contract.
func TestHarnessOffsets(t *testing.T) {
	var sc StoreContext
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"GoSP", unsafe.Offsetof(sc.GoSP), vm.SCGoSP},
		{"GoFP", unsafe.Offsetof(sc.GoFP), vm.SCGoFP},
		{"WasmSP", unsafe.Offsetof(sc.WasmSP), vm.SCWasmSP},
		{"WasmFP", unsafe.Offsetof(sc.WasmFP), vm.SCWasmFP},
		{"ResumePC", unsafe.Offsetof(sc.ResumePC), vm.SCResumePC},
		{"ExitVMCtx", unsafe.Offsetof(sc.ExitVMCtx), vm.SCExitVMCtx},
		{"ExitKind", unsafe.Offsetof(sc.ExitKind), vm.SCExitKind},
		{"ExitArgs", unsafe.Offsetof(sc.ExitArgs), vm.SCExitArgs},
		{"Interrupt", unsafe.Offsetof(sc.Interrupt), vm.SCInterrupt},
		{"size", unsafe.Sizeof(sc), vm.StoreContextSize},
	} {
		if c.got != c.want {
			t.Errorf("%s at %d, contract says %d", c.name, c.got, c.want)
		}
	}
	if vm.VMStoreContext != 0 || vm.ExitReturn != 1 || vm.ExitTrap != 2 || vm.NumExitKinds != 19 {
		t.Errorf("the assembly's constants (vmctx word 0, kinds 1, 2 and 19 stubs) no longer match the contract")
	}
}
