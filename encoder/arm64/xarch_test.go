package arm64

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

// TestEncodeMatchesXArch encodes every row of the table with every
// interesting value of each operand (all 32 register numbers of each class,
// immediate boundaries, every arrangement), decodes the word with
// golang.org/x/arch/arm64/arm64asm and compares the mnemonic and each
// operand with Format's text for the values we asked for. The oracle is the
// decoder; no expected hex is typed by hand.

// xarchCannotDecode says why x/arch v0.32.0 cannot decode a row at all;
// TestObjdump is those rows' oracle.
func xarchCannotDecode(op Op) string {
	switch {
	case lseRow(&opRows[op]):
		return "FEAT_LSE atomics (ldadd*, swp*, cas*, ...) postdate x/arch's ARMv8.0 tables"
	case op == UDF:
		return "udf is not in x/arch's tables"
	}
	return ""
}

// lseRow reports whether r is a FEAT_LSE atomic.
func lseRow(r *row) bool {
	return r.Fixed&0x3f200c00 == 0x38200000 || r.Fixed&0x3fa07c00 == 0x08a07c00
}

// skipReason says why a case is not compared against x/arch: the
// instruction's preferred disassembly is another row (an alias), which is
// tested on its own. An empty result means compare.
func skipReason(op Op, v []int64) string {
	r := &opRows[op]
	n := func(i int) int64 { return v[i] & 31 }
	switch op {
	case ADDWi, ADDXi:
		if v[2] == 0 && v[3] == 0 && (n(0) == 31 || n(1) == 31) {
			return "mov (to/from sp)"
		}
	case MOVWsp, MOVXsp:
		if n(0) != 31 && n(1) != 31 {
			return "add #0 without sp"
		}
	case ADDSWi, ADDSXi, SUBSWi, SUBSXi, ADDSWrs, ADDSXrs, SUBSWrs, SUBSXrs, ADDSWrx, ADDSXrx, SUBSWrx, SUBSXrx, ANDSWri, ANDSXri, ANDSWrs, ANDSXrs:
		if n(0) == 31 {
			return "cmp/cmn/tst"
		}
		if (op == SUBSWrs || op == SUBSXrs) && n(1) == 31 {
			return "negs"
		}
	case SBCW, SBCX, SBCSW, SBCSX:
		if n(1) == 31 {
			return "ngc/ngcs"
		}
	case SUBWrs, SUBXrs:
		if n(1) == 31 {
			return "neg"
		}
	case NEGSWrs, NEGSXrs:
		if n(0) == 31 {
			return "cmp"
		}
	case ORRWrs, ORRXrs:
		if n(1) == 31 && v[3] == 0 {
			return "mov"
		}
	case ORNWrs, ORNXrs:
		if n(1) == 31 {
			return "mvn"
		}
	case ORRWri, ORRXri:
		if n(1) == 31 {
			return "mov (bitmask)"
		}
	case MOVWbm, MOVXbm:
		if movWidePreferred(uint64(v[1]), r.size) {
			return "mov (wide) preferred"
		}
	case MOVZWi, MOVZXi, MOVNWi, MOVNXi:
		if !(v[1] == 0 && v[2] != 0) && !((op == MOVNWi) && v[1] == 0xffff) {
			return "mov (wide)"
		}
	case MOVWwn:
		// The manual prefers "movn wd, #0xffff{, lsl #16}" over mov.
		if u := ^uint64(v[1]) & 0xffffffff; u == 0xffff || u == 0xffff0000 {
			return "32-bit movn of #0xffff prints as movn"
		}
	case LSLWi, LSLXi:
		if v[2] == 0 {
			return "lsl #0 is lsr #0"
		}
	case UBFXW, UBFXX, SBFXW, SBFXX:
		lsb, w := v[2], v[3]
		if lsb+w == int64(r.size) {
			return "lsr/asr"
		}
		if lsb == 0 && (w == 8 || w == 16 || (w == 32 && (op == SBFXX))) && (r.size == 32 || op == SBFXX) {
			return "sxt*/uxt*"
		}
	case BFIW, BFIX, UBFIZW, UBFIZX, SBFIZW, SBFIZX:
		lsb, w := v[2], v[3]
		if lsb == 0 {
			return "bfxil/ubfx/sbfx"
		}
		if op != BFIW && op != BFIX && lsb+w == int64(r.size) {
			if op == UBFIZW || op == UBFIZX {
				return "lsl"
			}
		}
	case EXTRW, EXTRX:
		if n(1) == n(2) {
			return "ror"
		}
	case MADDW, MADDX, MSUBW, MSUBX, SMADDL, SMSUBL, UMADDL, UMSUBL:
		if n(3) == 31 {
			return "mul/mneg/[su]mull/[su]mnegl"
		}
	case CSINCW, CSINCX, CSINVW, CSINVX, CSNEGW, CSNEGX:
		if n(1) == n(2) && v[3] < 14 {
			return "cset/csetm/cinc/cinv/cneg"
		}
	case CINCW, CINCX, CINVW, CINVX:
		if n(1) == 31 {
			return "cset/csetm"
		}
	case RET:
		if n(0) == 30 {
			return "ret"
		}
	case VORR:
		if n(2) == n(3) {
			return "mov (vector)"
		}
	case SSHLL, SSHLL2, USHLL, USHLL2:
		if v[3] == 0 {
			return "sxtl/uxtl"
		}
	}
	return ""
}

// bitfieldAlias maps a UBFM/SBFM/BFM case to the alias the manual prefers
// for it (every bitfield move has one), with that alias's operands, so the
// base rows are checked through the alias text: same word, alias printing.
func bitfieldAlias(op Op, v []int64) (Op, []int64, bool) {
	switch op {
	case UBFMWri, UBFMXri, SBFMWri, SBFMXri, BFMWri, BFMXri:
	default:
		return op, v, false
	}
	r := &opRows[op]
	size := int64(r.size)
	is64 := size == 64
	x := func(w, x Op) Op {
		if is64 {
			return x
		}
		return w
	}
	rd, rn, immr, imms := v[0], v[1], v[2], v[3]
	wn := int64(clsW)<<8 | rn&31
	switch op {
	case UBFMWri, UBFMXri:
		switch {
		case imms != size-1 && imms+1 == immr:
			return x(LSLWi, LSLXi), []int64{rd, rn, size - 1 - imms}, true
		case imms == size-1:
			return x(LSRWi, LSRXi), []int64{rd, rn, immr}, true
		case imms < immr:
			return x(UBFIZW, UBFIZX), []int64{rd, rn, (size - immr) % size, imms + 1}, true
		case !is64 && immr == 0 && imms == 7:
			return UXTBW, []int64{rd, rn}, true
		case !is64 && immr == 0 && imms == 15:
			return UXTHW, []int64{rd, rn}, true
		}
		return x(UBFXW, UBFXX), []int64{rd, rn, immr, imms - immr + 1}, true
	case SBFMWri, SBFMXri:
		switch {
		case imms == size-1:
			return x(ASRWi, ASRXi), []int64{rd, rn, immr}, true
		case imms < immr:
			return x(SBFIZW, SBFIZX), []int64{rd, rn, (size - immr) % size, imms + 1}, true
		case immr == 0 && imms == 7:
			return x(SXTBW, SXTBX), []int64{rd, wn}, true
		case immr == 0 && imms == 15:
			return x(SXTHW, SXTHX), []int64{rd, wn}, true
		case is64 && immr == 0 && imms == 31:
			return SXTWX, []int64{rd, wn}, true
		}
		return x(SBFXW, SBFXX), []int64{rd, rn, immr, imms - immr + 1}, true
	case BFMWri, BFMXri:
		if imms < immr {
			return x(BFIW, BFIX), []int64{rd, rn, (size - immr) % size, imms + 1}, true
		}
		return x(BFXILW, BFXILX), []int64{rd, rn, immr, imms - immr + 1}, true
	}
	return op, v, false
}

// movWidePreferred is the manual's MoveWidePreferred: a value one MOVZ or
// MOVN can make is printed as that mov, not as orr.
func movWidePreferred(v uint64, size int) bool {
	if size == 32 {
		v &= 0xffffffff
	}
	for hw := 0; hw < size/16; hw++ {
		if v&^(0xffff<<(16*hw)) == 0 {
			return true
		}
		nv := ^v
		if size == 32 {
			nv &= 0xffffffff
		}
		if nv&^(0xffff<<(16*hw)) == 0 {
			return true
		}
	}
	return false
}

// xarchQuirks lists known differences between x/arch's GNU printing and
// the architecture's (objdump's) preferred disassembly. Each entry maps a
// row to a function that rewrites our expected text into what x/arch
// prints, with the reason.
var xarchQuirks = map[Op]struct {
	reason  string
	rewrite func(want string, vals []int64) string
}{
	BFIW: {"with Rn = WZR the preferred form is bfc (ARMv8.2), which x/arch lacks; it prints bfm", bfmRaw(BFIW)},
	BFIX: {"with Rn = XZR the preferred form is bfc (ARMv8.2), which x/arch lacks; it prints bfm", bfmRaw(BFIX)},
}

// bfmRaw prints a bfi whose source is the zero register the way x/arch
// does: as bfm with its raw immr (hex) and imms (decimal).
func bfmRaw(op Op) func(string, []int64) string {
	return func(want string, v []int64) string {
		if v[1]&31 != 31 {
			return want
		}
		in := MustEncode(op, v...)
		return fmt.Sprintf("bfm %s, %s, #%#x, #%d", gpName(v[0], false), gpName(v[1], false), in>>16&63, in>>10&63)
	}
}

// condNV: x/arch names condition 15 "al" (both mean always); objdump and
// the manual call it "nv".
func condNV(want string) string {
	want = strings.Replace(want, "b.nv ", "b.al ", 1)
	if strings.HasSuffix(want, ", nv") {
		want = strings.TrimSuffix(want, "nv") + "al"
	}
	return want
}

func init() {
	for _, op := range []Op{CSELW, CSELX, CSINCW, CSINCX, CSINVW, CSINVX, CSNEGW, CSNEGX,
		CCMPWr, CCMPXr, CCMNWr, CCMNXr, CCMPWi, CCMPXi, CCMNWi, CCMNXi, Bcc, FCSELS, FCSELD,
		FCCMPS, FCCMPD, FCCMPES, FCCMPED} {
		xarchQuirks[op] = struct {
			reason  string
			rewrite func(string, []int64) string
		}{"x/arch prints condition 15 (nv) as al", func(w string, _ []int64) string { return condNV(w) }}
	}
}

// normalize removes spacing differences (x/arch writes "[x1,#8]", objdump
// "[x1, #8]") and splits the operands at top-level commas.
func normalize(s string) (string, []string) {
	s = strings.TrimSpace(strings.ToLower(s))
	mn, rest, _ := strings.Cut(s, " ")
	rest = strings.ReplaceAll(rest, " ", "")
	var ops []string
	depth, start := 0, 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case ',':
			if depth == 0 {
				ops = append(ops, rest[start:i])
				start = i + 1
			}
		}
	}
	if rest != "" {
		ops = append(ops, rest[start:])
	}
	return mn, ops
}

func compareText(got, want string) string {
	gm, gops := normalize(got)
	wm, wops := normalize(want)
	if gm != wm {
		return fmt.Sprintf("mnemonic %q, want %q", gm, wm)
	}
	if len(gops) != len(wops) {
		return fmt.Sprintf("%d operands, want %d", len(gops), len(wops))
	}
	for i := range gops {
		if gops[i] != wops[i] {
			return fmt.Sprintf("operand %d is %q, want %q", i+1, gops[i], wops[i])
		}
	}
	return ""
}

func decodeXArch(in Inst) (string, error) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(in))
	d, err := arm64asm.Decode(b[:])
	if err != nil {
		return "", err
	}
	return arm64asm.GNUSyntax(d), nil
}

func TestEncodeMatchesXArch(t *testing.T) {
	g := &gen{rnd: rand.New(rand.NewPCG(1, 2))}
	var checked, skipped, undecodable int
	distinct := map[[2]uint64]bool{}
	perRow := make([]int, len(opRows)) // compared cases by the row they were generated for
	failures := map[Op][]string{}
	for op := Op(0); int(op) < len(opRows); op++ {
		base := op
		g.cases(base, 16, func(vals []int64) {
			op := base // may become the preferred alias below
			in, err := Encode(op, vals...)
			if err != nil {
				failures[op] = append(failures[op], fmt.Sprintf("%s: unexpected error %v", Format(op, vals...), err))
				return
			}
			if aop, avals, ok := bitfieldAlias(op, vals); ok {
				ain, err := Encode(aop, avals...)
				if err != nil || ain != in {
					failures[op] = append(failures[op], fmt.Sprintf("%s: alias %s %v encodes %08x (%v), base %08x", Format(op, vals...), aop, avals, uint32(ain), err, uint32(in)))
					return
				}
				if skipReason(aop, avals) != "" {
					skipped++
					return
				}
				op, vals = aop, avals
			}
			if skipReason(op, vals) != "" {
				skipped++
				return
			}
			if xarchCannotDecode(op) != "" {
				undecodable++
				return
			}
			want := Format(op, vals...)
			if q, ok := xarchQuirks[op]; ok {
				want = q.rewrite(want, vals)
			}
			got, err := decodeXArch(in)
			if err != nil {
				failures[op] = append(failures[op], fmt.Sprintf("%08x: %s: x/arch: %v", uint32(in), want, err))
				return
			}
			if d := compareText(got, want); d != "" {
				failures[op] = append(failures[op], fmt.Sprintf("%08x: got %q want %q: %s", uint32(in), got, want, d))
				return
			}
			checked++
			perRow[base]++
			distinct[[2]uint64{uint64(op), uint64(in)}] = true
		})
	}
	for op, n := range perRow {
		if n == 0 && xarchCannotDecode(Op(op)) == "" {
			t.Errorf("%s: no case compared with x/arch (every case skipped?)", Op(op))
		}
	}
	for op, n := range strayUnpredictable {
		t.Errorf("%s: %d generated cases rejected as CONSTRAINED UNPREDICTABLE, but the row has no such combinations", op, n)
	}
	var ops []Op
	for op := range failures {
		ops = append(ops, op)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i] < ops[j] })
	nfail := 0
	for _, op := range ops {
		f := failures[op]
		nfail += len(f)
		if len(f) > 3 {
			f = append(f[:3], fmt.Sprintf("... and %d more", len(f)-3))
		}
		t.Errorf("%s (%s %s): %d failures\n\t%s", opNames[op], op.Name(), op.Syntax(), len(failures[op]), strings.Join(f, "\n\t"))
	}
	t.Logf("%d rows; %d cases compared operand by operand with x/arch (%d distinct (row, encoding) pairs); %d skipped as alias-preferred; %d not decodable by x/arch (LSE, udf); %d failures",
		len(opRows), checked, len(distinct), skipped, undecodable, nfail)
}
