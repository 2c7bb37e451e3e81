package filetests

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"kiln/ir"
)

// Options control a run.
type Options struct {
	// Only, when non-empty, restricts the run to these test commands
	// (`interpret`, `verifier`, ...); other test lines are not counted.
	Only []string
	// Bless rewrites precise-output expectations in place instead of
	// failing on a mismatch.
	Bless bool
	// Jobs is the number of files run in parallel (default: GOMAXPROCS).
	Jobs int
}

// Status is the outcome of one (file, test command, target).
type Status uint8

const (
	Passed Status = iota
	Failed
	Skipped
)

// Failure is one problem, at a line of the file (0 when none applies).
type Failure struct {
	Line int
	Msg  string
}

// Result is one counted unit: a test command of a file, for one target
// when the command runs per target.
type Result struct {
	File     string
	Command  string // as written after `test`, options included
	Target   string // "" for target-independent commands
	Status   Status
	Reason   string // why it was skipped
	Failures []Failure
	Output   []string // `print:` lines and other informational output
}

// Report is the outcome of a run, results in file order, then in the order
// of the test lines and targets within a file.
type Report struct {
	Results []Result
}

// Counts returns the number of passed, failed and skipped results.
func (r *Report) Counts() (passed, failed, skipped int) {
	for _, res := range r.Results {
		switch res.Status {
		case Passed:
			passed++
		case Failed:
			failed++
		case Skipped:
			skipped++
		}
	}
	return
}

// Write prints failures (`file:line: test CMD: message`) and output such
// as `print:` results, every result's status when verbose, then the skip
// reasons with their counts and the summary line
// `N passed, N failed, N skipped`.
func (r *Report) Write(w io.Writer, verbose bool) {
	skips := map[string]int{}
	for _, res := range r.Results {
		label := "test " + res.Command
		target := ""
		if res.Target != "" {
			target = "target " + res.Target + ": "
		}
		for _, f := range res.Failures {
			fmt.Fprintf(w, "%s:%d: %s: %s%s\n", res.File, f.Line, label, target, f.Msg)
		}
		for _, o := range res.Output {
			fmt.Fprintf(w, "%s: %s: %s%s\n", res.File, label, target, o)
		}
		if verbose {
			if res.Status == Passed {
				fmt.Fprintf(w, "%s: %s: %sok\n", res.File, label, target)
			}
			if res.Status == Skipped {
				fmt.Fprintf(w, "%s: %s: %sskipped: %s\n", res.File, label, target, res.Reason)
			}
		}
		if res.Status == Skipped {
			skips[res.Reason]++
		}
	}
	reasons := make([]string, 0, len(skips))
	for k := range skips {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		fmt.Fprintf(w, "skipped %d: %s\n", skips[k], k)
	}
	p, f, s := r.Counts()
	fmt.Fprintf(w, "%d passed, %d failed, %d skipped\n", p, f, s)
}

// FileRunner runs one test file of a kind other than CLIF (the baseline
// tier's .wat filetests, say) and returns one result per counted unit.
type FileRunner func(path string, opts Options) []Result

var fileKinds = map[string]FileRunner{} // by extension, guarded by registryMu

// RegisterFileKind makes Collect pick up files ending in ext (".wat")
// below folders and RunFile hand them to run.
func RegisterFileKind(ext string, run FileRunner) {
	registryMu.Lock()
	defer registryMu.Unlock()
	fileKinds[ext] = run
}

func fileKind(path string) (FileRunner, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	run, ok := fileKinds[filepath.Ext(path)]
	return run, ok
}

// Collect expands paths: a folder means every .clif file (and every file
// of a registered kind) below it, sorted; a file means itself.
func Collect(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			if _, ok := fileKind(path); ok || strings.HasSuffix(path, ".clif") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// Run runs every test file under paths.
func Run(paths []string, opts Options) (*Report, error) {
	files, err := Collect(paths)
	if err != nil {
		return nil, err
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	perFile := make([][]Result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(jobs, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				perFile[i] = RunFile(files[i], opts)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	rep := &Report{}
	for _, rs := range perFile {
		rep.Results = append(rep.Results, rs...)
	}
	return rep, nil
}

// RunFile runs the test commands of one file: a CLIF file here, any other
// registered kind by its FileRunner.
func RunFile(path string, opts Options) []Result {
	if run, ok := fileKind(path); ok {
		return run(path, opts)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return []Result{{File: path, Command: "read", Status: Failed, Failures: []Failure{{0, err.Error()}}}}
	}
	parsed, err := ir.ParseFile(path, src)
	if err != nil {
		return parseFailure(path, src, err, opts)
	}
	file := newFile(path, src, parsed)
	var results []Result
	var bless blessings
	for _, tc := range parsed.Tests {
		if len(opts.Only) > 0 && !slices.Contains(opts.Only, tc.Command) {
			continue
		}
		label := strings.Join(append([]string{tc.Command}, tc.Options...), " ")
		cmd, ok := lookup(tc.Command)
		if !ok {
			results = append(results, Result{File: path, Command: label, Status: Skipped, Reason: "unsupported test command `" + tc.Command + "`"})
			continue
		}
		var targets []*ir.Target
		if cmd.PerTarget() {
			for i := range parsed.Targets {
				targets = append(targets, &parsed.Targets[i])
			}
			if len(targets) == 0 {
				results = append(results, Result{File: path, Command: label, Status: Skipped, Reason: "no target line for a target-specific test"})
				continue
			}
		} else {
			targets = []*ir.Target{nil}
		}
		for _, tg := range targets {
			ctx := &Context{File: file, Test: tc, Target: tg, Options: opts, bless: &bless}
			res := Result{File: path, Command: label}
			if tg != nil {
				res.Target = targetName(tg)
			}
			out := runCommand(cmd, ctx)
			res.Output = out.Output
			switch {
			case len(out.Failures) > 0:
				res.Status, res.Failures = Failed, out.Failures
			case out.Skip != "":
				res.Status, res.Reason = Skipped, out.Skip
			default:
				res.Status = Passed
			}
			results = append(results, res)
		}
	}
	if err := bless.apply(file); err != nil {
		results = append(results, Result{File: path, Command: "bless", Status: Failed, Failures: []Failure{{0, err.Error()}}})
	}
	return results
}

// runCommand runs one command, turning a panic (a bug in kiln, never in
// the input) into a failure so one file cannot stop the whole run.
func runCommand(cmd Command, ctx *Context) (out Outcome) {
	defer func() {
		if r := recover(); r != nil {
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			out = Outcome{Failures: []Failure{{ctx.Test.Line, fmt.Sprintf("internal error: %v\n%s", r, buf)}}}
		}
	}()
	return cmd.Run(ctx)
}

func targetName(t *ir.Target) string {
	parts := []string{t.Arch}
	for _, f := range t.Flags {
		if f.Bare {
			parts = append(parts, f.Name)
		} else {
			parts = append(parts, f.Name+"="+f.Value)
		}
	}
	return strings.Join(parts, " ")
}

// parseFailure reports a file that does not parse as one failure per test
// command its header names (so --only still counts it only where it
// applies), or as one `parse` failure when no header can be found.
func parseFailure(path string, src []byte, err error, opts Options) []Result {
	fail := Failure{0, err.Error()}
	var pe *ir.ParseError
	if errors.As(err, &pe) {
		fail = Failure{pe.Line, fmt.Sprintf("parse error at column %d: %s", pe.Col, pe.Msg)}
	}
	var results []Result
	for _, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "function") {
			break
		}
		words := strings.Fields(strings.SplitN(t, ";", 2)[0])
		if len(words) < 2 || words[0] != "test" {
			continue
		}
		if len(opts.Only) > 0 && !slices.Contains(opts.Only, words[1]) {
			continue
		}
		results = append(results, Result{File: path, Command: strings.Join(words[1:], " "), Status: Failed, Failures: []Failure{fail}})
	}
	if len(results) == 0 && len(opts.Only) == 0 {
		results = append(results, Result{File: path, Command: "parse", Status: Failed, Failures: []Failure{fail}})
	}
	return results
}
