package filetests

import (
	"strings"
	"testing"
)

func checker(t *testing.T, lines ...string) *Checker {
	t.Helper()
	c := &Checker{}
	for i, l := range lines {
		d, ok := ParseDirective(l, i+1)
		if !ok {
			t.Fatalf("not a directive: %q", l)
		}
		c.Directives = append(c.Directives, d)
	}
	return c
}

const sample = `function %f(i32) -> i32 fast {
block0(v0: i32):
    v1 = iconst.i32 1
    v2 = iadd v0, v1
    return v2
}
`

func TestFilecheck(t *testing.T) {
	tests := []struct {
		name       string
		directives []string
		wantErr    string // substring; "" = must pass
	}{
		{"check in order", []string{"check: block0", "check: iadd", "check: return"}, ""},
		{"check out of order", []string{"check: return", "check: iadd"}, "no match"},
		{"word boundary", []string{"check: v1 = iconst"}, ""},
		{"word boundary rejects partial", []string{"check: add v0"}, "no match"},
		{"sameln first line", []string{"sameln: function %f(i32)"}, ""},
		{"sameln", []string{"check: v2 =", "sameln: iadd"}, ""},
		{"sameln wrong line", []string{"check: v1 =", "sameln: iadd"}, "no match"},
		{"nextln", []string{"check: block0", "nextln: iconst", "nextln: iadd", "nextln: return"}, ""},
		{"nextln skips a line", []string{"check: block0", "nextln: iadd"}, "no match"},
		{"not between", []string{"check: iconst", "not: imul", "check: return"}, ""},
		{"not violated", []string{"check: block0", "not: iadd", "check: return"}, "forbidden"},
		{"not at end", []string{"check: iadd", "not: iconst"}, ""},
		{"not at end violated", []string{"check: iconst", "not: return"}, "forbidden"},
		{"unordered", []string{"check: block0", "unordered: return", "unordered: iconst", "check: }"}, ""},
		{"unordered missing", []string{"unordered: imul", "unordered: iconst"}, "no match"},
		{"unordered must precede the next check", []string{"check: block0", "unordered: return", "check: iadd"}, "no match between lines"},
		{"unordered at the end", []string{"check: iconst", "unordered: return", "unordered: iadd"}, ""},
		{"unordered does not overlap", []string{"unordered: v0", "unordered: v0", "unordered: v0", "unordered: v0"}, "no match"},
		{"check after unordered starts at the previous ordered match", []string{"check: block0", "unordered: return", "check: iconst"}, "no match between lines"},
		{"define and use", []string{"check: $(X=v\\d+) = iconst", "check: iadd v0, $X"}, ""},
		{"define and use mismatch", []string{"check: $(X=v\\d+) = iadd", "check: iadd v0, $X"}, "no match"},
		{"regex variable", []string{"regex: V=v\\d+", "check: $V = iadd $V, $V"}, ""},
		{"regex variable in definition", []string{"regex: V=v\\d+", "check: $(R=$V) = iconst", "check: return $R"}, "no match"},
		{"undefined variable", []string{"check: $NOPE"}, "undefined variable"},
		{"dollar literal", []string{"check: $$"}, "no match"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := checker(t, tc.directives...).Check(sample)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("unexpected failure: %v", err)
			case tc.wantErr != "" && err == nil:
				t.Errorf("passed, want error containing %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Errorf("error %q does not contain %q", err, tc.wantErr)
			}
		})
	}
}

func TestParseDirective(t *testing.T) {
	for _, tc := range []struct {
		text string
		ok   bool
		kind DirectiveKind
		pat  string
	}{
		{" check: v1 = iadd", true, DirCheck, "v1 = iadd"},
		{"; nextln:   return", true, DirNextln, "return"},
		{" error: bad", false, 0, ""},
		{" run: %f() == 1", false, 0, ""},
		{" checking: x", false, 0, ""},
	} {
		d, ok := ParseDirective(tc.text, 1)
		if ok != tc.ok || ok && (d.Kind != tc.kind || d.Pattern != tc.pat) {
			t.Errorf("ParseDirective(%q) = %+v, %v", tc.text, d, ok)
		}
	}
}

func FuzzFilecheck(f *testing.F) {
	f.Add("check: $(X=v\\d+) = iconst", sample)
	f.Add("regex: V=(", sample)
	f.Add("unordered: $(A=)", "")
	f.Fuzz(func(t *testing.T, directive, text string) {
		d, ok := ParseDirective(directive, 1)
		if !ok {
			return
		}
		c := &Checker{Directives: []Directive{d, d}}
		_ = c.Check(text) // must not panic
	})
}
