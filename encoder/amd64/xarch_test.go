package amd64

import (
	"fmt"
	"hash/maphash"
	"math"
	"strings"
	"sync"
	"testing"

	"golang.org/x/arch/x86/x86asm"

	"kiln/encoder"
)

// This file checks every row of the table against golang.org/x/arch's
// decoder: each generated instruction is encoded, decoded back, and
// compared operand by operand (op, arguments, length). Nothing here is a
// hand-typed byte string; the oracle is x86asm.

// Known x86asm quirks, each handled where noted and nowhere else:
//
//  1. int3 decodes as INT with an immediate 3 (allowedMismatch).
//  2. SSE movsd/cmpsd are named MOVSD_XMM/CMPSD_XMM (xarchNames).
//  3. A disp32 is reported zero-extended, a disp8 sign-extended; the CPU
//     sign-extends both, so displacements compare as int32 (argEqual).
//  4. Immediates are reported signed or unsigned depending on the form;
//     the encoder controls the field's bits, so they compare modulo the
//     field width (expected, check).
//  5. The AVX decoder reports RIP-relative (mod=00 rm=101) as an absolute
//     disp32; accepted only for VEX forms whose expected base is RIP, and
//     objdump_test.go confirms GNU objdump prints those as (%rip) (check).
//
// allowedMismatch lists rows whose decoding legitimately differs from the
// row's own description, each with the reason. Only the length and a
// successful decode are checked for them.
var allowedMismatch = map[Op]string{
	Int3: "x86asm models int3 (CC) as INT with an immediate 3 argument",
}

// xarchNames maps a row's Intel mnemonic to x86asm's name where they
// differ, with the reason.
var xarchNames = map[string]string{
	"MOVSD": "MOVSD_XMM", // x86asm keeps MOVSD for the string instruction (A5)
	"CMPSD": "CMPSD_XMM", // likewise for the string compare (A7)
}

// xarchOps maps an x86asm op name to the op.
var xarchOps = sync.OnceValue(func() map[string]x86asm.Op {
	m := map[string]x86asm.Op{}
	for i := 1; i < 5000; i++ {
		op := x86asm.Op(i)
		s := op.String()
		if !strings.HasPrefix(s, "Op(") {
			m[s] = op
		}
	}
	return m
})

func xreg(o operand, sz Size, l256 bool, r uint8) x86asm.Reg {
	if o.kind == kX || o.kind == kXM || o.kind == kXR || o.kind == kXV || o.kind == kXIs4 || o.kind == kX0 {
		if l256 {
			return x86asm.Y0 + x86asm.Reg(r)
		}
		return x86asm.X0 + x86asm.Reg(r)
	}
	w := int(o.width)
	if w == 0 {
		w = int(sz)
	}
	switch w {
	case 1:
		switch {
		case r < 4:
			return x86asm.AL + x86asm.Reg(r)
		case r < 8:
			return x86asm.SPB + x86asm.Reg(r-4)
		}
		return x86asm.R8B + x86asm.Reg(r-8)
	case 2:
		return x86asm.AX + x86asm.Reg(r)
	case 4:
		return x86asm.EAX + x86asm.Reg(r)
	}
	return x86asm.RAX + x86asm.Reg(r)
}

// expectedImmRange restates, independently of the encoder, which values an
// immediate operand accepts (Intel SDM vol. 2, "Instruction Operand
// Encoding"): a field as wide as the operand takes the signed or unsigned
// reading; a field the CPU sign-extends takes only the signed one.
func expectedImmRange(o operand, sz Size) (int64, int64) {
	switch {
	case o.kind == kImm && o.width == 1:
		return 0, math.MaxUint8
	case o.kind == kImm && o.width == 2:
		return 0, math.MaxUint16
	case o.kind == kImmS && o.width == 1:
		return math.MinInt8, math.MaxInt8
	case o.kind == kImmS && o.width == 4:
		return math.MinInt32, math.MaxInt32
	}
	// iz and iv
	switch sz {
	case Size8:
		return math.MinInt8, math.MaxUint8
	case Size16:
		return math.MinInt16, math.MaxUint16
	case Size32:
		return math.MinInt32, math.MaxUint32
	}
	if o.kind == kImmV {
		return math.MinInt64, math.MaxInt64
	}
	return math.MinInt32, math.MaxInt32
}

var immBoundaries = []int64{
	0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
	math.MaxInt32, math.MaxInt32 + 1, math.MinInt32, math.MinInt32 - 1, math.MaxUint32, 1 << 32,
	math.MaxInt64, math.MinInt64, 0x123456789a,
}

var dispBoundaries = []int32{0, 1, -1, 127, 128, -128, -129, math.MaxInt32, math.MinInt32}

// memModes enumerates addressing forms over every base and index register
// (rsp/r12 bases need a SIB, rbp/r13 need a displacement, r8-r15 need
// REX.B/X), all scales and the displacement boundaries.
func memModes() []Mem {
	var ms []Mem
	for b := RAX; b < numGPR; b++ {
		for _, d := range dispBoundaries {
			ms = append(ms, Addr(b, d))
		}
	}
	k := 0
	for b := RAX; b < numGPR; b++ {
		for i := RAX; i < numGPR; i++ {
			if i == RSP {
				continue
			}
			for _, s := range []uint8{1, 2, 4, 8} {
				ms = append(ms, AddrIndex(b, i, s, dispBoundaries[k%len(dispBoundaries)]))
				k++
			}
		}
	}
	for i := RAX; i < numGPR; i++ {
		if i != RSP {
			ms = append(ms, AddrScaled(i, 8, int32(i)*1000-5000))
		}
	}
	ms = append(ms, AddrAbs(0), AddrAbs(-8), AddrAbs(math.MaxInt32))
	ms = append(ms, AddrLabel(0, 0), AddrLabel(0, 8), AddrLabel(0, -4))
	return ms
}

var distinctSeed = maphash.MakeSeed()

// labelTarget is where test labels are placed (bytes from the start).
const labelTarget = 1 << 12

type checker struct {
	t        *testing.T
	distinct map[uint64]struct{} // hashes of the encodings seen
	cases    int
	errCases int
	failures int
}

// check encodes in and compares the decoding with what the row says.
func (c *checker) check(in *Inst, relDisp int64) {
	c.t.Helper()
	code, fieldOff, _, kind, err := Encode(nil, in)
	if err != nil {
		c.fail(in, nil, "unexpected error: %v", err)
		return
	}
	if fieldOff >= 0 {
		tgt := int64(labelTarget)
		if kind == Rel8 || Rows[in.Op].Enc == EncD {
			tgt = int64(fieldOff+kind.PatchSize()) + relDisp
		}
		kind.Patch(code[fieldOff:], int64(fieldOff), tgt)
	}
	d, err := x86asm.Decode(code, 64)
	if err != nil {
		c.fail(in, code, "x86asm cannot decode: %v", err)
		return
	}
	c.cases++
	if d.Len != len(code) {
		c.fail(in, code, "x86asm decodes %d bytes of %d (%s)", d.Len, len(code), x86asm.GNUSyntax(d, 0, nil))
		return
	}
	if why := prefixMinimal(in, code); why != "" {
		c.fail(in, code, "%s", why)
		return
	}
	c.distinct[maphash.Bytes(distinctSeed, code)] = struct{}{}
	if _, ok := allowedMismatch[in.Op]; ok {
		return
	}
	want, immW, why := c.expected(in, len(code), relDisp)
	if why != "" {
		c.fail(in, code, "%s", why)
		return
	}
	if d.Op != want.Op {
		c.fail(in, code, "op %v, want %v (%s)", d.Op, want.Op, x86asm.GNUSyntax(d, 0, nil))
		return
	}
	for i := range d.Args {
		got := d.Args[i]
		if m, ok := got.(x86asm.Mem); ok && in.VEX && m.Base == 0 && m.Index == 0 {
			// x86asm quirk: its AVX decoder (avx.go) reports the
			// RIP-relative form (mod=00, rm=101) as an absolute disp32.
			// objdump_test.go checks these encodings print as (%rip).
			if w, ok := want.Args[i].(x86asm.Mem); ok && w.Base == x86asm.RIP {
				m.Base = x86asm.RIP
				got = m
			}
		}
		if g, ok := got.(x86asm.Imm); ok && immW[i] > 0 {
			got = x86asm.Imm(truncImm(int64(g), immW[i]))
		}
		if !argEqual(got, want.Args[i]) {
			c.fail(in, code, "arg %d is %#v, want %#v (%s)", i, d.Args[i], want.Args[i], x86asm.GNUSyntax(d, 0, nil))
			return
		}
	}
}

func argEqual(got, want x86asm.Arg) bool {
	switch w := want.(type) {
	case x86asm.Mem:
		g, ok := got.(x86asm.Mem)
		if !ok {
			return false
		}
		if g.Index == 0 { // a scale without an index means nothing
			g.Scale = 0
		}
		if w.Index == 0 {
			w.Scale = 0
		}
		// x86asm quirk: it reports a disp32 zero-extended (0xffffff7f for
		// -129) while a disp8 is sign-extended; the CPU sign-extends both,
		// so compare the 32-bit field.
		g.Disp, w.Disp = int64(int32(g.Disp)), int64(int32(w.Disp))
		return g == w
	case x86asm.Imm:
		g, ok := got.(x86asm.Imm)
		return ok && g == w
	}
	return got == want
}

func (c *checker) expected(in *Inst, n int, relDisp int64) (x86asm.Inst, [6]int, string) {
	var immW [6]int
	row := &Rows[in.Op]
	name := row.Mnemonic(in.Size, in.CC)
	ops := in.operands()
	if in.VEX {
		name = "v" + name
	}
	var want x86asm.Inst
	uname := strings.ToUpper(name)
	if alias, ok := xarchNames[uname]; ok {
		uname = alias
	}
	op, ok := xarchOps()[uname]
	if !ok {
		return want, immW, fmt.Sprintf("x86asm has no op %q", uname)
	}
	want.Op = op
	ai := 0
	for i, o := range ops {
		var arg x86asm.Arg
		switch o.kind {
		case kCL:
			arg = x86asm.CL
		case kX0:
			arg = x86asm.X0
		default:
			a := in.Args[ai]
			ai++
			switch a.kind {
			case argGPR, argXMM:
				arg = xreg(o, in.Size, in.L256, a.reg)
			case argMem:
				arg = xmem(a.mem, n)
			case argImm:
				// Decoders differ on whether a field is shown signed or
				// unsigned (x86asm shows "add $0xff,%dl" but "add $-1,%edx"
				// for 83 /0); the bits of the field are what the encoder
				// controls, so immediates compare modulo the field width.
				w := immWidth(o, in.Size)
				arg = x86asm.Imm(truncImm(a.imm, w))
				immW[i] = w
			case argLabel:
				arg = x86asm.Rel(relDisp)
			}
		}
		want.Args[i] = arg
	}
	return want, immW, ""
}

func immWidth(o operand, sz Size) int {
	if o.width != 0 {
		return int(o.width)
	}
	if o.kind == kImmV {
		return int(sz)
	}
	return min(int(sz), 4)
}

func truncImm(v int64, w int) int64 {
	if w >= 8 {
		return v
	}
	return int64(uint64(v) & (1<<(8*w) - 1))
}

func xmem(m Mem, n int) x86asm.Mem {
	gp := func(r GPR) x86asm.Reg { return x86asm.RAX + x86asm.Reg(r) }
	switch m.kind {
	case memBase:
		return x86asm.Mem{Base: gp(m.base), Disp: int64(m.disp)}
	case memBaseIndex:
		return x86asm.Mem{Base: gp(m.base), Index: gp(m.index), Scale: m.scale, Disp: int64(m.disp)}
	case memIndex:
		return x86asm.Mem{Index: gp(m.index), Scale: m.scale, Disp: int64(m.disp)}
	case memAbs:
		return x86asm.Mem{Disp: int64(m.disp)}
	case memRIP:
		return x86asm.Mem{Base: x86asm.RIP, Disp: int64(labelTarget) + int64(m.disp) - int64(n)}
	}
	return x86asm.Mem{}
}

func (c *checker) fail(in *Inst, code []byte, format string, args ...any) {
	c.t.Helper()
	c.failures++
	if c.failures <= 40 {
		c.t.Errorf("%v [% x]: %s", in, code, fmt.Sprintf(format, args...))
	}
}

// vexForm is one encoding family of a row: legacy, VEX.128 or VEX.256.
type vexForm struct{ vex, l256 bool }

// variants returns the sizes and encoding families of a row.
func variants(row *Row) (sizes []Size, forms []vexForm) {
	if row.Sizes == 0 {
		sizes = []Size{0}
	} else {
		for s := Size8; s <= Size64; s <<= 1 {
			if row.Sizes.Has(s) {
				sizes = append(sizes, s)
			}
		}
	}
	if !row.VexOnly {
		forms = append(forms, vexForm{})
	}
	if row.Vex != VexNone {
		forms = append(forms, vexForm{vex: true})
	}
	if row.V256 {
		forms = append(forms, vexForm{vex: true, l256: true})
	}
	return
}

// explicitOps returns the operands the caller passes.
func explicitOps(row *Row, vex bool) []operand {
	ops := row.ops
	if vex {
		ops = row.vops
	}
	var out []operand
	for _, o := range ops {
		if o.kind != kCL && o.kind != kX0 {
			out = append(out, o)
		}
	}
	return out
}

// forEachInst calls fn with every generated (row, size, cc, vex, operands)
// case; inRange reports whether the immediates are encodable.
func forEachInst(fn func(in *Inst, inRange bool, relDisp int64)) {
	mems := memModes()
	for op := Op(0); op < NumOps; op++ {
		row := &Rows[op]
		sizes, forms := variants(row)
		ccs := []CC{0}
		if row.CC {
			ccs = nil
			for cc := CC(0); cc < numCC; cc++ {
				ccs = append(ccs, cc)
			}
		}
		for _, sz := range sizes {
			for _, form := range forms {
				vex := form.vex
				ops := explicitOps(row, vex)
				base := Inst{Op: op, Size: sz, VEX: vex, L256: form.l256, N: len(ops)}
				var regSlots, memSlots, immSlots, relSlots []int
				for i, o := range ops {
					switch o.kind {
					case kR, kO, kX, kXV, kXIs4, kXR:
						regSlots = append(regSlots, i)
					case kRM, kXM:
						regSlots = append(regSlots, i)
						memSlots = append(memSlots, i)
					case kM:
						memSlots = append(memSlots, i)
					case kImm, kImmS, kImmV:
						immSlots = append(immSlots, i)
					case kRel:
						relSlots = append(relSlots, i)
					}
				}
				set := func(in *Inst, slot int, r uint8) {
					switch ops[slot].kind {
					case kR, kO, kRM:
						in.Args[slot] = R(GPR(r))
					default:
						in.Args[slot] = X(XMM(r))
					}
				}
				fill := func(in *Inst, k int) {
					for j, s := range regSlots {
						set(in, s, uint8((k*(2*j+1)+5*j)%16))
					}
					for _, s := range memSlots {
						if ops[s].kind == kM {
							in.Args[s] = M(mems[k%len(mems)])
						}
					}
					for _, s := range immSlots {
						in.Args[s] = I(1)
					}
					for _, s := range relSlots {
						in.Args[s] = L(0)
					}
				}
				for _, cc := range ccs {
					// Registers: all pairs over the first two register
					// slots; the others cycle.
					n0 := 1
					if len(regSlots) > 0 {
						n0 = 16
					}
					n1 := 1
					if len(regSlots) > 1 {
						n1 = 16
					}
					for i := 0; i < n0; i++ {
						for j := 0; j < n1; j++ {
							in := base
							in.CC = cc
							fill(&in, i*16+j)
							if len(regSlots) > 0 {
								set(&in, regSlots[0], uint8(i))
							}
							if len(regSlots) > 1 {
								set(&in, regSlots[1], uint8(j))
							}
							fn(&in, true, 0)
						}
					}
					if row.CC && cc != 0 {
						continue // memory and immediate sweeps once per row
					}
					// Memory: every addressing mode in each memory slot.
					for _, s := range memSlots {
						for k, m := range mems {
							in := base
							in.CC = cc
							fill(&in, k)
							in.Args[s] = M(m)
							if vex && row.Vex == VexNDSReg {
								// vmovss/vmovsd loads: "x, m", no second source.
								in.Args[1], in.N = M(m), 2
							}
							fn(&in, true, 0)
						}
					}
					// Immediates: boundary values, in and out of range.
					for _, s := range immSlots {
						lo, hi := expectedImmRange(ops[s], sz)
						for k, v := range immBoundaries {
							in := base
							in.CC = cc
							fill(&in, k)
							in.Args[s] = I(v)
							fn(&in, v >= lo && v <= hi, 0)
						}
					}
					// Branch displacements at the rel8/rel32 limits.
					for _, s := range relSlots {
						ds := []int64{0, 1, -1, 127, -128, -2}
						if ops[s].width == 4 {
							ds = append(ds, 128, -129, 1<<20, -(1 << 20))
						}
						for _, d := range ds {
							in := base
							in.CC = cc
							fill(&in, 0)
							fn(&in, true, d)
						}
					}
				}
			}
		}
	}
}

// prefixMinimal checks what decoding cannot see: that a REX prefix appears
// exactly when something needs it (W, an extended register, or a byte
// register SPL..DIL), and that the 2-byte VEX form is used exactly when it
// can express the instruction (no VEX.X/B/W and the 0F map). The needs are
// computed from the Inst's operands, independently of the encoder.
func prefixMinimal(in *Inst, code []byte) string {
	row := &Rows[in.Op]
	w := row.W || row.Sizes != 0 && in.Size == Size64
	var ext, xb, byteReg bool
	ai := 0
	for _, o := range in.operands() {
		if o.kind == kCL || o.kind == kX0 {
			continue
		}
		a := in.Args[ai]
		ai++
		width := int(o.width)
		if width == 0 {
			width = int(in.Size)
		}
		switch a.kind {
		case argGPR, argXMM:
			if o.kind == kXV || o.kind == kXIs4 {
				continue // VEX.vvvv and is4 carry 4 bits themselves
			}
			if a.reg >= 8 {
				ext = true
				if o.kind == kRM || o.kind == kXM || o.kind == kXR || o.kind == kO {
					xb = true
				}
			}
			if a.kind == argGPR && width == 1 && a.reg >= 4 && a.reg < 8 {
				byteReg = true
			}
		case argMem:
			m := a.mem
			if (m.kind == memBase || m.kind == memBaseIndex) && m.base >= 8 ||
				(m.kind == memBaseIndex || m.kind == memIndex) && m.index >= 8 {
				ext, xb = true, true
			}
		}
	}
	i := 0
	for i < len(code) && (code[i] == 0xF0 || code[i] == 0x66 || code[i] == 0xF2 || code[i] == 0xF3) {
		i++
	}
	if in.VEX {
		mp := row.Map
		if row.VexMap != 0 {
			mp = row.VexMap
		}
		short := !xb && !w && mp == Map0F
		if got := code[i] == 0xC5; got != short {
			return fmt.Sprintf("VEX form %#x, 2-byte form possible: %v", code[i], short)
		}
		return ""
	}
	need := w || ext || byteReg
	if has := code[i]&0xF0 == 0x40; has != need {
		return fmt.Sprintf("REX present %v, needed %v", has, need)
	}
	return ""
}

// TestEncodeMatchesXArch is the table test: every row, every size, every
// condition code, legacy and VEX forms, all sixteen registers of each class
// in each register slot, every addressing form, immediate boundaries in and
// out of range, and branch displacements at their limits.
func TestEncodeMatchesXArch(t *testing.T) {
	c := &checker{t: t, distinct: map[uint64]struct{}{}}
	k := 0
	forEachInst(func(in *Inst, inRange bool, relDisp int64) {
		if k++; testing.Short() && k%7 != 0 {
			return // -short: a 1-in-7 sample
		}
		if !inRange {
			if _, _, _, _, err := Encode(nil, in); err == nil {
				c.fail(in, nil, "out-of-range immediate accepted")
			}
			c.errCases++
			return
		}
		c.check(in, relDisp)
	})
	t.Logf("%d rows; %d (form, operand) cases decoded and compared by x86asm (%d distinct encodings); %d out-of-range immediates rejected", NumOps, c.cases, len(c.distinct), c.errCases)
	if c.failures > 0 {
		t.Errorf("%d failures", c.failures)
	}
}

// TestTable checks the table itself.
func TestTable(t *testing.T) {
	if tableError != nil {
		t.Fatal(tableError)
	}
	if len(opNames) != len(Rows) {
		t.Fatalf("%d op names for %d rows", len(opNames), len(Rows))
	}
	for op := Op(0); op < NumOps; op++ {
		r := &Rows[op]
		if r.Name == "" || r.Map == 0 {
			t.Errorf("%v: empty row", op)
		}
		first := strings.Split(r.Name, "|")[0]
		if !strings.HasPrefix(strings.ToLower(op.String()), first) && !r.CC {
			t.Errorf("%v: name %q does not match the constant", op, r.Name)
		}
		if r.Sizes.Has(Size8) && r.Opc8 == 0 && r.Opc != 0x01 && op != AddMR {
			t.Errorf("%v: has Size8 but no byte opcode", op)
		}
	}
}

var _ = encoder.NoLabel
