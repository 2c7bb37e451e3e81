// Package jit runs machine code produced by kiln's compilers inside a Go
// process, without cgo. (Full design notes: see the sections below.)
package jit
