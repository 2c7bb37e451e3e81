package interp

import "kiln/ir/wasm"

// Binary operators with their right operand fused in: opImm+op takes it
// from the instruction's c (local.get x; i64.const 1; i64.add becomes
// local.get x; i64.add_imm 1), opLoc+op from local slot a. The wasm
// opcode numbers of the numeric operators are below 0x100, so both
// ranges stay dense for the dispatch switch.
const (
	opImm = 0x500
	opLoc = 0x600
)

// fusedBinary marks the operators that have both fused forms.
var fusedBinary = map[uint16]bool{
	uint16(wasm.OpI32Add):  true,
	uint16(wasm.OpI32Sub):  true,
	uint16(wasm.OpI32Mul):  true,
	uint16(wasm.OpI32And):  true,
	uint16(wasm.OpI32Or):   true,
	uint16(wasm.OpI32Xor):  true,
	uint16(wasm.OpI32Shl):  true,
	uint16(wasm.OpI32ShrU): true,
	uint16(wasm.OpI32ShrS): true,
	uint16(wasm.OpI32Eq):   true,
	uint16(wasm.OpI32Ne):   true,
	uint16(wasm.OpI32LtS):  true,
	uint16(wasm.OpI32LtU):  true,
	uint16(wasm.OpI32GtS):  true,
	uint16(wasm.OpI32GtU):  true,
	uint16(wasm.OpI32LeS):  true,
	uint16(wasm.OpI32LeU):  true,
	uint16(wasm.OpI32GeS):  true,
	uint16(wasm.OpI32GeU):  true,
	uint16(wasm.OpI64Add):  true,
	uint16(wasm.OpI64Sub):  true,
	uint16(wasm.OpI64Mul):  true,
	uint16(wasm.OpI64And):  true,
	uint16(wasm.OpI64Or):   true,
	uint16(wasm.OpI64Xor):  true,
	uint16(wasm.OpI64Shl):  true,
	uint16(wasm.OpI64ShrS): true,
	uint16(wasm.OpI64ShrU): true,
	uint16(wasm.OpI64Eq):   true,
	uint16(wasm.OpI64Ne):   true,
	uint16(wasm.OpI64LtS):  true,
	uint16(wasm.OpI64LtU):  true,
	uint16(wasm.OpI64GtS):  true,
	uint16(wasm.OpI64GtU):  true,
	uint16(wasm.OpI64LeS):  true,
	uint16(wasm.OpI64LeU):  true,
	uint16(wasm.OpI64GeS):  true,
	uint16(wasm.OpI64GeU):  true,
	uint16(wasm.OpF64Add):  true,
	uint16(wasm.OpF64Sub):  true,
	uint16(wasm.OpF64Mul):  true,
	uint16(wasm.OpF64Div):  true,
	uint16(wasm.OpF64Lt):   true,
	uint16(wasm.OpF64Gt):   true,
	uint16(wasm.OpF64Le):   true,
	uint16(wasm.OpF64Ge):   true,
}
