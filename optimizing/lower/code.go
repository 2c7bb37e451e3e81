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
//
// While lowering fills them, the per-instruction slices are kept at
// their full capacity and n counts the entries in use, so adding an
// instruction checks one bound instead of growing five slices; finish
// cuts them to n.
type code[I any] struct {
	n     int
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
	c.n = 0
	c.grow(n)
	c.ops = slices.Grow(c.ops[:0], nops)
	c.clobSets = append(c.clobSets[:0], regalloc.RegSet{})
}

// grow gives the per-instruction slices room for at least n entries
// (opStart one more), at their full capacity.
func (c *code[I]) grow(n int) {
	c.insts = full(c.insts, c.n, n)
	c.locs = full(c.locs, c.n, n)
	c.kinds = full(c.kinds, c.n, n)
	c.clob = full(c.clob, c.n, n)
	c.opStart = full(c.opStart, c.n, n+1)
}

// full returns s with its first keep elements, room for n and its
// length at its capacity.
func full[T any](s []T, keep, n int) []T {
	s = slices.Grow(s[:keep], n-keep)
	return s[:cap(s)]
}

// finish cuts the per-instruction slices to the entries in use and adds
// opStart's sentinel.
func (c *code[I]) finish() {
	n := c.n
	c.insts, c.locs, c.kinds, c.clob = c.insts[:n], c.locs[:n], c.kinds[:n], c.clob[:n]
	c.opStart = append(c.opStart[:n], uint32(len(c.ops)))
}

func (c *code[I]) add(inst I, kind InstKind, clobber regalloc.RegSet, loc ir.SourceLoc, ops []regalloc.Operand) {
	n := c.n
	if n >= len(c.insts) || n >= len(c.locs) || n >= len(c.kinds) || n >= len(c.clob) || n+1 >= len(c.opStart) {
		c.grow(2*n + 16)
	}
	c.opStart[n] = uint32(len(c.ops))
	c.ops = append(c.ops, ops...)
	c.insts[n] = inst
	c.locs[n] = loc
	c.kinds[n] = kind
	var k uint32
	if clobber != (regalloc.RegSet{}) {
		k = c.clobberIndex(clobber)
	}
	c.clob[n] = k
	c.n = n + 1
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
