package main

import (
	"regexp"
	"strings"
	"testing"
)

const compareModule = `(module
  (import "env" "f" (func $imported (param i32)))
  (func $square (export "sq") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $sum (param i32) (result i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (call $square (local.get 0))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (local.get 0)))
    (local.get $acc))
  (func (export "anon") (result i64) (i64.const 7)))`

// TestCompare checks the structure of the report: a section per defined
// function with both tiers' sizes, two disassembly columns, call targets
// named, and totals that add up.
func TestCompare(t *testing.T) {
	src := writeFile(t, "m.wat", compareModule)
	code, out, stderr := kilnCmd("compare", src)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"== $square (func 1) (i32) -> (i32) ==",
		"== $sum (func 2) (i32) -> (i32) ==",
		`== "anon" (func 3) () -> (i64) ==`,
		"--- baseline ---", "--- optimizing ---",
		"; $square", // the call in $sum, named from its relocation
		"== totals (3 functions) ==",
		"compile time (module)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Both tiers' calls from $sum to $square are named: the baseline's by
	// its relocation, the optimizing tier's (resolved while linking) by
	// its target.
	named := false
	for _, l := range strings.Split(out, "\n") {
		if left, right, ok := strings.Cut(l, " | "); ok && strings.Contains(right, "call") && strings.Contains(right, "; $square") && !strings.Contains(left, "; $square") {
			named = true
		}
	}
	if !named {
		t.Errorf("the optimizing column names no call to $square:\n%s", out)
	}
	if strings.Contains(out, "== $imported") {
		t.Errorf("imported functions have no code to compare:\n%s", out)
	}
	// Per-function sizes add up to the totals, per tier.
	sizes := regexp.MustCompile(`(?m)^code size \(bytes\)\s+(\d+)\s+(\d+)$`).FindAllStringSubmatch(out, -1)
	if len(sizes) != 4 {
		t.Fatalf("want 3 function size rows and a total, got %d:\n%s", len(sizes), out)
	}
	for col := 1; col <= 2; col++ {
		sum := 0
		for _, s := range sizes[:3] {
			sum += atoi(t, s[col])
		}
		if total := atoi(t, sizes[3][col]); sum != total || total == 0 {
			t.Errorf("column %d: functions add up to %d, total says %d", col, sum, total)
		}
	}
}

func TestCompareOneFunc(t *testing.T) {
	src := writeFile(t, "m.wat", compareModule)
	for _, sel := range []string{"sum", "$sum", "2"} {
		code, out, stderr := kilnCmd("compare", src, "--func="+sel)
		if code != 0 || !strings.Contains(out, "== $sum (func 2)") || strings.Contains(out, "$square (func") ||
			!strings.Contains(out, "== totals (1 functions) ==") {
			t.Errorf("--func=%s: exit %d\n%s%s", sel, code, out, stderr)
		}
	}
	code, out, _ := kilnCmd("compare", "--summary", "--func=sq", src)
	if code != 0 || !strings.Contains(out, "== $square (func 1)") || strings.Contains(out, "--- baseline") {
		t.Errorf("--summary --func=sq: exit %d\n%s", code, out)
	}
	for _, bad := range []string{"nosuch", "0" /* an import */, "9"} {
		code, _, stderr := kilnCmd("compare", "--func="+bad, src)
		if code != 1 || !strings.Contains(stderr, "no defined function") {
			t.Errorf("--func=%s: exit %d, %q", bad, code, stderr)
		}
	}
	if code, _, stderr := kilnCmd("compare", writeFile(t, "bad.wat", "(module (func (i32.add)))")); code != 1 || stderr == "" {
		t.Errorf("invalid module: exit %d, %q", code, stderr)
	}
	if code, _, _ := kilnCmd("compare"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
