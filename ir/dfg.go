package ir

import (
	"fmt"
)

// ValueDefKind says where a value comes from.
type ValueDefKind uint8

const (
	// DefNone marks a value number that is not defined: a gap left by the
	// text (v0 and v7 used, v1…v6 not) or a removed value.
	DefNone ValueDefKind = iota
	DefResult
	DefParam
	DefAlias
)

type valueData struct {
	ty   Type
	kind ValueDefKind
	num  int32 // result index or param index
	def  int32 // Inst, Block or aliased Value
}

type blockData struct {
	params ValueList
}

// JumpTableData is the table of a br_table: the default target first, then
// one target per index.
type JumpTableData struct {
	Default BlockCall
	Targets []BlockCall
}

// ExceptionTag is the tag of an exception-table entry.
type ExceptionTag int32

// Special exception-table entry kinds (see ExceptionItem).
const (
	// TagDefault marks the catch-all handler.
	TagDefault ExceptionTag = -1
	// TagContext marks a `context vN` entry that sets the dynamic context
	// for the entries after it.
	TagContext ExceptionTag = -2
)

// ExceptionItem is one entry in a try_call's handler list: tagN: block(args),
// default: block(args), or context vN.
type ExceptionItem struct {
	Tag     ExceptionTag
	Dest    BlockCall // for tags and default
	Context Value     // for TagContext
}

// ExceptionTableData describes the edges out of a try_call.
type ExceptionTableData struct {
	Sig      SigRef
	Normal   BlockCall
	Handlers []ExceptionItem
}

// DataFlowGraph holds instructions, values and blocks, and the pools their
// variable-length parts live in. Instructions and blocks exist here even
// when they are not in the Layout.
type DataFlowGraph struct {
	// Insts is indexed by Inst. Prefer the accessors for Args and results.
	Insts []InstData

	results []ValueList
	values  []valueData
	// aliases counts the values of kind DefAlias: with none (the state
	// after ResolveAllAliases, in which every pass after the first reads
	// the function), ResolveAliases returns its argument without reading
	// the value table.
	aliases   int
	aliasBits []uint64 // resolveBuilderAliases' scratch
	blocks    []blockData
	pool      []Value     // value lists: args, results, params, block-call args
	calls     []BlockCall // block calls of jump and brif

	// JumpTables and ExceptionTables are referenced by br_table and
	// try_call instructions.
	JumpTables      []JumpTableData
	ExceptionTables []ExceptionTableData

	srcLocs   []SourceLoc         // per Inst; nil until a location is set
	debugTags map[Inst][]DebugTag // `<1, ss0>` before an instruction
	stackMaps map[Inst][]StackMapEntry
}

// SourceLoc is an opaque source position (the `@00c7` before an
// instruction, often a wasm byte offset). NoSourceLoc is the default.
type SourceLoc uint32

// NoSourceLoc is the absent location.
const NoSourceLoc SourceLoc = ^SourceLoc(0)

// DebugTag is one entry in an instruction's `<...>` list: a number or a
// stack slot.
type DebugTag struct {
	IsSlot bool
	Value  uint32 // the number, or the StackSlot
}

// StackMapEntry is one `T @ ssN+off` entry of a call's stack_map=[...].
type StackMapEntry struct {
	Type   Type
	Slot   StackSlot
	Offset uint32
}

// NumValues is one more than the largest value number in use.
func (d *DataFlowGraph) NumValues() int { return len(d.values) }

// NumInsts is the number of instructions ever created.
func (d *DataFlowGraph) NumInsts() int { return len(d.Insts) }

// NumBlocks is one more than the largest block number in use.
func (d *DataFlowGraph) NumBlocks() int { return len(d.blocks) }

// ValueIsValid reports whether v names a defined value.
func (d *DataFlowGraph) ValueIsValid(v Value) bool {
	return v >= 0 && int(v) < len(d.values) && d.values[v].kind != DefNone
}

// BlockIsValid reports whether b has been created.
func (d *DataFlowGraph) BlockIsValid(b Block) bool { return b >= 0 && int(b) < len(d.blocks) }

// InstIsValid reports whether i has been created.
func (d *DataFlowGraph) InstIsValid(i Inst) bool { return i >= 0 && int(i) < len(d.Insts) }

// ValueType returns the type of v (after following aliases).
func (d *DataFlowGraph) ValueType(v Value) Type {
	// Small enough to inline: a value that is not an alias (nearly all)
	// costs one bounds check and one load.
	if uint(v) < uint(len(d.values)) && d.values[v].kind != DefAlias {
		return d.values[v].ty
	}
	return d.aliasType(v)
}

// aliasType is ValueType's walk along alias links.
func (d *DataFlowGraph) aliasType(v Value) Type {
	for n := 0; uint(v) < uint(len(d.values)) && n <= len(d.values); n++ {
		vd := &d.values[v]
		if vd.kind != DefAlias {
			return vd.ty
		}
		v = Value(vd.def)
	}
	return Invalid
}

// ValueDef returns how v is defined: the instruction (DefResult) or block
// (DefParam) and the result/param index, or the aliased value (DefAlias, in
// Value). The first two of inst/block are NoInst/NoBlock when absent.
type ValueDef struct {
	Kind  ValueDefKind
	Inst  Inst
	Block Block
	Alias Value
	Num   int
}

// Def describes the definition of v without resolving aliases.
func (d *DataFlowGraph) Def(v Value) ValueDef {
	def := ValueDef{Inst: NoInst, Block: NoBlock, Alias: NoValue}
	if v < 0 || int(v) >= len(d.values) {
		return def
	}
	vd := d.values[v]
	def.Kind, def.Num = vd.kind, int(vd.num)
	switch vd.kind {
	case DefResult:
		def.Inst = Inst(vd.def)
	case DefParam:
		def.Block = Block(vd.def)
	case DefAlias:
		def.Alias = Value(vd.def)
	}
	return def
}

// ResultOf returns the instruction that defines v (after following
// aliases), or NoInst when v is a block parameter or not defined: Def's
// most frequent question, answered without building a ValueDef.
func (d *DataFlowGraph) ResultOf(v Value) Inst {
	for n := 0; uint(v) < uint(len(d.values)) && n <= len(d.values); n++ {
		switch vd := &d.values[v]; vd.kind {
		case DefResult:
			return Inst(vd.def)
		case DefAlias:
			v = Value(vd.def)
		default:
			return NoInst
		}
	}
	return NoInst
}

// ResolveAliases follows alias links to the value that is really defined.
// A cycle of aliases (malformed input) resolves to NoValue.
func (d *DataFlowGraph) ResolveAliases(v Value) Value {
	// Small enough to inline: nearly every value is not an alias.
	if d.aliases == 0 || uint(v) < uint(len(d.values)) && d.values[v].kind != DefAlias {
		return v
	}
	return d.resolveAliases(v)
}

func (d *DataFlowGraph) resolveAliases(v Value) Value {
	for n := 0; n <= len(d.values); n++ {
		if v < 0 || int(v) >= len(d.values) || d.values[v].kind != DefAlias {
			return v
		}
		v = Value(d.values[v].def)
	}
	return NoValue
}

// kindOf is Def(v).Kind without the rest of Def.
func (d *DataFlowGraph) kindOf(v Value) ValueDefKind {
	if uint(v) < uint(len(d.values)) {
		return d.values[v].kind
	}
	return DefNone
}

// forgetAlias keeps the alias count right when v's definition is about to
// be overwritten.
func (d *DataFlowGraph) forgetAlias(v Value) {
	if d.values[v].kind == DefAlias {
		d.aliases--
	}
}

// ensureValue grows the value table so v exists (as DefNone if new).
func (d *DataFlowGraph) ensureValue(v Value) {
	for int(v) >= len(d.values) {
		d.values = append(d.values, valueData{})
	}
}

// newValue appends a fresh value.
func (d *DataFlowGraph) newValue(vd valueData) Value {
	d.values = append(d.values, vd)
	return Value(len(d.values) - 1)
}

// MakeAlias turns dest into an alias of src: every use of dest means src.
// dest must not be an instruction result or block parameter any more.
func (d *DataFlowGraph) MakeAlias(dest, src Value) {
	d.ensureValue(dest)
	if d.values[dest].kind != DefAlias {
		d.aliases++
	}
	d.values[dest] = valueData{ty: d.ValueType(d.ResolveAliases(src)), kind: DefAlias, def: int32(src)}
}

// ChangeToAlias detaches dest from its definition and makes it an alias of
// src (used by SSA construction when removing trivial block params).
func (d *DataFlowGraph) ChangeToAlias(dest, src Value) { d.MakeAlias(dest, src) }

// --- value lists ---

// List returns the values of l. The slice aliases the pool: do not append
// to it, and do not keep it across calls that create values or lists.
func (d *DataFlowGraph) List(l ValueList) []Value {
	return d.pool[l.Start : l.Start+l.Len : l.Start+l.Len]
}

// NewList copies vs into the pool.
func (d *DataFlowGraph) NewList(vs ...Value) ValueList {
	l := ValueList{Start: int32(len(d.pool)), Len: int32(len(vs))}
	// The short lists of most instructions without a call to memmove.
	switch len(vs) {
	case 1:
		d.pool = append(d.pool, vs[0])
	case 2:
		d.pool = append(d.pool, vs[0], vs[1])
	default:
		d.pool = append(d.pool, vs...)
	}
	return l
}

// appendToList returns l with v appended, moving it to the end of the
// pool unless it already sits there.
func (d *DataFlowGraph) appendToList(l ValueList, v Value) ValueList {
	if int(l.Start+l.Len) != len(d.pool) || l.Len == 0 {
		l = d.NewList(d.List(l)...)
	}
	d.pool = append(d.pool, v)
	l.Len++
	return l
}

// --- instructions ---

// MakeInst creates an instruction (not in the layout, no results yet).
func (d *DataFlowGraph) MakeInst(data InstData) Inst {
	d.Insts = append(d.Insts, data)
	d.results = append(d.results, ValueList{})
	if d.srcLocs != nil {
		d.srcLocs = append(d.srcLocs, NoSourceLoc)
	}
	return Inst(len(d.Insts) - 1)
}

// Args returns the value arguments of inst (for calls: callee first for
// indirect calls, then the call arguments).
func (d *DataFlowGraph) Args(inst Inst) []Value { return d.List(d.Insts[inst].Args) }

// SetArgs replaces the value arguments of inst.
func (d *DataFlowGraph) SetArgs(inst Inst, args ...Value) { d.Insts[inst].Args = d.NewList(args...) }

// Results returns the results of inst.
func (d *DataFlowGraph) Results(inst Inst) []Value { return d.List(d.results[inst]) }

// FirstResult returns the first result, NoValue if inst has none.
func (d *DataFlowGraph) FirstResult(inst Inst) Value {
	if d.results[inst].Len == 0 {
		return NoValue
	}
	return d.pool[d.results[inst].Start]
}

// AppendResult adds a new result value of type ty to inst.
func (d *DataFlowGraph) AppendResult(inst Inst, ty Type) Value {
	r := d.results[inst]
	v := d.newValue(valueData{ty: ty, kind: DefResult, num: r.Len, def: int32(inst)})
	d.results[inst] = d.appendToList(r, v)
	return v
}

// appendOnlyResult gives inst, which has no results yet, its one result of
// type ty: AppendResult without the list bookkeeping.
func (d *DataFlowGraph) appendOnlyResult(inst Inst, ty Type) Value {
	v := Value(len(d.values))
	d.values = append(d.values, valueData{ty: ty, kind: DefResult, def: int32(inst)})
	d.results[inst] = ValueList{Start: int32(len(d.pool)), Len: 1}
	d.pool = append(d.pool, v)
	return v
}

// AttachResult makes the existing value number v the next result of inst
// (the parser keeps the numbers written in the text).
func (d *DataFlowGraph) AttachResult(inst Inst, v Value, ty Type) {
	d.ensureValue(v)
	d.forgetAlias(v)
	r := d.results[inst]
	d.values[v] = valueData{ty: ty, kind: DefResult, num: r.Len, def: int32(inst)}
	d.results[inst] = d.appendToList(r, v)
}

// ClearResults detaches all results of inst (they become undefined).
func (d *DataFlowGraph) ClearResults(inst Inst) {
	for _, v := range d.Results(inst) {
		d.forgetAlias(v)
		d.values[v] = valueData{}
	}
	d.results[inst] = ValueList{}
}

// ReplaceWithAliases makes each result of inst an alias of the matching
// value in with and detaches them from inst (used by rewrites).
func (d *DataFlowGraph) ReplaceWithAliases(inst Inst, with ...Value) {
	rs := d.Results(inst)
	if len(rs) != len(with) {
		panic(fmt.Sprintf("ir: ReplaceWithAliases: %d results, %d replacements", len(rs), len(with)))
	}
	for i, v := range rs {
		d.MakeAlias(v, with[i])
	}
	d.results[inst] = ValueList{}
}

// BlockCalls returns the branch targets of a jump or brif instruction,
// the default-then-table targets of br_table, or the normal-then-handler
// targets of try_call. The result is freshly allocated for br_table and
// try_call and aliases the DFG otherwise (edits through it are kept).
func (d *DataFlowGraph) BlockCalls(inst Inst) []BlockCall {
	data := &d.Insts[inst]
	switch data.Format() {
	case FmtJump:
		return d.calls[data.Entity : data.Entity+1 : data.Entity+1]
	case FmtBrif:
		return d.calls[data.Entity : data.Entity+2 : data.Entity+2]
	case FmtBranchTable:
		jt := &d.JumpTables[data.Entity]
		return append([]BlockCall{jt.Default}, jt.Targets...)
	case FmtTryCall, FmtTryCallIndirect:
		et := &d.ExceptionTables[data.Entity]
		out := []BlockCall{et.Normal}
		for _, h := range et.Handlers {
			if h.Tag != TagContext {
				out = append(out, h.Dest)
			}
		}
		return out
	}
	return nil
}

// AppendBlockCalls appends the targets BlockCalls returns to dst and
// returns the extended slice: for a caller that walks many branches with
// one scratch slice, BlockCalls without its allocation for br_table and
// try_call. The calls are copies: editing them changes nothing.
func (d *DataFlowGraph) AppendBlockCalls(dst []BlockCall, inst Inst) []BlockCall {
	data := &d.Insts[inst]
	switch data.Format() {
	case FmtJump:
		return append(dst, d.calls[data.Entity])
	case FmtBrif:
		return append(dst, d.calls[data.Entity], d.calls[data.Entity+1])
	case FmtBranchTable:
		jt := &d.JumpTables[data.Entity]
		return append(append(dst, jt.Default), jt.Targets...)
	case FmtTryCall, FmtTryCallIndirect:
		et := &d.ExceptionTables[data.Entity]
		dst = append(dst, et.Normal)
		for _, h := range et.Handlers {
			if h.Tag != TagContext {
				dst = append(dst, h.Dest)
			}
		}
	}
	return dst
}

// NumBlockCalls is len(BlockCalls(inst)) without building the list.
func (d *DataFlowGraph) NumBlockCalls(inst Inst) int {
	data := &d.Insts[inst]
	switch data.Format() {
	case FmtJump:
		return 1
	case FmtBrif:
		return 2
	case FmtBranchTable:
		return 1 + len(d.JumpTables[data.Entity].Targets)
	case FmtTryCall, FmtTryCallIndirect:
		et := &d.ExceptionTables[data.Entity]
		n := 1
		for _, h := range et.Handlers {
			if h.Tag != TagContext {
				n++
			}
		}
		return n
	}
	return 0
}

// NewBlockCalls stores calls in the call pool and returns the index that a
// jump (1 call) or brif (2 calls) keeps in InstData.Entity.
func (d *DataFlowGraph) NewBlockCalls(calls ...BlockCall) int32 {
	i := int32(len(d.calls))
	d.calls = append(d.calls, calls...)
	return i
}

// MakeBlockCall builds a BlockCall with plain value arguments.
func (d *DataFlowGraph) MakeBlockCall(b Block, args ...Value) BlockCall {
	return BlockCall{Block: b, Args: d.NewList(args...)}
}

// BlockCallArgs returns the arguments of a block call.
func (d *DataFlowGraph) BlockCallArgs(bc BlockCall) []BlockArg {
	vs := d.List(bc.Args)
	out := make([]BlockArg, len(vs))
	for i, v := range vs {
		out[i] = BlockArg(v)
	}
	return out
}

// SetBlockCall replaces target i of a jump or brif instruction.
func (d *DataFlowGraph) SetBlockCall(inst Inst, i int, bc BlockCall) {
	d.calls[d.Insts[inst].Entity+int32(i)] = bc
}

// --- blocks ---

// MakeBlock creates an empty block (not in the layout).
func (d *DataFlowGraph) MakeBlock() Block {
	d.blocks = append(d.blocks, blockData{})
	return Block(len(d.blocks) - 1)
}

// ensureBlock grows the block table so b exists.
func (d *DataFlowGraph) ensureBlock(b Block) {
	for int(b) >= len(d.blocks) {
		d.blocks = append(d.blocks, blockData{})
	}
}

// BlockParams returns the parameters of b.
func (d *DataFlowGraph) BlockParams(b Block) []Value { return d.List(d.blocks[b].params) }

// AppendBlockParam adds a parameter of type ty to b.
func (d *DataFlowGraph) AppendBlockParam(b Block, ty Type) Value {
	p := d.blocks[b].params
	v := d.newValue(valueData{ty: ty, kind: DefParam, num: p.Len, def: int32(b)})
	d.blocks[b].params = d.appendToList(p, v)
	return v
}

// AttachBlockParam makes the existing value number v the next parameter of b.
func (d *DataFlowGraph) AttachBlockParam(b Block, v Value, ty Type) {
	d.ensureValue(v)
	d.forgetAlias(v)
	p := d.blocks[b].params
	d.values[v] = valueData{ty: ty, kind: DefParam, num: p.Len, def: int32(b)}
	d.blocks[b].params = d.appendToList(p, v)
}

// RemoveBlockParam deletes parameter v from its block, renumbering the
// later ones. v itself becomes undefined (make it an alias if it has uses).
func (d *DataFlowGraph) RemoveBlockParam(v Value) {
	vd := d.values[v]
	if vd.kind != DefParam {
		panic("ir: RemoveBlockParam of a value that is not a block param")
	}
	b := Block(vd.def)
	if l := &d.blocks[b].params; l.Len > 0 && d.pool[l.Start+l.Len-1] == v {
		// The last one (as SSA construction removes them) goes in place:
		// a later append moves the list, as it no longer ends the pool.
		l.Len--
		d.values[v] = valueData{}
		return
	}
	old := d.BlockParams(b)
	keep := make([]Value, 0, len(old)-1)
	for _, p := range old {
		if p != v {
			d.values[p].num = int32(len(keep))
			keep = append(keep, p)
		}
	}
	d.blocks[b].params = d.NewList(keep...)
	d.values[v] = valueData{}
}

// --- side tables ---

// SrcLoc returns the source location of inst.
func (d *DataFlowGraph) SrcLoc(inst Inst) SourceLoc {
	if int(inst) >= len(d.srcLocs) {
		return NoSourceLoc
	}
	return d.srcLocs[inst]
}

// SetSrcLoc records the source location of inst.
func (d *DataFlowGraph) SetSrcLoc(inst Inst, loc SourceLoc) {
	for len(d.srcLocs) < len(d.Insts) {
		d.srcLocs = append(d.srcLocs, NoSourceLoc)
	}
	d.srcLocs[inst] = loc
}

// DebugTags returns the `<...>` tags of inst.
func (d *DataFlowGraph) DebugTags(inst Inst) []DebugTag { return d.debugTags[inst] }

// SetDebugTags records the `<...>` tags of inst.
func (d *DataFlowGraph) SetDebugTags(inst Inst, tags []DebugTag) {
	if d.debugTags == nil {
		d.debugTags = make(map[Inst][]DebugTag)
	}
	d.debugTags[inst] = tags
}

// StackMap returns the user stack map entries of a call.
func (d *DataFlowGraph) StackMap(inst Inst) []StackMapEntry { return d.stackMaps[inst] }

// SetStackMap records the user stack map entries of a call.
func (d *DataFlowGraph) SetStackMap(inst Inst, entries []StackMapEntry) {
	if d.stackMaps == nil {
		d.stackMaps = make(map[Inst][]StackMapEntry)
	}
	d.stackMaps[inst] = entries
}

// ResolveAllAliases rewrites every use of an alias (instruction arguments,
// branch arguments, exception-table contexts) to the value it resolves to,
// then deletes the aliases. Afterwards no value is DefAlias.
func (d *DataFlowGraph) ResolveAllAliases() {
	// Most calls find nothing to do (a pass that made no alias): the
	// value table is much smaller than the argument lists to rewrite.
	if d.aliases == 0 {
		return
	}
	resolve := func(v Value) Value {
		if r := d.resolveAliases(v); r != NoValue {
			return r
		}
		return v
	}
	vals := d.values
	for i := range d.Insts {
		a := d.Insts[i].Args
		for j := a.Start; j < a.Start+a.Len; j++ {
			if v := d.pool[j]; uint(v) < uint(len(vals)) && vals[v].kind == DefAlias {
				d.pool[j] = resolve(v)
			}
		}
	}
	fixCall := func(bc BlockCall) {
		for j := bc.Args.Start; j < bc.Args.Start+bc.Args.Len; j++ {
			// A retN or exnN argument is out of the value range.
			if a := d.pool[j]; BlockArg(a).Kind() == ArgValue && uint(a) < uint(len(vals)) && vals[a].kind == DefAlias {
				d.pool[j] = resolve(a)
			}
		}
	}
	for _, bc := range d.calls {
		fixCall(bc)
	}
	for _, jt := range d.JumpTables {
		fixCall(jt.Default)
		for _, bc := range jt.Targets {
			fixCall(bc)
		}
	}
	for ei := range d.ExceptionTables {
		et := &d.ExceptionTables[ei]
		fixCall(et.Normal)
		for hi := range et.Handlers {
			h := &et.Handlers[hi]
			if h.Tag == TagContext {
				h.Context = resolve(h.Context)
			} else {
				fixCall(h.Dest)
			}
		}
	}
	for v := range d.values {
		if d.values[v].kind == DefAlias {
			d.values[v] = valueData{}
		}
	}
	d.aliases = 0
}

// resolveBuilderAliases is ResolveAllAliases for a function fresh from
// the FunctionBuilder, whose aliases are all parameters it removed (and so
// in no parameter list): it rewrites the whole pool in one sequential pass
// instead of visiting every list. Besides the live lists, that rewrites
// lists nothing refers to any more, which is harmless; block-call
// arguments that are not values (retN, exnN) are out of the value range
// and left alone.
func (d *DataFlowGraph) resolveBuilderAliases() {
	if d.aliases == 0 {
		return
	}
	if len(d.ExceptionTables) > 0 {
		d.ResolveAllAliases() // its contexts are outside the pool
		return
	}
	// A bit per value marks the aliases: the pool holds several times as
	// many entries as there are values, and the bits stay in cache where
	// the value table of a large function does not.
	bits := d.aliasBits[:0]
	for range (len(d.values) + 63) / 64 {
		bits = append(bits, 0)
	}
	d.aliasBits = bits
	for v := range d.values {
		if d.values[v].kind == DefAlias {
			bits[v>>6] |= 1 << (v & 63)
		}
	}
	for j, v := range d.pool {
		if w := uint(v) >> 6; w < uint(len(bits)) && bits[w]&(1<<(uint(v)&63)) != 0 {
			if r := d.resolveAliases(v); r != NoValue {
				d.pool[j] = r
			}
		}
	}
	for v := range d.values {
		if bits[v>>6]&(1<<(v&63)) != 0 {
			d.values[v] = valueData{}
		}
	}
	d.aliases = 0
}

// reset empties the graph, keeping the storage of its tables.
func (d *DataFlowGraph) reset() {
	d.Insts = d.Insts[:0]
	d.results = d.results[:0]
	d.values = d.values[:0]
	d.aliases = 0
	d.blocks = d.blocks[:0]
	d.pool = d.pool[:0]
	d.calls = d.calls[:0]
	d.JumpTables = clearSlice(d.JumpTables)
	d.ExceptionTables = clearSlice(d.ExceptionTables)
	// A non-nil empty srcLocs reads as "no locations" too, and keeps its
	// storage for the next function's.
	d.srcLocs = d.srcLocs[:0]
	d.debugTags, d.stackMaps = nil, nil
}
