//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package wasi

import "os"

// Without renameat/linkat on directory descriptors, a rename or link
// between two different directory descriptors is EXDEV (a known gap; one
// descriptor with both paths below it works everywhere).
func renameAt(*os.File, string, *os.File, string) error { return ErrnoXdev }
func linkAt(*os.File, string, *os.File, string) error   { return ErrnoXdev }
