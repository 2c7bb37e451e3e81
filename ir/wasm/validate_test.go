package wasm

import (
	"strings"
	"testing"
)

// fn is shorthand for a module with one function [params] -> [results]
// and the given body.
func fn(params, results [][]byte, code ...[]byte) []byte {
	return oneFunc(params, results, nil, code...)
}

// withMem is a module with a memory (flags byte memFlags, min 1) and one
// [] -> [] function.
func withMem(memType []byte, code ...[]byte) []byte {
	return module(typeSec(ft()()), funcSec(0), memorySec(memType), codeSec(body(nil, code...)))
}

func TestValidateValid(t *testing.T) {
	tests := []struct {
		name string
		bin  []byte
	}{
		{"empty module", module()},
		{"add", fn(list(tI32, tI32), list(tI32), localGet(0), localGet(1), op(i32Add))},
		{"block result", fn(nil, list(tI32), op(0x02, 0x7f), i32c(1), op(end))},
		{"multi-value block", module(typeSec(ft(tI32)(tI32, tI32), ft()(tI32)), funcSec(1),
			codeSec(body(nil, i32c(1), op(0x02, 0), i32c(2), op(end), op(i32Add))))},
		{"unreachable polymorphism", fn(nil, list(tI32), op(0x00), op(i32Add))},
		{"br_table", fn(list(tI32), list(tI32), op(0x02, 0x7f), i32c(7), localGet(0), op(0x0e, 1, 0, 0), op(end))},
		{"if else", fn(list(tI32), list(tI64), localGet(0), op(0x04, 0x7e), i64c(1), op(0x05), i64c(2), op(end))},
		{"loop br_if", fn(nil, nil, op(0x03, 0x40), i32c(0), op(0x0d, 0), op(end))},
		{"select", fn(nil, list(tF64), f64c(), f64c(), i32c(1), op(0x1b))},
		{"typed select ref", fn(nil, list(tFuncRef), op(0xd0, 0x70), op(0xd0, 0x70), i32c(1), op(0x1c, 1, 0x70))},
		{"memory ops", withMem(mem(1), i32c(0), op(0x28, 2, 0), i32c(0), op(0x36, 2, 4), i32c(1), op(0x40, 0), op(drop))},
		{"memory64 ops", withMem([]byte{0x04, 1}, i64c(0), op(0x29, 3, 0), op(drop), op(0x3f, 0), op(drop))},
		{"simd", withMem(mem(1), i32c(0), prefixed(0xfd, 0, memarg(4, 0)), prefixed(0xfd, 0x15, []byte{15}), op(drop))},
		{"v128 const shuffle", fn(nil, list(tV128), prefixed(0xfd, 12, make([]byte, 16)), prefixed(0xfd, 12, make([]byte, 16)), prefixed(0xfd, 13, make([]byte, 16)))},
		{"relaxed simd", fn(nil, list(tV128), prefixed(0xfd, 12, make([]byte, 16)), prefixed(0xfd, 12, make([]byte, 16)), prefixed(0xfd, 12, make([]byte, 16)), prefixed(0xfd, 0x105))},
		{"atomics", withMem([]byte{0x03, 1, 1}, i32c(0), i32c(1), prefixed(0xfe, 0x1e, memarg(2, 0)), op(drop), prefixed(0xfe, 3, []byte{0}))},
		{"sat conv and sign ext", fn(list(tF32), list(tI32), localGet(0), prefixed(0xfc, 0), op(0xc0))},
		{"bulk memory", module(typeSec(ft()()), funcSec(0), memorySec(mem(1)), dataCountSec(1),
			codeSec(body(nil, i32c(0), i32c(0), i32c(0), prefixed(0xfc, 8, uleb(0), uleb(0)), prefixed(0xfc, 9, uleb(0)),
				i32c(0), i32c(0), i32c(0), prefixed(0xfc, 10, uleb(0), uleb(0)))),
			dataSec(cat(uleb(1), str("x"))))},
		{"ref.func declared by export", module(typeSec(ft()()), funcSec(0), exportSec(export("f", ExternFunc, 0)),
			codeSec(body(nil, refFunc(0), op(drop))))},
		{"ref.func declared by elem", module(typeSec(ft()()), funcSec(0), elemSec(cat(uleb(3), []byte{0}, vec(uleb(0)))),
			codeSec(body(nil, refFunc(0), op(drop))))},
		{"tail call", module(typeSec(ft()(tI32)), funcSec(0, 0), codeSec(body(nil, op(0x12, 1)), body(nil, i32c(0))))},
		{"call_ref", module(typeSec(ft()()), funcSec(0), elemSec(cat(uleb(3), []byte{0}, vec(uleb(0)))),
			codeSec(body(nil, refFunc(0), op(0x14, 0))))},
		{"non-defaultable local set then get", module(typeSec(ft()()), funcSec(0), elemSec(cat(uleb(3), []byte{0}, vec(uleb(0)))),
			codeSec(body(list(local(1, refT(false, 0))), refFunc(0), localSet(0), localGet(0), op(drop))))},
		{"exceptions", module(typeSec(ft(tI32)()), funcSec(0), tagSec(cat([]byte{0}, uleb(0))),
			codeSec(body(nil, op(0x02, 0x7f), op(0x1f, 0x40), vec(cat([]byte{0}, uleb(0), uleb(0))), localGet(0), op(0x08, 0), op(end), i32c(0), op(end), op(drop))))},
		{"legacy exceptions", module(typeSec(ft(tI32)()), funcSec(0), tagSec(cat([]byte{0}, uleb(0))),
			codeSec(body(nil, op(0x06, 0x40), localGet(0), op(0x08, 0), op(0x07, 0), op(drop), op(0x09, 0), op(0x19), op(end))))},
		{"gc struct", module(typeSec(structType(field(tI32, true), field([]byte{0x78}, false)), ft()(tI32)), funcSec(1),
			codeSec(body(nil, i32c(1), i32c(2), prefixed(0xfb, 0, uleb(0)), prefixed(0xfb, 3, uleb(0), uleb(1)))))},
		{"gc array and casts", module(typeSec(arrayType(field(tI64, true)), ft()(tI32)), funcSec(1),
			codeSec(body(nil, i64c(0), i32c(4), prefixed(0xfb, 6, uleb(0)), prefixed(0xfb, 20, sleb(-0x16)))))},
		{"i31", fn(nil, list(tI32), i32c(5), prefixed(0xfb, 28), prefixed(0xfb, 29))},
		{"br_on_cast", module(typeSec(structType(), ft(refT(true, -0x12))(refT(true, -0x12))), funcSec(1),
			codeSec(body(nil, op(0x02, 0x63), sleb(-0x12), localGet(0), prefixed(0xfb, 24, []byte{3}, uleb(0), sleb(-0x12), sleb(0)), op(end))))},
		{"extended const global", module(globalSec(global(tI32, false, i32c(1), i32c(2), op(i32Add))))},
		{"global.get of earlier immutable global", module(globalSec(global(tI32, false, i32c(1)), global(tI32, false, globalGet(0))))},
		{"many locals", oneFunc(nil, list(tI64), list(local(2000, tI32), local(5, tI64)), localGet(10), op(drop), localGet(2003))},
		{"table with init", module(typeSec(ft()()), funcSec(0), tableSec(cat([]byte{0x40, 0}, table(refT(false, 0), 1), refFunc(0), []byte{end})), codeSec(body(nil)))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeAndValidate(tc.bin, FeaturesAll); err != nil {
				t.Fatal(err)
			}
		})
	}
}

type invalidCase struct {
	name     string
	bin      []byte
	features Features // 0 means FeaturesAll
	want     string
}

func invalidCases() []invalidCase {
	twoMem := module(memorySec(mem(1), mem(1)))
	return []invalidCase{
		{"i32.add on i64", fn(nil, list(tI32), i64c(1), i32c(1), op(i32Add)), 0, "type mismatch: instruction requires [i32 i32] but stack has [i64 i32]"},
		{"empty stack", fn(nil, nil, op(i32Add), op(drop)), 0, msgTypeMismatch},
		{"missing result", fn(nil, list(tI32)), 0, "type mismatch: instruction requires [i32] but stack has []"},
		{"extra value at end", fn(nil, nil, i32c(1)), 0, "type mismatch: block requires [] but stack has [i32]"},
		{"block result wrong", fn(nil, list(tI32), op(0x02, 0x7f), i64c(1), op(end)), 0, msgTypeMismatch},
		{"if without else", fn(list(tI32), list(tI32), localGet(0), op(0x04, 0x7f), i32c(1), op(end)), 0, msgTypeMismatch},
		{"unknown local", fn(nil, nil, localGet(0), op(drop)), 0, "unknown local 0"},
		{"many locals, index past the last", oneFunc(nil, nil, list(local(2000, tI32), local(5, tI64)), localGet(2005), op(drop)), 0, "unknown local 2005"},
		{"many locals, wrong type", oneFunc(nil, list(tI32), list(local(2000, tI32), local(5, tI64)), localGet(2004)), 0, msgTypeMismatch},
		// Index 256 is 0x80 0x02: the validator's one-byte fast path for
		// locals must not read 0x80 as local 128 (an i32).
		{"two-byte local index", oneFunc(nil, nil, list(local(200, tI32), local(100, tI64)), localGet(256), op(0x45), op(drop)), 0, msgTypeMismatch},
		{"two-byte local.set index", oneFunc(nil, nil, list(local(200, tI32), local(100, tI64)), i32c(0), localSet(256)), 0, msgTypeMismatch},
		{"unknown global", fn(nil, nil, globalGet(3), op(drop)), 0, "unknown global 3"},
		{"unknown function", fn(nil, nil, call(7)), 0, "unknown function 7"},
		{"unknown type", module(typeSec(), funcSec(0), codeSec(body(nil))), 0, "unknown type 0"},
		{"unknown label", fn(nil, nil, op(0x0c, 1)), 0, "unknown label"},
		{"unknown memory", fn(nil, nil, i32c(0), op(0x28, 2, 0), op(drop)), 0, "unknown memory 0"},
		{"unknown memory 1", withMem(mem(1), i32c(0), op(0x28, 0x42, 1, 0), op(drop)), 0, "unknown memory 1"},
		{"unknown table", fn(nil, nil, op(0x11, 0, 0)), 0, "unknown table 0"},
		{"unknown data segment", module(typeSec(ft()()), funcSec(0), dataCountSec(0), codeSec(body(nil, prefixed(0xfc, 9, uleb(1))))), 0, "unknown data segment 1"},
		{"unknown elem segment", fn(nil, nil, prefixed(0xfc, 13, uleb(4))), 0, "unknown elem segment 4"},
		{"unknown tag", fn(nil, nil, op(0x08, 0)), 0, "unknown tag 0"},
		{"alignment", withMem(mem(1), i32c(0), op(0x28, 3, 0), op(drop)), 0, msgAlignTooLarge},
		{"atomic alignment", withMem([]byte{0x03, 1, 1}, i32c(0), prefixed(0xfe, 0x10, memarg(1, 0)), op(drop)), 0, msgAlignNotNatural},
		{"lane index", fn(nil, list(tI32), prefixed(0xfd, 12, make([]byte, 16)), prefixed(0xfd, 0x1b, []byte{4})), 0, "invalid lane index"},
		{"select arity", fn(nil, nil, i32c(0), i32c(0), i32c(0), op(0x1c, 0), op(drop)), 0, msgInvalidResultArity},
		{"select on refs", fn(nil, nil, op(0xd0, 0x70), op(0xd0, 0x70), i32c(0), op(0x1b), op(drop)), 0, msgTypeMismatch},
		{"global immutable", module(typeSec(ft()()), funcSec(0), globalSec(global(tI32, false, i32c(0))), codeSec(body(nil, i32c(1), opIdx(0x24, 0)))), 0, msgGlobalImmutable},
		{"const expr required", module(globalSec(global(tI32, false, i32c(1), op(0x45)))), 0, msgConstExprRequired},
		{"extended const disabled", module(globalSec(global(tI32, false, i32c(1), i32c(2), op(i32Add)))), Features2_0, msgConstExprRequired},
		{"const expr mutable global", module(importSec(cat(str("m"), str("g"), []byte{3}, field(tI32, true))), globalSec(global(tI32, false, globalGet(0)))), 0, msgConstExprRequired},
		{"const expr later global", module(globalSec(global(tI32, false, globalGet(1)), global(tI32, false, i32c(0)))), 0, "unknown global 1"},
		{"const expr type", module(globalSec(global(tI32, false, i64c(0)))), 0, msgTypeMismatch},
		{"duplicate export", module(memorySec(mem(1)), exportSec(export("a", ExternMemory, 0), export("a", ExternMemory, 0))), 0, msgDuplicateExport},
		{"export unknown", module(exportSec(export("a", ExternGlobal, 0))), 0, "unknown global 0"},
		{"multiple memories", twoMem, Features2_0, msgMultipleMemories},
		{"multiple tables", module(tableSec(table(tFuncRef, 0), table(tFuncRef, 0))), SignExt, msgMultipleTables},
		{"memory size", module(memorySec(mem(65537))), 0, "memory size must be at most 65536 pages (4GiB)"},
		{"min greater than max", module(memorySec(mem(2, 1))), 0, "size minimum must not be greater than maximum"},
		{"shared needs max", module(memorySec([]byte{0x02, 1})), 0, "shared memory must have maximum"},
		{"start type", module(typeSec(ft(tI32)()), funcSec(0), startSec(0), codeSec(body(nil))), 0, "start function"},
		{"start unknown", module(startSec(0)), 0, "unknown function 0"},
		{"data count required", module(typeSec(ft()()), funcSec(0), memorySec(mem(1)), codeSec(body(nil, prefixed(0xfc, 9, uleb(0)))), dataSec(cat(uleb(1), str("")))), 0, msgDataCountRequired},
		{"undeclared function reference", fn(nil, nil, refFunc(0), op(drop)), 0, msgUndeclaredFuncRef},
		{"uninitialized local", module(typeSec(ft()()), funcSec(0), codeSec(body(list(local(1, refT(false, 0))), localGet(0), op(drop)))), 0, "uninitialized local"},
		{"local init reset at block end", module(typeSec(ft()()), funcSec(0), elemSec(cat(uleb(3), []byte{0}, vec(uleb(0)))),
			codeSec(body(list(local(1, refT(false, 0))), op(0x02, 0x40), refFunc(0), localSet(0), op(end), localGet(0), op(drop)))), 0, "uninitialized local"},
		{"tag result", module(typeSec(ft()(tI32)), tagSec(cat([]byte{0}, uleb(0)))), 0, "non-empty tag result type"},
		{"throw operand", module(typeSec(ft(tI32)()), funcSec(0), tagSec(cat([]byte{0}, uleb(0))), codeSec(body(nil, i64c(5), op(0x08, 0)))), 0, "type mismatch: instruction requires [i32] but stack has [i64]"},
		{"rethrow label", module(typeSec(ft()()), funcSec(0), codeSec(body(nil, op(0x06, 0x40), op(0x09, 0), op(end)))), 0, "invalid rethrow label"},
		{"catch block extra", module(typeSec(ft()()), funcSec(0), tagSec(cat([]byte{0}, uleb(0))), codeSec(body(nil, op(0x06, 0x40), op(0x07, 0), i32c(42), op(end)))), 0, "type mismatch: block requires [] but stack has [i32]"},
		{"sub type of final", module(typeSec(sub(true, nil, structType()), sub(true, []uint32{0}, structType()))), 0, "sub type"},
		{"sub type mismatch", module(typeSec(sub(false, nil, structType(field(tI32, false))), sub(true, []uint32{0}, structType(field(tI64, false))))), 0, "sub type"},
		{"subtype depth", module(typeSec(func() [][]byte {
			ts := [][]byte{sub(false, nil, structType())}
			for i := 1; i <= 64; i++ {
				ts = append(ts, sub(false, []uint32{uint32(i - 1)}, structType()))
			}
			return ts
		}()...)), 0, "implementation limit"},
		{"forward type ref", module(typeSec(ft(refT(true, 1))(), ft()())), 0, "unknown type 1"},
		{"immutable field", module(typeSec(structType(field(tI32, false))), funcSec(1), codeSec()), 0, msgFuncCodeLengths},
		{"struct.set immutable", module(typeSec(structType(field(tI32, false)), ft(refT(true, 0))()), funcSec(1),
			codeSec(body(nil, localGet(0), i32c(1), prefixed(0xfb, 5, uleb(0), uleb(0))))), 0, "immutable field"},
		{"array.set immutable", module(typeSec(arrayType(field(tI32, false)), ft(refT(true, 0))()), funcSec(1),
			codeSec(body(nil, localGet(0), i32c(0), i32c(1), prefixed(0xfb, 14, uleb(0))))), 0, "immutable array"},
		{"array.copy types", module(typeSec(arrayType(field(tI32, true)), arrayType(field(tI64, true)), ft(refT(true, 0), refT(true, 1))()), funcSec(2),
			codeSec(body(nil, localGet(0), i32c(0), localGet(1), i32c(0), i32c(0), prefixed(0xfb, 17, uleb(0), uleb(1))))), 0, "array types do not match"},
		{"array.new_data on refs", module(typeSec(arrayType(field(tFuncRef, true)), ft()()), funcSec(1), dataCountSec(0),
			codeSec(body(nil, i32c(0), i32c(0), prefixed(0xfb, 9, uleb(0), uleb(0)), op(drop)))), 0, "array type is not numeric or vector"},
		{"call_indirect on externref table", module(typeSec(ft()()), funcSec(0), tableSec(table(tExtern, 1)), codeSec(body(nil, i32c(0), op(0x11, 0, 0)))), 0, msgTypeMismatch},
		{"tail call result mismatch", module(typeSec(ft()(tI32), ft()(tI64)), funcSec(0, 1), codeSec(body(nil, op(0x12, 1)), body(nil, i64c(0)))), 0, msgTypeMismatch},
		{"br_table arity", fn(list(tI32), nil, op(0x02, 0x40), op(0x02, 0x7f), localGet(0), localGet(0), op(0x0e, 1, 1, 0), op(end), op(drop), op(end)), 0, msgTypeMismatch},
		{"elem type mismatch", module(tableSec(table(tExtern, 1)), elemSec(cat(uleb(0), i32c(0), []byte{end}, vec()))), 0, msgTypeMismatch},
		{"elem offset type", module(typeSec(ft()()), funcSec(0), tableSec(table(tFuncRef, 1)), elemSec(cat(uleb(0), i64c(0), []byte{end}, vec(uleb(0)))), codeSec(body(nil))), 0, msgTypeMismatch},
		{"data unknown memory", module(dataSec(cat(uleb(0), i32c(0), []byte{end}, str("")))), 0, "unknown memory 0"},
		{"memory64 offset type", module(memorySec([]byte{0x04, 1}), dataSec(cat(uleb(0), i32c(0), []byte{end}, str("")))), 0, msgTypeMismatch},
		{"non-nullable table without init", module(typeSec(ft()()), tableSec(table(refT(false, 0), 1))), 0, msgTypeMismatch},
		{"offset out of range", withMem(mem(1), i32c(0), cat([]byte{0x28, 2}, uleb(1<<32)), op(drop)), 0, "offset out of range"},
		{"operand stack limit", module(typeSec(funcType(nil, func() [][]byte {
			var r [][]byte
			for i := 0; i < 1000; i++ {
				r = append(r, tI32)
			}
			return r
		}())), funcSec(0), codeSec(body(nil, func() []byte {
			var b []byte
			for i := 0; i < 1100; i++ {
				b = append(b, call(0)...)
			}
			return cat(b, op(0x00))
		}()))), 0, "implementation limit"},
		{"multi-value disabled", module(typeSec(ft()(tI32, tI32))), SignExt, msgInvalidResultArity},
		{"block type index without multi-value", module(typeSec(ft()()), funcSec(0), codeSec(body(nil, op(0x02, 0), op(end)))), SignExt, msgInvalidResultArity},
		{"simd disabled", fn(nil, nil, prefixed(0xfd, 12, make([]byte, 16)), op(drop)), SignExt, msgIllegalOpcode},
	}
}

func TestValidateInvalid(t *testing.T) {
	for _, tc := range invalidCases() {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.features
			if f == 0 {
				f = FeaturesAll
			}
			_, err := DecodeAndValidate(tc.bin, f)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestErrorNamesFunction(t *testing.T) {
	bin := module(typeSec(ft()()), importSec(importFunc("m", "f", 0)), funcSec(0, 0), codeSec(body(nil), body(nil, op(i32Add))))
	_, err := DecodeAndValidate(bin, FeaturesAll)
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("got %v", err)
	}
	// Function 2: one import, then defined functions 1 and 2.
	if e.Func != 2 || bin[e.Offset] != i32Add {
		t.Errorf("error %v: func %d, offset %#x", e, e.Func, e.Offset)
	}
	if !strings.HasPrefix(e.Error(), "offset 0x") || !strings.Contains(e.Error(), "func 2: type mismatch") {
		t.Errorf("Error() = %q", e.Error())
	}
}
