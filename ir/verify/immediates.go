package verify

import "kiln/ir"

func (v *verifier) immediates(inst ir.Inst) {
	f := v.f
	d := &f.DFG.Insts[inst]
	switch d.Format() {
	case ir.FmtStore, ir.FmtStoreNoOffset:
		if d.Flags.Readonly() {
			v.fatalInst(inst, "A store instruction cannot have the `readonly` MemFlag")
		}
	}
	switch d.Format() {
	case ir.FmtLoad, ir.FmtLoadNoOffset, ir.FmtStore, ir.FmtStoreNoOffset, ir.FmtAtomicRmw, ir.FmtAtomicCas:
		if d.Flags&ir.MemLittle != 0 && d.Flags&ir.MemBig != 0 {
			v.fatalInst(inst, "memory flags cannot be both `little` and `big`")
		}
	}
	switch d.Opcode {
	case ir.OpIconst:
		// Only the low bits are significant, but the literal must fit the
		// width as a signed or an unsigned number.
		if d.Imm != d.ImmSigned() && uint64(d.Imm) != d.ImmUnsigned() {
			v.fatalInst(inst, "constant immediate is out of bounds")
		}
	case ir.OpBitcast:
		v.bitcast(inst, d)
	case ir.OpVconst, ir.OpF128const:
		want := 16
		if d.Opcode == ir.OpVconst {
			want = d.Type.Bytes()
		}
		if got := len(f.ConstantData(d.Constant())); got != want {
			v.fatal(InstLoc(inst), "The instruction expects %s to have a size of %d bytes but it has %d", d.Constant(), want, got)
		}
	case ir.OpExtractlane, ir.OpInsertlane:
		ty := v.valueType(f.DFG.Args(inst)[0])
		if int(d.Lane()) >= ty.LaneCount() {
			v.fatalInst(inst, "The lane %d does not index into the type %s", d.Lane(), ty)
		}
	case ir.OpShuffle:
		mask := f.Immediates[d.Constant()]
		if len(mask) != 16 {
			v.fatalInst(inst, "the shuffle immediate wasn't 16-bytes long")
		}
		for _, i := range mask {
			if i >= 32 {
				v.fatalInst(inst, "shuffle immediate index %d is larger than the maximum 31", i)
			}
		}
	}
}

func (v *verifier) bitcast(inst ir.Inst, d *ir.InstData) {
	to := d.Type
	arg := v.f.DFG.Args(inst)[0]
	from := v.valueType(arg)
	endian := d.Flags &^ (ir.MemLittle | ir.MemBig)
	switch {
	case to.Bits() != from.Bits():
		v.fatal(InstLoc(inst), "The bitcast argument %s has a type of %d bits, which doesn't match an expected type of %d bits", arg, from.Bits(), to.Bits())
	case endian != 0 || d.Flags&ir.MemLittle != 0 && d.Flags&ir.MemBig != 0:
		v.fatal(InstLoc(inst), "The bitcast instruction only accepts the `big` or `little` memory flags")
	case d.Flags == 0 && to.LaneCount() != from.LaneCount():
		v.fatal(InstLoc(inst), "Byte order specifier required for bitcast instruction changing lane count")
	}
}
