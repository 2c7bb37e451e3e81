package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kiln/filetests"
)

func init() {
	register("test", command{
		summary: "run filetests (.clif): kiln test [--only=CMD,...] [--bless] [-v] PATH...",
		run:     runTest,
	})
}

// runTest runs the filetests under the given paths (folders recurse to
// every .clif file) and prints failures, skip reasons and the summary line
// `N passed, N failed, N skipped`. Exit status 1 when anything failed.
func runTest(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	only := fs.String("only", "", "comma-separated test commands to run (interpret, verifier, cat, ...); others are not counted")
	bless := fs.Bool("bless", os.Getenv("KILN_TEST_BLESS") == "1", "rewrite precise-output expectations in place")
	verbose := fs.Bool("v", false, "list every result and print: output")
	jobs := fs.Int("j", 0, "files run in parallel (default: number of CPUs)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln test [--only=CMD,...] [--bless] [-v] PATH...")
		fs.PrintDefaults()
	}
	// Flags may follow the paths too: parse, take one path, repeat.
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	opts := filetests.Options{Bless: *bless, Jobs: *jobs}
	if *only != "" {
		for _, c := range strings.Split(*only, ",") {
			if c = strings.TrimSpace(c); c != "" {
				opts.Only = append(opts.Only, c)
			}
		}
	}
	rep, err := filetests.Run(paths, opts)
	if err != nil {
		fmt.Fprintln(stderr, "kiln test:", err)
		return 2
	}
	rep.Write(stdout, *verbose)
	if _, failed, _ := rep.Counts(); failed > 0 {
		return 1
	}
	return 0
}
