package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	kiln "kiln/runtime"
)

func init() {
	register("compile", command{
		summary: "compile a module ahead of time to a .cwasm that kiln run (or kiln/runtime) loads",
		run:     runCompile,
	})
}

// targetArch maps the target names of `kiln compile --target` (Wasmtime's
// and Cranelift's triple-style names, plus GOARCH names) to GOARCH.
var targetArch = map[string]string{
	"x86_64": "amd64", "amd64": "amd64",
	"aarch64": "arm64", "arm64": "arm64",
	"riscv64": "riscv64",
	"s390x":   "s390x",
}

// compiledArches are the GOARCHes some compiler tier emits code for.
var compiledArches = map[string]bool{"amd64": true}

// runCompile implements
//
//	kiln compile [--tier=baseline|optimizing] [--target=x86_64] FILE.wasm|FILE.wat [-o FILE.cwasm]
//
// The .cwasm is kiln.Precompile's output: code for the target plus the
// module binary, loadable by Engine.Deserialize in another process (on a
// machine of the target architecture).
// Without -o it is FILE with the extension replaced by .cwasm.
func runCompile(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tier := fs.String("tier", "optimizing", "compiler tier: baseline or optimizing")
	target := fs.String("target", "", "target architecture: x86_64 (default: the host's)")
	out := fs.String("o", "", "output file (default: FILE with extension .cwasm)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: kiln compile [--tier=baseline|optimizing] [--target=x86_64] FILE.wasm|FILE.wat [-o FILE.cwasm]")
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
	if *tier != "baseline" && *tier != "optimizing" {
		fmt.Fprintf(stderr, "kiln compile: unknown tier %q (want baseline or optimizing)\n", *tier)
		return exitUsage
	}
	if err := checkTarget(*target); err != nil {
		fmt.Fprintf(stderr, "kiln compile: %v\n", err)
		return exitUsage
	}
	if *out == "" {
		*out = strings.TrimSuffix(file, filepath.Ext(file)) + ".cwasm"
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "kiln compile: %s\n", firstLine(fmt.Sprintf(format, a...)))
		return exitError
	}
	cfg, _ := engineConfig(*tier)
	src, err := readInput(file)
	if err != nil {
		return fail("%v", err)
	}
	arch := targetArch[*target]
	if *target == "" {
		arch = runtime.GOARCH
	}
	b, err := kiln.Precompile(context.Background(), cfg.Compiler, src, arch, 0)
	if err != nil {
		return fail("%s: %v", file, err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fail("%v", err)
	}
	return 0
}

// checkTarget accepts only targets some tier has a code generator for.
// Compilation maps no code (kiln.Precompile), so any host can compile for
// them; the .cwasm runs only on the target.
func checkTarget(target string) error {
	if target == "" {
		target = runtime.GOARCH
		if !compiledArches[target] {
			return fmt.Errorf("kiln has no code generator for this host (%s); give --target=x86_64", target)
		}
		return nil
	}
	arch, ok := targetArch[target]
	if !ok {
		return fmt.Errorf("unknown target %q (known: x86_64, aarch64, riscv64, s390x)", target)
	}
	if !compiledArches[arch] {
		return fmt.Errorf("target %s: kiln has no %s code generator yet (available: x86_64)", target, arch)
	}
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments (`kiln compile FILE -o OUT`), which the flag
// package alone stops at, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// readInput reads a module file, refusing a .wasm that is not a binary
// (the runtime would otherwise try it as text and report a confusing
// syntax error) and naming the file in every error.
func readInput(file string) ([]byte, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if strings.HasSuffix(file, ".wasm") && !bytes.HasPrefix(src, []byte("\x00asm")) {
		return nil, fmt.Errorf("%s: not a WebAssembly binary (no \\0asm magic number)", file)
	}
	return src, nil
}

// decodeInput reads a module (binary or text) and validates it with every
// feature, for the inspection commands: the binary (with a name section
// for text input) and the decoded module.
func decodeInput(file string) ([]byte, *wasm.Module, error) {
	src, err := readInput(file)
	if err != nil {
		return nil, nil, err
	}
	bin := src
	if !bytes.HasPrefix(src, []byte("\x00asm")) {
		tm, err := wat.Options{Names: true}.ParseModule(src)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", file, err)
		}
		bin = tm.Binary
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", file, err)
	}
	return bin, m, nil
}
