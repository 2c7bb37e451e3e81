package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"kiln/baseline"
	filewast "kiln/filetests/wast"
	"kiln/optimizing/compile"
	kiln "kiln/runtime"
)

// wastTier returns the execution tier called name ("" is the
// interpreter): the runtime's public API over an engine of that tier.
func wastTier(name string) (filewast.Tier, error) {
	var cfg kiln.Config
	switch name {
	case "", "interp":
	case "baseline":
		cfg.Compiler = baseline.Compiler{}
	case "optimizing":
		cfg.Compiler = compile.New()
	default:
		return nil, fmt.Errorf("unknown execution tier %q (optimizing, baseline or interp)", name)
	}
	e, err := kiln.NewEngine(cfg)
	if err != nil {
		return nil, fmt.Errorf("execution tier %s is not available: %w", name, err)
	}
	return filewast.NewRuntimeTier(e, e.Unsupported()), nil
}

func init() {
	register("wast", command{
		summary: "run WebAssembly spec scripts (.wast)",
		run:     runWast,
	})
}

// runWast implements "kiln wast [--tier=...] [--validate-only] FILE.wast...".
// Exit status: 0 when nothing failed, 1 when something failed, 2 on usage
// errors or when the requested tier is not available.
func runWast(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wast", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tier := fs.String("tier", "", "execution tier: optimizing, baseline or interp")
	validateOnly := fs.Bool("validate-only", false, "run only the decoding and validation directives; count the others as skipped")
	timing := fs.Bool("time", false, "print the wall time of the run")
	verbose := fs.Bool("v", false, "also list every skipped directive with its reason")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln wast [--tier=optimizing|baseline|interp] [--validate-only] [-v] [--time] FILE.wast...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	start := time.Now()
	r := &filewast.Runner{}
	if !*validateOnly {
		t, err := wastTier(*tier)
		if err != nil {
			fmt.Fprintf(stderr, "kiln wast: %v; use --validate-only to run the decoding and validation directives\n", err)
			return 2
		}
		r.Tier = t
	}
	var reports []filewast.Report
	for _, path := range fs.Args() {
		reports = append(reports, r.RunFile(path)...)
	}
	summarise := filewast.Summarise
	if *verbose {
		summarise = filewast.SummariseVerbose
	}
	counts := summarise(stdout, reports)
	if *timing {
		fmt.Fprintf(stderr, "wall time %v\n", time.Since(start).Round(time.Millisecond))
	}
	if counts.Failed > 0 {
		return 1
	}
	return 0
}
