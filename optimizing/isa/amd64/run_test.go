package amd64

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kiln/encoder"
	"kiln/ir"
	"kiln/optimizing/isa/amd64/internal/native"
	"kiln/regalloc"
)

// program is a set of functions compiled and linked into one executable
// image: the file's functions first, then one array trampoline per run
// line, each called as tramp(values) with 16-byte value slots, as
// Cranelift's test harness does.
type program struct {
	funcs   []*ir.Function
	offsets []int
	ok      []bool
	err     []error
	code    *native.Code
}

// trampolineFor returns CLIF for a System V function of one pointer that
// loads target's arguments from 16-byte slots, calls it and stores its
// results back from slot 0.
func trampolineFor(name string, target *ir.Function) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "function %%%s(i64) system_v {\n", name)
	fmt.Fprintf(&sb, "    sig0 = %s\n", target.Signature.String())
	fmt.Fprintf(&sb, "    fn0 = %s sig0\n", target.Name)
	sb.WriteString("block0(v0: i64):\n")
	var args []string
	for i, t := range target.Signature.ParamTypes() {
		fmt.Fprintf(&sb, "    v%d = load.%s v0+%d\n", 1+i, t, 16*i)
		args = append(args, fmt.Sprintf("v%d", 1+i))
	}
	var rets []string
	for i := range target.Signature.ReturnTypes() {
		rets = append(rets, fmt.Sprintf("v%d", 1000+i))
	}
	if len(rets) > 0 {
		fmt.Fprintf(&sb, "    %s = call fn0(%s)\n", strings.Join(rets, ", "), strings.Join(args, ", "))
	} else {
		fmt.Fprintf(&sb, "    call fn0(%s)\n", strings.Join(args, ", "))
	}
	for i, r := range rets {
		fmt.Fprintf(&sb, "    store %s, v0+%d\n", r, 16*i)
	}
	sb.WriteString("    return\n}\n")
	return sb.String()
}

// link compiles every function and lays them out in one image, applying
// relocations between them. A function that does not compile, or calls one
// that does not, is marked not runnable.
func link(funcs []*ir.Function, flags Flags) (*program, error) {
	p := &program{funcs: funcs, offsets: make([]int, len(funcs)), ok: make([]bool, len(funcs)), err: make([]error, len(funcs))}
	index := map[string]int{}
	for i, f := range funcs {
		index[f.Name.String()] = i
	}
	resolve := func(n ir.Name) (encoder.Symbol, bool) {
		i, ok := index[n.String()]
		return encoder.Symbol{Kind: encoder.SymFunc, Index: uint32(i)}, ok
	}
	codes := make([]*encoder.Code, len(funcs))
	var image []byte
	for i, f := range funcs {
		res, err := Compile(f, Options{Flags: flags, Resolve: resolve, Verify: true})
		if err != nil {
			p.err[i] = err
			continue
		}
		codes[i] = res.Code
		for len(image)%32 != 0 {
			image = append(image, 0xcc)
		}
		p.offsets[i] = len(image)
		image = append(image, res.Code.Bytes...)
		p.ok[i] = true
	}
	for changed := true; changed; {
		changed = false
		for i, c := range codes {
			if !p.ok[i] {
				continue
			}
			for _, r := range c.Relocs {
				if t := int(r.Target.Index); r.Target.Kind != encoder.SymFunc || t >= len(funcs) || !p.ok[t] {
					p.ok[i], changed = false, true
					p.err[i] = fmt.Errorf("calls %v, which is not available", r.Target)
				}
			}
		}
	}
	if len(image) == 0 {
		return p, nil
	}
	for i, c := range codes {
		if !p.ok[i] {
			continue
		}
		for _, r := range c.Relocs {
			at := p.offsets[i] + int(r.Offset)
			s := int64(p.offsets[r.Target.Index])
			switch r.Kind {
			case encoder.RelocX86PCRel4:
				binary.LittleEndian.PutUint32(image[at:], uint32(int32(s+r.Addend-int64(at))))
			default:
				return nil, fmt.Errorf("relocation kind %v needs absolute addresses", r.Kind)
			}
		}
	}
	code, err := native.Map(image)
	if err != nil {
		return nil, err
	}
	p.code = code
	return p, nil
}

// runFile runs every run line of a CLIF file natively and reports
// (passed, unsupported) run lines; failures are test errors.
func runFile(t *testing.T, path string) (passed, unsupported int) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	file, err := ir.ParseFile(path, src)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var flags []string
	found := false
	for _, tg := range file.Targets {
		if tg.Arch == "x86_64" {
			found = true
			for _, s := range tg.Flags {
				flags = append(flags, s.Name)
			}
			break
		}
	}
	if !found {
		t.Skip("no x86_64 target")
	}
	type line struct {
		rc     *ir.RunCommand
		text   string
		target int
		tramp  int
	}
	var funcs []*ir.Function
	for _, ff := range file.Functions {
		funcs = append(funcs, ff.Func)
	}
	var lines []line
	tramps := map[int]int{}
	for fi, ff := range file.Functions {
		for _, c := range ff.Comments {
			rc, err := ir.ParseRunCommand(c.Text, &ff.Func.Signature)
			if err != nil || rc == nil || rc.Kind != ir.RunCheck {
				continue
			}
			target := fi
			if rc.Name != "" {
				target = -1
				for k, g := range file.Functions {
					if g.Func.Name.String() == "%"+rc.Name {
						target = k
					}
				}
				if target < 0 {
					t.Errorf("%s: no function %s", c.Text, rc.Name)
					continue
				}
			}
			if _, ok := tramps[target]; !ok {
				fs, err := ir.ParseFunctions("trampoline", []byte(trampolineFor(fmt.Sprintf("__tramp%d", target), funcs[target])))
				if err != nil {
					t.Fatalf("trampoline: %v", err)
				}
				tramps[target] = len(funcs)
				funcs = append(funcs, fs[0])
			}
			lines = append(lines, line{rc, strings.TrimSpace(c.Text), target, tramps[target]})
		}
	}
	p, err := link(funcs, ParseFlags(flags))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range funcs[:len(file.Functions)] {
		if p.err[i] != nil && !errors.Is(p.err[i], ErrUnsupported) && !strings.Contains(p.err[i].Error(), "not available") {
			t.Errorf("%s: %v", f.Name, p.err[i])
		}
	}
	for _, l := range lines {
		if !p.ok[l.tramp] {
			unsupported++
			continue
		}
		sig := &funcs[l.target].Signature
		n := max(len(sig.Params), len(sig.Returns), 1)
		values := make([]uint64, 2*n)
		for i, a := range l.rc.Args {
			values[2*i], values[2*i+1] = a.Lo, a.Hi
		}
		native.Call(p.code.Addr(p.offsets[l.tramp]), values)
		got := make([]ir.DataValue, len(sig.Returns))
		for i, rt := range sig.ReturnTypes() {
			got[i] = fromBits(rt, values[2*i])
		}
		equal := len(got) == len(l.rc.Expected)
		for i := range got {
			if equal && !got[i].Equal(l.rc.Expected[i]) {
				equal = false
			}
		}
		if equal != (l.rc.Cmp == ir.CmpEq) {
			t.Errorf("%s: %s: got %v", filepath.Base(path), l.text, got)
			continue
		}
		passed++
	}
	return passed, unsupported
}

func fromBits(t ir.Type, bits uint64) ir.DataValue {
	switch t {
	case ir.F32:
		return ir.DataF32FromBits(uint32(bits))
	case ir.F64:
		return ir.DataF64FromBits(bits)
	}
	return ir.DataInt(t, int64(bits))
}

// TestRunScalar executes the run lines of every scalar runtest natively.
// Each file runs in a child process (a wrong-code bug may fault, which Go
// cannot recover from), so one crash fails one file.
func TestRunScalar(t *testing.T) {
	if !native.Supported {
		t.Skip("native execution needs linux/amd64")
	}
	dir := upstreamDir(t)
	if one := os.Getenv("KILN_RUN_ONE"); one != "" {
		p, u := runFile(t, filepath.Join(dir, one))
		fmt.Printf("RESULT %d %d\n", p, u)
		return
	}
	list, err := os.ReadFile(filepath.Join(dir, "SCALAR.txt"))
	if err != nil {
		t.Skipf("upstream runtests not present: %v", err)
	}
	var files, filesOK, lines, unsup int
	for _, name := range strings.Fields(string(list)) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRunScalar$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KILN_RUN_ONE="+name)
		out, err := cmd.CombinedOutput()
		files++
		var p, u int
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "RESULT ") {
				fmt.Sscanf(l, "RESULT %d %d", &p, &u)
			}
		}
		lines += p
		unsup += u
		if err != nil {
			msg := string(out)
			if len(msg) > 3000 {
				msg = msg[:3000]
			}
			t.Errorf("%s: %v\n%s", name, err, msg)
			continue
		}
		filesOK++
	}
	t.Logf("%d/%d files without failures; %d run lines passed, %d skipped (unsupported IR)", filesOK, files, lines, unsup)
}

var _ = math.Pi
var _ = regalloc.Quality
