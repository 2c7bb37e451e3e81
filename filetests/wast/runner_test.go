package wast

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fakeValidator rejects binaries containing a marker byte sequence.
type fakeValidator struct{}

func (fakeValidator) DecodeValidate(bin []byte) (bool, error) {
	switch {
	case bytes.Contains(bin, []byte("MALFORMED")):
		return true, errors.New("unexpected end")
	case bytes.Contains(bin, []byte("INVALID")):
		return false, errors.New("type mismatch: expected i32")
	}
	return false, nil
}

func TestRunnerOutcomes(t *testing.T) {
	script := `
(module (func (export "f") (result i32) (i32.const 1)))
(assert_return (invoke "f") (i32.const 1))
(assert_invalid (module (export "INVALID" (func 0)) (func)) "type mismatch")
(assert_invalid (module (export "INVALID" (func 0)) (func)) "unknown global")
(assert_invalid (module (func)) "type mismatch")
(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
(assert_malformed (module quote "(func (i32.const 0x))") "unexpected token")
(assert_malformed (module quote "(func)") "unexpected token")
(assert_malformed (module binary "MALFORMED") "unexpected end")
(assert_malformed (module binary "MALFORMED") "integer too large")
(register "m")
`
	r := &Runner{Validator: fakeValidator{}}
	reps := r.Run("t.wast", []byte(script))
	want := []struct {
		cmd string
		out Outcome
	}{
		{"module", Passed},
		{"assert_return", Skipped},
		{"assert_invalid", Passed},
		{"assert_invalid", Failed}, // wrong reason
		{"assert_invalid", Failed}, // valid
		{"assert_malformed", Passed},
		{"assert_malformed", Failed}, // wrong reason
		{"assert_malformed", Failed}, // well-formed
		{"assert_malformed", Passed},
		{"assert_malformed", Failed}, // wrong reason
		{"register", Skipped},
	}
	if len(reps) != len(want) {
		t.Fatalf("got %d reports, want %d: %+v", len(reps), len(want), reps)
	}
	for i, w := range want {
		if reps[i].Command != w.cmd || reps[i].Outcome != w.out {
			t.Errorf("report %d (line %d): got %s/%d (%s), want %s/%d", i, reps[i].Line, reps[i].Command, reps[i].Outcome, reps[i].Message, w.cmd, w.out)
		}
	}
	var out strings.Builder
	c := Summarise(&out, reps)
	if c != (Counts{Passed: 4, Failed: 5, Skipped: 2}) {
		t.Errorf("counts %+v", c)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "4 passed, 5 failed, 2 skipped" {
		t.Errorf("last line %q", last)
	}
	if !strings.Contains(out.String(), "t.wast:5: assert_invalid: wrong reason") {
		t.Errorf("failure line missing file:line: directive: message:\n%s", out.String())
	}
}

func TestMatches(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		ok        bool
	}{
		{"type mismatch", "offset 0x1c: func 0: type mismatch: expected i32, got i64", true},
		{"unknown operator", "1:7: unknown operator foo", true},
		{"Unknown Operator", "unknown operator foo", true},
		{"unexpected end", "length out of bounds: 4 bytes", false},
		{"unknown global", "unknown func 0", false},
	} {
		if got := Matches(tc.want, tc.got); got != tc.ok {
			t.Errorf("Matches(%q, %q) = %v", tc.want, tc.got, got)
		}
	}
}

func TestProfileFor(t *testing.T) {
	if p := ProfileFor("../shared/upstream/spec-testsuite/proposals/threads/atomic.wast"); p.Name != "threads" {
		t.Errorf("threads suite got profile %q", p.Name)
	}
	if p := ProfileFor("/x/core/i32.wast"); p.Name != DefaultProfile.Name {
		t.Errorf("core got profile %q", p.Name)
	}
}
