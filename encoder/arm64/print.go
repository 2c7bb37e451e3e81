package arm64

import (
	"fmt"
	"math"
	"strings"
)

// Format prints op with the operand values vals in GNU syntax, the form
// objdump and golang.org/x/arch print: lower case, hex for arithmetic
// immediates, decimal for offsets, shifts and bit positions, ".+0x..." for
// PC-relative targets. It prints the row's own mnemonic; choosing a preferred
// alias is the caller's business (the table has rows for the aliases kiln
// emits). Values Encode rejects print as the row name and the error.
func Format(op Op, vals ...int64) string {
	if op < 0 || int(op) >= len(opRows) {
		return fmt.Sprintf("Op(%d)", op)
	}
	r := &opRows[op]
	if len(vals) != r.nvals {
		return fmt.Sprintf("%s <want %d values, have %d>", r.Name, r.nvals, len(vals))
	}
	if _, err := Encode(op, vals...); err != nil {
		return fmt.Sprintf("%s <invalid: %v>", r.Name, err)
	}
	e := enc{r: r, vals: vals}
	var parts []string
	for j := range r.args {
		if s := r.args[j].format(&e, r.start[j]); s != "" {
			parts = append(parts, s)
		}
	}
	name := r.Name
	if name == "b.cond" { // the condition is part of the mnemonic
		name, parts = "b."+parts[0], parts[1:]
	}
	if len(parts) == 0 {
		return name
	}
	return name + " " + strings.Join(parts, ", ")
}

func vecName(n int64, t Arrangement) string { return fmt.Sprintf("v%d.%s", n&31, t) }

var elemLetter = [4]string{"b", "h", "s", "d"}

func (a *arg) format(e *enc, i int) string {
	var v int64
	if i < len(e.vals) { // operands like #0 consume no value
		v = e.vals[i]
	}
	size := e.size()
	switch a.kind {
	case kGP:
		return gpName(v, a.sp)
	case kGPAny:
		// tbz/tbnz: the register prints as W when the bit is below 32.
		if e.vals[i+1] < 32 {
			return gpName(int64(clsW)<<8|v&31, false)
		}
		return gpName(int64(clsX)<<8|v&31, false)
	case kGPByT:
		return gpName(v, false)
	case kFP:
		return fpName(v)
	case kVec:
		if a.rel == relFixed {
			return vecName(v, a.arr)
		}
		t := e.t()
		switch a.rel {
		case relWide:
			return vecName(v, Arrangement(t>>1+1)<<1|1)
		case relFixed:
			return vecName(v, a.arr)
		case relPair:
			return vecName(v, Arrangement(t>>1+1)<<1|t&1)
		case relScalar:
			return fmt.Sprintf("%s%d", elemLetter[t>>1], v&31)
		}
		return vecName(v, t)
	case kVecElem:
		es := a.arr >> 1
		if a.rel != relFixed {
			es = e.t() >> 1
		}
		return fmt.Sprintf("v%d.%s[%d]", v&31, elemLetter[es], e.vals[i+1])
	case kVecList:
		t := a.arr
		if a.rel != relFixed {
			t = e.t()
		}
		var regs []string
		n := v & 31
		if a.n <= 2 || n+int64(a.n) > 32 {
			for k := int64(0); k < int64(a.n); k++ {
				regs = append(regs, vecName((n+k)&31, t))
			}
			return "{" + strings.Join(regs, ", ") + "}"
		}
		return "{" + vecName(n, t) + "-" + vecName(n+int64(a.n)-1, t) + "}"
	case kLane:
		return fmt.Sprintf("{v%d.%s}[%d]", v&31, elemLetter[a.arr>>1], e.vals[i+1])
	case kVList1:
		return "{" + vecName(v, e.t()) + "}"
	case kT, kZero:
		if a.kind == kZero {
			return "#0"
		}
		return ""
	case kImm12, kImm16, kImm8V:
		return fmt.Sprintf("#%#x", v)
	case kSh12:
		if v == 0 {
			return ""
		}
		return "lsl #12"
	case kShift:
		if v == 0 {
			return ""
		}
		return fmt.Sprintf("%s #%d", Shift(v>>8), v&0xff)
	case kExtReg:
		return gpName(v, false)
	case kExtend:
		opt, amt := Extend(v>>8), v&0xff
		// With SP as destination or first source, the "natural" extend
		// (uxtw in 32-bit, uxtx in 64-bit rows) is written lsl.
		natural := UXTW
		if size == 64 {
			natural = UXTX
		}
		if opt == natural && e.touchesSP() {
			if amt == 0 {
				return ""
			}
			return fmt.Sprintf("lsl #%d", amt)
		}
		if amt == 0 {
			return opt.String()
		}
		return fmt.Sprintf("%s #%d", opt, amt)
	case kBitmask:
		if size == 32 {
			v &= 0xffffffff
		}
		return fmt.Sprintf("#%#x", uint64(v))
	case kHW, kMoviLSL:
		if v == 0 {
			return ""
		}
		return fmt.Sprintf("lsl #%d", v)
	case kMoviMSL:
		return fmt.Sprintf("msl #%d", v)
	case kMovImm:
		if size == 32 {
			v &= 0xffffffff
		}
		return fmt.Sprintf("#%#x", uint64(v))
	case kUimm:
		if a.hex {
			return fmt.Sprintf("#%#x", v)
		}
		return fmt.Sprintf("#%d", v)
	case kVShl:
		if a.n == 1 {
			return ""
		}
		return fmt.Sprintf("#%d", v)
	case kLSL, kLSR, kLsb, kWidthX, kLsbIns, kWidthIns, kTbzBit, kVShr, kExtIdx:
		return fmt.Sprintf("#%d", v)
	case kCond, kInvCond:
		return Cond(v).String()
	case kLabel:
		return fmt.Sprintf(".%+#x", uint64(v))
	case kMem0:
		return "[" + gpName(v, true) + "]"
	case kMemU12, kMemS9, kMemP:
		if e.vals[i+1] == 0 {
			return "[" + gpName(v, true) + "]"
		}
		return fmt.Sprintf("[%s, #%d]", gpName(v, true), e.vals[i+1])
	case kMemPre, kMemPPre:
		return fmt.Sprintf("[%s, #%d]!", gpName(v, true), e.vals[i+1])
	case kMemPost, kMemPPost:
		return fmt.Sprintf("[%s], #%d", gpName(v, true), e.vals[i+1])
	case kMemReg:
		ext := e.vals[i+2]
		opt, sh := Extend(ext>>8&0xff), ext&0xff
		name := opt.String()
		if opt == UXTX {
			name = "lsl"
		}
		m := gpName(e.vals[i+1], false)
		switch {
		case sh != 0:
			return fmt.Sprintf("[%s, %s, %s #%d]", gpName(v, true), m, name, sh)
		case ext&0x10000 != 0:
			return fmt.Sprintf("[%s, %s, %s #0]", gpName(v, true), m, name)
		case opt == UXTX:
			return fmt.Sprintf("[%s, %s]", gpName(v, true), m)
		}
		return fmt.Sprintf("[%s, %s, %s]", gpName(v, true), m, name)
	case kFPImm, kFPImmV:
		return fmt.Sprintf("#%.18e", math.Float64frombits(uint64(v)))
	case kImm64V:
		return fmt.Sprintf("#%#x", uint64(v))
	case kBarrier:
		if n := barrierNames[v&15]; n != "" {
			return n
		}
		return fmt.Sprintf("#%#02x", v)
	}
	return "?"
}

// touchesSP reports whether an SP-capable register operand of the row is
// register 31, which changes how an extended-register form is written.
func (e *enc) touchesSP() bool {
	for j := range e.r.args {
		a := &e.r.args[j]
		if a.kind == kGP && a.sp && e.vals[e.r.start[j]]&31 == 31 {
			return true
		}
	}
	return false
}
