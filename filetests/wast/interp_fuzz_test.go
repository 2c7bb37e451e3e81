package wast

import (
	"strings"
	"testing"
	"time"

	kiln "kiln/runtime"
)

// FuzzRunScriptInterp runs arbitrary scripts through the runner with the
// interpreter tier: parsing, encoding, validation, instantiation and
// execution of whatever the script says. Nothing may panic; the
// interpreter's internal-error net must never catch anything.
func FuzzRunScriptInterp(f *testing.F) {
	for _, s := range []string{
		`(module (func (export "f") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0))))
		 (assert_trap (invoke "f" (i32.const 0)) "integer divide by zero")
		 (assert_return (invoke "f" (i32.const 1)) (i32.const 1))`,
		`(module (memory 1) (func (export "g") (result i32) (memory.grow (i32.const 1))))
		 (assert_return (invoke "g") (i32.const 1))`,
		`(module $m (global (export "x") i32 (i32.const 3))) (register "m" $m)
		 (module (import "m" "x" (global i32)) (func (export "h") (result i32) (global.get 0)))
		 (assert_return (invoke "h") (i32.const 3))`,
		`(module (func (export "r") (call 0))) (assert_exhaustion (invoke "r") "call stack exhausted")`,
		`(module (type $s (struct (field i32))) (func (export "s") (result i32) (struct.get $s 0 (struct.new $s (i32.const 5)))))
		 (assert_return (invoke "s") (i32.const 5))`,
		`(module (tag $t) (func (export "t") (throw $t))) (assert_exception (invoke "t"))`,
	} {
		f.Add(s)
	}
	e, err := kiln.NewEngine(kiln.Config{MaxMemoryPages: 64, MaxTableElements: 1 << 16, MaxCallDepth: 500})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tier := NewRuntimeTier(e, e.Unsupported())
		tier.CallTimeout = 50 * time.Millisecond
		r := Runner{Tier: tier}
		for _, rep := range r.Run("fuzz.wast", []byte(src)) {
			if strings.Contains(rep.Message, "internal error") {
				t.Fatalf("%d: %s: %s", rep.Line, rep.Command, rep.Message)
			}
		}
	})
}
