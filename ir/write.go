package ir

import (
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
)

// String prints f in CLIF text exactly as Cranelift does.
func (f *Function) String() string {
	var b strings.Builder
	f.write(&b)
	return b.String()
}

// WriteTo writes f in CLIF text.
func (f *Function) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, f.String())
	return int64(n), err
}

// FormatImm64 writes an Imm64 as Cranelift does: decimal below 10000
// (negative numbers included), otherwise hex in groups of four digits.
func FormatImm64(x int64) string {
	if x < 10000 {
		return strconv.FormatInt(x, 10)
	}
	return formatHexGroups(uint64(x))
}

func formatHexGroups(x uint64) string {
	pos := (63 - bits.LeadingZeros64(x|1)) &^ 15
	var b strings.Builder
	fmt.Fprintf(&b, "0x%04x", (x>>pos)&0xffff)
	for pos > 0 {
		pos -= 16
		fmt.Fprintf(&b, "_%04x", (x>>pos)&0xffff)
	}
	return b.String()
}

// formatOffset32 writes a memory offset: nothing for 0, else signed.
func formatOffset32(off int32) string {
	if off == 0 {
		return ""
	}
	sign := "+"
	v := int64(off)
	if v < 0 {
		sign, v = "-", -v
	}
	if v < 10000 {
		return sign + strconv.FormatInt(v, 10)
	}
	return sign + formatHexGroups(uint64(v))
}

// formatConstantBytes writes little-endian bytes as one big-endian hex number.
func formatConstantBytes(b []byte) string {
	var s strings.Builder
	s.WriteString("0x")
	for i := len(b) - 1; i >= 0; i-- {
		fmt.Fprintf(&s, "%02x", b[i])
	}
	return s.String()
}

func (gv GlobalValueData) format() string {
	switch gv.Kind {
	case GVVMContext:
		return "vmctx"
	case GVLoad:
		return "load." + gv.Type.String() + gv.Flags.String() + " " + gv.Base.String() + formatOffset32(int32(gv.Offset))
	case GVIAddImm:
		return "iadd_imm." + gv.Type.String() + " " + gv.Base.String() + ", " + FormatImm64(gv.Offset)
	case GVSymbol:
		s := "symbol "
		if gv.Colocated {
			s += "colocated "
		}
		if gv.TLS {
			s += "tls "
		}
		s += gv.Name.String()
		if gv.Offset > 0 {
			s += "+" + FormatImm64(gv.Offset)
		} else if gv.Offset < 0 {
			s += FormatImm64(gv.Offset)
		}
		return s
	case GVDynScaleTargetConst:
		return "dyn_scale_target_const." + gv.Type.String()
	}
	return "?"
}

type writer struct {
	f       *Function
	b       *strings.Builder
	aliases map[Value][]Value
	indent  int
	// seen marks values defined earlier in the block being printed.
	seen []bool
}

func (f *Function) write(b *strings.Builder) {
	w := &writer{f: f, b: b, indent: 4, seen: make([]bool, len(f.DFG.values))}
	if f.DFG.srcLocs != nil {
		for _, l := range f.DFG.srcLocs {
			if l != NoSourceLoc {
				w.indent = 36
				break
			}
		}
	}
	for v, vd := range f.DFG.values {
		if vd.kind == DefAlias {
			if w.aliases == nil {
				w.aliases = map[Value][]Value{}
			}
			w.aliases[Value(vd.def)] = append(w.aliases[Value(vd.def)], Value(v))
		}
	}
	fmt.Fprintf(b, "function %s%s {\n", f.Name, f.Signature.String())
	any := w.preamble()
	for blk := range f.Layout.Blocks() {
		if any {
			b.WriteByte('\n')
		}
		any = true
		w.block(blk)
	}
	b.WriteString("}\n")
}

func (w *writer) decl(format string, args ...any) {
	w.b.WriteString("    ")
	fmt.Fprintf(w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w *writer) preamble() bool {
	f := w.f
	n := 0
	for i, ss := range f.StackSlots {
		if ss.Kind == SlotNone {
			continue
		}
		s := "explicit_slot " + strconv.FormatUint(uint64(ss.Size), 10)
		if ss.AlignLog2 != 0 {
			s += ", align = " + strconv.FormatUint(1<<ss.AlignLog2, 10)
		}
		if ss.HasKey {
			s += ", key = " + strconv.FormatUint(ss.Key, 10)
		}
		w.decl("%s = %s", StackSlot(i), s)
		n++
	}
	for i, gv := range f.GlobalValues {
		if gv.Kind != GVNone {
			w.decl("%s = %s", GlobalValue(i), gv.format())
			n++
		}
	}
	for i, dt := range f.DynamicTypes {
		if dt.Base != Invalid {
			w.decl("dt%d = %s*%s", i, dt.Base, dt.Scale)
			n++
		}
	}
	for i, ds := range f.DynamicStackSlots {
		if ds.Type != Invalid {
			w.decl("%s = explicit_dynamic_slot %s", DynamicStackSlot(i), w.typeName(ds.Type))
			n++
		}
	}
	for i, r := range f.AliasRegions {
		if r.Declared {
			w.decl("%s = %d \"%s\"", AliasRegion(i), r.UserID, r.Description)
			n++
		}
	}
	for i, sig := range f.Signatures {
		if sig.CallConv != CallConvUnset {
			w.decl("%s = %s", SigRef(i), sig)
			n++
		}
	}
	for i, ef := range f.ExtFuncs {
		if ef.Name.Kind == NameNone {
			continue
		}
		s := ""
		if ef.Colocated {
			s += "colocated "
		}
		if ef.Patchable {
			s += "patchable "
		}
		w.decl("%s = %s%s %s", FuncRef(i), s, ef.Name, ef.Sig)
		n++
	}
	for i, c := range f.Constants {
		if c != nil {
			w.decl("%s = %s", Constant(i), formatConstantBytes(c))
			n++
		}
	}
	if f.StackLimit != NoGlobalValue {
		w.decl("stack_limit = %s", f.StackLimit)
		n++
	}
	return n > 0
}

// typeName spells t, naming a dynamic type by its dtN declaration.
func (w *writer) typeName(t Type) string {
	if t.IsDynamic() {
		for i, dt := range w.f.DynamicTypes {
			if dt.Base != Invalid && dt.Base.Dynamic() == t {
				return "dt" + strconv.Itoa(i)
			}
		}
	}
	return t.String()
}

func (w *writer) valueAliases(v Value) {
	for _, a := range w.aliases[v] {
		fmt.Fprintf(w.b, "%s%s -> %s\n", strings.Repeat(" ", w.indent), a, v)
		w.valueAliases(a)
	}
}

func (w *writer) block(blk Block) {
	f := w.f
	b := w.b
	b.WriteString(blk.String())
	params := f.DFG.BlockParams(blk)
	if len(params) > 0 {
		b.WriteByte('(')
		for i, p := range params {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%s: %s", p, w.typeName(f.DFG.ValueType(p)))
		}
		b.WriteByte(')')
	}
	if f.Layout.IsCold(blk) {
		b.WriteString(" cold")
	}
	b.WriteString(":\n")
	clear(w.seen)
	for _, p := range params {
		w.seen[p] = true
		w.valueAliases(p)
	}
	for inst := range f.Layout.BlockInsts(blk) {
		w.inst(inst)
		for _, r := range f.DFG.Results(inst) {
			w.seen[r] = true
		}
	}
}

// typeSuffix returns the `.T` to print after the opcode, following
// Cranelift: always for CtrlSuffix opcodes; for CtrlOperand opcodes only
// when the designated operand is not defined in the instruction's block.
// Unlike Cranelift, an operand defined later in the same block (invalid
// SSA, but printable) also gets the suffix so the text parses again.
func (w *writer) typeSuffix(inst Inst) string {
	f := w.f
	info := f.DFG.Insts[inst].Opcode.Info()
	switch info.Ctrl {
	case CtrlNone:
		return ""
	case CtrlOperand:
		args := f.DFG.Args(inst)
		if int(info.CtrlArg) < len(args) {
			a := f.DFG.ResolveAliases(args[info.CtrlArg])
			if a >= 0 && int(a) < len(w.seen) && w.seen[a] {
				return ""
			}
		}
	}
	t := f.CtrlTypevar(inst)
	if t == Invalid {
		return ""
	}
	return "." + w.typeName(t)
}

func (w *writer) inst(inst Inst) {
	f := w.f
	b := w.b
	var prefix strings.Builder
	if tags := f.DFG.DebugTags(inst); len(tags) > 0 {
		prefix.WriteByte('<')
		for i, t := range tags {
			if i > 0 {
				prefix.WriteString(", ")
			}
			if t.IsSlot {
				prefix.WriteString(StackSlot(t.Value).String())
			} else {
				prefix.WriteString(strconv.FormatUint(uint64(t.Value), 10))
			}
		}
		prefix.WriteString("> ")
	}
	if loc := f.DFG.SrcLoc(inst); loc != NoSourceLoc {
		fmt.Fprintf(&prefix, "@%04x ", uint32(loc))
	}
	fmt.Fprintf(b, "%-*s", w.indent, prefix.String())
	if rs := f.DFG.Results(inst); len(rs) > 0 {
		for i, r := range rs {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(r.String())
		}
		b.WriteString(" = ")
	}
	d := &f.DFG.Insts[inst]
	b.WriteString(d.Opcode.String())
	b.WriteString(w.typeSuffix(inst))
	w.operands(inst, d)
	w.constantAnnotations(inst)
	b.WriteByte('\n')
	for _, r := range f.DFG.Results(inst) {
		w.valueAliases(r)
	}
}

func (w *writer) valueList(vs []Value) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.String()
	}
	return strings.Join(parts, ", ")
}

func (w *writer) blockCall(bc BlockCall) string {
	args := w.f.DFG.List(bc.Args)
	if len(args) == 0 {
		return bc.Block.String()
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = BlockArg(a).String()
	}
	return bc.Block.String() + "(" + strings.Join(parts, ", ") + ")"
}

func (w *writer) exceptionTable(et *ExceptionTableData) string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s, %s, [", et.Sig, w.blockCall(et.Normal))
	for i, h := range et.Handlers {
		if i == 0 {
			s.WriteByte(' ')
		} else {
			s.WriteString(", ")
		}
		switch h.Tag {
		case TagDefault:
			s.WriteString("default: " + w.blockCall(h.Dest))
		case TagContext:
			s.WriteString("context " + h.Context.String())
		default:
			fmt.Fprintf(&s, "tag%d: %s", h.Tag, w.blockCall(h.Dest))
		}
	}
	if len(et.Handlers) > 0 {
		s.WriteByte(' ')
	}
	s.WriteByte(']')
	return s.String()
}

func (w *writer) operands(inst Inst, d *InstData) {
	f := w.f
	b := w.b
	args := f.DFG.Args(inst)
	arg := func(i int) string {
		if i < len(args) {
			return args[i].String()
		}
		return "v?"
	}
	switch d.Format() {
	case FmtNullary:
		b.WriteByte(' ') // Cranelift's printer leaves this trailing space
	case FmtUnary:
		b.WriteString(" " + arg(0))
	case FmtBinary:
		b.WriteString(" " + arg(0) + ", " + arg(1))
	case FmtTernary:
		b.WriteString(" " + arg(0) + ", " + arg(1) + ", " + arg(2))
	case FmtUnaryImm:
		b.WriteString(" " + FormatImm64(d.Imm))
	case FmtUnaryIeee:
		b.WriteString(" " + FormatIeee(d.Opcode.Info().Fixed.Bits(), uint64(d.Imm), 0))
	case FmtUnaryConst:
		if d.Opcode == OpF128const {
			dv := DataFromBytes(F128, f.ConstantData(d.Constant()))
			b.WriteString(" " + FormatIeee(128, dv.Lo, dv.Hi))
		} else {
			b.WriteString(" " + d.Constant().String())
		}
	case FmtUnaryGlobalValue:
		b.WriteString(" " + d.GlobalValue().String())
	case FmtBinaryImm8:
		fmt.Fprintf(b, " %s, %d", arg(0), d.Code)
	case FmtTernaryImm8:
		fmt.Fprintf(b, " %s, %s, %d", arg(0), arg(1), d.Code)
	case FmtShuffle:
		var mask []byte
		if c := d.Constant(); c >= 0 && int(c) < len(f.Immediates) {
			mask = f.Immediates[c]
		}
		fmt.Fprintf(b, " %s, %s, %s", arg(0), arg(1), formatConstantBytes(mask))
	case FmtIntCompare:
		fmt.Fprintf(b, " %s %s, %s", d.IntCC(), arg(0), arg(1))
	case FmtFloatCompare:
		fmt.Fprintf(b, " %s %s, %s", d.FloatCC(), arg(0), arg(1))
	case FmtJump:
		b.WriteString(" " + w.blockCall(f.DFG.calls[d.Entity]))
	case FmtBrif:
		fmt.Fprintf(b, " %s, %s, %s", arg(0), w.blockCall(f.DFG.calls[d.Entity]), w.blockCall(f.DFG.calls[d.Entity+1]))
	case FmtBranchTable:
		jt := &f.DFG.JumpTables[d.Entity]
		targets := make([]string, len(jt.Targets))
		for i, t := range jt.Targets {
			targets[i] = w.blockCall(t)
		}
		fmt.Fprintf(b, " %s, %s, [%s]", arg(0), w.blockCall(jt.Default), strings.Join(targets, ", "))
	case FmtCall:
		fmt.Fprintf(b, " %s(%s)", d.FuncRef(), w.valueList(args))
		w.stackMap(inst)
	case FmtCallIndirect:
		fmt.Fprintf(b, " %s, %s(%s)", d.SigRef(), arg(0), w.valueList(args[min(1, len(args)):]))
		w.stackMap(inst)
	case FmtFuncAddr:
		b.WriteString(" " + d.FuncRef().String())
	case FmtTryCall:
		fmt.Fprintf(b, " %s(%s), %s", d.FuncRef(), w.valueList(args), w.exceptionTable(&f.DFG.ExceptionTables[d.Entity]))
	case FmtTryCallIndirect:
		fmt.Fprintf(b, " %s(%s), %s", arg(0), w.valueList(args[min(1, len(args)):]), w.exceptionTable(&f.DFG.ExceptionTables[d.Entity]))
	case FmtMultiAry:
		if len(args) > 0 {
			b.WriteString(" " + w.valueList(args))
		}
	case FmtLoad:
		fmt.Fprintf(b, "%s %s%s", d.Flags, arg(0), formatOffset32(d.Offset()))
	case FmtLoadNoOffset:
		fmt.Fprintf(b, "%s %s", d.Flags, arg(0))
	case FmtStore:
		fmt.Fprintf(b, "%s %s, %s%s", d.Flags, arg(0), arg(1), formatOffset32(d.Offset()))
	case FmtStoreNoOffset:
		fmt.Fprintf(b, "%s %s, %s", d.Flags, arg(0), arg(1))
	case FmtStackAddr:
		fmt.Fprintf(b, " %s%s", d.StackSlot(), formatOffset32(d.Offset()))
	case FmtAtomicRmw:
		fmt.Fprintf(b, "%s %s %s, %s", d.Flags, d.AtomicOp(), arg(0), arg(1))
	case FmtAtomicCas:
		fmt.Fprintf(b, "%s %s, %s, %s", d.Flags, arg(0), arg(1), arg(2))
	case FmtTrap:
		b.WriteString(" " + d.TrapCode().String())
	case FmtCondTrap:
		fmt.Fprintf(b, " %s, %s", arg(0), d.TrapCode())
	case FmtIntAddTrap:
		fmt.Fprintf(b, " %s, %s, %s", arg(0), arg(1), d.TrapCode())
	case FmtExceptionHandlerAddress:
		fmt.Fprintf(b, " %s, %d", d.HandlerBlock(), d.Imm)
	case FmtDynamicStackLoad:
		b.WriteString(" " + d.DynamicStackSlot().String())
	case FmtDynamicStackStore:
		fmt.Fprintf(b, " %s, %s", arg(0), d.DynamicStackSlot())
	}
}

func (w *writer) stackMap(inst Inst) {
	entries := w.f.DFG.StackMap(inst)
	if len(entries) == 0 {
		return
	}
	parts := make([]string, len(entries))
	for i, e := range entries {
		parts[i] = fmt.Sprintf("%s @ %s+%d", w.typeName(e.Type), e.Slot, e.Offset)
	}
	w.b.WriteString(", stack_map=[" + strings.Join(parts, ", ") + "]")
}

// InstValues lists every value an instruction reads: its arguments and
// the plain-value arguments of its branch targets.
func (f *Function) InstValues(inst Inst) []Value {
	vs := append([]Value(nil), f.DFG.Args(inst)...)
	if f.DFG.Insts[inst].Opcode.IsBranch() {
		for _, bc := range f.DFG.BlockCalls(inst) {
			for _, a := range f.DFG.List(bc.Args) {
				if BlockArg(a).Kind() == ArgValue {
					vs = append(vs, a)
				}
			}
		}
	}
	return vs
}

// constantAnnotations writes `  ; v2 = 1, v3 = const0` for arguments
// defined by constant instructions, as Cranelift's printer does.
func (w *writer) constantAnnotations(inst Inst) {
	f := w.f
	sep := "  ; "
	for _, v := range f.InstValues(inst) {
		def := f.DFG.Def(v)
		if def.Kind != DefResult {
			continue
		}
		src := &f.DFG.Insts[def.Inst]
		var s string
		switch src.Format() {
		case FmtUnaryImm:
			s = FormatImm64(src.ImmSigned())
		case FmtUnaryIeee:
			s = FormatIeee(src.Opcode.Info().Fixed.Bits(), uint64(src.Imm), 0)
		case FmtUnaryConst:
			if src.Opcode == OpF128const {
				dv := DataFromBytes(F128, f.ConstantData(src.Constant()))
				s = FormatIeee(128, dv.Lo, dv.Hi)
			} else {
				s = src.Constant().String()
			}
		default:
			continue
		}
		fmt.Fprintf(w.b, "%s%s = %s", sep, v, s)
		sep = ", "
	}
}
