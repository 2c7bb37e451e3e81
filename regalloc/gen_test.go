package regalloc

import (
	"fmt"
	"math/rand"
	"strings"
)

// testFunc is a Function built in memory by tests and by the generator.
type testFunc struct {
	insts  []testInst
	blocks []testBlock
	nvregs int
}

type testInst struct {
	ops    []Operand
	clob   RegSet
	branch bool
	ret    bool
	move   bool
	args   [][]VReg // per successor, for the terminator
}

type testBlock struct {
	first, end Inst
	succs      []Block
	preds      []Block
	params     []VReg
}

func (f *testFunc) NumInsts() int  { return len(f.insts) }
func (f *testFunc) NumBlocks() int { return len(f.blocks) }
func (f *testFunc) NumVRegs() int  { return f.nvregs }
func (f *testFunc) Entry() Block   { return 0 }
func (f *testFunc) BlockInsts(b Block) InstRange {
	return InstRange{f.blocks[b].first, f.blocks[b].end}
}
func (f *testFunc) Succs(b Block) []Block      { return f.blocks[b].succs }
func (f *testFunc) Preds(b Block) []Block      { return f.blocks[b].preds }
func (f *testFunc) BlockParams(b Block) []VReg { return f.blocks[b].params }
func (f *testFunc) IsBranch(i Inst) bool       { return f.insts[i].branch }
func (f *testFunc) IsRet(i Inst) bool          { return f.insts[i].ret }
func (f *testFunc) IsMove(i Inst) bool         { return f.insts[i].move }
func (f *testFunc) Operands(i Inst) []Operand  { return f.insts[i].ops }
func (f *testFunc) Clobbers(i Inst) RegSet     { return f.insts[i].clob }
func (f *testFunc) BranchArgs(b Block, i Inst, k int) []VReg {
	if k < len(f.insts[i].args) {
		return f.insts[i].args[k]
	}
	return nil
}

// String prints the function, and the allocation if out is not nil, in a
// form meant for failure messages.
func (f *testFunc) dump(out *Output) string {
	var sb strings.Builder
	edits := map[ProgPoint][]Edit{}
	if out != nil {
		for _, e := range out.Edits {
			edits[e.Point] = append(edits[e.Point], e)
		}
	}
	for b, blk := range f.blocks {
		fmt.Fprintf(&sb, "block%d%v: preds %v succs %v\n", b, blk.params, blk.preds, blk.succs)
		for i := blk.first; i < blk.end; i++ {
			for _, e := range edits[PointBefore(i)] {
				fmt.Fprintf(&sb, "    %s <- %s\n", e.To, e.From)
			}
			in := f.insts[i]
			kind := ""
			switch {
			case in.branch:
				kind = fmt.Sprintf("br %v", in.args)
			case in.ret:
				kind = "ret"
			case in.move:
				kind = "mov"
			}
			fmt.Fprintf(&sb, "  %d: %s %v", i, kind, in.ops)
			if !in.clob.Empty() {
				fmt.Fprintf(&sb, " clobbers %v", in.clob)
			}
			if out != nil {
				fmt.Fprintf(&sb, " => %v", out.InstAllocs(i))
			}
			sb.WriteByte('\n')
			for _, e := range edits[PointAfter(i)] {
				fmt.Fprintf(&sb, "    %s <- %s\n", e.To, e.From)
			}
		}
	}
	return sb.String()
}

// compact moves every operand and argument list into two shared arrays, as
// a real backend's flat storage would be, so that benchmarks do not measure
// the garbage collector scanning a hundred thousand tiny slices.
func (f *testFunc) compact() {
	nops, nargs := 0, 0
	for _, in := range f.insts {
		nops += len(in.ops)
		for _, a := range in.args {
			nargs += len(a)
		}
	}
	ops := make([]Operand, 0, nops)
	args := make([]VReg, 0, nargs)
	for i := range f.insts {
		in := &f.insts[i]
		k := len(ops)
		ops = append(ops, in.ops...)
		in.ops = ops[k:len(ops):len(ops)]
		for j, a := range in.args {
			k := len(args)
			args = append(args, a...)
			in.args[j] = args[k:len(args):len(args)]
		}
	}
}

// builder assembles a testFunc block by block; instructions must be added
// in block order.
type builder struct {
	f   testFunc
	cur Block
}

func (bd *builder) vreg(c RegClass) VReg {
	v := NewVReg(bd.f.nvregs, c)
	bd.f.nvregs++
	return v
}

// block starts block b (blocks must be created in order 0, 1, ...).
func (bd *builder) block(params ...VReg) Block {
	b := Block(len(bd.f.blocks))
	n := Inst(len(bd.f.insts))
	bd.f.blocks = append(bd.f.blocks, testBlock{first: n, end: n, params: params})
	bd.cur = b
	return b
}

func (bd *builder) inst(in testInst) Inst {
	i := Inst(len(bd.f.insts))
	bd.f.insts = append(bd.f.insts, in)
	bd.f.blocks[bd.cur].end = i + 1
	return i
}

func (bd *builder) op(ops ...Operand) Inst { return bd.inst(testInst{ops: ops}) }

func (bd *builder) ret(ops ...Operand) Inst { return bd.inst(testInst{ops: ops, ret: true}) }

// jump ends the current block with a branch; args[k] go to succs[k].
func (bd *builder) jump(succs []Block, args [][]VReg, ops ...Operand) Inst {
	bd.f.blocks[bd.cur].succs = succs
	return bd.inst(testInst{ops: ops, branch: true, args: args})
}

// finish fills in predecessor lists from successor lists.
func (bd *builder) finish() *testFunc {
	for b := range bd.f.blocks {
		bd.f.blocks[b].preds = nil
	}
	for b, blk := range bd.f.blocks {
		for _, s := range blk.succs {
			bd.f.blocks[s].preds = append(bd.f.blocks[s].preds, Block(b))
		}
	}
	return &bd.f
}

// testEnv is a small machine: n int, m float and k vector registers, the
// first half preferred (caller-saved), with or without scratch registers.
func testEnv(n, m, k int, scratch bool) *MachineEnv {
	return stridedEnv(n, m, k, scratch, 1)
}

// stridedEnv is testEnv with register i of a class at hardware index
// i*stride+stride-1, so allocatable registers are not 0..n-1.
func stridedEnv(n, m, k int, scratch bool, stride int) *MachineEnv {
	env := &MachineEnv{}
	for c, cnt := range [NumClasses]int{n, m, k} {
		for i := 0; i < cnt; i++ {
			p := NewPReg(RegClass(c), i*stride+stride-1)
			if i < (cnt+1)/2 {
				env.Preferred.Add(p)
			} else {
				env.NonPreferred.Add(p)
			}
		}
		if scratch {
			env.Scratch.Add(NewPReg(RegClass(c), 60))
		}
	}
	return env
}

// byteSource feeds the generator; once the fuzzer's bytes run out it
// returns zeros, so every input yields a (small) valid function.
type byteSource struct {
	data []byte
	pos  int
	rng  *rand.Rand // if set, an endless source instead of data
}

func (s *byteSource) next() int {
	if s.rng != nil {
		return s.rng.Intn(256)
	}
	if s.pos >= len(s.data) {
		return 0
	}
	s.pos++
	return int(s.data[s.pos-1])
}

func (s *byteSource) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return s.next() % n
}

// generate builds a random valid function and machine from data. The CFG
// has forward and backward edges (loops) and critical edges, which are then
// split; blocks have parameters; instructions mix every constraint kind,
// calls with clobbers, moves and reuse; register counts are small so
// pressure is high.
func generate(data []byte) (*testFunc, *MachineEnv) {
	src := &byteSource{data: data}
	env := stridedEnv(1+src.intn(8), 1+src.intn(6), 1+src.intn(3), src.intn(2) == 0, 1+src.intn(3))
	return generateWith(src, env, genConfig{blocks: 1 + src.intn(10), maxInsts: 8}), env
}

// genConfig sizes generated functions.
type genConfig struct {
	blocks   int
	maxInsts int // per block, before the terminator
	// window, if positive, keeps branch targets within window blocks of
	// the branch (large functions: many small loops rather than one).
	window int
	// avail, if positive, replaces defaultAvail: fewer values in reach
	// means shorter live ranges and lower register pressure.
	avail int
}

// defaultAvail bounds the values a block may use from its dominators, so
// that large functions stay linear to generate; the bound also sets how many
// values compete for registers.
const defaultAvail = 48

func generateWith(src *byteSource, env *MachineEnv, cfg genConfig) *testFunc {
	var regs [NumClasses][]PReg
	for c := RegClass(0); c < NumClasses; c++ {
		regs[c] = env.Allocatable(c).Regs()
	}
	nregs := [NumClasses]int{len(regs[Int]), len(regs[Float]), len(regs[Vector])}
	maxAvail := defaultAvail
	if cfg.avail > 0 {
		maxAvail = cfg.avail
	}

	// 1. CFG: block b always reaches b+1; some blocks also branch to a
	// random block (backward targets make loops).
	nb := cfg.blocks
	target := func(b int) int {
		if cfg.window <= 0 {
			return src.intn(nb)
		}
		return max(0, min(nb-1, b-cfg.window+src.intn(2*cfg.window+1)))
	}
	succs := make([][]int, nb)
	for b := 0; b < nb-1; b++ {
		succs[b] = []int{b + 1}
		switch src.intn(4) {
		case 1, 2:
			if t := target(b); t != b+1 {
				succs[b] = append(succs[b], t)
			}
		case 3:
			t1, t2 := target(b), target(b)
			if t1 != b+1 {
				succs[b] = append(succs[b], t1)
			}
			if t2 != b+1 && t2 != t1 {
				succs[b] = append(succs[b], t2)
			}
		}
	}
	// The entry has no parameters, but may head a loop; usually keep it out
	// of loops by redirecting edges into it to block 1.
	entryLoops := src.intn(4) == 0
	for b := range succs {
		for k, s := range succs[b] {
			if s == 0 && (!entryLoops || nb == 1) {
				succs[b][k] = min(1, nb-1)
				if nb == 1 {
					succs[b] = nil
				}
			}
		}
		succs[b] = dedupe(succs[b])
	}
	// 2. Split critical edges.
	preds := func() []int {
		n := make([]int, len(succs))
		for _, ss := range succs {
			for _, s := range ss {
				n[s]++
			}
		}
		return n
	}()
	for b := 0; b < nb; b++ {
		if len(succs[b]) < 2 {
			continue
		}
		for k, s := range succs[b] {
			if preds[s] > 1 {
				e := len(succs)
				succs = append(succs, []int{s})
				succs[b][k] = e
			}
		}
	}
	n := len(succs)
	predList := make([][]int, n)
	for b, ss := range succs {
		for _, s := range ss {
			predList[s] = append(predList[s], b)
		}
	}
	// 3. Dominators (iterative, on this small graph) so that every use is
	// of a value defined on all paths.
	rpo := rpoOf(succs)
	idom := dominators(succs, predList, rpo)

	classOf := func() RegClass {
		switch src.intn(6) {
		case 4:
			return Float
		case 5:
			return Vector
		}
		return Int
	}
	f := &testFunc{blocks: make([]testBlock, n)}
	newV := func(c RegClass) VReg {
		v := NewVReg(f.nvregs, c)
		f.nvregs++
		return v
	}
	for b := 1; b < n; b++ {
		np := src.intn(4)
		for k := 0; k < np; k++ {
			f.blocks[b].params = append(f.blocks[b].params, newV(classOf()))
		}
	}
	// Generate block bodies in RPO; availEnd[b] are values usable at b's end.
	type blockCode struct {
		insts []testInst
	}
	code := make([]blockCode, n)
	availEnd := make([][]VReg, n)
	for _, b := range rpo {
		var avail []VReg
		if b != 0 {
			d := availEnd[idom[b]]
			avail = append(avail, d[max(0, len(d)-maxAvail):]...)
		}
		avail = append(avail, f.blocks[b].params...)
		pick := func(c RegClass) (VReg, bool) {
			var cands []VReg
			for _, v := range avail {
				if v.Class() == c {
					cands = append(cands, v)
				}
			}
			if len(cands) == 0 {
				return NoVReg, false
			}
			// Bias towards old values: long live ranges, high pressure.
			k := src.intn(len(cands))
			if src.intn(2) == 0 {
				k /= 2
			}
			return cands[k], true
		}
		var insts []testInst
		if b == 0 {
			// Function arguments arrive in fixed registers.
			var ops []Operand
			for c := RegClass(0); c < NumClasses; c++ {
				for k := 0; k < min(2, nregs[c]); k++ {
					v := newV(c)
					ops = append(ops, FixedDef(v, regs[c][k]))
				}
			}
			insts = append(insts, testInst{ops: ops})
			for _, o := range ops {
				avail = append(avail, o.VReg())
			}
		}
		ni := src.intn(cfg.maxInsts + 1)
		for k := 0; k < ni; k++ {
			in := genInst(src, env, regs, pick, newV, classOf)
			for _, o := range in.ops {
				if o.IsDef() {
					avail = append(avail, o.VReg())
				}
			}
			insts = append(insts, in)
		}
		// Terminator.
		term := testInst{}
		if len(succs[b]) == 0 {
			term.ret = true
			for c := RegClass(0); c < NumClasses; c++ {
				if v, ok := pick(c); ok && src.intn(2) == 0 {
					term.ops = append(term.ops, FixedUse(v, regs[c][0]))
				}
			}
		} else {
			term.branch = true
			if len(succs[b]) > 1 {
				if v, ok := pick(Int); ok {
					term.ops = append(term.ops, Use(v))
				}
			}
			for _, s := range succs[b] {
				var args []VReg
				for _, p := range f.blocks[s].params {
					v, ok := pick(p.Class())
					if !ok {
						// Define one just before the terminator.
						v = newV(p.Class())
						insts = append(insts, testInst{ops: []Operand{Def(v)}})
						avail = append(avail, v)
					}
					args = append(args, v)
				}
				term.args = append(term.args, args)
			}
		}
		insts = append(insts, term)
		code[b].insts = insts
		availEnd[b] = avail[max(0, len(avail)-maxAvail):]
	}
	// Lay out blocks in index order, or sometimes shuffled: instruction
	// numbers need not follow block numbers.
	layout := make([]int, n)
	for b := range layout {
		layout[b] = b
	}
	if src.intn(4) == 0 {
		for k := n - 1; k > 0; k-- {
			j := src.intn(k + 1)
			layout[k], layout[j] = layout[j], layout[k]
		}
	}
	for _, b := range layout {
		f.blocks[b].first = Inst(len(f.insts))
		f.insts = append(f.insts, code[b].insts...)
		f.blocks[b].end = Inst(len(f.insts))
		for _, s := range succs[b] {
			f.blocks[b].succs = append(f.blocks[b].succs, Block(s))
		}
		for _, p := range predList[b] {
			f.blocks[b].preds = append(f.blocks[b].preds, Block(p))
		}
	}
	return f
}

// genInst makes one non-terminator instruction whose register demand fits
// the machine.
func genInst(src *byteSource, env *MachineEnv, regs [NumClasses][]PReg, pick func(RegClass) (VReg, bool), newV func(RegClass) VReg, classOf func() RegClass) testInst {
	c := classOf()
	n := len(regs[c])
	switch src.intn(12) {
	case 0: // call: fixed args, clobbers the caller-saved set, fixed result
		var in testInst
		used := map[VReg]bool{}
		for k := 0; k < min(src.intn(3), n); k++ {
			if v, ok := pick(c); ok && !used[v] {
				used[v] = true
				in.ops = append(in.ops, FixedUse(v, regs[c][k]))
			}
		}
		in.clob = env.Preferred
		in.ops = append(in.ops, FixedDef(newV(c), regs[c][0]))
		return in
	case 1: // two-address: d = a op b, d reuses a
		a, ok1 := pick(c)
		b, ok2 := pick(c)
		if !ok1 || !ok2 || n < 2 {
			break
		}
		return testInst{ops: []Operand{Use(a), Use(b), ReuseDef(newV(c), 0)}}
	case 2: // move
		if a, ok := pick(c); ok {
			return testInst{ops: []Operand{Use(a), Def(newV(c))}, move: true}
		}
	case 3: // fixed use and def (shift count in cl, division in ax/dx, ...)
		a, ok := pick(c)
		if !ok {
			break
		}
		p := regs[c][src.intn(n)]
		q := regs[c][src.intn(n)]
		ops := []Operand{FixedUse(a, p), Def(newV(c))}
		if n >= 2 && src.intn(2) == 0 {
			ops[1] = FixedDef(ops[1].VReg(), q)
		}
		return testInst{ops: ops}
	case 4: // memory operands
		a, ok := pick(c)
		if !ok {
			break
		}
		return testInst{ops: []Operand{StackUse(a), AnyUse(a), StackDef(newV(c)), AnyDef(newV(c))}}
	case 5: // early def and late use
		a, ok := pick(c)
		if !ok || n < 2 {
			break
		}
		return testInst{ops: []Operand{UseAtEnd(a), DefAtStart(newV(c))}}
	case 6: // fixed late use, fixed early def, a free def
		a, ok := pick(c)
		if !ok || n < 3 {
			break
		}
		k := src.intn(n)
		p := regs[c][k]
		q := regs[c][(k+1+src.intn(n-1))%n]
		return testInst{ops: []Operand{FixedUseAtEnd(a, p), NewOperand(newV(c), DefKind, Early, Fixed, uint8(q)), Def(newV(c))}}
	case 8: // a register outside the allocatable set (a stack or thread pointer)
		if a, ok := pick(c); ok {
			return testInst{ops: []Operand{FixedUse(a, NewPReg(c, 30)), Def(newV(c))}}
		}
	case 9:
		return testInst{ops: []Operand{FixedDef(newV(c), NewPReg(c, 31))}}
	case 7: // reuse of a fixed use, and a late any use
		a, ok1 := pick(c)
		b, ok2 := pick(c)
		if !ok1 || !ok2 || n < 3 {
			break
		}
		p := regs[c][src.intn(n)]
		return testInst{ops: []Operand{FixedUse(a, p), NewOperand(b, UseKind, Late, Any, 0), ReuseDef(newV(c), 0)}}
	}
	// Generic: up to n register uses (distinct pressure), a temp, a def.
	var ops []Operand
	nu := src.intn(n + 1)
	for k := 0; k < nu; k++ {
		if v, ok := pick(c); ok {
			ops = append(ops, Use(v))
		}
	}
	if nu < n && n >= 2 && src.intn(3) == 0 {
		ops = append(ops, Temp(newV(c)))
	}
	ops = append(ops, Def(newV(c)))
	return testInst{ops: ops}
}

func dedupe(xs []int) []int {
	var out []int
	for _, x := range xs {
		dup := false
		for _, y := range out {
			dup = dup || x == y
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

func rpoOf(succs [][]int) []int {
	seen := make([]bool, len(succs))
	var post []int
	var visit func(int)
	visit = func(b int) {
		seen[b] = true
		for _, s := range succs[b] {
			if !seen[s] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	visit(0)
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// dominators is the Cooper-Harvey-Kennedy iteration.
func dominators(succs, preds [][]int, rpo []int) []int {
	n := len(succs)
	order := make([]int, n)
	for k, b := range rpo {
		order[b] = k
	}
	idom := make([]int, n)
	for i := range idom {
		idom[i] = -1
	}
	idom[0] = 0
	for changed := true; changed; {
		changed = false
		for _, b := range rpo[1:] {
			nd := -1
			for _, p := range preds[b] {
				if idom[p] < 0 {
					continue
				}
				if nd < 0 {
					nd = p
					continue
				}
				x, y := p, nd
				for x != y {
					for order[x] > order[y] {
						x = idom[x]
					}
					for order[y] > order[x] {
						y = idom[y]
					}
				}
				nd = x
			}
			if idom[b] != nd {
				idom[b], changed = nd, true
			}
		}
	}
	return idom
}
