package simd

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wast"
)

// specDir is the spec test suite's core directory, reached from this
// package's directory (runtime/internal/simd in the repository next to
// ../shared).
const specDir = "../../../../shared/upstream/spec-testsuite/core"

// specModule is a decoded script module with the state a straight-line
// body can touch: memory 0 (built from the memory's minimum size and the
// active data segments) and the module's own globals (with constant
// initialisers).
type specModule struct {
	m         *wasm.Module
	mem       []byte
	mem64     bool
	hasMem    bool
	globals   [][2]uint64
	hasGlobal bool
	tainted   bool // an invocation we could not evaluate may have changed memory or globals
}

// bodyKind classifies an exported function body for the corpus test.
type bodyKind int

const (
	bodyOther  bodyKind = iota // not a straight line we evaluate: not covered
	bodySingle                 // parameters and constants, then exactly one SIMD operator
	bodyMulti                  // a straight line of several SIMD operators, locals, drops
	bodyMemory                 // a straight line that also touches memory or globals
)

// classify reports whether the body of function fn is a straight line the
// test can evaluate, and of which kind. Besides SIMD operators, the line
// may use local.get/set/tee, global.get/set of the module's own globals,
// t.const, drop, nop, and the scalar i32.load / i64.load the store-lane
// scripts read results back with.
func classify(sm *specModule, fn uint32) bodyKind {
	m := sm.m
	if fn < uint32(m.NumImportedFuncs) {
		return bodyOther
	}
	code := &m.Code[fn-uint32(m.NumImportedFuncs)]
	nparams := uint32(len(m.FuncType(fn).Params))
	nlocals := nparams + code.NumLocals
	r := wasm.NewOperatorReaderFeatures(code.Expr, code.ExprOffset, wasm.Features3_0)
	nsimd, nconst, plain, state := 0, 0, code.NumLocals == 0, false
	for !r.Done() {
		op, err := r.Next()
		if err != nil {
			return bodyOther
		}
		switch op.Op {
		case wasm.OpEnd:
			if !r.Done() {
				return bodyOther
			}
			continue
		case wasm.OpLocalGet:
			if op.Index >= nlocals {
				return bodyOther
			}
			continue
		case wasm.OpI32Const, wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
			continue
		case wasm.OpV128Const:
			nconst++
			continue
		case wasm.OpLocalSet, wasm.OpLocalTee:
			if op.Index >= nlocals {
				return bodyOther
			}
		case wasm.OpGlobalGet, wasm.OpGlobalSet:
			if !sm.hasGlobal || op.Index < uint32(m.NumImportedGlobals) {
				return bodyOther
			}
			state = true
		case wasm.OpDrop, wasm.OpNop:
		case wasm.OpI32Load, wasm.OpI64Load:
			if op.Mem.Memory != 0 || !sm.hasMem {
				return bodyOther
			}
			state = true
		default:
			if op.Op.Prefix() != 0xfd {
				return bodyOther
			}
			sub := uint32(op.Op & 0xffff)
			nsimd++
			if IsMemory(sub) {
				if op.Mem.Memory != 0 || !sm.hasMem {
					return bodyOther
				}
				state = true
			} else if !Known(sub) {
				return bodyOther
			}
			continue
		}
		plain = false
	}
	switch {
	case nsimd+nconst == 0:
		return bodyOther
	case state:
		return bodyMemory
	case plain && (nsimd == 1 || nsimd == 0 && nconst == 1):
		return bodySingle
	}
	return bodyMulti
}

// run evaluates a classified body on args and returns the result slots,
// or ok=false when a memory access was out of bounds. It keeps the width
// in slots (1, or 2 for a v128) of every value on the stack, for drop
// and local.set.
func run(t *testing.T, sm *specModule, fn uint32, args []wast.Value) (res []uint64, ok bool) {
	m := sm.m
	code := &m.Code[fn-uint32(m.NumImportedFuncs)]
	types := code.LocalTypes(m.FuncType(fn).Params, nil)
	locals := make([][2]uint64, len(types))
	for i, a := range args {
		locals[i] = [2]uint64{a.Lo, a.Hi}
		if a.Type == wast.I32 || a.Type == wast.F32 {
			locals[i][0] &= 0xffffffff
		}
	}
	width := func(vt wasm.ValType) int {
		if vt.Kind == wasm.KindV128 {
			return 2
		}
		return 1
	}
	s := make([]uint64, 1024)
	var widths []int
	sp := 0
	push := func(v [2]uint64, w int) {
		copy(s[sp:], v[:w])
		sp += w
		widths = append(widths, w)
	}
	pop := func() (v [2]uint64) {
		w := widths[len(widths)-1]
		widths = widths[:len(widths)-1]
		sp -= w
		copy(v[:], s[sp:sp+w])
		return v
	}
	// popSlots drops value widths covering n slots an operator consumed.
	popSlots := func(n int) {
		for n > 0 {
			n -= widths[len(widths)-1]
			widths = widths[:len(widths)-1]
		}
	}
	r := wasm.NewOperatorReaderFeatures(code.Expr, code.ExprOffset, wasm.Features3_0)
	for !r.Done() {
		op, err := r.Next()
		if err != nil {
			t.Fatalf("re-reading a classified body: %v", err)
		}
		switch op.Op {
		case wasm.OpEnd, wasm.OpNop:
		case wasm.OpLocalGet:
			push(locals[op.Index], width(types[op.Index]))
		case wasm.OpLocalSet:
			locals[op.Index] = pop()
		case wasm.OpLocalTee:
			v := pop()
			locals[op.Index] = v
			push(v, width(types[op.Index]))
		case wasm.OpGlobalGet:
			i := op.Index - uint32(m.NumImportedGlobals)
			push(sm.globals[i], width(m.Globals[i].Type.Type))
		case wasm.OpGlobalSet:
			sm.globals[op.Index-uint32(m.NumImportedGlobals)] = pop()
		case wasm.OpDrop:
			pop()
		case wasm.OpI32Const, wasm.OpF32Const:
			push([2]uint64{op.Imm & 0xffffffff}, 1)
		case wasm.OpI64Const, wasm.OpF64Const:
			push([2]uint64{op.Imm}, 1)
		case wasm.OpI32Load, wasm.OpI64Load:
			addr := pop()[0]
			if !sm.mem64 {
				addr = uint64(uint32(addr))
			}
			n := uint64(4)
			if op.Op == wasm.OpI64Load {
				n = 8
			}
			ea := addr + op.Mem.Offset
			if ea < addr || ea > uint64(len(sm.mem)) || uint64(len(sm.mem))-ea < n {
				return nil, false
			}
			var b [8]byte
			copy(b[:], sm.mem[ea:ea+n])
			push([2]uint64{binary.LittleEndian.Uint64(b[:])}, 1)
		default:
			sub := uint32(op.Op & 0xffff)
			specExecuted[sub] = true
			before := sp
			if IsMemory(sub) {
				var inBounds bool
				sp, inBounds = Memory(sub, op.Mem.Offset, op.Lane, sm.mem, sm.mem64, s, sp)
				if !inBounds {
					if sp < 0 {
						t.Fatalf("Memory(%s) rejected its stack", op.Op)
					}
					return nil, false
				}
			} else {
				imm := op.V128
				if c := classes[sub]; c == cExtract || c == cReplace {
					imm[0] = op.Lane
				}
				if sp = Exec(sub, &imm, s, sp); sp < 0 {
					t.Fatalf("Exec(%s) returned -1", op.Op)
				}
			}
			// Every SIMD operator pushes at most one value.
			var popped, pushed int
			if IsMemory(sub) {
				switch {
				case sp < before-1: // stores: address and v128
					popped, pushed = 3, 0
				case sp == before-1: // lane loads
					popped, pushed = 3, 2
				default:
					popped, pushed = 1, 2
				}
			} else {
				io := classSlots[classes[sub]]
				popped, pushed = int(io[0]), int(io[1])
			}
			popSlots(popped)
			if pushed > 0 {
				widths = append(widths, pushed)
			}
		}
	}
	return s[:sp], true
}

// matchNaN reports whether bits (of width 32 or 64) match a NaN pattern.
func matchNaN(bits uint64, width int, k wast.NaNKind) bool {
	if width == 32 {
		x := uint32(bits)
		if k == wast.NaNCanonical {
			return x&^f32Sign == f32Canon
		}
		return isNaN32(x) && x&f32Quiet != 0
	}
	if k == wast.NaNCanonical {
		return bits&^f64Sign == f64Canon
	}
	return isNaN64(bits) && bits&f64Quiet != 0
}

// match compares result slots (consumed from the front) with one expected
// result; it returns the slots left.
func match(got []uint64, want wast.Result) (bool, []uint64) {
	if len(want.Either) > 0 {
		for _, alt := range want.Either {
			if ok, rest := match(got, alt); ok {
				return true, rest
			}
		}
		return false, nil
	}
	v := want.Value
	switch v.Type {
	case wast.V128:
		if len(got) < 2 {
			return false, nil
		}
		lo, hi := got[0], got[1]
		if want.Lanes == nil {
			return lo == v.Lo && hi == v.Hi, got[2:]
		}
		width := 32
		if want.Shape == "f64x2" {
			width = 64
		}
		n := 128 / width
		for i := 0; i < n; i++ {
			g, w := laneBits(lo, hi, width, i), laneBits(v.Lo, v.Hi, width, i)
			k := wast.NaNNone
			if i < len(want.Lanes) {
				k = want.Lanes[i]
			}
			if k == wast.NaNNone && g != w || k != wast.NaNNone && !matchNaN(g, width, k) {
				return false, nil
			}
		}
		return true, got[2:]
	case wast.I32, wast.F32:
		if len(got) < 1 {
			return false, nil
		}
		if want.NaN != wast.NaNNone {
			return matchNaN(got[0], 32, want.NaN), got[1:]
		}
		return got[0] == v.Lo&0xffffffff, got[1:]
	case wast.I64, wast.F64:
		if len(got) < 1 {
			return false, nil
		}
		if want.NaN != wast.NaNNone {
			return matchNaN(got[0], 64, want.NaN), got[1:]
		}
		return got[0] == v.Lo, got[1:]
	}
	return false, nil
}

func laneBits(lo, hi uint64, width, i int) uint64 {
	if width == 64 {
		if i == 0 {
			return lo
		}
		return hi
	}
	w := lo
	if i >= 2 {
		w, i = hi, i-2
	}
	return uint64(uint32(w >> (32 * i)))
}

// instantiate decodes a script module and builds its memory.
func instantiate(src *wast.ModuleSource) (*specModule, error) {
	bin, err := src.Encode()
	if err != nil {
		return nil, err
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.Features3_0)
	if err != nil {
		return nil, err
	}
	sm := &specModule{m: m, hasGlobal: true}
	for _, g := range m.Globals {
		ops := g.Init.Ops
		if len(ops) != 1 {
			sm.hasGlobal = false
			break
		}
		switch ops[0].Op {
		case wasm.OpI32Const, wasm.OpF32Const:
			sm.globals = append(sm.globals, [2]uint64{ops[0].Imm & 0xffffffff})
		case wasm.OpI64Const, wasm.OpF64Const:
			sm.globals = append(sm.globals, [2]uint64{ops[0].Imm})
		case wasm.OpV128Const:
			v := fromBytes(&ops[0].V128)
			sm.globals = append(sm.globals, [2]uint64{v.lo, v.hi})
		default:
			sm.hasGlobal = false
		}
	}
	if len(m.MemTypes) > 0 && m.NumImportedMemories == 0 {
		mt := m.MemTypes[0]
		if mt.Limits.Min > 16 {
			return sm, nil // larger than any SIMD test needs: leave memory out
		}
		sm.hasMem, sm.mem64 = true, mt.Memory64
		sm.mem = make([]byte, mt.Limits.Min*65536)
		for _, d := range m.Datas {
			if d.Mode != wasm.SegmentActive || d.Memory != 0 {
				continue
			}
			ops := d.OffsetExpr.Ops
			if len(ops) != 1 || (ops[0].Op != wasm.OpI32Const && ops[0].Op != wasm.OpI64Const) {
				sm.hasMem = false
				break
			}
			off := ops[0].Imm
			if !sm.mem64 {
				off = uint64(uint32(off))
			}
			if off > uint64(len(sm.mem)) || uint64(len(sm.mem))-off < uint64(len(d.Init)) {
				sm.hasMem = false // instantiation would trap
				break
			}
			copy(sm.mem[off:], d.Init)
		}
	}
	return sm, nil
}

// specExecuted records which operators the corpus test evaluated.
var specExecuted [numSubs]bool

type specCounts struct {
	asserts, covered, passed int
	byKind                   [4]int // covered assertions by body kind
	traps, trapsCovered      int    // the assert_trap part of asserts and covered
	singleReturn             int    // covered assert_return on single-operator bodies
}

// TestSpecSIMD walks the spec's SIMD scripts and, for every assert_return
// (and assert_trap) whose function body is a straight line of SIMD
// operators over its parameters and constants, evaluates the body with
// Exec and Memory and compares the result with the script's expectation.
// Bodies with exactly one SIMD operator over the parameters and
// constants are the main target; other straight lines (several
// operators, locals, drop) and those touching memory 0 or globals are
// covered too and counted separately.
func TestSpecSIMD(t *testing.T) {
	if _, err := os.Stat(specDir); err != nil {
		t.Skipf("spec test suite not found at %s", specDir)
	}
	var files []string
	for _, pat := range []string{"simd_*.wast", "relaxed_*.wast", "*_relaxed_*.wast"} {
		m, err := filepath.Glob(filepath.Join(specDir, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	var total specCounts
	for _, file := range files {
		c := runScript(t, file)
		total.asserts += c.asserts
		total.covered += c.covered
		total.passed += c.passed
		for i := range c.byKind {
			total.byKind[i] += c.byKind[i]
		}
		total.traps += c.traps
		total.trapsCovered += c.trapsCovered
		total.singleReturn += c.singleReturn
		t.Logf("%-40s asserts %5d covered %5d passed %5d", filepath.Base(file), c.asserts, c.covered, c.passed)
	}
	t.Logf("TOTAL %d files: %d assertions (assert_return %d, assert_trap %d); covered %d, passed %d, failed %d",
		len(files), total.asserts, total.asserts-total.traps, total.traps, total.covered, total.passed,
		total.covered-total.passed)
	t.Logf("covered by body: single SIMD operator %d (assert_return %d), other straight lines %d, with memory/globals %d; covered assert_trap %d",
		total.byKind[bodySingle], total.singleReturn, total.byKind[bodyMulti], total.byKind[bodyMemory], total.trapsCovered)
	var missing []string
	for sub := uint32(0); sub < numSubs; sub++ {
		if (Known(sub) || IsMemory(sub)) && !specExecuted[sub] {
			missing = append(missing, wasm.Opcode(0xfd<<16|sub).String())
		}
	}
	t.Logf("operators never evaluated by a covered assertion: %d %v", len(missing), missing)
	if total.covered == 0 {
		t.Error("no assertion covered")
	}
}

func runScript(t *testing.T, file string) specCounts {
	var c specCounts
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	script, err := wast.Parse(filepath.Base(file), src)
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return c
	}
	var cur *specModule
	named := map[string]*specModule{}
	for _, cmd := range script.Commands {
		switch cmd.Kind {
		case wast.KindModule:
			if cmd.Module.Definition {
				continue
			}
			sm, err := instantiate(cmd.Module)
			if err != nil {
				t.Errorf("%s:%d: module: %v", file, cmd.Line, err)
				cur = nil
				continue
			}
			cur = sm
			if cmd.Module.ID != "" {
				named[cmd.Module.ID] = sm
			}
		case wast.KindModuleInstance:
			cur = nil
		case wast.KindAction, wast.KindAssertReturn, wast.KindAssertTrap:
			if cmd.Action == nil || cmd.Action.Kind != wast.ActionInvoke {
				continue
			}
			isAssert := cmd.Kind != wast.KindAction
			if isAssert {
				c.asserts++
				if cmd.Kind == wast.KindAssertTrap {
					c.traps++
				}
			}
			sm := cur
			if cmd.Action.Module != "" {
				sm = named[cmd.Action.Module]
			}
			if sm == nil {
				continue
			}
			fn, ok := exportedFunc(sm.m, cmd.Action.Name)
			kind := bodyOther
			if ok {
				kind = classify(sm, fn)
			}
			if kind == bodyMemory && sm.tainted {
				kind = bodyOther
			}
			if kind == bodyOther {
				// An invocation we cannot evaluate may write memory.
				sm.tainted = true
				continue
			}
			res, inBounds := run(t, sm, fn, cmd.Action.Args)
			if !isAssert {
				continue
			}
			c.covered++
			c.byKind[kind]++
			if cmd.Kind == wast.KindAssertTrap {
				c.trapsCovered++
			} else if kind == bodySingle {
				c.singleReturn++
			}
			where := fmt.Sprintf("%s:%d: %s", filepath.Base(file), cmd.Line, cmd.Action.Name)
			if cmd.Kind == wast.KindAssertTrap {
				if inBounds {
					t.Errorf("%s: want trap %q, got %x", where, cmd.Message, res)
				} else if !strings.Contains(cmd.Message, "out of bounds") {
					t.Errorf("%s: want trap %q, got out of bounds", where, cmd.Message)
				} else {
					c.passed++
				}
				continue
			}
			if !inBounds {
				t.Errorf("%s: unexpected out-of-bounds trap", where)
				continue
			}
			ok = true
			rest := res
			for _, want := range cmd.Results {
				var m bool
				if m, rest = match(rest, want); !m {
					ok = false
					break
				}
			}
			if ok && len(rest) != 0 {
				ok = false
			}
			if !ok {
				t.Errorf("%s%v: got %x, want %+v", where, args(cmd.Action.Args), res, cmd.Results)
				continue
			}
			c.passed++
		}
	}
	return c
}

func args(vs []wast.Value) []string {
	var out []string
	for _, v := range vs {
		if v.Type == wast.V128 {
			out = append(out, fmt.Sprintf("v128:%016x_%016x", v.Hi, v.Lo))
		} else {
			out = append(out, fmt.Sprintf("%s:%x", v.Type, v.Lo))
		}
	}
	return out
}

func exportedFunc(m *wasm.Module, name string) (uint32, bool) {
	for _, e := range m.Exports {
		if e.Name == name && e.Kind == wasm.ExternFunc {
			return e.Index, true
		}
	}
	return 0, false
}
