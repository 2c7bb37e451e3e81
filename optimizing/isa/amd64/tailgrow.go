package amd64

import (
	"encoding/binary"

	"kiln/encoder"
	asm "kiln/encoder/amd64"
	"kiln/ir/vm"
)

// Tail calls that need more stack-argument space than the caller received.
//
// kiln's wasm convention (vm.ABI) is caller-pops: the caller reserves the
// outgoing area (max of the callee's stack parameters and stack results)
// and finds SP where it left it after the return. A tail call reuses the
// area its function received, so a callee needing a larger one cannot be
// entered by a plain jump: the area above our return address belongs to
// our caller's frame. Cranelift's `tail` convention solves this with
// callee-pops, which would change every call in both tiers and the
// runtime's trampolines. Instead a function whose tail calls need more
// room than its own signature guarantees grows its incoming area once in
// the prologue, below the original return address, and points the new
// return address at a per-function return shim that undoes the growth:
//
//	SP0+8   caller's area (params/results of our own signature)
//	SP0     original return address
//	SP0-8   SP0 (read back by the shim)
//	        the grown area: A bytes, our stack parameters copied in
//	SP1     shim address (SP1 = SP0 - A - 16: SP keeps its call alignment)
//
// Whoever finally returns (this function, or the last of a chain of tail
// calls, all of which share our result types) lands in the shim with SP =
// SP1+8 and any stack results at SP1+8+off; the shim copies those to
// SP0+8+off and returns from SP0, which is exactly the caller-pops
// contract our caller relies on.
//
// Growing on every entry would make mutual tail recursion (f grows and
// tail-calls g, g tail-calls f, ...) consume A+16 bytes per round trip, so
// the shim is self-describing: it starts with two 8-byte nops, the first
// with a magic displacement and the second with A as its displacement.
// A growing prologue first checks whether its return address is such a
// shim with an area of at least what it needs; then the area it was
// entered with is already large enough and it does not grow. Deep
// recursion therefore runs in constant stack whichever function grew
// first; nesting only happens when a later function needs a strictly
// larger area, so its depth is bounded by the number of distinct sizes.
//
// Reading 16 bytes at a return address is safe: every call is followed by
// more code in the same mapping (result moves, an epilogue, trap sites),
// and code is mapped readable. A false positive would need ordinary code
// after a call to begin with the magic nop, which no compiler emits.
//
// Only registers that are dead at both points are used: r10 and r11 are
// neither argument nor result registers in any convention here (r11 is
// the allocator's scratch; r10 carries an indirect tail call's target,
// consumed by the jump that entered us). Backtraces through a shim name
// the function that grew, since the shim is part of its code.

// tailGrowMagic is the displacement of the shim's first nop ("TLGW").
const tailGrowMagic = 0x57474c54

// nopDisp32 is `nopl disp32(%rax,%rax,1)` without its displacement.
var nopDisp32 = []byte{0x0f, 0x1f, 0x84, 0x00}

// tailGrow is the growth a function's prologue performs: area is the
// grown incoming area (a multiple of 16), params and results the stack
// bytes of the function's own signature.
type tailGrow struct {
	area, params, results int32
	shim                  encoder.Label
}

// shimHeader is the first 8 bytes of every shim, as one little-endian
// word for the prologue's compare.
func shimHeader() uint64 {
	var b [8]byte
	copy(b[:], nopDisp32)
	binary.LittleEndian.PutUint32(b[4:], tailGrowMagic)
	return binary.LittleEndian.Uint64(b[:])
}

// emitTailGrow is the start of the prologue (before push rbp: SP is
// SP0, the return address at [SP0]).
func (e *emitter) emitTailGrow() {
	g, a := e.grow, e.a
	g.shim = a.NewLabel()
	done := a.NewLabel()
	const ra, tmp = asm.R11, asm.R10
	e.fail(a.Load(asm.Size64, ra, asm.Addr(asm.RSP, 0)))
	e.fail(a.MovAbs(tmp, shimHeader()))
	e.fail(a.AluRM(asm.Cmp, asm.Size64, tmp, asm.Addr(ra, 0)))
	grow := a.NewLabel()
	e.fail(a.Jcc(asm.CondNE, grow))
	e.fail(a.AluMI(asm.Cmp, asm.Size32, asm.Addr(ra, 12), int64(g.area)))
	e.fail(a.Jcc(asm.CondAE, done))
	a.Bind(grow)
	if e.wasm != nil {
		// The growth writes below SP before the prologue's own stack
		// check, and the area may exceed vm.StackReserve: check it
		// first (the VM context is still in rdi).
		e.fail(a.Lea(asm.Size64, scratch, asm.Addr(asm.RSP, -(g.area+16))))
		e.fail(a.AluRM(asm.Cmp, asm.Size64, scratch, asm.Addr(asm.RDI, vm.VMStackLimit)))
		e.fail(a.Jcc(asm.CondB, e.trapStub(stubTrapEntry, vm.TrapStackOverflow)))
	}
	e.fail(a.MovRR(asm.Size64, ra, asm.RSP))
	e.fail(a.AluRI(asm.Sub, asm.Size64, asm.RSP, int64(g.area)+16))
	e.fail(a.Store(asm.Size64, asm.Addr(asm.RSP, 8+g.area), ra))
	for off := int32(0); off < g.params; off += 8 {
		e.fail(a.Load(asm.Size64, tmp, asm.Addr(ra, 8+off)))
		e.fail(a.Store(asm.Size64, asm.Addr(asm.RSP, 8+off), tmp))
	}
	e.fail(a.Lea(asm.Size64, tmp, asm.AddrLabel(g.shim, 0)))
	e.fail(a.Store(asm.Size64, asm.Addr(asm.RSP, 0), tmp))
	a.Bind(done)
}

// emitTailShim emits the return shim after the function's other
// out-of-line code. The result registers are live; r10 and r11 are not.
func (e *emitter) emitTailShim() {
	g, a := e.grow, e.a
	e.buf.SetSrcLoc(encoder.NoSrcLoc)
	a.Bind(g.shim)
	e.buf.PutBytes(nopDisp32)
	e.buf.Put4(tailGrowMagic)
	e.buf.PutBytes(nopDisp32)
	e.buf.Put4(uint32(g.area))
	const sp0, tmp = asm.R11, asm.R10
	e.fail(a.Load(asm.Size64, sp0, asm.Addr(asm.RSP, g.area)))
	for off := int32(0); off < g.results; off += 8 {
		e.fail(a.Load(asm.Size64, tmp, asm.Addr(asm.RSP, off)))
		e.fail(a.Store(asm.Size64, asm.Addr(sp0, 8+off), tmp))
	}
	e.fail(a.MovRR(asm.Size64, asm.RSP, sp0))
	e.fail(a.Ret())
}
