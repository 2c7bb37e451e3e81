package filetests

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

// Expectation returns the precise-output expectation of function fi: every
// comment of the function that does not start with `;;`, with one leading
// space stripped, one per line.
func (f *File) Expectation(fi int) []string {
	var out []string
	for _, c := range f.Parsed.Functions[fi].Comments {
		if strings.HasPrefix(c.Text, ";") {
			continue
		}
		out = append(out, strings.TrimPrefix(c.Text, " "))
	}
	return out
}

// PreciseOutput compares actual (the command's output for function fi)
// with the function's expectation block line for line. Under Bless a
// mismatch schedules a rewrite of the block instead of failing.
func (c *Context) PreciseOutput(out *Outcome, fi int, actual string) {
	got := strings.Split(strings.TrimRight(actual, "\n"), "\n")
	want := c.File.Expectation(fi)
	if equalLines(got, want) {
		return
	}
	ff := c.File.Parsed.Functions[fi]
	if c.Options.Bless {
		c.bless.add(fi, got)
		out.Output = append(out.Output, fmt.Sprintf("%s: blessed new expectation", ff.Func.Name))
		return
	}
	out.Fail(ff.Line, "%s: precise output mismatch (rerun with -update, KILN_TEST_BLESS=1 or kiln test --bless):\n%s",
		ff.Func.Name, lineDiff(want, got))
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lineDiff shows the first differing line with context.
func lineDiff(want, got []string) string {
	var b strings.Builder
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	fmt.Fprintf(&b, "first difference at expectation line %d\n", i+1)
	for j := max(0, i-2); j < min(max(len(want), len(got)), i+3); j++ {
		if j < len(want) {
			fmt.Fprintf(&b, "  -%s\n", want[j])
		}
		if j < len(got) {
			fmt.Fprintf(&b, "  +%s\n", got[j])
		}
	}
	return b.String()
}

// blessings collects the new expectation blocks of one file; they are
// written when the file's commands are done.
type blessings struct {
	mu  sync.Mutex
	new map[int][]string // by function index
}

func (b *blessings) add(fi int, lines []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.new == nil {
		b.new = map[int][]string{}
	}
	b.new[fi] = lines
}

// apply rewrites the file: for each blessed function, the expectation
// comment lines after its closing brace (up to the next function) are
// removed and the new block is written right after the brace.
func (b *blessings) apply(f *File) error {
	if len(b.new) == 0 {
		return nil
	}
	lines := append([]string(nil), f.Lines...)
	fis := make([]int, 0, len(b.new))
	for fi := range b.new {
		fis = append(fis, fi)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(fis))) // bottom up keeps line numbers valid
	for _, fi := range fis {
		ff := f.Parsed.Functions[fi]
		last := ff.Line
		for _, l := range ff.InstLines {
			last = max(last, l)
		}
		for _, l := range ff.BlockLine {
			last = max(last, l)
		}
		brace := -1
		for l := last; l <= len(lines); l++ {
			if strings.HasPrefix(strings.TrimSpace(lines[l-1]), "}") {
				brace = l
				break
			}
		}
		if brace < 0 {
			return fmt.Errorf("%s: cannot find the closing brace of %s", f.Path, ff.Func.Name)
		}
		end := len(lines) + 1
		if fi+1 < len(f.Parsed.Functions) {
			end = f.Parsed.Functions[fi+1].Line
		}
		// Keep everything after the brace except expectation comments.
		var kept []string
		for l := brace + 1; l < end && l <= len(lines); l++ {
			t := strings.TrimSpace(lines[l-1])
			if strings.HasPrefix(t, ";") && !strings.HasPrefix(t, ";;") {
				continue
			}
			kept = append(kept, lines[l-1])
		}
		var block []string
		for _, g := range b.new[fi] {
			if g == "" {
				block = append(block, ";")
			} else {
				block = append(block, "; "+g)
			}
		}
		rest := append(block, kept...)
		tail := append([]string(nil), lines[min(end-1, len(lines)):]...)
		lines = append(append(lines[:brace], rest...), tail...)
	}
	return os.WriteFile(f.Path, []byte(strings.Join(lines, "\n")), 0o644)
}
