package regalloc

import (
	"math/rand"
	"slices"
	"testing"
)

func cloneOutput(o *Output) *Output {
	c := *o
	c.Allocs = slices.Clone(o.Allocs)
	c.InstAllocStart = slices.Clone(o.InstAllocStart)
	c.Edits = slices.Clone(o.Edits)
	c.SpillSlotClass = slices.Clone(o.SpillSlotClass)
	return &c
}

// TestCheckerRejectsCorruption corrupts correct allocations of callFunc in
// ways that are wrong whatever the allocator chose, and requires the checker
// to notice every one.
func TestCheckerRejectsCorruption(t *testing.T) {
	f, env := callFunc()
	corruptions := []struct {
		name   string
		mutate func(o *Output)
	}{
		{"fixed use in the wrong register", func(o *Output) { o.InstAllocs(2)[0] = RegLoc(ireg(1)) }},
		{"reuse def apart from its input", func(o *Output) {
			a := o.InstAllocs(1)
			a[2] = RegLoc(ireg((a[0].Reg().Index() + 1) % 4))
		}},
		{"two values share a register", func(o *Output) { o.InstAllocs(3)[0] = o.InstAllocs(3)[1] }},
		{"no edits: v1 dies in the call's clobbers", func(o *Output) { o.Edits = nil }},
		{"an edit overwrites a live value", func(o *Output) {
			dst := o.InstAllocs(3)[0] // where v1 is read
			src := RegLoc(ireg(2))
			if dst == src {
				src = RegLoc(ireg(3))
			}
			o.Edits = append(o.Edits, Edit{PointBefore(3), src, dst})
			slices.SortStableFunc(o.Edits, func(x, y Edit) int { return int(x.Point) - int(y.Point) })
		}},
		{"slot to slot edit", func(o *Output) {
			o.SpillSlotClass = append(o.SpillSlotClass, Int, Int)
			n := SpillSlot(len(o.SpillSlotClass))
			o.Edits = append([]Edit{{PointBefore(0), StackLoc(n - 2), StackLoc(n - 1)}}, o.Edits...)
		}},
		{"edits out of order", func(o *Output) {
			o.Edits = append(o.Edits, Edit{PointBefore(0), RegLoc(ireg(2)), RegLoc(ireg(3))})
		}},
		{"written registers incomplete", func(o *Output) { o.WrittenRegs = RegSet{} }},
		{"operand in a register of the wrong class", func(o *Output) { o.InstAllocs(3)[2] = RegLoc(NewPReg(Float, 0)) }},
		{"def in a scratch register", func(o *Output) { o.InstAllocs(3)[2] = RegLoc(env.Scratch.First(Int)) }},
		{"missing allocation", func(o *Output) { o.InstAllocs(3)[2] = 0 }},
	}
	for _, algo := range []Algorithm{Fast, Quality} {
		good, err := Allocate(f, env, Options{Algorithm: algo, Verify: true})
		if err != nil {
			t.Fatalf("%s: %v", algo, err)
		}
		for _, c := range corruptions {
			bad := cloneOutput(good)
			c.mutate(bad)
			if err := Check(f, env, bad); err == nil {
				t.Errorf("%s: checker accepted %q:\n%s", algo, c.name, f.dump(bad))
			}
		}
	}
}

// TestCheckerRejectsLostParamMoves drops the edge moves of a loop whose
// back edge swaps its parameters.
func TestCheckerRejectsLostParamMoves(t *testing.T) {
	f, env := loopFunc(4, false)
	latchBranch := f.blocks[2].end - 1
	for _, algo := range []Algorithm{Fast, Quality} {
		good, err := Allocate(f, env, Options{Algorithm: algo, Verify: true})
		if err != nil {
			t.Fatal(err)
		}
		bad := cloneOutput(good)
		bad.Edits = slices.DeleteFunc(bad.Edits, func(e Edit) bool { return e.Point == PointBefore(latchBranch) })
		if len(bad.Edits) == len(good.Edits) {
			t.Fatalf("%s: no edits on the swapping back edge", algo)
		}
		if err := Check(f, env, bad); err == nil {
			t.Errorf("%s: checker accepted a back edge without its parameter moves", algo)
		}
	}
}

// TestCheckerRejectsRandomDeletion deletes one edit at a time from
// allocations of generated functions. Some edits are redundant (a spill
// whose slot is never read again), so not every deletion is an error, but
// most must be caught; a checker that accepted everything would fail here.
func TestCheckerRejectsRandomDeletion(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	tried, rejected := 0, 0
	for n := 0; n < 300; n++ {
		data := make([]byte, 50+rng.Intn(300))
		rng.Read(data)
		f, env := generate(data)
		for _, algo := range []Algorithm{Fast, Quality} {
			out, err := Allocate(f, env, Options{Algorithm: algo})
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Edits) == 0 {
				continue
			}
			bad := cloneOutput(out)
			k := rng.Intn(len(bad.Edits))
			bad.Edits = slices.Delete(bad.Edits, k, k+1)
			tried++
			if Check(f, env, bad) != nil {
				rejected++
			}
		}
	}
	t.Logf("rejected %d of %d single-edit deletions", rejected, tried)
	if tried < 100 || rejected*10 < tried*6 {
		t.Errorf("checker rejected only %d of %d deletions", rejected, tried)
	}
}
