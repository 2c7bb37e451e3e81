package interp

import (
	"encoding/binary"

	"kiln/ir"
)

// The address space of one interpreter.
//
//	[stackBase, stackBase+len(live stack))  stack slots of live frames
//	[funcBase, funcBase+16*(#functions))      func_addr values (not readable)
//	regions added with Interpreter.Map        caller memory (a heap, a vmctx)
//
// Everything else is unmapped: an access there traps with the access's
// trap code (heap_oob by default). Both regions sit below 2^31 so that
// i32 pointers work as well as i64 ones; a pointer is only ever compared
// with these ranges, never dereferenced as a host pointer.
const (
	stackBase = 0x0001_0000
	funcBase  = 0x7000_0000
	funcAlign = 16
)

// memory is the emulated stack: frames push their stack slots on entry and
// pop them on return, so an address stays valid exactly as long as the
// frame that owns it. Regions mapped by the caller (Interpreter.Map) are
// checked after the stack.
type memory struct {
	bytes   []byte // len is the live top of stack
	limit   int    // maximum len before stk_ovf
	regions []region
}

// region is caller-provided memory at a fixed address.
type region struct {
	base  uint64
	bytes []byte
}

// push reserves size bytes aligned to align (a power of two) and zeroes
// them; it returns the offset of the block and false on overflow.
func (m *memory) push(size uint64, align uint64) (int, bool) {
	off := (uint64(len(m.bytes)) + align - 1) &^ (align - 1)
	end := off + size
	if end > uint64(m.limit) {
		return 0, false
	}
	if end > uint64(cap(m.bytes)) {
		nb := make([]byte, len(m.bytes), max(end, 2*uint64(cap(m.bytes)), 4096))
		copy(nb, m.bytes)
		m.bytes = nb
	}
	old := len(m.bytes)
	m.bytes = m.bytes[:end]
	clear(m.bytes[old:end])
	return int(off), true
}

// pop releases everything from offset top on.
func (m *memory) pop(top int) { m.bytes = m.bytes[:top] }

// slice returns the n bytes at address addr, or nil when any of them is
// outside the live stack.
func (m *memory) slice(addr uint64, n int) []byte {
	if b := within(m.bytes, stackBase, addr, n); b != nil {
		return b
	}
	for _, r := range m.regions {
		if b := within(r.bytes, r.base, addr, n); b != nil {
			return b
		}
	}
	return nil
}

// within returns the n bytes at addr of mem (which starts at base), or
// nil when they are not all inside it.
func within(mem []byte, base, addr uint64, n int) []byte {
	if addr < base || n < 0 {
		return nil
	}
	off := addr - base
	if off > uint64(len(mem)) || uint64(n) > uint64(len(mem))-off || n == 0 && len(mem) == 0 {
		return nil
	}
	return mem[off : off+uint64(n)]
}

// readValue decodes a value of type ty from b honouring the endianness of
// flags: big-endian reverses the bytes of each lane.
func readValue(ty ir.Type, b []byte, big bool) ir.DataValue {
	var buf [16]byte
	copy(buf[:], b)
	if big {
		reverseLanes(buf[:len(b)], ty.LaneBits()/8)
	}
	return ir.DataValue{Ty: ty, Lo: binary.LittleEndian.Uint64(buf[:8]), Hi: binary.LittleEndian.Uint64(buf[8:])}
}

// writeValue encodes the low len(b) bytes of v into b.
func writeValue(v ir.DataValue, laneBytes int, b []byte, big bool) {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], v.Lo)
	binary.LittleEndian.PutUint64(buf[8:], v.Hi)
	if big {
		reverseLanes(buf[:len(b)], laneBytes)
	}
	copy(b, buf[:len(b)])
}

// reverseLanes reverses the bytes inside each lane of w bytes.
func reverseLanes(b []byte, w int) {
	if w <= 1 {
		return
	}
	for i := 0; i+w <= len(b); i += w {
		l := b[i : i+w]
		for j, k := 0, w-1; j < k; j, k = j+1, k-1 {
			l[j], l[k] = l[k], l[j]
		}
	}
}
