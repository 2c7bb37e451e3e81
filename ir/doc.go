// Package ir is kiln's compiler intermediate representation: an SSA form in
// the shape of Cranelift's CLIF, shared by the optimizing tier, the IR
// interpreter (ir/interp), the verifier (ir/verify) and the filetests runner.
//
// # The problem
//
// Every stage of the optimizing tier — wasm translation, the e-graph
// mid-end, lowering — reads and rewrites functions, and the filetests speak
// CLIF text. The IR therefore has to be cheap to walk and edit, cheap to
// copy side information about (passes keep per-value and per-block tables),
// and exactly printable and parseable in Cranelift's text format so the
// upstream corpora can be used unchanged.
//
// # Data model
//
// A Function has a Name, a Signature, preamble tables (StackSlots,
// GlobalValues, Signatures, ExtFuncs, Constants, AliasRegions), a
// DataFlowGraph and a Layout.
//
// Entities are int32 IDs (Value, Inst, Block, StackSlot, GlobalValue,
// SigRef, FuncRef, Constant, JumpTable, ExceptionTable). Each indexes a
// dense slice owned by the function, so a pass's side table is a []T of the
// same length. IDs written in text are kept (v90, block10, ss10): tables are
// grown to the largest number and the unused entries are gaps — DefNone
// values, SlotNone slots, GVNone global values, CallConvUnset signatures,
// zero-Name ext funcs, nil constants. Printers and iterators skip gaps.
//
// The DataFlowGraph owns:
//   - Insts []InstData. InstData is a fixed 32-byte, pointer-free record:
//     Opcode, the controlling Type, one small Code (IntCC, FloatCC,
//     TrapCode, AtomicRmwOp or lane index), MemFlags, one Entity reference,
//     one 64-bit Imm (Imm64, IEEE bits, offset) and Args, a ValueList
//     window into a shared value pool. Which field means what is given by
//     the opcode's Format; typed accessors (IntCC(), Offset(), FuncRef(),
//     ...) name them.
//   - Values: each is an instruction result (inst, index), a block parameter
//     (block, index) or an alias of another value. Aliases let rewrites
//     replace a value without touching its uses; ResolveAliases follows them.
//   - Blocks with parameters (CLIF has no phi instructions: a branch passes
//     arguments to the target's parameters).
//   - Branch targets: jump/brif keep BlockCalls (block + argument list) in a
//     call pool; br_table refers to a JumpTableData (default target first);
//     try_call refers to an ExceptionTableData (normal return edge, handlers
//     by tag, default handler, context values). Block-call arguments are
//     BlockArgs: a value, or retN/exnN on the edges out of try_call.
//   - Optional side tables: source locations, debug tags, user stack maps.
//
// The Layout orders blocks and the instructions inside each block as doubly
// linked lists threaded through dense per-entity nodes, so insertion and
// removal are O(1) and instructions not in the layout simply do not run.
// The first block in the layout is the entry block; its parameters are the
// function's parameters.
//
// # Opcodes
//
// opcodes.go holds THE opcode table, one OpInfo row per opcode: name,
// Format, effect flags (SideEffects, CanTrap, CanLoad, CanStore,
// IsTerminator, IsBranch, IsCall, IsReturn, Commutative; Pure is derived),
// how the controlling type variable is found (CtrlNone for monomorphic
// opcodes, CtrlSuffix when only `.T` gives it, CtrlOperand when it is the
// type of a designated argument) and a ResultRule that derives result types
// from it. The parser, printer, builder, verifier and interpreter are all
// driven by that table; nothing else lists opcodes.
//
// The opcode set is that of Cranelift at the commit the upstream corpora
// come from (CLIF-FORMAT.md): the removed *_imm forms, stack_load/store,
// global_value and b1 booleans do not exist; comparisons yield i8 0 or 1.
//
// # Types
//
// Type is one byte: lane kind in the low nibble, log2 of the lane count
// above it, and a top bit for dynamic vectors (a fixed base vector scaled
// by a run-time factor, declared in text as dtN = i32x4*gv0 and printed by
// that name). i8…i128, f16…f128, and vectors of any power-of-two lane count
// up to 128 bits. Invalid (0) means "no type".
//
// # Runtime values
//
// DataValue{Ty, Lo, Hi} is the one value representation shared by the
// interpreter, the run-line parser and trampolines: scalars zero-extended,
// vectors as 16 little-endian bytes with lane 0 lowest. Equality is bitwise.
//
// # Building functions
//
// FunctionBuilder (builder.go) appends instructions to a current block and
// builds SSA form from DeclareVar/DefVar/UseVar with the algorithm of Braun
// et al.: blocks are sealed when their predecessors are known, lookups in
// unsealed blocks create incomplete parameters, and trivial parameters are
// removed (turned into aliases) as soon as they are recognised. A parameter
// added to a sealed block reads its incoming values before it gets any
// branch argument, so the trivial ones (about half) cost no argument
// lists; Finalize rewrites the aliases away, skipping the rewrite when
// nothing but the builder's own variable table referred to them. The DFG
// counts its aliases, so once they are resolved ResolveAliases is free.
//
// # Text format
//
// ParseFile reads a Cranelift filetest file: `test`, `set`, `target` and
// `feature` header lines (a `set` after the last `target` is the "dangling
// set" error), then functions. Each FileFunc keeps its Function, every
// comment from its `function` line up to the next function (Text is what
// follows the first ';', with its line number) and the line of each
// instruction, so runners find `; run:`, `; check:` and `; error:` lines and
// the entity an error comment sits on. Entity numbers are kept as written;
// numbers are capped (maxEntityNumber) so text cannot force huge tables.
// Malformed text yields a *ParseError "file:line:col: expected X, found Y";
// the parser never panics (FuzzParseFile).
//
// Type inference follows Cranelift: an opcode whose controlling type comes
// from an operand may omit `.T` when that operand is already defined in the
// text; opcodes typed by their result (iconst, load, uextend, bitcast, ...)
// need it. iconst immediates are stored as written (`iconst.i32 -1` and
// `iconst.i32 0xffff_ffff` both mean all ones and print back unchanged;
// InstData.ImmSigned/ImmUnsigned normalise).
//
// (*Function).String prints Cranelift's format: the call convention always
// written, preamble in Cranelift's order (ss, gv, region, sig, fn, const,
// stack_limit; dtN after gv), a blank line between blocks, value aliases under their
// target's definition, `.T` only where the controlling operand is not
// defined earlier in the same block, full-width hex floats (0x1.800000p0),
// Imm64 in decimal below 10000 and otherwise as 0x-grouped hex, and the
// `  ; v2 = 1, v3 = const0` annotations for constant operands. Printing
// then parsing is the identity on printed text (TestCorpusRoundTrip over
// every function of both corpora, FuzzRoundTrip), and the 624 functions
// Cranelift printed into `test optimize precise-output` expectations are
// reproduced byte for byte (TestPrinterMatchesCranelift).
//
// ParseRunCommand reads `; run:` / `; print:` comments into DataValues,
// typed by the function's signature.
//
// # Reading a function (cheat sheet)
//
//	for b := range f.Layout.Blocks() {            // layout order; entry first
//		params := f.DFG.BlockParams(b)
//		for inst := range f.Layout.BlockInsts(b) {
//			d := &f.DFG.Insts[inst]                // opcode, immediates
//			args := f.DFG.Args(inst)               // value operands
//			res := f.DFG.Results(inst)
//			ctrl := f.CtrlTypevar(inst)            // the `.T`
//			switch d.Opcode.Format() { ... }       // which accessor applies:
//			// d.IntCC() d.FloatCC() d.TrapCode() d.Lane() d.AtomicOp()
//			// d.ImmSigned() d.IeeeBits() d.Offset() d.Flags d.StackSlot()
//			// d.GlobalValue() d.FuncRef() d.SigRef() d.Constant()
//			for _, bc := range f.DFG.BlockCalls(inst) { // branch targets
//				_ = f.DFG.BlockCallArgs(bc)
//			}
//		}
//	}
//
// Constants: f.ConstantData(d.Constant()) (vconst, f128const) returns the
// little-endian bytes; f.ShuffleMask(inst) the 16 shuffle lane indices.
// Calls: f.CallSignature(inst), f.CallArgs(inst), f.ExtFuncs[d.FuncRef()].
// Values: f.DFG.ValueType(v), f.DFG.Def(v), f.DFG.ResolveAliases(v).
//
// # Invariants the verifier (ir/verify) checks, not this package
//
// Dominance of definitions over uses, block-argument counts and types,
// one terminator at the end of each block, instruction operand types. The
// parser guarantees only what it needs to compute result types.
//
// # Known gaps
//
// Memory types (mtN) are not modelled (no corpus file uses them). Cranelift
// prints user-named symbol global values as userextnameN, which cannot be
// parsed back; kiln prints the name as written (u8:9). Parse throughput is
// modest (tens of MB/s): token texts are substrings of the source, but
// entity tables grow one element at a time.
package ir
