// Command kiln runs, compiles, tests and inspects WebAssembly and CLIF with
// kiln's tiers. Each subcommand lives in its own file and registers itself in
// init, so subcommands can grow independently.
//
//	kiln run     [--tier=...] [--dir=...] [--env=...] [--invoke=NAME] FILE.wasm|FILE.wat|FILE.cwasm [ARGS...]
//	kiln compile [--tier=...] [--target=...] FILE.wasm -o FILE.cwasm
//	kiln wast    [--tier=...] [--validate-only] FILE.wast...
//	kiln test    [--only=CMD,...] PATH...
//	kiln compare FILE.wasm|FILE.wat [--func=NAME]
//	kiln explore FILE.wasm -o out.html
//	kiln bench   [--tier=...] [FILE --invoke NAME ARGS...]
//
// docs/cli.md describes each one.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one kiln subcommand. run returns the process exit code.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

func register(name string, c command) {
	if _, dup := commands[name]; dup {
		panic("kiln: subcommand registered twice: " + name)
	}
	commands[name] = c
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "kiln: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: kiln <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
}
