package verify

import (
	"strings"
	"testing"

	"kiln/ir"
)

func parseOne(t testing.TB, src string) *ir.Function {
	t.Helper()
	fs, err := ir.ParseFunctions("test.clif", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(fs) != 1 {
		t.Fatalf("want one function, got %d", len(fs))
	}
	return fs[0]
}

// TestCheck lists one CLIF function per case and the exact errors it must
// produce ("" = valid), as "location: message".
func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		src  string
		want []string
	}{
		{"valid loop", Options{}, `
function %f(i32) -> i32 {
block0(v0: i32):
    jump block1(v0)
block1(v1: i32):
    v2 = iconst.i32 1
    v3 = isub v1, v2
    brif v3, block1(v3), block2
block2:
    return v3
}`, nil},
		{"use from sibling", Options{}, `
function %f(i32) -> i32 {
block0(v0: i32):
    brif v0, block1, block2
block1:
    v1 = iconst.i32 1
    return v1
block2:
    return v1
}`, []string{"inst3: uses value v1 from non-dominating inst1"}},
		{"fatal stops the run", Options{}, `
function %f(i32) -> i64 {
block0(v0: i32):
    return v0
    return v0
}`, []string{"inst0: a terminator instruction was encountered before the end of block0"}},
		{"type errors are all reported", Options{}, `
function %f(i32, i64) -> i32 {
block0(v0: i32, v1: i64):
    v2 = iadd v0, v1
    v3 = imul v0, v1
    return v2
}`, []string{"inst0: arg 1 (v1) has type i64, expected i32", "inst1: arg 1 (v1) has type i64, expected i32"}},
		{"address needs the pointer type", Options{PointerType: ir.I64}, `
function %f(i32) -> i8 {
block0(v0: i32):
    v1 = load.i8 v0
    return v1
}`, []string{"inst0: invalid pointer width (got 32, expected 64) encountered v0"}},
		{"address untargeted", Options{}, `
function %f(i32) -> i8 {
block0(v0: i32):
    v1 = load.i8 v0
    return v1
}`, nil},
		{"address must be an integer", Options{}, `
function %f(f64) -> i8 {
block0(v0: f64):
    v1 = load.i8 v0
    return v1
}`, []string{"inst0: arg 0 (v0) with type f64 failed to satisfy type set {i32, i64}"}},
		{"return_call conventions", Options{}, `
function %f(i32) -> i32 system_v {
    fn0 = %g(i32) -> i32 system_v
block0(v0: i32):
    return_call fn0(v0)
}`, []string{"inst0: calling convention `system_v` does not support tail calls"}},
		{"vconst size", Options{}, `
function %f() -> i32x4 {
    const0 = 0x0102
block0:
    v0 = vconst.i32x4 const0
    return v0
}`, []string{"inst0: The instruction expects const0 to have a size of 16 bytes but it has 2"}},
		{"bitcast lanes", Options{}, `
function %f(i64x2) -> i32x4 {
block0(v0: i64x2):
    v1 = bitcast.i32x4 little v0
    v2 = bitcast.i32x4 v0
    return v2
}`, []string{"inst1: Byte order specifier required for bitcast instruction changing lane count"}},
		{"symbol type needs a target", Options{PointerType: ir.I64}, `
function %f() -> i32 {
    gv0 = symbol %s
block0:
    v0 = symbol_value.i32 gv0
    return v0
}`, []string{"inst0: global_value instruction with type i32 references global value with type i64"}},
		{"iconst fits signed or unsigned", Options{}, `
function %f() -> i8 {
block0:
    v0 = iconst.i8 -128
    v1 = iconst.i8 255
    v2 = iadd v0, v1
    return v2
}`, nil},
		{"cold entry", Options{}, `
function %f() {
block0 cold:
    return
}`, []string{"block0: entry block cannot be marked as cold"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := parseOne(t, tc.src)
			var got []string
			for _, e := range Check(f, tc.opts) {
				got = append(got, e.Location.String()+": "+e.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got errors:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
			if tc.opts == (Options{}) {
				if err := Function(f); (err == nil) != (len(tc.want) == 0) {
					t.Errorf("Function() = %v, inconsistent with Check", err)
				}
			}
		})
	}
}

// TestBuiltMalformed covers damage the parser cannot produce but passes
// can: detached definitions, dangling references, wrong result lists.
func TestBuiltMalformed(t *testing.T) {
	newFunc := func() (*ir.Function, *ir.FunctionBuilder, ir.Value) {
		sig := ir.NewSignature(ir.CallConvFast)
		sig.Params = []ir.AbiParam{{Type: ir.I32}}
		sig.Returns = []ir.AbiParam{{Type: ir.I32}}
		f := ir.NewFunction(ir.TestCaseName("m"), sig)
		fb := ir.NewFunctionBuilder(f)
		b := fb.CreateBlock()
		fb.SwitchToBlock(b)
		return f, fb, fb.AppendBlockParamsForFunctionParams(b)[0]
	}
	tests := []struct {
		name  string
		build func() *ir.Function
		want  string
	}{
		{"valid", func() *ir.Function {
			f, fb, x := newFunc()
			fb.Return(fb.Iadd(x, x))
			return f
		}, ""},
		{"removed definition", func() *ir.Function {
			f, fb, x := newFunc()
			y := fb.Iadd(x, x)
			fb.Return(y)
			def := f.DFG.Def(y).Inst
			f.Layout.RemoveInst(def)
			return f
		}, "inst1: v1 is defined by inst0 which has no block"},
		{"dangling stack slot", func() *ir.Function {
			f, fb, _ := newFunc()
			a := fb.StackAddr(ir.I64, 3, 0)
			fb.Return(fb.Ireduce(ir.I32, a))
			return f
		}, "inst0: invalid stack slot ss3"},
		{"missing result", func() *ir.Function {
			f, fb, x := newFunc()
			y := fb.Iadd(x, x)
			fb.Return(x)
			f.DFG.ClearResults(f.DFG.Def(y).Inst)
			return f
		}, "inst0: has fewer result values than expected"},
		{"empty block", func() *ir.Function {
			f, fb, x := newFunc()
			fb.Return(x)
			f.Layout.AppendBlock(fb.CreateBlock())
			return f
		}, "block1: block1 cannot be empty"},
		{"alias is followed", func() *ir.Function {
			f, fb, x := newFunc()
			y := fb.Iadd(x, x)
			z := fb.Iadd(y, x)
			fb.Return(z)
			f.DFG.ReplaceWithAliases(f.DFG.Def(z).Inst, y)
			f.Layout.RemoveInst(f.Layout.PrevInst(f.Layout.LastInst(0)))
			return f
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := Check(tc.build(), Options{})
			var got []string
			for _, e := range es {
				got = append(got, e.Location.String()+": "+e.Message)
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	f := parseOne(t, `
function %f(i32) -> i32 {
    fn0 = %g(i32, i32) -> i32
block0(v0: i32):
    v1 = call fn0(v0)
    return v1
}`)
	err := Function(f)
	want := "inst0 (v1 = call fn0(v0)): mismatched argument count for `v1 = call fn0(v0)`: got 1, expected 2"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func FuzzVerify(f *testing.F) {
	for _, s := range []string{
		"function %f(i32) -> i32 {\nblock0(v0: i32):\n    v1 = iadd v0, v0\n    return v1\n}\n",
		"function %f(i32) {\nblock0(v0: i32):\n    brif v0, block1(v0), block2\nblock1(v1: i32):\n    jump block2\nblock2:\n    return\n}\n",
		"function %f() -> i64 {\n    gv0 = vmctx\n    gv1 = load.i64 notrap aligned gv0+8\nblock0:\n    v0 = symbol_value.i64 gv1\n    return v0\n}\n",
		"function %f(i32) {\n    sig0 = () tail\n    fn0 = %g() tail\nblock0(v0: i32):\n    try_call fn0(), sig0, block1(), [ default: block2(exn0) ]\nblock1:\n    return\nblock2(v1: i64):\n    return\n}\n",
		"function %f(i8x16, i8x16) -> i8x16 {\nblock0(v0: i8x16, v1: i8x16):\n    v2 = shuffle v0, v1, [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31]\n    v3 = extractlane v2, 3\n    return v2\n}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := ir.ParseFile("fuzz.clif", src)
		if err != nil {
			return
		}
		for _, ff := range file.Functions {
			for _, pt := range []ir.Type{ir.Invalid, ir.I32, ir.I64} {
				for _, e := range Check(ff.Func, Options{PointerType: pt}) {
					_ = e.Error()
				}
			}
		}
	})
}

// TestConstraintsCoverOpcodeTable keeps the operand table complete: every
// opcode of package ir's table has a row here.
func TestConstraintsCoverOpcodeTable(t *testing.T) {
	for op := ir.Opcode(1); int(op) < ir.NumOpcodes; op++ {
		c := &constraints[op]
		if !c.known {
			t.Errorf("opcode %s has no row in constraints", op)
			continue
		}
		if n := op.Format().FixedArgs(); n >= 0 && len(c.args) != n {
			t.Errorf("opcode %s: %d operand rules for a format with %d fixed arguments", op, len(c.args), n)
		}
		if op.Info().Ctrl != ir.CtrlNone && c.ctrl == (typeSet{}) {
			t.Errorf("opcode %s is polymorphic but its controlling type set is empty", op)
		}
	}
}

func TestIconstBounds(t *testing.T) {
	for _, tc := range []struct {
		ty  ir.Type
		imm int64
		ok  bool
	}{
		{ir.I8, -128, true}, {ir.I8, 255, true}, {ir.I8, 256, false}, {ir.I8, -129, false},
		{ir.I16, 0xffff, true}, {ir.I16, 0x1_0000, false}, {ir.I32, -1, true},
		{ir.I32, 0xffff_ffff, true}, {ir.I32, 0x1_0000_0000, false}, {ir.I64, -1, true},
	} {
		sig := ir.NewSignature(ir.CallConvFast)
		f := ir.NewFunction(ir.TestCaseName("c"), sig)
		fb := ir.NewFunctionBuilder(f)
		fb.SwitchToBlock(fb.CreateBlock())
		fb.InsData(ir.InstData{Opcode: ir.OpIconst, Imm: tc.imm}, tc.ty)
		fb.Return()
		es := Check(f, Options{})
		if ok := len(es) == 0; ok != tc.ok {
			t.Errorf("iconst.%s %d: errors %v, want ok=%v", tc.ty, tc.imm, es, tc.ok)
		}
	}
}

func TestTypeSet(t *testing.T) {
	for _, tc := range []struct {
		set  typeSet
		ty   ir.Type
		want bool
	}{
		{setInt, ir.I32, true}, {setInt, ir.I32X4, true}, {setInt, ir.F32, false},
		{setIntScalar, ir.I32X4, false}, {setVector, ir.I8, false}, {setVector, ir.F64X2, true},
		{vectors(ir.I16).withLanes(8, 8), ir.I16X8, true},
		{vectors(ir.I16).withLanes(8, 8), ir.I16.ByLanes(4), false},
		{vectors(ir.I16, ir.I32).withLanes(4, 8), ir.I32X4, true},
		{vectors(ir.I16, ir.I32).withLanes(4, 8), ir.I32.ByLanes(2), false},
		{setAny, ir.Invalid, false},
	} {
		if got := tc.set.contains(tc.ty); got != tc.want {
			t.Errorf("%s contains %s = %v, want %v", tc.set, tc.ty, got, tc.want)
		}
	}
	if got := vectors(ir.I16).withLanes(4, 8).String(); got != "{i16x{4,8}}" {
		t.Errorf("String = %q", got)
	}
}
