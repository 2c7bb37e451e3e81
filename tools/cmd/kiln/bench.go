package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	kiln "kiln/runtime"
	"kiln/runtime/wasi"
)

func init() {
	register("bench", command{
		summary: "time wasm kernels on kiln's tiers (peers: go test -bench ./tools/bench)",
		run:     runBench,
	})
}

// defaultManifest is where `kiln bench` without a file finds its kernels:
// the repository's tools/bench, whose go test -bench also runs the peers
// (wazero, native, node) this command leaves out so that the tools module
// does not depend on them.
const defaultManifest = "tools/bench/kernels.txt"

// benchJob is one thing to time: an export called with arguments, or
// (invoke == "") a WASI command's _start with guest arguments.
type benchJob struct {
	name   string
	src    []byte
	invoke string
	args   []string // --invoke arguments, or the command's argv[1:]
	want   string   // the expected first result ("" = only tiers agree)
}

// runBench implements
//
//	kiln bench [--tier=T,...] [--time=D] [--manifest=FILE]
//	kiln bench [--tier=T,...] [--time=D] FILE.wasm|FILE.wat [--invoke=NAME] [ARGS...]
//
// Without a file it runs every kernel of the manifest; with one, the
// export NAME with ARGS, or, without --invoke, the module as a WASI
// command (each run instantiates it and runs _start with ARGS, output
// discarded). Each tier compiles once, then runs the job repeatedly for
// at least --time (one run at least); it prints the compile time and the
// median and fastest run. Results must agree across tiers (and with the
// manifest): a mismatch is reported and the exit status is 1.
func runBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tiers := fs.String("tier", "interp,baseline,optimizing", "comma-separated tiers to time")
	minTime := fs.Duration("time", time.Second, "time each tier runs a job for, at least (one run at least)")
	manifest := fs.String("manifest", defaultManifest, "kernel list used when no FILE is given")
	invoke := fs.String("invoke", "", "call this export with ARGS instead of running _start")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln bench [--tier=interp,baseline,optimizing] [--time=1s] [--manifest=FILE]")
		fmt.Fprintln(stderr, "       kiln bench [--tier=...] [--time=1s] FILE.wasm|FILE.wat [--invoke=NAME] [ARGS...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	var jobs []benchJob
	if fs.NArg() == 0 {
		var err error
		if jobs, err = readManifest(*manifest); err != nil {
			fmt.Fprintf(stderr, "kiln bench: %v\n", err)
			return exitError
		}
	} else {
		file, rest := fs.Arg(0), fs.Args()[1:]
		// kiln bench's own flags may follow FILE (kiln bench f.wat
		// --invoke run -1); anything else there, "-1" included, is an
		// argument.
		for len(rest) > 0 {
			name, _, _ := strings.Cut(strings.TrimLeft(rest[0], "-"), "=")
			if !strings.HasPrefix(rest[0], "-") || fs.Lookup(name) == nil {
				break
			}
			n := 1
			if !strings.Contains(rest[0], "=") && len(rest) > 1 {
				n = 2
			}
			if err := fs.Parse(rest[:n]); err != nil {
				return exitUsage
			}
			rest = rest[n:]
		}
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "kiln bench: %v\n", err)
			return exitError
		}
		jobs = []benchJob{{name: filepath.Base(file), src: src, invoke: *invoke, args: rest}}
	}
	var configs []tierConfig
	for _, t := range strings.Split(*tiers, ",") {
		cfg, err := engineConfig(t)
		if err != nil {
			fmt.Fprintf(stderr, "kiln bench: %v\n", err)
			return exitUsage
		}
		configs = append(configs, tierConfig{t, cfg})
	}

	nameWidth := 0
	for _, j := range jobs {
		nameWidth = max(nameWidth, len(j.name))
	}
	tw := newTable(stdout, []int{nameWidth, 10, 8, 4, 10, 8, 0},
		"kernel", "tier", "compile", "runs", "median/run", "min/run", "result")
	status := 0
	for _, job := range jobs {
		first := ""
		for _, tc := range configs {
			r, err := benchTier(job, tc.cfg, *minTime)
			if err != nil {
				if errors.Is(err, kiln.ErrTierUnavailable) {
					tw.row(job.name, tc.name, "unavailable on this platform", "", "", "", "")
					continue
				}
				fmt.Fprintf(stderr, "kiln bench: %s on %s: %s\n", job.name, tc.name, firstLine(err.Error()))
				status = exitError
				continue
			}
			tw.row(job.name, tc.name, dur(r.compile), strconv.Itoa(len(r.runs)), dur(median(r.runs)), dur(r.runs[0]), r.result)
			if first == "" {
				first = r.result
			}
			if r.result != first || (r.want != "" && r.result != r.want) {
				want := r.want
				if want == "" {
					want = first
				}
				fmt.Fprintf(stderr, "kiln bench: %s on %s returned %s, want %s\n", job.name, tc.name, r.result, want)
				status = exitError
			}
		}
	}
	return status
}

type tierConfig struct {
	name string
	cfg  kiln.Config
}

// benchResult is one job on one tier: compile time, the run times sorted
// ascending, and the first result printed as kiln run prints it.
type benchResult struct {
	compile time.Duration
	runs    []time.Duration
	result  string
	want    string // job.want printed the way result is
}

func benchTier(job benchJob, cfg kiln.Config, minTime time.Duration) (benchResult, error) {
	var r benchResult
	ctx := context.Background()
	engine, err := kiln.NewEngine(cfg)
	if err != nil {
		return r, err
	}
	start := time.Now()
	mod, err := engine.CompileModule(ctx, job.src)
	if err != nil {
		return r, err
	}
	r.compile = time.Since(start)

	var run func() (string, error)
	if job.invoke != "" {
		run, r.want, err = invoker(ctx, engine, mod, job)
	} else {
		run = commandRunner(ctx, engine, mod, job)
	}
	if err != nil {
		return r, err
	}
	for total := time.Duration(0); len(r.runs) == 0 || total < minTime; {
		start := time.Now()
		res, err := run()
		d := time.Since(start)
		if err != nil {
			return r, err
		}
		if len(r.runs) == 0 {
			r.result = res
		}
		r.runs = append(r.runs, d)
		total += d
	}
	sort.Slice(r.runs, func(i, j int) bool { return r.runs[i] < r.runs[j] })
	return r, nil
}

// invoker instantiates the module once (with WASI, for modules that
// import it) and returns a call of the export with the job's arguments,
// and job.want printed as the call's first result is (the manifest
// writes i32 results unsigned, kiln run prints them signed).
func invoker(ctx context.Context, engine *kiln.Engine, mod *kiln.Module, job benchJob) (func() (string, error), string, error) {
	sys, err := wasi.New(wasi.Config{Args: []string{job.name}, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		return nil, "", err
	}
	linker := kiln.NewLinker(engine)
	if err := wasi.Define(linker, sys); err != nil {
		return nil, "", err
	}
	inst, err := linker.Instantiate(ctx, kiln.NewStore(engine), mod)
	if err != nil {
		return nil, "", err
	}
	if init := inst.Func("_initialize"); init != nil {
		if _, err := init.Call(ctx); err != nil {
			return nil, "", err
		}
	}
	f := inst.Func(job.invoke)
	if f == nil {
		return nil, "", fmt.Errorf("no exported function %q", job.invoke)
	}
	params, err := parseArgs(f.Type().Params, job.args)
	if err != nil {
		return nil, "", fmt.Errorf("--invoke=%s: %v", job.invoke, err)
	}
	want := job.want
	if rt := f.Type().Results; want != "" && len(rt) > 0 {
		w, err := parseArgs(rt[:1], []string{want})
		if err != nil {
			return nil, "", fmt.Errorf("expected result %s: %v", want, err)
		}
		want = formatValue(rt[0], w[0])
	}
	results := make([]uint64, len(f.Type().Results))
	return func() (string, error) {
		if err := f.CallInto(ctx, params, results); err != nil {
			return "", err
		}
		out := make([]string, len(results))
		for i, t := range f.Type().Results {
			out[i] = formatValue(t, results[i])
		}
		return strings.Join(out, " "), nil
	}, want, nil
}

// commandRunner runs the module as a WASI command: each run is a fresh
// instance running _start; the result is the exit status.
func commandRunner(ctx context.Context, engine *kiln.Engine, mod *kiln.Module, job benchJob) func() (string, error) {
	return func() (string, error) {
		sys, err := wasi.New(wasi.Config{Args: append([]string{job.name}, job.args...), Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			return "", err
		}
		defer sys.Close()
		linker := kiln.NewLinker(engine)
		if err := wasi.Define(linker, sys); err != nil {
			return "", err
		}
		inst, err := linker.Instantiate(ctx, kiln.NewStore(engine), mod)
		if err != nil {
			return "", err
		}
		start := inst.Func("_start")
		if start == nil {
			return "", errors.New("module exports no _start function (a library? use --invoke=NAME)")
		}
		_, err = start.Call(ctx)
		var exit *wasi.ExitError
		if errors.As(err, &exit) {
			return "exit " + strconv.Itoa(int(exit.Code)), nil
		}
		if err != nil {
			return "", err
		}
		return "exit 0", nil
	}
}

// readManifest reads the kernel list: FILE EXPORT ARG RESULT per line,
// paths relative to the list, # comments.
func readManifest(path string) ([]benchJob, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && path == defaultManifest {
			return nil, fmt.Errorf("%s not found: run kiln bench from the repository root, or give --manifest or a FILE", path)
		}
		return nil, err
	}
	defer f.Close()
	var jobs []benchJob
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if len(fields) != 4 {
			return nil, fmt.Errorf("%s:%d: want FILE EXPORT ARG RESULT", path, n)
		}
		file := filepath.Join(filepath.Dir(path), fields[0])
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		jobs = append(jobs, benchJob{name: fields[0], src: src, invoke: fields[1], args: []string{fields[2]}, want: fields[3]})
	}
	return jobs, sc.Err()
}

func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// dur prints a duration with three significant digits.
func dur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.3gs", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.3gms", float64(d)/1e6)
	default:
		return fmt.Sprintf("%.3gµs", float64(d)/1e3)
	}
}

// table prints rows as they are measured (a long run shows progress) in
// columns as wide as the header's or the given widths.
type table struct {
	w      io.Writer
	widths []int
}

func newTable(w io.Writer, widths []int, header ...string) *table {
	t := &table{w: w, widths: widths}
	for i, h := range header {
		t.widths[i] = max(t.widths[i], len(h))
	}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	var b strings.Builder
	for i, c := range cells {
		b.WriteString(c)
		if i < len(cells)-1 {
			b.WriteString(strings.Repeat(" ", max(t.widths[i]-len([]rune(c)), 0)+2))
		}
	}
	fmt.Fprintln(t.w, strings.TrimRight(b.String(), " "))
}
