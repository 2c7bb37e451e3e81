package frontend

import (
	"fmt"
	"math"

	"kiln/ir"
	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// memRow is one load or store: the IR opcode, the IR type of the value
// (loads: the result) and the access size in bytes.
type memRow struct {
	op    ir.Opcode
	ty    ir.Type
	size  uint8
	store bool
}

// memTable holds the scalar loads and stores, indexed by opcode byte.
var memTable = func() (t [0x40]memRow) {
	load := func(c wasm.Opcode, op ir.Opcode, ty ir.Type, size uint8) { t[c] = memRow{op, ty, size, false} }
	store := func(c wasm.Opcode, op ir.Opcode, ty ir.Type, size uint8) { t[c] = memRow{op, ty, size, true} }
	load(wasm.OpI32Load, ir.OpLoad, ir.I32, 4)
	load(wasm.OpI64Load, ir.OpLoad, ir.I64, 8)
	load(wasm.OpF32Load, ir.OpLoad, ir.F32, 4)
	load(wasm.OpF64Load, ir.OpLoad, ir.F64, 8)
	load(wasm.OpI32Load8S, ir.OpSload8, ir.I32, 1)
	load(wasm.OpI32Load8U, ir.OpUload8, ir.I32, 1)
	load(wasm.OpI32Load16S, ir.OpSload16, ir.I32, 2)
	load(wasm.OpI32Load16U, ir.OpUload16, ir.I32, 2)
	load(wasm.OpI64Load8S, ir.OpSload8, ir.I64, 1)
	load(wasm.OpI64Load8U, ir.OpUload8, ir.I64, 1)
	load(wasm.OpI64Load16S, ir.OpSload16, ir.I64, 2)
	load(wasm.OpI64Load16U, ir.OpUload16, ir.I64, 2)
	load(wasm.OpI64Load32S, ir.OpSload32, ir.I64, 4)
	load(wasm.OpI64Load32U, ir.OpUload32, ir.I64, 4)
	store(wasm.OpI32Store, ir.OpStore, ir.I32, 4)
	store(wasm.OpI64Store, ir.OpStore, ir.I64, 8)
	store(wasm.OpF32Store, ir.OpStore, ir.F32, 4)
	store(wasm.OpF64Store, ir.OpStore, ir.F64, 8)
	store(wasm.OpI32Store8, ir.OpIstore8, ir.I32, 1)
	store(wasm.OpI32Store16, ir.OpIstore16, ir.I32, 2)
	store(wasm.OpI64Store8, ir.OpIstore8, ir.I64, 1)
	store(wasm.OpI64Store16, ir.OpIstore16, ir.I64, 2)
	store(wasm.OpI64Store32, ir.OpIstore32, ir.I64, 4)
	return t
}()

// heapFlags marks a linear-memory access the translator has bounds-checked:
// it cannot fault, and wasm memory is little-endian.
var heapFlags = ir.MemFlags(MemHeapFlagsBase).WithTrapCode(ir.TrapNone).WithRegion(RegionHeap)

// MemHeapFlagsBase is the flag set of linear-memory accesses before the
// trap code: little-endian.
const MemHeapFlagsBase = ir.MemLittle

// addr64 widens an address operand to I64 (memory32 addresses are
// unsigned 32-bit).
func (t *Translator) addr64(v ir.Value) ir.Value {
	if t.b.Func.DFG.ValueType(v) == ir.I64 {
		return v
	}
	return t.b.Uextend(ir.I64, v)
}

// heapAddr bounds-checks an access of size bytes at index+offset in memory
// mem and returns the host address and the offset to put in the access.
// ok is false when the access always traps (the offset alone is beyond any
// memory); the block is then terminated.
//
// The check is `index + offset + size > length` → heap_oob, computed in 64
// bits. For memory32 the sum cannot overflow (each term is below 2^33);
// for memory64 the constant offset+size is checked at translation time
// and the addition traps on overflow (uadd_overflow_trap).
func (t *Translator) heapAddr(mem uint32, index ir.Value, offset, size uint64) (p ir.Value, off int32, ok bool) {
	b := t.b
	idx := t.addr64(index)
	if offset > math.MaxUint64-size {
		b.Trap(ir.TrapHeapOutOfBounds)
		t.terminate()
		return ir.NoValue, 0, false
	}
	endConst := b.Iconst(ir.I64, int64(offset+size))
	var end ir.Value
	if t.m.MemTypes[mem].Memory64 {
		end = b.Func.DFG.FirstResult(b.InsData(ir.InstData{Opcode: ir.OpUaddOverflowTrap, Code: uint8(ir.TrapHeapOutOfBounds), Args: b.Func.DFG.NewList(idx, endConst)}, ir.Invalid))
	} else {
		end = b.Iadd(idx, endConst)
	}
	b.CondTrap(ir.OpTrapnz, b.Icmp(ir.IntUGT, end, t.heapBound(mem)), ir.TrapHeapOutOfBounds)
	p = b.Iadd(t.heapBase(mem), idx)
	if offset <= math.MaxInt32 {
		return p, int32(offset), true
	}
	return b.Iadd(p, b.Iconst(ir.I64, int64(offset))), 0, true
}

// heapCache holds memory 0's base and bound as loaded for an earlier
// access in block, while valid.
//
// The e-graph's alias analysis would merge the repeated loads anyway (heap
// stores are in another region than the VM context), but every access
// emitting two loads for it to merge costs translation and e-graph build
// time; reusing them here, only where that analysis would certainly have
// merged them, leaves the optimized function as it was.
type heapCache struct {
	valid       bool
	block       ir.Block
	base, bound ir.Value
}

// heapBound and heapBase return memory mem's bound and base, loading them
// unless an earlier access in the current block did and nothing since can
// have changed them: translateOp drops the cache at every operator that is
// not a plain heap access or pure (keepsHeapCache), so calls, memory.grow
// and writes to the VM context end it, as do block boundaries. A miss
// loads where the access always has (the bound before the check, the base
// after it), so the first access of a block is translated as before.
func (t *Translator) heapBound(mem uint32) ir.Value {
	cur := t.b.CurrentBlock()
	if mem != 0 {
		return t.env.MemoryBound(&t.fx, mem)
	}
	if !t.heap.valid || t.heap.block != cur {
		t.heap = heapCache{valid: true, block: cur, base: ir.NoValue, bound: t.env.MemoryBound(&t.fx, mem)}
	}
	return t.heap.bound
}

func (t *Translator) heapBase(mem uint32) ir.Value {
	if mem != 0 {
		return t.env.MemoryBase(&t.fx, mem)
	}
	// heapBound just made the cache valid for this block.
	if t.heap.base == ir.NoValue {
		t.heap.base = t.env.MemoryBase(&t.fx, mem)
	}
	return t.heap.base
}

// keepsHeapCache reports operators after which memory 0's base and bound
// are still what the cache holds: heap loads and stores, locals, globals
// (in their own alias region; Go's wasm code moves its stack pointer
// through a global between most accesses), constants and numeric
// operators. Anything else (control flow, calls, tables, bulk memory,
// memory.grow) drops it.
func keepsHeapCache(op wasm.Opcode) bool {
	if op < wasm.Opcode(len(keepsHeap)) {
		return keepsHeap[op]
	}
	return keepsHeapSlow(op)
}

// keepsHeap is keepsHeapCache for the one-byte operators.
var keepsHeap = func() (t [0x100]bool) {
	for op := range t {
		t[op] = keepsHeapSlow(wasm.Opcode(op))
	}
	return t
}()

func keepsHeapSlow(op wasm.Opcode) bool {
	if op < wasm.Opcode(len(memTable)) && memTable[op].size != 0 {
		return true
	}
	switch op {
	case wasm.OpDrop, wasm.OpSelect, wasm.OpSelectT, wasm.OpLocalGet, wasm.OpLocalSet, wasm.OpLocalTee,
		wasm.OpGlobalGet, wasm.OpGlobalSet, wasm.OpI32Const, wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
		return true
	}
	return numRowOf(op).kind != numNone
}

// callArgs pops n call arguments into the translator's scratch list: the
// environment turns them into IR before anything else uses the list.
func (t *Translator) callArgs(n int) []ir.Value {
	t.args = append(t.args[:0], t.popN(n)...)
	return t.args
}

func (t *Translator) memType(mem uint32) bool { return t.m.MemTypes[mem].Memory64 }

// fromAddr64 narrows an I64 result to the memory's address type.
func (t *Translator) fromAddr64(is64 bool, v ir.Value) ir.Value {
	if is64 {
		return v
	}
	return t.b.Ireduce(ir.I32, v)
}

func (t *Translator) translateMemory() (bool, error) {
	b := t.b
	op := &t.op
	if op.Op < wasm.Opcode(len(memTable)) && memTable[op.Op].size != 0 {
		row := &memTable[op.Op]
		if int64(op.Mem.Memory) >= int64(len(t.m.MemTypes)) {
			return true, t.unknown("memory", op.Mem.Memory)
		}
		var val ir.Value
		if row.store {
			val = t.pop()
		}
		p, off, ok := t.heapAddr(op.Mem.Memory, t.pop(), op.Mem.Offset, uint64(row.size))
		if !ok {
			return true, nil
		}
		if row.store {
			b.Store(row.op, heapFlags, val, p, off)
		} else {
			t.push(b.Load(row.op, row.ty, heapFlags, p, off))
		}
		return true, nil
	}
	i64 := func(v ir.Value) ir.Value { return t.addr64(v) }
	k := func(n uint32) ir.Value { return b.Iconst(ir.I64, int64(n)) }
	exit := func(kind vm.ExitKind, args ...ir.Value) ir.Value { return t.env.Exit(&t.fx, kind, args) }
	switch op.Op {
	case wasm.OpMemorySize:
		if int64(op.Index) >= int64(len(t.m.MemTypes)) {
			return true, t.unknown("memory", op.Index)
		}
		pages := b.Binary(ir.OpUshr, t.env.MemoryBound(&t.fx, op.Index), b.Iconst(ir.I64, 16))
		t.push(t.fromAddr64(t.memType(op.Index), pages))
	case wasm.OpMemoryGrow:
		if int64(op.Index) >= int64(len(t.m.MemTypes)) {
			return true, t.unknown("memory", op.Index)
		}
		r := exit(vm.ExitMemoryGrow, k(op.Index), i64(t.pop()))
		t.push(t.fromAddr64(t.memType(op.Index), r))
	case wasm.OpMemoryFill:
		n := t.pop()
		val := t.pop()
		dst := t.pop()
		exit(vm.ExitMemoryFill, k(op.Index), i64(dst), i64(val), i64(n))
	case wasm.OpMemoryCopy:
		n := t.pop()
		src := t.pop()
		dst := t.pop()
		exit(vm.ExitMemoryCopy, k(op.Index), k(op.Index2), i64(dst), i64(src), i64(n))
	case wasm.OpMemoryInit:
		n := t.pop()
		src := t.pop()
		dst := t.pop()
		exit(vm.ExitMemoryInit, k(op.Index2), k(op.Index), i64(dst), i64(src), i64(n))
	case wasm.OpDataDrop:
		exit(vm.ExitDataDrop, k(op.Index))
	default:
		return false, nil
	}
	return true, nil
}

func (t *Translator) unknown(what string, idx uint32) error {
	return &indexError{what: what, index: idx, offset: t.op.Offset}
}

type indexError struct {
	what   string
	index  uint32
	offset int
}

func (e *indexError) Error() string {
	return fmt.Sprintf("frontend: offset %#x: unknown %s %d", e.offset, e.what, e.index)
}

// tableElem bounds-checks element index (already I64) of table tbl and
// returns the element's address.
func (t *Translator) tableElem(tbl uint32, index ir.Value) ir.Value {
	b := t.b
	bound := t.env.TableBound(&t.fx, tbl)
	b.CondTrap(ir.OpTrapnz, b.Icmp(ir.IntUGE, index, bound), Trap(vm.TrapTableOutOfBounds))
	return b.Iadd(t.env.TableBase(&t.fx, tbl), b.Binary(ir.OpIshl, index, b.Iconst(ir.I64, 3)))
}

func (t *Translator) tableIs64(tbl uint32) bool {
	return t.m.TableTypes[tbl].AddrType() == wasm.I64
}

func (t *Translator) translateCallOrTable() (bool, error) {
	b := t.b
	op := &t.op
	m := t.m
	k := func(n uint32) ir.Value { return b.Iconst(ir.I64, int64(n)) }
	exit := func(kind vm.ExitKind, args ...ir.Value) ir.Value { return t.env.Exit(&t.fx, kind, args) }
	checkTable := func(i uint32) error {
		if int64(i) >= int64(len(m.TableTypes)) {
			return t.unknown("table", i)
		}
		return nil
	}
	switch op.Op {
	case wasm.OpCall, wasm.OpReturnCall:
		st := m.FuncType(op.Index)
		if st == nil {
			return true, t.unknown("function", op.Index)
		}
		args := t.callArgs(len(st.Params))
		if op.Op == wasm.OpReturnCall {
			t.env.ReturnCall(&t.fx, op.Index, args)
			t.terminate()
			return true, nil
		}
		t.stack = append(t.stack, t.env.Call(&t.fx, op.Index, args)...)
	case wasm.OpCallIndirect, wasm.OpReturnCallIndirect:
		if int64(op.Index) >= int64(len(m.Types)) || m.Types[op.Index].Kind != wasm.CompFunc {
			return true, t.unknown("type", op.Index)
		}
		if err := checkTable(op.Index2); err != nil {
			return true, err
		}
		st := &m.Types[op.Index]
		index := t.addr64(t.pop())
		args := t.callArgs(len(st.Params))
		if op.Op == wasm.OpReturnCallIndirect {
			t.env.ReturnCallIndirect(&t.fx, op.Index, op.Index2, index, args)
			t.terminate()
			return true, nil
		}
		t.stack = append(t.stack, t.env.CallIndirect(&t.fx, op.Index, op.Index2, index, args)...)
	case wasm.OpCallRef, wasm.OpReturnCallRef:
		if int64(op.Index) >= int64(len(m.Types)) || m.Types[op.Index].Kind != wasm.CompFunc {
			return true, t.unknown("type", op.Index)
		}
		st := &m.Types[op.Index]
		ref := t.pop()
		args := t.callArgs(len(st.Params))
		if op.Op == wasm.OpReturnCallRef {
			t.env.ReturnCallRef(&t.fx, op.Index, ref, args)
			t.terminate()
			return true, nil
		}
		t.stack = append(t.stack, t.env.CallRef(&t.fx, op.Index, ref, args)...)
	case wasm.OpRefAsNonNull:
		t.env.NullCheck(&t.fx, t.stack[len(t.stack)-1], vm.TrapNullReference, b.Iconst(ir.I64, 0))
	case wasm.OpTableGet:
		if err := checkTable(op.Index); err != nil {
			return true, err
		}
		p := t.tableElem(op.Index, t.addr64(t.pop()))
		t.push(b.Load(ir.OpLoad, PointerType, checkedFlags, p, 0))
	case wasm.OpTableSet:
		if err := checkTable(op.Index); err != nil {
			return true, err
		}
		v := t.pop()
		p := t.tableElem(op.Index, t.addr64(t.pop()))
		b.Store(ir.OpStore, checkedFlags, v, p, 0)
	case wasm.OpTableSize:
		if err := checkTable(op.Index); err != nil {
			return true, err
		}
		t.push(t.fromAddr64(t.tableIs64(op.Index), t.env.TableBound(&t.fx, op.Index)))
	case wasm.OpTableGrow:
		if err := checkTable(op.Index); err != nil {
			return true, err
		}
		n := t.pop()
		init := t.pop()
		r := exit(vm.ExitTableGrow, k(op.Index), t.addr64(n), init)
		t.push(t.fromAddr64(t.tableIs64(op.Index), r))
	case wasm.OpTableFill:
		n := t.pop()
		ref := t.pop()
		dst := t.pop()
		exit(vm.ExitTableFill, k(op.Index), t.addr64(dst), ref, t.addr64(n))
	case wasm.OpTableCopy:
		n := t.pop()
		src := t.pop()
		dst := t.pop()
		exit(vm.ExitTableCopy, k(op.Index), k(op.Index2), t.addr64(dst), t.addr64(src), t.addr64(n))
	case wasm.OpTableInit:
		n := t.pop()
		src := t.pop()
		dst := t.pop()
		exit(vm.ExitTableInit, k(op.Index2), k(op.Index), t.addr64(dst), t.addr64(src), t.addr64(n))
	case wasm.OpElemDrop:
		exit(vm.ExitElemDrop, k(op.Index))
	default:
		return false, nil
	}
	return true, nil
}
