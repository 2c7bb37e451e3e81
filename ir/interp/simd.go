package interp

import (
	"fmt"

	"kiln/ir"
)

// vectorOp computes the lane-shuffling SIMD opcodes: splat, lane access,
// reductions, narrowing, widening, pairwise adds, shuffles.
func vectorOp(f *ir.Function, d *ir.InstData, ctrl, rty ir.Type, x, y, z ir.DataValue) (ir.DataValue, ir.TrapCode, error) {
	op := d.Opcode
	r := ir.DataValue{Ty: rty}
	switch op {
	case ir.OpSplat:
		lb := rty.LaneBits()
		for i := 0; i < rty.LaneCount(); i++ {
			setLane(&r, i, lb, bits128(x))
		}
		return r, 0, nil
	case ir.OpScalarToVector:
		setLane(&r, 0, rty.LaneBits(), bits128(x))
		return r, 0, nil
	case ir.OpInsertlane:
		if int(d.Lane()) >= ctrl.LaneCount() {
			return r, 0, fmt.Errorf("lane %d out of range for %s", d.Lane(), ctrl)
		}
		r = x
		setLane(&r, int(d.Lane()), ctrl.LaneBits(), bits128(y))
		return r, 0, nil
	case ir.OpExtractlane:
		if int(d.Lane()) >= ctrl.LaneCount() {
			return r, 0, fmt.Errorf("lane %d out of range for %s", d.Lane(), ctrl)
		}
		return scalar(rty, laneOf(x, int(d.Lane()), ctrl.LaneBits())), 0, nil
	case ir.OpVanyTrue, ir.OpVallTrue:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		all, any := true, false
		for i := 0; i < n; i++ {
			nz := !laneOf(x, i, lb).isZero()
			all = all && nz
			any = any || nz
		}
		if op == ir.OpVanyTrue {
			r.Lo = b2u(any)
		} else {
			r.Lo = b2u(all)
		}
		return r, 0, nil
	case ir.OpVhighBits:
		lb, n := x.Ty.LaneBits(), x.Ty.LaneCount()
		var m u128
		for i := 0; i < n; i++ {
			if laneOf(x, i, lb).signBit(lb) {
				m = m.or(u128{1, 0}.shl(uint(i)))
			}
		}
		return scalar(rty, m), 0, nil
	case ir.OpSnarrow, ir.OpUnarrow, ir.OpUunarrow:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		h := lb / 2
		for i := 0; i < 2*n; i++ {
			src := x
			j := i
			if i >= n {
				src, j = y, i-n
			}
			l := laneOf(src, j, lb)
			setLane(&r, i, h, narrow(op, lb, h, l))
		}
		return r, 0, nil
	case ir.OpSwidenLow, ir.OpSwidenHigh, ir.OpUwidenLow, ir.OpUwidenHigh:
		lb := rty.LaneBits()
		h, n := lb/2, rty.LaneCount()
		base := 0
		if op == ir.OpSwidenHigh || op == ir.OpUwidenHigh {
			base = n
		}
		for i := 0; i < n; i++ {
			l := laneOf(x, base+i, h)
			if op == ir.OpSwidenLow || op == ir.OpSwidenHigh {
				l = l.sext(h)
			}
			setLane(&r, i, lb, l)
		}
		return r, 0, nil
	case ir.OpIaddPairwise:
		lb, n := ctrl.LaneBits(), ctrl.LaneCount()
		for i := 0; i < n; i++ {
			src, j := x, 2*i
			if i >= n/2 {
				src, j = y, 2*(i-n/2)
			}
			setLane(&r, i, lb, laneOf(src, j, lb).add(laneOf(src, j+1, lb)))
		}
		return r, 0, nil
	case ir.OpShuffle:
		c := d.Constant()
		if c < 0 || int(c) >= len(f.Immediates) || len(f.Immediates[c]) != 16 {
			return r, 0, fmt.Errorf("shuffle mask %s is not 16 bytes", c)
		}
		for i, idx := range f.Immediates[c] {
			switch {
			case idx < 16:
				setLane(&r, i, 8, laneOf(x, int(idx), 8))
			case idx < 32:
				setLane(&r, i, 8, laneOf(y, int(idx)-16, 8))
			}
		}
		return r, 0, nil
	case ir.OpSwizzle:
		for i := 0; i < 16; i++ {
			if idx := laneOf(y, i, 8).lo; idx < 16 {
				setLane(&r, i, 8, laneOf(x, int(idx), 8))
			}
		}
		return r, 0, nil

	// The x86-specific opcodes the x64 backend's lowering emits; defined
	// here so that CLIF produced for x64 can still be interpreted.
	case ir.OpX86Pshufb:
		for i := 0; i < 16; i++ {
			if idx := laneOf(y, i, 8).lo; idx&0x80 == 0 {
				setLane(&r, i, 8, laneOf(x, int(idx&15), 8))
			}
		}
		return r, 0, nil
	case ir.OpX86Blendv:
		// Lane-wise: the high bit of the mask lane picks y's lane, else z's.
		lb := ctrl.LaneBits()
		for i := 0; i < ctrl.LaneCount(); i++ {
			src := z
			if laneOf(x, i, lb).signBit(lb) {
				src = y
			}
			setLane(&r, i, lb, laneOf(src, i, lb))
		}
		return r, 0, nil
	case ir.OpX86Pmulhrsw:
		if ctrl.LaneBits() != 16 {
			break
		}
		for i := 0; i < ctrl.LaneCount(); i++ {
			p := int32(int16(laneOf(x, i, 16).lo)) * int32(int16(laneOf(y, i, 16).lo))
			setLane(&r, i, 16, u128{uint64((p + 0x4000) >> 15), 0})
		}
		return r, 0, nil
	case ir.OpX86Pmaddubsw:
		// Unsigned bytes of x times signed bytes of y, adjacent pairs
		// summed with signed saturation.
		for i := 0; i < 8; i++ {
			s := int32(laneOf(x, 2*i, 8).lo)*int32(int8(laneOf(y, 2*i, 8).lo)) +
				int32(laneOf(x, 2*i+1, 8).lo)*int32(int8(laneOf(y, 2*i+1, 8).lo))
			s = max(-32768, min(32767, s))
			setLane(&r, i, 16, u128{uint64(s), 0})
		}
		return r, 0, nil
	case ir.OpX86Cvtt2dq:
		// Truncating f32 → i32; NaN and out-of-range give 0x80000000.
		if x.Ty != ir.F32X4 {
			break
		}
		for i := 0; i < 4; i++ {
			l, code, _ := floatToInt(32, 32, laneOf(x, i, 32), true, false)
			if code != 0 {
				l = sminOf(32)
			}
			setLane(&r, i, 32, l)
		}
		return r, 0, nil
	}
	return r, 0, fmt.Errorf("%w opcode", ErrUnsupported)
}

// narrow saturates one lb-bit lane to h bits: snarrow signed→signed,
// unarrow signed→unsigned, uunarrow unsigned→unsigned.
func narrow(op ir.Opcode, lb, h int, l u128) u128 {
	switch op {
	case ir.OpSnarrow:
		s := l.sext(lb)
		if s.slt(sminOf(h).sext(h)) {
			return sminOf(h)
		}
		if smaxOf(h).slt(s) {
			return smaxOf(h)
		}
		return s.trunc(h)
	case ir.OpUnarrow:
		s := l.sext(lb)
		if s.signBit(128) {
			return u128{}
		}
		if ones(h).ult(s) {
			return ones(h)
		}
		return s
	default:
		if ones(h).ult(l) {
			return ones(h)
		}
		return l
	}
}
