//go:build !(amd64 || arm64)

package jit

import (
	"unsafe"

	"kiln/ir/vm"
)

// Without trampolines for this architecture nothing can run; Supported is
// false, so these are never called.

func enter(code, vmctx, stack, values, n uintptr)     { panic(ErrUnsupported) }
func resume(sc uintptr)                               { panic(ErrUnsupported) }
func stubTable(t *[vm.NumExitKinds]uintptr)           {}
func getg() unsafe.Pointer                            { return nil }
func spinUntil(addr uintptr, want, limit uint64) bool { return false }
