package kiln_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"kiln/baseline"
	"kiln/ir/vm"
	optcompile "kiln/optimizing/compile"
	kiln "kiln/runtime"
	"kiln/runtime/internal/jit"
)

// aotModule exercises what instantiating a precompiled module needs besides
// the code: an import, memory with a data segment, a mutable global, a
// table for call_indirect, names for the backtrace of a trap.
const aotModule = `(module $aot
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (memory (export "mem") 1)
  (data (i32.const 16) "\2a\00\00\00")
  (global $count (mut i32) (i32.const 7))
  (table funcref (elem $fib $mix))
  (type $unop (func (param i32) (result i32)))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func $mix (export "mix") (param i32) (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (call $add (i32.add (local.get 0) (i32.load (i32.const 16))) (global.get $count)))
  (func (export "indirect") (param i32 i32) (result i32)
    (call_indirect (type $unop) (local.get 1) (local.get 0)))
  (func $inner (export "trap") (result i32) (i32.div_u (i32.const 1) (i32.const 0))))`

// runAOTModule instantiates mod with env.add and reports every export's
// results, one line each, so two processes can compare them.
func runAOTModule(t testing.TB, e *kiln.Engine, mod *kiln.Module) string {
	ctx := context.Background()
	l := kiln.NewLinker(e)
	l.DefineHost("env", "add", kiln.Func2(func(_ context.Context, a, b int32) int32 { return a + b }))
	inst, err := l.Instantiate(ctx, kiln.NewStore(e), mod)
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	var out strings.Builder
	call := func(name string, args ...uint64) {
		res, err := inst.Func(name).Call(ctx, args...)
		fmt.Fprintf(&out, "%s%v = %v %v\n", name, args, res, err)
	}
	call("fib", 20)
	call("mix", 5)
	call("mix", 5)
	call("indirect", 10, 0)
	call("indirect", 3, 1)
	call("indirect", 3, 2)
	call("trap")
	fmt.Fprintf(&out, "module name %q\n", mod.Name())
	return out.String()
}

func compileForAOT(t testing.TB, c vm.Compiler) (*kiln.Engine, *kiln.Module) {
	if !jit.Supported {
		t.Skipf("no compiled tier on %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	e, err := kiln.NewEngine(kiln.Config{Compiler: c})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := e.CompileModule(context.Background(), []byte(aotModule))
	if err != nil {
		t.Fatal(err)
	}
	return e, mod
}

// TestAOTOtherProcess compiles with each tier here, then loads and runs the
// .cwasm in a child process (this test binary re-executed) whose engine
// has no compiler, and compares the results.
func TestAOTOtherProcess(t *testing.T) {
	if path := os.Getenv("KILN_AOT_CHILD"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		e, _ := kiln.NewEngine(kiln.Config{}) // interpreter engine: no compiler
		mod, err := e.Deserialize(b)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Print("RESULTS\n" + runAOTModule(t, e, mod) + "END\n")
		return
	}
	for _, c := range []vm.Compiler{baseline.Compiler{}, optcompile.New()} {
		t.Run(c.Name(), func(t *testing.T) {
			e, mod := compileForAOT(t, c)
			want := runAOTModule(t, e, mod)
			b, err := mod.Serialize()
			if err != nil {
				t.Fatal(err)
			}
			if !kiln.IsPrecompiled(b) {
				t.Fatal("IsPrecompiled is false for Serialize's output")
			}
			path := filepath.Join(t.TempDir(), "m.cwasm")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestAOTOtherProcess$", "-test.v")
			cmd.Env = append(os.Environ(), "KILN_AOT_CHILD="+path)
			outb, err := cmd.CombinedOutput()
			out := string(outb)
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			_, got, ok := strings.Cut(out, "RESULTS\n")
			got, _, ok2 := strings.Cut(got, "END\n")
			if !ok || !ok2 {
				t.Fatalf("child printed no results:\n%s", out)
			}
			if got != want {
				t.Errorf("child process results differ\nchild:\n%s\nparent:\n%s", got, want)
			}
			if !strings.Contains(want, "fib[20] = [6765] <nil>") || !strings.Contains(want, "integer divide by zero") {
				t.Errorf("unexpected results:\n%s", want)
			}
		})
	}
}

// TestDeserializeSameProcess loads into an engine of another tier and into
// the compiling engine itself.
func TestDeserializeSameProcess(t *testing.T) {
	e, mod := compileForAOT(t, baseline.Compiler{})
	want := runAOTModule(t, e, mod)
	b, err := mod.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := kiln.NewEngine(kiln.Config{Compiler: optcompile.New()})
	for _, e := range []*kiln.Engine{e, other} {
		m2, err := e.Deserialize(b)
		if err != nil {
			t.Fatal(err)
		}
		if got := runAOTModule(t, e, m2); got != want {
			t.Errorf("engine %s: got\n%s\nwant\n%s", e.Tier(), got, want)
		}
		b2, err := m2.Serialize()
		if err != nil || !bytes.Equal(b, b2) {
			t.Errorf("re-serializing a loaded module: %v, equal %v", err, bytes.Equal(b, b2))
		}
	}
}

func TestSerializeInterpreterModule(t *testing.T) {
	e, _ := kiln.NewEngine(kiln.Config{})
	mod, err := e.CompileModule(context.Background(), []byte(`(module)`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mod.Serialize(); !errors.Is(err, kiln.ErrNotSerializable) {
		t.Errorf("Serialize of an interpreter module: %v, want ErrNotSerializable", err)
	}
}

// reseal recomputes the container checksum after a deliberate edit, so a
// test reaches the checks behind it.
func reseal(b []byte) []byte {
	b = bytes.Clone(b)
	body := b[:len(b)-4]
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32c(body))
	return b
}

func TestDeserializeErrors(t *testing.T) {
	_, mod := compileForAOT(t, baseline.Compiler{})
	good, err := mod.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	e, _ := kiln.NewEngine(kiln.Config{})
	// The wasm binary starts after magic, version and its length.
	_, k := binary.Uvarint(good[12:])
	wasmStart := 12 + k
	otherArch := "arm64"
	if runtime.GOARCH == "arm64" {
		otherArch = "amd64"
	}
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"wasm", []byte("\x00asm\x01\x00\x00\x00"), "bad magic"},
		{"truncated", good[:10], "truncated"},
		{"version", reseal(append(append([]byte{}, good[:8]...), append([]byte{9, 0, 0, 0}, good[12:]...)...)), "format version 9"},
		{"checksum", func() []byte { b := bytes.Clone(good); b[len(b)/2] ^= 1; return b }(), "checksum mismatch"},
		{"short", reseal(append(bytes.Clone(good[:len(good)-40]), 0, 0, 0, 0)), "bad length"},
		{"trailing", reseal(append(bytes.Clone(good[:len(good)-4]), 7, 0, 0, 0, 0)), "trailing bytes"},
		{"other module", func() []byte { b := bytes.Clone(good); b[wasmStart+9] ^= 0x40; return reseal(b) }(), "module hash mismatch"},
		{"other arch", otherArchCWasm(t, good, otherArch), "compiled for " + otherArch},
		{"not a cwasm artifact", joinForTest([]byte("\x00asm\x01\x00\x00\x00"), []byte("junk")), "bad magic"},
	}
	for _, c := range cases {
		_, err := e.Deserialize(c.b)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// otherArchCWasm re-marshals good's artifact as if compiled for arch.
func otherArchCWasm(t *testing.T, good []byte, arch string) []byte {
	bin, art := splitForTest(t, good)
	a, err := vm.Unmarshal(art)
	if err != nil {
		t.Fatal(err)
	}
	a.Arch = arch
	return joinForTest(bin, a.Marshal())
}

func splitForTest(_ *testing.T, b []byte) (bin, art []byte) {
	rest := b[12 : len(b)-4]
	n, k := binary.Uvarint(rest)
	bin, rest = rest[k:k+int(n)], rest[k+int(n):]
	n, k = binary.Uvarint(rest)
	return bin, rest[k : k+int(n)]
}

func joinForTest(bin, art []byte) []byte {
	b := []byte("KILNAOT\x00\x01\x00\x00\x00")
	b = binary.AppendUvarint(b, uint64(len(bin)))
	b = append(b, bin...)
	b = binary.AppendUvarint(b, uint64(len(art)))
	b = append(b, art...)
	return reseal(append(b, 0, 0, 0, 0))
}

// FuzzDeserialize feeds damaged precompiled modules to Deserialize: every
// outcome must be an error or a module (never a panic). The checksum
// rejects almost every mutation, so the fuzzer also gets inputs whose
// checksum it recomputes, to reach the decoding behind it.
func FuzzDeserialize(f *testing.F) {
	if jit.Supported {
		for _, c := range []vm.Compiler{baseline.Compiler{}, optcompile.New()} {
			_, mod := compileForAOT(f, c)
			b, err := mod.Serialize()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, false)
			f.Add(b, true)
		}
	}
	f.Add([]byte("KILNAOT\x00\x01\x00\x00\x00\x00\x00"), true)
	e, _ := kiln.NewEngine(kiln.Config{})
	f.Fuzz(func(t *testing.T, b []byte, resealed bool) {
		if resealed && len(b) >= 4 {
			b = reseal(b)
		}
		mod, err := e.Deserialize(b)
		if err == nil && mod == nil {
			t.Fatal("nil module without an error")
		}
		// A loaded module is not run: with a valid checksum the fuzzer
		// can still change machine code, which no loader can vet.
	})
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func crc32c(b []byte) uint32 { return crc32.Checksum(b, crcTable) }

// FuzzDeserializeParts reaches what the checksums and the module hash
// protect: the fuzzer changes the module binary and the artifact freely,
// and the test then makes both consistent (artifact checksum, module hash,
// container checksum), so Deserialize validates the module and maps code
// whose tables may disagree with it. Loading must give an error or a
// module, never a panic; nothing is run.
func FuzzDeserializeParts(f *testing.F) {
	if jit.Supported {
		for _, c := range []vm.Compiler{baseline.Compiler{}, optcompile.New()} {
			_, mod := compileForAOT(f, c)
			b, err := mod.Serialize()
			if err != nil {
				f.Fatal(err)
			}
			bin, art := splitForTest(nil, b)
			f.Add(bin, art)
		}
	}
	e, _ := kiln.NewEngine(kiln.Config{})
	f.Fuzz(func(t *testing.T, bin, art []byte) {
		art = bytes.Clone(art)
		// The hash follows magic, version, arch, tier and features.
		off := 12
		for range 2 {
			n, k := binary.Uvarint(art[min(off, len(art)):])
			if k <= 0 || n > 64 {
				off = -1
				break
			}
			off += k + int(n)
		}
		if off < 0 || off+8+32+4 > len(art) {
			return
		}
		h := sha256.Sum256(bin)
		copy(art[off+8:], h[:])
		mod, err := e.Deserialize(joinForTest(bin, reseal(art)))
		if err == nil && mod == nil {
			t.Fatal("nil module without an error")
		}
	})
}

// TestPrecompile compiles without an engine (no code is mapped) and runs
// the result in an engine without a compiler.
func TestPrecompile(t *testing.T) {
	for _, c := range []vm.Compiler{baseline.Compiler{}, optcompile.New()} {
		t.Run(c.Name(), func(t *testing.T) {
			b, err := kiln.Precompile(context.Background(), c, []byte(aotModule), "amd64", 0)
			if err != nil {
				t.Fatal(err)
			}
			if !jit.Supported || runtime.GOARCH != "amd64" {
				t.Skipf("precompiled amd64 code cannot run on %s/%s", runtime.GOOS, runtime.GOARCH)
			}
			ref, mod := compileForAOT(t, c)
			want := runAOTModule(t, ref, mod)
			e, _ := kiln.NewEngine(kiln.Config{})
			m2, err := e.Deserialize(b)
			if err != nil {
				t.Fatal(err)
			}
			if got := runAOTModule(t, e, m2); got != want {
				t.Errorf("precompiled module: got\n%s\nwant\n%s", got, want)
			}
		})
	}
	for _, c := range []struct {
		src, target, want string
	}{
		{aotModule, "riscv64", "no back end"},
		{"(module (func (i32.add)))", "amd64", "type mismatch"},
		{"(module (func", "amd64", "text module"},
		{"\x00asm\x01\x00\x00\x00\x01", "amd64", "kiln:"},
		{`(module (func (export "f") (param v128) (result v128) (local.get 0)))`, "amd64", "unsupported"},
	} {
		_, err := kiln.Precompile(context.Background(), baseline.Compiler{}, []byte(c.src), c.target, 0)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Precompile(%.30q, %s): %v, want an error containing %q", c.src, c.target, err, c.want)
		}
	}
}
