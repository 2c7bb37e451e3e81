package wasmgen

// Operator tables: opcode, operand types, result type and the properties
// that decide where the generator may use an operator.

type opInfo struct {
	code   []byte // opcode bytes (0xfc prefix included)
	in     []ValType
	out    ValType
	nanOut bool // may produce a NaN whose bits the spec leaves open: canonicalise
	bits   bool // exposes NaN bits (reinterpret, copysign): avoided unless canonicalising
	feat   func(Config) bool
}

func signExt(c Config) bool { return c.SignExt }
func satConv(c Config) bool { return c.SatConv }

var (
	i1 = []ValType{I32}
	i2 = []ValType{I32, I32}
	l1 = []ValType{I64}
	l2 = []ValType{I64, I64}
	s1 = []ValType{F32}
	s2 = []ValType{F32, F32}
	d1 = []ValType{F64}
	d2 = []ValType{F64, F64}
)

func ops(out ValType, in []ValType, codes ...byte) []opInfo {
	var r []opInfo
	for _, c := range codes {
		r = append(r, opInfo{code: []byte{c}, in: in, out: out})
	}
	return r
}

func nanOps(out ValType, in []ValType, codes ...byte) []opInfo {
	r := ops(out, in, codes...)
	for i := range r {
		r[i].nanOut = true
	}
	return r
}

func withFeat(f func(Config) bool, r []opInfo) []opInfo {
	for i := range r {
		r[i].feat = f
	}
	return r
}

func sat(out ValType, in []ValType, sub byte) opInfo {
	return opInfo{code: []byte{0xfc, sub}, in: in, out: out, feat: satConv}
}

// opsByResult lists every pure (non-memory, non-control) operator by its
// result type.
var opsByResult = func() map[ValType][]opInfo {
	var all []opInfo
	add := func(r ...[]opInfo) {
		for _, x := range r {
			all = append(all, x...)
		}
	}
	add(
		// i32
		ops(I32, i1, 0x45, 0x67, 0x68, 0x69),
		ops(I32, i2, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
			0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78),
		ops(I32, l1, 0x50, 0xa7),
		ops(I32, l2, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a),
		ops(I32, s2, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60),
		ops(I32, d2, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66),
		ops(I32, s1, 0xa8, 0xa9),
		ops(I32, d1, 0xaa, 0xab),
		withFeat(signExt, ops(I32, i1, 0xc0, 0xc1)),
		[]opInfo{sat(I32, s1, 0), sat(I32, s1, 1), sat(I32, d1, 2), sat(I32, d1, 3)},
		// i64
		ops(I64, l1, 0x79, 0x7a, 0x7b),
		ops(I64, l2, 0x7c, 0x7d, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a),
		ops(I64, i1, 0xac, 0xad),
		ops(I64, s1, 0xae, 0xaf),
		ops(I64, d1, 0xb0, 0xb1),
		withFeat(signExt, ops(I64, l1, 0xc2, 0xc3, 0xc4)),
		[]opInfo{sat(I64, s1, 4), sat(I64, s1, 5), sat(I64, d1, 6), sat(I64, d1, 7)},
		// f32
		ops(F32, s1, 0x8b, 0x8c),
		nanOps(F32, s1, 0x8d, 0x8e, 0x8f, 0x90, 0x91),
		nanOps(F32, s2, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97),
		ops(F32, i1, 0xb2, 0xb3),
		ops(F32, l1, 0xb4, 0xb5),
		nanOps(F32, d1, 0xb6),
		// f64
		ops(F64, d1, 0x99, 0x9a),
		nanOps(F64, d1, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f),
		nanOps(F64, d2, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5),
		ops(F64, i1, 0xb7, 0xb8),
		ops(F64, l1, 0xb9, 0xba),
		nanOps(F64, s1, 0xbb),
		// f32 <-> i32 bits, copysign
		ops(I32, s1, 0xbc),
		ops(I64, d1, 0xbd),
		ops(F32, i1, 0xbe),
		ops(F64, l1, 0xbf),
		ops(F32, s2, 0x98),
		ops(F64, d2, 0xa6),
	)
	for i := range all {
		switch all[i].code[0] {
		case 0xbc, 0xbd, 0x98, 0xa6:
			all[i].bits = true
		}
	}
	m := map[ValType][]opInfo{}
	for _, o := range all {
		m[o.out] = append(m[o.out], o)
	}
	return m
}()

type memOp struct {
	code  byte
	typ   ValType
	align uint32 // natural alignment, log2
}

var loadsByType = map[ValType][]memOp{
	I32: {{0x28, I32, 2}, {0x2c, I32, 0}, {0x2d, I32, 0}, {0x2e, I32, 1}, {0x2f, I32, 1}},
	I64: {{0x29, I64, 3}, {0x30, I64, 0}, {0x31, I64, 0}, {0x32, I64, 1}, {0x33, I64, 1}, {0x34, I64, 2}, {0x35, I64, 2}},
	F32: {{0x2a, F32, 2}},
	F64: {{0x2b, F64, 3}},
}

var stores = []memOp{
	{0x36, I32, 2}, {0x37, I64, 3}, {0x38, F32, 2}, {0x39, F64, 3},
	{0x3a, I32, 0}, {0x3b, I32, 1}, {0x3c, I64, 0}, {0x3d, I64, 1}, {0x3e, I64, 2},
}
