package wat

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"kiln/ir/wasm"
)

// The printer writes a decoded module back as text, for diagnostics. It
// prints flat instructions, one per line, indented by block depth, and
// indices rather than names (binaries carry no $ids unless a name section
// is present). The output parses back to the same binary for modules this
// package encoded: every implicit type is printed as an explicit one at its
// index, and every type use prints "(type N)" with its signature.

// PrintBinary decodes a module binary and returns its text.
func PrintBinary(bin []byte) (string, error) {
	m, err := wasm.Decode(bin, wasm.FeaturesAll)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := Print(&b, m); err != nil {
		return "", err
	}
	return b.String(), nil
}

// opNames maps an opcode (prefix<<16 | code) to its text-table row.
var opNames map[wasm.Opcode]*opInfo

func opByCode(op wasm.Opcode) *opInfo {
	if opNames == nil {
		opNames = make(map[wasm.Opcode]*opInfo, len(opTable))
		for _, info := range opTable {
			opNames[wasm.Opcode(uint32(info.prefix)<<16|info.code)] = info
		}
	}
	return opNames[op]
}

type printer struct {
	w   io.Writer
	m   *wasm.Module
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// Print writes m as a text module.
func Print(w io.Writer, m *wasm.Module) error {
	p := &printer{w: w, m: m}
	p.printf("(module")
	if m.Names != nil && m.Names.Module != "" {
		p.printf(" $%s", quote([]byte(m.Names.Module)))
	}
	p.printf("\n")
	p.types()
	for _, imp := range m.Imports {
		p.printf("  (import %s %s ", quote([]byte(imp.Module)), quote([]byte(imp.Name)))
		switch imp.Kind {
		case wasm.ExternFunc:
			p.printf("(func %s)", p.typeUse(imp.TypeIndex))
		case wasm.ExternTable:
			p.printf("(table %s)", tableText(imp.Table))
		case wasm.ExternMemory:
			p.printf("(memory %s)", memText(imp.Memory))
		case wasm.ExternGlobal:
			p.printf("(global %s)", globalText(imp.Global))
		case wasm.ExternTag:
			p.printf("(tag %s)", p.typeUse(imp.TypeIndex))
		}
		p.printf(")\n")
	}
	for _, t := range m.Tables {
		p.printf("  (table %s", tableText(t.Type))
		if t.HasInit {
			p.printf(" %s", p.constExpr(t.Init))
		}
		p.printf(")\n")
	}
	for _, mt := range m.Memories {
		p.printf("  (memory %s)\n", memText(mt))
	}
	for _, t := range m.Tags {
		p.printf("  (tag %s)\n", p.typeUse(t.TypeIndex))
	}
	for _, g := range m.Globals {
		p.printf("  (global %s %s)\n", globalText(g.Type), p.constExpr(g.Init))
	}
	for _, e := range m.Exports {
		p.printf("  (export %s (%s %d))\n", quote([]byte(e.Name)), e.Kind, e.Index)
	}
	if m.HasStart {
		p.printf("  (start %d)\n", m.Start)
	}
	for _, e := range m.Elems {
		p.elem(e)
	}
	for i, c := range m.Code {
		if i < len(m.Funcs) {
			p.function(uint32(m.NumImportedFuncs+i), m.Funcs[i], c)
		}
	}
	for _, d := range m.Datas {
		p.printf("  (data")
		switch d.Mode {
		case wasm.SegmentActive:
			p.printf(" (memory %d) (offset %s)", d.Memory, p.constExpr(d.OffsetExpr))
		}
		p.printf(" %s)\n", quote(d.Init))
	}
	p.printf(")\n")
	return p.err
}

func (p *printer) types() {
	m := p.m
	for _, g := range m.RecGroups {
		indent := "  "
		if g.Len != 1 {
			p.printf("  (rec\n")
			indent = "    "
		}
		for i := g.Start; i < g.Start+g.Len; i++ {
			p.printf("%s(type %s)\n", indent, p.subType(m.Types[i]))
		}
		if g.Len != 1 {
			p.printf("  )\n")
		}
	}
}

func (p *printer) subType(t wasm.SubType) string {
	var comp string
	switch t.Kind {
	case wasm.CompFunc:
		comp = "(func" + sigText(t.Params, t.Results) + ")"
	case wasm.CompStruct:
		var b strings.Builder
		b.WriteString("(struct")
		for _, f := range t.Fields {
			b.WriteString(" (field " + fieldText(f) + ")")
		}
		comp = b.String() + ")"
	case wasm.CompArray:
		comp = "(array " + fieldText(t.Fields[0]) + ")"
	}
	if t.Final && t.Super < 0 {
		return comp
	}
	s := "(sub "
	if t.Final {
		s += "final "
	}
	if t.Super >= 0 {
		s += strconv.Itoa(int(t.Super)) + " "
	}
	return s + comp + ")"
}

func sigText(params, results []wasm.ValType) string {
	var b strings.Builder
	if len(params) > 0 {
		b.WriteString(" (param")
		for _, t := range params {
			b.WriteString(" " + vtText(t))
		}
		b.WriteString(")")
	}
	if len(results) > 0 {
		b.WriteString(" (result")
		for _, t := range results {
			b.WriteString(" " + vtText(t))
		}
		b.WriteString(")")
	}
	return b.String()
}

// typeUse prints "(type N)" followed by the signature, so the text both
// names the index and reads on its own.
func (p *printer) typeUse(idx uint32) string {
	s := fmt.Sprintf("(type %d)", idx)
	if int(idx) < len(p.m.Types) && p.m.Types[idx].Kind == wasm.CompFunc {
		t := p.m.Types[idx]
		s += sigText(t.Params, t.Results)
	}
	return s
}

var heapNames = map[wasm.HeapType]string{
	wasm.HeapNoExn: "noexn", wasm.HeapNoFunc: "nofunc", wasm.HeapNoExtern: "noextern", wasm.HeapNone: "none",
	wasm.HeapFunc: "func", wasm.HeapExtern: "extern", wasm.HeapAny: "any", wasm.HeapEq: "eq", wasm.HeapI31: "i31",
	wasm.HeapStruct: "struct", wasm.HeapArray: "array", wasm.HeapExn: "exn",
}

// shorthandText names the nullable abstract reference types.
var shorthandText = map[wasm.HeapType]string{}

func init() {
	for name, code := range refShorthands {
		shorthandText[wasm.HeapType(int32(code)-0x80)] = name
	}
}

func heapTypeText(h wasm.HeapType) string {
	if h >= 0 {
		return strconv.Itoa(int(h))
	}
	if s, ok := heapNames[h]; ok {
		return s
	}
	return fmt.Sprintf("heap(%d)", int32(h))
}

func vtText(t wasm.ValType) string {
	if t.Kind != wasm.KindRef {
		return t.String()
	}
	if t.Nullable {
		if short, ok := shorthandText[t.Heap]; ok {
			return short
		}
		return "(ref null " + heapTypeText(t.Heap) + ")"
	}
	return "(ref " + heapTypeText(t.Heap) + ")"
}

func fieldText(f wasm.FieldType) string {
	if f.Mutable {
		return "(mut " + vtText(f.Type) + ")"
	}
	return vtText(f.Type)
}

func limitsText(l wasm.Limits) string {
	if l.HasMax {
		return fmt.Sprintf("%d %d", l.Min, l.Max)
	}
	return strconv.FormatUint(l.Min, 10)
}

func tableText(t wasm.TableType) string {
	s := ""
	if t.Table64 {
		s = "i64 "
	}
	return s + limitsText(t.Limits) + " " + vtText(t.Elem)
}

func memText(t wasm.MemoryType) string {
	s := ""
	if t.Memory64 {
		s = "i64 "
	}
	s += limitsText(t.Limits)
	if t.Shared {
		s += " shared"
	}
	return s
}

func globalText(g wasm.GlobalType) string {
	if g.Mutable {
		return "(mut " + vtText(g.Type) + ")"
	}
	return vtText(g.Type)
}

// quote prints bytes as a string literal, escaping everything but
// printable ASCII.
func quote(b []byte) string {
	var s strings.Builder
	s.WriteByte('"')
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			s.WriteByte(c)
		} else {
			fmt.Fprintf(&s, "\\%02x", c)
		}
	}
	s.WriteByte('"')
	return s.String()
}

// constExpr prints a constant expression on one line.
func (p *printer) constExpr(e wasm.ConstExpr) string {
	var b strings.Builder
	code := e.Bytes
	if n := len(code); n > 0 && code[n-1] == 0x0b {
		code = code[:n-1]
	}
	r := wasm.NewOperatorReader(code, e.Offset)
	for !r.Done() {
		op, err := r.Next()
		if err != nil {
			p.err = err
			return ""
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.instr(&op))
	}
	return b.String()
}

func (p *printer) elem(e wasm.Elem) {
	p.printf("  (elem")
	switch e.Mode {
	case wasm.SegmentActive:
		p.printf(" (table %d) (offset %s)", e.Table, p.constExpr(e.OffsetExpr))
	case wasm.SegmentDeclarative:
		p.printf(" declare")
	}
	if !e.UsesExprs {
		p.printf(" func")
		for _, f := range e.FuncIndices {
			p.printf(" %d", f)
		}
	} else {
		p.printf(" %s", vtText(e.Type))
		for _, x := range e.Exprs {
			p.printf(" (item %s)", p.constExpr(x))
		}
	}
	p.printf(")\n")
}

// maxPrintedLocals bounds the locals of one declaration group that are
// spelled out; larger groups are summarised in a comment.
const maxPrintedLocals = 4096

// function prints function idx. Names from a name section appear as
// comments: they need not be unique or valid $ids, and indices stay the
// reference form.
func (p *printer) function(idx, typeIdx uint32, c wasm.Code) {
	p.printf("  (func")
	if n := p.m.Names; n != nil && n.Funcs[idx] != "" {
		p.printf(" (; $%s ;)", n.Funcs[idx])
	}
	p.printf(" %s\n", p.typeUse(typeIdx))
	for _, l := range c.Locals {
		if l.Count == 0 {
			continue
		}
		if l.Count > maxPrintedLocals {
			// The text format has no repetition count; do not let a
			// few bytes of binary expand into gigabytes of text.
			p.printf("    ;; %d locals of type %s\n", l.Count, vtText(l.Type))
			continue
		}
		p.printf("    (local")
		for i := uint32(0); i < l.Count; i++ {
			p.printf(" %s", vtText(l.Type))
		}
		p.printf(")\n")
	}
	code := c.Expr
	if n := len(code); n > 0 && code[n-1] == 0x0b {
		code = code[:n-1] // the function's own end
	}
	r := wasm.NewOperatorReader(code, c.ExprOffset)
	depth := 2
	var op wasm.Operator
	for !r.Done() {
		if err := r.Read(&op); err != nil {
			p.err = err
			return
		}
		switch op.Op {
		case wasm.OpEnd, wasm.OpElse, wasm.OpCatch, wasm.OpCatchAll, wasm.OpDelegate:
			if depth > 2 {
				depth--
			}
		}
		p.printf("%s%s\n", strings.Repeat("  ", depth), p.instr(&op))
		switch op.Op {
		case wasm.OpBlock, wasm.OpLoop, wasm.OpIf, wasm.OpTry, wasm.OpTryTable, wasm.OpElse, wasm.OpCatch, wasm.OpCatchAll:
			depth++
		}
	}
	p.printf("  )\n")
}

func (p *printer) blockTypeText(bt wasm.BlockType) string {
	switch {
	case bt.Index >= 0:
		return " " + p.typeUse(uint32(bt.Index))
	case bt.HasResult:
		return " (result " + vtText(bt.Result) + ")"
	}
	return ""
}

func memarg(ma wasm.MemArg, natural uint8) string {
	s := ""
	if ma.Memory != 0 {
		s += fmt.Sprintf(" %d", ma.Memory)
	}
	if ma.Offset != 0 {
		s += fmt.Sprintf(" offset=%d", ma.Offset)
	}
	if ma.Align != uint32(natural) {
		s += fmt.Sprintf(" align=%d", uint64(1)<<ma.Align)
	}
	return s
}

// floatText prints float bits exactly: hex floats, inf, nan:0x payloads.
func floatText(bits uint64, width int) string {
	var sign string
	var expAll, payload uint64
	if width == 32 {
		if bits&(1<<31) != 0 {
			sign = "-"
		}
		expAll, payload = bits>>23&0xff, bits&0x7fffff
		if expAll == 0xff {
			if payload == 0 {
				return sign + "inf"
			}
			return fmt.Sprintf("%snan:0x%x", sign, payload)
		}
		return strconv.FormatFloat(float64(math.Float32frombits(uint32(bits))), 'x', -1, 32)
	}
	if bits&(1<<63) != 0 {
		sign = "-"
	}
	expAll, payload = bits>>52&0x7ff, bits&(1<<52-1)
	if expAll == 0x7ff {
		if payload == 0 {
			return sign + "inf"
		}
		return fmt.Sprintf("%snan:0x%x", sign, payload)
	}
	return strconv.FormatFloat(math.Float64frombits(bits), 'x', -1, 64)
}

// instr prints one instruction with its immediates.
func (p *printer) instr(op *wasm.Operator) string {
	switch op.Op {
	case wasm.OpEnd:
		return "end"
	case wasm.OpElse:
		return "else"
	case wasm.OpCatch:
		return fmt.Sprintf("catch %d", op.Index)
	case wasm.OpCatchAll:
		return "catch_all"
	case wasm.OpDelegate:
		return fmt.Sprintf("delegate %d", op.Index)
	case wasm.OpSelect:
		return "select"
	case wasm.OpSelectT:
		return "select (result " + vtText(op.Type) + ")"
	}
	info := opByCode(op.Op)
	if info == nil {
		if n := op.Op.Name(); n != "" {
			// Opcodes the text table spells differently (ref.test null).
			switch op.Op {
			case 0xfb0015:
				return "ref.test (ref null " + heapTypeText(op.Heap) + ")"
			case 0xfb0017:
				return "ref.cast (ref null " + heapTypeText(op.Heap) + ")"
			}
			return n
		}
		return fmt.Sprintf("unknown_op_%#x", uint32(op.Op))
	}
	s := info.name
	switch info.imm {
	case immBlock, immTry:
		s += p.blockTypeText(op.Block)
	case immTryTable:
		var b strings.Builder
		b.WriteString(s + p.blockTypeText(op.Block))
		it := op.Catches.Iter()
		for c, ok := it.Next(); ok; c, ok = it.Next() {
			switch c.Kind {
			case wasm.CatchTag:
				fmt.Fprintf(&b, " (catch %d %d)", c.Tag, c.Label)
			case wasm.CatchTagRef:
				fmt.Fprintf(&b, " (catch_ref %d %d)", c.Tag, c.Label)
			case wasm.CatchAll:
				fmt.Fprintf(&b, " (catch_all %d)", c.Label)
			case wasm.CatchAllRef:
				fmt.Fprintf(&b, " (catch_all_ref %d)", c.Label)
			}
		}
		s = b.String()
	case immLabel, immRethrow, immFunc, immType, immLocal, immGlobal, immTable, immElem, immMem, immData, immTag:
		s += fmt.Sprintf(" %d", op.Index)
	case immBrTable:
		// A builder: tables can have millions of targets.
		var b strings.Builder
		b.WriteString(s)
		it := op.Targets.Iter()
		for l, ok := it.Next(); ok; l, ok = it.Next() {
			b.WriteByte(' ')
			b.WriteString(strconv.FormatUint(uint64(l), 10))
		}
		b.WriteByte(' ')
		b.WriteString(strconv.FormatUint(uint64(op.Targets.Default), 10))
		s = b.String()
	case immCallIndirect:
		s += fmt.Sprintf(" %d %s", op.Index2, p.typeUse(op.Index))
	case immTableCopy, immMemCopy, immField, immTypeN, immTypeData, immTypeElem, immTypeType:
		s += fmt.Sprintf(" %d %d", op.Index, op.Index2)
	case immTableInit, immMemInit:
		s += fmt.Sprintf(" %d %d", op.Index2, op.Index)
	case immMemarg:
		s += memarg(op.Mem, info.align)
	case immMemargLane:
		s += memarg(op.Mem, info.align) + fmt.Sprintf(" %d", op.Lane)
	case immI32:
		s += fmt.Sprintf(" %d", op.I32())
	case immI64:
		s += fmt.Sprintf(" %d", op.I64())
	case immF32:
		s += " " + floatText(op.Imm, 32)
	case immF64:
		s += " " + floatText(op.Imm, 64)
	case immV128:
		s += " i32x4"
		for i := 0; i < 16; i += 4 {
			v := uint32(op.V128[i]) | uint32(op.V128[i+1])<<8 | uint32(op.V128[i+2])<<16 | uint32(op.V128[i+3])<<24
			s += fmt.Sprintf(" 0x%08x", v)
		}
	case immShuffle:
		for _, l := range op.V128 {
			s += fmt.Sprintf(" %d", l)
		}
	case immLane:
		s += fmt.Sprintf(" %d", op.Lane)
	case immHeapType:
		s += " " + heapTypeText(op.Heap)
	case immRefTest:
		s += " (ref " + heapTypeText(op.Heap) + ")"
	case immBrOnCast:
		r1, r2 := "(ref ", "(ref "
		if op.Flags&1 != 0 {
			r1 = "(ref null "
		}
		if op.Flags&2 != 0 {
			r2 = "(ref null "
		}
		s += fmt.Sprintf(" %d %s%s) %s%s)", op.Index, r1, heapTypeText(op.Heap), r2, heapTypeText(op.Heap2))
	}
	return s
}
