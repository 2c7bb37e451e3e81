package jit

import (
	"kiln/encoder"
	"kiln/ir/vm"
)

var relocKindPairs = []struct {
	vm  vm.RelocKind
	enc encoder.RelocKind
}{
	{vm.RelocAbs8, encoder.RelocAbs8},
	{vm.RelocX86PCRel4, encoder.RelocX86PCRel4},
	{vm.RelocArm64Call26, encoder.RelocArm64Call26},
	{vm.RelocRiscvCall, encoder.RelocRiscvCall},
	{vm.RelocS390xPCRel32Dbl, encoder.RelocS390xPCRel32Dbl},
}
