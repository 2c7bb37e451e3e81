package interp

import (
	"math"
	"math/bits"

	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// numeric executes one numeric operator on the stack s with top sp and
// returns the new top, or a trap code. Integers are held zero-extended
// (an i32 in the low 32 bits of its word), floats as their bit patterns.
func numeric(op uint16, s []uint64, sp int) (int, vm.TrapCode) {
	// Unary operators rewrite the top; binary ones pop one.
	x := s[sp-1]
	var y uint64
	if binaryOp[op] {
		sp--
		y = x
		x = s[sp-1]
	}
	r := &s[sp-1]
	switch op {
	// i32 comparisons and arithmetic.
	case uint16(wasm.OpI32Eqz):
		*r = b2u(uint32(x) == 0)
	case uint16(wasm.OpI32Eq):
		*r = b2u(uint32(x) == uint32(y))
	case uint16(wasm.OpI32Ne):
		*r = b2u(uint32(x) != uint32(y))
	case uint16(wasm.OpI32LtS):
		*r = b2u(int32(x) < int32(y))
	case uint16(wasm.OpI32LtU):
		*r = b2u(uint32(x) < uint32(y))
	case uint16(wasm.OpI32GtS):
		*r = b2u(int32(x) > int32(y))
	case uint16(wasm.OpI32GtU):
		*r = b2u(uint32(x) > uint32(y))
	case uint16(wasm.OpI32LeS):
		*r = b2u(int32(x) <= int32(y))
	case uint16(wasm.OpI32LeU):
		*r = b2u(uint32(x) <= uint32(y))
	case uint16(wasm.OpI32GeS):
		*r = b2u(int32(x) >= int32(y))
	case uint16(wasm.OpI32GeU):
		*r = b2u(uint32(x) >= uint32(y))
	case uint16(wasm.OpI32Clz):
		*r = uint64(bits.LeadingZeros32(uint32(x)))
	case uint16(wasm.OpI32Ctz):
		*r = uint64(bits.TrailingZeros32(uint32(x)))
	case uint16(wasm.OpI32Popcnt):
		*r = uint64(bits.OnesCount32(uint32(x)))
	case uint16(wasm.OpI32Add):
		*r = uint64(uint32(x + y))
	case uint16(wasm.OpI32Sub):
		*r = uint64(uint32(x - y))
	case uint16(wasm.OpI32Mul):
		*r = uint64(uint32(x) * uint32(y))
	case uint16(wasm.OpI32DivS):
		if uint32(y) == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		if int32(x) == math.MinInt32 && int32(y) == -1 {
			return sp, vm.TrapIntegerOverflow
		}
		*r = uint64(uint32(int32(x) / int32(y)))
	case uint16(wasm.OpI32DivU):
		if uint32(y) == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		*r = uint64(uint32(x) / uint32(y))
	case uint16(wasm.OpI32RemS):
		if uint32(y) == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		if int32(y) == -1 {
			*r = 0
		} else {
			*r = uint64(uint32(int32(x) % int32(y)))
		}
	case uint16(wasm.OpI32RemU):
		if uint32(y) == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		*r = uint64(uint32(x) % uint32(y))
	case uint16(wasm.OpI32And):
		*r = x & y
	case uint16(wasm.OpI32Or):
		*r = x | y
	case uint16(wasm.OpI32Xor):
		*r = x ^ y
	case uint16(wasm.OpI32Shl):
		*r = uint64(uint32(x) << (y & 31))
	case uint16(wasm.OpI32ShrS):
		*r = uint64(uint32(int32(x) >> (y & 31)))
	case uint16(wasm.OpI32ShrU):
		*r = uint64(uint32(x) >> (y & 31))
	case uint16(wasm.OpI32Rotl):
		*r = uint64(bits.RotateLeft32(uint32(x), int(y&31)))
	case uint16(wasm.OpI32Rotr):
		*r = uint64(bits.RotateLeft32(uint32(x), -int(y&31)))

	// i64.
	case uint16(wasm.OpI64Eqz):
		*r = b2u(x == 0)
	case uint16(wasm.OpI64Eq):
		*r = b2u(x == y)
	case uint16(wasm.OpI64Ne):
		*r = b2u(x != y)
	case uint16(wasm.OpI64LtS):
		*r = b2u(int64(x) < int64(y))
	case uint16(wasm.OpI64LtU):
		*r = b2u(x < y)
	case uint16(wasm.OpI64GtS):
		*r = b2u(int64(x) > int64(y))
	case uint16(wasm.OpI64GtU):
		*r = b2u(x > y)
	case uint16(wasm.OpI64LeS):
		*r = b2u(int64(x) <= int64(y))
	case uint16(wasm.OpI64LeU):
		*r = b2u(x <= y)
	case uint16(wasm.OpI64GeS):
		*r = b2u(int64(x) >= int64(y))
	case uint16(wasm.OpI64GeU):
		*r = b2u(x >= y)
	case uint16(wasm.OpI64Clz):
		*r = uint64(bits.LeadingZeros64(x))
	case uint16(wasm.OpI64Ctz):
		*r = uint64(bits.TrailingZeros64(x))
	case uint16(wasm.OpI64Popcnt):
		*r = uint64(bits.OnesCount64(x))
	case uint16(wasm.OpI64Add):
		*r = x + y
	case uint16(wasm.OpI64Sub):
		*r = x - y
	case uint16(wasm.OpI64Mul):
		*r = x * y
	case uint16(wasm.OpI64DivS):
		if y == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		if int64(x) == math.MinInt64 && int64(y) == -1 {
			return sp, vm.TrapIntegerOverflow
		}
		*r = uint64(int64(x) / int64(y))
	case uint16(wasm.OpI64DivU):
		if y == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		*r = x / y
	case uint16(wasm.OpI64RemS):
		if y == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		if int64(y) == -1 {
			*r = 0
		} else {
			*r = uint64(int64(x) % int64(y))
		}
	case uint16(wasm.OpI64RemU):
		if y == 0 {
			return sp, vm.TrapIntegerDivideByZero
		}
		*r = x % y
	case uint16(wasm.OpI64And):
		*r = x & y
	case uint16(wasm.OpI64Or):
		*r = x | y
	case uint16(wasm.OpI64Xor):
		*r = x ^ y
	case uint16(wasm.OpI64Shl):
		*r = x << (y & 63)
	case uint16(wasm.OpI64ShrS):
		*r = uint64(int64(x) >> (y & 63))
	case uint16(wasm.OpI64ShrU):
		*r = x >> (y & 63)
	case uint16(wasm.OpI64Rotl):
		*r = bits.RotateLeft64(x, int(y&63))
	case uint16(wasm.OpI64Rotr):
		*r = bits.RotateLeft64(x, -int(y&63))

	// f32.
	case uint16(wasm.OpF32Eq):
		*r = b2u(f32(x) == f32(y))
	case uint16(wasm.OpF32Ne):
		*r = b2u(f32(x) != f32(y))
	case uint16(wasm.OpF32Lt):
		*r = b2u(f32(x) < f32(y))
	case uint16(wasm.OpF32Gt):
		*r = b2u(f32(x) > f32(y))
	case uint16(wasm.OpF32Le):
		*r = b2u(f32(x) <= f32(y))
	case uint16(wasm.OpF32Ge):
		*r = b2u(f32(x) >= f32(y))
	case uint16(wasm.OpF32Abs):
		*r = x &^ (1 << 31)
	case uint16(wasm.OpF32Neg):
		*r = uint64(uint32(x) ^ (1 << 31))
	case uint16(wasm.OpF32Ceil):
		*r = pf32(float32(roundNaN(math.Ceil, float64(f32(x)))))
	case uint16(wasm.OpF32Floor):
		*r = pf32(float32(roundNaN(math.Floor, float64(f32(x)))))
	case uint16(wasm.OpF32Trunc):
		*r = pf32(float32(roundNaN(math.Trunc, float64(f32(x)))))
	case uint16(wasm.OpF32Nearest):
		*r = pf32(float32(roundNaN(math.RoundToEven, float64(f32(x)))))
	case uint16(wasm.OpF32Sqrt):
		*r = pf32(float32(math.Sqrt(float64(f32(x)))))
	case uint16(wasm.OpF32Add):
		*r = pf32(f32(x) + f32(y))
	case uint16(wasm.OpF32Sub):
		*r = pf32(f32(x) - f32(y))
	case uint16(wasm.OpF32Mul):
		*r = pf32(f32(x) * f32(y))
	case uint16(wasm.OpF32Div):
		*r = pf32(f32(x) / f32(y))
	case uint16(wasm.OpF32Min):
		*r = pf32(float32(fmin(float64(f32(x)), float64(f32(y)))))
	case uint16(wasm.OpF32Max):
		*r = pf32(float32(fmax(float64(f32(x)), float64(f32(y)))))
	case uint16(wasm.OpF32Copysign):
		*r = x&^(1<<31) | y&(1<<31)

	// f64.
	case uint16(wasm.OpF64Eq):
		*r = b2u(f64(x) == f64(y))
	case uint16(wasm.OpF64Ne):
		*r = b2u(f64(x) != f64(y))
	case uint16(wasm.OpF64Lt):
		*r = b2u(f64(x) < f64(y))
	case uint16(wasm.OpF64Gt):
		*r = b2u(f64(x) > f64(y))
	case uint16(wasm.OpF64Le):
		*r = b2u(f64(x) <= f64(y))
	case uint16(wasm.OpF64Ge):
		*r = b2u(f64(x) >= f64(y))
	case uint16(wasm.OpF64Abs):
		*r = x &^ (1 << 63)
	case uint16(wasm.OpF64Neg):
		*r = x ^ (1 << 63)
	case uint16(wasm.OpF64Ceil):
		*r = pf64(roundNaN(math.Ceil, f64(x)))
	case uint16(wasm.OpF64Floor):
		*r = pf64(roundNaN(math.Floor, f64(x)))
	case uint16(wasm.OpF64Trunc):
		*r = pf64(roundNaN(math.Trunc, f64(x)))
	case uint16(wasm.OpF64Nearest):
		*r = pf64(roundNaN(math.RoundToEven, f64(x)))
	case uint16(wasm.OpF64Sqrt):
		*r = pf64(math.Sqrt(f64(x)))
	case uint16(wasm.OpF64Add):
		*r = pf64(f64(x) + f64(y))
	case uint16(wasm.OpF64Sub):
		*r = pf64(f64(x) - f64(y))
	case uint16(wasm.OpF64Mul):
		*r = pf64(f64(x) * f64(y))
	case uint16(wasm.OpF64Div):
		*r = pf64(f64(x) / f64(y))
	case uint16(wasm.OpF64Min):
		*r = pf64(fmin(f64(x), f64(y)))
	case uint16(wasm.OpF64Max):
		*r = pf64(fmax(f64(x), f64(y)))
	case uint16(wasm.OpF64Copysign):
		*r = x&^(1<<63) | y&(1<<63)

	// Conversions.
	case uint16(wasm.OpI32WrapI64):
		*r = uint64(uint32(x))
	case uint16(wasm.OpI64ExtendI32S):
		*r = uint64(int64(int32(x)))
	case uint16(wasm.OpI64ExtendI32U):
		*r = uint64(uint32(x))
	case uint16(wasm.OpI32Extend8S):
		*r = uint64(uint32(int32(int8(x))))
	case uint16(wasm.OpI32Extend16S):
		*r = uint64(uint32(int32(int16(x))))
	case uint16(wasm.OpI64Extend8S):
		*r = uint64(int64(int8(x)))
	case uint16(wasm.OpI64Extend16S):
		*r = uint64(int64(int16(x)))
	case uint16(wasm.OpI64Extend32S):
		*r = uint64(int64(int32(x)))
	case uint16(wasm.OpF32ConvertI32S):
		*r = pf32(float32(int32(x)))
	case uint16(wasm.OpF32ConvertI32U):
		*r = pf32(float32(uint32(x)))
	case uint16(wasm.OpF32ConvertI64S):
		*r = pf32(float32(int64(x)))
	case uint16(wasm.OpF32ConvertI64U):
		*r = pf32(u64ToF32(x))
	case uint16(wasm.OpF64ConvertI32S):
		*r = pf64(float64(int32(x)))
	case uint16(wasm.OpF64ConvertI32U):
		*r = pf64(float64(uint32(x)))
	case uint16(wasm.OpF64ConvertI64S):
		*r = pf64(float64(int64(x)))
	case uint16(wasm.OpF64ConvertI64U):
		*r = pf64(float64(x))
	case uint16(wasm.OpF32DemoteF64):
		*r = pf32(float32(f64(x)))
	case uint16(wasm.OpF64PromoteF32):
		*r = pf64(float64(f32(x)))
	case uint16(wasm.OpI32ReinterpretF32), uint16(wasm.OpF32ReinterpretI32), uint16(wasm.OpI64ReinterpretF64), uint16(wasm.OpF64ReinterpretI64):
		// Same bits.

	// Trapping float-to-int conversions, then the saturating ones.
	case uint16(wasm.OpI32TruncF32S), uint16(wasm.OpI32TruncF64S), prefixFC + uint16(wasm.OpI32TruncSatF32S&0xffff), prefixFC + uint16(wasm.OpI32TruncSatF64S&0xffff):
		v := floatOf(op, x)
		sat := op >= prefixFC
		switch {
		case v != v:
			if !sat {
				return sp, vm.TrapBadConversionToInteger
			}
			*r = 0
		case v <= math.MinInt32-1 || v >= math.MaxInt32+1:
			if !sat {
				return sp, vm.TrapIntegerOverflow
			}
			if v < 0 {
				*r = uint64(uint32(math.MinInt32 & 0xffffffff))
			} else {
				*r = math.MaxInt32
			}
		default:
			*r = uint64(uint32(int32(v)))
		}
	case uint16(wasm.OpI32TruncF32U), uint16(wasm.OpI32TruncF64U), prefixFC + uint16(wasm.OpI32TruncSatF32U&0xffff), prefixFC + uint16(wasm.OpI32TruncSatF64U&0xffff):
		v := floatOf(op, x)
		sat := op >= prefixFC
		switch {
		case v != v:
			if !sat {
				return sp, vm.TrapBadConversionToInteger
			}
			*r = 0
		case v <= -1 || v >= math.MaxUint32+1:
			if !sat {
				return sp, vm.TrapIntegerOverflow
			}
			if v < 0 {
				*r = 0
			} else {
				*r = math.MaxUint32
			}
		default:
			*r = uint64(uint32(v))
		}
	case uint16(wasm.OpI64TruncF32S), uint16(wasm.OpI64TruncF64S), prefixFC + uint16(wasm.OpI64TruncSatF32S&0xffff), prefixFC + uint16(wasm.OpI64TruncSatF64S&0xffff):
		v := floatOf(op, x)
		sat := op >= prefixFC
		switch {
		case v != v:
			if !sat {
				return sp, vm.TrapBadConversionToInteger
			}
			*r = 0
		case v < -9223372036854775808.0 || v >= 9223372036854775808.0:
			if !sat {
				return sp, vm.TrapIntegerOverflow
			}
			if v < 0 {
				*r = 1 << 63
			} else {
				*r = math.MaxInt64
			}
		default:
			*r = uint64(int64(v))
		}
	case uint16(wasm.OpI64TruncF32U), uint16(wasm.OpI64TruncF64U), prefixFC + uint16(wasm.OpI64TruncSatF32U&0xffff), prefixFC + uint16(wasm.OpI64TruncSatF64U&0xffff):
		v := floatOf(op, x)
		sat := op >= prefixFC
		switch {
		case v != v:
			if !sat {
				return sp, vm.TrapBadConversionToInteger
			}
			*r = 0
		case v <= -1 || v >= 18446744073709551616.0:
			if !sat {
				return sp, vm.TrapIntegerOverflow
			}
			if v < 0 {
				*r = 0
			} else {
				*r = math.MaxUint64
			}
		default:
			*r = uint64(v)
		}
	default:
		return sp, vm.TrapUnreachable
	}
	return sp, vm.TrapNone
}

// floatOf reads the float operand of a conversion: f32 operators widen
// exactly to float64.
func floatOf(op uint16, x uint64) float64 {
	switch op {
	case uint16(wasm.OpI32TruncF32S), uint16(wasm.OpI32TruncF32U), uint16(wasm.OpI64TruncF32S), uint16(wasm.OpI64TruncF32U),
		prefixFC + uint16(wasm.OpI32TruncSatF32S&0xffff), prefixFC + uint16(wasm.OpI32TruncSatF32U&0xffff), prefixFC + uint16(wasm.OpI64TruncSatF32S&0xffff), prefixFC + uint16(wasm.OpI64TruncSatF32U&0xffff):
		return float64(f32(x))
	}
	return f64(x)
}

// u64ToF32 converts with a single rounding (uint64 -> float64 -> float32
// could round twice).
func u64ToF32(x uint64) float32 {
	if x <= 1<<53 {
		return float32(x)
	}
	// Keep a sticky bit so the float64 step cannot create a tie.
	shift := uint(64 - bits.LeadingZeros64(x) - 53)
	y := x >> shift
	if x&(1<<shift-1) != 0 {
		y |= 1
	}
	return float32(math.Ldexp(float64(y), int(shift)))
}

// fmin and fmax are wasm's: NaN if either operand is NaN, and -0 < +0.
func fmin(x, y float64) float64 {
	switch {
	case x != x || y != y:
		return x + y // a quiet NaN from an operand, canonical if they are
	case x == 0 && y == 0:
		if math.Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}

func fmax(x, y float64) float64 {
	switch {
	case x != x || y != y:
		return x + y
	case x == 0 && y == 0:
		if math.Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// binary marks the numeric operators with two operands.
var binaryOp = func() (t [opBase]bool) {
	for _, r := range [][2]wasm.Opcode{
		{wasm.OpI32Eq, wasm.OpI32GeU}, {wasm.OpI64Eq, wasm.OpI64GeU}, {wasm.OpF32Eq, wasm.OpF32Ge},
		{wasm.OpF64Eq, wasm.OpF64Ge}, {wasm.OpI32Add, wasm.OpI32Rotr}, {wasm.OpI64Add, wasm.OpI64Rotr},
		{wasm.OpF32Add, wasm.OpF32Copysign}, {wasm.OpF64Add, wasm.OpF64Copysign},
	} {
		for o := r[0]; o <= r[1]; o++ {
			t[iop(o)] = true
		}
	}
	return t
}()

// roundNaN applies one of math's rounding functions with wasm's NaN rule:
// a NaN operand gives an arithmetic (quiet) NaN. Go's math package passes a
// NaN through unchanged where it rounds in software (riscv64, for one), so
// a signalling NaN would come back still signalling; hardware rounding
// instructions quiet it. Quieting here makes every host agree.
func roundNaN(round func(float64) float64, x float64) float64 {
	if x != x {
		return math.Float64frombits(math.Float64bits(x) | 1<<51)
	}
	return round(x)
}
