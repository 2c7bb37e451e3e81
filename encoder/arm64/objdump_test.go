package arm64

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestObjdump is the differential oracle: a sample of every row's cases is
// written as a flat binary, disassembled by GNU objdump
// (aarch64-linux-gnu-objdump -D -z -b binary -m aarch64) and compared with
// Format operand by operand. It covers what x/arch cannot decode (the LSE
// atomics, udf). Skipped when the tool is absent (install
// binutils-aarch64-linux-gnu) or under -short.

const objdumpTool = "aarch64-linux-gnu-objdump"

// objdumpQuirks rewrites our expected text where objdump's preferred
// disassembly differs from the row we encoded, with the reason.
var objdumpQuirks = []struct {
	reason string
	match  func(op Op, v []int64) bool
	expect func(op Op, v []int64, want string) string
}{
	{"binutils 2.40 prints dsb #0 and #4 as the speculation barriers ssbb and pssbb",
		func(op Op, v []int64) bool { return op == DSB && (v[0] == 0 || v[0] == 4) },
		func(op Op, v []int64, _ string) string { return map[int64]string{0: "ssbb", 4: "pssbb"}[v[0]] }},
	{"bfi from the zero register is bfc (ARMv8.2) in objdump",
		func(op Op, v []int64) bool { return (op == BFIW || op == BFIX) && v[1]&31 == 31 },
		func(op Op, v []int64, _ string) string {
			return fmt.Sprintf("bfc %s, #%d, #%d", gpName(v[0], false), v[2], v[3])
		}},
}

// objdumpSkip says why a case is not compared: its preferred disassembly is
// an alias this package has no row for.
func objdumpSkip(op Op, v []int64) string {
	r := &opRows[op]
	if s := skipReason(op, v); s != "" {
		return s
	}
	// LDADD & co. with Rt = ZR and no acquire are printed as STADD & co.
	if lseRow(r) && r.Fixed&(1<<23) == 0 && r.Fixed&(1<<15) == 0 && v[1]&31 == 31 {
		return "st<op> alias"
	}
	return ""
}

var objdumpLine = regexp.MustCompile(`^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$`)

// objdumpText turns our GNU text into objdump's conventions: PC-relative
// targets are absolute addresses and fcmp's zero is "#0.0".
func objdumpText(op Op, vals []int64, pc uint64) string {
	r := &opRows[op]
	text := Format(op, vals...)
	for j := range r.args {
		a := &r.args[j]
		switch a.kind {
		case kLabel:
			off := vals[r.start[j]]
			target := pc + uint64(off)
			if op == ADRP {
				target = pc&^0xfff + uint64(off)
			}
			text = strings.Replace(text, fmt.Sprintf(".%+#x", uint64(off)), fmt.Sprintf("%#x", target), 1)
		case kZero:
			if r.args[0].kind == kFP {
				text = strings.TrimSuffix(text, "#0") + "#0.0"
			}
		}
	}
	return text
}

func TestObjdump(t *testing.T) {
	if testing.Short() {
		t.Skip("objdump oracle skipped under -short")
	}
	tool, err := exec.LookPath(objdumpTool)
	if err != nil {
		t.Skipf("%s not found (apt-get install binutils-aarch64-linux-gnu): %v", objdumpTool, err)
	}
	type tc struct {
		op   Op
		vals []int64
	}
	var cases []tc
	var code []byte
	g := &gen{rnd: rand.New(rand.NewPCG(3, 4))}
	skipped := 0
	for op := Op(0); int(op) < len(opRows); op++ {
		r := &opRows[op]
		// Every case of the row, minus those printed as an alias this
		// package has no row for; then a sample of them.
		type pick struct {
			op Op
			v  []int64
		}
		var all []pick
		g.cases(op, 4, func(v []int64) {
			aop, av := op, v
			if bop, bv, ok := bitfieldAlias(op, v); ok {
				aop, av = bop, bv // printed as its preferred alias
			}
			if objdumpSkip(aop, av) != "" {
				skipped++
				return
			}
			all = append(all, pick{aop, av})
		})
		per := 8
		if lseRow(r) {
			per = 40 // x/arch cannot check these; objdump is their oracle
		}
		if len(all) == 0 {
			t.Errorf("%s: every case is an alias; nothing to compare", op)
		}
		for i := 0; i < per && len(all) > 0; i++ {
			p := all[g.rnd.IntN(len(all))]
			in, err := Encode(p.op, p.v...)
			if err != nil {
				t.Fatalf("%s %v: %v", p.op, p.v, err)
			}
			cases = append(cases, tc{p.op, p.v})
			code = binary.LittleEndian.AppendUint32(code, uint32(in))
		}
	}
	file := filepath.Join(t.TempDir(), "code.bin")
	if err := os.WriteFile(file, code, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-D", "-z", "-b", "binary", "-m", "aarch64", file).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	seen, failures := 0, 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := objdumpLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		pc, _ := strconv.ParseUint(m[1], 16, 64)
		idx := int(pc / 4)
		if idx >= len(cases) {
			t.Fatalf("objdump line beyond the code: %s", sc.Text())
		}
		c := cases[idx]
		got, _, _ := strings.Cut(m[3], "//")
		got = strings.ReplaceAll(strings.TrimSpace(got), "\t", " ")
		want := objdumpText(c.op, c.vals, pc)
		for _, q := range objdumpQuirks {
			if q.match(c.op, c.vals) {
				want = q.expect(c.op, c.vals, want)
			}
		}
		seen++
		if d := compareText(got, want); d != "" {
			failures++
			if failures <= 40 {
				t.Errorf("%s %s: objdump %q, want %q: %s", m[2], c.op, got, want, d)
			}
		}
	}
	if seen != len(cases) {
		t.Errorf("objdump printed %d instructions, want %d", seen, len(cases))
	}
	t.Logf("%d cases compared with %s (%d skipped as aliases), %d failures", seen, objdumpTool, skipped, failures)
}
