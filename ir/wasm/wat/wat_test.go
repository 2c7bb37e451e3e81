package wat

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"kiln/ir/wasm"
)

func TestParseInt(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  uint64
		err   error
	}{
		{"0", 32, 0, nil},
		{"4294967295", 32, 0xffffffff, nil},
		{"-2147483648", 32, 0x80000000, nil},
		{"-0x8000_0000", 32, 0x80000000, nil},
		{"+2147483647", 32, 0x7fffffff, nil},
		{"+2147483648", 32, 0, errRange},
		{"4294967296", 32, 0, errRange},
		{"-2147483649", 32, 0, errRange},
		{"0xffff_ffff_ffff_ffff", 64, 0xffffffffffffffff, nil},
		{"-9223372036854775808", 64, 0x8000000000000000, nil},
		{"18446744073709551616", 64, 0, errRange},
		{"1_000", 32, 1000, nil},
		{"1__0", 32, 0, errSyntax},
		{"_1", 32, 0, errSyntax},
		{"1_", 32, 0, errSyntax},
		{"0x", 32, 0, errSyntax},
		{"0x_1", 32, 0, errSyntax},
		{"1e3", 32, 0, errSyntax},
		{"-128", 8, 0x80, nil},
		{"255", 8, 0xff, nil},
		{"256", 8, 0, errRange},
	} {
		got, err := ParseInt(tc.in, tc.width)
		if got != tc.want || err != tc.err {
			t.Errorf("ParseInt(%q, %d) = %#x, %v; want %#x, %v", tc.in, tc.width, got, err, tc.want, tc.err)
		}
	}
}

func TestParseFloat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint32
		err  error
	}{
		{"0", 0, nil},
		{"-0", 0x80000000, nil},
		{"1", 0x3f800000, nil},
		{"0x1p-149", 0x00000001, nil},
		{"0x1p-150", 0, nil},                                 // tie: to even (zero)
		{"0x1.8p-149", 0x00000002, nil},                      // tie: to even
		{"0x1.000001p0", 0x3f800000, nil},                    // tie below: to even
		{"0x1.000003p0", 0x3f800002, nil},                    // tie above: to even
		{"0x1.0000010000000000000000001p0", 0x3f800001, nil}, // sticky bit far away
		{"0x1.fffffep127", 0x7f7fffff, nil},
		{"0x1.ffffffp127", 0, errRange}, // rounds to infinity
		{"3.4028235e38", 0x7f7fffff, nil},
		{"3.40282356e38", 0x7f7fffff, nil}, // below the midpoint to 2^128
		{"3.4028236e38", 0, errRange},      // above it: rounds to infinity
		{"1e39", 0, errRange},
		{"1.17549435e-38", 0x00800000, nil},
		{"1_000.000_1", 0x447a0002, nil},
		{"inf", 0x7f800000, nil},
		{"-inf", 0xff800000, nil},
		{"nan", 0x7fc00000, nil},
		{"-nan", 0xffc00000, nil},
		{"nan:0x200000", 0x7fa00000, nil},
		{"nan:0x7f_ffff", 0x7fffffff, nil},
		{"nan:0x800000", 0, errRange},
		{"nan:0x0", 0, errRange},
		{"0x1.p0", 0x3f800000, nil},
		{"0x.8p1", 0, errSyntax}, // a hex float needs a digit before the point
		{"1.e1", 0x41200000, nil},
		{".5", 0, errSyntax},
		{"1e", 0, errSyntax},
		{"0x1p", 0, errSyntax},
	} {
		got, err := ParseF32(tc.in)
		if got != tc.want || err != tc.err {
			t.Errorf("ParseF32(%q) = %#x, %v; want %#x, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
	for _, tc := range []struct {
		in   string
		want uint64
		err  error
	}{
		{"0x1p-1074", 1, nil},
		{"0x1p-1075", 0, nil},
		{"0x1.00000000000008p0", 0x3ff0000000000000, nil}, // tie: to even
		{"0x1.00000000000018p0", 0x3ff0000000000002, nil}, // tie: to even
		{"0x1.fffffffffffffp1023", 0x7fefffffffffffff, nil},
		{"0x1.fffffffffffff8p1023", 0, errRange},
		{"1.7976931348623157e308", 0x7fefffffffffffff, nil},
		{"1e309", 0, errRange},
		{"nan:0xf_ffff_ffff_ffff", 0x7fffffffffffffff, nil},
		{"nan:0x10_0000_0000_0000", 0, errRange},
		{"-0x1.8p1", 0xc008000000000000, nil},
	} {
		got, err := ParseF64(tc.in)
		if got != tc.want || err != tc.err {
			t.Errorf("ParseF64(%q) = %#x, %v; want %#x, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestEncodeGolden(t *testing.T) {
	for _, tc := range []struct{ src, hex string }{
		{"(module)", "0061736d01000000"},
		{`(module (func (result i32) (i32.const 42)))`,
			"0061736d01000000" + "010501600001" + "7f" + "03020100" + "0a060104004" + "12a0b"},
		// Implicit types are appended after explicit ones, in first-use order.
		{`(module (type (func (param i32))) (func (param i64)) (func (param i32)))`,
			"0061736d01000000" + "0109" + "02" + "60017f00" + "60017e00" + "0303020100" + "0a070202000b02000b"},
		// Folded and flat forms encode alike; labels resolve to depths.
		{`(module (func $f block $l (br $l) end (block $m (br_if $m (i32.const -1)))))`,
			"0061736d01000000" + "010401600000" + "03020100" +
				"0a10010e00" + "0240" + "0c00" + "0b" + "0240" + "417f" + "0d00" + "0b" + "0b"},
		// Memory with inline data, memarg with offset and alignment, export.
		{`(module (memory (export "m") (data "ab")) (func (drop (i64.load offset=8 align=4 (i32.const 0)))))`,
			"0061736d01000000" + "010401600000" + "03020100" + "050401010101" + "070501016d0200" +
				"0c0101" + "0a0a0108004100" + "290208" + "1a0b" + "0b08010041000b026162"},
	} {
		got, err := Parse([]byte(tc.src))
		if err != nil {
			t.Errorf("%s: %v", tc.src, err)
			continue
		}
		want, _ := hex.DecodeString(tc.hex)
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x\nwant %x", tc.src, got, want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"(module (func (i32.const 0x)))", "1:26: unknown operator"},
		{"(module (func (i32.const 4294967296)))", "1:26: constant out of range"},
		{"(module\n  (func $f)\n  (func $f))", "3:9: duplicate func $f"},
		{"(module (func block $a end $b))", "mismatching label"},
		{"(module (func (br $x)))", "unknown label $x"},
		{"(module (func (local.get $y)))", "unknown local $y"},
		{"(module (func) (import \"a\" \"b\" (func)))", "import after function"},
		{"(module (type $t (func)) (func (type $t) (param i32)))", "inline function type"},
		{"(module (memory 1) (func (drop (i32.load align=3 (i32.const 0)))))", "alignment must be a power of two"},
		{"(module (func (foo)))", "unknown operator foo"},
		{"(module (func (result i32) (param i32)))", "unexpected token"},
		{`(module (data "\q"))`, "illegal escape"},
		{`(module (data "abc`, "unclosed string"},
		{"(module (func (@ann x)", "unexpected end of input"},
		{"(module (func $\"\"))", "empty identifier"},
		{"(module (func (v128.const i32x4 1 2 3)))", "wrong number of lane literals"},
	} {
		_, err := Parse([]byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want error containing %q", tc.src, err, tc.want)
		}
	}
}

func TestNamesOption(t *testing.T) {
	src := `(module $mod (func $add (param $a i32) (param i32) (result i32) (local $tmp i32) local.get $a) (func $"two words"))`
	bin, err := Options{Names: true}.ParseModule([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin.Binary, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	n := m.Names
	if n == nil || n.Module != "mod" || n.Funcs[0] != "add" || n.Funcs[1] != "two words" ||
		n.Locals[0][0] != "a" || n.Locals[0][2] != "tmp" || n.Locals[0][1] != "" {
		t.Fatalf("names: %+v", n)
	}
	text, err := PrintBinary(bin.Binary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `(module $"mod"`) || !strings.Contains(text, "(func (; $add ;) (type 0)") {
		t.Errorf("printed names missing:\n%s", text)
	}
	plain, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) >= len(bin.Binary) {
		t.Errorf("without Names the binary should carry no name section")
	}
}

func TestCommentsMustBeUTF8(t *testing.T) {
	for _, src := range []string{"(module) ;; \xff", "(module (; \xc3 ;))"} {
		if _, err := Parse([]byte(src)); err == nil || !strings.Contains(err.Error(), "malformed UTF-8") {
			t.Errorf("Parse(%q) = %v, want malformed UTF-8", src, err)
		}
	}
	if _, err := Parse([]byte("(module) ;; ünïcödé (; nested? no ;)\n(; (; ü ;) ;)")); err != nil {
		t.Errorf("valid comments rejected: %v", err)
	}
}

// TestSegmentForms encodes every element and data segment form and checks
// what the decoder sees.
func TestSegmentForms(t *testing.T) {
	src := `(module
  (table $t 4 funcref)
  (table $u i64 2 (ref null func))
  (memory $m 1)
  (memory $n i64 1)
  (func $f) (func $g)
  (elem (i32.const 0) $f $g)                                        ;; 0: legacy, table 0
  (elem (table $t) (offset (i32.const 1)) func $g)                  ;; 1: explicit table 0
  (elem (table $u) (i64.const 0) funcref (ref.func $f) (item ref.null func)) ;; 2: exprs, table 1
  (elem $p func $f)                                                 ;; 3: passive
  (elem declare func $g)                                            ;; 4: declarative
  (elem funcref (ref.null func))                                    ;; 5: passive exprs
  (table $w funcref (elem $f))                                      ;; 6: table abbreviation
  (data (i32.const 0) "a" "b")                                      ;; 0
  (data (memory $n) (offset (i64.const 8)) "\01")                   ;; 1
  (data $d "pass")                                                  ;; 2
  (memory $o (data "xyz"))                                          ;; 3: memory abbreviation
)`
	bin, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	elems := []struct {
		mode  wasm.SegmentMode
		table uint32
		n     int
		exprs bool
	}{
		{wasm.SegmentActive, 0, 2, false},
		{wasm.SegmentActive, 0, 1, false},
		{wasm.SegmentActive, 1, 2, true},
		{wasm.SegmentPassive, 0, 1, false},
		{wasm.SegmentDeclarative, 0, 1, false},
		{wasm.SegmentPassive, 0, 1, true},
		{wasm.SegmentActive, 2, 1, false},
	}
	if len(m.Elems) != len(elems) {
		t.Fatalf("%d element segments, want %d", len(m.Elems), len(elems))
	}
	for i, w := range elems {
		e := m.Elems[i]
		if e.Mode != w.mode || (w.mode == wasm.SegmentActive && e.Table != w.table) || e.Len() != w.n || e.UsesExprs != w.exprs {
			t.Errorf("elem %d: mode %d table %d len %d exprs %v; want %+v", i, e.Mode, e.Table, e.Len(), e.UsesExprs, w)
		}
	}
	datas := []struct {
		mode wasm.SegmentMode
		mem  uint32
		init string
	}{
		{wasm.SegmentActive, 0, "ab"},
		{wasm.SegmentActive, 1, "\x01"},
		{wasm.SegmentPassive, 0, "pass"},
		{wasm.SegmentActive, 2, "xyz"},
	}
	if len(m.Datas) != len(datas) {
		t.Fatalf("%d data segments, want %d", len(m.Datas), len(datas))
	}
	for i, w := range datas {
		d := m.Datas[i]
		if d.Mode != w.mode || (w.mode == wasm.SegmentActive && d.Memory != w.mem) || string(d.Init) != w.init {
			t.Errorf("data %d: mode %d mem %d %q; want %+v", i, d.Mode, d.Memory, d.Init, w)
		}
	}
	if got := m.Memories[2].Limits; got.Min != 1 || !got.HasMax || got.Max != 1 {
		t.Errorf("memory abbreviation limits %+v, want 1 1", got)
	}
	if got := m.Tables[2].Type.Limits; got.Min != 1 || got.Max != 1 {
		t.Errorf("table abbreviation limits %+v, want 1 1", got)
	}
}

// TestLineCommentEndsAtAnyNewline: LF, CR and CR LF all end a line comment
// (the spec's comments.wast checks that code after a lone CR is not
// swallowed by the comment).
func TestLineCommentEndsAtAnyNewline(t *testing.T) {
	want, err := Parse([]byte("(func (result i32) (i32.const 1) ;; c\n (return (i32.const 2)))"))
	if err != nil {
		t.Fatal(err)
	}
	for _, nl := range []string{"\r", "\r\n"} {
		got, err := Parse([]byte("(func (result i32) (i32.const 1) ;; c" + nl + " (return (i32.const 2)))"))
		if err != nil {
			t.Fatalf("%q: %v", nl, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("comment ended by %q: got %x, want %x", nl, got, want)
		}
	}
}
