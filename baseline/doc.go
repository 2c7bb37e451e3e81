// Package baseline is kiln's single-pass compiler tier, in the manner of
// Wasmtime's Winch and V8's Liftoff: each function's operators are visited
// once and machine code is emitted directly through a per-ISA MacroAssembler,
// with constants, locals and registers kept lazy on a value stack.
package baseline
