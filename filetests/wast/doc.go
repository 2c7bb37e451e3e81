// Package wast runs WebAssembly spec scripts (.wast) against kiln: the
// yardstick every tier reports against.
//
// A script is parsed by ir/wasm/wast into commands; the Runner judges each
// command and produces one Report per directive (each module, register,
// action and assertion), so counts are comparable across tiers and runs.
//
// # Stages and the reason for a failure
//
// A module goes through three stages: the text parser (ir/wasm/wat) for
// text and quoted modules, the decoder and the validator (ir/wasm, behind
// the Validator interface). An assertion that a module fails must fail for
// the right reason: the expected phrase, normalised, must occur in the
// error message (Matches). A small alias table records legitimate phrasing
// differences; a failure with the wrong reason is a failed directive whose
// message prints both texts. assert_malformed on a text module must fail in
// the text parser; on a binary module in the decoder — or in the validator,
// because ir/wasm decodes function bodies lazily during validation.
//
// # Profiles
//
// Proposal snapshots in the spec repository are written against the core
// spec of their time. ProfileFor picks the feature set (and text-format
// variant) by the script's directory, as engines' spec harnesses do: core
// and legacy scripts run with everything kiln implements, the threads
// proposal with WebAssembly 1.0 plus the proposals merged before it, where
// "multiple memories" is still an error and limits are u32 literals.
//
// # Tiers
//
// Execution plugs in through Tier (Instantiate, Register, Invoke, Get).
// Without a tier the runner is in validate-only mode: directives that need
// execution are counted as skipped with their reason, and assertions on
// modules that need instantiation (assert_trap, assert_unlinkable and
// assert_uninstantiable on a module) still check that the module is valid.
// With a tier, exec.go runs actions and judges results: integers exactly,
// floats by bit pattern or NaN class (canonical: only the quiet bit of the
// payload; arithmetic: quiet bit set), v128 lane by lane when lanes hold NaN
// patterns, references by kind and host index, and (either ...) as any of
// its alternatives. Traps are matched by message; an uncaught exception is
// an error implementing ExceptionError.
//
// RuntimeTier is the Tier over kiln's public API (kiln/runtime): one
// Store and Linker per script (the runner calls Reset, see Resetter), the
// spectest module defined as the reference interpreter does, registered
// instances defined in the linker by name, externref script indices mapped
// to store handles and back. A tier that cannot run some proposals says so
// (FeatureLimited): a module that is valid only with them is skipped with
// the reason, and so are the actions on it, the registrations of it and
// the modules importing from a registered name of it; an operator the tier
// does not implement (UnsupportedError) is skipped the same way. A skip is
// never a pass.
//
// # Output
//
// Summarise prints one line per failure as "file:line: directive: message",
// one line per skip reason with its count, and ends with exactly
// "N passed, N failed" (", N skipped" when anything was skipped).
//
// Known gaps: thread and wait are parsed but not run; register, module
// instance and actions need a Tier. The compiled tiers plug in as an
// engine made with kiln.Config.Compiler once the runtime links them.
package wast
