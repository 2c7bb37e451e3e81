package native

import (
	"fmt"
	"runtime"
	"unsafe"

	"kiln/ir/vm"
)

func callWasm(entry, vmctx, stack, values, n uintptr)
func resumeWasm(sc uintptr)
func stubTable(t *[vm.NumExitKinds]uintptr)

// StoreContext mirrors the contract's store context (vm.SC* offsets,
// pinned by TestHarnessOffsets).
type StoreContext struct {
	GoSP, GoFP     uint64
	WasmSP, WasmFP uint64
	ResumePC       uint64
	ExitVMCtx      uint64
	ExitKind       uint32
	_              uint32
	ExitArgs       [vm.NumExitArgs]uint64
	Interrupt      uint32
	_              uint32
	Fuel           int64
	EntrySP        uint64
	EntryFP        uint64
	GoLR           uint64
}

// Slot is one vm.ValueSlotSize-byte value of a values array.
type Slot [2]uint64

// WasmMachine runs code of kiln's wasm convention for tests: a store
// context, a wasm stack in Go heap memory (which never moves), the exit
// stubs, and the exit-and-resume loop. Preemption exits yield with
// runtime.Gosched; traps end the call; every other exit goes to the
// caller's handler.
type WasmMachine struct {
	SC     *StoreContext
	stack  []byte
	values []Slot
	// Preempts counts the preemption exits taken.
	Preempts int
}

// NewWasmMachine allocates a machine with a wasm stack of stackSize bytes.
func NewWasmMachine(stackSize int) *WasmMachine {
	return &WasmMachine{SC: new(StoreContext), stack: make([]byte, stackSize)}
}

// InitVMContext writes the header words of a VM context: the store
// context, the stack limit and the exit stub table.
func (m *WasmMachine) InitVMContext(vmctx []byte) error {
	if len(vmctx) < vm.VMHeaderSize || uintptr(unsafe.Pointer(&vmctx[0]))%16 != 0 {
		return fmt.Errorf("native: VM context too small or misaligned")
	}
	put := func(off uint32, v uintptr) { *(*uintptr)(unsafe.Pointer(&vmctx[off])) = v }
	put(vm.VMStoreContext, uintptr(unsafe.Pointer(m.SC)))
	put(vm.VMStackLimit, uintptr(unsafe.Pointer(&m.stack[0]))+vm.StackReserve)
	var stubs [vm.NumExitKinds]uintptr
	stubTable(&stubs)
	for k, a := range stubs {
		put(vm.Stub(vm.ExitKind(k)), a)
	}
	return nil
}

// ExitHandler handles an exit other than return, trap and preempt; it
// reads m.SC.ExitArgs and writes a result to ExitArgs[0]. An error stops
// the call.
type ExitHandler func(m *WasmMachine, k vm.ExitKind) error

// Call runs the array-call entry at entry with vmctx (heap memory,
// initialised with InitVMContext) and values (arguments in, results out).
// It returns the trap code when the code trapped (vm.TrapNone otherwise).
func (m *WasmMachine) Call(entry uintptr, vmctx []byte, values []Slot, h ExitHandler) (vm.TrapCode, error) {
	m.values = append(m.values[:0], values...)
	if len(m.values) == 0 {
		m.values = append(m.values, Slot{})
	}
	top := (uintptr(unsafe.Pointer(&m.stack[0])) + uintptr(len(m.stack))) &^ 15
	m.SC.ExitKind = uint32(vm.ExitNone)
	callWasm(entry, uintptr(unsafe.Pointer(&vmctx[0])), top, uintptr(unsafe.Pointer(&m.values[0])), uintptr(len(values)))
	for {
		k := vm.ExitKind(m.SC.ExitKind)
		switch k {
		case vm.ExitReturn:
			copy(values, m.values)
			runtime.KeepAlive(vmctx)
			return vm.TrapNone, nil
		case vm.ExitTrap:
			return vm.TrapCode(m.SC.ExitArgs[0]), nil
		case vm.ExitPreempt:
			m.Preempts++
			runtime.Gosched()
		default:
			if h == nil {
				return vm.TrapNone, fmt.Errorf("native: unhandled exit %s", k)
			}
			if err := h(m, k); err != nil {
				return vm.TrapNone, err
			}
		}
		resumeWasm(uintptr(unsafe.Pointer(m.SC)))
	}
}

// Stack returns the machine's wasm stack (for tests that inspect frames).
func (m *WasmMachine) Stack() []byte { return m.stack }
