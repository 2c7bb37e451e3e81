//go:build windows && (amd64 || arm64)

package jit

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

func mapRW(n int) ([]byte, error) {
	p, err := windows.VirtualAlloc(0, uintptr(n), windows.MEM_COMMIT|windows.MEM_RESERVE, windows.PAGE_READWRITE)
	if err != nil {
		return nil, fmt.Errorf("jit: VirtualAlloc %d bytes: %w", n, err)
	}
	// Convert through memory: the address is of memory Go does not
	// manage, which a direct uintptr→Pointer conversion would hide from vet
	// only by accident.
	return unsafe.Slice(*(**byte)(unsafe.Pointer(&p)), n), nil
}

func protect(b []byte, prot uint32) error {
	var old uint32
	return windows.VirtualProtect(uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), prot, &old)
}

func protectRX(b []byte) error {
	if err := protect(b, windows.PAGE_EXECUTE_READ); err != nil {
		return fmt.Errorf("jit: VirtualProtect RX: %w", err)
	}
	// Windows on arm64 needs the instruction cache flushed explicitly;
	// FlushInstructionCache is harmless on amd64.
	return flushInstructionCache(b)
}

func protectNone(b []byte) error {
	if err := protect(b, windows.PAGE_NOACCESS); err != nil {
		return fmt.Errorf("jit: VirtualProtect none: %w", err)
	}
	return nil
}

func unmap(b []byte) error {
	return windows.VirtualFree(uintptr(unsafe.Pointer(&b[0])), 0, windows.MEM_RELEASE)
}

func pageSize() int { return 64 << 10 } // allocation granularity

var procFlushInstructionCache = windows.NewLazySystemDLL("kernel32.dll").NewProc("FlushInstructionCache")

func flushInstructionCache(b []byte) error {
	r, _, err := procFlushInstructionCache.Call(uintptr(windows.CurrentProcess()), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	if r == 0 {
		return fmt.Errorf("jit: FlushInstructionCache: %w", err)
	}
	return nil
}
