package optimizing

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"kiln/ir"
	"kiln/ir/interp"
	"kiln/ir/verify"
)

// progGen writes random straight-line or looping integer functions in
// CLIF text, built to hit the rewrite rules: operands are drawn from the
// parameters, earlier results and "interesting" constants (0, 1, -1,
// powers of two, the extreme values, the width), so patterns like
// (x + k1) + k2 or x * 2^k occur often.
type progGen struct {
	r     *rand.Rand
	ty    string
	bits  int
	lines []string
	pool  []string // values of type ty
	bools []string // i8 comparison results
	next  int
}

var genTypes = []struct {
	name string
	bits int
}{{"i8", 8}, {"i16", 16}, {"i32", 32}, {"i64", 64}}

func (g *progGen) val() string {
	g.next++
	return fmt.Sprintf("v%d", g.next)
}

func (g *progGen) emit(format string, args ...any) string {
	v := g.val()
	g.lines = append(g.lines, fmt.Sprintf("    %s = %s", v, fmt.Sprintf(format, args...)))
	return v
}

func (g *progGen) interesting() int64 {
	b := g.bits
	switch g.r.IntN(10) {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return -1
	case 3:
		return int64(1) << g.r.IntN(b)
	case 4:
		return int64(b)
	case 5:
		return -(int64(1) << (b - 1)) // INT_MIN
	case 6:
		return int64(uint64(1)<<(b-1) - 1) // INT_MAX
	case 7:
		return int64(g.r.IntN(b))
	}
	return g.r.Int64N(1<<16) - 1<<15
}

// fit sign-truncates k to the width of the function's type, so the text
// spells a valid immediate.
func (g *progGen) fit(k int64) int64 { return k << (64 - g.bits) >> (64 - g.bits) }

func (g *progGen) konst() string { return g.emit("iconst.%s %d", g.ty, g.fit(g.interesting())) }

func (g *progGen) operand() string {
	if len(g.pool) == 0 || g.r.IntN(3) == 0 {
		return g.konst()
	}
	return g.pool[g.r.IntN(len(g.pool))]
}

var (
	genBinary = []string{"iadd", "isub", "imul", "band", "bor", "bxor", "ishl", "ushr", "sshr", "rotl", "rotr",
		"smin", "smax", "umin", "umax", "umulhi", "smulhi"}
	genUnary = []string{"ineg", "iabs", "bnot", "clz", "ctz", "popcnt", "bitrev", "bswap"}
	genCC    = []string{"eq", "ne", "slt", "sge", "sgt", "sle", "ult", "uge", "ugt", "ule"}
	genDiv   = []string{"udiv", "sdiv", "urem", "srem"}
)

func (g *progGen) step() {
	var v string
	switch k := g.r.IntN(20); {
	case k < 9:
		a, b := g.operand(), g.operand()
		if g.r.IntN(4) == 0 {
			b = a // x op x
		}
		v = g.emit("%s %s, %s", genBinary[g.r.IntN(len(genBinary))], a, b)
	case k < 11:
		op := genUnary[g.r.IntN(len(genUnary))]
		if op == "bswap" && g.bits == 8 {
			op = "bnot"
		}
		v = g.emit("%s %s", op, g.operand())
	case k < 14:
		a, b := g.operand(), g.operand()
		c := g.emit("icmp %s %s, %s", genCC[g.r.IntN(len(genCC))], a, b)
		g.bools = append(g.bools, c)
		if g.r.IntN(2) == 0 {
			z := g.emit("iconst.i8 0")
			c = g.emit("icmp %s %s, %s", []string{"eq", "ne"}[g.r.IntN(2)], c, z)
			g.bools = append(g.bools, c)
		}
		switch g.r.IntN(3) {
		case 0:
			v = g.emit("select %s, %s, %s", c, a, b)
		case 1:
			v = g.emit("select %s, %s, %s", c, g.operand(), g.operand())
		default:
			if g.bits == 8 {
				v = c
			} else {
				v = g.emit("uextend.%s %s", g.ty, c)
			}
		}
	case k < 16:
		// Widen and narrow again.
		wide := "i64"
		if g.bits == 64 {
			wide = "i128"
			if g.r.IntN(2) == 0 {
				return
			}
		}
		ext := []string{"uextend", "sextend"}[g.r.IntN(2)]
		w := g.emit("%s.%s %s", ext, wide, g.operand())
		if g.bits == 64 {
			v = g.emit("ireduce.%s %s", g.ty, w)
		} else {
			w2 := g.emit("iadd %s, %s", w, g.emit("iconst.%s %d", wide, g.interesting()))
			v = g.emit("ireduce.%s %s", g.ty, []string{w, w2}[g.r.IntN(2)])
		}
	case k < 18:
		// Division by a constant, which may trap (0, INT_MIN / -1).
		v = g.emit("%s %s, %s", genDiv[g.r.IntN(len(genDiv))], g.operand(), g.konst())
	default:
		// A chain with constants, for reassociation.
		a := g.operand()
		op1 := []string{"iadd", "isub", "imul", "band", "bor", "bxor", "ishl", "ushr", "rotl"}[g.r.IntN(9)]
		op2 := []string{"iadd", "isub", "imul", "band", "bor", "bxor", "ishl", "ushr", "rotl"}[g.r.IntN(9)]
		k1, k2 := g.konst(), g.konst()
		if g.r.IntN(2) == 0 {
			k2 = k1 // shift out and back in, x - k + k, ...
		}
		t := g.emit("%s %s, %s", op1, a, k1)
		v = g.emit("%s %s, %s", op2, t, k2)
	}
	g.pool = append(g.pool, v)
}

// generate returns a function of two parameters of a random integer type
// and its text; loop bodies run three times around a block parameter.
func generate(seed uint64) (string, string) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	t := genTypes[r.IntN(len(genTypes))]
	g := &progGen{r: r, ty: t.name, bits: t.bits, next: 1, pool: []string{"v0", "v1"}}
	steps := 3 + r.IntN(12)
	loop := r.IntN(2) == 0
	var b strings.Builder
	fmt.Fprintf(&b, "function %%f(%s, %s) -> %s {\nblock0(v0: %s, v1: %s):\n", t.name, t.name, t.name, t.name, t.name)
	if !loop {
		for range steps {
			g.step()
		}
		for _, l := range g.lines {
			b.WriteString(l + "\n")
		}
		fmt.Fprintf(&b, "    return %s\n}\n", g.pool[len(g.pool)-1])
		return b.String(), t.name
	}
	// block0 computes some invariant values, the loop body the rest.
	for range steps / 2 {
		g.step()
	}
	for _, l := range g.lines {
		b.WriteString(l + "\n")
	}
	g.lines = nil
	zero := g.val()
	fmt.Fprintf(&b, "    %s = iconst.i32 0\n", zero)
	fmt.Fprintf(&b, "    jump block1(%s, %s)\n\n", zero, g.pool[len(g.pool)-1])
	i, acc := g.val(), g.val()
	g.pool = append(g.pool, acc)
	for range steps - steps/2 {
		g.step()
	}
	one, inext, c := g.val(), g.val(), g.val()
	fmt.Fprintf(&b, "block1(%s: i32, %s: %s):\n", i, acc, t.name)
	for _, l := range g.lines {
		b.WriteString(l + "\n")
	}
	res := g.pool[len(g.pool)-1]
	fmt.Fprintf(&b, "    %s = iconst.i32 1\n    %s = iadd %s, %s\n    %s = icmp ult %s, %s\n", one, inext, i, one, c, inext, g.val())
	// the bound: a constant defined here (3 iterations)
	bound := fmt.Sprintf("v%d", g.next)
	s := b.String()
	s = strings.Replace(s, fmt.Sprintf("    %s = icmp ult %s, %s\n", c, inext, bound),
		fmt.Sprintf("    %s = iconst.i32 3\n    %s = icmp ult %s, %s\n", bound, c, inext, bound), 1)
	b.Reset()
	b.WriteString(s)
	fmt.Fprintf(&b, "    brif %s, block1(%s, %s), block2\n\nblock2:\n    return %s\n}\n", c, inext, res, acc)
	return b.String(), t.name
}

// outcome runs f on args in the interpreter: the results, or the trap.
func outcome(f *ir.Function, args []ir.DataValue) (string, bool) {
	in := interp.New([]*ir.Function{f})
	in.Options.Fuel = 100_000 // random arguments can make loops long
	got, err := in.Call(f.Name.String(), args)
	if err != nil {
		var trap *interp.Trap
		if errors.As(err, &trap) {
			return "trap " + trap.Code.String(), true
		}
		return "", false // unsupported or out of fuel: no verdict
	}
	var parts []string
	for _, v := range got {
		parts = append(parts, v.String())
	}
	return strings.Join(parts, ", "), true
}

func argValues(r *rand.Rand, ty ir.Type) []ir.DataValue {
	pick := func() ir.DataValue {
		var v int64
		switch r.IntN(4) {
		case 0:
			v = []int64{0, 1, -1, 2, -2}[r.IntN(5)]
		case 1:
			v = int64(1) << r.IntN(ty.Bits())
		default:
			v = int64(r.Uint64())
		}
		return ir.DataInt(ty, v)
	}
	return []ir.DataValue{pick(), pick()}
}

// checkGenerated optimizes the generated function seed and compares the
// interpreter's verdicts on a few inputs before and after.
func checkGenerated(t testing.TB, seed uint64) {
	src, _ := generate(seed)
	pf, err := ir.ParseFile("gen.clif", []byte(src))
	if err != nil {
		t.Fatalf("seed %d: generated text does not parse: %v\n%s", seed, err, src)
	}
	orig := pf.Functions[0].Func
	if err := verify.Function(orig); err != nil {
		t.Fatalf("seed %d: generated function does not verify: %v\n%s", seed, err, src)
	}
	opt := orig.Clone()
	r, err := Optimize(opt, verifyOpts)
	if err != nil {
		t.Fatalf("seed %d: %v\nbefore:\n%s\nafter:\n%s", seed, err, orig, opt)
	}
	if r.Egraph.BadResults != 0 {
		t.Fatalf("seed %d: %d ill-typed rule results\n%s", seed, r.Egraph.BadResults, orig)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	ty := orig.Signature.Params[0].Type
	for range 8 {
		args := argValues(rng, ty)
		want, ok1 := outcome(orig, args)
		got, ok2 := outcome(opt, args)
		if !ok1 || !ok2 {
			continue
		}
		if want != got {
			t.Fatalf("seed %d: args %v: before %s, after %s\nbefore:\n%s\nafter:\n%s", seed, args, want, got, orig, opt)
		}
	}
}

// TestGeneratedDifferential runs a fixed range of generated programs.
func TestGeneratedDifferential(t *testing.T) {
	n := uint64(3000)
	if testing.Short() {
		n = 300
	}
	for seed := range n {
		checkGenerated(t, seed)
	}
}

// FuzzOptimize: random integer programs (from the seed) must optimize to
// verified functions that compute what the originals compute; arbitrary
// CLIF text that parses and verifies must optimize to verified functions
// without panicking.
func FuzzOptimize(f *testing.F) {
	for seed := range uint64(8) {
		src, _ := generate(seed)
		f.Add(seed, []byte(src))
	}
	f.Fuzz(func(t *testing.T, seed uint64, text []byte) {
		checkGenerated(t, seed)
		pf, err := ir.ParseFile("fuzz.clif", text)
		if err != nil {
			return
		}
		for _, ff := range pf.Functions {
			if verify.Function(ff.Func) != nil {
				continue
			}
			g := ff.Func.Clone()
			if _, err := Optimize(g, verifyOpts); err != nil {
				t.Fatalf("%v\nbefore:\n%s\nafter:\n%s", err, ff.Func, g)
			}
		}
	})
}
