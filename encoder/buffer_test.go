package encoder

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// fakeUse is a test-only LabelUse with deliberately tiny ranges, so that a
// few hundred bytes of code exceed every branch range:
//
//	fakeShort: 2-byte field, ±100 bytes, veneers to fakeMid
//	fakeMid:   2-byte field, ±1000 bytes, veneers to fakeLong
//	fakeLong:  4-byte field, ±2^30 bytes
//	fakeLit:   2-byte field, +0..+300 bytes forward only, no veneer (a
//	           literal-pool load, like arm64 ldr or s390x lrl)
//
// Fields hold the signed distance label-use, plus any addend already stored
// there. A veneer is the marker byte 0xEE, one padding byte, then its field.
type fakeUse uint8

const (
	fakeShort fakeUse = iota
	fakeMid
	fakeLong
	fakeLit
)

const veneerMarker = 0xEE

func (k fakeUse) String() string { return [...]string{"short", "mid", "long", "lit"}[k] }

func (k fakeUse) MaxPosRange() int64 { return [...]int64{100, 1000, 1 << 30, 300}[k] }
func (k fakeUse) MaxNegRange() int64 { return [...]int64{100, 1000, 1 << 30, 0}[k] }
func (k fakeUse) PatchSize() int     { return [...]int{2, 2, 4, 2}[k] }
func (k fakeUse) SupportsVeneer() bool {
	return k == fakeShort || k == fakeMid
}
func (k fakeUse) VeneerSize() int { return [...]int{4, 6, 0, 0}[k] }

func (k fakeUse) Patch(code []byte, useOff, labelOff int64) {
	d := labelOff - useOff
	if k == fakeLong {
		binary.LittleEndian.PutUint32(code, uint32(int32(binary.LittleEndian.Uint32(code))+int32(d)))
		return
	}
	binary.LittleEndian.PutUint16(code, uint16(int16(binary.LittleEndian.Uint16(code))+int16(d)))
}

func (k fakeUse) GenerateVeneer(code []byte, veneerOff int64) (int64, LabelUse) {
	code[0], code[1] = veneerMarker, 0
	clear(code[2:])
	if k == fakeShort {
		return 2, fakeMid
	}
	return 2, fakeLong
}

// fakeISA jumps with 0xE9 + a fakeMid field and traps with 0x0B 0x0F.
var fakeISA = ISA{
	Name:      "fake",
	Jump:      []byte{0xE9, 0, 0},
	JumpField: 1,
	JumpKind:  fakeMid,
	Trap:      []byte{0x0B, 0x0F},
}

// follow resolves a reference the way a CPU would: read the field, and if it
// lands on a veneer keep following. It returns the final target offset.
func follow(t *testing.T, code []byte, off int, k fakeUse) int {
	t.Helper()
	for hops := 0; hops < 4; hops++ {
		var d int
		if k == fakeLong {
			d = int(int32(binary.LittleEndian.Uint32(code[off:])))
		} else {
			d = int(int16(binary.LittleEndian.Uint16(code[off:])))
		}
		if int64(d) > k.MaxPosRange() || int64(-d) > k.MaxNegRange() {
			t.Fatalf("field at %d (%v) holds %d, out of its range", off, k, d)
		}
		tgt := off + d
		if tgt < len(code) && code[tgt] == veneerMarker && k.SupportsVeneer() {
			off, k = tgt+2, map[fakeUse]fakeUse{fakeShort: fakeMid, fakeMid: fakeLong}[k]
			continue
		}
		return tgt
	}
	t.Fatalf("reference at %d: veneer chain too long", off)
	return -1
}

// TestIslandsOutOfRange emits code far larger than every fake range, with
// forward and backward branches, pool constants and deferred traps, obeying
// IslandNeeded before each instruction. After each step it checks the
// island invariant, and at the end it follows every reference to its label.
func TestIslandsOutOfRange(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			islandsOutOfRange(t, seed)
		})
	}
}

func islandsOutOfRange(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 99))
	b := NewBuffer(fakeISA)
	type use struct {
		off   int
		label Label
		kind  fakeUse
		want  []byte // constant contents, or nil
		trap  TrapCode
	}
	var uses []use
	var labels []Label
	bound := map[Label]bool{}
	// The distance passed to IslandNeeded covers the next instruction's
	// bytes (maxInst) plus what it may add to the island: one constant with
	// alignment padding (8+7) or one veneer (4) or one trap stub (2).
	const maxInst = 8
	const distance = maxInst + 15
	islands := 0
	for i := 0; i < 3000; i++ {
		if b.IslandNeeded(distance) {
			b.EmitIsland(distance)
			islands++
		}
		if got, limit := int64(b.Len())+b.WorstCaseIslandSize(), b.Deadline(); got > limit {
			t.Fatalf("step %d: worst-case island end %d > deadline %d", i, got, limit)
		}
		start := b.Len()
		switch r := rng.IntN(10); {
		case r < 3: // forward or backward branch with a short field
			var l Label
			if len(labels) > 0 && rng.IntN(2) == 0 {
				l = labels[rng.IntN(len(labels))]
			} else {
				l = b.NewLabel()
				labels = append(labels, l)
			}
			b.PutBytes([]byte{0x70, 0, 0, 0x90})
			b.UseLabelAt(start+1, l, fakeShort)
			uses = append(uses, use{off: start + 1, label: l, kind: fakeShort})
		case r < 4: // constant load
			c := []byte{byte(rng.IntN(4)), 1, 2, 3, 4, 5, 6, 7}
			l := b.UseConstant(c, 8)
			b.PutBytes([]byte{0x58, 0, 0})
			b.UseLabelAt(start+1, l, fakeLit)
			uses = append(uses, use{off: start + 1, label: l, kind: fakeLit, want: c})
		case r < 5: // bounds check to a deferred trap
			code := TrapCode(1 + rng.IntN(5))
			l := b.DeferTrap(code)
			b.PutBytes([]byte{0x72, 0, 0})
			b.UseLabelAt(start+1, l, fakeShort)
			uses = append(uses, use{off: start + 1, label: l, kind: fakeShort, trap: code})
		case r < 6 && len(labels) > 0: // bind a label
			l := labels[rng.IntN(len(labels))]
			if !bound[l] {
				b.Bind(l)
				bound[l] = true
			}
			b.PutBytes([]byte{0x90})
		default:
			b.PutBytes(bytes.Repeat([]byte{0x90}, 1+rng.IntN(maxInst)))
		}
	}
	for _, l := range labels {
		if !bound[l] {
			if b.IslandNeeded(distance) {
				b.EmitIsland(distance)
			}
			b.Bind(l)
			b.Put1(0xC3)
		}
	}
	if b.IslandNeeded(0) {
		b.EmitIsland(0)
	}
	code, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if len(code.Bytes) < 10*1000 || islands < 3 {
		t.Fatalf("test too weak: %d bytes, %d islands", len(code.Bytes), islands)
	}
	for _, u := range uses {
		tgt := follow(t, code.Bytes, u.off, u.kind)
		lo, ok := b.LabelOffset(u.label)
		if !ok || tgt != lo {
			t.Fatalf("use at %d (%v) reaches %d, label %d is at %d", u.off, u.kind, tgt, u.label, lo)
		}
		if u.want != nil {
			if tgt%8 != 0 || !bytes.Equal(code.Bytes[tgt:tgt+len(u.want)], u.want) {
				t.Fatalf("constant use at %d reaches %d holding %x, want %x aligned 8", u.off, tgt, code.Bytes[tgt:tgt+8], u.want)
			}
		}
		if u.trap != 0 {
			c, ok := code.LookupTrap(uint32(tgt))
			if !ok || c != u.trap || !bytes.Equal(code.Bytes[tgt:tgt+2], fakeISA.Trap) {
				t.Fatalf("trap use at %d reaches %d: trap %v %v", u.off, tgt, c, ok)
			}
		}
	}
}

// TestVeneerBackward: a backward short reference that is already out of
// range gets a veneer in the next island.
func TestVeneerBackward(t *testing.T) {
	b := NewBuffer(fakeISA)
	l := b.NewLabel()
	b.Bind(l)
	b.PutBytes(make([]byte, 500))
	use := b.Len() + 1
	b.PutBytes([]byte{0x70, 0, 0})
	b.UseLabelAt(use, l, fakeShort)
	if got := b.Deadline(); got != int64(use)+100 {
		t.Fatalf("deadline %d, want %d: the veneer must be placed within the forward range", got, use+100)
	}
	for !b.IslandNeeded(1) {
		b.Put1(0x90)
	}
	b.EmitIsland(1)
	b.Put1(0xC3)
	code, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if got := follow(t, code.Bytes, use, fakeShort); got != 0 {
		t.Fatalf("reaches %d, want 0", got)
	}
}

// TestNoVeneerOutOfRange: a kind without veneers that cannot reach its label
// is an error, never silently wrong bytes.
func TestNoVeneerOutOfRange(t *testing.T) {
	b := NewBuffer(fakeISA)
	l := b.UseConstant([]byte{1, 2, 3, 4}, 4)
	b.PutBytes([]byte{0x58, 0, 0})
	b.UseLabelAt(1, l, fakeLit)
	b.PutBytes(make([]byte, 1000)) // ignoring IslandNeeded on purpose
	if _, err := b.Finish(); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Fatalf("err = %v, want out of range", err)
	}
}

func TestUnboundLabel(t *testing.T) {
	b := NewBuffer(fakeISA)
	l := b.NewLabel()
	b.PutBytes([]byte{0xE9, 0, 0})
	b.UseLabelAt(1, l, fakeMid)
	if _, err := b.Finish(); err == nil || !strings.Contains(err.Error(), "never bound") {
		t.Fatalf("err = %v, want never bound", err)
	}
}

func TestBadRequests(t *testing.T) {
	for name, f := range map[string]func(b *Buffer){
		"bind twice":      func(b *Buffer) { l := b.NewLabel(); b.Bind(l); b.Bind(l) },
		"invalid label":   func(b *Buffer) { b.Bind(42) },
		"field past end":  func(b *Buffer) { b.UseLabelAt(0, b.NewLabel(), fakeLong) },
		"bad alignment":   func(b *Buffer) { b.UseConstant([]byte{1}, 3) },
		"branch not last": func(b *Buffer) { b.Put1(1); b.AddUncondBranch(0, 1, b.NewLabel()) },
		"inverted size": func(b *Buffer) {
			l := b.NewLabel()
			b.PutBytes([]byte{0x70, 0, 0})
			b.UseLabelAt(1, l, fakeShort)
			b.AddCondBranch(0, 3, l, []byte{0x71})
		},
	} {
		b := NewBuffer(fakeISA)
		f(b)
		if _, err := b.Finish(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Branch simplification. Branches are 3 bytes: opcode + fakeMid field;
// 0x70 and 0x71 are a condition and its inverse, 0xE9 is the jump.
func jmp(b *Buffer, l Label) {
	s := b.Len()
	b.PutBytes([]byte{0xE9, 0, 0})
	b.UseLabelAt(s+1, l, fakeMid)
	b.AddUncondBranch(s, s+3, l)
}

func jcc(b *Buffer, l Label) {
	s := b.Len()
	b.PutBytes([]byte{0x70, 0, 0})
	b.UseLabelAt(s+1, l, fakeMid)
	b.AddCondBranch(s, s+3, l, []byte{0x71, 0, 0})
}

func finish(t *testing.T, b *Buffer) []byte {
	t.Helper()
	code, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return code.Bytes
}

func TestBranchSimplification(t *testing.T) {
	tests := []struct {
		name  string
		build func(b *Buffer)
		want  []byte
	}{
		{"jump to next is dropped", func(b *Buffer) {
			l := b.NewLabel()
			b.Put1(0x90)
			jmp(b, l)
			b.Bind(l)
			b.Put1(0xC3)
		}, []byte{0x90, 0xC3}},
		{"cond jump to next is dropped", func(b *Buffer) {
			l := b.NewLabel()
			jcc(b, l)
			b.Bind(l)
			b.Put1(0xC3)
		}, []byte{0xC3}},
		{"cond over uncond is inverted", func(b *Buffer) {
			l1, l2 := b.NewLabel(), b.NewLabel()
			b.Bind(l2)
			b.Put1(0x90)
			jcc(b, l1) // jcc l1; jmp l2; l1:  ==>  jncc l2; l1:
			jmp(b, l2)
			b.Bind(l1)
			b.Put1(0xC3)
		}, []byte{0x90, 0x71, 0xFE, 0xFF, 0xC3}},
		{"label at the jump is threaded, then the jcc inverts", func(b *Buffer) {
			l1, l2, l3 := b.NewLabel(), b.NewLabel(), b.NewLabel()
			b.Bind(l2)
			jcc(b, l1)
			b.Bind(l3) // l3 now means l2, so nothing else reaches the jmp
			jmp(b, l2)
			b.Bind(l1)
			b.Put1(0xC3)
			jmp(b, l3)
			b.Put1(0xCC)
		}, []byte{0x71, 0xFF, 0xFF, 0xC3, 0xE9, 0xFB, 0xFF, 0xCC}},
		{"a self-loop label blocks inversion", func(b *Buffer) {
			l1, l3 := b.NewLabel(), b.NewLabel()
			jcc(b, l1)
			b.Bind(l3)
			jmp(b, l3) // cannot alias l3 to itself
			b.Bind(l1)
			b.Put1(0xC3)
		}, []byte{0x70, 0x05, 0x00, 0xE9, 0xFF, 0xFF, 0xC3}},
		{"jump to a jump is threaded", func(b *Buffer) {
			a, bb, c := b.NewLabel(), b.NewLabel(), b.NewLabel()
			jcc(b, a)
			b.Put1(0x90)
			b.Bind(a)
			jmp(b, bb)
			b.Bind(c)
			b.Put1(0x90)
			b.Bind(bb)
			b.Put1(0xC3)
		}, []byte{0x70, 0x07, 0x00, 0x90, 0xE9, 0x03, 0x00, 0x90, 0xC3}},
		{"unreachable jump after a jump is deleted", func(b *Buffer) {
			x, a, bb, c := b.NewLabel(), b.NewLabel(), b.NewLabel(), b.NewLabel()
			jmp(b, x)
			b.Bind(a)
			jmp(b, bb) // a means bb; nothing falls into this jmp
			b.Bind(c)
			b.Put1(0xC3)
			b.Bind(x)
			b.Put1(0xCC)
			b.Bind(bb)
			b.Put1(0x90)
			jmp(b, a)
		}, []byte{0xE9, 0x03, 0x00, 0xC3, 0xCC, 0x90, 0xE9, 0xFE, 0xFF}},
		{"chain collapses", func(b *Buffer) {
			l := b.NewLabel()
			jcc(b, l)
			jmp(b, l)
			jmp(b, l)
			b.Bind(l)
			b.Put1(0xC3)
		}, []byte{0xC3}},
		{"labels move with deleted code", func(b *Buffer) {
			l1, l2 := b.NewLabel(), b.NewLabel()
			b.Put1(0x90)
			jmp(b, l1)
			b.Bind(l1)
			b.Put1(0xC3)
			jmp(b, l2) // backward-free: l2 bound after, check l1 target moved
			b.Bind(l2)
			jmp(b, l1)
		}, []byte{0x90, 0xC3, 0xE9, 0xFE, 0xFF}},
		{"code between blocks simplification", func(b *Buffer) {
			l := b.NewLabel()
			jmp(b, l)
			b.Put1(0x90)
			b.Bind(l)
			b.Put1(0xC3)
		}, []byte{0xE9, 0x03, 0x00, 0x90, 0xC3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuffer(fakeISA)
			tc.build(b)
			if got := finish(t, b); !bytes.Equal(got, tc.want) {
				t.Errorf("got  % x\nwant % x", got, tc.want)
			}
		})
	}
}

// TestThreadingRenotesDeadlines: a reference that was in range of its label
// when recorded must get a deadline again when the label is threaded to a
// far target, or no island would be placed in time.
func TestThreadingRenotesDeadlines(t *testing.T) {
	b := NewBuffer(fakeISA)
	l, far, m := b.NewLabel(), b.NewLabel(), b.NewLabel()
	b.PutBytes([]byte{0x70, 0, 0}) // a short branch whose field is recorded late
	b.Bind(l)
	jmp(b, far)
	b.UseLabelAt(1, l, fakeShort) // l is 2 bytes away: no deadline needed yet
	b.Bind(m)                     // threads l to far
	if b.Deadline() > 101 {
		t.Fatalf("deadline %d: the short reference to the threaded label was forgotten", b.Deadline())
	}
	for b.Len() < 1000 {
		if b.IslandNeeded(16) {
			b.EmitIsland(16)
		}
		b.Put1(0x90)
	}
	b.Bind(far)
	b.Put1(0xC3)
	code := finish(t, b)
	if got, want := follow(t, code, 1, fakeShort), b.Len()-1; got != want {
		t.Fatalf("short reference reaches %d, want %d", got, want)
	}
	if off, _ := b.LabelOffset(l); off != b.Len()-1 {
		t.Errorf("LabelOffset of the threaded label = %d, want its target %d", off, b.Len()-1)
	}
}

func TestRecordsSortedAndTrimmed(t *testing.T) {
	b := NewBuffer(fakeISA)
	b.SetSrcLoc(10)
	b.AddTrap(3)
	b.Put1(0x90)
	b.SetSrcLoc(20)
	l := b.NewLabel()
	b.AddReloc(RelocX86PCRel4, Symbol{SymFunc, 7}, -4)
	b.Put4(0)
	jmp(b, l)
	b.Bind(l) // the jmp is deleted; the srcloc range shrinks with it
	b.SetSrcLoc(NoSrcLoc)
	b.Put1(0xC3)
	code, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	wantLocs := []SrcLocRange{{0, 1, 10}, {1, 5, 20}}
	if fmt.Sprint(code.SrcLocs) != fmt.Sprint(wantLocs) {
		t.Errorf("srclocs %v, want %v", code.SrcLocs, wantLocs)
	}
	if c, ok := code.LookupTrap(0); !ok || c != 3 {
		t.Errorf("trap at 0: %v %v", c, ok)
	}
	if loc, ok := code.LookupSrcLoc(3); !ok || loc != 20 {
		t.Errorf("srcloc at 3: %v %v", loc, ok)
	}
	if _, ok := code.LookupSrcLoc(5); ok {
		t.Errorf("srcloc at 5 should be absent")
	}
	if len(code.Relocs) != 1 || code.Relocs[0].Offset != 1 || code.Relocs[0].Target.String() != "func7" {
		t.Errorf("relocs %v", code.Relocs)
	}
}

func TestConstantsDeduplicated(t *testing.T) {
	b := NewBuffer(fakeISA)
	a1 := b.UseConstant([]byte{1, 2, 3, 4}, 4)
	a2 := b.UseConstant([]byte{1, 2, 3, 4}, 4)
	c := b.UseConstant([]byte{1, 2, 3, 4}, 16)
	if a1 != a2 || a1 == c {
		t.Fatalf("labels %d %d %d: want equal contents+alignment shared, different alignment separate", a1, a2, c)
	}
	b.PutBytes([]byte{0x58, 0, 0, 0x58, 0, 0, 0x58, 0, 0})
	b.UseLabelAt(1, a1, fakeLit)
	b.UseLabelAt(4, a2, fakeLit)
	b.UseLabelAt(7, c, fakeLit)
	code, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	// 9 bytes code, pad to 12, 4 bytes, pad to 16, 4 bytes.
	if len(code.Bytes) != 20 || code.Alignment != 16 {
		t.Fatalf("len %d align %d: % x", len(code.Bytes), code.Alignment, code.Bytes)
	}
}

// TestBranchSimplificationPreservesBehaviour generates random programs of
// markers, flag toggles, jumps, conditional jumps and label binds, emits
// them through the buffer (which deletes, inverts and threads branches),
// then runs both the abstract program and the resulting bytes and compares
// the traces of markers they produce.
func TestBranchSimplificationPreservesBehaviour(t *testing.T) {
	type item struct {
		kind  byte // 'm' marker, 't' toggle, 'h' halt, 'j' jmp, 'c' jcc, 'b' bind
		id    byte
		label int
	}
	shrunk := 0
	for seed := uint64(0); seed < 3000; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		nl := 1 + rng.IntN(6)
		var prog []item
		bound := make([]bool, nl)
		for len(prog) < 4+rng.IntN(30) {
			switch r := rng.IntN(10); {
			case r < 2:
				prog = append(prog, item{kind: 'm', id: byte(len(prog))})
			case r < 3:
				prog = append(prog, item{kind: 't'})
			case r < 5:
				prog = append(prog, item{kind: 'j', label: rng.IntN(nl)})
			case r < 7:
				prog = append(prog, item{kind: 'c', label: rng.IntN(nl)})
			case r < 8:
				prog = append(prog, item{kind: 'h'})
			default:
				if l := rng.IntN(nl); !bound[l] {
					bound[l] = true
					prog = append(prog, item{kind: 'b', label: l})
				}
			}
		}
		for l := range nl {
			if !bound[l] {
				prog = append(prog, item{kind: 'b', label: l})
			}
		}
		prog = append(prog, item{kind: 'h'})

		// Emit.
		b := NewBuffer(fakeISA)
		labels := make([]Label, nl)
		for i := range labels {
			labels[i] = b.NewLabel()
		}
		size := 0
		for _, it := range prog {
			switch it.kind {
			case 'm':
				b.PutBytes([]byte{0x90, it.id})
				size += 2
			case 't':
				b.Put1(0xF5)
				size++
			case 'h':
				b.Put1(0xC3)
				size++
			case 'j':
				jmp(b, labels[it.label])
				size += 3
			case 'c':
				jcc(b, labels[it.label])
				size += 3
			case 'b':
				b.Bind(labels[it.label])
			}
		}
		code := finish(t, b)
		if len(code) < size {
			shrunk++
		}

		// Run the abstract program.
		pos := make([]int, nl)
		for i, it := range prog {
			if it.kind == 'b' {
				pos[it.label] = i
			}
		}
		const maxSteps, maxMarks = 5000, 200
		var want []byte
		wantHalt := false
		flag := false
		for pc, steps := 0, 0; steps < maxSteps && len(want) < maxMarks; steps++ {
			it := prog[pc]
			pc++
			switch it.kind {
			case 'm':
				want = append(want, it.id)
			case 't':
				flag = !flag
			case 'h':
				wantHalt = true
			case 'j':
				pc = pos[it.label]
			case 'c':
				if flag {
					pc = pos[it.label]
				}
			}
			if wantHalt {
				break
			}
		}

		// Run the machine code.
		var got []byte
		gotHalt := false
		flag = false
		for pc, steps := 0, 0; steps < maxSteps && len(got) < maxMarks; steps++ {
			if pc < 0 || pc >= len(code) {
				t.Fatalf("seed %d: pc %d outside code % x", seed, pc, code)
			}
			disp := func() int { return int(int16(binary.LittleEndian.Uint16(code[pc+1:]))) }
			switch code[pc] {
			case 0x90:
				got = append(got, code[pc+1])
				pc += 2
			case 0xF5:
				flag = !flag
				pc++
			case 0xC3:
				gotHalt = true
			case 0xE9:
				pc = pc + 1 + disp()
			case 0x70, 0x71:
				if flag == (code[pc] == 0x70) {
					pc = pc + 1 + disp()
				} else {
					pc += 3
				}
			default:
				t.Fatalf("seed %d: bad opcode %#x at %d", seed, code[pc], pc)
			}
			if gotHalt {
				break
			}
		}
		if wantHalt && (!gotHalt || !bytes.Equal(got, want)) ||
			!wantHalt && !bytes.Equal(got[:min(len(got), len(want))], want[:min(len(got), len(want))]) {
			t.Fatalf("seed %d: program %v\ncode % x\nwant trace %v (halt %v)\ngot  trace %v (halt %v)", seed, prog, code, want, wantHalt, got, gotHalt)
		}
	}
	if shrunk < 1000 {
		t.Errorf("only %d of 3000 programs were simplified; the test is not exercising the peephole", shrunk)
	}
}

// TestResetKeepsFinishedCode: Code from Finish survives a Reset and reuse.
func TestResetKeepsFinishedCode(t *testing.T) {
	b := NewBuffer(fakeISA)
	b.PutBytes([]byte{1, 2, 3})
	c1 := finish(t, b)
	b.Reset()
	b.PutBytes([]byte{9, 9, 9, 9})
	c2 := finish(t, b)
	if !bytes.Equal(c1, []byte{1, 2, 3}) || !bytes.Equal(c2, []byte{9, 9, 9, 9}) {
		t.Fatalf("after Reset: %x %x", c1, c2)
	}
}

// TestWarmBufferAllocs: once a buffer has held a function, emitting
// another of the same shape into it (labels, branches the buffer
// simplifies and threads, a trap stub and an island) allocates nothing:
// the fixups, label tables and branch records are reused, and Grow
// reserved the code. Only Finish's Code is new.
func TestWarmBufferAllocs(t *testing.T) {
	b := NewBuffer(fakeISA)
	body := func() {
		top, mid, end := b.NewLabel(), b.NewLabel(), b.NewLabel()
		b.Bind(top)
		for i := 0; i < 50; i++ {
			b.PutBytes([]byte{0x90, 0x90})
			jcc(b, mid)
			jmp(b, end) // folded into the jcc when mid is bound next
			b.Bind(mid)
			mid = b.NewLabel()
			jcc(b, b.DeferTrap(7))
		}
		b.Bind(mid)
		jmp(b, top)
		b.EmitIsland(0)
		b.Bind(end)
	}
	round := func() {
		b.Reset()
		b.Grow(4096)
		for range 3 {
			body()
		}
		if _, err := b.Finish(); err != nil {
			t.Fatal(err)
		}
	}
	round()
	// Finish hands the code and its records to a new Code: count what a
	// round allocates beyond that.
	allocs := testing.AllocsPerRun(20, round)
	if allocs > 4 {
		t.Errorf("a round on a warm buffer allocated %v times, want at most 4 (Code, its bytes, its record lists)", allocs)
	}
}

// TestInstSpace: Commit appends exactly the first n bytes written into
// the space, and rejects an n past it.
func TestInstSpace(t *testing.T) {
	b := NewBuffer(fakeISA)
	var want []byte
	for n := 0; n <= 16; n++ {
		p := b.InstSpace()
		for i := range p {
			p[i] = byte(16*n + i)
		}
		b.Commit(n)
		want = append(want, p[:n]...)
	}
	if !bytes.Equal(b.Bytes(), want) || b.Err() != nil {
		t.Fatalf("InstSpace/Commit: got %x (err %v), want %x", b.Bytes(), b.Err(), want)
	}
	b.InstSpace()
	b.Commit(17)
	if b.Err() == nil || b.Len() != len(want) {
		t.Errorf("Commit of 17 bytes: err %v, length %d", b.Err(), b.Len())
	}
}

// TestUseLabelKind: a reference through an interned kind resolves like
// UseLabelAt's, and a kind the buffer did not intern is an error.
func TestUseLabelKind(t *testing.T) {
	b := NewBuffer(fakeISA)
	k := b.KindOf(fakeLong)
	l := b.NewLabel()
	b.PutBytes([]byte{1, 0, 0, 0, 0})
	b.UseLabelKind(1, l, k)
	b.PutBytes([]byte{2, 3})
	b.Bind(l)
	code := finish(t, b)
	if got := follow(t, code, 1, fakeLong); got != 7 {
		t.Errorf("reference resolves to %d, want 7", got)
	}
	b.Reset()
	b.PutBytes([]byte{0, 0, 0, 0})
	b.UseLabelKind(0, b.NewLabel(), Kind(200))
	if b.Err() == nil {
		t.Error("UseLabelKind with a kind the buffer never interned: no error")
	}
}
