package ir

// InstData is one instruction: its opcode, controlling type and
// format-specific immediates. It holds no pointers and no slices; value
// arguments live in the DataFlowGraph's shared pool (Args), results in the
// DFG's per-instruction result lists. Which fields mean what is decided by
// the opcode's Format (see the Fmt* constants); accessors below name them.
type InstData struct {
	Opcode Opcode
	Type   Type      // controlling type (Invalid for monomorphic opcodes)
	Code   uint8     // IntCC, FloatCC, AtomicRmwOp, TrapCode or lane index
	Flags  MemFlags  // memory flags for loads, stores, atomics and bitcast
	Entity int32     // StackSlot, GlobalValue, FuncRef, SigRef, Constant, JumpTable, ExceptionTable, Block or call-pool index
	Imm    int64     // Imm64, IEEE bits, memory/slot offset, FuncRef (try_call) or handler index
	Args   ValueList // value operands in the DFG pool
}

// Format is the operand shape of the instruction.
func (d *InstData) Format() Format { return d.Opcode.Format() }

// IntCC is the condition of an icmp.
func (d *InstData) IntCC() IntCC { return IntCC(d.Code) }

// FloatCC is the condition of an fcmp.
func (d *InstData) FloatCC() FloatCC { return FloatCC(d.Code) }

// TrapCode is the code of trap, trapz, trapnz and uadd_overflow_trap.
func (d *InstData) TrapCode() TrapCode { return TrapCode(d.Code) }

// AtomicOp is the operation of atomic_rmw.
func (d *InstData) AtomicOp() AtomicRmwOp { return AtomicRmwOp(d.Code) }

// Lane is the lane index of extractlane and insertlane.
func (d *InstData) Lane() uint8 { return d.Code }

// Imm64 is the immediate of iconst as written: only the low bits of the
// controlling type's width are significant (iconst.i32 -1 and iconst.i32
// 0xffff_ffff are the same constant and print back as written).
func (d *InstData) Imm64() int64 { return d.Imm }

// ImmSigned is the iconst immediate sign-extended from the controlling
// type's width (for i64 and wider, the immediate itself).
func (d *InstData) ImmSigned() int64 {
	if bits := d.Type.Bits(); bits > 0 && bits < 64 {
		return d.Imm << (64 - bits) >> (64 - bits)
	}
	return d.Imm
}

// ImmUnsigned is the iconst immediate zero-extended from the controlling
// type's width.
func (d *InstData) ImmUnsigned() uint64 {
	if bits := d.Type.Bits(); bits > 0 && bits < 64 {
		return uint64(d.Imm) & (1<<bits - 1)
	}
	return uint64(d.Imm)
}

// Offset is the byte offset of loads, stores and stack_addr.
func (d *InstData) Offset() int32 { return int32(d.Imm) }

// IeeeBits are the raw bits of f16const/f32const/f64const.
func (d *InstData) IeeeBits() uint64 { return uint64(d.Imm) }

// StackSlot of stack_addr.
func (d *InstData) StackSlot() StackSlot { return StackSlot(d.Entity) }

// DynamicStackSlot of dynamic_stack_addr/load/store.
func (d *InstData) DynamicStackSlot() DynamicStackSlot { return DynamicStackSlot(d.Entity) }

// GlobalValue of symbol_value and tls_value.
func (d *InstData) GlobalValue() GlobalValue { return GlobalValue(d.Entity) }

// Constant of vconst, f128const and (as the lane mask) shuffle.
func (d *InstData) Constant() Constant { return Constant(d.Entity) }

// FuncRef of call, return_call, func_addr and try_call.
func (d *InstData) FuncRef() FuncRef {
	if d.Format() == FmtTryCall {
		return FuncRef(d.Imm)
	}
	return FuncRef(d.Entity)
}

// SigRef of call_indirect and return_call_indirect.
func (d *InstData) SigRef() SigRef { return SigRef(d.Entity) }

// JumpTable of br_table.
func (d *InstData) JumpTable() JumpTable { return JumpTable(d.Entity) }

// ExceptionTable of try_call and try_call_indirect.
func (d *InstData) ExceptionTable() ExceptionTable { return ExceptionTable(d.Entity) }

// HandlerBlock and HandlerIndex of get_exception_handler_address.
func (d *InstData) HandlerBlock() Block { return Block(d.Entity) }
