package encoder

import (
	"slices"
	"testing"
)

// FuzzBuffer drives a Buffer with an arbitrary sequence of requests,
// including invalid ones (unknown labels, fields outside the code, double
// binds, bad alignments, branches that are not the last instruction). The
// buffer must never panic; Finish either returns an error or code whose
// records all point inside it.
func FuzzBuffer(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte{0, 0, 3, 1, 0, 2, 0, 0, 1, 1, 5, 9, 9, 9})
	f.Add([]byte{4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 1, 1, 1, 1, 12, 12})
	f.Fuzz(runScript)
}

// runScript interprets script as a sequence of buffer requests. The same
// requests to a buffer that finished them once into an arena and was reset
// must finish into it with the same code and records.
func runScript(t *testing.T, script []byte) {
	b := NewBuffer(fakeISA)
	code, err := drive(b, script)
	if err != nil {
		return
	}
	var a Arena
	reused := NewBuffer(fakeISA)
	for round := range 2 {
		reused.Reset()
		drive(reused, script)
		again, err := reused.FinishInto(&a)
		if err != nil || !sameCode(again, code) {
			t.Fatalf("round %d into an arena: %v\n%+v\nwant %+v", round, err, again, code)
		}
	}
	n := uint32(len(code.Bytes))
	for _, r := range code.Relocs {
		if r.Offset > n {
			t.Fatalf("reloc at %d outside %d bytes", r.Offset, n)
		}
	}
	for _, tr := range code.Traps {
		if tr.Offset > n {
			t.Fatalf("trap at %d outside %d bytes", tr.Offset, n)
		}
	}
	for i, s := range code.SrcLocs {
		if s.Start >= s.End || s.End > n || i > 0 && code.SrcLocs[i-1].End > s.Start {
			t.Fatalf("bad srcloc ranges %v for %d bytes", code.SrcLocs, n)
		}
	}
}

// sameCode reports whether x and y hold the same code and records (an
// empty list and none are the same).
func sameCode(x, y *Code) bool {
	return slices.Equal(x.Bytes, y.Bytes) && slices.Equal(x.Relocs, y.Relocs) && slices.Equal(x.Traps, y.Traps) &&
		slices.Equal(x.SrcLocs, y.SrcLocs) && slices.Equal(x.Data, y.Data) && x.Alignment == y.Alignment
}

// drive makes the requests of script to b and finishes it.
func drive(b *Buffer, script []byte) (*Code, error) {
	var labels []Label
	next := func() int {
		if len(script) == 0 {
			return 0
		}
		v := int(script[0])
		script = script[1:]
		return v
	}
	label := func() Label {
		v := next()
		if v < len(labels) {
			return labels[v]
		}
		return Label(v - 3) // sometimes invalid
	}
	kinds := []fakeUse{fakeShort, fakeMid, fakeLong, fakeLit}
	for steps := 0; len(script) > 0 && steps < 500; steps++ {
		switch next() % 14 {
		case 0:
			labels = append(labels, b.NewLabel())
		case 1:
			b.Bind(label())
		case 2:
			n := next() % 8
			b.PutBytes(make([]byte, n+1))
		case 3:
			start := b.Len()
			b.PutBytes([]byte{0x70, 0, 0})
			b.UseLabelAt(start+1-next()%3, label(), kinds[next()%len(kinds)])
		case 4:
			l := label()
			start := b.Len()
			b.PutBytes([]byte{0xE9, 0, 0})
			b.UseLabelAt(start+1, l, fakeMid)
			b.AddUncondBranch(start-next()%2, b.Len(), l)
		case 5:
			l := label()
			start := b.Len()
			b.PutBytes([]byte{0x70, 0, 0})
			b.UseLabelAt(start+1, l, fakeMid)
			b.AddCondBranch(start, b.Len(), l, []byte{0x71, 0, 0}[:1+next()%3])
		case 6:
			c := b.UseConstant([]byte{byte(next()), 1, 2, 3}, 1<<(next()%6))
			start := b.Len()
			b.PutBytes([]byte{0x58, 0, 0})
			b.UseLabelAt(start+1, c, fakeLit)
		case 7:
			l := b.DeferTrap(TrapCode(next()))
			start := b.Len()
			b.PutBytes([]byte{0x72, 0, 0})
			b.UseLabelAt(start+1, l, fakeShort)
		case 8:
			b.SetSrcLoc(uint32(next()))
		case 9:
			b.AddTrap(TrapCode(next()))
		case 10:
			b.AddRelocAt(b.Len()-next()%4, RelocAbs8, Symbol{SymFunc, 1}, 0)
		case 11:
			if b.IslandNeeded(next()) {
				b.EmitIsland(next())
			}
		case 12:
			b.EmitIsland(next())
		}
	}
	return b.Finish()
}
