package ir

import "strconv"

// Entity references. Each is a dense int32 index into a table owned by the
// Function (values, instructions and blocks by its DataFlowGraph), so side
// tables in passes are plain slices indexed by the ID. The zero value is a
// valid reference (v0, block0); "no entity" is spelled with the negative
// Reserved constants (NoValue, NoBlock, ...).
type (
	Value            int32 // an SSA value: vN
	Inst             int32 // an instruction (has no text name)
	Block            int32 // a basic block: blockN
	StackSlot        int32 // ssN
	DynamicStackSlot int32 // dssN
	GlobalValue      int32 // gvN
	SigRef           int32 // sigN
	FuncRef          int32 // fnN
	Constant         int32 // constN, a handle into the function's constant pool
	JumpTable        int32 // a br_table's table (printed inline)
	ExceptionTable   int32 // a try_call's table (printed inline)
	MemoryType       int32 // mtN (declared, not interpreted)
	AliasRegion      int32 // regionN
)

// "No entity" sentinels.
const (
	NoValue       Value       = -1
	NoInst        Inst        = -1
	NoBlock       Block       = -1
	NoStackSlot   StackSlot   = -1
	NoGlobalValue GlobalValue = -1
	NoSigRef      SigRef      = -1
	NoFuncRef     FuncRef     = -1
	NoConstant    Constant    = -1
)

func (v Value) String() string            { return "v" + strconv.Itoa(int(v)) }
func (b Block) String() string            { return "block" + strconv.Itoa(int(b)) }
func (i Inst) String() string             { return "inst" + strconv.Itoa(int(i)) }
func (s StackSlot) String() string        { return "ss" + strconv.Itoa(int(s)) }
func (s DynamicStackSlot) String() string { return "dss" + strconv.Itoa(int(s)) }
func (g GlobalValue) String() string      { return "gv" + strconv.Itoa(int(g)) }
func (s SigRef) String() string           { return "sig" + strconv.Itoa(int(s)) }
func (f FuncRef) String() string          { return "fn" + strconv.Itoa(int(f)) }
func (c Constant) String() string         { return "const" + strconv.Itoa(int(c)) }
func (j JumpTable) String() string        { return "jt" + strconv.Itoa(int(j)) }
func (e ExceptionTable) String() string   { return "extable" + strconv.Itoa(int(e)) }
func (m MemoryType) String() string       { return "mt" + strconv.Itoa(int(m)) }
func (r AliasRegion) String() string      { return "region" + strconv.Itoa(int(r)) }

// ValueList is a slice of the DataFlowGraph's shared value pool: the
// arguments of one instruction, the parameters of one block or the results
// of one instruction. It is two int32s instead of a Go slice so InstData
// stays small and holds no pointers.
type ValueList struct {
	Start, Len int32
}

// BlockArg is an argument passed along a control-flow edge. Most are plain
// values; after a try_call the normal and exceptional edges may also pass
// the callee's results (retN) and the exception payloads (exnN). The kind
// lives in the top two bits so a BlockArg fits in the value pool.
type BlockArg int32

const (
	blockArgValue = 0 << 30
	blockArgRet   = 1 << 30
	blockArgExn   = 2 << 30
	blockArgMask  = 3 << 30
)

// BlockArgKind tells which of the three forms a BlockArg takes.
type BlockArgKind uint8

const (
	ArgValue BlockArgKind = iota // a Value
	ArgRet                       // retN: the N-th result of the try_call
	ArgExn                       // exnN: the N-th exception payload
)

func ValueArg(v Value) BlockArg { return BlockArg(v) }
func RetArg(n int) BlockArg     { return BlockArg(uint32(n) | blockArgRet) }
func ExnArg(n int) BlockArg     { return BlockArg(uint32(n) | blockArgExn) }

// Kind returns the form of the argument.
func (a BlockArg) Kind() BlockArgKind {
	switch uint32(a) & blockArgMask {
	case blockArgRet:
		return ArgRet
	case blockArgExn:
		return ArgExn
	}
	return ArgValue
}

// Value returns the value of an ArgValue argument, NoValue otherwise.
func (a BlockArg) Value() Value {
	if a.Kind() != ArgValue {
		return NoValue
	}
	return Value(a)
}

// Index returns N for retN and exnN.
func (a BlockArg) Index() int { return int(uint32(a) &^ blockArgMask) }

func (a BlockArg) String() string {
	switch a.Kind() {
	case ArgRet:
		return "ret" + strconv.Itoa(a.Index())
	case ArgExn:
		return "exn" + strconv.Itoa(a.Index())
	}
	return Value(a).String()
}

// BlockCall is a branch target: a block and the arguments for its
// parameters. Args lives in the value pool as BlockArgs.
type BlockCall struct {
	Block Block
	Args  ValueList
}
