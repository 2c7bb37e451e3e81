package store

import "kiln/ir/wasm"

// References of the GC proposal share the word encoding of every other
// reference (0 is null) and are told apart by their top bits, because a
// value converted between the any and extern hierarchies must keep its
// identity:
//
//   - an i31 is RefI31 | the 31-bit value;
//   - a struct or array is RefObject | (1 + its position in the store's
//     object list);
//   - a host externref converted to anyref (any.convert_extern) is
//     RefHostAny | the externref handle, and converts back to the handle;
//   - an i31 or object converted to externref keeps its word.
//
// Funcref and externref handles are small integers below all three bits.
const (
	RefI31     Ref = 1 << 62
	RefObject  Ref = 1 << 61
	RefHostAny Ref = 1 << 60
)

// Object is a struct or an array. Words holds the fields or elements, W
// words each for arrays (2 for v128, else 1; packed i8/i16 values are
// stored zero-extended).
type Object struct {
	Type  TypeID
	Words []uint64
	W     int
	Array bool
}

// Len returns an array's length.
func (o *Object) Len() uint64 { return uint64(len(o.Words) / o.W) }

// NewObject adds o to the store and returns its reference. Objects are
// never freed before the store (kiln has no collector yet).
func (s *Store) NewObject(o *Object) Ref {
	s.objects = append(s.objects, o)
	return RefObject | Ref(len(s.objects))
}

// Object returns the struct or array a reference names, or nil.
func (s *Store) Object(r Ref) *Object {
	if r&RefObject == 0 {
		return nil
	}
	i := r &^ RefObject
	if i == 0 || i > uint64(len(s.objects)) {
		return nil
	}
	return s.objects[i-1]
}

// I31 returns the i31 reference of v (its low 31 bits).
func I31(v uint32) Ref { return RefI31 | Ref(v&0x7fffffff) }

// AnyOfExtern implements any.convert_extern.
func AnyOfExtern(r Ref) Ref {
	if r == 0 || r&(RefI31|RefObject) != 0 {
		return r
	}
	return r | RefHostAny
}

// ExternOfAny implements extern.convert_any.
func ExternOfAny(r Ref) Ref { return r &^ RefHostAny }

// typeInfo is what casts need of a canonical type.
type typeInfo struct {
	super int64 // the declared supertype's TypeID, or -1
	kind  wasm.CompositeKind
}

// SubTypeOf reports whether type a is b or declares b as a (transitive)
// supertype.
func (s *Store) SubTypeOf(a, b TypeID) bool {
	for {
		if a == b {
			return true
		}
		if int(a) >= len(s.typeInfo) || s.typeInfo[a].super < 0 {
			return false
		}
		a = TypeID(s.typeInfo[a].super)
	}
}

// Kind returns the composite kind of a canonical type.
func (s *Store) Kind(t TypeID) wasm.CompositeKind {
	if int(t) < len(s.typeInfo) {
		return s.typeInfo[t].kind
	}
	return wasm.CompFunc
}

// noteTypes records the supertypes and kinds of a newly interned group.
func (s *Store) noteTypes(m *wasm.Module, g wasm.RecGroup, ids []TypeID) {
	for i := g.Start; i < g.Start+g.Len; i++ {
		id := ids[i]
		for int(id) >= len(s.typeInfo) {
			s.typeInfo = append(s.typeInfo, typeInfo{super: -1})
		}
		st := &m.Types[i]
		ti := typeInfo{super: -1, kind: st.Kind}
		if st.Super >= 0 {
			ti.super = int64(ids[st.Super])
		}
		s.typeInfo[id] = ti
	}
}

// StorageWords returns the words a field or element of storage type t
// takes in an Object.
func StorageWords(t wasm.ValType) int {
	if t.Kind == wasm.KindV128 {
		return 2
	}
	return 1
}

// Pack truncates a value to a packed storage type (i8, i16); other types
// are unchanged.
func Pack(t wasm.ValType, v uint64) uint64 {
	switch t.Kind {
	case wasm.KindI8:
		return v & 0xff
	case wasm.KindI16:
		return v & 0xffff
	}
	return v
}

// MaxObjectWords bounds one struct or array (1 GiB of words): a larger
// array.new traps instead of exhausting the process's memory.
const MaxObjectWords = 1 << 27

// heapSub reports whether canonical heap type a (>= 0: a TypeID, else an
// abstract heap type) is a subtype of b.
func (s *Store) heapSub(a, b int64) bool {
	if a == b {
		return true
	}
	if a >= 0 && b >= 0 {
		return s.SubTypeOf(TypeID(a), TypeID(b))
	}
	kindOf := func(h int64) wasm.HeapType {
		if h < 0 {
			return wasm.HeapType(h)
		}
		switch s.Kind(TypeID(h)) {
		case wasm.CompStruct:
			return wasm.HeapStruct
		case wasm.CompArray:
			return wasm.HeapArray
		}
		return wasm.HeapFunc
	}
	if b >= 0 {
		// Only a bottom type is below a concrete type.
		switch wasm.HeapType(a) {
		case wasm.HeapNone:
			return kindOf(b) != wasm.HeapFunc
		case wasm.HeapNoFunc:
			return kindOf(b) == wasm.HeapFunc
		}
		return false
	}
	ka, hb := kindOf(a), wasm.HeapType(b)
	switch ka {
	case wasm.HeapNone:
		return hb == wasm.HeapAny || hb == wasm.HeapEq || hb == wasm.HeapI31 || hb == wasm.HeapStruct || hb == wasm.HeapArray
	case wasm.HeapI31, wasm.HeapStruct, wasm.HeapArray:
		return hb == ka || hb == wasm.HeapEq || hb == wasm.HeapAny
	case wasm.HeapEq:
		return hb == wasm.HeapAny
	case wasm.HeapNoFunc, wasm.HeapFunc:
		return hb == wasm.HeapFunc
	case wasm.HeapNoExtern:
		return hb == wasm.HeapExtern
	case wasm.HeapNoExn:
		return hb == wasm.HeapExn
	}
	return false
}
