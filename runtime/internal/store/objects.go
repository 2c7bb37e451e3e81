package store

import (
	"fmt"
	"math"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// Memory is a linear memory.
type Memory struct {
	Type wasm.MemoryType
	// Bytes is the contents; len(Bytes) == Pages()*PageSize always. Only
	// Grow reallocates it.
	Bytes []byte
	// Max is the effective maximum in pages: the declared maximum, the
	// address space of the index type, and the store limit, whichever is
	// smallest.
	Max uint64
}

// reserveLimit is the largest memory (in bytes) whose whole maximum is
// reserved at allocation, so that it never moves when it grows.
const reserveLimit = 1 << 20

// NewMemory allocates a memory of type t, failing when its minimum exceeds
// the store's limit.
func (s *Store) NewMemory(t wasm.MemoryType) (*Memory, error) {
	max := uint64(65536)
	if t.Memory64 {
		max = 1 << 48
	}
	if t.Limits.HasMax && t.Limits.Max < max {
		max = t.Limits.Max
	}
	if s.Limits.MaxMemoryPages < max {
		max = s.Limits.MaxMemoryPages
	}
	if t.Limits.Min > max {
		return nil, fmt.Errorf("memory minimum of %d pages exceeds the limit of %d pages", t.Limits.Min, max)
	}
	size := t.Limits.Min * PageSize
	capacity := size
	if max*PageSize <= reserveLimit {
		capacity = max * PageSize
	}
	return &Memory{Type: t, Bytes: make([]byte, size, capacity), Max: max}, nil
}

// Pages returns the current size in pages.
func (m *Memory) Pages() uint64 { return uint64(len(m.Bytes)) / PageSize }

// grow adds delta pages and returns the previous size, or -1 (as the
// memory.grow instruction does) when the result would exceed Max. Callers
// go through Store.GrowMemory.
func (m *Memory) grow(delta uint64) int64 {
	old := m.Pages()
	if delta > m.Max-old {
		return -1
	}
	if delta == 0 {
		return int64(old)
	}
	n := (old + delta) * PageSize
	if n <= uint64(cap(m.Bytes)) {
		m.Bytes = m.Bytes[:n]
		// Reserved capacity may hold bytes from a previous life only if
		// the memory shrank, which never happens; it is zero already.
	} else {
		// Reserve geometrically (up to Max): programs grow memory a page
		// or a few at a time (Go's wasip1 runtime does so hundreds of
		// times at start-up), and an exact-size reallocation would copy
		// the whole memory on each of them. Capacity beyond the length is
		// zeroed by make and never handed out before it is grown into.
		reserve := n
		if double := 2 * uint64(len(m.Bytes)); double > reserve {
			reserve = double
		}
		if m.Max < math.MaxUint64/PageSize && reserve > m.Max*PageSize {
			reserve = m.Max * PageSize
		}
		b := make([]byte, n, reserve)
		copy(b, m.Bytes)
		m.Bytes = b
	}
	return int64(old)
}

// Range returns the n bytes at addr, or false when any of them is outside
// the memory.
func (m *Memory) Range(addr, n uint64) ([]byte, bool) {
	size := uint64(len(m.Bytes))
	if addr > size || n > size-addr {
		return nil, false
	}
	return m.Bytes[addr : addr+n], true
}

// Fill sets n bytes at addr to val (memory.fill).
func (m *Memory) Fill(addr uint64, val byte, n uint64) error {
	b, ok := m.Range(addr, n)
	if !ok {
		return TrapOf(vm.TrapMemoryOutOfBounds)
	}
	for i := range b {
		b[i] = val
	}
	return nil
}

// Copy copies n bytes from src in memory from to dst in m (memory.copy;
// from may be m). Overlapping ranges copy as if through a buffer.
func (m *Memory) Copy(dst uint64, from *Memory, src, n uint64) error {
	d, ok1 := m.Range(dst, n)
	s, ok2 := from.Range(src, n)
	if !ok1 || !ok2 {
		return TrapOf(vm.TrapMemoryOutOfBounds)
	}
	copy(d, s)
	return nil
}

// Init copies n bytes at offset src of a data segment to dst (memory.init).
func (m *Memory) Init(dst uint64, seg *DataSegment, src, n uint64) error {
	d, ok := m.Range(dst, n)
	data := seg.Bytes()
	if !ok || src > uint64(len(data)) || n > uint64(len(data))-src {
		return TrapOf(vm.TrapMemoryOutOfBounds)
	}
	copy(d, data[src:src+n])
	return nil
}

// Table is a table of references.
type Table struct {
	Type wasm.TableType
	// Owner is the instance that defined the table, whose type indices
	// its element type's concrete heap type refers to (nil for a table
	// the embedder made).
	Owner *Instance
	Elems []Ref
	// Max is the effective maximum size: the declared maximum, the index
	// type's range and the store limit, whichever is smallest.
	Max uint64
}

// NewTable allocates a table of type t with every element set to init.
func (s *Store) NewTable(t wasm.TableType, init Ref) (*Table, error) {
	max := uint64(1<<32 - 1)
	if t.Table64 {
		max = 1<<64 - 1
	}
	if t.Limits.HasMax && t.Limits.Max < max {
		max = t.Limits.Max
	}
	if s.Limits.MaxTableElements < max {
		max = s.Limits.MaxTableElements
	}
	if t.Limits.Min > max {
		return nil, fmt.Errorf("table minimum of %d elements exceeds the limit of %d", t.Limits.Min, max)
	}
	tab := &Table{Type: t, Elems: make([]Ref, t.Limits.Min), Max: max}
	if init != NullRef {
		for i := range tab.Elems {
			tab.Elems[i] = init
		}
	}
	return tab, nil
}

// Size returns the number of elements.
func (t *Table) Size() uint64 { return uint64(len(t.Elems)) }

// Grow adds delta elements set to init and returns the previous size, or
// -1 when the result would exceed Max.
func (t *Table) Grow(delta uint64, init Ref) int64 {
	old := t.Size()
	if delta > t.Max-old {
		return -1
	}
	for i := uint64(0); i < delta; i++ {
		t.Elems = append(t.Elems, init)
	}
	return int64(old)
}

// Get returns element i (table.get).
func (t *Table) Get(i uint64) (Ref, error) {
	if i >= t.Size() {
		return 0, TrapOf(vm.TrapTableOutOfBounds)
	}
	return t.Elems[i], nil
}

// Set sets element i (table.set).
func (t *Table) Set(i uint64, r Ref) error {
	if i >= t.Size() {
		return TrapOf(vm.TrapTableOutOfBounds)
	}
	t.Elems[i] = r
	return nil
}

// Fill sets n elements at i to r (table.fill).
func (t *Table) Fill(i uint64, r Ref, n uint64) error {
	if i > t.Size() || n > t.Size()-i {
		return TrapOf(vm.TrapTableOutOfBounds)
	}
	for k := i; k < i+n; k++ {
		t.Elems[k] = r
	}
	return nil
}

// Copy copies n elements from src in table from to dst in t (table.copy).
func (t *Table) Copy(dst uint64, from *Table, src, n uint64) error {
	if dst > t.Size() || n > t.Size()-dst || src > from.Size() || n > from.Size()-src {
		return TrapOf(vm.TrapTableOutOfBounds)
	}
	copy(t.Elems[dst:dst+n], from.Elems[src:src+n])
	return nil
}

// Init copies n elements at offset src of an element segment to dst
// (table.init).
func (t *Table) Init(dst uint64, seg *ElemSegment, src, n uint64) error {
	elems := seg.Elems()
	if dst > t.Size() || n > t.Size()-dst || src > uint64(len(elems)) || n > uint64(len(elems))-src {
		return TrapOf(vm.TrapTableOutOfBounds)
	}
	copy(t.Elems[dst:dst+n], elems[src:src+n])
	return nil
}

// Global is a global variable. A v128 uses both words (Lo, Hi); every
// other type only Lo.
type Global struct {
	Type wasm.GlobalType
	// Owner is the defining instance, as for Table.
	Owner  *Instance
	Lo, Hi uint64
}

// NewGlobal allocates a global of type t holding lo (and hi for v128).
func (s *Store) NewGlobal(t wasm.GlobalType, lo, hi uint64) *Global {
	return &Global{Type: t, Lo: lo, Hi: hi}
}

// Tag is an exception tag; its type's parameters are the payload.
type Tag struct {
	Type   FuncType
	TypeID TypeID
}

// NewTag allocates a tag.
func (s *Store) NewTag(t FuncType) *Tag { return &Tag{Type: t, TypeID: s.FuncTypeID(t)} }

// DataSegment is a data segment of an instance: passive segments keep
// their bytes until data.drop; active ones are dropped once applied.
type DataSegment struct {
	Data    []byte
	Dropped bool
}

// Bytes returns the segment's contents (empty once dropped).
func (d *DataSegment) Bytes() []byte {
	if d.Dropped {
		return nil
	}
	return d.Data
}

// Drop drops the segment (data.drop).
func (d *DataSegment) Drop() { d.Dropped = true }

// ElemSegment is an element segment of an instance, its entries evaluated
// to references at instantiation.
type ElemSegment struct {
	Type    wasm.ValType
	Refs    []Ref
	Dropped bool
}

// Elems returns the segment's references (empty once dropped).
func (e *ElemSegment) Elems() []Ref {
	if e.Dropped {
		return nil
	}
	return e.Refs
}

// Drop drops the segment (elem.drop).
func (e *ElemSegment) Drop() { e.Dropped = true }
