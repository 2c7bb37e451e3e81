// Package examples holds small WASI programs that kiln runs, and the test
// that builds real guests with the toolchains on the machine and runs
// them under "kiln run":
//
//   - hello.wat, echo.wat, cat.wat: hand-written WebAssembly text (stdout,
//     arguments and exit status, stdin), runnable with no toolchain:
//     go run ./tools/cmd/kiln run tools/examples/hello.wat
//   - gohello, gotour: Go programs built with GOOS=wasip1 GOARCH=wasm;
//     gotour prints only host-independent facts so its output under kiln
//     is compared byte for byte with a native run.
//   - c/tour.c: the same tour in C, built with clang --target=wasm32-wasi
//     where clang, lld and wasi-libc are installed (Debian: clang lld
//     wasi-libc libclang-rt-dev-wasm32), and natively for comparison.
//
// guests_test.go also runs the wasip1 test binaries of Go standard library
// packages ("go test -c") the way go test's wasip1 exec wrapper
// (GOROOT/lib/wasm/go_wasip1_wasm_exec) runs them under Wasmtime: the
// whole file system preopened as "/", PWD set to the package's source
// directory, PATH passed through, on every tier. Interpreting them is
// slow: runs measured at over ten seconds of CPU (stdCPU holds the
// numbers) happen only with KILN_STD_TESTS=all.
package examples
