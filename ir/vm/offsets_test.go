package vm

import (
	"testing"

	"kiln/ir/wasm"
)

// testModule has 2 types, 1 imported + 2 defined functions, 1 imported + 1
// defined memory, 2 tables, 1 imported + 2 defined globals, 3 data and 1
// element segments.
func testModule() *wasm.Module {
	return &wasm.Module{
		Types:               make([]wasm.SubType, 2),
		FuncTypes:           []uint32{0, 1, 0},
		NumImportedFuncs:    1,
		MemTypes:            make([]wasm.MemoryType, 2),
		NumImportedMemories: 1,
		TableTypes:          make([]wasm.TableType, 2),
		GlobalTypes:         make([]wasm.GlobalType, 3),
		NumImportedGlobals:  1,
		Datas:               make([]wasm.Data, 3),
		Elems:               make([]wasm.Elem, 1),
	}
}

// TestOffsetsPinned pins the layout: compiled code and .cwasm files embed
// these numbers, so a change must be deliberate (and bump cwasmVersion).
func TestOffsetsPinned(t *testing.T) {
	o := NewOffsets(testModule(), 8)
	const want = `store_context      0  1 x 8
stack_limit        8  1 x 8
memory0           16  1 x 16
instance          32  1 x 8
stubs             40  19 x 8
memories         192  1 x 16
tables           208  2 x 16
global_ptrs      240  1 x 8
global_slots     256  2 x 16
imported_funcs   288  1 x 16
func_refs        304  3 x 24
type_ids         376  2 x 4
data_dropped     384  3 x 1
elem_dropped     387  1 x 1
size             400
`
	if got := o.String(); got != want {
		t.Errorf("layout changed:\n%s\nwant:\n%s", got, want)
	}
	checks := []struct {
		name      string
		got, want uint32
	}{
		{"MemoryBase(0)", o.MemoryBase(0), 16},
		{"MemoryLength(0)", o.MemoryLength(0), 24},
		{"MemoryBase(1)", o.MemoryBase(1), 192},
		{"MemoryLength(1)", o.MemoryLength(1), 200},
		{"TableBase(1)", o.TableBase(1), 224},
		{"TableLength(1)", o.TableLength(1), 232},
		{"Global(0) imported", o.Global(0), 240},
		{"Global(1)", o.Global(1), 256},
		{"Global(2)", o.Global(2), 272},
		{"ImportedFuncCode(0)", o.ImportedFuncCode(0), 288},
		{"ImportedFuncVMCtx(0)", o.ImportedFuncVMCtx(0), 296},
		{"FuncRef(2)", o.FuncRef(2), 352},
		{"TypeID(1)", o.TypeID(1), 380},
		{"DataDropped(2)", o.DataDropped(2), 386},
		{"ElemDropped(0)", o.ElemDropped(0), 387},
		{"Stub(ExitHostCall)", Stub(ExitHostCall), 40 + 8*3},
		{"Size", o.Size(), 400},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if !o.GlobalIsImported(0) || o.GlobalIsImported(1) {
		t.Errorf("GlobalIsImported wrong")
	}
}

// TestOffsetsDisjoint checks that no two words of the layout overlap and
// that every slot is naturally aligned, over several module shapes.
func TestOffsetsDisjoint(t *testing.T) {
	shapes := []*wasm.Module{{}, testModule()}
	big := testModule()
	big.Types = make([]wasm.SubType, 7)
	big.FuncTypes = make([]uint32, 9)
	big.NumImportedFuncs = 4
	big.MemTypes = make([]wasm.MemoryType, 5)
	big.GlobalTypes = make([]wasm.GlobalType, 6)
	big.NumImportedGlobals = 3
	shapes = append(shapes, big)
	for si, m := range shapes {
		o := NewOffsets(m, 8)
		used := make([]int, o.Size())
		mark := func(what string, off, size, align uint32) {
			if off%align != 0 {
				t.Errorf("shape %d: %s at %d not %d-aligned", si, what, off, align)
			}
			if off+size > o.Size() {
				t.Errorf("shape %d: %s at %d+%d past size %d", si, what, off, size, o.Size())
				return
			}
			for i := off; i < off+size; i++ {
				if used[i] != 0 {
					t.Errorf("shape %d: %s overlaps at byte %d", si, what, i)
					return
				}
				used[i] = 1
			}
		}
		mark("header", 0, uint32(VMHeaderSize), 8)
		for i := uint32(1); i < o.NumMemories; i++ {
			mark("memory", o.MemoryBase(i), 16, 8)
		}
		for i := range o.NumTables {
			mark("table", o.TableBase(i), 16, 8)
		}
		for i := range o.NumGlobals {
			if o.GlobalIsImported(i) {
				mark("global ptr", o.Global(i), 8, 8)
			} else {
				mark("global slot", o.Global(i), GlobalSlotSize, 16)
			}
		}
		for i := range o.NumImportedFuncs {
			mark("import", o.ImportedFuncCode(i), ImportedFuncSize, 8)
		}
		for i := range o.NumFuncs {
			mark("funcref", o.FuncRef(i), FuncRefSize, 8)
		}
		for i := range o.NumTypes {
			mark("type id", o.TypeID(i), 4, 4)
		}
		for i := range o.NumDataSegments {
			mark("data dropped", o.DataDropped(i), 1, 1)
		}
		for i := range o.NumElemSegments {
			mark("elem dropped", o.ElemDropped(i), 1, 1)
		}
		if o.Size()%16 != 0 {
			t.Errorf("shape %d: size %d not 16-aligned", si, o.Size())
		}
	}
}

// TestOffsetsInconsistentModule: a hand-built module whose import counts
// exceed its index spaces still gets a well-formed layout.
func TestOffsetsInconsistentModule(t *testing.T) {
	m := &wasm.Module{NumImportedGlobals: 5, NumImportedFuncs: 3}
	o := NewOffsets(m, 8)
	if o.NumImportedGlobals != 0 || o.NumImportedFuncs != 0 || o.Size() < uint32(VMHeaderSize) {
		t.Errorf("got %+v", o)
	}
}

func TestStoreContextLayout(t *testing.T) {
	words := []int{SCGoSP, SCGoFP, SCWasmSP, SCWasmFP, SCResumePC, SCExitVMCtx, SCExitKind}
	for i := range NumExitArgs {
		words = append(words, int(SCExitArg(i)))
	}
	words = append(words, SCInterrupt, SCFuel, SCEntrySP, SCEntryFP, SCGoLR)
	for i, w := range words {
		if w != 8*i {
			t.Errorf("store context word %d at %d, want %d (contiguous 8-byte words)", i, w, 8*i)
		}
	}
	if StoreContextSize != 8*len(words) {
		t.Errorf("StoreContextSize = %d, want %d", StoreContextSize, 8*len(words))
	}
}
