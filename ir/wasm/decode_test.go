package wasm

import (
	"strings"
	"testing"
)

// everySection builds a module using every section and every element and
// data segment form.
func everySection() []byte {
	nameSec := section(secCustom, cat(str("name"),
		cat([]byte{0}, uleb(4), str("mod")),
		func() []byte { c := vec(cat(uleb(1), str("f1"))); return cat([]byte{1}, uleb(uint64(len(c))), c) }(),
		func() []byte {
			c := vec(cat(uleb(1), vec(cat(uleb(0), str("x")))))
			return cat([]byte{2}, uleb(uint64(len(c))), c)
		}(),
	))
	return module(
		section(secCustom, str("first"), []byte{1, 2, 3}),
		typeSec(
			ft(tI32)(tI64),   // 0: [i32] -> [i64]
			ft()(),           // 1: [] -> []
			ft(tI32, tF64)(), // 2: tag type
		),
		importSec(
			importFunc("env", "f", 0),
			cat(str("env"), str("t"), []byte{1}, table(tFuncRef, 1, 10)),
			cat(str("env"), str("m"), []byte{2}, mem(1)),
			cat(str("env"), str("g"), []byte{3}, field(tI32, false)),
			cat(str("env"), str("e"), []byte{4, 0}, uleb(2)),
		),
		funcSec(0, 1),
		tableSec(
			table(tExtern, 0),
			cat([]byte{0x40, 0}, table(refT(true, -0x10), 2), op(0xd0, 0x70), []byte{end}),
		),
		memorySec([]byte{0x05, 1, 2}, []byte{0x03, 1, 4}),
		tagSec(cat([]byte{0}, uleb(2))),
		globalSec(
			global(tI32, true, i32c(42)),
			global(tI64, false, i64c(-1)),
			global(tFuncRef, false, refFunc(1)),
		),
		exportSec(export("f", ExternFunc, 1), export("mem", ExternMemory, 1)),
		startSec(2),
		elemSec(
			cat(uleb(0), i32c(0), []byte{end}, vec(uleb(1))),
			cat(uleb(1), []byte{0}, vec(uleb(1), uleb(2))),
			cat(uleb(2), uleb(0), i32c(1), []byte{end}, []byte{0}, vec(uleb(1))),
			cat(uleb(3), []byte{0}, vec(uleb(2))),
			cat(uleb(4), i32c(2), []byte{end}, vec(cat(refFunc(1), []byte{end}))),
			cat(uleb(5), tFuncRef, vec(cat(op(0xd0, 0x70), []byte{end}))),
			cat(uleb(6), uleb(2), i32c(0), []byte{end}, tFuncRef, vec(cat(refFunc(2), []byte{end}))),
			cat(uleb(7), tFuncRef, vec(cat(refFunc(2), []byte{end}))),
		),
		dataCountSec(3),
		codeSec(
			body(list(local(2, tI32), local(1, tF64)), localGet(0), op(0xac)),
			body(nil),
		),
		dataSec(
			cat(uleb(0), i32c(8), []byte{end}, str("hi")),
			cat(uleb(1), str("passive")),
			cat(uleb(2), uleb(1), i64c(16), []byte{end}, str("m1")),
		),
		nameSec,
	)
}

func TestDecodeEverySection(t *testing.T) {
	bin := everySection()
	m, err := DecodeAndValidate(bin, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("types", len(m.Types), 3)
	check("type 0", typeList(m.Types[0].Params)+typeList(m.Types[0].Results), "[i32][i64]")
	check("imports", len(m.Imports), 5)
	check("imported funcs", m.NumImportedFuncs, 1)
	check("func index space", len(m.FuncTypes), 3)
	check("table index space", len(m.TableTypes), 3)
	check("table 2 elem", m.TableTypes[2].Elem.String(), "funcref")
	check("table 2 has init", m.Tables[1].HasInit, true)
	check("mem index space", len(m.MemTypes), 3)
	check("memory64", m.MemTypes[1].Memory64, true)
	check("memory64 max", m.MemTypes[1].Limits.Max, uint64(2))
	check("shared", m.MemTypes[2].Shared, true)
	check("tags", len(m.TagTypes), 2)
	check("globals", len(m.GlobalTypes), 4)
	check("global 1 init", m.Globals[0].Init.Ops[0].Op, OpI32Const)
	check("global 1 value", int32(m.Globals[0].Init.Ops[0].Imm), int32(42))
	check("global 2 value", int64(m.Globals[1].Init.Ops[0].Imm), int64(-1))
	check("global 3 ref.func", m.Globals[2].Init.Ops[0].Index, uint32(1))
	check("const expr bytes", len(m.Globals[0].Init.Bytes), 3)
	check("exports", len(m.Exports), 2)
	check("start", m.Start, uint32(2))
	check("elems", len(m.Elems), 8)
	modes := ""
	for _, e := range m.Elems {
		modes += string("apd"[e.Mode])
	}
	check("elem modes", modes, "apadapad")
	check("elem 2 table", m.Elems[2].Table, uint32(0))
	check("elem 6 table", m.Elems[6].Table, uint32(2))
	check("elem 0 type", m.Elems[0].Type.String(), "(ref func)")
	check("elem 4 exprs", len(m.Elems[4].Exprs), 1)
	check("datas", len(m.Datas), 3)
	check("data 0", string(m.Datas[0].Init), "hi")
	check("data 1 mode", m.Datas[1].Mode, SegmentPassive)
	check("data 2 memory", m.Datas[2].Memory, uint32(1))
	check("code", len(m.Code), 2)
	check("locals", m.Code[0].NumLocals, uint32(3))
	check("local groups", len(m.Code[0].Locals), 2)
	check("customs", len(m.Customs), 1)
	check("custom name", m.Customs[0].Name, "first")
	if m.Names == nil {
		t.Fatal("no names")
	}
	check("module name", m.Names.Module, "mod")
	check("func name", m.Names.Funcs[1], "f1")
	check("local name", m.Names.Locals[1][0], "x")

	// The body's operators come back with offsets inside the binary.
	c := m.Code[0]
	or := NewOperatorReader(c.Expr, c.ExprOffset)
	var ops []Opcode
	for !or.Done() {
		o, err := or.Next()
		if err != nil {
			t.Fatal(err)
		}
		if bin[o.Offset] != byte(o.Op) {
			t.Errorf("op %v at offset %#x, binary has %#x", o.Op, o.Offset, bin[o.Offset])
		}
		ops = append(ops, o.Op)
	}
	if len(ops) != 3 || ops[0] != OpLocalGet || ops[1] != OpI64ExtendI32S || ops[2] != OpEnd {
		t.Errorf("ops = %v", ops)
	}
}

func TestDecodeGCTypes(t *testing.T) {
	bin := module(typeSec(
		rec(
			sub(false, nil, structType(field(refT(true, 1), true))), // 0: struct {mut (ref null 1)}
			sub(false, nil, arrayType(field([]byte{0x78}, false))),  // 1: array i8
		),
		sub(true, []uint32{0}, structType(field(refT(true, 1), true), field(tI32, false))), // 2 <: 0
		ft(refT(false, 2))(),
	))
	m, err := DecodeAndValidate(bin, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.RecGroups) != 3 || m.RecGroups[0].Len != 2 {
		t.Fatalf("rec groups %v", m.RecGroups)
	}
	if m.Types[2].Super != 0 || !m.Types[2].Final || m.Types[0].Final {
		t.Errorf("sub types: %+v", m.Types[2])
	}
	if k := m.Types[1].Fields[0].Type.Kind; k != KindI8 {
		t.Errorf("array elem kind %v", k)
	}
	if !m.isSubHeap(2, 0) || m.isSubHeap(0, 2) || !m.isSubHeap(2, HeapStruct) || !m.isSubHeap(HeapNone, 2) {
		t.Error("subtyping of concrete struct types")
	}
}

func TestCanonicalTypes(t *testing.T) {
	// Two identical rec groups are the same types; a group differing in
	// finality is not.
	// g is a one-type rec group: a struct whose field refers to the type
	// itself (type index self).
	g := func(final bool, self int64) []byte {
		return rec(sub(final, nil, structType(field(refT(true, self), false))))
	}
	bin := module(typeSec(
		g(true, 0),
		g(true, 1),
		g(false, 2),
		ft()(),
		ft()(),
	))
	m, err := DecodeAndValidate(bin, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	if !m.sameType(0, 1) || m.sameType(0, 2) || !m.sameType(3, 4) {
		t.Errorf("canon = %v", m.canon)
	}
}

func TestDecodeMalformed(t *testing.T) {
	for _, tc := range malformedCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.bin, FeaturesAll)
			if err == nil {
				// Some malformations are only found when bodies
				// are decoded, during validation.
				_, err = DecodeAndValidate(tc.bin, FeaturesAll)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("error type %T", err)
			}
		})
	}
}

type badCase struct {
	name string
	bin  []byte
	want string
}

func malformedCases() []badCase {
	hdr := "\x00asm\x01\x00\x00\x00"
	bodyOf := func(code ...[]byte) []byte { return oneFunc(nil, nil, nil, code...) }
	return []badCase{
		{"empty", nil, msgUnexpectedEnd},
		{"short magic", []byte("\x00as"), msgUnexpectedEnd},
		{"bad magic", []byte("\x00ASM\x01\x00\x00\x00"), msgMagic},
		{"short version", []byte("\x00asm\x01"), msgUnexpectedEnd},
		{"bad version", []byte("\x00asm\x02\x00\x00\x00"), msgVersion},
		{"section id", []byte(hdr + "\x0e\x01\x00"), msgSectionID},
		{"section size beyond end", []byte(hdr + "\x01\x07\x02\x60\x00\x00"), msgLengthBounds},
		{"section size mismatch", []byte(hdr + "\x01\x07\x01\x60\x00\x00\x60\x00\x00"), msgSectionSize},
		{"count beyond section", []byte(hdr + "\x06\x06\x02\x7f\x00\x41\x00\x0b"), msgUnexpectedEndSect},
		{"name beyond section", module(section(secExport, vec(cat(uleb(9), []byte("f"))))), msgLengthBounds},
		{"out of order", module(funcSec(), typeSec()), msgJunkAfterLast},
		{"repeated section", module(typeSec(), typeSec()), msgJunkAfterLast},
		{"custom name utf8", module(section(secCustom, []byte{1, 0xff})), msgUTF8},
		{"import name utf8", module(typeSec(ft()()), importSec(cat(str("m"), []byte{1, 0x80}, []byte{0, 0}))), msgUTF8},
		{"import kind", module(importSec(cat(str("m"), str("n"), []byte{5, 0}))), msgImportKind},
		{"mutability", module(globalSec(cat(tI32, []byte{2}, i32c(0), []byte{end}))), msgMutability},
		{"limits flags", module(memorySec([]byte{0x08, 0})), msgLimitsFlags},
		{"value type", module(typeSec(ft([]byte{0x7a})())), msgValType},
		{"int too large", module(section(secFunction, []byte{1, 0x80, 0x80, 0x80, 0x80, 0x10})), msgIntTooLarge},
		{"int too long", module(section(secFunction, []byte{1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00})), msgIntTooLong},
		{"func without code", module(typeSec(ft()()), funcSec(0)), msgFuncCodeLengths},
		{"code without func", module(typeSec(ft()()), codeSec(body(nil))), msgFuncCodeLengths},
		{"data count mismatch", module(memorySec(mem(1)), dataCountSec(2), dataSec(cat(uleb(1), str("")))), msgDataCountLengths},
		{"too many locals", oneFunc(nil, nil, list(local(0xffffffff, tI32), local(2, tI64))), msgTooManyLocals},
		{"body without end", module(typeSec(ft()()), funcSec(0), codeSec([]byte{2, 0, 0x01})), msgUnexpectedEndSect},
		{"body without end, more follows", module(typeSec(ft()()), funcSec(0), codeSec([]byte{2, 0, 0x01}), dataSec()), msgSectionSize},
		{"body without end, next body follows", module(typeSec(ft()()), funcSec(0, 0),
			codeSec([]byte{4, 0, 0x41, 1, drop}, []byte{5, 0, 0x41, 1, drop, end})), msgEndExpected},
		{"global init without end", module(section(secGlobal, []byte{1, 0x7f, 0, 0x41, 0})), msgUnexpectedEndSect},
		{"illegal opcode", bodyOf(op(0xff)), msgIllegalOpcode},
		{"illegal prefixed opcode", bodyOf(prefixed(0xfc, 0x40)), msgIllegalOpcode},
		{"memop flags", module(typeSec(ft()()), funcSec(0), memorySec(mem(1)), codeSec(body(nil, i32c(0), op(0x28, 0x80, 0x01, 0), op(drop)))), msgMemopFlags},
		{"heap type", bodyOf(op(0xd0, 0x7f), op(drop)), msgRefType},
		{"operators after end", module(typeSec(ft()()), funcSec(0), codeSec([]byte{3, 0, end, 0x01})), msgSectionSize},
		{"data count required", module(typeSec(ft()()), funcSec(0), memorySec(mem(1)), codeSec(body(nil, prefixed(0xfc, 9, uleb(0)))), dataSec(cat(uleb(1), str("")))), msgDataCountRequired},
	}
}

func TestModuleHelpers(t *testing.T) {
	m, err := DecodeAndValidate(everySection(), FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	lt := m.Code[0].LocalTypes(m.FuncType(1).Params, nil)
	if typeList(lt) != "[i32 i32 i32 f64]" {
		t.Errorf("local types %v", lt)
	}
	if p, r := m.BlockSig(BlockType{Index: 0}); typeList(p)+typeList(r) != "[i32][i64]" {
		t.Errorf("block sig of type 0: %v %v", p, r)
	}
	if p, r := m.BlockSig(BlockType{Index: -1, HasResult: true, Result: F32}); len(p) != 0 || typeList(r) != "[f32]" {
		t.Errorf("block sig f32: %v %v", p, r)
	}
	if p, r := m.BlockSig(BlockType{Index: -1}); len(p)+len(r) != 0 {
		t.Errorf("empty block sig: %v %v", p, r)
	}
	if n := testing.AllocsPerRun(10, func() { m.BlockSig(BlockType{Index: -1, HasResult: true, Result: I64}) }); n != 0 {
		t.Errorf("BlockSig allocates %v", n)
	}
}

func TestSameTypeAndMatches(t *testing.T) {
	m, err := Decode(module(typeSec(ft(tI32)(), ft(tI32)(), ft(tI64)())), FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	if !m.SameType(0, 1) || m.SameType(0, 2) || m.SameType(0, 9) {
		t.Error("SameType")
	}
	if !m.Matches(RefOf(0, false), FuncRef) || m.Matches(FuncRef, RefOf(0, true)) || !m.Matches(RefOf(HeapNoFunc, true), RefOf(1, true)) {
		t.Error("Matches")
	}
}
