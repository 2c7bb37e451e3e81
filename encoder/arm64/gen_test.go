package arm64

import (
	"math"
	"math/rand/v2"
	"strings"
)

// Operand value generation for the table-driven tests: every operand kind
// can list its interesting values (all registers, immediate boundaries and a
// few random interior values) and draw a random valid one. Values depend on
// earlier operands where the encoding does (a width after its lsb, a bit
// number after its register, vector operands after the arrangement), so
// cases are filled left to right.

// allBitmasks lists every encodable logical immediate of each size.
var allBitmasks = func() map[int][]uint64 {
	m := map[int][]uint64{}
	for _, size := range []int{32, 64} {
		seen := map[uint64]bool{}
		for n := uint32(0); n < 2; n++ {
			for immr := uint32(0); immr < 64; immr++ {
				for imms := uint32(0); imms < 64; imms++ {
					if v, ok := DecodeBitmask(n, immr, imms, size); ok && !seen[v] {
						seen[v] = true
						m[size] = append(m[size], v)
					}
				}
			}
		}
	}
	return m
}()

type gen struct {
	rnd *rand.Rand
	all bool // list every interesting value rather than drawing one
}

func regVals(cls uint16) []int64 {
	out := make([]int64, 32)
	for i := range out {
		out[i] = int64(cls)<<8 | int64(i)
	}
	return out
}

func rangeVals(lo, hi int64) []int64 {
	var out []int64
	for v := lo; v <= hi; v++ {
		out = append(out, v)
	}
	return out
}

// boundVals lists lo, hi, their neighbours and a few random values between.
func (g *gen) boundVals(lo, hi, step int64) []int64 {
	out := []int64{lo, hi}
	if lo+step <= hi {
		out = append(out, lo+step, hi-step)
	}
	if lo < 0 && hi > 0 {
		out = append(out, 0, step, -step)
	}
	for i := 0; i < 4; i++ {
		out = append(out, lo+g.rnd.Int64N((hi-lo)/step+1)*step)
	}
	return out
}

func cross(a, b []int64, f func(x, y int64) int64) []int64 {
	var out []int64
	for _, x := range a {
		for _, y := range b {
			out = append(out, f(x, y))
		}
	}
	return out
}

// cands returns the candidate value tuples of operand j of r given the
// values of the operands before it.
func (g *gen) cands(r *row, j int, vals []int64) [][]int64 {
	a := &r.args[j]
	e := enc{r: r, vals: vals}
	size := int64(r.size)
	one := func(vs []int64) [][]int64 {
		out := make([][]int64, len(vs))
		for i, v := range vs {
			out[i] = []int64{v}
		}
		return out
	}
	two := func(xs, ys func(x int64) []int64) [][]int64 {
		var out [][]int64
		for _, x := range xs(0) {
			for _, y := range ys(x) {
				out = append(out, []int64{x, y})
			}
		}
		return out
	}
	bases := func(int64) []int64 { return regVals(clsX) }
	switch a.kind {
	case kGP:
		return one(regVals(a.cls))
	case kGPAny:
		return one(append(regVals(clsW), regVals(clsX)...))
	case kGPByT:
		if e.t()>>1 == 3 {
			return one(regVals(clsX))
		}
		return one(regVals(clsW))
	case kFP:
		return one(regVals(a.cls))
	case kVec, kVecList, kVList1:
		return one(regVals(clsV))
	case kVecElem, kLane:
		es := int64(a.arr >> 1)
		if a.kind == kVecElem && a.rel != relFixed {
			es = int64(e.t() >> 1)
		}
		return two(func(int64) []int64 { return regVals(clsV) }, func(int64) []int64 { return rangeVals(0, 16>>es-1) })
	case kT:
		var out []int64
		for t := A8B; t <= A2D; t++ {
			if a.set&(1<<t) != 0 {
				out = append(out, int64(t))
			}
		}
		return one(out)
	case kImm12:
		return one(g.boundVals(0, 4095, 1))
	case kSh12:
		return one([]int64{0, 12})
	case kShift:
		types := []int64{0, 1, 2}
		if a.n == 1 {
			types = append(types, 3)
		}
		return one(cross(types, g.boundVals(0, size-1, 1), func(t, n int64) int64 { return t<<8 | n }))
	case kExtend:
		return one(cross(rangeVals(0, 7), rangeVals(0, 4), func(o, n int64) int64 { return o<<8 | n }))
	case kExtReg:
		// The class is fixed up once the extend is known (fixClasses).
		return one(regVals(clsW))
	case kBitmask:
		all := allBitmasks[int(size)]
		var out []int64
		for i := 0; i < 24; i++ {
			out = append(out, int64(all[g.rnd.IntN(len(all))]))
		}
		return one(out)
	case kImm16:
		return one(g.boundVals(0, 0xffff, 1))
	case kHW:
		return one([]int64{0, 16, 32, 48}[:size/16])
	case kMovImm:
		var out []int64
		for hw := int64(0); hw < size/16; hw++ {
			for _, c := range g.boundVals(1, 0xfffe, 1) {
				v := c << (16 * hw)
				if a.n == 1 {
					v = ^v
					if size == 32 {
						v &= 0xffffffff
					}
				}
				out = append(out, v)
			}
		}
		return one(out)
	case kUimm:
		if a.width <= 6 {
			return one(rangeVals(0, 1<<a.width-1))
		}
		return one(g.boundVals(0, 1<<a.width-1, 1))
	case kLSL, kLSR, kLsb, kLsbIns:
		return one(rangeVals(0, size-1))
	case kWidthX, kWidthIns:
		return one(g.boundVals(1, size-vals[len(vals)-1], 1))
	case kCond:
		return one(rangeVals(0, 15))
	case kInvCond:
		return one(rangeVals(0, 13))
	case kLabel:
		lim := int64(1) << (a.width - 1)
		return one(g.boundVals(-lim<<a.scale, (lim-1)<<a.scale, 1<<a.scale))
	case kTbzBit:
		if vals[len(vals)-1]>>8 == clsX {
			return one(rangeVals(0, 63))
		}
		return one(rangeVals(0, 31))
	case kMem0:
		return one(regVals(clsX))
	case kMemU12:
		s := int64(1) << a.scale
		return two(bases, func(int64) []int64 { return g.boundVals(0, 4095*s, s) })
	case kMemS9, kMemPre, kMemPost:
		return two(bases, func(int64) []int64 { return g.boundVals(-256, 255, 1) })
	case kMemP, kMemPPre, kMemPPost:
		s := int64(1) << a.scale
		return two(bases, func(int64) []int64 { return g.boundVals(-64*s, 63*s, s) })
	case kMemReg:
		exts := []int64{}
		for _, o := range []int64{int64(UXTW), int64(UXTX), int64(SXTW), int64(SXTX)} {
			exts = append(exts, o<<8, o<<8|int64(a.scale))
			if a.scale == 0 {
				exts = append(exts, o<<8|0x10000)
			}
		}
		var out [][]int64
		for _, b := range regVals(clsX) {
			for _, x := range exts {
				cls := int64(clsW)
				if x>>8&1 == 1 {
					cls = clsX
				}
				out = append(out, []int64{b, cls<<8 | g.rnd.Int64N(32), x})
			}
		}
		for i := int64(0); i < 32; i++ { // every index register
			out = append(out, []int64{X0 + g.rnd.Int64N(32), X0 + i, int64(UXTX) << 8})
		}
		return out
	case kZero:
		return [][]int64{{}}
	case kFPImm, kFPImmV:
		var out []int64
		for i := uint32(0); i < 256; i++ {
			out = append(out, int64(math.Float64bits(DecodeFPImm(i))))
		}
		return one(out)
	case kImm8V:
		return one(rangeVals(0, 255))
	case kImm64V:
		var out []int64
		for i := 0; i < 16; i++ {
			var v uint64
			m := g.rnd.Uint32()
			for b := 0; b < 8; b++ {
				if m>>b&1 == 1 {
					v |= 0xff << (8 * b)
				}
			}
			out = append(out, int64(v))
		}
		return one(append(out, 0, -1))
	case kMoviLSL:
		if a.n == 1 {
			return one([]int64{0, 8, 16, 24})
		}
		return one([]int64{0, 8})
	case kMoviMSL:
		return one([]int64{8, 16})
	case kVShl:
		if a.n == 1 {
			return [][]int64{{}}
		}
		return one(rangeVals(0, 8<<(e.t()>>1)-1))
	case kVShr:
		return one(rangeVals(1, 8<<(e.t()>>1)))
	case kExtIdx:
		if e.t().Q() {
			return one(rangeVals(0, 15))
		}
		return one(rangeVals(0, 7))
	case kBarrier:
		return one(rangeVals(0, 15))
	}
	panic("no generator for " + a.tok)
}

// fill draws random values for operands from..end of r into vals (which
// holds the values of operands before from).
func (g *gen) fill(r *row, from int, vals []int64) []int64 {
	for j := from; j < len(r.args); j++ {
		cs := g.cands(r, j, vals)
		vals = append(vals, cs[g.rnd.IntN(len(cs))]...)
	}
	fixClasses(r, vals)
	return vals
}

// fixClasses gives an extended-register index the class its extend implies.
func fixClasses(r *row, vals []int64) {
	for j := range r.args {
		if r.args[j].kind == kExtReg {
			i := r.start[j]
			cls := int64(clsW)
			if r.size == 64 && vals[i+1]>>8&3 == 3 {
				cls = clsX
			}
			vals[i] = cls<<8 | vals[i]&31
		}
	}
}

// cases enumerates the test cases of row r: for each operand, every
// interesting value of it with the other operands drawn at random, plus
// extra fully random cases.
func (g *gen) cases(op Op, extra int, yield func(vals []int64)) {
	r := &opRows[op]
	for j := range r.args {
		prefix := g.fill(r, 0, nil)[:r.start[j]]
		for _, c := range g.cands(r, j, prefix) {
			for try := 0; try < 20; try++ {
				vals := append(append([]int64(nil), prefix...), c...)
				vals = g.fill(r, j+1, vals)
				if !g.unpredictable(op, vals) {
					yield(vals)
					break
				}
			}
		}
	}
	for i := 0; i < extra; i++ {
		if vals := g.fill(r, 0, nil); !g.unpredictable(op, vals) {
			yield(vals)
		}
	}
}

// unpredictable reports whether vals hit one of the register combinations
// Encode rejects as CONSTRAINED UNPREDICTABLE (those have their own test).
func (g *gen) unpredictable(op Op, vals []int64) bool {
	_, err := Encode(op, vals...)
	if err != nil && unpredictableErr(err) {
		if !mayBeUnpredictable(op) {
			strayUnpredictable[op]++
		}
		return true
	}
	return false
}

// strayUnpredictable counts rejections of rows that have no CONSTRAINED
// UNPREDICTABLE register combinations; tests require it to stay empty, so
// the generator's retries cannot hide an over-eager check.
var strayUnpredictable = map[Op]int{}

// mayBeUnpredictable reports whether op is a row Encode may reject for a
// register combination: writeback loads/stores of general registers, load
// pairs, store-exclusives.
func mayBeUnpredictable(op Op) bool {
	r := &opRows[op]
	name := r.Name
	for _, a := range r.args {
		switch a.kind {
		case kMemPre, kMemPost, kMemPPre, kMemPPost:
			return true
		}
	}
	return strings.HasPrefix(name, "ldp") || strings.HasPrefix(name, "stxr") || strings.HasPrefix(name, "stlxr")
}

func unpredictableErr(err error) bool {
	s := err.Error()
	return strings.Contains(s, "writeback base") || strings.Contains(s, "both destinations") || strings.Contains(s, "status register")
}
