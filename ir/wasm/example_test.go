package wasm_test

import (
	"fmt"

	"kiln/ir/wasm"
)

// A module with one exported function (i32, i32) -> i32 that adds its
// parameters.
var addModule = []byte{
	0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
	0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, // type section
	0x03, 0x02, 0x01, 0x00, // function section
	0x07, 0x07, 0x01, 0x03, 'a', 'd', 'd', 0x00, 0x00, // export section
	0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b, // code section
}

func ExampleDecodeAndValidate() {
	m, err := wasm.DecodeAndValidate(addModule, wasm.FeaturesAll)
	if err != nil {
		fmt.Println(err)
		return
	}
	ft := m.FuncType(m.Exports[0].Index)
	fmt.Println(m.Exports[0].Name, ft.Params, ft.Results)
	// Output: add [i32 i32] [i32]
}

func ExampleOperatorReader() {
	m, err := wasm.Decode(addModule, wasm.FeaturesAll)
	if err != nil {
		fmt.Println(err)
		return
	}
	code := m.Code[0]
	r := wasm.NewOperatorReader(code.Expr, code.ExprOffset)
	var op wasm.Operator
	for !r.Done() {
		if err := r.Read(&op); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%#x %v", op.Offset, op.Op)
		if op.Op == wasm.OpLocalGet {
			fmt.Print(" ", op.Index)
		}
		fmt.Println()
	}
	// Output:
	// 0x23 local.get 0
	// 0x25 local.get 1
	// 0x27 i32.add
	// 0x28 end
}

func ExampleError() {
	bad := append([]byte(nil), addModule...)
	bad[len(bad)-2] = 0x7c // i64.add on i32 operands
	_, err := wasm.DecodeAndValidate(bad, wasm.FeaturesAll)
	fmt.Println(err)
	// Output: offset 0x27: func 0: type mismatch: instruction requires [i64 i64] but stack has [i32 i32]
}

func ExampleOptions() {
	// One body validator goroutine, e.g. when the caller compiles
	// several modules at once.
	_, err := wasm.Options{Features: wasm.FeaturesAll, Parallelism: 1}.DecodeAndValidate([]byte("\x00asm\x01\x00\x00\x00"))
	fmt.Println(err)
	// Output: <nil>
}
