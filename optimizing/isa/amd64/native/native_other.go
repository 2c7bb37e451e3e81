//go:build !(linux && amd64)

package native

import "errors"

// Supported reports whether this platform can run native code here.
const Supported = false

// Code is unavailable on this platform.
type Code struct{}

// Map always fails on this platform.
func Map(b []byte) (*Code, error) { return nil, errors.New("native: not supported on this platform") }

// Addr is never reached on this platform.
func (c *Code) Addr(off int) uintptr { return 0 }

// Close does nothing.
func (c *Code) Close() error { return nil }

// Call is never reached on this platform.
func Call(fn uintptr, values []uint64) {}
