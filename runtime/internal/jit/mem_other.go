//go:build !((unix || windows) && (amd64 || arm64))

package jit

// Supported reports whether this platform can run machine code from
// kiln's compilers. On the others the runtime uses the interpreter.
const Supported = false

func mapRW(n int) ([]byte, error) { return nil, ErrUnsupported }
func protectRX(b []byte) error    { return ErrUnsupported }
func protectNone(b []byte) error  { return ErrUnsupported }
func unmap(b []byte) error        { return ErrUnsupported }
func pageSize() int               { return 4096 }
