package wasm

import "fmt"

//go:generate go run gen_opcodes.go

// Opcode identifies an operator. One-byte operators are their byte;
// prefixed operators (0xFB GC, 0xFC misc, 0xFD SIMD, 0xFE atomics) are
// prefix<<16 | subopcode, so the constant reads like the encoding:
// OpMemoryInit = 0xfc0008.
type Opcode uint32

// Prefix returns the prefix byte of a prefixed opcode, or 0.
func (op Opcode) Prefix() byte { return byte(op >> 16) }

func (op Opcode) String() string {
	if info := op.info(); info != nil {
		return info.name
	}
	if op.Prefix() != 0 {
		return fmt.Sprintf("op(0x%02x 0x%x)", op.Prefix(), uint32(op&0xffff))
	}
	return fmt.Sprintf("op(0x%02x)", uint32(op))
}

// immKind says which immediates follow an opcode in the binary.
type immKind uint8

const (
	immNone         immKind = iota
	immBlock                // block type
	immLabel                // label index
	immBrTable              // vec(label) label
	immFunc                 // function index
	immCallIndirect         // type index, table index
	immType                 // type index
	immTypeField            // type index, field index
	immTypeN                // type index, u32 count
	immTypeData             // type index, data index
	immTypeElem             // type index, elem index
	immTypeType             // type index, type index
	immLocal                // local index
	immGlobal               // global index
	immTable                // table index
	immMem                  // memory index
	immMemArg               // memarg
	immMemLane              // memarg, lane index
	immLane                 // lane index
	immI32                  // s32
	immI64                  // s64
	immF32                  // 4 bytes
	immF64                  // 8 bytes
	immV128                 // 16 bytes
	immShuffle              // 16 lane indices
	immSelect               // vec(valtype)
	immHeap                 // heap type
	immTag                  // tag index
	immTryTable             // block type, vec(catch)
	immBrCast               // flags, label, heap type, heap type
	immDataMem              // data index, memory index
	immData                 // data index
	immElemTable            // elem index, table index
	immElem                 // elem index
	immMemMem               // memory index, memory index
	immTableTable           // table index, table index
	immZero                 // a reserved 0x00 byte
)

// sigType is a type in a fixed operator signature. sigAddr stands for the
// address type of the operator's memory.
type sigType uint8

const (
	sigNone sigType = iota
	sigI32
	sigI64
	sigF32
	sigF64
	sigV128
	sigAddr
)

type sig [3]sigType

// opInfo is one row of the opcode table (see gen_opcodes.go). Operators
// with a fixed signature are typed by the validator from params/results;
// special ones have hand-written rules.
type opInfo struct {
	name     string
	imm      immKind
	feature  Features
	special  bool
	atomic   bool // memarg alignment must equal the natural alignment
	align    int8 // log2 of natural alignment for memory operators
	lanes    uint8
	nparams  uint8
	nresults uint8
	params   sig
	results  sig
}

// info returns the table row for op, or nil for an unassigned opcode.
func (op Opcode) info() *opInfo {
	sub := uint32(op & 0xffff)
	var info *opInfo
	switch op >> 16 {
	case 0:
		if sub < uint32(len(plainOps)) {
			info = &plainOps[sub]
		}
	case 0xfb:
		if sub < uint32(len(gcOps)) {
			info = &gcOps[sub]
		}
	case 0xfc:
		if sub < uint32(len(miscOps)) {
			info = &miscOps[sub]
		}
	case 0xfd:
		if sub < uint32(len(simdOps)) {
			info = &simdOps[sub]
		}
	case 0xfe:
		if sub < uint32(len(atomicOps)) {
			info = &atomicOps[sub]
		}
	}
	if info == nil || info.name == "" {
		return nil
	}
	return info
}

// readInfo is info for an opcode an OperatorReader has returned, which
// has a row: one-byte opcodes index their table without further checks.
func (op Opcode) readInfo() *opInfo {
	if op < Opcode(len(plainOps)) {
		return &plainOps[op]
	}
	return op.info()
}

// Name returns the text-format name of op ("i32.add"), or "" if op is not
// an operator.
func (op Opcode) Name() string {
	if info := op.info(); info != nil {
		return info.name
	}
	return ""
}

// Feature returns the proposal op belongs to (0 for the MVP).
func (op Opcode) Feature() Features {
	if info := op.info(); info != nil {
		return info.feature
	}
	return 0
}
