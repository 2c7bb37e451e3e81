package kiln

import (
	"context"
	"errors"
	"fmt"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/compiled"
	"kiln/runtime/internal/store"
	"kiln/runtime/interp"
)

// Config configures an Engine. The zero value is the interpreter with
// every WebAssembly feature kiln implements and the default limits.
type Config struct {
	// Compiler, when set, compiles modules to machine code with that tier
	// (baseline or optimizing). The runtime never imports a compiler: the
	// embedder (or the kiln command) passes one in. Nil selects the
	// interpreter, which runs on every GOARCH.
	Compiler vm.Compiler

	// Features is the set of WebAssembly proposals modules may use; zero
	// means wasm.FeaturesAll.
	Features wasm.Features

	// MaxMemoryPages caps every memory of a store, at instantiation and
	// when it grows (0: 65536 pages, 4 GiB). A module whose minimum
	// exceeds it fails to instantiate with an error; memory.grow beyond it
	// returns -1.
	MaxMemoryPages uint64
	// MaxTableElements caps every table (0: ten million).
	MaxTableElements uint64
	// MaxCallDepth caps nested wasm calls; exceeding it traps with
	// ErrTrapStackOverflow ("call stack exhausted"). 0: 50,000.
	MaxCallDepth int
	// Fuel, when positive, turns fuel metering on in every new store with
	// that many units (see Store.SetFuel). Only the interpreter meters
	// fuel; the compiled tiers ignore it.
	Fuel int64
}

// Engine compiles modules. It is safe for concurrent use; modules it
// compiled can be instantiated in any Store made from it.
type Engine struct {
	cfg      Config
	strategy store.Engine
	loaderState
}

// ErrTierUnavailable is returned by NewEngine when Config.Compiler is set
// but this build has no compiled-code support for the host (the
// interpreter is always available).
var ErrTierUnavailable = errors.New("kiln: compiled tier not available in this build")

// compiledStrategy turns a vm.Compiler into the store's execution
// strategy for compiled code (runtime/internal/compiled). It fails with
// an error wrapping jit.ErrUnsupported where the platform cannot run
// machine code; the interpreter is always available.
var compiledStrategy = compiled.New

// NewEngine returns an engine for cfg.
func NewEngine(cfg Config) (*Engine, error) {
	if cfg.Features == 0 {
		cfg.Features = wasm.FeaturesAll
	}
	e := &Engine{cfg: cfg}
	if cfg.Compiler == nil {
		e.strategy = interp.Engine{}
		return e, nil
	}
	s, err := compiledStrategy(cfg.Compiler, cfg.Features)
	if err != nil {
		return nil, fmt.Errorf("%w (tier %s): %v", ErrTierUnavailable, cfg.Compiler.Name(), err)
	}
	e.strategy = s
	return e, nil
}

// Tier returns the name of the engine's execution tier ("interp",
// "baseline", "optimizing").
func (e *Engine) Tier() string { return e.strategy.Name() }

// Features returns the feature set modules are validated with.
func (e *Engine) Features() wasm.Features { return e.cfg.Features }

func (e *Engine) limits() store.Limits {
	return store.Limits{
		MaxMemoryPages:   e.cfg.MaxMemoryPages,
		MaxTableElements: e.cfg.MaxTableElements,
		MaxCallDepth:     e.cfg.MaxCallDepth,
	}
}

// compile validates m and prepares it for the engine's tier.
func (e *Engine) prepare(ctx context.Context, m *wasm.Module) (store.Code, error) {
	return e.strategy.Prepare(ctx, m, e.cfg.Features)
}

// ErrUnsupported is wrapped by CompileModule's error when a valid module
// uses an operator the engine's tier does not implement (for the
// interpreter: garbage collection, exception handling and threads).
var ErrUnsupported = interp.ErrUnsupported

// Unsupported returns the proposals the engine's tier validates but cannot
// execute: modules that use them fail CompileModule with ErrUnsupported.
func (e *Engine) Unsupported() wasm.Features {
	if u, ok := e.strategy.(interface{ Unsupported() wasm.Features }); ok {
		return u.Unsupported()
	}
	return 0
}
