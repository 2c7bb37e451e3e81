package wasm

import (
	"testing"
	"time"
)

// TestHostileShapes validates modules shaped to defeat a naive validator:
// each is valid and small, but a quadratic or per-declared-entity
// algorithm would take minutes or gigabytes on it (100,000 functions
// declaring 49,000 locals each, a br_table of 300,000 targets to a label
// of 1,000 values, 200,000 array.new_fixed of 10,000 operands and
// 300,000 calls of 1,000 parameters in unreachable code, 300,000 nested
// blocks, 300,000 types, 200,000 self-referential struct types, 200,000 element
// segments). The times are logged, not asserted.
func TestHostileShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds several megabytes of modules")
	}
	wide := func(n int) [][]byte {
		var r [][]byte
		for i := 0; i < n; i++ {
			r = append(r, tI32)
		}
		return r
	}
	rep := func(n int, b []byte) []byte {
		var out []byte
		for i := 0; i < n; i++ {
			out = append(out, b...)
		}
		return out
	}
	cases := map[string][]byte{
		"locals": func() []byte {
			var bodies [][]byte
			for i := 0; i < 100000; i++ {
				bodies = append(bodies, body(list(local(49000, tI32))))
			}
			return module(typeSec(ft()()), funcSec(make([]uint32, 100000)...), codeSec(bodies...))
		}(),
		"br_table": module(typeSec(funcType(nil, wide(1000))), funcSec(0), codeSec(body(nil, op(0x00), i32c(0), op(0x0e), vec(func() [][]byte {
			var r [][]byte
			for i := 0; i < 300000; i++ {
				r = append(r, uleb(0))
			}
			return r
		}()...), uleb(0)))),
		"array.new_fixed": module(typeSec(arrayType(field(tI32, false)), ft()()), funcSec(1), codeSec(body(nil, op(0x00), rep(200000, cat(prefixed(0xfb, 8, uleb(0), uleb(10000)), op(drop)))))),
		"wide call":       module(typeSec(funcType(wide(1000), nil)), funcSec(0), codeSec(body(nil, op(0x00), rep(300000, call(0))))),
		"types":           module(section(secType, cat(uleb(300000), rep(300000, []byte{0x60, 0, 0})))),
		"gc struct types": module(section(secType, cat(uleb(200000), func() []byte {
			var b []byte
			for i := 0; i < 200000; i++ {
				b = append(b, sub(false, nil, structType(field(refT(true, int64(i)), true)))...)
			}
			return b
		}()))),
		"elems":       module(typeSec(ft()()), funcSec(0), tableSec(table(tFuncRef, 1)), section(secElement, cat(uleb(200000), rep(200000, []byte{1, 0, 0}))), codeSec(body(nil))),
		"deep blocks": module(typeSec(ft()()), funcSec(0), codeSec(body(nil, rep(300000, op(0x02, 0x40)), rep(300000, op(end))))),
	}
	for name, bin := range cases {
		t0 := time.Now()
		_, err := DecodeAndValidate(bin, FeaturesAll)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%-16s %8d bytes validated in %v", name, len(bin), time.Since(t0))
	}
}
