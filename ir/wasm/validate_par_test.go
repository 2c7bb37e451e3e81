package wasm

import (
	"strings"
	"testing"
)

// forceParallel puts any module with two or more bodies through the
// parallel body validator with the given number of goroutines.
func forceParallel(f Features, workers int) Options {
	return Options{Features: f, Parallelism: workers, minBytes: 1}
}

// sameError reports whether two validation results are the same result:
// both nil, or *Errors with the same offset, function and message.
func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ea, ok1 := a.(*Error)
	eb, ok2 := b.(*Error)
	if !ok1 || !ok2 {
		return a.Error() == b.Error()
	}
	return *ea == *eb
}

// manyBodies returns a module of n functions of type [] -> [] whose body i
// is bad[i] when present and an empty valid body otherwise.
func manyBodies(n int, bad map[int][]byte) []byte {
	return manyBodiesWith(n, bad, nil, nil)
}

// manyBodiesWith is manyBodies with an export section and the sections
// after the code section (data segments, custom sections) given.
func manyBodiesWith(n int, bad map[int][]byte, exports []byte, after []byte) []byte {
	bodies := make([][]byte, n)
	idx := make([]uint32, n)
	for i := range bodies {
		code := bad[i]
		if code == nil {
			// Enough valid work that workers overlap.
			code = cat(i32c(1), i32c(2), op(i32Add), op(drop))
		}
		bodies[i] = body(nil, code)
	}
	return cat(module(typeSec(ft()()), funcSec(idx...), memorySec(mem(1)), exports, codeSec(bodies...)), after)
}

// TestParallelErrorOrder checks that validating bodies while the sections
// after the code section are still being decoded keeps the errors in the
// sequential order: a decoding error anywhere, then the module-level
// rules, data segments last, then the lowest failing body.
func TestParallelErrorOrder(t *testing.T) {
	bad := map[int][]byte{3: cat(i64c(1), op(drop), op(i32Add)), 90: cat(localGet(9), op(drop))}
	goodData := dataSec(cat(uleb(0), i32c(0), op(end), str("abc")))
	cases := []struct {
		name           string
		exports, after []byte
		want           string
	}{
		{"bad body", nil, goodData, "func 3: type mismatch"},
		{"data segment on an unknown memory", nil, dataSec(cat(uleb(2), uleb(3), i32c(0), op(end), str("x"))), "unknown memory 3"},
		{"data offset of the wrong type", nil, dataSec(cat(uleb(0), i64c(0), op(end), str("x"))), msgTypeMismatch},
		{"malformed data section", nil, dataSec(cat(uleb(7), str("x"))), "malformed data segment kind"},
		{"truncated data section", nil, []byte{secData, 5, 1, 0}, msgLengthBounds},
		{"export of an unknown function", exportSec(cat(str("f"), []byte{0}, uleb(500))), goodData, "unknown function 500"},
		{"duplicate export", exportSec(cat(str("f"), []byte{0}, uleb(0)), cat(str("f"), []byte{0}, uleb(1))), goodData, "duplicate export"},
		{"repeated data section", nil, cat(goodData, goodData), msgJunkAfterLast},
	}
	for _, c := range cases {
		bin := manyBodiesWith(200, bad, c.exports, c.after)
		want := decodeThenValidate(bin, FeaturesAll, Options{Features: FeaturesAll, Parallelism: 1})
		if want == nil || !strings.Contains(want.Error(), c.want) {
			t.Fatalf("%s: sequential error %v, want %q", c.name, want, c.want)
		}
		for _, workers := range []int{2, 4} {
			for rep := 0; rep < 10; rep++ {
				if _, got := forceParallel(FeaturesAll, workers).DecodeAndValidate(bin); !sameError(got, want) {
					t.Fatalf("%s, %d workers: got %v, want %v", c.name, workers, got, want)
				}
			}
		}
	}
}

// TestParallelLowestBodyError checks that with several invalid bodies the
// parallel validator reports the lowest-index one, exactly as the
// sequential pass does, whichever worker reaches which body first.
func TestParallelLowestBodyError(t *testing.T) {
	mismatch := cat(i64c(1), i32c(1), op(i32Add), op(drop))
	unknownLocal := cat(localGet(3), op(drop))
	badAlign := cat(i32c(0), op(0x28, 3, 0), op(drop))
	illegal := []byte{0xff} // malformed: DecodeAndValidate must still agree with Decode+Validate
	extra := cat(i32c(1))   // value left at the end
	cases := []map[int][]byte{
		{37: mismatch, 80: unknownLocal, 150: badAlign},
		{0: extra, 199: mismatch},
		{199: unknownLocal},
		{5: unknownLocal, 6: mismatch, 7: badAlign, 120: illegal},
		{64: illegal, 10: extra},
	}
	for ci, bad := range cases {
		bin := manyBodies(200, bad)
		wantDAV := decodeThenValidate(bin, FeaturesAll, Options{Features: FeaturesAll, Parallelism: 1})
		m, derr := Decode(bin, FeaturesAll)
		var want error
		if derr == nil {
			want = Options{Features: FeaturesAll, Parallelism: 1}.Validate(m)
			if want == nil {
				t.Fatalf("case %d: module validated", ci)
			}
		}
		for _, workers := range []int{2, 3, 4, 8} {
			for rep := 0; rep < 20; rep++ {
				if derr == nil {
					if got := forceParallel(FeaturesAll, workers).Validate(m); !sameError(got, want) {
						t.Fatalf("case %d, %d workers: Validate = %v, want %v", ci, workers, got, want)
					}
				}
				_, got := forceParallel(FeaturesAll, workers).DecodeAndValidate(bin)
				if !sameError(got, wantDAV) {
					t.Fatalf("case %d, %d workers: DecodeAndValidate = %v, want %v", ci, workers, got, wantDAV)
				}
			}
		}
	}
}

// decodeThenValidate is the two-pass path DecodeAndValidate must agree with.
func decodeThenValidate(bin []byte, f Features, o Options) error {
	m, err := Decode(bin, f)
	if err != nil {
		return err
	}
	return o.Validate(m)
}

// TestParallelValidModule checks a valid module with many bodies passes
// on any number of workers, including more workers than bodies.
func TestParallelValidModule(t *testing.T) {
	bin := manyBodies(50, nil)
	for _, workers := range []int{1, 2, 7, 64} {
		if _, err := forceParallel(FeaturesAll, workers).DecodeAndValidate(bin); err != nil {
			t.Errorf("%d workers: %v", workers, err)
		}
	}
}

func TestParallelStrconv(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go test binary for wasip1")
	}
	bin := needStrconv(t)
	m, err := Decode(bin, FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2, 4} {
		if err := forceParallel(FeaturesAll, workers).Validate(m); err != nil {
			t.Errorf("%d workers: %v", workers, err)
		}
	}
	// Break bodies near the start, the middle and the end: the lowest
	// one must be reported.
	n := len(m.Code)
	for _, first := range []int{n - 1, n / 2, 3} {
		bad := append([]byte(nil), bin...)
		for _, i := range []int{first, n - 1} {
			c := &m.Code[i]
			bad[c.ExprOffset+len(c.Expr)-1] = 0x1a // the final end becomes a drop
		}
		want := decodeThenValidate(bad, FeaturesAll, Options{Features: FeaturesAll, Parallelism: 1})
		if e, ok := want.(*Error); !ok || e.Func != m.NumImportedFuncs+first {
			t.Fatalf("sequential error %v, want one in func %d", want, m.NumImportedFuncs+first)
		}
		for _, workers := range []int{2, 4} {
			_, got := Options{Features: FeaturesAll, Parallelism: workers}.DecodeAndValidate(bad)
			if !sameError(got, want) {
				t.Errorf("body %d broken, %d workers: got %v, want %v", first, workers, got, want)
			}
		}
	}
}
