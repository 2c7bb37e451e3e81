package ir

import (
	"regexp"
	"testing"
)

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

// Nested loops with every block sealed only at the end: reads of the
// invariant variable k create incomplete params in both headers, and all
// of them must disappear (a cascade of trivial-param removals), while the
// counters i and j keep theirs.
func TestBuilderNestedLoopsSealLate(t *testing.T) {
	f := newTestFunc([]Type{I64}, []Type{I64})
	fb := NewFunctionBuilder(f)
	entry, outer, inner, innerBody, outerLatch, exit := fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock()
	i, j, k := fb.DeclareVar(I64), fb.DeclareVar(I64), fb.DeclareVar(I64)

	fb.SwitchToBlock(entry)
	fb.DefVar(k, fb.AppendBlockParamsForFunctionParams(entry)[0])
	fb.DefVar(i, fb.Iconst(I64, 0))
	fb.Jump(outer)

	fb.SwitchToBlock(outer)
	fb.DefVar(j, fb.Iconst(I64, 0))
	fb.Brif(fb.Icmp(IntULT, fb.UseVar(i), fb.UseVar(k)), inner, nil, exit, nil)

	fb.SwitchToBlock(inner)
	fb.Brif(fb.Icmp(IntULT, fb.UseVar(j), fb.UseVar(k)), innerBody, nil, outerLatch, nil)

	fb.SwitchToBlock(innerBody)
	fb.DefVar(j, fb.Iadd(fb.UseVar(j), fb.Iconst(I64, 1)))
	fb.Jump(inner)

	fb.SwitchToBlock(outerLatch)
	fb.DefVar(i, fb.Iadd(fb.UseVar(i), fb.Iconst(I64, 1)))
	fb.Jump(outer)

	fb.SwitchToBlock(exit)
	fb.Return(fb.UseVar(k))
	fb.SealAllBlocks()

	if n := len(f.DFG.BlockParams(outer)); n != 1 {
		t.Errorf("outer header has %d params, want 1 (i):\n%s", n, f)
	}
	if n := len(f.DFG.BlockParams(inner)); n != 1 {
		t.Errorf("inner header has %d params, want 1 (j):\n%s", n, f)
	}
	ret := f.Layout.LastInst(exit)
	if got := f.DFG.ResolveAliases(f.DFG.Args(ret)[0]); got != f.DFG.BlockParams(entry)[0] {
		t.Errorf("return uses %s, want the function parameter:\n%s", got, f)
	}
	// The printed function must parse again (block args match params).
	if _, err := ParseFile("built", []byte(f.String())); err != nil {
		t.Errorf("built function does not parse: %v\n%s", err, f)
	}
	fb.Finalize()
	text := f.String()
	if regexp.MustCompile(`v\d+ -> v\d+`).MatchString(text) {
		t.Errorf("aliases left after Finalize:\n%s", text)
	}
	for v := 0; v < f.DFG.NumValues(); v++ {
		if f.DFG.Def(Value(v)).Kind == DefAlias {
			t.Errorf("v%d is still an alias", v)
		}
	}
	if _, err := ParseFile("built", []byte(text)); err != nil {
		t.Errorf("finalized function does not parse: %v\n%s", err, text)
	}
}

// Reading a variable that has no definition on some path yields zero.
func TestBuilderUndefinedVarIsZero(t *testing.T) {
	f := newTestFunc(nil, []Type{I32})
	fb := NewFunctionBuilder(f)
	b := fb.CreateBlock()
	x := fb.DeclareVar(I32)
	fb.SwitchToBlock(b)
	fb.SealBlock(b)
	fb.Return(fb.UseVar(x))
	v := f.DFG.Args(f.Layout.LastInst(b))[0]
	d := f.DFG.Insts[f.DFG.Def(v).Inst]
	if d.Opcode != OpIconst || d.Imm != 0 || d.Type != I32 {
		t.Errorf("undefined variable read as %s:\n%s", d.Opcode, f)
	}
}

// ResultOf agrees with Def on results, parameters, aliases and values
// out of range.
func TestResultOf(t *testing.T) {
	f := NewFunction(TestCaseName("f"), Signature{Params: []AbiParam{{Type: I32}}, Returns: []AbiParam{{Type: I32}}})
	fb := NewFunctionBuilder(f)
	b0 := fb.CreateBlock()
	fb.SwitchToBlock(b0)
	p := fb.AppendBlockParamsForFunctionParams(b0)[0]
	sum := fb.Iadd(p, p)
	alias := f.DFG.newValue(valueData{})
	f.DFG.MakeAlias(alias, sum)
	for _, v := range []Value{p, sum, alias, NoValue, Value(f.DFG.NumValues() + 3)} {
		want := NoInst
		if d := f.DFG.Def(f.DFG.ResolveAliases(v)); d.Kind == DefResult {
			want = d.Inst
		}
		if got := f.DFG.ResultOf(v); got != want {
			t.Errorf("ResultOf(%v) = %v, want %v", v, got, want)
		}
	}
}

// TestAppendBlockCalls checks AppendBlockCalls and NumBlockCalls against
// BlockCalls on jump, brif and br_table.
func TestAppendBlockCalls(t *testing.T) {
	sig := NewSignature(CallConvFast)
	sig.Params = []AbiParam{{Type: I32}}
	f := NewFunction(TestCaseName("calls"), sig)
	fb := NewFunctionBuilder(f)
	entry, a, b, c := fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock(), fb.CreateBlock()
	fb.SwitchToBlock(entry)
	x := fb.AppendBlockParamsForFunctionParams(entry)[0]
	tbl := fb.BrTable(x, a, []Block{b, a, c, b})
	fb.SwitchToBlock(a)
	br := fb.Brif(x, b, nil, c, nil)
	fb.SwitchToBlock(b)
	j := fb.Jump(c)
	fb.SwitchToBlock(c)
	fb.Return()
	var scratch []BlockCall
	for _, inst := range []Inst{tbl, br, j} {
		want := f.DFG.BlockCalls(inst)
		scratch = f.DFG.AppendBlockCalls(scratch[:0], inst)
		if len(scratch) != len(want) || f.DFG.NumBlockCalls(inst) != len(want) {
			t.Fatalf("%v: %d calls appended, %d counted, want %d", inst, len(scratch), f.DFG.NumBlockCalls(inst), len(want))
		}
		for i := range want {
			if scratch[i] != want[i] {
				t.Errorf("%v: call %d = %v, want %v", inst, i, scratch[i], want[i])
			}
		}
	}
}
