//go:build !windows

package jit

import "unsafe"

//go:noescape
func flushICacheRange(start, end uintptr)

// flushICache makes code written through the data side visible to
// instruction fetch.
func flushICache(b []byte) {
	if len(b) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(&b[0]))
	flushICacheRange(start, start+uintptr(len(b)))
}
