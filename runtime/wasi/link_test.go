package wasi_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	kiln "kiln/runtime"
	"kiln/runtime/wasi"
)

// run instantiates a WAT guest with WASI linked in and calls _start.
func run(t *testing.T, src string, cfg wasi.Config) (string, error) {
	t.Helper()
	ctx := context.Background()
	var out bytes.Buffer
	cfg.Stdout = &out
	sys, err := wasi.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer sys.Close()
	engine, err := kiln.NewEngine(kiln.Config{})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := engine.CompileModule(ctx, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	linker := kiln.NewLinker(engine)
	if err := wasi.Define(linker, sys); err != nil {
		t.Fatal(err)
	}
	inst, err := linker.Instantiate(ctx, kiln.NewStore(engine), mod)
	if err != nil {
		t.Fatal(err)
	}
	_, err = inst.Func("_start").Call(ctx)
	return out.String(), err
}

const helloWAT = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, kiln\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 12))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 3))
    unreachable))`

func TestDefineRunsAGuest(t *testing.T) {
	out, err := run(t, helloWAT, wasi.Config{})
	if out != "hello, kiln\n" {
		t.Errorf("stdout %q", out)
	}
	var exit *wasi.ExitError
	if !errors.As(err, &exit) || exit.Code != 3 {
		t.Fatalf("want exit status 3, got %v", err)
	}
}

func TestDefineWithoutMemoryIsEFAULT(t *testing.T) {
	// A guest without a memory export: every pointer is out of bounds.
	out, err := run(t, `(module
	  (import "wasi_snapshot_preview1" "args_sizes_get" (func $f (param i32 i32) (result i32)))
	  (func (export "_start") (if (i32.ne (call $f (i32.const 0) (i32.const 4)) (i32.const 21)) (then unreachable))))`, wasi.Config{})
	if err != nil || out != "" {
		t.Fatalf("%q %v", out, err)
	}
}

func TestDefineTypes(t *testing.T) {
	// Importing a preview1 function with the wrong type fails to link.
	ctx := context.Background()
	sys, _ := wasi.New(wasi.Config{})
	engine, _ := kiln.NewEngine(kiln.Config{})
	mod, err := engine.CompileModule(ctx, []byte(`(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32))))`))
	if err != nil {
		t.Fatal(err)
	}
	linker := kiln.NewLinker(engine)
	wasi.Define(linker, sys)
	if _, err := linker.Instantiate(ctx, kiln.NewStore(engine), mod); err == nil {
		t.Error("wrongly typed import linked")
	}
}
