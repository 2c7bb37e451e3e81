package interp

import (
	"fmt"

	"kiln/ir"
)

// laneOf returns lane i (lb bits wide) of v.
func laneOf(v ir.DataValue, i, lb int) u128 {
	if lb >= 128 {
		return u128{v.Lo, v.Hi}
	}
	bit := i * lb
	if bit >= 64 {
		return u128{v.Hi >> uint(bit-64) & lowMask(lb), 0}
	}
	return u128{v.Lo >> uint(bit) & lowMask(lb), 0}
}

// setLane replaces lane i (lb bits wide) of v with x.
func setLane(v *ir.DataValue, i, lb int, x u128) {
	if lb >= 128 {
		v.Lo, v.Hi = x.lo, x.hi
		return
	}
	m := lowMask(lb)
	bit := i * lb
	if bit >= 64 {
		s := uint(bit - 64)
		v.Hi = v.Hi&^(m<<s) | (x.lo&m)<<s
		return
	}
	v.Lo = v.Lo&^(m<<uint(bit)) | (x.lo&m)<<uint(bit)
}

func scalar(ty ir.Type, x u128) ir.DataValue {
	x = x.trunc(ty.Bits())
	return ir.DataValue{Ty: ty, Lo: x.lo, Hi: x.hi}
}

func bits128(v ir.DataValue) u128 { return u128{v.Lo, v.Hi} }

// eval computes the single result of a non-control instruction. ctrl is
// its controlling type, rty the type of its result, a its first three
// arguments.
func (in *Interpreter) eval(fr *frame, inst ir.Inst, d *ir.InstData, ctrl, rty ir.Type, a *[3]ir.DataValue) (ir.DataValue, ir.TrapCode, error) {
	x, y, z := a[0], a[1], a[2]
	f := fr.fn.f
	op := d.Opcode
	switch op {
	// Constants.
	case ir.OpIconst:
		return scalar(rty, u128{uint64(d.Imm), uint64(d.Imm >> 63)}), 0, nil
	case ir.OpF16const, ir.OpF32const, ir.OpF64const:
		return scalar(rty, u128{d.IeeeBits(), 0}), 0, nil
	case ir.OpF128const, ir.OpVconst:
		c := f.ConstantData(d.Constant())
		if len(c) != rty.Bytes() {
			return ir.DataValue{}, 0, fmt.Errorf("constant %s has %d bytes, %s needs %d", d.Constant(), len(c), rty, rty.Bytes())
		}
		return ir.DataFromBytes(rty, c), 0, nil

	// Lane-wise integer arithmetic and bitwise operations.
	case ir.OpIadd, ir.OpIsub, ir.OpImul, ir.OpUmulhi, ir.OpSmulhi,
		ir.OpUdiv, ir.OpSdiv, ir.OpUrem, ir.OpSrem,
		ir.OpSmin, ir.OpUmin, ir.OpSmax, ir.OpUmax, ir.OpAvgRound,
		ir.OpUaddSat, ir.OpSaddSat, ir.OpUsubSat, ir.OpSsubSat, ir.OpSqmulRoundSat,
		ir.OpBand, ir.OpBor, ir.OpBxor:
		if ctrl.IsFloat() && op != ir.OpBand && op != ir.OpBor && op != ir.OpBxor {
			return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, ctrl)
		}
		if op == ir.OpBand || op == ir.OpBor || op == ir.OpBxor {
			r, _ := intBinary(op, 128, bits128(x), bits128(y))
			return scalar(rty, r), 0, nil
		}
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			l, code := intBinary(op, lb, laneOf(x, i, lb), laneOf(y, i, lb))
			if code != 0 {
				return ir.DataValue{}, code, nil
			}
			setLane(&r, i, lb, l)
		}
		return r, 0, nil

	case ir.OpIshl, ir.OpUshr, ir.OpSshr, ir.OpRotl, ir.OpRotr:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		amt := bits128(y)
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			l, _ := intBinary(op, lb, laneOf(x, i, lb), amt)
			setLane(&r, i, lb, l)
		}
		return r, 0, nil

	case ir.OpUaddOverflowTrap:
		n := ctrl.Bits()
		r, of := overflowOp(op, n, bits128(x).trunc(n), bits128(y).trunc(n), false)
		if of {
			return ir.DataValue{}, d.TrapCode(), nil
		}
		return scalar(rty, r), 0, nil

	case ir.OpBnot:
		return scalar(rty, bits128(x).not()), 0, nil

	case ir.OpIneg, ir.OpIabs, ir.OpBitrev, ir.OpClz, ir.OpCls, ir.OpCtz, ir.OpBswap, ir.OpPopcnt:
		if ctrl.IsFloat() {
			return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, ctrl)
		}
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			setLane(&r, i, lb, intUnary(op, lb, laneOf(x, i, lb)))
		}
		return r, 0, nil

	// Comparisons and selection.
	case ir.OpIcmp:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		if !ctrl.IsVector() {
			return ir.DataValue{Ty: rty, Lo: b2u(intCompare(d.IntCC(), lb, bits128(x).trunc(lb), bits128(y).trunc(lb)))}, 0, nil
		}
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			if intCompare(d.IntCC(), lb, laneOf(x, i, lb), laneOf(y, i, lb)) {
				setLane(&r, i, lb, ones(lb))
			}
		}
		return r, 0, nil
	case ir.OpFcmp:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			t, ok := floatCompare(d.FloatCC(), lb, laneOf(x, i, lb), laneOf(y, i, lb))
			if !ok {
				return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, ctrl)
			}
			if t {
				if ctrl.IsVector() {
					setLane(&r, i, lb, ones(lb))
				} else {
					r.Lo = 1
				}
			}
		}
		return r, 0, nil
	case ir.OpSelect, ir.OpSelectSpectreGuard:
		if x.Lo|x.Hi != 0 {
			return y, 0, nil
		}
		return z, 0, nil
	case ir.OpBitselect:
		c := bits128(x)
		return scalar(rty, c.and(bits128(y)).or(c.not().and(bits128(z)))), 0, nil
	case ir.OpBmask:
		if x.Ty.IsVector() || rty.IsVector() {
			if x.Ty.LaneCount() != rty.LaneCount() {
				return ir.DataValue{}, 0, fmt.Errorf("%w bmask from %s to %s", ErrUnsupported, x.Ty, rty)
			}
			r := ir.DataValue{Ty: rty}
			for i := 0; i < rty.LaneCount(); i++ {
				if !laneOf(x, i, x.Ty.LaneBits()).isZero() {
					setLane(&r, i, rty.LaneBits(), ones(rty.LaneBits()))
				}
			}
			return r, 0, nil
		}
		if x.Lo|x.Hi != 0 {
			return scalar(rty, ones(128)), 0, nil
		}
		return ir.DataValue{Ty: rty}, 0, nil

	// Width changes.
	case ir.OpUextend, ir.OpIreduce:
		if x.Ty.IsVector() || rty.IsVector() {
			return ir.DataValue{}, 0, fmt.Errorf("%w vector %s", ErrUnsupported, op)
		}
		return scalar(rty, bits128(x).trunc(x.Ty.Bits())), 0, nil
	case ir.OpSextend:
		if x.Ty.IsVector() || rty.IsVector() {
			return ir.DataValue{}, 0, fmt.Errorf("%w vector %s", ErrUnsupported, op)
		}
		return scalar(rty, bits128(x).sext(x.Ty.Bits())), 0, nil
	case ir.OpIconcat:
		n := ctrl.Bits()
		return scalar(rty, bits128(x).trunc(n).or(bits128(y).trunc(n).shl(uint(n)))), 0, nil

	// Floating point.
	case ir.OpFadd, ir.OpFsub, ir.OpFmul, ir.OpFdiv, ir.OpFmin, ir.OpFmax, ir.OpFcopysign:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			l, ok := floatBinary(op, lb, laneOf(x, i, lb), laneOf(y, i, lb))
			if !ok || !ctrl.IsFloat() {
				return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, ctrl)
			}
			setLane(&r, i, lb, l)
		}
		return r, 0, nil
	case ir.OpSqrt, ir.OpFneg, ir.OpFabs, ir.OpCeil, ir.OpFloor, ir.OpTrunc, ir.OpNearest:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			l, ok := floatUnary(op, lb, laneOf(x, i, lb))
			if !ok || !ctrl.IsFloat() {
				return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, ctrl)
			}
			setLane(&r, i, lb, l)
		}
		return r, 0, nil
	case ir.OpFma:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		r := ir.DataValue{Ty: rty}
		for i := 0; i < n; i++ {
			l, ok := fma(lb, laneOf(x, i, lb), laneOf(y, i, lb), laneOf(z, i, lb))
			if !ok || !ctrl.IsFloat() {
				return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, ctrl)
			}
			setLane(&r, i, lb, l)
		}
		return r, 0, nil
	case ir.OpFpromote, ir.OpFdemote:
		r, ok := floatConvert(x.Ty.Bits(), rty.Bits(), bits128(x))
		if !ok || x.Ty.IsVector() || !x.Ty.IsFloat() || !rty.IsFloat() {
			return ir.DataValue{}, 0, fmt.Errorf("%w %s from %s to %s", ErrUnsupported, op, x.Ty, rty)
		}
		return scalar(rty, r), 0, nil
	case ir.OpFvpromoteLow:
		if x.Ty != ir.F32X4 {
			return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, x.Ty)
		}
		r := ir.DataValue{Ty: rty}
		for i := 0; i < 2; i++ {
			l, _ := floatConvert(32, 64, laneOf(x, i, 32))
			setLane(&r, i, 64, l)
		}
		return r, 0, nil
	case ir.OpFvdemote:
		if x.Ty != ir.F64X2 {
			return ir.DataValue{}, 0, fmt.Errorf("%w type %s", ErrUnsupported, x.Ty)
		}
		r := ir.DataValue{Ty: rty}
		for i := 0; i < 2; i++ {
			l, _ := floatConvert(64, 32, laneOf(x, i, 64))
			setLane(&r, i, 32, l)
		}
		return r, 0, nil
	case ir.OpFcvtToUint, ir.OpFcvtToSint, ir.OpFcvtToUintSat, ir.OpFcvtToSintSat:
		signed := op == ir.OpFcvtToSint || op == ir.OpFcvtToSintSat
		sat := op == ir.OpFcvtToUintSat || op == ir.OpFcvtToSintSat
		n, m := x.Ty.LaneBits(), rty.LaneBits()
		if x.Ty.LaneCount() != rty.LaneCount() || !x.Ty.IsFloat() || !rty.IsInt() {
			return ir.DataValue{}, 0, fmt.Errorf("%w %s from %s to %s", ErrUnsupported, op, x.Ty, rty)
		}
		r := ir.DataValue{Ty: rty}
		for i := 0; i < rty.LaneCount(); i++ {
			l, code, ok := floatToInt(n, m, laneOf(x, i, n), signed, sat)
			if !ok {
				return ir.DataValue{}, 0, fmt.Errorf("%w %s from %s", ErrUnsupported, op, x.Ty)
			}
			if code != 0 {
				return ir.DataValue{}, code, nil
			}
			setLane(&r, i, m, l)
		}
		return r, 0, nil
	case ir.OpFcvtFromUint, ir.OpFcvtFromSint:
		n, m := x.Ty.LaneBits(), rty.LaneBits()
		if x.Ty.LaneCount() != rty.LaneCount() || !x.Ty.IsInt() || !rty.IsFloat() {
			return ir.DataValue{}, 0, fmt.Errorf("%w %s from %s to %s", ErrUnsupported, op, x.Ty, rty)
		}
		r := ir.DataValue{Ty: rty}
		for i := 0; i < rty.LaneCount(); i++ {
			l, ok := intToFloat(m, n, laneOf(x, i, n), op == ir.OpFcvtFromSint)
			if !ok {
				return ir.DataValue{}, 0, fmt.Errorf("%w %s to %s", ErrUnsupported, op, rty)
			}
			setLane(&r, i, m, l)
		}
		return r, 0, nil
	case ir.OpBitcast:
		return bitcast(x, rty, d.Flags)
	case ir.OpExtractVector:
		// Dynamic vectors run with a scale of 1 (dyn_scale_target_const is
		// 1), so the only part is part 0: the value itself.
		if d.Lane() != 0 {
			return ir.DataValue{}, 0, fmt.Errorf("part %d of a dynamic vector of scale 1", d.Lane())
		}
		return ir.DataValue{Ty: rty, Lo: x.Lo, Hi: x.Hi}, 0, nil

	// Memory.
	case ir.OpLoad, ir.OpUload8, ir.OpSload8, ir.OpUload16, ir.OpSload16, ir.OpUload32, ir.OpSload32,
		ir.OpUload8x8, ir.OpSload8x8, ir.OpUload16x4, ir.OpSload16x4, ir.OpUload32x2, ir.OpSload32x2,
		ir.OpAtomicLoad:
		addr := x.Lo
		if op != ir.OpAtomicLoad {
			addr += uint64(int64(d.Offset()))
		}
		return in.load(op, rty, addr, d.Flags)
	case ir.OpAtomicRmw:
		return in.atomicRmw(d, rty, x.Lo, y)
	case ir.OpAtomicCas:
		b := in.mem.slice(x.Lo, rty.Bytes())
		if b == nil {
			return ir.DataValue{}, memTrap(d.Flags), nil
		}
		big := d.Flags.Endianness() == ir.BigEndian
		old := readValue(rty, b, big)
		if old.Lo == y.Lo && old.Hi == y.Hi {
			writeValue(z, rty.Bytes(), b, big)
		}
		return old, 0, nil
	case ir.OpStackAddr:
		ss := d.StackSlot()
		if ss < 0 || int(ss) >= len(fr.fn.slotOff) || f.StackSlots[ss].Kind == ir.SlotNone {
			return ir.DataValue{}, 0, fmt.Errorf("undeclared %s", ss)
		}
		addr := stackBase + fr.memOff + fr.fn.slotOff[ss] + uint64(int64(d.Offset()))
		return scalar(rty, u128{addr, 0}), 0, nil
	case ir.OpDynamicStackAddr, ir.OpDynamicStackLoad:
		addr, err := dynSlotAddr(fr, d)
		if err != nil {
			return ir.DataValue{}, 0, err
		}
		if op == ir.OpDynamicStackAddr {
			return scalar(rty, u128{addr, 0}), 0, nil
		}
		return in.load(ir.OpLoad, rty, addr, ir.TrustedMemFlags)
	case ir.OpFuncAddr:
		fref := d.FuncRef()
		if fref < 0 || int(fref) >= len(fr.fn.callees) || fr.fn.callees[fref] < 0 {
			return ir.DataValue{}, 0, fmt.Errorf("%s names no function of this file nor a libcall", fref)
		}
		return scalar(rty, u128{funcBase + funcAlign*uint64(fr.fn.callees[fref]), 0}), 0, nil
	case ir.OpSymbolValue:
		v, code, err := in.globalValue(fr, d.GlobalValue(), 0)
		return scalar(rty, bits128(v)), code, err
	case ir.OpGetPinnedReg:
		return scalar(rty, bits128(in.pinned)), 0, nil
	case ir.OpGetFramePointer:
		return scalar(rty, u128{stackBase + fr.memOff, 0}), 0, nil
	case ir.OpGetStackPointer:
		return scalar(rty, u128{stackBase + uint64(len(in.mem.bytes)), 0}), 0, nil

	// Vectors.
	case ir.OpSplat, ir.OpInsertlane, ir.OpExtractlane, ir.OpScalarToVector, ir.OpVanyTrue, ir.OpVallTrue,
		ir.OpVhighBits, ir.OpSnarrow, ir.OpUnarrow, ir.OpUunarrow, ir.OpSwidenLow, ir.OpSwidenHigh,
		ir.OpUwidenLow, ir.OpUwidenHigh, ir.OpIaddPairwise, ir.OpShuffle, ir.OpSwizzle,
		ir.OpX86Pshufb, ir.OpX86Blendv, ir.OpX86Pmulhrsw, ir.OpX86Pmaddubsw, ir.OpX86Cvtt2dq:
		return vectorOp(f, d, ctrl, rty, x, y, z)
	}
	return ir.DataValue{}, 0, fmt.Errorf("%w opcode", ErrUnsupported)
}

// globalValue computes a global value (vmctx, load, iadd_imm, symbol).
func (in *Interpreter) globalValue(fr *frame, gv ir.GlobalValue, depth int) (ir.DataValue, ir.TrapCode, error) {
	f := fr.fn.f
	if gv < 0 || int(gv) >= len(f.GlobalValues) || depth > len(f.GlobalValues) {
		return ir.DataValue{}, 0, fmt.Errorf("undeclared or cyclic %s", gv)
	}
	g := &f.GlobalValues[gv]
	switch g.Kind {
	case ir.GVVMContext:
		if fr.fn.vmctx < 0 || fr.fn.vmctx >= len(fr.fn.params) {
			return ir.DataValue{}, 0, fmt.Errorf("%s = vmctx in a function without a vmctx parameter", gv)
		}
		return fr.slots[fr.fn.slot[fr.fn.params[fr.fn.vmctx]]], 0, nil
	case ir.GVLoad, ir.GVIAddImm:
		base, code, err := in.globalValue(fr, g.Base, depth+1)
		if err != nil || code != 0 {
			return base, code, err
		}
		if g.Kind == ir.GVIAddImm {
			return scalar(g.Type, bits128(base).add(u128{uint64(g.Offset), uint64(g.Offset >> 63)})), 0, nil
		}
		return in.load(ir.OpLoad, g.Type, base.Lo+uint64(g.Offset), g.Flags)
	case ir.GVDynScaleTargetConst:
		return ir.DataValue{Ty: ir.I64, Lo: 1}, 0, nil
	case ir.GVSymbol:
		idx := in.resolveName(g.Name)
		if idx < 0 || g.TLS {
			return ir.DataValue{}, 0, fmt.Errorf("%w symbol %s", ErrUnsupported, g.Name)
		}
		return ir.DataValue{Ty: ir.I64, Lo: funcBase + funcAlign*uint64(idx) + uint64(g.Offset)}, 0, nil
	}
	return ir.DataValue{}, 0, fmt.Errorf("%w global value kind of %s", ErrUnsupported, gv)
}

// bitcast reinterprets x as rty. With the big flag, vector lanes are laid
// out as a big-endian store would write them and read back lane by lane,
// so the result depends on the lane widths of both types.
func bitcast(x ir.DataValue, rty ir.Type, flags ir.MemFlags) (ir.DataValue, ir.TrapCode, error) {
	if x.Ty.Bytes() != rty.Bytes() {
		return ir.DataValue{}, 0, fmt.Errorf("bitcast from %s to %s changes the size", x.Ty, rty)
	}
	if flags.Endianness() != ir.BigEndian || x.Ty.LaneBits() == rty.LaneBits() {
		return ir.DataValue{Ty: rty, Lo: x.Lo, Hi: x.Hi}, 0, nil
	}
	var buf [16]byte
	n := rty.Bytes()
	writeValue(x, x.Ty.LaneBits()/8, buf[:n], true)
	return readValue(rty, buf[:n], true), 0, nil
}
