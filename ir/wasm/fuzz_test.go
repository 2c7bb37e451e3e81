package wasm

import (
	"testing"
)

// fuzzSeeds returns small valid modules from the test tables, the
// malformed and invalid cases, and slices of the strconv binary when it
// can be built.
func fuzzSeeds(f *testing.F) {
	f.Add(everySection())
	for _, c := range malformedCases() {
		f.Add(c.bin)
	}
	for _, c := range invalidCases() {
		f.Add(c.bin)
	}
	if testing.Short() {
		return
	}
	bin, err := strconvWasm()
	if err != nil {
		return
	}
	// The header plus windows of the real binary: section headers,
	// function bodies and data cut at arbitrary points.
	for _, n := range []int{64, 1 << 10, 16 << 10} {
		f.Add(bin[:n])
	}
	m, err := Decode(bin, FeaturesAll)
	if err != nil {
		return
	}
	// A few real function bodies, each in a module with every type of
	// the original so that calls and blocks type-check.
	for _, i := range []int{0, 1, len(m.Code) / 2, len(m.Code) - 1} {
		c := m.Code[i]
		b := module(typeSec(ft()()), funcSec(0), codeSec(cat(uleb(uint64(len(c.Body))), c.Body)))
		f.Add(b)
	}
}

// FuzzDecode checks the decoder never panics or hangs, and that
// successfully decoded bodies can be walked with the operator reader.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b, FeaturesAll)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		var op Operator
		for i := range m.Code {
			c := &m.Code[i]
			or := NewOperatorReader(c.Expr, c.ExprOffset)
			for !or.Done() {
				if err := or.Read(&op); err != nil {
					break
				}
				if op.Offset < c.ExprOffset || op.Offset >= c.ExprOffset+len(c.Expr) {
					t.Fatalf("operator offset %#x outside body [%#x, %#x)", op.Offset, c.ExprOffset, c.ExprOffset+len(c.Expr))
				}
				it := op.Targets.Iter()
				for _, ok := it.Next(); ok; _, ok = it.Next() {
				}
			}
		}
	})
}

// FuzzValidate checks decoding plus validation never panics, and that
// validation is deterministic.
func FuzzValidate(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, feats := range []Features{FeaturesAll, Features2_0} {
			m, err := Decode(b, feats)
			if err != nil {
				continue
			}
			err1 := Validate(m, feats)
			err2 := Validate(m, feats)
			if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
				t.Fatalf("validation not deterministic: %v vs %v", err1, err2)
			}
			if err1 != nil {
				if _, ok := err1.(*Error); !ok {
					t.Fatalf("error of type %T: %v", err1, err1)
				}
			}
		}
	})
}
