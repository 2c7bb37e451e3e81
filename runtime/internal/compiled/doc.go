// Package compiled is the runtime's execution strategy for machine code:
// it turns any vm.Compiler (the baseline or the optimizing tier) into a
// store.Engine. Prepare compiles a module to a vm.Artifact and maps it with
// runtime/internal/jit; Attach builds each instance's VM context (the
// layout kiln/ir/vm prescribes); Call runs a function through its
// array-call entry on the store's jit.Machine and handles the exits the
// code takes: host calls (through Store.Call, so host functions and
// functions of other tiers work alike), memory.grow, bulk memory and table
// operations, and traps with a symbolised backtrace.
//
// # The problem
//
// The store's object model (runtime/internal/store) and the compiled-code
// contract (ir/vm) were designed independently and disagree on two
// representations:
//
//   - A funcref in the store is a Ref, a store-scoped handle (1 + the
//     function's position). In compiled code it is the address of a
//     vm.FuncRef {code, vmctx, type id}, so call_indirect is load, null
//     check, type check, call — no lookup.
//   - Store tables and globals are Go objects (Table.Elems, Global.Lo/Hi);
//     compiled code reads tables through {base, length} words in the VM
//     context and globals in 16-byte slots (inline for defined globals,
//     through a pointer for imported ones).
//
// # Data structures
//
// storeState (one per store that runs compiled code, found through the
// Engine, kept alive by the store's instances) holds the jit.Machine — one store context and one wasm stack,
// shared by every instance of the store as the contract requires, since a
// call crosses instances — and the compiled copies: a shadowTable per
// store table (elements as FuncRef addresses for funcref tables, Refs for
// externref tables) and a globalCell per global (the defining instance's
// inline VM-context slot, or a separate cell for globals defined outside
// compiled code). funcs maps every FuncRef address back to its function;
// Function.Tier holds the function's canonical FuncRef (the defining
// instance's, or the first compiled importer's for a host function).
//
// Copies are kept coherent by pushing them into the store objects before
// Go code may look (the end of a call, before a host call, around table
// exits) and pulling them back before compiled code runs again; a sync
// converts only the entries that changed since the last one. Memories
// need no copy: the VM context holds the base and length of Memory.Bytes,
// refreshed by Store.OnMemoryGrow.
//
// # Invariants
//
//   - Every VM context of a store points at the same store context.
//   - A FuncRef address handed to compiled code is inside a live VM
//     context of the store (the instance keeps it alive through
//     Instance.State).
//   - A funcref that names a function no compiled instance of the store
//     has seen becomes null in compiled code (calling it traps as an
//     uninitialised element) rather than a dangling address.
//
// # Known gaps
//
//   - Syncing a table copy compares it with its state at the last sync
//     (one vectorised comparison, about a microsecond per 8,000 entries)
//     and converts only the entries that changed; a generation counter on
//     store tables would make even the comparison unnecessary.
//   - The per-store state is found through a map of the Engine with weak
//     keys and values; a field for strategy state on store.Store (like
//     Instance.State) would make that lookup unnecessary.
//   - Store.Interrupt (from another goroutine) is seen at the next
//     preemption exit (the call's context reports it from Err), so it
//     takes up to ~10-20 ms rather than one loop iteration; fuel is not
//     metered in compiled code.
//   - SIMD, GC, exceptions, typed function references and threads
//     (Unsupported) are not compiled.
package compiled
