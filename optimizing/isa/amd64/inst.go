package amd64

import (
	"fmt"
	"strings"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/optimizing/lower"
	"kiln/regalloc"
)

// Op is a machine operation of the lowered code. Each row of opTable names
// it once, with the shape of its operand list (the order in which Inst's
// operands appear in the VCode, which the emitter reads back by position).
type Op uint8

const (
	opArgs          Op = iota // defs: one fixed def per register parameter
	opLoadArg                 // def dst: load an incoming stack argument at FP+Imm
	opRet                     // uses: fixed return registers
	opMove                    // use src, def dst (KindMove)
	opImm                     // def dst = Imm
	opFconst                  // def dst = float bits Imm (Size 4 or 8)
	opAluRR                   // use a, use b, def dst=a
	opAluRI                   // use a, def dst=a; Imm
	opAluRM                   // use a, amode..., def dst=a
	opUnary                   // use a, def dst=a (not, neg)
	opImulRR                  // use a, use b, def dst=a
	opImulRRI                 // use a, def dst; Imm
	opMulHi                   // use a@rax, use b@end, def dst@rdx; clobbers rax
	opDiv                     // use a@rax, use b@end, def dst@rax|rdx; clobbers the other
	opShiftRI                 // use a, def dst=a; Imm
	opShiftRR                 // use a, use amt, def dst=a, temp rcx
	opCmpSet                  // use a, [use b], def dst: dst = a cc b (0 or 1)
	opCmpBr                   // use a, [use b]: branch on a cc b (KindBranch)
	opTestBr                  // use a: branch on a != 0
	opCmov                    // use a, [use b], use t, use f, def dst=f: dst = a cc b ? t : f
	opExtend                  // use a, def dst
	opLoad                    // amode..., def dst
	opStore                   // use v, amode...
	opStoreImm                // amode...; Imm
	opLea                     // amode..., def dst
	opJmp                     // (KindBranch) to Target[0]
	opBrTable                 // use idx, temp, temp (KindBranch): Targets default, then table
	opTrap                    // (KindRet) ud2 with Trap
	opTrapIf                  // use a, [use b]: trap Trap if a cc b
	opCall                    // uses: fixed args, [use callee]; defs: fixed results; clobbers
	opReturnCall              // uses: fixed args, [use callee@r10] (KindRet)
	opStoreArg                // use v: store an outgoing stack argument at SP+Imm (Sub 1: a tail call's, at FP+16+Imm)
	opSse                     // use a, use b | amode..., def dst=a: scalar SSE binary op SseOp
	opSseUnary                // use a, def dst: dst = SseOp(a) (sqrt, cvtss2sd, round)
	opSseMask                 // use a, def dst=a: dst = SseOp(a, pool constant Imm) (fneg, fabs)
	opFcmpSet                 // use a, use b, def dst
	opFcmpBr                  // use a, use b (KindBranch)
	opFminmax                 // use a, use b, def dst=a
	opCopysign                // use a, use b, def dst=a, temp float
	opGprToXmm                // use a (int), def dst (float): cvtsi2s*/movd/movq
	opXmmToGpr                // use a (float), def dst (int): movd/movq
	opCvtU64                  // use a, def dst, temp, temp: fcvt_from_uint.i64
	opCvtToInt                // use a (float), def dst (int), temp float, temp int
	opBitCount                // use a, def dst, temp: clz/ctz/popcnt and fallbacks
	opBswap                   // use a, def dst=a
	opBitrev                  // use a, def dst=a, temp, temp
	opAluFlag                 // use a, use b, def dst=a, def flag: overflow ops
	opMulFlag                 // use a@rax, use b@end, def dst@rax, def flag; clobbers rdx
	opAddTrap                 // use a, use b, def dst=a; traps on carry
	opSelectBranchy           // use a, [use b], use t, use f, def dst=f: float select
	opRoundSoft               // use a, def dst@early, temp float: ceil/floor/trunc/nearest without SSE4.1
	opAlu128                  // use alo, ahi, blo, bhi; def lo=alo, hi=ahi: add/adc, sub/sbb, and, or, xor
	opCmp128                  // use alo, ahi, blo, bhi; def dst; temp, temp: dst = a cc b
	opMul128                  // use alo@rax, ahi@end, blo@end, bhi@end; def lo@rax, hi@rdx; temp
	opShift128                // use lo, hi, amt; def lo@early, hi@early; temp, temp, temp@rcx
	opAtomicRmw               // xchg/add/sub: use x, use p, def dst=x; others: use x@end, use p@end, def dst@rax
	opAtomicCas               // use expected@rax, use replacement, use p; def old@rax
	opAtomicStore             // use v, use p, temp: sequentially consistent store (xchg)
	opFence                   // mfence
	opExit                    // use vmctx@rdi, use args..., [def result@rax]; clobbers all: runtime exit Imm (wasm)
	opPreemptCheck            // preemption check with an out-of-line slow path (wasm)
	numOps
)

// opInfo is one row of the operation table.
type opInfo struct {
	name string
	kind lower.InstKind
}

var opTable = [numOps]opInfo{
	opArgs: {"args", lower.KindOther}, opLoadArg: {"load_arg", lower.KindOther},
	opRet: {"ret", lower.KindRet}, opMove: {"mov", lower.KindMove},
	opImm: {"imm", lower.KindOther}, opFconst: {"fconst", lower.KindOther},
	opAluRR: {"alu", lower.KindOther}, opAluRI: {"alu_imm", lower.KindOther},
	opAluRM: {"alu_mem", lower.KindOther}, opUnary: {"unary", lower.KindOther},
	opImulRR: {"imul", lower.KindOther}, opImulRRI: {"imul_imm", lower.KindOther},
	opMulHi: {"mulhi", lower.KindOther}, opDiv: {"div", lower.KindOther},
	opShiftRI: {"shift_imm", lower.KindOther}, opShiftRR: {"shift", lower.KindOther},
	opCmpSet: {"cmp_set", lower.KindOther}, opCmpBr: {"cmp_br", lower.KindBranch},
	opTestBr: {"test_br", lower.KindBranch}, opCmov: {"cmov", lower.KindOther},
	opExtend: {"extend", lower.KindOther}, opLoad: {"load", lower.KindOther},
	opStore: {"store", lower.KindOther}, opStoreImm: {"store_imm", lower.KindOther},
	opLea: {"lea", lower.KindOther}, opJmp: {"jmp", lower.KindBranch},
	opBrTable: {"br_table", lower.KindBranch}, opTrap: {"trap", lower.KindRet},
	opTrapIf: {"trap_if", lower.KindOther}, opCall: {"call", lower.KindOther},
	opReturnCall: {"return_call", lower.KindRet}, opStoreArg: {"store_arg", lower.KindOther},
	opSse: {"sse", lower.KindOther}, opSseUnary: {"sse_unary", lower.KindOther},
	opSseMask: {"sse_mask", lower.KindOther}, opFcmpSet: {"fcmp_set", lower.KindOther},
	opFcmpBr: {"fcmp_br", lower.KindBranch}, opFminmax: {"fminmax", lower.KindOther},
	opCopysign: {"copysign", lower.KindOther}, opGprToXmm: {"gpr_to_xmm", lower.KindOther},
	opXmmToGpr: {"xmm_to_gpr", lower.KindOther}, opCvtU64: {"cvt_u64", lower.KindOther},
	opCvtToInt: {"cvt_to_int", lower.KindOther}, opBitCount: {"bitcount", lower.KindOther},
	opBswap: {"bswap", lower.KindOther}, opBitrev: {"bitrev", lower.KindOther},
	opAluFlag: {"alu_flag", lower.KindOther}, opMulFlag: {"mul_flag", lower.KindOther},
	opAddTrap: {"add_trap", lower.KindOther}, opSelectBranchy: {"select", lower.KindOther},
	opRoundSoft: {"round_sse2", lower.KindOther},
	opAlu128:    {"alu128", lower.KindOther}, opCmp128: {"cmp128", lower.KindOther},
	opMul128: {"mul128", lower.KindOther}, opShift128: {"shift128", lower.KindOther},
	opAtomicRmw: {"atomic_rmw", lower.KindOther}, opAtomicCas: {"atomic_cas", lower.KindOther},
	opAtomicStore: {"atomic_store", lower.KindOther}, opFence: {"fence", lower.KindOther},
	opExit: {"exit", lower.KindOther}, opPreemptCheck: {"preempt_check", lower.KindOther},
}

// amodeKind is the base of a memory operand.
type amodeKind uint8

const (
	amNone amodeKind = iota
	amReg            // [base + index*scale + disp]; base (and index) are operands
	amSlot           // explicit stack slot Slot, + disp
	amFP             // [rbp + disp]
	amSP             // [rsp + disp]
)

// amode is a memory operand whose registers are operands of the
// instruction, starting at Inst.MemAt.
type amode struct {
	kind     amodeKind
	hasIndex bool
	scale    uint8
	disp     int32
	slot     int32
}

func (m amode) nregs() int {
	switch {
	case m.kind != amReg:
		return 0
	case m.hasIndex:
		return 2
	}
	return 1
}

// Inst is one machine instruction over virtual registers. Which fields
// matter depends on Op (see the table); operands live in the VCode. The
// fields are ordered to pack into 48 bytes without a pointer: the VCode
// keeps every instruction (lowering copies each once, into it), and
// a pointer-free array is neither scanned by the collector nor written
// through write barriers. A branch's targets are therefore not here:
// they are its block's successors in the VCode, in order (the emitter
// reads them there).
type Inst struct {
	Op     Op
	Size   asm.Size // operation size (1, 2, 4, 8)
	Size2  asm.Size // source size of extends and loads, float width of conversions
	Signed bool
	HasImm bool // the compare/ALU second operand is Imm, not a register
	CC     asm.CC
	FCC    uint8 // ir.FloatCC of fcmp forms
	Alu    asm.AluOp
	Shift  asm.ShiftOp
	Unary  asm.UnaryOp
	SseOp  asm.Op
	Trap   encoder.TrapCode
	Sub    uint8 // sub-variant (bit count kind, conversion kind, division kind)
	MemAt  uint8
	NOps   uint8 // number of operands (for printing)
	Imm    int64
	Mem    amode
	Sym    encoder.Symbol
}

func regName(a regalloc.Alloc) string {
	switch {
	case a.IsReg() && a.Reg().Class() == regalloc.Int:
		return "%" + asm.GPR(a.Reg().Index()).String()
	case a.IsReg():
		return "%" + asm.XMM(a.Reg().Index()).String()
	case a.IsStack():
		return fmt.Sprintf("slot%d", a.Slot())
	}
	return "none"
}

// format prints an instruction with its operand locations and, for a
// branch, its targets.
func (in *Inst) format(allocs []regalloc.Alloc, targets []lower.Block) string {
	var sb strings.Builder
	sb.WriteString(opTable[in.Op].name)
	switch in.Op {
	case opAluRR, opAluRI, opAluRM, opAluFlag, opAlu128:
		fmt.Fprintf(&sb, ".%s", aluNames[in.Alu])
	case opShiftRI, opShiftRR, opShift128:
		fmt.Fprintf(&sb, ".%s", shiftNames[in.Shift])
	case opSse, opSseUnary, opSseMask, opGprToXmm, opXmmToGpr:
		fmt.Fprintf(&sb, ".%s", in.SseOp.String())
	}
	if in.Size != 0 {
		fmt.Fprintf(&sb, "%d", in.Size*8)
	}
	switch in.Op {
	case opCmpSet, opCmpBr, opCmov, opTrapIf, opSelectBranchy, opCmp128:
		fmt.Fprintf(&sb, " %s", ccNames[in.CC])
	case opFcmpSet, opFcmpBr:
		fmt.Fprintf(&sb, " f%d", in.FCC)
	}
	for i, a := range allocs {
		if i == 0 {
			sb.WriteString(" ")
		} else {
			sb.WriteString(", ")
		}
		sb.WriteString(regName(a))
	}
	if in.HasImm || in.Op == opImm || in.Op == opAluRI || in.Op == opShiftRI || in.Op == opImulRRI || in.Op == opStoreImm {
		fmt.Fprintf(&sb, ", $%d", in.Imm)
	}
	if in.Mem.kind != amNone {
		fmt.Fprintf(&sb, " [%s]", in.Mem.String(allocs, int(in.MemAt)))
	}
	if in.Trap != 0 {
		fmt.Fprintf(&sb, " trap=%d", in.Trap)
	}
	for i, t := range targets {
		if i == 0 {
			sb.WriteString(" ->")
		}
		fmt.Fprintf(&sb, " block%d", t)
	}
	if in.Sym.Kind != 0 {
		fmt.Fprintf(&sb, " %s", in.Sym)
	}
	return sb.String()
}

func (m amode) String(allocs []regalloc.Alloc, at int) string {
	switch m.kind {
	case amSlot:
		return fmt.Sprintf("ss%d%+d", m.slot, m.disp)
	case amFP:
		return fmt.Sprintf("%%rbp%+d", m.disp)
	case amSP:
		return fmt.Sprintf("%%rsp%+d", m.disp)
	}
	s := regName(allocs[at])
	if m.hasIndex {
		s += fmt.Sprintf("+%s*%d", regName(allocs[at+1]), m.scale)
	}
	return s + fmt.Sprintf("%+d", m.disp)
}

var aluNames = [8]string{"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"}
var shiftNames = [8]string{"rol", "ror", "rcl", "rcr", "shl", "shr", "?", "sar"}
var ccNames = [16]string{"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"}
