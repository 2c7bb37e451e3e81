package ir

import "maps"

// Clone returns a deep copy of f that shares no memory with it, so a pass
// (or a test runner) can rewrite the copy and keep the original.
func (f *Function) Clone() *Function {
	g := *f
	g.Signature = f.Signature.clone()
	g.StackSlots = append([]StackSlotData(nil), f.StackSlots...)
	g.DynamicStackSlots = append([]DynamicStackSlotData(nil), f.DynamicStackSlots...)
	g.GlobalValues = append([]GlobalValueData(nil), f.GlobalValues...)
	g.Signatures = make([]Signature, len(f.Signatures))
	for i, s := range f.Signatures {
		g.Signatures[i] = s.clone()
	}
	g.ExtFuncs = append([]ExtFuncData(nil), f.ExtFuncs...)
	g.Constants = cloneBytes(f.Constants)
	g.Immediates = cloneBytes(f.Immediates)
	g.AliasRegions = append([]AliasRegionData(nil), f.AliasRegions...)
	g.DynamicTypes = append([]DynamicTypeData(nil), f.DynamicTypes...)
	g.DFG = f.DFG.clone()
	g.Layout = f.Layout.clone()
	return &g
}

func (s Signature) clone() Signature {
	s.Params = append([]AbiParam(nil), s.Params...)
	s.Returns = append([]AbiParam(nil), s.Returns...)
	return s
}

func cloneBytes(bs [][]byte) [][]byte {
	if bs == nil {
		return nil
	}
	out := make([][]byte, len(bs))
	for i, b := range bs {
		if b != nil {
			out[i] = append([]byte{}, b...)
		}
	}
	return out
}

func (d *DataFlowGraph) clone() DataFlowGraph {
	c := DataFlowGraph{
		Insts:   append([]InstData(nil), d.Insts...),
		results: append([]ValueList(nil), d.results...),
		values:  append([]valueData(nil), d.values...),
		blocks:  append([]blockData(nil), d.blocks...),
		pool:    append([]Value(nil), d.pool...),
		calls:   append([]BlockCall(nil), d.calls...),
		srcLocs: append([]SourceLoc(nil), d.srcLocs...),
		aliases: d.aliases,
	}
	if d.srcLocs == nil {
		c.srcLocs = nil
	}
	c.JumpTables = make([]JumpTableData, len(d.JumpTables))
	for i, jt := range d.JumpTables {
		c.JumpTables[i] = JumpTableData{Default: jt.Default, Targets: append([]BlockCall(nil), jt.Targets...)}
	}
	c.ExceptionTables = make([]ExceptionTableData, len(d.ExceptionTables))
	for i, et := range d.ExceptionTables {
		et.Handlers = append([]ExceptionItem(nil), et.Handlers...)
		c.ExceptionTables[i] = et
	}
	if d.debugTags != nil {
		c.debugTags = maps.Clone(d.debugTags)
	}
	if d.stackMaps != nil {
		c.stackMaps = maps.Clone(d.stackMaps)
	}
	return c
}

func (l *Layout) clone() Layout {
	c := *l
	c.blocks = append([]blockNode(nil), l.blocks...)
	c.insts = append([]instNode(nil), l.insts...)
	return c
}
