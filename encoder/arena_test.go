package encoder

import (
	"bytes"
	"testing"
)

// TestFinishIntoKeepsCode: Code finished into an arena survives the
// buffer's reuse, records included, and equals what Finish returns.
func TestFinishIntoKeepsCode(t *testing.T) {
	var a Arena
	b := NewBuffer(fakeISA)
	var codes []*Code
	for n := range 200 {
		b.Reset()
		b.SetSrcLoc(uint32(n))
		b.AddTrap(TrapCode(n % 7))
		b.PutBytes(bytes.Repeat([]byte{byte(n)}, 1+n*37%5000))
		b.AddReloc(RelocAbs8, Symbol{Kind: SymFunc, Index: uint32(n)}, int64(n))
		b.Put8(0)
		c, err := b.FinishInto(&a)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, c)
	}
	for n, c := range codes {
		size := 1 + n*37%5000
		if len(c.Bytes) != size+8 || c.Bytes[0] != byte(n) || c.Bytes[size-1] != byte(n) {
			t.Fatalf("function %d: %d bytes, %x...", n, len(c.Bytes), c.Bytes[:1])
		}
		if len(c.Traps) != 1 || c.Traps[0].Code != TrapCode(n%7) ||
			len(c.Relocs) != 1 || c.Relocs[0].Target.Index != uint32(n) || c.Relocs[0].Offset != uint32(size) ||
			len(c.SrcLocs) != 1 || c.SrcLocs[0].Loc != uint32(n) || c.SrcLocs[0].End != uint32(size+8) {
			t.Fatalf("function %d: records %+v %+v %+v", n, c.Traps, c.Relocs, c.SrcLocs)
		}
	}
}

// TestFinishIntoReusesStorage: a buffer finished into an arena grows no
// new code storage for a function no larger than the last.
func TestFinishIntoReusesStorage(t *testing.T) {
	var a Arena
	b := NewBuffer(fakeISA)
	body := bytes.Repeat([]byte{0x90}, 1000)
	round := func() {
		b.Reset()
		b.SetSrcLoc(1)
		b.AddTrap(3)
		b.PutBytes(body)
		if _, err := b.FinishInto(&a); err != nil {
			t.Fatal(err)
		}
	}
	round()
	// Each round allocates only the Code and, now and then, an arena block.
	if n := testing.AllocsPerRun(100, round); n > 1.1 {
		t.Errorf("%.1f allocations per function", n)
	}
}
