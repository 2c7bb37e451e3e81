//go:build amd64 || arm64

package jit

import (
	"unsafe"

	"kiln/ir/vm"
)

// enter switches to the wasm stack and calls the array-call entry code
// with vmctx, the values array and its slot count (entry_<arch>.s). It
// returns when compiled code returns or exits; the store context says
// which.
//
//go:noescape
func enter(code, vmctx, stack, values, n uintptr)

// resume re-enters compiled code after an exit recorded in the store
// context at sc.
//
//go:noescape
func resume(sc uintptr)

// stubTable writes the address of the exit stub for each exit kind
// (stubs_<arch>.s, generated).
//
//go:noescape
func stubTable(t *[vm.NumExitKinds]uintptr)

// getg returns the running goroutine's g (a Go heap object).
func getg() unsafe.Pointer

// spinUntil polls the word at addr until it equals want or limit polls
// have been made, in a loop without calls (entry_<arch>.s); for the test
// that pins the g layout.
//
//go:noescape
func spinUntil(addr uintptr, want, limit uint64) bool
