package ir

import (
	"os"
	"path/filepath"
	"testing"
)

func sigOf(t *testing.T, text string) *Signature {
	t.Helper()
	f, err := ParseFile("sig", []byte("function %f"+text+" {\nblock0:\n    trap user1\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	return &f.Functions[0].Func.Signature
}

func TestParseRunCommand(t *testing.T) {
	for _, tc := range []struct {
		sig, line, want string
	}{
		{"(i64, i64) -> i64", "; run: %add_i64(0x7FFFFFFF_FFFFFFFF, 0x80000000_00000000) == -1", "run: %add_i64(9223372036854775807, -9223372036854775808) == -1"},
		{"(i8) -> i8", "run: %f(0xff) != 255", "run: %f(-1) != -1"},
		{"(i64, i64) -> i64, i64", "; run: %iconcat_isplit(1, 1) == [1, 1]", "run: %iconcat_isplit(1, 1) == [1, 1]"},
		{"(f32, f32) -> f32", "; run: %fadd_f32(-0x0.0, +Inf) == +Inf", "run: %fadd_f32(-0.0, +Inf) == +Inf"},
		{"(f32, f32) -> i8", ";; run: %fmin(0x0.0, +NaN:0x1) == 1", "run: %fmin(0.0, +NaN:0x1) == 1"},
		{"(f64) -> f64", "run: %f(-sNaN:0x1) == NaN", "run: %f(-sNaN:0x1) == +NaN"},
		{"(i16x8, i16x8) -> i16x8", "; run: %iadd_i16x8([1 1 1 1 1 1 1 1], [1 2 3 4 5 6 7 8]) == [2 3 4 5 6 7 8 9]", "run: %iadd_i16x8([1 1 1 1 1 1 1 1], [1 2 3 4 5 6 7 8]) == [2 3 4 5 6 7 8 9]"},
		{"(i8x16) -> i8x16", "run: %f(0x0f0e0d0c0b0a09080706050403020100) == [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15]", "run: %f([0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15]) == [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15]"},
		{"(i128) -> i128", "run: %f(0xFFFFFFFF_FFFFFFFF_00000000_00000000) == -18446744073709551616", "run: %f(-18446744073709551616) == -18446744073709551616"},
		{"() -> i8", "; run", "run"},
		{"(i32)", "; print: %p(3)", "print: %p(3)"},
		{"()", "run: %f() == []", "run: %f() == []"},
		{"(i16) system_v", "; run: %my_fn(6330)", "run: %my_fn(6330) == []"},
	} {
		rc, err := ParseRunCommand(tc.line, sigOf(t, tc.sig))
		if err != nil || rc == nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if got := rc.String(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.line, got, tc.want)
		}
	}
	rc, _ := ParseRunCommand(" run", sigOf(t, "() -> i32"))
	if rc.Cmp != CmpNe || rc.Expected[0] != DataI32(0) {
		t.Errorf("bare run = %+v", rc)
	}
	for _, tc := range []struct{ sig, line string }{
		{"(i8) -> i8", "run: %f(256) == 0"},
		{"(i8) -> i8", "run: %f(1, 2) == 0"},
		{"(i8) -> i8", "run: %f(1) = 0"},
		{"(i32x4) -> i8", "run: %f([1 2 3]) == 0"},
		{"(f32) -> i8", "run: %f(1.5) == 0"},
		{"(i8, i8) -> i8, i8", "run: %f(1, 2) == 3"},
		{"(i32) -> i32", "run"},
	} {
		if rc, err := ParseRunCommand(tc.line, sigOf(t, tc.sig)); err == nil {
			t.Errorf("%q parsed as %v", tc.line, rc)
		}
	}
	if rc, err := ParseRunCommand(";; run with the env var set", sigOf(t, "(i32)")); rc != nil || err != nil {
		t.Errorf("prose comment taken as a command: %v %v", rc, err)
	}
}

// Every run and print line in the corpora parses with its function's
// signature, and prints back to a line that parses to the same values.
func TestCorpusRunLines(t *testing.T) {
	var n int
	for _, path := range corpusFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		file, err := ParseFile(path, src)
		if err != nil {
			continue
		}
		for _, ff := range file.Functions {
			for _, c := range ff.Comments {
				rc, err := ParseRunCommand(c.Text, &ff.Func.Signature)
				if err != nil {
					t.Errorf("%s:%d: %v", filepath.Base(path), c.Line, err)
					continue
				}
				if rc == nil {
					continue
				}
				n++
				again, err := ParseRunCommand(rc.String(), &ff.Func.Signature)
				if err != nil || again.String() != rc.String() {
					t.Errorf("%s:%d: %s does not round-trip: %v", filepath.Base(path), c.Line, rc, err)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no run lines found")
	}
	t.Logf("%d run/print commands parsed", n)
}
