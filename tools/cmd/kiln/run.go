package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"

	"kiln/baseline"
	"kiln/ir/wasm"
	"kiln/optimizing/compile"
	kiln "kiln/runtime"
	"kiln/runtime/wasi"
)

func init() {
	register("run", command{
		summary: "run a WebAssembly program (WASI preview1), like wasmtime run",
		run:     runRun,
	})
}

// runStdin is the guest's standard input; tests replace it.
var runStdin io.Reader = os.Stdin

// Exit statuses of kiln run besides the guest's own (proc_exit): 1 for an
// error before or around the guest (missing file, invalid module, missing
// import), 2 for usage errors, and for a trap what Wasmtime uses: 128 +
// SIGABRT on Unix (the status of an abort()), 3 on Windows.
const (
	exitError = 1
	exitUsage = 2
)

func exitTrap() int {
	if runtime.GOOS == "windows" {
		return 3
	}
	return 134
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// runRun implements
//
//	kiln run [--tier=interp|baseline|optimizing] [--dir=HOST[::GUEST]]...
//	         [--env=K[=V]]... [--invoke=NAME] FILE.wasm|FILE.wat [ARGS...]
//
// with wasmtime run's conventions: the guest's stdin, stdout and stderr
// are kiln's; its exit status (proc_exit) is kiln's; ARGS follow FILE as
// the guest's argv[1:] (with --invoke they are the function's arguments
// instead, and its results are printed one per line).
func runRun(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tier := fs.String("tier", "", "execution tier: interp, baseline or optimizing (default: interp)")
	invoke := fs.String("invoke", "", "call this export instead of _start; ARGS are its arguments")
	var dirs, envs listFlag
	fs.Var(&dirs, "dir", "preopen host directory HOST as GUEST (HOST[::GUEST]; repeatable)")
	fs.Var(&envs, "env", "set K=V in the guest's environment, or pass the host's K (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln run [--tier=interp|baseline|optimizing] [--dir=HOST[::GUEST]] [--env=K=V] [--invoke=NAME] FILE.wasm|FILE.wat|FILE.cwasm [ARGS...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	file, guestArgs := fs.Arg(0), fs.Args()[1:]
	fail := func(format string, a ...any) int {
		msg := fmt.Sprintf(format, a...)
		// One line: decoder and validator messages may carry detail lines.
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		fmt.Fprintf(stderr, "kiln run: %s\n", msg)
		return exitError
	}

	cfg, err := engineConfig(*tier)
	if err != nil {
		fmt.Fprintf(stderr, "kiln run: %v\n", err)
		return exitUsage
	}
	engine, err := kiln.NewEngine(cfg)
	if err != nil {
		if errors.Is(err, kiln.ErrTierUnavailable) {
			fmt.Fprintf(stderr, "kiln run: execution tier %s is not available in this build yet; use --tier=interp\n", *tier)
			return exitUsage
		}
		return fail("%v", err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fail("%s: %v", file, err)
	}
	if strings.HasSuffix(file, ".wasm") && !bytes.HasPrefix(src, []byte("\x00asm")) {
		// Without this the runtime would try the bytes as text and
		// report a confusing syntax error.
		return fail("%s: not a WebAssembly binary (no \\0asm magic number)", file)
	}
	ctx := context.Background()
	var mod *kiln.Module
	if kiln.IsPrecompiled(src) {
		// A .cwasm from kiln compile: its code runs whatever --tier says.
		mod, err = engine.Deserialize(src)
	} else {
		mod, err = engine.CompileModule(ctx, src)
	}
	if err != nil {
		return fail("%s: %v", file, err)
	}

	wcfg := wasi.Config{Stdin: runStdin, Stdout: stdout, Stderr: stderr}
	if *invoke == "" {
		wcfg.Args = append([]string{file}, guestArgs...)
	} else {
		wcfg.Args = []string{file}
	}
	for _, e := range envs {
		if !strings.Contains(e, "=") {
			v, ok := os.LookupEnv(e)
			if !ok {
				continue // wasmtime passes nothing for an unset variable
			}
			e += "=" + v
		}
		wcfg.Env = append(wcfg.Env, e)
	}
	for _, d := range dirs {
		host, guest, ok := strings.Cut(d, "::")
		if !ok {
			guest = host
		}
		wcfg.Dirs = append(wcfg.Dirs, wasi.Dir{HostPath: host, GuestPath: guest})
	}
	sys, err := wasi.New(wcfg)
	if err != nil {
		return fail("%v", err)
	}
	defer sys.Close()
	linker := kiln.NewLinker(engine)
	if err := wasi.Define(linker, sys); err != nil {
		return fail("%v", err)
	}
	store := kiln.NewStore(engine)
	inst, err := linker.Instantiate(ctx, store, mod)
	if err != nil {
		return guestFailed(file, err, stderr)
	}

	if *invoke == "" {
		start := inst.Func("_start")
		if start == nil {
			return fail("%s: module exports no _start function (a library? use --invoke=NAME)", file)
		}
		if _, err := start.Call(ctx); err != nil {
			return guestFailed(file, err, stderr)
		}
		return 0
	}
	if init := inst.Func("_initialize"); init != nil {
		if _, err := init.Call(ctx); err != nil {
			return guestFailed(file, err, stderr)
		}
	}
	f := inst.Func(*invoke)
	if f == nil {
		return fail("%s: no exported function %q", file, *invoke)
	}
	params, err := parseArgs(f.Type().Params, guestArgs)
	if err != nil {
		return fail("--invoke=%s: %v", *invoke, err)
	}
	results, err := f.Call(ctx, params...)
	if err != nil {
		return guestFailed(file, err, stderr)
	}
	for i, t := range f.Type().Results {
		fmt.Fprintln(stdout, formatValue(t, results[i]))
	}
	return 0
}

// engineConfig maps --tier to an engine configuration. The compiled tiers
// are handed to the runtime as vm.Compilers; the runtime reports
// ErrTierUnavailable until its compiled-code glue is built in.
func engineConfig(tier string) (kiln.Config, error) {
	switch tier {
	case "", "interp":
		return kiln.Config{}, nil
	case "baseline":
		return kiln.Config{Compiler: baseline.Compiler{}}, nil
	case "optimizing":
		return kiln.Config{Compiler: compile.New()}, nil
	}
	return kiln.Config{}, fmt.Errorf("unknown execution tier %q (want interp, baseline or optimizing)", tier)
}

// guestFailed reports how the guest ended when it did not return
// normally: proc_exit gives its status silently, a trap prints the trap
// and its wasm backtrace, anything else is one line.
func guestFailed(file string, err error, stderr io.Writer) int {
	var exit *wasi.ExitError
	if errors.As(err, &exit) {
		return int(exit.Code)
	}
	var trap *kiln.Trap
	if errors.As(err, &trap) {
		fmt.Fprintf(stderr, "kiln run: %s: wasm trap: %v\n", file, trap)
		return exitTrap()
	}
	fmt.Fprintf(stderr, "kiln run: %s: %s\n", file, firstLine(err.Error()))
	return exitError
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// parseArgs converts --invoke arguments to words by parameter type:
// integers in decimal (negative allowed) or 0x hex, floats as Go parses
// them (including "inf" and "nan").
func parseArgs(types []wasm.ValType, args []string) ([]uint64, error) {
	if len(args) != len(types) {
		return nil, fmt.Errorf("function takes %d arguments, got %d", len(types), len(args))
	}
	out := make([]uint64, len(args))
	for i, t := range types {
		a := args[i]
		switch t {
		case kiln.I32:
			v, err := parseInt(a, 32)
			if err != nil {
				return nil, fmt.Errorf("argument %d: %v", i+1, err)
			}
			out[i] = uint64(uint32(v))
		case kiln.I64:
			v, err := parseInt(a, 64)
			if err != nil {
				return nil, fmt.Errorf("argument %d: %v", i+1, err)
			}
			out[i] = v
		case kiln.F32:
			v, err := strconv.ParseFloat(a, 32)
			if err != nil {
				return nil, fmt.Errorf("argument %d: %v", i+1, err)
			}
			out[i] = uint64(math.Float32bits(float32(v)))
		case kiln.F64:
			v, err := strconv.ParseFloat(a, 64)
			if err != nil {
				return nil, fmt.Errorf("argument %d: %v", i+1, err)
			}
			out[i] = math.Float64bits(v)
		default:
			return nil, fmt.Errorf("argument %d: cannot pass a %v from the command line", i+1, t)
		}
	}
	return out, nil
}

func parseInt(s string, bits int) (uint64, error) {
	if v, err := strconv.ParseInt(s, 0, bits); err == nil {
		return uint64(v), nil
	}
	return strconv.ParseUint(s, 0, bits)
}

func formatValue(t wasm.ValType, v uint64) string {
	switch t {
	case kiln.I32:
		return strconv.FormatInt(int64(int32(v)), 10)
	case kiln.I64:
		return strconv.FormatInt(int64(v), 10)
	case kiln.F32:
		return strconv.FormatFloat(float64(math.Float32frombits(uint32(v))), 'g', -1, 32)
	case kiln.F64:
		return strconv.FormatFloat(math.Float64frombits(v), 'g', -1, 64)
	}
	return fmt.Sprintf("%#x", v)
}
