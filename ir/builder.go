package ir

import (
	"fmt"
	"slices"
)

// Variable is a front-end variable (a wasm local, say) that the
// FunctionBuilder turns into SSA values.
type Variable int32

// FunctionBuilder appends instructions to a Function and builds SSA form
// from variable definitions and uses, following Braun et al., "Simple and
// Efficient Construction of Static Single Assignment Form" (CC 2013):
//
//   - a use looks the variable up in the current block, then recursively in
//     predecessors, creating block parameters (CLIF's phis) on the way;
//   - a block is sealed once all its predecessors are known; until then a
//     lookup adds an incomplete parameter whose branch arguments are filled
//     in when the block is sealed;
//   - a parameter whose incoming arguments are all the same value (or the
//     parameter itself) is trivial: it is removed, its branch arguments are
//     dropped and the parameter becomes an alias of that value.
//
// Predecessors are recorded as branches are appended, so blocks must be
// sealed only after every branch to them has been built.
type FunctionBuilder struct {
	Func *Function

	cur      Block
	varTypes []Type
	defs     [][]Value // defs[variable][block], NoValue if none
	blocks   []builderBlock
	// users[p] lists the SSA-created parameters that receive p as a
	// branch argument: when p is found trivial and removed, they may
	// become trivial too. The lists are chained through userNodes (1-based,
	// 0 ends a list) so they cost no allocation once the builder has
	// built a function or two.
	users     []userList // per Value; shorter when the rest are empty
	userNodes []userNode
	// callBuf is callsTo's result storage, reused by every call.
	callBuf []*BlockCall
	// predVals is completeParam's stack of incoming values.
	predVals []Value
	// replaced lists the parameters replaced by aliases; poolAliases is
	// set once one of them may appear in the pool (a branch argument or an
	// instruction argument), which Finalize must then rewrite.
	replaced    []Value
	poolAliases bool
}

type builderBlock struct {
	preds      []predEdge
	sealed     bool
	filled     bool // ends in a terminator
	incomplete []incompleteParam
}

type userList struct{ head, tail int32 }

type userNode struct {
	param Value
	next  int32
}

type predEdge struct {
	block Block
	inst  Inst
	// For a br_table: the first of its block calls (0 the default, k the
	// target k-1) that targets this block, and how many do, so finding
	// them does not scan the whole table.
	first, count int32
}

type incompleteParam struct {
	variable Variable
	param    Value
}

// NewFunctionBuilder starts building into f.
func NewFunctionBuilder(f *Function) *FunctionBuilder {
	return &FunctionBuilder{Func: f, cur: NoBlock}
}

// Reset starts building into f from scratch, like NewFunctionBuilder,
// but keeps the builder's storage (per-block predecessor lists, per-variable
// definition tables) for the next function: a translator building many
// functions reuses one builder.
func (fb *FunctionBuilder) Reset(f *Function) {
	fb.Func, fb.cur = f, NoBlock
	fb.varTypes = fb.varTypes[:0]
	fb.defs = fb.defs[:0]
	fb.blocks = fb.blocks[:0]
	fb.users = fb.users[:0]
	fb.userNodes = fb.userNodes[:0]
	fb.predVals = fb.predVals[:0]
	fb.replaced = fb.replaced[:0]
	fb.poolAliases = false
}

func (fb *FunctionBuilder) bb(b Block) *builderBlock {
	for int(b) >= len(fb.blocks) {
		// Reuse the lists a previous function left in the spare capacity.
		n := len(fb.blocks)
		if n < cap(fb.blocks) {
			fb.blocks = fb.blocks[:n+1]
			old := &fb.blocks[n]
			*old = builderBlock{preds: old.preds[:0], incomplete: old.incomplete[:0]}
		} else {
			fb.blocks = append(fb.blocks, builderBlock{})
		}
	}
	return &fb.blocks[b]
}

// CreateBlock makes a new block (placed in the layout on SwitchToBlock).
func (fb *FunctionBuilder) CreateBlock() Block {
	b := fb.Func.DFG.MakeBlock()
	fb.bb(b)
	return b
}

// CurrentBlock is the block instructions are appended to.
func (fb *FunctionBuilder) CurrentBlock() Block { return fb.cur }

// SwitchToBlock directs new instructions to b, appending b to the layout
// the first time.
func (fb *FunctionBuilder) SwitchToBlock(b Block) {
	if !fb.Func.Layout.IsBlockInserted(b) {
		fb.Func.Layout.AppendBlock(b)
	}
	fb.cur = b
}

// IsFilled reports whether b already ends in a terminator.
func (fb *FunctionBuilder) IsFilled(b Block) bool { return fb.bb(b).filled }

// AppendBlockParam adds an explicit parameter to b.
func (fb *FunctionBuilder) AppendBlockParam(b Block, ty Type) Value {
	return fb.Func.DFG.AppendBlockParam(b, ty)
}

// AppendBlockParamsForFunctionParams gives b one parameter per function
// parameter (for the entry block).
func (fb *FunctionBuilder) AppendBlockParamsForFunctionParams(b Block) []Value {
	for _, p := range fb.Func.Signature.Params {
		fb.Func.DFG.AppendBlockParam(b, p.Type)
	}
	return fb.Func.DFG.BlockParams(b)
}

// --- variables ---

// DeclareVar creates a variable of type ty.
func (fb *FunctionBuilder) DeclareVar(ty Type) Variable {
	fb.varTypes = append(fb.varTypes, ty)
	if n := len(fb.defs); n < cap(fb.defs) {
		fb.defs = fb.defs[:n+1]
		fb.defs[n] = fb.defs[n][:0] // storage left by a previous function
	} else {
		fb.defs = append(fb.defs, nil)
	}
	return Variable(len(fb.varTypes) - 1)
}

func (fb *FunctionBuilder) setDef(v Variable, b Block, val Value) {
	d := fb.defs[v]
	if n := len(d); int(b) >= n {
		d = slices.Grow(d, int(b)+1-n)[:b+1]
		for i := n; i < len(d); i++ {
			d[i] = NoValue
		}
	}
	d[b] = val
	fb.defs[v] = d
}

func (fb *FunctionBuilder) getDef(v Variable, b Block) Value {
	if d := fb.defs[v]; int(b) < len(d) {
		return d[b]
	}
	return NoValue
}

// DefVar assigns val to variable v in the current block.
func (fb *FunctionBuilder) DefVar(v Variable, val Value) {
	if int(v) >= len(fb.varTypes) || v < 0 {
		panic(fmt.Sprintf("ir: DefVar of undeclared variable %d", v))
	}
	fb.setDef(v, fb.cur, val)
}

// UseVar returns the SSA value of v at the current point.
func (fb *FunctionBuilder) UseVar(v Variable) Value {
	if int(v) >= len(fb.varTypes) || v < 0 {
		panic(fmt.Sprintf("ir: UseVar of undeclared variable %d", v))
	}
	return fb.readVar(v, fb.cur)
}

func (fb *FunctionBuilder) readVar(v Variable, b Block) Value {
	if val := fb.getDef(v, b); val != NoValue {
		return fb.Func.DFG.ResolveAliases(val)
	}
	return fb.readVarRecursive(v, b)
}

func (fb *FunctionBuilder) readVarRecursive(v Variable, b Block) Value {
	bb := fb.bb(b)
	var val Value
	switch {
	case !bb.sealed:
		val = fb.Func.DFG.AppendBlockParam(b, fb.varTypes[v])
		bb.incomplete = append(bb.incomplete, incompleteParam{v, val})
	case len(bb.preds) == 1:
		val = fb.readVar(v, bb.preds[0].block)
	case len(bb.preds) == 0:
		// Use without a definition on some path (or in the entry block):
		// the variable is zero there, as Cranelift's frontend does.
		val = fb.zeroValue(fb.varTypes[v], b)
	default:
		param := fb.Func.DFG.AppendBlockParam(b, fb.varTypes[v])
		fb.setDef(v, b, param) // break cycles
		val = fb.completeParam(v, b, param)
	}
	fb.setDef(v, b, val)
	return val
}

// completeParam is addParamOperands then tryRemoveTrivialParam for a
// parameter just added to sealed block b, which nothing uses yet: the
// incoming values are read first, and only a parameter that merges two
// of them gets its branch arguments. About half are trivial (every
// predecessor passes the same value), and for those appending an argument
// to every incoming branch only to remove it again was most of the cost.
//
// Reading the predecessors reads only variable v, so the parameter stays
// the last of b's and its arguments, appended afterwards, land at its
// index.
func (fb *FunctionBuilder) completeParam(v Variable, b Block, param Value) Value {
	dfg := &fb.Func.DFG
	preds := fb.bb(b).preds
	base := len(fb.predVals)
	for _, p := range preds {
		fb.predVals = append(fb.predVals, fb.readVar(v, p.block))
	}
	vals := fb.predVals[base:]
	same := NoValue
	for _, x := range vals {
		x = dfg.ResolveAliases(x)
		if x == same || x == param {
			continue
		}
		if same != NoValue {
			same = NoValue
			break
		}
		same = x
	}
	if dfg.kindOf(param) != DefParam { // cannot happen: see above
		fb.predVals = fb.predVals[:base]
		return dfg.ResolveAliases(param)
	}
	if same == NoValue {
		// Merges two values (or only itself): a real parameter.
		for i, p := range preds {
			val := fb.predVals[base+i]
			fb.appendBranchArg(p, b, val)
			switch k := dfg.kindOf(val); {
			case val != param && k == DefParam:
				fb.addUser(val, param)
			case k == DefAlias:
				fb.poolAliases = true
			}
		}
		fb.predVals = fb.predVals[:base]
		return dfg.ResolveAliases(param)
	}
	fb.predVals = fb.predVals[:base]
	dfg.RemoveBlockParam(param)
	return fb.replaceParam(param, same)
}

// zeroValue materialises a zero of type ty at the start of block b.
func (fb *FunctionBuilder) zeroValue(ty Type, b Block) Value {
	f := fb.Func
	var data InstData
	switch {
	case ty.IsVector() || ty == I128 || ty == F128:
		c := f.AddConstant(make([]byte, ty.Bytes()))
		data = InstData{Opcode: OpVconst, Type: ty, Entity: int32(c)}
		if ty == F128 {
			data = InstData{Opcode: OpF128const, Entity: int32(c)}
		} else if ty == I128 {
			data = InstData{Opcode: OpIconst, Type: I64}
		}
	case ty == F16:
		data = InstData{Opcode: OpF16const}
	case ty == F32:
		data = InstData{Opcode: OpF32const}
	case ty == F64:
		data = InstData{Opcode: OpF64const}
	default:
		data = InstData{Opcode: OpIconst, Type: ty}
	}
	inst := f.DFG.MakeInst(data)
	if first := f.Layout.FirstInst(b); first != NoInst {
		f.Layout.InsertInstBefore(inst, first)
	} else {
		f.Layout.AppendInst(inst, b)
	}
	ctrl := data.Type
	if err := f.MakeInstResults(inst, ctrl); err != nil {
		panic(err)
	}
	v := f.DFG.FirstResult(inst)
	if ty == I128 {
		ext := f.DFG.MakeInst(InstData{Opcode: OpUextend, Type: I128, Args: f.DFG.NewList(v)})
		f.Layout.InsertInstAfter(ext, inst)
		v = f.DFG.AppendResult(ext, I128)
	}
	return v
}

func (fb *FunctionBuilder) addParamOperands(v Variable, b Block, param Value) {
	dfg := &fb.Func.DFG
	for _, p := range fb.bb(b).preds {
		val := fb.readVar(v, p.block)
		fb.appendBranchArg(p, b, val)
		if val != param && dfg.kindOf(val) == DefParam {
			fb.addUser(val, param)
		}
	}
}

// addUser appends param to p's list of users.
func (fb *FunctionBuilder) addUser(p, param Value) {
	fb.userNodes = append(fb.userNodes, userNode{param: param})
	node := int32(len(fb.userNodes)) // 1-based
	fb.appendUsers(p, node, node)
}

// appendUsers appends the chain of user nodes from first to last to p's
// list of users.
func (fb *FunctionBuilder) appendUsers(p Value, first, last int32) {
	if int(p) >= len(fb.users) {
		n := len(fb.users)
		fb.users = slices.Grow(fb.users, int(p)+1-n)[:p+1]
		clear(fb.users[n:])
	}
	l := &fb.users[p]
	if l.tail == 0 {
		l.head = first
	} else {
		fb.userNodes[l.tail-1].next = first
	}
	l.tail = last
}

// tryRemoveTrivialParam removes param if all incoming arguments are one
// value (or param itself) and returns the value that replaces it.
func (fb *FunctionBuilder) tryRemoveTrivialParam(b Block, param Value) Value {
	dfg := &fb.Func.DFG
	if dfg.kindOf(param) != DefParam {
		return dfg.ResolveAliases(param)
	}
	idx := int(dfg.values[param].num)
	same := NoValue
	for _, p := range fb.bb(b).preds {
		for _, bc := range fb.callsTo(p, b) {
			arg := dfg.ResolveAliases(dfg.List(bc.Args)[idx])
			if arg == same || arg == param {
				continue
			}
			if same != NoValue {
				return param // merges two different values
			}
			same = arg
		}
	}
	if same == NoValue {
		return param // unreachable or self-referential only; keep it
	}
	for _, p := range fb.bb(b).preds {
		fb.removeBranchArg(p, b, idx)
	}
	dfg.RemoveBlockParam(param)
	// param had branch arguments and, sealed late, uses in instructions.
	fb.poolAliases = true
	return fb.replaceParam(param, same)
}

// replaceParam makes param, just removed from its block, an alias of same
// and re-examines the parameters that received it, which may have become
// trivial; it returns what same resolves to.
func (fb *FunctionBuilder) replaceParam(param, same Value) Value {
	dfg := &fb.Func.DFG
	dfg.MakeAlias(param, same)
	fb.replaced = append(fb.replaced, param)
	// Parameters that received param as an argument may have become
	// trivial; they now receive same instead. Their nodes move to same's
	// list as they are; the walk below stops at the last one, since more
	// may be chained after it meanwhile.
	if int(param) >= len(fb.users) || fb.users[param].head == 0 {
		return dfg.ResolveAliases(same)
	}
	fb.poolAliases = true // they have it among their branch arguments
	first, last := fb.users[param].head, fb.users[param].tail
	fb.users[param] = userList{}
	if dfg.kindOf(same) == DefParam {
		fb.appendUsers(same, first, last)
	}
	for n := first; ; n = fb.userNodes[n-1].next {
		u := fb.userNodes[n-1].param
		if dfg.kindOf(u) == DefParam {
			if ub := Block(dfg.values[u].def); fb.bb(ub).sealed {
				fb.tryRemoveTrivialParam(ub, u)
			}
		}
		if n == last {
			break
		}
	}
	return dfg.ResolveAliases(same)
}

// SealBlock declares that all predecessors of b are known.
func (fb *FunctionBuilder) SealBlock(b Block) {
	bb := fb.bb(b)
	if bb.sealed {
		return
	}
	bb.sealed = true
	inc := bb.incomplete
	bb.incomplete = nil
	for _, ip := range inc {
		fb.addParamOperands(ip.variable, b, ip.param)
	}
	for _, ip := range inc {
		fb.tryRemoveTrivialParam(b, ip.param)
	}
}

// SealAllBlocks seals every block created so far.
func (fb *FunctionBuilder) SealAllBlocks() {
	for b := range fb.blocks {
		fb.SealBlock(Block(b))
	}
}

// --- branch plumbing ---

// callsTo returns pointers into the storage of every block call of p's
// branch that targets b. The slice is reused by the next call.
func (fb *FunctionBuilder) callsTo(p predEdge, b Block) []*BlockCall {
	dfg := &fb.Func.DFG
	inst := p.inst
	d := &dfg.Insts[inst]
	out := fb.callBuf[:0]
	switch d.Format() {
	case FmtJump, FmtBrif:
		n := int32(1)
		if d.Format() == FmtBrif {
			n = 2
		}
		for i := d.Entity; i < d.Entity+n; i++ {
			if dfg.calls[i].Block == b {
				out = append(out, &dfg.calls[i])
			}
		}
	case FmtBranchTable:
		jt := &dfg.JumpTables[d.Entity]
		call := func(k int32) *BlockCall {
			if k == 0 {
				return &jt.Default
			}
			return &jt.Targets[k-1]
		}
		for k := p.first; k <= int32(len(jt.Targets)) && int32(len(out)) < p.count; k++ {
			if bc := call(k); bc.Block == b {
				out = append(out, bc)
			}
		}
	case FmtTryCall, FmtTryCallIndirect:
		et := &dfg.ExceptionTables[d.Entity]
		if et.Normal.Block == b {
			out = append(out, &et.Normal)
		}
		for i := range et.Handlers {
			if et.Handlers[i].Tag != TagContext && et.Handlers[i].Dest.Block == b {
				out = append(out, &et.Handlers[i].Dest)
			}
		}
	}
	fb.callBuf = out[:0]
	return out
}

func (fb *FunctionBuilder) appendBranchArg(p predEdge, b Block, v Value) {
	for _, bc := range fb.callsTo(p, b) {
		bc.Args = fb.Func.DFG.appendToList(bc.Args, v)
	}
}

func (fb *FunctionBuilder) removeBranchArg(p predEdge, b Block, idx int) {
	dfg := &fb.Func.DFG
	for _, bc := range fb.callsTo(p, b) {
		// In place: each block call owns its list (appendToList moves a
		// list it cannot extend), so shrinking it changes no other.
		args := dfg.List(bc.Args)
		copy(args[idx:], args[idx+1:])
		bc.Args.Len--
	}
}

// --- appending instructions ---

// InsData appends an instruction built from data with controlling type
// ctrl to the current block, creates its results and returns it.
func (fb *FunctionBuilder) InsData(data InstData, ctrl Type) Inst {
	if fb.cur == NoBlock {
		panic("ir: FunctionBuilder has no current block")
	}
	if fb.bb(fb.cur).filled {
		panic("ir: appending to block " + fb.cur.String() + " after its terminator")
	}
	f := fb.Func
	dfg := &f.DFG
	info := data.Opcode.Info()
	switch info.Ctrl {
	case CtrlSuffix:
		data.Type = ctrl
	case CtrlOperand:
		if ctrl == Invalid {
			// Function.CtrlTypevar, read from data before it is stored.
			ctrl = data.Type
			if a := int32(info.CtrlArg); a >= 0 && a < data.Args.Len {
				if t := dfg.ValueType(dfg.pool[data.Args.Start+a]); t != Invalid {
					ctrl = t
				}
			}
		}
	}
	inst := dfg.MakeInst(data)
	f.Layout.AppendInst(inst, fb.cur)
	// The one-result rules without a table or signature to consult (nearly
	// every instruction) skip MakeInstResults' type list.
	one := Invalid
	switch info.Result {
	case ResNone:
	case ResCtrl:
		one = ctrl
	case ResFixed:
		one = info.Fixed
	case ResTruthy:
		one = ctrl.AsTruthy()
	}
	if one != Invalid {
		dfg.appendOnlyResult(inst, one)
	} else if info.Result != ResNone {
		if err := f.MakeInstResults(inst, ctrl); err != nil {
			panic("ir: " + err.Error())
		}
	}
	flags := info.Flags
	if flags&IsTerminator != 0 {
		fb.bb(fb.cur).filled = true
	}
	if flags&IsBranch != 0 {
		fb.addPreds(inst, &dfg.Insts[inst])
	}
	return inst
}

// addPreds records the current block as a predecessor of each target of
// branch inst: one edge per distinct target; a target already recorded
// for this branch ends its preds list with this edge.
func (fb *FunctionBuilder) addPreds(inst Inst, d *InstData) {
	dfg := &fb.Func.DFG
	add := func(k int, target Block) {
		tb := fb.bb(target)
		if n := len(tb.preds); n > 0 && tb.preds[n-1].inst == inst && tb.preds[n-1].block == fb.cur {
			tb.preds[n-1].count++
			return
		}
		if tb.sealed {
			panic("ir: branch to sealed block " + target.String())
		}
		tb.preds = append(tb.preds, predEdge{block: fb.cur, inst: inst, first: int32(k), count: 1})
	}
	if d.Format() == FmtBranchTable {
		// BlockCalls would copy the table.
		jt := &dfg.JumpTables[d.Entity]
		add(0, jt.Default.Block)
		for k := range jt.Targets {
			add(k+1, jt.Targets[k].Block)
		}
		return
	}
	for k, bc := range dfg.BlockCalls(inst) {
		add(k, bc.Block)
	}
}

// Ins appends an instruction whose operands are only values (formats
// Nullary, Unary, Binary, Ternary, MultiAry). ctrl is the controlling type
// for CtrlSuffix opcodes and may be Invalid otherwise.
func (fb *FunctionBuilder) Ins(op Opcode, ctrl Type, args ...Value) Inst {
	return fb.InsData(InstData{Opcode: op, Args: fb.Func.DFG.NewList(args...)}, ctrl)
}

func (fb *FunctionBuilder) first(inst Inst) Value { return fb.Func.DFG.FirstResult(inst) }

// Unary, Binary and Ternary append a one-result instruction and return it.
func (fb *FunctionBuilder) Unary(op Opcode, x Value) Value { return fb.first(fb.Ins(op, Invalid, x)) }
func (fb *FunctionBuilder) Binary(op Opcode, x, y Value) Value {
	return fb.first(fb.Ins(op, Invalid, x, y))
}
func (fb *FunctionBuilder) Ternary(op Opcode, x, y, z Value) Value {
	return fb.first(fb.Ins(op, Invalid, x, y, z))
}

// Convert appends a conversion whose result type ty is the controlling
// type (uextend, sextend, ireduce, bitcast-free conversions, fcvt_*, splat).
func (fb *FunctionBuilder) Convert(op Opcode, ty Type, x Value) Value {
	return fb.first(fb.Ins(op, ty, x))
}

func (fb *FunctionBuilder) Iadd(x, y Value) Value { return fb.Binary(OpIadd, x, y) }
func (fb *FunctionBuilder) Isub(x, y Value) Value { return fb.Binary(OpIsub, x, y) }
func (fb *FunctionBuilder) Imul(x, y Value) Value { return fb.Binary(OpImul, x, y) }
func (fb *FunctionBuilder) Band(x, y Value) Value { return fb.Binary(OpBand, x, y) }
func (fb *FunctionBuilder) Bor(x, y Value) Value  { return fb.Binary(OpBor, x, y) }
func (fb *FunctionBuilder) Bxor(x, y Value) Value { return fb.Binary(OpBxor, x, y) }
func (fb *FunctionBuilder) Fadd(x, y Value) Value { return fb.Binary(OpFadd, x, y) }
func (fb *FunctionBuilder) Select(c, x, y Value) Value {
	return fb.Ternary(OpSelect, c, x, y)
}
func (fb *FunctionBuilder) Uextend(ty Type, x Value) Value { return fb.Convert(OpUextend, ty, x) }
func (fb *FunctionBuilder) Sextend(ty Type, x Value) Value { return fb.Convert(OpSextend, ty, x) }
func (fb *FunctionBuilder) Ireduce(ty Type, x Value) Value { return fb.Convert(OpIreduce, ty, x) }

// Iconst appends iconst.ty imm (imm truncated to the width).
func (fb *FunctionBuilder) Iconst(ty Type, imm int64) Value {
	return fb.first(fb.InsData(InstData{Opcode: OpIconst, Imm: truncImm(ty, imm)}, ty))
}

// truncImm keeps the low bits of imm, sign-extended from the type width,
// which is how Imm64 stores narrow constants.
func truncImm(ty Type, imm int64) int64 {
	bits := ty.Bits()
	if bits >= 64 || bits == 0 {
		return imm
	}
	return imm << (64 - bits) >> (64 - bits)
}

// F32const and F64const append float constants from raw bits.
func (fb *FunctionBuilder) F32const(bits uint32) Value {
	return fb.first(fb.InsData(InstData{Opcode: OpF32const, Imm: int64(bits)}, Invalid))
}
func (fb *FunctionBuilder) F64const(bits uint64) Value {
	return fb.first(fb.InsData(InstData{Opcode: OpF64const, Imm: int64(bits)}, Invalid))
}

// Icmp and Fcmp append comparisons.
func (fb *FunctionBuilder) Icmp(cc IntCC, x, y Value) Value {
	return fb.first(fb.InsData(InstData{Opcode: OpIcmp, Code: uint8(cc), Args: fb.Func.DFG.NewList(x, y)}, Invalid))
}
func (fb *FunctionBuilder) Fcmp(cc FloatCC, x, y Value) Value {
	return fb.first(fb.InsData(InstData{Opcode: OpFcmp, Code: uint8(cc), Args: fb.Func.DFG.NewList(x, y)}, Invalid))
}

// Load appends op.ty flags p+offset (load, uload8, sload16, ...).
func (fb *FunctionBuilder) Load(op Opcode, ty Type, flags MemFlags, p Value, offset int32) Value {
	return fb.first(fb.InsData(InstData{Opcode: op, Flags: flags, Imm: int64(offset), Args: fb.Func.DFG.NewList(p)}, ty))
}

// Store appends op flags x, p+offset (store, istore8, ...).
func (fb *FunctionBuilder) Store(op Opcode, flags MemFlags, x, p Value, offset int32) Inst {
	return fb.InsData(InstData{Opcode: op, Flags: flags, Imm: int64(offset), Args: fb.Func.DFG.NewList(x, p)}, Invalid)
}

// StackAddr appends stack_addr.ty ss+offset.
func (fb *FunctionBuilder) StackAddr(ty Type, ss StackSlot, offset int32) Value {
	return fb.first(fb.InsData(InstData{Opcode: OpStackAddr, Entity: int32(ss), Imm: int64(offset)}, ty))
}

// Jump appends jump b(args).
func (fb *FunctionBuilder) Jump(b Block, args ...Value) Inst {
	dfg := &fb.Func.DFG
	i := dfg.NewBlockCalls(dfg.MakeBlockCall(b, args...))
	return fb.InsData(InstData{Opcode: OpJump, Entity: i}, Invalid)
}

// Brif appends brif c, then(thenArgs), else(elseArgs).
func (fb *FunctionBuilder) Brif(c Value, then Block, thenArgs []Value, els Block, elseArgs []Value) Inst {
	dfg := &fb.Func.DFG
	i := dfg.NewBlockCalls(dfg.MakeBlockCall(then, thenArgs...), dfg.MakeBlockCall(els, elseArgs...))
	return fb.InsData(InstData{Opcode: OpBrif, Entity: i, Args: dfg.NewList(c)}, Invalid)
}

// BrTable appends br_table x, def, [targets...] (targets without arguments).
func (fb *FunctionBuilder) BrTable(x Value, def Block, targets []Block) Inst {
	dfg := &fb.Func.DFG
	jt := JumpTableData{Default: dfg.MakeBlockCall(def), Targets: make([]BlockCall, len(targets))}
	for i, t := range targets {
		jt.Targets[i] = dfg.MakeBlockCall(t)
	}
	dfg.JumpTables = append(dfg.JumpTables, jt)
	return fb.InsData(InstData{Opcode: OpBrTable, Entity: int32(len(dfg.JumpTables) - 1), Args: dfg.NewList(x)}, Invalid)
}

// Return appends return vals.
func (fb *FunctionBuilder) Return(vals ...Value) Inst { return fb.Ins(OpReturn, Invalid, vals...) }

// Trap appends trap code.
func (fb *FunctionBuilder) Trap(code TrapCode) Inst {
	return fb.InsData(InstData{Opcode: OpTrap, Code: uint8(code)}, Invalid)
}

// CondTrap appends trapz or trapnz c, code.
func (fb *FunctionBuilder) CondTrap(op Opcode, c Value, code TrapCode) Inst {
	return fb.InsData(InstData{Opcode: op, Code: uint8(code), Args: fb.Func.DFG.NewList(c)}, Invalid)
}

// Call appends call fn(args) and returns its results.
func (fb *FunctionBuilder) Call(fn FuncRef, args ...Value) []Value {
	inst := fb.InsData(InstData{Opcode: OpCall, Entity: int32(fn), Args: fb.Func.DFG.NewList(args...)}, Invalid)
	return fb.Func.DFG.Results(inst)
}

// CallIndirect appends call_indirect sig, callee(args) and returns its results.
func (fb *FunctionBuilder) CallIndirect(sig SigRef, callee Value, args ...Value) []Value {
	dfg := &fb.Func.DFG
	l := ValueList{Start: int32(len(dfg.pool)), Len: int32(1 + len(args))}
	dfg.pool = append(append(dfg.pool, callee), args...)
	inst := fb.InsData(InstData{Opcode: OpCallIndirect, Entity: int32(sig), Args: l}, Invalid)
	return fb.Func.DFG.Results(inst)
}

// Finalize seals every block and resolves the aliases left behind by
// trivial-parameter removal, so the function refers only to real
// definitions. Call it once the function is complete.
func (fb *FunctionBuilder) Finalize() {
	fb.SealAllBlocks()
	dfg := &fb.Func.DFG
	if !fb.poolAliases && len(fb.replaced) == dfg.aliases {
		// Every alias is a parameter removed as soon as it was made, which
		// nothing but the builder's own definitions referred to: there is
		// nothing to rewrite, only the aliases to delete.
		for _, v := range fb.replaced {
			dfg.values[v] = valueData{}
		}
		dfg.aliases = 0
		return
	}
	dfg.resolveBuilderAliases()
}
