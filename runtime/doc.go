// Package kiln runs WebAssembly: engines, modules, stores, instances,
// linkers, host functions, memories, tables, globals and traps. It is
// kiln's embedding API, comparable to wazero's and Wasmtime's; the import
// path is kiln/runtime.
//
// # The problem
//
// An embedder wants to load untrusted wasm, give it a few Go functions,
// call its exports and get Go values and Go errors back, without the
// guest ever crashing or stalling the process, on every GOARCH Go
// supports. Underneath there are several execution tiers (a portable
// interpreter, a baseline and an optimizing compiler) that must look the
// same from outside, and the runtime must never import a compiler.
//
// # Data structures
//
//   - Engine holds a Config: the tier (the built-in interpreter, or a
//     compiled tier whose vm.Compiler the embedder passes in), the wasm
//     features and the limits every store of the engine enforces. It is
//     safe for concurrent use.
//   - Module is a validated module prepared for the engine's tier (for the
//     interpreter: its internal instruction form). CompileModule accepts
//     binary and text (.wat) input. Immutable and shareable.
//   - Store owns runtime objects (runtime/internal/store is the object
//     model shared by every tier): functions, memories, tables, globals,
//     tags, instances. Objects never cross stores; a Store is used by one
//     goroutine at a time, so concurrency is one Store per goroutine.
//   - Linker resolves imports by (module, name): host functions, defined
//     once and allocated lazily in each store that uses them, objects of a
//     store, and whole instances (DefineInstance).
//   - Func, Memory, Table, Global and Tag wrap store objects. Values cross
//     the API as uint64 words: i32 zero-extended, i64, f32/f64 as IEEE
//     bits, v128 as two words (low, high), references as store handles (0
//     is null; Store.ExternRef, Store.FuncOf; i31, struct and array
//     references are tagged words, see IsI31, IsObject).
//   - HostFunc is the raw host-function form (params and results as word
//     slices, no reflection, no allocation); Func0, Func1, ... build one
//     from a typed Go function with generics, and Call1, Encode and Decode
//     are the typed side of Func.Call.
//   - Trap is the error of a trap: a code, the wasm backtrace with names
//     from the name section, and for host failures the cause. One sentinel
//     per code (ErrTrapUnreachable, ErrTrapOutOfBounds, ...) works with
//     errors.Is.
//
// # Invariants
//
//   - Bad input never panics: a malformed or invalid module is an error
//     naming the offset and the reason; a module using an operator the tier
//     does not implement is an error wrapping ErrUnsupported.
//   - A host function's error or panic becomes an ErrTrapHostError trap
//     carrying the cause; the store stays usable. An internal error of the
//     interpreter is also returned as an error, not a crash.
//   - Exceeding a limit is an error: a memory minimum above MaxMemoryPages
//     fails instantiation, growth beyond it returns -1 to wasm (an error to
//     Memory.Grow), nesting deeper than MaxCallDepth traps with "call stack
//     exhausted" (the interpreter keeps its own frame stack, so deep wasm
//     recursion never grows the Go stack).
//   - A call stops promptly when its context is cancelled or its deadline
//     passes (ErrTrapInterrupted): the interpreter polls the context and
//     the store's interrupt flag at loop headers and calls; compiled tiers
//     poll the flag, which context.AfterFunc sets.
//   - Memory.Bytes aliases the memory until it grows; growth always goes
//     through the store so that tiers caching {base, length} refresh them.
//
// # Known gaps
//
//   - Compiled tiers run through runtime/internal/compiled where
//     runtime/internal/jit supports the platform; elsewhere NewEngine with
//     a Compiler returns ErrTierUnavailable. They do not run SIMD, typed
//     function references, exceptions or GC yet (Engine.Unsupported).
//   - The interpreter's atomics assume one thread (a store is
//     single-threaded, and no memory is shared between stores yet). An uncaught
//     exception comes back from Call as a *Exception error. GC objects
//     live as long as their store (no collector yet).
//   - No WASI here (runtime/wasi builds on this API).
//
// # Ahead-of-time compilation
//
// Module.Serialize writes a module compiled by a compiled tier as a .cwasm
// (aot.go: the original binary plus the vm.Artifact, versioned and
// CRC-checked), and Precompile does the same without mapping code (any
// host, any target with a back end). Engine.Deserialize loads it in any
// engine, one without a Compiler included, so a program that only runs
// precompiled modules links no compiler (tools/examples/aot). A .cwasm is
// machine code: load only files you trust.
package kiln
