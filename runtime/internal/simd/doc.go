// Package simd is the semantics of WebAssembly's 128-bit SIMD operators
// (the fixed-width SIMD of wasm 2.0 and the relaxed SIMD of 3.0) for the
// interpreter tier.
//
// # Problem
//
// The interpreter executes about 250 vector operators on a value stack
// of uint64 slots. Each needs wasm's exact lane semantics — wrapping and
// saturating integer arithmetic, shift counts modulo the lane width,
// signed-to-unsigned saturating narrowing, IEEE float arithmetic with
// wasm's NaN and signed-zero rules, saturating float-to-int truncation —
// and must be cheap enough to run once per executed instruction, and
// total: an interpreter on untrusted code must never panic.
//
// # API and stack convention
//
// Exec(sub, imm, s, sp) evaluates every non-memory operator; sub is the
// LEB-decoded opcode after the 0xFD prefix. Memory(sub, offset, lane, mem,
// mem64, s, sp) evaluates the loads and stores (IsMemory tells them
// apart); it bounds-checks the whole access (addr+offset overflowing is
// out of bounds) and reports an out-of-bounds access with false so the
// caller can trap.
//
// The stack is []uint64 with its top at s[sp-1]. A v128 takes two slots,
// the low 64 bits (bytes 0-7, lanes 0..) at the lower index; i32 is
// zero-extended in its slot, i64 as is, f32/f64 as IEEE bits (f32 in the
// low 32 bits). Operands are popped in the spec's order (the first
// operand deepest) and the result is pushed in their place.
//
// Both entry points check the slot counts against sp and len(s) up front
// (one table lookup) and return -1 rather than index out of range, and
// lane immediates are taken modulo the lane count, so no input panics
// (FuzzExec). A validated function never hits these cases.
//
// # Structure and speed
//
// Exec looks the operator up in a class table (its stack shape: how many
// slots it pops and pushes) to check the stack once, then switches on sub;
// the switch is dense over 0x0c-0x113 and compiles to a jump table. Each
// case moves its operands out of the slots and calls its family function
// (arith.go integer lanes and comparisons, float.go float lanes,
// convert.go narrowing/extension/conversions, lanes.go lane moves and
// tests, relaxed.go, memory.go), whose own switch on sub is again a small
// jump table or a couple of compares; the family functions convert a v128
// into a fixed-size lane array once and run one plain loop per operator.
// The commonest integer operators (add and sub of every shape, i32x4 and
// i64x2 mul), the whole-register ones (bitwise logic, i64x2 shifts,
// any_true, all_true) and the lane moves (extract_lane, replace_lane,
// splat) work on the two 64-bit words directly, without lane arrays.
// Lane arrays live in the caller's frame and are filled and read with
// lane-sized accesses. Nothing allocates, nothing is generic or
// reflective. BenchmarkExec / BenchmarkExecAll measure it.
//
// # NaN rules
//
// Where wasm passes bits through (abs, neg, pmin, pmax, lane moves,
// bitwise operators) the bits pass untouched, NaN payloads included.
// Where an operator produces a NaN, the result is deterministic: the
// first NaN operand with its quiet bit set, or the positive canonical NaN
// (0x7fc00000 / 0x7ff8000000000000) when no operand was a NaN. This is
// the spec's set of allowed results (canonical when the NaN inputs are
// canonical, arithmetic otherwise) narrowed to one member, so the
// interpreter gives the same bits on every host. min and max propagate
// NaN and order -0 below +0; pmin is b < a ? b : a and pmax a < b ? b : a
// on the raw lanes. demote and promote turn a NaN into the canonical NaN
// with the operand's sign. nearest rounds ties to even; ceil, floor,
// trunc and nearest keep the sign of zero. f32 sqrt and the f32 rounding
// operators compute in float64 and round once, which is exact.
//
// # Relaxed SIMD choices
//
// Each relaxed operator has one fixed behaviour, chosen among those the
// proposal allows: relaxed_swizzle is swizzle (index ≥ 16 → 0);
// relaxed_trunc* are the saturating trunc_sat* (NaN → 0); relaxed_madd /
// relaxed_nmadd are fused (one rounding; f32 via a float64 sum rounded to
// odd); relaxed_laneselect is bitselect; relaxed_min/max are min/max;
// relaxed_q15mulr_s is q15mulr_sat_s; relaxed_dot_i8x16_i7x16_s treats
// both operands as signed and saturates the i16 pair sums, and the _add_s
// form adds those saturated sums pairwise into i32 lanes plus the
// accumulator, wrapping.
//
// # Tests
//
// Table-driven tests per family use vectors worked out by hand from the
// spec's definitions; the word-parallel fast paths are checked against
// the lane loops. TestSpecSIMD walks the spec's simd_*.wast and
// relaxed-SIMD scripts in ../shared/upstream/spec-testsuite/core: every
// assert_return / assert_trap whose exported function body is a straight
// line the test can evaluate is run through Exec and Memory and compared
// lane-wise, honouring nan:canonical and nan:arithmetic lane patterns and
// (either ...) alternatives. Most such bodies are one SIMD operator over
// the parameters and constants; the test also evaluates straight lines
// of several operators with locals and drop, and lines that touch memory
// 0 (SIMD loads and stores, plus the scalar i32/i64.load the store-lane
// scripts read back with) or the module's globals, with the memory built
// from the data segments and kept across the script's invocations. Run
// it with -v for per-file and total counts.
//
// # Known gaps
//
//   - Bodies with control flow, select, calls or scalar arithmetic
//     (the *-in-block, nested-*, as-if-cond, as-br-retval tests: about
//     1.5% of the SIMD scripts' assertions) are not covered by
//     TestSpecSIMD; the interpreter's own spec run covers them.
//   - Memory takes one linear memory as a byte slice; shared-memory
//     atomicity is not modelled (SIMD accesses are not atomic in wasm).
package simd
