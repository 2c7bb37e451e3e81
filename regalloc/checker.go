package regalloc

import (
	"fmt"
	"maps"
	"slices"
)

// Check proves that out is a correct allocation of f under env, without
// trusting anything the allocator computed beyond out itself.
//
// It first checks each instruction statically (every operand has a location
// of the right class satisfying its constraint; operands that are live at the
// same time do not share a location; late uses avoid clobbers; edits are
// sorted, well formed and never slot-to-slot). It then runs an abstract
// interpretation: the state maps every location (register or slot) to the
// set of vregs whose current value it holds. An edit copies a set; a def
// makes its location hold exactly its vreg and removes that vreg from every
// other location (the old value is dead); a clobber empties a register; a
// branch into block s renames each argument to the matching parameter of s.
// At block entry the states of all predecessors are intersected, to a fixed
// point. A use is correct iff its vreg is in the set of its location.
func Check(f Function, env *MachineEnv, out *Output) error {
	a, err := analyze(f, env, true)
	if err != nil {
		return err
	}
	c := &checker{a: a, f: f, env: env, out: out}
	if err := c.checkStatic(); err != nil {
		return err
	}
	return c.dataflow()
}

type checker struct {
	a     *analysis
	f     Function
	env   *MachineEnv
	out   *Output
	edits [][]Edit // per program point index (2*inst+pos)
	// fixedRegs are the registers fixed constraints name; edits may move
	// values into them even when they are not allocatable.
	fixedRegs RegSet
}

// vset is an immutable sorted set of vregs; states share them freely.
type vset []VReg

func (s vset) has(v VReg) bool { _, ok := slices.BinarySearch(s, v); return ok }

func checkErr(i Inst, op int, format string, args ...any) error {
	return &Error{Block: -1, Inst: i, Operand: op, Msg: "checker: " + fmt.Sprintf(format, args...)}
}

// validLoc checks that a is a register or an existing slot of class cl.
func (c *checker) validLoc(a Alloc, cl RegClass) string {
	switch {
	case a.IsReg():
		if !a.Reg().Valid() || a.Reg().Class() != cl {
			return fmt.Sprintf("register %s is not of class %s", a.Reg(), cl)
		}
	case a.IsStack():
		if int(a.Slot()) >= len(c.out.SpillSlotClass) {
			return fmt.Sprintf("slot %d out of range (%d slots)", a.Slot(), len(c.out.SpillSlotClass))
		}
		if c.out.SpillSlotClass[a.Slot()] != cl {
			return fmt.Sprintf("slot %d is of class %s, not %s", a.Slot(), c.out.SpillSlotClass[a.Slot()], cl)
		}
	default:
		return "no location"
	}
	return ""
}

func (c *checker) checkStatic() error {
	f, out, n := c.f, c.out, c.a.nInsts
	if len(out.InstAllocStart) != n+1 || out.InstAllocStart[0] != 0 {
		return checkErr(-1, -1, "InstAllocStart has %d entries, want %d starting at 0", len(out.InstAllocStart), n+1)
	}
	for i := 0; i < n; i++ {
		if int(out.InstAllocStart[i+1])-int(out.InstAllocStart[i]) != len(f.Operands(Inst(i))) {
			return checkErr(Inst(i), -1, "wrong number of allocations")
		}
	}
	if int(out.InstAllocStart[n]) != len(out.Allocs) {
		return checkErr(-1, -1, "%d allocations, want %d", len(out.Allocs), out.InstAllocStart[n])
	}
	for i := 0; i < n; i++ {
		for _, o := range f.Operands(Inst(i)) {
			if o.Constraint() == Fixed {
				c.fixedRegs.Add(o.FixedReg())
			}
		}
	}
	written := RegSet{}
	c.edits = make([][]Edit, 2*n)
	for k, e := range out.Edits {
		if k > 0 && e.Point < out.Edits[k-1].Point {
			return checkErr(e.Point.Inst(), -1, "edits not sorted by program point at edit %d", k)
		}
		i := e.Point.Inst()
		if i < 0 || int(i) >= n {
			return checkErr(-1, -1, "edit %d at %s outside the function", k, e.Point)
		}
		if e.Point.Pos() == After && (f.IsBranch(i) || f.IsRet(i)) {
			return checkErr(i, -1, "edit %s after a block terminator", e)
		}
		if e.From.IsStack() && e.To.IsStack() {
			return checkErr(i, -1, "slot-to-slot edit %s", e)
		}
		var cl RegClass
		switch {
		case e.From.IsReg():
			cl = e.From.Reg().Class()
		case e.To.IsReg():
			cl = e.To.Reg().Class()
		default:
			return checkErr(i, -1, "edit %s has no register", e)
		}
		for _, l := range [2]Alloc{e.From, e.To} {
			if msg := c.validLoc(l, cl); msg != "" {
				return checkErr(i, -1, "edit %s: %s", e, msg)
			}
			if l.IsReg() && !c.env.Allocatable(cl).Contains(l.Reg()) && !c.env.Scratch.Contains(l.Reg()) && !c.fixedRegs.Contains(l.Reg()) {
				return checkErr(i, -1, "edit %s uses %s, which is not allocatable, scratch, or named by a fixed constraint", e, l.Reg())
			}
		}
		if e.To.IsReg() {
			written.Add(e.To.Reg())
		}
		c.edits[e.Point] = append(c.edits[e.Point], e)
	}
	for i := Inst(0); int(i) < n; i++ {
		ops := f.Operands(i)
		allocs := out.InstAllocs(i)
		clob := f.Clobbers(i)
		for k, o := range ops {
			al := allocs[k]
			cl := o.Class()
			if msg := c.validLoc(al, cl); msg != "" {
				return checkErr(i, k, "%s at %s: %s", o, al, msg)
			}
			if al.IsReg() && o.IsDef() {
				written.Add(al.Reg())
			}
			switch o.Constraint() {
			case Fixed:
				if al != RegLoc(o.FixedReg()) {
					return checkErr(i, k, "%s placed in %s", o, al)
				}
			case Reg:
				if !al.IsReg() {
					return checkErr(i, k, "%s placed in %s, not a register", o, al)
				}
			case Stack:
				if !al.IsStack() {
					return checkErr(i, k, "%s placed in %s, not a slot", o, al)
				}
			case Reuse:
				if al != allocs[o.ReuseIndex()] || !al.IsReg() {
					return checkErr(i, k, "%s placed in %s, but operand %d is in %s", o, al, o.ReuseIndex(), allocs[o.ReuseIndex()])
				}
			}
			if al.IsReg() && o.Constraint() != Fixed && !c.env.Allocatable(cl).Contains(al.Reg()) {
				return checkErr(i, k, "%s placed in non-allocatable %s", o, al)
			}
			if al.IsReg() && o.IsUse() && o.Pos() == Late && clob.Contains(al.Reg()) {
				return checkErr(i, k, "late use %s in %s, which the instruction clobbers", o, al)
			}
			for j := 0; j < k; j++ {
				if allocs[j] != al {
					continue
				}
				p, q := ops[j], o
				switch {
				case p.IsUse() && q.IsUse():
					if p.VReg() != q.VReg() {
						return checkErr(i, k, "%s and operand %d (%s) share %s", q, j, p, al)
					}
				case p.IsDef() && q.IsDef():
					return checkErr(i, k, "defs %s and %s share %s", p, q, al)
				default:
					u, d := p, q
					if p.IsDef() {
						u, d = q, p
					}
					if u.Pos() != Early || d.Pos() != Late {
						return checkErr(i, k, "%s and %s are live together but share %s", u, d, al)
					}
				}
			}
		}
	}
	if !written.Minus(out.WrittenRegs).Empty() {
		return checkErr(-1, -1, "WrittenRegs %s misses %s", out.WrittenRegs, written.Minus(out.WrittenRegs))
	}
	np := c.env.NonPreferred
	if out.CalleeSavedUsed != out.WrittenRegs.Intersect(np) {
		return checkErr(-1, -1, "CalleeSavedUsed %s, want %s", out.CalleeSavedUsed, out.WrittenRegs.Intersect(np))
	}
	return nil
}

// cstate maps each location holding something useful to its vreg set.
// Locations not in the map hold nothing.
type cstate map[Alloc]vset

func (c *checker) dataflow() error {
	f, a := c.f, c.a
	in := make([]cstate, a.nBlocks)
	in[f.Entry()] = cstate{}
	onWork := make([]bool, a.nBlocks)
	work := []Block{f.Entry()}
	onWork[f.Entry()] = true
	liveMark := make([]int32, a.nVRegs)
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		onWork[b] = false
		st := maps.Clone(in[b])
		r := f.BlockInsts(b)
		for i := r.First; i < r.End; i++ {
			if err := c.step(st, i); err != nil {
				return err
			}
		}
		for k, s := range f.Succs(b) {
			next := rename(st, f.BlockParams(s), f.BranchArgs(b, r.End-1, k))
			// Facts about vregs dead on entry to s cannot matter: drop
			// them to keep states small. (Dropping facts only makes the
			// checker stricter, so liveness errors cannot hide bugs.)
			tag := int32(s) + 1
			for _, v := range a.liveInOf(s) {
				liveMark[v.Index()] = tag
			}
			for _, v := range f.BlockParams(s) {
				liveMark[v.Index()] = tag
			}
			for l, vs := range next {
				kept := slices.DeleteFunc(slices.Clone(vs), func(v VReg) bool { return liveMark[v.Index()] != tag })
				if len(kept) == 0 {
					delete(next, l)
				} else {
					next[l] = kept
				}
			}
			changed := false
			if in[s] == nil {
				in[s], changed = next, true
			} else {
				for l, old := range in[s] {
					m := intersect(old, next[l])
					if len(m) == 0 {
						delete(in[s], l)
						changed = true
					} else if len(m) != len(old) {
						in[s][l], changed = m, true
					}
				}
			}
			if changed && !onWork[s] {
				onWork[s] = true
				work = append(work, s)
			}
		}
	}
	return nil
}

// step interprets instruction i and the edits around it.
func (c *checker) step(st cstate, i Inst) error {
	applyEdits := func(p ProgPoint) {
		for _, e := range c.edits[p] {
			if s := st[e.From]; len(s) > 0 {
				st[e.To] = s
			} else {
				delete(st, e.To)
			}
		}
	}
	applyEdits(PointBefore(i))
	ops := c.f.Operands(i)
	allocs := c.out.InstAllocs(i)
	for k, o := range ops {
		if o.IsUse() {
			if s := st[allocs[k]]; !s.has(o.VReg()) {
				return checkErr(i, k, "%s reads %s, which holds %v", o, allocs[k], []VReg(s))
			}
		}
	}
	clob := c.f.Clobbers(i)
	for _, r := range clob.Regs() {
		delete(st, RegLoc(r))
	}
	for k, o := range ops {
		if o.IsDef() {
			kill(st, o.VReg())
			st[allocs[k]] = vset{o.VReg()}
		}
	}
	applyEdits(PointAfter(i))
	return nil
}

// kill removes v from every location: a new value of v is being defined.
func kill(st cstate, v VReg) {
	for l, s := range st {
		if s.has(v) {
			if len(s) == 1 {
				delete(st, l)
			} else {
				st[l] = slices.DeleteFunc(slices.Clone(s), func(w VReg) bool { return w == v })
			}
		}
	}
}

// rename gives the state on entry to a successor: its parameters take new
// values, held wherever the corresponding arguments are.
func rename(st cstate, params, args []VReg) cstate {
	out := maps.Clone(st)
	for _, p := range params {
		kill(out, p)
	}
	if len(args) == 0 {
		return out
	}
	for l, s := range st {
		var add []VReg
		for k, a := range args {
			if s.has(a) {
				add = append(add, params[k])
			}
		}
		if len(add) > 0 {
			m := slices.Clone(out[l])
			m = append(m, add...)
			slices.Sort(m)
			out[l] = slices.Compact(m)
		}
	}
	return out
}

func intersect(x, y vset) vset {
	var out vset
	for _, v := range x {
		if y.has(v) {
			out = append(out, v)
		}
	}
	if len(out) == len(x) {
		return x
	}
	return out
}
