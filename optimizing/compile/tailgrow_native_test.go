//go:build linux && amd64

package compile

import (
	"testing"

	"kiln/ir/vm"
)

// tailGrowModule is a three-function tail-call cycle whose stack
// arguments grow and shrink: $a (2 parameters: none on the stack) tail
// calls $b (10: 6 on the stack), which tail calls $c (14: 10 on the
// stack), which tail calls $a through the table (return_call_indirect).
// Every function has three results, the third on the stack, so whichever
// one ends the chain writes a stack result through the grown area. Each
// step permutes the arguments it passes on, so a slot written to the wrong
// place changes the result.
const tailGrowModule = `(module
  (type $ta (func (param i64 i64) (result i64 i64 i64)))
  (table 1 funcref)
  (elem (i32.const 0) $a)
  (func $a (type $ta)
    (if (result i64 i64 i64) (i64.eqz (local.get 0))
      (then (local.get 1) (i64.const 1) (i64.const 2))
      (else (return_call $b (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 1))
        (local.get 0) (i64.add (local.get 0) (i64.const 1)) (i64.add (local.get 0) (i64.const 2)) (i64.add (local.get 0) (i64.const 3))
        (i64.add (local.get 0) (i64.const 4)) (i64.add (local.get 0) (i64.const 5)) (i64.add (local.get 0) (i64.const 6)) (i64.add (local.get 0) (i64.const 7))))))
  (func $b (param i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64 i64 i64)
    (if (result i64 i64 i64) (i64.eqz (local.get 0))
      (then (local.get 1) (local.get 2) (local.get 9))
      (else (return_call $c (i64.sub (local.get 0) (i64.const 1)) (i64.xor (local.get 1) (local.get 9))
        (local.get 9) (local.get 8) (local.get 7) (local.get 6) (local.get 5) (local.get 4) (local.get 3) (local.get 2)
        (local.get 0) (local.get 1) (local.get 0) (local.get 1)))))
  (func $c (param i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64 i64 i64)
    (if (result i64 i64 i64) (i64.eqz (local.get 0))
      (then (local.get 1) (local.get 2) (local.get 13))
      (else (return_call_indirect (type $ta) (i64.sub (local.get 0) (i64.const 1))
        (i64.add (local.get 1) (i64.sub (i64.mul (local.get 2) (local.get 9)) (i64.add (local.get 10) (local.get 13))))
        (i32.const 0)))))
  (func (export "run") (param i64) (result i64 i64 i64)
    (call $a (local.get 0) (i64.const 0))))`

// tailGrowWant computes tailGrowModule's run(n) in Go.
func tailGrowWant(n uint64) []uint64 {
	fn, args := 0, []uint64{n, 0}
	for {
		if args[0] == 0 {
			switch fn {
			case 0:
				return []uint64{args[1], 1, 2}
			case 1:
				return []uint64{args[1], args[2], args[9]}
			default:
				return []uint64{args[1], args[2], args[13]}
			}
		}
		x := args
		switch fn {
		case 0:
			args = []uint64{x[0] - 1, x[1] + 1, x[0], x[0] + 1, x[0] + 2, x[0] + 3, x[0] + 4, x[0] + 5, x[0] + 6, x[0] + 7}
		case 1:
			args = []uint64{x[0] - 1, x[1] ^ x[9], x[9], x[8], x[7], x[6], x[5], x[4], x[3], x[2], x[0], x[1], x[0], x[1]}
		default:
			args = []uint64{x[0] - 1, x[1] + (x[2]*x[9] - (x[10] + x[13]))}
		}
		fn = (fn + 1) % 3
	}
}

// TestNativeTailCallGrowsStackArgs: tail calls that need more stack
// argument space than their caller received (kiln's convention is
// caller-pops, so the area must be grown; see isa/amd64/tailgrow.go) run in
// constant stack: a million of them on the harness's 1 MiB wasm stack,
// where a call per tail call would trap with stack exhaustion after a few
// thousand. The small counts end the chain in each of the three functions.
func TestNativeTailCallGrowsStackArgs(t *testing.T) {
	in := instantiate(t, tailGrowModule, 0)
	in.table[0] = in.addr() + uint64(in.off.FuncRef(0))
	var cases []nativeCase
	for _, n := range []uint64{0, 1, 2, 3, 4, 5, 6, 7, 1000, 1_000_000, 1_000_001, 1_000_002} {
		cases = append(cases, nativeCase{fn: "run", args: []uint64{n}, want: tailGrowWant(n)})
	}
	in.check(cases)
	// The stack check still works below a grown area.
	in2 := instantiate(t, `(module
	  (func $deep (param i64 i64) (result i64)
	    (i64.add (return_call $g (local.get 0) (local.get 1) (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4) (i64.const 5) (i64.const 6))
	      (i64.const 1)))
	  (func $g (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)
	    (i64.add (call $deep (local.get 0) (local.get 7)) (i64.const 1)))
	  (func (export "deep") (param i64) (result i64) (call $deep (local.get 0) (i64.const 0))))`, 0)
	in2.check([]nativeCase{{fn: "deep", args: []uint64{1}, trap: vm.TrapStackOverflow}})
}

// TestNativeTailCallGrowthChecksStack: the prologue's growth is checked
// against the stack limit before it writes (an area larger than the
// stack's reserve below the limit would otherwise reach the guard page):
// recursion through a function whose growth is 8 KiB traps cleanly.
func TestNativeTailCallGrowthChecksStack(t *testing.T) {
	params := ""
	args := ""
	for i := 0; i < 1000; i++ {
		params += " i64"
		args += " (local.get 0)"
	}
	in := instantiate(t, `(module
	  (func $big (param`+params+`) (result i64) (local.get 0))
	  (func $grow (param i64) (result i64)
	    (drop (call $rec (local.get 0)))
	    (return_call $big`+args+`))
	  (func $rec (param i64) (result i64) (call $grow (local.get 0)))
	  (func (export "rec") (param i64) (result i64) (call $rec (local.get 0))))`, 0)
	in.check([]nativeCase{{fn: "rec", args: []uint64{1}, trap: vm.TrapStackOverflow}})
}
