package arm64

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// An operand kind says how one assembly operand turns into instruction bits
// and back into text. Rows list their operands as tokens in the manual's
// assembly order; parseArg turns each token into an arg once, when the
// table is parsed.
//
// Every operand consumes zero or more int64 values from the caller
// (arg.nvals): registers are their typed value (class<<8 | number),
// immediates are the number the assembler would write, labels are byte
// displacements from the instruction, memory operands are a base register
// followed by an offset (or index register and extend).
type kind uint8

const (
	kGP       kind = iota // general register: cls W or X; sp: 31 is SP
	kGPAny                // W or X register, class chosen by the caller (tbz)
	kGPByT                // W for B/H/S elements, X for D elements (dup general, umov)
	kFP                   // scalar SIMD&FP register of class cls
	kVec                  // vector register, arrangement derived from T by rel
	kVecElem              // <Vn>.<Ts>[<index>] with index in imm5 (pos2=16) or imm4 (pos2=11)
	kVecList              // {<Vn>.16B, ...} of n consecutive registers (tbl/tbx)
	kLane                 // {<Vt>.<Ts>}[<index>] single-structure lane (ld1/st1)
	kVList1               // {<Vt>.<T>} (ld1r)
	kT                    // hidden: the arrangement of the instruction
	kImm12                // #<imm12> at bit 10
	kSh12                 // optional LSL #12 at bit 22 (values 0 or 12)
	kShift                // shift type at 22, amount at 10 (value type<<8|amount); noROR for add/sub
	kExtReg               // extended-register Rm at 16: W unless option is ?11 in a 64-bit row
	kExtend               // option at 13, amount at 10 (value option<<8|amount)
	kBitmask              // N:immr:imms logical immediate
	kImm16                // 16-bit immediate at pos
	kHW                   // optional LSL #(16*hw) at 21
	kMovImm               // the mov alias of movz/movn: the final value
	kUimm                 // plain unsigned field: pos, width bits, printed as #%d or #0x%x
	kLSL                  // lsl #n alias of ubfm: immr = -n mod size, imms = size-1-n
	kLSR                  // lsr/asr #n alias: immr = n, imms = size-1
	kLsb                  // extract lsb: immr = lsb
	kWidthX               // extract width: imms = lsb+width-1
	kLsbIns               // insert lsb: immr = -lsb mod size
	kWidthIns             // insert width: imms = width-1
	kCond                 // condition at pos
	kInvCond              // cset/cinc alias: encodes the inverted condition, not AL/NV
	kLabel                // PC-relative byte displacement, bits/pos/scale from token
	kTbzBit               // b5:b40
	kMem0                 // [<Xn|SP>]
	kMemU12               // [<Xn|SP>{, #<pimm>}] scaled unsigned offset
	kMemS9                // [<Xn|SP>{, #<simm>}] unscaled
	kMemPre               // [<Xn|SP>, #<simm>]!
	kMemPost              // [<Xn|SP>], #<simm>
	kMemReg               // [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	kMemP                 // pair offset [<Xn|SP>{, #<imm>}] imm7 scaled
	kMemPPre              // pair pre-index
	kMemPPost             // pair post-index
	kZero                 // the literal #0 / #0.0
	kFPImm                // 8-bit FP immediate at 13 (scalar fmov)
	kFPImmV               // 8-bit FP immediate split a:b:c at 16, d:e:f:g:h at 5 (vector fmov)
	kImm8V                // 8-bit integer immediate split like kFPImmV (movi/mvni)
	kImm64V               // 64-bit byte mask immediate split like kFPImmV (movi 2d)
	kMoviLSL              // optional LSL #0/8 (16-bit) or #0/8/16/24 (32-bit) in cmode
	kMoviMSL              // MSL #8/16 in cmode<0>
	kVShl                 // shl/sshll shift: immh:immb = esize + shift
	kVShr                 // sshr/ushr shift: immh:immb = 2*esize - shift
	kExtIdx               // ext: byte index imm4 at 11
	kBarrier              // dmb/dsb option at 8
)

// Vector register arrangement relative to the instruction's T operand.
const (
	relSame   = iota // <Vd>.<T>
	relWide          // <Vd>.<Ta>: double-width elements, 128 bits
	relFixed         // a fixed arrangement written in the token (Vd.16B)
	relScalar        // the scalar element of T (addv: <V><d>)
	relPair          // <Vd>.<Ta> of a pairwise widening op: element doubled, same Q
)

// T operand encodings.
const (
	tSizeQ   = iota // size at 22, Q at 30
	tSzQ            // FP: sz at 22 (S=0, D=1), Q at 30
	tSize10Q        // size at 10, Q at 30 (ld1r)
	tQ              // Q at 30 only; element size is implied by another field
	tQImm5          // Q at 30 and imm5 = 1<<size at 16 (dup general)
	tNone           // element size only (ins); nothing encoded
)

// arg is one parsed operand token: its kind and the parameters the kind
// needs. The meaning of the small fields depends on the kind.
type arg struct {
	kind  kind
	pos   uint8  // primary bit position
	pos2  uint8  // secondary position (register list, imm5/imm4)
	width uint8  // field width for kUimm/kLabel
	cls   uint16 // register class
	sp    bool   // register 31 is SP
	rel   uint8  // vector relation to T
	arr   Arrangement
	set   uint8 // allowed arrangements for kT (bit per Arrangement)
	tenc  uint8 // T encoding scheme
	scale uint8 // log2 scale of memory offsets / labels
	n     uint8 // list length (kVecList); flag: ROR allowed (kShift), MOVN (kMovImm), 32-bit (kMoviLSL), no value (kVShl)
	hex   bool  // print immediate in hex
	tok   string
}

func (a *arg) nvals() int {
	switch a.kind {
	case kVecElem, kLane, kMemU12, kMemS9, kMemPre, kMemPost, kMemP, kMemPPre, kMemPPost:
		return 2
	case kMemReg:
		return 3
	case kZero:
		return 0
	case kVShl:
		if a.n == 1 {
			return 0
		}
	}
	return 1
}

// needsT reports whether the operand reads the instruction's arrangement.
func (a *arg) needsT() bool {
	switch a.kind {
	case kVec, kVecElem, kVecList:
		return a.rel != relFixed
	case kGPByT, kVShl, kVShr, kExtIdx, kVList1:
		return true
	}
	return false
}

// namedSets abbreviate the common arrangement lists of T operands.
var namedSets = map[string]uint8{
	"B":    1<<A8B | 1<<A16B,
	"BHS":  1<<A8B | 1<<A16B | 1<<A4H | 1<<A8H | 1<<A2S | 1<<A4S,
	"BHSD": 1<<A8B | 1<<A16B | 1<<A4H | 1<<A8H | 1<<A2S | 1<<A4S | 1<<A2D,
	"SD":   1<<A2S | 1<<A4S | 1<<A2D,
}

var fieldPos = map[byte]uint8{'d': 0, 'n': 5, 'm': 16, 'a': 10, 't': 0, 's': 16}

// regField parses "d", "n", "m", "a", "t", "t2", "s" and "nm" (both n and m).
func regField(s string) (pos, pos2 uint8, ok bool) {
	switch s {
	case "t2":
		return 10, 10, true
	case "nm":
		return 5, 16, true
	}
	if len(s) != 1 {
		return 0, 0, false
	}
	p, ok := fieldPos[s[0]]
	return p, p, ok
}

func parseArr(s string) (Arrangement, bool) {
	for i, n := range arrNames {
		if strings.EqualFold(n, s) {
			return Arrangement(i), true
		}
	}
	return 0, false
}

var clsByLetter = map[byte]uint16{'W': clsW, 'X': clsX, 'B': clsB, 'H': clsH, 'S': clsS, 'D': clsD, 'Q': clsQ}

// parseArg turns one operand token into an arg. Token grammar (fields are
// d=0 n=5 m=16 a=10 t=0 t2=10 s=16, nm = the same register in n and m):
//
//	Xd Wn Xd|SP Wn|WSP     general registers
//	Rt                     W or X, chosen by the value (tbz/tbnz)
//	Rn.T                   W or X by T's element size (dup, umov)
//	Sd Dn Qt ...           scalar SIMD&FP registers
//	Vd.T Vd.Ta Vd.Tp Vd.Tv Vd.16B   vectors: same as T, widened to 128 bits,
//	                       widened pairwise (same Q), scalar element, fixed
//	Vn.Ts[i] Vn.S[i]       element, imm5 index; Vn.Ts[j4] imm4 index (ins)
//	{Vn.16B}*k {Vt.T}*k    k consecutive registers: table list, ld1/st1 list
//	{Vt.B}[i] {Vt.T}       single-structure lane, ld1r list
//	T=8B,16B,...  Tsz=...  T10=...  Tq=...  Tq5=...  Ts=...
//	                       hidden arrangement: size:Q at 22, sz:Q (FP), size:Q
//	                       at 10, Q only, Q plus imm5 (dup), none (element size
//	                       for ins); the list may be B, BHS, BHSD or SD
//	#imm12 {lsl#12} {shift} {shift/noror} Rm.ext {extend} #bimm #imm16@5 {lsl#hw}
//	#movz #movn #u:pos:width #x:pos:width (decimal/hex) #lsl #lsr #lsb #width
//	#lsbi #widthi (insert forms)  cond@12 invcond@12 #tbit
//	L:pos:bits:scale       PC-relative field; pos 255 means ADR's immhi:immlo
//	[Xn|SP] [u12/scale] [s9] [s9]! [s9]post [reg/scale] [p/scale] [p/scale]!
//	[p/scale]post          memory: base only, scaled unsigned, unscaled, pre,
//	                       post, register offset, pair offset/pre/post
//	#0 #fimm #fimmv #imm8v #imm64v {lsl#8v16} {lsl#8v32} msl #vshl #vshl0
//	#vshr #extidx #barrier
func parseArg(tok string) (arg, error) {
	a := arg{tok: tok}
	bad := func() (arg, error) { return a, fmt.Errorf("bad operand token %q", tok) }
	switch {
	case tok == "#imm12":
		a.kind = kImm12
	case tok == "{lsl#12}":
		a.kind = kSh12
	case tok == "{shift}" || tok == "{shift/noror}":
		a.kind = kShift
		if tok == "{shift}" {
			a.n = 1
		}
	case tok == "Rm.ext":
		a.kind, a.pos = kExtReg, 16
	case tok == "{extend}":
		a.kind = kExtend
	case tok == "#bimm":
		a.kind = kBitmask
	case strings.HasPrefix(tok, "#imm16@"):
		p, err := strconv.Atoi(tok[7:])
		if err != nil {
			return bad()
		}
		a.kind, a.pos = kImm16, uint8(p)
	case tok == "{lsl#hw}":
		a.kind = kHW
	case tok == "#movz" || tok == "#movn":
		a.kind = kMovImm
		if tok == "#movn" {
			a.n = 1
		}
	case strings.HasPrefix(tok, "#u:") || strings.HasPrefix(tok, "#x:"):
		var p, w int
		if _, err := fmt.Sscanf(tok[3:], "%d:%d", &p, &w); err != nil {
			return bad()
		}
		a.kind, a.pos, a.width, a.hex = kUimm, uint8(p), uint8(w), tok[1] == 'x'
	case tok == "#lsl":
		a.kind = kLSL
	case tok == "#lsr":
		a.kind = kLSR
	case tok == "#lsb":
		a.kind = kLsb
	case tok == "#width":
		a.kind = kWidthX
	case tok == "#lsbi":
		a.kind = kLsbIns
	case tok == "#widthi":
		a.kind = kWidthIns
	case strings.HasPrefix(tok, "cond@"):
		p, err := strconv.Atoi(tok[5:])
		if err != nil {
			return bad()
		}
		a.kind, a.pos = kCond, uint8(p)
	case tok == "invcond@12":
		a.kind, a.pos = kInvCond, 12
	case strings.HasPrefix(tok, "L:"):
		var p, w, s int
		if _, err := fmt.Sscanf(tok[2:], "%d:%d:%d", &p, &w, &s); err != nil {
			return bad()
		}
		a.kind, a.pos, a.width, a.scale = kLabel, uint8(p), uint8(w), uint8(s)
	case tok == "#tbit":
		a.kind = kTbzBit
	case tok == "[Xn|SP]":
		a.kind, a.pos = kMem0, 5
	case tok == "#0":
		a.kind = kZero
	case tok == "#fimm":
		a.kind = kFPImm
	case tok == "#fimmv":
		a.kind = kFPImmV
	case tok == "#imm8v":
		a.kind = kImm8V
	case tok == "#imm64v":
		a.kind = kImm64V
	case tok == "{lsl#8v16}" || tok == "{lsl#8v32}":
		a.kind = kMoviLSL
		if tok == "{lsl#8v32}" {
			a.n = 1
		}
	case tok == "msl":
		a.kind = kMoviMSL
	case tok == "#vshl":
		a.kind = kVShl
	case tok == "#vshl0":
		a.kind, a.n = kVShl, 1
	case tok == "#vshr":
		a.kind = kVShr
	case tok == "#extidx":
		a.kind = kExtIdx
	case tok == "#barrier":
		a.kind = kBarrier
	case tok == "Rt":
		a.kind, a.pos = kGPAny, 0
	case strings.HasPrefix(tok, "Rn.T") || strings.HasPrefix(tok, "Rd.T"):
		p, _, _ := regField(tok[1:2])
		a.kind, a.pos = kGPByT, p
	case strings.HasPrefix(tok, "["):
		// [u12/8] [s9] [s9]! [s9]post [reg/8] [p/8] [p/8]! [p/8]post
		body, rest, ok := strings.Cut(tok[1:], "]")
		if !ok {
			return bad()
		}
		name, sc, _ := strings.Cut(body, "/")
		if sc != "" {
			n, err := strconv.Atoi(sc)
			if err != nil || n&(n-1) != 0 {
				return bad()
			}
			for n > 1 {
				a.scale++
				n >>= 1
			}
		}
		a.pos = 5
		switch name + "|" + rest {
		case "u12|":
			a.kind = kMemU12
		case "s9|":
			a.kind = kMemS9
		case "s9|!":
			a.kind = kMemPre
		case "s9|post":
			a.kind = kMemPost
		case "reg|":
			a.kind = kMemReg
		case "p|":
			a.kind = kMemP
		case "p|!":
			a.kind = kMemPPre
		case "p|post":
			a.kind = kMemPPost
		default:
			return bad()
		}
	case strings.HasPrefix(tok, "T"):
		name, list, _ := strings.Cut(tok, "=")
		switch name {
		case "T":
			a.tenc = tSizeQ
		case "Tsz":
			a.tenc = tSzQ
		case "T10":
			a.tenc = tSize10Q
		case "Tq":
			a.tenc = tQ
		case "Tq5":
			a.tenc = tQImm5
		case "Ts":
			a.tenc = tNone
		default:
			return bad()
		}
		a.kind = kT
		if set, ok := namedSets[list]; ok {
			a.set = set
			break
		}
		for _, s := range strings.Split(list, ",") {
			ar, ok := parseArr(s)
			if !ok {
				return bad()
			}
			a.set |= 1 << ar
		}
	case strings.HasPrefix(tok, "{V"):
		// {Vn.16B}*k, {Vt.T}*k, {Vt.B}[i], {Vt.T}
		if i := strings.Index(tok, "}*"); i > 0 {
			k, err := strconv.Atoi(tok[i+2:])
			if err != nil || k < 1 || k > 4 {
				return bad()
			}
			switch tok[:i] {
			case "{Vn.16B":
				a.kind, a.pos, a.n, a.rel, a.arr = kVecList, 5, uint8(k), relFixed, A16B
			case "{Vt.T":
				a.kind, a.pos, a.n, a.rel = kVecList, 0, uint8(k), relSame
			default:
				return bad()
			}
			return a, nil
		}
		if strings.HasSuffix(tok, "}[i]") {
			c, ok := clsByLetter[tok[4]]
			if !ok || len(tok) != 9 {
				return bad()
			}
			a.kind, a.pos, a.arr = kLane, 0, Arrangement((c-clsB)<<1|1)
			return a, nil
		}
		if tok == "{Vt.T}" {
			a.kind, a.pos = kVList1, 0
			return a, nil
		}
		return bad()
	case tok[0] == 'V':
		// Vd.T Vd.Ta Vd.Tv Vd.16B Vn.Ts[i] Vn.S[i] Vn.Ts[j4]
		f, spec, ok := strings.Cut(tok[1:], ".")
		if !ok {
			return bad()
		}
		p, p2, ok := regField(f)
		if !ok {
			return bad()
		}
		a.pos, a.pos2, a.cls = p, p2, clsV
		if base, ok := strings.CutSuffix(spec, "[i]"); ok {
			a.kind, a.pos2 = kVecElem, 16
			if base != "Ts" {
				c, ok := clsByLetter[base[0]]
				if !ok || len(base) != 1 {
					return bad()
				}
				a.rel, a.arr = relFixed, Arrangement((c-clsB)<<1|1)
			}
			return a, nil
		}
		if spec == "Ts[j4]" {
			a.kind, a.pos2 = kVecElem, 11
			return a, nil
		}
		a.kind = kVec
		switch spec {
		case "T":
			a.rel = relSame
		case "Ta":
			a.rel = relWide
		case "Tv":
			a.rel = relScalar
		case "Tp":
			a.rel = relPair
		default:
			ar, ok := parseArr(spec)
			if !ok {
				return bad()
			}
			a.rel, a.arr = relFixed, ar
		}
	default:
		c, ok := clsByLetter[tok[0]]
		if !ok {
			return bad()
		}
		f, sp, _ := strings.Cut(tok[1:], "|")
		p, p2, ok := regField(f)
		if !ok {
			return bad()
		}
		a.pos, a.pos2, a.cls = p, p2, c
		if c == clsW || c == clsX {
			a.kind = kGP
			switch {
			case sp == "":
			case sp == "SP" && c == clsX, sp == "WSP" && c == clsW:
				a.sp = true
			default:
				return bad()
			}
		} else {
			if sp != "" {
				return bad()
			}
			a.kind = kFP
		}
	}
	return a, nil
}

// operandError names the operand that could not be encoded.
type operandError struct {
	tok    string
	reason string
}

func (e *operandError) Error() string { return e.tok + ": " + e.reason }

func errf(a *arg, format string, args ...any) error {
	return &operandError{tok: a.tok, reason: fmt.Sprintf(format, args...)}
}

// enc is the state of one encoding: the row, all caller values, and the
// value index at which each operand starts.
type enc struct {
	r    *row
	vals []int64
}

// t returns the instruction's arrangement (from its hidden T operand).
func (e *enc) t() Arrangement { return Arrangement(e.vals[e.r.tIdx]) }

func (e *enc) size() int64 { return int64(e.r.size) }

// reg checks that v is a register of class cls and returns its number.
func reg(a *arg, v int64, cls uint16) (uint32, error) {
	if v < 0 || v>>8 != int64(cls) || v&0xe0 != 0 {
		return 0, errf(a, "want %s register, have %s", clsName(cls), valName(v))
	}
	return uint32(v & 31), nil
}

func clsName(c uint16) string {
	switch c {
	case clsW:
		return "W"
	case clsX:
		return "X"
	case clsV:
		return "V"
	}
	if c >= clsB && c <= clsQ {
		return string("BHSDQ"[c-clsB])
	}
	return "no"
}

func valName(v int64) string {
	c := uint16(v >> 8)
	switch {
	case v < 0 || v>>8 > int64(clsV) || v&0xe0 != 0:
		return fmt.Sprintf("non-register %#x", v)
	case c == clsW || c == clsX:
		return gpName(v, false) + "/" + gpName(v, true)
	case c >= clsB:
		return fpName(v)
	}
	return fmt.Sprintf("non-register %#x", v)
}

func tElem(t Arrangement) int64 { return int64(t >> 1) }

// encode produces the bits of operand a, whose values start at vals[i].
func (a *arg) encode(e *enc, i int) (uint32, error) {
	var v int64
	if i < len(e.vals) { // operands like #0 consume no value
		v = e.vals[i]
	}
	size := e.size()
	switch a.kind {
	case kGP:
		n, err := reg(a, v, a.cls)
		return n<<a.pos | n<<a.pos2, err
	case kGPAny:
		if v>>8 != int64(clsW) && v>>8 != int64(clsX) {
			return 0, errf(a, "want W or X register, have %s", valName(v))
		}
		return uint32(v&31) << a.pos, nil
	case kGPByT:
		cls := uint16(clsW)
		if tElem(e.t()) == 3 {
			cls = clsX
		}
		n, err := reg(a, v, cls)
		return n << a.pos, err
	case kFP:
		n, err := reg(a, v, a.cls)
		return n<<a.pos | n<<a.pos2, err
	case kVec:
		n, err := reg(a, v, clsV)
		return n<<a.pos | n<<a.pos2, err
	case kVecElem:
		n, err := reg(a, v, clsV)
		if err != nil {
			return 0, err
		}
		es := int64(a.arr >> 1)
		if a.rel != relFixed {
			es = tElem(e.t())
		}
		idx := e.vals[i+1]
		if idx < 0 || idx >= 16>>es {
			return 0, errf(a, "element index %d out of range for %d-byte elements", idx, 1<<es)
		}
		if a.pos2 == 11 { // imm4 = index << size
			return n<<a.pos | uint32(idx<<es)<<11, nil
		}
		imm5 := uint32(idx<<1|1) << es
		return n<<a.pos | imm5<<16, nil
	case kVecList:
		n, err := reg(a, v, clsV)
		return n << a.pos, err
	case kLane:
		n, err := reg(a, v, clsV)
		if err != nil {
			return 0, err
		}
		es := uint32(a.arr >> 1)
		idx := e.vals[i+1]
		if idx < 0 || idx >= 16>>es {
			return 0, errf(a, "lane %d out of range for %d-byte elements", idx, 1<<es)
		}
		// Q:S:size holds the index shifted left by the element size;
		// for D lanes size is 01.
		x := uint32(idx) << es
		bits := (x>>3)<<30 | (x>>2&1)<<12 | (x&3)<<10
		if es == 3 {
			bits |= 1 << 10
		}
		return n | bits, nil
	case kVList1:
		n, err := reg(a, v, clsV)
		return n, err
	case kT:
		t := Arrangement(v)
		if v < 0 || v > int64(A2D) || a.set&(1<<t) == 0 {
			return 0, errf(a, "arrangement %v not allowed", t)
		}
		q := uint32(t&1) << 30
		switch a.tenc {
		case tSizeQ:
			return uint32(t>>1)<<22 | q, nil
		case tSzQ:
			return uint32(t>>1&1)<<22 | q, nil
		case tSize10Q:
			return uint32(t>>1)<<10 | q, nil
		case tQ:
			return q, nil
		case tQImm5:
			return q | 1<<(16+t>>1), nil
		}
		return 0, nil
	case kImm12:
		if v < 0 || v > 4095 {
			return 0, errf(a, "immediate %d does not fit 12 bits", v)
		}
		return uint32(v) << 10, nil
	case kSh12:
		if v != 0 && v != 12 {
			return 0, errf(a, "shift must be 0 or 12, have %d", v)
		}
		return uint32(v/12) << 22, nil
	case kShift:
		typ, amt := v>>8, v&0xff
		if v < 0 || typ > 3 || (typ == 3 && a.n == 0) {
			return 0, errf(a, "bad shift type %d", typ)
		}
		if amt >= size {
			return 0, errf(a, "shift amount %d out of range for %d-bit operation", amt, size)
		}
		return uint32(typ)<<22 | uint32(amt)<<10, nil
	case kExtReg:
		cls := uint16(clsW)
		if size == 64 && e.vals[i+1]>>8&3 == 3 {
			cls = clsX
		}
		n, err := reg(a, v, cls)
		return n << a.pos, err
	case kExtend:
		opt, amt := v>>8, v&0xff
		if v < 0 || opt > 7 || amt > 4 {
			return 0, errf(a, "bad extend %#x (amount must be 0-4)", v)
		}
		return uint32(opt)<<13 | uint32(amt)<<10, nil
	case kBitmask:
		n, immr, imms, ok := EncodeBitmask(uint64(v), int(size))
		if !ok {
			return 0, errf(a, "%#x is not a %d-bit logical immediate", uint64(v), size)
		}
		return n<<22 | immr<<16 | imms<<10, nil
	case kImm16:
		if v < 0 || v > 0xffff {
			return 0, errf(a, "immediate %#x does not fit 16 bits", v)
		}
		return uint32(v) << a.pos, nil
	case kHW:
		if v < 0 || v%16 != 0 || v >= size {
			return 0, errf(a, "shift must be a multiple of 16 below %d, have %d", size, v)
		}
		return uint32(v/16) << 21, nil
	case kMovImm:
		u := uint64(v)
		if a.n == 1 {
			u = ^u
		}
		if size == 32 {
			u &= 0xffffffff
			if uint64(v)>>32 != 0 && uint64(v)>>32 != 0xffffffff {
				return 0, errf(a, "%#x does not fit 32 bits", uint64(v))
			}
		}
		for hw := 0; hw < int(size)/16; hw++ {
			if u&^(0xffff<<(16*hw)) == 0 {
				return uint32(u>>(16*hw))<<5 | uint32(hw)<<21, nil
			}
		}
		return 0, errf(a, "%#x is not a single 16-bit chunk", uint64(v))
	case kUimm:
		if v < 0 || v >= 1<<a.width {
			return 0, errf(a, "immediate %d does not fit %d bits", v, a.width)
		}
		return uint32(v) << a.pos, nil
	case kLSL:
		if v < 0 || v >= size {
			return 0, errf(a, "shift %d out of range", v)
		}
		return uint32((size-v)%size)<<16 | uint32(size-1-v)<<10, nil
	case kLSR:
		if v < 0 || v >= size {
			return 0, errf(a, "shift %d out of range", v)
		}
		return uint32(v)<<16 | uint32(size-1)<<10, nil
	case kLsb:
		if v < 0 || v >= size {
			return 0, errf(a, "lsb %d out of range", v)
		}
		return uint32(v) << 16, nil
	case kWidthX:
		lsb := e.vals[i-1]
		if v < 1 || v > size-lsb {
			return 0, errf(a, "width %d out of range for lsb %d", v, lsb)
		}
		return uint32(lsb+v-1) << 10, nil
	case kLsbIns:
		if v < 0 || v >= size {
			return 0, errf(a, "lsb %d out of range", v)
		}
		return uint32((size-v)%size) << 16, nil
	case kWidthIns:
		lsb := e.vals[i-1]
		if v < 1 || v > size-lsb {
			return 0, errf(a, "width %d out of range for lsb %d", v, lsb)
		}
		return uint32(v-1) << 10, nil
	case kCond:
		if v < 0 || v > 15 {
			return 0, errf(a, "bad condition %d", v)
		}
		return uint32(v) << a.pos, nil
	case kInvCond:
		if v < 0 || v > 13 {
			return 0, errf(a, "condition %d cannot be inverted (al/nv)", v)
		}
		return uint32(v^1) << a.pos, nil
	case kLabel:
		return labelField(a, v)
	case kTbzBit:
		rt := e.vals[i-1]
		lim := int64(32)
		if rt>>8 == int64(clsX) {
			lim = 64
		}
		if v < 0 || v >= lim {
			return 0, errf(a, "bit %d out of range for %s", v, valName(rt))
		}
		return uint32(v>>5)<<31 | uint32(v&31)<<19, nil
	case kMem0, kMemU12, kMemS9, kMemPre, kMemPost, kMemReg, kMemP, kMemPPre, kMemPPost:
		return a.encodeMem(e, i)
	case kZero:
		return 0, nil
	case kFPImm, kFPImmV:
		imm8, ok := EncodeFPImm(math.Float64frombits(uint64(v)))
		if !ok {
			return 0, errf(a, "%g is not an 8-bit floating-point immediate", math.Float64frombits(uint64(v)))
		}
		if a.kind == kFPImm {
			return imm8 << 13, nil
		}
		return splitImm8(imm8), nil
	case kImm8V:
		if v < 0 || v > 255 {
			return 0, errf(a, "immediate %#x does not fit 8 bits", v)
		}
		return splitImm8(uint32(v)), nil
	case kImm64V:
		var imm8 uint32
		for b := 0; b < 8; b++ {
			switch byte(uint64(v) >> (8 * b)) {
			case 0xff:
				imm8 |= 1 << b
			case 0:
			default:
				return 0, errf(a, "%#x is not a byte mask", uint64(v))
			}
		}
		return splitImm8(imm8), nil
	case kMoviLSL:
		max := int64(8)
		if a.n == 1 {
			max = 24
		}
		if v < 0 || v%8 != 0 || v > max {
			return 0, errf(a, "shift must be a multiple of 8 up to %d, have %d", max, v)
		}
		return uint32(v/8) << 13, nil
	case kMoviMSL:
		if v != 8 && v != 16 {
			return 0, errf(a, "msl shift must be 8 or 16, have %d", v)
		}
		return uint32(v/16) << 12, nil
	case kVShl, kVShr:
		es := int64(8) << tElem(e.t())
		if a.kind == kVShl && a.n == 1 { // sxtl/uxtl: shift 0, no value
			return uint32(es) << 16, nil
		}
		if a.kind == kVShl {
			if v < 0 || v >= es {
				return 0, errf(a, "shift %d out of range 0-%d", v, es-1)
			}
			return uint32(es+v) << 16, nil
		}
		if v < 1 || v > es {
			return 0, errf(a, "shift %d out of range 1-%d", v, es)
		}
		return uint32(2*es-v) << 16, nil
	case kExtIdx:
		lim := int64(8)
		if e.t().Q() {
			lim = 16
		}
		if v < 0 || v >= lim {
			return 0, errf(a, "index %d out of range 0-%d", v, lim-1)
		}
		return uint32(v) << 11, nil
	case kBarrier:
		if v < 0 || v > 15 {
			return 0, errf(a, "bad barrier option %d", v)
		}
		return uint32(v) << 8, nil
	}
	return 0, errf(a, "unknown operand kind")
}

// splitImm8 places a:b:c at bits 18:16 and d:e:f:g:h at bits 9:5.
func splitImm8(imm8 uint32) uint32 { return (imm8>>5)<<16 | (imm8&31)<<5 }

// labelField checks and places a PC-relative displacement.
func labelField(a *arg, v int64) (uint32, error) {
	if v&(1<<a.scale-1) != 0 {
		return 0, errf(a, "displacement %d is not a multiple of %d", v, 1<<a.scale)
	}
	x := v >> a.scale
	if x < -(1<<(a.width-1)) || x >= 1<<(a.width-1) {
		return 0, errf(a, "displacement %d out of range", v)
	}
	f := uint32(x) & (1<<a.width - 1)
	if a.pos == 255 { // adr/adrp: immlo at 29, immhi at 5
		return (f&3)<<29 | (f>>2)<<5, nil
	}
	return f << a.pos, nil
}

func (a *arg) encodeMem(e *enc, i int) (uint32, error) {
	base, err := reg(a, e.vals[i], clsX)
	if err != nil {
		return 0, err
	}
	bits := base << 5
	if a.kind == kMem0 {
		return bits, nil
	}
	off := e.vals[i+1]
	s := int64(a.scale)
	switch a.kind {
	case kMemU12:
		if off < 0 || off&(1<<s-1) != 0 || off>>s > 4095 {
			return 0, errf(a, "offset %d is not a multiple of %d in [0, %d]", off, 1<<s, 4095<<s)
		}
		return bits | uint32(off>>s)<<10, nil
	case kMemS9, kMemPre, kMemPost:
		if off < -256 || off > 255 {
			return 0, errf(a, "offset %d out of range [-256, 255]", off)
		}
		return bits | uint32(off&511)<<12, nil
	case kMemP, kMemPPre, kMemPPost:
		if off&(1<<s-1) != 0 || off>>s < -64 || off>>s > 63 {
			return 0, errf(a, "offset %d is not a multiple of %d in [%d, %d]", off, 1<<s, -64<<s, 63<<s)
		}
		return bits | uint32(off>>s&127)<<15, nil
	case kMemReg:
		// ext is option<<8 | amount, plus 1<<16 for an explicit "#0" on a
		// byte access (S=1 with nothing to shift).
		ext := e.vals[i+2]
		opt, sh, explicit0 := Extend(ext>>8&0xff), ext&0xff, ext>>16
		if ext < 0 || ext>>8&0xff > int64(SXTX) || opt&2 == 0 || explicit0 > 1 {
			return 0, errf(a, "index extend must be uxtw, lsl, sxtw or sxtx")
		}
		if explicit0 == 1 && (s != 0 || sh != 0) {
			return 0, errf(a, "an explicit #0 index shift exists only for byte accesses")
		}
		cls := uint16(clsW)
		if opt&1 == 1 {
			cls = clsX
		}
		m, err := reg(a, off, cls)
		if err != nil {
			return 0, err
		}
		if sh != 0 && sh != s {
			return 0, errf(a, "index shift must be 0 or %d, have %d", s, sh)
		}
		var sbit uint32
		if sh != 0 || explicit0 == 1 {
			sbit = 1
		}
		return bits | m<<16 | uint32(opt)<<13 | sbit<<12, nil
	}
	return 0, errf(a, "unknown memory operand")
}
