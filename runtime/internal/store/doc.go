// Package store is kiln's runtime object model: the Store that owns every
// runtime object, the objects themselves (Function, Memory, Table, Global,
// Tag, data and element segments, Instance) and the strategy interface an
// execution tier implements (Engine, Code). Every execution strategy — the
// interpreter in runtime/interp and, later, the compiled tiers through
// kiln/ir/vm — works on these objects; the public API in kiln/runtime wraps
// them.
//
// # The problem
//
// The WebAssembly spec describes execution over a store: instances do not
// own their memories, tables, globals and functions, they hold addresses of
// objects in the store, so an object exported by one instance and imported
// by another is the same object. kiln keeps that shape literally: objects
// are Go values owned by one Store; an Instance's index spaces are slices of
// pointers to them, imports first. A wasm function of instance A imported by
// B is the same *Function in both index spaces and always runs against A.
//
// # Values and references
//
// Values cross every boundary (tier entry, host functions, globals) as
// uint64 words: i32 zero-extended, i64, f32/f64 as IEEE bits, v128 as two
// words (low, high), references as a Ref. A Ref is a store-scoped handle:
// 0 is null; a funcref is 1 + the function's position in the store's
// function list; an externref is 1 + the position of the host value in the
// store's extern list (Store.ExternRef, Store.ExternValue). References are
// therefore meaningful only inside the Store that made them, like wasmtime's
// Store-scoped values. Table elements are Refs.
//
// # Execution strategies
//
// Engine.Prepare turns a validated module into Code once; Code is shared by
// every instance of the module in every store and must be safe for
// concurrent use. Code.Call runs one defined function of an instance. A
// strategy with per-instance state (a compiled tier's VM context)
// implements Attacher: Instantiate calls Attach once the index spaces are
// complete and before segments and the start function run, and the
// strategy keeps its state in Instance.State. Function.Tier is a slot
// for the strategy too (e.g. the function's vm.FuncRef), so a funcref —
// a store handle — maps to compiled code with Store.Func(ref).Tier. A tier
// that reaches a function it cannot run directly — a host function, or a
// wasm function of an instance prepared by another tier — goes through
// Store.Call, which dispatches on the Function: host functions run their Go
// callback (a panic becomes a TrapHostError trap), wasm functions re-enter
// their own instance's Code. A host function calling back into wasm also
// uses Store.Call (or the public Func.Call built on it).
//
// Store.Depth counts active wasm frames across re-entries so that call
// stack exhaustion (TrapStackOverflow, "call stack exhausted") is reported
// the same way however deep the host/wasm nesting is; tiers that keep their
// own frame stack add their frames to it with Store.Enter/Store.Leave.
// Store.Interrupted is the flag a tier polls at loop headers and function
// entries: the embedding API sets it when a call's context is cancelled or
// its deadline passes. Store.Fuel is the remaining fuel when metering is on.
//
// # Types
//
// TypeIDs are store-wide and iso-recursive (types.go): a rec group is
// keyed by its serialisation with references inside the group relative to
// it and references outside it by their TypeID, so equal types of
// different modules get equal ids, and call_indirect, function and tag
// imports compare one integer. Host function signatures get the id of a
// lone final function type. Tables and globals record their defining
// instance (Owner) so that concrete reference types in their types can be
// canonicalised when an import is checked.
//
// # GC objects
//
// Structs and arrays are Objects owned by the store (gc.go): a canonical
// TypeID and the fields or elements as words. References to them, i31
// values and host values moved into the any hierarchy are tagged words
// (RefObject, RefI31, RefHostAny) disjoint from funcref and externref
// handles, so any.convert_extern and extern.convert_any keep identity.
// SubTypeOf walks declared supertypes (recorded per canonical type when
// its rec group is first interned); import matching and call_indirect use
// it, as do the interpreter's casts.
//
// # Traps
//
// A trap is a *Trap: a vm.TrapCode (the contract's codes and their spec
// messages) and the wasm backtrace, innermost frame first, each frame
// naming the module, the function index and name (from the name section)
// and the code offset. Host errors are wrapped: Trap.Cause holds the error
// (or the recovered panic) and errors.Unwrap reaches it. Sentinel(code)
// makes the values errors.Is matches any trap of that code against.
// Detail and Text adjust the message where the spec's wording needs it
// ("uninitialized element 2", "null function reference").
//
// # Instantiation
//
// Instantiate follows the spec's order: check import types against the
// module's import section ("incompatible import type"), allocate defined
// functions, tables, memories, globals and tags, evaluate global
// initialisers, build element segments, then apply active element and data
// segments in section order (each bounds-checked as a whole before writing:
// "out of bounds table access" / "out of bounds memory access"; the
// segment is dropped afterwards), and finally run the start function. A
// failure after allocation leaves the objects in the store (the spec allows
// partially initialised tables and memories to stay visible through
// imports), but no Instance is returned.
//
// # Memory
//
// Memory.Bytes is the memory's contents; its length is always Pages*64KiB.
// The base pointer (&Bytes[0]) and the length are stable until the memory
// grows, and it grows only through Store.GrowMemory (memory.grow in every
// tier, Memory.Grow in the API), which runs the hooks registered with
// Store.OnMemoryGrow afterwards: a compiled tier refreshes the {base,
// length} copies in its VM contexts there. Memories whose maximum is at
// most 1 MiB reserve their whole capacity up front so growth never moves
// them.
//
// # Concurrency
//
// A Store and everything in it belong to one goroutine at a time. Code and
// Engine values are shareable. Store.Interrupt may be called from any
// goroutine.
//
// # Known gaps
//
// There is no garbage collector: objects, exceptions and externref host
// values live until the store is dropped. Shared-memory atomics and
// wait/notify are not implemented.
package store
