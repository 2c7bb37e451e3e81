//go:build !(linux && amd64)

package nativetest

import (
	"errors"
	"unsafe"
)

// Supported reports whether this platform can run native code here.
const Supported = false

// Code is unavailable on this platform.
type Code struct{}

// Map reports that native code cannot run here.
func Map(b []byte, fill func(mem []byte) error) (*Code, error) {
	return nil, errors.New("nativetest: unsupported platform")
}

func (c *Code) Addr(off uint32) uintptr   { return 0 }
func (c *Code) Close() error              { return nil }
func Call(fn uintptr, arg unsafe.Pointer) {}
