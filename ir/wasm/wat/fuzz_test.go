package wat

import (
	"os"
	"path/filepath"
	"testing"
)

// seedCorpus adds the text modules of a few spec scripts as fuzz seeds.
func seedCorpus(f *testing.F) {
	for _, s := range []string{
		"(module)",
		`(module (func $f (param i32) (result i32) local.get 0 i32.const 1 i32.add))`,
		`(module (memory 1) (data (i32.const 0) "a\00\u{1F600}") (func (drop (i32.load offset=4 align=2 (i32.const 0)))))`,
		`(module (type $s (struct (field $x (mut i32)))) (func (result i32) (struct.get $s $x (struct.new $s (i32.const 1)))))`,
		`(module (func (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const f32x4 0x1p-149 nan:0x1 inf -0) (v128.const i64x2 -1 0xffff_ffff))))`,
		`(module (tag $e (param i32)) (func (try_table (catch $e 0) (throw $e (i32.const 1)))))`,
	} {
		f.Add([]byte(s))
	}
	dir, err := os.Getwd()
	if err != nil {
		return
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			return
		}
		dir = filepath.Dir(dir)
	}
	for _, name := range []string{"block.wast", "simd_const.wast", "gc/struct.wast", "struct.wast", "try_table.wast", "float_literals.wast"} {
		src, err := os.ReadFile(filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite", "core", name))
		if err != nil {
			continue
		}
		nodes, err := ReadAll(src)
		if err != nil {
			continue
		}
		for _, n := range nodes {
			if n.IsList("module") {
				f.Add(src[n.Start:n.End])
			}
		}
	}
}

// FuzzParseWat checks that no input makes the text parser panic or hang.
func FuzzParseWat(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		bin, err := Parse(src)
		if err == nil && len(bin) < 8 {
			t.Fatalf("Parse returned %d bytes without error", len(bin))
		}
	})
}

// FuzzPrintBinary checks that printing never panics, whatever the binary:
// the decoder rejects what is malformed, and the printer copes with
// modules that decode but do not validate.
func FuzzPrintBinary(f *testing.F) {
	for _, s := range []string{
		`(module (type (sub (struct (field (mut i32))))) (func (param i32) (result i32) (local f64) block (result i32) local.get 0 br 0 end))`,
		`(module (memory i64 1 2 shared) (data (i64.const 0) "x") (func (drop (i64.atomic.load offset=8 (i64.const 0)))))`,
		`(module (table 1 funcref (ref.null func)) (elem declare func 0) (func (try_table (catch_all 0)) (drop (ref.func 0))))`,
		`(module (func (result v128) (v128.const f64x2 nan:0x1 -inf) (f32x4.splat (f32.const 0x1p-149)) i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31))`,
	} {
		bin, err := Parse([]byte(s))
		if err != nil {
			f.Fatalf("seed %s: %v", s, err)
		}
		f.Add(bin)
	}
	f.Fuzz(func(t *testing.T, bin []byte) {
		if len(bin) > 1<<16 {
			return
		}
		PrintBinary(bin)
	})
}
