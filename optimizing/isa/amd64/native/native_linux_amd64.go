package native

import (
	"fmt"
	"syscall"
	"unsafe"
)

// Supported reports whether this platform can run native code here.
const Supported = true

// Code is executable memory holding a copy of some machine code.
type Code struct{ mem []byte }

// Map copies b into fresh memory and makes it read+execute.
func Map(b []byte) (*Code, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("native: empty code")
	}
	page := syscall.Getpagesize()
	n := (len(b) + page - 1) &^ (page - 1)
	mem, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, fmt.Errorf("native: mmap: %w", err)
	}
	copy(mem, b)
	if err := syscall.Mprotect(mem, syscall.PROT_READ|syscall.PROT_EXEC); err != nil {
		syscall.Munmap(mem)
		return nil, fmt.Errorf("native: mprotect: %w", err)
	}
	return &Code{mem: mem}, nil
}

// Addr returns the address of byte off of the code.
func (c *Code) Addr(off int) uintptr { return uintptr(unsafe.Pointer(&c.mem[0])) + uintptr(off) }

// Close unmaps the code.
func (c *Code) Close() error { return syscall.Munmap(c.mem) }

// Call calls the System V function at fn with the address of values[0]
// in RDI. The pointer is passed as a pointer, not a uintptr, because values
// may live on the goroutine stack, which the shim's large frame can make
// Go grow (and move) on entry.
func Call(fn uintptr, values []uint64) {
	call(fn, unsafe.Pointer(&values[0]))
}

func call(fn uintptr, arg unsafe.Pointer)
