// Package wast parses WebAssembly spec scripts (.wast): a sequence of
// commands that define modules and assert how they decode, validate, link
// and run.
//
// Parse reads the whole file with the text-format reader of ir/wasm/wat and
// turns each top-level list into a Command that keeps its line number.
// Modules are not compiled while parsing: a text module keeps its S-
// expression tree, a "binary" module its bytes and a "quote" module its
// source text, and ModuleSource.Encode produces the binary on demand. So a
// script with a deliberately malformed module still parses, and the runner
// decides in which stage (text, decode, validate) a module must fail.
//
// Supported commands: module (text, binary, quote; named; "module
// definition" and "module instance"), register, invoke, get, assert_return
// (with nan:canonical/nan:arithmetic, per-lane NaN patterns in v128
// results, reference patterns such as ref.null, ref.extern, ref.func,
// ref.struct, ref.host and either), assert_trap, assert_exhaustion,
// assert_exception, assert_invalid, assert_malformed, assert_unlinkable,
// assert_uninstantiable, and the threads proposal's thread and wait. A file
// that starts with module fields is an inline module.
//
// Values are typed constants ready for a runtime: integers and floats as bit
// patterns (so NaN payloads and -0 survive), v128 as two little-endian
// words, references as a kind plus an optional host index.
package wast
