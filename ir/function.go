package ir

import (
	"fmt"
	"strconv"
)

// CallConv is a calling convention.
type CallConv uint8

const (
	// CallConvUnset is the zero value; Function.Signature and declared
	// signatures always carry a real convention.
	CallConvUnset CallConv = iota
	CallConvFast
	CallConvTail
	CallConvSystemV
	CallConvWindowsFastcall
	CallConvAppleAarch64
	CallConvProbestack
	CallConvWinch
	CallConvPreserveAll
	CallConvCold
	CallConvPatchable
	numCallConvs
)

var callConvNames = [numCallConvs]string{"", "fast", "tail", "system_v", "windows_fastcall", "apple_aarch64", "probestack", "winch", "preserve_all", "cold", "patchable"}

// String names the convention; CallConvUnset prints as "fast", the
// default a parser would read back.
func (c CallConv) String() string {
	if c == CallConvUnset || c >= numCallConvs {
		return "fast"
	}
	return callConvNames[c]
}

// ParseCallConv looks up a calling convention by name.
func ParseCallConv(s string) (CallConv, bool) {
	for i := CallConvFast; i < numCallConvs; i++ {
		if callConvNames[i] == s {
			return i, true
		}
	}
	return 0, false
}

// ArgExt says how a narrow integer argument is extended to register width.
type ArgExt uint8

const (
	ExtNone ArgExt = iota
	ExtUext
	ExtSext
)

// ArgPurpose marks special parameters.
type ArgPurpose uint8

const (
	PurposeNormal ArgPurpose = iota
	PurposeVMContext
	PurposeStructReturn
	PurposeStructArgument // sarg(N): Size holds N
)

// AbiParam is one parameter or return value of a signature.
type AbiParam struct {
	Type    Type
	Ext     ArgExt
	Purpose ArgPurpose
	Size    uint32 // struct-argument size for PurposeStructArgument
}

func (p AbiParam) String() string {
	s := p.Type.String()
	switch p.Ext {
	case ExtUext:
		s += " uext"
	case ExtSext:
		s += " sext"
	}
	switch p.Purpose {
	case PurposeVMContext:
		s += " vmctx"
	case PurposeStructReturn:
		s += " sret"
	case PurposeStructArgument:
		s += " sarg(" + strconv.FormatUint(uint64(p.Size), 10) + ")"
	}
	return s
}

// Signature is a function type with its calling convention.
type Signature struct {
	Params   []AbiParam
	Returns  []AbiParam
	CallConv CallConv
}

// NewSignature returns an empty signature in convention cc.
func NewSignature(cc CallConv) Signature { return Signature{CallConv: cc} }

// ParamTypes and ReturnTypes list just the types.
func (s *Signature) ParamTypes() []Type  { return abiTypes(s.Params) }
func (s *Signature) ReturnTypes() []Type { return abiTypes(s.Returns) }

func abiTypes(ps []AbiParam) []Type {
	ts := make([]Type, len(ps))
	for i, p := range ps {
		ts[i] = p.Type
	}
	return ts
}

// SpecialParam returns the index of the first parameter with purpose p, or -1.
func (s *Signature) SpecialParam(p ArgPurpose) int {
	for i, a := range s.Params {
		if a.Purpose == p {
			return i
		}
	}
	return -1
}

// String writes `(i32, i64) -> i32 system_v`.
func (s Signature) String() string {
	b := []byte{'('}
	for i, p := range s.Params {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, p.String()...)
	}
	b = append(b, ')')
	if len(s.Returns) > 0 {
		b = append(b, " -> "...)
		for i, p := range s.Returns {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, p.String()...)
		}
	}
	b = append(b, ' ')
	b = append(b, s.CallConv.String()...)
	return string(b)
}

// NameKind distinguishes the kinds of function and symbol names.
type NameKind uint8

const (
	NameNone     NameKind = iota
	NameUser              // u<ns>:<index>
	NameTestCase          // %name
)

// Name is a function or external symbol name: `%name` or `u0:1`.
type Name struct {
	Kind      NameKind
	Namespace uint32
	Index     uint32
	Text      string // for NameTestCase
}

// TestCaseName returns the name %s.
func TestCaseName(s string) Name { return Name{Kind: NameTestCase, Text: s} }

// UserName returns the name u<ns>:<index>.
func UserName(ns, index uint32) Name { return Name{Kind: NameUser, Namespace: ns, Index: index} }

func (n Name) String() string {
	switch n.Kind {
	case NameUser:
		return "u" + strconv.FormatUint(uint64(n.Namespace), 10) + ":" + strconv.FormatUint(uint64(n.Index), 10)
	case NameTestCase:
		return "%" + n.Text
	}
	return "%"
}

// StackSlotKind is the kind of a stack slot; the zero kind marks a gap in
// the numbering (ss0 unused when the text declares only ss1).
type StackSlotKind uint8

const (
	SlotNone StackSlotKind = iota
	SlotExplicit
)

// StackSlotData declares a stack slot.
type StackSlotData struct {
	Kind      StackSlotKind
	Size      uint32
	AlignLog2 uint8 // written `align = 2^AlignLog2`
	HasAlign  bool
	Key       uint64
	HasKey    bool
}

// GlobalValueKind is the kind of a global value; zero marks a gap.
type GlobalValueKind uint8

const (
	GVNone GlobalValueKind = iota
	GVVMContext
	GVLoad
	GVIAddImm
	GVSymbol
	GVDynScaleTargetConst
)

// GlobalValueData declares a global value (the preamble's gvN = ...).
type GlobalValueData struct {
	Kind      GlobalValueKind
	Base      GlobalValue // load, iadd_imm
	Offset    int64       // load (offset32), iadd_imm (imm64), symbol
	Type      Type        // load, iadd_imm, dyn_scale_target_const (vector type)
	Flags     MemFlags    // load
	Name      Name        // symbol
	Colocated bool        // symbol
	TLS       bool        // symbol
}

// ExtFuncData declares an external function (fnN = ...). A zero Name.Kind
// marks a gap.
type ExtFuncData struct {
	Name      Name
	Sig       SigRef
	Colocated bool
	Patchable bool
}

// AliasRegionData declares regionN = <user id> "<description>".
type AliasRegionData struct {
	Declared    bool
	UserID      uint32
	Description string
}

// DynamicTypeData declares dtN = <base vector>*gvN: a dynamic vector type
// whose size is the base vector's times the value of a global. A gap has
// Base Invalid.
type DynamicTypeData struct {
	Base  Type
	Scale GlobalValue
}

// DynamicStackSlotData declares dssN = explicit_dynamic_slot dtM. A gap
// has Type Invalid.
type DynamicStackSlotData struct {
	Type Type // a dynamic vector type
}

// Function is one CLIF function.
type Function struct {
	Name      Name
	Signature Signature

	// Preamble entities, indexed by their numbers. Entries whose kind is
	// the zero kind are gaps left by the text's numbering.
	StackSlots        []StackSlotData
	DynamicStackSlots []DynamicStackSlotData
	GlobalValues      []GlobalValueData
	Signatures        []Signature // CallConvUnset marks a gap
	ExtFuncs          []ExtFuncData
	Constants         [][]byte // constant pool; bytes little-endian (lane 0 first); nil = gap
	Immediates        [][]byte // shuffle masks (not printed in the preamble)
	AliasRegions      []AliasRegionData
	DynamicTypes      []DynamicTypeData
	StackLimit        GlobalValue // NoGlobalValue when absent

	DFG    DataFlowGraph
	Layout Layout
}

// NewFunction returns an empty function.
func NewFunction(name Name, sig Signature) *Function {
	if sig.CallConv == CallConvUnset {
		sig.CallConv = CallConvFast
	}
	return &Function{Name: name, Signature: sig, StackLimit: NoGlobalValue}
}

// CreateStackSlot declares a new explicit stack slot.
func (f *Function) CreateStackSlot(size uint32, alignLog2 uint8) StackSlot {
	f.StackSlots = append(f.StackSlots, StackSlotData{Kind: SlotExplicit, Size: size, AlignLog2: alignLog2, HasAlign: alignLog2 != 0})
	return StackSlot(len(f.StackSlots) - 1)
}

// CreateGlobalValue declares a new global value.
func (f *Function) CreateGlobalValue(d GlobalValueData) GlobalValue {
	f.GlobalValues = append(f.GlobalValues, d)
	return GlobalValue(len(f.GlobalValues) - 1)
}

// ImportSignature declares a signature for calls.
func (f *Function) ImportSignature(s Signature) SigRef {
	if s.CallConv == CallConvUnset {
		s.CallConv = CallConvFast
	}
	f.Signatures = append(f.Signatures, s)
	return SigRef(len(f.Signatures) - 1)
}

// ImportFunction declares an external function.
func (f *Function) ImportFunction(d ExtFuncData) FuncRef {
	f.ExtFuncs = append(f.ExtFuncs, d)
	return FuncRef(len(f.ExtFuncs) - 1)
}

// AddConstant puts data (little-endian) into the constant pool, reusing an
// identical entry.
func (f *Function) AddConstant(data []byte) Constant {
	for i, c := range f.Constants {
		if c != nil && string(c) == string(data) {
			return Constant(i)
		}
	}
	f.Constants = append(f.Constants, append([]byte{}, data...))
	return Constant(len(f.Constants) - 1)
}

// ConstantData returns the bytes of c (little-endian), nil if undeclared.
func (f *Function) ConstantData(c Constant) []byte {
	if c < 0 || int(c) >= len(f.Constants) {
		return nil
	}
	return f.Constants[c]
}

// AddImmediate stores a shuffle mask and returns its handle.
func (f *Function) AddImmediate(data []byte) Constant {
	f.Immediates = append(f.Immediates, append([]byte{}, data...))
	return Constant(len(f.Immediates) - 1)
}

// CallSignature returns the signature of a call-like instruction (call,
// call_indirect, return_call*, try_call*), nil for other instructions or
// dangling references.
func (f *Function) CallSignature(inst Inst) *Signature {
	d := &f.DFG.Insts[inst]
	var sig SigRef
	switch d.Format() {
	case FmtCall, FmtTryCall:
		fr := d.FuncRef()
		if fr < 0 || int(fr) >= len(f.ExtFuncs) {
			return nil
		}
		sig = f.ExtFuncs[fr].Sig
	case FmtCallIndirect:
		sig = d.SigRef()
	case FmtTryCallIndirect:
		et := d.ExceptionTable()
		if et < 0 || int(et) >= len(f.DFG.ExceptionTables) {
			return nil
		}
		sig = f.DFG.ExceptionTables[et].Sig
	default:
		return nil
	}
	if sig < 0 || int(sig) >= len(f.Signatures) {
		return nil
	}
	return &f.Signatures[sig]
}

// CallArgs returns the call arguments of a call-like instruction, without
// the callee of indirect calls.
func (f *Function) CallArgs(inst Inst) []Value {
	args := f.DFG.Args(inst)
	switch f.DFG.Insts[inst].Format() {
	case FmtCallIndirect, FmtTryCallIndirect:
		if len(args) > 0 {
			return args[1:]
		}
	}
	return args
}

// ResultTypes computes the result types of an instruction with data d and
// controlling type ctrl, following the opcode's ResultRule.
// A single result type comes from a shared table: callers must not
// modify the slice.
func (f *Function) ResultTypes(d *InstData, ctrl Type) ([]Type, error) {
	info := d.Opcode.Info()
	one := func(t Type) ([]Type, error) {
		if t == Invalid {
			return nil, fmt.Errorf("%s has no valid result type for controlling type %s", info.Name, ctrl)
		}
		return singleTypes[t], nil
	}
	switch info.Result {
	case ResNone:
		return nil, nil
	case ResCtrl:
		return one(ctrl)
	case ResFixed:
		return one(info.Fixed)
	case ResTruthy:
		return one(ctrl.AsTruthy())
	case ResCtrlFlag:
		if ctrl == Invalid {
			return one(Invalid)
		}
		return []Type{ctrl, I8}, nil
	case ResLane:
		return one(ctrl.LaneType())
	case ResHalves:
		h := ctrl.HalfWidth()
		if h == Invalid || !ctrl.IsInt() {
			return one(Invalid)
		}
		return []Type{h, h}, nil
	case ResDouble:
		if !ctrl.IsInt() {
			return one(Invalid)
		}
		return one(ctrl.DoubleWidth())
	case ResSplitLanes:
		return one(ctrl.SplitLanes())
	case ResMergeLanes:
		return one(ctrl.MergeLanes())
	case ResFixedOfDynamic:
		if !ctrl.IsDynamic() {
			return one(Invalid)
		}
		return one(ctrl.Fixed())
	case ResSignature:
		sig := f.calleeSignature(d)
		if sig == nil {
			return nil, fmt.Errorf("%s: unknown callee signature", info.Name)
		}
		return sig.ReturnTypes(), nil
	}
	return nil, fmt.Errorf("%s: unknown result rule", info.Name)
}

// calleeSignature is the signature of the callee of call or
// call_indirect d, nil if it is not declared.
func (f *Function) calleeSignature(d *InstData) *Signature {
	switch d.Format() {
	case FmtCall:
		fr := d.FuncRef()
		if fr >= 0 && int(fr) < len(f.ExtFuncs) {
			if s := f.ExtFuncs[fr].Sig; s >= 0 && int(s) < len(f.Signatures) {
				return &f.Signatures[s]
			}
		}
	case FmtCallIndirect:
		if s := d.SigRef(); s >= 0 && int(s) < len(f.Signatures) {
			return &f.Signatures[s]
		}
	}
	return nil
}

// MakeInstResults creates fresh result values for inst per its opcode.
func (f *Function) MakeInstResults(inst Inst, ctrl Type) error {
	if d := &f.DFG.Insts[inst]; d.Opcode.Info().Result == ResSignature {
		// A call: the callee's returns, without ResultTypes' copy.
		if sig := f.calleeSignature(d); sig != nil {
			for _, r := range sig.Returns {
				f.DFG.AppendResult(inst, r.Type)
			}
			return nil
		}
	}
	ts, err := f.ResultTypes(&f.DFG.Insts[inst], ctrl)
	if err != nil {
		return err
	}
	for _, t := range ts {
		f.DFG.AppendResult(inst, t)
	}
	return nil
}

// CtrlTypevar returns the controlling type of inst: the recorded type for
// CtrlSuffix opcodes, the designated argument's type for CtrlOperand (or
// the recorded type while that argument is undefined).
func (f *Function) CtrlTypevar(inst Inst) Type {
	d := &f.DFG.Insts[inst]
	info := d.Opcode.Info()
	if info.Ctrl == CtrlOperand {
		args := f.DFG.Args(inst)
		if int(info.CtrlArg) < len(args) {
			if t := f.DFG.ValueType(args[info.CtrlArg]); t != Invalid {
				return t
			}
		}
	}
	return d.Type
}

// ShuffleMask returns the 16 lane indices of a shuffle instruction.
func (f *Function) ShuffleMask(inst Inst) []byte {
	c := f.DFG.Insts[inst].Constant()
	if c < 0 || int(c) >= len(f.Immediates) {
		return nil
	}
	return f.Immediates[c]
}

// NewInst creates an instruction from data with controlling type ctrl
// (ignored for monomorphic opcodes; for CtrlOperand opcodes Invalid means
// "take it from the operand") and makes its results. The instruction is
// not in the layout: place it with Layout.AppendInst or InsertInstBefore.
func (f *Function) NewInst(data InstData, ctrl Type) (Inst, error) {
	info := data.Opcode.Info()
	if info.Ctrl == CtrlNone {
		ctrl = Invalid
	}
	data.Type = ctrl
	inst := f.DFG.MakeInst(data)
	if info.Ctrl == CtrlOperand && ctrl == Invalid {
		ctrl = f.CtrlTypevar(inst)
		f.DFG.Insts[inst].Type = ctrl
	}
	return inst, f.MakeInstResults(inst, ctrl)
}

// Reset empties f and makes it a new function named name with signature
// sig, as NewFunction would, but keeps the storage of its tables: a
// compiler that translates one function after another into the same
// Function stops paying for growing those tables every time. Nothing
// obtained from f before the reset (values, lists, slices of its tables)
// may be used afterwards.
func (f *Function) Reset(name Name, sig Signature) {
	if sig.CallConv == CallConvUnset {
		sig.CallConv = CallConvFast
	}
	f.Name, f.Signature = name, sig
	// Tables whose entries hold pointers are cleared so a reused Function
	// keeps nothing of the old one alive.
	f.StackSlots = f.StackSlots[:0]
	f.DynamicStackSlots = f.DynamicStackSlots[:0]
	f.GlobalValues = clearSlice(f.GlobalValues)
	f.Signatures = clearSlice(f.Signatures)
	f.ExtFuncs = clearSlice(f.ExtFuncs)
	f.Constants = clearSlice(f.Constants)
	f.Immediates = clearSlice(f.Immediates)
	f.AliasRegions = clearSlice(f.AliasRegions)
	f.DynamicTypes = f.DynamicTypes[:0]
	f.StackLimit = NoGlobalValue
	f.DFG.reset()
	f.Layout.reset()
}

// clearSlice zeroes s and returns it empty with its capacity.
func clearSlice[T any](s []T) []T {
	clear(s)
	return s[:0]
}

// singleTypes[t] is the one-element list of t, so ResultTypes does not
// allocate for the common single-result instruction (capacity 1: an
// append by a caller copies rather than writing into the table).
var singleTypes = func() (ts [256][]Type) {
	for t := range ts {
		ts[t] = []Type{Type(t)}[:1:1]
	}
	return ts
}()
