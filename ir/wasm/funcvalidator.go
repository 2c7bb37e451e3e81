package wasm

// FuncValidator validates one function body operator by operator, for a
// compiler that translates and validates in a single pass (as Winch and
// Cranelift's wasm front end do with wasmparser). Between steps it
// exposes the operand stack's types, so a translator need not track them
// itself.
//
// The module must have passed Validate (which checks everything outside
// the bodies); the FuncValidator then checks exactly what Validate checks
// for this body, with the same errors.
type FuncValidator struct {
	v funcValidator
}

// NewFuncValidator returns a validator for the body of defined function
// def (0 is the first function of the code section, whose index in the
// function index space is m.NumImportedFuncs).
func NewFuncValidator(m *Module, f Features, def int) (*FuncValidator, error) {
	if def < 0 || def >= len(m.Code) || def >= len(m.Funcs) {
		return nil, errorf(0, "unknown function %d", m.NumImportedFuncs+def)
	}
	ft := m.funcTypeAt(m.Funcs[def])
	if ft == nil {
		return nil, errorf(0, "unknown type %d", m.Funcs[def])
	}
	if m.canon == nil {
		m.canonicalize()
	}
	fv := &FuncValidator{v: funcValidator{m: m, f: f, refs: m.declaredRefs()}}
	if err := fv.v.beginFunc(m.NumImportedFuncs+def, ft, &m.Code[def]); err != nil {
		return nil, err
	}
	return fv, nil
}

// Step validates the next operator of the body, as read by an
// OperatorReader over Code.Expr.
func (fv *FuncValidator) Step(op *Operator) error {
	v := &fv.v
	if len(v.ctrl) == 0 {
		return v.errorf(op.Offset, "%s: operators after the final end", msgSectionSize)
	}
	info := op.Op.info()
	if info == nil {
		return v.errorf(op.Offset, "%s %v", msgIllegalOpcode, op.Op)
	}
	v.op = *op
	return v.stepChecked(info)
}

// Finish reports an error unless the body's final end has been stepped.
func (fv *FuncValidator) Finish() error {
	if len(fv.v.ctrl) != 0 {
		return fv.v.errorf(fv.v.op.Offset, "%s: %s before the end of the body", msgUnexpectedEndSect, msgEndExpected)
	}
	return nil
}

// Operands returns the types on the operand stack, bottom first. In
// unreachable code some may be unknown (see ValType.IsUnknown). The slice
// is valid until the next Step.
func (fv *FuncValidator) Operands() []ValType { return fv.v.stack }

// Depth returns the number of open control frames (1 inside the function
// body's own block, 0 after its final end).
func (fv *FuncValidator) Depth() int { return len(fv.v.ctrl) }

// Unreachable reports whether the rest of the innermost block is
// unreachable (after br, return, unreachable, throw, ...).
func (fv *FuncValidator) Unreachable() bool {
	return len(fv.v.ctrl) > 0 && fv.v.ctrl[len(fv.v.ctrl)-1].unreachable
}

// IsUnknown reports whether t is the validator's unknown type: the type of
// an operand popped from an empty stack in unreachable code.
func (t ValType) IsUnknown() bool {
	return t.Kind == kindBot || (t.Kind == KindRef && t.Heap == heapBot)
}
