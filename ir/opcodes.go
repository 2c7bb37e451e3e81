package ir

// Format is the shape of an instruction's operands: which immediates it
// carries and how its value arguments are arranged. The parser and printer
// are driven by it; the InstData fields each format uses are listed here.
type Format uint8

const (
	FmtNullary                 Format = iota // no operands
	FmtUnary                                 // Args: x
	FmtUnaryImm                              // Imm: Imm64
	FmtUnaryIeee                             // Imm: IEEE bits (width from result type)
	FmtUnaryConst                            // Entity: Constant
	FmtUnaryGlobalValue                      // Entity: GlobalValue
	FmtBinary                                // Args: x, y
	FmtBinaryImm8                            // Args: x; Code: lane
	FmtTernary                               // Args: x, y, z
	FmtTernaryImm8                           // Args: x, y; Code: lane
	FmtShuffle                               // Args: a, b; Entity: Constant (16-byte mask)
	FmtIntCompare                            // Args: x, y; Code: IntCC
	FmtFloatCompare                          // Args: x, y; Code: FloatCC
	FmtJump                                  // Entity: index of 1 BlockCall in the DFG's call pool
	FmtBrif                                  // Args: c; Entity: index of 2 BlockCalls
	FmtBranchTable                           // Args: x; Entity: JumpTable
	FmtCall                                  // Args: call args; Entity: FuncRef
	FmtCallIndirect                          // Args: callee, call args; Entity: SigRef
	FmtFuncAddr                              // Entity: FuncRef
	FmtTryCall                               // Args: call args; Entity: ExceptionTable; Imm: FuncRef
	FmtTryCallIndirect                       // Args: callee, call args; Entity: ExceptionTable
	FmtMultiAry                              // Args: any number
	FmtLoad                                  // Args: p; Flags; Imm: offset
	FmtLoadNoOffset                          // Args: p (or x for bitcast); Flags
	FmtStore                                 // Args: x, p; Flags; Imm: offset
	FmtStoreNoOffset                         // Args: x, p; Flags
	FmtStackAddr                             // Entity: StackSlot; Imm: offset
	FmtAtomicRmw                             // Args: p, x; Flags; Code: AtomicRmwOp
	FmtAtomicCas                             // Args: p, expected, replacement; Flags
	FmtTrap                                  // Code: TrapCode
	FmtCondTrap                              // Args: c; Code: TrapCode
	FmtIntAddTrap                            // Args: x, y; Code: TrapCode
	FmtExceptionHandlerAddress               // Entity: Block; Imm: handler index
	FmtDynamicStackLoad                      // Entity: DynamicStackSlot
	FmtDynamicStackStore                     // Args: x; Entity: DynamicStackSlot
	numFormats
)

// fixedArgs is the number of value arguments of each format, -1 = variable.
var fixedArgs = [numFormats]int8{
	FmtNullary: 0, FmtUnary: 1, FmtUnaryImm: 0, FmtUnaryIeee: 0, FmtUnaryConst: 0,
	FmtUnaryGlobalValue: 0, FmtBinary: 2, FmtBinaryImm8: 1, FmtTernary: 3,
	FmtTernaryImm8: 2, FmtShuffle: 2, FmtIntCompare: 2, FmtFloatCompare: 2,
	FmtJump: 0, FmtBrif: 1, FmtBranchTable: 1, FmtCall: -1, FmtCallIndirect: -1,
	FmtFuncAddr: 0, FmtTryCall: -1, FmtTryCallIndirect: -1, FmtMultiAry: -1,
	FmtLoad: 1, FmtLoadNoOffset: 1, FmtStore: 2, FmtStoreNoOffset: 2,
	FmtStackAddr: 0, FmtAtomicRmw: 2, FmtAtomicCas: 3, FmtTrap: 0, FmtCondTrap: 1,
	FmtIntAddTrap: 2, FmtExceptionHandlerAddress: 0, FmtDynamicStackLoad: 0,
	FmtDynamicStackStore: 1,
}

// FixedArgs is the number of value arguments the format takes, -1 when the
// count depends on a signature (calls) or is free (return).
func (f Format) FixedArgs() int { return int(fixedArgs[f]) }

// OpFlags describe what an opcode may do besides computing its results.
type OpFlags uint16

const (
	SideEffects  OpFlags = 1 << iota // must not be removed or reordered
	CanTrap                          // may trap
	CanLoad                          // reads memory
	CanStore                         // writes memory
	IsTerminator                     // ends a block
	IsBranch                         // transfers control to blocks of this function
	IsCall                           // calls a function
	IsReturn                         // returns from the function
	Commutative                      // the two value operands may be swapped
)

// Pure reports an opcode whose result depends only on its operands and that
// may be removed when unused or merged with an identical instruction.
func (f OpFlags) Pure() bool {
	return f&(SideEffects|CanTrap|CanLoad|CanStore|IsTerminator|IsBranch|IsCall|IsReturn) == 0
}

// CtrlRule says how an instruction's controlling type variable is found.
type CtrlRule uint8

const (
	// CtrlNone: the opcode is monomorphic (f32const, jump, return).
	CtrlNone CtrlRule = iota
	// CtrlSuffix: only the `.T` suffix gives it (iconst.i32, load.i64,
	// uextend.i64); it is the type of the (first) result.
	CtrlSuffix
	// CtrlOperand: the type of value argument OpInfo.CtrlArg; a suffix is
	// optional in text and the printer writes it only when that argument is
	// defined in another block (as Cranelift does).
	CtrlOperand
)

// ResultRule derives the result types from the controlling type.
type ResultRule uint8

const (
	ResNone           ResultRule = iota // no results
	ResCtrl                             // one result of the controlling type
	ResFixed                            // one result of type OpInfo.Fixed
	ResTruthy                           // one result: ctrl.AsTruthy() (i8, or int vector)
	ResCtrlFlag                         // two: ctrl and an i8 flag (overflow ops)
	ResLane                             // one: the lane type of ctrl (extractlane)
	ResHalves                           // two halves of ctrl (isplit)
	ResDouble                           // one of twice ctrl's width (iconcat)
	ResSplitLanes                       // ctrl.SplitLanes() (snarrow, fvdemote)
	ResMergeLanes                       // ctrl.MergeLanes() (swiden_low, fvpromote_low)
	ResSignature                        // the returns of the callee's signature
	ResFixedOfDynamic                   // ctrl.Fixed(): the base vector of a dynamic type
)

// OpInfo is one row of the opcode table.
type OpInfo struct {
	Name    string
	Format  Format
	Flags   OpFlags
	Ctrl    CtrlRule
	CtrlArg int8 // value argument giving the controlling type under CtrlOperand
	Result  ResultRule
	Fixed   Type // result type under ResFixed
}

// Opcode is a dense index into the opcode table.
type Opcode uint16

const (
	OpInvalid Opcode = iota
	// Control flow.
	OpJump
	OpBrif
	OpBrTable
	OpReturn
	OpCall
	OpCallIndirect
	OpReturnCall
	OpReturnCallIndirect
	OpTryCall
	OpTryCallIndirect
	OpFuncAddr
	OpTrap
	OpTrapz
	OpTrapnz
	OpDebugtrap
	OpNop
	OpSequencePoint
	// Constants.
	OpIconst
	OpF16const
	OpF32const
	OpF64const
	OpF128const
	OpVconst
	// Integer arithmetic.
	OpIadd
	OpIsub
	OpIneg
	OpIabs
	OpImul
	OpUmulhi
	OpSmulhi
	OpUdiv
	OpSdiv
	OpUrem
	OpSrem
	OpUaddOverflow
	OpSaddOverflow
	OpUsubOverflow
	OpSsubOverflow
	OpUmulOverflow
	OpSmulOverflow
	OpUaddOverflowCin
	OpSaddOverflowCin
	OpUsubOverflowBin
	OpSsubOverflowBin
	OpUaddOverflowTrap
	OpSmin
	OpUmin
	OpSmax
	OpUmax
	OpAvgRound
	OpUaddSat
	OpSaddSat
	OpUsubSat
	OpSsubSat
	OpSqmulRoundSat
	// Bitwise.
	OpBand
	OpBor
	OpBxor
	OpBnot
	OpRotl
	OpRotr
	OpIshl
	OpUshr
	OpSshr
	OpBitrev
	OpClz
	OpCls
	OpCtz
	OpBswap
	OpPopcnt
	// Comparisons and selection.
	OpIcmp
	OpFcmp
	OpSelect
	OpSelectSpectreGuard
	OpBitselect
	OpBmask
	// Width changes.
	OpUextend
	OpSextend
	OpIreduce
	OpIconcat
	OpIsplit
	// Floating point.
	OpFadd
	OpFsub
	OpFmul
	OpFdiv
	OpSqrt
	OpFma
	OpFneg
	OpFabs
	OpFcopysign
	OpFmin
	OpFmax
	OpCeil
	OpFloor
	OpTrunc
	OpNearest
	OpFpromote
	OpFdemote
	OpFvpromoteLow
	OpFvdemote
	OpFcvtToUint
	OpFcvtToSint
	OpFcvtToUintSat
	OpFcvtToSintSat
	OpFcvtFromUint
	OpFcvtFromSint
	OpBitcast
	// SIMD.
	OpSplat
	OpShuffle
	OpSwizzle
	OpInsertlane
	OpExtractlane
	OpScalarToVector
	OpVanyTrue
	OpVallTrue
	OpVhighBits
	OpSnarrow
	OpUnarrow
	OpUunarrow
	OpSwidenLow
	OpSwidenHigh
	OpUwidenLow
	OpUwidenHigh
	OpIaddPairwise
	OpX86Pshufb
	OpX86Blendv
	OpX86Pmulhrsw
	OpX86Pmaddubsw
	OpX86Cvtt2dq
	OpExtractVector
	// Memory.
	OpLoad
	OpStore
	OpUload8
	OpSload8
	OpUload16
	OpSload16
	OpUload32
	OpSload32
	OpIstore8
	OpIstore16
	OpIstore32
	OpUload8x8
	OpSload8x8
	OpUload16x4
	OpSload16x4
	OpUload32x2
	OpSload32x2
	OpStackAddr
	OpDynamicStackAddr
	OpDynamicStackLoad
	OpDynamicStackStore
	OpSymbolValue
	OpTlsValue
	OpAtomicRmw
	OpAtomicCas
	OpAtomicLoad
	OpAtomicStore
	OpFence
	// Machine state.
	OpGetPinnedReg
	OpSetPinnedReg
	OpGetFramePointer
	OpGetStackPointer
	OpGetReturnAddress
	OpGetExceptionHandlerAddress
	OpStackSwitch
	numOpcodes
)

// Shorthands for the table below.
const (
	term   = IsTerminator
	branch = IsTerminator | IsBranch
	comm   = Commutative
	load   = CanLoad | CanTrap
	store  = CanStore | CanTrap
	atomic = CanLoad | CanStore | CanTrap | SideEffects
	ret    = IsTerminator | IsReturn
)

func suffix(name string, f Format, fl OpFlags, r ResultRule) OpInfo {
	return OpInfo{Name: name, Format: f, Flags: fl, Ctrl: CtrlSuffix, Result: r}
}

func operand(name string, f Format, arg int8, fl OpFlags, r ResultRule) OpInfo {
	return OpInfo{Name: name, Format: f, Flags: fl, Ctrl: CtrlOperand, CtrlArg: arg, Result: r}
}

func mono(name string, f Format, fl OpFlags, r ResultRule, fixed Type) OpInfo {
	return OpInfo{Name: name, Format: f, Flags: fl, Ctrl: CtrlNone, Result: r, Fixed: fixed}
}

// opTable is THE opcode table: one row per opcode.
var opTable = [numOpcodes]OpInfo{
	OpInvalid: {Name: "invalid"},

	OpJump:               mono("jump", FmtJump, branch, ResNone, 0),
	OpBrif:               operand("brif", FmtBrif, 0, branch, ResNone),
	OpBrTable:            operand("br_table", FmtBranchTable, 0, branch, ResNone),
	OpReturn:             mono("return", FmtMultiAry, ret, ResNone, 0),
	OpCall:               mono("call", FmtCall, IsCall|SideEffects, ResSignature, 0),
	OpCallIndirect:       operand("call_indirect", FmtCallIndirect, 0, IsCall|SideEffects, ResSignature),
	OpReturnCall:         mono("return_call", FmtCall, ret|IsCall, ResNone, 0),
	OpReturnCallIndirect: operand("return_call_indirect", FmtCallIndirect, 0, ret|IsCall, ResNone),
	OpTryCall:            mono("try_call", FmtTryCall, branch|IsCall, ResNone, 0),
	OpTryCallIndirect:    operand("try_call_indirect", FmtTryCallIndirect, 0, branch|IsCall, ResNone),
	OpFuncAddr:           suffix("func_addr", FmtFuncAddr, 0, ResCtrl),
	OpTrap:               mono("trap", FmtTrap, term|CanTrap, ResNone, 0),
	OpTrapz:              operand("trapz", FmtCondTrap, 0, CanTrap, ResNone),
	OpTrapnz:             operand("trapnz", FmtCondTrap, 0, CanTrap, ResNone),
	OpDebugtrap:          mono("debugtrap", FmtNullary, SideEffects|CanLoad|CanStore, ResNone, 0),
	OpNop:                mono("nop", FmtNullary, 0, ResNone, 0),
	OpSequencePoint:      mono("sequence_point", FmtNullary, SideEffects, ResNone, 0),

	OpIconst:    suffix("iconst", FmtUnaryImm, 0, ResCtrl),
	OpF16const:  mono("f16const", FmtUnaryIeee, 0, ResFixed, F16),
	OpF32const:  mono("f32const", FmtUnaryIeee, 0, ResFixed, F32),
	OpF64const:  mono("f64const", FmtUnaryIeee, 0, ResFixed, F64),
	OpF128const: mono("f128const", FmtUnaryConst, 0, ResFixed, F128),
	OpVconst:    suffix("vconst", FmtUnaryConst, 0, ResCtrl),

	OpIadd:             operand("iadd", FmtBinary, 0, comm, ResCtrl),
	OpIsub:             operand("isub", FmtBinary, 0, 0, ResCtrl),
	OpIneg:             operand("ineg", FmtUnary, 0, 0, ResCtrl),
	OpIabs:             operand("iabs", FmtUnary, 0, 0, ResCtrl),
	OpImul:             operand("imul", FmtBinary, 0, comm, ResCtrl),
	OpUmulhi:           operand("umulhi", FmtBinary, 0, comm, ResCtrl),
	OpSmulhi:           operand("smulhi", FmtBinary, 0, comm, ResCtrl),
	OpUdiv:             operand("udiv", FmtBinary, 0, CanTrap, ResCtrl),
	OpSdiv:             operand("sdiv", FmtBinary, 0, CanTrap, ResCtrl),
	OpUrem:             operand("urem", FmtBinary, 0, CanTrap, ResCtrl),
	OpSrem:             operand("srem", FmtBinary, 0, CanTrap, ResCtrl),
	OpUaddOverflow:     operand("uadd_overflow", FmtBinary, 0, comm, ResCtrlFlag),
	OpSaddOverflow:     operand("sadd_overflow", FmtBinary, 0, comm, ResCtrlFlag),
	OpUsubOverflow:     operand("usub_overflow", FmtBinary, 0, 0, ResCtrlFlag),
	OpSsubOverflow:     operand("ssub_overflow", FmtBinary, 0, 0, ResCtrlFlag),
	OpUmulOverflow:     operand("umul_overflow", FmtBinary, 0, comm, ResCtrlFlag),
	OpSmulOverflow:     operand("smul_overflow", FmtBinary, 0, comm, ResCtrlFlag),
	OpUaddOverflowCin:  operand("uadd_overflow_cin", FmtTernary, 0, 0, ResCtrlFlag),
	OpSaddOverflowCin:  operand("sadd_overflow_cin", FmtTernary, 0, 0, ResCtrlFlag),
	OpUsubOverflowBin:  operand("usub_overflow_bin", FmtTernary, 0, 0, ResCtrlFlag),
	OpSsubOverflowBin:  operand("ssub_overflow_bin", FmtTernary, 0, 0, ResCtrlFlag),
	OpUaddOverflowTrap: operand("uadd_overflow_trap", FmtIntAddTrap, 0, CanTrap, ResCtrl),
	OpSmin:             operand("smin", FmtBinary, 0, comm, ResCtrl),
	OpUmin:             operand("umin", FmtBinary, 0, comm, ResCtrl),
	OpSmax:             operand("smax", FmtBinary, 0, comm, ResCtrl),
	OpUmax:             operand("umax", FmtBinary, 0, comm, ResCtrl),
	OpAvgRound:         operand("avg_round", FmtBinary, 0, comm, ResCtrl),
	OpUaddSat:          operand("uadd_sat", FmtBinary, 0, comm, ResCtrl),
	OpSaddSat:          operand("sadd_sat", FmtBinary, 0, comm, ResCtrl),
	OpUsubSat:          operand("usub_sat", FmtBinary, 0, 0, ResCtrl),
	OpSsubSat:          operand("ssub_sat", FmtBinary, 0, 0, ResCtrl),
	OpSqmulRoundSat:    operand("sqmul_round_sat", FmtBinary, 0, comm, ResCtrl),

	OpBand:   operand("band", FmtBinary, 0, comm, ResCtrl),
	OpBor:    operand("bor", FmtBinary, 0, comm, ResCtrl),
	OpBxor:   operand("bxor", FmtBinary, 0, comm, ResCtrl),
	OpBnot:   operand("bnot", FmtUnary, 0, 0, ResCtrl),
	OpRotl:   operand("rotl", FmtBinary, 0, 0, ResCtrl),
	OpRotr:   operand("rotr", FmtBinary, 0, 0, ResCtrl),
	OpIshl:   operand("ishl", FmtBinary, 0, 0, ResCtrl),
	OpUshr:   operand("ushr", FmtBinary, 0, 0, ResCtrl),
	OpSshr:   operand("sshr", FmtBinary, 0, 0, ResCtrl),
	OpBitrev: operand("bitrev", FmtUnary, 0, 0, ResCtrl),
	OpClz:    operand("clz", FmtUnary, 0, 0, ResCtrl),
	OpCls:    operand("cls", FmtUnary, 0, 0, ResCtrl),
	OpCtz:    operand("ctz", FmtUnary, 0, 0, ResCtrl),
	OpBswap:  operand("bswap", FmtUnary, 0, 0, ResCtrl),
	OpPopcnt: operand("popcnt", FmtUnary, 0, 0, ResCtrl),

	OpIcmp:               operand("icmp", FmtIntCompare, 0, 0, ResTruthy),
	OpFcmp:               operand("fcmp", FmtFloatCompare, 0, 0, ResTruthy),
	OpSelect:             operand("select", FmtTernary, 1, 0, ResCtrl),
	OpSelectSpectreGuard: operand("select_spectre_guard", FmtTernary, 1, 0, ResCtrl),
	OpBitselect:          operand("bitselect", FmtTernary, 0, 0, ResCtrl),
	OpBmask:              suffix("bmask", FmtUnary, 0, ResCtrl),

	OpUextend: suffix("uextend", FmtUnary, 0, ResCtrl),
	OpSextend: suffix("sextend", FmtUnary, 0, ResCtrl),
	OpIreduce: suffix("ireduce", FmtUnary, 0, ResCtrl),
	OpIconcat: operand("iconcat", FmtBinary, 0, 0, ResDouble),
	OpIsplit:  operand("isplit", FmtUnary, 0, 0, ResHalves),

	OpFadd:          operand("fadd", FmtBinary, 0, comm, ResCtrl),
	OpFsub:          operand("fsub", FmtBinary, 0, 0, ResCtrl),
	OpFmul:          operand("fmul", FmtBinary, 0, comm, ResCtrl),
	OpFdiv:          operand("fdiv", FmtBinary, 0, 0, ResCtrl),
	OpSqrt:          operand("sqrt", FmtUnary, 0, 0, ResCtrl),
	OpFma:           operand("fma", FmtTernary, 0, 0, ResCtrl),
	OpFneg:          operand("fneg", FmtUnary, 0, 0, ResCtrl),
	OpFabs:          operand("fabs", FmtUnary, 0, 0, ResCtrl),
	OpFcopysign:     operand("fcopysign", FmtBinary, 0, 0, ResCtrl),
	OpFmin:          operand("fmin", FmtBinary, 0, comm, ResCtrl),
	OpFmax:          operand("fmax", FmtBinary, 0, comm, ResCtrl),
	OpCeil:          operand("ceil", FmtUnary, 0, 0, ResCtrl),
	OpFloor:         operand("floor", FmtUnary, 0, 0, ResCtrl),
	OpTrunc:         operand("trunc", FmtUnary, 0, 0, ResCtrl),
	OpNearest:       operand("nearest", FmtUnary, 0, 0, ResCtrl),
	OpFpromote:      suffix("fpromote", FmtUnary, 0, ResCtrl),
	OpFdemote:       suffix("fdemote", FmtUnary, 0, ResCtrl),
	OpFvpromoteLow:  operand("fvpromote_low", FmtUnary, 0, 0, ResMergeLanes),
	OpFvdemote:      operand("fvdemote", FmtUnary, 0, 0, ResSplitLanes),
	OpFcvtToUint:    suffix("fcvt_to_uint", FmtUnary, CanTrap, ResCtrl),
	OpFcvtToSint:    suffix("fcvt_to_sint", FmtUnary, CanTrap, ResCtrl),
	OpFcvtToUintSat: suffix("fcvt_to_uint_sat", FmtUnary, 0, ResCtrl),
	OpFcvtToSintSat: suffix("fcvt_to_sint_sat", FmtUnary, 0, ResCtrl),
	OpFcvtFromUint:  suffix("fcvt_from_uint", FmtUnary, 0, ResCtrl),
	OpFcvtFromSint:  suffix("fcvt_from_sint", FmtUnary, 0, ResCtrl),
	OpBitcast:       suffix("bitcast", FmtLoadNoOffset, 0, ResCtrl),

	OpSplat:          suffix("splat", FmtUnary, 0, ResCtrl),
	OpShuffle:        mono("shuffle", FmtShuffle, 0, ResFixed, I8X16),
	OpSwizzle:        mono("swizzle", FmtBinary, 0, ResFixed, I8X16),
	OpInsertlane:     operand("insertlane", FmtTernaryImm8, 0, 0, ResCtrl),
	OpExtractlane:    operand("extractlane", FmtBinaryImm8, 0, 0, ResLane),
	OpScalarToVector: suffix("scalar_to_vector", FmtUnary, 0, ResCtrl),
	OpVanyTrue:       operand("vany_true", FmtUnary, 0, 0, ResFixed),
	OpVallTrue:       operand("vall_true", FmtUnary, 0, 0, ResFixed),
	OpVhighBits:      suffix("vhigh_bits", FmtUnary, 0, ResCtrl),
	OpSnarrow:        operand("snarrow", FmtBinary, 0, 0, ResSplitLanes),
	OpUnarrow:        operand("unarrow", FmtBinary, 0, 0, ResSplitLanes),
	OpUunarrow:       operand("uunarrow", FmtBinary, 0, 0, ResSplitLanes),
	OpSwidenLow:      operand("swiden_low", FmtUnary, 0, 0, ResMergeLanes),
	OpSwidenHigh:     operand("swiden_high", FmtUnary, 0, 0, ResMergeLanes),
	OpUwidenLow:      operand("uwiden_low", FmtUnary, 0, 0, ResMergeLanes),
	OpUwidenHigh:     operand("uwiden_high", FmtUnary, 0, 0, ResMergeLanes),
	OpIaddPairwise:   operand("iadd_pairwise", FmtBinary, 0, 0, ResCtrl),
	OpX86Pshufb:      mono("x86_pshufb", FmtBinary, 0, ResFixed, I8X16),
	OpX86Blendv:      operand("x86_blendv", FmtTernary, 1, 0, ResCtrl),
	OpX86Pmulhrsw:    operand("x86_pmulhrsw", FmtBinary, 0, 0, ResCtrl),
	OpX86Pmaddubsw:   mono("x86_pmaddubsw", FmtBinary, 0, ResFixed, I16X8),
	OpX86Cvtt2dq:     suffix("x86_cvtt2dq", FmtUnary, 0, ResCtrl),
	OpExtractVector:  operand("extract_vector", FmtBinaryImm8, 0, 0, ResFixedOfDynamic),

	OpLoad:              suffix("load", FmtLoad, load, ResCtrl),
	OpStore:             operand("store", FmtStore, 0, store, ResNone),
	OpUload8:            suffix("uload8", FmtLoad, load, ResCtrl),
	OpSload8:            suffix("sload8", FmtLoad, load, ResCtrl),
	OpUload16:           suffix("uload16", FmtLoad, load, ResCtrl),
	OpSload16:           suffix("sload16", FmtLoad, load, ResCtrl),
	OpUload32:           suffix("uload32", FmtLoad, load, ResCtrl),
	OpSload32:           suffix("sload32", FmtLoad, load, ResCtrl),
	OpIstore8:           operand("istore8", FmtStore, 0, store, ResNone),
	OpIstore16:          operand("istore16", FmtStore, 0, store, ResNone),
	OpIstore32:          operand("istore32", FmtStore, 0, store, ResNone),
	OpUload8x8:          suffix("uload8x8", FmtLoad, load, ResCtrl),
	OpSload8x8:          suffix("sload8x8", FmtLoad, load, ResCtrl),
	OpUload16x4:         suffix("uload16x4", FmtLoad, load, ResCtrl),
	OpSload16x4:         suffix("sload16x4", FmtLoad, load, ResCtrl),
	OpUload32x2:         suffix("uload32x2", FmtLoad, load, ResCtrl),
	OpSload32x2:         suffix("sload32x2", FmtLoad, load, ResCtrl),
	OpStackAddr:         suffix("stack_addr", FmtStackAddr, 0, ResCtrl),
	OpDynamicStackAddr:  suffix("dynamic_stack_addr", FmtDynamicStackLoad, 0, ResCtrl),
	OpDynamicStackLoad:  suffix("dynamic_stack_load", FmtDynamicStackLoad, CanLoad, ResCtrl),
	OpDynamicStackStore: operand("dynamic_stack_store", FmtDynamicStackStore, 0, CanStore, ResNone),
	OpSymbolValue:       suffix("symbol_value", FmtUnaryGlobalValue, 0, ResCtrl),
	OpTlsValue:          suffix("tls_value", FmtUnaryGlobalValue, 0, ResCtrl),
	OpAtomicRmw:         suffix("atomic_rmw", FmtAtomicRmw, atomic, ResCtrl),
	OpAtomicCas:         operand("atomic_cas", FmtAtomicCas, 2, atomic, ResCtrl),
	OpAtomicLoad:        suffix("atomic_load", FmtLoadNoOffset, atomic, ResCtrl),
	OpAtomicStore:       operand("atomic_store", FmtStoreNoOffset, 0, atomic, ResNone),
	OpFence:             mono("fence", FmtNullary, SideEffects|CanLoad|CanStore, ResNone, 0),

	OpGetPinnedReg:               suffix("get_pinned_reg", FmtNullary, SideEffects, ResCtrl),
	OpSetPinnedReg:               operand("set_pinned_reg", FmtUnary, 0, SideEffects, ResNone),
	OpGetFramePointer:            suffix("get_frame_pointer", FmtNullary, 0, ResCtrl),
	OpGetStackPointer:            suffix("get_stack_pointer", FmtNullary, 0, ResCtrl),
	OpGetReturnAddress:           suffix("get_return_address", FmtNullary, 0, ResCtrl),
	OpGetExceptionHandlerAddress: suffix("get_exception_handler_address", FmtExceptionHandlerAddress, 0, ResCtrl),
	OpStackSwitch:                operand("stack_switch", FmtTernary, 2, SideEffects|CanLoad|CanStore, ResCtrl),
}

func init() {
	// vany_true/vall_true are polymorphic in their input but always yield i8.
	opTable[OpVanyTrue].Fixed = I8
	opTable[OpVallTrue].Fixed = I8
	for op := range opTable {
		if op != 0 && opTable[op].Name == "" {
			panic("ir: opcode table row missing for opcode " + itoa(op))
		}
		opByName[opTable[op].Name] = Opcode(op)
	}
	delete(opByName, "invalid")
}

var opByName = make(map[string]Opcode, numOpcodes)

// NumOpcodes is one more than the largest valid Opcode.
const NumOpcodes = int(numOpcodes)

// Info returns the table row of op.
func (op Opcode) Info() *OpInfo {
	if op >= numOpcodes {
		return &opTable[OpInvalid]
	}
	return &opTable[op]
}

func (op Opcode) String() string { return op.Info().Name }

// Format returns the operand shape of op.
func (op Opcode) Format() Format {
	if op >= numOpcodes {
		op = OpInvalid
	}
	return opFormats[op]
}

// Flags returns the effect flags of op.
func (op Opcode) Flags() OpFlags {
	if op >= numOpcodes {
		op = OpInvalid
	}
	return opFlags[op]
}

// opFlags and opFormats are columns of opTable: every pass asks for an
// instruction's flags or format, and a dense column keeps those answers
// in a few cache lines where the rows span kilobytes.
// (Initialized from opTable as variables, not in init, so that other
// package-level variables may use them.)
var (
	opFlags = func() (t [numOpcodes]OpFlags) {
		for op := range opTable {
			t[op] = opTable[op].Flags
		}
		return t
	}()
	opFormats = func() (t [numOpcodes]Format) {
		for op := range opTable {
			t[op] = opTable[op].Format
		}
		return t
	}()
)

func (op Opcode) IsTerminator() bool { return op.Flags()&IsTerminator != 0 }
func (op Opcode) IsBranch() bool     { return op.Flags()&IsBranch != 0 }
func (op Opcode) IsCall() bool       { return op.Flags()&IsCall != 0 }
func (op Opcode) IsReturn() bool     { return op.Flags()&IsReturn != 0 }
func (op Opcode) CanTrap() bool      { return op.Flags()&CanTrap != 0 }
func (op Opcode) CanLoad() bool      { return op.Flags()&CanLoad != 0 }
func (op Opcode) CanStore() bool     { return op.Flags()&CanStore != 0 }
func (op Opcode) IsPure() bool       { return op != OpInvalid && op.Flags().Pure() }

// IsPolymorphic reports whether op has a controlling type variable.
func (op Opcode) IsPolymorphic() bool { return op.Info().Ctrl != CtrlNone }

// LookupOpcode finds an opcode by its CLIF name.
func LookupOpcode(name string) (Opcode, bool) {
	op, ok := opByName[name]
	return op, ok
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
