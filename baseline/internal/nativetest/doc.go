// Package nativetest runs baseline-compiled x86-64 code inside the test
// process, for the tier's own tests: it maps bytes executable and calls a
// System V function of one pointer argument on a 64 KiB region of the
// calling goroutine's stack (an assembly shim with a large frame, so Go has
// reserved the space). The production path is kiln/runtime's jit package,
// which is internal to the runtime module; the baseline tests therefore
// carry this minimal harness, and the adapter code that turns it into the
// vm contract's entry (VM context, g in R14, exit stubs) is emitted by the
// tests themselves through kiln/encoder.
//
// A fault in the called code kills the process (Go owns the signal
// handlers), so the code under test must check everything explicitly,
// which is what the baseline tier promises anyway.
package nativetest
