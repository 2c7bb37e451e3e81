package filetests

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"kiln/ir"
	"kiln/ir/verify"
)

// File is one parsed test file with what the commands need to report by
// line: its source lines and, per function, where each entity is written.
type File struct {
	Path   string
	Src    []byte
	Lines  []string // Lines[i] is line i+1
	Parsed *ir.File

	anchors [][]anchor // per function, sorted by line
}

// anchor is an entity written at a line; comments belong to the last
// anchor at or before them (Cranelift's rule: a comment is attached to the
// entity that precedes it in the text).
type anchor struct {
	line int
	rank int // order among anchors on one line: function < decl < block < inst
	loc  verify.Location
}

func newFile(path string, src []byte, parsed *ir.File) *File {
	f := &File{Path: path, Src: src, Parsed: parsed}
	f.Lines = strings.Split(string(src), "\n")
	f.anchors = make([][]anchor, len(parsed.Functions))
	for i, ff := range parsed.Functions {
		f.anchors[i] = f.buildAnchors(ff)
	}
	return f
}

var declLine = regexp.MustCompile(`^\s*(gv|sig|fn|ss|const|region)(\d+)\s*=`)

func (f *File) buildAnchors(ff *ir.FileFunc) []anchor {
	as := []anchor{{line: ff.Line, rank: 0, loc: verify.FunctionLoc()}}
	firstBody := len(f.Lines) + 1
	for b, l := range ff.BlockLine {
		as = append(as, anchor{line: l, rank: 2, loc: verify.BlockLoc(b)})
		firstBody = min(firstBody, l)
	}
	for i, l := range ff.InstLines {
		if l > 0 {
			as = append(as, anchor{line: l, rank: 3, loc: verify.InstLoc(ir.Inst(i))})
			firstBody = min(firstBody, l)
		}
	}
	// The parser does not record where preamble declarations are written;
	// they are one per line, so find them in the text between the
	// `function` line and the first block.
	for l := ff.Line + 1; l < firstBody && l <= len(f.Lines); l++ {
		m := declLine.FindStringSubmatch(f.Lines[l-1])
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(m[2])
		if err != nil {
			continue
		}
		var loc verify.Location
		switch m[1] {
		case "gv":
			loc = verify.GlobalValueLoc(ir.GlobalValue(n))
		case "sig":
			loc = verify.SigRefLoc(ir.SigRef(n))
		case "fn":
			loc = verify.FuncRefLoc(ir.FuncRef(n))
		case "ss":
			loc = verify.StackSlotLoc(ir.StackSlot(n))
		case "const":
			loc = verify.ConstantLoc(ir.Constant(n))
		case "region":
			loc = verify.AliasRegionLoc(ir.AliasRegion(n))
		}
		as = append(as, anchor{line: l, rank: 1, loc: loc})
	}
	sort.Slice(as, func(i, j int) bool {
		if as[i].line != as[j].line {
			return as[i].line < as[j].line
		}
		return as[i].rank < as[j].rank
	})
	return as
}

// commentEntity returns the entity a comment of function fi on line
// belongs to.
func (f *File) commentEntity(fi, line int) verify.Location {
	as := f.anchors[fi]
	k := sort.Search(len(as), func(i int) bool { return as[i].line > line })
	if k == 0 {
		return verify.FunctionLoc()
	}
	return as[k-1].loc
}

// entityLine returns the line an entity of function fi is written on (the
// function's line when unknown).
func (f *File) entityLine(fi int, loc verify.Location) int {
	loc = f.anchorOf(fi, loc)
	for _, a := range f.anchors[fi] {
		if a.loc == loc {
			return a.line
		}
	}
	return f.Parsed.Functions[fi].Line
}

// anchorOf maps a value location to the entity that defines it, so errors
// about a block parameter match comments on the block header.
func (f *File) anchorOf(fi int, loc verify.Location) verify.Location {
	if loc.Kind != verify.AtValue {
		return loc
	}
	fn := f.Parsed.Functions[fi].Func
	def := fn.DFG.Def(ir.Value(loc.Index))
	switch def.Kind {
	case ir.DefParam:
		return verify.BlockLoc(def.Block)
	case ir.DefResult:
		return verify.InstLoc(def.Inst)
	}
	return loc
}

// Checker returns the filecheck directives that apply to function fi: the
// file preamble's, then the function's own.
func (f *File) Checker(fi int) *Checker {
	c := &Checker{}
	add := func(cs []ir.Comment) {
		for _, cm := range cs {
			if d, ok := ParseDirective(cm.Text, cm.Line); ok {
				c.Directives = append(c.Directives, d)
			}
		}
	}
	add(f.Parsed.Preamble)
	add(f.Parsed.Functions[fi].Comments)
	return c
}
