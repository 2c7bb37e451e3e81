package amd64

import (
	"testing"

	"kiln/ir"
	"kiln/regalloc"
)

const smoke = `
function %add(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = iadd v0, v1
    v9 = iconst.i64 7
    v3 = iadd v2, v9
    return v3
}
function %amode(i64, i64) -> i32 {
block0(v0: i64, v1: i64):
    v9 = iconst.i64 2
    v2 = ishl v1, v9
    v3 = iadd v0, v2
    v4 = load.i32 v3+16
    v5 = load.i32 v0
    v6 = iadd v4, v5
    return v6
}
function %br(i32, i32) -> i32 {
block0(v0: i32, v1: i32):
    v2 = icmp slt v0, v1
    brif v2, block1(v0), block2
block1(v3: i32):
    return v3
block2:
    v4 = iconst.i32 100
    jump block1(v4)
}
function %div(i32, i32) -> i32 {
block0(v0: i32, v1: i32):
    v2 = sdiv v0, v1
    v3 = urem v0, v1
    v4 = iadd v2, v3
    return v4
}
function %fl(f64, f64) -> f64 {
block0(v0: f64, v1: f64):
    v2 = fadd v0, v1
    v3 = fmin v2, v1
    v4 = fcmp lt v3, v0
    v5 = select v4, v3, v0
    return v5
}
function %loop(i32) -> i32 {
block0(v0: i32):
    v1 = iconst.i32 0
    jump block1(v0, v1)
block1(v2: i32, v3: i32):
    v4 = iadd v3, v2
    v9 = iconst.i32 -1
    v5 = iadd v2, v9
    brif v5, block1(v5, v4), block2
block2:
    return v4
}
function %bt(i32, i64) -> i64 {
block0(v0: i32, v1: i64):
    br_table v0, block1, [block2, block3, block2]
block1:
    return v1
block2:
    v2 = popcnt v1
    return v2
block3:
    v3 = clz v1
    v4 = ctz v3
    v5 = bitrev v4
    return v5
}
`

func TestCompileSmoke(t *testing.T) {
	fs, err := ir.ParseFunctions("smoke", []byte(smoke))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		for _, algo := range []regalloc.Algorithm{regalloc.Quality, regalloc.Fast} {
			res, err := Compile(f, Options{Verify: true, Algorithm: algo})
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			dis, err := Disassemble(res.Code)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if algo == regalloc.Quality {
				t.Logf("%s:\n%s\n%s", f.Name, res.VCode, dis)
			}
		}
	}
}
