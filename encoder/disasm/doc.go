// Package disasm turns machine code back into text, for tests, filetests'
// precise-output expectations, and the kiln command (compare, explore).
//
// # Design
//
// kiln does not write disassemblers; golang.org/x/arch has one per ISA, and
// using it keeps a single source of truth shared with the encoder tests
// (which use the same decoders as their oracle). Disassemble walks the code
// from a start PC, decodes one instruction at a time with x86asm (GNU/AT&T
// syntax), arm64asm, riscv64asm or s390xasm, and returns one Line per
// instruction: its offset, its bytes and its text. Architecture names are
// Go's (amd64, arm64, riscv64, s390x); the target names of the kiln command
// (x86_64, aarch64) are accepted as aliases.
//
// # Invariants
//
// The Lines cover the input exactly: offsets are contiguous and the bytes
// concatenate back to the input. Bytes that do not decode — constant pools
// in islands, padding, truncated input — become a ".byte"/".word" line of
// the ISA's minimum instruction size (1 byte on amd64, 4 on arm64, 2 on
// riscv64 and s390x, or whatever is left), so a listing never stops early
// and never loses bytes. A decoder panic on hostile input is recovered and
// treated the same way: Disassemble never panics (FuzzDisassemble).
//
// # Printing
//
// Line.String and Format print "offset: hex bytes   text", one line per
// instruction, with fixed-width columns so goldens diff cleanly. Format
// with Options{NoBytes: true} drops the byte column for compact
// precise-output goldens; Options{Code: c} (or the Code helper) appends
// "; reloc Kind target+addend" and "; trap N" to the lines that carry a
// relocation or a trap record, the way Cranelift's precise-output shows
// them.
//
// # Known gaps
//
// Call targets are not symbolised in the instruction text itself (a
// relocated call prints as a call to its zero field; the annotation names
// the target). Pool constants are printed as whatever they happen to
// decode to, like objdump does; the buffer does not yet export island
// boundaries that would let them print as data.
package disasm
