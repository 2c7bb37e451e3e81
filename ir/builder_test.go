package ir

import "testing"

func newTestFunc(params []Type, rets []Type) *Function {
	sig := NewSignature(CallConvFast)
	for _, p := range params {
		sig.Params = append(sig.Params, AbiParam{Type: p})
	}
	for _, r := range rets {
		sig.Returns = append(sig.Returns, AbiParam{Type: r})
	}
	return NewFunction(TestCaseName("f"), sig)
}

// sum(n) = 0 + 1 + ... + (n-1), with i and acc as variables in a loop.
func TestBuilderLoopSSA(t *testing.T) {
	f := newTestFunc([]Type{I32}, []Type{I32})
	fb := NewFunctionBuilder(f)
	entry, header, body, exit := fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock()
	i, acc, n := fb.DeclareVar(I32), fb.DeclareVar(I32), fb.DeclareVar(I32)

	fb.SwitchToBlock(entry)
	params := fb.AppendBlockParamsForFunctionParams(entry)
	fb.DefVar(n, params[0])
	fb.DefVar(i, fb.Iconst(I32, 0))
	fb.DefVar(acc, fb.Iconst(I32, 0))
	fb.Jump(header)
	fb.SealBlock(entry)

	fb.SwitchToBlock(header)
	c := fb.Icmp(IntSLT, fb.UseVar(i), fb.UseVar(n))
	fb.Brif(c, body, nil, exit, nil)

	fb.SwitchToBlock(body)
	fb.SealBlock(body)
	fb.DefVar(acc, fb.Iadd(fb.UseVar(acc), fb.UseVar(i)))
	fb.DefVar(i, fb.Iadd(fb.UseVar(i), fb.Iconst(I32, 1)))
	fb.Jump(header)
	fb.SealBlock(header)

	fb.SwitchToBlock(exit)
	fb.SealBlock(exit)
	fb.Return(fb.UseVar(acc))

	// n is loop-invariant: its header param must have been removed; i and
	// acc stay as the two header params.
	if got := len(f.DFG.BlockParams(header)); got != 2 {
		t.Fatalf("header has %d params, want 2 (i, acc):\n%s", got, f)
	}
	for _, p := range f.DFG.BlockParams(header) {
		if f.DFG.ValueType(p) != I32 {
			t.Errorf("param %s has type %s", p, f.DFG.ValueType(p))
		}
	}
	// Every jump to the header passes exactly two arguments.
	for b := range f.Layout.Blocks() {
		last := f.Layout.LastInst(b)
		for _, bc := range f.DFG.BlockCalls(last) {
			if bc.Block == header && bc.Args.Len != 2 {
				t.Errorf("%s jumps to header with %d args", b, bc.Args.Len)
			}
		}
	}
	// The compare uses the function parameter directly (after aliasing).
	cmp := f.DFG.Def(c).Inst
	if got := f.DFG.ResolveAliases(f.DFG.Args(cmp)[1]); got != params[0] {
		t.Errorf("icmp uses %s, want %s", got, params[0])
	}
}

// A variable defined once and read after a diamond needs no block param.
func TestBuilderDiamondNoParam(t *testing.T) {
	f := newTestFunc([]Type{I32}, []Type{I64})
	fb := NewFunctionBuilder(f)
	entry, left, right, join := fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock()
	x, y := fb.DeclareVar(I64), fb.DeclareVar(I64)
	fb.SwitchToBlock(entry)
	p := fb.AppendBlockParamsForFunctionParams(entry)[0]
	k := fb.Iconst(I64, 7)
	fb.DefVar(x, k)
	fb.DefVar(y, k)
	fb.Brif(p, left, nil, right, nil)
	fb.SealBlock(entry)
	fb.SealBlock(left)
	fb.SealBlock(right)
	fb.SwitchToBlock(left)
	fb.DefVar(y, fb.Iconst(I64, 1))
	fb.Jump(join)
	fb.SwitchToBlock(right)
	fb.Jump(join)
	fb.SealBlock(join)
	fb.SwitchToBlock(join)
	sum := fb.Iadd(fb.UseVar(x), fb.UseVar(y))
	fb.Return(sum)

	if n := len(f.DFG.BlockParams(join)); n != 1 {
		t.Fatalf("join has %d params, want 1 (y only):\n%s", n, f)
	}
	args := f.DFG.Args(f.DFG.Def(sum).Inst)
	if f.DFG.ResolveAliases(args[0]) != k {
		t.Errorf("x should resolve to the entry constant")
	}
}

func TestLayoutOps(t *testing.T) {
	var l Layout
	l.AppendBlock(2)
	l.AppendBlock(0)
	l.InsertBlockBefore(1, 0)
	var order []Block
	for b := range l.Blocks() {
		order = append(order, b)
	}
	if len(order) != 3 || order[0] != 2 || order[1] != 1 || order[2] != 0 {
		t.Fatalf("order %v", order)
	}
	l.AppendInst(5, 1)
	l.AppendInst(3, 1)
	l.InsertInstBefore(4, 3)
	l.RemoveInst(5)
	var insts []Inst
	for i := range l.BlockInsts(1) {
		insts = append(insts, i)
	}
	if len(insts) != 2 || insts[0] != 4 || insts[1] != 3 || l.InstBlock(5) != NoBlock {
		t.Fatalf("insts %v", insts)
	}
	l.RemoveBlock(0)
	if l.LastBlock() != 1 || l.IsBlockInserted(0) {
		t.Fatal("RemoveBlock")
	}
}
