package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"kiln/baseline"
	"kiln/encoder/disasm"
	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/optimizing/compile"
)

func init() {
	register("compare", command{
		summary: "show what the baseline and optimizing tiers emit, side by side",
		run:     runCompare,
	})
}

// inspectTarget is what the inspection commands (compare, explore)
// compile for. Compilation is pure Go, so they work on any host; only
// running the code needs an x86-64 one.
const inspectTarget = "amd64"

// tierBuild is one tier's compilation of a module, for inspection.
type tierBuild struct {
	name string
	art  *vm.Artifact
	err  error
	// time is the fastest of a few whole-module compilations on one
	// goroutine (the compilers do not time functions separately).
	time time.Duration
}

// compileTiers compiles m with both tiers, keeping full source locations.
func compileTiers(m *wasm.Module) []tierBuild {
	compilers := []vm.Compiler{baseline.Compiler{}, compile.New()}
	out := make([]tierBuild, len(compilers))
	for i, c := range compilers {
		b := tierBuild{name: c.Name()}
		opts := vm.CompileOptions{Target: inspectTarget, Features: wasm.FeaturesAll, Parallelism: 1, Debug: true}
		var total time.Duration
		for run := 0; run < 3 && total < 300*time.Millisecond; run++ {
			start := time.Now()
			art, err := c.Compile(context.Background(), m, opts)
			d := time.Since(start)
			total += d
			if err != nil {
				b.err = err
				break
			}
			if b.art == nil || d < b.time {
				b.time = d
			}
			b.art = art
		}
		out[i] = b
	}
	return out
}

// funcLabel names function idx for people: its name-section name, else
// its first export name, else func[idx].
func funcLabel(m *wasm.Module, idx uint32) string {
	if m.Names != nil {
		if n, ok := m.Names.Funcs[idx]; ok && n != "" {
			return "$" + n
		}
	}
	for _, ex := range m.Exports {
		if ex.Kind == wasm.ExternFunc && ex.Index == idx {
			return strconv.Quote(ex.Name)
		}
	}
	return fmt.Sprintf("func[%d]", idx)
}

// selectFuncs returns the defined functions --func=NAME picks: a name
// from the name section (with or without $), an export name, or an
// index; all of them for "".
func selectFuncs(m *wasm.Module, name string) ([]uint32, error) {
	nimp := uint32(m.NumImportedFuncs)
	var all []uint32
	for i := nimp; i < uint32(len(m.FuncTypes)); i++ {
		all = append(all, i)
	}
	if name == "" {
		return all, nil
	}
	bare := strings.TrimPrefix(name, "$")
	for _, i := range all {
		if m.Names != nil && m.Names.Funcs[i] == bare {
			return []uint32{i}, nil
		}
	}
	for _, ex := range m.Exports {
		if ex.Kind == wasm.ExternFunc && ex.Name == name && ex.Index >= nimp {
			return []uint32{ex.Index}, nil
		}
	}
	if n, err := strconv.ParseUint(name, 10, 32); err == nil && uint32(n) >= nimp && uint32(n) < uint32(len(m.FuncTypes)) {
		return []uint32{uint32(n)}, nil
	}
	return nil, fmt.Errorf("no defined function %q (give a name, an export name or an index)", name)
}

// funcCode returns the body of defined function idx in b's artifact.
func (b *tierBuild) funcCode(m *wasm.Module, idx uint32) (vm.FuncInfo, []byte, bool) {
	if b.art == nil {
		return vm.FuncInfo{}, nil, false
	}
	i := int(idx) - m.NumImportedFuncs
	if i < 0 || i >= len(b.art.Funcs) {
		return vm.FuncInfo{}, nil, false
	}
	f := b.art.Funcs[i]
	return f, b.art.Code[f.Offset : f.Offset+f.Size], true
}

// funcDisasm disassembles defined function idx, offsets relative to the
// function's entry.
func (b *tierBuild) funcDisasm(m *wasm.Module, idx uint32) []disasm.Line {
	_, code, ok := b.funcCode(m, idx)
	if !ok {
		return nil
	}
	lines, _ := disasm.Disassemble(inspectTarget, code, 0)
	return lines
}

// runCompare implements kiln compare FILE.wasm|FILE.wat [--func=NAME].
func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	only := fs.String("func", "", "compare only this function (name, export name or index)")
	width := fs.Int("width", 60, "width of each disassembly column")
	noCode := fs.Bool("summary", false, "print the size table only, no disassembly")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln compare [--func=NAME] [--summary] FILE.wasm|FILE.wat")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fs.Usage()
		return exitUsage
	}
	_, m, err := decodeInput(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "kiln compare: %s\n", firstLine(err.Error()))
		return exitError
	}
	funcs, err := selectFuncs(m, *only)
	if err != nil {
		fmt.Fprintf(stderr, "kiln compare: %s: %v\n", files[0], err)
		return exitError
	}
	tiers := compileTiers(m)
	failed := false
	for _, t := range tiers {
		if t.err != nil {
			fmt.Fprintf(stdout, "%s: %s\n", t.name, firstLine(t.err.Error()))
			failed = true
		}
	}
	w := max(*width, 30)
	var size, insns [2]int
	for _, idx := range funcs {
		fmt.Fprintf(stdout, "\n== %s (func %d) %s ==\n", funcLabel(m, idx), idx, funcSig(m, idx))
		var lines [2][]disasm.Line
		var info [2]vm.FuncInfo
		for i := range tiers {
			var ok bool
			info[i], _, ok = tiers[i].funcCode(m, idx)
			if ok {
				lines[i] = tiers[i].funcDisasm(m, idx)
				size[i] += int(info[i].Size)
				insns[i] += len(lines[i])
			}
		}
		fmt.Fprintf(stdout, "%-22s %12s %12s\n", "", tiers[0].name, tiers[1].name)
		row := func(what string, f func(i int) string) {
			fmt.Fprintf(stdout, "%-22s %12s %12s\n", what, f(0), f(1))
		}
		row("code size (bytes)", func(i int) string { return cell(tiers[i].art != nil, int(info[i].Size)) })
		row("instructions", func(i int) string { return cell(tiers[i].art != nil, len(lines[i])) })
		row("frame size (bytes)", func(i int) string { return cell(tiers[i].art != nil, int(info[i].FrameSize)) })
		if *noCode {
			continue
		}
		fmt.Fprintf(stdout, "%s | %s\n", pad("--- "+tiers[0].name+" ", w, '-'), pad("--- "+tiers[1].name+" ", w, '-'))
		for k := 0; k < max(len(lines[0]), len(lines[1])); k++ {
			var col [2]string
			for i := range 2 {
				if k < len(lines[i]) {
					col[i] = fmt.Sprintf("%4x  %s%s", lines[i][k].Offset, lines[i][k].Text, tiers[i].note(m, idx, lines[i][k]))
				}
			}
			fmt.Fprintf(stdout, "%s | %s\n", pad(col[0], w, ' '), strings.TrimRight(clip(col[1], w), " "))
		}
	}
	fmt.Fprintf(stdout, "\n== totals (%d functions) ==\n", len(funcs))
	fmt.Fprintf(stdout, "%-22s %12s %12s\n", "", tiers[0].name, tiers[1].name)
	fmt.Fprintf(stdout, "%-22s %12s %12s\n", "code size (bytes)", cell(tiers[0].art != nil, size[0]), cell(tiers[1].art != nil, size[1]))
	fmt.Fprintf(stdout, "%-22s %12s %12s\n", "instructions", cell(tiers[0].art != nil, insns[0]), cell(tiers[1].art != nil, insns[1]))
	ct := func(i int) string {
		if tiers[i].art == nil {
			return "-"
		}
		return tiers[i].time.Round(time.Microsecond).String()
	}
	fmt.Fprintf(stdout, "%-22s %12s %12s\n", "compile time (module)", ct(0), ct(1))
	if tiers[0].art != nil && tiers[1].art != nil && size[0] > 0 {
		fmt.Fprintf(stdout, "optimizing/baseline: size %.2fx, instructions %.2fx, compile time %.1fx\n",
			float64(size[1])/float64(size[0]), float64(insns[1])/float64(max(insns[0], 1)),
			float64(tiers[1].time)/float64(max(tiers[0].time, 1)))
	}
	if failed {
		return exitError
	}
	return 0
}

func cell(ok bool, n int) string {
	if !ok {
		return "-"
	}
	return strconv.Itoa(n)
}

// clip shortens s to w columns, marking the cut.
func clip(s string, w int) string {
	if len(s) > w {
		return s[:w-1] + "…"
	}
	return s
}

// pad clips s to w columns and fills it up to w with c.
func pad(s string, w int, c byte) string {
	s = clip(s, w)
	if n := w - len([]rune(s)); n > 0 {
		s += strings.Repeat(string(c), n)
	}
	return s
}

// funcSig prints function idx's type as (params) -> (results).
func funcSig(m *wasm.Module, idx uint32) string {
	t := m.Types[m.FuncTypes[idx]]
	list := func(ts []wasm.ValType) string {
		s := make([]string, len(ts))
		for i, v := range ts {
			s[i] = v.String()
		}
		return "(" + strings.Join(s, " ") + ")"
	}
	return list(t.Params) + " -> " + list(t.Results)
}

// note annotates a disassembled line of function idx with what the
// artifact records for it: the functions its relocations name (calls show
// as unrelocated addresses otherwise) and its trap code.
func (b *tierBuild) note(m *wasm.Module, idx uint32, l disasm.Line) string {
	f, _, ok := b.funcCode(m, idx)
	if !ok {
		return ""
	}
	start := f.Offset + uint32(l.Offset)
	end := start + uint32(len(l.Bytes))
	var notes []string
	for _, r := range b.art.Relocs {
		if r.Offset >= start && r.Offset < end {
			switch r.Target.Kind {
			case vm.SymFunc:
				notes = append(notes, funcLabel(m, r.Target.Index))
			default:
				notes = append(notes, fmt.Sprintf("runtime symbol %d", r.Target.Index))
			}
		}
	}
	if len(notes) == 0 {
		if name := b.directTarget(m, f, l); name != "" {
			notes = append(notes, name)
		}
	}
	for _, t := range b.art.Traps {
		if t.Offset >= start && t.Offset < end {
			notes = append(notes, "trap "+t.Code.String())
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return "  ; " + strings.Join(notes, ", ")
}

// directTarget names the function a call or jump of l lands in when the
// tier resolved it while linking (no relocation is left to say): the
// disassembly shows the target relative to the function's entry, which
// may be another function of the blob. It returns "" for targets inside
// the function itself or that are not function entries.
func (b *tierBuild) directTarget(m *wasm.Module, f vm.FuncInfo, l disasm.Line) string {
	op, arg, ok := strings.Cut(l.Text, " ")
	if !ok || !(strings.HasPrefix(op, "call") || strings.HasPrefix(op, "jmp")) || !strings.HasPrefix(arg, "0x") {
		return ""
	}
	rel, err := strconv.ParseUint(arg[2:], 16, 64)
	if err != nil {
		return ""
	}
	abs := uint64(f.Offset) + rel // wraps for targets before the function
	if abs >= uint64(len(b.art.Code)) || (abs >= uint64(f.Offset) && abs < uint64(f.Offset)+uint64(f.Size)) {
		return ""
	}
	for i, g := range b.art.Funcs {
		idx := uint32(m.NumImportedFuncs + i)
		switch uint32(abs) {
		case g.Offset:
			return funcLabel(m, idx)
		case g.ArrayEntry:
			return funcLabel(m, idx) + " (array entry)"
		}
	}
	for i, off := range b.art.Imports {
		if uint32(abs) == off {
			return funcLabel(m, uint32(i)) + " (host-call trampoline)"
		}
	}
	return ""
}
