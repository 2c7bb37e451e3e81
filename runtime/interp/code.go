package interp

import "kiln/ir/wasm"

// instr is one instruction of the internal form. Every instruction has the
// same shape so a function body is one dense slice and the dispatch loop
// indexes it by pc. What a, b and c mean depends on op (see the op
// constants); unused fields are zero.
type instr struct {
	op uint16
	a  uint32
	b  uint32
	c  uint64
}

// Opcode numbering. Wasm operators keep their own numbers, folded into 16
// bits: single-byte opcodes as themselves, 0xfc-prefixed ones at 0x100+sub
// and 0xfd-prefixed (SIMD) ones at 0x200+sub. The interpreter's own
// operators (branches with resolved targets, local access by slot, fused
// sequences) start at opBase. The numbering is dense enough for Go to
// compile the dispatch switch into a jump table.
const (
	prefixFC = 0x100
	prefixFD = 0x200
	opBase   = 0x400
)

// iop maps a wasm opcode to the internal numbering.
func iop(o wasm.Opcode) uint16 {
	switch o >> 16 {
	case 0:
		return uint16(o)
	case 0xfc:
		return prefixFC + uint16(o&0xffff)
	case 0xfd:
		return prefixFD + uint16(o&0xffff)
	}
	return 0xffff
}

// Internal operators. Heights are counted in stack slots from the frame
// pointer (locals included), arities in slots (a v128 takes two).
const (
	// opBr jumps to a.
	opBr uint16 = opBase + iota
	// opBrMove moves the top c slots down to height b, then jumps to a.
	opBrMove
	// opBrIf pops a condition and jumps to a when it is non-zero.
	opBrIf
	// opBrIfMove pops a condition; when non-zero it moves the top c
	// slots down to height b and jumps to a.
	opBrIfMove
	// opBrIfNot pops a condition and jumps to a when it is zero (if).
	opBrIfNot
	// opBrTable pops an index and takes entry min(index, b) of the
	// function's branch table starting at a.
	opBrTable
	// opReturn moves the top c slots to the frame base and returns.
	opReturn
	// opLoop marks a loop header: the interrupt and fuel check.
	opLoop
	// opLocalGet pushes slot a; opLocalGet2 pushes slots a, a+1 (v128).
	opLocalGet
	opLocalGet2
	// opLocalSet pops into slot a; opLocalSet2 into a, a+1.
	opLocalSet
	opLocalSet2
	// opLocalTee copies the top into slot a; opLocalTee2 for v128.
	opLocalTee
	opLocalTee2
	// opConst pushes c; opConst2 pushes c and the function's v128 high
	// word at index a.
	opConst
	opConst2
	// opDrop pops a slots.
	opDrop
	// opSelect pops a condition and keeps one of two a-slot values.
	opSelect
	// opGlobalGet / opGlobalSet access global a (b = 2 for v128).
	opGlobalGet
	opGlobalSet
	// opCall calls function a of the instance.
	opCall
	// opCallIndirect pops a table index and calls through table b,
	// checking against type a.
	opCallIndirect
	// opReturnCall and opReturnCallIndirect are the tail-call forms.
	opReturnCall
	opReturnCallIndirect

	// Fused sequences (never across a branch target).
	// opAddLocalLocalI32 pushes local a + local b (i32).
	opAddLocalLocalI32
	// opAddConstI32 adds c to the top (i32.const c; i32.add).
	opAddConstI32
	// opBrIfEqz pops x and jumps to a when x == 0 (i32.eqz; br_if).
	opBrIfEqz
	// opBrIfI32<cmp> pop two i32 and jump to a when the comparison holds
	// (i32.<cmp>; br_if with no values to move).
	opBrIfI32LtS
	opBrIfI32LtU
	opBrIfI32Ne
	opBrIfI32Eq
	opBrIfI32GeS
	opBrIfI32GeU
	// opIncLocalI32 adds c to local a (local.get a; i32.const c; i32.add;
	// local.set a).
	opIncLocalI32
	// opLoad<size>Local push the value loaded from memory 0 at local a +
	// offset c (local.get a; <load>): 32 for i32.load and f32.load, 64 for
	// i64.load and f64.load, 8U and 16U for the zero-extending narrow
	// loads of either width.
	opLoad32Local
	opLoad64Local
	opLoad8ULocal
	opLoad16ULocal

	// Vector operators (runtime/internal/simd): opSimd runs operator b
	// with lane immediate a; opSimdShuffle runs i8x16.shuffle (b) with
	// the lanes in c (low) and v128Hi[a] (high); opSimdMem runs the
	// memory operator b&0xffff with lane b>>16 on memory a at offset c.
	opSimd
	opSimdShuffle
	opSimdMem

	// Typed function references. opBrOnNull: when the top reference is
	// null, pop it, move the top c slots to height b and jump to a.
	// opBrOnNonNull: when it is not null, move the top c slots (the
	// reference included) to height b and jump to a; otherwise pop it.
	// opCallRef / opReturnCallRef pop a funcref and call it (null traps).
	opBrOnNull
	opBrOnNonNull
	opCallRef
	opReturnCallRef

	// Exceptions. opThrow throws tag a; opThrowRef throws the exnref on
	// top. try_table emits no instruction: its range and handlers are in
	// function.tries and function.catches.
	opThrow
	opThrowRef
	// opRethrow throws the exception in hidden slot a (legacy rethrow).
	opRethrow

	// opAtomic runs atomic operator b (0xfe sub-opcode) on memory a at
	// offset c (atomic.go).
	opAtomic

	// opGCBase starts the GC operators (gc.go).
	opGCBase

	opEnd = opGCEnd // number of operators
)

// brTarget is one entry of a br_table: where to jump, the height to move
// the carried values to and how many slots they take.
type brTarget struct {
	pc     uint32
	height uint32
	arity  uint32
}

// tryRange is a try_table: the instructions [start, end) it covers and
// its handlers catches[catchStart:catchEnd], tried in order.
type tryRange struct {
	start, end           uint32
	catchStart, catchEnd uint32
	// own holds the handlers of a legacy try (their code follows the
	// range, so they are known when created).
	own []catchEntry
	// delegate marks a legacy try ... delegate: an exception in the range
	// continues the search at tries[next] (-1: the caller).
	delegate bool
	next     int32
}

// catchEntry is one catch clause: the tag (an index of the instance's
// tags, or -1 for catch_all), whether the exnref is pushed too, and the
// branch taken: target pc, the height to put the values at and their
// slots.
type catchEntry struct {
	tag    int32
	ref    bool
	slot   int32 // legacy catch: the hidden local to keep the exception in, else -1
	pc     uint32
	height uint32
	arity  uint32
}

// function is a compiled function body.
type function struct {
	code      []instr
	offsets   []uint32 // module offset of the wasm operator each instr came from
	brTables  []brTarget
	tries     []tryRange // in order of their start; nested ones after their parents
	catches   []catchEntry
	casts     []castBranch // br_on_cast and br_on_cast_fail targets
	layouts   [][]uint32   // struct.new: storage code of each field
	v128Hi    []uint64     // high words of v128 constants
	typeIndex uint32
	params    uint32 // parameter slots
	results   uint32 // result slots
	locals    uint32 // parameter and local slots
	maxStack  uint32 // operand slots above the locals at most
	funcIndex uint32
}

// Code is a module compiled for the interpreter: one function per defined
// function of the module. It holds no instance state and is shared by
// every instance of the module.
type Code struct {
	Module *wasm.Module
	funcs  []function
}
