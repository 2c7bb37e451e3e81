package wat

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Numeric literals follow the spec's text grammar exactly: decimal or 0x
// hexadecimal digits with single underscores between digits, an optional
// sign, and for floats a fraction, an exponent (e/E for decimal, p/P for hex),
// inf, nan and nan:0xN payloads. Values are rounded to nearest-even; a float
// literal that rounds to infinity is out of range.

var (
	errSyntax = errors.New("unknown operator") // not a number at all
	errRange  = errors.New("constant out of range")
)

// digits strips the underscores of a digit string after checking that each
// underscore separates two digits. hex selects the digit set.
func digits(s string, hex bool) (string, bool) {
	if s == "" {
		return "", false
	}
	isDigit := func(c byte) bool {
		if hex {
			return hexVal(c) >= 0
		}
		return c >= '0' && c <= '9'
	}
	if !strings.Contains(s, "_") {
		for i := 0; i < len(s); i++ {
			if !isDigit(s[i]) {
				return "", false
			}
		}
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
				return "", false
			}
			continue
		}
		if !isDigit(c) {
			return "", false
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// parseNat parses an unsigned decimal or 0x-hex literal without sign.
func parseNat(s string) (uint64, error) {
	hex := false
	if strings.HasPrefix(s, "0x") {
		hex, s = true, s[2:]
	}
	d, ok := digits(s, hex)
	if !ok {
		return 0, errSyntax
	}
	base := 10
	if hex {
		base = 16
	}
	v, err := strconv.ParseUint(d, base, 64)
	if err != nil {
		return 0, errRange
	}
	return v, nil
}

// ParseUint parses an unsigned literal of the given bit width (u32, u64).
func ParseUint(s string, width int) (uint64, error) {
	v, err := parseNat(s)
	if err != nil {
		return 0, err
	}
	if width < 64 && v>>width != 0 {
		return 0, errRange
	}
	return v, nil
}

// ParseInt parses an iN literal (uN or sN) and returns its two's-complement
// bit pattern in the low width bits.
func ParseInt(s string, width int) (uint64, error) {
	neg := false
	signed := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, signed, s = s[0] == '-', true, s[1:]
	}
	v, err := parseNat(s)
	if err != nil {
		return 0, err
	}
	mask := uint64(math.MaxUint64)
	if width < 64 {
		mask = 1<<width - 1
	}
	half := uint64(1) << (width - 1)
	switch {
	case neg:
		if v > half {
			return 0, errRange
		}
		return -v & mask, nil
	case signed:
		if v >= half {
			return 0, errRange
		}
	case v&^mask != 0:
		return 0, errRange
	}
	return v, nil
}

// LooksNumeric reports whether an atom could only be a number (it starts
// with a digit, or a sign and a digit, or is inf/nan with an optional sign).
func LooksNumeric(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return s != "" && (s[0] >= '0' && s[0] <= '9' || strings.HasPrefix(s, "inf") || strings.HasPrefix(s, "nan"))
}

// ParseF32 parses an f32 literal and returns its IEEE bit pattern.
func ParseF32(s string) (uint32, error) {
	b, err := parseFloat(s, 8, 23)
	return uint32(b), err
}

// ParseF64 parses an f64 literal and returns its IEEE bit pattern.
func ParseF64(s string) (uint64, error) { return parseFloat(s, 11, 52) }

func parseFloat(s string, expBits, mantBits uint) (uint64, error) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	sign := uint64(0)
	if neg {
		sign = 1 << (expBits + mantBits)
	}
	expMask := uint64(1)<<expBits - 1
	switch {
	case s == "inf":
		return sign | expMask<<mantBits, nil
	case s == "nan":
		return sign | expMask<<mantBits | 1<<(mantBits-1), nil
	case strings.HasPrefix(s, "nan:0x"):
		d, ok := digits(s[6:], true)
		if !ok {
			return 0, errSyntax
		}
		p, err := strconv.ParseUint(d, 16, 64)
		if err != nil || p == 0 || p>>mantBits != 0 {
			return 0, errRange
		}
		return sign | expMask<<mantBits | p, nil
	}
	var v float64
	var err error
	if strings.HasPrefix(s, "0x") {
		v, err = hexFloat(s[2:], mantBits == 23)
	} else {
		v, err = decFloat(s, mantBits == 23)
	}
	if err != nil {
		return 0, err
	}
	if mantBits == 23 {
		return sign | uint64(math.Float32bits(float32(v))), nil
	}
	return sign | math.Float64bits(v), nil
}

// splitFloat splits "m[.f][e±x]" into its parts after checking the digit
// syntax of each; expChars are the exponent markers.
func splitFloat(s string, hex bool, expChars string) (mant, frac, exp string, ok bool) {
	if i := strings.IndexAny(s, expChars); i >= 0 {
		s, exp = s[:i], s[i+1:]
		e := exp
		if e != "" && (e[0] == '+' || e[0] == '-') {
			e = e[1:]
		}
		d, good := digits(e, false)
		if !good {
			return "", "", "", false
		}
		if exp[0] == '-' {
			d = "-" + d
		}
		exp = d
	}
	mant = s
	if i := strings.IndexByte(s, '.'); i >= 0 {
		mant, frac = s[:i], s[i+1:]
		if frac != "" {
			f, good := digits(frac, hex)
			if !good {
				return "", "", "", false
			}
			frac = f
		}
	}
	m, good := digits(mant, hex)
	if !good {
		return "", "", "", false
	}
	return m, frac, exp, true
}

func decFloat(s string, f32 bool) (float64, error) {
	mant, frac, exp, ok := splitFloat(s, false, "eE")
	if !ok {
		return 0, errSyntax
	}
	t := mant
	if frac != "" {
		t += "." + frac
	}
	if exp != "" {
		t += "e" + exp
	}
	size := 64
	if f32 {
		size = 32
	}
	v, err := strconv.ParseFloat(t, size)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange && !math.IsInf(v, 0) {
			return v, nil // underflow to zero or denormal is fine
		}
		return 0, errRange
	}
	return v, nil
}

// hexFloat converts a hexadecimal float mantissa (without 0x) with an
// optional binary exponent, rounding to nearest-even at the target width.
// strconv rounds hex floats correctly itself when given the p exponent; very
// large exponents are clamped first so that the exponent text stays parseable.
func hexFloat(s string, f32 bool) (float64, error) {
	mant, frac, exp, ok := splitFloat(s, true, "pP")
	if !ok {
		return 0, errSyntax
	}
	e := int64(0)
	if exp != "" {
		v, err := strconv.ParseInt(exp, 10, 64)
		if err != nil {
			if exp[0] == '-' {
				v = -1 << 40
			} else {
				v = 1 << 40
			}
		}
		e = v
	}
	// Drop leading zeros so the digit count reflects magnitude.
	digs := strings.TrimLeft(mant+frac, "0")
	if digs == "" {
		return 0, nil
	}
	// Clamp the exponent: anything this far out over- or underflows anyway,
	// and keeping it bounded keeps the text small.
	scale := e - 4*int64(len(frac))
	const limit = 1 << 20
	if scale > limit {
		scale = limit
	} else if scale < -limit {
		scale = -limit
	}
	// Keep at most 32 significant hex digits plus a sticky digit so the
	// string stays small while rounding stays exact.
	if len(digs) > 33 {
		extra := len(digs) - 32
		sticky := strings.Trim(digs[32:], "0") != ""
		digs = digs[:32]
		if sticky {
			digs += "1"
			extra--
		}
		scale += 4 * int64(extra)
	}
	size := 64
	if f32 {
		size = 32
	}
	t := "0x" + digs + "p" + strconv.FormatInt(scale, 10)
	v, err := strconv.ParseFloat(t, size)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange && !math.IsInf(v, 0) {
			return v, nil
		}
		return 0, errRange
	}
	return v, nil
}
