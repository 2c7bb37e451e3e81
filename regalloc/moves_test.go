package regalloc

import (
	"math/rand"
	"testing"
)

// checkParallelMove runs the resolver on moves and simulates the edits on
// concrete contents: every destination must end with its source's original
// contents, busy registers and untouched slots must keep theirs, and no edit
// may move slot to slot.
func checkParallelMove(t *testing.T, env *MachineEnv, moves []pmove, busy RegSet) {
	t.Helper()
	nslots := 0
	for _, m := range moves {
		for _, l := range [2]Alloc{m.from, m.to} {
			if l.IsStack() && int(l.Slot()) >= nslots {
				nslots = int(l.Slot()) + 1
			}
		}
	}
	base := nslots
	r := newMoveResolver(env, func(RegClass) SpillSlot { nslots++; return SpillSlot(nslots - 1) })
	edits, err := r.resolve(moves, PointBefore(0), busy, nil, nil)
	if err != nil {
		t.Fatalf("resolve %v: %v", moves, err)
	}
	// Initial contents: every location holds its own name.
	state := map[Alloc]Alloc{}
	get := func(l Alloc) Alloc {
		if v, ok := state[l]; ok {
			return v
		}
		return l
	}
	for _, e := range edits {
		if e.From.IsStack() && e.To.IsStack() {
			t.Fatalf("slot-to-slot edit %s in %v for %v", e, edits, moves)
		}
		state[e.To] = get(e.From)
	}
	dst := map[Alloc]bool{}
	for _, m := range moves {
		dst[m.to] = true
		if got := get(m.to); got != m.from {
			t.Fatalf("after %v\nfor %v: %s holds %s, want %s", edits, moves, m.to, got, m.from)
		}
	}
	for l := range state {
		if dst[l] {
			continue
		}
		if l.IsStack() && int(l.Slot()) < base || l.IsReg() && busy.Contains(l.Reg()) {
			if got := get(l); got != l {
				t.Fatalf("after %v\nfor %v: %s clobbered (holds %s)", edits, moves, l, got)
			}
		}
	}
}

// randomParallelMove makes a permutation-like move set over a few registers
// and slots of one class: cycles, chains, fan-out, slot-to-slot.
func randomParallelMove(rng *rand.Rand) (*MachineEnv, []pmove, RegSet) {
	nregs := 1 + rng.Intn(4)
	env := testEnv(nregs, 1, 1, rng.Intn(2) == 0)
	var locs []Alloc
	for i := 0; i < nregs; i++ {
		locs = append(locs, RegLoc(NewPReg(Int, i)))
	}
	for i := 0; i < 1+rng.Intn(4); i++ {
		locs = append(locs, StackLoc(SpillSlot(i)))
	}
	rng.Shuffle(len(locs), func(i, j int) { locs[i], locs[j] = locs[j], locs[i] })
	var moves []pmove
	used := map[Alloc]bool{}
	for k := 0; k < rng.Intn(len(locs)+1); k++ {
		to := locs[rng.Intn(len(locs))]
		if used[to] {
			continue
		}
		used[to] = true
		moves = append(moves, pmove{locs[rng.Intn(len(locs))], to, Int})
	}
	// Registers neither read nor written are busy at random: live values
	// the resolver must not use as temporaries.
	var busy RegSet
	for i := 0; i < nregs; i++ {
		p := NewPReg(Int, i)
		if !used[RegLoc(p)] && rng.Intn(2) == 0 {
			busy.Add(p)
		}
	}
	return env, moves, busy
}

func TestParallelMoves(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for k := 0; k < 20000; k++ {
		env, moves, busy := randomParallelMove(rng)
		checkParallelMove(t, env, moves, busy)
	}
}

func TestParallelMoveCycles(t *testing.T) {
	r0, r1, r2 := RegLoc(NewPReg(Int, 0)), RegLoc(NewPReg(Int, 1)), RegLoc(NewPReg(Int, 2))
	s0, s1 := StackLoc(0), StackLoc(1)
	cases := []struct {
		name    string
		scratch bool
		moves   []pmove
		busy    RegSet
	}{
		{"swap regs with scratch", true, []pmove{{r0, r1, Int}, {r1, r0, Int}}, RegSet{}},
		{"swap regs no scratch", false, []pmove{{r0, r1, Int}, {r1, r0, Int}}, RegSetOf(NewPReg(Int, 2))},
		{"swap slots no free reg", false, []pmove{{s0, s1, Int}, {s1, s0, Int}}, RegSetOf(NewPReg(Int, 0), NewPReg(Int, 1), NewPReg(Int, 2))},
		{"rotate reg slot reg", false, []pmove{{r0, s0, Int}, {s0, r1, Int}, {r1, r0, Int}}, RegSetOf(NewPReg(Int, 2))},
		{"fan out", false, []pmove{{r0, r1, Int}, {r0, r2, Int}, {r0, s0, Int}}, RegSet{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkParallelMove(t, testEnv(3, 1, 1, tc.scratch), tc.moves, tc.busy)
		})
	}
	_ = r2
}

func FuzzParallelMoves(f *testing.F) {
	f.Add(int64(1))
	f.Add(int64(42))
	f.Fuzz(func(t *testing.T, seed int64) {
		rng := rand.New(rand.NewSource(seed))
		env, moves, busy := randomParallelMove(rng)
		checkParallelMove(t, env, moves, busy)
	})
}
