//go:build linux && amd64

package spectest

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"kiln/baseline"
	filewast "kiln/filetests/wast"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wast"
	"kiln/optimizing/compile"
	"kiln/optimizing/frontend"
	"kiln/optimizing/internal/benchtest"
	"kiln/optimizing/isa/amd64"
	"kiln/optimizing/isa/amd64/native"
	"kiln/runtime/wasi"
)

// This file runs the WebAssembly spec scripts on the optimizing tier
// before the runtime's compiled-code strategy exists: nativeTier is a
// small instantiation harness (VM contexts, memories reserved by mmap,
// tables, globals, segments, the spectest module, cross-module imports)
// over native.WasmMachine, plugged into the filetests spec-script runner.
// It is a test harness, not a runtime: what it does not model it reports
// as unsupported (skipped), never as passed.

type specView struct {
	vmctx []byte
	base  uint32 // offset of the {base, length} pair
}

type specMemory struct {
	res  []byte // the whole reservation; the memory is res[:size]
	size uint64 // bytes
	max  uint64 // pages
	// views are the VM contexts holding a copy of base and length.
	views []specView
}

func (m *specMemory) bytes() []byte { return m.res[:m.size] }

func (m *specMemory) update() {
	for _, v := range m.views {
		binary.LittleEndian.PutUint64(v.vmctx[v.base:], uint64(uintptr(unsafe.Pointer(&m.res[0]))))
		binary.LittleEndian.PutUint64(v.vmctx[v.base+8:], m.size)
	}
}

type specTable struct {
	elems []uint64 // capacity reserved up front: the base never moves
	max   uint64
	views []specView
}

func (t *specTable) update() {
	for _, v := range t.views {
		p := uint64(0)
		if cap(t.elems) > 0 {
			p = uint64(uintptr(unsafe.Pointer(unsafe.SliceData(t.elems))))
		}
		binary.LittleEndian.PutUint64(v.vmctx[v.base:], p)
		binary.LittleEndian.PutUint64(v.vmctx[v.base+8:], uint64(len(t.elems)))
	}
}

// specExtern is an exported (or spectest) object.
type specExtern struct {
	kind wasm.ExternKind
	// func: code address, VM context, type id, the FuncRef address.
	code, vmctx uint64
	typeID      uint32
	funcRef     uint64
	funcType    *wasm.SubType
	mem         *specMemory
	memType     wasm.MemoryType
	table       *specTable
	tableType   wasm.TableType
	global      *[2]uint64 // the slot
	globalType  wasm.GlobalType
	// host implements a host function (nil: does nothing); mem is the
	// calling instance's memory 0.
	host func(mem []byte, params, results []uint64) error
}

type specInstance struct {
	m       *wasm.Module
	art     *vm.Artifact
	code    *native.Code
	off     *vm.Offsets
	vmctx   []byte
	mems    []*specMemory
	tables  []*specTable
	exports map[string]*specExtern
	// hostFuncs[i] is imported function i when it is a host function.
	hostFuncs map[uint32]*specExtern
	// passive segments (nil once dropped)
	datas [][]byte
	elems [][]uint64
}

type nativeTier struct {
	// compiler is the tier under test: the optimizing tier, or another
	// vm.Compiler (KILN_TIER=baseline) for comparison.
	compiler  vm.Compiler
	mach      *native.WasmMachine
	typeIDs   map[string]uint32
	instances map[string]*specInstance
	byVMCtx   map[uintptr]*specInstance
	last      *specInstance
	registry  map[string]map[string]*specExtern
	hostSlots []*[2]uint64
	mmaps     [][]byte
}

func newNativeTier() *nativeTier {
	t := &nativeTier{compiler: compile.New(), mach: native.NewWasmMachine(8 << 20), typeIDs: map[string]uint32{}}
	switch os.Getenv("KILN_TIER") {
	case "baseline":
		t.compiler = baseline.Compiler{}
	case "optimizing-no-midend":
		t.compiler = &compile.Compiler{}
	}
	t.Reset()
	return t
}

func (t *nativeTier) Name() string { return "optimizing" }

// Unsupported: SIMD, GC, exceptions and threads
// are not translated by the tier.
func (t *nativeTier) Unsupported() wasm.Features {
	return wasm.SIMD | wasm.RelaxedSIMD | wasm.GC | wasm.ExceptionHandling | wasm.LegacyExceptions | wasm.Threads
}

func (t *nativeTier) Reset() {
	for _, m := range t.mmaps {
		syscall.Munmap(m)
	}
	t.mmaps = nil
	t.instances = map[string]*specInstance{}
	t.byVMCtx = map[uintptr]*specInstance{}
	t.last = nil
	t.registry = map[string]map[string]*specExtern{}
	t.defineSpectest()
}

func (t *nativeTier) close() { t.Reset() }

func (t *nativeTier) hostGlobal(ty wasm.ValType, bits uint64) *specExtern {
	slot := &[2]uint64{bits}
	t.hostSlots = append(t.hostSlots, slot)
	return &specExtern{kind: wasm.ExternGlobal, global: slot, globalType: wasm.GlobalType{Type: ty}}
}

func (t *nativeTier) defineSpectest() {
	st := map[string]*specExtern{}
	for name, params := range map[string][]wasm.ValType{
		"print": nil, "print_i32": {wasm.I32}, "print_i64": {wasm.I64}, "print_f32": {wasm.F32},
		"print_f64": {wasm.F64}, "print_i32_f32": {wasm.I32, wasm.F32}, "print_f64_f64": {wasm.F64, wasm.F64},
	} {
		ft := &wasm.SubType{Kind: wasm.CompFunc, Final: true, Super: -1, Params: params}
		st[name] = &specExtern{kind: wasm.ExternFunc, funcType: ft, typeID: t.typeID(nil, ft)}
	}
	st["global_i32"] = t.hostGlobal(wasm.I32, 666)
	st["global_i64"] = t.hostGlobal(wasm.I64, 666)
	st["global_f32"] = t.hostGlobal(wasm.F32, uint64(math.Float32bits(666.6)))
	st["global_f64"] = t.hostGlobal(wasm.F64, math.Float64bits(666.6))
	st["table"] = &specExtern{kind: wasm.ExternTable, table: &specTable{elems: make([]uint64, 10, 20), max: 20}, tableType: wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 10, Max: 20, HasMax: true}}}
	st["table64"] = &specExtern{kind: wasm.ExternTable, table: &specTable{elems: make([]uint64, 10, 20), max: 20}, tableType: wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 10, Max: 20, HasMax: true}, Table64: true}}
	if mem, err := t.newMemory(wasm.MemoryType{Limits: wasm.Limits{Min: 1, Max: 2, HasMax: true}}); err == nil {
		st["memory"] = &specExtern{kind: wasm.ExternMemory, mem: mem, memType: wasm.MemoryType{Limits: wasm.Limits{Min: 1, Max: 2, HasMax: true}}}
	}
	t.registry["spectest"] = st
}

// typeID is the engine-wide id of a function type of module m (nil for
// the harness's own types): structurally equal types share it. Concrete
// type references are replaced by the referenced type's structure, which
// is enough for non-recursive types; Instantiate declines modules with
// recursive type groups.
func (t *nativeTier) typeID(m *wasm.Module, st *wasm.SubType) uint32 {
	key := typeKey(m, st, 0)
	id, ok := t.typeIDs[key]
	if !ok {
		id = uint32(len(t.typeIDs) + 1)
		t.typeIDs[key] = id
	}
	return id
}

func typeKey(m *wasm.Module, st *wasm.SubType, depth int) string {
	val := func(v wasm.ValType) string {
		if v.Kind == wasm.KindRef && v.Heap >= 0 && m != nil && int(v.Heap) < len(m.Types) && depth < 16 {
			return fmt.Sprintf("(ref %v %s)", v.Nullable, typeKey(m, &m.Types[v.Heap], depth+1))
		}
		return fmt.Sprint(v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%v %v(", st.Final, st.Super >= 0)
	for _, p := range st.Params {
		b.WriteString(val(p) + " ")
	}
	b.WriteString("->")
	for _, r := range st.Results {
		b.WriteString(" " + val(r))
	}
	b.WriteString(")")
	return b.String()
}

// recursiveTypes reports whether m has a rec group of several types or a
// type that refers to itself.
func recursiveTypes(m *wasm.Module) bool {
	for _, g := range m.RecGroups {
		if g.Len > 1 {
			return true
		}
	}
	for i := range m.Types {
		for _, v := range append(append([]wasm.ValType(nil), m.Types[i].Params...), m.Types[i].Results...) {
			if v.Kind == wasm.KindRef && v.Heap >= wasm.HeapType(i) {
				return true
			}
		}
	}
	return false
}

// specMaxReserve bounds a memory's reservation (and so its growth) at
// 4 GiB + 64 KiB of address space; pages are committed on first touch.
const specMaxPages = 1 << 16

func (t *nativeTier) newMemory(mt wasm.MemoryType) (*specMemory, error) {
	max := uint64(specMaxPages)
	if mt.Limits.HasMax && mt.Limits.Max < max {
		max = mt.Limits.Max
	}
	if mt.Limits.Min > max {
		return nil, &filewast.UnsupportedError{Reason: fmt.Sprintf("memory of %d pages", mt.Limits.Min)}
	}
	res, err := syscall.Mmap(-1, 0, int(max<<16)+65536, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
	if err != nil {
		return nil, err
	}
	t.mmaps = append(t.mmaps, res)
	return &specMemory{res: res, size: mt.Limits.Min << 16, max: max}, nil
}

type trapError struct {
	code   vm.TrapCode
	detail string
}

func (e *trapError) Error() string {
	if e.detail != "" {
		return e.code.Message() + " " + e.detail
	}
	return e.code.Message()
}

// evalConst evaluates a constant expression in inst (globals already
// initialised).
func (t *nativeTier) evalConst(inst *specInstance, e wasm.ConstExpr) (uint64, error) {
	var stack []uint64
	for _, op := range e.Ops {
		switch op.Op {
		case wasm.OpI32Const:
			stack = append(stack, uint64(uint32(op.Imm)))
		case wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
			stack = append(stack, op.Imm)
		case wasm.OpGlobalGet:
			stack = append(stack, t.globalSlot(inst, op.Index)[0])
		case wasm.OpRefNull:
			stack = append(stack, 0)
		case wasm.OpRefFunc:
			stack = append(stack, inst.funcRefAddr(op.Index))
		case wasm.OpI32Add, wasm.OpI32Sub, wasm.OpI32Mul, wasm.OpI64Add, wasm.OpI64Sub, wasm.OpI64Mul:
			y, x := stack[len(stack)-1], stack[len(stack)-2]
			stack = stack[:len(stack)-2]
			var r uint64
			switch op.Op {
			case wasm.OpI32Add, wasm.OpI64Add:
				r = x + y
			case wasm.OpI32Sub, wasm.OpI64Sub:
				r = x - y
			default:
				r = x * y
			}
			if op.Op <= wasm.OpI32Mul && op.Op >= wasm.OpI32Add {
				r = uint64(uint32(r))
			}
			stack = append(stack, r)
		case wasm.OpEnd:
		default:
			return 0, &filewast.UnsupportedError{Reason: "constant operator " + op.Op.String()}
		}
	}
	if len(stack) != 1 {
		return 0, fmt.Errorf("constant expression left %d values", len(stack))
	}
	return stack[0], nil
}

func (inst *specInstance) funcRefAddr(f uint32) uint64 {
	return uint64(uintptr(unsafe.Pointer(&inst.vmctx[0]))) + uint64(inst.off.FuncRef(f))
}

// globalSlot returns global g's 16-byte slot.
func (t *nativeTier) globalSlot(inst *specInstance, g uint32) *[2]uint64 {
	off := inst.off.Global(g)
	if inst.off.GlobalIsImported(g) {
		// The word holds the address of the exporter's slot.
		return *(**[2]uint64)(unsafe.Pointer(&inst.vmctx[off]))
	}
	return (*[2]uint64)(unsafe.Pointer(&inst.vmctx[off]))
}

func (t *nativeTier) Instantiate(id string, bin []byte) error {
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		return err
	}
	for _, ti := range m.Types {
		if ti.Kind != wasm.CompFunc {
			return &filewast.UnsupportedError{Reason: "GC types"}
		}
	}
	if recursiveTypes(m) {
		return &filewast.UnsupportedError{Reason: "harness: identity of recursive types across modules is not modelled"}
	}
	art, err := t.compiler.Compile(context.Background(), m, vm.CompileOptions{Target: "amd64", Features: wasm.Features3_0})
	if err != nil {
		if errors.Is(err, frontend.ErrUnsupported) || errors.Is(err, amd64.ErrUnsupported) {
			return &filewast.UnsupportedError{Reason: err.Error()}
		}
		return err
	}
	// Resolve PC-relative calls inside the blob (the optimizing tier
	// patches its own; other tiers leave them to the loader).
	for _, r := range art.Relocs {
		if r.Kind != vm.RelocX86PCRel4 || r.Target.Kind != vm.SymFunc || r.Target.Index >= uint32(len(m.FuncTypes)) {
			return fmt.Errorf("relocation %+v is not supported by the harness", r)
		}
		var off uint32
		if nimp := uint32(m.NumImportedFuncs); r.Target.Index < nimp {
			off = art.Imports[r.Target.Index]
		} else {
			off = art.Funcs[r.Target.Index-nimp].Offset
		}
		binary.LittleEndian.PutUint32(art.Code[r.Offset:], uint32(int32(int64(off)+r.Addend-int64(r.Offset))))
	}
	// Map at least a page, so a module without functions has an address.
	code, err := native.Map(append(art.Code, 0xcc))
	if err != nil {
		return err
	}
	inst := &specInstance{m: m, art: art, code: code, off: vm.NewOffsets(m, 8), exports: map[string]*specExtern{}, hostFuncs: map[uint32]*specExtern{}}
	raw := make([]byte, inst.off.Size()+16)
	skew := int(uintptr(unsafe.Pointer(&raw[0])) & 15)
	inst.vmctx = raw[(16-skew)&15:][:inst.off.Size()]
	if err := t.mach.InitVMContext(inst.vmctx); err != nil {
		return err
	}
	vmaddr := uint64(uintptr(unsafe.Pointer(&inst.vmctx[0])))
	put := func(off uint32, v uint64) { binary.LittleEndian.PutUint64(inst.vmctx[off:], v) }
	put32 := func(off uint32, v uint32) { binary.LittleEndian.PutUint32(inst.vmctx[off:], v) }
	for ti := range m.Types {
		put32(inst.off.TypeID(uint32(ti)), t.typeID(m, &m.Types[ti]))
	}

	// Imports.
	var fi, mi, ti, gi uint32
	for _, imp := range m.Imports {
		mod, ok := t.registry[imp.Module]
		if !ok {
			return fmt.Errorf("unknown import %s.%s (module not registered)", imp.Module, imp.Name)
		}
		ex, ok := mod[imp.Name]
		if !ok {
			return fmt.Errorf("unknown import %s.%s", imp.Module, imp.Name)
		}
		if ex.kind != imp.Kind {
			return fmt.Errorf("incompatible import type for %s.%s", imp.Module, imp.Name)
		}
		switch imp.Kind {
		case wasm.ExternFunc:
			want := &m.Types[imp.TypeIndex]
			if t.typeID(m, want) != ex.typeID {
				return fmt.Errorf("incompatible import type for %s.%s", imp.Module, imp.Name)
			}
			code, ctx := ex.code, ex.vmctx
			if ex.code == 0 {
				// A host function: this module's host-call trampoline.
				code, ctx = uint64(inst.code.Addr(int(art.Imports[fi]))), vmaddr
				inst.hostFuncs[fi] = ex
			}
			put(inst.off.ImportedFuncCode(fi), code)
			put(inst.off.ImportedFuncVMCtx(fi), ctx)
			fr := inst.off.FuncRef(fi)
			put(fr+vm.FuncRefCode, code)
			put(fr+vm.FuncRefVMCtx, ctx)
			put32(fr+vm.FuncRefTypeID, ex.typeID)
			fi++
		case wasm.ExternMemory:
			mem := ex.mem
			if mem.size>>16 < imp.Memory.Limits.Min || (imp.Memory.Limits.HasMax && (!ex.memType.Limits.HasMax || ex.memType.Limits.Max > imp.Memory.Limits.Max)) || ex.memType.Memory64 != imp.Memory.Memory64 {
				return errors.New("incompatible import type: memory limits")
			}
			inst.mems = append(inst.mems, mem)
			mem.views = append(mem.views, specView{inst.vmctx, inst.off.MemoryBase(mi)})
			mi++
		case wasm.ExternTable:
			tab := ex.table
			if uint64(len(tab.elems)) < imp.Table.Limits.Min || (imp.Table.Limits.HasMax && (!ex.tableType.Limits.HasMax || ex.tableType.Limits.Max > imp.Table.Limits.Max)) || ex.tableType.Table64 != imp.Table.Table64 || ex.tableType.Elem != imp.Table.Elem {
				return errors.New("incompatible import type: table limits")
			}
			inst.tables = append(inst.tables, tab)
			tab.views = append(tab.views, specView{inst.vmctx, inst.off.TableBase(ti)})
			ti++
		case wasm.ExternGlobal:
			if ex.globalType.Mutable != imp.Global.Mutable || (ex.globalType.Type.Kind != wasm.KindRef && ex.globalType.Type != imp.Global.Type) {
				return errors.New("incompatible import type: global")
			}
			if ex.globalType.Type.Kind == wasm.KindRef && ex.globalType.Type != imp.Global.Type {
				return &filewast.UnsupportedError{Reason: "harness: reference subtyping of imported globals is not modelled"}
			}
			put(inst.off.Global(gi), uint64(uintptr(unsafe.Pointer(ex.global))))
			gi++
		default:
			return &filewast.UnsupportedError{Reason: "tag imports"}
		}
	}
	// Defined functions.
	nimp := uint32(m.NumImportedFuncs)
	for f := nimp; f < uint32(len(m.FuncTypes)); f++ {
		fr := inst.off.FuncRef(f)
		put(fr+vm.FuncRefCode, uint64(code.Addr(int(art.Funcs[f-nimp].Offset))))
		put(fr+vm.FuncRefVMCtx, vmaddr)
		put32(fr+vm.FuncRefTypeID, t.typeID(m, m.FuncType(f)))
	}
	// Defined memories, tables, globals.
	for i := mi; i < uint32(len(m.MemTypes)); i++ {
		mem, err := t.newMemory(m.MemTypes[i])
		if err != nil {
			return err
		}
		inst.mems = append(inst.mems, mem)
		mem.views = append(mem.views, specView{inst.vmctx, inst.off.MemoryBase(i)})
	}
	for _, mem := range inst.mems {
		mem.update()
	}
	for i := ti; i < uint32(len(m.TableTypes)); i++ {
		tt := m.TableTypes[i]
		max := tt.Limits.Max
		if !tt.Limits.HasMax || max > 1<<20 {
			max = 1 << 20
		}
		if tt.Limits.Min > max {
			return &filewast.UnsupportedError{Reason: "huge table"}
		}
		tab := &specTable{elems: make([]uint64, tt.Limits.Min, max), max: max}
		if d := &m.Tables[i-uint32(m.NumImportedTables)]; d.HasInit {
			v, err := t.evalConst(inst, d.Init)
			if err != nil {
				return err
			}
			for k := range tab.elems {
				tab.elems[k] = v
			}
		}
		inst.tables = append(inst.tables, tab)
		tab.views = append(tab.views, specView{inst.vmctx, inst.off.TableBase(i)})
	}
	for _, tab := range inst.tables {
		tab.update()
	}
	for g := gi; g < uint32(len(m.GlobalTypes)); g++ {
		v, err := t.evalConst(inst, m.Globals[g-uint32(m.NumImportedGlobals)].Init)
		if err != nil {
			return err
		}
		t.globalSlot(inst, g)[0] = v
	}
	// Exports.
	for _, e := range m.Exports {
		ex := &specExtern{kind: e.Kind}
		switch e.Kind {
		case wasm.ExternFunc:
			fr := inst.off.FuncRef(e.Index)
			ex.code = binary.LittleEndian.Uint64(inst.vmctx[fr+vm.FuncRefCode:])
			ex.vmctx = binary.LittleEndian.Uint64(inst.vmctx[fr+vm.FuncRefVMCtx:])
			ex.typeID = binary.LittleEndian.Uint32(inst.vmctx[fr+vm.FuncRefTypeID:])
			ex.funcType = m.FuncType(e.Index)
			ex.funcRef = inst.funcRefAddr(e.Index)
		case wasm.ExternMemory:
			ex.mem, ex.memType = inst.mems[e.Index], m.MemTypes[e.Index]
		case wasm.ExternTable:
			ex.table, ex.tableType = inst.tables[e.Index], m.TableTypes[e.Index]
		case wasm.ExternGlobal:
			ex.global = t.globalSlot(inst, e.Index)
			ex.globalType = m.GlobalTypes[e.Index]
		}
		inst.exports[e.Name] = ex
	}
	t.byVMCtx[uintptr(vmaddr)] = inst
	// Segments: elements, then data, then start (the spec's order; a trap
	// leaves the effects of the earlier segments in place).
	inst.elems = make([][]uint64, len(m.Elems))
	for k := range m.Elems {
		e := &m.Elems[k]
		vals := make([]uint64, e.Len())
		for j := range vals {
			if e.UsesExprs {
				v, err := t.evalConst(inst, e.Exprs[j])
				if err != nil {
					return err
				}
				vals[j] = v
			} else {
				vals[j] = inst.funcRefAddr(e.FuncIndices[j])
			}
		}
		if e.Mode == wasm.SegmentPassive {
			inst.elems[k] = vals
		}
	}
	for k := range m.Elems {
		e := &m.Elems[k]
		if e.Mode != wasm.SegmentActive {
			continue
		}
		off, err := t.evalConst(inst, e.OffsetExpr)
		if err != nil {
			return err
		}
		tab := inst.tables[e.Table]
		if off > uint64(len(tab.elems)) || uint64(e.Len()) > uint64(len(tab.elems))-off {
			return &trapError{code: vm.TrapTableOutOfBounds}
		}
		vals := make([]uint64, e.Len())
		for j := range vals {
			if e.UsesExprs {
				vals[j], _ = t.evalConst(inst, e.Exprs[j])
			} else {
				vals[j] = inst.funcRefAddr(e.FuncIndices[j])
			}
		}
		copy(tab.elems[off:], vals)
	}
	inst.datas = make([][]byte, len(m.Datas))
	for k := range m.Datas {
		d := &m.Datas[k]
		switch d.Mode {
		case wasm.SegmentPassive:
			inst.datas[k] = d.Init
		case wasm.SegmentActive:
			off, err := t.evalConst(inst, d.OffsetExpr)
			if err != nil {
				return err
			}
			mem := inst.mems[d.Memory]
			if !m.MemTypes[d.Memory].Memory64 {
				off = uint64(uint32(off))
			}
			if off > mem.size || uint64(len(d.Init)) > mem.size-off {
				return &trapError{code: vm.TrapMemoryOutOfBounds}
			}
			copy(mem.bytes()[off:], d.Init)
		}
	}
	if m.HasStart {
		if _, err := t.call(inst, m.Start, nil); err != nil {
			return err
		}
	}
	t.last = inst
	if id != "" {
		t.instances[id] = inst
	}
	return nil
}

func (t *nativeTier) instance(id string) (*specInstance, error) {
	if id == "" {
		if t.last == nil {
			return nil, errors.New("no module instantiated")
		}
		return t.last, nil
	}
	inst, ok := t.instances[id]
	if !ok {
		return nil, fmt.Errorf("unknown module %s", id)
	}
	return inst, nil
}

func (t *nativeTier) Register(as, id string) error {
	inst, err := t.instance(id)
	if err != nil {
		return err
	}
	t.registry[as] = inst.exports
	return nil
}

func (t *nativeTier) Get(id, name string) (wast.Value, error) {
	inst, err := t.instance(id)
	if err != nil {
		return wast.Value{}, err
	}
	ex, ok := inst.exports[name]
	if !ok || ex.kind != wasm.ExternGlobal {
		return wast.Value{}, fmt.Errorf("no exported global %q", name)
	}
	return fromWord(ex.globalType.Type, ex.global[0]), nil
}

func (t *nativeTier) Invoke(id, name string, args []wast.Value) ([]wast.Value, error) {
	inst, err := t.instance(id)
	if err != nil {
		return nil, err
	}
	var f uint32
	found := false
	for _, e := range inst.m.Exports {
		if e.Name == name && e.Kind == wasm.ExternFunc {
			f, found = e.Index, true
		}
	}
	if !found {
		return nil, fmt.Errorf("no exported function %q", name)
	}
	words := make([]uint64, len(args))
	for i, a := range args {
		switch a.Type {
		case wast.I32, wast.F32:
			words[i] = uint64(uint32(a.Lo))
		case wast.I64, wast.F64:
			words[i] = a.Lo
		case wast.Ref:
			switch a.Ref {
			case wast.RefNull:
			case wast.RefExtern:
				words[i] = uint64(a.Index) + 1
			case wast.RefHost:
				words[i] = (uint64(a.Index) + 1) | 1<<62
			default:
				return nil, &filewast.UnsupportedError{Reason: "argument " + fmt.Sprint(a)}
			}
		default:
			return nil, &filewast.UnsupportedError{Reason: "v128 argument"}
		}
	}
	return t.call(inst, f, words)
}

// call calls function f of inst (imports included: an imported host
// function does nothing) and converts the results.
func (t *nativeTier) call(inst *specInstance, f uint32, args []uint64) ([]wast.Value, error) {
	st := inst.m.FuncType(f)
	nimp := uint32(inst.m.NumImportedFuncs)
	if f < nimp {
		// Calling an import from the script: go through its FuncRef's
		// code only when it is wasm code of another instance.
		target, ok := t.byVMCtx[uintptr(binary.LittleEndian.Uint64(inst.vmctx[inst.off.ImportedFuncVMCtx(f):]))]
		if !ok || target == inst {
			return make([]wast.Value, len(st.Results)), nil
		}
		code := binary.LittleEndian.Uint64(inst.vmctx[inst.off.ImportedFuncCode(f):])
		for g := target.m.NumImportedFuncs; g < len(target.m.FuncTypes); g++ {
			if uint64(target.code.Addr(int(target.art.Funcs[g-target.m.NumImportedFuncs].Offset))) == code {
				return t.call(target, uint32(g), args)
			}
		}
		return nil, errors.New("imported function not found")
	}
	entry := inst.code.Addr(int(inst.art.Funcs[f-nimp].ArrayEntry))
	vals := make([]native.Slot, max(len(st.Params), len(st.Results), 1))
	for i, a := range args {
		vals[i][0] = a
	}
	trap, err := t.mach.Call(entry, inst.vmctx, vals, t.handle)
	if err != nil {
		return nil, err
	}
	if trap != vm.TrapNone {
		te := &trapError{code: trap}
		switch {
		case trap == vm.TrapIndirectCallToNull:
			// The code leaves the element index in ExitArgs[1].
			te.detail = fmt.Sprint(t.mach.SC.ExitArgs[1])
		case trap == vm.TrapNullReference && t.mach.SC.ExitArgs[1] == frontend.NullFuncRefDetail:
			return nil, errors.New("null function reference")
		}
		return nil, te
	}
	out := make([]wast.Value, len(st.Results))
	for i, r := range st.Results {
		out[i] = fromWord(r, vals[i][0])
	}
	return out, nil
}

func fromWord(rt wasm.ValType, w uint64) wast.Value {
	switch rt.Kind {
	case wasm.KindI32:
		return wast.Value{Type: wast.I32, Lo: uint64(uint32(w))}
	case wasm.KindI64:
		return wast.Value{Type: wast.I64, Lo: w}
	case wasm.KindF32:
		return wast.Value{Type: wast.F32, Lo: uint64(uint32(w))}
	case wasm.KindF64:
		return wast.Value{Type: wast.F64, Lo: w}
	}
	v := wast.Value{Type: wast.Ref}
	switch {
	case w == 0:
		v.Ref = wast.RefNull
	case rt.Heap == wasm.HeapExtern || rt.Heap == wasm.HeapNoExtern:
		v.Ref, v.HasIndex, v.Index = wast.RefExtern, true, uint32(w-1)
		if w&(1<<62) != 0 {
			v.Ref, v.Index = wast.RefHost, uint32((w&^(1<<62))-1)
		}
	default:
		v.Ref = wast.RefFunc
	}
	return v
}

// handle implements the exits: host calls (spectest functions do
// nothing), memory and table operations.
func (t *nativeTier) handle(m *native.WasmMachine, k vm.ExitKind) error {
	inst, ok := t.byVMCtx[uintptr(m.SC.ExitVMCtx)]
	if !ok {
		return fmt.Errorf("exit %s from an unknown VM context", k)
	}
	a := &m.SC.ExitArgs
	trap := func(c vm.TrapCode) error { return &trapError{code: c} }
	inRange := func(off, n, size uint64) bool { return off <= size && n <= size-off }
	switch k {
	case vm.ExitHostCall:
		ex := inst.hostFuncs[uint32(a[0])]
		if ex == nil || ex.host == nil {
			return nil
		}
		ft := ex.funcType
		n := max(len(ft.Params), len(ft.Results), 1)
		// The word holds the address of the trampoline's values array.
		vals := unsafe.Slice(*(**native.Slot)(unsafe.Pointer(&a[1])), n)
		params, results := make([]uint64, len(ft.Params)), make([]uint64, len(ft.Results))
		for i := range params {
			params[i] = vals[i][0]
		}
		var mem []byte
		if len(inst.mems) > 0 {
			mem = inst.mems[0].bytes()
		}
		if err := ex.host(mem, params, results); err != nil {
			return err
		}
		for i, r := range results {
			vals[i][0] = r
		}
		return nil
	case vm.ExitMemoryGrow:
		mem := inst.mems[a[0]]
		old := mem.size >> 16
		if a[1] > mem.max-old {
			a[0] = math.MaxUint64
			return nil
		}
		mem.size += a[1] << 16
		mem.update()
		a[0] = old
	case vm.ExitMemoryFill:
		mem := inst.mems[a[0]]
		if !inRange(a[1], a[3], mem.size) {
			return trap(vm.TrapMemoryOutOfBounds)
		}
		b := mem.bytes()[a[1] : a[1]+a[3]]
		for i := range b {
			b[i] = byte(a[2])
		}
	case vm.ExitMemoryCopy:
		dst, src := inst.mems[a[0]], inst.mems[a[1]]
		if !inRange(a[2], a[4], dst.size) || !inRange(a[3], a[4], src.size) {
			return trap(vm.TrapMemoryOutOfBounds)
		}
		copy(dst.bytes()[a[2]:a[2]+a[4]], src.bytes()[a[3]:a[3]+a[4]])
	case vm.ExitMemoryInit:
		mem, seg := inst.mems[a[0]], inst.datas[a[1]]
		if !inRange(a[2], a[4], mem.size) || !inRange(a[3], a[4], uint64(len(seg))) {
			return trap(vm.TrapMemoryOutOfBounds)
		}
		copy(mem.bytes()[a[2]:], seg[a[3]:a[3]+a[4]])
	case vm.ExitDataDrop:
		inst.datas[a[0]] = nil
	case vm.ExitTableGrow:
		tab := inst.tables[a[0]]
		old := uint64(len(tab.elems))
		if a[1] > tab.max-old || a[1] > uint64(cap(tab.elems))-old {
			a[0] = math.MaxUint64
			return nil
		}
		for range a[1] {
			tab.elems = append(tab.elems, a[2])
		}
		tab.update()
		a[0] = old
	case vm.ExitTableFill:
		tab := inst.tables[a[0]]
		if !inRange(a[1], a[3], uint64(len(tab.elems))) {
			return trap(vm.TrapTableOutOfBounds)
		}
		for i := a[1]; i < a[1]+a[3]; i++ {
			tab.elems[i] = a[2]
		}
	case vm.ExitTableCopy:
		dst, src := inst.tables[a[0]], inst.tables[a[1]]
		if !inRange(a[2], a[4], uint64(len(dst.elems))) || !inRange(a[3], a[4], uint64(len(src.elems))) {
			return trap(vm.TrapTableOutOfBounds)
		}
		copy(dst.elems[a[2]:a[2]+a[4]], src.elems[a[3]:a[3]+a[4]])
	case vm.ExitTableInit:
		tab, seg := inst.tables[a[0]], inst.elems[a[1]]
		if !inRange(a[2], a[4], uint64(len(tab.elems))) || !inRange(a[3], a[4], uint64(len(seg))) {
			return trap(vm.TrapTableOutOfBounds)
		}
		copy(tab.elems[a[2]:], seg[a[3]:a[3]+a[4]])
	case vm.ExitElemDrop:
		inst.elems[a[0]] = nil
	default:
		return fmt.Errorf("unexpected exit %s", k)
	}
	return nil
}

// specFiles are the spec core scripts the optimizing tier must pass (the
// baseline issue's set: MVP, sign-ext, sat-conv, multi-value, bulk
// memory, reference types, tail calls, multi-memory, memory64,
// extended-const; no SIMD).
func specFiles(t *testing.T) []string {
	root := os.Getenv("KILN_SPEC_TESTSUITE")
	if root == "" {
		root = "/work/shared/upstream/spec-testsuite"
	}
	var files []string
	for _, dir := range []string{"core"} {
		fs, _ := filepath.Glob(filepath.Join(root, dir, "*.wast"))
		for _, f := range fs {
			if strings.HasPrefix(filepath.Base(f), "simd_") {
				continue
			}
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Skipf("no spec scripts under %s", root)
	}
	return files
}

// knownFailures are directives that fail for reasons outside the
// optimizing tier, by file base name and line. They still count as
// failed in the summary; the test fails on any other failure and when a
// known one starts passing (so the list stays true).
var knownFailures = map[string]string{}

// TestSpecNative runs the spec scripts on the optimizing tier through
// nativeTier and reports the counts; every failure is listed.
func TestSpecNative(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the spec suite")
	}
	tier := newNativeTier()
	defer tier.close()
	r := &filewast.Runner{Tier: tier}
	var total filewast.Counts
	seen := map[string]bool{}
	for _, f := range specFiles(t) {
		reps := r.RunFile(f)
		var c filewast.Counts
		for _, rep := range reps {
			switch rep.Outcome {
			case filewast.Passed:
				c.Passed++
			case filewast.Failed:
				c.Failed++
				key := fmt.Sprintf("%s:%d", filepath.Base(rep.File), rep.Line)
				if why, ok := knownFailures[key]; ok {
					t.Logf("known failure %s (%s): %s: %s", key, why, rep.Command, rep.Message)
					seen[key] = true
					continue
				}
				t.Errorf("%s:%d: %s: %s", rep.File, rep.Line, rep.Command, rep.Message)
			default:
				c.Skipped++
				if os.Getenv("KILN_SPEC_SKIPS") != "" {
					t.Logf("skip %s:%d: %s: %s", filepath.Base(rep.File), rep.Line, rep.Command, rep.Message)
				}
			}
		}
		total.Passed += c.Passed
		total.Failed += c.Failed
		total.Skipped += c.Skipped
	}
	t.Logf("%d passed, %d failed, %d skipped", total.Passed, total.Failed, total.Skipped)
	for key := range knownFailures {
		if !seen[key] {
			t.Errorf("known failure %s no longer fails: remove it from knownFailures", key)
		}
	}
}

// defineWASI registers wasi_snapshot_preview1 backed by sys.
func (t *nativeTier) defineWASI(sys *wasi.System) {
	mod := map[string]*specExtern{}
	vt := func(ts []wasi.ValueType) []wasm.ValType {
		out := make([]wasm.ValType, len(ts))
		for i, x := range ts {
			out[i] = wasm.I32
			if x == wasi.I64 {
				out[i] = wasm.I64
			}
		}
		return out
	}
	for _, f := range wasi.Functions {
		ft := &wasm.SubType{Kind: wasm.CompFunc, Final: true, Super: -1, Params: vt(f.Params), Results: vt(f.Results)}
		mod[f.Name] = &specExtern{kind: wasm.ExternFunc, funcType: ft, typeID: t.typeID(nil, ft),
			host: func(mem []byte, params, results []uint64) error {
				return sys.Call(context.Background(), f, mem, params, results)
			}}
	}
	t.registry["wasi_snapshot_preview1"] = mod
}

// TestGoWasip1 runs Go's strconv test binary for wasip1 (see
// BenchmarkCompileStrconv in the parent package for how to build it) on
// the optimizing tier with WASI: its tests must pass and it must exit 0.
func TestGoWasip1(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a Go test binary")
	}
	bin := benchtest.StrconvBinary(t)
	var out strings.Builder
	// The examples capture their output in temporary files: preopen a
	// fresh directory as the guest's /tmp.
	sys, err := wasi.New(wasi.Config{Args: []string{"strconv.test", "-test.short"}, Stdout: &out, Stderr: &out,
		Dirs: []wasi.Dir{{GuestPath: "/tmp", HostPath: t.TempDir()}}})
	if err != nil {
		t.Fatal(err)
	}
	tier := newNativeTier()
	defer tier.close()
	tier.defineWASI(sys)
	start := time.Now()
	if err := tier.Instantiate("", bin); err != nil {
		t.Fatal(err)
	}
	compiled := time.Now()
	// The run's CPU time is measured on its thread: steadier than wall
	// time on a shared machine.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	_, err = tier.Invoke("", "_start", nil)
	t.Logf("%s: compile and instantiate %v, run %v (%v of thread CPU)", tier.compiler.Name(), compiled.Sub(start).Round(time.Millisecond),
		time.Since(compiled).Round(time.Millisecond), (threadCPU() - cpu0).Round(time.Millisecond))
	var exit *wasi.ExitError
	switch {
	case errors.As(err, &exit):
	case err != nil:
		t.Fatalf("_start: %v\noutput:\n%s", err, out.String())
	}
	code, exited := sys.Exited()
	t.Logf("exit %d (exited %v), %d preemption exits; output:\n%s", code, exited, tier.mach.Preempts, out.String())
	if !exited || code != 0 || !strings.Contains(out.String(), "PASS") {
		t.Fatalf("strconv tests did not pass")
	}
}

// threadCPU is the calling thread's CPU time.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
