package vm

import "fmt"

// TrapCode says why compiled code stopped with a trap. The values are part
// of the artifact format and of the encoder's TrapRecord (encoder.TrapCode
// holds the same numbers), so they never change meaning; new codes are
// appended.
type TrapCode uint8

const (
	// TrapNone is the zero value: not a trap. A trap exit whose code is
	// TrapNone asks the runtime to find the code in the artifact's trap
	// records instead.
	TrapNone TrapCode = iota
	// TrapUnreachable: the unreachable instruction.
	TrapUnreachable
	// TrapMemoryOutOfBounds: a load, store or bulk memory operation outside
	// the memory's current length.
	TrapMemoryOutOfBounds
	// TrapTableOutOfBounds: table.get/set/fill/copy/init or call_indirect
	// with an index outside the table.
	TrapTableOutOfBounds
	// TrapIndirectCallOutOfBounds: call_indirect with an index outside the
	// table (the spec's "undefined element", distinct from table.get's
	// "out of bounds table access").
	TrapIndirectCallOutOfBounds
	// TrapIndirectCallToNull: call_indirect (or call_ref) of a null entry.
	TrapIndirectCallToNull
	// TrapBadSignature: call_indirect whose entry has another type.
	TrapBadSignature
	// TrapIntegerDivideByZero: div/rem by zero.
	TrapIntegerDivideByZero
	// TrapIntegerOverflow: signed division of the minimum value by -1.
	TrapIntegerOverflow
	// TrapBadConversionToInteger: a trapping float-to-int conversion of NaN
	// or of a value out of the integer's range.
	TrapBadConversionToInteger
	// TrapStackOverflow: a function prologue found the wasm stack exhausted.
	TrapStackOverflow
	// TrapNullReference: a GC or typed-function-reference operation on null.
	TrapNullReference
	// TrapUnalignedAtomic: an atomic access at a misaligned address.
	TrapUnalignedAtomic
	// TrapInterrupted: the call's context was cancelled or its deadline
	// passed (found at an interrupt or preemption check).
	TrapInterrupted
	// TrapOutOfFuel: the fuel counter ran out.
	TrapOutOfFuel
	// TrapHostError: a host function returned an error or panicked.
	TrapHostError
	// TrapArrayOutOfBounds: a GC array access outside the array.
	TrapArrayOutOfBounds
	// TrapCastFailure: ref.cast of a value of another type.
	TrapCastFailure

	numTrapCodes
)

// trapInfo is one row per trap code: its Go name and the message the
// WebAssembly spec tests expect from assert_trap (assert_exhaustion for
// the stack).
var trapInfo = [numTrapCodes]struct{ name, message string }{
	TrapNone:                    {"none", "no trap"},
	TrapUnreachable:             {"unreachable", "unreachable"},
	TrapMemoryOutOfBounds:       {"memory_out_of_bounds", "out of bounds memory access"},
	TrapTableOutOfBounds:        {"table_out_of_bounds", "out of bounds table access"},
	TrapIndirectCallOutOfBounds: {"indirect_call_oob", "undefined element"},
	TrapIndirectCallToNull:      {"indirect_call_to_null", "uninitialized element"},
	TrapBadSignature:            {"bad_signature", "indirect call type mismatch"},
	TrapIntegerDivideByZero:     {"int_divz", "integer divide by zero"},
	TrapIntegerOverflow:         {"int_ovf", "integer overflow"},
	TrapBadConversionToInteger:  {"bad_toint", "invalid conversion to integer"},
	TrapStackOverflow:           {"stk_ovf", "call stack exhausted"},
	TrapNullReference:           {"null_reference", "null reference"},
	TrapUnalignedAtomic:         {"unaligned_atomic", "unaligned atomic"},
	TrapInterrupted:             {"interrupt", "interrupted"},
	TrapOutOfFuel:               {"out_of_fuel", "all fuel consumed"},
	TrapHostError:               {"host_error", "host error"},
	TrapArrayOutOfBounds:        {"array_out_of_bounds", "out of bounds array access"},
	TrapCastFailure:             {"cast_failure", "cast failure"},
}

// NumTrapCodes is the number of defined trap codes (TrapNone included).
const NumTrapCodes = int(numTrapCodes)

// Valid reports whether c is a defined trap code other than TrapNone.
func (c TrapCode) Valid() bool { return c > TrapNone && c < numTrapCodes }

// String returns the short name used in CLIF-style dumps ("int_divz").
func (c TrapCode) String() string {
	if c < numTrapCodes {
		return trapInfo[c].name
	}
	return fmt.Sprintf("trap(%d)", uint8(c))
}

// Message returns the text the WebAssembly spec testsuite expects in
// assert_trap / assert_exhaustion (scripts compare by prefix).
func (c TrapCode) Message() string {
	if c < numTrapCodes {
		return trapInfo[c].message
	}
	return fmt.Sprintf("unknown trap %d", uint8(c))
}
