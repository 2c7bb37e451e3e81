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
				_ = op.String() // walks br_table and try_table lists
			}
		}
	})
}

// checkSamePath checks that DecodeAndValidate, which skips the separate
// well-formedness pass over bodies, fails exactly when and as Decode
// followed by Validate does.
func checkSamePath(t *testing.T, b []byte, feats Features) {
	t.Helper()
	_, errFast := DecodeAndValidate(b, feats)
	m, errSlow := Decode(b, feats)
	if errSlow == nil {
		errSlow = Validate(m, feats)
	}
	if (errFast == nil) != (errSlow == nil) || (errFast != nil && errFast.Error() != errSlow.Error()) {
		t.Fatalf("DecodeAndValidate: %v\nDecode+Validate:   %v", errFast, errSlow)
	}
	// The same with the bodies validated on three goroutines, started
	// before the data section is decoded, whatever the module's size.
	if _, errPar := forceParallel(feats, 3).DecodeAndValidate(b); !sameError(errPar, errFast) {
		t.Fatalf("DecodeAndValidate on 3 goroutines: %v\nsequential:                         %v", errPar, errFast)
	}
}

// FuzzValidate checks decoding plus validation never panics, that
// validation is deterministic, and that both ways of running it agree.
func FuzzValidate(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, feats := range []Features{FeaturesAll, Features2_0} {
			checkSamePath(t, b, feats)
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

// richModule returns a module with a bit of everything (function, struct
// and array types, two memories, a table, globals, a tag, element and data
// segments) whose function 0 has the given instruction bytes as its body.
// FuzzValidateBody mutates only the body, so the fuzzer spends its time in
// the function validator rather than in section framing.
func richModule(expr []byte) []byte {
	// Locals 0-200 are i32 and 201-300 i64, so both one- and two-byte
	// local indices name locals (the validator has a fast path for
	// one-byte ones).
	locals := vec(local(201, tI32), local(100, tI64))
	b := cat(uleb(uint64(len(locals)+len(expr))), locals, expr)
	return module(
		typeSec(
			ft()(),
			ft(tI32)(tI32),
			structType(field(tI32, true), field([]byte{0x78}, false)),
			arrayType(field(tI64, true)),
			ft(tI32, tI64)(),
		),
		funcSec(0, 1),
		tableSec(table(tFuncRef, 10)),
		memorySec(mem(1), []byte{0x04, 1}),
		tagSec(cat([]byte{0}, uleb(4))),
		globalSec(global(tI32, true, i32c(0)), global(tFuncRef, false, refFunc(1))),
		elemSec(cat(uleb(3), []byte{0}, vec(uleb(0)))),
		dataCountSec(1),
		codeSec(b, body(nil, localGet(0))),
		dataSec(cat(uleb(1), str("abc"))),
	)
}

// bodySeeds are valid bodies for richModule's function 0.
var bodySeeds = [][]byte{
	cat(op(end)),
	cat(i32c(1), op(0x04, 0x40), op(0x05), op(end), op(end)),
	cat(op(0x02, 0x7f), i32c(1), localGet(0), op(0x0e, 1, 0, 0), op(end), op(drop), op(end)),
	cat(i32c(0), i32c(1), prefixed(0xfb, 0, uleb(2)), prefixed(0xfb, 2, uleb(2), uleb(0)), op(drop), op(end)),
	cat(i64c(0), i32c(3), prefixed(0xfb, 6, uleb(3)), op(drop), op(end)),
	cat(op(0x1f, 0x40), vec(cat([]byte{2}, uleb(0))), i32c(0), i64c(0), op(0x08, 0), op(end), op(end)),
	cat(i32c(0), op(0x28, 2, 0), i64c(0), op(0x28, 0x42, 1, 0), op(drop), op(drop), op(end)),
	cat(i32c(0), i32c(0), i32c(3), prefixed(0xfc, 8, uleb(0), uleb(0)), op(end)),
	cat(refFunc(0), op(0x14, 0), op(end)),
	cat(i32c(0), prefixed(0xfd, 0x0f), prefixed(0xfd, 0x1b, []byte{1}), localSet(0), op(end)),
}

func TestRichModuleBodies(t *testing.T) {
	for i, s := range bodySeeds {
		if _, err := DecodeAndValidate(richModule(s), FeaturesAll); err != nil {
			t.Errorf("seed %d: %v", i, err)
		}
	}
}

func FuzzValidateBody(f *testing.F) {
	for _, s := range bodySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr []byte) {
		bin := richModule(expr)
		checkSamePath(t, bin, FeaturesAll)
		m, err := Decode(bin, FeaturesAll)
		if err != nil {
			return
		}
		verr := Validate(m, FeaturesAll)
		if verr != nil {
			if _, ok := verr.(*Error); !ok {
				t.Fatalf("error of type %T: %v", verr, verr)
			}
		}
		// The streaming validator agrees on the body-level verdict.
		if e, ok := verr.(*Error); verr == nil || ok && e.Func >= 0 {
			serr := stepAll(m, FeaturesAll)
			if (serr == nil) != (verr == nil) || (serr != nil && serr.Error() != verr.Error()) {
				t.Fatalf("Validate: %v\nFuncValidator: %v", verr, serr)
			}
		}
	})
}
