package lower

import (
	"slices"
	"sync"

	"kiln/ir"
	"kiln/regalloc"
)

// Block is a lowered block's index in emission order; block 0 is the entry.
type Block = regalloc.Block

// InstKind tells the allocator what role a machine instruction plays.
type InstKind uint8

const (
	KindOther  InstKind = iota
	KindBranch          // terminator with successors
	KindRet             // terminator without successors (return, trap, tail call)
	KindMove            // plain copy [use src, def dst]
)

// VCode is a function's machine instructions over virtual registers, in
// final block order, with everything regalloc.Function asks for stored in
// dense slices indexed by instruction or block. The per-instruction
// tables are stored last instruction first, as lowering produces them
// (see code); the methods take final instruction numbers. I is the ISA's
// instruction type; VCode never looks inside it.
type VCode[I any] struct {
	code    code[I]
	ptrFree bool // I holds no pointers: release need not clear insts

	blocks   []vblock
	succs    []Block
	preds    []Block
	params   []regalloc.VReg
	argStart []uint32 // per (block, succ) pair, flattened through vblock.argIdx
	args     []regalloc.VReg

	numVRegs int
	// Origin maps each lowered block to the IR block it came from, or
	// ir.NoBlock for an edge block inserted on a split edge.
	Origin []ir.Block
}

type vblock struct {
	insts      regalloc.InstRange
	succ, pred [2]uint32 // [start, end) into succs/preds
	param      [2]uint32
	argIdx     uint32 // index into argStart of the first successor's arguments
	cold       bool
}

// at is the index in the code tables of instruction i.
func (v *VCode[I]) at(i regalloc.Inst) int { return len(v.code.insts) - 1 - int(i) }

// Inst returns instruction i.
func (v *VCode[I]) Inst(i regalloc.Inst) *I { return &v.code.insts[v.at(i)] }

// Loc returns the source location of the IR instruction that instruction
// i came from (ir.NoSourceLoc for none).
func (v *VCode[I]) Loc(i regalloc.Inst) ir.SourceLoc { return v.code.locs[v.at(i)] }

// NumInsts implements regalloc.Function.
func (v *VCode[I]) NumInsts() int                         { return len(v.code.insts) }
func (v *VCode[I]) NumBlocks() int                        { return len(v.blocks) }
func (v *VCode[I]) NumVRegs() int                         { return v.numVRegs }
func (v *VCode[I]) Entry() regalloc.Block                 { return 0 }
func (v *VCode[I]) BlockInsts(b Block) regalloc.InstRange { return v.blocks[b].insts }
func (v *VCode[I]) Succs(b Block) []Block {
	s := v.blocks[b].succ
	return v.succs[s[0]:s[1]:s[1]]
}
func (v *VCode[I]) Preds(b Block) []Block {
	p := v.blocks[b].pred
	return v.preds[p[0]:p[1]:p[1]]
}
func (v *VCode[I]) BlockParams(b Block) []regalloc.VReg {
	p := v.blocks[b].param
	return v.params[p[0]:p[1]:p[1]]
}
func (v *VCode[I]) IsBranch(i regalloc.Inst) bool { return v.code.kinds[v.at(i)] == KindBranch }
func (v *VCode[I]) IsRet(i regalloc.Inst) bool    { return v.code.kinds[v.at(i)] == KindRet }
func (v *VCode[I]) IsMove(i regalloc.Inst) bool   { return v.code.kinds[v.at(i)] == KindMove }
func (v *VCode[I]) BranchArgs(b Block, _ regalloc.Inst, succIdx int) []regalloc.VReg {
	k := v.blocks[b].argIdx + uint32(succIdx)
	return v.args[v.argStart[k]:v.argStart[k+1]:v.argStart[k+1]]
}
func (v *VCode[I]) Operands(i regalloc.Inst) []regalloc.Operand {
	j := v.at(i)
	s, e := v.code.opStart[j], v.code.opStart[j+1]
	return v.code.ops[s:e:e]
}
func (v *VCode[I]) Clobbers(i regalloc.Inst) regalloc.RegSet {
	return v.code.clobSets[v.code.clob[v.at(i)]]
}

// Kind returns the role of instruction i.
func (v *VCode[I]) Kind(i regalloc.Inst) InstKind { return v.code.kinds[v.at(i)] }

// IsCold reports whether block b was laid out in the cold section.
func (v *VCode[I]) IsCold(b Block) bool { return v.blocks[b].cold }

var _ regalloc.Function = (*VCode[int])(nil)

// vcodePool holds *VCode[I] of any I whose storage Emit is done with.
var vcodePool sync.Pool

// newVCode returns an empty VCode with room for nb blocks, nsuccs
// successor (and predecessor) entries, nlists branch-argument lists and
// nargs branch arguments, reusing the storage of one that Emit released
// (its code tables too, which Lower swaps with its own).
func newVCode[I any](nb, nsuccs, nlists, nargs int) *VCode[I] {
	v, ok := vcodePool.Get().(*VCode[I]) // another I's VCode is dropped
	if !ok {
		v = new(VCode[I])
	}
	v.blocks = grow(v.blocks, nb)
	v.Origin = grow(v.Origin, nb)
	v.succs = slices.Grow(v.succs[:0], nsuccs)
	v.preds = slices.Grow(v.preds[:0], nsuccs)
	v.params = v.params[:0]
	v.argStart = slices.Grow(v.argStart[:0], nlists+1)
	v.args = slices.Grow(v.args[:0], nargs)
	v.numVRegs = 0
	return v
}

// release hands v's storage on to another function's VCode and leaves v
// empty, so a use after release fails loudly instead of reading another
// function's code. Instructions that hold pointers are cleared so the
// pool keeps nothing they point to alive.
func (v *VCode[I]) release() {
	if !v.ptrFree {
		clear(v.code.insts)
	}
	keep := new(VCode[I])
	*keep, *v = *v, VCode[I]{}
	vcodePool.Put(keep)
}
