package verify

import (
	"strconv"
	"strings"

	"kiln/ir"
)

// instText renders an instruction for error messages the way Cranelift's
// display_inst does for the forms the verifier's messages quote (calls in
// particular: "call fn2(v0, v1)"); other forms are abbreviated to the
// results, opcode, type suffix and value arguments.
//
// TODO: use package ir's printer once it exports a per-instruction form.
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
	switch d.Format() {
	case ir.FmtCall:
		b.WriteString(" " + d.FuncRef().String() + "(" + valueList(args) + ")")
	case ir.FmtCallIndirect:
		if len(args) > 0 {
			b.WriteString(" " + d.SigRef().String() + ", " + args[0].String() + "(" + valueList(args[1:]) + ")")
		}
	case ir.FmtTryCall:
		b.WriteString(" " + d.FuncRef().String() + "(" + valueList(args) + "), ...")
	case ir.FmtTryCallIndirect:
		if len(args) > 0 {
			b.WriteString(" " + args[0].String() + "(" + valueList(args[1:]) + "), ...")
		}
	case ir.FmtJump, ir.FmtBrif, ir.FmtBranchTable:
		parts := []string{}
		if len(args) > 0 {
			parts = append(parts, valueList(args))
		}
		for _, bc := range f.DFG.BlockCalls(inst) {
			parts = append(parts, blockCall(f, bc))
		}
		b.WriteString(" " + strings.Join(parts, ", "))
	case ir.FmtBinaryImm8:
		b.WriteString(" " + valueList(args) + ", " + strconv.Itoa(int(d.Code)))
	case ir.FmtTernaryImm8:
		b.WriteString(" " + valueList(args) + ", " + strconv.Itoa(int(d.Code)))
	case ir.FmtUnaryImm:
		b.WriteString(" " + strconv.FormatInt(d.Imm, 10))
	case ir.FmtStackAddr:
		b.WriteString(" " + d.StackSlot().String())
	case ir.FmtUnaryGlobalValue:
		b.WriteString(" " + d.GlobalValue().String())
	case ir.FmtUnaryConst:
		b.WriteString(" " + d.Constant().String())
	default:
		if len(args) > 0 {
			b.WriteString(" " + valueList(args))
		}
	}
	return b.String()
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
