package benchtest

import (
	"os"
	"testing"

	"kiln/ir/wasm"
)

// StrconvBinary returns the strconv test binary, or skips tb without it.
func StrconvBinary(tb testing.TB) []byte {
	tb.Helper()
	path := os.Getenv("KILN_STRCONV_WASM")
	if path == "" {
		path = "/tmp/strconv.wasm"
	}
	bin, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("no strconv test binary: %v", err)
	}
	return bin
}

// Strconv returns the strconv test binary decoded and validated (wasm
// 2.0 features), or skips tb without it.
func Strconv(tb testing.TB) *wasm.Module {
	tb.Helper()
	m, err := wasm.DecodeAndValidate(StrconvBinary(tb), wasm.Features2_0)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
