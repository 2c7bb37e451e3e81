package wasm

import "fmt"

// Error is the one error type the decoder and validator return. Offset is
// the byte offset in the module binary where the problem was detected; Func
// is the index (in the function index space, imports included) of the
// function whose body is at fault, or -1. Msg contains the phrase the spec
// test suite expects for the failure ("unexpected end", "type mismatch",
// ...), so harnesses can check failures by substring.
type Error struct {
	Offset int
	Func   int
	Msg    string
}

func (e *Error) Error() string {
	if e.Func >= 0 {
		return fmt.Sprintf("offset 0x%x: func %d: %s", e.Offset, e.Func, e.Msg)
	}
	return fmt.Sprintf("offset 0x%x: %s", e.Offset, e.Msg)
}

func errorf(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Func: -1, Msg: fmt.Sprintf(format, args...)}
}

// Messages the spec test suite checks for. Declared once so decoder,
// validator and tests agree on the spelling.
const (
	msgUnexpectedEnd      = "unexpected end"
	msgUnexpectedEndSect  = "unexpected end of section or function"
	msgMagic              = "magic header not detected"
	msgVersion            = "unknown binary version"
	msgIntTooLarge        = "integer too large"
	msgIntTooLong         = "integer representation too long"
	msgSectionID          = "malformed section id"
	msgSectionSize        = "section size mismatch"
	msgLengthBounds       = "length out of bounds"
	msgTooManyLocals      = "too many locals"
	msgUTF8               = "malformed UTF-8 encoding"
	msgJunkAfterLast      = "unexpected content after last section"
	msgFuncCodeLengths    = "function and code section have inconsistent lengths"
	msgDataCountLengths   = "data count and data section have inconsistent lengths"
	msgDataCountRequired  = "data count section required"
	msgLimitsFlags        = "malformed limits flags"
	msgImportKind         = "malformed import kind"
	msgMutability         = "malformed mutability"
	msgMemopFlags         = "malformed memop flags"
	msgRefType            = "malformed reference type"
	msgValType            = "malformed value type"
	msgEndExpected        = "END opcode expected"
	msgIllegalOpcode      = "illegal opcode"
	msgTypeMismatch       = "type mismatch"
	msgConstExprRequired  = "constant expression required"
	msgDuplicateExport    = "duplicate export name"
	msgMultipleMemories   = "multiple memories"
	msgMultipleTables     = "multiple tables"
	msgGlobalImmutable    = "global is immutable"
	msgUndeclaredFuncRef  = "undeclared function reference"
	msgAlignTooLarge      = "alignment must not be larger than natural"
	msgAlignNotNatural    = "alignment must be equal to natural" // atomics
	msgInvalidResultArity = "invalid result arity"
)
