package jit

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"kiln/ir/vm"
)

// StoreContext is the Go view of the contract's store context (vm.SC*);
// TestStoreContextMatchesContract pins every field's offset. The
// trampolines and exit stubs write it, compiled code writes ExitArgs and
// reads Interrupt and Fuel, Go reads and writes the rest between entries.
// Addresses are uint64 so the layout is the contract's on every host.
type StoreContext struct {
	GoSP, GoFP       uint64
	WasmSP, WasmFP   uint64
	ResumePC         uint64
	ExitVMCtx        uint64
	ExitKind         uint32
	_                uint32
	ExitArgs         [vm.NumExitArgs]uint64
	Interrupt        uint32 // accessed atomically from Go
	_                uint32
	Fuel             int64
	EntrySP, EntryFP uint64
	GoLR             uint64
}

// Slot is one ValueSlotSize-byte value of a values array (array-call
// arguments and results, host-call parameters and results).
type Slot [2]uint64

// ExitHandler handles the exits a Machine does not handle itself (host
// calls, memory and table operations): it reads the arguments from
// m.Context().ExitArgs, does the work, writes a result to ExitArgs[0] if the
// exit has one, and returns nil to resume the compiled code. An error
// aborts the call and is returned from Call (a *Trap, or any other error,
// e.g. a host function's).
type ExitHandler func(m *Machine, k vm.ExitKind) error

// Machine is the execution state of one store: its store context and its
// wasm stack. A Machine runs one call at a time (a store is used by one
// goroutine at a time); calls re-entered from an ExitHandler nest on the
// same stack below the outer activation. Different Machines run in
// parallel freely.
type Machine struct {
	sc    *StoreContext
	stack *Stack
	// outer holds the saved store contexts of activations suspended in an
	// exit while a nested call runs, innermost last.
	outer []StoreContext
	// running counts the activations in progress (nested calls included).
	running int
}

var (
	stubsOnce sync.Once
	stubs     [vm.NumExitKinds]uintptr
)

// Stubs returns the exit stub address for every exit kind, for the VM
// context's stub table (vm.Stub(k)). Entries for ExitNone and ExitReturn
// are zero.
func Stubs() *[vm.NumExitKinds]uintptr {
	stubsOnce.Do(func() {
		if Supported {
			stubTable(&stubs)
		}
	})
	return &stubs
}

// NewMachine allocates a store context and a wasm stack of stackSize bytes.
func NewMachine(stackSize int) (*Machine, error) {
	s, err := NewStack(stackSize)
	if err != nil {
		return nil, err
	}
	return &Machine{sc: new(StoreContext), stack: s}, nil
}

// Context returns the store context; its address goes into every VM
// context of the store (vm.VMStoreContext).
func (m *Machine) Context() *StoreContext { return m.sc }

// Stack returns the wasm stack.
func (m *Machine) Stack() *Stack { return m.stack }

// Close releases the stack. The Machine must be idle.
func (m *Machine) Close() error { return m.stack.Close() }

// InitVMContext writes the header words the Machine owns into a VM context
// (at least vm.VMHeaderSize bytes, 8-aligned, not moved while in use): the
// store-context pointer, the stack limit and the exit stub table.
func (m *Machine) InitVMContext(vmctx []byte) error {
	if len(vmctx) < vm.VMHeaderSize || uintptr(unsafe.Pointer(unsafe.SliceData(vmctx)))%8 != 0 {
		return fmt.Errorf("jit: VM context of %d bytes is too small or misaligned", len(vmctx))
	}
	put := func(off int, v uintptr) { *(*uintptr)(unsafe.Pointer(&vmctx[off])) = v }
	put(vm.VMStoreContext, uintptr(unsafe.Pointer(m.sc)))
	put(vm.VMStackLimit, m.stack.Limit())
	for k, addr := range Stubs() {
		put(int(vm.Stub(vm.ExitKind(k))), addr)
	}
	return nil
}

// Call runs compiled code: entry is the address (inside code) of an
// array-call entry (vm.ABI), vmctx the callee's VM context (initialised with
// InitVMContext), values the argument/result array. It loops over exits
// until the code returns or traps: preemption exits yield to the Go
// scheduler (runtime.Gosched) and resume; interrupt exits resume unless ctx
// is done, which raises TrapInterrupted (ctx's cancellation sets the
// interrupt flag, and also ends the call at its next preemption exit); a
// trap exit returns a *Trap; every other exit goes to h.
//
// The values are copied to the wasm stack for the call and back after a
// return. vmctx must be heap memory (the runtime allocates it; Go moves
// goroutine stacks, not heap objects); code and vmctx are kept alive for
// the duration of the call.
func (m *Machine) Call(ctx context.Context, code *Code, entry uintptr, vmctx []byte, values []Slot, h ExitHandler) error {
	if !Supported {
		return ErrUnsupported
	}
	if err := ctx.Err(); err != nil {
		return &Trap{Code: vm.TrapInterrupted, Cause: err}
	}
	if !code.Contains(entry) {
		return fmt.Errorf("jit: entry %#x is outside the code", entry)
	}
	sc := m.sc
	top := m.stack.Top()
	nested := m.running > 0
	if !nested {
		// A flag left by an earlier call's cancellation must not
		// interrupt this one.
		if atomic.LoadUint32(&sc.Interrupt) != 0 {
			atomic.StoreUint32(&sc.Interrupt, 0)
		}
	} else {
		// Re-entered from an exit handler: run below the suspended
		// activation (nothing below its SP is live; the convention has no
		// red zone).
		m.outer = append(m.outer, *sc)
		top = uintptr(sc.WasmSP-64) &^ 15
	}
	var stop func() bool
	if ctx.Done() != nil {
		stop = context.AfterFunc(ctx, func() { atomic.StoreUint32(&sc.Interrupt, 1) })
	}
	m.running++
	// One unconditional defer (open-coded, so nearly free) undoes all of
	// the above, also when a handler panics.
	defer m.leave(nested, stop)
	// The values travel on the wasm stack: a Go slice may live on the
	// goroutine stack, which moves when it grows (a host call can do
	// that), while the wasm stack never moves.
	need := uintptr(len(values)) * vm.ValueSlotSize
	if top < m.stack.Limit()+256+need {
		return &Trap{Code: vm.TrapStackOverflow}
	}
	top -= need
	vp := top
	copy(m.stack.slots(vp, len(values)), values)
	sc.EntrySP, sc.EntryFP = uint64(top), 0
	enter(entry, uintptr(unsafe.Pointer(unsafe.SliceData(vmctx))), top, vp, uintptr(len(values)))
	for {
		switch k := vm.ExitKind(sc.ExitKind); k {
		case vm.ExitReturn:
			copy(values, m.stack.slots(vp, len(values)))
			runtime.KeepAlive(code)
			runtime.KeepAlive(vmctx)
			return nil
		case vm.ExitPreempt:
			yieldForPreemption()
			if err := ctx.Err(); err != nil {
				return m.trap(vm.TrapInterrupted, err)
			}
		case vm.ExitInterrupt:
			if err := ctx.Err(); err != nil {
				return m.trap(vm.TrapInterrupted, err)
			}
			atomic.StoreUint32(&sc.Interrupt, 0)
		case vm.ExitTrap:
			return m.trap(vm.TrapCode(sc.ExitArgs[0]), nil)
		default:
			if k >= vm.NumExitKinds || h == nil {
				return fmt.Errorf("jit: unhandled exit %v", k)
			}
			if err := h(m, k); err != nil {
				return err
			}
		}
		resume(uintptr(unsafe.Pointer(sc)))
	}
}

// leave ends an activation begun by Call: it restores a suspended outer
// activation's store context and stops the cancellation hook.
func (m *Machine) leave(nested bool, stop func() bool) {
	m.running--
	if nested {
		n := len(m.outer) - 1
		*m.sc = m.outer[n]
		m.outer = m.outer[:n]
	}
	if stop != nil {
		stop()
	}
}

// NewVMContext allocates a zeroed VM context of size bytes (Offsets.Size),
// 16-byte aligned as the contract requires (defined globals' 16-byte slots
// may be accessed with aligned vector loads). It lives on the Go heap,
// which never moves objects; the words compiled code reads as pointers are
// integers to the GC, so the runtime must keep what they point at alive.
func NewVMContext(size uint32) []byte {
	words := make([]uint64, (size+15)/8+1)
	b := unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(words)*8)
	skip := int(-uintptr(unsafe.Pointer(&b[0])) & 15)
	return b[skip : skip+int(size) : skip+int(size)]
}

// yieldForPreemption gives the goroutine up at a real Go safe point. The
// compiled code exited because g.stackguard0 holds the runtime's
// stackPreempt sentinel; this function's prologue (it is not inlined and
// calls out, so it has a stack check) sees the same sentinel and enters
// the runtime's own preemption path. For a GC stack scan that path parks
// the goroutine until the scan is done. runtime.Gosched alone is inlined
// into its caller, has no prologue of its own and merely requeues the
// goroutine: a scan polling for that short runnable window can miss it
// again and again on a loaded machine, and the GC then waits for the
// whole wasm call.
//
//go:noinline
func yieldForPreemption() { runtime.Gosched() }
