package wast

import (
	"path/filepath"
	"strings"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// Profile is what a suite is written against: the WebAssembly features its
// modules may use and the variant of the text format. Proposal snapshots in
// the spec repository are specified on top of the core spec of their time,
// so an engine tests them with that feature set — as Wasmtime's spec-test
// harness does — rather than with everything enabled.
type Profile struct {
	Name     string
	Features wasm.Features
	Text     wat.Options
}

// DefaultProfile is WebAssembly 3.0 plus the legacy exception-handling
// instructions and threads: everything kiln implements.
var DefaultProfile = Profile{Name: "all", Features: wasm.FeaturesAll}

// suiteProfiles maps a directory of the spec suite to its profile.
var suiteProfiles = []struct {
	dir     string
	profile Profile
}{
	// The threads proposal builds on WebAssembly 1.0 with the proposals
	// merged before it (sign extension, saturating conversions, multi-value,
	// bulk memory, mutable globals) but not reference types, multi-memory
	// or memory64: its memory.wast and imports.wast assert "multiple
	// memories"/"multiple tables" and u32 limits in the text format.
	{"proposals/threads/", Profile{
		Name:     "threads",
		Features: wasm.SignExt | wasm.SatConv | wasm.MultiValue | wasm.BulkMemory | wasm.MutableGlobals | wasm.Threads,
		Text:     wat.Options{U32Limits: true},
	}},
}

// ProfileFor returns the profile of the suite a script path belongs to.
func ProfileFor(path string) Profile {
	p := filepath.ToSlash(path)
	for _, s := range suiteProfiles {
		if strings.Contains(p, "/"+s.dir) || strings.HasPrefix(p, s.dir) {
			return s.profile
		}
	}
	return DefaultProfile
}
