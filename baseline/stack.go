package baseline

import (
	"math/bits"

	"kiln/baseline/masm"
)

// valKind says where a value of the value stack currently is.
type valKind uint8

const (
	// valConst: a constant not yet in any register (imm holds its bits;
	// an i32 zero-extended).
	valConst valKind = iota
	// valReg: in register reg, owned by this stack entry.
	valReg
	// valLocal: the current value of local `local` (read lazily; a write
	// to the local first materialises every such entry).
	valLocal
	// valMem: in the entry's own frame slot, valSlot(index).
	valMem
	// valCmp: an i32 comparison not yet evaluated: reg cond reg2 (or
	// cond imm when !hasReg2), width cmpSz. br_if and if consume it as a
	// compare-and-branch; anything else materialises the 0/1 value.
	valCmp
)

// Val is one entry of the value stack: flat, no pointers, so the stack is
// a slice of small structs that is reused across functions.
type Val struct {
	kind  valKind
	ty    masm.Ty
	reg   masm.Reg
	imm   uint64
	local uint32
	// valCmp only
	reg2    masm.Reg
	hasReg2 bool
	cond    masm.Cond
	cmpSz   masm.Size
	isFloat bool // a float comparison: reg and reg2 are float registers
}

// holds reports whether v owns a register of class c.
func (v *Val) holds(c masm.Class) bool {
	return (v.kind == valReg || v.kind == valCmp) && v.reg.Class == c
}

// releaseVal frees the registers a popped value owns.
func (g *CodeGen) releaseVal(v Val) {
	switch v.kind {
	case valReg:
		g.release(v.reg)
	case valCmp:
		g.release(v.reg)
		if v.hasReg2 {
			g.release(v.reg2)
		}
	}
}

// push appends v, tracking the deepest the stack has been (the frame holds
// a slot for every depth).
func (g *CodeGen) push(v Val) {
	g.stack = append(g.stack, v)
	if len(g.stack) > g.maxDepth {
		g.maxDepth = len(g.stack)
	}
}

func (g *CodeGen) pushReg(ty masm.Ty, r masm.Reg) {
	g.push(Val{kind: valReg, ty: ty, reg: r})
}

// pop removes the top value and returns it with the index it had (which
// names its frame slot when it is valMem).
func (g *CodeGen) pop() (Val, int) {
	i := len(g.stack) - 1
	v := g.stack[i]
	g.stack = g.stack[:i]
	return v, i
}

// alloc returns a free register of class c, spilling the oldest stack
// value held in a register of that class if there is none: the value
// deepest in the stack is the one needed last.
func (g *CodeGen) alloc(c masm.Class) masm.Reg {
	for {
		if f := g.free[c]; f != 0 {
			n := uint8(bits.TrailingZeros64(uint64(f)))
			g.free[c] &^= 1 << n
			return masm.Reg{Class: c, Num: n}
		}
		spilled := false
		for i := range g.stack {
			if v := &g.stack[i]; v.holds(c) {
				g.spillAt(i)
				spilled = true
				break
			}
		}
		if !spilled {
			// An operation holds at most three registers of a class
			// and every class has more: this cannot happen.
			panic("baseline: register pool exhausted")
		}
	}
}

// take marks r as in use (a fixed register an instruction produced).
func (g *CodeGen) take(r masm.Reg) { g.free[r.Class] &^= 1 << r.Num }

func (g *CodeGen) release(r masm.Reg) { g.free[r.Class] |= 1 << r.Num }

// spillAt moves stack entry i to its frame slot.
func (g *CodeGen) spillAt(i int) {
	v := &g.stack[i]
	s := g.valSlot(i)
	switch v.kind {
	case valCmp:
		r := g.toReg(*v, i)
		g.m.StoreSlot(v.ty.Size, s, r)
		g.release(r)
	case valReg:
		g.m.StoreSlot(v.ty.Size, s, v.reg)
		g.release(v.reg)
	case valConst:
		g.m.StoreImm(v.ty.Size, s, v.imm)
	case valLocal:
		g.m.CopySlot(v.ty.Size, s, g.localSlot(v.local))
	case valMem:
		return
	}
	*v = Val{kind: valMem, ty: v.ty}
}

// flush puts every stack value in its frame slot: the state at every
// control-flow join, call and exit, so all paths agree on where values are
// and nothing lives in a register across a clobbering sequence.
func (g *CodeGen) flush() {
	for i := range g.stack {
		if g.stack[i].kind != valMem {
			g.spillAt(i)
		}
	}
}

// evict spills the stack values held in the registers of set (integer
// class): registers an instruction is about to overwrite.
func (g *CodeGen) evict(set masm.RegSet) {
	if set == 0 {
		return
	}
	for i := range g.stack {
		v := &g.stack[i]
		if (v.kind == valReg || v.kind == valCmp) && v.reg.Class == masm.Int &&
			(set.Has(v.reg.Num) || v.kind == valCmp && v.hasReg2 && set.Has(v.reg2.Num)) {
			g.spillAt(i)
		}
	}
}

// toReg materialises a popped value (which had stack index i) in a
// register the caller then owns.
func (g *CodeGen) toReg(v Val, i int) masm.Reg {
	switch v.kind {
	case valReg:
		return v.reg
	case valCmp:
		if v.isFloat {
			d := g.alloc(masm.Int)
			g.m.FloatCompare(v.cond, v.cmpSz, d, v.reg, v.reg2)
			g.release(v.reg)
			g.release(v.reg2)
			return d
		}
		if v.hasReg2 {
			g.m.IntCompare(v.cond, v.cmpSz, v.reg, v.reg, v.reg2)
			g.release(v.reg2)
		} else {
			g.m.IntCompareImm(v.cond, v.cmpSz, v.reg, v.reg, int64(v.imm))
		}
		return v.reg
	case valConst:
		r := g.alloc(v.ty.Class)
		g.m.LoadImm(v.ty.Size, r, v.imm)
		return r
	case valLocal:
		r := g.alloc(v.ty.Class)
		g.m.LoadSlot(v.ty.Size, r, g.localSlot(v.local))
		return r
	default:
		r := g.alloc(v.ty.Class)
		g.m.LoadSlot(v.ty.Size, r, g.valSlot(i))
		return r
	}
}

// popReg pops the top value into a register.
func (g *CodeGen) popReg() (masm.Reg, masm.Ty) {
	v, i := g.pop()
	return g.toReg(v, i), v.ty
}

// materialiseLocal spills every lazy read of local l before it is
// written.
func (g *CodeGen) materialiseLocal(l uint32) {
	for i := range g.stack {
		if v := &g.stack[i]; v.kind == valLocal && v.local == l {
			g.spillAt(i)
		}
	}
}

// resetStack sets the stack to height base followed by values of types
// tys in their slots: the state at a label.
func (g *CodeGen) resetStack(base int, tys []masm.Ty) {
	for _, v := range g.stack[base:] {
		g.releaseVal(v)
	}
	g.stack = g.stack[:base]
	for _, t := range tys {
		g.push(Val{kind: valMem, ty: t})
	}
}
