package diff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"kiln/baseline"
	"kiln/ir/wasm"
	"kiln/optimizing/compile"
	kiln "kiln/runtime"
	"kiln/tools/fuzz/wasmgen"
)

// Tier is one execution tier under test.
type Tier struct {
	Name   string
	Engine *kiln.Engine
}

// Limits shared by every tier's engine, so that resource exhaustion
// (memory.grow, table.grow, call depth) happens at the same point.
const (
	maxMemoryPages   = 16
	maxTableElements = 1 << 12
	maxCallDepth     = 10_000
)

var (
	tiersMu     sync.Mutex
	tiers       []Tier
	unavailable []string
	tierUses    int
)

// engineReuse is how many modules one set of engines runs before they
// are replaced. Until 4c02944 a compiled engine kept the machine state (an
// 8 MiB wasm stack mapping) of every store that ever ran its code, and a
// fuzzer making a store per input ran out of mappings ("mprotect: cannot
// allocate memory") after some ten thousand inputs; replacing the engines
// also bounds whatever else an engine might accumulate.
const engineReuse = 500

func newTiers() {
	tiers, unavailable = nil, nil
	for _, c := range []struct {
		name string
		cfg  kiln.Config
	}{
		{"interp", kiln.Config{}},
		{"baseline", kiln.Config{Compiler: baseline.Compiler{}}},
		// The optimizing tier as the kiln command wires it (with the
		// mid-end), and, on request, without the mid-end, to tell a
		// mid-end bug from a back-end one.
		{"optimizing", kiln.Config{Compiler: compile.New()}},
		{"optimizing-nomidend", kiln.Config{Compiler: &compile.Compiler{}}},
	} {
		c.cfg.MaxMemoryPages = maxMemoryPages
		c.cfg.MaxTableElements = maxTableElements
		c.cfg.MaxCallDepth = maxCallDepth
		e, err := kiln.NewEngine(c.cfg)
		if err != nil {
			if tierSelected(c.name) {
				unavailable = append(unavailable, fmt.Sprintf("%s: %v", c.name, err))
			}
			continue
		}
		tiers = append(tiers, Tier{Name: c.name, Engine: e})
	}
}

// tierSelected reports whether KILN_FUZZ_TIERS (a comma-separated list of
// tier names) selects the tier. Unset, it selects interp, baseline and
// optimizing. The interpreter is the reference and always runs.
func tierSelected(name string) bool {
	sel := os.Getenv("KILN_FUZZ_TIERS")
	if name == "interp" {
		return true
	}
	if sel == "" {
		return name == "baseline" || name == "optimizing"
	}
	for _, s := range strings.Split(sel, ",") {
		if strings.TrimSpace(s) == name {
			return true
		}
	}
	return false
}

// allTiers returns every tier this host can run (engines are created
// lazily and replaced every engineReuse modules).
func allTiers() []Tier {
	tiersMu.Lock()
	defer tiersMu.Unlock()
	if tiers == nil || tierUses >= engineReuse {
		if tiers != nil {
			tiers = nil
			runtime.GC() // let the old engines' stores and stacks go
		}
		tierUses = 0
		newTiers()
	}
	tierUses++
	return tiers
}

// Tiers returns the interpreter followed by every compiled tier
// KILN_FUZZ_TIERS selects that this host can run; Unavailable names the
// selected ones it cannot (the differential check skips them rather than
// counting them).
func Tiers() []Tier {
	var sel []Tier
	for _, t := range allTiers() {
		if tierSelected(t.Name) {
			sel = append(sel, t)
		}
	}
	return sel
}

// TiersNamed returns the interpreter and the named tiers this host can run.
func TiersNamed(names []string) []Tier {
	var sel []Tier
	for _, t := range allTiers() {
		if t.Name == "interp" || slices.Contains(names, t.Name) {
			sel = append(sel, t)
		}
	}
	return sel
}

// Unavailable lists the compiled tiers this host cannot run, with why.
func Unavailable() []string {
	Tiers()
	tiersMu.Lock()
	defer tiersMu.Unlock()
	return unavailable
}

// Call is one invocation of an exported function.
type Call struct {
	Func string
	Args []uint64
}

// Outcome is what one call did.
type Outcome struct {
	Results []uint64
	Trap    string // the trap's kind ("" when the call returned)
	Err     string // an error that is not a trap (always a bug)
}

func (o Outcome) String() string {
	switch {
	case o.Err != "":
		return "error: " + o.Err
	case o.Trap != "":
		return "trap: " + o.Trap
	}
	return fmt.Sprintf("returned %#x", o.Results)
}

// State is the observable instance state after a call: the exported
// memory, globals and the null-ness of each table slot (function
// references are store handles, not comparable across stores).
type State struct {
	Memory    []byte
	Globals   []uint64
	TableNull []bool
}

// Run is the record of one tier executing one module.
type Run struct {
	Tier     string
	Compile  string // compile error ("" when it compiled)
	Skipped  bool   // the tier does not implement something the module uses
	Instance Outcome
	Calls    []Outcome
	States   []State

	resultTypes [][]wasm.ValType
	globalTypes []wasm.ValType
}

// interruptedTrap is the trap kind of a call stopped by CallTimeout.
const interruptedTrap = "interrupted"

// trapKinds pairs every trap sentinel with a short name.
var trapKinds = []struct {
	name string
	err  error
}{
	{"unreachable", kiln.ErrTrapUnreachable},
	{"memory out of bounds", kiln.ErrTrapOutOfBounds},
	{"table out of bounds", kiln.ErrTrapTableOutOfBounds},
	{"indirect call out of bounds", kiln.ErrTrapIndirectCallOutOfBounds},
	{"indirect call to null", kiln.ErrTrapIndirectCallToNull},
	{"bad signature", kiln.ErrTrapBadSignature},
	{"integer divide by zero", kiln.ErrTrapIntegerDivideByZero},
	{"integer overflow", kiln.ErrTrapIntegerOverflow},
	{"invalid conversion to integer", kiln.ErrTrapBadConversionToInteger},
	{"stack exhausted", kiln.ErrTrapStackOverflow},
	{"null reference", kiln.ErrTrapNullReference},
	{"unaligned atomic", kiln.ErrTrapUnalignedAtomic},
	{"interrupted", kiln.ErrTrapInterrupted},
	{"out of fuel", kiln.ErrTrapOutOfFuel},
	{"host error", kiln.ErrTrapHostError},
	{"array out of bounds", kiln.ErrTrapArrayOutOfBounds},
	{"cast failure", kiln.ErrTrapCastFailure},
}

func outcomeOf(results []uint64, err error) Outcome {
	if err == nil {
		return Outcome{Results: results}
	}
	for _, k := range trapKinds {
		if errors.Is(err, k.err) {
			return Outcome{Trap: k.name}
		}
	}
	return Outcome{Err: err.Error()}
}

// CallTimeout bounds one call (the fuzzer declares an input hung after
// ten seconds). Generated code terminates far sooner; see Compare for how
// a timed-out call counts.
var CallTimeout = 2 * time.Second

// Execute compiles bin on tier, instantiates it and performs calls in
// order, recording each outcome and the state after it. Before each call
// the "fuel" global, when exported, is reset to fuel (if fuel > 0).
func Execute(tier Tier, bin []byte, calls []Call, fuel uint64) *Run {
	r := &Run{Tier: tier.Name}
	ctx := context.Background()
	m, err := tier.Engine.CompileModule(ctx, bin)
	if err != nil {
		if errors.Is(err, kiln.ErrUnsupported) {
			r.Skipped = true
		}
		r.Compile = err.Error()
		return r
	}
	s := kiln.NewStore(tier.Engine)
	inst, err := hostLinker(tier.Engine).Instantiate(ctx, s, m)
	r.Instance = outcomeOf(nil, err)
	if err != nil {
		return r
	}
	var globals []*kiln.Global
	var exportNames []string
	for _, ex := range m.Exports() {
		exportNames = append(exportNames, ex.Name)
	}
	for _, name := range exportNames {
		if g := inst.Global(name); g != nil {
			globals = append(globals, g)
			r.globalTypes = append(r.globalTypes, g.Type().Type)
		}
	}
	mem := inst.Memory(wasmgen.MemoryExport)
	tab := inst.Table(wasmgen.TableExport)
	fuelGlobal := inst.Global(wasmgen.FuelExport)
	for _, c := range calls {
		fn := inst.Func(c.Func)
		if fn == nil {
			r.Calls = append(r.Calls, Outcome{Err: "no exported function " + c.Func})
			r.resultTypes = append(r.resultTypes, nil)
			r.States = append(r.States, State{})
			continue
		}
		if fuelGlobal != nil && fuel > 0 {
			_ = fuelGlobal.Set(fuel)
		}
		cctx, cancel := context.WithTimeout(ctx, CallTimeout)
		res, err := fn.Call(cctx, c.Args...)
		cancel()
		r.Calls = append(r.Calls, outcomeOf(res, err))
		r.resultTypes = append(r.resultTypes, fn.Type().Results)
		var st State
		if mem != nil {
			st.Memory = bytes.Clone(mem.Bytes())
		}
		for _, g := range globals {
			st.Globals = append(st.Globals, g.Get())
		}
		if tab != nil {
			for i := uint64(0); i < tab.Size(); i++ {
				ref, err := tab.Get(i)
				st.TableNull = append(st.TableNull, err == nil && ref == 0)
			}
		}
		r.States = append(r.States, st)
		if r.Calls[len(r.Calls)-1].Trap == interruptedTrap {
			break // the comparison stops here; do not spend more time
		}
	}
	return r
}

// hostLinker defines the host functions generated modules import
// (wasmgen.HostMix and wasmgen.HostCheck).
func hostLinker(e *kiln.Engine) *kiln.Linker {
	l := kiln.NewLinker(e)
	mix := kiln.FuncType{Params: []wasm.ValType{wasm.I64, wasm.I32}, Results: []wasm.ValType{wasm.I64}}
	if err := l.DefineFunc(wasmgen.HostModule, wasmgen.HostMixName, mix, func(_ context.Context, _ *kiln.Caller, params, results []uint64) error {
		results[0] = wasmgen.HostMix(params[0], uint32(params[1]))
		return nil
	}); err != nil {
		panic(err)
	}
	check := kiln.FuncType{Params: []wasm.ValType{wasm.I32}}
	if err := l.DefineFunc(wasmgen.HostModule, wasmgen.HostCheckName, check, func(_ context.Context, _ *kiln.Caller, params, _ []uint64) error {
		return wasmgen.HostCheck(uint32(params[0]))
	}); err != nil {
		panic(err)
	}
	return l
}

// isNaN reports whether bits of type t are a NaN.
func isNaN(t wasm.ValType, bits uint64) bool {
	switch t.Kind {
	case wasm.KindF32:
		return math.IsNaN(float64(math.Float32frombits(uint32(bits))))
	case wasm.KindF64:
		return math.IsNaN(math.Float64frombits(bits))
	}
	return false
}

// sameValue compares two values of type t: bit for bit, or, when
// nanClass is set, any two NaNs are equal (the spec leaves a NaN result's
// sign and payload open unless every input NaN was canonical; the
// generator keeps those bits from reaching anything but float values).
func sameValue(t wasm.ValType, a, b uint64, nanClass bool) bool {
	if a == b {
		return true
	}
	if t.Kind == wasm.KindF32 {
		a, b = uint64(uint32(a)), uint64(uint32(b))
		if a == b {
			return true
		}
	}
	return nanClass && isNaN(t, a) && isNaN(t, b)
}

// Divergence describes how a tier disagreed with the reference.
type Divergence struct {
	Tier, Reference string
	What            string
}

func (d *Divergence) Error() string {
	return fmt.Sprintf("%s diverges from %s: %s", d.Tier, d.Reference, d.What)
}

// Compare returns the first difference of got from the reference run,
// or nil. Calls stop being compared after the first differing outcome
// (everything after depends on it).
func Compare(ref, got *Run, calls []Call, nanClass bool) error {
	div := func(format string, args ...any) error {
		return &Divergence{Tier: got.Tier, Reference: ref.Tier, What: fmt.Sprintf(format, args...)}
	}
	if (ref.Compile == "") != (got.Compile == "") {
		return div("compile: %q vs %q", got.Compile, ref.Compile)
	}
	if ref.Compile != "" {
		return nil
	}
	if !sameOutcome(ref.Instance, got.Instance, nil, nanClass) {
		return div("instantiation: %v, want %v", got.Instance, ref.Instance)
	}
	for i := range ref.Calls {
		if ref.Calls[i].Trap == interruptedTrap {
			// The reference ran out of time: inconclusive, and every
			// later call depends on this one. (A compiled tier that
			// times out where the interpreter finished does diverge:
			// compiled code is many times faster, so it is looping.)
			return nil
		}
		name := fmt.Sprintf("call %d %s%#x", i, calls[i].Func, calls[i].Args)
		if i >= len(got.Calls) {
			return div("%s: not made (the tier stopped after a timeout)", name)
		}
		if !sameOutcome(ref.Calls[i], got.Calls[i], ref.resultTypes[i], nanClass) {
			return div("%s: %v, want %v", name, got.Calls[i], ref.Calls[i])
		}
		rs, gs := ref.States[i], got.States[i]
		if len(rs.Memory) != len(gs.Memory) {
			return div("%s: memory is %d bytes, want %d", name, len(gs.Memory), len(rs.Memory))
		}
		if !bytes.Equal(rs.Memory, gs.Memory) {
			for j := range rs.Memory {
				if rs.Memory[j] != gs.Memory[j] {
					return div("%s: memory[%#x] = %#x, want %#x", name, j, gs.Memory[j], rs.Memory[j])
				}
			}
		}
		for j := range rs.Globals {
			if !sameValue(ref.globalTypes[j], rs.Globals[j], gs.Globals[j], nanClass) {
				return div("%s: global %d = %#x, want %#x", name, j, gs.Globals[j], rs.Globals[j])
			}
		}
		if fmt.Sprint(rs.TableNull) != fmt.Sprint(gs.TableNull) {
			return div("%s: table null slots %v, want %v", name, gs.TableNull, rs.TableNull)
		}
	}
	return nil
}

func sameOutcome(a, b Outcome, types []wasm.ValType, nanClass bool) bool {
	if a.Err != "" || b.Err != "" {
		return false // an error that is not a trap is a bug in either tier
	}
	if a.Trap != b.Trap || len(a.Results) != len(b.Results) {
		return false
	}
	for i := range a.Results {
		t := wasm.I64
		if i < len(types) {
			t = types[i]
		}
		if !sameValue(t, a.Results[i], b.Results[i], nanClass) {
			return false
		}
	}
	return true
}

// Report is the result of running one module on every tier.
type Report struct {
	Runs    []*Run
	Skipped []string // tiers that could not run the module, with why
}

// Check runs bin on every available tier and compares each compiled tier
// against the interpreter. It returns the first divergence (nil when all
// agree) and the runs.
func Check(bin []byte, calls []Call, fuel uint64, nanClass bool) (*Report, error) {
	return CheckOn(Tiers(), bin, calls, fuel, nanClass)
}

// CheckOn is Check on the given tiers; the first one is the reference.
func CheckOn(ts []Tier, bin []byte, calls []Call, fuel uint64, nanClass bool) (*Report, error) {
	rep := &Report{}
	var ref *Run
	for _, t := range ts {
		r := Execute(t, bin, calls, fuel)
		rep.Runs = append(rep.Runs, r)
		if r.Skipped {
			rep.Skipped = append(rep.Skipped, t.Name+": "+r.Compile)
			continue
		}
		if ref == nil {
			ref = r
			if r.Compile != "" {
				return rep, fmt.Errorf("reference tier %s rejects the module: %s", r.Tier, r.Compile)
			}
			if err := checkNoInternalErrors(r); err != nil {
				return rep, err
			}
			continue
		}
		if err := Compare(ref, r, calls, nanClass); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func checkNoInternalErrors(r *Run) error {
	if r.Instance.Err != "" {
		return fmt.Errorf("%s: instantiation error that is not a trap: %s", r.Tier, r.Instance.Err)
	}
	for i, c := range r.Calls {
		if c.Err != "" {
			return fmt.Errorf("%s: call %d: error that is not a trap: %s", r.Tier, i, c.Err)
		}
	}
	return nil
}

// Transcript renders the runs side by side, for failure messages.
func (rep *Report) Transcript(calls []Call) string {
	var b strings.Builder
	for _, r := range rep.Runs {
		fmt.Fprintf(&b, "== %s", r.Tier)
		if r.Compile != "" {
			fmt.Fprintf(&b, " compile: %s\n", r.Compile)
			continue
		}
		fmt.Fprintf(&b, " instantiate: %v\n", r.Instance)
		for i, c := range r.Calls {
			fmt.Fprintf(&b, "  %s%#x -> %v\n", calls[i].Func, calls[i].Args, c)
		}
	}
	return b.String()
}
