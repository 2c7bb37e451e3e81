package baseline

import (
	"context"
	"errors"
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

// isas maps a GOARCH to its MacroAssembler factory. Adding an ISA is
// adding a row.
var isas = map[string]func() masm.MacroAssembler{
	"amd64": func() masm.MacroAssembler { return amd64.New() },
}

// Compiler is the baseline tier's vm.Compiler.
type Compiler struct {
	// noPollForBench: see CodeGen.noPollForBench.
	noPollForBench bool
}

var _ vm.Compiler = Compiler{}

// Name implements vm.Compiler.
func (Compiler) Name() string { return "baseline" }

// chunkFuncs is how many consecutive functions a worker compiles into one
// encoder buffer: the buffer's storage (bytes, labels, fixups, records) is
// then allocated once per chunk instead of once per function, and
// constants are pooled across the chunk.
const chunkFuncs = 64

// codePerWasmByte estimates the machine code of a chunk from the size of
// its wasm bodies, array entries included: Go's strconv tests measure 3.4
// bytes per wasm byte (3.8 for the 90th percentile chunk), so a chunk
// rarely outgrows the estimate, and then grows once.
const codePerWasmByte = 4

// chunk is the output of one buffer: its code and, per function, where
// its body and array entry are.
type chunk struct {
	code  *encoder.Code
	funcs []placed
}

type placed struct {
	body, size, entry, frame uint32
}

// Compile implements vm.Compiler: the defined functions are compiled in
// chunks by GOMAXPROCS workers (functions are independent: calls between
// them are relocations), each body followed by its array-call entry; the
// host-call trampolines of the imports follow; everything is laid out in
// one blob.
func (c Compiler) Compile(ctx context.Context, m *wasm.Module, opts vm.CompileOptions) (*vm.Artifact, error) {
	newMasm, ok := isas[opts.Target]
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
	sigs, err := newSigCache(m, abi)
	if err != nil {
		return nil, err
	}
	n := len(m.Code)
	chunks := make([]chunk, (n+chunkFuncs-1)/chunkFuncs)
	workers := opts.Parallelism
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(chunks)))
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
			g := &CodeGen{mod: m, offs: offs, opts: opts, abi: abi, m: newMasm(), sigs: sigs, noPollForBench: c.noPollForBench}
			for !failed.Load() {
				ci := int(next.Add(1) - 1)
				if ci >= len(chunks) {
					return
				}
				if ctx.Err() != nil {
					fail(ctx.Err())
					return
				}
				if err := g.compileChunk(&chunks[ci], ci*chunkFuncs, min(n, (ci+1)*chunkFuncs)); err != nil {
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
	// Host-call trampolines, one buffer for all.
	hm := newMasm()
	hostOffs := make([]uint32, m.NumImportedFuncs)
	for i := range hostOffs {
		s := sigs.fn(uint32(i))
		if s == nil {
			return nil, &UnsupportedError{Op: wasm.OpCall, Func: uint32(i), Reason: "v128 in a signature"}
		}
		hostOffs[i] = uint32(hm.Buffer().Len())
		hm.HostCall(uint32(i), s.params, s.results)
	}
	var hosts *encoder.Code
	if len(hostOffs) > 0 {
		if hosts, err = hm.Finish(); err != nil {
			return nil, err
		}
	}
	return link(opts, chunks, hosts, hostOffs)
}

// compileChunk compiles defined functions [lo, hi) into one buffer.
func (g *CodeGen) compileChunk(c *chunk, lo, hi int) error {
	m := g.m
	m.Reset()
	// Reserve the chunk's code up front: growing the buffer by doubling
	// allocated and copied about three times the final size.
	est := 0
	for def := lo; def < hi; def++ {
		est += len(g.mod.Code[def].Body)
	}
	m.Buffer().Grow(codePerWasmByte * est)
	c.funcs = make([]placed, 0, hi-lo)
	for def := lo; def < hi; def++ {
		start := m.Buffer().Len()
		if err := g.compile(def); err != nil {
			var u *UnsupportedError
			if errors.As(err, &u) {
				return err // names the function and offset already
			}
			return fmt.Errorf("function %d: %w", g.mod.NumImportedFuncs+def, err)
		}
		end := m.Buffer().Len()
		s := g.sigs.fn(g.funcIndex)
		m.ArrayEntry(g.funcIndex, s.params, s.results)
		c.funcs = append(c.funcs, placed{body: uint32(start), size: uint32(end - start), entry: uint32(end), frame: uint32(g.frameSize())})
	}
	code, err := m.Finish()
	if err != nil {
		return err
	}
	c.code = code
	return nil
}

// sigInfo is a function type's register classes and convention
// locations, computed once per type.
type sigInfo struct {
	params, results []masm.Ty
	plocs, rlocs    []argLoc
	pstack, rstack  int32 // stack area bytes for parameters and results
}

// sigCache holds sigInfo per type index (nil for types with v128).
type sigCache struct {
	m     *wasm.Module
	types []*sigInfo
}

func newSigCache(m *wasm.Module, abi *vm.ABI) (*sigCache, error) {
	c := &sigCache{m: m, types: make([]*sigInfo, len(m.Types))}
	for i := range m.Types {
		t := &m.Types[i]
		if t.Kind != wasm.CompFunc {
			continue
		}
		params, ok1 := tysOf(t.Params, nil)
		results, ok2 := tysOf(t.Results, nil)
		if ok1 && ok2 {
			si := &sigInfo{params: params, results: results}
			si.plocs, si.pstack = assign(abi, params, false)
			si.rlocs, si.rstack = assign(abi, results, true)
			c.types[i] = si
		}
	}
	return c, nil
}

// fn returns the signature of function funcIndex.
func (c *sigCache) fn(funcIndex uint32) *sigInfo {
	if int(funcIndex) >= len(c.m.FuncTypes) {
		return nil
	}
	t := c.m.FuncTypes[funcIndex]
	if int(t) >= len(c.types) {
		return nil
	}
	return c.types[t]
}

// link lays the chunks and the trampolines out in one blob, each piece at
// its own alignment (at least 16), and rebases their records.
func link(opts vm.CompileOptions, chunks []chunk, hosts *encoder.Code, hostOffs []uint32) (*vm.Artifact, error) {
	a := &vm.Artifact{Arch: opts.Target, Tier: "baseline", Features: uint64(opts.Features), Alignment: 16}
	pieces := make([]*encoder.Code, 0, len(chunks)+1)
	nfuncs := 0
	for i := range chunks {
		pieces = append(pieces, chunks[i].code)
		nfuncs += len(chunks[i].funcs)
	}
	if hosts != nil {
		pieces = append(pieces, hosts)
	}
	var size, nrel, ntrap, nloc int
	for _, c := range pieces {
		size += len(c.Bytes) + max(16, c.Alignment)
		nrel, ntrap, nloc = nrel+len(c.Relocs), ntrap+len(c.Traps), nloc+len(c.SrcLocs)
	}
	a.Code = make([]byte, 0, size)
	a.Relocs = make([]vm.Reloc, 0, nrel)
	a.Traps = make([]vm.TrapRecord, 0, ntrap)
	a.SrcLocs = make([]vm.SrcLoc, 0, nloc)
	a.Funcs = make([]vm.FuncInfo, 0, nfuncs)
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
	for i := range chunks {
		off := place(chunks[i].code)
		for _, f := range chunks[i].funcs {
			a.Funcs = append(a.Funcs, vm.FuncInfo{Offset: off + f.body, Size: f.size, ArrayEntry: off + f.entry, FrameSize: f.frame})
		}
	}
	if hosts != nil {
		off := place(hosts)
		for _, h := range hostOffs {
			a.Imports = append(a.Imports, off+h)
		}
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return a, nil
}
