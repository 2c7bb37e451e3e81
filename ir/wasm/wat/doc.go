// Package wat reads the WebAssembly text format and writes the binary
// format: Parse turns a .wat module into the bytes that ir/wasm decodes and
// validates. It covers WebAssembly 3.0 — the 2.0 core, SIMD and relaxed
// SIMD, tail calls, extended constants, typed function references, GC,
// exception handling (try_table and the legacy try/catch/delegate), threads,
// multi-memory and memory64/table64.
//
// # Pipeline
//
//	source ──ReadAll──▶ []*Node (S-expressions) ──EncodeModule──▶ binary
//
// ReadAll is the lexer and tree builder in one: it skips white space, line
// and nested block comments and annotations "(@id ...)", decodes strings
// (escapes, \u{...}, UTF-8 checks) and groups idchar runs into atoms. A run
// that mixes strings and idchars ("$l\"a\"") is a reserved token and fails
// with "unknown operator", as the spec lexer does. The tree is shared with
// the script parser (ir/wasm/wast), which keeps the nodes of embedded
// modules and encodes them only when a runner asks.
//
// The encoder makes two passes over the module fields:
//
//  1. declare assigns every definition its index in its index space (types,
//     funcs, tables, memories, globals, tags, elems, datas) and records
//     $ids, so that references may point forward. It enforces "import after
//     function" and the like, and notes which memories use i64 addresses.
//  2. encodeTypes encodes the explicit type definitions (rec groups, sub,
//     final, func/struct/array); then each field is encoded in text order
//     into its section buffer. Type uses without a matching definition
//     append implicit function types after all explicit ones, in order of
//     first use, exactly as the spec's abbreviation rule says; a use only
//     matches a final function type without supertypes that forms a rec
//     group on its own.
//
// Instructions are encoded by funcCtx from one table (ops.go): a run of
// consecutive opcodes per row, each with an immediate shape (immKind) that
// drives both parsing and encoding, so there is no per-opcode code. Folded
// instructions emit their operands first; block labels live on a stack of
// names and resolve to relative depths; "end $l" must repeat the label.
//
// # Literals
//
// Integers accept the spec's uN/sN/iN grammar with underscores and hex;
// floats accept decimal and hexadecimal forms, inf, nan and nan:0xN. Decimal
// and hex floats round to nearest-even at the target width directly (no
// double rounding through f64 for f32): strconv does both exactly once the
// underscores are gone; very long hex mantissas are shortened to 32 digits
// plus a sticky digit first. A literal that rounds to infinity is "constant
// out of range".
//
// # Errors
//
// Every error is an *Error with a 1-based line:column and, where the test
// suite has one, the spec's phrase ("unknown operator", "unexpected token",
// "constant out of range", "inline function type", "mismatching label",
// "unknown label", "duplicate func", "alignment must be a power of two",
// "i8 constant out of range", "wrong number of lane literals", ...). Bad
// input never panics; nesting depth is bounded.
//
// Checks that belong to validation are left to ir/wasm: limits and offsets
// are u64 in the text whatever the address type ("memory size", "offset out
// of range" come from the validator), and indices are not range-checked.
// Options.U32Limits restores the pre-memory64 rule (u32 limit literals) for
// proposal suites written before it.
//
// # Canonical encoding
//
// Equal types get equal bytes: (ref null func) is written as the one-byte
// funcref, a rec group of one type without the 0x4E prefix, elements of
// type funcref given as function indices with the short segment flags. This
// makes the implicit-type rule compare encodings directly and lets the
// printer's output parse back to the very same binary.
//
// # Printer
//
// Print and PrintBinary write a decoded module (ir/wasm) as text, for
// diagnostics: flat instructions indented by depth, indices instead of
// names, floats as exact hex literals or nan:0x payloads, every type use as
// "(type N)" plus its signature. The spec-suite round-trip test checks that
// text → binary → text → binary is the identity for every valid core
// module.
//
// # Known gaps
//
// Custom sections, (@custom) and (@name) annotations are skipped rather than
// encoded. Options.Names emits a name section (module, function and local
// $ids); the printer shows those names as comments and never as references.
package wat
