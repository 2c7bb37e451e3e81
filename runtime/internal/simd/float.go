package simd

import "math"

// Floating-point lanes. Lanes are handled as IEEE bit patterns so that
// NaN payloads and the sign of zero are never disturbed by a detour
// through a float register where wasm says the bits pass unchanged
// (abs, neg, pmin, pmax, comparisons' inputs, lane moves).
//
// NaN results are made deterministic: when an operator yields a NaN, the
// result is the first NaN operand with its quiet bit set (an arithmetic
// NaN, which is canonical when that operand was canonical), or the
// positive canonical NaN when no operand was a NaN. Both satisfy the
// spec's nan:canonical / nan:arithmetic rules, and the interpreter gives
// the same bits on every host.

const (
	f32Sign  = 0x80000000
	f32Quiet = 0x00400000
	f32Canon = 0x7fc00000
	f64Sign  = 0x8000000000000000
	f64Quiet = 0x0008000000000000
	f64Canon = 0x7ff8000000000000
)

func isNaN32(x uint32) bool { return x&^f32Sign > 0x7f800000 }
func isNaN64(x uint64) bool { return x&^f64Sign > 0x7ff0000000000000 }

// nan32 is the NaN result of an operator with operands x and y.
func nan32(x, y uint32) uint32 {
	if isNaN32(x) {
		return x | f32Quiet
	}
	if isNaN32(y) {
		return y | f32Quiet
	}
	return f32Canon
}

func nan64(x, y uint64) uint64 {
	if isNaN64(x) {
		return x | f64Quiet
	}
	if isNaN64(y) {
		return y | f64Quiet
	}
	return f64Canon
}

// res32 returns the bits of r, or the NaN rule's result if r is NaN.
func res32(r float32, x, y uint32) uint32 {
	if r != r {
		return nan32(x, y)
	}
	return math.Float32bits(r)
}

func res64(r float64, x, y uint64) uint64 {
	if r != r {
		return nan64(x, y)
	}
	return math.Float64bits(r)
}

// fmin32 is wasm's fmin: NaN if either operand is NaN, and -0 < +0.
func fmin32(x, y uint32) uint32 {
	a, b := math.Float32frombits(x), math.Float32frombits(y)
	switch {
	case a != a || b != b:
		return nan32(x, y)
	case a < b:
		return x
	case b < a:
		return y
	}
	return x | y // equal: identical bits, or ±0 where -0 wins
}

func fmax32(x, y uint32) uint32 {
	a, b := math.Float32frombits(x), math.Float32frombits(y)
	switch {
	case a != a || b != b:
		return nan32(x, y)
	case a > b:
		return x
	case b > a:
		return y
	}
	return x & y // equal: identical bits, or ±0 where +0 wins
}

func fmin64(x, y uint64) uint64 {
	a, b := math.Float64frombits(x), math.Float64frombits(y)
	switch {
	case a != a || b != b:
		return nan64(x, y)
	case a < b:
		return x
	case b < a:
		return y
	}
	return x | y
}

func fmax64(x, y uint64) uint64 {
	a, b := math.Float64frombits(x), math.Float64frombits(y)
	switch {
	case a != a || b != b:
		return nan64(x, y)
	case a > b:
		return x
	case b > a:
		return y
	}
	return x & y
}

func f32x4Binary(sub uint32, a, b v128) v128 {
	var x, y [4]uint32
	a.load32(&x)
	b.load32(&y)
	var r [4]uint32
	switch sub {
	case opF32x4Add:
		for i := range r {
			r[i] = res32(math.Float32frombits(x[i])+math.Float32frombits(y[i]), x[i], y[i])
		}
	case opF32x4Sub:
		for i := range r {
			r[i] = res32(math.Float32frombits(x[i])-math.Float32frombits(y[i]), x[i], y[i])
		}
	case opF32x4Mul:
		for i := range r {
			r[i] = res32(math.Float32frombits(x[i])*math.Float32frombits(y[i]), x[i], y[i])
		}
	case opF32x4Div:
		for i := range r {
			r[i] = res32(math.Float32frombits(x[i])/math.Float32frombits(y[i]), x[i], y[i])
		}
	case opF32x4Min:
		for i := range r {
			r[i] = fmin32(x[i], y[i])
		}
	case opF32x4Max:
		for i := range r {
			r[i] = fmax32(x[i], y[i])
		}
	case opF32x4Pmin: // b < a ? b : a, bits passed through
		for i := range r {
			r[i] = x[i]
			if math.Float32frombits(y[i]) < math.Float32frombits(x[i]) {
				r[i] = y[i]
			}
		}
	case opF32x4Pmax: // a < b ? b : a
		for i := range r {
			r[i] = x[i]
			if math.Float32frombits(x[i]) < math.Float32frombits(y[i]) {
				r[i] = y[i]
			}
		}
	}
	return from32(&r)
}

// f32x4Compare evaluates the f32x4 comparisons (false on NaN but for ne).
func f32x4Compare(sub uint32, a, b v128) v128 {
	var x, y [4]uint32
	a.load32(&x)
	b.load32(&y)
	var r [4]uint32
	switch sub {
	case opF32x4Eq:
		for i := range r {
			r[i] = mask32(math.Float32frombits(x[i]) == math.Float32frombits(y[i]))
		}
	case opF32x4Ne:
		for i := range r {
			r[i] = mask32(math.Float32frombits(x[i]) != math.Float32frombits(y[i]))
		}
	case opF32x4Lt:
		for i := range r {
			r[i] = mask32(math.Float32frombits(x[i]) < math.Float32frombits(y[i]))
		}
	case opF32x4Gt:
		for i := range r {
			r[i] = mask32(math.Float32frombits(x[i]) > math.Float32frombits(y[i]))
		}
	case opF32x4Le:
		for i := range r {
			r[i] = mask32(math.Float32frombits(x[i]) <= math.Float32frombits(y[i]))
		}
	case opF32x4Ge:
		for i := range r {
			r[i] = mask32(math.Float32frombits(x[i]) >= math.Float32frombits(y[i]))
		}
	}
	return from32(&r)
}

func f64x2Binary(sub uint32, a, b v128) v128 {
	var x, y [2]uint64
	a.load64(&x)
	b.load64(&y)
	var r [2]uint64
	switch sub {
	case opF64x2Add:
		for i := range r {
			r[i] = res64(math.Float64frombits(x[i])+math.Float64frombits(y[i]), x[i], y[i])
		}
	case opF64x2Sub:
		for i := range r {
			r[i] = res64(math.Float64frombits(x[i])-math.Float64frombits(y[i]), x[i], y[i])
		}
	case opF64x2Mul:
		for i := range r {
			r[i] = res64(math.Float64frombits(x[i])*math.Float64frombits(y[i]), x[i], y[i])
		}
	case opF64x2Div:
		for i := range r {
			r[i] = res64(math.Float64frombits(x[i])/math.Float64frombits(y[i]), x[i], y[i])
		}
	case opF64x2Min:
		for i := range r {
			r[i] = fmin64(x[i], y[i])
		}
	case opF64x2Max:
		for i := range r {
			r[i] = fmax64(x[i], y[i])
		}
	case opF64x2Pmin:
		for i := range r {
			r[i] = x[i]
			if math.Float64frombits(y[i]) < math.Float64frombits(x[i]) {
				r[i] = y[i]
			}
		}
	case opF64x2Pmax:
		for i := range r {
			r[i] = x[i]
			if math.Float64frombits(x[i]) < math.Float64frombits(y[i]) {
				r[i] = y[i]
			}
		}
	}
	return from64(&r)
}

// f64x2Compare evaluates the f64x2 comparisons.
func f64x2Compare(sub uint32, a, b v128) v128 {
	var x, y [2]uint64
	a.load64(&x)
	b.load64(&y)
	var r [2]uint64
	switch sub {
	case opF64x2Eq:
		for i := range r {
			r[i] = mask64(math.Float64frombits(x[i]) == math.Float64frombits(y[i]))
		}
	case opF64x2Ne:
		for i := range r {
			r[i] = mask64(math.Float64frombits(x[i]) != math.Float64frombits(y[i]))
		}
	case opF64x2Lt:
		for i := range r {
			r[i] = mask64(math.Float64frombits(x[i]) < math.Float64frombits(y[i]))
		}
	case opF64x2Gt:
		for i := range r {
			r[i] = mask64(math.Float64frombits(x[i]) > math.Float64frombits(y[i]))
		}
	case opF64x2Le:
		for i := range r {
			r[i] = mask64(math.Float64frombits(x[i]) <= math.Float64frombits(y[i]))
		}
	case opF64x2Ge:
		for i := range r {
			r[i] = mask64(math.Float64frombits(x[i]) >= math.Float64frombits(y[i]))
		}
	}
	return from64(&r)
}

// round32 applies a float64 rounding function to an f32 lane. Every f32
// is exact in float64 and every integral float64 obtained from one fits
// back exactly, so the result is the correctly rounded f32.
func round32(x uint32, f func(float64) float64) uint32 {
	if isNaN32(x) {
		return x | f32Quiet
	}
	return math.Float32bits(float32(f(float64(math.Float32frombits(x)))))
}

func round64(x uint64, f func(float64) float64) uint64 {
	if isNaN64(x) {
		return x | f64Quiet
	}
	return math.Float64bits(f(math.Float64frombits(x)))
}

func f32x4Unary(sub uint32, v v128) v128 {
	var x [4]uint32
	v.load32(&x)
	var r [4]uint32
	switch sub {
	case opF32x4Abs:
		for i := range r {
			r[i] = x[i] &^ f32Sign
		}
	case opF32x4Neg:
		for i := range r {
			r[i] = x[i] ^ f32Sign
		}
	case opF32x4Sqrt:
		// The float64 square root of an f32, rounded to f32, is the
		// correctly rounded f32 square root (53 ≥ 2·24 + 2).
		for i := range r {
			r[i] = res32(float32(math.Sqrt(float64(math.Float32frombits(x[i])))), x[i], x[i])
		}
	case opF32x4Ceil:
		for i := range r {
			r[i] = round32(x[i], math.Ceil)
		}
	case opF32x4Floor:
		for i := range r {
			r[i] = round32(x[i], math.Floor)
		}
	case opF32x4Trunc:
		for i := range r {
			r[i] = round32(x[i], math.Trunc)
		}
	case opF32x4Nearest:
		for i := range r {
			r[i] = round32(x[i], math.RoundToEven)
		}
	}
	return from32(&r)
}

func f64x2Unary(sub uint32, v v128) v128 {
	var x [2]uint64
	v.load64(&x)
	var r [2]uint64
	switch sub {
	case opF64x2Abs:
		for i := range r {
			r[i] = x[i] &^ f64Sign
		}
	case opF64x2Neg:
		for i := range r {
			r[i] = x[i] ^ f64Sign
		}
	case opF64x2Sqrt:
		for i := range r {
			r[i] = res64(math.Sqrt(math.Float64frombits(x[i])), x[i], x[i])
		}
	case opF64x2Ceil:
		for i := range r {
			r[i] = round64(x[i], math.Ceil)
		}
	case opF64x2Floor:
		for i := range r {
			r[i] = round64(x[i], math.Floor)
		}
	case opF64x2Trunc:
		for i := range r {
			r[i] = round64(x[i], math.Trunc)
		}
	case opF64x2Nearest:
		for i := range r {
			r[i] = round64(x[i], math.RoundToEven)
		}
	}
	return from64(&r)
}
