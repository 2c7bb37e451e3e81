package jit

import (
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"kiln/ir/vm"
)

// Stack is a wasm stack: memory outside the Go heap that compiled code runs
// on, so that deep wasm recursion never touches a goroutine stack (which Go
// may move, and whose size Go checks by its own prologues that compiled code
// does not have). Layout, from low addresses up:
//
//	[guard: one page, no access][reserve: vm.StackReserve][usable ...][top]
//
// Compiled code checks every frame against Limit() = guard end +
// vm.StackReserve in its prologue; the reserve leaves room for the exit
// stub call that reports the overflow. The guard page is defence in depth
// only: a Go process cannot turn the fault into a trap (Go's SIGSEGV
// handler kills the process for faults outside Go code), but a crash is
// better than silently overwriting whatever lies below.
type Stack struct {
	mem     []byte
	guard   int
	cleanup runtime.Cleanup
	once    sync.Once
}

// NewStack maps a wasm stack with size usable bytes (rounded up to whole
// pages).
func NewStack(size int) (*Stack, error) {
	if !Supported {
		return nil, ErrUnsupported
	}
	if size < 2*vm.StackReserve {
		return nil, fmt.Errorf("jit: stack size %d too small (minimum %d)", size, 2*vm.StackReserve)
	}
	ps := pageSize()
	size = (size + ps - 1) &^ (ps - 1)
	mem, err := mapRW(size + ps)
	if err != nil {
		return nil, err
	}
	if err := protectNone(mem[:ps]); err != nil {
		unmap(mem)
		return nil, err
	}
	s := &Stack{mem: mem, guard: ps}
	s.cleanup = runtime.AddCleanup(s, func(m []byte) { unmap(m) }, mem)
	return s, nil
}

func (s *Stack) base() uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(s.mem))) }

// Top returns the highest address of the stack (exclusive, 16-aligned).
func (s *Stack) Top() uintptr { return s.base() + uintptr(len(s.mem)) }

// Limit returns the value for the VM context's stack-limit word.
func (s *Stack) Limit() uintptr { return s.base() + uintptr(s.guard) + vm.StackReserve }

// Contains reports whether addr lies in the usable part of the stack.
func (s *Stack) Contains(addr uintptr) bool {
	lo := s.base() + uintptr(s.guard)
	return addr >= lo && addr <= s.Top()
}

// Close unmaps the stack now. No code may be running on it.
func (s *Stack) Close() error {
	var err error
	s.once.Do(func() {
		s.cleanup.Stop()
		err = unmap(s.mem)
		s.mem = nil
	})
	return err
}

// word reads the pointer-sized word at addr, which Contains must accept.
func (s *Stack) word(addr uintptr) uintptr {
	return *(*uintptr)(unsafe.Pointer(&s.mem[addr-s.base()]))
}

// slots returns n value slots at addr, which must lie in the stack.
func (s *Stack) slots(addr uintptr, n int) []Slot {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*Slot)(unsafe.Pointer(&s.mem[addr-s.base()])), n)
}
