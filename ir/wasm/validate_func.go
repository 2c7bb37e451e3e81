package wasm

import "fmt"

// maxOperandStack bounds the validator's operand stack.
const maxOperandStack = 1 << 20

// expandLocals is the number of locals up to which the validator keeps
// one type per local rather than searching the declared groups.
const expandLocals = 1024

// funcBodyBlock marks the outermost frame of a function body, whose
// results are the function's.
const funcBodyBlock = -2

// ctrlFrame is one entry of the validator's control stack (the spec
// appendix's ctrl_frame): the operator that opened it, its block type,
// the operand stack height at entry, whether the rest of the block is
// unreachable, and how many locals had been initialised at entry.
type ctrlFrame struct {
	op          Opcode
	bt          BlockType
	one         [1]ValType // storage for a single-result block type
	height      int
	initHeight  int
	unreachable bool
}

// funcValidator checks one function body (or one constant expression) in a
// single pass over its operators. Its slices are reused from function to
// function, so validating a module allocates little beyond the module's own
// tables.
type funcValidator struct {
	m       *Module
	f       Features
	refs    []bool // function indices a ref.func may name
	funcIdx int    // -1 for constant expressions
	results []ValType

	constMode   bool
	constGlobal int // in constant mode: globals [0, constGlobal) may be read

	// Locals: v.locals holds the type of every local when there are at
	// most expandLocals of them, otherwise only the parameters, and the
	// declared groups are searched (so a body declaring 50,000 locals in
	// five bytes costs five bytes of work, not 50,000).
	locals     []ValType
	numLocals  uint32
	nparams    uint32
	groupEnds  []uint32 // cumulative local index after each group
	groupTypes []ValType

	// Initialisation of non-defaultable locals: local i is set when
	// initStamp[i] == stamp. Stamps are never cleared between functions;
	// bumping stamp invalidates them all at once.
	initStamp []uint32
	stamp     uint32
	initStack []uint32
	hasNonDef bool

	stack []ValType
	ctrl  []ctrlFrame

	// br_table targets already checked in the current br_table:
	// brSeen[depth] == brStamp.
	brSeen  []uint32
	brStamp uint32
	or      OperatorReader
	op      Operator
}

func (v *funcValidator) errorf(off int, format string, args ...any) error {
	return &Error{Offset: off, Func: v.funcIdx, Msg: fmt.Sprintf(format, args...)}
}

// blockParams/blockResults return a frame's signature. The single-result
// slice points into the frame, so it is valid until v.ctrl grows.
func (v *funcValidator) blockParams(fr *ctrlFrame) []ValType {
	if fr.bt.Index >= 0 {
		return v.m.Types[fr.bt.Index].Params
	}
	return nil
}

func (v *funcValidator) blockResults(fr *ctrlFrame) []ValType {
	if fr.bt.Index == funcBodyBlock {
		return v.results
	}
	if fr.bt.Index >= 0 {
		return v.m.Types[fr.bt.Index].Results
	}
	if fr.bt.HasResult {
		fr.one[0] = fr.bt.Result
		return fr.one[:]
	}
	return nil
}

// labelTypes returns the types a branch to fr carries: a loop's
// parameters, any other block's results.
func (v *funcValidator) labelTypes(fr *ctrlFrame) []ValType {
	if fr.op == OpLoop {
		return v.blockParams(fr)
	}
	return v.blockResults(fr)
}

func (v *funcValidator) push(t ValType) { v.stack = append(v.stack, t) }

func (v *funcValidator) pushTypes(ts []ValType) { v.stack = append(v.stack, ts...) }

// stackHas renders the top n operands of the current frame for messages.
func (v *funcValidator) stackHas(n int) string {
	fr := &v.ctrl[len(v.ctrl)-1]
	lo := len(v.stack) - n
	if lo < fr.height {
		lo = fr.height
	}
	return typeList(v.stack[lo:])
}

func (v *funcValidator) mismatch(want []ValType) error {
	return v.errorf(v.op.Offset, "%s: instruction requires %s but stack has %s",
		msgTypeMismatch, typeList(want), v.stackHas(len(want)))
}

// pop removes the top operand, which must match want; in an unreachable
// frame an empty stack yields the unknown type.
func (v *funcValidator) pop(want ValType) (ValType, error) {
	fr := &v.ctrl[len(v.ctrl)-1]
	n := len(v.stack)
	if n == fr.height {
		if fr.unreachable {
			if want.Kind == KindRef {
				return ValType{Kind: KindRef, Nullable: false, Heap: heapBot}, nil
			}
			return unknownType, nil
		}
		return ValType{}, v.mismatch([]ValType{want})
	}
	got := v.stack[n-1]
	if got != want && !v.m.isSub(got, want) {
		return ValType{}, v.mismatch([]ValType{want})
	}
	v.stack = v.stack[:n-1]
	return got, nil
}

// popAny removes the top operand whatever its type.
func (v *funcValidator) popAny() (ValType, error) {
	fr := &v.ctrl[len(v.ctrl)-1]
	n := len(v.stack)
	if n == fr.height {
		if fr.unreachable {
			return unknownType, nil
		}
		return ValType{}, v.errorf(v.op.Offset, "%s: instruction requires a value but stack is empty", msgTypeMismatch)
	}
	t := v.stack[n-1]
	v.stack = v.stack[:n-1]
	return t, nil
}

// popRef removes the top operand, which must be a reference.
func (v *funcValidator) popRef() (ValType, error) {
	t, err := v.popAny()
	if err != nil {
		return t, err
	}
	if t.Kind == kindBot {
		return ValType{Kind: KindRef, Nullable: true, Heap: heapBot}, nil
	}
	if t.Kind != KindRef {
		return t, v.errorf(v.op.Offset, "%s: instruction requires a reference but stack has %s", msgTypeMismatch, t)
	}
	return t, nil
}

// popTypes pops want (last element on top). On failure the message names
// the whole list and what the stack holds, as the reference interpreter's
// does.
func (v *funcValidator) popTypes(want []ValType) error {
	fr := &v.ctrl[len(v.ctrl)-1]
	n := len(v.stack)
	for i := len(want) - 1; i >= 0; i-- {
		j := n - (len(want) - i)
		if j < fr.height {
			if fr.unreachable {
				break // the rest lie below too: all unknown
			}
			return v.mismatch(want)
		}
		if got := v.stack[j]; got != want[i] && !v.m.isSub(got, want[i]) {
			return v.mismatch(want)
		}
	}
	n -= len(want)
	if n < fr.height {
		n = fr.height
	}
	v.stack = v.stack[:n]
	return nil
}

func (v *funcValidator) pushFrame(op Opcode, bt BlockType) {
	v.ctrl = append(v.ctrl, ctrlFrame{op: op, bt: bt, height: len(v.stack), initHeight: len(v.initStack)})
	fr := &v.ctrl[len(v.ctrl)-1]
	v.pushTypes(v.blockParams(fr))
}

// popFrame checks the current frame's results and removes it, resetting
// locals initialised inside it. The frame returned is the popped slot of
// v.ctrl, not a copy (a frame is seven words and every end pops one): it
// is valid until the next frame is pushed.
func (v *funcValidator) popFrame() (*ctrlFrame, error) {
	fr := &v.ctrl[len(v.ctrl)-1]
	if err := v.popTypes(v.blockResults(fr)); err != nil {
		return nil, err
	}
	if len(v.stack) != fr.height {
		return nil, v.errorf(v.op.Offset, "%s: block requires %s but stack has %s",
			msgTypeMismatch, typeList(nil), typeList(v.stack[fr.height:]))
	}
	v.resetLocals(fr.initHeight)
	v.ctrl = v.ctrl[:len(v.ctrl)-1]
	return fr, nil
}

func (v *funcValidator) resetLocals(h int) {
	for _, l := range v.initStack[h:] {
		v.initStamp[l] = 0
	}
	v.initStack = v.initStack[:h]
}

func (v *funcValidator) setUnreachable() {
	fr := &v.ctrl[len(v.ctrl)-1]
	v.stack = v.stack[:fr.height]
	fr.unreachable = true
}

// label returns the frame a branch with relative depth l targets.
func (v *funcValidator) label(l uint32) (*ctrlFrame, error) {
	if int64(l) >= int64(len(v.ctrl)) {
		return nil, v.errorf(v.op.Offset, "unknown label %d", l)
	}
	return &v.ctrl[len(v.ctrl)-1-int(l)], nil
}

// validateFunc validates body c of function funcIdx with type ft.
func (v *funcValidator) validateFunc(funcIdx int, ft *SubType, c *Code) error {
	if err := v.beginFunc(funcIdx, ft, c); err != nil {
		return err
	}
	return v.run(c.Expr, c.ExprOffset)
}

// beginFunc sets up the locals of body c and opens the function's frame.
func (v *funcValidator) beginFunc(funcIdx int, ft *SubType, c *Code) error {
	v.funcIdx = funcIdx
	v.constMode = false
	v.results = ft.Results
	v.locals = append(v.locals[:0], ft.Params...)
	v.nparams = uint32(len(ft.Params))
	v.numLocals = v.nparams + c.NumLocals
	v.groupEnds, v.groupTypes = v.groupEnds[:0], v.groupTypes[:0]
	v.hasNonDef = false
	expand := v.numLocals <= expandLocals
	end := uint32(len(ft.Params))
	for _, g := range c.Locals {
		if err := v.checkValType(g.Type, c.Offset); err != nil {
			return err
		}
		if !g.Type.Defaultable() {
			v.hasNonDef = true
		}
		end += g.Count
		v.groupEnds = append(v.groupEnds, end)
		v.groupTypes = append(v.groupTypes, g.Type)
		if expand {
			for k := uint32(0); k < g.Count; k++ {
				v.locals = append(v.locals, g.Type)
			}
		}
	}
	if v.hasNonDef {
		if uint32(cap(v.initStamp)) < v.numLocals {
			v.initStamp = make([]uint32, v.numLocals)
		}
		v.initStamp = v.initStamp[:v.numLocals]
		v.stamp++
		if v.stamp == 0 { // wrapped: old stamps could match again
			clear(v.initStamp[:cap(v.initStamp)])
			v.stamp = 1
		}
	}
	// The function's frame: its results are the function's, which need
	// not be expressible as a block type.
	v.start(BlockType{Index: funcBodyBlock})
	return nil
}

// validateConst validates a constant expression producing want.
func (v *funcValidator) validateConst(e *ConstExpr, want ValType, globals int) error {
	if isIntConst(e.Bytes, want) {
		return nil
	}
	v.funcIdx = -1
	v.constMode = true
	v.constGlobal = globals
	v.locals = v.locals[:0]
	v.numLocals, v.nparams = 0, 0
	v.hasNonDef = false
	v.results = nil
	v.start(BlockType{Index: -1, Result: want, HasResult: true})
	return v.run(e.Bytes, e.Offset)
}

// isIntConst reports whether b is exactly "i32.const n end" with want i32
// or "i64.const n end" with want i64, n well-formed. That is the offset of
// nearly every active segment (Go's binaries have tens of thousands of data
// segments), and it is valid whatever the module, so the validator's
// stacks need not be set up for it; anything else, valid or not, takes the
// general path and its error.
func isIntConst(b []byte, want ValType) bool {
	if len(b) < 3 || b[len(b)-1] != byte(OpEnd) {
		return false
	}
	r := reader{buf: b[1 : len(b)-1]}
	switch {
	case b[0] == byte(OpI32Const) && want == I32:
		_, err := r.s32()
		return err == nil && r.eof()
	case b[0] == byte(OpI64Const) && want == I64:
		_, err := r.s64()
		return err == nil && r.eof()
	}
	return false
}

// start empties the stacks and opens the outermost frame.
func (v *funcValidator) start(bt BlockType) {
	v.stack = v.stack[:0]
	v.ctrl = v.ctrl[:0]
	v.initStack = v.initStack[:0]
	v.pushFrame(OpBlock, bt)
}

// stepChecked validates v.op and enforces the operand stack limit.
func (v *funcValidator) stepChecked(info *opInfo) error {
	if err := v.step(info); err != nil {
		return err
	}
	if len(v.stack) > maxOperandStack {
		return v.errStackLimit()
	}
	return nil
}

// errStackLimit is the error for an operand stack deeper than
// maxOperandStack: calls and blocks with wide signatures push up to
// maxParams values for a few bytes, so the memory must be bounded.
func (v *funcValidator) errStackLimit() error {
	return v.errorf(v.op.Offset, "operand stack deeper than %d values (implementation limit)", maxOperandStack)
}

// run reads and validates operators until the outermost frame closes.
func (v *funcValidator) run(code []byte, base int) error {
	v.or.reset(code, base, v.f)
	v.or.r.whole = v.m.raw
	// Locals the fast path below may use: all of them when there are
	// few and all are defaultable (always initialised), none in a
	// constant expression.
	var fastLocals []ValType
	if !v.hasNonDef && !v.constMode {
		fastLocals = v.locals
	}
	for len(v.ctrl) > 0 {
		// The commonest operators of compiled code are handled here
		// without Read: local.get/set/tee with a one-byte index (a third
		// of strconv's), constants with a one-byte immediate (a tenth)
		// and numeric operators without immediates (a fifth). Locals and
		// constants are applied only when they cannot fail (a known
		// local, a set's operand of exactly its type, room on the
		// stack); numeric operators go to stepFixed as Read would send
		// them. Everything else takes the general path, so every error
		// still comes from one place.
		if p := v.or.r.pos; p+1 < len(code) && !v.constMode {
			b, imm := code[p], code[p+1]
			n := len(v.stack)
			switch {
			case b >= byte(OpLocalGet) && b <= byte(OpLocalTee):
				if imm >= 0x80 || int(imm) >= len(fastLocals) {
					break
				}
				t := fastLocals[imm]
				if b == byte(OpLocalGet) {
					if n < maxOperandStack {
						v.stack = append(v.stack, t)
						v.or.r.pos = p + 2
						continue
					}
				} else if n > v.ctrl[len(v.ctrl)-1].height && v.stack[n-1] == t {
					if b == byte(OpLocalSet) {
						v.stack = v.stack[:n-1]
					}
					v.or.r.pos = p + 2
					continue
				}
			case b == byte(OpI32Const) || b == byte(OpI64Const):
				if imm < 0x80 && n < maxOperandStack {
					t := I32
					if b == byte(OpI64Const) {
						t = I64
					}
					v.stack = append(v.stack, t)
					v.or.r.pos = p + 2
					continue
				}
			case plainGate[b]&^v.or.f == 0:
				if info := &plainOps[b]; info.imm == immNone && !info.special {
					v.op.Op, v.op.Offset = Opcode(b), base+p
					v.or.r.pos = p + 1
					if err := v.stepFixed(info); err != nil {
						return err
					}
					if len(v.stack) > maxOperandStack {
						return v.errStackLimit()
					}
					continue
				}
			}
		}
		if err := v.or.Read(&v.op); err != nil {
			if e, ok := err.(*Error); ok {
				e.Func = v.funcIdx
				if e.Msg == msgUnexpectedEndSect && v.funcIdx >= 0 {
					e.Msg = msgUnexpectedEndSect + ": " + msgEndExpected + " before the end of the body (section size mismatch)"
				}
			}
			return err
		}
		// stepChecked, spelled out: this loop runs once per operator of
		// every body, and two fewer calls per operator show.
		var err error
		switch info := v.op.Op.readInfo(); {
		case v.constMode:
			err = v.step(info)
		case !info.special:
			err = v.stepFixed(info)
		default:
			err = v.stepSpecial()
		}
		if err != nil {
			return err
		}
		if len(v.stack) > maxOperandStack {
			return v.errStackLimit()
		}
	}
	if !v.or.Done() {
		if v.funcIdx >= 0 {
			return v.errorf(v.or.Offset(), "%s: operators after the final end", msgSectionSize)
		}
		return v.errorf(v.or.Offset(), msgEndExpected)
	}
	return nil
}
