// Package benchtest holds what the optimizing tier's tests and
// benchmarks share: their yardstick input, Go's strconv test binary for
// wasip1, and the process CPU clock they report, steadier than wall time
// on a shared machine.
//
// Build the binary with
//
//	GOOS=wasip1 GOARCH=wasm go test -c -o /tmp/strconv.wasm strconv
//
// and point KILN_STRCONV_WASM at it (default /tmp/strconv.wasm); tests
// that need it skip when it is absent.
package benchtest
