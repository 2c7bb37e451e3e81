package encoder

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ISA is the little a Buffer must know about an instruction set to build
// islands on its own: how to jump over an island placed in the middle of the
// code, and which instruction a deferred trap stub executes. Each ISA package
// exports one (amd64.BufferISA, ...).
type ISA struct {
	// Name is the Go architecture name, for error messages.
	Name string
	// Jump is an unconditional jump whose label field is zero; JumpField is
	// the offset of that field inside Jump and JumpKind its kind.
	Jump      []byte
	JumpField int
	JumpKind  LabelUse
	// Trap is the instruction a deferred trap stub executes (ud2, udf #0).
	Trap []byte
	// Pad is the byte that fills alignment gaps in islands. Gaps are never
	// executed; a trapping byte (amd64 int3) keeps disassembly honest.
	Pad byte
}

// fixup is one pending label reference.
type fixup struct {
	off   int32
	label Label
	kind  uint8 // index into Buffer.kinds
}

// kindInfo is what the buffer asks of a LabelUse, read once per kind: a
// dynamic call for every range check of every reference cost more than
// the rest of the label bookkeeping.
type kindInfo struct {
	use            LabelUse
	maxPos, maxNeg int64
	patchSize      int
	veneer         bool
	veneerSize     int
	fragile        bool // see fragile
}

// poolConstant is a constant waiting for the next island.
type poolConstant struct {
	label Label
	data  []byte
	align int
}

// deferredTrap is a trap stub waiting for the next island; loc is the source
// location current when it was requested, so backtraces name the check.
type deferredTrap struct {
	label Label
	code  TrapCode
	loc   uint32
}

// branch is a branch instruction at the tail of the code that the buffer may
// still delete or invert (see Bind).
type branch struct {
	start, end int32
	fixup      int32 // index into Buffer.fixups
	target     Label // current target
	cond       bool  // conditional: inverted holds the opposite encoding
	inverted   [maxBranchSize]byte
	labelsAt   []Label // labels bound at start when the branch was added
}

// maxBranchSize bounds the length of a branch the buffer may rewrite (amd64
// jcc rel32 is 6 bytes, s390x brcl 6, riscv64 pairs 8).
const maxBranchSize = 8

// Buffer accumulates the machine code of one function. See the package
// documentation for the model; in short:
//
//   - bytes are appended with Put*;
//   - a Label is created with NewLabel, bound to the current offset with Bind,
//     and referenced with UseLabelAt (plus AddUncondBranch/AddCondBranch for
//     branches the buffer may simplify);
//   - constants (UseConstant) and trap stubs (DeferTrap) are collected and
//     placed in the next island;
//   - an emission loop asks IslandNeeded before each instruction and calls
//     EmitIsland when told to, so no pending reference goes out of range;
//   - Finish places the last island, resolves every reference and returns Code.
//
// Errors are sticky: the first one is kept and returned by Finish (and Err),
// and later calls do nothing harmful. Nothing panics on bad input.
type Buffer struct {
	isa  ISA
	data []byte

	labelOffs  []int32 // by Label; -1 while unbound (or aliased)
	labelAlias []Label // by Label; NoLabel, or the label this one now means (jump threading)
	// labelQuiet counts, per label, pending fixups that were given no
	// deadline because the label was bound within range; if the label is
	// later aliased elsewhere they must be re-noted.
	labelQuiet []int32
	// labelFragile marks labels referenced by a kind that has neither a
	// veneer nor the reach of a whole function (amd64 rel8, arm64 ldr
	// literal): redirecting such a label could put it out of reach, so the
	// buffer never threads it.
	labelFragile []bool

	fixups      []fixup
	deadline    int64 // smallest offset by which some pending fixup needs an island
	veneerBytes int64 // worst-case veneer bytes for the pending fixups

	consts     []poolConstant
	constIndex map[string]int32 // content+alignment → index into consts
	constBytes int64            // worst case, with alignment padding
	traps      []deferredTrap
	maxAlign   int

	relocs     []Reloc
	dataRanges []DataRange // MarkData ranges, sorted
	trapRecs   []TrapRecord
	srcLocs    []SrcLocRange
	curLoc     uint32
	locStart   int32

	branches        []branch // contiguous branches ending at len(data)
	labelsAtTail    []Label  // labels bound at offset labelsAtTailOff
	labelsAtTailOff int32
	// branchLabels holds the labelsAt lists of the recorded branches, so
	// recording a branch allocates nothing once the buffer is warm; it is
	// emptied whenever branches is.
	branchLabels []Label

	// kinds interns the LabelUses the fixups refer to (a handful per ISA);
	// it survives Reset.
	kinds []kindInfo

	err      error
	finished bool // Finish handed data and the records to a Code
}

// MaxCodeSize bounds one function's code; offsets are int32 inside the buffer.
const MaxCodeSize = 1 << 30

// NewBuffer returns an empty buffer for isa.
func NewBuffer(isa ISA) *Buffer {
	return &Buffer{
		isa:          isa,
		deadline:     math.MaxInt64,
		curLoc:       NoSrcLoc,
		labelsAtTail: nil,
		maxAlign:     1,
	}
}

// Reset empties the buffer for reuse, keeping the allocations it still owns.
// Code returned by an earlier Finish keeps its own storage: the bytes and
// records it holds are never reused. The new record lists are then sized
// like the finished ones, on the guess that the next unit of code resembles
// the last (a compiler reusing one buffer for chunks of functions); this
// saves their growth by doubling.
func (b *Buffer) Reset() {
	old := *b
	*b = *NewBuffer(old.isa)
	b.fixups = old.fixups[:0]
	b.labelOffs, b.labelAlias, b.labelQuiet, b.labelFragile = old.labelOffs[:0], old.labelAlias[:0], old.labelQuiet[:0], old.labelFragile[:0]
	b.branches, b.branchLabels, b.labelsAtTail = old.branches[:0], old.branchLabels[:0], old.labelsAtTail[:0]
	b.consts, b.traps = old.consts[:0], old.traps[:0]
	b.kinds = old.kinds
	if old.constIndex != nil {
		clear(old.constIndex)
		b.constIndex = old.constIndex
	}
	if !old.finished {
		b.data = old.data[:0]
		b.relocs, b.dataRanges, b.trapRecs, b.srcLocs = old.relocs[:0], old.dataRanges[:0], old.trapRecs[:0], old.srcLocs[:0]
		return
	}
	b.relocs = sizedLike(old.relocs)
	b.dataRanges = sizedLike(old.dataRanges)
	b.trapRecs = sizedLike(old.trapRecs)
	b.srcLocs = sizedLike(old.srcLocs)
}

// sizedLike returns an empty slice with room for as many elements as s has.
func sizedLike[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return make([]T, 0, len(s))
}

// Grow makes room for at least n more bytes of code, so that emitting them
// does not reallocate. A caller that can estimate its output (a baseline
// compiler: a multiple of the wasm body size) saves the doubling's copies
// and garbage; the estimate need not be exact.
func (b *Buffer) Grow(n int) {
	if n > 0 && cap(b.data)-len(b.data) < n {
		b.data = slices.Grow(b.data, n)
	}
}

// Err returns the first error recorded, if any.
func (b *Buffer) Err() error { return b.err }

func (b *Buffer) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("encoder: "+format, args...)
	}
}

// SetError records err (if it is the first error) so that Finish returns it;
// ISA encoders use it for requests they cannot encode.
func (b *Buffer) SetError(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// Len returns the current code offset.
func (b *Buffer) Len() int { return len(b.data) }

// Bytes returns the code emitted so far. Label fields may be unpatched.
func (b *Buffer) Bytes() []byte { return b.data }

// Put1 appends one byte.
func (b *Buffer) Put1(x byte) { b.data = append(b.data, x) }

// Put2 appends x little-endian.
func (b *Buffer) Put2(x uint16) { b.data = append(b.data, byte(x), byte(x>>8)) }

// Put4 appends x little-endian.
func (b *Buffer) Put4(x uint32) {
	b.data = append(b.data, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
}

// Put8 appends x little-endian.
func (b *Buffer) Put8(x uint64) {
	b.data = append(b.data, byte(x), byte(x>>8), byte(x>>16), byte(x>>24),
		byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56))
}

// PutBytes appends p.
func (b *Buffer) PutBytes(p []byte) { b.data = append(b.data, p...) }

// InstSpace returns room for one instruction of up to 16 bytes right
// after the code, for an ISA encoder to lay the instruction out in place;
// Commit(n) then appends its first n bytes. Writing in place saves copying
// from a scratch array, which costs more than the encoding itself (a wide
// load of bytes just stored one at a time stalls on store forwarding).
// Nothing else may be emitted between the two calls, and the bytes past n
// are scratch.
func (b *Buffer) InstSpace() *[16]byte {
	l := len(b.data)
	if cap(b.data)-l < 16 {
		b.data = slices.Grow(b.data, 16)
	}
	return (*[16]byte)(b.data[l : l+16])
}

// Commit appends the first n bytes of the space InstSpace returned.
func (b *Buffer) Commit(n int) {
	l := len(b.data) + n
	if uint(n) > 16 || l > cap(b.data) {
		// No formatted error: that would keep Commit, which every
		// instruction goes through, from being inlined.
		if b.err == nil {
			b.err = errCommit
		}
		return
	}
	b.data = b.data[:l]
}

var errCommit = errors.New("encoder: Commit of more than the 16-byte instruction space")

// Put4BE appends x big-endian (s390x).
func (b *Buffer) Put4BE(x uint32) {
	b.data = append(b.data, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
}

// NewLabel returns a fresh unbound label.
func (b *Buffer) NewLabel() Label {
	b.labelOffs = append(b.labelOffs, -1)
	b.labelAlias = append(b.labelAlias, NoLabel)
	b.labelQuiet = append(b.labelQuiet, 0)
	b.labelFragile = append(b.labelFragile, false)
	return Label(len(b.labelOffs) - 1)
}

// resolve returns the offset l stands for, following aliases; -1 if that
// label is not bound yet. Alias chains are acyclic (aliasLabel refuses
// cycles), and bounded by the number of labels regardless.
func (b *Buffer) resolve(l Label) int32 {
	for range len(b.labelAlias) {
		a := b.labelAlias[l]
		if a == NoLabel {
			return b.labelOffs[l]
		}
		l = a
	}
	return -1
}

// finalLabel follows l's alias chain to its end.
func (b *Buffer) finalLabel(l Label) Label {
	for range len(b.labelAlias) {
		a := b.labelAlias[l]
		if a == NoLabel {
			return l
		}
		l = a
	}
	return l
}

func (b *Buffer) validLabel(l Label) bool { return l >= 0 && int(l) < len(b.labelOffs) }

// LabelOffset returns the offset of the code l leads to: where it is
// bound, or, for a label bound at a jump that the buffer threaded, where
// that jump's target is bound.
func (b *Buffer) LabelOffset(l Label) (int, bool) {
	if !b.validLabel(l) {
		return 0, false
	}
	off := b.resolve(l)
	if off < 0 {
		return 0, false
	}
	return int(off), true
}

// Bind binds l to the current offset. Binding is where branch
// simplification happens: branches at the tail of the code that now jump to
// the next instruction are deleted, and a conditional branch over an
// unconditional one is inverted (see the package documentation). Labels
// already bound here move with the code, so every label keeps pointing at
// the instruction that follows it.
func (b *Buffer) Bind(l Label) {
	if !b.validLabel(l) {
		b.fail("Bind: invalid label %d", l)
		return
	}
	if b.labelOffs[l] >= 0 || b.labelAlias[l] != NoLabel {
		b.fail("Bind: label %d already bound", l)
		return
	}
	off := int32(len(b.data))
	b.labelOffs[l] = off
	if b.labelsAtTailOff != off {
		b.labelsAtTail = b.labelsAtTail[:0]
		b.labelsAtTailOff = off
	}
	b.labelsAtTail = append(b.labelsAtTail, l)
	b.simplifyBranches()
}

// UseLabelAt records that the PatchSize bytes at off hold a reference of
// the given kind to l. The field is patched when the reference is resolved
// (at an island or Finish); until then its contents are kept and may carry
// an addend the kind's Patch adds in.
func (b *Buffer) UseLabelAt(off int, l Label, kind LabelUse) {
	if !b.validLabel(l) {
		b.fail("UseLabelAt: invalid label %d at offset %d", l, off)
		return
	}
	ki, ok := b.kindIndex(kind)
	if !ok {
		return
	}
	b.useLabel(off, l, ki)
}

// Kind is a LabelUse interned in one buffer by KindOf, for UseLabelKind.
type Kind uint8

// KindOf interns use in b; the result stays valid across Reset.
func (b *Buffer) KindOf(use LabelUse) Kind {
	ki, _ := b.kindIndex(use)
	return Kind(ki)
}

// UseLabelKind is UseLabelAt with a kind interned by this buffer's KindOf:
// an encoder emitting many references of the same few kinds saves the
// interface comparisons of looking the kind up each time.
func (b *Buffer) UseLabelKind(off int, l Label, k Kind) {
	if !b.validLabel(l) {
		b.fail("UseLabelAt: invalid label %d at offset %d", l, off)
		return
	}
	if int(k) >= len(b.kinds) {
		b.fail("UseLabelKind: kind %d was not interned by this buffer", k)
		return
	}
	b.useLabel(off, l, uint8(k))
}

func (b *Buffer) useLabel(off int, l Label, ki uint8) {
	k := &b.kinds[ki]
	if off < 0 || off+k.patchSize > len(b.data) {
		b.fail("UseLabelAt: field [%d,%d) of label %d is outside the code (length %d)",
			off, off+k.patchSize, l, len(b.data))
		return
	}
	f := fixup{off: int32(off), label: l, kind: ki}
	b.fixups = append(b.fixups, f)
	b.noteFixup(f)
	if k.fragile {
		b.labelFragile[l] = true
	}
}

// kindIndex returns the index of use in b.kinds, adding it on first sight.
func (b *Buffer) kindIndex(use LabelUse) (uint8, bool) {
	for i := range b.kinds {
		if b.kinds[i].use == use {
			return uint8(i), true
		}
	}
	if use == nil || len(b.kinds) > math.MaxUint8 {
		b.fail("label use %v: nil, or more than 256 kinds", use)
		return 0, false
	}
	b.kinds = append(b.kinds, kindInfo{
		use:        use,
		maxPos:     use.MaxPosRange(),
		maxNeg:     use.MaxNegRange(),
		patchSize:  use.PatchSize(),
		veneer:     use.SupportsVeneer(),
		veneerSize: use.VeneerSize(),
		fragile:    fragile(use),
	})
	return uint8(len(b.kinds) - 1), true
}

func (b *Buffer) kind(f fixup) *kindInfo { return &b.kinds[f.kind] }

// fragile reports whether a reference of this kind could fail to reach a
// label that moves: no veneer, and less reach than the largest function.
func fragile(k LabelUse) bool {
	return !k.SupportsVeneer() && (k.MaxPosRange() < MaxCodeSize || k.MaxNegRange() < MaxCodeSize)
}

// noteFixup updates the island bookkeeping for a new or retargeted fixup:
// unless its label is bound within range it has a deadline, and may need a
// veneer in the next island.
func (b *Buffer) noteFixup(f fixup) {
	if lo := b.resolve(f.label); lo >= 0 && b.inRange(f, lo) {
		b.labelQuiet[f.label]++
		return
	}
	b.noteDeadline(f)
}

func (b *Buffer) noteDeadline(f fixup) {
	k := b.kind(f)
	if d := int64(f.off) + k.maxPos; d < b.deadline {
		b.deadline = d
	}
	if k.veneer {
		b.veneerBytes += int64(k.veneerSize)
	}
}

func (b *Buffer) inRange(f fixup, labelOff int32) bool {
	k := b.kind(f)
	d := int64(labelOff) - int64(f.off)
	return d <= k.maxPos && -d <= k.maxNeg
}

// AddUncondBranch declares that [start, end) — the last bytes emitted,
// whose label reference to target was the last UseLabelAt — is an
// unconditional branch the buffer may delete when it turns out to jump to
// the next instruction.
func (b *Buffer) AddUncondBranch(start, end int, target Label) {
	b.addBranch(start, end, target, nil, false)
}

// AddCondBranch is AddUncondBranch for a conditional branch; inverted is the
// same-length encoding with the opposite condition (and the same label
// field), used to fold "jcc L1; jmp L2; L1:" into "jncc L2; L1:".
func (b *Buffer) AddCondBranch(start, end int, target Label, inverted []byte) {
	if len(inverted) != end-start {
		b.fail("AddCondBranch: inverted encoding has %d bytes, branch has %d", len(inverted), end-start)
		return
	}
	b.addBranch(start, end, target, inverted, true)
}

func (b *Buffer) addBranch(start, end int, target Label, inverted []byte, cond bool) {
	if end-start > maxBranchSize {
		b.fail("branch [%d,%d) is longer than %d bytes", start, end, maxBranchSize)
		return
	}
	if end != len(b.data) || start < 0 || start >= end || len(b.fixups) == 0 {
		b.fail("branch [%d,%d) is not the last emitted instruction (code length %d)", start, end, len(b.data))
		return
	}
	fi := len(b.fixups) - 1
	f := b.fixups[fi]
	if f.label != target || int(f.off) < start || int(f.off)+b.kind(f).patchSize > end {
		b.fail("branch [%d,%d): last label use (offset %d, label %d) is not its target field", start, end, f.off, f.label)
		return
	}
	if n := len(b.branches); n > 0 && b.branches[n-1].end != int32(start) {
		b.branches = b.branches[:0]
	}
	if len(b.branches) == 0 {
		b.branchLabels = b.branchLabels[:0] // no branch refers to it any more
	}
	var at []Label
	if b.labelsAtTailOff == int32(start) && len(b.labelsAtTail) > 0 {
		// A full slice expression: the list may shrink in place (jump
		// threading) but never grows into its neighbour.
		lo := len(b.branchLabels)
		b.branchLabels = append(b.branchLabels, b.labelsAtTail...)
		at = b.branchLabels[lo:len(b.branchLabels):len(b.branchLabels)]
	}
	// Filled in place: a branch built in a temporary and copied in would
	// be read back with wide loads right after its narrow stores, which
	// stalls on store forwarding (this is once per branch emitted).
	b.branches = append(b.branches, branch{})
	br := &b.branches[len(b.branches)-1]
	br.start, br.end, br.fixup, br.target, br.cond, br.labelsAt = int32(start), int32(end), int32(fi), target, cond, at
	copy(br.inverted[:], inverted)
}

// simplifyBranches runs after a label is bound at the tail. It keeps the
// invariant that every recorded branch lies contiguously at the end of the
// code and that its fixup is still pending.
func (b *Buffer) simplifyBranches() {
	for len(b.branches) > 0 {
		n := len(b.branches)
		last := &b.branches[n-1]
		tail := int32(len(b.data))
		if last.end != tail {
			b.branches = b.branches[:0]
			return
		}
		// Labels bound at an unconditional branch now mean its target
		// (jump threading), unless that would make a cycle.
		if !last.cond && len(last.labelsAt) > 0 {
			kept := last.labelsAt[:0]
			for _, l := range last.labelsAt {
				if !b.aliasLabel(l, last.target) {
					kept = append(kept, l)
				}
			}
			last.labelsAt = kept
		}
		// A branch to the next instruction does nothing: delete it.
		if b.resolve(last.target) == tail {
			b.truncateBranch()
			continue
		}
		// An unconditional branch right after another one, with no label
		// left at it, cannot be reached: delete it.
		if !last.cond && len(last.labelsAt) == 0 && n >= 2 {
			if prev := &b.branches[n-2]; !prev.cond && prev.end == last.start {
				b.truncateBranch()
				continue
			}
		}
		// jcc L1; jmp L2; L1:  ==>  jncc L2; L1:
		// Only when nothing else jumps to the jmp (no label bound at it).
		if !last.cond && len(last.labelsAt) == 0 && n >= 2 {
			prev := &b.branches[n-2]
			pf := b.fixups[prev.fixup]
			lo := b.resolve(last.target)
			safe := !b.kind(pf).fragile || lo >= 0 && b.inRange(pf, lo)
			if prev.cond && prev.end == last.start && b.resolve(prev.target) == tail && safe {
				code := b.data[prev.start:prev.end]
				var old [maxBranchSize]byte
				copy(old[:], code)
				copy(code, prev.inverted[:len(code)])
				prev.inverted = old
				prev.target = last.target
				b.fixups[prev.fixup].label = last.target
				b.noteFixup(b.fixups[prev.fixup])
				if b.kind(pf).fragile {
					b.labelFragile[last.target] = true
				}
				b.truncateBranch()
				continue
			}
		}
		return
	}
}

// aliasLabel makes l mean target, unless target already means l (a cycle)
// or l is fragile. Fixups to l that were quiet because l was close are
// re-noted, since target may be far.
func (b *Buffer) aliasLabel(l, target Label) bool {
	if b.finalLabel(target) == l || b.labelFragile[l] {
		return false
	}
	b.labelAlias[l] = target
	b.labelOffs[l] = -1
	if b.labelQuiet[l] > 0 {
		for _, f := range b.fixups {
			if f.label == l {
				b.noteDeadline(f)
			}
		}
	}
	return true
}

// truncateBranch deletes the last branch: its bytes, its fixup, and any
// records that pointed into it. Labels bound at the old tail move to the
// branch's start, which is the new tail.
func (b *Buffer) truncateBranch() {
	n := len(b.branches)
	br := b.branches[n-1]
	b.branches = b.branches[:n-1]
	b.fixups = slices.Delete(b.fixups, int(br.fixup), int(br.fixup)+1)
	for i := range b.branches {
		if b.branches[i].fixup > br.fixup {
			b.branches[i].fixup--
		}
	}
	old := int32(len(b.data))
	b.data = b.data[:br.start]
	if b.labelsAtTailOff == old {
		for _, l := range b.labelsAtTail {
			if b.labelAlias[l] == NoLabel {
				b.labelOffs[l] = br.start
			}
		}
	} else {
		b.labelsAtTail = b.labelsAtTail[:0]
	}
	b.labelsAtTail = append(b.labelsAtTail, br.labelsAt...)
	b.labelsAtTailOff = br.start
	b.trimRecords(br.start)
}

// trimRecords drops records that point at or past off after a truncation.
func (b *Buffer) trimRecords(off int32) {
	u := uint32(off)
	for len(b.relocs) > 0 && b.relocs[len(b.relocs)-1].Offset >= u {
		b.relocs = b.relocs[:len(b.relocs)-1]
	}
	for len(b.dataRanges) > 0 && b.dataRanges[len(b.dataRanges)-1].Start >= u {
		b.dataRanges = b.dataRanges[:len(b.dataRanges)-1]
	}
	if n := len(b.dataRanges); n > 0 && b.dataRanges[n-1].End > u {
		b.dataRanges[n-1].End = u
	}
	for len(b.trapRecs) > 0 && b.trapRecs[len(b.trapRecs)-1].Offset >= u {
		b.trapRecs = b.trapRecs[:len(b.trapRecs)-1]
	}
	for len(b.srcLocs) > 0 && b.srcLocs[len(b.srcLocs)-1].Start >= u {
		b.srcLocs = b.srcLocs[:len(b.srcLocs)-1]
	}
	if n := len(b.srcLocs); n > 0 && b.srcLocs[n-1].End > u {
		b.srcLocs[n-1].End = u
	}
	if b.locStart > off {
		b.locStart = off
	}
}

// UseConstant returns the label of a pool constant with the given bytes and
// alignment (a power of two). Equal requests before the next island share one
// copy. The constant is placed in the next island; reference it with
// UseLabelAt like any label.
func (b *Buffer) UseConstant(data []byte, align int) Label {
	if align <= 0 || align&(align-1) != 0 || align > 4096 {
		b.fail("UseConstant: alignment %d is not a power of two up to 4096", align)
		align = 1
	}
	if b.constIndex == nil {
		b.constIndex = make(map[string]int32)
	}
	key := string(data) + string(rune(align))
	if i, ok := b.constIndex[key]; ok {
		return b.consts[i].label
	}
	l := b.NewLabel()
	b.constIndex[key] = int32(len(b.consts))
	b.consts = append(b.consts, poolConstant{label: l, data: slices.Clone(data), align: align})
	b.constBytes += int64(len(data) + align - 1)
	return l
}

// DeferTrap returns the label of a stub, placed in the next island, that
// traps with code. Branch to it from a bounds or overflow check so the
// common path falls through. The stub records the current source location.
func (b *Buffer) DeferTrap(code TrapCode) Label {
	l := b.NewLabel()
	b.traps = append(b.traps, deferredTrap{label: l, code: code, loc: b.curLoc})
	return l
}

// AddReloc records a relocation of the field at the current offset; emit
// the field right after.
func (b *Buffer) AddReloc(kind RelocKind, target Symbol, addend int64) {
	b.AddRelocAt(len(b.data), kind, target, addend)
}

// AddRelocAt records a relocation of the field at off.
func (b *Buffer) AddRelocAt(off int, kind RelocKind, target Symbol, addend int64) {
	if off < 0 || off > len(b.data) {
		b.fail("AddRelocAt: offset %d outside the code (length %d)", off, len(b.data))
		return
	}
	b.relocs = append(b.relocs, Reloc{Offset: uint32(off), Kind: kind, Target: target, Addend: addend})
}

// MarkData records that [start, end) holds data made of unit-byte
// elements (1, 2, 4 or 8), not instructions: jump tables, padding. Pool
// constants and their padding are marked by the buffer itself. Ranges must
// be added in order.
func (b *Buffer) MarkData(start, end, unit int) {
	if unit != 1 && unit != 2 && unit != 4 && unit != 8 || (end-start)%unit != 0 {
		b.fail("MarkData: unit %d does not divide range [%d,%d)", unit, start, end)
		return
	}
	if start < 0 || end > len(b.data) || start >= end {
		b.fail("MarkData: range [%d,%d) outside the code (length %d)", start, end, len(b.data))
		return
	}
	if n := len(b.dataRanges); n > 0 && b.dataRanges[n-1].End > uint32(start) {
		b.fail("MarkData: range [%d,%d) overlaps or precedes [%d,%d)", start, end, b.dataRanges[n-1].Start, b.dataRanges[n-1].End)
		return
	}
	b.dataRanges = append(b.dataRanges, DataRange{uint32(start), uint32(end), uint8(unit)})
}

// AddTrap records that the instruction about to be emitted at the current
// offset may trap with code.
func (b *Buffer) AddTrap(code TrapCode) {
	b.trapRecs = append(b.trapRecs, TrapRecord{Offset: uint32(len(b.data)), Code: code})
}

// SetSrcLoc says that code emitted from now on comes from wasm offset loc
// (NoSrcLoc for none).
func (b *Buffer) SetSrcLoc(loc uint32) {
	if loc == b.curLoc {
		return
	}
	b.closeSrcLoc()
	b.curLoc = loc
	b.locStart = int32(len(b.data))
}

func (b *Buffer) closeSrcLoc() {
	end := int32(len(b.data))
	if b.curLoc != NoSrcLoc && end > b.locStart {
		if n := len(b.srcLocs); n > 0 && b.srcLocs[n-1].Loc == b.curLoc && b.srcLocs[n-1].End == uint32(b.locStart) {
			b.srcLocs[n-1].End = uint32(end)
		} else {
			b.srcLocs = append(b.srcLocs, SrcLocRange{Start: uint32(b.locStart), End: uint32(end), Loc: b.curLoc})
		}
	}
	b.locStart = end
}

// Deadline returns the smallest code offset by which the next island must
// be complete; math.MaxInt64 when nothing is pending.
func (b *Buffer) Deadline() int64 { return b.deadline }

// WorstCaseIslandSize returns an upper bound on the size of an island
// emitted now: the jump over it, every pending constant and trap stub with
// alignment padding, and a veneer for every pending reference that may need
// one.
func (b *Buffer) WorstCaseIslandSize() int64 {
	if len(b.consts) == 0 && len(b.traps) == 0 && b.veneerBytes == 0 {
		return 0
	}
	return int64(len(b.isa.Jump)) + b.constBytes + int64(len(b.traps)*len(b.isa.Trap)) + b.veneerBytes
}

// IslandNeeded reports whether an island must be emitted before the caller
// emits up to distance more bytes: afterwards the worst-case island would
// end past the soonest deadline. Call it between instructions, with distance
// covering the next instruction's size plus whatever it may add to the
// island (a pool constant with its alignment padding, a veneer, a trap
// stub). The invariant it keeps is  Len() + WorstCaseIslandSize() <= Deadline().
func (b *Buffer) IslandNeeded(distance int) bool {
	return int64(len(b.data))+int64(distance)+b.WorstCaseIslandSize() > b.deadline
}

// EmitIsland places pending trap stubs and constants here, behind a jump
// over them, and resolves every pending reference that can be resolved;
// references to unbound labels whose deadline would pass before another
// island (the caller will emit up to distance bytes before asking again)
// get veneers. Emitting an island when nothing is pending emits nothing.
func (b *Buffer) EmitIsland(distance int) {
	b.emitIsland(true, int64(distance), false)
}

func (b *Buffer) emitIsland(jumpOver bool, distance int64, final bool) {
	b.branches = b.branches[:0]
	worstEnd := int64(len(b.data)) + b.WorstCaseIslandSize()
	threshold := worstEnd + distance + int64(len(b.isa.Jump)) + b.veneerBytes
	jumpAt := -1
	if jumpOver && (len(b.consts) > 0 || len(b.traps) > 0 || b.veneerBytes > 0) {
		if len(b.isa.Jump) == 0 {
			b.fail("%s: island needs a jump but the ISA defines none", b.isa.Name)
			return
		}
		jumpAt = len(b.data)
		b.PutBytes(b.isa.Jump)
	}
	saved := b.curLoc
	for _, t := range b.traps {
		b.SetSrcLoc(t.loc)
		b.Bind(t.label)
		b.AddTrap(t.code)
		b.PutBytes(b.isa.Trap)
	}
	b.SetSrcLoc(NoSrcLoc)
	b.traps = b.traps[:0]
	for _, c := range b.consts {
		if pad := len(b.data); pad%c.align != 0 {
			for len(b.data)%c.align != 0 {
				b.Put1(b.isa.Pad)
			}
			b.MarkData(pad, len(b.data), 1)
		}
		b.maxAlign = max(b.maxAlign, c.align)
		b.Bind(c.label)
		b.PutBytes(c.data)
		if n := len(c.data); n > 0 {
			unit := min(c.align, 8)
			for n%unit != 0 {
				unit /= 2
			}
			b.MarkData(len(b.data)-n, len(b.data), unit)
		}
	}
	b.consts = b.consts[:0]
	clear(b.constIndex)
	b.constBytes = 0

	// The fixups still pending are compacted in place: kept never gets
	// ahead of the loop, and nothing below adds a fixup, so the storage
	// is reused for the rest of the buffer's life instead of reallocated
	// at every island and every Finish.
	pending := b.fixups
	b.fixups = nil
	b.deadline = math.MaxInt64
	b.veneerBytes = 0
	clear(b.labelQuiet)
	kept := pending[:0]
	for _, f := range pending {
		lo := b.resolve(f.label)
		switch {
		case lo >= 0 && b.inRange(f, lo):
			b.patch(f, lo)
		case lo >= 0 || (!final && int64(f.off)+b.kind(f).maxPos < threshold):
			if !b.kind(f).veneer {
				if lo >= 0 {
					b.fail("label %d at offset %d is out of range of the %v reference at offset %d", f.label, lo, b.kind(f).use, f.off)
					return
				}
				kept = append(kept, f) // can only hope the label is bound in range
				continue
			}
			v := b.veneer(f)
			if b.kind(v).fragile {
				b.labelFragile[v.label] = true
			}
			kept = append(kept, v)
		case final:
			b.fail("label %d referenced at offset %d is never bound", f.label, f.off)
			return
		default:
			kept = append(kept, f)
		}
	}
	b.fixups = kept
	if jumpAt >= 0 {
		// The jump over the island lands right here.
		over := b.NewLabel()
		b.Bind(over)
		if ki, ok := b.kindIndex(b.isa.JumpKind); ok {
			b.patch(fixup{off: int32(jumpAt + b.isa.JumpField), label: over, kind: ki}, int32(len(b.data)))
		}
	}
	// Veneer fields that reach an already bound label are resolved now; the
	// rest wait for the next island.
	retained := b.fixups[:0]
	for _, f := range b.fixups {
		if lo := b.resolve(f.label); lo >= 0 && b.inRange(f, lo) {
			b.patch(f, lo)
			continue
		}
		retained = append(retained, f)
		b.noteFixup(f)
	}
	b.fixups = retained
	b.branches = b.branches[:0]
	b.SetSrcLoc(saved)
}

func (b *Buffer) patch(f fixup, labelOff int32) {
	k := b.kind(f)
	if !b.inRange(f, labelOff) {
		b.fail("label %d at offset %d is out of range of the %v reference at offset %d", f.label, labelOff, k.use, f.off)
		return
	}
	k.use.Patch(b.data[f.off:int(f.off)+k.patchSize], int64(f.off), int64(labelOff))
}

// veneer emits a veneer for f at the current offset, points f at it, and
// returns the veneer's own reference to f's label.
func (b *Buffer) veneer(f fixup) fixup {
	voff := int32(len(b.data))
	k := b.kind(f)
	if !b.inRange(f, voff) {
		b.fail("veneer at offset %d is out of range of the %v reference at offset %d (island emitted too late)", voff, k.use, f.off)
		return f
	}
	size := k.veneerSize
	b.data = append(b.data, make([]byte, size)...)
	fieldOff, kind := k.use.GenerateVeneer(b.data[voff:int(voff)+size], int64(voff))
	b.patch(f, voff)
	ki, _ := b.kindIndex(kind) // a failure is recorded; the fixup is then moot
	return fixup{off: voff + int32(fieldOff), label: f.label, kind: ki}
}

// Finish places the final island (trap stubs, constants, veneers), resolves
// every reference, and returns the code. Every referenced label must be
// bound, and the island invariant must hold (IslandNeeded(0) is false);
// a reference that cannot reach its label is an error, never wrong bytes.
// The buffer must not be used afterwards except through Reset.
func (b *Buffer) Finish() (*Code, error) {
	if b.err != nil {
		return nil, b.err
	}
	b.closeSrcLoc()
	for round := 0; ; round++ {
		b.emitIsland(false, 0, true)
		if b.err != nil {
			return nil, b.err
		}
		if len(b.fixups) == 0 {
			break
		}
		if round > 64 {
			return nil, errors.New("encoder: veneers did not converge")
		}
	}
	b.closeSrcLoc()
	if len(b.data) > MaxCodeSize {
		return nil, fmt.Errorf("encoder: function is %d bytes, over the %d-byte limit", len(b.data), MaxCodeSize)
	}
	b.finished = true
	// Records are added in code order except around islands, so they are
	// usually sorted already: checking is a plain loop, sorting is not.
	if !sortedBy(b.relocs, func(r Reloc) uint32 { return r.Offset }) {
		slices.SortStableFunc(b.relocs, func(x, y Reloc) int { return cmpU32(x.Offset, y.Offset) })
	}
	if !sortedBy(b.trapRecs, func(t TrapRecord) uint32 { return t.Offset }) {
		slices.SortStableFunc(b.trapRecs, func(x, y TrapRecord) int { return cmpU32(x.Offset, y.Offset) })
	}
	return &Code{
		Bytes:     b.data,
		Relocs:    b.relocs,
		Traps:     b.trapRecs,
		SrcLocs:   b.srcLocs,
		Alignment: b.maxAlign,
		Data:      b.dataRanges,
	}, nil
}

// sortedBy reports whether s is in non-decreasing order of key.
func sortedBy[T any](s []T, key func(T) uint32) bool {
	for i := 1; i < len(s); i++ {
		if key(s[i]) < key(s[i-1]) {
			return false
		}
	}
	return true
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
