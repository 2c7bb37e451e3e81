//go:build !arm64 || windows

package jit

// flushICache is a no-op where instruction fetch is coherent with data
// writes (amd64).
func flushICache(b []byte) {}
