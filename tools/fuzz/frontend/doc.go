// Package frontend holds fuzz targets for kiln's front end — the binary
// decoder, the validator, the text printer and the text parser — fed with
// generated modules, valid or mutated, rather than raw bytes.
//
// # The problem
//
// The front-end packages already fuzz themselves on arbitrary bytes
// (ir/wasm FuzzDecode/FuzzValidate, ir/wasm/wat FuzzParseWat/
// FuzzPrintBinary), but random bytes rarely get past the first section.
// Starting from a valid module that wasmgen built and damaging it a little
// reaches the deep paths: function bodies, control-flow validation,
// segment and index checks, the printer on unusual but decodable input.
//
// # Data structures
//
// No state: each target splits its input into a generator part and a
// mutation part (the bytes the generator did not consume). mutate applies
// byte-level edits — overwrite, insert, delete, flip a bit, write an
// extreme LEB128 — at positions the input chooses.
//
// # Invariants checked
//
//   - Decoding, validating and printing never panic, and an input of at
//     most a few kilobytes never allocates more than allocLimit in one
//     call (a hostile length must not become a giant make).
//   - Printing a valid generated module and parsing the text back gives a
//     module that prints to the same text (print ∘ parse is a fixed point
//     on printer output), and encoding that text twice gives the same
//     binary (not necessarily the generator's: it is free to encode
//     differently, e.g. a data count section with no data).
//
// # Known gaps
//
//   - Allocation is measured with runtime.MemStats around one call, which
//     also counts what other goroutines allocate meanwhile; the limit is
//     loose for that reason.
package frontend
