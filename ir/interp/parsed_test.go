package interp

import (
	"errors"
	"testing"

	"kiln/ir"
)

// TestDynamicStackSlots stores a dynamic vector into a dynamic slot and
// reads it back (scale 1: the slot holds one base vector).
func TestDynamicStackSlots(t *testing.T) {
	src := `
function %dyn(i32) -> i32x4 {
    gv0 = dyn_scale_target_const.i32x4
    dt0 = i32x4*gv0
    dss0 = explicit_dynamic_slot dt0

block0(v0: i32):
    v1 = splat.dt0 v0
    dynamic_stack_store v1, dss0
    v2 = dynamic_stack_load.dt0 dss0
    v3 = iadd v2, v2
    v4 = extract_vector v3, 0
    return v4
}`
	file, err := ir.ParseFile("dyn.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := New([]*ir.Function{file.Functions[0].Func})
	got := call1(t, in, "dyn", ir.DataI32(21))
	if want := vec(ir.I32X4, 42, 42, 42, 42); got != want {
		t.Errorf("dyn(21) = %v, want %v", got, want)
	}
}

// TestTryCallNormalEdge passes a callee's two results to the normal
// block in swapped order, mixed with a plain value.
func TestTryCallNormalEdge(t *testing.T) {
	src := `
function %pair(i64) -> i64, i64 tail {
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = iadd v0, v1
    return v0, v2
}

function %caller(i64) -> i64 {
    sig0 = (i64) -> i64, i64 tail
    fn0 = %pair(i64) -> i64, i64 tail

block0(v0: i64):
    v1 = iconst.i64 100
    try_call fn0(v0), sig0, block1(ret1, v1, ret0), []

block1(v2: i64, v3: i64, v4: i64):
    v5 = imul v2, v3
    v6 = isub v5, v4
    return v6
}`
	file, err := ir.ParseFile("try.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := New([]*ir.Function{file.Functions[0].Func, file.Functions[1].Func})
	// (7+1)*100 - 7
	if got := call1(t, in, "caller", ir.DataI64(7)); got != ir.DataI64(793) {
		t.Errorf("caller(7) = %v, want 793", got)
	}
}

// TestMappedMemory reaches caller memory through a vmctx pointer: the
// function loads a heap base from vmctx+8 and adds one to heap[4].
func TestMappedMemory(t *testing.T) {
	src := `
function %bump(i64 vmctx, i64) -> i32 {
    gv0 = vmctx
    gv1 = load.i64 notrap aligned gv0+8

block0(v0: i64, v1: i64):
    v2 = symbol_value.i64 gv1
    v3 = iadd v2, v1
    v4 = load.i32 little v3
    v5 = iconst.i32 1
    v6 = iadd v4, v5
    store.i32 little v6, v3
    return v6
}`
	file, err := ir.ParseFile("heap.clif", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := New([]*ir.Function{file.Functions[0].Func})
	vmctx := make([]byte, 16)
	heap := make([]byte, 64)
	const vmBase, heapBase = 0x1_0000_0000, 0x2_0000_0000
	vmctx[8], vmctx[12] = 0, 2 // heapBase, little-endian
	heap[4] = 41
	if err := in.Map(vmBase, vmctx); err != nil {
		t.Fatal(err)
	}
	if err := in.Map(heapBase, heap); err != nil {
		t.Fatal(err)
	}
	if err := in.Map(heapBase+32, make([]byte, 64)); err == nil {
		t.Error("overlapping region accepted")
	}
	if err := in.Map(0x20000, make([]byte, 8)); err == nil {
		t.Error("region inside the stack accepted")
	}
	if got := call1(t, in, "bump", ir.DataI64(vmBase), ir.DataI64(4)); got != ir.DataI32(42) || heap[4] != 42 {
		t.Errorf("bump = %v, heap[4] = %d; want 42, 42", got, heap[4])
	}
	_, err = in.Call("bump", []ir.DataValue{ir.DataI64(vmBase), ir.DataI64(62)})
	var tr *Trap
	if !errors.As(err, &tr) || tr.Code != ir.TrapHeapOutOfBounds {
		t.Errorf("access across the heap's end: err = %v, want heap_oob", err)
	}
}
