package wasm

import (
	"encoding/binary"
	"fmt"
)

// canonicalize assigns every type index the smallest index of a type that
// is equivalent to it. Types are equivalent when their rec groups are
// structurally identical and they sit at the same position in them; type
// references inside a group are compared by their position in the group
// and references outside by the canonical index of their target
// (iso-recursive equivalence, as in the GC proposal). Each group is
// serialised to a key with exactly that information and looked up in a
// map, so canonicalisation is linear in the size of the type section.
func (m *Module) canonicalize() {
	m.canon = make([]uint32, len(m.Types))
	seen := make(map[string]uint32, len(m.RecGroups))
	var key []byte
	for _, g := range m.RecGroups {
		key = key[:0]
		ref := func(h HeapType) {
			switch {
			case h < 0:
				key = binary.AppendVarint(key, int64(h))
			case uint32(h) >= g.Start && uint32(h)-g.Start < g.Len:
				key = append(key, 'r')
				key = binary.AppendUvarint(key, uint64(uint32(h)-g.Start))
			case int(h) < len(m.canon):
				key = append(key, 'c')
				key = binary.AppendUvarint(key, uint64(m.canon[h]))
			default:
				key = append(key, 'x')
			}
		}
		val := func(t ValType) {
			key = append(key, byte(t.Kind))
			if t.Kind == KindRef {
				if t.Nullable {
					key = append(key, 1)
				} else {
					key = append(key, 0)
				}
				ref(t.Heap)
			}
		}
		for i := g.Start; i < g.Start+g.Len; i++ {
			st := &m.Types[i]
			key = append(key, byte(st.Kind))
			if st.Final {
				key = append(key, 1)
			} else {
				key = append(key, 0)
			}
			if st.Super >= 0 {
				key = append(key, 's')
				ref(HeapType(st.Super))
			}
			key = binary.AppendUvarint(key, uint64(len(st.Params)))
			for _, t := range st.Params {
				val(t)
			}
			key = binary.AppendUvarint(key, uint64(len(st.Results)))
			for _, t := range st.Results {
				val(t)
			}
			key = binary.AppendUvarint(key, uint64(len(st.Fields)))
			for _, f := range st.Fields {
				val(f.Type)
				if f.Mutable {
					key = append(key, 1)
				} else {
					key = append(key, 0)
				}
			}
		}
		base, ok := seen[string(key)]
		if !ok {
			base = g.Start
			seen[string(key)] = base
		}
		for i := uint32(0); i < g.Len; i++ {
			m.canon[g.Start+i] = base + i
		}
	}
}

// SameType reports whether type indices a and b of a validated module
// denote the same type (iso-recursive equivalence).
func (m *Module) SameType(a, b uint32) bool {
	if m.canon == nil {
		m.canonicalize()
	}
	if int64(a) >= int64(len(m.canon)) || int64(b) >= int64(len(m.canon)) {
		return false
	}
	return m.sameType(a, b)
}

// Matches reports whether value type a is a subtype of b in a validated
// module (for example, whether a table's element type accepts a value).
func (m *Module) Matches(a, b ValType) bool {
	if m.canon == nil {
		m.canonicalize()
	}
	return m.isSub(a, b)
}

// sameType reports whether type indices a and b denote the same type.
func (m *Module) sameType(a, b uint32) bool {
	return a == b || m.canon[a] == m.canon[b]
}

// topOf returns the top of the hierarchy heap type h belongs to: func,
// extern, exn or any.
func (m *Module) topOf(h HeapType) HeapType {
	switch h {
	case HeapFunc, HeapNoFunc:
		return HeapFunc
	case HeapExtern, HeapNoExtern:
		return HeapExtern
	case HeapExn, HeapNoExn:
		return HeapExn
	case heapBot:
		return heapBot
	}
	if h >= 0 && int(h) < len(m.Types) && m.Types[h].Kind == CompFunc {
		return HeapFunc
	}
	return HeapAny
}

// bottomOf returns the bottom heap type of h's hierarchy.
func (m *Module) bottomOf(h HeapType) HeapType {
	switch m.topOf(h) {
	case HeapFunc:
		return HeapNoFunc
	case HeapExtern:
		return HeapNoExtern
	case HeapExn:
		return HeapNoExn
	case heapBot:
		return heapBot
	}
	return HeapNone
}

// isSubHeap reports whether heap type a is a subtype of b.
func (m *Module) isSubHeap(a, b HeapType) bool {
	if a == b || a == heapBot {
		return true
	}
	if a >= 0 && b >= 0 {
		if int(a) >= len(m.Types) || int(b) >= len(m.Types) {
			return false
		}
		// Walk a's declared supertype chain. Supertypes have smaller
		// indices than their subtypes, so the walk terminates.
		for x := int32(a); x >= 0; x = m.Types[x].Super {
			if m.sameType(uint32(x), uint32(b)) {
				return true
			}
			if m.Types[x].Super >= x {
				break
			}
		}
		return false
	}
	if a >= 0 { // concrete <: abstract
		if int(a) >= len(m.Types) {
			return false
		}
		switch m.Types[a].Kind {
		case CompFunc:
			return b == HeapFunc
		case CompStruct:
			return b == HeapStruct || b == HeapEq || b == HeapAny
		case CompArray:
			return b == HeapArray || b == HeapEq || b == HeapAny
		}
		return false
	}
	if b >= 0 { // abstract <: concrete: only the bottom type
		return a == m.bottomOf(b)
	}
	switch b {
	case HeapAny:
		return a == HeapEq || a == HeapI31 || a == HeapStruct || a == HeapArray || a == HeapNone
	case HeapEq:
		return a == HeapI31 || a == HeapStruct || a == HeapArray || a == HeapNone
	case HeapI31, HeapStruct, HeapArray:
		return a == HeapNone
	case HeapFunc:
		return a == HeapNoFunc
	case HeapExtern:
		return a == HeapNoExtern
	case HeapExn:
		return a == HeapNoExn
	}
	return false
}

// isSub reports whether value type a matches (is a subtype of) b. The
// validator's unknown type matches everything.
func (m *Module) isSub(a, b ValType) bool {
	if a.Kind != b.Kind {
		return a.Kind == kindBot
	}
	if a.Kind != KindRef {
		return true
	}
	if a.Nullable && !b.Nullable {
		return false
	}
	return m.isSubHeap(a.Heap, b.Heap)
}

// sameVal reports whether two value types are equal (mutable field types
// must be invariant).
func (m *Module) sameVal(a, b ValType) bool {
	return m.isSub(a, b) && m.isSub(b, a)
}

func (m *Module) isSubField(a, b FieldType) bool {
	if a.Mutable != b.Mutable {
		return false
	}
	if a.Mutable {
		return m.sameVal(a.Type, b.Type)
	}
	return m.isSub(a.Type, b.Type)
}

// checkSubType verifies that type i may declare its supertype: the
// supertype exists, precedes it, is not final, has the same kind and its
// structure is matched (function parameters contravariant, results and
// immutable fields covariant, mutable fields invariant, width subtyping
// for structs).
func (m *Module) checkSubType(i uint32) error {
	st := &m.Types[i]
	if st.Super < 0 {
		return nil
	}
	if uint32(st.Super) >= i {
		return fmt.Errorf("unknown type %d: supertype must be defined before type %d", st.Super, i)
	}
	sup := &m.Types[st.Super]
	if sup.Final {
		return fmt.Errorf("sub type %d of final type %d", i, st.Super)
	}
	ok := sup.Kind == st.Kind
	if ok {
		switch st.Kind {
		case CompFunc:
			ok = len(st.Params) == len(sup.Params) && len(st.Results) == len(sup.Results)
			for j := 0; ok && j < len(st.Params); j++ {
				ok = m.isSub(sup.Params[j], st.Params[j])
			}
			for j := 0; ok && j < len(st.Results); j++ {
				ok = m.isSub(st.Results[j], sup.Results[j])
			}
		case CompStruct, CompArray:
			ok = len(st.Fields) >= len(sup.Fields)
			for j := 0; ok && j < len(sup.Fields); j++ {
				ok = m.isSubField(st.Fields[j], sup.Fields[j])
			}
		}
	}
	if !ok {
		return fmt.Errorf("sub type %d does not match super type %d", i, st.Super)
	}
	return nil
}
