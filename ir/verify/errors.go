package verify

import (
	"strconv"
	"strings"

	"kiln/ir"
)

// LocationKind names the kind of entity an error is reported at.
type LocationKind uint8

const (
	AtFunction LocationKind = iota // the function as a whole (its signature)
	AtBlock
	AtInst
	AtValue
	AtGlobalValue
	AtSigRef
	AtFuncRef
	AtStackSlot
	AtConstant
	AtAliasRegion
)

// Location is the entity an error is about. Filetests match `; error:`
// comments by it, so each check reports at the entity Cranelift reports at.
type Location struct {
	Kind  LocationKind
	Index int32
}

// Locations of each entity kind.
func FunctionLoc() Location                    { return Location{Kind: AtFunction} }
func BlockLoc(b ir.Block) Location             { return Location{AtBlock, int32(b)} }
func InstLoc(i ir.Inst) Location               { return Location{AtInst, int32(i)} }
func ValueLoc(v ir.Value) Location             { return Location{AtValue, int32(v)} }
func GlobalValueLoc(g ir.GlobalValue) Location { return Location{AtGlobalValue, int32(g)} }
func SigRefLoc(s ir.SigRef) Location           { return Location{AtSigRef, int32(s)} }
func FuncRefLoc(f ir.FuncRef) Location         { return Location{AtFuncRef, int32(f)} }
func StackSlotLoc(s ir.StackSlot) Location     { return Location{AtStackSlot, int32(s)} }
func ConstantLoc(c ir.Constant) Location       { return Location{AtConstant, int32(c)} }
func AliasRegionLoc(r ir.AliasRegion) Location { return Location{AtAliasRegion, int32(r)} }

func (l Location) String() string {
	n := strconv.Itoa(int(l.Index))
	switch l.Kind {
	case AtFunction:
		return "function"
	case AtBlock:
		return "block" + n
	case AtInst:
		return "inst" + n
	case AtValue:
		return "v" + n
	case AtGlobalValue:
		return "gv" + n
	case AtSigRef:
		return "sig" + n
	case AtFuncRef:
		return "fn" + n
	case AtStackSlot:
		return "ss" + n
	case AtConstant:
		return "const" + n
	case AtAliasRegion:
		return "region" + n
	}
	return "?" + n
}

// Error is one problem found by the verifier.
type Error struct {
	Location Location
	// Context is the offending instruction as text, for errors at an
	// instruction; empty otherwise.
	Context string
	Message string
}

func (e *Error) Error() string {
	if e.Context != "" {
		return e.Location.String() + " (" + e.Context + "): " + e.Message
	}
	return e.Location.String() + ": " + e.Message
}

// Errors is every problem found in one function, in the order found.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
