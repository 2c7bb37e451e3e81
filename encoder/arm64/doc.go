// Package arm64 encodes AArch64 (A64) instructions for both of kiln's
// compiler tiers, and plugs the architecture's PC-relative fixups into the
// shared encoder.Buffer.
//
// # Problem
//
// A64 is a fixed-width ISA: every instruction is one 32-bit word made of
// fixed opcode bits and operand fields. The difficulty is not the shape of
// a word but the operands: register number 31 means two different things,
// most immediates have irregular encodable sets (logical bitmasks, 8-bit
// floats, scaled offsets), many mnemonics are aliases of others with
// pinned fields, and PC-relative fields have short ranges the buffer must
// manage. The encoder must never turn an impossible request into plausible
// but wrong bytes.
//
// # The table
//
// table.go holds one row per encoding and operand shape, in the style of
// Go's arm64 inst_gen.go: the manual's syntax as a comment, then
//
//	ADDXi: {Name: "add", Fixed: 0x91000000, Args: "Xd|SP Xn|SP #imm12 {lsl#12}"},
//
// Fixed holds every bit no operand sets; Args lists the operands in
// assembly order as tokens (the grammar is documented on parseArg in
// args.go). The key is the Op constant; ops_gen.go (go generate, from
// gen_ops.go) declares the constants in table order so rows[op] is op's row.
// 32- and 64-bit variants are separate rows, and so is every alias kiln
// emits (cmp, mov, lsl #n, ubfx, cset, mvn, uxtl, ...): an alias row's Fixed
// already holds the bits the alias pins (Rd = 31 for cmp, Rn = 31 for neg).
// Each token parses once, at package initialisation, into an arg: a kind
// (kGP, kImm12, kBitmask, kMemPre, kVecElem, ...) plus bit positions,
// register class, scale and the allowed arrangement set. Encode walks a
// row's args, each of which validates and places its value(s); Format
// walks the same args to print GNU syntax. The same table therefore drives
// encoding, printing, test-case generation and the fuzzer.
//
// The untyped core is Encode(op, vals ...int64): registers are their typed
// value, immediates the number an assembler would write, labels byte
// displacements, memory operands a base followed by an offset or an index
// and extend. The typed constructors in inst.go, mem.go and vec.go are the
// API compilers use; they pick the row (W or X, S or D, which addressing
// mode, "2" variant) from their typed arguments and call Encode.
//
// # Register 31
//
// In most fields register 31 is the zero register (XZR/WZR); in the base
// of a load or store, in both registers of ADD/SUB (immediate) and
// ADD/SUB (extended register), and in the destination of the logical
// immediate forms it is the stack pointer. The API makes the meaning part of
// the type: Reg is a register whose 31 is XZR and RegSP one whose 31 is SP.
// X0-X30 and W0-W30 are untyped constants usable as either; XZR and WZR
// exist only as Reg, SP and WSP only as RegSP, so AddImm(XZR, ...) or
// Ldr(X0, Off(XZR, 8)) do not compile. Converting a Reg that might be 31
// goes through Reg.AsSP, which fails for XZR (TestRegisterTypes compiles
// such mix-ups and expects type errors). Because X0-X30 are untyped
// constants, they also convert to FReg or VReg at compile time; the class
// byte catches that at encode time instead. The same distinction guards
// MovConst: ORR-immediate writes SP when its destination is 31, so
// MovConst(XZR, v) never uses it. Register values carry their class
// (W, X, B, H, S, D, Q, V) in the high byte, so a W register where the row
// wants X, or an S register where it wants D, is an error, and mixing
// widths in one instruction is an error rather than a silent truncation.
//
// # Immediates
//
// Every immediate kind checks its exact encodable set:
//
//   - imm12 with optional LSL #12 (AddImm picks the shift);
//   - logical immediates: EncodeBitmask finds the smallest period of the
//     value and checks that one element is a rotated run of ones, in
//     constant time; DecodeBitmask is the manual's DecodeBitMasks. The
//     test walks all 2×64×64 (and 64×64 32-bit) field combinations and
//     checks 5334 64-bit and 1302 32-bit values round-trip canonically;
//   - 8-bit floating-point immediates (EncodeFPImm/DecodeFPImm,
//     VFPExpandImm): ±(16+f)/16 × 2^e, e in -3..4;
//   - shift amounts below the operand size, bitfield lsb/width pairs,
//     scaled offsets (multiple of the access size), signed 9- and 7-bit
//     offsets, vector shifts per element size, lane indices per arrangement.
//
// MovConst/AppendMovConst materialise any 64-bit value with the shortest
// of MOVZ+MOVKs, MOVN+MOVKs, ORR-bitmask alone or ORR-bitmask + one or two
// MOVKs (at most four instructions).
//
// Register combinations the manual makes CONSTRAINED UNPREDICTABLE
// (writeback onto a transferred register, ldp with equal destinations, a
// store-exclusive status register overlapping data or base) are rejected.
//
// # Labels
//
// LabelUse implements encoder.LabelUse for the PC-relative fields:
// Branch26 (B/BL, ±128 MiB), Branch19 (B.cond/CBZ/CBNZ, ±1 MiB), Branch14
// (TBZ/TBNZ, ±32 KiB), Adr21 (ADR, ±1 MiB), Ldr19 (LDR literal, ±1 MiB)
// and AdrpAdd (ADRP+ADD, ±4 GiB). Branch19 and Branch14 support veneers:
// when the buffer decides a use would go out of range, the next island
// gets a "b label" and the short branch is pointed at it. Patch replaces
// only the field; a branch to a label that is not 4-byte aligned becomes
// UDF #0xdead, since Patch cannot return an error. BufferISA tells the
// buffer how to jump over an island (B) and what a trap stub is (UDF #0).
//
// Asm wraps an encoder.Buffer: label-aware branches (registered with
// AddUncondBranch/AddCondBranch so the buffer may delete or invert them),
// ADR/ADRP+ADD, literal loads from the constant pool, MovConst. It checks
// IslandNeeded before each instruction. Constructor errors are recorded
// with Buffer.SetError and returned by Finish.
//
// # Testing
//
// The oracle is a decoder, never hand-typed hex: xarch_test.go enumerates
// every row with every interesting value of each operand (all 32 register
// numbers of every class, immediate boundaries, every arrangement),
// decodes with golang.org/x/arch/arm64/arm64asm and compares mnemonic and
// operands with Format. Bitfield moves (UBFM/SBFM/BFM), which always print
// as an alias, are mapped to that alias (bitfieldAlias) and must encode to
// the same word; other cases whose preferred disassembly is an alias are
// left to the alias's row (skipReason says which); x/arch's own printing
// quirks (condition 15 printed "al", no bfc) are listed with reasons.
// objdump_test.go repeats a sample against GNU objdump, which also covers
// what x/arch cannot decode (FEAT_LSE atomics, udf). invalid_test.go
// replaces each operand of each row with out-of-range values and checks
// for errors. Two fuzz targets round-trip generated and raw operands.
// exec_arm64_test.go goes further and runs generated code (MovConst,
// integer, memory and LSE atomics, FP, SIMD, veneered branches, literal
// pools) against Go's own arithmetic; on other hosts TestQemu
// cross-compiles the tests and runs them under qemu-user.
//
// # Known gaps
//
//   - AdrpAdd assumes the function is placed at a 4 KiB-aligned address;
//     encoder.Buffer cannot yet express that requirement.
//   - encoder.Buffer does not pad an island back to 4-byte alignment after
//     odd-sized pool constants; Asm reports the misalignment as an error,
//     and LabelUse.Patch turns a branch to a misaligned label into a trap.
//   - Not encoded: FP16 arithmetic, fixed-point conversions, the scalar forms of Advanced SIMD
//     instructions, by-element multiplies, LD2-LD4/ST2-ST4, post-indexed
//     structure loads and stores, LDAXP/STLXP pairs, system-register
//     access, PRFM, SVC/HINT.
package arm64
