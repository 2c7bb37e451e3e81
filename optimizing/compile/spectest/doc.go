// Package spectest runs the WebAssembly spec scripts on the optimizing
// tier natively, before (and independently of) the runtime's compiled-code
// strategy: its test plugs a small instantiation harness over
// kiln/optimizing/isa/amd64/native's WasmMachine into the filetests
// spec-script runner. It is a separate package so that the tier's own
// packages do not depend on the runtime and filetests modules.
//
// The harness models what a runtime does for compiled code and nothing
// more: VM contexts laid out by vm.Offsets, memories reserved with mmap
// at their maximum (so their base never moves), tables with their
// capacity reserved, globals, element and data segments, the start
// function, the spectest module, registered modules and cross-instance
// imports, and Go handlers for every exit (memory and table operations,
// host calls). Whatever it does not model is reported as unsupported and
// counted as skipped by the runner, never as passed.
//
// TestGoWasip1 uses the same harness with WASI (kiln/runtime/wasi, which
// is independent of the runtime's instances) to run Go's strconv test
// binary for GOOS=wasip1 end to end: its tests must print PASS and exit 0.
//
// KILN_TIER=baseline runs the same scripts and program on the baseline
// tier (and optimizing-no-midend on the optimizing tier without its
// mid-end), which makes the harness a differential check and a run-time
// comparison between tiers.
//
// Run them with
//
//	go test ./optimizing/compile/spectest/ -v -run 'TestSpecNative|TestGoWasip1'
//
// (KILN_SPEC_TESTSUITE names the testsuite checkout; KILN_SPEC_SKIPS=1
// logs every skipped directive with its reason; KILN_STRCONV_WASM names
// the Go test binary, default /tmp/strconv.wasm, built with
// GOOS=wasip1 GOARCH=wasm go test -c -o /tmp/strconv.wasm strconv).
package spectest
