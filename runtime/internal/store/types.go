package store

import (
	"encoding/binary"

	"kiln/ir/wasm"
)

// TypeID is a store-wide canonical type: two type indices, of the same
// module or of different ones, have the same TypeID exactly when they
// denote the same type under the iso-recursive equivalence of the
// WebAssembly spec (equal rec groups, same position in the group).
// call_indirect and import matching compare TypeIDs.
type TypeID uint32

// typeKey serialises rec groups. A concrete heap type inside the group
// being keyed is written relative to the group ('r' + position); one
// outside it by its TypeID ('c' + id); abstract heap types by their code.
type typeKey struct {
	buf        []byte
	start, n   uint32   // the group
	outer      []TypeID // ids of the module's earlier types
	hasIndices bool     // concrete heap types may occur
}

func (k *typeKey) heap(h wasm.HeapType) {
	switch {
	case h < 0 || !k.hasIndices:
		k.buf = binary.AppendVarint(k.buf, int64(h))
	case uint32(h) >= k.start && uint32(h)-k.start < k.n:
		k.buf = append(k.buf, 'r')
		k.buf = binary.AppendUvarint(k.buf, uint64(uint32(h)-k.start))
	case int(h) < len(k.outer):
		k.buf = append(k.buf, 'c')
		k.buf = binary.AppendUvarint(k.buf, uint64(k.outer[h]))
	default:
		k.buf = append(k.buf, 'x')
	}
}

func (k *typeKey) val(t wasm.ValType) {
	k.buf = append(k.buf, byte(t.Kind))
	if t.Kind == wasm.KindRef {
		if t.Nullable {
			k.buf = append(k.buf, 1)
		} else {
			k.buf = append(k.buf, 0)
		}
		k.heap(t.Heap)
	}
}

func (k *typeKey) sub(st *wasm.SubType) {
	k.buf = append(k.buf, byte(st.Kind))
	if st.Final {
		k.buf = append(k.buf, 1)
	} else {
		k.buf = append(k.buf, 0)
	}
	if st.Super >= 0 {
		k.buf = append(k.buf, 's')
		k.heap(wasm.HeapType(st.Super))
	}
	k.buf = binary.AppendUvarint(k.buf, uint64(len(st.Params)))
	for _, t := range st.Params {
		k.val(t)
	}
	k.buf = binary.AppendUvarint(k.buf, uint64(len(st.Results)))
	for _, t := range st.Results {
		k.val(t)
	}
	k.buf = binary.AppendUvarint(k.buf, uint64(len(st.Fields)))
	for _, f := range st.Fields {
		k.val(f.Type)
		if f.Mutable {
			k.buf = append(k.buf, 1)
		} else {
			k.buf = append(k.buf, 0)
		}
	}
}

// internTypes returns the TypeIDs of every type index of m: the first rec
// group with a given key gets consecutive ids, one per member.
func (s *Store) internTypes(m *wasm.Module) []TypeID {
	ids := make([]TypeID, len(m.Types))
	k := typeKey{hasIndices: true}
	for _, g := range m.RecGroups {
		k.buf, k.start, k.n, k.outer = k.buf[:0], g.Start, g.Len, ids[:g.Start]
		for i := g.Start; i < g.Start+g.Len; i++ {
			k.sub(&m.Types[i])
		}
		next := s.nextType
		base := s.internGroup(string(k.buf), g.Len)
		for i := uint32(0); i < g.Len; i++ {
			ids[g.Start+i] = base + TypeID(i)
		}
		if base == next && s.nextType != next {
			s.noteTypes(m, g, ids)
		}
	}
	return ids
}

func (s *Store) internGroup(key string, n uint32) TypeID {
	if id, ok := s.types[key]; ok {
		return id
	}
	id := s.nextType
	s.nextType += TypeID(n)
	s.types[key] = id
	return id
}

// FuncTypeID returns the TypeID of a signature written with abstract
// reference types only (a host function's): the id of a final function
// type alone in its rec group, which is what a module's plain (type (func
// ...)) declares.
func (s *Store) FuncTypeID(t FuncType) TypeID {
	st := wasm.SubType{Final: true, Super: -1, Kind: wasm.CompFunc, Params: t.Params, Results: t.Results}
	k := typeKey{n: 0}
	k.sub(&st)
	return s.internGroup(string(k.buf), 1)
}

// heapID canonicalises a heap type of an object owned by inst: a concrete
// type index becomes its TypeID (as a non-negative value), an abstract
// heap type stays negative.
func heapID(h wasm.HeapType, inst *Instance) int64 {
	if h < 0 || inst == nil || int(h) >= len(inst.TypeIDs) {
		return int64(h)
	}
	return int64(inst.TypeIDs[h])
}

// sameValType reports whether value type a (of an object owned by ia)
// equals b (as written in ib's module).
func (s *Store) sameValType(a wasm.ValType, ia *Instance, b wasm.ValType, ib *Instance) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind != wasm.KindRef {
		return true
	}
	return a.Nullable == b.Nullable && heapID(a.Heap, ia) == heapID(b.Heap, ib)
}

// subValType reports whether a is a subtype of b: null-widening, declared
// supertypes, and the abstract hierarchies (see heapSub).
func (s *Store) subValType(a wasm.ValType, ia *Instance, b wasm.ValType, ib *Instance) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind != wasm.KindRef {
		return true
	}
	if a.Nullable && !b.Nullable {
		return false
	}
	return s.heapSub(heapID(a.Heap, ia), heapID(b.Heap, ib))
}
