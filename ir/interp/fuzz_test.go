package interp

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kiln/ir"
)

// fuzzSeeds are small functions that reach the interesting corners:
// loops, calls, traps, stack memory, SIMD and i128.
var fuzzSeeds = []string{
	`function %f(i32) -> i32 {
block0(v0: i32):
    v1 = iconst.i32 1
    v2 = iadd v0, v1
    v3 = udiv v2, v0
    return v3
}`,
	`function %loop(i64) -> i64 {
block0(v0: i64):
    jump block1(v0)
block1(v1: i64):
    v2 = iconst.i64 1
    v3 = isub v1, v2
    brif v3, block1(v3), block2
block2:
    return v1
}`,
	`function %mem(i64) -> i64 {
    ss0 = explicit_slot 16, align = 8
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    store.i64 v0, v1+8
    v2 = load.i64 v1+8
    v3 = iadd v1, v0
    v4 = load.i64 v3
    return v4
}`,
	`function %rec(i32) -> i32 {
    fn0 = %rec(i32) -> i32
block0(v0: i32):
    v1 = call fn0(v0)
    return v1
}`,
	`function %simd(i32x4, i64) -> i8 {
block0(v0: i32x4, v1: i64):
    v2 = splat.i32x4 v1
    v3 = ishl v0, v1
    v4 = icmp eq v2, v3
    v5 = vall_true v4
    return v5
}`,
	`function %wide(i128, i128) -> i128, i8 {
block0(v0: i128, v1: i128):
    v2, v3 = smul_overflow v0, v1
    v4 = srem v2, v1
    return v4, v3
}`,
	`function %conv(f64) -> i32 {
block0(v0: f64):
    v1 = fcvt_to_sint.i32 v0
    v2 = fcvt_to_uint_sat.i32 v0
    v3 = iadd v1, v2
    return v3
}`,
}

// fuzzArgs makes one argument per parameter from data.
func fuzzArgs(sig *ir.Signature, data []byte) []ir.DataValue {
	var buf [16]byte
	args := make([]ir.DataValue, len(sig.Params))
	for i, p := range sig.Params {
		n := copy(buf[:], data)
		data = data[n:]
		clear(buf[n:])
		args[i] = ir.DataValue{Ty: p.Type, Lo: binary.LittleEndian.Uint64(buf[:8]), Hi: binary.LittleEndian.Uint64(buf[8:])}
		if bits := p.Type.Bits(); bits < 128 {
			args[i].Hi = 0
			args[i].Lo &= lowMask(bits)
		}
	}
	return args
}

// FuzzInterpret parses CLIF text and runs every function it holds with
// arguments taken from argData, under small fuel and depth limits. Any
// outcome is acceptable except a panic (which Call would report as an
// internal error).
func FuzzInterpret(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0xff, 0xff})
	}
	if dir, err := findUpstream("cranelift-runtests"); err == nil {
		// A few real runtests make good seeds when the corpus is present.
		for _, name := range []string{"br_table.clif", "i128-arithmetic.clif", "simd-shuffle.clif", "atomic-rmw-little.clif", "return-call.clif", "stack.clif"} {
			if src, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				f.Add(src, []byte{3, 0, 0, 0, 0, 0, 0, 0})
			}
		}
	}
	f.Fuzz(func(t *testing.T, src, argData []byte) {
		file, err := ir.ParseFile("fuzz.clif", src)
		if err != nil {
			return
		}
		funcs := make([]*ir.Function, len(file.Functions))
		for i, ff := range file.Functions {
			funcs[i] = ff.Func
		}
		in := New(funcs)
		in.Options = Options{Fuel: 20000, MaxDepth: 64, StackBytes: 1 << 20}
		for _, fn := range funcs {
			_, err := in.Call(fn.Name.String(), fuzzArgs(&fn.Signature, argData))
			if err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("%v\n%s", err, src)
			}
			var tr *Trap
			if errors.As(err, &tr) && tr.Func == "" {
				t.Fatalf("trap without a function: %v", err)
			}
		}
	})
}
