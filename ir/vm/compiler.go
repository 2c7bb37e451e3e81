package vm

import (
	"context"

	"kiln/ir/wasm"
)

// Compiler is what a compiler tier implements to plug into the runtime. The
// runtime never imports a compiler module; an embedder (or the kiln
// command) hands it a Compiler.
type Compiler interface {
	// Name is the tier's name ("baseline", "optimizing"), recorded in
	// artifacts.
	Name() string
	// Compile translates every defined function of a validated module to
	// machine code for opts.Target. The result is relocatable: the
	// runtime (or an AOT loader) places Code in executable memory and
	// applies Relocs. Compile returns ctx.Err() if ctx is cancelled, and
	// an error (never a panic) for anything it does not support, naming
	// the function and wasm offset.
	Compile(ctx context.Context, m *wasm.Module, opts CompileOptions) (*Artifact, error)
}

// CompileOptions says what to compile for and which checks to emit.
type CompileOptions struct {
	// Target is the GOARCH name of the machine that will run the code
	// ("amd64", "arm64", ...).
	Target string
	// Features is the set of wasm proposals the module was validated
	// with.
	Features wasm.Features
	// Parallelism bounds the goroutines Compile may use (0: GOMAXPROCS).
	Parallelism int
	// Debug keeps extra information: full source locations and names.
	Debug bool
	// Interruptible emits the StoreContext.Interrupt check at loop back
	// edges and function entries (cancellation, deadlines, epochs). The
	// preemption check (g.stackguard0) is always emitted: it is what keeps
	// the Go GC's stop-the-world latency bounded and is not optional.
	Interruptible bool
	// Fuel emits fuel accounting (StoreContext.Fuel, ExitOutOfFuel).
	Fuel bool
}
