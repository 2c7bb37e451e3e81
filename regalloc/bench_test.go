package regalloc

import (
	"fmt"
	"math/rand"
	"sync"
	"testing"
)

// amd64Env resembles x86-64 System V: 9 caller-saved and 5 callee-saved
// integer registers plus a scratch; 15 float registers, all caller-saved,
// plus a scratch; 8 vector registers.
func amd64Env() *MachineEnv {
	env := &MachineEnv{}
	for i := 0; i < 14; i++ {
		if i < 9 {
			env.Preferred.Add(NewPReg(Int, i))
		} else {
			env.NonPreferred.Add(NewPReg(Int, i))
		}
	}
	for i := 0; i < 15; i++ {
		env.Preferred.Add(NewPReg(Float, i))
	}
	for i := 0; i < 8; i++ {
		env.Preferred.Add(NewPReg(Vector, i))
	}
	env.Scratch = RegSetOf(NewPReg(Int, 14), NewPReg(Float, 15))
	return env
}

var benchFuncs sync.Map // [2]int{size, avail} -> *testFunc

// largeFunc generates a function of about n instructions: thousands of
// blocks, small loops, calls, block parameters, every constraint kind.
// Each block draws operands from the last avail values in reach (0: the
// generator's default, high pressure).
func largeFunc(n, avail int) (*testFunc, *MachineEnv) {
	env := amd64Env()
	key := [2]int{n, avail}
	if f, ok := benchFuncs.Load(key); ok {
		return f.(*testFunc), env
	}
	src := &byteSource{rng: rand.New(rand.NewSource(int64(n)))}
	f := generateWith(src, env, genConfig{blocks: n / 14, maxInsts: 10, window: 6, avail: avail})
	f.compact()
	benchFuncs.Store(key, f)
	return f, env
}

func TestLargeFunction(t *testing.T) {
	if testing.Short() {
		t.Skip("large function: skipped in -short mode")
	}
	for _, avail := range []int{0, 12} {
		f, env := largeFunc(10_000, avail)
		for _, algo := range []Algorithm{Fast, Quality} {
			out, err := Allocate(f, env, Options{Algorithm: algo, Verify: true})
			if err != nil {
				t.Fatalf("%s: %v", algo, err)
			}
			t.Logf("%s: %d insts, %d blocks, %d vregs: %+v, %d slots", algo, f.NumInsts(), f.NumBlocks(), f.NumVRegs(), out.Stats, out.NumSpillSlots())
		}
	}
}

// BenchmarkAllocate reports allocation time per instruction and the edits
// each algorithm inserts, per instruction, so speed and quality can be
// traded knowingly. Run with
//
//	go test kiln/regalloc -run='^$' -bench=Allocate
func BenchmarkAllocate(b *testing.B) {
	for _, sz := range []struct {
		name  string
		n     int
		avail int
	}{{"10k", 10_000, 0}, {"100k", 100_000, 0}, {"10k-lowpressure", 10_000, 12}} {
		f, env := largeFunc(sz.n, sz.avail)
		for _, algo := range []Algorithm{Fast, Quality} {
			b.Run(fmt.Sprintf("%s/%s", algo, sz.name), func(b *testing.B) {
				var out *Output
				var err error
				cpu0 := cpuNanos()
				for b.Loop() {
					if out, err = Allocate(f, env, Options{Algorithm: algo}); err != nil {
						b.Fatal(err)
					}
				}
				cpu := cpuNanos() - cpu0
				n := float64(f.NumInsts())
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/inst")
				if cpu > 0 {
					b.ReportMetric(float64(cpu)/float64(b.N)/n, "cpu-ns/inst")
				}
				b.ReportMetric(float64(out.Stats.Moves), "moves")
				b.ReportMetric(float64(out.Stats.Spills), "spills")
				b.ReportMetric(float64(out.Stats.Reloads), "reloads")
				b.ReportMetric(float64(len(out.Edits)), "edits")
				lw, lwMem := loopWeightedEdits(f, out)
				b.ReportMetric(lw, "loop-weighted-edits")
				b.ReportMetric(lwMem, "loop-weighted-spills+reloads")
				b.ReportMetric(float64(len(out.Edits))/n, "edits/inst")
			})
		}
	}
}

// loopWeightedEdits weighs each edit by 4^(loop depth of its block, at most
// 4): a rough estimate of how often it runs. Loops are the natural loops of
// back edges (p -> h with h dominating p). mem counts only the spills and
// reloads (memory accesses), the costly kinds.
func loopWeightedEdits(f *testFunc, out *Output) (all, mem float64) {
	a, err := analyze(f, amd64Env(), false)
	if err != nil {
		return 0, 0
	}
	depth := make([]int, len(f.blocks))
	for p := range f.blocks {
		for _, h := range f.blocks[p].succs {
			if !a.dominates(h, Block(p)) {
				continue
			}
			// Body: blocks reaching p without passing through h.
			in := map[Block]bool{h: true}
			work := []Block{Block(p)}
			for len(work) > 0 {
				b := work[len(work)-1]
				work = work[:len(work)-1]
				if in[b] {
					continue
				}
				in[b] = true
				work = append(work, f.blocks[b].preds...)
			}
			for b := range in {
				depth[b]++
			}
		}
	}
	for _, e := range out.Edits {
		d := min(depth[a.blockOf[e.Point.Inst()]], 4)
		w := float64(int(1) << (2 * d))
		all += w
		if e.Kind() != MoveEdit {
			mem += w
		}
	}
	return all, mem
}
