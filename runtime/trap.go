package kiln

import (
	"kiln/ir/vm"
	"kiln/runtime/internal/store"
)

// Trap is a WebAssembly trap returned as an error by Func.Call and
// instantiation: its code, the wasm backtrace (innermost frame first, with
// function names from the module's name section) and, for a host
// function's error or panic, the cause (errors.Unwrap reaches it).
//
// Match a kind of trap with errors.Is and the sentinels below:
//
//	if errors.Is(err, kiln.ErrTrapOutOfBounds) { ... }
type Trap = store.Trap

// Frame is one frame of a trap's backtrace.
type Frame = store.Frame

// TrapCode says why execution trapped (the compiler contract's codes).
type TrapCode = vm.TrapCode

// Sentinel traps, one per trap code, for errors.Is.
var (
	ErrTrapUnreachable             = store.Sentinel(vm.TrapUnreachable)
	ErrTrapOutOfBounds             = store.Sentinel(vm.TrapMemoryOutOfBounds)
	ErrTrapTableOutOfBounds        = store.Sentinel(vm.TrapTableOutOfBounds)
	ErrTrapIndirectCallOutOfBounds = store.Sentinel(vm.TrapIndirectCallOutOfBounds)
	ErrTrapIndirectCallToNull      = store.Sentinel(vm.TrapIndirectCallToNull)
	ErrTrapBadSignature            = store.Sentinel(vm.TrapBadSignature)
	ErrTrapIntegerDivideByZero     = store.Sentinel(vm.TrapIntegerDivideByZero)
	ErrTrapIntegerOverflow         = store.Sentinel(vm.TrapIntegerOverflow)
	ErrTrapBadConversionToInteger  = store.Sentinel(vm.TrapBadConversionToInteger)
	ErrTrapStackOverflow           = store.Sentinel(vm.TrapStackOverflow)
	ErrTrapNullReference           = store.Sentinel(vm.TrapNullReference)
	ErrTrapUnalignedAtomic         = store.Sentinel(vm.TrapUnalignedAtomic)
	ErrTrapInterrupted             = store.Sentinel(vm.TrapInterrupted)
	ErrTrapOutOfFuel               = store.Sentinel(vm.TrapOutOfFuel)
	ErrTrapHostError               = store.Sentinel(vm.TrapHostError)
	ErrTrapArrayOutOfBounds        = store.Sentinel(vm.TrapArrayOutOfBounds)
	ErrTrapCastFailure             = store.Sentinel(vm.TrapCastFailure)
)

// ErrTrapMemoryOutOfBounds is ErrTrapOutOfBounds under the trap code's
// name.
var ErrTrapMemoryOutOfBounds = ErrTrapOutOfBounds

// Exception is an uncaught wasm exception returned as an error by
// Func.Call: its tag and payload words.
type Exception = store.Exception
