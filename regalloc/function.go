package regalloc

import (
	"cmp"
	"fmt"
	"slices"
)

// Function is the allocator's read-only view of a backend function. Every
// slice it returns aliases the backend's own storage: the allocator never
// keeps or modifies them, and the backend should not allocate per call.
//
// Requirements (Validate, and Allocate with Options.Verify, check each and
// report a violation as an *Error; Allocate without Verify trusts them):
//   - instructions of a block are numbered contiguously, blocks in any order;
//   - every block is reachable from Entry, which has no predecessors' params
//     (Entry has no block parameters; function arguments are fixed defs of
//     an instruction);
//   - every block ends with exactly one branch or return, and only there;
//   - critical edges are split: an edge from a block with several successors
//     never enters a block with several predecessors;
//   - a branch with exactly one successor has no operands and no clobbers
//     (its edge moves are placed just before it), and no branch or return
//     defines a vreg;
//   - SSA: every vreg has one def (an operand or a block parameter), and that
//     def reaches every use on every path from Entry.
type Function interface {
	NumInsts() int
	NumBlocks() int
	NumVRegs() int
	Entry() Block
	BlockInsts(b Block) InstRange
	Succs(b Block) []Block
	Preds(b Block) []Block
	// BlockParams are the vregs defined on entry to b.
	BlockParams(b Block) []VReg
	// IsBranch reports a block terminator with successors, IsRet one without.
	IsBranch(i Inst) bool
	IsRet(i Inst) bool
	// BranchArgs are the values branch i (ending block b) passes to the
	// parameters of its succIdx'th successor.
	BranchArgs(b Block, i Inst, succIdx int) []VReg
	// IsMove reports a plain copy whose operands are [use src, def dst] of
	// one class; the allocator tries to give both the same location, in which
	// case the backend may drop the instruction.
	IsMove(i Inst) bool
	Operands(i Inst) []Operand
	// Clobbers are registers whose contents i destroys (a call's
	// caller-saved set). A def may still be placed in a clobbered register.
	Clobbers(i Inst) RegSet
}

// MachineEnv describes the registers the allocator may use; each RegSet
// covers every class. Preferred registers are tried first (typically
// caller-saved: free to use without a prologue save); NonPreferred ones
// after (typically callee-saved). Scratch holds at most one register per
// class, outside both sets, that the allocator may use briefly while
// resolving parallel moves; for a class without one it borrows an
// allocatable register and saves it to a spill slot around the move. The
// zero value has no registers at all.
type MachineEnv struct {
	Preferred    RegSet
	NonPreferred RegSet
	Scratch      RegSet
}

// Allocatable returns every register of class c that may hold a value.
func (e *MachineEnv) Allocatable(c RegClass) RegSet {
	var s RegSet
	*s.word(c) = e.Preferred.Class(c) | e.NonPreferred.Class(c)
	return s
}

// Algorithm selects the allocation strategy. Both return the same Output
// shape and satisfy the same checker.
type Algorithm uint8

const (
	// Quality keeps values in registers across blocks, guided by global
	// liveness, with hints and spill-cost-driven eviction.
	Quality Algorithm = iota
	// Fast allocates each block on its own and keeps every value that
	// crosses a block boundary in its spill slot: one linear pass.
	Fast
)

func (a Algorithm) String() string {
	if a == Fast {
		return "fast"
	}
	return "quality"
}

// Options tune Allocate.
type Options struct {
	Algorithm Algorithm
	// Verify validates the input first (see Validate) and runs the
	// checker on the result, returning the first error. Intended for
	// tests and debug builds; it costs more than allocating.
	Verify bool
	// Reuse, if not nil, receives the result: Allocate returns it,
	// overwritten, with its slices' storage reused. A compiler allocating
	// one function after another, done with each Output before the next
	// call, then allocates no Output per call (they were 80% of the bytes
	// the optimizing tier's allocator allocated).
	Reuse *Output
}

// Output is the result of allocation. The backend emits instruction i with
// InstAllocs(i) in place of its vregs and inserts Edits at their points.
type Output struct {
	// Allocs holds one location per operand, instruction after instruction;
	// InstAllocStart[i] is the index of instruction i's first one
	// (len NumInsts+1).
	Allocs         []Alloc
	InstAllocStart []uint32
	// Edits are sorted by Point; edits at one point apply in order.
	Edits []Edit
	// SpillSlotClass gives the class of each spill slot (its size).
	SpillSlotClass []RegClass
	// WrittenRegs are all physical registers the allocation writes (defs and
	// edit destinations, scratch included). CalleeSavedUsed is its
	// intersection with MachineEnv.NonPreferred: what the prologue must save
	// when the non-preferred registers are the callee-saved ones.
	WrittenRegs     RegSet
	CalleeSavedUsed RegSet
	Stats           Stats
}

// Stats counts inserted edits.
type Stats struct {
	Moves, Spills, Reloads int
}

// NumSpillSlots is the number of spill slots the frame must provide.
func (o *Output) NumSpillSlots() int { return len(o.SpillSlotClass) }

// InstAllocs returns the locations of instruction i's operands, in operand order.
func (o *Output) InstAllocs(i Inst) []Alloc {
	return o.Allocs[o.InstAllocStart[i]:o.InstAllocStart[i+1]]
}

// EditsAt returns the edits to apply at p, in order (a subslice of Edits).
// A backend emitting instructions in order can equally walk Edits with a
// cursor.
func (o *Output) EditsAt(p ProgPoint) []Edit {
	lo, _ := slices.BinarySearchFunc(o.Edits, p, func(e Edit, p ProgPoint) int { return cmp.Compare(e.Point, p) })
	hi := lo
	for hi < len(o.Edits) && o.Edits[hi].Point == p {
		hi++
	}
	return o.Edits[lo:hi]
}

// Error reports invalid input (or, from the checker, an invalid allocation).
// Inst, Block and Operand are -1 when not applicable.
type Error struct {
	Block   Block
	Inst    Inst
	Operand int
	Msg     string
}

func (e *Error) Error() string {
	s := "regalloc:"
	if e.Block >= 0 {
		s += fmt.Sprintf(" block %d:", e.Block)
	}
	if e.Inst >= 0 {
		s += fmt.Sprintf(" inst %d:", e.Inst)
	}
	if e.Operand >= 0 {
		s += fmt.Sprintf(" operand %d:", e.Operand)
	}
	return s + " " + e.Msg
}

func errorf(b Block, i Inst, op int, format string, args ...any) *Error {
	return &Error{Block: b, Inst: i, Operand: op, Msg: fmt.Sprintf(format, args...)}
}

// Allocate assigns every operand of f a location and computes the edits that
// move values between locations. f is only read.
//
// Allocate trusts f to meet the requirements on Function, as regalloc2 does
// in release builds: checking them all costs a third of the analysis, and a
// backend's output is checked by its tests, not on every compile. Input
// that breaks them gets an *Error or a wrong allocation, never a panic:
// should bad input make the allocator panic, Allocate recovers and returns
// what Validate finds. With Options.Verify, f is validated first (every
// violation is an *Error naming block, instruction and operand) and the
// result is checked.
func Allocate(f Function, env *MachineEnv, opt Options) (out *Output, err error) {
	al := allocatorPool.Get().(*allocator)
	defer func() {
		if r := recover(); r != nil {
			// Only bad input may get here (valid input that makes the
			// allocator panic is a bug: panic again). al is dropped, not
			// pooled: its tables are midway.
			if err = Validate(f, env); err == nil {
				panic(r)
			}
			out = nil
		}
	}()
	out, err = al.allocate(f, env, opt)
	al.release()
	allocatorPool.Put(al)
	if err != nil {
		return nil, err
	}
	if opt.Verify {
		if err := Check(f, env, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Validate checks f and env against every requirement on Function and
// MachineEnv that Allocate relies on, and reports the first violation as an
// *Error naming block, instruction and operand. Allocate with
// Options.Verify and Check call it; tests and fuzzers of a backend should
// too.
func Validate(f Function, env *MachineEnv) error {
	al := allocatorPool.Get().(*allocator)
	err := al.analysis.init(f, env, false, true)
	al.release()
	allocatorPool.Put(al)
	return err
}
