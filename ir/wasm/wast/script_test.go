package wast

import (
	"strings"
	"testing"
)

func TestParseCommands(t *testing.T) {
	src := `;; a script
(module $m (func (export "f") (param i32) (result i32) local.get 0))
(module definition $d (memory 1))
(module instance $i $d)
(module binary "\00asm" "\01\00\00\00")
(module quote "(func)" "(memory 1)")
(register "reg" $m)
(invoke $m "f" (i32.const -1))
(get "g")
(assert_return (invoke "f" (i64.const 0x10) (f32.const -0x1p-1) (f64.const nan:0x4) (ref.null extern) (ref.extern 3))
  (i32.const 4294967295) (f32.const nan:canonical) (f64.const nan:arithmetic)
  (v128.const f32x4 nan:canonical 1 -0 nan:arithmetic) (v128.const i16x8 -1 0 1 2 3 4 5 0xffff)
  (ref.null) (ref.func) (ref.extern 3) (either (i32.const 1) (i32.const 2)))
(assert_trap (invoke "f") "unreachable")
(assert_trap (module (start 0) (func unreachable)) "unreachable")
(assert_exhaustion (invoke "f") "call stack exhausted")
(assert_exception (invoke "f"))
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_malformed (module quote "(func") "unclosed")
(assert_unlinkable (module (import "x" "y" (func))) "unknown import")
(assert_uninstantiable (module (func)) "x")
(thread $t (shared (module $m)) (invoke "f" (i32.const 0)))
(wait $t)
`
	s, err := Parse("t.wast", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	kinds := []Kind{KindModule, KindModule, KindModuleInstance, KindModule, KindModule, KindRegister, KindAction, KindAction,
		KindAssertReturn, KindAssertTrap, KindAssertTrap, KindAssertExhaustion, KindAssertException, KindAssertInvalid,
		KindAssertMalformed, KindAssertUnlinkable, KindAssertUninstantiable, KindThread, KindWait}
	if len(s.Commands) != len(kinds) {
		t.Fatalf("got %d commands, want %d", len(s.Commands), len(kinds))
	}
	for i, k := range kinds {
		if s.Commands[i].Kind != k {
			t.Errorf("command %d: kind %v, want %v", i, s.Commands[i].Kind, k)
		}
	}
	c := s.Commands
	if c[0].Line != 2 || c[0].Module.ID != "$m" || c[0].Module.Form != FormText {
		t.Errorf("module: %+v", c[0])
	}
	if !c[1].Module.Definition || c[1].Module.ID != "$d" {
		t.Errorf("definition: %+v", c[1].Module)
	}
	if bin, err := c[1].Module.Encode(); err != nil || len(bin) <= 8 {
		t.Errorf("definition encodes to %x, %v", bin, err)
	}
	if c[2].Instance != "$i" || c[2].ModuleID != "$d" {
		t.Errorf("instance: %+v", c[2])
	}
	if c[3].Module.Form != FormBinary || string(c[3].Module.Bytes) != "\x00asm\x01\x00\x00\x00" {
		t.Errorf("binary: %q", c[3].Module.Bytes)
	}
	if c[4].Module.Form != FormQuote {
		t.Errorf("quote: %+v", c[4].Module)
	}
	if _, err := c[4].Module.Encode(); err != nil {
		t.Errorf("quote: %v", err)
	}
	if c[5].Name != "reg" || c[5].ModuleID != "$m" {
		t.Errorf("register: %+v", c[5])
	}
	if a := c[6].Action; a.Module != "$m" || a.Name != "f" || len(a.Args) != 1 || a.Args[0] != (Value{Type: I32, Lo: 0xffffffff}) {
		t.Errorf("invoke: %+v", a)
	}
	if a := c[7].Action; a.Kind != ActionGet || a.Name != "g" {
		t.Errorf("get: %+v", a)
	}
	ar := c[8]
	args := ar.Action.Args
	if args[0] != (Value{Type: I64, Lo: 16}) || args[1] != (Value{Type: F32, Lo: 0xbf000000}) ||
		args[2] != (Value{Type: F64, Lo: 0x7ff0000000000004}) || args[3] != (Value{Type: Ref, Ref: RefNull, HeapType: "extern"}) ||
		args[4] != (Value{Type: Ref, Ref: RefExtern, HasIndex: true, Index: 3}) {
		t.Errorf("assert_return args: %+v", args)
	}
	r := ar.Results
	if len(r) != 9 {
		t.Fatalf("got %d results", len(r))
	}
	if r[0].Value.Lo != 0xffffffff || r[1].NaN != NaNCanonical || r[2].NaN != NaNArithmetic {
		t.Errorf("scalar results: %+v", r[:3])
	}
	if r[3].Shape != "f32x4" || len(r[3].Lanes) != 4 || r[3].Lanes[0] != NaNCanonical || r[3].Lanes[3] != NaNArithmetic ||
		r[3].Value.Lo != 0x3f800000<<32 || r[3].Value.Hi != 0x80000000 {
		t.Errorf("v128 NaN lanes: %+v", r[3])
	}
	if r[4].Value.Lo != 0x0002_0001_0000_ffff || r[4].Value.Hi != 0xffff_0005_0004_0003 || r[4].Lanes != nil {
		t.Errorf("v128 i16x8: %#x %#x", r[4].Value.Lo, r[4].Value.Hi)
	}
	if !r[5].IsRef || r[5].Value.Ref != RefNull || r[6].Value.Ref != RefFunc || r[7].Value.Index != 3 || len(r[8].Either) != 2 {
		t.Errorf("reference results: %+v", r[5:])
	}
	if c[10].Module == nil || c[10].Action != nil || c[9].Action == nil {
		t.Errorf("assert_trap forms: %+v %+v", c[9], c[10])
	}
	if c[14].Message != "unclosed" {
		t.Errorf("message %q", c[14].Message)
	}
	if th := c[17]; th.Name != "$t" || len(th.Shared) != 1 || th.Shared[0] != "$m" || len(th.Body) != 1 {
		t.Errorf("thread: %+v", th)
	}
	if c[18].Name != "$t" {
		t.Errorf("wait: %+v", c[18])
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`(assert_return (invoke "f") (i32.const 0x1_0000_0000))`, "t.wast:1: constant out of range"},
		{"\n(frobnicate)", "t.wast:2: unknown command"},
		{`(assert_invalid (module) 1)`, "malformed assert_invalid"},
		{`(invoke "f" (i32.const))`, "unexpected token"},
		{`(module`, "unclosed"},
		{`(assert_return (invoke "f") (v128.const i32x4 1 2 3))`, "wrong number of lane literals"},
		{`(assert_exhaustion (module) "x")`, "needs an action"},
	} {
		_, err := Parse("t.wast", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestInlineModule(t *testing.T) {
	s, err := Parse("m.wast", []byte(`(func) (memory 0) (func (export "f"))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Commands) != 1 || s.Commands[0].Kind != KindModule {
		t.Fatalf("got %+v", s.Commands)
	}
	if _, err := s.Commands[0].Module.Encode(); err != nil {
		t.Error(err)
	}
}
