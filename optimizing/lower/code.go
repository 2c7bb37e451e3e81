package lower

import (
	"reflect"
	"slices"

	"kiln/ir"
	"kiln/regalloc"
)

// code is machine instructions with everything the allocator and the
// emitter read per instruction, in dense slices stored last instruction
// first. Lowering visits a function's blocks last to first and each
// block's instructions backwards, so once each IR instruction's short run
// of machine instructions is turned around (flush), the code comes out
// exactly reversed: instruction i of the final layout is entry
// len(insts)-1-i. The VCode takes the tables as they are, instead of
// copying every instruction and operand into layout order (that copy was
// a tenth of lowering).
type code[I any] struct {
	insts []I
	locs  []ir.SourceLoc
	kinds []InstKind
	// clob indexes clobSets; 0 (most instructions) is the empty set, so
	// a 24-byte set is stored once per distinct set, not per instruction.
	clob     []uint32
	clobSets []regalloc.RegSet
	// The operands of entry j are ops[opStart[j]:opStart[j+1]]; the
	// VCode's opStart has the final sentinel.
	opStart []uint32
	ops     []regalloc.Operand
}

// reset empties c for a function of about n instructions and nops
// operands, keeping its storage.
func (c *code[I]) reset(n, nops int) {
	c.insts = slices.Grow(c.insts[:0], n)
	c.locs = slices.Grow(c.locs[:0], n)
	c.kinds = slices.Grow(c.kinds[:0], n)
	c.clob = slices.Grow(c.clob[:0], n)
	c.opStart = slices.Grow(c.opStart[:0], n+1)
	c.ops = slices.Grow(c.ops[:0], nops)
	c.clobSets = append(c.clobSets[:0], regalloc.RegSet{})
}

func (c *code[I]) add(inst I, kind InstKind, clobber regalloc.RegSet, loc ir.SourceLoc, ops []regalloc.Operand) {
	c.opStart = append(c.opStart, uint32(len(c.ops)))
	c.ops = append(c.ops, ops...)
	c.insts = append(c.insts, inst)
	c.locs = append(c.locs, loc)
	c.kinds = append(c.kinds, kind)
	var k uint32
	if clobber != (regalloc.RegSet{}) {
		k = c.clobberIndex(clobber)
	}
	c.clob = append(c.clob, k)
}

// clobberIndex returns the index of s in clobSets, adding it if it is
// not among the last few added (a function has a handful of distinct
// sets: those of its calling conventions and divisions).
func (c *code[I]) clobberIndex(s regalloc.RegSet) uint32 {
	for k := len(c.clobSets) - 1; k >= max(1, len(c.clobSets)-8); k-- {
		if c.clobSets[k] == s {
			return uint32(k)
		}
	}
	c.clobSets = append(c.clobSets, s)
	return uint32(len(c.clobSets) - 1)
}

// reverse turns entries [a, b) around, each keeping its operands: the
// operands of the run are moved as blocks through scratch.
func (c *code[I]) reverse(a, b int, scratch *[]regalloc.Operand, starts *[]uint32) {
	slices.Reverse(c.insts[a:b])
	slices.Reverse(c.locs[a:b])
	slices.Reverse(c.kinds[a:b])
	slices.Reverse(c.clob[a:b])
	base := c.opStart[a]
	old := append((*scratch)[:0], c.ops[base:]...)
	st := append((*starts)[:0], c.opStart[a:b]...)
	st = append(st, uint32(len(c.ops)))
	at := base
	for p := a; p < b; p++ {
		q := b - 1 - p // the entry now at p was at a+q
		from, to := st[q]-base, st[q+1]-base
		c.opStart[p] = at
		at += uint32(copy(c.ops[at:], old[from:to]))
	}
	*scratch, *starts = old, st
}

// pointerFree reports whether values of type t hold no pointers: a pooled
// VCode of such instructions need not be cleared to let the collector
// free what they point to.
func pointerFree(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Array:
		return t.Len() == 0 || pointerFree(t.Elem())
	case reflect.Struct:
		for k := range t.NumField() {
			if !pointerFree(t.Field(k).Type) {
				return false
			}
		}
		return true
	}
	return false
}
