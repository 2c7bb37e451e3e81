package optimizing

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"kiln/ir"
	"kiln/optimizing/internal/benchtest"
)

// bigFunction writes a function of about n instructions: a chain of
// blocks, each a small loop with invariant and variant arithmetic, so every
// pass sees many blocks, loops and values.
func bigFunction(n int) string {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	var b strings.Builder
	b.WriteString("function %big(i64, i64) -> i64 {\nblock0(v0: i64, v1: i64):\n    jump block1(v1)\n\n")
	v := 2
	blocks := n / 12
	for i := 1; i <= blocks; i++ {
		acc := v
		fmt.Fprintf(&b, "block%d(v%d: i64):\n", i, acc)
		v++
		k := v
		fmt.Fprintf(&b, "    v%d = iconst.i64 %d\n", k, r.IntN(100))
		v++
		prev := acc
		for j := 0; j < 8; j++ {
			op := []string{"iadd", "imul", "bxor", "isub"}[r.IntN(4)]
			src := []int{0, k, prev}[r.IntN(3)]
			fmt.Fprintf(&b, "    v%d = %s v%d, v%d\n", v, op, prev, src)
			prev = v
			v++
		}
		c := v
		fmt.Fprintf(&b, "    v%d = icmp ult v%d, v0\n", c, prev)
		v++
		next := i + 1
		fmt.Fprintf(&b, "    brif v%d, block%d(v%d), block%d(v%d)\n\n", c, i, prev, next, prev)
	}
	fmt.Fprintf(&b, "block%d(v%d: i64):\n    return v%d\n}\n", blocks+1, v, v)
	return b.String()
}

// BenchmarkOptimizeSize optimizes one large function of each size and
// reports the time per instruction, which should stay flat as the size
// grows (every pass is linear or close to it).
func BenchmarkOptimizeSize(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			pf, err := ir.ParseFile("big.clif", []byte(bigFunction(n)))
			if err != nil {
				b.Fatal(err)
			}
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				f := pf.Functions[0].Func.Clone()
				before := benchtest.CPUTime()
				b.StartTimer()
				if _, err := Optimize(f, Options{Dump: "-"}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				cpu += benchtest.CPUTime() - before
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/inst")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/inst")
		})
	}
}
