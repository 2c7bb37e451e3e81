package regalloc

import (
	"fmt"
	"math/bits"
)

// pmove is one element of a parallel move: all sources are read before any
// destination is written.
type pmove struct {
	from, to Alloc
	class    RegClass
}

// moveResolver turns parallel moves into sequential edits. It is reused for
// every move group of a function, so its buffers are allocated once.
//
// Sequentialisation is the classic one: emit any move whose destination no
// pending move still reads; when none is left, every pending move sits on a
// cycle, so one destination is saved to a temporary and its readers are
// redirected there. Then every slot-to-slot move (which no machine can do in
// one instruction) is routed through a register that is dead at that point
// of the sequence; if there is none, a register is borrowed: saved to an
// emergency slot around the move and restored afterwards.
type moveResolver struct {
	env     *MachineEnv
	newSlot func(RegClass) SpillSlot
	// emergency[c][0] is the cycle temporary, [1] the borrowed register's
	// save area; allocated on first need, shared by the whole function
	// because move groups never overlap.
	emergency [NumClasses][2]SpillSlot
	pending   []pmove
	seq       []pmove
}

func newMoveResolver(env *MachineEnv, newSlot func(RegClass) SpillSlot) *moveResolver {
	r := &moveResolver{}
	r.reset(env, newSlot)
	return r
}

// reset prepares r for a new function, keeping its buffers.
func (r *moveResolver) reset(env *MachineEnv, newSlot func(RegClass) SpillSlot) {
	r.env, r.newSlot = env, newSlot
	for c := range r.emergency {
		r.emergency[c] = [2]SpillSlot{-1, -1}
	}
}

func (r *moveResolver) emergencySlot(c RegClass, k int) Alloc {
	if r.emergency[c][k] < 0 {
		r.emergency[c][k] = r.newSlot(c)
	}
	return StackLoc(r.emergency[c][k])
}

// resolve appends to edits, at point, a sequence of edits with the effect of
// the parallel move moves. busy, and what busyFn returns if not nil, are the
// registers whose current contents must survive the group although no move
// writes them; every other register that the group does not read is assumed
// dead and may serve as a temporary. busyFn is called only if a temporary
// is needed (rarely).
func (r *moveResolver) resolve(moves []pmove, point ProgPoint, busy RegSet, busyFn func() RegSet, edits []Edit) ([]Edit, error) {
	if len(moves) == 1 {
		// The usual group: one move, nothing to order.
		if m := moves[0]; m.from != m.to && !(m.from.IsStack() && m.to.IsStack()) {
			return append(edits, Edit{point, m.from, m.to}), nil
		}
	}
	// busy is completed by busyFn only when a temporary is needed (not a
	// closure: that would keep busy in memory for the whole function).
	busyKnown := busyFn == nil
	r.pending = r.pending[:0]
	for _, m := range moves {
		if m.from == m.to {
			if m.to.IsReg() {
				busy.Add(m.to.Reg()) // its value must stay put
			}
			continue
		}
		dup := false
		for _, p := range r.pending {
			if p.to == m.to {
				if p.from != m.from {
					return edits, fmt.Errorf("regalloc: internal error: two moves into %s at %s", m.to, point)
				}
				dup = true
			}
		}
		if !dup {
			r.pending = append(r.pending, m)
		}
	}
	if len(r.pending) == 0 {
		return edits, nil
	}
	r.seq = r.seq[:0]
	for len(r.pending) > 0 {
		progress := false
		for k := 0; k < len(r.pending); {
			m := r.pending[k]
			if r.pendingReads(m.to, k) {
				k++
				continue
			}
			r.seq = append(r.seq, m)
			r.pending = append(r.pending[:k], r.pending[k+1:]...)
			progress = true
		}
		if progress {
			continue
		}
		// Only cycles remain: park the first move's destination value.
		d := r.pending[0].to
		c := r.pending[0].class
		if !busyKnown {
			busy, busyKnown = busy.Union(busyFn()), true
		}
		t := r.cycleTemp(c, busy)
		r.seq = append(r.seq, pmove{d, t, c})
		for k := range r.pending {
			if r.pending[k].from == d {
				r.pending[k].from = t
			}
		}
	}
	for k, m := range r.seq {
		if !m.from.IsStack() || !m.to.IsStack() {
			edits = append(edits, Edit{point, m.from, m.to})
			continue
		}
		if !busyKnown {
			busy, busyKnown = busy.Union(busyFn()), true
		}
		if t := r.deadReg(m.class, k, busy); t != NoPReg {
			edits = append(edits, Edit{point, m.from, RegLoc(t)}, Edit{point, RegLoc(t), m.to})
			continue
		}
		v := r.env.Allocatable(m.class).First(m.class)
		if v == NoPReg {
			return edits, errorf(-1, point.Inst(), -1, "no %s register to move between spill slots", m.class)
		}
		save := r.emergencySlot(m.class, 1)
		edits = append(edits,
			Edit{point, RegLoc(v), save},
			Edit{point, m.from, RegLoc(v)},
			Edit{point, RegLoc(v), m.to},
			Edit{point, save, RegLoc(v)})
	}
	return edits, nil
}

// pendingReads reports whether a pending move other than skip reads loc.
func (r *moveResolver) pendingReads(loc Alloc, skip int) bool {
	for k, p := range r.pending {
		if k != skip && p.from == loc {
			return true
		}
	}
	return false
}

// cycleTemp picks where to park a value while breaking a cycle: a register
// that is not busy, not read by a pending move, and not already written with
// its final value; else the class's emergency slot.
func (r *moveResolver) cycleTemp(c RegClass, busy RegSet) Alloc {
	try := func(p PReg) bool {
		if p == NoPReg || busy.Contains(p) || r.pendingReads(RegLoc(p), -1) {
			return false
		}
		for _, m := range r.seq {
			if m.to == RegLoc(p) {
				return false
			}
		}
		return true
	}
	if s := r.env.Scratch.First(c); try(s) {
		return RegLoc(s)
	}
	for m := r.env.Allocatable(c).Class(c); m != 0; m &= m - 1 {
		p := NewPReg(c, bits.TrailingZeros64(m))
		if try(p) {
			return RegLoc(p)
		}
	}
	return r.emergencySlot(c, 0)
}

// deadReg finds a register of class c whose value is not needed at position
// k of the sequence: not busy, and next accessed by a write (or never again,
// provided no earlier move left its final value there).
func (r *moveResolver) deadReg(c RegClass, k int, busy RegSet) PReg {
	dead := func(p PReg) bool {
		if p == NoPReg || busy.Contains(p) {
			return false
		}
		loc := RegLoc(p)
		for _, m := range r.seq[k+1:] {
			if m.from == loc {
				return false
			}
			if m.to == loc {
				return true
			}
		}
		for _, m := range r.seq[:k] {
			if m.to == loc {
				return false
			}
		}
		return true
	}
	if s := r.env.Scratch.First(c); dead(s) {
		return s
	}
	for m := r.env.Allocatable(c).Class(c); m != 0; m &= m - 1 {
		if p := NewPReg(c, bits.TrailingZeros64(m)); dead(p) {
			return p
		}
	}
	return NoPReg
}
