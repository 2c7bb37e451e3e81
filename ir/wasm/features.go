package wasm

import (
	"fmt"
	"strings"
)

// Features is a set of WebAssembly proposals the decoder and validator
// accept. A construct that belongs to a feature outside the set is rejected
// with the same message an engine without that proposal would give
// ("illegal opcode", "malformed reference type", "multiple memories", ...).
type Features uint64

const (
	SignExt            Features = 1 << iota // sign-extension operators
	SatConv                                 // non-trapping float-to-int conversions
	MultiValue                              // multiple results and block parameters
	BulkMemory                              // memory.copy/fill/init, data.drop, passive segments, data count
	ReferenceTypes                          // funcref/externref values, table.* operators, multiple tables
	SIMD                                    // fixed-width 128-bit SIMD
	TailCall                                // return_call*
	ExtendedConst                           // i32/i64 add/sub/mul in constant expressions
	MultiMemory                             // more than one memory
	Memory64                                // 64-bit memories and tables
	RelaxedSIMD                             // relaxed SIMD
	FunctionReferences                      // typed function references
	GC                                      // garbage-collected types and operators
	ExceptionHandling                       // tags, throw, throw_ref, try_table, exnref
	LegacyExceptions                        // try/catch/catch_all/delegate/rethrow
	Threads                                 // shared memories and atomic operators
	MutableGlobals                          // import/export of mutable globals
)

// Features2_0 is WebAssembly 2.0: the MVP plus the proposals merged into it.
const Features2_0 = SignExt | SatConv | MultiValue | BulkMemory | ReferenceTypes | SIMD | MutableGlobals

// Features3_0 is WebAssembly 3.0.
const Features3_0 = Features2_0 | TailCall | ExtendedConst | MultiMemory | Memory64 | RelaxedSIMD |
	FunctionReferences | GC | ExceptionHandling

// FeaturesAll enables every proposal kiln knows, including the legacy
// exception-handling instructions and threads.
const FeaturesAll = Features3_0 | LegacyExceptions | Threads

var featureNames = [...]string{
	"sign-ext", "sat-conv", "multi-value", "bulk-memory", "reference-types", "simd",
	"tail-call", "extended-const", "multi-memory", "memory64", "relaxed-simd",
	"function-references", "gc", "exception-handling", "legacy-exceptions", "threads",
	"mutable-globals",
}

// Has reports whether every feature in g is in f.
func (f Features) Has(g Features) bool { return f&g == g }

func (f Features) String() string {
	var parts []string
	for i, n := range featureNames {
		if f&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ",")
}

// ParseFeatures parses a comma-separated list of proposal names as
// printed by Features.String ("simd,threads"), plus the sets "2.0",
// "3.0" and "all". A name prefixed with "-" removes it ("all,-threads").
func ParseFeatures(s string) (Features, error) {
	var f Features
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		remove := strings.HasPrefix(name, "-")
		name = strings.TrimPrefix(name, "-")
		var g Features
		switch name {
		case "all":
			g = FeaturesAll
		case "2.0":
			g = Features2_0
		case "3.0":
			g = Features3_0
		default:
			for i, n := range featureNames {
				if n == name {
					g = 1 << i
				}
			}
			if g == 0 {
				return 0, fmt.Errorf("unknown wasm feature %q", name)
			}
		}
		if remove {
			f &^= g
		} else {
			f |= g
		}
	}
	return f, nil
}
