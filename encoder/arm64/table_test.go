package arm64

import (
	"math/rand/v2"
	"testing"
)

// TestTableFields checks the table's integrity on every generated case:
// no operand writes a bit that the row's Fixed already sets (an OR would
// hide it), and no two operands write the same bit. Either would make
// some operand value unrepresentable without any decoder noticing unless
// exactly that value was tried.
func TestTableFields(t *testing.T) {
	g := &gen{rnd: rand.New(rand.NewPCG(41, 42))}
	for op := Op(0); int(op) < len(opRows); op++ {
		r := &opRows[op]
		bad := 0
		g.cases(op, 8, func(vals []int64) {
			e := enc{r: r, vals: vals}
			var seen uint32
			for j := range r.args {
				b, err := r.args[j].encode(&e, r.start[j])
				if err != nil {
					return // unpredictable combinations are tested elsewhere
				}
				if b&r.Fixed != 0 && bad < 3 {
					bad++
					t.Errorf("%s: operand %s writes %#08x, inside Fixed %#08x", op, r.args[j].tok, b&r.Fixed, r.Fixed)
				}
				if b&seen != 0 && bad < 3 {
					bad++
					t.Errorf("%s: operand %s writes %#08x, already written by an earlier operand", op, r.args[j].tok, b&seen)
				}
				seen |= b
			}
		})
	}
}
