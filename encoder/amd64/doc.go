// Package amd64 encodes x86-64 instructions for both kiln compiler tiers.
//
// # The problem
//
// x86-64 encodings are irregular: legacy prefixes, an optional REX byte
// whose four bits extend three different fields, opcode maps behind escape
// bytes, ModRM with special cases (RSP/R12 as a base need a SIB byte,
// RBP/R13 need a displacement, mod=00 rm=101 means RIP-relative), byte
// registers SPL..DIL that exist only with a REX prefix, immediates that
// the CPU sign-extends, and a second, VEX, encoding for AVX with inverted
// register bits and a 2-byte short form. Both compiler tiers need all of
// it, and a wrong byte is a silent miscompile, so the encoder must be
// exhaustively checked.
//
// # Design: one table of rows
//
// Rows (table.go) has one row per instruction form, in the spirit of the
// Intel manual's opcode tables and Go's arm64 inst_gen.go: mnemonic,
// operands in Intel order as a small token language ("rm, r", "x, xm, u8",
// "r32, xr"), the operand encoding (RM, MR, M with a /digit, O, I, D),
// mandatory prefix, opcode map and byte, the byte-size opcode, legal
// operand sizes, and how the AVX form derives from the SSE one (VexNDS
// inserts a VEX.vvvv source, VexUnary leaves vvvv unused, VexNDD moves the
// destination to vvvv for shifts by immediate, VexIS4 turns the implicit
// XMM0 of blendv into an imm8[7:4] register). Each SSE/AVX pair is one row.
// Op is the row index; ops.go names each row.
//
// One generic encoder (emit.go) interprets a row: it maps the Inst's
// operands to ModRM.reg, ModRM.rm, the opcode's low bits, VEX.vvvv or an
// immediate according to the row's operand kinds, checks register classes,
// addressing forms and immediate ranges, and lays out
//
//	[F0] [66 for 16-bit] [mandatory prefix] [REX] [0F [38|3A]] opcode ModRM [SIB] [disp] [imm]
//
// or, for VEX, C5/C4 with R̄X̄B̄, map, W, v̄v̄v̄v̄, L and pp (the 2-byte C5 form
// whenever X, B and W are clear and the map is 0F). Rows marked VexOnly
// (AVX2 vpbroadcast*, vpsllv*/vpsrlv*/vpsrav*) have no legacy form. REX is emitted when any
// of W, R, X, B is set or when a byte operand names SPL, BPL, SIL or DIL.
//
// # The API for the compilers
//
// Assembler (asm.go) wraps an *encoder.Buffer and offers typed methods, so
// the common cases read like the instruction and register classes are
// checked by Go's type system (GPR and XMM are distinct types):
//
//	a.AluRR(amd64.Add, amd64.Size64, amd64.RAX, amd64.RCX)   // add %rcx,%rax
//	a.AluRI(amd64.Cmp, amd64.Size32, amd64.RDI, 1000)        // imm8/imm32 chosen
//	a.Load(amd64.Size64, amd64.RAX, amd64.AddrIndex(amd64.R12, amd64.RCX, 8, 16))
//	a.MovRI(amd64.Size64, amd64.RAX, -1)                     // shortest of 3 forms
//	a.Jcc(amd64.CondL, label)                                // rel8 or rel32; simplifiable
//	a.Sse(amd64.Addps, amd64.X1, amd64.X9)
//	a.Avx(amd64.Addps, amd64.X1, amd64.X2, amd64.X15)        // vaddps, 3-operand
//	a.SseM(amd64.Movsd, amd64.X0, amd64.AddrLabel(buf.UseConstant(c, 8), 0))
//	a.CallSym(encoder.Symbol{Kind: encoder.SymRuntime, Index: 3})
//
// Instructions that take an Op (Sse, Avx, SseToGPR, ...) check the row's
// operand shape at run time and return an error for a mismatch. Every
// method returns an error and also records it in the buffer, so a
// single-pass compiler may emit a whole function and check Finish once.
// A lowering back end that keeps instructions as data can build Inst values
// ({Op, Size, CC, VEX, Lock, Args}) and call Emit, or Encode them into a
// plain byte slice to measure sizes.
//
// Fast paths (fast.go): the typed methods first try a shape-specialised
// encoder that reads only the row's opcode, prefixes, sizes and immediate
// ranges and writes the bytes straight into the buffer, skipping the Inst
// and the operand matching; 32/64-bit moves, loads, stores, lea and ALU
// forms have a direct encoder of their own. A fast path declines anything
// outside its shape (including every invalid request), which then takes
// the general path; TestFastPathMatchesEncode and
// TestFastPathMatchesGeneral require identical bytes, fixups and errors.
// They make the baseline tier's emission about three times faster.
//
// Labels: Jcc/Jmp pick rel8 only when the label is already bound and close
// (so the choice never needs revising); forward branches use rel32. They
// register with Buffer.AddCondBranch/AddUncondBranch, so the buffer deletes
// jumps to the next instruction and inverts jcc-over-jmp. RIP-relative
// memory operands (AddrLabel) become Rel32 fixups whose field holds the
// addend minus the size of any trailing immediate, so the displacement is
// relative to the end of the instruction. amd64 needs no veneers.
//
// # Invariants and errors
//
// An Inst encodes to bytes that decode (with golang.org/x/arch) to exactly
// the row's mnemonic and operands, or it is rejected with an *Error: wrong
// operand kind for the row, register number ≥ 16, RSP as an index, a scale
// other than 1/2/4/8, an immediate outside the field's range (a field as
// wide as the operand takes its signed or unsigned reading; a field the
// CPU sign-extends takes only the signed range), LOCK on a register
// destination, or a size the row does not have. No request produces
// silently different bytes.
//
// # Testing
//
// xarch_test.go enumerates every row × size × condition code × legacy/VEX
// form × all 16 registers in each register slot (pairs across the first two
// slots) × every addressing form (all bases, all indexes, all scales,
// displacement boundaries, absolute, RIP) × immediate boundaries in and out
// of range × branch displacements at their limits: 1,152,897 cases
// (1,152,685 distinct encodings), each decoded by x86asm and compared op,
// operands and length, plus 3,442 out-of-range immediates that must be
// rejected. A
// second check sees what decoding cannot: REX appears exactly when needed
// and the 2-byte VEX form is used exactly when it can be. Immediates
// compare modulo their field width; x86asm quirks are listed with reasons.
// objdump_test.go disassembles a 1-in-23 sample (~50,000 instructions) with
// GNU objdump and compares the text with x86asm's through a list of named
// cosmetic differences. TestWrongOperandKindRejected substitutes ~230,000
// wrong-kind operands, FuzzEncode draws random rows and operands, and
// testdata/enc.txt (regenerated with -update) lists one register and one
// memory case per form for review.
//
// # Known gaps
//
//   - 256-bit (VEX.L=1, YMM) forms exist for rows marked V256, where every
//     vector operand widens; width-mixing forms (vcvtps2pd ymm, xmm;
//     vpmovzx; shifts by an xmm count; vpbroadcast to ymm) and lane-crossing
//     AVX2 permutes (vpermq, vperm2i128) are not in the table. No EVEX /
//     AVX-512; wasm SIMD is 128-bit.
//   - No BMI2 (shlx, rorx, andn), no cmpxchg16b, no string instructions,
//     no x87, no segment overrides.
//   - Shifts by 1 use the C1 /digit ib form rather than the one byte
//     shorter D1 form; the accumulator short forms (05 id for add eax, imm)
//     are never chosen.
//   - The instruction table is hand-written Go, checked exhaustively
//     against x86asm; it is not generated from a machine-readable ISA
//     description.
package amd64
