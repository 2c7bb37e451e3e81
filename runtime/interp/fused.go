package interp

import "kiln/ir/wasm"

// Fused binary operators. The common integer and f64 binary operators
// (fusedOps) get eight more forms each, by where their operands come from
// and where the result goes, so that the expressions compilers emit take
// one dispatch instead of three or four:
//
//	fuseSI   top = top OP c                 (x; i64.const c; OP)
//	fuseSL   top = top OP local[a]          (x; local.get a; OP)
//	fuseLL   push local[a] OP local[b]      (local.get a; local.get b; OP)
//	fuseLI   push local[a] OP c             (local.get a; i64.const c; OP)
//	fuseSIS  local[b] = pop OP c            (... OP; local.set b)
//	fuseSLS  local[b] = pop OP local[a]
//	fuseLLS  local[c] = local[a] OP local[b]
//	fuseLIS  local[b] = local[a] OP c
//
// A form's opcode is its base plus the operator's index in fusedOps, so
// the opcode space stays dense and the dispatch switch a jump table.
// exec.go has one case per form and operator, spelled from the same table.
// opFusedBase follows the GC operators (the array length fails to
// compile if they ever reach it).
const opFusedBase = 0x500

var _ [opFusedBase - opGCEnd]struct{}

const (
	fuseSI     = opFusedBase + 0*64
	fuseSL     = opFusedBase + 1*64
	fuseLL     = opFusedBase + 2*64
	fuseLI     = opFusedBase + 3*64
	fuseSIS    = opFusedBase + 4*64
	fuseSLS    = opFusedBase + 5*64
	fuseLLS    = opFusedBase + 6*64
	fuseLIS    = opFusedBase + 7*64
	opFusedEnd = opFusedBase + 8*64
)

// fusedOps lists the operators with fused forms, in index order.
var fusedOps = [...]wasm.Opcode{
	wasm.OpI32Add,
	wasm.OpI32Sub,
	wasm.OpI32Mul,
	wasm.OpI32And,
	wasm.OpI32Or,
	wasm.OpI32Xor,
	wasm.OpI32Shl,
	wasm.OpI32ShrU,
	wasm.OpI32ShrS,
	wasm.OpI32Eq,
	wasm.OpI32Ne,
	wasm.OpI32LtS,
	wasm.OpI32LtU,
	wasm.OpI32GtS,
	wasm.OpI32GtU,
	wasm.OpI32LeS,
	wasm.OpI32LeU,
	wasm.OpI32GeS,
	wasm.OpI32GeU,
	wasm.OpI64Add,
	wasm.OpI64Sub,
	wasm.OpI64Mul,
	wasm.OpI64And,
	wasm.OpI64Or,
	wasm.OpI64Xor,
	wasm.OpI64Shl,
	wasm.OpI64ShrS,
	wasm.OpI64ShrU,
	wasm.OpI64Eq,
	wasm.OpI64Ne,
	wasm.OpI64LtS,
	wasm.OpI64LtU,
	wasm.OpI64GtS,
	wasm.OpI64GtU,
	wasm.OpI64LeS,
	wasm.OpI64LeU,
	wasm.OpI64GeS,
	wasm.OpI64GeU,
	wasm.OpF64Add,
	wasm.OpF64Sub,
	wasm.OpF64Mul,
	wasm.OpF64Div,
	wasm.OpF64Lt,
	wasm.OpF64Gt,
	wasm.OpF64Le,
	wasm.OpF64Ge,
}

// fusedIndex maps an operator (in the interpreter's numbering) to its
// index in fusedOps, or -1.
var fusedIndex = func() (t [opBase]int8) {
	for i := range t {
		t[i] = -1
	}
	for i, o := range fusedOps {
		t[iop(o)] = int8(i)
	}
	return t
}()

// withSet returns the form that stores into a local instead of pushing,
// and whether there is one.
func withSet(op uint16) (uint16, bool) {
	switch {
	case op >= fuseSI && op < fuseSI+64:
		return op - fuseSI + fuseSIS, true
	case op >= fuseSL && op < fuseSL+64:
		return op - fuseSL + fuseSLS, true
	case op >= fuseLL && op < fuseLL+64:
		return op - fuseLL + fuseLLS, true
	case op >= fuseLI && op < fuseLI+64:
		return op - fuseLI + fuseLIS, true
	}
	return 0, false
}
