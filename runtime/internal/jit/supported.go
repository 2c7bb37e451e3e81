//go:build (unix || windows) && (amd64 || arm64)

package jit

// Supported reports whether this platform can run machine code from
// kiln's compilers. On the others the runtime uses the interpreter.
const Supported = true
