package interp

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"kiln/ir/wasm"
	"kiln/runtime/internal/simd"
	"kiln/runtime/internal/store"
)

// ErrUnsupported is wrapped by Prepare's error when a module uses an
// operator the interpreter does not implement (none today; the error
// stays for operators the validator learns before the interpreter does).
var ErrUnsupported = errors.New("interp: unsupported operator")

// Engine is the interpreter as a store.Engine.
type Engine struct{}

// Name returns "interp".
func (Engine) Name() string { return "interp" }

// Prepare implements store.Engine.
func (Engine) Prepare(ctx context.Context, m *wasm.Module, features wasm.Features) (store.Code, error) {
	return Prepare(ctx, m, features)
}

// Prepare compiles every defined function of a validated module into the
// internal form. The module must have passed wasm.Validate with features
// (the function validator runs again alongside the translation to give
// the operand types between operators).
func Prepare(ctx context.Context, m *wasm.Module, features wasm.Features) (*Code, error) {
	c := &Code{Module: m, funcs: make([]function, len(m.Code))}
	var comp compiler
	for i := range m.Code {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err := comp.compile(c, features, i); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// slots is the number of stack slots a value of type t takes.
func slots(t wasm.ValType) uint32 {
	if t.Kind == wasm.KindV128 {
		return 2
	}
	return 1
}

func sumSlots(ts []wasm.ValType) uint32 {
	n := uint32(0)
	for _, t := range ts {
		n += slots(t)
	}
	return n
}

// ctrl is an open block during translation.
type ctrl struct {
	op       wasm.Opcode // OpBlock, OpLoop, OpIf, or OpEnd for the function body
	height   uint32      // operand slots below the block's parameters
	params   uint32      // parameter slots
	results  uint32      // result slots
	start    uint32      // loop: pc of the header
	elseJump int         // if: index of the opBrIfNot to patch, -1 after else
	try      int         // try_table, try: index of its tryRange, else -1
	before   int         // number of try ranges opened before this block
	slot     uint32      // try: the hidden local holding the caught exception
	caught   bool        // try: a catch clause has started (the range is closed)
	fixups   []fixup     // branches to the end
	dead     bool        // the block was entered in dead code
	deadRest bool        // the rest of the block is dead
}

// fixup is a branch whose target is a block end not yet emitted: the
// instruction, or a br_table entry when table is set.
type fixup struct {
	at   int
	kind fixupKind
}

type fixupKind uint8

const (
	fixInstr fixupKind = iota // code[at].a
	fixTable                  // brTables[at].pc
	fixCatch                  // catches[at].pc
	fixCast                   // casts[at].pc
)

type compiler struct {
	m        *wasm.Module
	fn       *function
	ctrls    []ctrl
	localAt  []uint32 // slot of each local
	localTy  []wasm.ValType
	barrier  int    // no fusion across a branch target at or after this pc
	off      uint32 // module offset of the operator being translated
	nextSlot uint32 // next hidden slot for a legacy try
	height   uint32
}

func (c *compiler) emit(in instr) int {
	c.fn.code = append(c.fn.code, in)
	c.fn.offsets = append(c.fn.offsets, c.off)
	return len(c.fn.code) - 1
}

// target records that the next instruction is a branch target.
func (c *compiler) target() uint32 {
	c.barrier = len(c.fn.code)
	return uint32(len(c.fn.code))
}

// fusible reports whether the last n instructions can be folded into the
// next one (no branch lands between them).
func (c *compiler) fusible(n int) bool {
	return len(c.fn.code)-n >= c.barrier && len(c.fn.code) >= n
}

func (c *compiler) compile(code *Code, features wasm.Features, def int) error {
	m := code.Module
	c.m = m
	fn := &code.funcs[def]
	c.fn = fn
	fn.funcIndex = uint32(m.NumImportedFuncs + def)
	fn.typeIndex = m.Funcs[def]
	ft := &m.Types[fn.typeIndex]
	fn.params, fn.results = sumSlots(ft.Params), sumSlots(ft.Results)
	body := &m.Code[def]
	c.localTy = body.LocalTypes(ft.Params, c.localTy[:0])
	c.localAt = c.localAt[:0]
	n := uint32(0)
	for _, t := range c.localTy {
		c.localAt = append(c.localAt, n)
		n += slots(t)
	}
	// Each legacy try gets a hidden slot after the locals for the
	// exception its catch clauses caught (rethrow reads it).
	c.nextSlot = n
	if features.Has(wasm.LegacyExceptions) && bytes.IndexByte(body.Expr, byte(wasm.OpTry)) >= 0 {
		tries, err := countTries(body, features)
		if err != nil {
			return err
		}
		n += tries
	}
	fn.locals = n
	c.barrier = 0
	c.ctrls = append(c.ctrls[:0], ctrl{op: wasm.OpEnd, results: fn.results, elseJump: -1, try: -1})

	fv, err := wasm.NewFuncValidator(m, features, def)
	if err != nil {
		return err
	}
	r := wasm.NewOperatorReaderFeatures(body.Expr, body.ExprOffset, features)
	var op wasm.Operator
	for !r.Done() {
		if err := r.Read(&op); err != nil {
			return err
		}
		c.height = 0
		for _, t := range fv.Operands() {
			c.height += slots(t)
		}
		c.off = uint32(op.Offset)
		if err := c.translate(&op, fv.Operands()); err != nil {
			return err
		}
		if err := fv.Step(&op); err != nil {
			return err
		}
		c.height = 0
		for _, t := range fv.Operands() {
			c.height += slots(t)
		}
		if c.height > fn.maxStack {
			fn.maxStack = c.height
		}
	}
	return fv.Finish()
}

func (c *compiler) top() *ctrl { return &c.ctrls[len(c.ctrls)-1] }

// label returns the branch to relative depth d: target (when known), the
// height to move to and the carried slots.
func (c *compiler) label(d uint32) (fr *ctrl, height, arity uint32) {
	fr = &c.ctrls[len(c.ctrls)-1-int(d)]
	if fr.op == wasm.OpLoop {
		return fr, c.fn.locals + fr.height, fr.params
	}
	return fr, c.fn.locals + fr.height, fr.results
}

// branch emits an unconditional (op=opBr) or conditional (opBrIf) branch
// to depth d.
func (c *compiler) branch(d uint32, cond bool, heightNow uint32) {
	fr, h, arity := c.label(d)
	if fr.op == wasm.OpEnd && !cond {
		c.emit(instr{op: opReturn, c: uint64(arity)})
		return
	}
	move := c.fn.locals+heightNow-arity != h
	var in instr
	switch {
	case cond && move:
		in = instr{op: opBrIfMove, b: h, c: uint64(arity)}
	case cond:
		in = instr{op: opBrIf}
		if c.fusible(1) {
			prev := &c.fn.code[len(c.fn.code)-1]
			if f, ok := fusedBrIf[prev.op]; ok {
				c.fn.code = c.fn.code[:len(c.fn.code)-1]
				in.op = f
			}
		}
	case move:
		in = instr{op: opBrMove, b: h, c: uint64(arity)}
	default:
		in = instr{op: opBr}
	}
	if fr.op == wasm.OpLoop {
		in.a = fr.start
		c.emit(in)
		return
	}
	at := c.emit(in)
	fr.fixups = append(fr.fixups, fixup{at: at})
}

// fusedBrIf maps an i32 comparison to the br_if that performs it.
var fusedBrIf = map[uint16]uint16{
	uint16(wasm.OpI32Eqz): opBrIfEqz,
	uint16(wasm.OpI32LtS): opBrIfI32LtS,
	uint16(wasm.OpI32LtU): opBrIfI32LtU,
	uint16(wasm.OpI32Ne):  opBrIfI32Ne,
	uint16(wasm.OpI32Eq):  opBrIfI32Eq,
	uint16(wasm.OpI32GeS): opBrIfI32GeS,
	uint16(wasm.OpI32GeU): opBrIfI32GeU,
}

// translate emits the internal form of one operator. operands are the
// operand types before it.
func (c *compiler) translate(op *wasm.Operator, operands []wasm.ValType) error {
	fr := c.top()
	dead := fr.dead || fr.deadRest
	switch op.Op {
	case wasm.OpBlock, wasm.OpLoop, wasm.OpIf, wasm.OpTryTable:
		params, results := c.m.BlockSig(op.Block)
		p := sumSlots(params)
		h := c.height - p
		if op.Op == wasm.OpIf {
			h-- // the condition
		}
		nc := ctrl{op: op.Op, height: h, params: p, results: sumSlots(results), elseJump: -1, try: -1, dead: dead,
			before: len(c.fn.tries)}
		if op.Op == wasm.OpTryTable && !dead {
			// Catch labels are resolved outside the try_table.
			t := tryRange{start: uint32(len(c.fn.code)), catchStart: uint32(len(c.fn.catches))}
			it := op.Catches.Iter()
			for {
				cl, ok := it.Next()
				if !ok {
					break
				}
				lab, lh, arity := c.label(cl.Label)
				e := catchEntry{tag: -1, ref: cl.Kind == wasm.CatchTagRef || cl.Kind == wasm.CatchAllRef, height: lh, arity: arity, slot: -1}
				if cl.Kind == wasm.CatchTag || cl.Kind == wasm.CatchTagRef {
					e.tag = int32(cl.Tag)
				}
				if lab.op == wasm.OpLoop {
					e.pc = lab.start
				} else {
					lab.fixups = append(lab.fixups, fixup{at: len(c.fn.catches), kind: fixCatch})
				}
				c.fn.catches = append(c.fn.catches, e)
			}
			t.catchEnd = uint32(len(c.fn.catches))
			nc.try = len(c.fn.tries)
			c.fn.tries = append(c.fn.tries, t)
			// A handler lands here from outside the range: no fusion
			// across the start either.
			c.target()
		}
		if !dead {
			switch op.Op {
			case wasm.OpLoop:
				nc.start = c.target()
				c.emit(instr{op: opLoop})
			case wasm.OpIf:
				nc.elseJump = c.emit(instr{op: opBrIfNot})
			}
		}
		c.ctrls = append(c.ctrls, nc)
		return nil
	case wasm.OpTry:
		params, results := c.m.BlockSig(op.Block)
		p := sumSlots(params)
		nc := ctrl{op: op.Op, height: c.height - p, params: p, results: sumSlots(results), elseJump: -1, try: -1,
			dead: dead, before: len(c.fn.tries), slot: c.nextSlot}
		c.nextSlot++
		if !dead {
			nc.try = len(c.fn.tries)
			c.fn.tries = append(c.fn.tries, tryRange{start: uint32(len(c.fn.code)), catchStart: uint32(len(c.fn.catches)),
				catchEnd: uint32(len(c.fn.catches))})
			c.target()
		}
		c.ctrls = append(c.ctrls, nc)
		return nil
	case wasm.OpCatch, wasm.OpCatchAll:
		if fr.dead {
			return nil
		}
		t := &c.fn.tries[fr.try]
		if !fr.caught {
			t.end = uint32(len(c.fn.code))
			fr.caught = true
		}
		if !fr.deadRest {
			fr.fixups = append(fr.fixups, fixup{at: c.emit(instr{op: opBr})})
		}
		e := catchEntry{tag: -1, pc: c.target(), height: c.fn.locals + fr.height, slot: int32(fr.slot)}
		if op.Op == wasm.OpCatch {
			e.tag = int32(op.Index)
			e.arity = sumSlots(c.m.Types[c.m.TagTypes[op.Index]].Params)
		}
		t.own = append(t.own, e)
		fr.deadRest = false
		return nil
	case wasm.OpDelegate:
		if !fr.dead {
			t := &c.fn.tries[fr.try]
			t.end = uint32(len(c.fn.code))
			t.delegate = true
			// Continue the search with the handlers of the target label
			// (its own, if it is a try) and those around it.
			lab := &c.ctrls[len(c.ctrls)-2-int(op.Index)]
			t.next = int32(lab.before) - 1
			if lab.try >= 0 {
				t.next = int32(lab.try)
			}
			c.patch(fr, c.target())
		}
		c.ctrls = c.ctrls[:len(c.ctrls)-1]
		return nil
	case wasm.OpElse:
		if fr.dead {
			fr.deadRest = false
			return nil
		}
		if !fr.deadRest {
			at := c.emit(instr{op: opBr})
			fr.fixups = append(fr.fixups, fixup{at: at})
		}
		c.fn.code[fr.elseJump].a = c.target()
		fr.elseJump = -1
		fr.deadRest = false
		return nil
	case wasm.OpEnd:
		if fr.op == wasm.OpEnd && (!dead || len(fr.fixups) > 0) {
			// Branches to the function's end (br_if, br_table) land on
			// its return.
			end := c.target()
			c.patch(fr, end)
			c.emit(instr{op: opReturn, c: uint64(fr.results)})
		} else if fr.op != wasm.OpEnd && !fr.dead {
			if fr.try >= 0 && !fr.caught {
				c.fn.tries[fr.try].end = uint32(len(c.fn.code))
			}
			c.patch(fr, c.target())
		}
		c.ctrls = c.ctrls[:len(c.ctrls)-1]
		return nil
	}
	if dead {
		return nil
	}
	switch op.Op {
	case wasm.OpUnreachable:
		c.emit(instr{op: uint16(wasm.OpUnreachable)})
		fr.deadRest = true
	case wasm.OpNop:
	case wasm.OpBr:
		c.branch(op.Index, false, c.height)
		fr.deadRest = true
	case wasm.OpBrIf:
		c.branch(op.Index, true, c.height-1)
	case wasm.OpBrTable:
		start := uint32(len(c.fn.brTables))
		it := op.Targets.Iter()
		for {
			d, ok := it.Next()
			if !ok {
				break
			}
			c.tableEntry(d)
		}
		c.tableEntry(op.Targets.Default)
		c.emit(instr{op: opBrTable, a: start, b: uint32(len(c.fn.brTables)) - start - 1})
		fr.deadRest = true
	case wasm.OpReturn:
		c.emit(instr{op: opReturn, c: uint64(c.fn.results)})
		fr.deadRest = true
	case wasm.OpCall:
		c.emit(instr{op: opCall, a: op.Index})
	case wasm.OpCallIndirect:
		c.emit(instr{op: opCallIndirect, a: op.Index, b: op.Index2})
	case wasm.OpReturnCall:
		c.emit(instr{op: opReturnCall, a: op.Index})
		fr.deadRest = true
	case wasm.OpReturnCallIndirect:
		c.emit(instr{op: opReturnCallIndirect, a: op.Index, b: op.Index2})
		fr.deadRest = true
	case wasm.OpCallRef:
		c.emit(instr{op: opCallRef})
	case wasm.OpReturnCallRef:
		c.emit(instr{op: opReturnCallRef})
		fr.deadRest = true
	case wasm.OpRefAsNonNull:
		c.emit(instr{op: iop(op.Op)})
	case wasm.OpBrOnNull, wasm.OpBrOnNonNull:
		o := opBrOnNull
		if op.Op == wasm.OpBrOnNonNull {
			o = opBrOnNonNull
		}
		lab, h, arity := c.label(op.Index)
		in := instr{op: o, b: h, c: uint64(arity)}
		if lab.op == wasm.OpLoop {
			in.a = lab.start
			c.emit(in)
		} else {
			lab.fixups = append(lab.fixups, fixup{at: c.emit(in)})
		}
	case wasm.OpThrow:
		c.emit(instr{op: opThrow, a: op.Index})
		fr.deadRest = true
	case wasm.OpThrowRef:
		c.emit(instr{op: opThrowRef})
		fr.deadRest = true
	case wasm.OpRethrow:
		c.emit(instr{op: opRethrow, a: c.ctrls[len(c.ctrls)-1-int(op.Index)].slot})
		fr.deadRest = true
	case wasm.OpDrop:
		c.emit(instr{op: opDrop, a: slots(operands[len(operands)-1])})
	case wasm.OpSelect, wasm.OpSelectT:
		c.emit(instr{op: opSelect, a: slots(operands[len(operands)-2])})
	case wasm.OpLocalGet:
		at := c.localAt[op.Index]
		if slots(c.localTy[op.Index]) == 2 {
			c.emit(instr{op: opLocalGet2, a: at})
		} else {
			c.emit(instr{op: opLocalGet, a: at})
		}
	case wasm.OpLocalSet, wasm.OpLocalTee:
		at := c.localAt[op.Index]
		wide := slots(c.localTy[op.Index]) == 2
		switch {
		case wide && op.Op == wasm.OpLocalSet:
			c.emit(instr{op: opLocalSet2, a: at})
		case wide:
			c.emit(instr{op: opLocalTee2, a: at})
		case op.Op == wasm.OpLocalTee:
			c.emit(instr{op: opLocalTee, a: at})
		default:
			// local.get a; i32.const k; i32.add; local.set a => a += k
			if n := len(c.fn.code); c.fusible(1) && c.fn.code[n-1].op == opAddConstI32 && n >= 2 && c.fusible(2) &&
				c.fn.code[n-2].op == opLocalGet && c.fn.code[n-2].a == at {
				k := c.fn.code[n-1].c
				c.fn.code = c.fn.code[:n-2]
				c.emit(instr{op: opIncLocalI32, a: at, c: k})
				return nil
			}
			// A fused binary operator stores its result directly.
			if n := len(c.fn.code); c.fusible(1) {
				prev := &c.fn.code[n-1]
				if set, ok := withSet(prev.op); ok {
					prev.op = set
					if set >= fuseLLS && set < fuseLLS+64 {
						prev.c = uint64(at)
					} else {
						prev.b = at
					}
					return nil
				}
			}
			c.emit(instr{op: opLocalSet, a: at})
		}
	case wasm.OpGlobalGet, wasm.OpGlobalSet:
		w := slots(c.m.GlobalTypes[op.Index].Type)
		o := opGlobalGet
		if op.Op == wasm.OpGlobalSet {
			o = opGlobalSet
		}
		c.emit(instr{op: o, a: op.Index, b: w})
	case wasm.OpI32Const:
		c.emit(instr{op: opConst, c: uint64(uint32(op.Imm))})
	case wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const:
		c.emit(instr{op: opConst, c: op.Imm})
	case wasm.OpV128Const:
		lo, hi := le64(op.V128[:8]), le64(op.V128[8:])
		c.fn.v128Hi = append(c.fn.v128Hi, hi)
		c.emit(instr{op: opConst2, a: uint32(len(c.fn.v128Hi) - 1), c: lo})
	case wasm.OpRefNull:
		c.emit(instr{op: opConst})
	case wasm.OpI32Add:
		n := len(c.fn.code)
		if c.fusible(2) && c.fn.code[n-1].op == opLocalGet && c.fn.code[n-2].op == opLocalGet {
			a, b := c.fn.code[n-2].a, c.fn.code[n-1].a
			c.fn.code = c.fn.code[:n-2]
			c.emit(instr{op: opAddLocalLocalI32, a: a, b: b})
			return nil
		}
		if c.fusible(1) && c.fn.code[n-1].op == opConst {
			c.fn.code[n-1] = instr{op: opAddConstI32, c: c.fn.code[n-1].c}
			return nil
		}
		c.emit(instr{op: iop(op.Op)})
	case wasm.OpI32Sub:
		n := len(c.fn.code)
		if c.fusible(1) && c.fn.code[n-1].op == opConst {
			c.fn.code[n-1] = instr{op: opAddConstI32, c: uint64(uint32(-int32(uint32(c.fn.code[n-1].c))))}
			return nil
		}
		c.emit(instr{op: iop(op.Op)})
	case wasm.OpRefFunc, wasm.OpTableGet, wasm.OpTableSet, wasm.OpMemorySize, wasm.OpMemoryGrow,
		wasm.OpMemoryInit, wasm.OpDataDrop, wasm.OpTableInit, wasm.OpElemDrop, wasm.OpTableGrow,
		wasm.OpTableSize, wasm.OpTableFill, wasm.OpMemoryFill:
		c.emit(instr{op: iop(op.Op), a: op.Index, b: op.Index2})
	case wasm.OpMemoryCopy, wasm.OpTableCopy:
		// a = destination, b = source
		c.emit(instr{op: iop(op.Op), a: op.Index, b: op.Index2})
	default:
		if op.Op>>16 == 0xfd {
			return c.simd(op)
		}
		if op.Op>>16 == 0xfb || op.Op == wasm.OpRefEq {
			return c.gc(op)
		}
		if op.Op>>16 == 0xfe {
			c.atomic(op)
			return nil
		}
		o := iop(op.Op)
		if o >= opBase || !implemented[o] {
			return fmt.Errorf("%w: %v at offset %d", ErrUnsupported, op.Op, op.Offset)
		}
		if k := fusedIndex[o]; k >= 0 && c.fusible(1) {
			// Fold local and constant operands in (fused.go).
			n := len(c.fn.code)
			prev := c.fn.code[n-1]
			if c.fusible(2) && c.fn.code[n-2].op == opLocalGet && (prev.op == opLocalGet || prev.op == opConst) {
				x := c.fn.code[n-2].a
				c.fn.code, c.fn.offsets = c.fn.code[:n-2], c.fn.offsets[:n-2]
				if prev.op == opLocalGet {
					c.emit(instr{op: fuseLL + uint16(k), a: x, b: prev.a})
				} else {
					c.emit(instr{op: fuseLI + uint16(k), a: x, c: prev.c})
				}
				return nil
			}
			switch prev.op {
			case opConst:
				c.fn.code[n-1] = instr{op: fuseSI + uint16(k), c: prev.c}
				return nil
			case opLocalGet:
				c.fn.code[n-1] = instr{op: fuseSL + uint16(k), a: prev.a}
				return nil
			}
		}
		if f, ok := loadLocal[o]; ok && op.Mem.Memory == 0 && c.fusible(1) {
			if prev := &c.fn.code[len(c.fn.code)-1]; prev.op == opLocalGet {
				*prev = instr{op: f, a: prev.a, c: op.Mem.Offset}
				return nil
			}
		}
		c.emit(instr{op: o, a: op.Mem.Memory, b: uint32(op.Lane), c: op.Mem.Offset})
	}
	return nil
}

// loadLocal maps a load to its form that takes the address from a local.
var loadLocal = map[uint16]uint16{
	uint16(wasm.OpI32Load): opLoad32Local, uint16(wasm.OpF32Load): opLoad32Local,
	uint16(wasm.OpI64Load): opLoad64Local, uint16(wasm.OpF64Load): opLoad64Local,
	uint16(wasm.OpI32Load8U): opLoad8ULocal, uint16(wasm.OpI64Load8U): opLoad8ULocal,
	uint16(wasm.OpI32Load16U): opLoad16ULocal, uint16(wasm.OpI64Load16U): opLoad16ULocal,
}

// simd emits a vector operator: the lane semantics live in
// runtime/internal/simd; the interpreter only passes immediates along.
func (c *compiler) simd(op *wasm.Operator) error {
	sub := uint32(op.Op & 0xffff)
	switch {
	case simd.IsMemory(sub):
		c.emit(instr{op: opSimdMem, a: op.Mem.Memory, b: sub | uint32(op.Lane)<<16, c: op.Mem.Offset})
	case !simd.Known(sub):
		return fmt.Errorf("%w: %v at offset %d", ErrUnsupported, op.Op, op.Offset)
	case op.Op == wasm.OpI8x16Shuffle:
		// The shuffle's lanes: low half in c, high half in v128Hi[a].
		c.fn.v128Hi = append(c.fn.v128Hi, le64(op.V128[8:]))
		c.emit(instr{op: opSimdShuffle, a: uint32(len(c.fn.v128Hi) - 1), b: sub, c: le64(op.V128[:8])})
	default:
		c.emit(instr{op: opSimd, a: uint32(op.Lane), b: sub})
	}
	return nil
}

// patch resolves the branches to the end of fr.
func (c *compiler) patch(fr *ctrl, end uint32) {
	if fr.elseJump >= 0 {
		c.fn.code[fr.elseJump].a = end
	}
	for _, f := range fr.fixups {
		switch f.kind {
		case fixTable:
			c.fn.brTables[f.at].pc = end
		case fixCatch:
			c.fn.catches[f.at].pc = end
		case fixCast:
			c.fn.casts[f.at].pc = end
		default:
			c.fn.code[f.at].a = end
		}
	}
}

// tableEntry appends the br_table entry for depth d.
func (c *compiler) tableEntry(d uint32) {
	fr, h, arity := c.label(d)
	e := brTarget{height: h, arity: arity}
	if fr.op == wasm.OpLoop {
		e.pc = fr.start
	} else {
		fr.fixups = append(fr.fixups, fixup{at: len(c.fn.brTables), kind: fixTable})
	}
	c.fn.brTables = append(c.fn.brTables, e)
}

func le64(b []byte) uint64 {
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Unsupported is the set of proposals the interpreter does not execute:
// modules that need them are told apart by validation without them. It is
// empty: the interpreter runs everything ir/wasm validates.
const Unsupported wasm.Features = 0

// Unsupported implements the engine's optional feature report.
func (Engine) Unsupported() wasm.Features { return Unsupported }

// countTries counts the legacy try blocks of a body (each needs a hidden
// slot, which must be known before the operand stack's base is).
func countTries(body *wasm.Code, features wasm.Features) (uint32, error) {
	r := wasm.NewOperatorReaderFeatures(body.Expr, body.ExprOffset, features)
	var op wasm.Operator
	n := uint32(0)
	for !r.Done() {
		if err := r.Read(&op); err != nil {
			return 0, err
		}
		if op.Op == wasm.OpTry {
			n++
		}
	}
	return n, nil
}
