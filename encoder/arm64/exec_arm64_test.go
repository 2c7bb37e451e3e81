//go:build arm64 && linux

package arm64

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"
	"unsafe"
)

// Execution tests: the encoded code runs. They need an arm64 Linux host or
// qemu-user (TestQemu builds this package's tests for arm64 and runs them
// there). Each test builds a leaf function with Asm, maps it executable and
// calls it through a Go func value: under the Go internal ABI integer
// arguments and results are in X0-X15 and floating-point ones in D0-D15,
// and a leaf that keeps to X0-X17 and V0-V7 and does not touch SP is safe
// to call.

// jit maps code read+execute and returns its address. Linux makes the
// instruction cache coherent when it installs the executable mapping, so no
// explicit cache maintenance is needed here.
func jit(t *testing.T, code []byte) uintptr {
	t.Helper()
	size := (len(code) + 0xffff) &^ 0xffff
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	copy(mem, code)
	if err := syscall.Mprotect(mem, syscall.PROT_READ|syscall.PROT_EXEC); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	return uintptr(unsafe.Pointer(&mem[0]))
}

// build finishes a and maps the code.
func build(t *testing.T, a *Asm) uintptr {
	t.Helper()
	code, err := a.Buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return jit(t, code.Bytes)
}

// asFunc turns a code address into a Go func value of type F.
func asFunc[F any](fn uintptr) F {
	p := &fn // a func value points at a word holding the code address
	return *(*F)(unsafe.Pointer(&p))
}

func TestExecMovConst(t *testing.T) {
	rnd := rand.New(rand.NewPCG(31, 32))
	for i := 0; i < 3000; i++ {
		v := rnd.Uint64() >> (16 * rnd.IntN(4))
		if i%3 == 0 {
			v = ^v
		}
		if i%7 == 0 {
			b := allBitmasks[64]
			v = b[rnd.IntN(len(b))] ^ uint64(rnd.IntN(0x10000))<<(16*rnd.IntN(4))
		}
		for _, rd := range []Reg{X0, W0} {
			a := NewAsm()
			a.MovConst(rd, v)
			a.Emit(Ret(LR))
			got := asFunc[func() uint64](build(t, a))()
			want := v
			if !rd.Is64() {
				want &= 0xffffffff
			}
			if got != want {
				t.Fatalf("MovConst(%v, %#x) computes %#x", rd, v, got)
			}
		}
	}
}

// TestExecALU runs integer instructions on random inputs and compares
// with Go's arithmetic.
func TestExecALU(t *testing.T) {
	type op struct {
		name string
		emit func(a *Asm)
		ref  func(x, y uint64) uint64
		ok   func(x, y uint64) bool // inputs the instruction is defined for
	}
	ops := []op{
		{"add", func(a *Asm) { a.Emit(Add(X0, X0, X1)) }, func(x, y uint64) uint64 { return x + y }, nil},
		{"sub w", func(a *Asm) { a.Emit(Sub(W0, W0, W1)) }, func(x, y uint64) uint64 { return uint64(uint32(x) - uint32(y)) }, nil},
		{"add lsl", func(a *Asm) { a.Emit(AddShifted(X0, X0, X1, LSL, 7)) }, func(x, y uint64) uint64 { return x + y<<7 }, nil},
		{"sub asr", func(a *Asm) { a.Emit(SubShifted(X0, X0, X1, ASR, 63)) }, func(x, y uint64) uint64 { return x - uint64(int64(y)>>63) }, nil},
		{"add sxtw #2", func(a *Asm) { a.Emit(AddExt(X0, X0, W1, SXTW, 2)) }, func(x, y uint64) uint64 { return x + uint64(int64(int32(y)))<<2 }, nil},
		{"add imm", func(a *Asm) { a.Emit(AddImm(X0, X0, 0xabc000)) }, func(x, _ uint64) uint64 { return x + 0xabc000 }, nil},
		{"and imm", func(a *Asm) { a.Emit(AndImm(X0, X0, 0x00ff00ff00ff00ff)) }, func(x, _ uint64) uint64 { return x & 0x00ff00ff00ff00ff }, nil},
		{"eor ror", func(a *Asm) { a.Emit(EorShifted(X0, X0, X1, ROR, 13)) }, func(x, y uint64) uint64 { return x ^ bits.RotateLeft64(y, -13) }, nil},
		{"bic", func(a *Asm) { a.Emit(Bic(X0, X0, X1)) }, func(x, y uint64) uint64 { return x &^ y }, nil},
		{"orn w", func(a *Asm) { a.Emit(Orn(W0, W0, W1)) }, func(x, y uint64) uint64 { return uint64(uint32(x) | ^uint32(y)) }, nil},
		{"mul", func(a *Asm) { a.Emit(Mul(X0, X0, X1)) }, func(x, y uint64) uint64 { return x * y }, nil},
		{"madd", func(a *Asm) { a.Emit(Madd(X0, X0, X1, X0)) }, func(x, y uint64) uint64 { return x*y + x }, nil},
		{"msub", func(a *Asm) { a.Emit(Msub(X0, X0, X1, X1)) }, func(x, y uint64) uint64 { return y - x*y }, nil},
		{"smulh", func(a *Asm) { a.Emit(Smulh(X0, X0, X1)) }, func(x, y uint64) uint64 {
			hi, _ := bits.Mul64(x, y)
			if int64(x) < 0 {
				hi -= y
			}
			if int64(y) < 0 {
				hi -= x
			}
			return hi
		}, nil},
		{"umulh", func(a *Asm) { a.Emit(Umulh(X0, X0, X1)) }, func(x, y uint64) uint64 { hi, _ := bits.Mul64(x, y); return hi }, nil},
		{"smull", func(a *Asm) { a.Emit(Smull(X0, W0, W1)) }, func(x, y uint64) uint64 { return uint64(int64(int32(x)) * int64(int32(y))) }, nil},
		{"umaddl", func(a *Asm) { a.Emit(Umaddl(X0, W0, W1, X1)) }, func(x, y uint64) uint64 { return uint64(uint32(x))*uint64(uint32(y)) + y }, nil},
		{"udiv", func(a *Asm) { a.Emit(Udiv(X0, X0, X1)) }, func(x, y uint64) uint64 { return x / y }, func(_, y uint64) bool { return y != 0 }},
		{"sdiv w", func(a *Asm) { a.Emit(Sdiv(W0, W0, W1)) }, func(x, y uint64) uint64 { return uint64(uint32(int32(x) / int32(y))) },
			func(x, y uint64) bool { return int32(y) != 0 && !(int32(y) == -1 && int32(x) == math.MinInt32) }},
		{"lslv", func(a *Asm) { a.Emit(Lsl(X0, X0, X1)) }, func(x, y uint64) uint64 { return x << (y & 63) }, nil},
		{"asrv w", func(a *Asm) { a.Emit(Asr(W0, W0, W1)) }, func(x, y uint64) uint64 { return uint64(uint32(int32(x) >> (y & 31))) }, nil},
		{"rorv", func(a *Asm) { a.Emit(Ror(X0, X0, X1)) }, func(x, y uint64) uint64 { return bits.RotateLeft64(x, -int(y&63)) }, nil},
		{"lsl #13", func(a *Asm) { a.Emit(LslImm(X0, X0, 13)) }, func(x, _ uint64) uint64 { return x << 13 }, nil},
		{"asr #5 w", func(a *Asm) { a.Emit(AsrImm(W0, W0, 5)) }, func(x, _ uint64) uint64 { return uint64(uint32(int32(x) >> 5)) }, nil},
		{"ubfx", func(a *Asm) { a.Emit(Ubfx(X0, X0, 12, 20)) }, func(x, _ uint64) uint64 { return x >> 12 & (1<<20 - 1) }, nil},
		{"sbfx", func(a *Asm) { a.Emit(Sbfx(X0, X0, 3, 9)) }, func(x, _ uint64) uint64 { return uint64(int64(x<<52) >> 55) }, nil},
		{"bfi", func(a *Asm) { a.Emit(Bfi(X0, X1, 8, 16)) }, func(x, y uint64) uint64 { return x&^(0xffff<<8) | (y&0xffff)<<8 }, nil},
		{"bfxil", func(a *Asm) { a.Emit(Bfxil(X0, X1, 8, 16)) }, func(x, y uint64) uint64 { return x&^0xffff | y>>8&0xffff }, nil},
		{"ubfiz w", func(a *Asm) { a.Emit(Ubfiz(W0, W0, 4, 8)) }, func(x, _ uint64) uint64 { return (x & 0xff) << 4 }, nil},
		{"extr", func(a *Asm) { a.Emit(Extr(X0, X0, X1, 24)) }, func(x, y uint64) uint64 { return x<<40 | y>>24 }, nil},
		{"sxtb", func(a *Asm) { a.Emit(Sxtb(X0, W0)) }, func(x, _ uint64) uint64 { return uint64(int64(int8(x))) }, nil},
		{"sxtw", func(a *Asm) { a.Emit(Sxtw(X0, W0)) }, func(x, _ uint64) uint64 { return uint64(int64(int32(x))) }, nil},
		{"uxth", func(a *Asm) { a.Emit(Uxth(W0, W0)) }, func(x, _ uint64) uint64 { return x & 0xffff }, nil},
		{"clz", func(a *Asm) { a.Emit(Clz(X0, X0)) }, func(x, _ uint64) uint64 { return uint64(bits.LeadingZeros64(x)) }, nil},
		{"cls w", func(a *Asm) { a.Emit(Cls(W0, W0)) }, func(x, _ uint64) uint64 {
			w := uint32(x)
			if int32(w) < 0 {
				w = ^w
			}
			return uint64(bits.LeadingZeros32(w) - 1)
		}, nil},
		{"rbit", func(a *Asm) { a.Emit(Rbit(X0, X0)) }, func(x, _ uint64) uint64 { return bits.Reverse64(x) }, nil},
		{"rev", func(a *Asm) { a.Emit(Rev(X0, X0)) }, func(x, _ uint64) uint64 { return bits.ReverseBytes64(x) }, nil},
		{"rev16 w", func(a *Asm) { a.Emit(Rev16(W0, W0)) }, func(x, _ uint64) uint64 {
			w := uint32(x)
			return uint64(w>>8&0x00ff00ff | w<<8&0xff00ff00)
		}, nil},
		{"rev32", func(a *Asm) { a.Emit(Rev32(X0, X0)) }, func(x, _ uint64) uint64 {
			return uint64(bits.ReverseBytes32(uint32(x))) | uint64(bits.ReverseBytes32(uint32(x>>32)))<<32
		}, nil},
		{"cmp+csel lt", func(a *Asm) { a.Emit(Cmp(X0, X1)); a.Emit(Csel(X0, X0, X1, LT)) }, func(x, y uint64) uint64 { return uint64(min(int64(x), int64(y))) }, nil},
		{"cmp+cset lo", func(a *Asm) { a.Emit(Cmp(X0, X1)); a.Emit(Cset(X0, LO)) }, func(x, y uint64) uint64 { return b2u(x < y) }, nil},
		{"tst+csetm ne", func(a *Asm) { a.Emit(TstImm(X0, 0xf0)); a.Emit(Csetm(W0, NE)) }, func(x, _ uint64) uint64 { return b2u(x&0xf0 != 0) * 0xffffffff }, nil},
		{"cmp+ccmp+cset", func(a *Asm) {
			// x == 5 && y == 7
			a.Emit(CmpImm(X0, 5))
			a.Emit(CcmpImm(X1, 7, 0, EQ))
			a.Emit(Cset(X0, EQ))
		}, func(x, y uint64) uint64 { return b2u(x == 5 && y == 7) }, nil},
		{"cneg", func(a *Asm) { a.Emit(Cmp(X0, XZR)); a.Emit(Cneg(X0, X0, LT)) }, func(x, _ uint64) uint64 {
			if int64(x) < 0 {
				return -x
			}
			return x
		}, nil},
	}
	rnd := rand.New(rand.NewPCG(33, 34))
	inputs := [][2]uint64{{0, 0}, {5, 7}, {1, 1}, {math.MaxUint64, 1}, {1 << 63, math.MaxUint64}, {0x8000_0000, 0xffff_ffff}}
	for i := 0; i < 200; i++ {
		inputs = append(inputs, [2]uint64{rnd.Uint64() >> rnd.IntN(64), rnd.Uint64() >> rnd.IntN(64)})
	}
	runs := 0
	for _, o := range ops {
		a := NewAsm()
		o.emit(a)
		a.Emit(Ret(LR))
		f := asFunc[func(x, y uint64) uint64](build(t, a))
		for _, in := range inputs {
			x, y := in[0], in[1]
			if o.ok != nil && !o.ok(x, y) {
				continue
			}
			runs++
			if got, want := f(x, y), o.ref(x, y); got != want {
				t.Errorf("%s(%#x, %#x) = %#x, want %#x", o.name, x, y, got, want)
			}
		}
	}
	t.Logf("%d ops, %d executions", len(ops), runs)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// TestExecMemory exercises addressing modes and atomics on a Go buffer.
// The buffer is passed as an unsafe.Pointer so that it lives on the heap
// (a uintptr would let it stay on the goroutine stack, which moves).
func TestExecMemory(t *testing.T) {
	buf := make([]uint64, 64)
	reset := func() {
		for i := range buf {
			buf[i] = uint64(i) * 0x0101_0101_0101_0101
		}
		buf[60] = 0x8182_8384_8586_8788
	}
	run := func(emit func(a *Asm), x1 uint64) uint64 {
		a := NewAsm()
		emit(a)
		a.Emit(Ret(LR))
		return asFunc[func(x0 unsafe.Pointer, x1 uint64) uint64](build(t, a))(unsafe.Pointer(&buf[0]), x1)
	}
	for _, c := range []struct {
		name string
		emit func(a *Asm)
		x1   uint64
		want uint64
	}{
		{"ldr scaled", func(a *Asm) { a.Emit(Ldr(X0, Off(X0, 8*5))) }, 0, 5 * 0x0101_0101_0101_0101},
		{"ldur", func(a *Asm) { a.Emit(AddImm(X0, X0, 16)); a.Emit(Ldr(X0, Off(X0, -8))) }, 0, 0x0101_0101_0101_0101},
		{"ldr indexed lsl #3", func(a *Asm) { a.Emit(Ldr(X0, Indexed(X0, X1, UXTX, true))) }, 9, 9 * 0x0101_0101_0101_0101},
		{"ldrsb sxtw", func(a *Asm) { a.Emit(Ldrsb(X0, Indexed(X0, W1, SXTW, false))) }, 8 * 60, 0xffff_ffff_ffff_ff88},
		{"ldrsb negative index", func(a *Asm) { a.Emit(AddImm(X0, X0, 8*61)); a.Emit(Ldrsb(W0, Indexed(X0, W1, SXTW, false))) }, uint64(0xffff_ffff), 0xffff_ff81},
		{"ldrh", func(a *Asm) { a.Emit(Ldrh(W0, Off(X0, 8*3+2))) }, 0, 0x0303},
		{"ldrsw", func(a *Asm) { a.Emit(Ldrsw(X0, Off(X0, 8*60+4))) }, 0, 0xffff_ffff_8182_8384},
		{"str+ldr pre/post", func(a *Asm) {
			a.Emit(Str(X1, PreIndex(X0, 8*10))) // buf[10] = x1, x0 = &buf[10]
			a.Emit(Ldr(X2, PostIndex(X0, 8)))   // x2 = buf[10], x0 = &buf[11]
			a.Emit(Ldr(X3, Off(X0, 0)))         // x3 = buf[11]
			a.Emit(Add(X0, X2, X3))
		}, 0x1234, 0x1234 + 11*0x0101_0101_0101_0101},
		{"ldp/stp", func(a *Asm) {
			a.Emit(Ldp(X2, X3, Off(X0, 16)))
			a.Emit(Stp(X3, X2, Off(X0, 8*20)))
			a.Emit(Ldr(X0, Off(X0, 8*20)))
		}, 0, 3 * 0x0101_0101_0101_0101},
		{"ldaddal", func(a *Asm) { a.Emit(Atomic(AtomicAdd, Dword, AcqRel, X1, X2, X0)); a.Emit(Ldr(X0, Off(X0, 0))) }, 5, 5},
		{"swpa w", func(a *Asm) {
			a.Emit(AddImm(X0, X0, 8))
			a.Emit(Atomic(AtomicSwp, Word, Acquire, W1, W2, X0))
			a.Emit(Ldr(W3, Off(X0, 0)))
			a.Emit(Add(X0, X2, X3))
		}, 77, 0x0101_0101 + 77},
		{"ldsmax h", func(a *Asm) { a.Emit(Atomic(AtomicSmax, Half, Relaxed, W1, W2, X0)); a.Emit(Ldrh(W0, Off(X0, 0))) }, 0x8000, 0},
		{"casal hit", func(a *Asm) {
			a.Emit(Ldr(X3, Off(X0, 8)))
			a.Emit(AddImm(X0, X0, 8))
			a.Emit(Cas(Dword, AcqRel, X3, X1, X0))
			a.Emit(Ldr(X0, Off(X0, 0)))
		}, 99, 99},
		{"casb miss", func(a *Asm) {
			a.Emit(Movz(W3, 0x55, 0))
			a.Emit(Cas(Byte, Relaxed, W3, W1, X0))
			a.Emit(Add(X0, X3, XZR)) // old value
		}, 99, 0},
	} {
		reset()
		if got := run(c.emit, c.x1); got != c.want {
			t.Errorf("%s: %#x, want %#x", c.name, got, c.want)
		}
	}
	// A real LL/SC loop with a backward cbnz.
	reset()
	buf[0] = 41
	a := NewAsm()
	loop := a.NewLabel()
	a.Bind(loop)
	a.Emit(LoadExclusive(Dword, true, X2, X0))
	a.Emit(AddImm(X2, X2, 1))
	a.Emit(StoreExclusive(Dword, true, W3, X2, X0))
	a.Cbnz(W3, loop)
	a.Emit(LoadAcquire(Dword, X0, X0))
	a.Emit(Ret(LR))
	if got := asFunc[func(x0 unsafe.Pointer) uint64](build(t, a))(unsafe.Pointer(&buf[0])); got != 42 || buf[0] != 42 {
		t.Errorf("ll/sc increment: returned %d, memory %d, want 42", got, buf[0])
	}
	runtime.KeepAlive(buf)
}

// TestExecFloat runs scalar floating point against Go.
func TestExecFloat(t *testing.T) {
	d0, d1, d2 := DReg(0), DReg(1), DReg(2)
	for _, c := range []struct {
		name string
		emit func(a *Asm)
		ref  func(x, y float64) float64
	}{
		{"fadd", func(a *Asm) { a.Emit(FAdd(d0, d0, d1)) }, func(x, y float64) float64 { return x + y }},
		{"fdiv", func(a *Asm) { a.Emit(FDiv(d0, d0, d1)) }, func(x, y float64) float64 { return x / y }},
		{"fmadd", func(a *Asm) { a.Emit(FMadd(d0, d0, d1, d1)) }, func(x, y float64) float64 { return math.FMA(x, y, y) }},
		{"fsqrt", func(a *Asm) { a.Emit(FAbs(d0, d0)); a.Emit(FSqrt(d0, d0)) }, func(x, _ float64) float64 { return math.Sqrt(math.Abs(x)) }},
		{"frintn", func(a *Asm) { a.Emit(FRintn(d0, d0)) }, func(x, _ float64) float64 { return math.RoundToEven(x) }},
		{"frintm", func(a *Asm) { a.Emit(FRintm(d0, d0)) }, func(x, _ float64) float64 { return math.Floor(x) }},
		{"fneg", func(a *Asm) { a.Emit(FNeg(d0, d0)) }, func(x, _ float64) float64 { return -x }},
		{"fmov #-0.125 + fmul", func(a *Asm) { a.Emit(FMovImm(d2, -0.125)); a.Emit(FMul(d0, d0, d2)) }, func(x, _ float64) float64 { return x * -0.125 }},
		{"fcvt round trip s", func(a *Asm) { a.Emit(FCvt(SReg(0), d0)); a.Emit(FCvt(d0, SReg(0))) }, func(x, _ float64) float64 { return float64(float32(x)) }},
		{"fcvtzs+scvtf", func(a *Asm) { a.Emit(FCvtzs(X0, d0)); a.Emit(Scvtf(d0, X0)) }, func(x, _ float64) float64 { return float64(int64(x)) }},
		{"fcmp+fcsel", func(a *Asm) { a.Emit(FCmp(d0, d1)); a.Emit(FCsel(d0, d0, d1, GT)) }, func(x, y float64) float64 {
			if x > y {
				return x
			}
			return y
		}},
		{"fmov via x", func(a *Asm) { a.Emit(FMovToGP(X0, d1)); a.Emit(FMovFromGP(d0, X0)) }, func(_, y float64) float64 { return y }},
		{"literal pool", func(a *Asm) { a.LoadConstF(d0, math.Pi) }, func(float64, float64) float64 { return math.Pi }},
	} {
		a := NewAsm()
		c.emit(a)
		a.Emit(Ret(LR))
		f := asFunc[func(x, y float64) float64](build(t, a))
		for _, in := range [][2]float64{{1.5, 2.25}, {-3.75, 0.5}, {1e300, 3}, {2.5, -1e-3}, {123456.789, 1}} {
			if got, want := f(in[0], in[1]), c.ref(in[0], in[1]); got != want {
				t.Errorf("%s(%g, %g) = %g, want %g", c.name, in[0], in[1], got, want)
			}
		}
	}
}

// TestExecVector runs a few SIMD instructions on 16-byte vectors in memory.
func TestExecVector(t *testing.T) {
	var in, in2, out [16]byte
	for i := range in {
		in[i] = byte(i*37 + 3)
		in2[i] = byte(200 - i*11)
	}
	v0, v1, v2 := V(0), V(1), V(2)
	q0, q1 := QReg(0), QReg(1)
	for _, c := range []struct {
		name string
		emit func(a *Asm)
		ref  func(x, y [16]byte) [16]byte
	}{
		{"add 16b", func(a *Asm) { a.Emit(VAdd(A16B, v0, v0, v1)) }, func(x, y [16]byte) (r [16]byte) {
			for i := range r {
				r[i] = x[i] + y[i]
			}
			return
		}},
		{"uqsub 16b", func(a *Asm) { a.Emit(VUqsub(A16B, v0, v0, v1)) }, func(x, y [16]byte) (r [16]byte) {
			for i := range r {
				if x[i] > y[i] {
					r[i] = x[i] - y[i]
				}
			}
			return
		}},
		{"umax 16b", func(a *Asm) { a.Emit(VUmax(A16B, v0, v0, v1)) }, func(x, y [16]byte) (r [16]byte) {
			for i := range r {
				r[i] = max(x[i], y[i])
			}
			return
		}},
		{"cmhi + bsl", func(a *Asm) {
			a.Emit(VCmhi(A16B, v2, v0, v1)) // v2 = x > y
			a.Emit(VBsl(A16B, v2, v1, v0))  // v2 ? y : x  => min
			a.Emit(VMov(A16B, v0, v2))
		}, func(x, y [16]byte) (r [16]byte) {
			for i := range r {
				r[i] = min(x[i], y[i])
			}
			return
		}},
		{"tbl", func(a *Asm) {
			a.Emit(VMovi(A16B, v2, 15, 0))
			a.Emit(VEor(A16B, v1, v1, v1))
			a.Emit(VTbl(A16B, v0, v0, 1, v2))
		}, func(x, _ [16]byte) (r [16]byte) {
			for i := range r {
				r[i] = x[15]
			}
			return
		}},
		{"ext #3", func(a *Asm) { a.Emit(VExt(A16B, v0, v0, v1, 3)) }, func(x, y [16]byte) (r [16]byte) {
			cat := append(x[:], y[:]...)
			copy(r[:], cat[3:19])
			return
		}},
		{"ushr 8h #3", func(a *Asm) { a.Emit(VUshr(A8H, v0, v0, 3)) }, func(x, _ [16]byte) (r [16]byte) {
			for i := 0; i < 16; i += 2 {
				h := (uint16(x[i]) | uint16(x[i+1])<<8) >> 3
				r[i], r[i+1] = byte(h), byte(h>>8)
			}
			return
		}},
		{"dup+ins", func(a *Asm) {
			a.Emit(VUmov(W3, v1, A4S, 2))
			a.Emit(VDupGP(A4S, v0, W3))
			a.Emit(VInsElem(A16B, v0, 0, v1, 15))
		}, func(_, y [16]byte) (r [16]byte) {
			for i := 0; i < 16; i += 4 {
				copy(r[i:i+4], y[8:12])
			}
			r[0] = y[15]
			return
		}},
		{"addv to lane 0", func(a *Asm) {
			a.Emit(VAddv(A16B, v0, v0))
			a.Emit(VUmov(W3, v0, A16B, 0))
			a.Emit(VEor(A16B, v0, v0, v0))
			a.Emit(VInsGP(A16B, v0, 5, W3))
		}, func(x, _ [16]byte) (r [16]byte) {
			var s byte
			for _, b := range x {
				s += b
			}
			r[5] = s
			return
		}},
	} {
		a := NewAsm()
		a.Emit(LdrF(q0, Off(X0, 0)))
		a.Emit(LdrF(q1, Off(X1, 0)))
		c.emit(a)
		a.Emit(StrF(q0, Off(X2, 0)))
		a.Emit(Ret(LR))
		f := asFunc[func(x, y, z unsafe.Pointer)](build(t, a))
		f(unsafe.Pointer(&in), unsafe.Pointer(&in2), unsafe.Pointer(&out))
		if want := c.ref(in, in2); out != want {
			t.Errorf("%s: %x, want %x", c.name, out, want)
		}
	}
}

// TestExecVeneers runs branches whose labels are out of their direct
// range, so they go through veneers, and a constant load whose pool is an
// island more than 1 MiB into the function.
func TestExecVeneers(t *testing.T) {
	a := NewAsm()
	odd, far := a.NewLabel(), a.NewLabel()
	a.LoadConst64(X5, 0x1122_3344_5566_7788)
	a.Tbnz(X0, 0, odd)  // ±32 KiB: veneered
	a.Cbz(X0, far)      // ±1 MiB: veneered
	a.MovConst(X0, 100) // even, nonzero
	a.Emit(Add(X0, X0, X5))
	a.Emit(Ret(LR))
	for a.Buf.Len() < 1<<20+4096 {
		a.Emit(Udf(1), nil) // never executed
	}
	a.Bind(odd)
	a.MovConst(X0, 1)
	a.Emit(Ret(LR))
	for a.Buf.Len() < 1<<21 {
		a.Emit(Udf(2), nil)
	}
	a.Bind(far)
	a.MovConst(X0, 0)
	a.Emit(Sub(X0, X0, X5))
	a.Emit(Ret(LR))
	f := asFunc[func(x uint64) uint64](build(t, a))
	if got := f(3); got != 1 {
		t.Errorf("odd: %d, want 1", got)
	}
	k := uint64(0x1122_3344_5566_7788)
	if got := f(0); got != -k {
		t.Errorf("zero: %#x", got)
	}
	if got := f(2); got != 100+0x1122_3344_5566_7788 {
		t.Errorf("even: %#x", got)
	}
}
