package wasmgen

import "kiln/ir/wasm"

// Config is the feature set and the size bounds of generated modules.
// The zero value generates nothing useful; start from DefaultConfig.
type Config struct {
	// MaxFuncs bounds the exported, generated functions (at least one).
	MaxFuncs int
	// MaxParams and MaxResults bound each function's signature; results
	// above one need MultiValue.
	MaxParams, MaxResults int
	// MaxInstrs is the instruction budget of one function body; past it
	// the generator only emits leaves, so bodies stay small.
	MaxInstrs int
	// MaxDepth bounds the nesting of expressions and blocks.
	MaxDepth int
	// MaxLoopIterations bounds every loop: a loop's counter starts at
	// most here and the loop exits when it reaches zero.
	MaxLoopIterations int
	// CallFuel is the initial value of the exported "fuel" global; every
	// generated function decrements it on entry and traps (unreachable)
	// when it is zero, which bounds calls and recursion.
	CallFuel int

	Memory         bool // a memory, loads, stores, memory.size/grow
	BulkMemory     bool // memory.fill/copy/init, data.drop, table.init/copy, elem.drop
	Table          bool // a funcref table and call_indirect
	ReferenceTypes bool // table.get/set/size/grow/fill, ref.func, ref.null, ref.is_null
	Globals        bool // globals besides the fuel counter
	MultiValue     bool // multiple results, block parameters
	SignExt        bool // extend8_s and friends
	SatConv        bool // trunc_sat
	Floats         bool // f32/f64 values and operators
	TailCalls      bool // return_call, return_call_indirect
	HostCalls      bool // imports env.mix and env.check (see HostMix, HostCheck)

	// Traps allows operators that trap by design: unreachable, and
	// call_indirect through a signature that may not match the slot.
	// Operators that trap on some operands (division, conversions,
	// memory and table accesses) are generated either way.
	Traps bool
	// StackExhaustion adds a helper that recurses without bound and
	// sometimes calls it, to check that every tier traps with
	// stack exhaustion.
	StackExhaustion bool

	// CanonicalizeNaNs follows every float operator that may produce a
	// NaN with code that replaces any NaN by the canonical one, so that
	// NaN payloads (which the spec leaves nondeterministic) cannot leak
	// into integers, memory or globals and every value compares bit for
	// bit. Without it the generator avoids operators that expose NaN bits
	// (reinterpret, float stores, copysign) and float values must be
	// compared by NaN class (Module.NaNBitsExposed is false either way).
	CanonicalizeNaNs bool
}

// DefaultConfig is every feature the compiled tiers run, with bounds that
// keep one module's execution in the low milliseconds on the interpreter.
func DefaultConfig() Config {
	return Config{
		MaxFuncs:          6,
		MaxParams:         4,
		MaxResults:        3,
		MaxInstrs:         120,
		MaxDepth:          6,
		MaxLoopIterations: 5,
		CallFuel:          120,
		Memory:            true,
		BulkMemory:        true,
		Table:             true,
		ReferenceTypes:    true,
		Globals:           true,
		MultiValue:        true,
		SignExt:           true,
		SatConv:           true,
		Floats:            true,
		TailCalls:         true,
		HostCalls:         true,
		Traps:             true,
		StackExhaustion:   true,
		CanonicalizeNaNs:  true,
	}
}

// Features returns the wasm proposals modules generated with c use.
func (c Config) Features() wasm.Features {
	f := wasm.MutableGlobals
	if c.BulkMemory {
		f |= wasm.BulkMemory
	}
	if c.ReferenceTypes || c.BulkMemory {
		f |= wasm.ReferenceTypes
	}
	if c.MultiValue {
		f |= wasm.MultiValue
	}
	if c.SignExt {
		f |= wasm.SignExt
	}
	if c.SatConv {
		f |= wasm.SatConv
	}
	if c.TailCalls {
		f |= wasm.TailCall
	}
	return f
}

// ConfigFrom derives a configuration from the fuzzer's bytes: each
// feature is on most of the time, so most inputs exercise everything and
// some isolate a feature by leaving others out.
func ConfigFrom(u *Unstructured) Config {
	c := DefaultConfig()
	bits := u.Uint32()
	off := func(i uint) bool { return bits>>i&7 == 0 } // one in eight
	c.Memory = !off(0)
	c.BulkMemory = c.Memory && !off(3)
	c.Table = !off(6)
	c.ReferenceTypes = c.Table && !off(9)
	c.Globals = !off(12)
	c.MultiValue = !off(15)
	c.Floats = !off(18)
	// Exhausting a compiled tier's 8 MiB stack (and building the trap's
	// backtrace) costs tens of milliseconds, a hundred times a typical
	// module: one input in four.
	c.StackExhaustion = bits>>21&3 == 0
	c.CanonicalizeNaNs = !off(24)
	c.TailCalls = bits>>30 != 0
	c.HostCalls = bits>>29&3 != 0
	c.MaxFuncs = 1 + int(bits>>27)%c.MaxFuncs
	return c
}
