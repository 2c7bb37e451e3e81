// Package amd64 is kiln's optimizing back end for x86-64: instruction
// selection rules, the machine instruction set over virtual registers, the
// system_v calling convention and emission through kiln/encoder/amd64.
//
//	ir.Function
//	    | lower.Lower with backend (rules.go, lower.go)
//	    v
//	VCode[Inst]    Inst = {Op, sizes, cc, imm, amode, targets}; operands in VCode
//	    | regalloc.Allocate(machineEnv)
//	    v
//	allocated VCode
//	    | lower.Emit with emitter (emit.go, emit_seq.go)
//	    v
//	encoder.Code
//
// # Operations as data
//
// opTable in inst.go has one row per machine operation naming it and its
// role (branch, return, move, other); the comment on each Op constant gives
// its operand shape, the order in which the lowering lists operands and
// the emitter reads their locations back (e.g. opAluRR: use a, use b, def
// dst reusing a's register; opDiv: use dividend@rax, use divisor late,
// def quotient@rax or remainder@rdx, the other clobbered).
//
// # Rules
//
// LowerInst has one case per IR opcode; inside it the most specific
// pattern comes first, as a higher-priority ISLE rule would:
//
//   - immediates: an iconst operand that fits a sign-extended imm32 becomes
//     the immediate of add/sub/and/or/xor/imul/cmp/store;
//   - address modes: load/store addresses of the form base+const,
//     base+index, base+(index<<1..3) fold into [base+index*scale+disp];
//   - wasm32 indices: uextend.i64 (iadd.i32 ...) used only there is one
//     32-bit lea (it wraps and zero-extends); an index (v << s) + k whose
//     i32 arithmetic provably cannot wrap (v bounded through narrow loads,
//     masks and shifts) joins the address mode as [base+k+uextend(v)*2^s]
//     (narrowindex.go);
//   - load folding: a 32/64-bit load whose only use is an ALU operand in the
//     same block, with no side effect in between, becomes a memory operand;
//     scalar SSE add/sub/mul/div take a load of their type the same way;
//   - two-address choice: a commutative operation overwrites the operand
//     whose last use it is, and iadd of two live values is lea, so values
//     that live on (loop invariants, loop counters) need no copy
//     (operands.go);
//   - flag fusion: brif/select/trapz/trapnz on an icmp emit cmp+jcc,
//     cmp+cmov, cmp+trap; brif on an fcmp emits ucomis+jcc with the parity
//     test unordered comparisons need;
//   - 8- and 16-bit add/sub/logic/imul run at 32 bits (the low bits are
//     the same); division, mulhi and bit counts widen their operands.
//
// Narrow values live in 64-bit registers with undefined high bits; every
// operation that reads high bits extends first.
//
// # Traps
//
// Division checks zero (int_divz) and, signed, MIN / -1 (int_ovf; srem
// yields 0); float-to-int conversions check NaN (bad_toint) and range
// (int_ovf) around cvtts*2si, or saturate. Each check is a jcc to an
// out-of-line ud2 stub with a trap record (encoder.Buffer.DeferTrap). Loads
// and stores without notrap carry a heap_oob trap record.
//
// # ABI
//
// system_v, fast and tail all use the system_v register assignment
// (rdi, rsi, rdx, rcx, r8, r9; xmm0-7; results in rax, rdx, xmm0, xmm1);
// further arguments go on the stack. The allocator prefers caller-saved
// registers and uses rbx, r12-r15 after them (saved in the prologue when
// written). R11 and XMM15 are the allocator's scratch registers, which the
// emitter also uses inside multi-instruction sequences.
//
// # Wasm mode (Options.Wasm, wasm.go)
//
// Compiling for kiln's runtime changes four things, all driven by
// WasmOptions:
//
//   - Convention: functions and calls of convention `tail` follow
//     vm.ABIAmd64 — System V's argument registers with the two VM contexts
//     first, nothing callee-saved (a call clobbers every register but rsp,
//     rbp and r14), r14 (g) never allocated.
//   - Frame: the prologue checks rsp - frame >= [vmctx + VMStackLimit]
//     before allocating the frame (stk_ovf otherwise) and saves the VM
//     context at [rbp-8], so out-of-line code finds it whatever the
//     allocator did with rdi.
//   - Traps: every trap (trap/trapz/trapnz, division and conversion
//     checks, uadd_overflow_trap) jumps to an out-of-line site, one per
//     trap code and source location, holding a trap record and a 5-byte
//     call to the function's shared exit for that code; the exit pops the
//     site's address as the resume address (so backtraces and source
//     locations name the site), writes the vm.TrapCode to ExitArgs[0] and
//     takes the trap exit.
//     Memory accesses get no trap records: wasm code checks every access
//     first, so a fault is a bug.
//   - Runtime calls: a call to the exit namespace becomes the exit
//     sequence (arguments to ExitArgs, lea rax, [rip+resume]; jmp
//     [rdi + Stub(k)], result from ExitArgs[0]) and clobbers everything;
//     a call to the check namespace becomes `cmp qword [r14+16], -1314;
//     je slow` with an out-of-line slow path that saves every register
//     the function writes into the frame's reserved area, exits with
//     ExitPreempt, restores them and jumps back (a function with several
//     checks calls one shared routine for that). The check therefore
//     constrains no register, which keeps loop headers cheap. With
//     Interruptible it also compares the store context's interrupt word
//     (found through the frame's VM context slot) and exits with
//     ExitInterrupt the same way.
//
// # Known gaps
//
// Vectors, fma, 8/16-bit float conversions; stack probes and stack-limit
// checks outside wasm mode. A tail call writes its stack arguments into
// the function's incoming area, FP-relative, before the jump; when they
// need more room than the function's own signature guarantees, the
// prologue grows that area once and returns through a shim
// (tailgrow.go), so a backtrace through such a chain names the function
// that grew in place of the chain's original caller.
package amd64
