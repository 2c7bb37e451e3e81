package wast

import (
	"os"
	"testing"
)

// FuzzParseWast checks that no script makes the parser (or the encoding of
// its modules) panic or hang.
func FuzzParseWast(f *testing.F) {
	f.Add([]byte(`(module $m (func (export "f") (result i32) (i32.const 1))) (assert_return (invoke "f") (i32.const 1))`))
	f.Add([]byte(`(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")`))
	f.Add([]byte(`(assert_return (invoke "v") (v128.const f32x4 nan:canonical 0 nan:arithmetic -0x1p3)) (either (ref.null func) (ref.extern 1))`))
	f.Add([]byte(`(module binary "\00asm" "\01\00\00\00") (register "m") (thread $t (shared (module $m)) (invoke "x")) (wait $t)`))
	for _, path := range []string{"core/br_table.wast", "core/ref_null.wast", "core/simd_lane.wast", "core/annotations.wast"} {
		if src, err := os.ReadFile(corpusPath(path)); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		s, err := Parse("fuzz.wast", src)
		if err != nil {
			return
		}
		for _, c := range s.Commands {
			if c.Module != nil {
				c.Module.Encode()
			}
		}
	})
}

// corpusPath returns the path of a spec-suite file, or "" if the suite is
// not found.
func corpusPath(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for i := 0; i < 8; i++ {
		if _, err := os.Stat(dir + "/go.work"); err == nil {
			return dir + "/../shared/upstream/spec-testsuite/" + rel
		}
		dir += "/.."
	}
	return ""
}
