package amd64

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"kiln/encoder"
)

// TestFastPathMatchesEncode runs every request of the exhaustive x86asm
// sweep (forEachInst: all rows, sizes, condition codes, register pairs,
// addressing forms and immediate boundaries), and each of them with every
// operand replaced by a wrong or invalid one, through the fast path. Where
// the fast path accepts a request, the general encoder must accept it too
// and produce the same bytes; the fast path may decline anything.
func TestFastPathMatchesEncode(t *testing.T) {
	buf := encoder.NewBuffer(BufferISA)
	a := New(buf)
	wrong := []Arg{
		{}, R(RAX), R(RSP), R(RDI), R(R12), R(16), X(X7), X(X13), X(16), I(1), I(300), L(0),
		M(Mem{}), M(Addr(16, 0)), M(AddrIndex(RAX, RSP, 1, 0)), M(AddrIndex(RAX, RCX, 3, 0)),
		M(AddrIndex(R13, 16, 2, 0)), M(AddrScaled(RCX, 4, 8)), M(AddrAbs(8)), M(AddrLabel(0, 4)),
	}
	var cases, accepted, mutants, mutantsAccepted int
	try := func(in *Inst) bool {
		if buf.Len() > 1<<20 {
			buf.Reset()
		}
		start := buf.Len()
		if in.VEX || in.Lock || in.L256 || !a.fast(in.Op, in.Size, in.CC, in.Args[:in.N]) {
			if buf.Len() != start {
				t.Fatalf("%v: declined but wrote %x", in, buf.Bytes()[start:])
			}
			return false
		}
		got := buf.Bytes()[start:]
		want, field, _, _, err := Encode(nil, in)
		if err != nil {
			t.Errorf("%v: fast path encoded %x, general path rejects it: %v", in, got, err)
		} else if !bytes.Equal(got, want) || field >= 0 {
			t.Errorf("%v: fast path %x, general path %x (label field %d)", in, got, want, field)
		}
		return true
	}
	k := 0
	forEachInst(func(in *Inst, inRange bool, relDisp int64) {
		cases++
		if try(in) {
			accepted++
		}
		if k++; k%5 != 0 || in.VEX || in.Lock {
			return
		}
		for i := 0; i <= in.N && i < len(in.Args); i++ {
			for _, w := range wrong {
				m := *in
				m.Args[i] = w
				if i == in.N {
					m.N++ // an extra operand
				}
				mutants++
				if try(&m) {
					mutantsAccepted++
				}
			}
		}
	})
	t.Logf("%d requests, %d taken by the fast path; %d mutated requests, %d taken", cases, accepted, mutants, mutantsAccepted)
	if accepted < 100000 {
		t.Errorf("the fast path took only %d requests: the test is not exercising it", accepted)
	}
}

// TestFastPathMatchesGeneral calls each typed Assembler method with the
// fast paths on and off over all registers (and two invalid ones), sizes,
// condition codes, addressing forms and immediate boundaries, and requires
// the same bytes, fixups and errors.
func TestFastPathMatchesGeneral(t *testing.T) {
	type operands struct {
		sz     Size
		cc     CC
		r0, r1 GPR
		m      Mem
		imm    int64
		l      encoder.Label
	}
	methods := []struct {
		name string
		// shape: which operands vary (r: r0, R: r0 and r1, m: memory, i: immediate, c: condition, l: label)
		shape string
		call  func(a *Assembler, o operands) error
	}{
		{"AluRR", "R", func(a *Assembler, o operands) error { return a.AluRR(AluOp(o.imm&7), o.sz, o.r0, o.r1) }},
		{"AluRM", "rm", func(a *Assembler, o operands) error { return a.AluRM(Cmp, o.sz, o.r0, o.m) }},
		{"AluMR", "rm", func(a *Assembler, o operands) error { return a.AluMR(Add, o.sz, o.m, o.r0) }},
		{"AluRI", "ri", func(a *Assembler, o operands) error { return a.AluRI(Sub, o.sz, o.r0, o.imm) }},
		{"AluRI/and", "ri", func(a *Assembler, o operands) error { return a.AluRI(And, o.sz, o.r0, o.imm) }},
		{"AluMI", "mi", func(a *Assembler, o operands) error { return a.AluMI(Cmp, o.sz, o.m, o.imm) }},
		{"AluRR/bad", "R", func(a *Assembler, o operands) error { return a.AluRR(AluOp(9), o.sz, o.r0, o.r1) }},
		{"TestRR", "R", func(a *Assembler, o operands) error { return a.TestRR(o.sz, o.r0, o.r1) }},
		{"TestRI", "ri", func(a *Assembler, o operands) error { return a.TestRI(o.sz, o.r0, o.imm) }},
		{"TestMI", "mi", func(a *Assembler, o operands) error { return a.TestMI(o.sz, o.m, o.imm) }},
		{"UnaryR", "ri", func(a *Assembler, o operands) error { return a.UnaryR(UnaryOp(o.imm&7), o.sz, o.r0) }},
		{"ShiftRI", "ri", func(a *Assembler, o operands) error { return a.ShiftRI(Shl, o.sz, o.r0, uint8(o.imm)) }},
		{"ShiftRCL", "r", func(a *Assembler, o operands) error { return a.ShiftRCL(Sar, o.sz, o.r0) }},
		{"ImulRR", "R", func(a *Assembler, o operands) error { return a.ImulRR(o.sz, o.r0, o.r1) }},
		{"ImulRRI", "Ri", func(a *Assembler, o operands) error { return a.ImulRRI(o.sz, o.r0, o.r1, o.imm) }},
		{"MovRR", "R", func(a *Assembler, o operands) error { return a.MovRR(o.sz, o.r0, o.r1) }},
		{"Load", "rm", func(a *Assembler, o operands) error { return a.Load(o.sz, o.r0, o.m) }},
		{"Store", "rm", func(a *Assembler, o operands) error { return a.Store(o.sz, o.m, o.r0) }},
		{"StoreImm", "mi", func(a *Assembler, o operands) error { return a.StoreImm(o.sz, o.m, o.imm) }},
		{"MovRI", "ri", func(a *Assembler, o operands) error { return a.MovRI(o.sz, o.r0, o.imm) }},
		{"MovAbs", "ri", func(a *Assembler, o operands) error { return a.MovAbs(o.r0, uint64(o.imm)) }},
		{"MovZX", "R", func(a *Assembler, o operands) error { return a.MovZX(o.sz, Size8, o.r0, o.r1) }},
		{"MovZX16", "R", func(a *Assembler, o operands) error { return a.MovZX(o.sz, Size16, o.r0, o.r1) }},
		{"MovSX32", "R", func(a *Assembler, o operands) error { return a.MovSX(o.sz, Size32, o.r0, o.r1) }},
		{"MovZXLoad", "rm", func(a *Assembler, o operands) error { return a.MovZXLoad(o.sz, Size8, o.r0, o.m) }},
		{"MovSXLoad", "rm", func(a *Assembler, o operands) error { return a.MovSXLoad(o.sz, Size16, o.r0, o.m) }},
		{"MovZXLoad32", "rm", func(a *Assembler, o operands) error { return a.MovZXLoad(o.sz, Size32, o.r0, o.m) }},
		{"Lea", "rm", func(a *Assembler, o operands) error { return a.Lea(o.sz, o.r0, o.m) }},
		{"Setcc", "rc", func(a *Assembler, o operands) error { return a.Setcc(o.cc, o.r0) }},
		{"SetccM", "mc", func(a *Assembler, o operands) error { return a.SetccM(o.cc, o.m) }},
		{"Cmov", "Rc", func(a *Assembler, o operands) error { return a.Cmov(o.cc, o.sz, o.r0, o.r1) }},
		{"CmovM", "rmc", func(a *Assembler, o operands) error { return a.CmovM(o.cc, o.sz, o.r0, o.m) }},
		{"BitRR", "R", func(a *Assembler, o operands) error { return a.BitRR(BitTzcnt, o.sz, o.r0, o.r1) }},
		{"Push", "r", func(a *Assembler, o operands) error { return a.Push(o.r0) }},
		{"Pop", "r", func(a *Assembler, o operands) error { return a.Pop(o.r0) }},
		{"CallR", "r", func(a *Assembler, o operands) error { return a.CallR(o.r0) }},
		{"JmpMem", "m", func(a *Assembler, o operands) error { return a.JmpMem(o.m) }},
		{"Ret", "", func(a *Assembler, o operands) error { return a.Ret() }},
		{"Sse", "R", func(a *Assembler, o operands) error { return a.Sse(Addsd, XMM(o.r0), XMM(o.r1)) }},
		{"Sse/movaps", "R", func(a *Assembler, o operands) error { return a.Sse(Movaps, XMM(o.r0), XMM(o.r1)) }},
		{"Sse/store row", "R", func(a *Assembler, o operands) error { return a.Sse(MovsdSt, XMM(o.r0), XMM(o.r1)) }},
		{"SseM", "rm", func(a *Assembler, o operands) error { return a.SseM(Movss, XMM(o.r0), o.m) }},
		{"SseStore", "rm", func(a *Assembler, o operands) error { return a.SseStore(MovsdSt, o.m, XMM(o.r0)) }},
		{"SseFromGPR", "R", func(a *Assembler, o operands) error { return a.SseFromGPR(Cvtsi2sd, o.sz, XMM(o.r0), o.r1) }},
		{"SseToGPR", "R", func(a *Assembler, o operands) error { return a.SseToGPR(Cvttsd2si, o.sz, o.r0, XMM(o.r1)) }},
		{"SseI", "Ri", func(a *Assembler, o operands) error { return a.SseI(Roundsd, XMM(o.r0), XMM(o.r1), uint8(o.imm)) }},
		{"Jcc", "cl", func(a *Assembler, o operands) error { return a.Jcc(o.cc, o.l) }},
		{"JccShort", "cl", func(a *Assembler, o operands) error { return a.JccShort(o.cc, o.l) }},
		{"Jmp", "l", func(a *Assembler, o operands) error { return a.Jmp(o.l) }},
		{"JmpShort", "l", func(a *Assembler, o operands) error { return a.JmpShort(o.l) }},
		{"Call", "l", func(a *Assembler, o operands) error { return a.Call(o.l) }},
	}
	has := func(shape string, c byte) bool { return bytes.IndexByte([]byte(shape), c) >= 0 }
	regs := make([]GPR, 0, 18)
	for r := GPR(0); r <= numGPR+1; r++ {
		regs = append(regs, r)
	}
	mems := append(memModes(), Mem{}, Addr(16, 0), AddrIndex(RAX, RSP, 2, 0), AddrIndex(RAX, RCX, 3, 8), AddrIndex(16, RCX, 1, 0))
	sizes := []Size{Size8, Size16, Size32, Size64, 0, 3}
	imms := append(immBoundaries, 5, 8, 31, 63, 64)
	ccs := []CC{CondE, CondNE, CondL, CondA, numCC - 1, numCC}

	// run emits one request into a fresh buffer: a label the branch
	// methods refer to is bound either before (backward, maybe short) or
	// after (forward) some padding, or never (an invalid label number).
	run := func(general bool, call func(*Assembler, operands) error, o operands, labelMode int) (code []byte, err, ferr error) {
		buf := encoder.NewBuffer(BufferISA)
		a := New(buf)
		a.general = general
		l := buf.NewLabel()
		if labelMode == 0 {
			buf.Bind(l)
			a.Nop(int(o.imm & 0xff))
		}
		if labelMode == 2 {
			l = 99
		}
		o.l = l
		err = call(a, o)
		if labelMode == 1 {
			a.Nop(int(o.imm & 0xff))
			buf.Bind(l)
		}
		c, ferr := buf.Finish()
		if c != nil {
			code = c.Bytes
		}
		return code, err, ferr
	}
	errText := func(err error) string {
		if err == nil {
			return "<nil>"
		}
		return err.Error()
	}
	total := 0
	for _, m := range methods {
		var cases []operands
		add := func(o operands) { cases = append(cases, o) }
		szs := []Size{Size32}
		if has(m.shape, 'r') || has(m.shape, 'R') || has(m.shape, 'm') || has(m.shape, 'i') {
			szs = sizes
		}
		for _, sz := range szs {
			o := operands{sz: sz, r0: RDX, r1: R9, m: Addr(RBP, -16), imm: 1}
			switch {
			case has(m.shape, 'R'):
				for _, r0 := range regs {
					for _, r1 := range regs {
						o.r0, o.r1 = r0, r1
						if has(m.shape, 'i') {
							for _, v := range imms {
								o.imm = v
								add(o)
							}
							continue
						}
						if has(m.shape, 'c') {
							for _, cc := range ccs {
								o.cc = cc
								add(o)
							}
							continue
						}
						for _, v := range []int64{0, 1, 2, 3, 4, 5, 6, 7} { // AluOp for AluRR
							o.imm = v
							add(o)
						}
					}
				}
			case has(m.shape, 'm'):
				for i, mem := range mems {
					o.m = mem
					o.r0 = regs[i%len(regs)]
					if has(m.shape, 'i') {
						for _, v := range imms {
							o.imm = v
							add(o)
						}
						continue
					}
					if has(m.shape, 'c') {
						o.cc = ccs[i%len(ccs)]
					}
					add(o)
					if has(m.shape, 'r') && i%4 == 0 {
						for _, r := range regs {
							o.r0 = r
							add(o)
						}
					}
				}
			case has(m.shape, 'r'):
				for _, r := range regs {
					o.r0 = r
					if has(m.shape, 'i') {
						for _, v := range imms {
							o.imm = v
							add(o)
						}
						continue
					}
					for _, cc := range ccs {
						o.cc = cc
						add(o)
					}
				}
			case has(m.shape, 'l'):
				for _, cc := range ccs {
					for _, pad := range []int64{0, 100, 125, 126, 200} {
						o.cc, o.imm = cc, pad
						add(o)
					}
				}
			default:
				add(o)
			}
		}
		labelModes := []int{0}
		if has(m.shape, 'l') {
			labelModes = []int{0, 1, 2}
		}
		for _, o := range cases {
			for _, lm := range labelModes {
				total++
				fc, ferr, ffin := run(false, m.call, o, lm)
				gc, gerr, gfin := run(true, m.call, o, lm)
				if !bytes.Equal(fc, gc) || errText(ferr) != errText(gerr) || errText(ffin) != errText(gfin) {
					t.Errorf("%s %+v label mode %d:\n fast:    %x, %v, finish %v\n general: %x, %v, finish %v",
						m.name, o, lm, fc, ferr, ffin, gc, gerr, gfin)
					if t.Failed() && total > 20 {
						t.FailNow()
					}
				}
			}
		}
	}
	t.Logf("%d method calls compared", total)
}

// TestBranchSites: a branch site patched to a target encodes like the
// labelled rel32 branch to a label bound there; bad requests are errors.
func TestBranchSites(t *testing.T) {
	for _, pad := range []int{0, 1, 100, 130, 70000} {
		for cc := CC(0); cc < numCC; cc++ {
			// The same code twice: branches to a label bound after the
			// padding, and sites patched to the same place. A nop keeps
			// the jmp from being threaded into the jcc.
			labels := encoder.NewBuffer(BufferISA)
			al := New(labels)
			l := labels.NewLabel()
			al.Jcc(cc, l)
			al.Nop(1)
			al.Jmp(l)
			al.Call(l)
			al.Nop(pad)
			sites := encoder.NewBuffer(BufferISA)
			as := New(sites)
			j, err1 := as.JccSite(cc)
			as.Nop(1)
			k, err2 := as.JmpSite()
			c, err3 := as.CallSite()
			as.Nop(pad)
			target := sites.Len()
			for _, f := range []int{j, k, c} {
				if err := as.PatchRel32(f, target); err != nil {
					t.Fatal(err)
				}
			}
			labels.Bind(l)
			want := finish(t, labels)
			got := finish(t, sites)
			if err1 != nil || err2 != nil || err3 != nil || !bytes.Equal(got, want) {
				t.Fatalf("cc %v pad %d: sites %x (%v %v %v), labels %x", cc, pad, got, err1, err2, err3, want)
			}
		}
	}
	buf := encoder.NewBuffer(BufferISA)
	a := New(buf)
	if _, err := a.JccSite(numCC); err == nil {
		t.Error("JccSite with an invalid condition: no error")
	}
	f, _ := a.JmpSite()
	if err := a.PatchRel32(f+2, 0); err == nil {
		t.Error("PatchRel32 of a field past the code: no error")
	}
	if err := a.PatchRel32(f, 100); err == nil {
		t.Error("PatchRel32 to a target past the code: no error")
	}
}

// BenchmarkEmitFastVsGeneral compares the typed methods' throughput with
// and without the fast paths on the mix the baseline tier emits most.
func BenchmarkEmitFastVsGeneral(b *testing.B) {
	for _, general := range []bool{false, true} {
		b.Run(fmt.Sprintf("general=%v", general), func(b *testing.B) {
			buf := encoder.NewBuffer(BufferISA)
			a := New(buf)
			a.general = general
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				if buf.Len() > 1<<20 {
					buf.Reset()
				}
				l := buf.NewLabel()
				a.Load(Size64, RAX, Addr(RBP, -24))
				a.Store(Size32, Addr(RBP, -32), R10)
				a.MovRR(Size64, RDI, R15)
				a.Lea(Size64, R11, Addr(RCX, 8))
				a.AluRM(Cmp, Size64, R11, Addr(R15, 0x40))
				a.Jcc(CondA, l)
				a.Load(Size32, RDX, AddrIndex(RBX, RCX, 1, 4))
				a.AluRI(Add, Size32, RDX, math.MaxInt8)
				a.StoreImm(Size64, Addr(RBP, -40), 0)
				a.Call(l)
				buf.Bind(l)
				n += 10
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "inst/s")
		})
	}
}
