package frontend

import (
	"errors"
	"fmt"

	"kiln/ir"
	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// ErrUnsupported is wrapped by the error for an operator the translator
// does not handle (SIMD, GC, exceptions, threads); UnsupportedError names it.
var ErrUnsupported = errors.New("unsupported")

// UnsupportedError reports an operator the translator cannot translate.
type UnsupportedError struct {
	Op     wasm.Opcode
	Offset int
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("frontend: offset %#x: %s: unsupported operator", e.Offset, e.Op)
}

func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// frameKind is the kind of a control frame.
type frameKind uint8

const (
	frameBlock frameKind = iota
	frameLoop
	frameIf
	frameElse
	frameFunc
)

// frame is one entry of the control stack. A branch to a loop goes to its
// header with the loop's parameters; to anything else it goes to next
// with the frame's results.
type frame struct {
	kind      frameKind
	next      ir.Block // the code after the end, with one param per result
	header    ir.Block // loop: the header; if: the else block
	height    int      // value-stack height below the frame's parameters
	nparams   int
	nresults  int
	reached   bool  // something branches to next (or falls through)
	elseStart int32 // if: start of the saved parameters in t.saved
}

// Translator translates function bodies to IR. Reuse one across the
// functions of a module to keep its stacks.
type Translator struct {
	env   Environment
	m     *wasm.Module
	fx    FuncCtx
	b     *ir.FunctionBuilder
	stack []ir.Value
	ctrl  []frame
	saved []ir.Value // parameters of open ifs, for their else arm
	// locals: the variable of each local; localTypes their wasm types.
	locals     []ir.Variable
	localTypes []wasm.ValType
	// reachable is false after br/return/unreachable until the end of
	// the enclosing frame; deadDepth counts frames opened in dead code.
	reachable bool
	deadDepth int
	op        wasm.Operator
	reader    wasm.OperatorReader
	tmp       []ir.Value
	offset    int
	sigs      *sigCache  // per type index, for fx.signature
	args      []ir.Value // callArgs' scratch
	// translateBrTable's scratch.
	edges  []brEdge
	edgeOf []int32
	brList []ir.Block
	brVals []ir.Value
	// heap caches memory 0's base and bound loads for the accesses that
	// follow in the same block (see heapAddr).
	heap heapCache
}

// NewTranslator returns a translator for the functions of m.
func NewTranslator(m *wasm.Module, env Environment) *Translator {
	return &Translator{env: env, m: m}
}

// TranslateFunction translates function funcIndex (in the function index
// space; it must be a defined function) of validated module m.
func TranslateFunction(m *wasm.Module, funcIndex uint32, env Environment) (*ir.Function, error) {
	return NewTranslator(m, env).Translate(funcIndex)
}

// Translate translates defined function funcIndex. The module must have
// passed wasm.Validate; malformed bodies yield an error, never a panic.
func (t *Translator) Translate(funcIndex uint32) (*ir.Function, error) {
	return t.TranslateInto(nil, funcIndex)
}

// TranslateInto is Translate building into f, which is reset first (see
// ir.Function.Reset), or into a new function if f is nil. A compiler that
// is done with one function before it translates the next passes the same
// f every time, so the IR's tables keep their storage instead of growing
// afresh for each function.
func (t *Translator) TranslateInto(f *ir.Function, funcIndex uint32) (out *ir.Function, err error) {
	m := t.m
	if funcIndex < uint32(m.NumImportedFuncs) || int64(funcIndex) >= int64(len(m.FuncTypes)) {
		return nil, fmt.Errorf("frontend: function %d is not a defined function", funcIndex)
	}
	def := funcIndex - uint32(m.NumImportedFuncs)
	t.heap = heapCache{} // block numbers start again in every function
	if int64(def) >= int64(len(m.Code)) {
		return nil, fmt.Errorf("frontend: function %d has no body", funcIndex)
	}
	st := m.FuncType(funcIndex)
	if st == nil {
		return nil, fmt.Errorf("frontend: function %d has no function type", funcIndex)
	}
	// Invalid input that slipped past validation surfaces as a panic deep
	// in the builder (a stack underflow, a type mismatch): turn it into an
	// error naming the operator.
	defer func() {
		if r := recover(); r != nil {
			out = nil
			err = fmt.Errorf("frontend: function %d: offset %#x: %s: invalid input: %v", funcIndex, t.op.Offset, t.op.Op, r)
		}
	}()
	if t.sigs == nil {
		t.sigs = new(sigCache)
	}
	t.fx.Module, t.fx.wasmSigs = m, t.sigs
	name, sig := ir.UserName(NamespaceFunc, funcIndex), t.fx.signature(t.env, m.FuncTypes[funcIndex])
	if f == nil {
		f = ir.NewFunction(name, sig)
	} else {
		f.Reset(name, sig)
	}
	f.AliasRegions = append(f.AliasRegions, regionDecls...)
	// The builder and the FuncCtx's caches are the translator's: they
	// keep their storage from one function to the next.
	if t.b == nil {
		t.b = ir.NewFunctionBuilder(f)
	} else {
		t.b.Reset(f)
	}
	extFuncs, sigs := t.fx.extFuncs, t.fx.sigs
	if extFuncs == nil {
		extFuncs, sigs = map[extKey]ir.FuncRef{}, map[uint32]ir.SigRef{}
	}
	clear(extFuncs)
	clear(sigs)
	t.fx = FuncCtx{B: t.b, Module: m, extFuncs: extFuncs, sigs: sigs, wasmSigs: t.sigs, argBuf: t.fx.argBuf[:0]}
	t.stack, t.ctrl, t.saved = t.stack[:0], t.ctrl[:0], t.saved[:0]
	t.reachable, t.deadDepth = true, 0

	entry := t.b.CreateBlock()
	t.b.SwitchToBlock(entry)
	t.b.SealBlock(entry)
	params := t.b.AppendBlockParamsForFunctionParams(entry)
	t.fx.VMCtx, t.fx.CallerVMCtx = params[0], params[1]

	code := &m.Code[def]
	t.localTypes = code.LocalTypes(st.Params, t.localTypes[:0])
	t.locals = t.locals[:0]
	for i, lt := range t.localTypes {
		v := t.b.DeclareVar(ValType(lt))
		t.locals = append(t.locals, v)
		if i < len(st.Params) {
			t.b.DefVar(v, params[2+i])
		} else {
			t.b.DefVar(v, t.zero(ValType(lt)))
		}
	}
	t.env.InterruptCheck(&t.fx)

	ret := t.b.CreateBlock()
	for _, r := range st.Results {
		t.b.AppendBlockParam(ret, ValType(r))
	}
	t.ctrl = append(t.ctrl, frame{kind: frameFunc, next: ret, nresults: len(st.Results)})

	t.reader = *wasm.NewOperatorReader(code.Expr, code.ExprOffset)
	for len(t.ctrl) > 0 {
		if t.reader.Done() {
			return nil, fmt.Errorf("frontend: function %d: body ends inside a block", funcIndex)
		}
		if err := t.reader.Read(&t.op); err != nil {
			return nil, err
		}
		first := len(f.DFG.Insts)
		if err := t.translateOp(); err != nil {
			return nil, err
		}
		loc := ir.SourceLoc(t.op.Offset)
		for i := first; i < len(f.DFG.Insts); i++ {
			f.DFG.SetSrcLoc(ir.Inst(i), loc)
		}
	}
	t.b.Finalize()
	return f, nil
}

// zero materialises the zero (or null) of ty.
func (t *Translator) zero(ty ir.Type) ir.Value {
	switch ty {
	case ir.F32:
		return t.b.F32const(0)
	case ir.F64:
		return t.b.F64const(0)
	case ir.I8X16:
		c := t.b.Func.AddConstant(make([]byte, 16))
		return t.b.Func.DFG.FirstResult(t.b.InsData(ir.InstData{Opcode: ir.OpVconst, Entity: int32(c)}, ir.I8X16))
	}
	return t.b.Iconst(ty, 0)
}

// --- value stack ---

func (t *Translator) push(v ir.Value) { t.stack = append(t.stack, v) }

func (t *Translator) pop() ir.Value {
	v := t.stack[len(t.stack)-1]
	t.stack = t.stack[:len(t.stack)-1]
	return v
}

func (t *Translator) pop2() (ir.Value, ir.Value) {
	y := t.pop()
	return t.pop(), y
}

func (t *Translator) popN(n int) []ir.Value {
	vs := t.stack[len(t.stack)-n:]
	t.stack = t.stack[:len(t.stack)-n]
	return vs
}

// peekN returns a copy of the top n values (branch arguments that stay).
func (t *Translator) peekN(n int) []ir.Value {
	t.tmp = append(t.tmp[:0], t.stack[len(t.stack)-n:]...)
	return t.tmp
}

// --- control flow ---

func (t *Translator) blockSig(bt wasm.BlockType) (params, results []wasm.ValType) {
	return t.m.BlockSig(bt)
}

func (t *Translator) newBlock(types []wasm.ValType) ir.Block {
	blk := t.b.CreateBlock()
	for _, ty := range types {
		t.b.AppendBlockParam(blk, ValType(ty))
	}
	return blk
}

// pushResults switches to blk and pushes its parameters.
func (t *Translator) switchAndPush(blk ir.Block) {
	t.b.SwitchToBlock(blk)
	t.stack = append(t.stack, t.b.Func.DFG.BlockParams(blk)...)
}

// branchTarget returns the block a branch to label depth goes to and its
// argument count, and marks it reached.
func (t *Translator) branchTarget(depth uint32) (ir.Block, int, error) {
	if int64(depth) >= int64(len(t.ctrl)) {
		return 0, 0, fmt.Errorf("frontend: offset %#x: unknown label %d", t.op.Offset, depth)
	}
	fr := &t.ctrl[len(t.ctrl)-1-int(depth)]
	if fr.kind == frameLoop {
		return fr.header, fr.nparams, nil
	}
	fr.reached = true
	return fr.next, fr.nresults, nil
}

// translateDead handles an operator in unreachable code: only the control
// structure is followed.
func (t *Translator) translateDead() error {
	switch t.op.Op {
	case wasm.OpBlock, wasm.OpLoop, wasm.OpIf, wasm.OpTry, wasm.OpTryTable:
		t.deadDepth++
	case wasm.OpElse:
		if t.deadDepth == 0 {
			return t.translateElse()
		}
	case wasm.OpEnd:
		if t.deadDepth > 0 {
			t.deadDepth--
			return nil
		}
		return t.translateEnd()
	}
	return nil
}

func (t *Translator) translateElse() error {
	fr := &t.ctrl[len(t.ctrl)-1]
	if fr.kind != frameIf {
		return fmt.Errorf("frontend: offset %#x: else without if", t.op.Offset)
	}
	if t.reachable {
		t.b.Jump(fr.next, t.popN(fr.nresults)...)
		fr.reached = true
	}
	t.stack = t.stack[:fr.height]
	t.stack = append(t.stack, t.saved[fr.elseStart:int(fr.elseStart)+fr.nparams]...)
	t.saved = t.saved[:fr.elseStart]
	fr.kind = frameElse
	t.b.SwitchToBlock(fr.header)
	t.reachable = true
	return nil
}

func (t *Translator) translateEnd() error {
	fr := t.ctrl[len(t.ctrl)-1]
	t.ctrl = t.ctrl[:len(t.ctrl)-1]
	if t.reachable {
		t.b.Jump(fr.next, t.popN(fr.nresults)...)
		fr.reached = true
	}
	switch fr.kind {
	case frameIf:
		// No else arm: the else block passes the parameters through.
		t.b.SwitchToBlock(fr.header)
		t.b.Jump(fr.next, t.saved[fr.elseStart:int(fr.elseStart)+fr.nparams]...)
		t.saved = t.saved[:fr.elseStart]
		fr.reached = true
	case frameLoop:
		t.b.SealBlock(fr.header)
	}
	t.stack = t.stack[:fr.height]
	t.b.SealBlock(fr.next)
	if !fr.reached {
		t.reachable = false
		return nil
	}
	t.switchAndPush(fr.next)
	t.reachable = true
	if fr.kind == frameFunc {
		t.b.Return(t.popN(fr.nresults)...)
	}
	return nil
}

// terminate marks the rest of the current frame unreachable.
func (t *Translator) terminate() {
	t.reachable = false
	t.deadDepth = 0
}

func (t *Translator) translateControl() (bool, error) {
	b := t.b
	op := &t.op
	switch op.Op {
	case wasm.OpNop:
	case wasm.OpUnreachable:
		b.Trap(Trap(vm.TrapUnreachable))
		t.terminate()
	case wasm.OpBlock:
		params, results := t.blockSig(op.Block)
		t.ctrl = append(t.ctrl, frame{kind: frameBlock, next: t.newBlock(results), height: len(t.stack) - len(params), nparams: len(params), nresults: len(results)})
	case wasm.OpLoop:
		params, results := t.blockSig(op.Block)
		header := t.newBlock(params)
		b.Jump(header, t.popN(len(params))...)
		t.ctrl = append(t.ctrl, frame{kind: frameLoop, next: t.newBlock(results), header: header, height: len(t.stack), nparams: len(params), nresults: len(results)})
		t.switchAndPush(header)
		t.env.InterruptCheck(&t.fx)
	case wasm.OpIf:
		params, results := t.blockSig(op.Block)
		c := t.pop()
		then, els := b.CreateBlock(), b.CreateBlock()
		b.Brif(c, then, nil, els, nil)
		b.SealBlock(then)
		b.SealBlock(els)
		start := int32(len(t.saved))
		t.saved = append(t.saved, t.stack[len(t.stack)-len(params):]...)
		t.ctrl = append(t.ctrl, frame{kind: frameIf, next: t.newBlock(results), header: els, height: len(t.stack) - len(params), nparams: len(params), nresults: len(results), elseStart: start})
		b.SwitchToBlock(then)
	case wasm.OpElse:
		return true, t.translateElse()
	case wasm.OpEnd:
		return true, t.translateEnd()
	case wasm.OpBr:
		blk, n, err := t.branchTarget(op.Index)
		if err != nil {
			return true, err
		}
		b.Jump(blk, t.peekN(n)...)
		t.terminate()
	case wasm.OpBrIf:
		c := t.pop()
		blk, n, err := t.branchTarget(op.Index)
		if err != nil {
			return true, err
		}
		cont := b.CreateBlock()
		b.Brif(c, blk, t.peekN(n), cont, nil)
		b.SealBlock(cont)
		b.SwitchToBlock(cont)
	case wasm.OpBrTable:
		return true, t.translateBrTable()
	case wasm.OpBrOnNull:
		// Null: branch without the reference; otherwise go on with it.
		ref := t.pop()
		blk, n, err := t.branchTarget(op.Index)
		if err != nil {
			return true, err
		}
		cont := b.CreateBlock()
		b.Brif(ref, cont, nil, blk, t.peekN(n))
		b.SealBlock(cont)
		b.SwitchToBlock(cont)
		t.push(ref)
	case wasm.OpBrOnNonNull:
		// Non-null: branch with the reference (the last branch argument);
		// otherwise drop it.
		ref := t.stack[len(t.stack)-1]
		blk, n, err := t.branchTarget(op.Index)
		if err != nil {
			return true, err
		}
		cont := b.CreateBlock()
		b.Brif(ref, blk, t.peekN(n), cont, nil)
		b.SealBlock(cont)
		b.SwitchToBlock(cont)
		t.pop()
	case wasm.OpReturn:
		fr := &t.ctrl[0]
		fr.reached = true
		b.Jump(fr.next, t.peekN(fr.nresults)...)
		t.terminate()
	default:
		return false, nil
	}
	return true, nil
}

func (t *Translator) translateBrTable() error {
	b := t.b
	idx := t.pop()
	targets := t.op.Targets
	_, n, err := t.branchTarget(targets.Default)
	if err != nil {
		return err
	}
	// Each distinct depth gets one block; when the branch carries values,
	// that block is an edge block that jumps on with them (br_table
	// targets take no arguments). edgeOf[depth] is the depth's edge in
	// t.edges plus one (0: none yet), cleared again before returning, so
	// a table of many depths costs no search.
	if len(t.edgeOf) < len(t.ctrl) {
		t.edgeOf = append(t.edgeOf, make([]int32, len(t.ctrl)-len(t.edgeOf))...)
	}
	t.edges = t.edges[:0]
	defer func() {
		for _, e := range t.edges {
			t.edgeOf[e.depth] = 0
		}
	}()
	blockFor := func(depth uint32) (ir.Block, error) {
		if depth < uint32(len(t.ctrl)) {
			if e := t.edgeOf[depth]; e != 0 {
				return t.edges[e-1].blk, nil
			}
		}
		blk, _, err := t.branchTarget(depth)
		if err != nil {
			return 0, err
		}
		if n > 0 {
			blk = b.CreateBlock()
		}
		t.edges = append(t.edges, brEdge{depth, blk})
		t.edgeOf[depth] = int32(len(t.edges))
		return blk, nil
	}
	list := t.brList[:0]
	it := targets.Iter()
	for {
		d, ok := it.Next()
		if !ok {
			break
		}
		blk, err := blockFor(d)
		if err != nil {
			return err
		}
		list = append(list, blk)
	}
	t.brList = list
	def, err := blockFor(targets.Default)
	if err != nil {
		return err
	}
	b.BrTable(idx, def, list)
	if n > 0 {
		vals := append(t.brVals[:0], t.stack[len(t.stack)-n:]...)
		t.brVals = vals
		for _, e := range t.edges {
			b.SealBlock(e.blk)
			b.SwitchToBlock(e.blk)
			dest, _, _ := t.branchTarget(e.depth)
			b.Jump(dest, vals...)
		}
	}
	t.terminate()
	return nil
}

// brEdge is the block a br_table sends one label depth to.
type brEdge struct {
	depth uint32
	blk   ir.Block
}

// translateOp translates t.op.
func (t *Translator) translateOp() error {
	if !t.reachable {
		return t.translateDead()
	}
	op := t.op.Op
	if !keepsHeapCache(op) {
		t.heap.valid = false
	}
	// The common one-byte operators go straight to their translator; the
	// rest try each in turn.
	if op < wasm.Opcode(len(opClasses)) {
		var done bool
		var err error
		switch opClasses[op] {
		case classNumeric:
			done, err = t.translateNumeric()
		case classVariable:
			done, err = t.translateVariable()
		case classMemory:
			done, err = t.translateMemory()
		}
		if done {
			return err
		}
	}
	if done, err := t.translateControl(); done {
		return err
	}
	if done, err := t.translateNumeric(); done {
		return err
	}
	if done, err := t.translateVariable(); done {
		return err
	}
	if done, err := t.translateMemory(); done {
		return err
	}
	if done, err := t.translateCallOrTable(); done {
		return err
	}
	return &UnsupportedError{Op: t.op.Op, Offset: t.op.Offset}
}

// opClass says which translator handles a one-byte operator, so
// translateOp need not ask the others first.
type opClass uint8

const (
	classOther    opClass = iota // try the translators in turn
	classNumeric                 // translateNumeric
	classVariable                // translateVariable
	classMemory                  // translateMemory: a plain load or store
)

var opClasses = func() (t [0x100]opClass) {
	for op := range t {
		switch {
		case numTable[op].kind != numNone:
			t[op] = classNumeric
		case op < len(memTable) && memTable[op].size != 0:
			t[op] = classMemory
		}
	}
	for _, op := range []wasm.Opcode{wasm.OpDrop, wasm.OpSelect, wasm.OpSelectT, wasm.OpLocalGet, wasm.OpLocalSet, wasm.OpLocalTee,
		wasm.OpGlobalGet, wasm.OpGlobalSet, wasm.OpRefNull, wasm.OpRefIsNull, wasm.OpRefFunc,
		wasm.OpI32Const, wasm.OpI64Const, wasm.OpF32Const, wasm.OpF64Const} {
		t[op] = classVariable
	}
	return t
}()

func (t *Translator) translateVariable() (bool, error) {
	op := &t.op
	switch op.Op {
	case wasm.OpDrop:
		t.pop()
	case wasm.OpSelect, wasm.OpSelectT:
		c := t.pop()
		x, y := t.pop2()
		t.push(t.b.Select(c, x, y))
	case wasm.OpLocalGet, wasm.OpLocalSet, wasm.OpLocalTee:
		if int64(op.Index) >= int64(len(t.locals)) {
			return true, fmt.Errorf("frontend: offset %#x: unknown local %d", op.Offset, op.Index)
		}
		v := t.locals[op.Index]
		switch op.Op {
		case wasm.OpLocalGet:
			t.push(t.b.UseVar(v))
		case wasm.OpLocalSet:
			t.b.DefVar(v, t.pop())
		default:
			t.b.DefVar(v, t.stack[len(t.stack)-1])
		}
	case wasm.OpGlobalGet:
		t.push(t.env.GlobalGet(&t.fx, op.Index, ValType(t.m.GlobalTypes[op.Index].Type)))
	case wasm.OpGlobalSet:
		t.env.GlobalSet(&t.fx, op.Index, t.pop())
	case wasm.OpRefNull:
		t.push(t.b.Iconst(PointerType, 0))
	case wasm.OpRefIsNull:
		t.push(t.bool32(t.b.Icmp(ir.IntEQ, t.pop(), t.b.Iconst(PointerType, 0))))
	case wasm.OpRefFunc:
		t.push(t.env.RefFunc(&t.fx, op.Index))
	case wasm.OpI32Const:
		t.push(t.b.Iconst(ir.I32, int64(op.I32())))
	case wasm.OpI64Const:
		t.push(t.b.Iconst(ir.I64, op.I64()))
	case wasm.OpF32Const:
		t.push(t.b.F32const(uint32(op.Imm)))
	case wasm.OpF64Const:
		t.push(t.b.F64const(op.Imm))
	default:
		return false, nil
	}
	return true, nil
}

// bool32 widens an icmp/fcmp result (i8 0 or 1) to a wasm i32.
func (t *Translator) bool32(c ir.Value) ir.Value { return t.b.Uextend(ir.I32, c) }
