package ir

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
)

// IEEE 754 binary formats by total width: exponent and trailing-significand bits.
type ieeeFormat struct{ wbits, tbits int }

func ieeeFormatOf(bits int) ieeeFormat {
	switch bits {
	case 16:
		return ieeeFormat{5, 10}
	case 32:
		return ieeeFormat{8, 23}
	case 64:
		return ieeeFormat{11, 52}
	default:
		return ieeeFormat{15, 112}
	}
}

// FormatIeee writes IEEE bits of the given width (16, 32, 64, 128; hi holds
// bits 64-127 of an f128) in CLIF's exact hexadecimal syntax: 0.0, -0x1.800000p0,
// 0x0.000002p-126, +Inf, -NaN, +NaN:0x1, +sNaN:0x1.
func FormatIeee(bits int, lo, hi uint64) string {
	fm := ieeeFormatOf(bits)
	x := new(big.Int).SetUint64(hi)
	x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(lo))
	one := big.NewInt(1)
	tmask := new(big.Int).Sub(new(big.Int).Lsh(one, uint(fm.tbits)), one)
	t := new(big.Int).And(x, tmask)
	e := new(big.Int).Rsh(x, uint(fm.tbits))
	sign := e.Bit(fm.wbits) != 0
	e.SetBit(e, fm.wbits, 0)
	ebits := int(e.Int64())
	maxE := 1<<fm.wbits - 1
	bias := maxE >> 1
	var b strings.Builder
	if ebits == maxE {
		if sign {
			b.WriteByte('-')
		} else {
			b.WriteByte('+')
		}
		if t.Sign() == 0 {
			b.WriteString("Inf")
			return b.String()
		}
		quiet := t.Bit(fm.tbits-1) != 0
		payload := new(big.Int).SetBit(t, fm.tbits-1, 0)
		if quiet {
			b.WriteString("NaN")
			if payload.Sign() != 0 {
				b.WriteString(":0x" + payload.Text(16))
			}
		} else {
			b.WriteString("sNaN:0x" + payload.Text(16))
		}
		return b.String()
	}
	if sign {
		b.WriteByte('-')
	}
	digits := (fm.tbits + 3) / 4
	pad := uint(digits*4 - fm.tbits)
	frac := new(big.Int).Lsh(t, pad).Text(16)
	frac = strings.Repeat("0", digits-len(frac)) + frac
	if ebits == 0 {
		if t.Sign() == 0 {
			b.WriteString("0.0")
			return b.String()
		}
		b.WriteString("0x0." + frac + "p" + strconv.Itoa(1-bias))
		return b.String()
	}
	b.WriteString("0x1." + frac + "p" + strconv.Itoa(ebits-bias))
	return b.String()
}

// ParseIeee parses CLIF float syntax for a float of the given width and
// returns its bits (hi is non-zero only for f128). Values must be exactly
// representable: CLIF has no rounding.
func ParseIeee(s string, bits int) (lo, hi uint64, err error) {
	fm := ieeeFormatOf(bits)
	maxE := 1<<fm.wbits - 1
	sign := false
	rest := s
	if len(rest) > 0 && (rest[0] == '-' || rest[0] == '+') {
		sign = rest[0] == '-'
		rest = rest[1:]
	}
	var ebits int
	t := new(big.Int)
	switch {
	case rest == "Inf":
		ebits = maxE
	case rest == "NaN" || strings.HasPrefix(rest, "NaN:") || strings.HasPrefix(rest, "sNaN:"):
		ebits = maxE
		quiet := !strings.HasPrefix(rest, "sNaN")
		_, p, hasPayload := strings.Cut(rest, ":")
		if hasPayload {
			if !strings.HasPrefix(p, "0x") {
				return 0, 0, errors.New("NaN payload must be hexadecimal")
			}
			if _, ok := t.SetString(strings.ReplaceAll(p[2:], "_", ""), 16); !ok || strings.HasPrefix(p[2:], "-") || strings.HasPrefix(p[2:], "+") {
				return 0, 0, errors.New("invalid NaN payload")
			}
			if t.BitLen() > fm.tbits-1 {
				return 0, 0, errors.New("NaN payload too large")
			}
		}
		if quiet {
			t.SetBit(t, fm.tbits-1, 1)
		} else if t.Sign() == 0 {
			return 0, 0, errors.New("signalling NaN needs a non-zero payload")
		}
	case strings.HasPrefix(rest, "0x"):
		var err error
		ebits, err = parseHexFloat(rest[2:], fm, t)
		if err != nil {
			return 0, 0, err
		}
	default:
		// The one decimal form: zero (0.0, 0., 00.000).
		ip, fp, ok := strings.Cut(rest, ".")
		if !ok || ip == "" || strings.Trim(ip, "0") != "" || strings.Trim(fp, "0") != "" {
			return 0, 0, errors.New("float must be hexadecimal")
		}
	}
	x := new(big.Int).SetInt64(int64(ebits))
	if sign {
		x.SetBit(x, fm.wbits, 1)
	}
	x.Lsh(x, uint(fm.tbits)).Or(x, t)
	lo = new(big.Int).And(x, new(big.Int).SetUint64(^uint64(0))).Uint64()
	hi = new(big.Int).Rsh(x, 64).Uint64()
	return lo, hi, nil
}

// parseHexFloat parses the digits after 0x (e.g. "1.8p3") into biased
// exponent bits and trailing significand t.
func parseHexFloat(s string, fm ieeeFormat, t *big.Int) (int, error) {
	mant, expStr, hasExp := strings.Cut(s, "p")
	exp := 0
	if hasExp {
		e, err := strconv.Atoi(expStr)
		if err != nil || e > 1<<20 || e < -(1<<20) {
			return 0, errors.New("invalid float exponent")
		}
		exp = e
	}
	ip, fp, _ := strings.Cut(mant, ".")
	ip = strings.ReplaceAll(ip, "_", "")
	fp = strings.ReplaceAll(fp, "_", "")
	if ip == "" && fp == "" {
		return 0, errors.New("float has no digits")
	}
	sig := new(big.Int)
	if _, ok := sig.SetString("0"+ip+fp, 16); !ok || strings.ContainsAny(ip+fp, "+-") {
		return 0, errors.New("invalid hexadecimal float digits")
	}
	exp -= 4 * len(fp)
	if sig.Sign() == 0 {
		return 0, nil
	}
	maxE := 1<<fm.wbits - 1
	bias := maxE >> 1
	emin := 1 - bias
	top := sig.BitLen() - 1 + exp // exponent of the leading bit
	if top > bias {
		return 0, errors.New("float is too large")
	}
	// Shift so the significand has tbits fraction bits after the leading
	// bit (normal) or is scaled to emin (subnormal).
	var shift int
	ebits := 0
	if top >= emin {
		ebits = top + bias
		shift = exp - (top - fm.tbits)
	} else {
		shift = exp - (emin - fm.tbits)
	}
	if shift >= 0 {
		sig.Lsh(sig, uint(shift))
	} else {
		low := new(big.Int).And(sig, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(-shift)), big.NewInt(1)))
		if low.Sign() != 0 {
			return 0, errors.New("too many significant bits in float")
		}
		sig.Rsh(sig, uint(-shift))
	}
	if ebits != 0 {
		sig.SetBit(sig, fm.tbits, 0)
	}
	t.Set(sig)
	return ebits, nil
}
