package interp

import (
	"encoding/binary"
	"fmt"

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

// load reads a value for the load family: plain, extending scalar and
// extending vector (uload8x8…) loads.
func (in *Interpreter) load(op ir.Opcode, rty ir.Type, addr uint64, flags ir.MemFlags) (ir.DataValue, ir.TrapCode, error) {
	var size int
	signed := false
	switch op {
	case ir.OpLoad, ir.OpAtomicLoad:
		size = rty.Bytes()
	case ir.OpUload8, ir.OpSload8:
		size, signed = 1, op == ir.OpSload8
	case ir.OpUload16, ir.OpSload16:
		size, signed = 2, op == ir.OpSload16
	case ir.OpUload32, ir.OpSload32:
		size, signed = 4, op == ir.OpSload32
	case ir.OpUload8x8, ir.OpSload8x8, ir.OpUload16x4, ir.OpSload16x4, ir.OpUload32x2, ir.OpSload32x2:
		size = 8
		signed = op == ir.OpSload8x8 || op == ir.OpSload16x4 || op == ir.OpSload32x2
	}
	b := in.mem.slice(addr, size)
	if b == nil {
		return ir.DataValue{}, memTrap(flags), nil
	}
	big := flags.Endianness() == ir.BigEndian
	switch op {
	case ir.OpLoad, ir.OpAtomicLoad:
		return readValue(rty, b, big), 0, nil
	case ir.OpUload8x8, ir.OpSload8x8, ir.OpUload16x4, ir.OpSload16x4, ir.OpUload32x2, ir.OpSload32x2:
		lb := rty.LaneBits()
		src := readValue(rty.HalfWidth(), b, big)
		r := ir.DataValue{Ty: rty}
		for i := 0; i < rty.LaneCount(); i++ {
			l := laneOf(src, i, lb/2)
			if signed {
				l = l.sext(lb / 2)
			}
			setLane(&r, i, lb, l)
		}
		return r, 0, nil
	}
	v := bits128(readValue(ir.IntOfWidth(size*8), b, big))
	if signed {
		v = v.sext(size * 8)
	}
	return scalar(rty, v), 0, nil
}

// atomicRmw performs one read-modify-write and returns the old value.
func (in *Interpreter) atomicRmw(d *ir.InstData, rty ir.Type, addr uint64, x ir.DataValue) (ir.DataValue, ir.TrapCode, error) {
	b := in.mem.slice(addr, rty.Bytes())
	if b == nil {
		return ir.DataValue{}, memTrap(d.Flags), nil
	}
	big := d.Flags.Endianness() == ir.BigEndian
	old := readValue(rty, b, big)
	n := rty.Bits()
	o, v := bits128(old), bits128(x).trunc(n)
	var r u128
	switch d.AtomicOp() {
	case ir.AtomicAdd:
		r = o.add(v)
	case ir.AtomicSub:
		r = o.sub(v)
	case ir.AtomicAnd:
		r = o.and(v)
	case ir.AtomicNand:
		r = o.and(v).not()
	case ir.AtomicOr:
		r = o.or(v)
	case ir.AtomicXor:
		r = o.xor(v)
	case ir.AtomicXchg:
		r = v
	case ir.AtomicUmin:
		r, _ = intBinary(ir.OpUmin, n, o, v)
	case ir.AtomicUmax:
		r, _ = intBinary(ir.OpUmax, n, o, v)
	case ir.AtomicSmin:
		r, _ = intBinary(ir.OpSmin, n, o, v)
	case ir.AtomicSmax:
		r, _ = intBinary(ir.OpSmax, n, o, v)
	default:
		return ir.DataValue{}, 0, fmt.Errorf("%w atomic_rmw op %s", ErrUnsupported, d.AtomicOp())
	}
	writeValue(scalar(rty, r), rty.Bytes(), b, big)
	return old, 0, nil
}

// dynSlotAddr is the address of the dynamic stack slot of d.
func dynSlotAddr(fr *frame, d *ir.InstData) (uint64, error) {
	ds := d.DynamicStackSlot()
	if ds < 0 || int(ds) >= len(fr.fn.dynOff) || fr.fn.f.DynamicStackSlots[ds].Type == ir.Invalid {
		return 0, fmt.Errorf("undeclared dynamic stack slot %d", ds)
	}
	return stackBase + fr.memOff + fr.fn.dynOff[ds], nil
}
