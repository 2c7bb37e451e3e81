package main

import (
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"kiln/ir/wasm"
	"kiln/optimizing"
	"kiln/optimizing/frontend"
)

func init() {
	register("explore", command{
		summary: "write one HTML page: wasm, optimizing IR and both tiers' machine code per function",
		run:     runExplore,
	})
}

// runExplore implements kiln explore FILE.wasm|FILE.wat [--func=NAME] -o out.html.
//
// The page is static (HTML and CSS, a few lines of inline JavaScript for
// highlighting) so that it can be attached to a review or opened from disk.
// Machine instructions carry the wasm offset the artifact's source
// locations give them; hovering one highlights the wasm operator and the
// other tier's instructions from the same offset.
func runExplore(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output HTML file (default: FILE with extension .html)")
	only := fs.String("func", "", "explore only this function (name, export name or index)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln explore [--func=NAME] FILE.wasm|FILE.wat -o out.html")
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
	file := files[0]
	if *out == "" {
		*out = strings.TrimSuffix(file, filepath.Ext(file)) + ".html"
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "kiln explore: %s\n", firstLine(fmt.Sprintf(format, a...)))
		return exitError
	}
	_, m, err := decodeInput(file)
	if err != nil {
		return fail("%v", err)
	}
	funcs, err := selectFuncs(m, *only)
	if err != nil {
		return fail("%s: %v", file, err)
	}
	page := buildExplorePage(filepath.Base(file), m, funcs, compileTiers(m))
	f, err := os.Create(*out)
	if err != nil {
		return fail("%v", err)
	}
	if err := exploreTemplate.Execute(f, page); err != nil {
		f.Close()
		return fail("%s: %v", *out, err)
	}
	if err := f.Close(); err != nil {
		return fail("%v", err)
	}
	return 0
}

type explorePage struct {
	File  string
	Tiers []exploreTier
	Funcs []exploreFunc
}

type exploreTier struct {
	Name, Error string
	Time        string
	Size        int
}

type exploreFunc struct {
	Index     uint32
	Label     string
	Signature string
	Wasm      []exploreLine
	// IRBefore and IRAfter are the optimizing tier's IR as translated and
	// after the mid-end; IRError says why they are missing.
	IRBefore, IRAfter []exploreLine
	IRError           string
	Tiers             []exploreCode
}

type exploreCode struct {
	Tier            string
	Size, FrameSize uint32
	Lines           []exploreLine
	Missing         string
}

// exploreLine is one row: an address (code offset or wasm offset), its
// text, and the wasm offset it came from (Loc, -1 if unknown).
type exploreLine struct {
	Addr string
	Text string
	Note string
	Loc  int
}

func buildExplorePage(file string, m *wasm.Module, funcs []uint32, tiers []tierBuild) explorePage {
	p := explorePage{File: file}
	for _, t := range tiers {
		et := exploreTier{Name: t.name}
		if t.err != nil {
			et.Error = t.err.Error()
		} else {
			et.Time = t.time.Round(time.Microsecond).String()
			for _, idx := range funcs {
				if f, _, ok := t.funcCode(m, idx); ok {
					et.Size += int(f.Size)
				}
			}
		}
		p.Tiers = append(p.Tiers, et)
	}
	env := frontend.NewVMEnv(m)
	for _, idx := range funcs {
		ef := exploreFunc{Index: idx, Label: funcLabel(m, idx), Signature: funcSig(m, idx)}
		ef.Wasm = wasmLines(m, idx)
		rows := make([]int, 0, len(ef.Wasm))
		for _, l := range ef.Wasm {
			if l.Loc >= 0 {
				rows = append(rows, l.Loc)
			}
		}
		if f, err := frontend.TranslateFunction(m, idx, env); err != nil {
			ef.IRError = err.Error()
		} else {
			ef.IRBefore = irLines(f.String(), rows)
			// Dump "-": the KILN_DUMP variable must not print into the page's
			// run.
			if _, err := optimizing.Optimize(f, optimizing.Options{Dump: "-"}); err != nil {
				ef.IRError = "mid-end: " + err.Error()
			} else {
				ef.IRAfter = irLines(f.String(), rows)
			}
		}
		for i := range tiers {
			ef.Tiers = append(ef.Tiers, machineLines(m, idx, &tiers[i], rows))
		}
		p.Funcs = append(p.Funcs, ef)
	}
	return p
}

// snapLoc returns the last wasm row offset at or before loc, or -1.
func snapLoc(rows []int, loc int) int {
	if k := sort.SearchInts(rows, loc+1) - 1; k >= 0 {
		return rows[k]
	}
	return -1
}

// irSrcLoc matches an IR instruction with a source location: the CLIF
// text writes "@hex" and pads it to the instruction column.
var irSrcLoc = regexp.MustCompile(`^@([0-9a-f]+)\s+(.*)$`)

// irLines splits the IR text into rows, taking each instruction's wasm
// offset from its "@hex" prefix and narrowing the column the text format
// pads every instruction to.
func irLines(text string, rows []int) []exploreLine {
	var out []exploreLine
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		l := exploreLine{Loc: -1}
		if mm := irSrcLoc.FindStringSubmatch(line); mm != nil {
			if off, err := strconv.ParseUint(mm[1], 16, 32); err == nil {
				l.Loc = snapLoc(rows, int(off))
			}
			l.Addr, l.Text = "@"+mm[1], mm[2]
		} else if t := strings.TrimLeft(line, " "); len(line)-len(t) >= 8 {
			l.Text = t // an instruction without a location
		} else {
			l.Text = line
		}
		out = append(out, l)
	}
	return out
}

// wasmLines lists function idx's operators with their module offsets,
// indented by block depth.
func wasmLines(m *wasm.Module, idx uint32) []exploreLine {
	code := &m.Code[idx-uint32(m.NumImportedFuncs)]
	r := wasm.NewOperatorReader(code.Expr, code.ExprOffset)
	// Prologues (frame setup, stack check, locals zeroing) are recorded
	// at the body's offset, before the first operator.
	lines := []exploreLine{{Addr: fmt.Sprintf("%06x", code.Offset), Text: fmt.Sprintf(";; body: %d locals", code.NumLocals), Loc: code.Offset}}
	depth := 0
	for !r.Done() {
		op, err := r.Next()
		if err != nil {
			lines = append(lines, exploreLine{Addr: fmt.Sprintf("%06x", r.Offset()), Text: "error: " + err.Error(), Loc: -1})
			break
		}
		text := op.String()
		name := op.Op.Name()
		if name == "end" || name == "else" || strings.HasPrefix(name, "catch") || name == "delegate" {
			depth = max(depth-1, 0)
		}
		lines = append(lines, exploreLine{Addr: fmt.Sprintf("%06x", op.Offset), Text: strings.Repeat("  ", depth) + text, Loc: op.Offset})
		switch name {
		case "block", "loop", "if", "else", "try", "try_table", "catch", "catch_all":
			depth++
		}
	}
	return lines
}

// machineLines disassembles function idx of one tier, with each
// instruction's wasm offset from the artifact's source locations, snapped
// to the last wasm row (rows: their offsets, ascending) at or before it so
// that every link lands on a row.
func machineLines(m *wasm.Module, idx uint32, t *tierBuild, rows []int) exploreCode {
	c := exploreCode{Tier: t.name}
	f, _, ok := t.funcCode(m, idx)
	if !ok {
		c.Missing = "not compiled"
		if t.err != nil {
			c.Missing = t.err.Error()
		}
		return c
	}
	c.Size, c.FrameSize = f.Size, f.FrameSize
	for _, l := range t.funcDisasm(m, idx) {
		loc := -1
		if w, ok := t.art.SrcLocAt(f.Offset + uint32(l.Offset)); ok {
			loc = snapLoc(rows, int(w))
		}
		c.Lines = append(c.Lines, exploreLine{
			Addr: fmt.Sprintf("%4x", l.Offset),
			Text: l.Text,
			Note: strings.TrimPrefix(t.note(m, idx, l), "  ; "),
			Loc:  loc,
		})
	}
	return c
}

var exploreTemplate = template.Must(template.New("explore").Funcs(template.FuncMap{
	"hex": func(n int) string { return fmt.Sprintf("%x", n) },
	// rows pairs a function with a list of rows for the "rows" template.
	"rows": func(f exploreFunc, l []exploreLine) any {
		return struct {
			Func  exploreFunc
			Lines []exploreLine
		}{f, l}
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>kiln explore: {{.File}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f4; }
header { padding: 12px 20px; background: #2b2d42; color: #fff; }
header h1 { font-size: 18px; margin: 0 0 6px; }
header table { border-collapse: collapse; font-size: 13px; }
header td, header th { padding: 1px 12px 1px 0; text-align: left; }
nav { padding: 8px 20px; background: #e8e8e4; font-size: 13px; line-height: 1.8; }
nav a { margin-right: 14px; color: #2b2d42; }
section { margin: 14px 20px 28px; }
h2 { font-size: 16px; margin: 0 0 8px; }
h2 .sig { font-weight: normal; color: #666; font-family: ui-monospace, monospace; font-size: 13px; }
.grid { display: grid; grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.4fr) minmax(0, 1fr) minmax(0, 1fr); gap: 10px; }
.col { background: #fff; border: 1px solid #ccc; border-radius: 4px; min-width: 0; }
.col h3 { font-size: 13px; margin: 0; padding: 5px 8px; background: #eee; border-bottom: 1px solid #ccc; }
.col h3 .meta { font-weight: normal; color: #666; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; max-height: 70vh; overflow: auto; padding: 4px 0; }
.code div { white-space: pre; padding: 0 8px; }
.code .a { color: #999; margin-right: 8px; }
.code .n { color: #7a4e9c; }
.code div[data-loc]:hover, .code div.hl { background: #ffe58a; }
.code a { color: inherit; text-decoration: none; }
.ir .a { display: inline-block; min-width: 5ch; }
.err { color: #b00020; padding: 6px 8px; font-size: 12px; white-space: pre-wrap; }
details summary { cursor: pointer; font-size: 12px; padding: 4px 8px; color: #444; }
</style>
</head>
<body>
<header>
<h1>kiln explore: {{.File}}</h1>
<table>
<tr><th>tier</th><th>code size (shown functions)</th><th>module compile time (1 thread)</th></tr>
{{range .Tiers}}<tr><td>{{.Name}}</td>{{if .Error}}<td colspan="2">failed: {{.Error}}</td>{{else}}<td>{{.Size}} bytes</td><td>{{.Time}}</td>{{end}}</tr>
{{end}}</table>
</header>
<nav>{{range .Funcs}}<a href="#f{{.Index}}">{{.Label}}</a>{{end}}</nav>
{{range $f := .Funcs}}
<section id="f{{.Index}}" class="func">
<h2>{{.Label}} <span class="sig">func {{.Index}}: {{.Signature}}</span></h2>
<div class="grid">
<div class="col"><h3>wasm <span class="meta">module offset, operator</span></h3>
<div class="code">{{range .Wasm}}<div id="f{{$f.Index}}-w{{hex .Loc}}" data-loc="{{.Loc}}"><span class="a">{{.Addr}}</span>{{.Text}}</div>{{end}}</div></div>
<div class="col"><h3>optimizing IR <span class="meta">after the mid-end</span></h3>
{{if .IRError}}<div class="err">{{.IRError}}</div>{{end}}
{{if .IRAfter}}<div class="code ir">{{template "rows" rows $f .IRAfter}}</div>{{end}}
{{if .IRBefore}}<details><summary>as translated, before the mid-end</summary><div class="code ir">{{template "rows" rows $f .IRBefore}}</div></details>{{end}}
</div>
{{range .Tiers}}<div class="col"><h3>{{.Tier}} <span class="meta">{{if not .Missing}}{{.Size}} bytes, {{len .Lines}} instructions, frame {{.FrameSize}}{{end}}</span></h3>
{{if .Missing}}<div class="err">{{.Missing}}</div>{{else}}<div class="code">{{template "rows" rows $f .Lines}}</div>{{end}}
</div>{{end}}
</div>
</section>
{{end}}
<script>
// Hovering a row highlights every row of the same function that comes
// from the same wasm offset: the operator and both tiers' instructions.
document.querySelectorAll('section.func').forEach(function (sec) {
  var on = [];
  sec.addEventListener('mouseover', function (e) {
    var row = e.target.closest('[data-loc]');
    on.forEach(function (r) { r.classList.remove('hl'); });
    on = [];
    if (!row || row.dataset.loc === '-1') return;
    on = Array.prototype.slice.call(sec.querySelectorAll('[data-loc="' + row.dataset.loc + '"]'));
    on.forEach(function (r) { r.classList.add('hl'); });
  });
});
</script>
</body>
</html>
{{define "rows"}}{{$f := .Func}}{{range .Lines}}{{if ge .Loc 0}}<div data-loc="{{.Loc}}" title="wasm offset {{hex .Loc}}"><a href="#f{{$f.Index}}-w{{hex .Loc}}"><span class="a">{{.Addr}}</span>{{.Text}}{{if .Note}} <span class="n">; {{.Note}}</span>{{end}}</a></div>{{else}}<div><span class="a">{{.Addr}}</span>{{.Text}}{{if .Note}} <span class="n">; {{.Note}}</span>{{end}}</div>{{end}}{{end}}{{end}}
`))
