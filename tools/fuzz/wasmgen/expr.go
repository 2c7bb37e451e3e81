package wasmgen

import "kiln/ir/wasm"

// Expression and statement generation. expr(t) emits code that pushes
// exactly one value of type t (or ends in a branch, after which the
// validator treats the stack as polymorphic); stmt() emits code with no
// net effect on the stack. Both consume budget, and past the budget or the
// depth limit only leaves are emitted, so generation always ends.

func (g *generator) expr(t ValType) {
	if g.exhausted() {
		g.leaf(t)
		return
	}
	f := g.fn
	f.budget--
	f.depth++
	defer func() { f.depth-- }()
	switch g.u.Intn(20) {
	case 0:
		g.leaf(t)
	case 1, 2, 3, 4, 5:
		g.pureOp(t)
	case 6:
		if !g.load(t) {
			g.pureOp(t)
		}
	case 7:
		// local.tee
		cands := g.localsOf(t)
		if len(cands) == 0 {
			g.leaf(t)
			return
		}
		g.expr(t)
		g.op(0x22)
		g.uleb(uint64(cands[g.u.Intn(len(cands))]))
	case 8:
		g.expr(t)
		g.expr(t)
		g.expr(I32)
		if !g.cfg.Features().Has(wasm.ReferenceTypes) || g.u.Bool() {
			g.op(0x1b)
		} else {
			g.op(0x1c, 1, byte(t))
		}
	case 9:
		g.block([]ValType{t})
	case 10:
		g.ifElse([]ValType{t})
	case 11:
		g.loop([]ValType{t})
	case 12:
		if !g.call([]ValType{t}) {
			g.pureOp(t)
		}
	case 13:
		if !g.callIndirect([]ValType{t}) {
			g.pureOp(t)
		}
	case 14:
		g.stmt()
		g.expr(t)
	case 15:
		g.branchExpr(t)
	case 16:
		if t == I32 && g.cfg.Memory {
			switch g.u.Intn(3) {
			case 0:
				g.op(0x3f, 0) // memory.size
			default:
				g.growDelta()
				g.op(0x40, 0) // memory.grow
			}
			return
		}
		if t == I32 && g.cfg.ReferenceTypes {
			g.tableI32()
			return
		}
		g.pureOp(t)
	case 17:
		if g.cfg.Traps && g.u.Chance(1, 16) {
			g.op(0x00) // unreachable
			return
		}
		g.pureOp(t)
	case 18:
		if t == I32 && g.deepFunc >= 0 && g.u.Chance(1, 4) {
			g.expr(I32)
			g.op(0x10)
			g.uleb(g.funcIdx(g.deepFunc))
			return
		}
		if t == I64 && g.imports > 0 && g.u.Chance(1, 2) {
			g.expr(I64)
			g.expr(I32)
			g.op(0x10, 0) // env.mix
			return
		}
		g.pureOp(t)
	default:
		g.pureOp(t)
	}
}

// pureOp emits an operator producing t with generated operands.
func (g *generator) pureOp(t ValType) {
	all := opsByResult[t]
	for tries := 0; tries < 4; tries++ {
		o := all[g.u.Intn(len(all))]
		if o.feat != nil && !o.feat(g.cfg) {
			continue
		}
		if o.bits && g.nanBitsHidden() {
			continue
		}
		usable := true
		for _, in := range o.in {
			if (in == F32 || in == F64) && !g.cfg.Floats {
				usable = false
			}
		}
		if !usable {
			continue
		}
		for _, in := range o.in {
			g.expr(in)
		}
		g.op(o.code...)
		if o.nanOut {
			g.canon(t)
		}
		return
	}
	g.leaf(t)
}

// address emits an i32 address, biased towards the memory's bounds but
// mostly inside them (a trap ends the call, and the code after it goes
// untested).
func (g *generator) address() {
	size := int64(g.memPages) * 65536
	switch g.u.Intn(10) {
	case 0, 1, 2:
		g.constValue(I32, uint64(g.u.Intn(64)))
	case 3:
		g.constValue(I32, uint64(size-int64(g.u.Intn(17))))
	case 4:
		g.constValue(I32, uint64(0xffffffff-uint32(g.u.Intn(8))))
	case 5, 6, 7, 8:
		// (x & mask) keeps most accesses in bounds while exploring.
		g.expr(I32)
		g.constValue(I32, uint64(size-1)&^7|0xff)
		g.op(0x71)
	default:
		g.expr(I32)
	}
}

// memarg emits alignment and offset for an access of natural alignment a.
func (g *generator) memarg(natural uint32) {
	g.uleb(uint64(uint32(g.u.Intn(int(natural) + 1))))
	var off uint64
	switch g.u.Intn(12) {
	case 1, 2:
		off = uint64(g.u.Intn(32))
	case 3:
		off = uint64(uint32(int64(g.memPages)*65536 - int64(g.u.Intn(9))))
	case 4:
		off = 0xffffffff - uint64(g.u.Intn(4))
	}
	g.uleb(off)
}

func (g *generator) load(t ValType) bool {
	if !g.cfg.Memory {
		return false
	}
	cands := loadsByType[t]
	o := cands[g.u.Intn(len(cands))]
	g.address()
	g.op(o.code)
	g.memarg(o.align)
	return true
}

func (g *generator) growDelta() {
	if g.u.Chance(3, 4) {
		g.constValue(I32, uint64(g.u.Intn(3)))
	} else {
		g.expr(I32)
	}
}

// tableIndex emits an i32 table index, biased towards the table's end.
func (g *generator) tableIndex() {
	switch g.u.Intn(8) {
	case 0, 1, 2, 3:
		g.constValue(I32, uint64(g.u.Intn(int(g.tableSize))))
	case 4:
		g.constValue(I32, uint64(int(g.tableSize)+g.u.Intn(3)))
	case 5:
		g.constValue(I32, uint64(0xffffffff-uint32(g.u.Intn(2))))
	default:
		g.expr(I32)
	}
}

// funcRef emits a funcref: null, a function, or a table element.
func (g *generator) funcRef() {
	switch g.u.Intn(3) {
	case 0:
		g.op(0xd0, byte(FuncRef))
	case 1:
		g.op(0xd2)
		g.uleb(g.funcIdx(g.u.Intn(g.nGenerated)))
	default:
		g.tableIndex()
		g.op(0x25, 0)
	}
}

// tableI32 emits an i32 from a table operator.
func (g *generator) tableI32() {
	switch g.u.Intn(3) {
	case 0:
		g.op(0xfc, 16, 0) // table.size
	case 1:
		g.funcRef()
		if g.u.Chance(3, 4) {
			g.constValue(I32, uint64(g.u.Intn(3)))
		} else {
			g.expr(I32)
		}
		g.op(0xfc, 15, 0) // table.grow
	default:
		g.funcRef()
		g.op(0xd1) // ref.is_null
	}
}

// blockType emits the block type for params -> results.
func (g *generator) blockType(params, results []ValType) {
	switch {
	case len(params) == 0 && len(results) == 0:
		g.op(0x40)
	case len(params) == 0 && len(results) == 1:
		g.op(byte(results[0]))
	default:
		g.sleb(int64(g.typeOf(funcType{params: params, results: results})))
	}
}

// blockParams chooses parameters for a block (multi-value only).
func (g *generator) blockParams() []ValType {
	if !g.cfg.MultiValue || !g.u.Chance(1, 4) {
		return nil
	}
	var ps []ValType
	for n := g.u.Range(1, 2); n > 0; n-- {
		ps = append(ps, g.randType())
	}
	return ps
}

// consumeParams stores a block's parameters (on the stack at its start)
// into fresh locals, last first.
func (g *generator) consumeParams(params []ValType) {
	for i := len(params) - 1; i >= 0; i-- {
		if g.u.Chance(1, 4) {
			g.op(0x1a)
			continue
		}
		l := g.newLocal(params[i])
		g.op(0x21)
		g.uleb(uint64(l))
	}
}

func (g *generator) pushLabel(types []ValType) {
	g.fn.labels = append(g.fn.labels, label{types: types})
}
func (g *generator) popLabel() { g.fn.labels = g.fn.labels[:len(g.fn.labels)-1] }

func (g *generator) block(results []ValType) {
	params := g.blockParams()
	for _, p := range params {
		g.expr(p)
	}
	g.op(0x02)
	g.blockType(params, results)
	g.pushLabel(results)
	g.consumeParams(params)
	g.blockBody(results)
	g.popLabel()
	g.op(0x0b)
}

func (g *generator) ifElse(results []ValType) {
	params := g.blockParams()
	for _, p := range params {
		g.expr(p)
	}
	g.expr(I32)
	g.op(0x04)
	g.blockType(params, results)
	g.pushLabel(results)
	g.consumeParams(params)
	g.blockBody(results)
	if len(results) > 0 || len(params) > 0 || g.u.Bool() {
		g.op(0x05)
		g.consumeParams(params)
		g.blockBody(results)
	}
	g.popLabel()
	g.op(0x0b)
}

// loop emits a bounded loop:
//
//	i32.const N  local.set $n
//	block $exit (params -> results)
//	  loop $head (params -> results)
//	    zeros(results) local.get $n i32.eqz br_if $exit  drop...
//	    local.get $n i32.const 1 i32.sub local.set $n
//	    body
//	  end
//	end
//
// so every branch back to $head is paid for by the counter.
func (g *generator) loop(results []ValType) {
	if g.fn.loops >= maxLoopNesting {
		// Nested loops multiply their trip counts: degrade to a block.
		g.block(results)
		return
	}
	g.fn.loops++
	defer func() { g.fn.loops-- }()
	params := g.blockParams()
	counter := g.reservedLocal(I32)
	g.constValue(I32, uint64(g.u.Range(1, g.cfg.MaxLoopIterations)))
	g.op(0x21)
	g.uleb(uint64(counter))
	for _, p := range params {
		g.expr(p)
	}
	g.op(0x02)
	g.blockType(params, results)
	g.pushLabel(results)
	g.op(0x03)
	g.blockType(params, results)
	g.pushLabel(params)
	for _, r := range results {
		g.constValue(r, 0)
	}
	g.op(0x20)
	g.uleb(uint64(counter))
	g.op(0x45, 0x0d, 1)
	for range results {
		g.op(0x1a)
	}
	g.op(0x20)
	g.uleb(uint64(counter))
	g.op(0x41, 1, 0x6b, 0x21)
	g.uleb(uint64(counter))
	g.consumeParams(params)
	g.blockBody(results)
	g.popLabel()
	g.op(0x0b)
	g.popLabel()
	g.op(0x0b)
}

// call emits a direct call to a generated function whose results are
// exactly results (nil: any function, results dropped).
func (g *generator) call(results []ValType) bool {
	// Direct calls mostly go to later functions: a call graph with
	// cycles everywhere spends every call's fuel recursing, and the fuel
	// trap then hides the rest. Recursion stays possible.
	recurse := g.u.Chance(1, 8)
	var cands []int
	for i := 0; i < g.nGenerated; i++ {
		if (results == nil || sameTypes(g.funcs[i].typ.results, results)) && (recurse || i > g.curFunc) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return false
	}
	fi := cands[g.u.Intn(len(cands))]
	t := g.funcs[fi].typ
	for _, p := range t.params {
		g.expr(p)
	}
	g.op(0x10)
	g.uleb(g.funcIdx(fi))
	if results == nil {
		g.dropAll(t.results)
	}
	return true
}

// callIndirect emits call_indirect through table 0 with a signature whose
// results are exactly results (nil: any, dropped). The signature is any
// declared type, so it may or may not match the slot's function.
func (g *generator) callIndirect(results []ValType) bool {
	if !g.cfg.Table {
		return false
	}
	var cands []uint32
	for i, t := range g.types {
		if results == nil || sameTypes(t.results, results) {
			if !g.cfg.Traps && !g.hasFuncOfType(uint32(i)) {
				continue
			}
			cands = append(cands, uint32(i))
		}
	}
	if len(cands) == 0 {
		return false
	}
	ti := cands[g.u.Intn(len(cands))]
	t := g.types[ti]
	for _, p := range t.params {
		g.expr(p)
	}
	g.tableIndex()
	g.op(0x11)
	g.uleb(uint64(ti))
	g.op(0)
	if results == nil {
		g.dropAll(t.results)
	}
	return true
}

func (g *generator) hasFuncOfType(ti uint32) bool {
	for i := 0; i < g.nGenerated; i++ {
		if g.funcs[i].typeIdx == ti {
			return true
		}
	}
	return false
}

func (g *generator) dropAll(ts []ValType) {
	for range ts {
		g.op(0x1a)
	}
}

func sameTypes(a, b []ValType) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// branchExpr emits a branch in a position that expects a value of type t:
// br, br_table and return end the path (the stack is then polymorphic);
// br_if falls through with the label's values, usable when they are [t].
func (g *generator) branchExpr(t ValType) {
	f := g.fn
	n := len(f.labels)
	li := g.u.Intn(n)
	lt := f.labels[li].types
	depth := uint64(n - 1 - li)
	switch g.u.Intn(4) {
	case 0: // br
		for _, v := range lt {
			g.expr(v)
		}
		g.op(0x0c)
		g.uleb(depth)
	case 1: // br_if, when the fallthrough is the value we need
		if !sameTypes(lt, []ValType{t}) {
			g.pureOp(t)
			return
		}
		g.expr(t)
		g.expr(I32)
		g.op(0x0d)
		g.uleb(depth)
	case 2: // br_table over labels carrying the same types
		var targets []uint64
		for i := range f.labels {
			if sameTypes(f.labels[i].types, lt) {
				targets = append(targets, uint64(n-1-i))
			}
		}
		for _, v := range lt {
			g.expr(v)
		}
		g.expr(I32)
		g.op(0x0e)
		k := g.u.Intn(5)
		g.uleb(uint64(k))
		for i := 0; i < k; i++ {
			g.uleb(targets[g.u.Intn(len(targets))])
		}
		g.uleb(depth)
	default: // return, or a tail call to a function with our results
		if g.cfg.TailCalls && g.u.Chance(1, 2) && g.tailCall() {
			return
		}
		for _, v := range f.results {
			g.expr(v)
		}
		g.op(0x0f)
	}
}

// tailCall emits return_call or return_call_indirect to a signature whose
// results are the current function's, if there is one.
func (g *generator) tailCall() bool {
	if g.cfg.Table && g.u.Bool() {
		var cands []uint32
		for i, t := range g.types {
			if sameTypes(t.results, g.fn.results) && (g.cfg.Traps || g.hasFuncOfType(uint32(i))) {
				cands = append(cands, uint32(i))
			}
		}
		if len(cands) == 0 {
			return false
		}
		ti := cands[g.u.Intn(len(cands))]
		for _, p := range g.types[ti].params {
			g.expr(p)
		}
		g.tableIndex()
		g.op(0x13)
		g.uleb(uint64(ti))
		g.op(0)
		return true
	}
	recurse := g.u.Chance(1, 8)
	var cands []int
	for i := 0; i < g.nGenerated; i++ {
		if sameTypes(g.funcs[i].typ.results, g.fn.results) && (recurse || i > g.curFunc) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return false
	}
	fi := cands[g.u.Intn(len(cands))]
	for _, p := range g.funcs[fi].typ.params {
		g.expr(p)
	}
	g.op(0x12)
	g.uleb(g.funcIdx(fi))
	return true
}

// stmt emits code with no net stack effect.
func (g *generator) stmt() {
	if g.exhausted() {
		g.op(0x01) // nop
		return
	}
	f := g.fn
	f.budget--
	f.depth++
	defer func() { f.depth-- }()
	switch g.u.Intn(18) {
	case 0:
		g.op(0x01)
	case 1, 2:
		cands := g.localsOf(0)
		if len(cands) == 0 {
			g.op(0x01)
			return
		}
		l := cands[g.u.Intn(len(cands))]
		g.expr(f.locals[l])
		g.op(0x21)
		g.uleb(uint64(l))
	case 3:
		var cands []int
		for i, gl := range g.globals {
			if gl.mutable && i != 0 {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			g.op(0x01)
			return
		}
		i := cands[g.u.Intn(len(cands))]
		g.expr(g.globals[i].typ)
		g.op(0x24)
		g.uleb(uint64(i))
	case 4, 5:
		g.store()
	case 6:
		g.expr(g.randType())
		g.op(0x1a)
	case 7:
		rs := g.blockResults()
		g.ifElse(rs)
		g.dropAll(rs)
	case 8:
		rs := g.blockResults()
		g.block(rs)
		g.dropAll(rs)
	case 9:
		rs := g.blockResults()
		g.loop(rs)
		g.dropAll(rs)
	case 10:
		g.call(nil)
	case 11:
		if !g.callIndirect(nil) {
			g.op(0x01)
		}
	case 12:
		g.bulk()
	case 13:
		g.tableStmt()
	case 14:
		// br_if to any label, dropping the values on fallthrough
		n := len(f.labels)
		li := g.u.Intn(n)
		lt := f.labels[li].types
		for _, v := range lt {
			g.expr(v)
		}
		g.expr(I32)
		g.op(0x0d)
		g.uleb(uint64(n - 1 - li))
		g.dropAll(lt)
	case 15:
		if g.imports > 0 && g.u.Bool() {
			g.expr(I32)
			g.op(0x10, 1) // env.check
			return
		}
		if !g.call(nil) {
			g.op(0x01)
		}
	default:
		g.stmt()
	}
}

// blockResults chooses the results of a statement-level block.
func (g *generator) blockResults() []ValType {
	max := 1
	if g.cfg.MultiValue {
		max = 3
	}
	var rs []ValType
	for n := g.u.Intn(max + 1); n > 0; n-- {
		rs = append(rs, g.randType())
	}
	return rs
}

func (g *generator) store() {
	if !g.cfg.Memory {
		g.op(0x01)
		return
	}
	o := stores[g.u.Intn(len(stores))]
	if (o.typ == F32 || o.typ == F64) && (!g.cfg.Floats || g.nanBitsHidden()) {
		o = stores[0]
	}
	g.address()
	g.expr(o.typ)
	g.op(o.code)
	g.memarg(o.align)
}

// length emits an i32 length for bulk operators: small, or near the
// memory's size.
func (g *generator) length(size uint32) {
	switch g.u.Intn(4) {
	case 0, 1:
		g.constValue(I32, uint64(g.u.Intn(20)))
	case 2:
		g.constValue(I32, uint64(size-uint32(g.u.Intn(4))))
	default:
		g.expr(I32)
	}
}

func (g *generator) bulk() {
	if !g.cfg.BulkMemory || !g.cfg.Memory {
		g.op(0x01)
		return
	}
	size := g.memPages * 65536
	switch g.u.Intn(4) {
	case 0: // memory.fill
		g.address()
		g.expr(I32)
		g.length(size)
		g.op(0xfc, 11, 0)
	case 1: // memory.copy
		g.address()
		g.address()
		g.length(size)
		g.op(0xfc, 10, 0, 0)
	case 2: // memory.init
		if g.dataPassive == 0 {
			g.op(0x01)
			return
		}
		seg := len(g.dataActive) + g.u.Intn(g.dataPassive)
		g.address()
		g.constValue(I32, uint64(g.u.Intn(10)))
		g.length(8)
		g.op(0xfc, 8)
		g.uleb(uint64(seg))
		g.op(0)
	default: // data.drop
		n := len(g.dataActive) + g.dataPassive
		if n == 0 {
			g.op(0x01)
			return
		}
		g.op(0xfc, 9)
		g.uleb(uint64(g.u.Intn(n)))
	}
}

func (g *generator) tableStmt() {
	if !g.cfg.Table {
		g.op(0x01)
		return
	}
	switch g.u.Intn(5) {
	case 0:
		if !g.cfg.ReferenceTypes {
			break
		}
		g.tableIndex()
		g.funcRef()
		g.op(0x26, 0) // table.set
		return
	case 1:
		if !g.cfg.ReferenceTypes {
			break
		}
		g.tableIndex()
		g.funcRef()
		g.length(g.tableSize)
		g.op(0xfc, 17, 0) // table.fill
		return
	case 2:
		if !g.cfg.BulkMemory {
			break
		}
		g.tableIndex()
		g.tableIndex()
		g.length(g.tableSize)
		g.op(0xfc, 14, 0, 0) // table.copy
		return
	case 3:
		if !g.cfg.BulkMemory || len(g.passiveElems) == 0 {
			break
		}
		g.tableIndex()
		g.constValue(I32, uint64(g.u.Intn(len(g.passiveElems)+2)))
		g.length(uint32(len(g.passiveElems)))
		g.op(0xfc, 12, 1, 0) // table.init segment 1 (the passive one), table 0
		return
	case 4:
		if !g.cfg.BulkMemory {
			break
		}
		g.op(0xfc, 13)
		g.uleb(uint64(g.u.Intn(g.elemSegments())))
		return
	}
	g.op(0x01)
}
