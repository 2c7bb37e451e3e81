package wasmgen

// Binary encoding helpers: the generator writes the wasm binary format
// directly, so what it emits is exactly what the tiers see.

// ValType is a value type as its binary encoding byte.
type ValType byte

// The value types the generator uses.
const (
	I32     ValType = 0x7f
	I64     ValType = 0x7e
	F32     ValType = 0x7d
	F64     ValType = 0x7c
	FuncRef ValType = 0x70
)

func (t ValType) String() string {
	switch t {
	case I32:
		return "i32"
	case I64:
		return "i64"
	case F32:
		return "f32"
	case F64:
		return "f64"
	case FuncRef:
		return "funcref"
	}
	return "?"
}

var numTypes = []ValType{I32, I64, F32, F64}

func appendULEB(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte {
	b = appendULEB(b, uint64(len(s)))
	return append(b, s...)
}

// appendSection appends section id with its size-prefixed contents.
func appendSection(b []byte, id byte, contents []byte) []byte {
	b = append(b, id)
	b = appendULEB(b, uint64(len(contents)))
	return append(b, contents...)
}

func appendVec[T any](b []byte, items []T, each func([]byte, T) []byte) []byte {
	b = appendULEB(b, uint64(len(items)))
	for _, it := range items {
		b = each(b, it)
	}
	return b
}
