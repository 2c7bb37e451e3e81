package diff

import (
	"testing"

	"kiln/ir/wasm/wat"
)

// TestIROracle: the IR oracle runs a module using memory (with growth),
// globals and traps, without skipping, and agrees with the interpreter.
func TestIROracle(t *testing.T) {
	bin, err := wat.Parse([]byte(`(module
  (memory 1 3)
  (export "mem" (memory 0))
  (global $g (mut i32) (i32.const 7))
  (export "fuel" (global $g))
  (global $h (mut f64) (f64.const 1.5))
  (export "g1" (global $h))
  (data (i32.const 65530) "\01\02\03\04\05\06")
  (func (export "grow") (param i32) (result i32 i32)
    (memory.grow (local.get 0)) (memory.size))
  (func (export "poke") (param i32 i64)
    (i64.store offset=3 (local.get 0) (local.get 1))
    (global.set $h (f64.add (global.get $h) (f64.convert_i64_s (local.get 1)))))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $deep (export "deep") (param i32) (result i32) (i32.add (call $deep (local.get 0)) (i32.const 1)))
  (func (export "getfuel") (result i32) (global.get $g)))`))
	if err != nil {
		t.Fatal(err)
	}
	calls := []Call{
		{"poke", []uint64{65525, 0x0102030405060708}},
		{"poke", []uint64{65530, 1}},
		{"grow", []uint64{1}},
		{"poke", []uint64{65530, 1}},
		{"grow", []uint64{5}},
		{"div", []uint64{7, 0}},
		{"div", []uint64{0x80000000, 0xffffffff}},
		{"div", []uint64{7, 2}},
		{"deep", []uint64{0}},
		{"getfuel", []uint64{}},
	}
	rep, err := Check(bin, calls, 3, false)
	if err != nil {
		t.Fatalf("%v\n%s", err, rep.Transcript(calls))
	}
	for _, optimize := range []bool{false, true} {
		r := ExecuteIR(bin, calls, 3, optimize)
		if r.Skipped || r.Compile != "" {
			t.Fatalf("%s: skipped: %s", r.Tier, r.Compile)
		}
		if err := Compare(rep.Runs[0], r, calls, false); err != nil {
			rep.Runs = append(rep.Runs, r)
			t.Fatalf("%v\n%s", err, rep.Transcript(calls))
		}
	}
}
