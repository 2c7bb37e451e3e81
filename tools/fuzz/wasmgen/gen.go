package wasmgen

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Module is a generated module and what a harness needs to drive it.
type Module struct {
	// Binary is the module in the wasm binary format.
	Binary []byte
	// Config is the configuration it was generated with.
	Config Config
	// Funcs are the exported functions, in export order.
	Funcs []Export
	// NaNBitsExposed is false when no NaN payload or NaN sign can reach
	// an integer, memory or a non-NaN float: float values may then be
	// compared by NaN class and everything else bit for bit. The
	// generator keeps it false in both CanonicalizeNaNs modes.
	NaNBitsExposed bool
}

// Export is one exported function.
type Export struct {
	Name    string
	Params  []ValType
	Results []ValType
}

// Export names besides the functions "f0", "f1", ...
const (
	FuelExport   = "fuel" // the mutable i32 call budget
	MemoryExport = "mem"
	TableExport  = "tab"
)

// The host functions a module generated with HostCalls imports, as
// functions 0 and 1: env.mix (i64, i32) -> i64 is HostMix, env.check
// (i32) -> () is HostCheck. A harness must provide both.
const (
	HostModule    = "env"
	HostMixName   = "mix"
	HostCheckName = "check"
)

var (
	hostMixType   = funcType{params: []ValType{I64, I32}, results: []ValType{I64}}
	hostCheckType = funcType{params: []ValType{I32}}
)

// HostMix is env.mix: a deterministic mix of its arguments, so that the
// value a host call returns is checked too.
func HostMix(a uint64, b uint32) uint64 {
	x := (a ^ uint64(b)) * 0x9E3779B97F4A7C15
	return x ^ x>>29
}

// ErrHostCheck is what env.check fails with.
var ErrHostCheck = errors.New("wasmgen: env.check rejects its argument")

// HostCheck is env.check: it fails (the call traps with a host error)
// when v % 7 == 3.
func HostCheck(v uint32) error {
	if v%7 == 3 {
		return ErrHostCheck
	}
	return nil
}

// GlobalExport returns the export name of global i (0 is the fuel).
func GlobalExport(i int) string {
	if i == 0 {
		return FuelExport
	}
	return fmt.Sprintf("g%d", i)
}

type funcType struct{ params, results []ValType }

func (t funcType) key() string {
	var b strings.Builder
	for _, p := range t.params {
		b.WriteByte(byte(p))
	}
	b.WriteByte('>')
	for _, r := range t.results {
		b.WriteByte(byte(r))
	}
	return b.String()
}

type global struct {
	typ     ValType
	mutable bool
	init    uint64
}

type function struct {
	typeIdx uint32
	typ     funcType
	locals  []ValType // declared locals (after the params)
	body    []byte
}

// label is an enclosing block as a branch target.
type label struct {
	types []ValType // what a branch to it carries
}

// funcState is the per-body generation state.
type funcState struct {
	code    []byte
	params  []ValType
	locals  []ValType // params then declared locals
	labels  []label
	budget  int
	depth   int
	results []ValType
	tmp     map[ValType]uint32 // scratch local per float type for canonicalisation
	// reserved marks locals generated code must not read or write at
	// random: canonicalisation scratch (it holds raw NaNs) and loop
	// counters (a random write could make a loop run for 2^32 rounds).
	reserved map[uint32]bool
	loops    int // loops open around the code being generated
}

// maxLoopNesting bounds loops inside loops: with MaxLoopIterations 5 and
// the call fuel, the worst case stays in the tens of milliseconds on the
// interpreter.
const maxLoopNesting = 3

type generator struct {
	u   *Unstructured
	cfg Config

	types     []funcType
	typeIndex map[string]uint32

	funcs      []function
	nGenerated int // funcs[0..nGenerated-1] are generated and exported
	imports    int // imported functions, which come first in the index space
	curFunc    int // the function whose body is being generated
	deepFunc   int // index of the unbounded recursion helper, or -1

	globals []global

	memPages, memMax uint32
	memHasMax        bool
	dataActive       [][]byte
	dataOffsets      []uint32
	dataPassive      int

	tableSize, tableMax uint32
	elemOffset          uint32
	elemFuncs           []uint32
	passiveElems        []uint32

	fn *funcState
}

// Generate builds a valid module from the choices in u.
func Generate(u *Unstructured, cfg Config) *Module {
	if !cfg.MultiValue && cfg.MaxResults > 1 {
		cfg.MaxResults = 1
	}
	if cfg.MaxFuncs < 1 {
		cfg.MaxFuncs = 1
	}
	g := &generator{u: u, cfg: cfg, typeIndex: map[string]uint32{}, deepFunc: -1}
	if cfg.HostCalls {
		g.imports = 2
		g.typeOf(hostMixType)
		g.typeOf(hostCheckType)
	}
	g.declare()
	for i := 0; i < g.nGenerated; i++ {
		g.curFunc = i
		g.funcs[i].body, g.funcs[i].locals = g.body(g.funcs[i].typ)
	}
	m := &Module{Binary: g.encode(), Config: cfg}
	for i := 0; i < g.nGenerated; i++ {
		t := g.funcs[i].typ
		m.Funcs = append(m.Funcs, Export{Name: fmt.Sprintf("f%d", i), Params: t.params, Results: t.results})
	}
	return m
}

func (g *generator) valTypes() []ValType {
	if g.cfg.Floats {
		return numTypes
	}
	return numTypes[:2]
}

func (g *generator) randType() ValType {
	ts := g.valTypes()
	return ts[g.u.Intn(len(ts))]
}

func (g *generator) typeOf(t funcType) uint32 {
	k := t.key()
	if i, ok := g.typeIndex[k]; ok {
		return i
	}
	i := uint32(len(g.types))
	g.types = append(g.types, t)
	g.typeIndex[k] = i
	return i
}

// declare chooses everything but the function bodies.
func (g *generator) declare() {
	u := g.u
	g.nGenerated = u.Range(1, g.cfg.MaxFuncs)
	for i := 0; i < g.nGenerated; i++ {
		var t funcType
		// Sometimes more parameters than any calling convention passes
		// in registers.
		np := u.Intn(g.cfg.MaxParams + 1)
		if u.Chance(1, 8) {
			np = u.Range(g.cfg.MaxParams, 3*g.cfg.MaxParams)
		}
		for n := np; n > 0; n-- {
			t.params = append(t.params, g.randType())
		}
		nr := u.Intn(g.cfg.MaxResults + 1)
		if g.cfg.MultiValue && u.Chance(1, 10) {
			nr = u.Range(g.cfg.MaxResults, 8) // results returned in memory
		}
		for n := nr; n > 0; n-- {
			t.results = append(t.results, g.randType())
		}
		g.funcs = append(g.funcs, function{typeIdx: g.typeOf(t), typ: t})
	}
	if g.cfg.StackExhaustion {
		// (func $deep (param i32) (result i32)
		//   local.get 0 i32.const 1 i32.add call $deep i32.const 1 i32.add)
		g.deepFunc = len(g.funcs)
		t := funcType{params: []ValType{I32}, results: []ValType{I32}}
		body := []byte{0x20, 0, 0x41, 1, 0x6a, 0x10}
		body = appendULEB(body, g.funcIdx(g.deepFunc))
		body = append(body, 0x41, 1, 0x6a, 0x0b)
		g.funcs = append(g.funcs, function{typeIdx: g.typeOf(t), typ: t, body: body})
	}
	// A few signatures no function has, so that call_indirect mismatches.
	if g.cfg.Table && g.cfg.Traps {
		for n := u.Intn(3); n > 0; n-- {
			var t funcType
			for k := u.Intn(3); k > 0; k-- {
				t.params = append(t.params, g.randType())
			}
			if u.Bool() {
				t.results = append(t.results, g.randType())
			}
			g.typeOf(t)
		}
	}

	g.globals = append(g.globals, global{typ: I32, mutable: true, init: uint64(g.cfg.CallFuel)})
	if g.cfg.Globals {
		for n := u.Intn(5); n > 0; n-- {
			t := g.randType()
			g.globals = append(g.globals, global{typ: t, mutable: u.Chance(3, 4), init: g.constBits(t)})
		}
	}

	if g.cfg.Memory {
		g.memPages = uint32(1 + u.Intn(2)) // 1 or 2 pages; sometimes none
		if u.Chance(1, 10) {
			g.memPages = 0
		}
		g.memHasMax = !u.Chance(1, 8)
		g.memMax = g.memPages + uint32(u.Intn(3))
		if g.memPages > 0 {
			for n := u.Intn(3); n > 0; n-- {
				data := u.Bytes(u.Intn(16))
				limit := g.memPages*65536 - uint32(len(data))
				off := uint32(u.Intn(64))
				if u.Bool() {
					off = limit - uint32(u.Intn(32))%(limit+1)
				}
				g.dataActive = append(g.dataActive, data)
				g.dataOffsets = append(g.dataOffsets, off)
			}
		}
		if g.cfg.BulkMemory {
			g.dataPassive = u.Intn(3)
		}
	}

	if g.cfg.Table {
		g.tableSize = uint32(u.Range(1, 10))
		g.tableMax = g.tableSize + uint32(u.Intn(5))
		n := u.Intn(int(g.tableSize) + 1)
		g.elemOffset = uint32(u.Intn(int(g.tableSize) - n + 1))
		for i := 0; i < n; i++ {
			g.elemFuncs = append(g.elemFuncs, uint32(u.Intn(g.nGenerated)))
		}
		if g.cfg.BulkMemory {
			for n := u.Intn(4); n > 0; n-- {
				g.passiveElems = append(g.passiveElems, uint32(u.Intn(g.nGenerated)))
			}
		}
	}
}

// funcIdx is the index of funcs[i] in the function index space.
func (g *generator) funcIdx(i int) uint64 { return uint64(i + g.imports) }

// constBits returns an interesting constant of type t as its bits.
func (g *generator) constBits(t ValType) uint64 {
	return InterestingValue(g.u, t)
}

// InterestingValue returns a value of type t as the API's uint64 word,
// biased towards boundaries: zero, ±1, extremes, powers of two, NaNs with
// and without payloads, infinities, values just outside integer ranges.
func InterestingValue(u *Unstructured, t ValType) uint64 {
	pick := u.Intn(18)
	if pick >= 16 && (t == I32 || t == I64) {
		// A small signed constant: divisors and shift counts the
		// optimizer strength-reduces (multiply by a magic reciprocal).
		v := int64(u.Intn(601)) - 300
		if t == I32 {
			return uint64(uint32(int32(v)))
		}
		return uint64(v)
	}
	switch t {
	case I32:
		vals := []uint32{0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 2, 0xff, 0x80, 0x10000, 0xffff, 0xfffc, 31, 32, 0x1fffe}
		if pick < len(vals) {
			return uint64(vals[pick])
		}
		return uint64(u.Uint32())
	case I64:
		vals := []uint64{0, 1, math.MaxUint64, 1 << 63, math.MaxInt64, 2, 0xffffffff, 0x80000000, 0x100000000, 63, 64, 0xffff, 0x7fffffff}
		if pick < len(vals) {
			return vals[pick]
		}
		return u.Uint64()
	case F32:
		vals := []uint32{0, 0x80000000, math.Float32bits(1), math.Float32bits(-1), 0x7fc00000, 0xffc00000,
			0x7fa00000, 0x7f800001, 0x7f800000, 0xff800000, math.Float32bits(2147483648), math.Float32bits(-2147483904),
			math.Float32bits(4294967296), math.Float32bits(0.5), math.Float32bits(-1.5)}
		if pick < len(vals) {
			return uint64(vals[pick])
		}
		return uint64(u.Uint32())
	case F64:
		vals := []uint64{0, 1 << 63, math.Float64bits(1), math.Float64bits(-1), 0x7ff8000000000000, 0xfff8000000000000,
			0x7ff4000000000000, 0x7ff0000000000001, 0x7ff0000000000000, 0xfff0000000000000, math.Float64bits(2147483648),
			math.Float64bits(-2147483649), math.Float64bits(9223372036854775808), math.Float64bits(0.5), math.Float64bits(2.5)}
		if pick < len(vals) {
			return vals[pick]
		}
		return u.Uint64()
	}
	return 0
}

// body generates a function body: the fuel check, then code producing the
// results. It returns the code and the declared locals.
func (g *generator) body(t funcType) ([]byte, []ValType) {
	f := &funcState{params: t.params, results: t.results, budget: g.cfg.MaxInstrs, tmp: map[ValType]uint32{}, reserved: map[uint32]bool{}}
	f.locals = append(f.locals, t.params...)
	// Usually a few locals; sometimes many, for register pressure.
	nlocals := g.u.Intn(4)
	if g.u.Chance(1, 8) {
		nlocals = g.u.Range(8, 40)
	}
	for ; nlocals > 0; nlocals-- {
		f.locals = append(f.locals, g.randType())
	}
	g.fn = f
	// Fuel: global 0 is the call budget.
	//   global.get 0 i32.eqz if unreachable end
	//   global.get 0 i32.const 1 i32.sub global.set 0
	g.op(0x23, 0, 0x45, 0x04, 0x40, 0x00, 0x0b, 0x23, 0, 0x41, 1, 0x6b, 0x24, 0)
	f.labels = []label{{types: t.results}}
	g.blockBody(t.results)
	g.op(0x0b)
	g.fn = nil
	return f.code, f.locals[len(t.params):]
}

func (g *generator) op(b ...byte)  { g.fn.code = append(g.fn.code, b...) }
func (g *generator) uleb(v uint64) { g.fn.code = appendULEB(g.fn.code, v) }
func (g *generator) sleb(v int64)  { g.fn.code = appendSLEB(g.fn.code, v) }

// newLocal declares a local of type t and returns its index.
func (g *generator) newLocal(t ValType) uint32 {
	g.fn.locals = append(g.fn.locals, t)
	return uint32(len(g.fn.locals) - 1)
}

// reservedLocal declares a local only the generator's own patterns use.
func (g *generator) reservedLocal(t ValType) uint32 {
	l := g.newLocal(t)
	g.fn.reserved[l] = true
	return l
}

// localsOf returns the locals of type t random code may use (t == 0:
// any type).
func (g *generator) localsOf(t ValType) []uint32 {
	var out []uint32
	for i, l := range g.fn.locals {
		if (t == 0 || l == t) && !g.fn.reserved[uint32(i)] {
			out = append(out, uint32(i))
		}
	}
	return out
}

// blockBody emits statements, then one expression per result.
func (g *generator) blockBody(results []ValType) {
	for n := g.u.Intn(4); n > 0 && g.fn.budget > 0; n-- {
		g.stmt()
	}
	for _, r := range results {
		g.expr(r)
	}
}

// exhausted reports whether only leaves may be generated now.
func (g *generator) exhausted() bool {
	return g.fn.budget <= 0 || g.fn.depth >= g.cfg.MaxDepth || g.u.Exhausted()
}

// constant emits a constant of type t.
func (g *generator) constant(t ValType) {
	g.constValue(t, g.constBits(t))
}

func (g *generator) constValue(t ValType, v uint64) {
	switch t {
	case I32:
		g.op(0x41)
		g.sleb(int64(int32(uint32(v))))
	case I64:
		g.op(0x42)
		g.sleb(int64(v))
	case F32:
		g.op(0x43, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	case F64:
		g.op(0x44)
		for i := 0; i < 8; i++ {
			g.op(byte(v >> (8 * i)))
		}
	}
}

// leaf emits a constant, a local or a global of type t.
func (g *generator) leaf(t ValType) {
	g.fn.budget--
	switch g.u.Intn(3) {
	case 1:
		if cands := g.localsOf(t); len(cands) > 0 {
			g.op(0x20)
			g.uleb(uint64(cands[g.u.Intn(len(cands))]))
			return
		}
	case 2:
		var cands []uint32
		for i, gl := range g.globals {
			if gl.typ == t {
				cands = append(cands, uint32(i))
			}
		}
		if len(cands) > 0 {
			g.op(0x23)
			g.uleb(uint64(cands[g.u.Intn(len(cands))]))
			return
		}
	}
	g.constant(t)
}

// canon follows a float operator that may produce a NaN: with
// CanonicalizeNaNs it replaces any NaN by the canonical positive one.
//
//	local.tee $t  f32.const nan  local.get $t  local.get $t  f32.eq  select
func (g *generator) canon(t ValType) {
	if !g.cfg.CanonicalizeNaNs {
		return
	}
	tmp, ok := g.fn.tmp[t]
	if !ok {
		tmp = g.reservedLocal(t)
		g.fn.tmp[t] = tmp
	}
	g.op(0x22)
	g.uleb(uint64(tmp))
	if t == F32 {
		g.constValue(F32, 0x7fc00000)
	} else {
		g.constValue(F64, 0x7ff8000000000000)
	}
	g.op(0x20)
	g.uleb(uint64(tmp))
	g.op(0x20)
	g.uleb(uint64(tmp))
	if t == F32 {
		g.op(0x5b)
	} else {
		g.op(0x61)
	}
	g.op(0x1b)
}

// nanBitsHidden reports whether operators that expose NaN bits must be
// avoided (see Config.CanonicalizeNaNs).
func (g *generator) nanBitsHidden() bool { return !g.cfg.CanonicalizeNaNs }
