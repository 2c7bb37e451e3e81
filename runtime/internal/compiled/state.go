package compiled

import (
	"encoding/binary"
	"fmt"
	"unsafe"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/jit"
	"kiln/runtime/internal/store"
)

// storeState is one store's compiled-code state: the machine (store
// context and wasm stack) every instance of the store shares, and the
// compiled-side copies of the store's tables and globals, whose
// representation differs from the store's (see doc.go).
type storeState struct {
	store   *store.Store
	machine *jit.Machine
	// depth counts Code.Call activations in progress (nested through
	// host calls); copies are pulled at the outermost entry and after
	// every exit that ran Go code, pushed before Go code runs.
	depth int

	insts   []*instState
	byVMCtx map[uintptr]*instState
	// funcs maps every FuncRef address handed out to its function.
	funcs  map[uintptr]*store.Function
	tables map[*store.Table]*shadowTable
	// tableOrder and globalOrder list the copies in creation order, for
	// deterministic syncing.
	tableOrder  []*shadowTable
	globals     map[*store.Global]*globalCell
	globalOrder []*globalCell
	// cells keeps alive the global cells not inside a VM context.
	cells [][]uint64
}

func newStoreState(s *store.Store, m *jit.Machine) *storeState {
	ss := &storeState{
		store: s, machine: m,
		byVMCtx: map[uintptr]*instState{},
		funcs:   map[uintptr]*store.Function{},
		tables:  map[*store.Table]*shadowTable{},
		globals: map[*store.Global]*globalCell{},
	}
	s.OnMemoryGrow(ss.memoryGrew)
	return ss
}

// instState is the per-instance state: its VM context.
type instState struct {
	ss    *storeState
	inst  *store.Instance
	code  *Code
	vmctx []byte
	base  uintptr
}

// funcTier is what a compiled strategy stores in store.Function.Tier: the
// function's canonical FuncRef in this store.
type funcTier struct {
	ss  *storeState
	ref uintptr
}

// shadowTable is the compiled code's copy of a table: elements as FuncRef
// addresses (funcref tables) or unchanged Refs (externref tables).
type shadowTable struct {
	tab    *store.Table
	isFunc bool
	elems  []uint64
	// syncedRefs and syncedElems are tab.Elems and elems as of the last
	// sync: a sync converts only the entries that differ, after one
	// vectorised comparison says whether any does (Go programs have tables
	// of thousands of functions and make a host call every few
	// microseconds).
	syncedRefs, syncedElems []uint64
	// users are the (instance, table index) pairs whose VM context holds
	// the copy's base and length.
	users []tableUser
}

type tableUser struct {
	st  *instState
	idx uint32
}

// globalCell is the 16-byte slot compiled code reads a global through:
// the inline slot of the defining instance's VM context, or a separate
// cell for a global defined outside compiled code.
type globalCell struct {
	g     *store.Global
	isRef bool // funcref-typed: the cell holds a FuncRef address
	ptr   unsafe.Pointer
}

func (c *globalCell) words() *[2]uint64 { return (*[2]uint64)(c.ptr) }

func isFuncRefType(t wasm.ValType) bool {
	if t.Kind != wasm.KindRef {
		return false
	}
	switch t.Heap {
	case wasm.HeapFunc, wasm.HeapNoFunc:
		return true
	}
	return t.Heap >= 0 // a concrete (function) type index
}

func (st *instState) put(off uint32, v uint64) {
	binary.LittleEndian.PutUint64(st.vmctx[off:], v)
}

func addrOf(p unsafe.Pointer) uint64 { return uint64(uintptr(p)) }

// Attach implements store.Attacher: build the instance's VM context.
func (c *Code) Attach(inst *store.Instance) error {
	ss, err := c.engine.storeState(inst.Store)
	if err != nil {
		return err
	}
	m, offs := c.mod, c.offs
	st := &instState{ss: ss, inst: inst, code: c, vmctx: jit.NewVMContext(offs.Size())}
	st.base = uintptr(unsafe.Pointer(unsafe.SliceData(st.vmctx)))
	if err := ss.machine.InitVMContext(st.vmctx); err != nil {
		return err
	}
	st.put(vm.VMInstance, uint64(len(ss.insts)+1))
	if len(inst.Funcs) != len(m.FuncTypes) || len(inst.Memories) != len(m.MemTypes) ||
		len(inst.Tables) != len(m.TableTypes) || len(inst.Globals) != len(m.GlobalTypes) || len(inst.TypeIDs) != len(m.Types) {
		return fmt.Errorf("compiled: instance does not match its module")
	}
	for i := range inst.Memories {
		st.setMemory(uint32(i))
	}
	for t := range m.Types {
		binary.LittleEndian.PutUint32(st.vmctx[offs.TypeID(uint32(t)):], uint32(inst.TypeIDs[t]))
	}
	// Functions: defined ones point at this code; imports at the
	// exporter's code when it is compiled in this store, else at the
	// artifact's host-call trampoline (the exit goes through Store.Call).
	for i, f := range inst.Funcs {
		idx := uint32(i)
		var code, ctx uint64
		switch {
		case i >= m.NumImportedFuncs:
			code, ctx = uint64(c.funcAddr(idx)), uint64(st.base)
		default:
			if ex, ok := stateIn(f.Instance, ss); ok {
				code, ctx = uint64(ex.code.funcAddr(f.Index)), uint64(ex.base)
			} else {
				code, ctx = uint64(c.code.Addr(c.art.Imports[i])), uint64(st.base)
			}
			st.put(offs.ImportedFuncCode(idx), code)
			st.put(offs.ImportedFuncVMCtx(idx), ctx)
		}
		fr := offs.FuncRef(idx)
		st.put(fr+vm.FuncRefCode, code)
		st.put(fr+vm.FuncRefVMCtx, ctx)
		binary.LittleEndian.PutUint32(st.vmctx[fr+vm.FuncRefTypeID:], uint32(f.TypeID))
		addr := st.base + uintptr(fr)
		ss.funcs[addr] = f
		// The canonical FuncRef is the defining instance's, or for a
		// host function the first compiled importer's.
		if ft, ok := f.Tier.(*funcTier); i >= m.NumImportedFuncs || !ok || ft.ss != ss {
			f.Tier = &funcTier{ss: ss, ref: addr}
		}
	}
	for i, g := range inst.Globals {
		idx := uint32(i)
		if offs.GlobalIsImported(idx) {
			cell := ss.globals[g]
			if cell == nil {
				words := make([]uint64, 2)
				ss.cells = append(ss.cells, words)
				cell = ss.addGlobal(g, unsafe.Pointer(&words[0]))
			}
			st.put(offs.Global(idx), addrOf(cell.ptr))
			continue
		}
		ss.addGlobal(g, unsafe.Pointer(&st.vmctx[offs.Global(idx)]))
	}
	for i, t := range inst.Tables {
		sh := ss.tables[t]
		if sh == nil {
			sh = &shadowTable{tab: t, isFunc: isFuncRefType(t.Type.Elem)}
			ss.tables[t] = sh
			ss.tableOrder = append(ss.tableOrder, sh)
		}
		u := tableUser{st, uint32(i)}
		sh.users = append(sh.users, u)
		if len(sh.elems) > 0 {
			sh.publish(u)
		}
	}
	ss.insts = append(ss.insts, st)
	ss.byVMCtx[st.base] = st
	inst.State = st
	ss.pull()
	return nil
}

// stateIn returns the compiled state of inst if it is compiled code
// attached to ss.
func stateIn(inst *store.Instance, ss *storeState) (*instState, bool) {
	if inst == nil {
		return nil, false
	}
	st, ok := inst.State.(*instState)
	if !ok || st.ss != ss {
		return nil, false
	}
	return st, true
}

func (ss *storeState) addGlobal(g *store.Global, p unsafe.Pointer) *globalCell {
	cell := &globalCell{g: g, isRef: isFuncRefType(g.Type.Type), ptr: p}
	ss.globals[g] = cell
	ss.globalOrder = append(ss.globalOrder, cell)
	return cell
}

// setMemory writes memory i's base and length into the VM context.
func (st *instState) setMemory(i uint32) {
	mem := st.inst.Memories[i]
	base := uint64(0)
	if cap(mem.Bytes) > 0 {
		base = addrOf(unsafe.Pointer(unsafe.SliceData(mem.Bytes)))
	}
	st.put(st.code.offs.MemoryBase(i), base)
	st.put(st.code.offs.MemoryLength(i), uint64(len(mem.Bytes)))
}

// memoryGrew refreshes every VM context copy of mem (Store.OnMemoryGrow).
func (ss *storeState) memoryGrew(mem *store.Memory) {
	for _, st := range ss.insts {
		for i, m := range st.inst.Memories {
			if m == mem {
				st.setMemory(uint32(i))
			}
		}
	}
}

// refToAddr converts a store funcref to the FuncRef address compiled code
// uses; a function no compiled instance of the store has seen becomes
// null (calling it traps as an uninitialised element instead of jumping
// anywhere).
func (ss *storeState) refToAddr(r store.Ref) uint64 {
	if r == 0 {
		return 0
	}
	f := ss.store.Func(r)
	if f == nil {
		return 0
	}
	if ft, ok := f.Tier.(*funcTier); ok && ft.ss == ss {
		return uint64(ft.ref)
	}
	return 0
}

// addrToRef is the inverse of refToAddr.
func (ss *storeState) addrToRef(a uint64) store.Ref {
	if a == 0 {
		return 0
	}
	if f := ss.funcs[uintptr(a)]; f != nil {
		return ss.store.FuncRef(f)
	}
	return 0
}

// pull copies the store's tables and globals into the compiled copies.
func (ss *storeState) pull() {
	for _, sh := range ss.tableOrder {
		ss.pullTable(sh)
	}
	for _, c := range ss.globalOrder {
		w := c.words()
		w[0], w[1] = c.g.Lo, c.g.Hi
		if c.isRef {
			w[0] = ss.refToAddr(c.g.Lo)
		}
	}
}

func (ss *storeState) convertIn(sh *shadowTable, r store.Ref) uint64 {
	if sh.isFunc {
		return ss.refToAddr(r)
	}
	return r
}

func (ss *storeState) pullTable(sh *shadowTable) {
	refs := sh.tab.Elems
	n := len(refs)
	if n != len(sh.elems) || len(sh.elems) == 0 {
		// New or resized: rebuild, and tell every VM context.
		sh.elems = make([]uint64, n, max(n, 1))
		sh.syncedRefs = append(sh.syncedRefs[:0], refs...)
		for j, r := range refs {
			sh.elems[j] = ss.convertIn(sh, r)
		}
		sh.syncedElems = append(sh.syncedElems[:0], sh.elems...)
		for _, u := range sh.users {
			sh.publish(u)
		}
		return
	}
	if equalWords(refs, sh.syncedRefs) {
		return
	}
	for j, r := range refs {
		if r != sh.syncedRefs[j] {
			a := ss.convertIn(sh, r)
			sh.syncedRefs[j], sh.elems[j], sh.syncedElems[j] = r, a, a
		}
	}
}

// publish writes the copy's base and length into a user's VM context.
func (sh *shadowTable) publish(u tableUser) {
	base := addrOf(unsafe.Pointer(unsafe.SliceData(sh.elems[:cap(sh.elems)])))
	u.st.put(u.st.code.offs.TableBase(u.idx), base)
	u.st.put(u.st.code.offs.TableLength(u.idx), uint64(len(sh.elems)))
}

// equalWords compares two equally long word slices as bytes (the
// runtime's vectorised memequal).
func equalWords(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 {
		return true
	}
	x := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(a))), 8*len(a))
	y := unsafe.String((*byte)(unsafe.Pointer(unsafe.SliceData(b))), 8*len(b))
	return x == y
}

// push copies the compiled copies back into the store's objects.
func (ss *storeState) push() {
	for _, sh := range ss.tableOrder {
		if len(sh.elems) != len(sh.tab.Elems) || equalWords(sh.elems, sh.syncedElems) {
			continue
		}
		for j, a := range sh.elems {
			if a != sh.syncedElems[j] {
				r := a
				if sh.isFunc {
					r = ss.addrToRef(a)
				}
				sh.syncedElems[j], sh.tab.Elems[j], sh.syncedRefs[j] = a, r, r
			}
		}
	}
	for _, c := range ss.globalOrder {
		w := c.words()
		c.g.Lo, c.g.Hi = w[0], w[1]
		if c.isRef {
			c.g.Lo = ss.addrToRef(w[0])
		}
	}
}
