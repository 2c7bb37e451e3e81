package wast

import (
	"os"
	"testing"

	"kiln/ir/wasm/wat"
)

// TestLiteralsAgainstSuite checks literal parsing without a runtime: in
// const.wast, float_literals.wast, int_literals.wast and simd_const.wast, many
// exported functions just return a constant, and the assert_return that
// follows states its value. Both literals go through the text parser, the
// function's often needing rounding and the expected one exact, so the
// bits must agree.
func TestLiteralsAgainstSuite(t *testing.T) {
	checked := 0
	for _, name := range []string{"core/const.wast", "core/float_literals.wast", "core/int_literals.wast", "core/simd_const.wast"} {
		src, err := os.ReadFile(corpusPath(name))
		if err != nil {
			t.Skipf("spec test suite not found: %v", err)
		}
		s, err := Parse(name, src)
		if err != nil {
			t.Fatal(err)
		}
		consts := map[string][2]uint64{}
		for _, c := range s.Commands {
			switch {
			case c.Kind == KindModule && c.Module.Form == FormText:
				consts = constFuncs(c.Module.Node)
			case c.Kind == KindAssertReturn && len(c.Action.Args) == 0 && len(c.Results) == 1:
				got, ok := consts[c.Action.Name]
				r := c.Results[0]
				if !ok || r.NaN != NaNNone || r.Lanes != nil || r.Either != nil || r.Value.Type == Ref {
					continue
				}
				want := [2]uint64{r.Value.Lo, r.Value.Hi}
				switch r.Value.Type {
				case I32, F32:
					got[0], want[0] = uint64(uint32(got[0])), uint64(uint32(want[0]))
				}
				if got != want {
					t.Errorf("%s:%d: %s returns %#x, the script expects %#x", name, c.Line, c.Action.Name, got, want)
				}
				checked++
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d constants checked", checked)
	}
	t.Logf("%d constants checked", checked)
}

// constFuncs maps the exports of functions whose body is one constant
// (possibly reinterpreted) to the constant's bits.
func constFuncs(mod *wat.Node) map[string][2]uint64 {
	out := map[string][2]uint64{}
	for _, f := range mod.Kids {
		if !f.IsList("func") || len(f.Kids) < 3 {
			continue
		}
		exp := f.Kids[1]
		if !exp.IsList("export") || len(exp.Kids) != 2 || exp.Kids[1].Kind != wat.String {
			continue
		}
		body := f.Kids[len(f.Kids)-1]
		switch body.Head() {
		case "i32.reinterpret_f32", "i64.reinterpret_f64":
			if len(body.Kids) != 2 {
				continue
			}
			body = body.Kids[1]
		}
		if body.Head() == "v128.const" {
			i := 1
			if v, err := wat.ParseV128(body.Kids, &i); err == nil && i == len(body.Kids) {
				var lo, hi uint64
				for j := 0; j < 8; j++ {
					lo |= uint64(v[j]) << (8 * j)
					hi |= uint64(v[8+j]) << (8 * j)
				}
				out[string(exp.Kids[1].Bytes)] = [2]uint64{lo, hi}
			}
			continue
		}
		if len(body.Kids) != 2 || body.Kids[1].Kind != wat.Atom {
			continue
		}
		lit := body.Kids[1].Text
		var v uint64
		var err error
		switch body.Head() {
		case "i32.const":
			v, err = wat.ParseInt(lit, 32)
		case "i64.const":
			v, err = wat.ParseInt(lit, 64)
		case "f32.const":
			var b uint32
			b, err = wat.ParseF32(lit)
			v = uint64(b)
		case "f64.const":
			v, err = wat.ParseF64(lit)
		default:
			continue
		}
		if err == nil {
			out[string(exp.Kids[1].Bytes)] = [2]uint64{v, 0}
		}
	}
	return out
}
