// Package bench measures kiln's execution tiers next to their peers, on
// the same wasm, in the same run:
//
//	go test -run '^$' -bench . -count 3 ./tools/bench | tee bench.txt
//	go run ./tools/bench/cmd/benchtable < bench.txt
//
// (docs/benchmarks.md has the commands used for the published numbers and
// the latest results.) Every benchmark first checks that each engine
// returns the same result; speed is never asserted.
//
// The kernels (kernels/*.wat) are small and each stresses one thing:
// fib.wat calls (recursive Fibonacci), collatz.wat integer loops with
// data-dependent branches, mandel.wat f64 arithmetic (Mandelbrot),
// sieve.wat byte loads and stores in linear memory (Eratosthenes).
// BenchmarkKernels runs them on kiln's tiers and wazero's interpreter.
//
// BenchmarkC runs compiler output: C kernels (c/*.c: matmul, nbody,
// sha256, sort, sieve, crc32, strsearch, fannkuch) built by clang for
// wasm32-wasi (c/build.sh; the .wasm are committed) on kiln's interpreter,
// baseline and optimizing tiers, wazero's interpreter and compiler, and,
// out of process where installed, the same C built natively by gcc -O2
// (c/native_main.c times it) and V8 through node (node_driver.mjs), pinned
// to TurboFan and to Liftoff. BenchmarkChecks measures what the compiled
// tiers' loop checks cost (checks_test.go). BenchmarkCompileStrconv
// reports compile throughput on Go's strconv test binary (run with -cpu
// 1,2). BenchmarkGoHello times start-up and run of a Go wasip1 hello
// world, BenchmarkGoKernels plain-Go programs (testdata/), on kiln and
// wazero; the Go programs are built by the go command running the tests.
//
// The machine is usually shared, so each benchmark reports cpu-ns/op (the
// CPU time it used) beside ns/op; cmd/benchtable prefers it.
//
// This is a separate module so that wazero stays out of the dependency
// graph of kiln's product modules; nothing else may import it. The kiln
// command's `kiln bench` times kiln's own tiers without peers, on the
// kernels listed in kernels.txt.
//
// Known gaps: no Go wasip1 program runs on node (its WASI is
// experimental); native Go is the only native peer of the Go kernels.
package bench
