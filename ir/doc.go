// Package ir is kiln's compiler intermediate representation: an SSA form in
// the shape of Cranelift's CLIF, shared by the optimizing tier, the IR
// interpreter and the filetests runner.
//
// A Function owns a data-flow graph (values, instructions, blocks with
// parameters instead of phis) and a layout (the order of blocks and of the
// instructions inside them). Entities are dense int32 indices into slices
// owned by the function, so passes keep side tables as plain slices.
//
// The text format (Parse, Function.String) is compatible with Cranelift's CLIF
// as used by its filetests; printing a parsed function and parsing it again
// yields the same text.
//
// Subpackages: ir/wasm reads WebAssembly; the interpreter and verifier live
// beside the core types.
package ir
