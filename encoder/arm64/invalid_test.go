package arm64

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// badCands lists values operand j of r must refuse, given the values of
// the operands before it: wrong register classes, immediates one past each
// boundary, misaligned offsets, arrangements outside the row's set.
func badCands(r *row, j int, vals []int64) [][]int64 {
	a := &r.args[j]
	e := enc{r: r, vals: vals}
	size := int64(r.size)
	one := func(vs ...int64) [][]int64 {
		out := make([][]int64, len(vs))
		for i, v := range vs {
			out[i] = []int64{v}
		}
		return out
	}
	otherGP := func(cls uint16) int64 {
		if cls == clsW {
			return X3
		}
		return W3
	}
	switch a.kind {
	case kGP:
		return one(otherGP(a.cls), int64(SReg(3)), int64(V(3)), 3, -1)
	case kGPAny:
		return one(int64(SReg(1)), int64(V(1)), 1)
	case kGPByT:
		if e.t()>>1 == 3 {
			return one(W1, int64(DReg(1)))
		}
		return one(X1, int64(SReg(1)))
	case kFP:
		other := int64(SReg(4))
		if a.cls == clsS {
			other = int64(DReg(4))
		}
		return one(other, X4, int64(V(4)), 4)
	case kVec, kVecList, kVList1:
		return one(int64(QReg(5)), X5, 5)
	case kVecElem, kLane:
		es := int64(a.arr >> 1)
		if a.kind == kVecElem && a.rel != relFixed {
			es = int64(e.t() >> 1)
		}
		return [][]int64{{int64(V(1)), 16 >> es}, {int64(V(1)), -1}, {X1, 0}}
	case kT:
		var out [][]int64
		for t := A8B; t <= A2D; t++ {
			if a.set&(1<<t) == 0 {
				out = append(out, []int64{int64(t)})
			}
		}
		return append(out, []int64{8}, []int64{-1})
	case kImm12:
		return one(-1, 4096)
	case kSh12:
		return one(1, 24)
	case kShift:
		out := one(size, 4<<8, -1)
		if a.n == 0 {
			out = append(out, []int64{3<<8 | 1})
		}
		return out
	case kExtend:
		return one(5, 8<<8, -1)
	case kBitmask:
		out := one(0, 0x1234, 0x5555_5554)
		if size == 32 {
			out = append(out, []int64{1 << 32}, []int64{0xffffffff})
		} else {
			out = append(out, []int64{-1})
		}
		return out
	case kImm16:
		return one(-1, 0x10000)
	case kHW:
		return one(8, size, -16)
	case kMovImm:
		return one(0x10001, 0x1_0000_0001)
	case kUimm:
		return one(-1, 1<<a.width)
	case kLSL, kLSR, kLsb, kLsbIns:
		return one(-1, size)
	case kWidthX, kWidthIns:
		return one(0, size-vals[len(vals)-1]+1)
	case kCond:
		return one(-1, 16)
	case kInvCond:
		return one(14, 15)
	case kLabel:
		s := int64(1) << a.scale
		lim := int64(1) << (a.width - 1)
		out := one(lim*s, (-lim-1)*s)
		if s > 1 {
			out = append(out, []int64{s / 2}, []int64{4 + s/2})
		}
		return out
	case kTbzBit:
		if vals[len(vals)-1]>>8 == clsX {
			return one(64, -1)
		}
		return one(32, -1)
	case kMem0:
		return one(W1, 1)
	case kMemU12:
		s := int64(1) << a.scale
		out := [][]int64{{X1, -s}, {X1, 4096 * s}, {W1, 0}}
		if s > 1 {
			out = append(out, []int64{X1, s + 1})
		}
		return out
	case kMemS9, kMemPre, kMemPost:
		return [][]int64{{X1, -257}, {X1, 256}, {W1, 0}}
	case kMemP, kMemPPre, kMemPPost:
		s := int64(1) << a.scale
		return [][]int64{{X1, 64 * s}, {X1, -65 * s}, {X1, s / 2}, {W1, 0}}
	case kMemReg:
		out := [][]int64{{X1, X2, int64(UXTB) << 8}, {X1, W2, int64(UXTX) << 8}, {X1, X2, int64(UXTW) << 8}, {W1, X2, int64(UXTX) << 8}}
		out = append(out, []int64{X1, X2, int64(UXTX)<<8 | 0x20000}, []int64{X1, X2, int64(UXTX)<<8 | 0x10001})
		if a.scale > 0 {
			out = append(out, []int64{X1, X2, int64(UXTX)<<8 | int64(a.scale) + 1}, []int64{X1, X2, int64(UXTX)<<8 | 0x10000})
		}
		return out
	case kFPImm, kFPImmV:
		return one(int64(math.Float64bits(0)), int64(math.Float64bits(0.1)), int64(math.Float64bits(32)))
	case kImm8V:
		return one(-1, 256)
	case kImm64V:
		return one(0x12, 0x7f00_ff00_ff00_ff00)
	case kMoviLSL:
		if a.n == 1 {
			return one(4, 32)
		}
		return one(4, 16)
	case kMoviMSL:
		return one(0, 24)
	case kVShl:
		if a.n == 1 {
			return nil
		}
		return one(-1, 8<<(e.t()>>1))
	case kVShr:
		return one(0, 8<<(e.t()>>1)+1)
	case kExtIdx:
		if e.t().Q() {
			return one(16, -1)
		}
		return one(8, -1)
	case kBarrier:
		return one(16, -1)
	}
	return nil
}

// TestInvalidOperands takes a valid case of every row and replaces one
// operand at a time with each of its invalid values: Encode must return an
// error, never bytes. It also checks the CONSTRAINED UNPREDICTABLE register
// combinations and malformed calls.
func TestInvalidOperands(t *testing.T) {
	g := &gen{rnd: rand.New(rand.NewPCG(7, 8))}
	checked := 0
	for op := Op(0); int(op) < len(opRows); op++ {
		r := &opRows[op]
		var base []int64
		g.cases(op, 0, func(v []int64) {
			if base == nil {
				base = v
			}
		})
		if base == nil {
			base = []int64{}
		}
		for j := range r.args {
			prefix := base[:r.start[j]]
			for _, bad := range badCands(r, j, prefix) {
				vals := append(append([]int64(nil), prefix...), bad...)
				vals = append(vals, base[r.start[j]+r.args[j].nvals():]...)
				if len(vals) != r.nvals {
					continue
				}
				if in, err := Encode(op, vals...); err == nil {
					t.Errorf("%s %s: Encode(%#x) = %08x, want an error for operand %d (%s)", op, r.Args, vals, uint32(in), j+1, r.args[j].tok)
				}
				checked++
			}
		}
		if _, err := Encode(op, append(base, 0)...); err == nil {
			t.Errorf("%s: extra value accepted", op)
		}
	}
	for _, c := range []struct {
		op   Op
		vals []int64
		want string
	}{
		{LDRXpre, []int64{X1, X1, 8}, "writeback base"},
		{STRWpost, []int64{W2, X2, 8}, "writeback base"},
		{LDPXpre, []int64{X1, X2, X1, 16}, "writeback base"},
		{STPXpost, []int64{X1, X2, X2, 16}, "writeback base"},
		{LDPXi, []int64{X3, X3, X1, 16}, "both destinations"},
		{LDPDi, []int64{int64(DReg(3)), int64(DReg(3)), X1, 16}, "both destinations"},
		{STXRW, []int64{W1, W1, X2}, "status register"},
		{STLXRX, []int64{W2, X3, X2}, "status register"},
		{Op(-1), nil, "no such op"},
		{Op(len(rows)), nil, "no such op"},
		{ADDXi, []int64{X1, X2}, "want 4 operand values"},
	} {
		_, err := Encode(c.op, c.vals...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Encode(%v, %v) error %v, want %q", c.op, c.vals, err, c.want)
		}
		checked++
	}
	// The checks must not reject their neighbours: a load-exclusive into
	// XZR, a writeback store of XZR through the same-numbered SP, an FP
	// pair with writeback onto a base numbered like a data register.
	for _, c := range []struct {
		op   Op
		vals []int64
	}{
		{LDXRX, []int64{XZR.val(), X0}},
		{LDAXRW, []int64{WZR.val(), X5}},
		{LDPDpre, []int64{DReg(1).val(), DReg(2).val(), X1, 16}},
		{LDRDpost, []int64{DReg(3).val(), X3, 8}},
		{STXRW, []int64{W1, W2, SP.val()}},
	} {
		if _, err := Encode(c.op, c.vals...); err != nil {
			t.Errorf("%s %#x: %v", c.op, c.vals, err)
		}
	}
	// Writeback with SP as base and SP-numbered register 31 as data is
	// fine: register 31 is XZR in the data field.
	if _, err := Encode(STRXpre, XZR.val(), SP.val(), -16); err != nil {
		t.Errorf("str xzr, [sp, #-16]!: %v", err)
	}
	t.Logf("%d invalid requests rejected", checked)
}
