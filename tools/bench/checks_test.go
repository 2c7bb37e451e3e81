package bench

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"kiln/baseline"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/optimizing/compile"
)

// What the compiled tiers' loop checks cost (issue 8). Every loop back
// edge and function entry carries two checks: the preemption check (cmp
// [g+16], stackPreempt; je exit), which keeps the Go GC's stop-the-world
// latency bounded and cannot be turned off, and the interrupt-flag check
// (context cancellation), which the runtime always asks for. To measure
// them, the benchmark wraps a tier's vm.Compiler: "nointerrupt" compiles
// with CompileOptions.Interruptible off, "nochecks" also overwrites every
// preemption check in the artifact with NOPs of the same length. The
// NOP-ed code is only for measuring: a long call on it stalls every GC.

// uncheckedCompiler compiles with the inner tier and drops checks.
type uncheckedCompiler struct {
	inner   vm.Compiler
	preempt bool          // keep the preemption checks
	removed *atomic.Int64 // preemption checks overwritten so far
}

func (c uncheckedCompiler) Name() string { return c.inner.Name() }

func (c uncheckedCompiler) Compile(ctx context.Context, m *wasm.Module, opts vm.CompileOptions) (*vm.Artifact, error) {
	opts.Interruptible = false
	art, err := c.inner.Compile(ctx, m, opts)
	if err != nil || c.preempt {
		return art, err
	}
	n, err := nopPreemptChecks(art)
	c.removed.Add(int64(n))
	return art, err
}

// preemptCmp is `cmp qword [r14+16], -1314`, the amd64 encoding both
// tiers emit for the preemption check; a je (rel8 or rel32) follows.
var preemptCmp = func() []byte {
	v := vm.StackPreemptImm32 // a variable: the constant is negative
	imm := uint32(v)
	return []byte{0x49, 0x81, 0x7e, vm.GStackGuard0Offset, byte(imm), byte(imm >> 8), byte(imm >> 16), byte(imm >> 24)}
}()

// nopPreemptChecks overwrites each preemption check (the cmp and its je)
// in art.Code with multi-byte NOPs and returns how many it found. A match
// must be followed by a je and overlap no relocation, else it is an
// error: the pattern then is not the check.
func nopPreemptChecks(art *vm.Artifact) (int, error) {
	if runtime.GOARCH != "amd64" || art.Arch != "amd64" {
		return 0, fmt.Errorf("preemption checks are only patched on amd64")
	}
	code := art.Code
	n := 0
	for off := 0; ; {
		i := bytes.Index(code[off:], preemptCmp)
		if i < 0 {
			return n, nil
		}
		at := off + i
		end := at + len(preemptCmp)
		switch {
		case end+2 <= len(code) && code[end] == 0x74: // je rel8
			end += 2
		case end+6 <= len(code) && code[end] == 0x0f && code[end+1] == 0x84: // je rel32
			end += 6
		default:
			return n, fmt.Errorf("preemption check at %#x is not followed by je", at)
		}
		for _, r := range art.Relocs {
			if int(r.Offset) >= at && int(r.Offset) < end {
				return n, fmt.Errorf("relocation inside the preemption check at %#x", at)
			}
		}
		fillNops(code[at:end])
		n++
		off = end
	}
}

// fillNops fills b with the recommended multi-byte NOPs (0F 1F /0).
func fillNops(b []byte) {
	nops := [][]byte{
		{0x90},
		{0x66, 0x90},
		{0x0f, 0x1f, 0x00},
		{0x0f, 0x1f, 0x40, 0x00},
		{0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
		{0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
	}
	for len(b) > 0 {
		k := min(len(b), len(nops))
		copy(b, nops[k-1])
		b = b[k:]
	}
}

// tierVariant is a compiled tier, possibly without some checks.
type tierVariant struct {
	name    string
	c       vm.Compiler
	removed *atomic.Int64 // preemption checks removed (nochecks only)
}

// checkVariants are each compiled tier with all its checks and without.
func checkVariants() []tierVariant {
	var out []tierVariant
	for _, tier := range []tierVariant{{"kiln-baseline", baseline.Compiler{}, nil}, {"kiln-optimizing", compile.New(), nil}} {
		removed := new(atomic.Int64)
		out = append(out, tier,
			tierVariant{tier.name + "-nointerrupt", uncheckedCompiler{tier.c, true, nil}, nil},
			tierVariant{tier.name + "-nochecks", uncheckedCompiler{tier.c, false, removed}, removed})
	}
	return out
}

// checkKernels are the loop-heavy kernels: C's fannkuch, sieve and crc32
// and the hand-written collatz.
var checkKernels = []struct {
	name     string
	load     func(testing.TB) []byte
	arg, sum uint64
	testArg  uint64
	testSum  uint64
}{
	{"fannkuch", func(t testing.TB) []byte { return loadC(t, "fannkuch") }, 8, 161622, 6, 4910},
	{"sieve", func(t testing.TB) []byte { return loadC(t, "sieve") }, 2000000, 148933, 10000, 1229},
	{"crc32", func(t testing.TB) []byte { return loadC(t, "crc32") }, 25, 1743529344, 1, 3226257409},
	{"collatz", func(t testing.TB) []byte { return load(t, "collatz") }, 20000, 1834634, 20000, 1834634},
}

// TestUncheckedAgree checks that the unchecked variants still compute
// the right results and that NOP-ing found preemption checks to remove.
func TestUncheckedAgree(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("preemption checks are patched on amd64 only")
	}
	for _, k := range checkKernels {
		bin := k.load(t)
		for _, v := range checkVariants() {
			t.Run(k.name+"/"+v.name, func(t *testing.T) {
				got, err := kilnTier(t, bin, v.c)(k.testArg)
				if err != nil || uint32(got) != uint32(k.testSum) {
					t.Errorf("run(%d) = %d, %v; want %d", k.testArg, uint32(got), err, k.testSum)
				}
				if v.removed != nil && v.removed.Load() == 0 {
					t.Error("no preemption check found to remove: has the check's encoding changed?")
				}
			})
		}
	}
}

// BenchmarkChecks times the loop-heavy kernels on each compiled tier with
// and without its checks (benchtable prints the ratios).
func BenchmarkChecks(b *testing.B) {
	if runtime.GOARCH != "amd64" {
		b.Skip("preemption checks are patched on amd64 only")
	}
	for _, k := range checkKernels {
		bin := k.load(b)
		for _, v := range checkVariants() {
			b.Run(k.name+"/"+v.name, func(b *testing.B) {
				run := kilnTier(b, bin, v.c)
				cpu := startTimed(b)
				for range b.N {
					if got, err := run(k.arg); err != nil || uint32(got) != uint32(k.sum) {
						b.Fatalf("run(%d) = %d, %v; want %d", k.arg, uint32(got), err, k.sum)
					}
				}
				cpu.report(b, 0)
			})
		}
	}
}
