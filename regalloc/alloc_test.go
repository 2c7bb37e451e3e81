package regalloc

import (
	"errors"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

func ireg(i int) PReg { return NewPReg(Int, i) }

// allocBoth allocates f with both algorithms, checks each result, and
// returns them (fast first).
func allocBoth(t *testing.T, f *testFunc, env *MachineEnv) [2]*Output {
	t.Helper()
	var outs [2]*Output
	for k, algo := range []Algorithm{Fast, Quality} {
		out, err := Allocate(f, env, Options{Algorithm: algo, Verify: true})
		if err != nil {
			t.Fatalf("%s: %v\n%s", algo, err, f.dump(nil))
		}
		outs[k] = out
	}
	return outs
}

// callFunc: arguments in p0/p1, a two-address add, a call that clobbers
// the preferred registers (p0, p1) with v1 live across it, and a return.
func callFunc() (*testFunc, *MachineEnv) {
	var bd builder
	env := testEnv(4, 2, 2, true)
	v0, v1, v2, v3, v4 := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
	bd.block()
	bd.op(FixedDef(v0, ireg(0)), FixedDef(v1, ireg(1)))
	bd.op(Use(v0), Use(v1), ReuseDef(v2, 0))
	bd.inst(testInst{ops: []Operand{FixedUse(v2, ireg(0)), FixedDef(v3, ireg(0))}, clob: RegSetOf(ireg(0), ireg(1))})
	bd.op(Use(v1), Use(v3), Def(v4))
	bd.ret(FixedUse(v4, ireg(0)))
	return bd.finish(), env
}

func TestConstraintKinds(t *testing.T) {
	t.Run("fixed and reuse across a call", func(t *testing.T) {
		f, env := callFunc()
		for _, out := range allocBoth(t, f, env) {
			if a := out.InstAllocs(1); a[2] != a[0] {
				t.Errorf("reuse def in %s, input in %s", a[2], a[0])
			}
			if a := out.InstAllocs(2); a[0] != RegLoc(ireg(0)) || a[1] != RegLoc(ireg(0)) {
				t.Errorf("call operands in %v, want p0 p0", a)
			}
			if a := out.InstAllocs(3); a[0].IsReg() && (a[0].Reg() == ireg(0) || a[0].Reg() == ireg(1)) {
				// Fine only if reloaded after the call.
				reloaded := false
				for _, e := range out.Edits {
					reloaded = reloaded || e.Point == PointBefore(3) && e.To == a[0]
				}
				if !reloaded {
					t.Errorf("v1 read from clobbered %s without a reload", a[0])
				}
			}
		}
	})
	t.Run("stack and any", func(t *testing.T) {
		var bd builder
		env := testEnv(2, 1, 1, false)
		v0, v1, v2 := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
		bd.block()
		bd.op(Def(v0))
		bd.op(StackUse(v0), AnyUse(v0), StackDef(v1))
		bd.op(AnyUse(v1), AnyDef(v2))
		bd.ret(FixedUse(v2, ireg(0)))
		f := bd.finish()
		for _, out := range allocBoth(t, f, env) {
			if a := out.InstAllocs(1); !a[0].IsStack() || !a[2].IsStack() {
				t.Errorf("stack operands in %v", a)
			}
		}
	})
	t.Run("early def and late use", func(t *testing.T) {
		var bd builder
		env := testEnv(3, 1, 1, false)
		v0, v1, v2, v3 := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
		bd.block()
		bd.op(Def(v0))
		bd.op(Def(v1))
		bd.op(Use(v0), UseAtEnd(v1), DefAtStart(v2), Def(v3))
		bd.ret(FixedUse(v2, ireg(0)), FixedUse(v3, ireg(1)))
		f := bd.finish()
		for _, out := range allocBoth(t, f, env) {
			a := out.InstAllocs(2)
			if a[2] == a[0] || a[2] == a[1] || a[3] == a[1] || a[2] == a[3] {
				t.Errorf("overlapping operands %v", a)
			}
		}
	})
	t.Run("pressure spills", func(t *testing.T) {
		var bd builder
		env := testEnv(2, 1, 1, false)
		bd.block()
		var vs []VReg
		for k := 0; k < 6; k++ {
			v := bd.vreg(Int)
			bd.op(Def(v))
			vs = append(vs, v)
		}
		for k := len(vs) - 1; k > 0; k-- {
			v := bd.vreg(Int)
			bd.op(Use(vs[k]), Use(vs[k-1]), Def(v))
		}
		bd.ret()
		f := bd.finish()
		for _, out := range allocBoth(t, f, env) {
			if out.Stats.Spills == 0 || out.Stats.Reloads == 0 {
				t.Errorf("six live values in two registers without spills: %+v", out.Stats)
			}
		}
	})
	t.Run("move coalescing", func(t *testing.T) {
		var bd builder
		env := testEnv(4, 1, 1, false)
		v0, v1 := bd.vreg(Int), bd.vreg(Int)
		bd.block()
		bd.op(Def(v0))
		bd.inst(testInst{ops: []Operand{Use(v0), Def(v1)}, move: true})
		bd.ret(AnyUse(v1))
		f := bd.finish()
		out := allocBoth(t, f, env)[1]
		if a := out.InstAllocs(1); a[0] != a[1] {
			t.Errorf("quality did not coalesce a dying move: %v", a)
		}
	})
}

// loopFunc: a loop whose back edge swaps its two parameters (a parallel
// move cycle) and whose body calls a function.
func loopFunc(nregs int, scratch bool) (*testFunc, *MachineEnv) {
	var bd builder
	env := testEnv(nregs, 1, 1, scratch)
	v0, v1, a, b, c, d := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
	bd.block() // 0
	bd.op(FixedDef(v0, ireg(0)), FixedDef(v1, ireg(1)))
	bd.jump([]Block{1}, [][]VReg{{v0, v1}})
	bd.block(a, b) // 1: loop header
	bd.inst(testInst{ops: []Operand{FixedUse(a, ireg(0)), FixedDef(c, ireg(0))}, clob: RegSetOf(ireg(0), ireg(1))})
	bd.op(Use(b), Use(c), Def(d))
	bd.jump([]Block{2, 3}, [][]VReg{nil, nil}, Use(d))
	bd.block() // 2: latch
	bd.jump([]Block{1}, [][]VReg{{b, a}})
	bd.block() // 3: exit
	bd.ret(FixedUse(c, ireg(0)))
	return bd.finish(), env
}

func TestBlockParamCycles(t *testing.T) {
	for _, tc := range []struct {
		nregs   int
		scratch bool
	}{{4, true}, {4, false}, {2, false}, {3, false}} {
		f, env := loopFunc(tc.nregs, tc.scratch)
		allocBoth(t, f, env)
	}
}

// TestLoopInvariantInRegister: a value the loop only reads (s, the step
// of a strided loop, as in the sieve kernel) that reaches the loop only in
// its slot is loaded once on the way in, not at every iteration: Quality
// puts no reload inside the loop (blocks 1 and 2).
func TestLoopInvariantInRegister(t *testing.T) {
	var bd builder
	env := testEnv(6, 1, 1, false)
	s, j0, j, j2 := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
	bd.block() // 0: s is displaced by a two-address def and only live out
	bd.op(Def(s))
	bd.op(Use(s), ReuseDef(j0, 0))
	bd.jump([]Block{1}, [][]VReg{{j0}})
	bd.block(j) // 1: loop header, j2 = j + s
	bd.op(Use(j), Use(s), ReuseDef(j2, 0))
	bd.jump([]Block{2, 3}, [][]VReg{nil, nil}, Use(j2))
	bd.block() // 2: latch
	bd.jump([]Block{1}, [][]VReg{{j2}})
	bd.block() // 3: exit
	bd.ret(FixedUse(j2, ireg(0)))
	f := bd.finish()
	out := allocBoth(t, f, env)[1]
	loop := [2]Inst{f.BlockInsts(1).First, f.BlockInsts(2).End}
	for _, e := range out.Edits {
		if i := e.Point.Inst(); i >= loop[0] && i < loop[1] && e.From.IsStack() {
			t.Errorf("reload inside the loop: %s: %s -> %s", e.Point, e.From, e.To)
		}
	}
}

// TestInductionStepInParamRegister: i' = i + k with a three-address def
// (lea) lands in the register of the loop parameter it feeds, which i's
// dying use holds, so the back edge carries no move.
func TestInductionStepInParamRegister(t *testing.T) {
	var bd builder
	env := testEnv(6, 1, 1, false)
	i0, k, i, i2 := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
	bd.block() // 0
	bd.op(Def(i0))
	bd.op(Def(k))
	bd.jump([]Block{1}, [][]VReg{{i0}})
	bd.block(i) // 1: loop header, i2 = i + k
	bd.op(Use(i), Use(k), Def(i2))
	bd.jump([]Block{2, 3}, [][]VReg{nil, nil}, Use(i2))
	bd.block() // 2: latch
	latch := bd.jump([]Block{1}, [][]VReg{{i2}})
	bd.block() // 3: exit
	bd.ret(FixedUse(i2, ireg(0)))
	f := bd.finish()
	out := allocBoth(t, f, env)[1]
	for _, e := range out.Edits {
		if e.Point.Inst() == latch {
			t.Errorf("back edge move: %s: %s -> %s", e.Point, e.From, e.To)
		}
	}
}

func TestInvalidInput(t *testing.T) {
	env := testEnv(2, 1, 0, false)
	cases := []struct {
		name  string
		build func(bd *builder)
		inst  Inst
		want  string
	}{
		{"use before def on one path", func(bd *builder) {
			c, v, w := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
			bd.block()
			bd.op(Def(c))
			bd.jump([]Block{1, 2}, nil, Use(c))
			bd.block()
			bd.op(Def(v))
			bd.jump([]Block{3}, nil)
			bd.block()
			bd.jump([]Block{3}, nil)
			bd.block()
			bd.op(Use(v), Def(w)) // inst 5
			bd.ret()
		}, 5, "not dominated"},
		{"undefined vreg", func(bd *builder) {
			v := bd.vreg(Int)
			bd.block()
			bd.ret(Use(v))
		}, 0, "never defined"},
		{"two fixed uses of one register", func(bd *builder) {
			v, w := bd.vreg(Int), bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
			bd.op(Def(w))
			bd.op(FixedUse(v, ireg(0)), FixedUse(w, ireg(0)))
			bd.ret()
		}, 2, "two fixed uses"},
		{"reuse index out of range", func(bd *builder) {
			v, w := bd.vreg(Int), bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
			bd.op(Use(v), ReuseDef(w, 5))
			bd.ret()
		}, 1, "reuse index 5 out of range"},
		{"no register of the class", func(bd *builder) {
			v, w := bd.vreg(Vector), bd.vreg(Vector)
			bd.block()
			bd.op(AnyDef(v))
			bd.op(Use(v), AnyDef(w))
			bd.ret()
		}, 1, "machine has none"},
		{"more simultaneous registers than exist", func(bd *builder) {
			a, b, c, d := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
			bd.block()
			bd.op(Def(a))
			bd.op(Def(b))
			bd.op(Def(c))
			bd.op(Use(a), Use(b), Use(c), Def(d))
			bd.ret()
		}, 3, "no int register left"},
		{"fixed register of the wrong class", func(bd *builder) {
			v := bd.vreg(Float)
			bd.block()
			bd.op(FixedDef(v, ireg(0)))
			bd.ret()
		}, 0, "not of class float"},
		{"critical edge", func(bd *builder) {
			c := bd.vreg(Int)
			bd.block()
			bd.op(Def(c))
			bd.jump([]Block{1, 2}, nil, Use(c))
			bd.block()
			bd.jump([]Block{2}, nil)
			bd.block()
			bd.ret()
		}, 1, "critical edge"},
		{"operands on a single-successor branch", func(bd *builder) {
			c := bd.vreg(Int)
			bd.block()
			bd.op(Def(c))
			bd.jump([]Block{1}, nil, Use(c))
			bd.block()
			bd.ret()
		}, 1, "single successor"},
		{"defined twice", func(bd *builder) {
			v := bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
			bd.op(Def(v))
			bd.ret()
		}, 1, "defined twice"},
		{"no terminator", func(bd *builder) {
			v := bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
		}, 0, "does not end with a branch"},
		{"successor listed twice", func(bd *builder) {
			c := bd.vreg(Int)
			bd.block()
			bd.op(Def(c))
			bd.jump([]Block{1, 1}, nil, Use(c))
			bd.block()
			bd.ret()
		}, 1, "successor twice"},
		{"entry parameters", func(bd *builder) {
			v := bd.vreg(Int)
			bd.block(v)
			bd.ret()
		}, -1, "entry block has parameters"},
		{"unreachable block", func(bd *builder) {
			bd.block()
			bd.ret()
			bd.block()
			bd.ret()
		}, -1, "unreachable"},
		{"use with the wrong class", func(bd *builder) {
			v := bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
			bd.ret(Use(NewVReg(v.Index(), Float)))
		}, 1, "used as class float"},
		{"late use fixed to a clobbered register", func(bd *builder) {
			v := bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
			bd.inst(testInst{ops: []Operand{FixedUseAtEnd(v, ireg(0))}, clob: RegSetOf(ireg(0))})
			bd.ret()
		}, 1, "clobbers"},
		{"argument count", func(bd *builder) {
			v, p := bd.vreg(Int), bd.vreg(Int)
			bd.block()
			bd.op(Def(v))
			bd.jump([]Block{1}, [][]VReg{{v, v}})
			bd.block(p)
			bd.ret()
		}, 1, "passes 2 arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var bd builder
			tc.build(&bd)
			f := bd.finish()
			check := func(what string, err error) {
				t.Helper()
				var re *Error
				if !errors.As(err, &re) {
					t.Fatalf("%s: got %v, want *Error", what, err)
				}
				if re.Inst != tc.inst || !strings.Contains(re.Msg, tc.want) {
					t.Errorf("%s: got %v (inst %d), want inst %d and %q", what, err, re.Inst, tc.inst, tc.want)
				}
			}
			if !strings.Contains(tc.want, "register left") { // found while allocating
				check("Validate", Validate(f, env))
			}
			for _, algo := range []Algorithm{Fast, Quality} {
				_, err := Allocate(f, env, Options{Algorithm: algo, Verify: true})
				check(algo.String(), err)
				// Unverified, the input is trusted: an error or not, but
				// never a panic.
				if _, err := Allocate(f, env, Options{Algorithm: algo}); err != nil && !errors.As(err, new(*Error)) {
					t.Errorf("%s unverified: error of type %T: %v", algo, err, err)
				}
			}
		})
	}
}

func TestBadMachineEnv(t *testing.T) {
	f, env := callFunc()
	bad := *env
	bad.Scratch = RegSetOf(ireg(0)) // allocatable
	if _, err := Allocate(f, &bad, Options{}); err == nil || !strings.Contains(err.Error(), "scratch") {
		t.Errorf("allocatable scratch register: got %v", err)
	}
	bad = *env
	bad.Scratch = RegSetOf(ireg(40), ireg(41)) // two for one class
	if _, err := Allocate(f, &bad, Options{}); err == nil || !strings.Contains(err.Error(), "scratch") {
		t.Errorf("two int scratch registers: got %v", err)
	}
	var empty MachineEnv // no registers: callFunc's Reg operands cannot be met
	if _, err := Allocate(f, &empty, Options{}); err == nil {
		t.Errorf("empty machine accepted")
	}
}

// TestReuseOutput allocates generated functions into one reused Output and
// requires the same result as a fresh one each time.
func TestReuseOutput(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	reuse := &Output{}
	for n := 0; n < 200; n++ {
		data := make([]byte, 8+rng.Intn(400))
		rng.Read(data)
		f, env := generate(data)
		for _, algo := range []Algorithm{Fast, Quality} {
			want, err := Allocate(f, env, Options{Algorithm: algo})
			if err != nil {
				t.Fatal(err)
			}
			got, err := Allocate(f, env, Options{Algorithm: algo, Reuse: reuse})
			if err != nil {
				t.Fatal(err)
			}
			if got != reuse {
				t.Fatalf("%s: Allocate did not return the reused Output", algo)
			}
			if !slices.Equal(got.Allocs, want.Allocs) || !slices.Equal(got.InstAllocStart, want.InstAllocStart) ||
				!slices.Equal(got.Edits, want.Edits) || !slices.Equal(got.SpillSlotClass, want.SpillSlotClass) ||
				got.WrittenRegs != want.WrittenRegs || got.CalleeSavedUsed != want.CalleeSavedUsed || got.Stats != want.Stats {
				t.Fatalf("%s: function %d: reused Output differs from a fresh one", algo, n)
			}
		}
	}
}

// TestDominators compares the dominator tree with the textbook fixed point
// over dominator sets, on generated CFGs (reducible or not).
func TestDominators(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	irreducible := 0
	for n := 0; n < 300; n++ {
		data := make([]byte, 8+rng.Intn(400))
		rng.Read(data)
		f, env := generate(data)
		a, err := analyze(f, env, false)
		if err != nil {
			t.Fatal(err)
		}
		if !a.reducible() {
			irreducible++
		}
		nb := a.nBlocks
		dom := make([][]bool, nb) // dom[b][x]: x dominates b
		for b := range dom {
			dom[b] = make([]bool, nb)
			for x := range dom[b] {
				dom[b][x] = b != 0 || x == 0
			}
		}
		for changed := true; changed; {
			changed = false
			for _, b := range a.rpo[1:] {
				for x := 0; x < nb; x++ {
					in := true
					for _, p := range a.preds(b) {
						in = in && dom[p][x]
					}
					in = in || x == int(b)
					if in != dom[b][x] {
						dom[b][x], changed = in, true
					}
				}
			}
		}
		for b := 0; b < nb; b++ {
			for x := 0; x < nb; x++ {
				if a.dominates(Block(x), Block(b)) != dom[b][x] {
					t.Fatalf("function %d: dominates(%d, %d) = %v, want %v", n, x, b, !dom[b][x], dom[b][x])
				}
			}
		}
	}
	t.Logf("%d of 300 generated CFGs irreducible", irreducible)
}
