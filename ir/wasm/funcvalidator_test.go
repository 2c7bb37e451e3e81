package wasm

import (
	"testing"
)

// stepAll validates every body of m with FuncValidator and returns the
// first error.
func stepAll(m *Module, f Features) error {
	var op Operator
	for i := range m.Code {
		fv, err := NewFuncValidator(m, f, i)
		if err != nil {
			return err
		}
		c := &m.Code[i]
		r := NewOperatorReaderFeatures(c.Expr, c.ExprOffset, f)
		for !r.Done() {
			if err := r.Read(&op); err != nil {
				return err
			}
			if err := fv.Step(&op); err != nil {
				return err
			}
		}
		if err := fv.Finish(); err != nil {
			return err
		}
	}
	return nil
}

// TestFuncValidatorAgrees checks the streaming validator gives the same
// verdict and error as Validate on every body-level case of the invalid
// table and on the strconv binary.
func TestFuncValidatorAgrees(t *testing.T) {
	compared := 0
	for _, tc := range invalidCases() {
		f := tc.features
		if f == 0 {
			f = FeaturesAll
		}
		m, err := Decode(tc.bin, f)
		if err != nil {
			continue
		}
		// Module-level errors are Validate's alone; compare only
		// modules whose failure is inside a body.
		verr := Validate(m, f)
		e, ok := verr.(*Error)
		if !ok || e.Func < 0 {
			continue
		}
		compared++
		serr := stepAll(m, f)
		if serr == nil || serr.Error() != verr.Error() {
			t.Errorf("%s: Validate: %v; FuncValidator: %v", tc.name, verr, serr)
		}
	}
	if compared < 30 {
		t.Errorf("only %d body-level cases compared", compared)
	}
	if testing.Short() {
		return
	}
	bin := needStrconv(t)
	m, err := DecodeAndValidate(bin, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	if err := stepAll(m, FeaturesAll); err != nil {
		t.Fatal(err)
	}
}

func TestFuncValidatorOperands(t *testing.T) {
	bin := fn(list(tI32), list(tI64), localGet(0), op(0xac), i32c(1), op(drop))
	m, err := DecodeAndValidate(bin, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	fv, err := NewFuncValidator(m, FeaturesAll, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := &m.Code[0]
	r := NewOperatorReader(c.Expr, c.ExprOffset)
	var stacks []string
	var op Operator
	for !r.Done() {
		if err := r.Read(&op); err != nil {
			t.Fatal(err)
		}
		if err := fv.Step(&op); err != nil {
			t.Fatal(err)
		}
		stacks = append(stacks, typeList(fv.Operands()))
	}
	want := []string{"[i32]", "[i64]", "[i64 i32]", "[i64]", "[i64]"}
	if len(stacks) != len(want) {
		t.Fatalf("stacks %v", stacks)
	}
	for i := range want {
		if stacks[i] != want[i] {
			t.Errorf("after op %d: %s, want %s", i, stacks[i], want[i])
		}
	}
	if fv.Depth() != 0 || fv.Finish() != nil {
		t.Errorf("depth %d, finish %v", fv.Depth(), fv.Finish())
	}
	if err := fv.Step(&op); err == nil {
		t.Error("step after the final end accepted")
	}
}
