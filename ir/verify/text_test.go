package verify

import (
	"strings"
	"testing"
)

// TestInstText: the context text of each instruction reads like the line
// it was parsed from (type suffixes aside, which the printer writes only
// when the operand is defined in another block).
func TestInstText(t *testing.T) {
	lines := []string{
		"v1 = iconst.i64 0x0001_0000",
		"v2 = f32const 0x1.800000p1",
		"v3 = icmp ult v0, v1",
		"v4 = load.i32 notrap aligned v0+8",
		"store little v4, v0-4",
		"v5 = atomic_rmw.i64 xchg v0, v1",
		"v6 = stack_addr.i64 ss0+4",
		"v7 = uadd_overflow_trap v1, v1, user3",
		"trapnz v3, int_divz",
		"v8 = call fn0(v0, v1)",
		"brif v3, block1(v0), block2",
	}
	src := "function %f(i64) {\n    ss0 = explicit_slot 8\n    fn0 = %g(i64, i64) -> i64\nblock0(v0: i64):\n    " +
		strings.Join(lines, "\n    ") + "\nblock1(v9: i64):\n    return\nblock2:\n    return\n}\n"
	f := parseOne(t, src)
	i := 0
	for inst := range f.Layout.BlockInsts(f.Layout.EntryBlock()) {
		if got := instText(f, inst); got != lines[i] {
			t.Errorf("instText = %q, want %q", got, lines[i])
		}
		i++
	}
}
