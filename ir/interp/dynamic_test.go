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
