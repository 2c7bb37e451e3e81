package wast

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"kiln/ir/wasm/wast"
)

// This file is the execution half of the runner: what a Tier is asked to do
// for each directive and how its answers are judged. The runtime only has
// to implement Tier; parsing, counting and result matching live here.

// ExceptionError is implemented by errors a Tier returns for an uncaught
// wasm exception (assert_exception), as opposed to a trap.
type ExceptionError interface {
	error
	UncaughtException()
}

// instantiateFails runs assert_trap/unlinkable/uninstantiable on a module:
// instantiation must fail for the expected reason.
func (r *scriptRun) instantiateFails(c *wast.Command, bin []byte) Report {
	err := r.Tier.Instantiate(c.Module.ID, bin)
	var u *UnsupportedError
	if errors.As(err, &u) {
		return skip(u.Reason)
	}
	switch {
	case err == nil:
		return fail("module instantiated, expected %q", c.Message)
	case !Matches(c.Message, err.Error()):
		return fail("wrong reason: expected %q, got: %v", c.Message, err)
	}
	return pass()
}

// execute runs a directive that needs a tier. Directives on a module the
// tier could not run are skipped with that module's reason.
func (r *scriptRun) execute(c *wast.Command) Report {
	if c.Kind == wast.KindRegister {
		if reason := r.skippedModule(c.ModuleID); reason != "" {
			r.skippedNames[c.Name] = reason
			return skip(reason)
		}
		delete(r.skippedNames, c.Name)
	}
	if c.Action != nil {
		if reason := r.skippedModule(c.Action.Module); reason != "" {
			return skip(reason)
		}
	}
	rep := r.executeOutcome(c)
	return rep
}

func (r *scriptRun) executeOutcome(c *wast.Command) Report {
	switch c.Kind {
	case wast.KindModuleInstance:
		bin, ok := r.definitions[c.ModuleID]
		if !ok {
			return fail("unknown module definition %q", c.ModuleID)
		}
		if reason := r.unsupported(bin); reason != "" {
			r.skipModule(c.Instance, reason)
			return skip(reason)
		}
		if err := r.Tier.Instantiate(c.Instance, bin); err != nil {
			var u *UnsupportedError
			if errors.As(err, &u) {
				r.skipModule(c.Instance, u.Reason)
				return skip(u.Reason)
			}
			return fail("instantiate: %v", err)
		}
		r.lastSkip = ""
		return pass()
	case wast.KindRegister:
		if err := r.Tier.Register(c.Name, c.ModuleID); err != nil {
			return fail("%v", err)
		}
		return pass()
	case wast.KindAction:
		if _, err := r.act(c.Action); err != nil {
			return fail("%v", err)
		}
		return pass()
	case wast.KindAssertReturn:
		got, err := r.act(c.Action)
		if err != nil {
			return fail("%s: %v", c.Action.Name, err)
		}
		if len(got) != len(c.Results) {
			return fail("%s: got %d results, want %d", c.Action.Name, len(got), len(c.Results))
		}
		for i, want := range c.Results {
			if !MatchResult(want, got[i]) {
				return fail("%s: result %d: got %s, want %s", c.Action.Name, i, FormatValue(got[i]), FormatResult(want))
			}
		}
		return pass()
	case wast.KindAssertTrap, wast.KindAssertExhaustion:
		_, err := r.act(c.Action)
		switch {
		case err == nil:
			return fail("%s returned, expected %q", c.Action.Name, c.Message)
		case !Matches(c.Message, err.Error()):
			return fail("%s: wrong reason: expected %q, got: %v", c.Action.Name, c.Message, err)
		}
		return pass()
	case wast.KindAssertException:
		_, err := r.act(c.Action)
		if _, ok := err.(ExceptionError); !ok {
			return fail("%s: expected an uncaught exception, got %v", c.Action.Name, err)
		}
		return pass()
	}
	return skip(fmt.Sprintf("%s is not supported by the runner yet", c.Kind))
}

func (r *scriptRun) act(a *wast.Action) ([]wast.Value, error) {
	if a.Kind == wast.ActionGet {
		v, err := r.Tier.Get(a.Module, a.Name)
		if err != nil {
			return nil, err
		}
		return []wast.Value{v}, nil
	}
	return r.Tier.Invoke(a.Module, a.Name, a.Args)
}

// MatchResult reports whether a value returned by a tier satisfies an
// expected result of assert_return.
func MatchResult(want wast.Result, got wast.Value) bool {
	if want.Either != nil {
		for _, alt := range want.Either {
			if MatchResult(alt, got) {
				return true
			}
		}
		return false
	}
	w := want.Value
	if w.Type != got.Type {
		return false
	}
	switch w.Type {
	case wast.I32:
		return uint32(w.Lo) == uint32(got.Lo)
	case wast.I64:
		return w.Lo == got.Lo
	case wast.F32:
		return matchFloat(want.NaN, w.Lo, got.Lo, 32)
	case wast.F64:
		return matchFloat(want.NaN, w.Lo, got.Lo, 64)
	case wast.V128:
		if want.Lanes == nil {
			return w.Lo == got.Lo && w.Hi == got.Hi
		}
		width := 32
		if want.Shape == "f64x2" {
			width = 64
		}
		for i, nan := range want.Lanes {
			if !matchFloat(nan, lane(w, i, width), lane(got, i, width), width) {
				return false
			}
		}
		return true
	}
	// References.
	switch w.Ref {
	case wast.RefNull:
		return got.Ref == wast.RefNull
	case wast.RefExtern, wast.RefHost:
		if got.Ref != w.Ref {
			return false
		}
		return !w.HasIndex || (got.HasIndex && got.Index == w.Index)
	case wast.RefAny:
		return got.Ref != wast.RefNull
	case wast.RefEq:
		return got.Ref == wast.RefEq || got.Ref == wast.RefStruct || got.Ref == wast.RefArray || got.Ref == wast.RefI31
	}
	return got.Ref == w.Ref
}

// lane extracts float lane i of the given width from a v128 value.
func lane(v wast.Value, i, width int) uint64 {
	bit := i * width
	word := v.Lo
	if bit >= 64 {
		word, bit = v.Hi, bit-64
	}
	if width == 64 {
		return word
	}
	return word >> bit & 0xffffffff
}

// matchFloat compares float bit patterns: exactly, or against a NaN class.
// A canonical NaN has only the quiet bit of the payload set; an arithmetic
// NaN has at least the quiet bit set. Either sign is allowed.
func matchFloat(nan wast.NaNKind, want, got uint64, width int) bool {
	var exp, quiet, payload uint64
	if width == 32 {
		exp, quiet, payload = 0x7f800000, 0x00400000, 0x007fffff
	} else {
		exp, quiet, payload = 0x7ff0000000000000, 0x0008000000000000, 0x000fffffffffffff
	}
	isNaN := got&exp == exp && got&payload != 0
	switch nan {
	case wast.NaNCanonical:
		return isNaN && got&payload == quiet
	case wast.NaNArithmetic:
		return isNaN && got&quiet != 0
	}
	return want == got
}

// FormatValue prints a value for failure messages.
func FormatValue(v wast.Value) string {
	switch v.Type {
	case wast.I32:
		return fmt.Sprintf("i32:%d", int32(v.Lo))
	case wast.I64:
		return fmt.Sprintf("i64:%d", int64(v.Lo))
	case wast.F32:
		return fmt.Sprintf("f32:%v (0x%08x)", math.Float32frombits(uint32(v.Lo)), uint32(v.Lo))
	case wast.F64:
		return fmt.Sprintf("f64:%v (0x%016x)", math.Float64frombits(v.Lo), v.Lo)
	case wast.V128:
		return fmt.Sprintf("v128:0x%016x%016x", v.Hi, v.Lo)
	}
	names := map[wast.RefKind]string{
		wast.RefNull: "ref.null", wast.RefExtern: "ref.extern", wast.RefHost: "ref.host", wast.RefFunc: "ref.func",
		wast.RefStruct: "ref.struct", wast.RefArray: "ref.array", wast.RefI31: "ref.i31", wast.RefEq: "ref.eq",
		wast.RefAny: "ref.any", wast.RefExn: "ref.exn",
	}
	s := names[v.Ref]
	if v.HasIndex {
		s += fmt.Sprintf(" %d", v.Index)
	}
	return s
}

// FormatResult prints an expected result for failure messages.
func FormatResult(r wast.Result) string {
	if r.Either != nil {
		parts := make([]string, len(r.Either))
		for i, alt := range r.Either {
			parts[i] = FormatResult(alt)
		}
		return "either(" + strings.Join(parts, ", ") + ")"
	}
	switch r.NaN {
	case wast.NaNCanonical:
		return r.Value.Type.String() + ":nan:canonical"
	case wast.NaNArithmetic:
		return r.Value.Type.String() + ":nan:arithmetic"
	}
	if r.Lanes != nil {
		return FormatValue(r.Value) + fmt.Sprintf(" with NaN lanes %v", r.Lanes)
	}
	return FormatValue(r.Value)
}
