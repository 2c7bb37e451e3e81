package baseline

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"kiln/ir/vm"
)

func f32(v float32) uint64 { return uint64(math.Float32bits(v)) }
func f64(v float64) uint64 { return math.Float64bits(v) }

// runCase is one call and its expected outcome (results, or a trap).
type runCase struct {
	fn   string
	args []uint64
	want []uint64
	trap vm.TrapCode
}

func runCases(t *testing.T, src string, cases []runCase) {
	t.Helper()
	in := newInstance(t, src)
	for _, c := range cases {
		got := in.call(c.fn, c.args...)
		if c.trap != vm.TrapNone {
			if got.exit != vm.ExitTrap || got.trap != c.trap {
				t.Errorf("%s%v = %v, want trap %v", c.fn, c.args, got, c.trap.Message())
			}
			continue
		}
		if got.exit != vm.ExitReturn || len(got.vals) != len(c.want) {
			t.Errorf("%s%v = %v, want %v", c.fn, c.args, got, c.want)
			continue
		}
		for i := range c.want {
			if got.vals[i] != c.want[i] {
				t.Errorf("%s%v = %v, want %v", c.fn, c.args, got, c.want)
				break
			}
		}
	}
}

func u(vs ...uint64) []uint64 { return vs }

func TestRunI32(t *testing.T) {
	runCases(t, `(module
  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (func (export "addk") (param i32) (result i32) local.get 0 i32.const 7 i32.add)
  (func (export "sub") (param i32 i32) (result i32) local.get 0 local.get 1 i32.sub)
  (func (export "mul") (param i32 i32) (result i32) local.get 0 local.get 1 i32.mul)
  (func (export "divs") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
  (func (export "divu") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_u)
  (func (export "rems") (param i32 i32) (result i32) local.get 0 local.get 1 i32.rem_s)
  (func (export "shl") (param i32 i32) (result i32) local.get 0 local.get 1 i32.shl)
  (func (export "shrs") (param i32 i32) (result i32) local.get 0 local.get 1 i32.shr_s)
  (func (export "rotr") (param i32 i32) (result i32) local.get 0 local.get 1 i32.rotr)
  (func (export "clz") (param i32) (result i32) local.get 0 i32.clz)
  (func (export "popcnt") (param i32) (result i32) local.get 0 i32.popcnt)
  (func (export "lts") (param i32 i32) (result i32) local.get 0 local.get 1 i32.lt_s)
  (func (export "ltu") (param i32 i32) (result i32) local.get 0 local.get 1 i32.lt_u)
  (func (export "eqz") (param i32) (result i32) local.get 0 i32.eqz)
  (func (export "ext8") (param i32) (result i32) local.get 0 i32.extend8_s)
  (func (export "many") (param i32 i32 i32 i32 i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5 local.get 6
    i32.add i32.add i32.add i32.add i32.add i32.sub)
)`, []runCase{
		{fn: "add", args: u(2, 3), want: u(5)},
		{fn: "add", args: u(0xffffffff, 1), want: u(0)},
		{fn: "addk", args: u(5), want: u(12)},
		{fn: "sub", args: u(2, 3), want: u(0xffffffff)},
		{fn: "mul", args: u(6, 7), want: u(42)},
		{fn: "divs", args: u(uint64(uint32(0xfffffff9)), 2), want: u(0xfffffffd)},
		{fn: "divs", args: u(1, 0), trap: vm.TrapIntegerDivideByZero},
		{fn: "divs", args: u(0x80000000, 0xffffffff), trap: vm.TrapIntegerOverflow},
		{fn: "divu", args: u(0xfffffff9, 2), want: u(0x7ffffffc)},
		{fn: "rems", args: u(0x80000000, 0xffffffff), want: u(0)},
		{fn: "rems", args: u(0xfffffff9, 2), want: u(0xffffffff)},
		{fn: "shl", args: u(1, 33), want: u(2)},
		{fn: "shrs", args: u(0x80000000, 4), want: u(0xf8000000)},
		{fn: "rotr", args: u(1, 1), want: u(0x80000000)},
		{fn: "clz", args: u(1), want: u(31)},
		{fn: "clz", args: u(0), want: u(32)},
		{fn: "popcnt", args: u(0xff00ff), want: u(16)},
		{fn: "lts", args: u(0xffffffff, 0), want: u(1)},
		{fn: "ltu", args: u(0xffffffff, 0), want: u(0)},
		{fn: "eqz", args: u(0), want: u(1)},
		{fn: "ext8", args: u(0x80), want: u(0xffffff80)},
		{fn: "many", args: u(1, 2, 3, 4, 5, 6, 100), want: u(0xffffff89)},
	})
}

func TestRunI64(t *testing.T) {
	runCases(t, `(module
  (func (export "add") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
  (func (export "mulk") (param i64) (result i64) local.get 0 i64.const 0x100000000 i64.mul)
  (func (export "divs") (param i64 i64) (result i64) local.get 0 local.get 1 i64.div_s)
  (func (export "remu") (param i64 i64) (result i64) local.get 0 local.get 1 i64.rem_u)
  (func (export "shru") (param i64 i64) (result i64) local.get 0 local.get 1 i64.shr_u)
  (func (export "ctz") (param i64) (result i64) local.get 0 i64.ctz)
  (func (export "gtu") (param i64 i64) (result i32) local.get 0 local.get 1 i64.gt_u)
  (func (export "wrap") (param i64) (result i32) local.get 0 i32.wrap_i64)
  (func (export "exts") (param i32) (result i64) local.get 0 i64.extend_i32_s)
  (func (export "extu") (param i32) (result i64) local.get 0 i64.extend_i32_u)
)`, []runCase{
		{fn: "add", args: u(1<<40, 5), want: u(1<<40 + 5)},
		{fn: "mulk", args: u(3), want: u(3 << 32)},
		{fn: "divs", args: u(1<<63, math.MaxUint64), trap: vm.TrapIntegerOverflow},
		{fn: "divs", args: u(100, 0), trap: vm.TrapIntegerDivideByZero},
		{fn: "divs", args: u(uint64(1<<64-100), 7), want: u(uint64(1<<64 - 14))},
		{fn: "remu", args: u(100, 7), want: u(2)},
		{fn: "shru", args: u(1<<63, 65), want: u(1 << 62)},
		{fn: "ctz", args: u(0), want: u(64)},
		{fn: "gtu", args: u(1<<63, 1), want: u(1)},
		{fn: "wrap", args: u(0x1234567887654321), want: u(0x87654321)},
		{fn: "exts", args: u(0xffffffff), want: u(math.MaxUint64)},
		{fn: "extu", args: u(0xffffffff), want: u(0xffffffff)},
	})
}

func TestRunFloat(t *testing.T) {
	nan32 := uint64(0x7fc00000)
	runCases(t, `(module
  (func (export "addf") (param f32 f32) (result f32) local.get 0 local.get 1 f32.add)
  (func (export "muld") (param f64 f64) (result f64) local.get 0 local.get 1 f64.mul)
  (func (export "minf") (param f32 f32) (result f32) local.get 0 local.get 1 f32.min)
  (func (export "maxd") (param f64 f64) (result f64) local.get 0 local.get 1 f64.max)
  (func (export "neg") (param f64) (result f64) local.get 0 f64.neg)
  (func (export "abs") (param f32) (result f32) local.get 0 f32.abs)
  (func (export "sqrt") (param f64) (result f64) local.get 0 f64.sqrt)
  (func (export "nearest") (param f64) (result f64) local.get 0 f64.nearest)
  (func (export "copysign") (param f32 f32) (result f32) local.get 0 local.get 1 f32.copysign)
  (func (export "lt") (param f64 f64) (result i32) local.get 0 local.get 1 f64.lt)
  (func (export "ne") (param f32 f32) (result i32) local.get 0 local.get 1 f32.ne)
  (func (export "k") (result f64) f64.const 1.5)
  (func (export "trunc") (param f64) (result i32) local.get 0 i32.trunc_f64_s)
  (func (export "truncu64") (param f64) (result i64) local.get 0 i64.trunc_f64_u)
  (func (export "sat") (param f32) (result i32) local.get 0 i32.trunc_sat_f32_u)
  (func (export "cvtu64") (param i64) (result f64) local.get 0 f64.convert_i64_u)
  (func (export "cvtu32") (param i32) (result f32) local.get 0 f32.convert_i32_u)
  (func (export "promote") (param f32) (result f64) local.get 0 f64.promote_f32)
  (func (export "reinterp") (param f64) (result i64) local.get 0 i64.reinterpret_f64)
)`, []runCase{
		{fn: "addf", args: u(f32(1.5), f32(2.25)), want: u(f32(3.75))},
		{fn: "muld", args: u(f64(1.5), f64(-2)), want: u(f64(-3))},
		{fn: "minf", args: u(f32(0), f32(float32(math.Copysign(0, -1)))), want: u(f32(float32(math.Copysign(0, -1))))},
		{fn: "minf", args: u(nan32, f32(1)), want: u(nan32)},
		{fn: "maxd", args: u(f64(-1), f64(2)), want: u(f64(2))},
		{fn: "neg", args: u(f64(2)), want: u(f64(-2))},
		{fn: "abs", args: u(f32(-2)), want: u(f32(2))},
		{fn: "sqrt", args: u(f64(16)), want: u(f64(4))},
		{fn: "nearest", args: u(f64(2.5)), want: u(f64(2))},
		{fn: "copysign", args: u(f32(3), f32(-1)), want: u(f32(-3))},
		{fn: "lt", args: u(f64(1), f64(2)), want: u(1)},
		{fn: "lt", args: u(f64(math.NaN()), f64(2)), want: u(0)},
		{fn: "ne", args: u(nan32, nan32), want: u(1)},
		{fn: "k", want: u(f64(1.5))},
		{fn: "trunc", args: u(f64(-3.9)), want: u(0xfffffffd)},
		{fn: "trunc", args: u(f64(math.NaN())), trap: vm.TrapBadConversionToInteger},
		{fn: "trunc", args: u(f64(3e9)), trap: vm.TrapIntegerOverflow},
		{fn: "truncu64", args: u(f64(1.8446744073709550e19)), want: u(18446744073709549568)},
		{fn: "sat", args: u(f32(-5)), want: u(0)},
		{fn: "sat", args: u(f32(1e20)), want: u(0xffffffff)},
		{fn: "cvtu64", args: u(math.MaxUint64), want: u(f64(1.8446744073709552e19))},
		{fn: "cvtu32", args: u(0xffffffff), want: u(f32(4294967296))},
		{fn: "promote", args: u(f32(1.25)), want: u(f64(1.25))},
		{fn: "reinterp", args: u(f64(1)), want: u(0x3ff0000000000000)},
	})
}

func TestRunControl(t *testing.T) {
	runCases(t, `(module
  (func $fac (export "fac") (param i64) (result i64)
    local.get 0 i64.eqz
    if (result i64) i64.const 1
    else local.get 0 local.get 0 i64.const 1 i64.sub call $fac i64.mul end)
  (func (export "sum") (param i32) (result i32) (local i32)
    block loop
      local.get 0 i32.eqz br_if 1
      local.get 1 local.get 0 i32.add local.set 1
      local.get 0 i32.const 1 i32.sub local.set 0
      br 0
    end end
    local.get 1)
  (func (export "switch") (param i32) (result i32)
    block block block block
      local.get 0 br_table 0 1 2 3
    end i32.const 10 return
    end i32.const 11 return
    end i32.const 12 return
    end i32.const 13)
  (func (export "brval") (param i32) (result i32)
    i32.const 1
    block (result i32)
      i32.const 5 i32.const 6 local.get 0 br_if 0 drop
    end
    i32.add)
  (func (export "tablev") (param i32) (result i32)
    i32.const 100
    block (result i32)
      block (result i32)
        i32.const 7 i32.const 8 local.get 0 br_table 0 1
      end
      i32.const 1 i32.add
    end
    i32.add)
  (func (export "select") (param i32 i64 i64) (result i64) local.get 1 local.get 2 local.get 0 select)
  (func (export "selectf") (param i32 f64 f64) (result f64) local.get 1 local.get 2 local.get 0 select)
  (func (export "multi") (param i32) (result i32 i64 f64 i32 i32 f32)
    local.get 0 i64.const -1 f64.const 2.5 i32.const 3 i32.const 4 f32.const 1)
  (func $pair (param i32 i32) (result i32 i32) local.get 1 local.get 0)
  (func (export "swap") (param i32 i32) (result i32) local.get 0 local.get 1 call $pair i32.sub)
  (func $manyargs (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64) (result f64)
    local.get 0 i64.extend_i32_u local.get 1 i64.add local.get 4 i64.extend_i32_u i64.add local.get 5 i64.add
    local.get 8 i64.extend_i32_u i64.add local.get 9 i64.add f64.convert_i64_u
    local.get 3 f64.add local.get 7 f64.add local.get 11 f64.add
    local.get 2 f64.promote_f32 f64.add local.get 6 f64.promote_f32 f64.add local.get 10 f64.promote_f32 f64.add)
  (func (export "callmany") (result f64)
    i32.const 1 i64.const 2 f32.const 3 f64.const 4 i32.const 5 i64.const 6 f32.const 7 f64.const 8
    i32.const 9 i64.const 10 f32.const 11 f64.const 12 call $manyargs)
  (func $sub (param i32 i32) (result i32) local.get 0 local.get 1 i32.sub)
  (func (export "conflict") (param i32 i32 i32) (result i32)
    ;; Three live registers; the call's two arguments sit in each other's
    ;; target registers.
    local.get 0 i32.const 1 i32.add
    local.get 1 i32.const 2 i32.add
    local.get 2 i32.const 3 i32.add
    call $sub
    i32.add)
  (func $wide (param i64 i64 i64 i64 i64 i64) (result i64 i64 i64)
    local.get 0 local.get 1 i64.add local.get 2 i64.add
    local.get 3 local.get 4 i64.mul
    local.get 5)
  (func (export "tailwide") (param i64) (result i64 i64 i64)
    ;; Needs two stack argument slots and one stack result slot; this
    ;; function's caller reserved none: compiled as call + return.
    local.get 0 i64.const 2 i64.const 3 i64.const 4 i64.const 5 i64.const 6
    return_call $wide)
  (func (export "unreachable") unreachable)
  (func $deep (param i32) (result i32) local.get 0 i32.const 1 i32.add call $deep)
  (func (export "overflow") (result i32) i32.const 0 call $deep)
  (func $even (param i32) (result i32) local.get 0 i32.eqz if (result i32) i32.const 1 else local.get 0 i32.const 1 i32.sub return_call $odd end)
  (func $odd (param i32) (result i32) local.get 0 i32.eqz if (result i32) i32.const 0 else local.get 0 i32.const 1 i32.sub return_call $even end)
  (func (export "even") (param i32) (result i32) local.get 0 call $even)
  (func (export "ifparam") (param i32) (result i32)
    i32.const 10 local.get 0 if (param i32) (result i32) i32.const 1 i32.add else i32.const 2 i32.sub end)
  (func (export "deadcode") (param i32) (result i32)
    block (result i32) local.get 0 br 0 i32.const 1 i32.add block end unreachable end)
)`, []runCase{
		{fn: "fac", args: u(20), want: u(2432902008176640000)},
		{fn: "sum", args: u(100), want: u(5050)},
		{fn: "switch", args: u(0), want: u(10)},
		{fn: "switch", args: u(2), want: u(12)},
		{fn: "switch", args: u(3), want: u(13)},
		{fn: "switch", args: u(99), want: u(13)},
		{fn: "brval", args: u(1), want: u(7)},
		{fn: "brval", args: u(0), want: u(6)},
		{fn: "tablev", args: u(0), want: u(109)},
		{fn: "tablev", args: u(1), want: u(108)},
		{fn: "select", args: u(1, 5, 6), want: u(5)},
		{fn: "select", args: u(0, 5, 6), want: u(6)},
		{fn: "selectf", args: u(0, f64(1), f64(2)), want: u(f64(2))},
		{fn: "multi", args: u(9), want: u(9, math.MaxUint64, f64(2.5), 3, 4, f32(1))},
		{fn: "swap", args: u(10, 3), want: u(0xfffffff9)},
		{fn: "callmany", want: u(f64(78))},
		{fn: "conflict", args: u(10, 20, 40), want: u(0xfffffff6)}, // 11 + (22 - 43)
		{fn: "tailwide", args: u(1), want: u(6, 20, 6)},
		{fn: "unreachable", trap: vm.TrapUnreachable},
		{fn: "overflow", trap: vm.TrapStackOverflow},
		{fn: "even", args: u(100001), want: u(0)},
		{fn: "even", args: u(100000), want: u(1)},
		{fn: "ifparam", args: u(1), want: u(11)},
		{fn: "ifparam", args: u(0), want: u(8)},
		{fn: "deadcode", args: u(4), want: u(4)},
	})
}

func TestRunMemory(t *testing.T) {
	runCases(t, `(module
  (memory 1)
  (data (i32.const 16) "\01\02\03\04\05\06\07\08\ff")
  (global $g (mut i32) (i32.const 5))
  (global $h i64 (i64.const 77))
  (func (export "load") (param i32) (result i32) local.get 0 i32.load offset=16)
  (func (export "load8s") (param i32) (result i32) local.get 0 i32.load8_s)
  (func (export "load64") (param i32) (result i64) local.get 0 i64.load)
  (func (export "store") (param i32 i64) (result i64) local.get 0 local.get 1 i64.store local.get 0 i64.load)
  (func (export "storef") (param i32 f64) (result f64) local.get 0 local.get 1 f64.store local.get 0 f64.load)
  (func (export "size") (result i32) memory.size)
  (func (export "kstore") (param i32) (result i64)
    local.get 0 i64.const 0x1122334455667788 i64.store
    local.get 0 i32.const -2 i32.store8 offset=1
    local.get 0 i32.const 0xabcd i32.store16 offset=2
    local.get 0 i64.load)
  (func (export "kstoref") (param i32) (result i64)
    local.get 0 f32.const 1.5 f32.store
    local.get 0 i64.const -1 i64.store32 offset=4
    local.get 0 i64.load)
  (func (export "glob") (result i32) global.get $g i32.const 1 i32.add global.set $g global.get $g)
  (func (export "globh") (result i64) global.get $h)
)`, []runCase{
		{fn: "load", args: u(0), want: u(0x04030201)},
		{fn: "load8s", args: u(24), want: u(0xffffffff)},
		{fn: "load64", args: u(16), want: u(0x0807060504030201)},
		{fn: "load", args: u(65536 - 20), want: u(0)},
		{fn: "load", args: u(65536 - 19), trap: vm.TrapMemoryOutOfBounds},
		{fn: "load", args: u(0xffffffff), trap: vm.TrapMemoryOutOfBounds},
		{fn: "store", args: u(100, 0x1122334455667788), want: u(0x1122334455667788)},
		{fn: "store", args: u(65529, 1), trap: vm.TrapMemoryOutOfBounds},
		{fn: "storef", args: u(200, f64(3.5)), want: u(f64(3.5))},
		{fn: "size", want: u(1)},
		{fn: "kstore", args: u(300), want: u(0x11223344abcdfe88)},
		{fn: "kstore", args: u(65530), trap: vm.TrapMemoryOutOfBounds},
		{fn: "kstoref", args: u(400), want: u(0xffffffff3fc00000)},
		{fn: "glob", want: u(6)},
		{fn: "glob", want: u(7)},
		{fn: "globh", want: u(77)},
	})
}

func TestRunIndirect(t *testing.T) {
	runCases(t, `(module
  (type $ii (func (param i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $inc $dbl $other)
  (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
  (func $dbl (type $ii) local.get 0 i32.const 2 i32.mul)
  (func $other (param i64) (result i64) local.get 0)
  (func (export "ci") (param i32 i32) (result i32) local.get 1 local.get 0 call_indirect (type $ii))
  (func (export "rci") (param i32 i32) (result i32) local.get 1 local.get 0 return_call_indirect (type $ii))
  (func (export "isnull") (param i32) (result i32) local.get 0 table.get 0 ref.is_null)
  (func (export "tsize") (result i32) table.size 0)
)`, []runCase{
		{fn: "ci", args: u(0, 5), want: u(6)},
		{fn: "ci", args: u(1, 5), want: u(10)},
		{fn: "ci", args: u(2, 5), trap: vm.TrapBadSignature},
		{fn: "ci", args: u(3, 5), trap: vm.TrapIndirectCallToNull},
		{fn: "ci", args: u(4, 5), trap: vm.TrapIndirectCallOutOfBounds},
		{fn: "rci", args: u(1, 21), want: u(42)},
		{fn: "isnull", args: u(3), want: u(1)},
		{fn: "isnull", args: u(0), want: u(0)},
		{fn: "isnull", args: u(9), trap: vm.TrapTableOutOfBounds},
		{fn: "tsize", want: u(4)},
	})
}

func TestRunPreemptCheck(t *testing.T) {
	in := newInstance(t, `(module
  (func (export "loop") (param i32) (result i32) (local i32)
    loop local.get 1 i32.const 1 i32.add local.tee 1 local.get 0 i32.ne br_if 0 end
    local.get 1))`)
	in.g[2] = vm.StackPreempt
	got := in.call("loop", 1000)
	if got.exit != vm.ExitReturn || got.vals[0] != 1000 {
		t.Fatalf("loop = %v", got)
	}
	if n := in.sc[vm.SCFuel/8]; n != 1 {
		t.Errorf("preemption exits = %d, want 1", n)
	}
}

// BenchmarkPreemptCheck measures what the preemption check at loop back
// edges costs on a tight loop: the same kernel compiled with and without
// it (the latter only ever runs here).
func BenchmarkPreemptCheck(b *testing.B) {
	const src = `(module
  (func (export "sum") (param i64) (result i64) (local i64 i64)
    loop
      local.get 2 local.get 1 i64.add local.set 2
      local.get 1 i64.const 1 i64.add local.tee 1
      local.get 0 i64.lt_u br_if 0
    end
    local.get 2))`
	const n = 10_000_000
	for _, c := range []struct {
		name string
		comp Compiler
	}{{"with", Compiler{}}, {"without", Compiler{noPollForBench: true}}} {
		in := newInstanceWith(b, c.comp, src)
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if r := in.call("sum", n); r.exit != vm.ExitReturn {
					b.Fatal(r)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/iter")
		})
	}
}

// TestRunFloatBranches checks fused float compare-and-branch (if, br_if,
// eqz of a comparison) against the materialised 0/1 value for every
// condition, NaN operands included.
func TestRunFloatBranches(t *testing.T) {
	var src strings.Builder
	src.WriteString("(module\n")
	conds := []string{"eq", "ne", "lt", "gt", "le", "ge"}
	for _, c := range conds {
		for _, ty := range []string{"f32", "f64"} {
			fmt.Fprintf(&src, `(func (export "val_%[1]s_%[2]s") (param %[2]s %[2]s) (result i32) local.get 0 local.get 1 %[2]s.%[1]s)
(func (export "if_%[1]s_%[2]s") (param %[2]s %[2]s) (result i32) local.get 0 local.get 1 %[2]s.%[1]s if (result i32) i32.const 1 else i32.const 0 end)
(func (export "brif_%[1]s_%[2]s") (param %[2]s %[2]s) (result i32) block (result i32) i32.const 1 local.get 0 local.get 1 %[2]s.%[1]s br_if 0 drop i32.const 0 end)
(func (export "eqz_%[1]s_%[2]s") (param %[2]s %[2]s) (result i32) local.get 0 local.get 1 %[2]s.%[1]s i32.eqz if (result i32) i32.const 0 else i32.const 1 end)
`, c, ty)
		}
	}
	src.WriteString(")")
	in := newInstance(t, src.String())
	vals64 := []float64{0, math.Copysign(0, -1), 1, -1, 2.5, math.Inf(1), math.NaN()}
	for _, c := range conds {
		for _, ty := range []string{"f32", "f64"} {
			for _, a := range vals64 {
				for _, b := range vals64 {
					bits := func(v float64) uint64 {
						if ty == "f32" {
							return f32(float32(v))
						}
						return f64(v)
					}
					want := in.call("val_"+c+"_"+ty, bits(a), bits(b))
					for _, form := range []string{"if", "brif", "eqz"} {
						got := in.call(form+"_"+c+"_"+ty, bits(a), bits(b))
						if got.String() != want.String() {
							t.Errorf("%s_%s_%s(%v, %v) = %v, want %v", form, c, ty, a, b, got, want)
						}
					}
				}
			}
		}
	}
}
