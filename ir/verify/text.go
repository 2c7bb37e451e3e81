package verify

import (
	"strconv"
	"strings"

	"kiln/ir"
)

// instText renders an instruction for error context in CLIF syntax, as
// Cranelift's display_inst does: results, opcode with its type suffix
// (always for opcodes whose type only the suffix gives), then the operands
// of the instruction's format. It must not fail on malformed input: a
// dangling table reference prints as the bare entity.
//
// TODO: use package ir's printer once it exports a per-instruction form;
// until then this mirrors its operand syntax.
func instText(f *ir.Function, inst ir.Inst) string {
	var b strings.Builder
	if rs := f.DFG.Results(inst); len(rs) > 0 {
		b.WriteString(valueList(rs))
		b.WriteString(" = ")
	}
	d := &f.DFG.Insts[inst]
	b.WriteString(d.Opcode.String())
	if d.Opcode.Info().Ctrl == ir.CtrlSuffix && d.Type != ir.Invalid {
		b.WriteString("." + d.Type.String())
	}
	args := f.DFG.Args(inst)
	arg := func(i int) string {
		if i < len(args) {
			return args[i].String()
		}
		return "v?"
	}
	rest := func(i int) []ir.Value {
		if i < len(args) {
			return args[i:]
		}
		return nil
	}
	w := func(parts ...string) { b.WriteString(strings.Join(parts, "")) }
	switch d.Format() {
	case ir.FmtNullary:
	case ir.FmtUnaryImm:
		w(" ", ir.FormatImm64(d.Imm))
	case ir.FmtUnaryIeee:
		w(" ", ir.FormatIeee(d.Opcode.Info().Fixed.Bits(), uint64(d.Imm), 0))
	case ir.FmtUnaryConst:
		w(" ", d.Constant().String())
	case ir.FmtUnaryGlobalValue:
		w(" ", d.GlobalValue().String())
	case ir.FmtBinaryImm8:
		w(" ", arg(0), ", ", strconv.Itoa(int(d.Code)))
	case ir.FmtTernaryImm8:
		w(" ", arg(0), ", ", arg(1), ", ", strconv.Itoa(int(d.Code)))
	case ir.FmtShuffle:
		w(" ", arg(0), ", ", arg(1), ", ", d.Constant().String())
	case ir.FmtIntCompare:
		w(" ", d.IntCC().String(), " ", arg(0), ", ", arg(1))
	case ir.FmtFloatCompare:
		w(" ", d.FloatCC().String(), " ", arg(0), ", ", arg(1))
	case ir.FmtJump, ir.FmtBrif:
		parts := []string{}
		if len(args) > 0 {
			parts = append(parts, valueList(args))
		}
		for _, bc := range f.DFG.BlockCalls(inst) {
			parts = append(parts, blockCall(f, bc))
		}
		w(" ", strings.Join(parts, ", "))
	case ir.FmtBranchTable:
		if d.Entity < 0 || int(d.Entity) >= len(f.DFG.JumpTables) {
			w(" ", arg(0), ", ", d.JumpTable().String())
			break
		}
		jt := &f.DFG.JumpTables[d.Entity]
		targets := make([]string, len(jt.Targets))
		for i, t := range jt.Targets {
			targets[i] = blockCall(f, t)
		}
		w(" ", arg(0), ", ", blockCall(f, jt.Default), ", [", strings.Join(targets, ", "), "]")
	case ir.FmtCall:
		w(" ", d.FuncRef().String(), "(", valueList(args), ")")
	case ir.FmtCallIndirect:
		w(" ", d.SigRef().String(), ", ", arg(0), "(", valueList(rest(1)), ")")
	case ir.FmtFuncAddr:
		w(" ", d.FuncRef().String())
	case ir.FmtTryCall:
		w(" ", d.FuncRef().String(), "(", valueList(args), "), ", exceptionTable(f, d))
	case ir.FmtTryCallIndirect:
		w(" ", arg(0), "(", valueList(rest(1)), "), ", exceptionTable(f, d))
	case ir.FmtLoad:
		w(d.Flags.String(), " ", arg(0), offset(d.Offset()))
	case ir.FmtLoadNoOffset:
		w(d.Flags.String(), " ", arg(0))
	case ir.FmtStore:
		w(d.Flags.String(), " ", arg(0), ", ", arg(1), offset(d.Offset()))
	case ir.FmtStoreNoOffset:
		w(d.Flags.String(), " ", arg(0), ", ", arg(1))
	case ir.FmtStackAddr:
		w(" ", d.StackSlot().String(), offset(d.Offset()))
	case ir.FmtAtomicRmw:
		w(d.Flags.String(), " ", d.AtomicOp().String(), " ", arg(0), ", ", arg(1))
	case ir.FmtAtomicCas:
		w(d.Flags.String(), " ", arg(0), ", ", arg(1), ", ", arg(2))
	case ir.FmtTrap:
		w(" ", d.TrapCode().String())
	case ir.FmtCondTrap:
		w(" ", arg(0), ", ", d.TrapCode().String())
	case ir.FmtIntAddTrap:
		w(" ", arg(0), ", ", arg(1), ", ", d.TrapCode().String())
	case ir.FmtExceptionHandlerAddress:
		w(" ", d.HandlerBlock().String(), ", ", strconv.FormatInt(d.Imm, 10))
	case ir.FmtDynamicStackLoad:
		w(" ", d.DynamicStackSlot().String())
	case ir.FmtDynamicStackStore:
		w(" ", arg(0), ", ", d.DynamicStackSlot().String())
	default: // unary, binary, ternary, multi-ary
		if len(args) > 0 {
			w(" ", valueList(args))
		}
	}
	return b.String()
}

// offset writes a memory offset as the printer does: nothing for 0,
// otherwise signed, hexadecimal from 10000 up.
func offset(off int32) string {
	switch v := int64(off); {
	case v == 0:
		return ""
	case v > 0:
		return "+" + ir.FormatImm64(v)
	default:
		return "-" + ir.FormatImm64(-v)
	}
}

func exceptionTable(f *ir.Function, d *ir.InstData) string {
	if d.Entity < 0 || int(d.Entity) >= len(f.DFG.ExceptionTables) {
		return d.ExceptionTable().String()
	}
	et := &f.DFG.ExceptionTables[d.Entity]
	parts := make([]string, 0, len(et.Handlers))
	for _, h := range et.Handlers {
		switch h.Tag {
		case ir.TagDefault:
			parts = append(parts, "default: "+blockCall(f, h.Dest))
		case ir.TagContext:
			parts = append(parts, "context "+h.Context.String())
		default:
			parts = append(parts, "tag"+strconv.Itoa(int(h.Tag))+": "+blockCall(f, h.Dest))
		}
	}
	table := "[]"
	if len(parts) > 0 {
		table = "[ " + strings.Join(parts, ", ") + " ]"
	}
	return et.Sig.String() + ", " + blockCall(f, et.Normal) + ", " + table
}

func valueList(vs []ir.Value) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.String()
	}
	return strings.Join(parts, ", ")
}

func blockCall(f *ir.Function, bc ir.BlockCall) string {
	args := f.DFG.BlockCallArgs(bc)
	if len(args) == 0 {
		return bc.Block.String()
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.String()
	}
	return bc.Block.String() + "(" + strings.Join(parts, ", ") + ")"
}
