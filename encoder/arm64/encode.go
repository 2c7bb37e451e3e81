package arm64

import (
	"fmt"
	"strings"
)

// Inst is one encoded A64 instruction word. It is written to memory
// little-endian.
type Inst uint32

// Op names one row of the encoding table: one instruction encoding in one
// operand shape (the 32- and 64-bit variants are separate rows). The Op
// constants are generated from table.go into ops_gen.go.
type Op int32

// row is one encoding: the fixed bits and the operands that fill the rest.
// Name is the mnemonic GNU objdump prints for it; Args lists the operands in
// assembly order as tokens parsed by parseArg; the comment above each row in
// table.go is the manual's syntax.
type row struct {
	Name  string
	Fixed uint32
	Args  string

	// Derived once at init from Args.
	args  []arg
	start []int // value index of each operand
	nvals int
	tIdx  int // value index of the hidden arrangement operand, or -1
	size  int // operand width in bits (32/64) from the first register
}

// opRows is the parsed table, indexed by Op. It is a package variable (not
// filled by init) so that other package-level variables may encode
// instructions during initialisation.
var opRows = parseRows(rows[:])

// parseRows parses every row's operand tokens. A malformed row is a bug in
// table.go, caught by every test run, hence the panic.
func parseRows(rs []row) []row {
	for i := range rs {
		if err := rs[i].parse(); err != nil {
			panic(fmt.Sprintf("arm64 table row %d (%s): %v", i, rs[i].Name, err))
		}
	}
	return rs
}

func (r *row) parse() error {
	r.tIdx = -1
	for _, tok := range strings.Fields(r.Args) {
		a, err := parseArg(tok)
		if err != nil {
			return err
		}
		if a.kind == kT {
			if r.tIdx >= 0 {
				return fmt.Errorf("two arrangement operands")
			}
			r.tIdx = r.nvals
		}
		if a.needsT() && r.tIdx < 0 {
			return fmt.Errorf("operand %s needs an arrangement operand before it", tok)
		}
		if r.size == 0 {
			switch a.cls {
			case clsW, clsS:
				r.size = 32
			case clsX, clsD:
				r.size = 64
			}
		}
		r.args = append(r.args, a)
		r.start = append(r.start, r.nvals)
		r.nvals += a.nvals()
	}
	if r.size == 0 {
		r.size = 64
	}
	return nil
}

// NumOps is the number of table rows.
func NumOps() int { return len(rows) }

// Name returns the mnemonic of op as the disassembler prints it.
func (op Op) Name() string {
	if op < 0 || int(op) >= len(rows) {
		return fmt.Sprintf("Op(%d)", op)
	}
	return rows[op].Name
}

// String returns op's Go constant name (ADDXi, LDRWpre, ...).
func (op Op) String() string {
	if op < 0 || int(op) >= len(opNames) {
		return fmt.Sprintf("Op(%d)", op)
	}
	return opNames[op]
}

// Syntax returns op's operand tokens (see parseArg for the grammar).
func (op Op) Syntax() string {
	if op < 0 || int(op) >= len(rows) {
		return ""
	}
	return rows[op].Args
}

// NumVals is the number of values Encode expects for op.
func (op Op) NumVals() int {
	if op < 0 || int(op) >= len(rows) {
		return 0
	}
	return opRows[op].nvals
}

// Fixed returns the bits of op that no operand changes.
func (op Op) Fixed() uint32 { return rows[op].Fixed }

// EncodeError reports an operand that cannot be encoded.
type EncodeError struct {
	Op     Op
	Reason string
}

func (e *EncodeError) Error() string {
	return fmt.Sprintf("arm64: %s %s: %s", e.Op.Name(), e.Op.Syntax(), e.Reason)
}

// Encode encodes op with the operand values vals (see args.go for what each
// operand token consumes). It is the untyped core under the typed
// constructors in inst.go, used directly by table-driven callers and tests.
// It never returns bits for an operand it cannot represent exactly.
func Encode(op Op, vals ...int64) (Inst, error) {
	if op < 0 || int(op) >= len(opRows) {
		return 0, &EncodeError{op, "no such op"}
	}
	r := &opRows[op]
	if len(vals) != r.nvals {
		return 0, &EncodeError{op, fmt.Sprintf("want %d operand values, have %d", r.nvals, len(vals))}
	}
	e := enc{r: r, vals: vals}
	bits := r.Fixed
	for j := range r.args {
		b, err := r.args[j].encode(&e, r.start[j])
		if err != nil {
			return 0, &EncodeError{op, err.Error()}
		}
		bits |= b
	}
	if why := unpredictable(r, Inst(bits)); why != "" {
		return 0, &EncodeError{op, why}
	}
	return Inst(bits), nil
}

// MustEncode is Encode for operands known valid at compile time (tests,
// fixed sequences); it panics on error.
func MustEncode(op Op, vals ...int64) Inst {
	i, err := Encode(op, vals...)
	if err != nil {
		panic(err)
	}
	return i
}

// Bytes returns the instruction in memory order.
func (i Inst) Bytes() [4]byte {
	return [4]byte{byte(i), byte(i >> 8), byte(i >> 16), byte(i >> 24)}
}

// unpredictable rejects register combinations the manual makes CONSTRAINED
// UNPREDICTABLE, so that no caller gets bytes whose behaviour the
// architecture does not define. It looks at the encoded fields:
//
//   - a general-register load or store with writeback whose base (other
//     than SP) is also a transferred register;
//   - a load pair whose two destinations are the same register;
//   - a store-exclusive whose status register is the data register or
//     (other than SP) the base.
func unpredictable(r *row, in Inst) string {
	t, n, t2, s := uint32(in)&31, uint32(in>>5)&31, uint32(in>>10)&31, uint32(in>>16)&31
	isPair := uint32(in)&0x3a000000 == 0x28000000
	isSingle := uint32(in)&0x3b200400 == 0x38000400 // pre/post-indexed single register
	isFP := uint32(in)>>26&1 == 1
	load := uint32(in)>>22&1 == 1
	switch {
	case isPair:
		wback := uint32(in)>>23&1 == 1
		if load && t == t2 {
			return "load pair with both destinations the same register"
		}
		if wback && !isFP && n != 31 && (n == t || n == t2) {
			return "writeback base is also a transferred register"
		}
	case isSingle:
		if !isFP && n != 31 && n == t {
			return "writeback base is also the transferred register"
		}
	case uint32(in)&0x3fe00000 == 0x08000000: // store exclusive (o2=0, L=0, o1=0)
		if s == t || (s == n && n != 31) {
			return "store-exclusive status register overlaps the data or base register"
		}
	}
	return ""
}
