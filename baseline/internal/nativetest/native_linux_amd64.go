package nativetest

import (
	"fmt"
	"syscall"
	"unsafe"
)

// Supported reports whether this platform can run native code here.
const Supported = true

// Code is executable memory holding a copy of some machine code.
type Code struct{ mem []byte }

// Map copies b into fresh memory, lets fill patch it in place (at its final
// address), then makes it read+execute.
func Map(b []byte, fill func(mem []byte) error) (*Code, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("nativetest: empty code")
	}
	page := syscall.Getpagesize()
	n := (len(b) + page - 1) &^ (page - 1)
	mem, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, fmt.Errorf("nativetest: mmap: %w", err)
	}
	copy(mem, b)
	if fill != nil {
		if err := fill(mem[:len(b)]); err != nil {
			syscall.Munmap(mem)
			return nil, err
		}
	}
	if err := syscall.Mprotect(mem, syscall.PROT_READ|syscall.PROT_EXEC); err != nil {
		syscall.Munmap(mem)
		return nil, fmt.Errorf("nativetest: mprotect: %w", err)
	}
	return &Code{mem: mem}, nil
}

// Addr returns the address of byte off of the code.
func (c *Code) Addr(off uint32) uintptr { return uintptr(unsafe.Pointer(&c.mem[0])) + uintptr(off) }

// Close unmaps the code.
func (c *Code) Close() error { return syscall.Munmap(c.mem) }

// Call calls the System V function at fn with arg in RDI, on a 64 KiB
// region of the goroutine stack. arg must point at heap memory.
func Call(fn uintptr, arg unsafe.Pointer) { call(fn, arg) }

func call(fn uintptr, arg unsafe.Pointer)
