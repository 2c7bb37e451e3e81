// Package encoder emits machine code for both of kiln's compiler tiers.
//
// # The problem
//
// A compiler back end produces instructions one at a time, in layout order,
// but many of them refer to places it has not reached yet: a forward branch,
// a load from a constant pool, a jump to an out-of-line trap stub. On amd64
// a 32-bit displacement reaches anything in a function, but fixed-width
// ISAs have short fields — arm64 conditional branches reach ±1 MiB, tbz only
// ±32 KiB, an ldr literal ±1 MiB, riscv64 B-type branches ±4 KiB — so a long
// function must place constants and "veneers" (trampolines with a longer
// reach) in islands in the middle of its code, before any pending reference
// runs out of range. Both tiers need this, and so does every ISA, so it
// lives here once: Buffer knows no ISA, and each ISA package plugs in
// through LabelUse (one value per kind of label field) and ISA (a jump
// instruction and a trap instruction).
//
// The design follows Cranelift's MachBuffer; the code is our own.
//
// # Using it
//
// An emission loop (either tier) looks like this; the ISA package wraps
// the byte-level calls (amd64.Assembler):
//
//	buf := encoder.NewBuffer(amd64.BufferISA)
//	a := amd64.New(buf)
//	exit := buf.NewLabel()
//	for each instruction {
//		if buf.IslandNeeded(maxInstSize + maxIslandGrowth) {
//			buf.EmitIsland(maxInstSize + maxIslandGrowth)
//		}
//		buf.SetSrcLoc(wasmOffset)
//		a.AluRR(amd64.Cmp, amd64.Size32, idx, limit)
//		a.TrapIf(amd64.CondAE, trapOutOfBounds) // jcc to buf.DeferTrap(code)
//		a.SseM(amd64.Movsd, amd64.X0, a.Const(bits, 8)) // pool constant
//		a.CallSym(encoder.Symbol{Kind: encoder.SymRuntime, Index: memoryGrow})
//		a.Jcc(amd64.CondNE, exit) // AddCondBranch: may be inverted or deleted
//	}
//	buf.Bind(exit)
//	code, err := buf.Finish() // bytes, relocs, traps, srclocs, alignment
//
// An ISA's byte-level emitter calls Put* (or lays an instruction out in
// place with InstSpace/Commit), UseLabelAt for each label field it writes
// (UseLabelKind with a kind interned by KindOf saves comparing LabelUse
// interfaces), AddUncondBranch/AddCondBranch for branches, AddReloc before
// a relocated field and AddTrap before a trapping instruction, and reports
// an unencodable request with SetError.
//
// # Data structures
//
// Buffer holds the bytes; dense per-label slices indexed by Label (offset,
// -1 while unbound; alias, for threaded labels; a count of fixups that
// needed no deadline; a "fragile" bit for labels referenced by a kind that
// can neither veneer nor reach the whole function); and a list of pending
// fixups {offset, label, kind}, the kind an index into the buffer's table
// of interned LabelUses (their ranges and sizes are read once, not through
// the interface at every check). Reset keeps all of this storage, and
// Grow reserves code space, so a buffer reused for many functions
// allocates little beyond the Code each Finish hands out. FinishInto
// copies that Code into an Arena shared by many functions instead, and
// the buffer keeps even its code bytes and records for the next one.
// Fixups are not patched when their label is bound; they stay pending until
// the next island (or Finish), which patches every reference it can and
// gives veneers to those that would otherwise run out of range. Two numbers
// summarise the pending state:
//
//   - Deadline: the smallest offset by which some fixup whose label is
//     unbound (or bound but out of range) must see an island, i.e.
//     use offset + kind.MaxPosRange().
//   - WorstCaseIslandSize: a jump over the island, every pending constant
//     with worst-case alignment padding, every deferred trap stub, and a
//     veneer for every fixup that may need one.
//
// The invariant, kept by the emission loop asking IslandNeeded(distance)
// before each instruction and calling EmitIsland when told to, is
//
//	Len() + WorstCaseIslandSize() <= Deadline()
//
// so an island emitted now always ends before the first deadline. The
// counters are conservative (a fixup whose label gets bound keeps counting
// until the next island recomputes them); an early island costs only a
// jump, and an island with nothing to place emits nothing. Tests check the
// invariant after every instruction of long random programs whose size is
// many times every branch range (buffer_test.go).
//
// A veneer is produced by the LabelUse itself: GenerateVeneer writes, say,
// an unconditional B into the island and returns the B's field and its
// (longer-range) kind, which becomes a new pending fixup; the original
// field is patched to point at the veneer. Chains (riscv64 B-type → JAL →
// AUIPC+JALR) fall out of the same loop. A kind without veneers (amd64 rel8,
// arm64 ldr literal) simply waits; if its label ends up out of range, Finish
// returns an error — never silently wrong bytes.
//
// The LabelUse contract is general enough for every ISA kiln targets:
// useOff is where the field starts and PatchSize how many bytes the kind
// owns, so a kind may own scattered bit-fields in one word (arm64 b.cond,
// riscv64 B/J-type), a pair of instructions (riscv64 auipc+jalr, 8 bytes),
// or a field in the middle of an instruction whose displacement counts from
// the instruction start (s390x relative-long: the field sits 2 bytes in and
// holds halfwords, so Patch computes (label - (useOff - 2)) / 2,
// big-endian). riscv_test.go proves the chain beq → jal → auipc+jalr with
// real RISC-V encodings over 3 MiB of code, decoded by x/arch's riscv64asm,
// and s390x_test.go the chain brc → brcl with s390xasm.
//
// # Constants, trap stubs, relocations, source locations
//
// UseConstant returns a label for a byte string with an alignment;
// identical requests before the next island share one copy, and the island
// binds the label where it places the bytes. DeferTrap returns the label of
// a stub (the ISA's trap instruction with a TrapRecord and the source
// location current at the request), so a bounds check is one
// conditional branch on the hot path. AddReloc records a call or address
// the loader patches once symbol addresses are known (calls to other
// functions, runtime entry points); RelocKind enumerates the per-ISA field
// shapes. AddTrap records that the next instruction may trap (a load that
// may fault, ud2), and SetSrcLoc maps code ranges to wasm offsets for
// backtraces. Islands mark their constants and padding as data (MarkData,
// also used for jump tables) so disassembly prints them as .quad/.long
// rather than as instructions. Finish returns Code with every record sorted
// by offset. A Buffer belongs to one goroutine; compile functions in
// parallel with one Buffer each.
//
// # Branch simplification
//
// A branch emitted through AddUncondBranch/AddCondBranch stays "live" while
// it is at the very end of the code. Binding a label there runs Cranelift's
// peephole at emission time:
//
//   - labels bound at an unconditional jump are made aliases of its target
//     (jump threading: "jcc L; ... L: jmp M" resolves the jcc straight to
//     M), unless that would create a cycle (L: jmp L);
//   - a branch (conditional or not) to the next instruction is deleted;
//   - an unconditional jump right after another one, with no label left at
//     it, is unreachable and deleted;
//   - "jcc L1; jmp L2; L1:" becomes "jncc L2; L1:" using the inverted
//     encoding the caller supplied, provided no label is bound at the jmp
//     (nothing else jumps to it).
//
// Deletion truncates the bytes, drops the branch's fixup and any record
// pointing into it, and moves labels bound at the old end to the new end,
// so every label still names the instruction that follows it. Aliases are
// followed whenever a label's offset is needed (resolve); a fixup that was
// given no deadline because its label was close is re-noted when that label
// is threaded elsewhere. A reference that could not survive being moved (no
// veneer, less reach than the largest function: amd64 rel8) pins its label:
// neither threading nor inversion ever retargets it.
//
// This lets a single-pass compiler emit naive fallthrough jumps and lets
// the lowering back end emit two-target branches and empty blocks without
// a separate layout pass. A property test runs thousands of random programs
// of jumps, conditional jumps and labels both abstractly and as simplified
// bytes and compares their traces; mutating any of the rules makes it fail.
//
// # Errors
//
// Bad requests — an invalid or doubly bound label, a field outside the
// code, a bad constant alignment, an unreachable label — record the first
// error, which Finish and Err return; the buffer never panics on input.
// ISA encoders report their own invalid requests through SetError so a
// single-pass compiler can emit a whole function and check once.
//
// # Known gaps
//
//   - Simplification only looks at branches contiguous at the end of the
//     code when a label is bound; Finish does not re-run it.
//   - Constants are deduplicated per island, not across islands: a constant
//     used again after its island was placed gets a second copy, because the
//     first may be out of a short-range load's reach.
//   - Veneer decisions use a conservative threshold, so an island may
//     veneer a reference whose label would have been bound in range.
//
// # Subpackages
//
// amd64 encodes x86-64 from one table of instruction forms; disasm prints
// code for tests, filetests and the kiln command using golang.org/x/arch.
// arm64 (and later riscv64, s390x) follow the same pattern.
package encoder
