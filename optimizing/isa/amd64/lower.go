package amd64

import (
	"errors"
	"fmt"
	"math"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/optimizing/lower"
	"kiln/regalloc"
)

type ctx = lower.Ctx[Inst]

// backend implements lower.Backend for x86-64. Its methods are the
// instruction-selection rules: each IR opcode's case tries its most
// specific pattern first (an immediate, a folded load, a fused compare),
// as ISLE rules of higher priority do, and falls back to the general
// register form.
type backend struct {
	flags    Flags
	abi      *abi
	outgoing int32 // largest outgoing stack-argument area of any call
	// tailArea is the largest stack-argument area of a tail call that
	// needs more than the function's own signature guarantees (0: none).
	tailArea int32
	// s is the compilation's reused storage.
	s       *reuse
	resolve func(ir.Name) (encoder.Symbol, bool)
	// wasm is set in kiln's wasm mode (see WasmOptions); hasCheck records
	// that the function contains a preemption check.
	wasm     *WasmOptions
	hasCheck bool
	dies     dieMemo
}

func use(c *ctx, v ir.Value) regalloc.Operand { return regalloc.Use(c.VReg(v)) }
func def(c *ctx, v ir.Value) regalloc.Operand { return regalloc.Def(c.Output(v)) }

func emit(c *ctx, in Inst, ops ...regalloc.Operand) {
	in.NOps = uint8(len(ops))
	c.Emit(in, opTable[in.Op].kind, regalloc.RegSet{}, ops...)
}

func emitClobber(c *ctx, in Inst, clob regalloc.RegSet, ops ...regalloc.Operand) {
	in.NOps = uint8(len(ops))
	c.Emit(in, opTable[in.Op].kind, clob, ops...)
}

// opList is the operand list of one instruction under construction. The
// matchers (amodeOf, cmpOperands, condOf, lea32Of) append their operands
// to the rule's opList through a pointer, and the rule appends the rest:
// building an instruction then allocates nothing, where returning slices
// cost an allocation for most loads, stores and compares (and returning
// the list by value a copy out of every nested matcher). Six operands hold the longest list
// built this way, a cmov on a compare against memory (a, base, index, t,
// f, dst); a longer one is a bug and panics on the index.
type opList struct {
	n   uint8
	ops [6]regalloc.Operand
}

func opsOf(ops ...regalloc.Operand) opList {
	var l opList
	l.add(ops...)
	return l
}

func (l *opList) add(ops ...regalloc.Operand) {
	for _, o := range ops {
		l.ops[l.n] = o
		l.n++
	}
}

func (l *opList) len() int                 { return int(l.n) }
func (l *opList) list() []regalloc.Operand { return l.ops[:l.n] }

func earlyFixed(v regalloc.VReg, p regalloc.PReg) regalloc.Operand {
	return regalloc.NewOperand(v, regalloc.DefKind, regalloc.Early, regalloc.Fixed, uint8(p))
}

// ErrUnsupported wraps every error about IR the back end cannot lower yet
// (as opposed to invalid input).
var ErrUnsupported = errors.New("unsupported on x86_64")

func unsupported(c *ctx, what string) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, what)
}

// sizeOf is the operation size for an integer type of at most 64 bits.
func sizeOf(t ir.Type) (asm.Size, bool) {
	switch t.Bits() {
	case 8:
		return asm.Size8, true
	case 16:
		return asm.Size16, true
	case 32:
		return asm.Size32, true
	case 64:
		return asm.Size64, true
	}
	return 0, false
}

// aluSize widens 8- and 16-bit operations whose low bits do not depend on
// the high ones (add, sub, and, or, xor, imul) to 32 bits: shorter encodings,
// no partial-register writes.
func aluSize(sz asm.Size) asm.Size {
	if sz < asm.Size32 {
		return asm.Size32
	}
	return sz
}

// constOf returns v's iconst immediate, sign-extended from its type.
func constOf(c *ctx, v ir.Value) (int64, bool) {
	i := c.PureDef(v)
	if i == ir.NoInst || c.F.DFG.Insts[i].Opcode != ir.OpIconst {
		return 0, false
	}
	return c.F.DFG.Insts[i].ImmSigned(), true
}

// imm32Of matches an iconst usable as a sign-extended 32-bit immediate of
// an operation at size sz.
func imm32Of(c *ctx, v ir.Value, sz asm.Size) (int64, bool) {
	k, ok := constOf(c, v)
	if !ok {
		return 0, false
	}
	if sz == asm.Size64 && (k < math.MinInt32 || k > math.MaxInt32) {
		return 0, false
	}
	return k, true
}

// amodeOf computes the address p+off, folding iadd of a constant
// (displacement) and iadd of a scaled or plain index (base+index*scale)
// into the addressing mode. It returns the amode and appends its register
// operands to ops (in place: an amode and an opList returned by value
// were copied out of every call).
func amodeOf(c *ctx, p ir.Value, off int64, ops *opList) amode {
	dfg := &c.F.DFG
	if i := c.PureDef(p); i != ir.NoInst && dfg.Insts[i].Opcode == ir.OpIadd && dfg.ValueType(p) == ir.I64 {
		args := dfg.Args(i)
		x, y := args[0], args[1]
		if k, ok := constOf(c, y); ok && fits32(off+k) {
			return amodeOf(c, x, off+k, ops)
		}
		if k, ok := constOf(c, x); ok && fits32(off+k) {
			return amodeOf(c, y, off+k, ops)
		}
		if t, scale, k, ok := scaledIndex(c, y); ok && fits32(off+k) {
			ops.add(use(c, x), regalloc.Use(t))
			return amode{kind: amReg, hasIndex: true, scale: scale, disp: int32(off + k)}
		}
		if fits32(off) {
			idx, scale := y, uint8(1)
			if j := c.PureDef(y); j != ir.NoInst && dfg.Insts[j].Opcode == ir.OpIshl {
				if k, ok := constOf(c, dfg.Args(j)[1]); ok && k >= 1 && k <= 3 {
					idx, scale = dfg.Args(j)[0], 1<<k
				}
			}
			ops.add(use(c, x), use(c, idx))
			return amode{kind: amReg, hasIndex: true, scale: scale, disp: int32(off)}
		}
	}
	if !fits32(off) {
		// Materialize the offset: base + index with the constant in a register.
		k := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opImm, Size: asm.Size64, Imm: off}, regalloc.Def(k))
		ops.add(use(c, p), regalloc.Use(k))
		return amode{kind: amReg, hasIndex: true, scale: 1}
	}
	ops.add(use(c, p))
	return amode{kind: amReg, disp: int32(off)}
}

func fits32(k int64) bool { return k >= math.MinInt32 && k <= math.MaxInt32 }

// intCC maps an IR integer condition to an x86 condition code.
var intCC = [...]asm.CC{
	ir.IntEQ: asm.CondE, ir.IntNE: asm.CondNE, ir.IntSLT: asm.CondL, ir.IntSGE: asm.CondGE,
	ir.IntSGT: asm.CondG, ir.IntSLE: asm.CondLE, ir.IntULT: asm.CondB, ir.IntUGE: asm.CondAE,
	ir.IntUGT: asm.CondA, ir.IntULE: asm.CondBE,
}

// cmpOperands matches the operands of an integer compare a cc b: the
// second operand folded to an immediate when it is a small constant, the
// operands swapped (with the condition) when only the first is. Like
// condOf, it sets *in and appends to ops.
func cmpOperands(c *ctx, a, b ir.Value, cc ir.IntCC, in *Inst, ops *opList) bool {
	t := c.F.DFG.ValueType(a)
	sz, ok := sizeOf(t)
	if !ok {
		return false
	}
	if k, ok := imm32Of(c, b, sz); ok {
		*in = Inst{Size: sz, CC: intCC[cc], HasImm: true, Imm: k}
		ops.add(use(c, a))
		return true
	}
	if k, ok := imm32Of(c, a, sz); ok {
		*in = Inst{Size: sz, CC: intCC[cc.Swapped()], HasImm: true, Imm: k}
		ops.add(use(c, b))
		return true
	}
	*in = Inst{Size: sz, CC: intCC[cc]}
	ops.add(use(c, a), use(c, b))
	return true
}

// truthOf looks through zero and sign extensions of a condition: they
// preserve whether it is zero, so brif (uextend (icmp ...)) — how a wasm
// comparison reaches a branch — still fuses the compare.
func truthOf(c *ctx, cond ir.Value) ir.Value {
	dfg := &c.F.DFG
	for {
		i := c.PureDef(cond)
		if i == ir.NoInst {
			return cond
		}
		if op := dfg.Insts[i].Opcode; op != ir.OpUextend && op != ir.OpSextend {
			return cond
		}
		cond = dfg.Args(i)[0]
	}
}

// usedOnceDownTo reports whether v and every extension between it and
// cmp (the value truthOf found under v) have a single use.
func usedOnceDownTo(c *ctx, v, cmp ir.Value) bool {
	for v != cmp {
		if c.UseCount(v) != 1 {
			return false
		}
		v = c.F.DFG.Args(c.PureDef(v))[0]
	}
	return true
}

// condOf matches a branch or select condition: a fused icmp (recomputed at
// the use; it is pure) or any integer value tested against zero. It sets
// *in to the compare or test (its Op left for the caller) and appends its
// operands to ops, which must be empty: the two returned by value were
// copied out of each of the nested matchers.
func condOf(c *ctx, cond ir.Value, in *Inst, ops *opList) error {
	return condOfUse(c, cond, true, in, ops)
}

// condOfUse is condOf; only says whether this use is the condition's only
// one. A load may be merged into the compare only then: were the
// condition (or an extension of it) materialised for another use, it
// would need the load's value, which a merged load never defines.
func condOfUse(c *ctx, cond ir.Value, only bool, in *Inst, ops *opList) error {
	dfg := &c.F.DFG
	orig := cond
	cond = truthOf(c, cond)
	only = only && usedOnceDownTo(c, orig, cond)
	if i := c.PureDef(cond); i != ir.NoInst && dfg.Insts[i].Opcode == ir.OpIcmp {
		args := dfg.Args(i)
		// Rule: (icmp eq|ne (extend (icmp cc a b)) 0) is the inner
		// compare, inverted for eq — wasm's eqz of a comparison.
		if cc := dfg.Insts[i].IntCC(); cc == ir.IntEQ || cc == ir.IntNE {
			if k, ok := constOf(c, args[1]); ok && k == 0 {
				if j := c.PureDef(truthOf(c, args[0])); j != ir.NoInst && dfg.Insts[j].Opcode == ir.OpIcmp {
					err := condOfUse(c, args[0], only && c.UseCount(cond) == 1, in, ops)
					if err == nil && cc == ir.IntEQ {
						in.CC ^= 1 // x86 condition codes pair up: cc^1 is the inverse
					}
					return err
				}
			}
		}
		// Rule: a compare whose second operand is a load used only here
		// compares against memory (the bounds check against the VM
		// context's length word).
		if only {
			if cmpMemOperands(c, cond, args[0], args[1], dfg.Insts[i].IntCC(), in, ops) {
				return nil
			}
		}
		if cmpOperands(c, args[0], args[1], dfg.Insts[i].IntCC(), in, ops) {
			return nil
		}
	}
	if i := c.PureDef(cond); i != ir.NoInst && dfg.Insts[i].Opcode == ir.OpIcmp && dfg.ValueType(dfg.Args(i)[0]) == ir.I128 {
		// An i128 compare materializes its boolean first.
		b := c.NewVReg(regalloc.Int)
		args := dfg.Args(i)
		(&backend{}).cmp128(c, args[0], args[1], dfg.Insts[i].IntCC(), b)
		*in = Inst{Size: asm.Size32, CC: asm.CondNE, HasImm: true}
		ops.add(regalloc.Use(b))
		return nil
	}
	if dfg.ValueType(cond) == ir.I128 {
		// Nonzero test of both halves: lo | hi.
		lo, hi := pairUse(c, cond)
		t := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opAluRR, Alu: asm.Or, Size: asm.Size64}, regalloc.Use(lo), regalloc.Use(hi), regalloc.ReuseDef(t, 0))
		*in = Inst{Size: asm.Size64, CC: asm.CondNE, HasImm: true}
		ops.add(regalloc.Use(t))
		return nil
	}
	sz, ok := sizeOf(dfg.ValueType(cond))
	if !ok {
		return unsupported(c, "condition of type "+dfg.ValueType(cond).String())
	}
	*in = Inst{Size: sz, CC: asm.CondNE, HasImm: true}
	ops.add(use(c, cond))
	return nil
}

// cmpMemOperands matches a cc (load p) where the icmp cmpv is used once and
// the 32- or 64-bit notrap load is sinkable: `cmp a, [p]`. Like condOf, it
// sets *in and appends to ops, which must be empty.
func cmpMemOperands(c *ctx, cmpv, a, b ir.Value, cc ir.IntCC, in *Inst, ops *opList) bool {
	dfg := &c.F.DFG
	t := dfg.ValueType(a)
	sz, ok := sizeOf(t)
	if !ok || sz < asm.Size32 || c.UseCount(cmpv) != 1 {
		return false
	}
	l := c.SinkableLoad(b)
	// Only notrap loads: Inst.Trap of the compare's users (trapnz) is
	// their own trap code, so the folded load could carry no record.
	if l == ir.NoInst || dfg.Insts[l].Opcode != ir.OpLoad || dfg.ValueType(b) != t || !dfg.Insts[l].Flags.NoTrap() {
		return false
	}
	c.Sink(l)
	d := &dfg.Insts[l]
	// The address registers are requested before a's, which goes first
	// in the list: the vreg numbering (and so the allocation) follows
	// request order.
	ops.n = 1
	m := amodeOf(c, dfg.Args(l)[0], int64(d.Offset()), ops)
	ops.ops[0] = use(c, a)
	*in = Inst{Size: sz, CC: intCC[cc], Mem: m, MemAt: 1}
	return true
}

// LowerArgs defines the parameters: register ones by one fixed-def
// instruction, stack ones by loads from the caller's frame.
func (be *backend) LowerArgs(c *ctx, params []regalloc.VReg) error {
	locs, _, err := be.locsOf(0, be.abi, c.F.Signature.Params, false)
	if err != nil {
		return err
	}
	ops := be.s.ops[:0]
	for i, l := range locs {
		if l.stack < 0 {
			ops = append(ops, regalloc.FixedDef(params[i], l.reg))
		}
	}
	be.s.ops = ops
	emit(c, Inst{Op: opArgs}, ops...)
	for i, l := range locs {
		if l.stack >= 0 {
			emit(c, Inst{Op: opLoadArg, Size: asm.Size64, Signed: params[i].Class() == regalloc.Float, Mem: amode{kind: amFP, disp: 16 + l.stack}}, regalloc.Def(params[i]))
		}
	}
	return nil
}

// Jump implements lower.Backend. Its target, like every branch's, is its
// block's successor in the VCode.
func (be *backend) Jump(target lower.Block) Inst {
	return Inst{Op: opJmp}
}

// LowerBranch lowers brif (with compare fusion) and br_table.
func (be *backend) LowerBranch(c *ctx, i ir.Inst, targets []lower.Block) error {
	dfg := &c.F.DFG
	d := &dfg.Insts[i]
	switch d.Opcode {
	case ir.OpBrif:
		cond := truthOf(c, dfg.Args(i)[0])
		// Rule: brif (fcmp cc a b) → ucomis + jcc pair.
		if j := c.PureDef(cond); j != ir.NoInst && dfg.Insts[j].Opcode == ir.OpFcmp {
			args := dfg.Args(j)
			emit(c, Inst{Op: opFcmpBr, Size: floatSize(dfg.ValueType(args[0])), FCC: dfg.Insts[j].Code},
				use(c, args[0]), use(c, args[1]))
			return nil
		}
		var in Inst
		var ops opList
		if err := condOf(c, cond, &in, &ops); err != nil {
			return err
		}
		in.Op = opCmpBr
		emit(c, in, ops.list()...)
		return nil
	case ir.OpBrTable:
		idx := dfg.Args(i)[0]
		if len(targets) == 1 {
			// Only a default: a jump (a one-successor branch has no operands).
			emit(c, be.Jump(targets[0]))
			return nil
		}
		if dfg.ValueType(idx) != ir.I32 && dfg.ValueType(idx) != ir.I64 {
			return unsupported(c, "br_table index of type "+dfg.ValueType(idx).String())
		}
		// The index is copied (zero-extended) into a register the branch
		// may overwrite: it dies there, and a branch may not define vregs.
		sz, _ := sizeOf(dfg.ValueType(idx))
		t := c.NewVReg(regalloc.Int)
		emit(c, Inst{Op: opExtend, Size: asm.Size64, Size2: sz}, use(c, idx), regalloc.Def(t))
		emit(c, Inst{Op: opBrTable, Size: asm.Size64}, regalloc.Use(t))
		return nil
	}
	return unsupported(c, d.Opcode.String())
}

func floatSize(t ir.Type) asm.Size {
	if t == ir.F32 {
		return asm.Size32
	}
	return asm.Size64
}
