package lower

import (
	"fmt"
	"strings"
	"testing"

	"kiln/ir"
	"kiln/regalloc"
)

func parse(t *testing.T, src string) *ir.Function {
	t.Helper()
	fs, err := ir.ParseFunctions("test", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return fs[0]
}

func TestBlockOrderSplitsMultiwayEdgesAndSinksColdBlocks(t *testing.T) {
	f := parse(t, `function %f(i32) -> i32 {
block0(v0: i32):
    brif v0, block1, block2
block1 cold:
    return v0
block2:
    jump block3(v0)
block3(v1: i32):
    return v1
}`)
	o, err := ComputeBlockOrder(f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range o.Lowered {
		switch {
		case b.IsEdge():
			got = append(got, fmt.Sprintf("edge(%s->%s)", b.Pred, b.Succ))
		case b.Cold:
			got = append(got, b.Orig.String()+"(cold)")
		default:
			got = append(got, b.Orig.String())
		}
	}
	want := "block0 edge(block0->block1) edge(block0->block2) block2 block3 block1(cold)"
	if strings.Join(got, " ") != want {
		t.Fatalf("order = %s, want %s", strings.Join(got, " "), want)
	}
}

// testInst is a fake machine instruction: it records the IR opcode.
type testInst struct{ name string }

type testBackend struct{}

func (testBackend) LowerArgs(c *Ctx[testInst], params []regalloc.VReg) error {
	ops := make([]regalloc.Operand, len(params))
	for i, p := range params {
		ops[i] = regalloc.FixedDef(p, regalloc.NewPReg(regalloc.Int, i))
	}
	c.Emit(testInst{"args"}, KindOther, regalloc.RegSet{}, ops...)
	return nil
}

func (testBackend) LowerInst(c *Ctx[testInst], i ir.Inst) error {
	d := &c.F.DFG.Insts[i]
	var ops []regalloc.Operand
	for k, a := range c.F.DFG.Args(i) {
		if d.Opcode == ir.OpReturn {
			ops = append(ops, regalloc.FixedUse(c.VReg(a), regalloc.NewPReg(regalloc.Int, k)))
		} else {
			ops = append(ops, regalloc.Use(c.VReg(a)))
		}
	}
	for _, r := range c.F.DFG.Results(i) {
		ops = append(ops, regalloc.Def(c.Output(r)))
	}
	kind := KindOther
	if d.Opcode == ir.OpReturn {
		kind = KindRet
	}
	c.Emit(testInst{d.Opcode.String()}, kind, regalloc.RegSet{}, ops...)
	return nil
}

func (testBackend) LowerBranch(c *Ctx[testInst], i ir.Inst, targets []Block) error {
	c.Emit(testInst{"br"}, KindBranch, regalloc.RegSet{}, regalloc.Use(c.VReg(c.F.DFG.Args(i)[0])))
	return nil
}

func (testBackend) Jump(target Block) testInst { return testInst{fmt.Sprintf("jump %d", target)} }

func TestLowerSkipsDeadPureCodeAndAllocates(t *testing.T) {
	f := parse(t, `function %f(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = iadd v0, v1
    v3 = imul v0, v1
    brif v0, block1(v2), block2
block1(v4: i64):
    return v4
block2:
    jump block1(v1)
}`)
	vc, err := Lower[testInst](f, testBackend{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := range vc.NumInsts() {
		names = append(names, vc.Inst(regalloc.Inst(i)).name)
	}
	// v3 (imul) is unused and pure: not lowered.
	want := "args iadd br jump 4 jump 3 jump 4 return"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("insts = %s, want %s", got, want)
	}
	env := &regalloc.MachineEnv{}
	for i := range 4 {
		env.Preferred.Add(regalloc.NewPReg(regalloc.Int, i))
	}
	if _, err := regalloc.Allocate(vc, env, regalloc.Options{Verify: true}); err != nil {
		t.Fatal(err)
	}
}

func TestLowerI128ParamsArePairs(t *testing.T) {
	f := parse(t, `function %f(i128) -> i128 {
block0(v0: i128):
    jump block1(v0)
block1(v1: i128):
    return v1
}`)
	vc, err := Lower[testInst](f, testBackend{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(vc.BlockParams(1)); n != 2 {
		t.Fatalf("block1 has %d vreg params, want 2 (an i128 pair)", n)
	}
	if n := len(vc.Operands(0)); n != 2 {
		t.Fatalf("args defines %d vregs, want 2", n)
	}
}

// mergeTwiceBackend lowers iadd x, (load p) as a rule that recomputes its
// operands twice would (amd64's i128 select compares once per half): the
// first copy merges the load, the second reads it in a register.
type mergeTwiceBackend struct{ testBackend }

func (b mergeTwiceBackend) LowerInst(c *Ctx[testInst], i ir.Inst) error {
	d := &c.F.DFG.Insts[i]
	if d.Opcode != ir.OpIadd {
		return b.testBackend.LowerInst(c, i)
	}
	args := c.F.DFG.Args(i)
	l := c.SinkableLoad(args[1])
	if l == ir.NoInst {
		return b.testBackend.LowerInst(c, i)
	}
	c.Sink(l)
	t := c.NewVReg(regalloc.Int)
	c.Emit(testInst{"iadd_mem"}, KindOther, regalloc.RegSet{}, regalloc.Use(c.VReg(args[0])), regalloc.Use(c.VReg(c.F.DFG.Args(l)[0])), regalloc.Def(t))
	if c.SinkableLoad(args[1]) != ir.NoInst {
		return fmt.Errorf("the load is sinkable twice")
	}
	c.Emit(testInst{"iadd"}, KindOther, regalloc.RegSet{}, regalloc.Use(t), regalloc.Use(c.VReg(args[1])), regalloc.Def(c.Output(c.F.DFG.Results(i)[0])))
	return nil
}

// A load merged into one recomputation of its user and read in a register
// by another is lowered as well: its value must be defined.
func TestLowerSunkLoadReadInRegisterIsLowered(t *testing.T) {
	f := parse(t, `function %f(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = load.i64 notrap aligned v0
    v3 = iadd v1, v2
    return v3
}`)
	vc, err := Lower[testInst](f, mergeTwiceBackend{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := range vc.NumInsts() {
		names = append(names, vc.Inst(regalloc.Inst(i)).name)
	}
	want := "args load iadd_mem iadd return"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("insts = %s, want %s", got, want)
	}
	env := &regalloc.MachineEnv{}
	for i := range 4 {
		env.Preferred.Add(regalloc.NewPReg(regalloc.Int, i))
	}
	if _, err := regalloc.Allocate(vc, env, regalloc.Options{Verify: true}); err != nil {
		t.Fatal(err)
	}
}
