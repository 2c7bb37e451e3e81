package wasi

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// guest drives a System the way compiled wasm would: arguments are words,
// pointers index a fake linear memory, and the test allocates in it with
// a bump allocator.
type guest struct {
	t      *testing.T
	s      *System
	mem    memory
	brk    uint32
	stdout bytes.Buffer
	stderr bytes.Buffer
}

const guestMemSize = 1 << 20

func newGuest(t *testing.T, cfg Config) *guest {
	t.Helper()
	g := &guest{t: t, mem: make(memory, guestMemSize), brk: 1024}
	if cfg.Stdout == nil {
		cfg.Stdout = &g.stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = &g.stderr
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	g.s = s
	return g
}

// newDirGuest preopens a fresh temporary directory as fd 3 ("/sandbox")
// inside a parent that holds a file "secret" the guest must never see.
func newDirGuest(t *testing.T) (*guest, string, string) {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "sandbox")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(parent, "secret"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	return newGuest(t, Config{Dirs: []Dir{{GuestPath: "/sandbox", HostPath: dir}}}), dir, parent
}

func (g *guest) alloc(n uint32) uint32 {
	p := (g.brk + 7) &^ 7
	g.brk = p + n
	if g.brk > uint32(len(g.mem)) {
		g.t.Fatal("guest memory exhausted")
	}
	return p
}

// str places s in guest memory and returns its pointer and length.
func (g *guest) str(s string) (uint64, uint64) {
	p := g.alloc(uint32(len(s)))
	copy(g.mem[p:], s)
	return uint64(p), uint64(len(s))
}

func (g *guest) call(name string, args ...uint64) Errno {
	g.t.Helper()
	f := Lookup(name)
	if f == nil {
		g.t.Fatalf("no function %s", name)
	}
	if len(args) != len(f.Params) {
		g.t.Fatalf("%s takes %d params, test passed %d", name, len(f.Params), len(args))
	}
	var res [1]uint64
	if err := g.s.Call(context.Background(), f, g.mem, args, res[:]); err != nil {
		g.t.Fatalf("%s: %v", name, err)
	}
	return Errno(res[0])
}

func (g *guest) u32(p uint32) uint32 { return binary.LittleEndian.Uint32(g.mem[p:]) }
func (g *guest) u64(p uint32) uint64 { return binary.LittleEndian.Uint64(g.mem[p:]) }

// expect calls name and checks its errno. A string argument is placed in
// guest memory and passed as (pointer, length); integers pass as words.
func (g *guest) expect(want Errno, name string, args ...any) {
	g.t.Helper()
	if got := g.callArgs(name, args...); got != want {
		g.t.Errorf("%s: errno %s, want %s", name, got.Name(), want.Name())
	}
}

// callArgs is call with expect's argument conventions.
func (g *guest) callArgs(name string, args ...any) Errno {
	g.t.Helper()
	var words []uint64
	for _, a := range args {
		switch v := a.(type) {
		case string:
			p, n := g.str(v)
			words = append(words, p, n)
		case int:
			words = append(words, uint64(v))
		case uint32:
			words = append(words, uint64(v))
		case uint64:
			words = append(words, v)
		case uint16:
			words = append(words, uint64(v))
		case []uint64:
			words = append(words, v...)
		default:
			g.t.Fatalf("argument of type %T", a)
		}
	}
	return g.call(name, words...)
}

// open opens path below dirfd and returns the fd. Like Go's os.OpenFile
// it asks for every right, minus the write rights unless it creates or
// truncates.
func (g *guest) open(dirfd uint32, path string, oflags uint32, fdflags uint32) (uint32, Errno) {
	g.t.Helper()
	p, n := g.str(path)
	out := g.alloc(4)
	rights := fileRights | dirRights
	if oflags&(oflagsCreat|oflagsTrunc) == 0 {
		rights &^= writeRights
	}
	e := g.call("path_open", uint64(dirfd), lookupSymlinkFollow, p, n, uint64(oflags), rights, fileRights|dirRights, uint64(fdflags), uint64(out))
	return g.u32(out), e
}

// write writes data to fd through one iovec and returns the count.
func (g *guest) write(fd uint32, data string) (uint32, Errno) {
	p, n := g.str(data)
	iov := g.alloc(8)
	binary.LittleEndian.PutUint32(g.mem[iov:], uint32(p))
	binary.LittleEndian.PutUint32(g.mem[iov+4:], uint32(n))
	out := g.alloc(4)
	e := g.call("fd_write", uint64(fd), uint64(iov), 1, uint64(out))
	return g.u32(out), e
}

// read reads up to n bytes from fd through one iovec.
func (g *guest) read(fd uint32, n uint32) (string, Errno) {
	buf := g.alloc(n)
	iov := g.alloc(8)
	binary.LittleEndian.PutUint32(g.mem[iov:], buf)
	binary.LittleEndian.PutUint32(g.mem[iov+4:], n)
	out := g.alloc(4)
	e := g.call("fd_read", uint64(fd), uint64(iov), 1, uint64(out))
	return string(g.mem[buf : buf+g.u32(out)]), e
}

// path calls a path_* function whose arguments are (fd, path, len, rest...).
func (g *guest) path(name string, fd uint32, path string, rest ...uint64) Errno {
	g.t.Helper()
	p, n := g.str(path)
	return g.call(name, append([]uint64{uint64(fd), p, n}, rest...)...)
}

func (g *guest) filestat(fd uint32, path string, follow bool) (filestat, Errno) {
	g.t.Helper()
	p, n := g.str(path)
	out := g.alloc(filestatSize)
	var flags uint64
	if follow {
		flags = lookupSymlinkFollow
	}
	e := g.call("path_filestat_get", uint64(fd), flags, p, n, uint64(out))
	return filestat{
		dev: g.u64(out), ino: g.u64(out + 8), filetype: g.mem[out+16], nlink: g.u64(out + 24),
		size: g.u64(out + 32), atim: g.u64(out + 40), mtim: g.u64(out + 48), ctim: g.u64(out + 56),
	}, e
}
