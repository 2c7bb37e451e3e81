package encoder

// LabelUse describes one kind of label reference an ISA emits: a branch or
// PC-relative address field whose value is known only once its label is
// bound. Each ISA package declares its kinds as a small integer type with
// these methods (amd64: rel8, rel32; arm64: b26, bcond19, tbz14, adr21,
// ldr19; riscv64: B-type, J-type, auipc+jalr pair; s390x: relative-long).
//
// The buffer uses the ranges to decide when an island (veneers and constant
// pool) must be emitted before a pending use goes out of range, and asks the
// use to patch itself once the label's offset is known.
type LabelUse interface {
	// MaxPosRange is the largest forward distance, in bytes from the use's
	// offset to the label, that the field can encode.
	MaxPosRange() int64
	// MaxNegRange is the largest backward distance, as a positive number.
	MaxNegRange() int64
	// PatchSize is the number of bytes at the use's offset that Patch rewrites.
	PatchSize() int
	// Patch writes the resolved displacement into code, which starts at the
	// use's offset and is PatchSize bytes long. useOff and labelOff are
	// offsets from the start of the function's code.
	Patch(code []byte, useOff, labelOff int64)
	// SupportsVeneer reports whether an out-of-range use can be redirected
	// through a veneer with a longer range.
	SupportsVeneer() bool
	// VeneerSize is the size in bytes of the veneer GenerateVeneer writes.
	VeneerSize() int
	// GenerateVeneer writes a veneer into code (VeneerSize bytes at
	// veneerOff) and returns the offset, relative to veneerOff, of the field
	// inside the veneer that must now reach the label, and that field's kind.
	GenerateVeneer(code []byte, veneerOff int64) (fieldOff int64, kind LabelUse)
}
