package lower

import (
	"fmt"
	"strings"

	"kiln/ir"
	"kiln/regalloc"
)

// Emitter is the ISA's half of emission: it turns one allocated machine
// instruction, or one allocator edit, into bytes (and into text for the
// VCode listing).
type Emitter[I any] interface {
	// StartBlock binds the label of lowered block b.
	StartBlock(b Block)
	// Inst emits instruction i with its operands' locations.
	Inst(i *I, allocs []regalloc.Alloc) error
	// Move emits an allocator edit of class cl (register or spill slot
	// to register or spill slot, never slot to slot).
	Move(from, to regalloc.Alloc, cl regalloc.RegClass) error
	// Format prints instruction i with its locations, FormatMove an edit.
	Format(i *I, allocs []regalloc.Alloc) string
	FormatMove(from, to regalloc.Alloc, cl regalloc.RegClass) string
}

// SrcLocSetter is implemented by emitters that record source locations:
// Emit calls SetSrcLoc before each instruction with the location of the
// IR instruction it came from (ir.NoSourceLoc for none).
type SrcLocSetter interface {
	SetSrcLoc(loc ir.SourceLoc)
}

// EditClass is the register class an edit moves.
func EditClass(out *regalloc.Output, e regalloc.Edit) regalloc.RegClass {
	switch {
	case e.From.IsReg():
		return e.From.Reg().Class()
	case e.To.IsReg():
		return e.To.Reg().Class()
	case e.From.IsStack() && int(e.From.Slot()) < len(out.SpillSlotClass):
		return out.SpillSlotClass[e.From.Slot()]
	}
	return regalloc.Int
}

// Emit walks vc in layout order, applying out's edits around each
// instruction, and returns the VCode listing after allocation (when
// listing is set): one line per block header, instruction and edit. A move
// the allocator coalesced (both operands in one location) is dropped.
// Formatting the listing costs about as much as emitting the code, so
// production compiles skip it.
//
// Emit consumes vc, as Cranelift's VCode::emit takes its VCode by value:
// once the code is emitted, vc's storage goes to the next function Lower
// lowers and vc is left empty.
func Emit[I any](vc *VCode[I], out *regalloc.Output, em Emitter[I], listing bool) (string, error) {
	var sb strings.Builder
	edits := out.Edits
	k := 0
	locs, _ := em.(SrcLocSetter)
	applyUpTo := func(p regalloc.ProgPoint) error {
		for k < len(edits) && edits[k].Point <= p {
			e := edits[k]
			k++
			cl := EditClass(out, e)
			if listing {
				fmt.Fprintf(&sb, "  %s\n", em.FormatMove(e.From, e.To, cl))
			}
			if err := em.Move(e.From, e.To, cl); err != nil {
				return err
			}
		}
		return nil
	}
	// The edits and source locations are checked here before calling
	// out: most instructions have no edit around them and the location
	// of the one before.
	pending := func(p regalloc.ProgPoint) bool { return k < len(edits) && edits[k].Point <= p }
	lastLoc, haveLoc := ir.NoSourceLoc, false
	for b := range vc.NumBlocks() {
		if listing {
			fmt.Fprintf(&sb, "block%d:\n", b)
		}
		em.StartBlock(Block(b))
		r := vc.BlockInsts(Block(b))
		for i := r.First; i < r.End; i++ {
			if pending(regalloc.PointBefore(i)) {
				if err := applyUpTo(regalloc.PointBefore(i)); err != nil {
					return "", err
				}
			}
			allocs := out.InstAllocs(i)
			j := vc.at(i)
			if vc.code.kinds[j] == KindMove && len(allocs) == 2 && allocs[0] == allocs[1] {
				continue
			}
			if loc := vc.code.locs[j]; locs != nil && (loc != lastLoc || !haveLoc) {
				locs.SetSrcLoc(loc)
				lastLoc, haveLoc = loc, true
			}
			in := &vc.code.insts[j]
			if listing {
				fmt.Fprintf(&sb, "  %s\n", em.Format(in, allocs))
			}
			if err := em.Inst(in, allocs); err != nil {
				return "", fmt.Errorf("block%d inst %d: %w", b, i, err)
			}
			if pending(regalloc.PointAfter(i)) {
				if err := applyUpTo(regalloc.PointAfter(i)); err != nil {
					return "", err
				}
			}
		}
	}
	vc.release()
	return sb.String(), nil
}
