package amd64

import (
	"fmt"
	"strings"
	"sync"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/encoder/disasm"
	"kiln/ir"
	"kiln/optimizing/lower"
	"kiln/regalloc"
)

// Flags are the ISA extensions the code may use beyond baseline x86-64
// (SSE2). They come from a CLIF target line (`target x86_64 has_sse41`).
type Flags struct {
	HasSSE41, HasPOPCNT, HasLZCNT, HasBMI1, HasAVX, HasFMA bool
}

// ParseFlags reads target flags, each "name" or "name=value" (a value of
// "false" clears the flag); unknown names are ignored, as flags the back
// end does not consult do not change its output.
func ParseFlags(settings []string) Flags {
	var f Flags
	for _, s := range settings {
		name, val, _ := strings.Cut(s, "=")
		on := val != "false" && val != "0"
		switch name {
		case "has_sse41", "sse41", "has_sse42", "sse42":
			f.HasSSE41 = on
		case "has_popcnt":
			f.HasPOPCNT = on
		case "has_lzcnt":
			f.HasLZCNT = on
		case "has_bmi1":
			f.HasBMI1 = on
		case "has_avx":
			f.HasAVX = on
		case "has_fma":
			f.HasFMA = on
		}
	}
	return f
}

// Options configure one compilation.
type Options struct {
	Flags Flags
	// Resolve maps the name of a called function to its relocation symbol.
	// Nil resolves user names uN:M to SymFunc M and nothing else.
	Resolve func(ir.Name) (encoder.Symbol, bool)
	// Algorithm selects the register allocator; Verify runs its checker.
	Algorithm regalloc.Algorithm
	Verify    bool
	// Wasm selects kiln's wasm contract (nil: the CLIF conventions).
	Wasm *WasmOptions
	// NoListing skips the VCode listing (Result.VCode is empty): it
	// costs about as much as emission itself.
	NoListing bool
	// Arena, when set, receives the code and its records
	// (encoder.Buffer.FinishInto), and the code buffer is reused for the
	// next function instead of being handed to the Code.
	Arena *encoder.Arena
}

// Result is a compiled function.
type Result struct {
	Code *encoder.Code
	// VCode is the machine code listing after register allocation.
	VCode string
	// Frame is the stack frame layout.
	Frame *lower.Frame
}

func defaultResolve(n ir.Name) (encoder.Symbol, bool) {
	if n.Kind == ir.NameUser {
		return encoder.Symbol{Kind: encoder.SymFunc, Index: n.Index}, true
	}
	return encoder.Symbol{}, false
}

// Compile lowers, allocates and emits f for x86-64:
//
//	ir.Function
//	    | lower.Lower: block order, instruction selection (rules.go)
//	    v
//	VCode[Inst] (virtual registers, block params, branch args)
//	    | regalloc.Allocate (machineEnv)
//	    v
//	VCode + regalloc.Output (allocations, edits)
//	    | lower.LayoutFrame, lower.Emit (emit.go)
//	    v
//	encoder.Code (bytes, relocs, traps, constants)
func Compile(f *ir.Function, opts Options) (*Result, error) {
	s := getReuse()
	be := &backend{flags: opts.Flags, resolve: opts.Resolve, wasm: opts.Wasm, s: s}
	cabi, err := be.calleeABI(f.Signature.CallConv)
	if err != nil {
		return nil, err
	}
	be.abi = cabi
	menv := machineEnv
	if opts.Wasm != nil {
		if opts.Wasm.TrapCode == nil {
			return nil, fmt.Errorf("amd64: WasmOptions.TrapCode is nil")
		}
		menv = wasmMachineEnv
	}
	if be.resolve == nil {
		be.resolve = defaultResolve
	}
	vc, err := lower.Lower[Inst](f, be)
	if err != nil {
		return nil, err
	}
	out, err := regalloc.Allocate(vc, menv, regalloc.Options{Algorithm: opts.Algorithm, Verify: opts.Verify, Reuse: &s.raOut})
	if err != nil {
		return nil, err
	}
	var saves []regalloc.PReg
	for _, r := range cabi.calleeSaved {
		if out.CalleeSavedUsed.Contains(gprP(r)) {
			saves = append(saves, gprP(r))
		}
	}
	var reserved int32
	var saveRegs []regalloc.PReg
	if opts.Wasm != nil {
		reserved = -vmctxSlot
		if be.hasCheck {
			saveRegs = preemptSaveRegs(out)
			reserved = -saveAreaBase + 8*int32(len(saveRegs))
		}
	}
	frame := lower.LayoutFrame(f, out, saves, be.outgoing, reserved, 8, 8, 16)
	buf, a := s.buf, s.a
	// About five bytes of code per machine instruction, plus the
	// prologue and stubs: one allocation for the code of most functions
	// instead of a dozen doublings.
	buf.Grow(5*vc.NumInsts() + 64)
	em := &emitter{buf: buf, a: a, vc: vc, frame: frame, flags: opts.Flags, wasm: opts.Wasm, saveRegs: saveRegs, curLoc: encoder.NoSrcLoc}
	if be.tailArea > 0 {
		_, params, _ := cabi.assign(nil, f.Signature.Params, false)
		_, results, _ := cabi.assign(nil, f.Signature.Returns, true)
		em.grow = &tailGrow{area: max(be.tailArea, params, results), params: params, results: results}
	}
	em.stubs, em.trapExits, em.stubIndex = s.stubs, s.trapExits, &s.stubIndex
	s.stubIndex.reset()
	em.labels = s.labels[:0]
	for range vc.NumBlocks() {
		em.labels = append(em.labels, buf.NewLabel())
	}
	s.labels = em.labels
	text, err := lower.Emit[Inst](vc, out, em, !opts.NoListing)
	if err != nil {
		return nil, err
	}
	em.emitStubs()
	if em.grow != nil {
		em.emitTailShim()
	}
	if em.err != nil {
		return nil, em.err
	}
	var code *encoder.Code
	if opts.Arena != nil {
		code, err = buf.FinishInto(opts.Arena)
	} else {
		code, err = buf.Finish()
	}
	if err != nil {
		return nil, err
	}
	s.stubs, s.trapExits = em.stubs[:0], em.trapExits[:0]
	putReuse(s)
	return &Result{Code: code, VCode: text, Frame: frame}, nil
}

// reuse is the storage one compilation uses and drops: the code buffer
// with its label, fixup and branch tables, the block labels, the trap
// stub index and the lowering's and emitter's small lists. It goes back
// to reusePool for the next function when a compilation succeeds; strconv
// has 3,239 functions, and regrowing these for each was a fifth of the
// back end's allocations. Nothing in it outlives Compile: the code bytes
// and records belong to the Code that Finish returns (the buffer's Reset
// leaves them alone, and FinishInto copies them out).
type reuse struct {
	buf    *encoder.Buffer
	a      *asm.Assembler
	labels []encoder.Label
	// locs and ops hold the argument locations and operand lists of
	// calls, returns and the entry block's parameters.
	locs [3][]argLoc
	ops  []regalloc.Operand
	// The emitter's wasm stub lists, empty between functions, and its
	// stub index.
	stubs, trapExits []wasmStub
	stubIndex        stubTable
	// raOut is the allocator's result, overwritten for each function:
	// nothing keeps it past Compile (the frame and the listing copy
	// what they need).
	raOut regalloc.Output
}

var reusePool sync.Pool

func getReuse() *reuse {
	s, _ := reusePool.Get().(*reuse)
	if s == nil {
		buf := encoder.NewBuffer(asm.BufferISA)
		return &reuse{buf: buf, a: asm.New(buf)}
	}
	s.buf.Reset()
	return s
}

// putReuse returns s to the pool. A failed compilation drops it
// instead: its buffer may be in any state.
func putReuse(s *reuse) { reusePool.Put(s) }

// Disassemble prints code with x/arch, one instruction a line.
func Disassemble(code *encoder.Code) (string, error) {
	s, err := disasm.Code("amd64", code, disasm.Options{NoBytes: true})
	if err != nil {
		return "", fmt.Errorf("disassembly: %w", err)
	}
	return strings.TrimRight(s, "\n"), nil
}
