package regalloc

import (
	"fmt"
	"math/bits"
)

// RegClass is a bank of interchangeable registers. A value of one class can
// only live in registers of that class (or in a spill slot sized for it).
type RegClass uint8

const (
	Int RegClass = iota
	Float
	Vector

	NumClasses = 3
)

func (c RegClass) String() string {
	switch c {
	case Int:
		return "int"
	case Float:
		return "float"
	case Vector:
		return "vector"
	}
	return fmt.Sprintf("class%d", uint8(c))
}

// MaxRegsPerClass bounds the hardware index of a PReg within its class.
const MaxRegsPerClass = 64

// numRegLocs sizes dense tables indexed by register (class*64 + index).
const numRegLocs = NumClasses * MaxRegsPerClass

// PReg is a physical register: its class in the top two bits and its
// hardware index (0..63) in the low six. The zero value is int register 0.
type PReg uint8

// NoPReg is the invalid register (class 3 does not exist).
const NoPReg PReg = 0xff

// NewPReg returns the register with hardware index idx in class c.
func NewPReg(c RegClass, idx int) PReg { return PReg(uint8(c)<<6 | uint8(idx&63)) }

func (p PReg) Class() RegClass { return RegClass(p >> 6) }
func (p PReg) Index() int      { return int(p & 63) }
func (p PReg) Valid() bool     { return p>>6 < NumClasses }

func (p PReg) String() string {
	if !p.Valid() {
		return "p?"
	}
	return fmt.Sprintf("p%d%c", p.Index(), "ifv"[p.Class()])
}

// RegSet is a set of physical registers of every class, one 64-bit word per
// class. It is a value type: passing it around never allocates. The words
// are separate fields rather than an array so that the compiler keeps a
// RegSet in registers (it never does so for arrays of more than one
// element); the allocator combines sets at every instruction.
type RegSet struct{ i, f, v uint64 }

// RegSetOf returns the set holding exactly regs.
func RegSetOf(regs ...PReg) RegSet {
	var s RegSet
	for _, r := range regs {
		s.Add(r)
	}
	return s
}

// word returns a pointer to class c's word (c < NumClasses).
func (s *RegSet) word(c RegClass) *uint64 {
	switch c {
	case Int:
		return &s.i
	case Float:
		return &s.f
	}
	return &s.v
}

func (s *RegSet) Add(r PReg)    { *s.word(r.Class()) |= 1 << r.Index() }
func (s *RegSet) Remove(r PReg) { *s.word(r.Class()) &^= 1 << r.Index() }
func (s RegSet) Contains(r PReg) bool {
	return r.Valid() && s.Class(r.Class())&(1<<r.Index()) != 0
}
func (s RegSet) Union(t RegSet) RegSet     { return RegSet{s.i | t.i, s.f | t.f, s.v | t.v} }
func (s RegSet) Intersect(t RegSet) RegSet { return RegSet{s.i & t.i, s.f & t.f, s.v & t.v} }
func (s RegSet) Minus(t RegSet) RegSet     { return RegSet{s.i &^ t.i, s.f &^ t.f, s.v &^ t.v} }
func (s RegSet) Empty() bool               { return s.i|s.f|s.v == 0 }
func (s RegSet) Len() int {
	return bits.OnesCount64(s.i) + bits.OnesCount64(s.f) + bits.OnesCount64(s.v)
}

// Class returns the registers of class c as a bit mask over hardware indices.
func (s RegSet) Class(c RegClass) uint64 {
	switch c {
	case Int:
		return s.i
	case Float:
		return s.f
	case Vector:
		return s.v
	}
	return 0
}

// words returns the class words, indexable by class: loops over members
// visit each word's bits directly (see alloc.go), cheaper than Next.
func (s RegSet) words() [NumClasses]uint64 { return [NumClasses]uint64{s.i, s.f, s.v} }

// First returns the lowest-numbered register of class c in s, or NoPReg.
func (s RegSet) First(c RegClass) PReg {
	m := s.Class(c)
	if m == 0 {
		return NoPReg
	}
	return NewPReg(c, bits.TrailingZeros64(m))
}

// Next returns the lowest register of s at or after r in r's class order
// (across classes), or NoPReg: for r := s.Next(0); r != NoPReg; r = s.Next(r+1)
// visits every member without allocating.
func (s RegSet) Next(from PReg) PReg {
	for c := from.Class(); c < NumClasses; c++ {
		m := s.Class(c)
		if c == from.Class() {
			m &= ^uint64(0) << from.Index()
		}
		if m != 0 {
			return NewPReg(c, bits.TrailingZeros64(m))
		}
	}
	return NoPReg
}

// Regs lists the members of s, class by class, in index order.
func (s RegSet) Regs() []PReg {
	var out []PReg
	for c := RegClass(0); c < NumClasses; c++ {
		for m := s.Class(c); m != 0; m &= m - 1 {
			out = append(out, NewPReg(c, bits.TrailingZeros64(m)))
		}
	}
	return out
}

func (s RegSet) String() string { return fmt.Sprint(s.Regs()) }

// VReg is a virtual register: an SSA value the allocator places. Its index
// (0..NumVRegs-1) is in the high 30 bits and its class in the low two, so a
// block parameter or branch argument carries its class with it.
type VReg uint32

// NoVReg is the invalid virtual register.
const NoVReg VReg = 0xffffffff

// NewVReg returns virtual register number idx of class c.
func NewVReg(idx int, c RegClass) VReg { return VReg(uint32(idx)<<2 | uint32(c)) }

func (v VReg) Index() int      { return int(v >> 2) }
func (v VReg) Class() RegClass { return RegClass(v & 3) }
func (v VReg) String() string  { return fmt.Sprintf("v%d%c", v.Index(), "ifv?"[v.Class()]) }

// Inst and Block are dense indices chosen by the client. Instructions of a
// block are numbered contiguously; see Function.BlockInsts.
type (
	Inst  int32
	Block int32
)

// InstRange is the half-open range [First, End) of a block's instructions.
type InstRange struct{ First, End Inst }

func (r InstRange) Len() int { return int(r.End - r.First) }

// OperandKind says whether an operand reads or writes its vreg.
type OperandKind uint8

const (
	UseKind OperandKind = iota
	DefKind
)

// OperandPos is the point within an instruction at which an operand is read
// or written. Early uses are read, and late defs written, at the usual
// points; a late use (UseAtEnd) stays live until the defs are written, so it
// never shares a register with a def, and an early def (DefAtStart, Temp) is
// written before the uses are read, so it never shares a register with a use.
type OperandPos uint8

const (
	Early OperandPos = iota
	Late
)

// ConstraintKind says where an operand may be placed.
type ConstraintKind uint8

const (
	// Any accepts a register or a spill slot.
	Any ConstraintKind = iota
	// Reg requires some register of the operand's class.
	Reg
	// Stack requires a spill slot (the instruction addresses memory).
	Stack
	// Fixed requires one specific physical register.
	Fixed
	// Reuse (defs only) requires the register given to the use operand at
	// index Reuse of the same instruction: two-address forms such as x86 add.
	Reuse
)

func (k ConstraintKind) String() string {
	return [...]string{"any", "reg", "stack", "fixed", "reuse", "?", "?", "?"}[k&7]
}

// Operand packs one operand into a uint64:
//
//	bits  0..31 VReg (index and class)
//	bit   32    kind (0 use, 1 def)
//	bit   33    pos (0 early, 1 late)
//	bits 34..36 constraint kind
//	bits 40..47 constraint payload: PReg for Fixed, operand index for Reuse
type Operand uint64

// NewOperand builds an operand from its parts. payload is the PReg of a Fixed
// constraint or the operand index of a Reuse constraint, and ignored otherwise.
func NewOperand(v VReg, kind OperandKind, pos OperandPos, ck ConstraintKind, payload uint8) Operand {
	return Operand(uint64(v) | uint64(kind&1)<<32 | uint64(pos&1)<<33 | uint64(ck&7)<<34 | uint64(payload)<<40)
}

// Use reads v from a register at the early point.
func Use(v VReg) Operand { return NewOperand(v, UseKind, Early, Reg, 0) }

// UseAtEnd reads v from a register that stays reserved through the late point.
func UseAtEnd(v VReg) Operand { return NewOperand(v, UseKind, Late, Reg, 0) }

// AnyUse reads v from a register or a spill slot.
func AnyUse(v VReg) Operand { return NewOperand(v, UseKind, Early, Any, 0) }

// StackUse reads v from its spill slot.
func StackUse(v VReg) Operand { return NewOperand(v, UseKind, Early, Stack, 0) }

// FixedUse reads v from physical register p.
func FixedUse(v VReg, p PReg) Operand { return NewOperand(v, UseKind, Early, Fixed, uint8(p)) }

// FixedUseAtEnd reads v from p, which stays reserved through the late point.
func FixedUseAtEnd(v VReg, p PReg) Operand { return NewOperand(v, UseKind, Late, Fixed, uint8(p)) }

// Def writes v to a register at the late point.
func Def(v VReg) Operand { return NewOperand(v, DefKind, Late, Reg, 0) }

// DefAtStart writes v to a register disjoint from every use of the instruction.
func DefAtStart(v VReg) Operand { return NewOperand(v, DefKind, Early, Reg, 0) }

// Temp is a scratch register for the instruction's own use: an early def of
// a vreg nothing reads.
func Temp(v VReg) Operand { return NewOperand(v, DefKind, Early, Reg, 0) }

// AnyDef writes v to a register or a spill slot.
func AnyDef(v VReg) Operand { return NewOperand(v, DefKind, Late, Any, 0) }

// StackDef writes v to its spill slot.
func StackDef(v VReg) Operand { return NewOperand(v, DefKind, Late, Stack, 0) }

// FixedDef writes v to physical register p.
func FixedDef(v VReg, p PReg) Operand { return NewOperand(v, DefKind, Late, Fixed, uint8(p)) }

// ReuseDef writes v to the register of the use operand at index idx, which
// must be an early Reg or Fixed use of the same class.
func ReuseDef(v VReg, idx int) Operand { return NewOperand(v, DefKind, Late, Reuse, uint8(idx)) }

func (o Operand) VReg() VReg                 { return VReg(o) }
func (o Operand) Class() RegClass            { return VReg(o).Class() }
func (o Operand) Kind() OperandKind          { return OperandKind(o >> 32 & 1) }
func (o Operand) Pos() OperandPos            { return OperandPos(o >> 33 & 1) }
func (o Operand) Constraint() ConstraintKind { return ConstraintKind(o >> 34 & 7) }
func (o Operand) FixedReg() PReg             { return PReg(o >> 40) }
func (o Operand) ReuseIndex() int            { return int(uint8(o >> 40)) }
func (o Operand) IsUse() bool                { return o.Kind() == UseKind }
func (o Operand) IsDef() bool                { return o.Kind() == DefKind }

func (o Operand) String() string {
	k := "use"
	if o.IsDef() {
		k = "def"
	}
	p := ""
	if o.Pos() == Late && o.IsUse() || o.Pos() == Early && o.IsDef() {
		p = [2]string{"@early", "@late"}[o.Pos()]
	}
	c := o.Constraint().String()
	switch o.Constraint() {
	case Fixed:
		c = o.FixedReg().String()
	case Reuse:
		c = fmt.Sprintf("reuse(%d)", o.ReuseIndex())
	}
	return fmt.Sprintf("%s %s%s:%s", k, o.VReg(), p, c)
}

// SpillSlot indexes Output.SpillSlotClass; the backend lays slots out in the
// frame with the size and alignment of their class.
type SpillSlot int32

// Alloc is where an operand lives: nothing, a physical register, or a spill
// slot. Kind is in the top two bits, the register or slot below.
type Alloc uint32

// AllocKind is the kind of an Alloc.
type AllocKind uint8

const (
	NoAlloc AllocKind = iota
	RegAlloc
	StackAlloc
)

const allocPayload = 1<<30 - 1

// RegLoc places a value in register p.
func RegLoc(p PReg) Alloc { return Alloc(uint32(RegAlloc)<<30 | uint32(p)) }

// StackLoc places a value in spill slot s.
func StackLoc(s SpillSlot) Alloc { return Alloc(uint32(StackAlloc)<<30 | uint32(s)&allocPayload) }

func (a Alloc) Kind() AllocKind { return AllocKind(a >> 30) }
func (a Alloc) IsReg() bool     { return a.Kind() == RegAlloc }
func (a Alloc) IsStack() bool   { return a.Kind() == StackAlloc }
func (a Alloc) Reg() PReg       { return PReg(a & 0xff) }
func (a Alloc) Slot() SpillSlot { return SpillSlot(a & allocPayload) }
func (a Alloc) IsNone() bool    { return a.Kind() == NoAlloc }
func (a Alloc) String() string {
	switch a.Kind() {
	case RegAlloc:
		return a.Reg().String()
	case StackAlloc:
		return fmt.Sprintf("slot%d", a.Slot())
	}
	return "none"
}

// InstPos says on which side of an instruction an edit happens.
type InstPos uint8

const (
	Before InstPos = iota
	After
)

// ProgPoint is a point between instructions: inst<<1 | pos. Points order as
// Before(0) < After(0) < Before(1) < ...
type ProgPoint uint32

func PointBefore(i Inst) ProgPoint { return ProgPoint(uint32(i) << 1) }
func PointAfter(i Inst) ProgPoint  { return ProgPoint(uint32(i)<<1 | 1) }
func (p ProgPoint) Inst() Inst     { return Inst(p >> 1) }
func (p ProgPoint) Pos() InstPos   { return InstPos(p & 1) }
func (p ProgPoint) String() string {
	return fmt.Sprintf("%s:%d", [2]string{"before", "after"}[p&1], p>>1)
}

// Edit is one move the backend inserts at Point: From and To are registers or
// spill slots, never both slots. Edits at the same point are applied in the
// order they appear in Output.Edits (they are sequential, not parallel).
type Edit struct {
	Point    ProgPoint
	From, To Alloc
}

// EditKind classifies an edit for statistics and for choosing an instruction.
type EditKind uint8

const (
	MoveEdit   EditKind = iota // register to register
	SpillEdit                  // register to slot
	ReloadEdit                 // slot to register
)

func (e Edit) Kind() EditKind {
	switch {
	case e.To.IsStack():
		return SpillEdit
	case e.From.IsStack():
		return ReloadEdit
	}
	return MoveEdit
}

func (e Edit) String() string { return fmt.Sprintf("%s: %s <- %s", e.Point, e.To, e.From) }
