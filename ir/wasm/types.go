package wasm

import (
	"fmt"
	"strconv"
	"strings"
)

// ValKind is the shape of a value type. Reference types carry a heap type
// and nullability beside it; packed kinds (I8, I16) occur only as GC
// storage types.
type ValKind uint8

const (
	KindI32 ValKind = iota + 1
	KindI64
	KindF32
	KindF64
	KindV128
	KindRef
	KindI8  // packed storage type
	KindI16 // packed storage type

	// kindBot is the validator's "unknown" operand: what pops off the
	// stack of an unreachable frame. It matches every type.
	kindBot
)

// HeapType is a reference's heap type. Non-negative values are indices into
// the module's type section; negative values are the abstract heap types,
// numbered by the signed value of their one-byte binary code, so decoding is
// a single s33 read.
type HeapType int32

const (
	HeapNoExn    HeapType = -0x0c // 0x74
	HeapNoFunc   HeapType = -0x0d // 0x73
	HeapNoExtern HeapType = -0x0e // 0x72
	HeapNone     HeapType = -0x0f // 0x71
	HeapFunc     HeapType = -0x10 // 0x70
	HeapExtern   HeapType = -0x11 // 0x6f
	HeapAny      HeapType = -0x12 // 0x6e
	HeapEq       HeapType = -0x13 // 0x6d
	HeapI31      HeapType = -0x14 // 0x6c
	HeapStruct   HeapType = -0x15 // 0x6b
	HeapArray    HeapType = -0x16 // 0x6a
	HeapExn      HeapType = -0x17 // 0x69

	// heapBot is the validator's unknown heap type (ref.as_non_null on an
	// unknown operand); a subtype of every heap type.
	heapBot HeapType = -0x40
)

// Concrete reports whether h names a type-section entry.
func (h HeapType) Concrete() bool { return h >= 0 }

var heapNames = map[HeapType]string{
	HeapNoExn: "noexn", HeapNoFunc: "nofunc", HeapNoExtern: "noextern", HeapNone: "none",
	HeapFunc: "func", HeapExtern: "extern", HeapAny: "any", HeapEq: "eq", HeapI31: "i31",
	HeapStruct: "struct", HeapArray: "array", HeapExn: "exn", heapBot: "bot",
}

func (h HeapType) String() string {
	if h >= 0 {
		return strconv.Itoa(int(h))
	}
	if n, ok := heapNames[h]; ok {
		return n
	}
	return fmt.Sprintf("heap(%d)", int32(h))
}

// validAbstract reports whether h is one of the abstract heap types.
func (h HeapType) validAbstract() bool { return h >= HeapExn && h <= HeapNoExn }

// ValType is a value type (or a GC storage type). It is a small comparable
// value: two ValTypes are the same type when they are ==, except that
// concrete heap types must be compared through the module's canonical type
// IDs (see Module.canon).
type ValType struct {
	Kind     ValKind
	Nullable bool
	Heap     HeapType
}

var (
	I32       = ValType{Kind: KindI32}
	I64       = ValType{Kind: KindI64}
	F32       = ValType{Kind: KindF32}
	F64       = ValType{Kind: KindF64}
	V128      = ValType{Kind: KindV128}
	FuncRef   = ValType{Kind: KindRef, Nullable: true, Heap: HeapFunc}
	ExternRef = ValType{Kind: KindRef, Nullable: true, Heap: HeapExtern}
	ExnRef    = ValType{Kind: KindRef, Nullable: true, Heap: HeapExn}
	AnyRef    = ValType{Kind: KindRef, Nullable: true, Heap: HeapAny}

	unknownType = ValType{Kind: kindBot}
)

// RefOf returns the reference type (ref null? h).
func RefOf(h HeapType, nullable bool) ValType {
	return ValType{Kind: KindRef, Nullable: nullable, Heap: h}
}

// IsRef reports whether t is a reference type.
func (t ValType) IsRef() bool { return t.Kind == KindRef }

// IsNum reports whether t is a number type.
func (t ValType) IsNum() bool { return t.Kind >= KindI32 && t.Kind <= KindF64 }

// Defaultable reports whether a local of type t has a default value.
func (t ValType) Defaultable() bool { return t.Kind != KindRef || t.Nullable }

// Unpacked returns the value type a storage type is read as.
func (t ValType) Unpacked() ValType {
	if t.Kind == KindI8 || t.Kind == KindI16 {
		return I32
	}
	return t
}

// Size returns the byte size of a number, vector or packed type.
func (t ValType) Size() int {
	switch t.Kind {
	case KindI8:
		return 1
	case KindI16:
		return 2
	case KindI32, KindF32:
		return 4
	case KindI64, KindF64:
		return 8
	case KindV128:
		return 16
	}
	return 0
}

func (t ValType) String() string {
	switch t.Kind {
	case KindI32:
		return "i32"
	case KindI64:
		return "i64"
	case KindF32:
		return "f32"
	case KindF64:
		return "f64"
	case KindV128:
		return "v128"
	case KindI8:
		return "i8"
	case KindI16:
		return "i16"
	case kindBot:
		return "unknown"
	case KindRef:
		if t.Nullable && !t.Heap.Concrete() && t.Heap != heapBot {
			return t.Heap.String() + "ref"
		}
		if t.Nullable {
			return "(ref null " + t.Heap.String() + ")"
		}
		return "(ref " + t.Heap.String() + ")"
	}
	return fmt.Sprintf("valtype(%d)", t.Kind)
}

func typeList(ts []ValType) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.String())
	}
	b.WriteByte(']')
	return b.String()
}

// CompositeKind says which of the three composite types a SubType holds.
type CompositeKind uint8

const (
	CompFunc CompositeKind = iota
	CompStruct
	CompArray
)

func (k CompositeKind) String() string {
	return [...]string{"func", "struct", "array"}[k]
}

// FieldType is a struct field or array element: a storage type and its
// mutability.
type FieldType struct {
	Type    ValType
	Mutable bool
}

// SubType is one entry of the type section: a composite type (function,
// struct or array) with its finality and optional declared supertype.
// Before GC every type is a final function type without supertype.
type SubType struct {
	Final bool
	Super int32 // declared supertype index, or -1
	Kind  CompositeKind

	Params, Results []ValType   // CompFunc
	Fields          []FieldType // CompStruct; CompArray has exactly one

	Offset int // module offset of the definition
}

// RecGroup is a recursion group: the types [Start, Start+Len) of the type
// section, which may refer to each other.
type RecGroup struct {
	Start, Len uint32
}

// BlockType is a block's signature: empty, one result type, or a type index
// (multi-value). Index is -1 unless the signature is a type index.
type BlockType struct {
	Index     int32
	Result    ValType // valid when Index < 0 and HasResult
	HasResult bool
}

// Limits are the size bounds of a memory or table.
type Limits struct {
	Min    uint64
	Max    uint64
	HasMax bool
}
