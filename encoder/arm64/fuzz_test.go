package arm64

import (
	"math/rand/v2"
	"testing"
)

// checkRoundTrip encodes op with vals; if Encode accepts them, x/arch must
// decode the word to exactly Format's text (unless the case is printed as
// an alias, or x/arch cannot decode the row at all).
func checkRoundTrip(t *testing.T, op Op, vals []int64) {
	in, err := Encode(op, vals...)
	if err != nil {
		return
	}
	if aop, avals, ok := bitfieldAlias(op, vals); ok {
		op, vals = aop, avals
	}
	if skipReason(op, vals) != "" || xarchCannotDecode(op) != "" {
		return
	}
	want := Format(op, vals...)
	if q, ok := xarchQuirks[op]; ok {
		want = q.rewrite(want, vals)
	}
	got, err := decodeXArch(in)
	if err != nil {
		t.Fatalf("%s %#x: %08x does not decode: %v", op, vals, uint32(in), err)
	}
	if d := compareText(got, want); d != "" {
		t.Fatalf("%s %#x: %08x: x/arch %q, want %q: %s", op, vals, uint32(in), got, want, d)
	}
}

// FuzzEncode draws a row and valid operands for it from the fuzzer's
// numbers, encodes, decodes with x/arch and compares operand by operand.
func FuzzEncode(f *testing.F) {
	for _, op := range []Op{ADDXi, LDRXpre, TBL3, MOVXbm, TBZ, UMOVD, CASALX} {
		f.Add(uint16(op), uint64(1))
	}
	f.Fuzz(func(t *testing.T, opn uint16, seed uint64) {
		op := Op(int(opn) % len(opRows))
		g := &gen{rnd: rand.New(rand.NewPCG(seed, uint64(opn)))}
		vals := g.fill(&opRows[op], 0, nil)
		if _, err := Encode(op, vals...); err != nil && (!unpredictableErr(err) || !mayBeUnpredictable(op)) {
			t.Fatalf("%s %#x: generated operands rejected: %v", op, vals, err)
		}
		checkRoundTrip(t, op, vals)
	})
}

// FuzzEncodeRaw feeds arbitrary operand values: Encode must never panic,
// and whatever it accepts must decode to what Format says (no silently
// wrong bytes for out-of-range immediates or wrong register classes).
func FuzzEncodeRaw(f *testing.F) {
	f.Add(uint16(ADDXi), int64(X1), int64(X2), int64(4095), int64(12), int64(0))
	f.Add(uint16(LDRXro), int64(X1), int64(X2), int64(X3), int64(3<<8|3), int64(0))
	f.Add(uint16(SHL), int64(A4S), int64(V(1)), int64(V(2)), int64(31), int64(0))
	f.Add(uint16(ANDWri), int64(W1), int64(W2), int64(0xff), int64(0), int64(0))
	f.Add(uint16(Bcc), int64(EQ), int64(-1<<20), int64(0), int64(0), int64(0))
	f.Fuzz(func(t *testing.T, opn uint16, a, b, c, d, e int64) {
		op := Op(int(opn) % len(opRows))
		vals := []int64{a, b, c, d, e}[:min(5, op.NumVals())]
		for len(vals) < op.NumVals() {
			vals = append(vals, a^b)
		}
		checkRoundTrip(t, op, vals)
		_ = Format(op, vals...)
	})
}
