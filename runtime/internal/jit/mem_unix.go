//go:build unix && (amd64 || arm64)

package jit

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// mapRW maps n bytes (a multiple of the page size) of private anonymous
// read-write memory.
func mapRW(n int) ([]byte, error) {
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return nil, fmt.Errorf("jit: mmap %d bytes: %w", n, err)
	}
	return b, nil
}

// protectRX makes b read+execute (and no longer writable): W^X.
func protectRX(b []byte) error {
	if err := unix.Mprotect(b, unix.PROT_READ|unix.PROT_EXEC); err != nil {
		return fmt.Errorf("jit: mprotect RX: %w", err)
	}
	return nil
}

// protectNone makes b inaccessible (a stack guard region).
func protectNone(b []byte) error {
	if err := unix.Mprotect(b, unix.PROT_NONE); err != nil {
		return fmt.Errorf("jit: mprotect none: %w", err)
	}
	return nil
}

// unmap releases a mapping made by mapRW.
func unmap(b []byte) error { return unix.Munmap(b) }

func pageSize() int { return unix.Getpagesize() }
