package verify_test

import (
	"fmt"

	"kiln/ir"
	"kiln/ir/verify"
)

func ExampleCheck() {
	fs, err := ir.ParseFunctions("example.clif", []byte(`
function %f(i32) -> i32 {
block0(v0: i32):
    brif v0, block1, block2
block1:
    v1 = iconst.i32 1
    jump block2
block2:
    return v1
}`))
	if err != nil {
		panic(err)
	}
	for _, e := range verify.Check(fs[0], verify.Options{}) {
		fmt.Println(e)
	}
	// Output:
	// inst3 (return v1): uses value v1 from non-dominating inst1
}
