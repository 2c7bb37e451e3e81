// Package verify checks that a kiln IR function is well formed: the
// invariants every pass may assume and must preserve. Tests call it after
// every pass; the filetests runner calls it before running a function, and
// `test verifier` files pin its messages.
//
// # What is checked
//
// In the order the checks run (a structural problem stops the run, since
// later checks would only report its consequences; type errors never do):
//
//  1. Declarations: global values (no cycles through load/iadd_imm bases,
//     vmctx only with a vmctx parameter, base types equal to the target's
//     pointer type), alias regions (unique user ids), the entry block
//     (parameters equal the signature's, not cold), and every signature
//     (argument extensions only on scalar integers, no struct-argument
//     returns, no returns under preserve_all). Any problem here stops the
//     run before the instructions are looked at.
//  2. Layout: no empty block, exactly one terminator per block and at its
//     end, block parameters owned by their block.
//  3. Per instruction, structure: a real opcode, the format's number of
//     value arguments, every referenced entity existing (blocks in the
//     layout and never the entry block, function and signature references,
//     stack slots, global values, constants, jump and exception tables,
//     alias regions), results attached to the instruction, debug tags only
//     on calls and sequence points.
//  4. SSA: every used value (arguments, branch arguments, exception
//     contexts) exists, resolves through aliases, is defined in the layout,
//     and its definition dominates the use — computed with package flow's
//     dominator tree. Uses in unreachable blocks are exempt, as nothing
//     dominates them.
//  5. Types: the controlling type lies in the opcode's type set; each fixed
//     operand satisfies its rule relative to the controlling type (same,
//     fixed, lane type, narrower/wider lanes, an address, or a free set);
//     results match what the opcode table's ResultRule derives; branch
//     arguments match the target's parameters (retN/exnN on try_call edges
//     typed by the callee's returns and the pointer type); call arguments
//     and returns match signatures; tail calls match the caller's
//     convention and results; try_call matches its exception table.
//  6. Immediates: iconst literals that fit their width (signed or
//     unsigned), lane indices within the vector, shuffle masks below 32,
//     constant sizes, bitcast widths and byte-order flags, no readonly
//     stores, no little+big flag pairs.
//
// # Data structures
//
// The result types come from package ir's opcode table (ResultRule); the
// operand rules live in one table here, constraints.go, one row per opcode
// giving the controlling type set and one rule per fixed operand — data,
// not a switch. Type sets are bit masks over lane kinds (scalars and
// vectors) and vector lane counts. Only the checks no table can express (calls, branches,
// bitcast, lanes, global value types) are code.
//
// Errors carry a Location (the entity: function, block, instruction,
// value, global value, signature, function reference, stack slot,
// constant, alias region), the instruction's text as context, and a
// message. Messages are Cranelift's where upstream `; error:` tests check
// them, so the upstream verifier corpus runs unchanged.
//
// # Analyses kept by passes
//
// CheckFlow additionally compares a CFG and dominator tree that a pass
// maintained while editing with freshly computed ones (successor and
// predecessor edges per block, immediate dominators, postorder), so a pass
// that updates them incrementally can assert it did so correctly.
//
// # Target knowledge
//
// Options.PointerType enables the checks that need a target (address
// widths, global value and symbol types). Without one they are skipped,
// as Cranelift skips them when verifying with flags only; exception
// payloads are then assumed to be 64-bit.
//
// # Known gaps
//
// Type sets follow Cranelift's per opcode (lane kinds, scalar or vector,
// and lane counts where Cranelift restricts them). Settings-dependent checks (pinned registers, frame-pointer
// intrinsics) are not made; memory types do not exist in the IR. Instruction context text is produced here, not by
// package ir's printer, until ir exports a per-instruction form.
package verify
