package store

import (
	"context"

	"kiln/ir/wasm"
)

// Engine is an execution strategy: the interpreter, or a compiled tier
// behind vm.Compiler. It must be safe for concurrent use.
type Engine interface {
	// Name is the tier's name ("interp", "baseline", "optimizing").
	Name() string
	// Prepare turns a validated module into runnable Code. features is the
	// set the module was validated with.
	Prepare(ctx context.Context, m *wasm.Module, features wasm.Features) (Code, error)
}

// Code is a module prepared by an Engine, shared by all its instances in
// all stores; it must be safe for concurrent use by different stores.
type Code interface {
	// Call runs the defined function fn (an index in the module's
	// function index space, not an import) of inst with params and writes
	// its results (see FuncType.Words for the sizes). It returns a *Trap
	// for a trap, including TrapInterrupted when inst.Store.Interrupted()
	// becomes true and TrapStackOverflow when Store.Enter refuses a frame.
	// Calls to functions of other instances or to host functions go
	// through inst.Store.Call.
	Call(ctx context.Context, inst *Instance, fn uint32, params, results []uint64) error
}

// Attacher is implemented by Code that keeps per-instance state (a compiled
// tier's VM context). Store.Instantiate calls Attach once the instance's
// index spaces are complete (imports resolved, objects allocated, globals
// initialised) and before element and data segments are applied and the
// start function runs; the strategy may keep its state in Instance.State.
type Attacher interface {
	Attach(inst *Instance) error
}
