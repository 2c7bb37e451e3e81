package compiled

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"weak"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
	"kiln/runtime/interp"
)

// Unsupported is the set of proposals the compiled tiers validate but do
// not run yet; the runtime reports modules that use them as unsupported.
const Unsupported = wasm.SIMD | wasm.RelaxedSIMD | wasm.GC |
	wasm.ExceptionHandling | wasm.LegacyExceptions | wasm.Threads

// StackSize is the size of each store's wasm stack.
const StackSize = 8 << 20

// Engine is the store.Engine of a compiled tier: it compiles with a
// vm.Compiler and runs the artifacts through runtime/internal/jit.
type Engine struct {
	compiler vm.Compiler
	features wasm.Features

	// stores maps each store that instantiated code of this engine
	// (weak.Pointer[store.Store]) to its machine state
	// (weak.Pointer[storeState]). Both are weak: the store's instances
	// hold their storeState (Instance.State), so it lives exactly as long
	// as the store's objects do, and an engine that outlives many stores
	// keeps none of them (or their wasm stacks) alive.
	stores sync.Map
}

// New returns the execution strategy for compiler c, or an error wrapping
// jit.ErrUnsupported where this platform cannot run machine code.
func New(c vm.Compiler, f wasm.Features) (store.Engine, error) {
	if !jit.Supported {
		return nil, jit.ErrUnsupported
	}
	return &Engine{compiler: c, features: f}, nil
}

// Name implements store.Engine.
func (e *Engine) Name() string { return e.compiler.Name() }

// Unsupported returns the proposals modules may not use.
func (e *Engine) Unsupported() wasm.Features { return Unsupported }

// unsupportedError is what a compiler's "operator not implemented" error
// looks like (kiln/baseline.UnsupportedError); the runtime cannot import a
// compiler, so it recognises the method.
type unsupportedError interface {
	error
	Unsupported() bool
}

// Prepare implements store.Engine: compile, then map the code.
func (e *Engine) Prepare(ctx context.Context, m *wasm.Module, features wasm.Features) (store.Code, error) {
	// Not Interruptible: the preemption check every function entry and
	// loop back edge has anyway exits within about 10 ms of a
	// cancellation (sysmon asks every goroutine that ran that long to
	// yield, and the machine checks the context when it does), which
	// saves a load, compare and branch per loop iteration.
	art, err := e.compiler.Compile(ctx, m, vm.CompileOptions{Target: runtime.GOARCH, Features: features})
	if err != nil {
		var u unsupportedError
		if errors.As(err, &u) && u.Unsupported() {
			return nil, fmt.Errorf("%w: %v", interp.ErrUnsupported, err)
		}
		return nil, err
	}
	return e.Load(m, art)
}

// Load maps an artifact compiled earlier (e.g. read from a .cwasm with
// vm.Unmarshal) for module m. The caller checks that the artifact belongs
// to m (Artifact.ModuleHash) and was built by this engine's tier.
func (e *Engine) Load(m *wasm.Module, art *vm.Artifact) (store.Code, error) {
	if art.Tier != e.compiler.Name() {
		return nil, fmt.Errorf("compiled: artifact of tier %q, engine runs %q", art.Tier, e.compiler.Name())
	}
	if len(art.Funcs) != len(m.Funcs) || len(art.Imports) != m.NumImportedFuncs {
		return nil, fmt.Errorf("compiled: artifact has %d functions and %d imports, module %d and %d",
			len(art.Funcs), len(art.Imports), len(m.Funcs), m.NumImportedFuncs)
	}
	for i, f := range art.Funcs {
		if f.ArrayEntry == vm.NoOffset {
			return nil, fmt.Errorf("compiled: function %d has no array-call entry", m.NumImportedFuncs+i)
		}
	}
	for i, off := range art.Imports {
		if off == vm.NoOffset {
			return nil, fmt.Errorf("compiled: import %d has no host-call trampoline", i)
		}
	}
	code, err := jit.LoadArtifact(art, nil)
	if err != nil {
		return nil, err
	}
	return &Code{engine: e, mod: m, art: art, code: code, offs: vm.NewOffsets(m, 8)}, nil
}

// Artifact returns the compiled module (for serialising it).
func (c *Code) Artifact() *vm.Artifact { return c.art }

// Code is one compiled module, shared by its instances in every store.
type Code struct {
	engine *Engine
	mod    *wasm.Module
	art    *vm.Artifact
	code   *jit.Code
	offs   *vm.Offsets
}

// funcAddr returns the wasm-convention entry of defined function idx.
func (c *Code) funcAddr(idx uint32) uintptr {
	return c.code.Addr(c.art.Funcs[idx-uint32(c.mod.NumImportedFuncs)].Offset)
}

// storeState returns (creating on first use) the machine state of s.
func (e *Engine) storeState(s *store.Store) (*storeState, error) {
	key := weak.Make(s)
	if v, ok := e.stores.Load(key); ok {
		if ss := v.(weak.Pointer[storeState]).Value(); ss != nil {
			return ss, nil
		}
	}
	m, err := jit.NewMachine(StackSize)
	if err != nil {
		return nil, err
	}
	ss := newStoreState(s, m)
	if _, loaded := e.stores.Swap(key, weak.Make(ss)); !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[store.Store]) { e.stores.Delete(k) }, key)
	}
	return ss, nil
}
