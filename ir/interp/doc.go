// Package interp executes kiln IR (package ir) directly, bit for bit as
// Cranelift's cranelift-interpreter does for the upstream runtests. It is
// the oracle of `test interpret` filetests and of differential fuzzing of
// the optimizing tier: whatever a compiled function returns, this package
// says what it should have returned.
//
// # API
//
//	in := interp.New(funcs)                  // the functions of one CLIF file
//	in.Options.Fuel = 1e6                    // optional limits
//	res, err := in.Call("%name", args)       // or "name"; args typed as the signature
//	var tr *interp.Trap; errors.As(err, &tr) // tr.Code, tr.Func, tr.Inst
//	actual, ok, err := in.Run(rc, owner)     // one parsed `; run:` line
//	err = in.Map(0x1_0000_0000, heap)        // optional caller memory
//
// New keeps pointers to the functions and precomputes from them: do not
// modify them afterwards. Calls inside the functions resolve `fnN = %name`
// (or uN:M) to a function of the same set by name, and otherwise to the
// libcalls %CeilF32,
// %CeilF64, %FloorF32, %FloorF64, %TruncF32, %TruncF64, %NearestF32 and
// %NearestF64. A trap is a *Trap; anything else that stops execution (an
// unsupported opcode, a malformed function, exhausted fuel — which wraps
// ErrFuelExhausted) is a plain error naming the function and instruction.
// Nothing panics: New checks every reference the loop follows without a
// bounds check (prepare.go), and Call converts a panic that slipped past
// those checks into an "internal error" which the fuzz targets treat as a
// failure.
//
// # Execution model
//
// New prepares each function once (prepare.go): value aliases resolved
// into a dense table, stack slots laid out in a frame, callees bound to
// indexes, and every instruction in the layout predecoded into a step —
// opcode, controlling type, result type, the slots of its first three
// arguments and of its first result, and its successor in the layout.
// jump and brif targets become edges: the target's first instruction and
// the argument and parameter slots of the block-argument copy. Execution
// (exec.go) is a loop over steps that switches on the opcode once per
// instruction and reads the InstData only for immediates and for the
// variable-length operands of calls, returns and br_table.
//
// Frames live on an explicit stack ([]frame), not on Go's: a call pushes a
// frame and continues in the callee, a return pops it and delivers the
// values to the results of the caller's call instruction, and
// return_call/return_call_indirect pop before they push, so tail recursion
// runs in constant space. Depth is bounded by Options.MaxDepth (default
// 100 000) and going beyond it traps with stk_ovf.
//
// A frame's value slots are a []ir.DataValue with one slot per value the
// function defines (instruction results and block parameters, numbered
// densely so that sparse value numbers in text cost nothing); prepare maps
// every ir.Value, through its aliases, to its slot. The value slots of
// live frames count against Options.StackBytes like stack slots do, so
// runaway recursion traps with stk_ovf before it can exhaust the host's
// memory. The slice belongs to the frame's depth and is reused by the next
// frame at that depth, so steady-state execution allocates nothing per
// instruction or per call; only the returned result slice is allocated
// per Call. Block arguments are a parallel copy through a staging buffer.
//
// Frequent scalar integer instructions (iconst, iadd, isub, imul, band,
// bor, bxor, icmp of at most 64 bits) have a fast path in the loop;
// everything else goes through eval, which works lane by lane on u128
// lanes, so i128 and vectors share one implementation of each operation.
// BenchmarkLoop measures about 7 ns per instruction on the development
// machine, BenchmarkRecursion about 55 ns per call and return.
//
// Every executed instruction costs one unit of fuel (Options.Fuel, default
// 100 million); running out stops the call with ErrFuelExhausted, which is
// how infinite loops end.
//
// # Memory model
//
// The interpreter's own memory is an emulated stack (memory.go): a byte
// slice whose live length is the top of stack. Entering a frame reserves the frame's
// explicit slots (each at its declared alignment, the frame at least at 16)
// and zeroes them; leaving it truncates the slice. stack_addr yields
// stackBase + the slot's offset, a small number that fits i32 as well as
// i64 pointers, and stays valid exactly while its frame is live, across
// calls into deeper frames. Any access that is not entirely inside the
// live stack traps with the access's trap code (heap_oob unless the
// MemFlags name another; notrap accesses that fault report heap_oob).
// Loads and stores honour the little/big flags lane by lane; bitcast with
// `big` between vectors of different lane widths goes through that byte
// layout. Atomics act on the same memory with single-threaded semantics.
//
// A caller can add memory of its own with Interpreter.Map(addr, bytes): a
// linear memory, a vmctx structure whose address it passes as the vmctx
// argument. Mapped regions cannot overlap the stack range, which is kept
// below the function addresses.
//
// Function addresses (func_addr, symbol_value of a function) are
// funcBase + 16*index in the callee space, in their own range that is not
// readable; call_indirect decodes them back. vmctx global values are the
// vmctx parameter; load and iadd_imm global values are computed on demand.
// get_pinned_reg/set_pinned_reg use one register per interpreter;
// get_frame_pointer and get_stack_pointer return addresses in the stack.
//
// # NaN policy and floats
//
// f32 and f64 arithmetic that yields a NaN (fadd, fsub, fmul, fdiv, sqrt,
// fma, fmin, fmax, ceil, floor, trunc, nearest, fpromote, fdemote and the
// vector forms) returns the canonical quiet NaN with a clear sign
// (0x7fc00000, 0x7ff8000000000000; f16 0x7e00), independent of the host's
// NaN propagation; the runtests only ask is_nan of such results. fneg,
// fabs and fcopysign are sign-bit operations and keep payloads, and so do
// bitcast, select and memory, all of which the runtests check bit for
// bit. fmin/fmax order -0.0 below +0.0. nearest rounds half to even. fma
// rounds once: math.FMA for f64; for f32 the float64 FMA, recomputed
// exactly with big.Float in the rare case where it lands on a float32
// midpoint and a second rounding could go wrong; for f16 the float64 FMA
// with ties broken by the sign of its exact error.
//
// f16 arithmetic is computed in float64 and rounded once (f16.go). f128
// arithmetic, comparisons and conversions run on math/big (f128.go):
// operands decode exactly, results are exact or carry 512 bits, and one
// final rounding to binary128 handles subnormals and overflow. It is slow
// and allocates, which only f128 code pays for. The f128 canonical NaN is
// 0x7fff8000…0.
//
// Conversions follow Cranelift: fcvt_to_sint/uint trap with bad_toint on
// NaN and int_ovf out of range, the _sat forms give 0 for NaN and clamp.
// One quirk is reproduced on purpose: upstream converts through a
// saturating float→i128 cast before its range check, so an i128 result
// saturates at i128::MAX from above even for fcvt_to_uint and the trapping
// forms (i128-conversion.clif expects it).
//
// # Conformance
//
// conformance_test.go runs every `; run:` line of every upstream runtest
// with `test interpret` (312 files, 12 388 run lines), calling functions
// by name and comparing bitwise as CLIF-FORMAT.md §6 describes; all pass.
// It also runs the 81 runtests upstream only compiles (`test run`), with
// `test run` semantics: 78 pass and three are listed gaps (hardware NaN
// propagation twice, and a throw through the native runtime).
//
//	go test kiln/ir/interp -run Corpus -v
//
// Beside it: table tests per opcode family, property tests of the integer
// lane code against math/big, of f32 fma against exact rounding and of
// f128 against float64 (binary128 is wide enough that rounding twice is
// innocuous), and two fuzz targets — FuzzInterpret on parsed CLIF text,
// FuzzGenerated on functions built from fuzzer bytes (any opcode at any
// type, branches, loops, recursion), which also checks that printing and
// re-parsing a function does not change what it computes.
//
// # Known gaps
//
//   - try_call/try_call_indirect run like calls and continue along their
//     normal edge (retN arguments); nothing interpreted can throw, so
//     handler edges are never taken. stack_switch,
//     get_exception_handler_address, get_return_address and tls_value are
//     not implemented and report an unsupported-opcode error.
//   - Dynamic vector types run with a scale of 1: dyn_scale_target_const
//     is 1, a dtN value is its base vector, extract_vector of part 0 is
//     the identity; dynamic stack slots (dssN) hold one base vector.
//   - Only stack slots and caller-mapped regions are addressable; there
//     is no model of tables. The `aligned` flag is not checked (kiln's
//     TrapCode has no heap_misaligned to report).
//   - stack_limit is ignored; stack overflow is decided by MaxDepth and
//     Options.StackBytes instead.
//   - Arguments of internal calls are not checked against the callee's
//     parameter types (the verifier's job); the count is.
package interp
