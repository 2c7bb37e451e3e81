package vm_test

import (
	"fmt"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// A tier asks the layout for the words it addresses.
func ExampleNewOffsets() {
	m := &wasm.Module{
		Types:       make([]wasm.SubType, 1),
		FuncTypes:   []uint32{0, 0},
		MemTypes:    make([]wasm.MemoryType, 1),
		TableTypes:  make([]wasm.TableType, 1),
		GlobalTypes: make([]wasm.GlobalType, 1),
	}
	o := vm.NewOffsets(m, 8)
	fmt.Println("memory 0 base/length:", o.MemoryBase(0), o.MemoryLength(0))
	fmt.Println("table 0 base/length:", o.TableBase(0), o.TableLength(0))
	fmt.Println("global 0:", o.Global(0))
	fmt.Println("funcref of function 1:", o.FuncRef(1))
	fmt.Println("type id of type 0:", o.TypeID(0))
	fmt.Println("host-call stub:", vm.Stub(vm.ExitHostCall))
	fmt.Println("size:", o.Size())
	// Output:
	// memory 0 base/length: 16 24
	// table 0 base/length: 192 200
	// global 0: 208
	// funcref of function 1: 248
	// type id of type 0: 272
	// host-call stub: 64
	// size: 288
}

// The calling convention is data: a tier reads registers from it instead
// of hard-coding them.
func ExampleABIFor() {
	abi, _ := vm.ABIFor("amd64")
	fmt.Println("callee vmctx:", abi.CalleeVMCtx, "caller vmctx:", abi.CallerVMCtx)
	fmt.Println("int params:", abi.IntParams, "int results:", abi.IntResults)
	fmt.Println("g:", abi.G, "resume address at exits:", abi.ExitResume)
	fmt.Printf("preemption check: cmp qword [r%d+%d], %d\n", abi.G, vm.GStackGuard0Offset, vm.StackPreemptImm32)
	// Output:
	// callee vmctx: 7 caller vmctx: 6
	// int params: [2 1 8 9] int results: [0 2]
	// g: 14 resume address at exits: 0
	// preemption check: cmp qword [r14+16], -1314
}
