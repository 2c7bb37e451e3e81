package wat

import "strings"

// Value types are kept in their binary encoding (a short byte string), so
// comparing two types for the implicit-type-use rule is comparing strings.
type valType = string

// Heap type and reference type codes of the binary format.
const (
	htNoExn    = 0x74
	htNoFunc   = 0x73
	htNoExtern = 0x72
	htNone     = 0x71
	htFunc     = 0x70
	htExtern   = 0x6f
	htAny      = 0x6e
	htEq       = 0x6d
	htI31      = 0x6c
	htStruct   = 0x6b
	htArray    = 0x6a
	htExn      = 0x69
	refNull    = 0x63
	refNonNull = 0x64
)

var absHeapTypes = map[string]byte{
	"func": htFunc, "extern": htExtern, "any": htAny, "eq": htEq, "i31": htI31,
	"struct": htStruct, "array": htArray, "none": htNone, "nofunc": htNoFunc,
	"noextern": htNoExtern, "exn": htExn, "noexn": htNoExn,
}

// shorthand reference types: xxxref = (ref null xxx), encoded as one byte.
var refShorthands = map[string]byte{
	"funcref": htFunc, "externref": htExtern, "anyref": htAny, "eqref": htEq,
	"i31ref": htI31, "structref": htStruct, "arrayref": htArray, "nullref": htNone,
	"nullfuncref": htNoFunc, "nullexternref": htNoExtern, "exnref": htExn, "nullexnref": htNoExn,
}

var numTypes = map[string]byte{"i32": 0x7f, "i64": 0x7e, "f32": 0x7d, "f64": 0x7c, "v128": 0x7b}

// heapType encodes a heap type: an abstract name or a type index.
func (m *module) heapType(n *Node) (string, error) {
	if n.Kind != Atom {
		return "", errorf(n.Pos, "unexpected token")
	}
	if c, ok := absHeapTypes[n.Text]; ok {
		return string([]byte{c}), nil
	}
	idx, err := m.typeIndex(n)
	if err != nil {
		return "", err
	}
	return string(appendS64(nil, int64(idx))), nil
}

// refType parses "(ref null? ht)" or a shorthand.
func (m *module) refType(n *Node) (valType, error) {
	if n.Kind == Atom {
		if c, ok := refShorthands[n.Text]; ok {
			return string([]byte{c}), nil
		}
		return "", unexpected(n, "a reference type")
	}
	if !n.IsList("ref") {
		return "", errorf(n.Pos, "unexpected token, expected a reference type")
	}
	k := n.Kids[1:]
	code := byte(refNonNull)
	if len(k) > 0 && k[0].Keyword("null") {
		code = refNull
		k = k[1:]
	}
	if len(k) != 1 {
		return "", errorf(n.Pos, "unexpected token in reference type")
	}
	ht, err := m.heapType(k[0])
	if err != nil {
		return "", err
	}
	if code == refNull && len(ht) == 1 && ht[0] >= htExn && ht[0] <= htNoExn {
		// (ref null func) is funcref: use the one-byte form, so equal
		// types have equal encodings.
		return ht, nil
	}
	return string(code) + ht, nil
}

// valType parses a value type.
func (m *module) valType(n *Node) (valType, error) {
	if n.Kind == Atom {
		if c, ok := numTypes[n.Text]; ok {
			return string([]byte{c}), nil
		}
	}
	return m.refType(n)
}

// storageType parses a field's storage type: a value type or i8/i16.
func (m *module) storageType(n *Node) (valType, error) {
	switch {
	case n.Keyword("i8"):
		return "\x78", nil
	case n.Keyword("i16"):
		return "\x77", nil
	}
	return m.valType(n)
}

// fieldType parses "(mut st)" or "st" and returns storage type + mut byte.
func (m *module) fieldType(n *Node) (string, error) {
	if n.IsList("mut") {
		if len(n.Kids) != 2 {
			return "", errorf(n.Pos, "unexpected token in field type")
		}
		st, err := m.storageType(n.Kids[1])
		return st + "\x01", err
	}
	st, err := m.storageType(n)
	return st + "\x00", err
}

// isRefType reports whether an encoded value type is a reference type.
func isRefType(t valType) bool {
	return len(t) > 0 && (t[0] == refNull || t[0] == refNonNull || (t[0] >= 0x69 && t[0] <= 0x74 && len(t) == 1))
}

// sig is a function signature with optional parameter names.
type sig struct {
	params     []valType
	paramNames []string
	results    []valType
}

func (s *sig) key() string {
	var b strings.Builder
	for _, p := range s.params {
		b.WriteString(p)
	}
	b.WriteByte(0xff)
	for _, r := range s.results {
		b.WriteString(r)
	}
	return b.String()
}

// encodeFunc appends the comptype encoding of a function type.
func (s *sig) encode(b []byte) []byte {
	b = append(b, 0x60)
	b = appendU32(b, uint32(len(s.params)))
	for _, p := range s.params {
		b = append(b, p...)
	}
	b = appendU32(b, uint32(len(s.results)))
	for _, r := range s.results {
		b = append(b, r...)
	}
	return b
}

// parseSig reads (param ...)* (result ...)* from kids starting at i and
// returns the index after them. names says whether $ids are allowed on
// parameters (they are in functions, not in block types or call_indirect).
func (m *module) parseSig(kids []*Node, i int, names bool) (sig, int, error) {
	var s sig
	for i < len(kids) && kids[i].IsList("param") {
		n := kids[i]
		k := n.Kids[1:]
		if len(k) > 0 && k[0].Kind == Atom && strings.HasPrefix(k[0].Text, "$") {
			if !names {
				return s, i, errorf(k[0].Pos, "unexpected token %s", k[0].Text)
			}
			if len(k) != 2 {
				return s, i, errorf(n.Pos, "unexpected token in parameter")
			}
			t, err := m.valType(k[1])
			if err != nil {
				return s, i, err
			}
			s.params = append(s.params, t)
			s.paramNames = append(s.paramNames, k[0].Text)
		} else {
			for _, tn := range k {
				t, err := m.valType(tn)
				if err != nil {
					return s, i, err
				}
				s.params = append(s.params, t)
				s.paramNames = append(s.paramNames, "")
			}
		}
		i++
	}
	for i < len(kids) && kids[i].IsList("result") {
		for _, tn := range kids[i].Kids[1:] {
			t, err := m.valType(tn)
			if err != nil {
				return s, i, err
			}
			s.results = append(s.results, t)
		}
		i++
	}
	if i < len(kids) && kids[i].IsList("param") {
		return s, i, errorf(kids[i].Pos, "unexpected token (param) after (result)")
	}
	return s, i, nil
}
