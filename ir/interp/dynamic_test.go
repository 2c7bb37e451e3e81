package interp

import (
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
