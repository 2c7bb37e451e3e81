package vm

// RelocKind says how a relocation's value is computed and written. The
// numbering is the encoder's (kiln/encoder RelocKind), so a tier copies the
// encoder's records through unchanged; S is the symbol's address, A the
// addend, P the address of the relocated field.
type RelocKind uint8

const (
	RelocAbs8            RelocKind = iota + 1 // S + A, 8 bytes little-endian
	RelocX86PCRel4                            // S + A - P, 4 bytes (amd64 call/jmp rel32)
	RelocArm64Call26                          // (S + A - P) >> 2 into a BL/B imm26
	RelocRiscvCall                            // auipc+jalr pair with S + A - P
	RelocS390xPCRel32Dbl                      // (S + A - P) >> 1, 4 bytes big-endian
	numRelocKinds
)

// SymbolKind says which namespace a relocation's symbol index is in.
type SymbolKind uint8

const (
	// SymFunc is function Index of the module (the index space includes
	// imports: a relocation against an imported function resolves to its
	// host-call trampoline, Artifact.Imports[Index]; compilers normally
	// call imports indirectly through the VM context instead).
	SymFunc SymbolKind = iota + 1
	// SymRuntime is runtime symbol Index: a RuntimeSymbol.
	SymRuntime
	numSymbolKinds
)

// RuntimeSymbol numbers the runtime-provided code a relocation may name.
// Today compiled code reaches the exit stubs through the VM context
// (Stub(k)), because runtime code may sit further than ±2 GiB (amd64
// rel32) or ±128 MiB (arm64 BL) from the artifact; a runtime symbol is
// therefore only usable with RelocAbs8 (load the address, call through
// a register). RuntimeSymbol k for k < NumExitKinds is the exit stub of
// ExitKind k.
type RuntimeSymbol uint32

// Symbol is the target of a relocation.
type Symbol struct {
	Kind  SymbolKind
	Index uint32
}

// Reloc is one relocation. Offset is relative to the start of
// Artifact.Code.
type Reloc struct {
	Offset uint32
	Kind   RelocKind
	Target Symbol
	Addend int64
}

// TrapRecord says that the instruction at Offset (relative to
// Artifact.Code) traps with Code. Traps go through the ExitTrap stub; the
// runtime finds the record of a trap exit with TrapNone in ExitArgs[0] as
// the one with the largest Offset below the resume address, so a compiler
// records it anywhere inside the exit sequence (normally at its start).
type TrapRecord struct {
	Offset uint32
	Code   TrapCode
}

// SrcLoc maps the code bytes [Start, End) (relative to Artifact.Code) to
// the module byte offset of the wasm instruction they came from.
type SrcLoc struct {
	Start, End uint32
	Loc        uint32
}

// NoOffset marks an absent code offset (a function with no array entry).
const NoOffset = ^uint32(0)

// FuncInfo describes one compiled function inside Artifact.Code.
type FuncInfo struct {
	// Offset and Size delimit the function's body, which starts at its
	// wasm-convention entry point.
	Offset, Size uint32
	// ArrayEntry is the offset of the function's array-call entry (see
	// ABI), or NoOffset if the tier emitted none (functions that are not
	// exported and never escape).
	ArrayEntry uint32
	// FrameSize is the bytes the function reserves below its frame
	// pointer (spills, locals, outgoing arguments), for stack checks and
	// debuggers.
	FrameSize uint32
}

// Artifact is a compiled module: everything the runtime needs to load and
// run it, and what `kiln compile` writes as a .cwasm. All offsets are into
// Code; records are sorted by offset.
type Artifact struct {
	// Arch is the GOARCH the code is for; Tier the compiler's name.
	Arch, Tier string
	// Features is the wasm feature set the module was compiled with.
	Features uint64
	// ModuleHash identifies the module the code was compiled from (the
	// runtime fills it, e.g. SHA-256 of the binary, and checks it when
	// loading a .cwasm).
	ModuleHash [32]byte
	// Code holds every function, trampoline and island, to be mapped at an
	// address that is a multiple of Alignment (at least 16).
	Code      []byte
	Alignment uint32
	// Funcs has one entry per defined function (function index minus the
	// number of imported functions).
	Funcs []FuncInfo
	// Imports has one entry per imported function: the offset of a
	// host-call trampoline with the wasm convention that stores its
	// parameters in a values array on its frame, exits with ExitHostCall
	// with Arg0 = the import's function index and Arg1 = the array,
	// and returns the results from it. The runtime installs it as the
	// import's code when the import is satisfied by a host function.
	Imports []uint32
	Relocs  []Reloc
	Traps   []TrapRecord
	SrcLocs []SrcLoc
}

// FuncAt returns the index into Funcs of the function containing code
// offset off, or -1. Funcs need not be sorted by offset.
func (a *Artifact) FuncAt(off uint32) int {
	for i, f := range a.Funcs {
		if off >= f.Offset && off-f.Offset < f.Size {
			return i
		}
	}
	return -1
}

// TrapAt returns the trap code of the last trap record at or before off
// within the function containing off (the lookup a trap exit with a
// resume address of off+1 makes), or TrapNone.
func (a *Artifact) TrapAt(off uint32) TrapCode {
	lo, hi := 0, len(a.Traps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.Traps[m].Offset <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return TrapNone
	}
	r := a.Traps[lo-1]
	if fi := a.FuncAt(off); fi < 0 || a.FuncAt(r.Offset) != fi {
		return TrapNone
	}
	return r.Code
}

// SrcLocAt returns the wasm offset of the code byte at off.
func (a *Artifact) SrcLocAt(off uint32) (uint32, bool) {
	lo, hi := 0, len(a.SrcLocs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.SrcLocs[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(a.SrcLocs) && a.SrcLocs[lo].Start <= off && off < a.SrcLocs[lo].End {
		return a.SrcLocs[lo].Loc, true
	}
	return 0, false
}
