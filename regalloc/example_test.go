package regalloc

import "fmt"

// A two-address add followed by a call: the backend describes operands and
// clobbers, and applies the allocations and edits while emitting.
func ExampleAllocate() {
	var bd builder
	env := testEnv(4, 2, 2, true) // p0i, p1i preferred (caller-saved); p2i, p3i callee-saved
	a, b, sum, ret := bd.vreg(Int), bd.vreg(Int), bd.vreg(Int), bd.vreg(Int)
	bd.block()
	bd.op(FixedDef(a, NewPReg(Int, 0)), FixedDef(b, NewPReg(Int, 1))) // arguments
	bd.op(Use(a), Use(b), ReuseDef(sum, 0))                           // sum = a + b, in a's register
	// ret = call f(sum), clobbering p0i and p1i; b lives across it.
	bd.inst(testInst{
		ops:  []Operand{FixedUse(sum, NewPReg(Int, 0)), FixedDef(ret, NewPReg(Int, 0))},
		clob: RegSetOf(NewPReg(Int, 0), NewPReg(Int, 1)),
	})
	bd.ret(FixedUse(ret, NewPReg(Int, 0)), AnyUse(b))
	f := bd.finish()

	out, err := Allocate(f, env, Options{Algorithm: Quality, Verify: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := Inst(0); int(i) < f.NumInsts(); i++ {
		for _, e := range out.EditsAt(PointBefore(i)) {
			fmt.Printf("  move %s -> %s\n", e.From, e.To)
		}
		fmt.Printf("inst %d: %v\n", i, out.InstAllocs(i))
		for _, e := range out.EditsAt(PointAfter(i)) {
			fmt.Printf("  move %s -> %s\n", e.From, e.To)
		}
	}
	fmt.Println("callee-saved used:", out.CalleeSavedUsed)
	// Output:
	// inst 0: [p0i p1i]
	// inst 1: [p0i p1i p0i]
	//   move p1i -> p2i
	// inst 2: [p0i p0i]
	// inst 3: [p0i p2i]
	// callee-saved used: [p2i]
}
