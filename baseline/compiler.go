package baseline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"kiln/baseline/isa/amd64"
	"kiln/baseline/masm"
	"kiln/encoder"
	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// isa is one target: a MacroAssembler factory and its trampolines. Adding
// an ISA is adding a row.
type isa struct {
	newMasm     func() masm.MacroAssembler
	trampolines masm.Trampolines
}

var isas = map[string]isa{
	"amd64": {newMasm: func() masm.MacroAssembler { return amd64.New() }, trampolines: amd64.Trampolines{}},
}

// Compiler is the baseline tier's vm.Compiler.
type Compiler struct{}

var _ vm.Compiler = Compiler{}

// Name implements vm.Compiler.
func (Compiler) Name() string { return "baseline" }

// Compile implements vm.Compiler: every defined function, in parallel
// (functions are independent: calls between them are relocations), then
// one array-call entry per function and one host-call trampoline per
// imported function, laid out in one blob.
func (Compiler) Compile(ctx context.Context, m *wasm.Module, opts vm.CompileOptions) (*vm.Artifact, error) {
	target, ok := isas[opts.Target]
	if !ok {
		return nil, fmt.Errorf("baseline: no back end for %q", opts.Target)
	}
	abi, err := vm.ABIFor(opts.Target)
	if err != nil {
		return nil, err
	}
	if len(m.Code) != len(m.Funcs) {
		return nil, fmt.Errorf("baseline: module has %d bodies for %d functions", len(m.Code), len(m.Funcs))
	}
	offs := vm.NewOffsets(m, abi.PtrSize)
	n := len(m.Code)
	bodies := make([]*encoder.Code, n)
	entries := make([]*encoder.Code, n)
	workers := opts.Parallelism
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var firstErr error
	var errOnce sync.Once
	var failed atomic.Bool
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err })
		failed.Store(true)
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := &CodeGen{mod: m, offs: offs, opts: opts, abi: abi}
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if i%64 == 0 && ctx.Err() != nil {
					fail(ctx.Err())
					return
				}
				g.m = target.newMasm()
				code, err := g.compile(i)
				if err != nil {
					fail(fmt.Errorf("function %d: %w", m.NumImportedFuncs+i, err))
					return
				}
				bodies[i] = code
				entries[i], err = arrayEntry(target.trampolines, m, uint32(m.NumImportedFuncs+i))
				if err != nil {
					fail(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hosts := make([]*encoder.Code, m.NumImportedFuncs)
	for i := range hosts {
		params, results, err := sigTys(m, uint32(i))
		if err != nil {
			return nil, err
		}
		if hosts[i], err = target.trampolines.HostCall(uint32(i), params, results); err != nil {
			return nil, err
		}
	}
	return link(opts, bodies, entries, hosts)
}

func sigTys(m *wasm.Module, funcIndex uint32) ([]masm.Ty, []masm.Ty, error) {
	sig := m.FuncType(funcIndex)
	if sig == nil {
		return nil, nil, fmt.Errorf("baseline: function %d has no function type", funcIndex)
	}
	params, ok1 := tysOf(sig.Params, nil)
	results, ok2 := tysOf(sig.Results, nil)
	if !ok1 || !ok2 {
		return nil, nil, &UnsupportedError{Op: wasm.OpCall, Func: funcIndex, Reason: "v128 in a signature"}
	}
	return params, results, nil
}

func arrayEntry(t masm.Trampolines, m *wasm.Module, funcIndex uint32) (*encoder.Code, error) {
	params, results, err := sigTys(m, funcIndex)
	if err != nil {
		return nil, err
	}
	return t.ArrayEntry(funcIndex, params, results)
}

// link lays the pieces out in one blob: each function body followed by its
// array entry, then the host-call trampolines, every piece aligned to its
// own alignment (at least 16), and rebases their records.
func link(opts vm.CompileOptions, bodies, entries, hosts []*encoder.Code) (*vm.Artifact, error) {
	a := &vm.Artifact{Arch: opts.Target, Tier: "baseline", Features: uint64(opts.Features), Alignment: 16}
	size := 0
	for _, set := range [][]*encoder.Code{bodies, entries, hosts} {
		for _, c := range set {
			size += len(c.Bytes) + max(16, c.Alignment)
		}
	}
	a.Code = make([]byte, 0, size)
	place := func(c *encoder.Code) uint32 {
		al := max(16, c.Alignment)
		if uint32(al) > a.Alignment {
			a.Alignment = uint32(al)
		}
		for len(a.Code)%al != 0 {
			a.Code = append(a.Code, 0xcc)
		}
		off := uint32(len(a.Code))
		a.Code = append(a.Code, c.Bytes...)
		for _, r := range c.Relocs {
			a.Relocs = append(a.Relocs, vm.Reloc{Offset: off + r.Offset, Kind: vm.RelocKind(r.Kind),
				Target: vm.Symbol{Kind: vm.SymbolKind(r.Target.Kind), Index: r.Target.Index}, Addend: r.Addend})
		}
		for _, t := range c.Traps {
			a.Traps = append(a.Traps, vm.TrapRecord{Offset: off + t.Offset, Code: vm.TrapCode(t.Code)})
		}
		for _, s := range c.SrcLocs {
			a.SrcLocs = append(a.SrcLocs, vm.SrcLoc{Start: off + s.Start, End: off + s.End, Loc: s.Loc})
		}
		return off
	}
	for i, b := range bodies {
		off := place(b)
		fi := vm.FuncInfo{Offset: off, Size: uint32(len(b.Bytes)), ArrayEntry: vm.NoOffset}
		fi.ArrayEntry = place(entries[i])
		a.Funcs = append(a.Funcs, fi)
	}
	for _, h := range hosts {
		a.Imports = append(a.Imports, place(h))
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return a, nil
}
