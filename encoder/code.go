package encoder

import "fmt"

// Label names a position in the code that may not be known yet. Labels are
// dense int32 IDs handed out by Buffer.NewLabel; the zero Label is valid.
type Label int32

// NoLabel is the absent label.
const NoLabel Label = -1

// TrapCode says why a trapping instruction traps. The values are the
// runtime's trap codes (the ir contract); the buffer only stores them.
type TrapCode uint8

// NoSrcLoc marks code that corresponds to no wasm instruction (prologues,
// islands, veneers).
const NoSrcLoc = ^uint32(0)

// RelocKind says how a relocation's value is computed and written. The
// runtime (or an AOT loader) applies relocations once symbol addresses are
// known; S is the symbol's address, A the addend, P the address of the
// relocated field.
type RelocKind uint8

const (
	// RelocAbs8 writes S + A as 8 little-endian bytes.
	RelocAbs8 RelocKind = iota + 1
	// RelocX86PCRel4 writes S + A - P as 4 little-endian bytes: the rel32
	// field of an amd64 call/jmp (A = -4 for a field that ends the
	// instruction).
	RelocX86PCRel4
	// RelocArm64Call26 patches the imm26 of an arm64 BL: (S + A - P) >> 2.
	RelocArm64Call26
	// RelocRiscvCall patches an auipc+jalr pair with S + A - P.
	RelocRiscvCall
	// RelocS390xPCRel32Dbl writes (S + A - P) >> 1 as 4 big-endian bytes
	// (brasl and the other relative-long forms).
	RelocS390xPCRel32Dbl
)

var relocKindNames = [...]string{
	RelocAbs8:            "Abs8",
	RelocX86PCRel4:       "X86PCRel4",
	RelocArm64Call26:     "Arm64Call26",
	RelocRiscvCall:       "RiscvCall",
	RelocS390xPCRel32Dbl: "S390xPCRel32Dbl",
}

func (k RelocKind) String() string {
	if int(k) < len(relocKindNames) && relocKindNames[k] != "" {
		return relocKindNames[k]
	}
	return fmt.Sprintf("RelocKind(%d)", uint8(k))
}

// SymbolKind says which namespace a relocation's symbol index lives in.
type SymbolKind uint8

const (
	// SymFunc is a function of the module, indexed by its function index.
	SymFunc SymbolKind = iota + 1
	// SymRuntime is a runtime entry point (libcall, trap/exit stub),
	// indexed by the runtime's own numbering.
	SymRuntime
)

// Symbol is the target of a relocation.
type Symbol struct {
	Kind  SymbolKind
	Index uint32
}

func (s Symbol) String() string {
	switch s.Kind {
	case SymFunc:
		return fmt.Sprintf("func%d", s.Index)
	case SymRuntime:
		return fmt.Sprintf("runtime%d", s.Index)
	}
	return fmt.Sprintf("sym(%d,%d)", s.Kind, s.Index)
}

// Reloc is one relocation: the field at Offset must be rewritten with the
// address of Target once it is known.
type Reloc struct {
	Offset uint32
	Kind   RelocKind
	Target Symbol
	Addend int64
}

// TrapRecord says that the instruction starting at Offset may trap with Code.
// The runtime maps a faulting (or deliberately trapping) PC back to it.
type TrapRecord struct {
	Offset uint32
	Code   TrapCode
}

// SrcLocRange maps the code bytes [Start, End) to a wasm bytecode offset,
// for backtraces and debugging. Ranges are sorted and do not overlap.
type SrcLocRange struct {
	Start, End uint32
	Loc        uint32
}

// Code is the finished output of a Buffer: the bytes of one function and
// everything the runtime needs to load and run them.
type Code struct {
	Bytes   []byte
	Relocs  []Reloc       // sorted by Offset
	Traps   []TrapRecord  // sorted by Offset
	SrcLocs []SrcLocRange // sorted by Start
	// Alignment is the largest alignment any pool constant asked for; the
	// loader must place Bytes at an address that is a multiple of it.
	Alignment int
	// Data lists the byte ranges that hold data rather than instructions
	// (pool constants and their padding, jump tables), sorted, for
	// disassemblers.
	Data []DataRange
}

// DataRange is a half-open byte range [Start, End) of the code that holds
// data; Unit is its element size (1, 2, 4 or 8) for printing.
type DataRange struct {
	Start, End uint32
	Unit       uint8
}

// LookupTrap returns the trap code recorded at offset off.
func (c *Code) LookupTrap(off uint32) (TrapCode, bool) {
	lo, hi := 0, len(c.Traps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.Traps[m].Offset < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.Traps) && c.Traps[lo].Offset == off {
		return c.Traps[lo].Code, true
	}
	return 0, false
}

// LookupSrcLoc returns the wasm offset of the code byte at off.
func (c *Code) LookupSrcLoc(off uint32) (uint32, bool) {
	lo, hi := 0, len(c.SrcLocs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.SrcLocs[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.SrcLocs) && c.SrcLocs[lo].Start <= off && off < c.SrcLocs[lo].End {
		return c.SrcLocs[lo].Loc, true
	}
	return NoSrcLoc, false
}
