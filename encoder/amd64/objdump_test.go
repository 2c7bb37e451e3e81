package amd64

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/arch/x86/x86asm"
)

// TestObjdump is the second oracle: a sample of the generated cases is
// wrapped in a raw binary and disassembled by GNU objdump. Every
// instruction must start where we put it (same length), objdump must not
// call it (bad), and its text must match x86asm's GNU syntax after
// normalisation, unless an objdumpQuirks rule (with its reason) explains
// the difference. Skips when objdump is not installed.
func TestObjdump(t *testing.T) {
	objdump, err := exec.LookPath("objdump")
	if err != nil {
		t.Skip("objdump not installed (binutils); the x86asm oracle still runs")
	}
	if testing.Short() {
		t.Skip("-short: skipping the objdump oracle")
	}
	type sample struct {
		off  int
		n    int
		gnu  string
		desc string
	}
	var code []byte
	var samples []sample
	k := 0
	forEachInst(func(in *Inst, inRange bool, relDisp int64) {
		k++
		if !inRange || k%23 != 0 {
			return
		}
		b, fieldOff, _, kind, err := Encode(nil, in)
		if err != nil {
			t.Fatalf("%v: %v", in, err)
		}
		off := len(code)
		if fieldOff >= 0 {
			tgt := int64(labelTarget)
			if kind == Rel8 || Rows[in.Op].Enc == EncD {
				tgt = int64(fieldOff+kind.PatchSize()) + relDisp
			}
			kind.Patch(b[fieldOff:], int64(fieldOff), tgt)
		}
		d, err := x86asm.Decode(b, 64)
		if err != nil {
			t.Fatalf("%v: x86asm: %v", in, err)
		}
		samples = append(samples, sample{off, len(b), x86asm.GNUSyntax(d, uint64(off), nil), in.String()})
		code = append(code, b...)
	})
	dir := t.TempDir()
	bin := filepath.Join(dir, "code.bin")
	if err := os.WriteFile(bin, code, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(objdump, "-D", "-b", "binary", "-m", "i386:x86-64", bin).Output()
	if err != nil {
		t.Fatalf("objdump: %v", err)
	}
	lines := parseObjdump(out)
	bad, quirks := 0, map[string]int{}
	for _, s := range samples {
		got, ok := lines[s.off]
		if !ok {
			bad++
			if bad < 30 {
				t.Errorf("%s: objdump has no instruction at offset %#x (boundaries differ)", s.desc, s.off)
			}
			continue
		}
		if got.n != s.n || strings.Contains(got.text, "(bad)") {
			bad++
			if bad < 30 {
				t.Errorf("%s: objdump decodes %d bytes as %q, we encoded %d", s.desc, got.n, got.text, s.n)
			}
			continue
		}
		g, w := normalize(got.text), normalize(s.gnu)
		if g == w {
			continue
		}
		if reasons := objdumpQuirk(g, w); reasons != nil {
			for _, r := range reasons {
				quirks[r]++
			}
			continue
		}
		bad++
		if bad < 30 {
			t.Errorf("%s:\n\tobjdump %q\n\tx86asm  %q", s.desc, g, w)
		}
	}
	t.Logf("objdump checked %d instructions (%d bytes)", len(samples), len(code))
	for r, n := range quirks {
		t.Logf("  %5d explained by quirk: %s", n, r)
	}
	if bad > 0 {
		t.Errorf("%d mismatches", bad)
	}
}

type objdumpLine struct {
	n    int
	text string
}

var objdumpRe = regexp.MustCompile(`^\s*([0-9a-f]+):\t([0-9a-f ]+)\t?(.*)$`)

// parseObjdump maps instruction offsets to their length and text; objdump
// continues long instructions on lines without text.
func parseObjdump(out []byte) map[int]objdumpLine {
	lines := map[int]objdumpLine{}
	last := -1
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := objdumpRe.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		off, _ := strconv.ParseInt(m[1], 16, 64)
		n := len(strings.Fields(m[2]))
		if strings.TrimSpace(m[3]) == "" && last >= 0 {
			l := lines[last]
			l.n += n
			lines[last] = l
			continue
		}
		lines[int(off)] = objdumpLine{n: n, text: m[3]}
		last = int(off)
	}
	return lines
}

var spaces = regexp.MustCompile(`\s+`)

func normalize(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// objdumpQuirks are known, harmless printing differences between GNU
// objdump and x86asm's GNU-syntax printer. Each rewrites the pair of texts
// toward a common form; the reason says why the difference is cosmetic.
var objdumpQuirks = []struct {
	reason  string
	rewrite func(got, want string) (string, string)
}{
	{"binutils >= 2.40 drops the q suffix of indirect call/jmp and push from memory", func(g, w string) (string, string) {
		return g, suffixRe.ReplaceAllString(w, "$1")
	}},
	{"x86asm prints a negative disp32 as its unsigned 32-bit value", both(func(s string) string {
		return dispRe.ReplaceAllStringFunc(s, func(m string) string {
			sub := dispRe.FindStringSubmatch(m)
			v, err := strconv.ParseUint(sub[3], 16, 64)
			if err != nil {
				return m
			}
			x := int64(int32(uint32(v)))
			if sub[2] == "-" {
				x = -int64(v)
			}
			if x < 0 {
				return fmt.Sprintf("%s-0x%x(", sub[1], -x)
			}
			return fmt.Sprintf("%s0x%x(", sub[1], x)
		})
	})},
	{"x86asm omits a scale of 1", both(func(s string) string { return strings.ReplaceAll(s, ",1)", ")") })},
	{"x86asm names the absent SIB index %riz", both(func(s string) string { return strings.ReplaceAll(s, ",%riz", "") })},
	{"objdump prints an explicit zero disp8 (rbp/r13 base) as 0x0", both(func(s string) string {
		return zeroDispRe.ReplaceAllString(s, "$1(")
	})},
	{"objdump spells movsxd as movslq", func(g, w string) (string, string) {
		return strings.Replace(g, "movslq ", "movsxd ", 1), w
	}},
	{"objdump names the 10-byte mov r64, imm64 movabs", func(g, w string) (string, string) {
		return strings.Replace(g, "movabs ", "mov ", 1), w
	}},
	{"objdump prints immediates unsigned at the operand size, x86asm signed", func(g, w string) (string, string) {
		gi, wi := immRe.FindAllStringIndex(g, -1), immRe.FindAllStringIndex(w, -1)
		if len(gi) != len(wi) || len(gi) == 0 {
			return g, w
		}
		out := g
		for i := len(gi) - 1; i >= 0; i-- {
			gv, gok := parseHex(g[gi[i][0]+1 : gi[i][1]])
			wv, wok := parseHex(w[wi[i][0]+1 : wi[i][1]])
			if !gok || !wok || !sameBits(uint64(gv), wv) {
				return g, w
			}
			out = out[:gi[i][0]] + w[wi[i][0]:wi[i][1]] + out[gi[i][1]:]
		}
		return out, w
	}},
	{"x86asm's AVX printer drops (%rip) from RIP-relative operands", func(g, w string) (string, string) {
		if strings.HasPrefix(w, "v") && !strings.Contains(w, "(%rip)") {
			g = strings.ReplaceAll(g, "(%rip)", "")
		}
		return g, w
	}},
	{"x86asm's GNU printer reads a VEX payload byte equal to 0x26/0x2e/0x36/0x3e/0x64/0x65 as a segment override", func(g, w string) (string, string) {
		if strings.HasPrefix(w, "v") && !segRe.MatchString(g) {
			w = segRe.ReplaceAllString(w, "")
		}
		return g, w
	}},
	{"x86asm's AVX printer names an absent SIB index %eiz", func(g, w string) (string, string) {
		return g, strings.ReplaceAll(strings.ReplaceAll(w, "(,%eiz)", ""), ",%eiz", "")
	}},
	{"x86asm prints an absolute address truncated to 32 bits, or nothing for 0", func(g, w string) (string, string) {
		gm, gops := splitOperands(g)
		wm, wops := splitOperands(w)
		if gm != wm || len(gops) != len(wops) {
			return g, w
		}
		for i := range gops {
			gp, wp := strings.TrimPrefix(gops[i], "*"), strings.TrimPrefix(wops[i], "*")
			if gp == wp || strings.ContainsAny(gp, "%($") || strings.ContainsAny(wp, "%($") {
				continue
			}
			gv, gok := parseHex(gp)
			wv, wok := parseHex(wp)
			if gok && wok && uint32(gv) == uint32(wv) {
				gops[i] = wops[i]
			}
		}
		return strings.TrimSpace(gm + " " + strings.Join(gops, ",")), w
	}},
}

// splitOperands splits "mnemonic a,b(c,d),e" at top-level commas.
func splitOperands(s string) (string, []string) {
	m, rest, _ := strings.Cut(s, " ")
	var ops []string
	depth, start := 0, 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				ops = append(ops, rest[start:i])
				start = i + 1
			}
		}
	}
	return m, append(ops, rest[start:])
}

func both(f func(string) string) func(g, w string) (string, string) {
	return func(g, w string) (string, string) { return f(g), f(w) }
}

func parseHex(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "0x")
	if s == "" {
		return 0, true
	}
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		return -int64(v), true
	}
	return int64(v), true
}

// sameBits reports whether the unsigned u printed by objdump is the value
// v truncated to some operand width (8, 16, 32 or 64 bits).
func sameBits(u uint64, v int64) bool {
	for _, w := range []uint{8, 16, 32, 64} {
		mask := uint64(1)<<w - 1
		if w == 64 {
			mask = ^uint64(0)
		}
		if u <= mask && u == uint64(v)&mask {
			return true
		}
	}
	return false
}

var (
	dispRe     = regexp.MustCompile(`(^|[ ,*$])(-?)0x([0-9a-f]+)\(`)
	zeroDispRe = regexp.MustCompile(`([ ,*]|^)0x0\(`)
	segRe      = regexp.MustCompile(`%[c-gs]s:`)
	suffixRe   = regexp.MustCompile(`^(call|jmp|push)q\b`)
	immRe      = regexp.MustCompile(`\$-?0x[0-9a-f]+`)
)

// objdumpQuirk returns the reasons of the rewrites that make got and want
// equal, or nil if they still differ.
func objdumpQuirk(got, want string) []string {
	var reasons []string
	for _, q := range objdumpQuirks {
		g, w := q.rewrite(got, want)
		if g != got || w != want {
			reasons = append(reasons, q.reason)
		}
		got, want = g, w
		if got == want {
			return reasons
		}
	}
	return nil
}
