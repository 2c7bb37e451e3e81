package optimizing

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"kiln/ir"
	"kiln/ir/flow"
	"kiln/optimizing/egraph"
	"kiln/optimizing/frontend"
	"kiln/optimizing/rules"
)

// pass is one step of the mid-end pipeline.
type pass struct {
	name     string
	fn       func(*state)
	required bool // runs even when optimization is off: later stages depend on it
}

// state is what passes share while optimizing one function.
type state struct {
	f     *ir.Function
	stats egraph.Stats
	// What earlier passes changed, so later cleanups can skip work.
	cfgChanged bool // blocks removed or branches folded
	// cfg is the current control-flow graph, or nil when a pass changed
	// the edges since it was computed; dom and loops are derived from it
	// and go with it (invalidate clears all three).
	cfg   *flow.CFG
	dom   *flow.DomTree
	loops *flow.LoopInfo
	// The storage passes reuse across functions: the CFG, dominator tree
	// and loops are computed into flow (also across recomputations), the
	// dce and unreachable passes keep their tables in dce, and the e-graph
	// in eg (nil: its own pool).
	flow *flowStorage
	dce  *dceScratch
	eg   *egraph.Scratch
}

// flowStorage is a CFG, dominator tree and loop forest whose tables are
// recomputed in place (flow's Compute methods) rather than reallocated for
// every function and every pass that changes edges.
type flowStorage struct {
	cfg   flow.CFG
	dom   flow.DomTree
	loops flow.LoopInfo
}

// storage is what Optimize reuses from function to function.
type storage struct {
	flow flowStorage
	dce  dceScratch
}

var storagePool = sync.Pool{New: func() any { return new(storage) }}

// Optimizer runs the mid-end on one function after another and keeps its
// tables, sized for the largest function so far, from one to the next: a
// compiler worker that owns one allocates them once (Optimize keeps them
// in a sync.Pool, which the garbage collector empties every other cycle).
// The zero Optimizer is ready to use; it must not be used by two
// goroutines at once.
type Optimizer struct {
	st storage
	eg egraph.Scratch
}

// Optimize runs the mid-end on f in place, as the function Optimize does.
func (o *Optimizer) Optimize(f *ir.Function, opts Options) (Result, error) {
	return optimize(&state{f: f, flow: &o.st.flow, dce: &o.st.dce, eg: &o.eg}, opts)
}

// flowGraph returns the current CFG, computing it if needed.
func (st *state) flowGraph() *flow.CFG {
	if st.cfg == nil {
		st.flow.cfg.Compute(st.f)
		st.cfg = &st.flow.cfg
	}
	return st.cfg
}

// loopInfo returns the current CFG's dominator tree and loops, computing
// them if needed. hoist-loads and the e-graph both need them, and
// hoist-loads only moves loads between blocks, so one computation serves
// both (it was a tenth of the e-graph's own setup on strconv).
func (st *state) loopInfo() (*flow.DomTree, *flow.LoopInfo) {
	cfg := st.flowGraph()
	if st.dom == nil {
		st.flow.dom.Compute(st.f, cfg)
		st.flow.loops.Compute(st.f, cfg, &st.flow.dom)
		st.dom, st.loops = &st.flow.dom, &st.flow.loops
	}
	return st.dom, st.loops
}

// invalidateCFG records that a pass changed the edges.
func (st *state) invalidateCFG() { st.cfg, st.dom, st.loops = nil, nil, nil }

// passes is the mid-end, in order. Each pass leaves a valid function
// (ir/verify passes after each one in tests).
//
// There is no cheaper path for large functions (as compilers with a
// compile-time budget have, skipping rewriting above some size): every
// pass here is linear in the function, with the e-graph's rewriting
// bounded per instruction (fuel, match and class limits), so a large
// function costs what its instructions cost. On Go's strconv test binary
// the mid-end's time per function tracks its instruction count, and the
// 20 largest functions (9,000-46,000 instructions) are 11% of the
// instructions and 14% of the mid-end's time: a size cut-off would trade
// their code quality for little.
var passes = [...]pass{
	{name: "resolve-aliases", fn: resolveAliases, required: true},
	{name: "unreachable", fn: removeUnreachable, required: true},
	{name: "remove-constant-phi", fn: removeConstantPhis},
	{name: "hoist-loads", fn: hoistLoads},
	{name: "egraph", fn: runEgraph},
	{name: "unreachable-late", fn: ifCFGChanged(removeUnreachable)},
	{name: "remove-constant-phi-late", fn: ifCFGChanged(removeConstantPhis)},
	{name: "dce", fn: deadCode},
	{name: "merge-blocks", fn: mergeBlocks},
}

// passOrder lists "a must run before b" constraints, each with its reason;
// init checks them against passes.
var passOrder = [...]struct{ a, b, why string }{
	{"resolve-aliases", "unreachable", "the CFG and all later passes read plain values, not alias chains"},
	{"unreachable", "egraph", "the e-graph walks the dominator tree; uses in unreachable blocks would be left dangling"},
	{"remove-constant-phi", "egraph", "a parameter that is one value in disguise hides that value from the rules"},
	{"hoist-loads", "egraph", "the e-graph's alias analysis merges the loads hoisted into one preheader"},
	{"egraph", "unreachable-late", "folded branches leave blocks unreachable"},
	{"unreachable-late", "remove-constant-phi-late", "removing blocks removes the edges that kept parameters alive"},
	{"remove-constant-phi-late", "dce", "removed parameters leave their arguments unused"},
	{"egraph", "dce", "the e-graph drops the pure uses that kept parameters alive"},
	{"remove-constant-phi-late", "merge-blocks", "a block keeps its parameters only if they vary; merging substitutes the rest"},
}

func init() {
	index := map[string]int{}
	for i, p := range passes {
		if _, dup := index[p.name]; dup {
			panic("optimizing: duplicate pass " + p.name)
		}
		index[p.name] = i
	}
	for _, c := range passOrder {
		ia, oka := index[c.a]
		ib, okb := index[c.b]
		if !oka || !okb || ia >= ib {
			panic(fmt.Sprintf("optimizing: pass %q must come before %q: %s", c.a, c.b, c.why))
		}
	}
}

// Options control Optimize.
type Options struct {
	// Level "none" runs only the required passes; anything else runs all.
	Level string
	// Verify runs a checker after every pass and stops at the first error
	// (tests pass ir/verify's Function here; the mid-end itself does not
	// import the verifier).
	Verify func(*ir.Function) error
	// Dump names passes (comma-separated) whose output is printed to
	// DumpTo; "all" prints after every pass, "-" after none. Empty means
	// the KILN_DUMP environment variable.
	Dump   string
	DumpTo io.Writer
}

// Result reports what the mid-end did.
type Result struct {
	Egraph egraph.Stats
	Time   time.Duration
}

// Optimize runs the mid-end on f in place.
func Optimize(f *ir.Function, opts Options) (Result, error) {
	s := storagePool.Get().(*storage)
	// Nothing keeps the flow graphs or tables past Optimize: the passes
	// use them only while they run.
	defer storagePool.Put(s)
	return optimize(&state{f: f, flow: &s.flow, dce: &s.dce}, opts)
}

func optimize(st *state, opts Options) (Result, error) {
	start := time.Now()
	f := st.f
	dump := opts.Dump
	if dump == "" {
		dump = os.Getenv("KILN_DUMP")
	}
	out := opts.DumpTo
	if out == nil {
		out = os.Stderr
	}
	var dumpAfter map[string]bool
	if dump != "" && dump != "-" {
		dumpAfter = map[string]bool{}
		for _, s := range strings.Split(dump, ",") {
			dumpAfter[strings.TrimSpace(s)] = true
		}
	}
	for _, p := range passes {
		if opts.Level == "none" && !p.required {
			continue
		}
		p.fn(st)
		if dumpAfter != nil && (dumpAfter["all"] || dumpAfter[p.name]) {
			fmt.Fprintf(out, "; after %s\n%s\n", p.name, f)
			if p.name == "egraph" {
				fmt.Fprintf(out, "; egraph stats: %+v\n", st.stats)
			}
		}
		if opts.Verify != nil {
			if err := opts.Verify(f); err != nil {
				return Result{Egraph: st.stats}, fmt.Errorf("after pass %s: %w", p.name, err)
			}
		}
	}
	return Result{Egraph: st.stats, Time: time.Since(start)}, nil
}

func resolveAliases(st *state) { st.f.DFG.ResolveAllAliases() }

// hoistLoads moves VM-context loads out of loops that cannot change them
// (egraph/hoistloads.go); the wasm interrupt check (frontend's
// NamespaceCheck) writes no memory.
func hoistLoads(st *state) {
	dom, loops := st.loopInfo()
	egraph.HoistLoads(st.f, st.flowGraph(), dom, loops, func(n ir.Name) bool {
		return n.Kind == ir.NameUser && n.Namespace == frontend.NamespaceCheck
	})
}

func runEgraph(st *state) {
	dom, loops := st.loopInfo()
	if st.eg != nil {
		st.stats = egraph.RunFlowScratch(st.f, rules.All(), st.flowGraph(), dom, loops, st.eg)
	} else {
		st.stats = egraph.RunFlow(st.f, rules.All(), st.flowGraph(), dom, loops)
	}
	if st.stats.BranchesFolded > 0 || st.stats.CondsSimplified > 0 {
		st.cfgChanged = true // folded branches, swapped targets
		st.invalidateCFG()
	}
}

// ifCFGChanged runs fn only when an earlier pass changed the CFG.
func ifCFGChanged(fn func(*state)) func(*state) {
	return func(st *state) {
		if st.cfgChanged {
			fn(st)
		}
	}
}

// Hook runs the mid-end with default options; it has the shape of
// optimizing/compile's Compiler.Optimize, which the wasm compile path calls
// on every translated function before lowering.
func Hook(f *ir.Function) error {
	_, err := Optimize(f, Options{})
	return err
}
