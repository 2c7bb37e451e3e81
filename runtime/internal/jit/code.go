package jit

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"kiln/ir/vm"
)

// ErrUnsupported is returned on platforms without a JIT (see Supported).
var ErrUnsupported = errors.New("jit: no JIT on this platform (" + runtime.GOOS + "/" + runtime.GOARCH + "); use the interpreter")

// Code is a block of machine code in executable memory. It is mapped
// read-write, filled, then switched to read-execute before anyone can run
// it (W^X: never writable and executable at once). The mapping is released
// by Close or, failing that, when the Code becomes unreachable (a
// runtime.AddCleanup), so whoever calls into it must keep the *Code alive
// for the duration of the call (Machine.Call takes it as an argument for
// that reason).
type Code struct {
	mem     []byte
	cleanup runtime.Cleanup
	once    sync.Once
}

// MapCode copies b into fresh executable memory.
func MapCode(b []byte) (*Code, error) {
	return mapCode(len(b), func(dst []byte) error { copy(dst, b); return nil })
}

func mapCode(n int, fill func(dst []byte) error) (*Code, error) {
	if !Supported {
		return nil, ErrUnsupported
	}
	ps := pageSize()
	size := (max(n, 1) + ps - 1) &^ (ps - 1)
	mem, err := mapRW(size)
	if err != nil {
		return nil, err
	}
	if err := fill(mem[:n]); err != nil {
		unmap(mem)
		return nil, err
	}
	if err := protectRX(mem); err != nil {
		unmap(mem)
		return nil, err
	}
	if runtime.GOARCH == "arm64" {
		flushICache(mem)
	}
	c := &Code{mem: mem}
	c.cleanup = runtime.AddCleanup(c, func(m []byte) { unmap(m) }, mem)
	return c, nil
}

// Addr returns the address of byte off of the code.
func (c *Code) Addr(off uint32) uintptr {
	return uintptr(unsafe.Pointer(unsafe.SliceData(c.mem))) + uintptr(off)
}

// Base returns the address of the first byte.
func (c *Code) Base() uintptr { return c.Addr(0) }

// Len returns the mapped size in bytes (whole pages).
func (c *Code) Len() int { return len(c.mem) }

// Contains reports whether pc lies inside the mapping.
func (c *Code) Contains(pc uintptr) bool { return pc-c.Base() < uintptr(len(c.mem)) }

// Close unmaps the code now. No goroutine may be running it.
func (c *Code) Close() error {
	var err error
	c.once.Do(func() {
		c.cleanup.Stop()
		err = unmap(c.mem)
		c.mem = nil
	})
	return err
}

// LoadArtifact maps an artifact's code and applies its relocations:
// SymFunc targets resolve to the function's body inside the artifact (an
// imported function to its host-call trampoline), SymRuntime targets
// through runtimeSym. The artifact is validated first.
func LoadArtifact(a *vm.Artifact, runtimeSym func(vm.RuntimeSymbol) (uintptr, bool)) (*Code, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if a.Arch != runtime.GOARCH {
		return nil, fmt.Errorf("jit: artifact is for %s, this process is %s", a.Arch, runtime.GOARCH)
	}
	var c *Code
	var err error
	// The final addresses are needed while filling, so map first and
	// patch in place before protecting.
	c, err = mapCode(len(a.Code), func(dst []byte) error {
		copy(dst, a.Code)
		base := uintptr(unsafe.Pointer(unsafe.SliceData(dst)))
		for _, r := range a.Relocs {
			s, ok := uintptr(0), false
			switch r.Target.Kind {
			case vm.SymFunc:
				nimp := uint32(len(a.Imports))
				switch {
				case r.Target.Index < nimp && a.Imports[r.Target.Index] != vm.NoOffset:
					s, ok = base+uintptr(a.Imports[r.Target.Index]), true
				case r.Target.Index >= nimp && r.Target.Index-nimp < uint32(len(a.Funcs)):
					s, ok = base+uintptr(a.Funcs[r.Target.Index-nimp].Offset), true
				}
			case vm.SymRuntime:
				if runtimeSym != nil {
					s, ok = runtimeSym(vm.RuntimeSymbol(r.Target.Index))
				}
			}
			if !ok {
				return fmt.Errorf("jit: relocation at %d: unresolved symbol %v", r.Offset, r.Target)
			}
			if err := applyReloc(dst, base, r, s); err != nil {
				return err
			}
		}
		return nil
	})
	return c, err
}

// applyReloc writes one relocation (offsets were bounds-checked by
// Validate).
func applyReloc(code []byte, base uintptr, r vm.Reloc, s uintptr) error {
	p := int64(base) + int64(r.Offset)
	v := int64(s) + r.Addend
	field := code[r.Offset:]
	switch r.Kind {
	case vm.RelocAbs8:
		binary.LittleEndian.PutUint64(field, uint64(v))
	case vm.RelocX86PCRel4:
		d := v - p
		if d != int64(int32(d)) {
			return fmt.Errorf("jit: relocation at %d: target out of rel32 range", r.Offset)
		}
		binary.LittleEndian.PutUint32(field, uint32(int32(d)))
	case vm.RelocArm64Call26:
		d := v - p
		if d&3 != 0 || d < -(1<<27) || d >= 1<<27 {
			return fmt.Errorf("jit: relocation at %d: target out of BL range", r.Offset)
		}
		w := binary.LittleEndian.Uint32(field)
		binary.LittleEndian.PutUint32(field, w&^(1<<26-1)|uint32(d>>2)&(1<<26-1))
	default:
		return fmt.Errorf("jit: relocation at %d: kind %d not supported on %s", r.Offset, r.Kind, runtime.GOARCH)
	}
	return nil
}
