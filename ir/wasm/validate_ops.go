package wasm

import "strconv"

// sigVal maps a fixed-signature type code to a value type; sigAddr is
// resolved per operator from its memory.
var sigVal = [...]ValType{sigI32: I32, sigI64: I64, sigF32: F32, sigF64: F64, sigV128: V128}

// constAllowed reports whether op may appear in a constant expression:
// constants, ref.null, ref.func and global.get always; i32/i64 add, sub
// and mul with extended-const; allocation and i31/extern conversions
// with GC.
func (v *funcValidator) constAllowed(op Opcode) bool {
	switch op {
	case OpI32Const, OpI64Const, OpF32Const, OpF64Const, OpV128Const, OpRefNull, OpRefFunc, OpGlobalGet, OpEnd:
		return true
	case OpI32Add, OpI32Sub, OpI32Mul, OpI64Add, OpI64Sub, OpI64Mul:
		return v.f.Has(ExtendedConst)
	case OpStructNew, OpStructNewDefault, OpArrayNew, OpArrayNewDefault, OpArrayNewFixed,
		OpRefI31, OpAnyConvertExtern, OpExternConvertAny:
		return v.f.Has(GC)
	}
	return false
}

// step validates v.op, the operator just read, whose table row is info.
func (v *funcValidator) step(info *opInfo) error {
	op := &v.op
	if v.constMode && !v.constAllowed(op.Op) {
		return v.errorf(op.Offset, "%s: %s is not constant", msgConstExprRequired, op.Op)
	}
	if !info.special {
		return v.stepFixed(info)
	}
	return v.stepSpecial()
}

// stepFixed validates an operator with a fixed signature: numeric, vector
// and memory operators.
func (v *funcValidator) stepFixed(info *opInfo) error {
	addr := I32
	if checkedImms>>info.imm&1 != 0 {
		var err error
		if addr, err = v.fixedImm(info); err != nil {
			return err
		}
	}
	fr := &v.ctrl[len(v.ctrl)-1]
	n := len(v.stack)
	// Fast path: check operands in place; pop them all at once.
	k := int(info.nparams)
	if n-k >= fr.height {
		for i := 0; i < k; i++ {
			want := addr
			if s := info.params[i]; s != sigAddr {
				want = sigVal[s]
			}
			if got := v.stack[n-k+i]; got.Kind != want.Kind && got.Kind != kindBot {
				return v.fixedMismatch(info, addr)
			}
		}
		v.stack = v.stack[:n-k]
	} else {
		for i := k - 1; i >= 0; i-- {
			want := addr
			if s := info.params[i]; s != sigAddr {
				want = sigVal[s]
			}
			if _, err := v.pop(want); err != nil {
				return v.fixedMismatch(info, addr)
			}
		}
	}
	for i := 0; i < int(info.nresults); i++ {
		t := addr
		if s := info.results[i]; s != sigAddr {
			t = sigVal[s]
		}
		v.stack = append(v.stack, t)
	}
	return nil
}

// checkedImms are the immediate kinds of fixed operators that fixedImm
// checks; the others (none, constants) need nothing, and they are most
// operators.
const checkedImms = 1<<immMemArg | 1<<immMemLane | 1<<immMem | 1<<immLane | 1<<immShuffle

// fixedImm checks a fixed operator's immediates (memory, alignment,
// offset, lanes) and returns the address type its sigAddr operands take.
func (v *funcValidator) fixedImm(info *opInfo) (ValType, error) {
	op := &v.op
	addr := I32
	if info.imm == immMemArg || info.imm == immMemLane || info.imm == immMem {
		mem := op.Mem.Memory
		if info.imm == immMem {
			mem = op.Index
		}
		mt, err := v.memory(mem)
		if err != nil {
			return addr, err
		}
		addr = mt.AddrType()
		if info.imm != immMem {
			if err := v.checkMemArg(info, mt); err != nil {
				return addr, err
			}
		}
	}
	if info.imm == immMemLane || info.imm == immLane {
		if op.Lane >= info.lanes {
			return addr, v.errorf(op.Offset, "invalid lane index %d", op.Lane)
		}
	}
	if info.imm == immShuffle {
		for _, l := range op.V128 {
			if l >= 32 {
				return addr, v.errorf(op.Offset, "invalid lane index %d", l)
			}
		}
	}
	return addr, nil
}

func (v *funcValidator) fixedMismatch(info *opInfo, addr ValType) error {
	var want [3]ValType
	for i := 0; i < int(info.nparams); i++ {
		want[i] = addr
		if s := info.params[i]; s != sigAddr {
			want[i] = sigVal[s]
		}
	}
	return v.mismatch(want[:info.nparams])
}

func (v *funcValidator) checkMemArg(info *opInfo, mt MemoryType) error {
	op := &v.op
	if info.atomic {
		if op.Mem.Align != uint32(info.align) {
			return v.errorf(op.Offset, "%s", msgAlignNotNatural)
		}
	} else if op.Mem.Align > uint32(info.align) {
		return v.errorf(op.Offset, "%s", msgAlignTooLarge)
	}
	if !mt.Memory64 && op.Mem.Offset > 1<<32-1 {
		return v.errorf(op.Offset, "offset out of range")
	}
	return nil
}

func (v *funcValidator) memory(idx uint32) (MemoryType, error) {
	if int64(idx) >= int64(len(v.m.MemTypes)) {
		return MemoryType{}, v.errorf(v.op.Offset, "unknown memory %d", idx)
	}
	return v.m.MemTypes[idx], nil
}

func (v *funcValidator) table(idx uint32) (TableType, error) {
	if int64(idx) >= int64(len(v.m.TableTypes)) {
		return TableType{}, v.errorf(v.op.Offset, "unknown table %d", idx)
	}
	return v.m.TableTypes[idx], nil
}

func (v *funcValidator) funcType(typeIdx uint32) (*SubType, error) {
	if int64(typeIdx) >= int64(len(v.m.Types)) {
		return nil, v.errorf(v.op.Offset, "unknown type %d", typeIdx)
	}
	st := &v.m.Types[typeIdx]
	if st.Kind != CompFunc {
		return nil, v.errorf(v.op.Offset, "%s: type %d is not a function type", msgTypeMismatch, typeIdx)
	}
	return st, nil
}

func (v *funcValidator) compType(typeIdx uint32, kind CompositeKind) (*SubType, error) {
	if int64(typeIdx) >= int64(len(v.m.Types)) {
		return nil, v.errorf(v.op.Offset, "unknown type %d", typeIdx)
	}
	st := &v.m.Types[typeIdx]
	if st.Kind != kind {
		return nil, v.errorf(v.op.Offset, "%s: type %d is not a %s type", msgTypeMismatch, typeIdx, kind)
	}
	return st, nil
}

func (v *funcValidator) tagType(idx uint32) (*SubType, error) {
	if int64(idx) >= int64(len(v.m.TagTypes)) {
		return nil, v.errorf(v.op.Offset, "unknown tag %d", idx)
	}
	return v.m.funcTypeAt(v.m.TagTypes[idx]), nil
}

func (v *funcValidator) dataSegment(idx uint32) error {
	if !v.m.HasDataCount {
		return v.errorf(v.op.Offset, msgDataCountRequired)
	}
	if idx >= v.m.DataCount {
		return v.errorf(v.op.Offset, "unknown data segment %d", idx)
	}
	return nil
}

func (v *funcValidator) elemSegment(idx uint32) (ValType, error) {
	if int64(idx) >= int64(len(v.m.Elems)) {
		return ValType{}, v.errorf(v.op.Offset, "unknown elem segment %d", idx)
	}
	return v.m.Elems[idx].Type, nil
}

func (v *funcValidator) checkBlockType(bt BlockType) error {
	if bt.Index >= 0 {
		if !v.f.Has(MultiValue) {
			return v.errorf(v.op.Offset, "%s: block type index needs multi-value", msgInvalidResultArity)
		}
		_, err := v.funcType(uint32(bt.Index))
		return err
	}
	if bt.HasResult {
		return v.checkValType(bt.Result, v.op.Offset)
	}
	return nil
}

// checkValType checks that a value type's concrete heap type exists.
func (v *funcValidator) checkValType(t ValType, off int) error {
	if t.Kind == KindRef && t.Heap >= 0 && int(t.Heap) >= len(v.m.Types) {
		return &Error{Offset: off, Func: v.funcIdx, Msg: "unknown type " + strconv.Itoa(int(t.Heap))}
	}
	return nil
}

func (v *funcValidator) checkHeap(h HeapType) error {
	if h >= 0 && int(h) >= len(v.m.Types) {
		return v.errorf(v.op.Offset, "unknown type %d", h)
	}
	return nil
}

// call checks the operands of a call to ft and pushes its results; tail
// calls instead require the callee's results to match the caller's.
func (v *funcValidator) call(ft *SubType, tail bool) error {
	if err := v.popTypes(ft.Params); err != nil {
		return err
	}
	if tail {
		if len(ft.Results) != len(v.results) {
			return v.errorf(v.op.Offset, "%s: tail call results %s, function returns %s", msgTypeMismatch, typeList(ft.Results), typeList(v.results))
		}
		for i, t := range ft.Results {
			if !v.m.isSub(t, v.results[i]) {
				return v.errorf(v.op.Offset, "%s: tail call results %s, function returns %s", msgTypeMismatch, typeList(ft.Results), typeList(v.results))
			}
		}
		v.setUnreachable()
		return nil
	}
	v.pushTypes(ft.Results)
	return nil
}

// brTable checks that every br_table target carries as many values as
// the default and that the operands match each target.
func (v *funcValidator) brTable() error {
	op := &v.op
	if _, err := v.pop(I32); err != nil {
		return err
	}
	def, err := v.label(op.Targets.Default)
	if err != nil {
		return err
	}
	arity := len(v.labelTypes(def))
	// Each distinct target is checked once: a hostile table repeating
	// one label with a wide signature must not cost its width per entry.
	v.brStamp++
	if v.brStamp == 0 {
		clear(v.brSeen)
		v.brStamp = 1
	}
	for len(v.brSeen) < len(v.ctrl) {
		v.brSeen = append(v.brSeen, 0)
	}
	it := op.Targets.Iter()
	for {
		l, ok := it.Next()
		if !ok {
			break
		}
		fr, err := v.label(l)
		if err != nil {
			return err
		}
		if v.brSeen[l] == v.brStamp {
			continue
		}
		v.brSeen[l] = v.brStamp
		lt := v.labelTypes(fr)
		if len(lt) != arity {
			return v.errorf(op.Offset, "%s: br_table targets have different arity", msgTypeMismatch)
		}
		if err := v.checkOperands(lt); err != nil {
			return err
		}
	}
	if err := v.popTypes(v.labelTypes(def)); err != nil {
		return err
	}
	v.setUnreachable()
	return nil
}

// checkOperands checks the top of the stack matches ts without popping.
func (v *funcValidator) checkOperands(ts []ValType) error {
	fr := &v.ctrl[len(v.ctrl)-1]
	n := len(v.stack)
	for i := len(ts) - 1; i >= 0; i-- {
		j := n - (len(ts) - i)
		if j < fr.height {
			if fr.unreachable {
				return nil
			}
			return v.mismatch(ts)
		}
		if !v.m.isSub(v.stack[j], ts[i]) {
			return v.mismatch(ts)
		}
	}
	return nil
}

// matchTypes reports whether every type of a matches the type at the same
// position of b.
func (v *funcValidator) matchTypes(a, b []ValType) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !v.m.isSub(a[i], b[i]) {
			return false
		}
	}
	return true
}

func (v *funcValidator) local(idx uint32) (ValType, error) {
	if idx < uint32(len(v.locals)) {
		return v.locals[idx], nil
	}
	if idx >= v.numLocals {
		return ValType{}, v.errorf(v.op.Offset, "unknown local %d", idx)
	}
	lo, hi := 0, len(v.groupEnds)
	for lo < hi {
		mid := (lo + hi) / 2
		if v.groupEnds[mid] <= idx {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return v.groupTypes[lo], nil
}

// localInitialized reports whether local idx (known to exist, of type t)
// holds a value: parameters and defaultable locals always do.
func (v *funcValidator) localInitialized(idx uint32, t ValType) bool {
	return !v.hasNonDef || t.Defaultable() || idx < v.nparams || v.initStamp[idx] == v.stamp
}

func (v *funcValidator) global(idx uint32) (GlobalType, error) {
	if int64(idx) >= int64(len(v.m.GlobalTypes)) || (v.constMode && int(idx) >= v.constGlobal) {
		return GlobalType{}, v.errorf(v.op.Offset, "unknown global %d", idx)
	}
	return v.m.GlobalTypes[idx], nil
}
