package interp

import (
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/store"
)

// Atomic operators (the threads proposal, 0xfe prefix). A store runs on
// one goroutine at a time and the embedding API shares no memory between
// stores, so the accesses themselves need no synchronisation: what the
// interpreter adds over plain loads and stores is the alignment check
// ("unaligned atomic") and the read-modify-write forms. memory.atomic.wait
// can only time out (nothing else can run to notify it) and notify wakes
// nobody.

// atomicSizes gives the access size in bytes of the seven forms of each
// load, store and read-modify-write group: i32, i64, i32 8u, i32 16u,
// i64 8u, i64 16u, i64 32u.
var atomicSizes = [7]uint64{4, 8, 1, 2, 1, 2, 4}

const (
	subLoad    = 0x10
	subStore   = 0x17
	subRmwAdd  = 0x1e
	subCmpxchg = 0x48
	subEnd     = 0x4f
)

// translateAtomic emits an atomic operator: a = memory, b = sub-opcode,
// c = offset.
func (c *compiler) atomic(op *wasm.Operator) {
	c.emit(instr{op: opAtomic, a: op.Mem.Memory, b: uint32(op.Op & 0xffff), c: op.Mem.Offset})
}

// execAtomic runs atomic operator sub on memory mem.
func execAtomic(sub uint32, mem *store.Memory, offset uint64, s []uint64, sp int, done <-chan struct{}) (int, *store.Trap) {
	access := func(addr, n uint64) ([]byte, *store.Trap) {
		ea, ok := bounds(addr, offset, n, len(mem.Bytes))
		if !ok {
			return nil, store.TrapOf(vm.TrapMemoryOutOfBounds)
		}
		if ea%n != 0 {
			return nil, store.TrapOf(vm.TrapUnalignedAtomic)
		}
		return mem.Bytes[ea : ea+n], nil
	}
	switch {
	case sub == 0x03: // atomic.fence
		return sp, nil
	case sub == 0x00: // memory.atomic.notify: no waiters
		sp--
		if _, t := access(s[sp-1], 4); t != nil {
			return sp, t
		}
		s[sp-1] = 0
		return sp, nil
	case sub == 0x01 || sub == 0x02: // memory.atomic.wait32/64
		n := uint64(4)
		if sub == 0x02 {
			n = 8
		}
		sp -= 2
		b, t := access(s[sp-1], n)
		if t != nil {
			return sp, t
		}
		expected, timeout := s[sp], int64(s[sp+1])
		if load(b) != expected&mask(n) {
			s[sp-1] = 1 // not-equal
			return sp, nil
		}
		if !mem.Type.Shared {
			t := store.TrapOf(vm.TrapUnreachable)
			t.Text = "expected shared memory"
			return sp, t
		}
		if timeout < 0 {
			// Nothing can notify: wait for the call to be cancelled.
			if done != nil {
				<-done
			}
			return sp, store.TrapOf(vm.TrapInterrupted)
		}
		s[sp-1] = 2 // timed-out
		return sp, nil
	case sub >= subLoad && sub < subStore:
		b, t := access(s[sp-1], atomicSizes[sub-subLoad])
		if t != nil {
			return sp, t
		}
		s[sp-1] = load(b)
		return sp, nil
	case sub >= subStore && sub < subRmwAdd:
		sp -= 2
		b, t := access(s[sp], atomicSizes[sub-subStore])
		if t != nil {
			return sp, t
		}
		put(b, s[sp+1])
		return sp, nil
	case sub >= subRmwAdd && sub < subCmpxchg:
		k := (sub - subRmwAdd) / 7
		n := atomicSizes[(sub-subRmwAdd)%7]
		sp--
		b, t := access(s[sp-1], n)
		if t != nil {
			return sp, t
		}
		old, v := load(b), s[sp]
		var r uint64
		switch k {
		case 0:
			r = old + v
		case 1:
			r = old - v
		case 2:
			r = old & v
		case 3:
			r = old | v
		case 4:
			r = old ^ v
		default:
			r = v
		}
		put(b, r)
		s[sp-1] = old
		return sp, nil
	case sub >= subCmpxchg && sub < subEnd:
		n := atomicSizes[sub-subCmpxchg]
		sp -= 2
		b, t := access(s[sp-1], n)
		if t != nil {
			return sp, t
		}
		old := load(b)
		if old == s[sp]&mask(n) {
			put(b, s[sp+1])
		}
		s[sp-1] = old
		return sp, nil
	}
	return sp, store.TrapOf(vm.TrapUnreachable)
}

func mask(n uint64) uint64 {
	if n == 8 {
		return ^uint64(0)
	}
	return 1<<(8*n) - 1
}

// load reads a little-endian value of len(b) bytes, zero-extended.
func load(b []byte) uint64 {
	var v uint64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// put writes the low len(b) bytes of v, little-endian.
func put(b []byte, v uint64) {
	for i := range b {
		b[i] = byte(v >> (8 * i))
	}
}
