package arm64

import (
	"encoding/binary"
	"fmt"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"

	"kiln/encoder"
)

var _ encoder.LabelUse = Branch19

// target decodes the instruction at off and returns the absolute offset of
// its PC-relative operand (for ADRP: the page of the label, from an
// instruction placed at off in code loaded at a 4 KiB-aligned address).
func target(t *testing.T, code []byte, off int64) (arm64asm.Op, int64) {
	t.Helper()
	d, err := arm64asm.Decode(code[off : off+4])
	if err != nil {
		t.Fatalf("offset %#x: %08x: %v", off, binary.LittleEndian.Uint32(code[off:]), err)
	}
	for _, a := range d.Args {
		if r, ok := a.(arm64asm.PCRel); ok {
			if d.Op == arm64asm.ADRP {
				return d.Op, off&^0xfff + int64(r)
			}
			return d.Op, off + int64(r)
		}
	}
	t.Fatalf("offset %#x: %s has no PC-relative operand", off, arm64asm.GNUSyntax(d))
	return 0, 0
}

var useTemplates = map[LabelUse]Inst{
	Branch26: MustEncode(BL, 0),
	Branch19: MustEncode(Bcc, int64(NE), 0),
	Branch14: MustEncode(TBNZ, X3, 33, 0),
	Adr21:    MustEncode(ADR, X4, 0),
	Ldr19:    MustEncode(LDRXl, X5, 0),
}

// TestLabelUseLimits patches every kind at both ends of its range and
// checks with x/arch that the field reaches exactly there; one byte (one
// instruction) further is outside the advertised range.
func TestLabelUseLimits(t *testing.T) {
	for kind, tmpl := range useTemplates {
		step := int64(4)
		if kind == Adr21 {
			step = 1
		}
		for _, useOff := range []int64{0, 4, 0x1000, 1 << 20} {
			for _, d := range []int64{kind.MaxPosRange(), -kind.MaxNegRange(), 0, step, -step} {
				code := binary.LittleEndian.AppendUint32(nil, uint32(tmpl))
				kind.Patch(code, useOff, useOff+d)
				buf := make([]byte, useOff+4)
				copy(buf[useOff:], code)
				op, got := target(t, buf, useOff)
				if got != useOff+d {
					t.Errorf("%v at %#x to %+#x: %v reaches %+#x", kind, useOff, d, op, got-useOff)
				}
				// Everything but the field is unchanged.
				if w := binary.LittleEndian.Uint32(code); w&^fieldMask(kind) != uint32(tmpl)&^fieldMask(kind) {
					t.Errorf("%v: patch changed bits outside the field: %08x vs %08x", kind, w, uint32(tmpl))
				}
			}
		}
		// One step past either end no longer fits the field.
		if d := kind.MaxPosRange() + step; d < 1<<(fieldBits(kind)-1)*step {
			t.Errorf("%v: MaxPosRange %#x is not the top of the field", kind, kind.MaxPosRange())
		}
		if _, err := Encode(opOf(kind), append(useVals(kind), kind.MaxPosRange()+step)...); err == nil {
			t.Errorf("%v: one past MaxPosRange encodes", kind)
		}
		if _, err := Encode(opOf(kind), append(useVals(kind), -kind.MaxNegRange()-step)...); err == nil {
			t.Errorf("%v: one past MaxNegRange encodes", kind)
		}
		if _, err := Encode(opOf(kind), append(useVals(kind), kind.MaxPosRange())...); err != nil {
			t.Errorf("%v: MaxPosRange does not encode: %v", kind, err)
		}
		if _, err := Encode(opOf(kind), append(useVals(kind), -kind.MaxNegRange())...); err != nil {
			t.Errorf("%v: -MaxNegRange does not encode: %v", kind, err)
		}
	}
	// A branch to a misaligned label becomes a trap, never a wrong jump.
	code := binary.LittleEndian.AppendUint32(nil, uint32(MustEncode(B, 0)))
	Branch26.Patch(code, 0, 6)
	if w := binary.LittleEndian.Uint32(code); w != udfBadLabel {
		t.Errorf("branch to misaligned label patched to %08x, want udf", w)
	}
}

func fieldMask(k LabelUse) uint32 {
	switch k {
	case Branch26:
		return 1<<26 - 1
	case Branch19, Ldr19:
		return (1<<19 - 1) << 5
	case Branch14:
		return (1<<14 - 1) << 5
	}
	return 3<<29 | (1<<19-1)<<5
}

func fieldBits(k LabelUse) uint {
	return map[LabelUse]uint{Branch26: 26, Branch19: 19, Ldr19: 19, Branch14: 14, Adr21: 21}[k]
}

func opOf(k LabelUse) Op {
	return map[LabelUse]Op{Branch26: BL, Branch19: Bcc, Branch14: TBNZ, Adr21: ADR, Ldr19: LDRXl}[k]
}

func useVals(k LabelUse) []int64 {
	return map[LabelUse][]int64{Branch26: nil, Branch19: {int64(NE)}, Branch14: {X3, 33}, Adr21: {X4}, Ldr19: {X5}}[k]
}

// TestAdrpAdd checks the ADRP+ADD pair over ±4 GiB: from several use
// offsets, page delta × 4096 + the ADD's low 12 bits lands on the label.
func TestAdrpAdd(t *testing.T) {
	tmpl := binary.LittleEndian.AppendUint32(nil, uint32(MustEncode(ADRP, X9, 0)))
	tmpl = binary.LittleEndian.AppendUint32(tmpl, uint32(MustEncode(ADDXi, X9, X9, 0, 0)))
	for _, use := range []int64{0, 4, 0xffc, 0x1000, 0x12344} {
		for _, d := range []int64{0, 8, -8, 0xfff, 0x1001, AdrpAdd.MaxPosRange(), -AdrpAdd.MaxNegRange(), 1 << 31, -(1 << 31)} {
			label := use + d
			code := append([]byte(nil), tmpl...)
			AdrpAdd.Patch(code, use, label)
			adrp, _ := arm64asm.Decode(code[:4])
			add, _ := arm64asm.Decode(code[4:])
			page := int64(adrp.Args[1].(arm64asm.PCRel))
			var lo uint32
			fmt.Sscanf(add.Args[2].String(), "#0x%x", &lo)
			if got := use&^0xfff + page + int64(lo); got != label {
				t.Errorf("adrp+add at %#x to %#x reaches %#x (%s; %s)", use, label, got, arm64asm.GNUSyntax(adrp), arm64asm.GNUSyntax(add))
			}
		}
	}
}

// TestVeneers builds functions larger than each short range and checks
// through the encoder.Buffer that out-of-range uses are redirected through
// a veneer "b label" and that every branch still reaches its label.
func TestVeneers(t *testing.T) {
	for _, c := range []struct {
		name string
		emit func(a *Asm, l encoder.Label)
		span int // bytes of code between the use and the label
	}{
		{"b.cond forward 1.25MiB", func(a *Asm, l encoder.Label) { a.BCond(EQ, l) }, 5 << 18},
		{"cbz forward 1.25MiB", func(a *Asm, l encoder.Label) { a.Cbz(X3, l) }, 5 << 18},
		{"tbz forward 40KiB", func(a *Asm, l encoder.Label) { a.Tbz(W3, 7, l) }, 40 << 10},
		{"tbnz forward exactly in range", func(a *Asm, l encoder.Label) { a.Tbnz(X3, 40, l) }, 32<<10 - 8},
		{"b forward 2MiB (no veneer needed)", func(a *Asm, l encoder.Label) { a.B(l) }, 2 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := NewAsm()
			l := a.Buf.NewLabel()
			a.Emit(Add(X0, X0, X1)) // so the use is not at offset 0
			useOff := int64(a.Buf.Len())
			c.emit(a, l)
			for a.Buf.Len() < int(useOff)+c.span {
				a.Emit(Nop(), nil)
			}
			a.Bind(l)
			a.Emit(Ret(LR))
			code, err := a.Buf.Finish()
			if err != nil {
				t.Fatal(err)
			}
			labelOff, _ := a.Buf.LabelOffset(l)
			follow(t, code.Bytes, useOff, int64(labelOff))
		})
	}
	t.Run("b.cond backward 1.25MiB", func(t *testing.T) {
		a := NewAsm()
		l := a.Buf.NewLabel()
		a.Bind(l)
		a.Emit(Add(X0, X0, X1))
		for a.Buf.Len() < 5<<18 {
			a.Emit(Nop(), nil)
		}
		useOff := int64(a.Buf.Len())
		a.BCond(LT, l)
		a.Emit(Ret(LR))
		code, err := a.Buf.Finish()
		if err != nil {
			t.Fatal(err)
		}
		follow(t, code.Bytes, useOff, 0)
	})
}

// follow walks from the branch at off through at most one veneer and
// checks that it ends at want; a veneer must be a plain b.
func follow(t *testing.T, code []byte, off, want int64) {
	t.Helper()
	op, got := target(t, code, off)
	if got == want {
		return
	}
	vop, vgot := target(t, code, got)
	if vop != arm64asm.B || vgot != want {
		t.Fatalf("%v at %#x goes to %#x, then %v to %#x; want %#x", op, off, got, vop, vgot, want)
	}
	if d := got - off; d < -(1<<20) || d >= 1<<20 {
		t.Fatalf("veneer at %#x is out of the short branch's range", got)
	}
}

// TestLiteralPool spreads 64-bit constant loads over 3 MiB of code; the
// buffer must drop pool islands (jumped over) so that every ldr literal
// stays within ±1 MiB of its constant, and each load must reach the right
// bytes.
func TestLiteralPool(t *testing.T) {
	a := NewAsm()
	type load struct {
		off int64
		v   uint64
	}
	var loads []load
	for i := 0; a.Buf.Len() < 3<<20; i++ {
		if i%20000 == 0 {
			v := 0x0123_4567_89ab_cdef ^ uint64(i)*0x9e37_79b9_7f4a_7c15
			off := int64(a.Buf.Len())
			a.LoadConst64(X(i%30), v)
			if int64(a.Buf.Len()) != off+4 { // an island went first
				off = int64(a.Buf.Len()) - 4
			}
			loads = append(loads, load{off, v})
			continue
		}
		a.Emit(Nop(), nil)
	}
	a.Emit(Ret(LR))
	code, err := a.Buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	islands := 0
	for off := 0; off+4 <= len(code.Bytes); off += 4 {
		if binary.LittleEndian.Uint32(code.Bytes[off:])>>26 == 0b000101 {
			islands++ // the jump over an island
		}
	}
	for _, l := range loads {
		op, at := target(t, code.Bytes, l.off)
		if op != arm64asm.LDR {
			t.Fatalf("offset %#x: %v, want ldr literal", l.off, op)
		}
		if got := binary.LittleEndian.Uint64(code.Bytes[at:]); got != l.v {
			t.Errorf("ldr at %#x reads %#x at %#x, want %#x", l.off, got, at, l.v)
		}
	}
	if islands < 2 {
		t.Errorf("%d islands in %d bytes; the pool cannot all be at the end", islands, len(code.Bytes))
	}
	t.Logf("%d literal loads over %d bytes, %d islands", len(loads), len(code.Bytes), islands)
}

// TestBufferRangeLimits drives encoder.Buffer at the exact edges: a use
// whose label lands exactly at MaxPosRange (forward) or MaxNegRange
// (backward) is patched directly; one instruction further, the buffer must
// route a veneerable use through a veneer (and the branch still arrives).
func TestBufferRangeLimits(t *testing.T) {
	kinds := []struct {
		kind LabelUse
		in   Inst
	}{
		{Branch19, MustEncode(CBZX, X1, 0)},
		{Branch14, MustEncode(TBZ, W2, 5, 0)},
		{Ldr19, MustEncode(LDRXl, X3, 0)},
		{Adr21, MustEncode(ADR, X4, 0)},
	}
	for _, k := range kinds {
		for _, extra := range []int64{0, 4} {
			// Forward: the use first, then exactly MaxPosRange(+4) bytes.
			if k.kind == Adr21 && extra == 0 {
				// ADR's forward limit is 1 MiB - 1 byte: not an instruction
				// boundary; check the largest aligned distance instead.
				extra = -3
			}
			b := encoder.NewBuffer(BufferISA)
			l := b.NewLabel()
			b.Put4(uint32(k.in))
			b.UseLabelAt(0, l, k.kind)
			dist := k.kind.MaxPosRange() + extra
			if extra > 0 && !k.kind.SupportsVeneer() {
				continue // no veneer possible; the backward case below checks the error
			}
			a := &Asm{Buf: b}
			for int64(b.Len()) < dist {
				if extra > 0 {
					a.Emit(Nop(), nil) // island checks on: a veneer goes in
				} else {
					b.Put4(uint32(Nop())) // exact edge: no island may intervene
				}
			}
			labelOff := int64(b.Len())
			b.Bind(l)
			b.Put4(uint32(Nop()))
			code, err := b.Finish()
			if err != nil {
				t.Fatalf("%v +%#x: %v", k.kind, dist, err)
			}
			_, got := target(t, code.Bytes, 0)
			switch {
			case extra <= 0 && got != labelOff:
				t.Errorf("%v at the forward limit %#x: reaches %#x, want a direct hit on %#x", k.kind, dist, got, labelOff)
			case extra > 0:
				follow(t, code.Bytes, 0, labelOff)
				if got == labelOff {
					t.Errorf("%v one past the limit reached the label directly", k.kind)
				}
			}
		}
		// Backward: label first, the use exactly MaxNegRange(+4) later.
		for _, extra := range []int64{0, 4} {
			if extra > 0 && !k.kind.SupportsVeneer() {
				b := encoder.NewBuffer(BufferISA)
				l := b.NewLabel()
				b.Bind(l)
				for int64(b.Len()) < k.kind.MaxNegRange()+extra {
					b.Put4(uint32(Nop()))
				}
				off := b.Len()
				b.Put4(uint32(k.in))
				b.UseLabelAt(off, l, k.kind)
				if _, err := b.Finish(); err == nil {
					t.Errorf("%v one past the backward limit without a veneer: no error", k.kind)
				}
				continue
			}
			a := NewAsm()
			l := a.NewLabel()
			a.Bind(l)
			for int64(a.Buf.Len()) < k.kind.MaxNegRange()+extra {
				a.Buf.Put4(uint32(Nop()))
			}
			off := int64(a.Buf.Len())
			a.Buf.Put4(uint32(k.in))
			a.Buf.UseLabelAt(int(off), l, k.kind)
			a.Emit(Nop(), nil)
			code, err := a.Buf.Finish()
			if err != nil {
				t.Fatalf("%v backward %#x: %v", k.kind, k.kind.MaxNegRange()+extra, err)
			}
			_, got := target(t, code.Bytes, off)
			if extra == 0 && got != 0 {
				t.Errorf("%v at the backward limit reaches %#x, want 0", k.kind, got)
			}
			if extra > 0 {
				follow(t, code.Bytes, off, 0)
				if got == 0 {
					t.Errorf("%v one past the backward limit reached the label directly", k.kind)
				}
			}
		}
	}
}
