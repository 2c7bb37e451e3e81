// Package lower is the ISA-independent half of kiln's optimizing back end:
// it turns an IR function into VCode (machine instructions over virtual
// registers) through an ISA's rules, hands the VCode to kiln/regalloc, and
// drives emission with the allocation applied.
//
//	ir.Function
//	    |  ComputeBlockOrder: RPO, cold blocks last, edges of multi-way
//	    |  branches split into edge blocks
//	    |  Lower: blocks in reverse layout order, instructions backwards,
//	    |  Backend.LowerInst / LowerBranch / LowerArgs / Jump (the ISA's rules)
//	    v
//	VCode[I]  -- implements regalloc.Function
//	    |  regalloc.Allocate
//	    v
//	regalloc.Output (a location per operand, edits between instructions)
//	    |  LayoutFrame (spill slots, stack slots, callee saves, outgoing args)
//	    |  Emit: per block, per instruction, edits before/after,
//	    |  Emitter.Inst / Move (the ISA's encoder)
//	    v
//	encoder.Buffer -> encoder.Code, plus the VCode listing after allocation
//
// # Lowering order and dead code
//
// Blocks are lowered last to first and the instructions of a block last to
// first, as Cranelift does. Every use of a value in a block its definition
// dominates is then lowered before the definition, so when the driver
// reaches a pure instruction it knows whether any emitted code asked for
// its register (Ctx.VReg); if none did, the instruction is dead or was
// folded into all its users (an iconst that became immediates, an icmp
// fused into a branch) and is skipped. Rules may recompute a pure
// instruction at a use (its operands dominate it, hence the use). Loads
// are merged only through Ctx.SinkableLoad: one use, same block, and no
// side-effecting instruction between the load and its user, tracked by a
// per-instruction "color" (the count of side effects before it).
//
// # VCode
//
// VCode stores everything the allocator reads in dense slices: the
// instructions, one InstKind per instruction (branch, return, move, other),
// operands flattened with a start index per instruction, clobber sets
// (an index per instruction into the function's few distinct sets),
// per-block instruction ranges, successors, predecessors, block parameters
// and branch arguments. The per-instruction slices are stored last
// instruction first, the order lowering produces them in once each IR
// instruction's run is turned around, so building the VCode copies no
// instruction. A jump carries its branch arguments; a multi-way
// branch carries none, because each of its edges gets an edge block whose
// jump does. That satisfies the allocator's critical-edge requirement, lets
// br_table name one block twice, and costs nothing at run time: an edge
// block with no moves is a lone jump the encoder threads away.
//
// # Frame
//
// Frame lays out, below the saved frame pointer, an area the ISA reserves
// for itself (Frame.Reserved, FP-relative), callee-saved registers,
// spill slots, explicit stack slots and the outgoing argument area, all
// SP-relative (SP does not move in the body). The frame pointer chain is
// always kept.
//
// # Source locations
//
// Each machine instruction remembers the source location of the IR
// instruction it was lowered from (VCode.Locs); Emit hands it to emitters
// that implement SrcLocSetter before the instruction, so the encoder's
// source-location records map code ranges back to wasm offsets.
//
// # Known gaps
//
//   - Values wider than a register (i128) and vectors are not lowered.
//   - Stack slots are aligned to at most 16 bytes.
//   - No rematerialisation hints to the allocator; constants are ordinary
//     vregs.
//   - Try-calls (exception edges) are not supported.
package lower
