// Package encoder emits machine code for both of kiln's compiler tiers.
//
// Buffer is the shared code buffer: bytes, labels, fixups resolved when their
// label is bound, branch veneers and constant-pool islands placed before any
// pending fixup goes out of range, relocations, trap records and source
// locations. Each ISA package (amd64, arm64, riscv64, s390x — Go's names)
// supplies its instruction encoders and a LabelUse describing its fixup kinds;
// the buffer itself knows no ISA.
package encoder
