package kiln

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"runtime"
	"sync"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/compiled"
)

// The precompiled module format (.cwasm, container version 1):
//
//	magic     "KILNAOT\x00" (8 bytes)
//	version   uint32 little-endian
//	wasm      uvarint length, then the module's original binary
//	artifact  uvarint length, then vm.Artifact.Marshal (itself versioned
//	          and CRC-checked; its ModuleHash is SHA-256 of wasm)
//	crc       CRC-32C (Castagnoli) of everything before it, uint32 LE
//
// The original binary travels with the code because instantiation needs
// everything but the code: types, imports, exports, globals, element and
// data segments, and the name section for backtraces. Decoding and
// validating it again costs a small fraction of compiling it, and it
// means a loaded module is checked exactly like a compiled one.
//
// Trust: the checksums detect damage, and every count and offset is
// bounds-checked, so corrupt input is an error, never a panic. But a
// .cwasm is machine code: no check can tell hostile code from honest
// code, so load only files you (or a build you trust) produced, as with
// Wasmtime's Module::deserialize.
const (
	aotMagic   = "KILNAOT\x00"
	aotVersion = 1
)

var aotCRC = crc32.MakeTable(crc32.Castagnoli)

// IsPrecompiled reports whether b starts like a precompiled module
// (Module.Serialize output), so that tools can pick Engine.Deserialize or
// Engine.CompileModule by content rather than by file name.
func IsPrecompiled(b []byte) bool { return bytes.HasPrefix(b, []byte(aotMagic)) }

// ErrNotSerializable is returned by Module.Serialize for a module that has
// no machine code: one prepared by the interpreter.
var ErrNotSerializable = errors.New("kiln: only modules compiled by a compiled tier (baseline, optimizing) can be serialized")

// Serialize returns the module's machine code and everything needed to
// instantiate it in another process, in the .cwasm format that
// Engine.Deserialize loads (see IsPrecompiled). The code is for this
// process's GOARCH.
func (m *Module) Serialize() ([]byte, error) {
	c, ok := m.code.(*compiled.Code)
	if !ok {
		return nil, fmt.Errorf("%w (this module was prepared by the %s tier)", ErrNotSerializable, m.engine.Tier())
	}
	art := *c.Artifact() // shallow copy: the hash is the only change
	return writePrecompiled(m.binary, &art), nil
}

// writePrecompiled encodes the container for module binary bin and its
// code art, setting art.ModuleHash.
func writePrecompiled(bin []byte, art *vm.Artifact) []byte {
	art.ModuleHash = sha256.Sum256(bin)
	ab := art.Marshal()
	out := make([]byte, 0, len(aotMagic)+4+2*binary.MaxVarintLen64+len(bin)+len(ab)+4)
	out = append(out, aotMagic...)
	out = binary.LittleEndian.AppendUint32(out, aotVersion)
	out = binary.AppendUvarint(out, uint64(len(bin)))
	out = append(out, bin...)
	out = binary.AppendUvarint(out, uint64(len(ab)))
	out = append(out, ab...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, aotCRC))
}

// Precompile compiles a module (binary or text) with compiler c for
// target (a GOARCH name) and returns the .cwasm that Engine.Deserialize
// loads on a target machine, like Wasmtime's Engine::precompile_module.
// Unlike CompileModule followed by Serialize it maps no code, so it works
// on any host, including cross-compiling for another architecture (where
// c has a back end for it). features zero means wasm.FeaturesAll. The
// code is compiled with the options a compiled engine uses, so it behaves
// exactly like code compiled in the target process.
func Precompile(ctx context.Context, c vm.Compiler, src []byte, target string, features wasm.Features) ([]byte, error) {
	if features == 0 {
		features = wasm.FeaturesAll
	}
	bin, err := binaryModule(src)
	if err != nil {
		return nil, err
	}
	m, err := wasm.DecodeAndValidate(bin, features)
	if err != nil {
		return nil, fmt.Errorf("kiln: %w", err)
	}
	art, err := c.Compile(ctx, m, vm.CompileOptions{Target: target, Features: features})
	if err != nil {
		var u interface{ Unsupported() bool }
		if errors.As(err, &u) && u.Unsupported() {
			return nil, fmt.Errorf("kiln: %s tier: %w: %v", c.Name(), ErrUnsupported, err)
		}
		return nil, fmt.Errorf("kiln: %s tier: %w", c.Name(), err)
	}
	if err := art.Validate(); err != nil {
		return nil, fmt.Errorf("kiln: %s tier produced an invalid artifact: %w", c.Name(), err)
	}
	return writePrecompiled(bin, art), nil
}

// Deserialize loads a module serialized by Module.Serialize, possibly in
// another process or by another build of kiln with the same format
// versions. It needs no compiler: an engine configured for any tier,
// the interpreter included, runs the precompiled code with the tier's
// runtime support (runtime/internal/compiled). The module binary is
// validated with the engine's features and must be the one the code was
// compiled from; the code must be for this GOARCH. Malformed input is an
// error naming what is wrong; see the format's trust note above.
func (e *Engine) Deserialize(b []byte) (*Module, error) {
	bin, artBytes, err := splitPrecompiled(b)
	if err != nil {
		return nil, err
	}
	art, err := vm.Unmarshal(artBytes)
	if err != nil {
		return nil, fmt.Errorf("kiln: precompiled module: %w", err)
	}
	if art.ModuleHash != sha256.Sum256(bin) {
		return nil, errors.New("kiln: precompiled module: the code was compiled from a different module (module hash mismatch)")
	}
	if art.Arch != runtime.GOARCH {
		return nil, fmt.Errorf("kiln: precompiled module: compiled for %s, this process runs %s", art.Arch, runtime.GOARCH)
	}
	m, err := wasm.DecodeAndValidate(bin, e.cfg.Features)
	if err != nil {
		return nil, fmt.Errorf("kiln: precompiled module: embedded wasm: %w", err)
	}
	strategy, err := e.precompiledStrategy(art.Tier)
	if err != nil {
		return nil, err
	}
	code, err := strategy.Load(m, art)
	if err != nil {
		return nil, fmt.Errorf("kiln: precompiled module: %w", err)
	}
	mod := &Module{engine: e, wasm: m, code: code, binary: bin}
	if m.Names != nil {
		mod.name = m.Names.Module
	}
	return mod, nil
}

// splitPrecompiled checks the container's magic, version and checksum and
// returns its two parts (aliasing b).
func splitPrecompiled(b []byte) (bin, art []byte, err error) {
	if !IsPrecompiled(b) {
		return nil, nil, errors.New("kiln: not a precompiled kiln module (bad magic)")
	}
	if len(b) < len(aotMagic)+4+4 {
		return nil, nil, fmt.Errorf("kiln: precompiled module truncated (%d bytes)", len(b))
	}
	if v := binary.LittleEndian.Uint32(b[len(aotMagic):]); v != aotVersion {
		return nil, nil, fmt.Errorf("kiln: precompiled module: format version %d, this kiln reads version %d (recompile it)", v, aotVersion)
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if got := crc32.Checksum(body, aotCRC); got != sum {
		return nil, nil, fmt.Errorf("kiln: precompiled module: checksum mismatch (stored %08x, computed %08x): file damaged", sum, got)
	}
	rest := body[len(aotMagic)+4:]
	part := func(what string) []byte {
		if err != nil {
			return nil
		}
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			err = fmt.Errorf("kiln: precompiled module: %s: bad length at offset %d", what, len(b)-4-len(rest))
			return nil
		}
		p := rest[k : k+int(n)]
		rest = rest[k+int(n):]
		return p
	}
	bin, art = part("module binary"), part("compiled code")
	if err == nil && len(rest) != 0 {
		err = fmt.Errorf("kiln: precompiled module: %d trailing bytes", len(rest))
	}
	if err != nil {
		return nil, nil, err
	}
	return bin, art, nil
}

// precompiledStrategy returns the compiled-code strategy that runs
// artifacts of tier: the engine's own when it compiles with that tier,
// otherwise one made on first use whose compiler only has a name (the
// code is already compiled, so nothing else of it is called).
func (e *Engine) precompiledStrategy(tier string) (*compiled.Engine, error) {
	if c, ok := e.strategy.(*compiled.Engine); ok && c.Name() == tier {
		return c, nil
	}
	e.loadersMu.Lock()
	defer e.loadersMu.Unlock()
	if c, ok := e.loaders[tier]; ok {
		return c, nil
	}
	s, err := compiledStrategy(precompiledTier(tier), e.cfg.Features)
	if err != nil {
		return nil, fmt.Errorf("%w (precompiled %s code): %v", ErrTierUnavailable, tier, err)
	}
	c, ok := s.(*compiled.Engine)
	if !ok {
		return nil, fmt.Errorf("kiln: no loader for precompiled %s code", tier)
	}
	if e.loaders == nil {
		e.loaders = map[string]*compiled.Engine{}
	}
	e.loaders[tier] = c
	return c, nil
}

// precompiledTier is the vm.Compiler of an engine that only loads code
// compiled elsewhere: it names the tier the code came from and refuses to
// compile, which keeps every compiler out of a binary that runs only
// precompiled modules.
type precompiledTier string

func (t precompiledTier) Name() string { return string(t) }

func (t precompiledTier) Compile(context.Context, *wasm.Module, vm.CompileOptions) (*vm.Artifact, error) {
	return nil, fmt.Errorf("kiln: the %s tier is not linked into this program; it only loads precompiled code", string(t))
}

// loaderState is embedded in Engine: the strategies made by
// precompiledStrategy, per tier.
type loaderState struct {
	loadersMu sync.Mutex
	loaders   map[string]*compiled.Engine
}
