package wasm

import (
	"testing"
)

func TestOperatorImmediates(t *testing.T) {
	v128 := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	code := cat(
		op(0x02, 0x7f),    // block (result i32)
		op(0x02), sleb(3), // block (type 3)
		op(0x0e), vec(uleb(0), uleb(1), uleb(300)), uleb(2), // br_table 0 1 300 2
		i32c(-5),
		i64c(1<<40),
		op(0x43, 0, 0, 0x80, 0x3f), // f32.const 1
		op(0x28), memarg(2, 16),    // i32.load offset=16
		op(0x28), uleb(0x42), uleb(3), uleb(8), // i32.load memory 3 offset=8 align=4
		prefixed(0xfd, 12, v128),                      // v128.const
		prefixed(0xfd, 0x55, memarg(1, 0), []byte{7}), // v128.load16_lane 7
		prefixed(0xfd, 0x1b, []byte{3}),               // i32x4.extract_lane 3
		op(0x11), uleb(5), uleb(1),                    // call_indirect type 5 table 1
		op(0x1c), vec(tI64), // select (result i64)
		op(0xd0), sleb(-0x11), // ref.null extern
		prefixed(0xfc, 8, uleb(4), uleb(0)),                          // memory.init 4 0
		prefixed(0xfc, 14, uleb(1), uleb(2)),                         // table.copy 1 2
		prefixed(0xfb, 2, uleb(6), uleb(1)),                          // struct.get 6 1
		prefixed(0xfb, 24, []byte{1}, uleb(2), sleb(-0x12), uleb(9)), // br_on_cast 2 (ref null any) (ref 9)
		op(0x1f, 0x40), vec(cat([]byte{0}, uleb(1), uleb(2)), cat([]byte{3}, uleb(0))), // try_table catch 1 2 catch_all_ref 0
		prefixed(0xfe, 3, []byte{0}), // atomic.fence
		op(end),
	)
	or := NewOperatorReader(code, 100)
	read := func(want Opcode) Operator {
		t.Helper()
		o, err := or.Next()
		if err != nil {
			t.Fatalf("reading %v: %v", want, err)
		}
		if o.Op != want {
			t.Fatalf("got %v, want %v", o.Op, want)
		}
		first := byte(want)
		if want.Prefix() != 0 {
			first = want.Prefix()
		}
		if o.Offset < 100 || code[o.Offset-100] != first {
			t.Errorf("%v: offset %d", want, o.Offset)
		}
		return o
	}
	if o := read(OpBlock); !o.Block.HasResult || o.Block.Result != I32 || o.Block.Index != -1 {
		t.Errorf("block type %+v", o.Block)
	}
	if o := read(OpBlock); o.Block.Index != 3 {
		t.Errorf("block type %+v", o.Block)
	}
	o := read(OpBrTable)
	var targets []uint32
	it := o.Targets.Iter()
	for l, ok := it.Next(); ok; l, ok = it.Next() {
		targets = append(targets, l)
	}
	if len(targets) != 3 || targets[2] != 300 || o.Targets.Default != 2 {
		t.Errorf("br_table %v default %d", targets, o.Targets.Default)
	}
	if o := read(OpI32Const); o.I32() != -5 {
		t.Errorf("i32.const %d", o.I32())
	}
	if o := read(OpI64Const); o.I64() != 1<<40 {
		t.Errorf("i64.const %d", o.I64())
	}
	if o := read(OpF32Const); o.Imm != 0x3f800000 {
		t.Errorf("f32.const %#x", o.Imm)
	}
	if o := read(OpI32Load); o.Mem != (MemArg{Align: 2, Offset: 16}) {
		t.Errorf("memarg %+v", o.Mem)
	}
	if o := read(OpI32Load); o.Mem != (MemArg{Align: 2, Offset: 8, Memory: 3}) {
		t.Errorf("multi-memory memarg %+v", o.Mem)
	}
	if o := read(OpV128Const); o.V128[0] != 1 || o.V128[15] != 16 {
		t.Errorf("v128 %v", o.V128)
	}
	if o := read(OpV128Load16Lane); o.Lane != 7 || o.Mem.Align != 1 {
		t.Errorf("load lane %+v", o)
	}
	if o := read(OpI32x4ExtractLane); o.Lane != 3 {
		t.Errorf("lane %d", o.Lane)
	}
	if o := read(OpCallIndirect); o.Index != 5 || o.Index2 != 1 {
		t.Errorf("call_indirect %d %d", o.Index, o.Index2)
	}
	if o := read(OpSelectT); o.Index != 1 || o.Type != I64 {
		t.Errorf("select %d %v", o.Index, o.Type)
	}
	if o := read(OpRefNull); o.Heap != HeapExtern {
		t.Errorf("ref.null %v", o.Heap)
	}
	if o := read(OpMemoryInit); o.Index != 4 || o.Index2 != 0 {
		t.Errorf("memory.init %d %d", o.Index, o.Index2)
	}
	if o := read(OpTableCopy); o.Index != 1 || o.Index2 != 2 {
		t.Errorf("table.copy %d %d", o.Index, o.Index2)
	}
	if o := read(OpStructGet); o.Index != 6 || o.Index2 != 1 {
		t.Errorf("struct.get %d %d", o.Index, o.Index2)
	}
	if o := read(OpBrOnCast); o.Flags != 1 || o.Index != 2 || o.Heap != HeapAny || o.Heap2 != 9 {
		t.Errorf("br_on_cast %+v", o)
	}
	o = read(OpTryTable)
	var catches []Catch
	ci := o.Catches.Iter()
	for c, ok := ci.Next(); ok; c, ok = ci.Next() {
		catches = append(catches, c)
	}
	if len(catches) != 2 || catches[0] != (Catch{Kind: CatchTag, Tag: 1, Label: 2}) || catches[1] != (Catch{Kind: CatchAllRef, Label: 0}) {
		t.Errorf("catches %+v", catches)
	}
	read(OpAtomicFence)
	read(OpEnd)
	if !or.Done() {
		t.Error("bytes left")
	}
}

func TestOperatorString(t *testing.T) {
	code := cat(
		i32c(-5),
		op(0x0e), vec(uleb(0), uleb(1)), uleb(2),
		op(0x28), memarg(0, 16),
		op(0x02, 0x7f),
		op(0x1f, 0x40), vec(cat([]byte{0}, uleb(1), uleb(2)), cat([]byte{2}, uleb(0))),
		prefixed(0xfb, 24, []byte{1}, uleb(2), sleb(-0x12), uleb(9)),
		op(0x44), []byte{0, 0, 0, 0, 0, 0, 0xf8, 0x3f},
	)
	want := []string{
		"i32.const -5",
		"br_table 0 1 2",
		"i32.load offset=16 align=1",
		"block (result i32)",
		"try_table (catch 1 2) (catch_all 0)",
		"br_on_cast 2 anyref (ref 9)",
		"f64.const 1.5",
	}
	or := NewOperatorReader(code, 0)
	for _, w := range want {
		o, err := or.Next()
		if err != nil {
			t.Fatal(err)
		}
		if got := o.String(); got != w {
			t.Errorf("got %q, want %q", got, w)
		}
	}
}

func TestOperatorReaderFeatures(t *testing.T) {
	or := NewOperatorReaderFeatures(prefixed(0xfd, 0x100), 0, Features2_0)
	if _, err := or.Next(); err == nil {
		t.Error("relaxed SIMD accepted under 2.0")
	}
}

func TestOperatorReaderAllocs(t *testing.T) {
	code := cat(op(0x02, 0x40), op(0x0e), vec(uleb(0), uleb(1)), uleb(0), i32c(1), prefixed(0xfd, 12, make([]byte, 16)),
		op(0x1f, 0x40), vec(cat([]byte{2}, uleb(0))), op(end), op(end))
	var o Operator
	or := NewOperatorReader(code, 0)
	allocs := testing.AllocsPerRun(100, func() {
		or.reset(code, 0, FeaturesAll)
		for !or.Done() {
			if err := or.Read(&o); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per body", allocs)
	}
}

// TestOpcodeTable checks the generated table against itself: names are
// unique, and every row's constant maps back to its row.
func TestOpcodeTable(t *testing.T) {
	seen := map[string]Opcode{}
	count := 0
	for _, prefix := range []uint32{0, 0xfb, 0xfc, 0xfd, 0xfe} {
		for sub := uint32(0); sub < 0x200; sub++ {
			op := Opcode(prefix<<16 | sub)
			if prefix == 0 && sub > 0xff {
				break
			}
			name := op.Name()
			if name == "" {
				continue
			}
			count++
			if prev, dup := seen[name]; dup {
				t.Errorf("%s is both %#x and %#x", name, prev, op)
			}
			seen[name] = op
		}
	}
	if OpI32Add.Name() != "i32.add" || OpI8x16Shuffle != 0xfd000d || OpMemoryAtomicNotify.Name() != "memory.atomic.notify" {
		t.Error("spot checks")
	}
	// 571 operators: 2.0 core, SIMD, relaxed SIMD, tail calls, typed
	// function references, GC, exceptions (both forms) and threads.
	if count != 571 {
		t.Errorf("%d operators in the table", count)
	}
}
