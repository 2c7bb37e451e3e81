package interp

import (
	"errors"
	"fmt"
	"io"

	"kiln/ir"
)

// Options bound one Call. The zero value of a field means its default.
type Options struct {
	// Fuel is the number of instructions one Call may execute before it
	// fails with ErrFuelExhausted (default 100 million).
	Fuel int64
	// MaxDepth is the deepest call stack; a call beyond it traps with
	// stk_ovf (default 100 000 frames).
	MaxDepth int
	// StackBytes bounds the emulated stack: the stack slots of the live
	// frames plus their value slots (24 bytes per value). A frame that
	// does not fit traps with stk_ovf (default 64 MiB, at most 1.75 GiB:
	// the stack lives below the function addresses).
	StackBytes int
	// Trace, when set, receives one line per executed instruction before
	// it runs: function, instruction, opcode and the values of its
	// arguments. For debugging; it slows execution down a lot.
	Trace io.Writer
}

const (
	defaultFuel       = 100_000_000
	defaultMaxDepth   = 100_000
	defaultStackBytes = 64 << 20
)

// Trap is a trap raised by the interpreted code: trap/trapz/trapnz, an
// integer division by zero or overflow, a bad float-to-int conversion, an
// access outside the live stack, a too-deep call stack. Retrieve it with
// errors.As.
type Trap struct {
	Code ir.TrapCode
	Func string  // name of the function executing the trapping instruction
	Inst ir.Inst // the trapping instruction
}

func (t *Trap) Error() string {
	return fmt.Sprintf("trap %s in %s at %s", t.Code, t.Func, t.Inst)
}

// ErrUnsupported is wrapped by the error returned when execution reaches
// an opcode, or an opcode at a type, that the interpreter does not
// implement (see the package documentation's known gaps). Differential
// testers can use errors.Is to skip such programs.
var ErrUnsupported = errors.New("unsupported")

// ErrFuelExhausted is wrapped by the error returned when a Call runs out
// of fuel (an infinite loop, usually).
var ErrFuelExhausted = errors.New("fuel exhausted")

// Interpreter executes the functions of one CLIF file. It is not safe for
// concurrent use; its buffers are reused across calls.
type Interpreter struct {
	Options Options

	funcs  []*function
	byName map[string]int

	// Execution state, reused from call to call.
	frames    []frame
	mem       memory
	fuel      int64
	slotBytes uint64 // value-slot bytes of the live frames
	pinned    ir.DataValue
	tmp       []ir.DataValue // block-argument and call-argument staging
	edge      []ir.DataValue // try_call normal-edge staging (tmp holds the returns)
}

// New prepares funcs for execution. Calls inside them resolve fnN
// declarations by name to a function in funcs (%name or uN:M), and
// otherwise to the libcalls %CeilF32, %CeilF64, %FloorF32, %FloorF64,
// %TruncF32, %TruncF64, %NearestF32 and %NearestF64. A function that
// cannot be executed (malformed references, say) is kept and reports why
// when it is called.
func New(funcs []*ir.Function) *Interpreter {
	in := &Interpreter{byName: make(map[string]int, len(funcs))}
	for _, f := range funcs {
		if f == nil {
			continue
		}
		name := f.Name.String()
		if _, dup := in.byName[name]; !dup {
			in.byName[name] = len(in.funcs)
		}
		in.funcs = append(in.funcs, &function{f: f, name: name})
	}
	for _, fn := range in.funcs {
		in.prepare(fn)
	}
	return in
}

// Call runs the function named name (with or without the leading %) on
// args and returns its results. A trap is returned as a *Trap; any other
// failure (unknown function, argument mismatch, unsupported instruction,
// exhausted fuel) as an error naming the function and instruction.
func (in *Interpreter) Call(name string, args []ir.DataValue) (results []ir.DataValue, err error) {
	idx, ok := in.lookup(name)
	if !ok {
		return nil, fmt.Errorf("interp: no function named %s", name)
	}
	fn := in.funcs[idx]
	if fn.err != nil {
		return nil, fn.err
	}
	sig := &fn.f.Signature
	if len(args) != len(sig.Params) {
		return nil, fmt.Errorf("interp: %s takes %d arguments, got %d", fn.name, len(sig.Params), len(args))
	}
	for i, a := range args {
		if a.Ty != sig.Params[i].Type {
			return nil, fmt.Errorf("interp: %s argument %d is %s, want %s", fn.name, i, a.Ty, sig.Params[i].Type)
		}
	}
	in.reset()
	defer func() {
		// Defence in depth: prepare() and the checks in the loop are
		// meant to make this unreachable; the fuzz target asserts that.
		if r := recover(); r != nil {
			results, err = nil, fmt.Errorf("interp: internal error in %s: %v", name, r)
		}
		in.reset()
	}()
	if tr := in.pushFrame(fn, args); tr != 0 {
		return nil, &Trap{Code: tr, Func: fn.name, Inst: ir.NoInst}
	}
	return in.run()
}

func (in *Interpreter) lookup(name string) (int, bool) {
	if idx, ok := in.byName[name]; ok {
		return idx, true
	}
	idx, ok := in.byName["%"+name]
	return idx, ok
}

// reset drops any frames left by a previous (failed) call and restores
// the limits.
func (in *Interpreter) reset() {
	for i := range in.frames {
		in.frames[i].fn = nil
	}
	in.frames = in.frames[:0]
	in.mem.pop(0)
	in.slotBytes = 0
	in.mem.limit = in.Options.StackBytes
	if in.mem.limit <= 0 {
		in.mem.limit = defaultStackBytes
	}
	in.mem.limit = min(in.mem.limit, funcBase-stackBase)
	in.fuel = in.Options.Fuel
	if in.fuel <= 0 {
		in.fuel = defaultFuel
	}
	in.pinned = ir.DataValue{}
}

func (in *Interpreter) maxDepth() int {
	if in.Options.MaxDepth > 0 {
		return in.Options.MaxDepth
	}
	return defaultMaxDepth
}

// Map makes mem addressable at [addr, addr+len(mem)) for the calls that
// follow, so that interpreted code can reach memory outside its stack
// slots: a linear memory, a vmctx structure passed as a pointer argument.
// Loads and stores act on mem itself, so the caller sees what the code
// wrote. The region must not overlap the stack, the function addresses or
// another region.
func (in *Interpreter) Map(addr uint64, mem []byte) error {
	end := addr + uint64(len(mem))
	if len(mem) == 0 || end < addr {
		return fmt.Errorf("interp: cannot map %d bytes at %#x", len(mem), addr)
	}
	overlaps := func(lo, hi uint64) bool { return addr < hi && lo < end }
	// The stack may grow up to funcBase whatever Options say later.
	funcEnd := uint64(funcBase) + funcAlign*uint64(len(in.funcs)+len(libcallNames))
	if overlaps(stackBase, funcEnd) {
		return fmt.Errorf("interp: region [%#x, %#x) overlaps the stack or the function addresses", addr, end)
	}
	for _, r := range in.mem.regions {
		if overlaps(r.base, r.base+uint64(len(r.bytes))) {
			return fmt.Errorf("interp: region [%#x, %#x) overlaps another region", addr, end)
		}
	}
	in.mem.regions = append(in.mem.regions, region{base: addr, bytes: mem})
	return nil
}
