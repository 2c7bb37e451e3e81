package optimizing

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"kiln/ir"
)

// TestDivisionByConstant checks the magic-number rewrites of divrem.rules
// against the interpreter's division: every divisor from -300 to 300,
// powers of two and their neighbours, the extremes, and random ones, at
// i32 and i64, on edge-case and random dividends. The trapping operation
// must be gone whenever the divisor cannot make it trap.
func TestDivisionByConstant(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, ty := range []struct {
		name string
		bits int
	}{{"i32", 32}, {"i64", 64}} {
		var divisors []int64
		for d := int64(-300); d <= 300; d++ {
			divisors = append(divisors, d)
		}
		for k := 1; k < ty.bits; k++ {
			p := int64(uint64(1) << k)
			divisors = append(divisors, p-1, p, p+1, -p, -p+1)
		}
		min := int64(-1) << (ty.bits - 1)
		divisors = append(divisors, min, min+1, -(min + 1), -(min + 2))
		for range 64 {
			divisors = append(divisors, int64(r.Uint64())>>(64-ty.bits))
		}
		dividends := []int64{0, 1, -1, 2, -2, 7, -7, min, min + 1, -(min + 1), -(min + 2), 1000, -1000}
		for range 24 {
			dividends = append(dividends, int64(r.Uint64())>>(64-ty.bits))
		}
		for _, op := range []string{"udiv", "urem", "sdiv", "srem"} {
			for _, d := range divisors {
				src := fmt.Sprintf("function %%f(%s) -> %s {\nblock0(v0: %s):\n    v1 = iconst.%s %d\n    v2 = %s v0, v1\n    return v2\n}\n",
					ty.name, ty.name, ty.name, ty.name, d, op)
				pf, err := ir.ParseFile("div.clif", []byte(src))
				if err != nil {
					t.Fatalf("%v\n%s", err, src)
				}
				orig := pf.Functions[0].Func
				opt := orig.Clone()
				if _, err := Optimize(opt, verifyOpts); err != nil {
					t.Fatalf("%s by %d: %v", op, d, err)
				}
				traps := d == 0 || (op[0] == 's' && d == -1)
				if !traps && strings.Contains(opt.String(), op+" ") {
					t.Errorf("%s.%s by %d not rewritten:\n%s", op, ty.name, d, opt)
				}
				for _, n := range dividends {
					args := []ir.DataValue{ir.DataInt(orig.Signature.Params[0].Type, n)}
					want, ok1 := outcome(orig, args)
					got, ok2 := outcome(opt, args)
					if ok1 && ok2 && want != got {
						t.Fatalf("%s.%s %d by %d: before %s, after %s\n%s", op, ty.name, n, d, want, got, opt)
					}
				}
			}
		}
	}
}
