package amd64

import (
	"bytes"
	"testing"

	"kiln/encoder"
)

// FuzzEncode draws a random row and random operand values of the right
// kinds, encodes, and checks the result with the x86asm oracle exactly as
// the table test does, and the fast path against the general one. A rejection must have a reason the test can name
// independently (size not in the row, immediate out of range, bad scale,
// RSP as index, vmovss shape).
func FuzzEncode(f *testing.F) {
	f.Add(uint16(AddMR), uint8(8), uint8(0), false, uint64(0x0123456789abcdef), uint8(0), int32(0), int64(1), int8(0))
	f.Add(uint16(Addps), uint8(0), uint8(0), true, uint64(0xfedcba9876543210), uint8(2), int32(-129), int64(0), int8(3))
	f.Add(uint16(Jcc32), uint8(0), uint8(5), false, uint64(7), uint8(1), int32(1<<20), int64(0), int8(-2))
	f.Add(uint16(MovOI), uint8(8), uint8(0), false, uint64(12), uint8(0), int32(0), int64(-1), int8(0))
	f.Add(uint16(Pinsrq), uint8(0), uint8(0), true, uint64(0x0f0f), uint8(4), int32(127), int64(255), int8(0))
	f.Fuzz(func(t *testing.T, opIdx uint16, sz uint8, cc uint8, vex bool, regs uint64, memSel uint8, disp int32, imm int64, rel int8) {
		op := Op(int(opIdx) % int(NumOps))
		row := &Rows[op]
		in := Inst{Op: op, Size: Size(sz), CC: CC(cc % 16), VEX: row.VexOnly || vex && row.Vex != VexNone}
		in.L256 = in.VEX && row.V256 && cc&0x80 != 0
		ops := explicitOps(row, in.VEX)
		if in.VEX && row.Vex == VexNDSReg && memSel%2 == 1 {
			ops = explicitOps(row, false) // the unary load form
		}
		in.N = len(ops)
		reason := ""
		if row.Sizes != 0 && !row.Sizes.Has(in.Size) {
			reason = "size"
		}
		next := func() uint8 { r := uint8(regs & 15); regs = regs>>4 | regs<<60; return r }
		for i, o := range ops {
			switch o.kind {
			case kR, kO:
				in.Args[i] = R(GPR(next()))
			case kX, kXV, kXIs4, kXR:
				in.Args[i] = X(XMM(next()))
			case kRM, kXM, kM:
				if o.kind != kM && memSel%2 == 0 {
					if o.kind == kRM {
						in.Args[i] = R(GPR(next()))
					} else {
						in.Args[i] = X(XMM(next()))
					}
					if in.VEX && row.Vex == VexNDSReg && len(ops) == 2 {
						reason = "vmovss shape"
					}
					break
				}
				base, index := GPR(next()), GPR(next())
				scale := []uint8{1, 2, 4, 8, 3}[int(memSel/2)%5]
				var m Mem
				switch (memSel / 16) % 5 {
				case 0:
					m = Addr(base, disp)
				case 1:
					m = AddrIndex(base, index, scale, disp)
				case 2:
					m = AddrScaled(index, scale, disp)
				case 3:
					m = AddrAbs(disp)
				default:
					m = AddrLabel(0, disp%(1<<20))
				}
				if m.kind == memBaseIndex || m.kind == memIndex {
					if scale == 3 {
						reason = "scale"
					}
					if index == RSP {
						reason = "rsp index"
					}
				}
				in.Args[i] = M(m)
			case kImm, kImmS, kImmV:
				in.Args[i] = I(imm)
				if reason == "" {
					if lo, hi := expectedImmRange(o, in.Size); imm < lo || imm > hi {
						reason = "immediate range"
					}
				}
			case kRel:
				in.Args[i] = L(0)
			}
		}
		want, _, _, _, err := Encode(nil, &in)
		// The fast path may take any request; what it takes it must
		// encode exactly as Encode does, and it must decline what Encode
		// rejects.
		buf := encoder.NewBuffer(BufferISA)
		if !in.VEX && !in.Lock && New(buf).fast(in.Op, in.Size, in.CC, in.Args[:in.N]) {
			if err != nil || !bytes.Equal(buf.Bytes(), want) {
				t.Fatalf("%v: fast path %x, general path %x, %v", &in, buf.Bytes(), want, err)
			}
		}
		if reason != "" {
			if err == nil {
				t.Fatalf("%v accepted although invalid (%s)", &in, reason)
			}
			return
		}
		if err != nil {
			t.Fatalf("%v rejected: %v", &in, err)
		}
		relDisp := int64(rel)
		c := &checker{t: t, distinct: map[uint64]struct{}{}}
		c.check(&in, relDisp)
		if c.failures > 0 {
			t.FailNow()
		}
	})
}
