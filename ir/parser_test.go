package ir

import (
	"strings"
	"testing"
	"unsafe"
)

func TestInstDataIsCompact(t *testing.T) {
	if s := unsafe.Sizeof(InstData{}); s > 32 {
		t.Errorf("InstData is %d bytes, want <= 32", s)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // exact "line:col: message" suffix of the error
	}{
		{"function %f() {\nblock0:\n    v1 = iadd v0, v0\n}", "3:10: type suffix required for iadd: can't infer it from v0, which is not defined yet"},
		{"function %f() {\nblock0:\n    v1 = iconst 5\n}", "3:10: type suffix required for iconst, e.g. 'iconst.i32'"},
		{"function %f() {\nblock0:\n    v1 = iconst.i8 256\n}", "3:20: expected i8 immediate, found '256'"},
		{"function %f() {\nblock0:\n    v1 = f32const.f32 0.0\n}", "3:19: opcode f32const is not polymorphic and takes no type suffix"},
		{"function %f() {\nblock0:\n    v1 = f32const 1.5\n}", "3:19: invalid f32 literal '1.5': float must be hexadecimal"},
		{"function %f() {\nblock0:\n    v1 = frobnicate v0\n}", "3:10: unknown opcode 'frobnicate'"},
		{"function %f(i32) {\nblock0(v0: i32):\n    v1, v2 = iadd v0, v0\n}", "3:14: expected 1 result values for iadd, found 2"},
		{"function %f(i32) {\nblock0(v0: i32):\n    v0 = iadd v0, v0\n}", "3:5: value v0 is already defined"},
		{"function %f() {\nblock0:\nblock0:\n}", "3:1: duplicate block block0"},
		{"function %f() {\nblock0:\n    v0 = call fn0()\n}", "3:15: undeclared function fn0"},
		{"function %f() {\n    fn0 = %g sig3\nblock0:\n}", "2:14: undeclared signature sig3"},
		{"function %f() {\nblock0:\n    v0 = load.i32 notrap v1+0x1_0000_0000\n}", "3:28: expected 32-bit signed offset, found '+0x1_0000_0000'"},
		{"function %f() {\nblock0:\n    jump block1(v0\n}", "4:1: expected ')', found '}'"},
		{"function %f() {\nblock0:\n    v2 -> v2\n}", "3:5: alias v2 -> v2 makes a cycle"},
		{"function %f(i32 bogus) {}", "1:17: expected ')', found 'bogus'"},
		{"function %f() {\n    ss0 = explicit_slot 8, align = 3\n}", "2:36: alignment must be a power of two"},
		{"function %f() {\n    ss0 = explicit_slot 8\n    ss0 = explicit_slot 8\n}", "3:11: duplicate stack slot declaration"},
		{"test run\ntarget x86_64\nset opt_level=speed\nfunction %f() {}", "3:1: dangling 'set' command after ISA specification has no effect"},
		{"frob\n", "1:1: expected 'test', 'set', 'target', 'feature' or 'function', found 'frob'"},
		{"function %f() {\nblock0:\n    v1 = vconst.i32x4 [1 2 3]\n}", "3:29: expected i32 lane value, found ']'"},
		{"function %f() {\nblock0:\n    v1 = iconst.i32 1\n    v9999999 = iadd v1, v1\n}", "4:5: entity number too large in 'v9999999' (limit 1048575)"},
		{"function %f() {\nblock0:\n    trap user999\n}", "3:10: expected trap code, found 'user999'"},
		{"function %f() {\nblock0:\n    v0 = iconst.i32 1\n    v1 = icmp lt v0, v0\n}", "4:15: expected condition code, found 'lt'"},
		{"function %f() {\nblock0:", "2:8: expected '}', found end of file"},
		{"function %f() {\nblock0:\n    v1 = iconst.i32 1 #\n}", "3:23: expected instruction opcode, found '#'"},
	} {
		_, err := ParseFile("t.clif", []byte(tc.src))
		if err == nil {
			t.Errorf("%q parsed, want error %q", tc.src, tc.want)
			continue
		}
		pe, ok := err.(*ParseError)
		if !ok {
			t.Errorf("%q: error %T, want *ParseError", tc.src, err)
			continue
		}
		if got := err.Error(); got != "t.clif:"+tc.want {
			t.Errorf("%q:\n got %s\nwant t.clif:%s", tc.src, got, tc.want)
		}
		if pe.File != "t.clif" || pe.Line < 1 || pe.Col < 1 {
			t.Errorf("bad position %+v", pe)
		}
	}
}

func TestParseFileStructure(t *testing.T) {
	src := `; preamble comment
test interpret
test compile precise-output
set opt_level=speed enable_probestack=false
set enable_llvm_abi_extensions
target x86_64 has_avx has_fma=false
target aarch64

function %one(i32) -> i32 {
block0(v0: i32):
    v1 -> v0      ; alias
    return v1
}
; run: %one(1) == 1

;; prose
function u1:7(i64 vmctx, i8 uext) -> i8 sext tail {
    gv0 = vmctx
    gv1 = load.i64 notrap aligned readonly gv0+8
    ss3 = explicit_slot 16, align = 16
    sig0 = (i64) -> i64 system_v
    fn0 = colocated %callee sig0
    fn1 = %other(i32) -> f32
    const0 = 0x000102030405060708090a0b0c0d0e0f
    stack_limit = gv1

block2(v10: i64, v11: i8) cold:
    v12 = call fn0(v10)
    return v11
}
`
	f, err := ParseFile("s.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Tests) != 2 || f.Tests[1].Command != "compile" || f.Tests[1].Options[0] != "precise-output" {
		t.Errorf("tests %+v", f.Tests)
	}
	if len(f.Settings) != 3 || f.Settings[1].Value != "false" || !f.Settings[2].Bare {
		t.Errorf("settings %+v", f.Settings)
	}
	if len(f.Targets) != 2 || f.Targets[0].Flags[1].Name != "has_fma" || len(f.Targets[1].Settings) != 3 {
		t.Errorf("targets %+v", f.Targets)
	}
	if len(f.Preamble) != 1 || f.Preamble[0].Line != 1 {
		t.Errorf("preamble %+v", f.Preamble)
	}
	if len(f.Functions) != 2 {
		t.Fatalf("%d functions", len(f.Functions))
	}
	one := f.Functions[0]
	if len(one.Comments) != 3 || one.Comments[1].Text != " run: %one(1) == 1" || one.Comments[2].Text != "; prose" {
		t.Errorf("comments %+v", one.Comments)
	}
	if one.InstAtLine(12) == NoInst || one.Func.Signature.CallConv != CallConvFast {
		t.Error("instruction line or default call conv wrong")
	}
	two := f.Functions[1].Func
	if two.Name != UserName(1, 7) || two.Signature.CallConv != CallConvTail || two.Signature.Params[0].Purpose != PurposeVMContext || two.Signature.Returns[0].Ext != ExtSext {
		t.Errorf("signature %s %s", two.Name, two.Signature)
	}
	if len(two.Signatures) != 2 || two.ExtFuncs[1].Sig != 1 || two.StackLimit != 1 || two.StackSlots[3].AlignLog2 != 4 {
		t.Errorf("preamble entities wrong: %+v %+v", two.Signatures, two.ExtFuncs)
	}
	if c := two.ConstantData(0); len(c) != 16 || c[0] != 0x0f || c[15] != 0 {
		t.Errorf("constant bytes % x", c)
	}
	if !two.Layout.IsCold(2) || two.Layout.EntryBlock() != 2 {
		t.Error("entry block / cold")
	}
	want := `function u1:7(i64 vmctx, i8 uext) -> i8 sext tail {
    ss3 = explicit_slot 16, align = 16
    gv0 = vmctx
    gv1 = load.i64 notrap aligned readonly gv0+8
    sig0 = (i64) -> i64 system_v
    sig1 = (i32) -> f32 fast
    fn0 = colocated %callee sig0
    fn1 = %other sig1
    const0 = 0x000102030405060708090a0b0c0d0e0f
    stack_limit = gv1

block2(v10: i64, v11: i8) cold:
    v12 = call fn0(v10)
    return v11
}
`
	if got := two.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
	if got := one.Func.String(); !strings.Contains(got, "    v1 -> v0\n    return v1\n") {
		t.Errorf("alias not printed after its target:\n%s", got)
	}
}

func TestParseDefaultCallConvForRun(t *testing.T) {
	f, err := ParseFile("r.clif", []byte("test run\nfunction %f() {\n    sig0 = ()\nblock0:\n    return\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	fn := f.Functions[0].Func
	if fn.Signature.CallConv != CallConvSystemV || fn.Signatures[0].CallConv != CallConvSystemV {
		t.Errorf("call conv %s / %s, want system_v", fn.Signature.CallConv, fn.Signatures[0].CallConv)
	}
}

func TestPrintInstructionForms(t *testing.T) {
	src := `function %forms(i64, i32, f32, i32x4) fast {
    ss0 = explicit_slot 8
    sig0 = (i32) -> f32 tail
    fn0 = %g(i32) -> f32 tail

block0(v0: i64, v1: i32, v2: f32, v3: i32x4):
    v4 = iconst.i64 0x0001_0000
    v5 = iconst.i32 -7
    v6 = f32const -0x1.800000p-3
    v7 = extractlane v3, 3
    v8 = insertlane v3, v7, 0
    v9 = vconst.i32x4 [1 2 3 4]
    v10 = shuffle v9, v9, 0x0f0e0d0c0b0a09080706050403020100
    v11 = fcmp uno v2, v6
    v12 = load.i32 notrap aligned little region0 v0+12
    store heap_oob v1, v0-0x0001_0000
    istore8 v1, v0
    v13 = stack_addr.i64 ss0+4
    v14 = atomic_rmw.i32 big xchg v0, v1
    v15 = atomic_cas v0, v1, v5
    v16, v17 = uadd_overflow v1, v5
    v18 = uadd_overflow_trap v1, v5, user3
    trapnz v17, int_ovf
    v19 = func_addr.i64 fn0
    v20 = call_indirect sig0, v19(v1)
    v21 = bitcast.i32 little v2
    v22 = get_frame_pointer.i64
    fence
    br_table v1, block1(v1), [block1(v5), block2]

block1(v30: i32):
    try_call fn0(v30), sig0, block2(ret0), [ tag1: block2(exn0), context v0, default: block2(exn1) ]

block2(v31: f32):
    return_call fn0(v1)
}
`
	f, err := ParseFile("forms.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := f.Functions[0].Func.String()
	// The input is already in printed form, except for annotations and
	// the fence's trailing space that the printer adds.
	for _, want := range []string{
		"v4 = iconst.i64 0x0001_0000\n",
		"v6 = f32const -0x1.800000p-3\n",
		"v9 = vconst.i32x4 const0\n",
		"v10 = shuffle v9, v9, 0x0f0e0d0c0b0a09080706050403020100  ; v9 = const0, v9 = const0\n",
		"v11 = fcmp uno v2, v6  ; v6 = -0x1.800000p-3\n",
		"v12 = load.i32 notrap aligned little region0 v0+12\n",
		"store v1, v0-0x0001_0000\n",
		"v14 = atomic_rmw.i32 big xchg v0, v1\n",
		"v15 = atomic_cas v0, v1, v5  ; v5 = -7\n",
		"v18 = uadd_overflow_trap v1, v5, user3  ; v5 = -7\n",
		"v20 = call_indirect sig0, v19(v1)\n",
		"    fence \n",
		"br_table v1, block1(v1), [block1(v5), block2]  ; v5 = -7\n",
		"try_call fn0(v30), sig0, block2(ret0), [ tag1: block2(exn0), context v0, default: block2(exn1) ]\n",
		"const0 = 0x00000004000000030000000200000001\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestCloneIsIndependent(t *testing.T) {
	f, err := ParseFile("c.clif", []byte(`function %f(i32) -> i32 {
    ss0 = explicit_slot 4
block0(v0: i32):
    v1 = iconst.i32 1
    v2 = iadd v0, v1
    brif v2, block1(v2), block1(v0)

block1(v3: i32):
    return v3
}
`))
	if err != nil {
		t.Fatal(err)
	}
	orig := f.Functions[0].Func
	before := orig.String()
	c := orig.Clone()
	if c.String() != before {
		t.Fatalf("clone prints differently:\n%s", c.String())
	}
	// Mutate the clone: replace v2's use, drop an instruction, add a slot.
	c.DFG.SetArgs(Inst(1), 0, 0)
	c.Layout.RemoveInst(Inst(0))
	c.DFG.SetBlockCall(Inst(2), 0, c.DFG.MakeBlockCall(1, 0))
	c.CreateStackSlot(8, 3)
	if orig.String() != before {
		t.Errorf("mutating the clone changed the original:\n%s", orig.String())
	}
	if c.String() == before {
		t.Error("clone did not change")
	}
}

func TestNewInstInsertBefore(t *testing.T) {
	f, err := ParseFile("n.clif", []byte("function %f(i32) -> i32 {\nblock0(v0: i32):\n    return v0\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	fn := f.Functions[0].Func
	ret := fn.Layout.LastInst(0)
	k, err := fn.NewInst(InstData{Opcode: OpIconst, Imm: 5}, I32)
	if err != nil {
		t.Fatal(err)
	}
	fn.Layout.InsertInstBefore(k, ret)
	add, err := fn.NewInst(InstData{Opcode: OpIadd, Args: fn.DFG.NewList(0, fn.DFG.FirstResult(k))}, Invalid)
	if err != nil {
		t.Fatal(err)
	}
	fn.Layout.InsertInstBefore(add, ret)
	fn.DFG.SetArgs(ret, fn.DFG.FirstResult(add))
	want := "function %f(i32) -> i32 fast {\nblock0(v0: i32):\n    v1 = iconst.i32 5\n    v2 = iadd v0, v1  ; v1 = 5\n    return v2\n}\n"
	if got := fn.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := fn.NewInst(InstData{Opcode: OpIsplit, Args: fn.DFG.NewList(0)}, I8); err == nil {
		t.Error("isplit.i8 accepted")
	}
}

func TestDynamicStackSlots(t *testing.T) {
	src := `function %d(i32) fast {
    gv0 = dyn_scale_target_const.i32x4
    dt0 = i32x4*gv0
    dss0 = explicit_dynamic_slot dt0

block0(v0: i32):
    v1 = splat.dt0 v0
    dynamic_stack_store v1, dss0
    v2 = dynamic_stack_load.dt0 dss0
    v3 = dynamic_stack_addr.i64 dss0
    v4 = extract_vector v2, 0
    return
}
`
	f, err := ParseFile("d.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fn := f.Functions[0].Func
	if got := fn.String(); got != src {
		t.Errorf("got\n%s\nwant\n%s", got, src)
	}
	if ty := fn.DFG.ValueType(4); ty != I32X4 {
		t.Errorf("extract_vector result %s", ty)
	}
}

func TestSettingWords(t *testing.T) {
	for in, want := range map[string]string{
		"set a=1 b":           "set|a=1|b",
		"set a = 1 b":         "set|a=1|b",
		"set a =1 b= 2":       "set|a=1|b=2",
		"target x86_64 sse42": "target|x86_64|sse42",
	} {
		if got := strings.Join(settingWords(in), "|"); got != want {
			t.Errorf("settingWords(%q) = %q, want %q", in, got, want)
		}
	}
}
