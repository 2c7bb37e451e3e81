package wast

import (
	"errors"
	"testing"

	"kiln/ir/wasm/wast"
)

// fakeTier answers invocations from a table keyed by export name.
type fakeTier struct {
	results map[string][]wast.Value
	errs    map[string]error
	insts   []string
}

func (f *fakeTier) Name() string { return "fake" }
func (f *fakeTier) Instantiate(id string, bin []byte) error {
	f.insts = append(f.insts, id)
	return nil
}
func (f *fakeTier) Register(as, id string) error { return nil }
func (f *fakeTier) Invoke(id, name string, args []wast.Value) ([]wast.Value, error) {
	if err := f.errs[name]; err != nil {
		return nil, err
	}
	return f.results[name], nil
}
func (f *fakeTier) Get(id, name string) (wast.Value, error) { return f.results[name][0], nil }

type exnError struct{}

func (exnError) Error() string      { return "uncaught exception" }
func (exnError) UncaughtException() {}

func TestRunnerWithTier(t *testing.T) {
	tier := &fakeTier{
		results: map[string][]wast.Value{
			"one":   {{Type: wast.I32, Lo: 1}},
			"cnan":  {{Type: wast.F32, Lo: 0xffc00000}},
			"anan":  {{Type: wast.F64, Lo: 0x7ff8000000000001}},
			"snan":  {{Type: wast.F32, Lo: 0x7f800001}},
			"lanes": {{Type: wast.V128, Lo: 0x3f800000_7fc00000, Hi: 0}},
			"null":  {{Type: wast.Ref, Ref: wast.RefNull}},
			"ext":   {{Type: wast.Ref, Ref: wast.RefExtern, HasIndex: true, Index: 7}},
		},
		errs: map[string]error{
			"trap":  errors.New("wasm trap: integer divide by zero"),
			"throw": exnError{},
		},
	}
	script := `
(module $m (func))
(assert_return (invoke "one") (i32.const 1))
(assert_return (invoke "one") (i32.const 2))
(assert_return (invoke "cnan") (f32.const nan:canonical))
(assert_return (invoke "anan") (f64.const nan:arithmetic))
(assert_return (invoke "anan") (f64.const nan:canonical))
(assert_return (invoke "snan") (f32.const nan:arithmetic))
(assert_return (invoke "lanes") (v128.const f32x4 nan:canonical 1.0 0 0))
(assert_return (invoke "null") (ref.null))
(assert_return (invoke "ext") (either (ref.extern 1) (ref.extern 7)))
(assert_trap (invoke "trap") "integer divide by zero")
(assert_trap (invoke "trap") "unreachable")
(assert_exception (invoke "throw"))
(assert_exception (invoke "trap"))
(thread $t)
`
	r := &Runner{Validator: fakeValidator{}, Tier: tier}
	reps := r.Run("x.wast", []byte(script))
	want := []Outcome{Passed, Passed, Failed, Passed, Passed, Failed, Failed, Passed, Passed, Passed, Passed, Failed, Passed, Failed, Skipped}
	if len(reps) != len(want) {
		t.Fatalf("got %d reports, want %d", len(reps), len(want))
	}
	for i, w := range want {
		if reps[i].Outcome != w {
			t.Errorf("line %d (%s): outcome %d, want %d: %s", reps[i].Line, reps[i].Command, reps[i].Outcome, w, reps[i].Message)
		}
	}
	if len(tier.insts) != 1 || tier.insts[0] != "$m" {
		t.Errorf("instantiated %v, want [$m]", tier.insts)
	}
}
