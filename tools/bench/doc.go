// Package bench measures kiln's execution tiers on a few compute kernels
// next to wazero's interpreter, on the same wasm, in the same run:
//
//	go test -bench . -benchtime 10x ./tools/bench
//
// The kernels (kernels/*.wat) are small and each stresses one thing:
// fib.wat calls (recursive Fibonacci), collatz.wat integer loops with
// data-dependent branches, mandel.wat f64 arithmetic (Mandelbrot),
// sieve.wat byte loads and stores in linear memory (Eratosthenes). Every
// benchmark first checks that both engines return the same result.
//
// This is a separate module so that wazero stays out of the dependency
// graph of kiln's product modules; nothing else may import it.
//
// The compiled tiers (kiln-baseline, kiln-optimizing) run too where the
// platform supports them, for scale.
//
// Known gaps: the kernels are hand-written .wat, not compiler output.
package bench
