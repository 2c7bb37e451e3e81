package wasi

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestEveryPreview1FunctionIsDefined(t *testing.T) {
	want := strings.Fields(`args_get args_sizes_get clock_res_get clock_time_get
		environ_get environ_sizes_get fd_advise fd_allocate fd_close fd_datasync
		fd_fdstat_get fd_fdstat_set_flags fd_fdstat_set_rights fd_filestat_get
		fd_filestat_set_size fd_filestat_set_times fd_pread fd_prestat_dir_name
		fd_prestat_get fd_pwrite fd_read fd_readdir fd_renumber fd_seek fd_sync
		fd_tell fd_write path_create_directory path_filestat_get
		path_filestat_set_times path_link path_open path_readlink
		path_remove_directory path_rename path_symlink path_unlink_file
		poll_oneoff proc_exit proc_raise random_get sched_yield sock_accept
		sock_recv sock_send sock_shutdown`)
	if len(Functions) != len(want) {
		t.Errorf("%d functions, preview1 has %d", len(Functions), len(want))
	}
	for _, name := range want {
		if Lookup(name) == nil {
			t.Errorf("missing %s", name)
		}
	}
}

func TestArgsAndEnviron(t *testing.T) {
	g := newGuest(t, Config{Args: []string{"prog", "a b", ""}, Env: []string{"A=1", "EMPTY="}})
	count, size := g.alloc(4), g.alloc(4)
	g.expect(ErrnoSuccess, "args_sizes_get", uint64(count), uint64(size))
	if g.u32(count) != 3 || g.u32(size) != uint32(len("prog\x00a b\x00\x00")) {
		t.Fatalf("args sizes %d %d", g.u32(count), g.u32(size))
	}
	ptrs, buf := g.alloc(12), g.alloc(g.u32(size))
	g.expect(ErrnoSuccess, "args_get", uint64(ptrs), uint64(buf))
	if got := string(g.mem[buf : buf+g.u32(size)]); got != "prog\x00a b\x00\x00" {
		t.Errorf("argv buffer %q", got)
	}
	if g.u32(ptrs+4) != buf+5 || g.u32(ptrs+8) != buf+9 {
		t.Errorf("argv pointers %d %d (buf %d)", g.u32(ptrs+4), g.u32(ptrs+8), buf)
	}
	g.expect(ErrnoSuccess, "environ_sizes_get", uint64(count), uint64(size))
	if g.u32(count) != 2 || g.u32(size) != 11 {
		t.Fatalf("environ sizes %d %d", g.u32(count), g.u32(size))
	}
	g.expect(ErrnoSuccess, "environ_get", uint64(ptrs), uint64(buf))
	if got := string(g.mem[buf : buf+11]); got != "A=1\x00EMPTY=\x00" {
		t.Errorf("environ buffer %q", got)
	}
	// Out-of-bounds pointers are EFAULT, never a panic.
	g.expect(ErrnoFault, "args_get", uint64(ptrs), guestMemSize-2)
	g.expect(ErrnoFault, "args_sizes_get", guestMemSize, uint64(size))
	g.expect(ErrnoFault, "environ_get", 0xffff_fffe, uint64(buf))
}

func TestNewRejectsBadConfig(t *testing.T) {
	for _, cfg := range []Config{
		{Args: []string{"a\x00b"}},
		{Env: []string{"NOEQUALS"}},
		{Dirs: []Dir{{GuestPath: "x"}}},
		{Dirs: []Dir{{GuestPath: "x", HostPath: "/nonexistent/kiln/dir"}}},
		{Dirs: []Dir{{GuestPath: "x", HostPath: ".", FS: fstest.MapFS{}}}},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
}

func TestClocks(t *testing.T) {
	wall := time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC)
	g := newGuest(t, Config{Walltime: func() time.Time { return wall }, Nanotime: func() int64 { return 12345 }})
	out := g.alloc(8)
	for id := uint64(0); id <= 3; id++ {
		g.expect(ErrnoSuccess, "clock_res_get", id, uint64(out))
		if g.u64(out) != 1 {
			t.Errorf("clock %d resolution %d", id, g.u64(out))
		}
		g.expect(ErrnoSuccess, "clock_time_get", id, 0, uint64(out))
	}
	g.expect(ErrnoSuccess, "clock_time_get", clockRealtime, 1, uint64(out))
	if g.u64(out) != uint64(wall.UnixNano()) {
		t.Errorf("realtime %d, want %d", g.u64(out), wall.UnixNano())
	}
	g.expect(ErrnoSuccess, "clock_time_get", clockMonotonic, 1, uint64(out))
	if g.u64(out) != 12345 {
		t.Errorf("monotonic %d", g.u64(out))
	}
	g.expect(ErrnoInval, "clock_time_get", 4, 0, uint64(out))
	g.expect(ErrnoInval, "clock_res_get", 99, uint64(out))
	g.expect(ErrnoFault, "clock_time_get", 0, 0, guestMemSize-4)

	// The CPU clocks advance with work.
	g2 := newGuest(t, Config{})
	g2.expect(ErrnoSuccess, "clock_time_get", clockProcessCPUTime, 0, uint64(out))
	before := g2.u64(out)
	x := 0
	for i := range 20_000_000 {
		x += i ^ x
	}
	_ = x
	g2.expect(ErrnoSuccess, "clock_time_get", clockProcessCPUTime, 0, uint64(out))
	if g2.u64(out) <= before {
		t.Errorf("process CPU time did not advance: %d then %d", before, g2.u64(out))
	}
}

func TestRandomGet(t *testing.T) {
	g := newGuest(t, Config{Random: bytes.NewReader([]byte("0123456789"))})
	buf := g.alloc(10)
	g.expect(ErrnoSuccess, "random_get", uint64(buf), 10)
	if string(g.mem[buf:buf+10]) != "0123456789" {
		t.Errorf("random bytes %q", g.mem[buf:buf+10])
	}
	g.expect(ErrnoIo, "random_get", uint64(buf), 1) // source exhausted
	g.expect(ErrnoFault, "random_get", guestMemSize-1, 2)

	real := newGuest(t, Config{})
	real.expect(ErrnoSuccess, "random_get", uint64(buf), 10)
	real.expect(ErrnoSuccess, "random_get", uint64(buf), 0)
}

func TestStdio(t *testing.T) {
	g := newGuest(t, Config{Stdin: strings.NewReader("input line\n")})
	if n, e := g.write(1, "hello\n"); e != ErrnoSuccess || n != 6 {
		t.Fatalf("fd_write: %d %s", n, e.Name())
	}
	if _, e := g.write(2, "oops"); e != ErrnoSuccess {
		t.Fatal(e)
	}
	if g.stdout.String() != "hello\n" || g.stderr.String() != "oops" {
		t.Errorf("stdout %q stderr %q", g.stdout.String(), g.stderr.String())
	}
	if got, e := g.read(0, 5); e != ErrnoSuccess || got != "input" {
		t.Errorf("fd_read: %q %s", got, e.Name())
	}
	if got, _ := g.read(0, 100); got != " line\n" {
		t.Errorf("fd_read rest: %q", got)
	}
	if got, e := g.read(0, 100); e != ErrnoSuccess || got != "" {
		t.Errorf("fd_read at EOF: %q %s", got, e.Name())
	}
	// Directions and seeking.
	if _, e := g.write(0, "x"); e != ErrnoNotcapable {
		t.Errorf("write to stdin: %s", e.Name())
	}
	if _, e := g.read(1, 1); e != ErrnoNotcapable {
		t.Errorf("read from stdout: %s", e.Name())
	}
	out := g.alloc(8)
	g.expect(ErrnoSpipe, "fd_seek", 1, 0, whenceSet, uint64(out))
	g.expect(ErrnoSpipe, "fd_tell", 1, uint64(out))
	// fdstat of a stream: character device, no flags.
	st := g.alloc(fdstatSize)
	g.expect(ErrnoSuccess, "fd_fdstat_get", 1, uint64(st))
	if g.mem[st] != filetypeCharacterDevice || binary.LittleEndian.Uint16(g.mem[st+2:]) != 0 {
		t.Errorf("stdout fdstat type %d flags %d", g.mem[st], binary.LittleEndian.Uint16(g.mem[st+2:]))
	}
	// Bad descriptors and bad iovecs.
	if _, e := g.write(99, "x"); e != ErrnoBadf {
		t.Errorf("write to fd 99: %s", e.Name())
	}
	iov := g.alloc(8)
	binary.LittleEndian.PutUint32(g.mem[iov:], guestMemSize-2)
	binary.LittleEndian.PutUint32(g.mem[iov+4:], 4)
	g.expect(ErrnoFault, "fd_write", 1, uint64(iov), 1, uint64(out))
	g.expect(ErrnoFault, "fd_write", 1, guestMemSize-4, 1, uint64(out))
	g.expect(ErrnoInval, "fd_write", 1, uint64(iov), maxIovecs+1, uint64(out))
	g.expect(ErrnoFault, "fd_read", 0, 0xffff_fff8, maxIovecs, uint64(out))
}

func TestProcExitUnwinds(t *testing.T) {
	g := newGuest(t, Config{})
	var res [1]uint64
	err := g.s.Call(context.Background(), Lookup("proc_exit"), g.mem, []uint64{7}, res[:])
	var exit *ExitError
	if !errors.As(err, &exit) || exit.Code != 7 {
		t.Fatalf("proc_exit returned %v", err)
	}
	if code, ok := g.s.Exited(); !ok || code != 7 {
		t.Errorf("Exited() = %d, %v", code, ok)
	}
}

func TestProcRaiseSchedYieldSockets(t *testing.T) {
	g := newGuest(t, Config{})
	g.expect(ErrnoNosys, "proc_raise", 2)
	g.expect(ErrnoSuccess, "sched_yield")
	out := g.alloc(8)
	g.expect(ErrnoBadf, "sock_accept", 42, 0, uint64(out))
	g.expect(ErrnoNotsock, "sock_accept", 1, 0, uint64(out))
	g.expect(ErrnoNotsock, "sock_recv", 0, 0, 0, 0, uint64(out), uint64(out))
	g.expect(ErrnoBadf, "sock_send", 42, 0, 0, 0, uint64(out))
	g.expect(ErrnoNotsock, "sock_send", 1, 0, 0, 0, uint64(out))
	g.expect(ErrnoNotsock, "sock_shutdown", 1, sdflagsWr)
	g.expect(ErrnoBadf, "sock_shutdown", 42, sdflagsWr)
}

func TestCallRejectsShortParams(t *testing.T) {
	g := newGuest(t, Config{})
	if err := g.s.Call(context.Background(), Lookup("fd_write"), g.mem, []uint64{1}, make([]uint64, 1)); err == nil {
		t.Error("short params accepted")
	}
	// Garbage in the upper half of an i32 word is ignored.
	out := g.alloc(8)
	g.expect(ErrnoSuccess, "clock_time_get", 1<<40|clockMonotonic, 0, 1<<33|uint64(out))
}

func TestPrestat(t *testing.T) {
	g, _, _ := newDirGuest(t)
	out := g.alloc(8)
	g.expect(ErrnoSuccess, "fd_prestat_get", 3, uint64(out))
	if g.mem[out] != prestatTagDir || g.u32(out+4) != uint32(len("/sandbox")) {
		t.Errorf("prestat %v", g.mem[out:out+8])
	}
	name := g.alloc(16)
	g.expect(ErrnoSuccess, "fd_prestat_dir_name", 3, uint64(name), 8)
	if string(g.mem[name:name+8]) != "/sandbox" {
		t.Errorf("dir name %q", g.mem[name:name+8])
	}
	g.expect(ErrnoNametoolong, "fd_prestat_dir_name", 3, uint64(name), 3)
	g.expect(ErrnoBadf, "fd_prestat_get", 4, uint64(out))
	g.expect(ErrnoBadf, "fd_prestat_get", 1, uint64(out))
	g.expect(ErrnoFault, "fd_prestat_get", 3, guestMemSize-4)
	g.expect(ErrnoFault, "fd_prestat_dir_name", 3, guestMemSize-4, 8)
}

func TestFileLifecycle(t *testing.T) {
	g, host, _ := newDirGuest(t)
	fd, e := g.open(3, "f.txt", oflagsCreat|oflagsExcl, 0)
	if e != ErrnoSuccess {
		t.Fatalf("create: %s", e.Name())
	}
	if fd != 4 {
		t.Errorf("first free descriptor %d, want 4", fd)
	}
	if _, e := g.open(3, "f.txt", oflagsCreat|oflagsExcl, 0); e != ErrnoExist {
		t.Errorf("O_EXCL on existing file: %s", e.Name())
	}
	if n, e := g.write(fd, "hello world"); e != ErrnoSuccess || n != 11 {
		t.Fatalf("write %d %s", n, e.Name())
	}
	out := g.alloc(8)
	g.expect(ErrnoSuccess, "fd_tell", uint64(fd), uint64(out))
	if g.u64(out) != 11 {
		t.Errorf("tell %d", g.u64(out))
	}
	g.expect(ErrnoSuccess, "fd_seek", uint64(fd), 6, whenceSet, uint64(out))
	if got, _ := g.read(fd, 100); got != "world" {
		t.Errorf("read after seek %q", got)
	}
	g.expect(ErrnoSuccess, "fd_seek", uint64(fd), uint64(^uint64(4)), whenceEnd, uint64(out)) // -5 from the end
	if g.u64(out) != 6 {
		t.Errorf("seek end-5 = %d", g.u64(out))
	}
	g.expect(ErrnoInval, "fd_seek", uint64(fd), 0, 3, uint64(out))
	g.expect(ErrnoInval, "fd_seek", uint64(fd), uint64(^uint64(100)), whenceSet, uint64(out))

	// pread/pwrite do not move the position.
	buf, iov := g.alloc(5), g.alloc(8)
	binary.LittleEndian.PutUint32(g.mem[iov:], buf)
	binary.LittleEndian.PutUint32(g.mem[iov+4:], 5)
	g.expect(ErrnoSuccess, "fd_pread", uint64(fd), uint64(iov), 1, 0, uint64(out))
	if g.u32(out) != 5 || string(g.mem[buf:buf+5]) != "hello" {
		t.Errorf("pread %d %q", g.u32(out), g.mem[buf:buf+5])
	}
	copy(g.mem[buf:], "HELLO")
	g.expect(ErrnoSuccess, "fd_pwrite", uint64(fd), uint64(iov), 1, 0, uint64(out))
	g.expect(ErrnoInval, "fd_pread", uint64(fd), uint64(iov), 1, uint64(1<<63), uint64(out))
	g.expect(ErrnoSuccess, "fd_tell", uint64(fd), uint64(out))
	if g.u64(out) != 6 {
		t.Errorf("position moved by pread/pwrite: %d", g.u64(out))
	}
	if data, _ := os.ReadFile(filepath.Join(host, "f.txt")); string(data) != "HELLO world" {
		t.Errorf("host sees %q", data)
	}

	// Size, allocation, advice, sync.
	g.expect(ErrnoSuccess, "fd_filestat_set_size", uint64(fd), 5)
	g.expect(ErrnoSuccess, "fd_allocate", uint64(fd), 0, 100)
	g.expect(ErrnoInval, "fd_allocate", uint64(fd), 0, 0)
	st := g.alloc(filestatSize)
	g.expect(ErrnoSuccess, "fd_filestat_get", uint64(fd), uint64(st))
	if g.mem[st+16] != filetypeRegularFile || g.u64(st+32) != 100 || g.u64(st+24) != 1 {
		t.Errorf("filestat type %d size %d nlink %d", g.mem[st+16], g.u64(st+32), g.u64(st+24))
	}
	g.expect(ErrnoSuccess, "fd_advise", uint64(fd), 0, 10, 1)
	g.expect(ErrnoInval, "fd_advise", uint64(fd), 0, 10, 6)
	g.expect(ErrnoSuccess, "fd_sync", uint64(fd))
	g.expect(ErrnoSuccess, "fd_datasync", uint64(fd))

	// Times: explicit values and "now".
	when := uint64(time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC).UnixNano())
	g.expect(ErrnoSuccess, "fd_filestat_set_times", uint64(fd), when, when+1000, fstflagsAtim|fstflagsMtim)
	g.expect(ErrnoSuccess, "fd_filestat_get", uint64(fd), uint64(st))
	if g.u64(st+48) != when+1000 {
		t.Errorf("mtime %d, want %d", g.u64(st+48), when+1000)
	}
	g.expect(ErrnoInval, "fd_filestat_set_times", uint64(fd), 0, 0, fstflagsMtim|fstflagsMtimNow)
	g.expect(ErrnoSuccess, "path_filestat_set_times", 3, 0, "f.txt", 0, 0, fstflagsMtimNow)
	if fs, _ := g.filestat(3, "f.txt", true); fs.mtim < uint64(time.Now().Add(-time.Minute).UnixNano()) {
		t.Errorf("mtime after MTIM_NOW is %d", fs.mtim)
	}

	// fdstat, flags and rights.
	g.expect(ErrnoSuccess, "fd_fdstat_get", uint64(fd), uint64(st))
	if g.mem[st] != filetypeRegularFile || g.u64(st+8)&RightFdWrite == 0 {
		t.Errorf("fdstat %v", g.mem[st:st+24])
	}
	g.expect(ErrnoSuccess, "fd_fdstat_set_flags", uint64(fd), fdflagsAppend)
	g.expect(ErrnoSuccess, "fd_seek", uint64(fd), 0, whenceSet, uint64(out))
	g.write(fd, "!")
	if data, _ := os.ReadFile(filepath.Join(host, "f.txt")); len(data) != 101 || data[100] != '!' {
		t.Errorf("append after set_flags: %q", data)
	}
	g.expect(ErrnoNotsup, "fd_fdstat_set_flags", uint64(fd), fdflagsSync)
	g.expect(ErrnoInval, "fd_fdstat_set_flags", uint64(fd), 1<<7)
	g.expect(ErrnoSuccess, "fd_fdstat_set_rights", uint64(fd), RightFdRead|RightFdSeek, 0)
	if _, e := g.write(fd, "x"); e != ErrnoNotcapable {
		t.Errorf("write without FD_WRITE: %s", e.Name())
	}
	g.expect(ErrnoNotcapable, "fd_fdstat_set_rights", uint64(fd), RightFdRead|RightFdWrite, 0)

	// Renumber and close.
	fd2, _ := g.open(3, "f.txt", 0, 0)
	g.expect(ErrnoSuccess, "fd_renumber", uint64(fd2), uint64(fd))
	if got, _ := g.read(fd, 5); got != "HELLO" {
		t.Errorf("read through renumbered fd %q", got)
	}
	g.expect(ErrnoBadf, "fd_renumber", uint64(fd2), uint64(fd))
	g.expect(ErrnoBadf, "fd_renumber", uint64(fd), 77)
	g.expect(ErrnoSuccess, "fd_close", uint64(fd))
	g.expect(ErrnoBadf, "fd_close", uint64(fd))
	g.expect(ErrnoBadf, "fd_read", uint64(fd), 0, 0, uint64(out))
}

func TestOpenFlags(t *testing.T) {
	g, host, _ := newDirGuest(t)
	os.WriteFile(filepath.Join(host, "data"), []byte("0123456789"), 0o644)
	os.Mkdir(filepath.Join(host, "sub"), 0o755)
	os.Symlink("data", filepath.Join(host, "link"))
	fd, e := g.open(3, "data", oflagsTrunc, 0)
	if e != ErrnoSuccess {
		t.Fatal(e)
	}
	if st, _ := g.filestat(3, "data", true); st.size != 0 {
		t.Errorf("O_TRUNC left %d bytes", st.size)
	}
	g.call("fd_close", uint64(fd))
	if _, e := g.open(3, "missing", 0, 0); e != ErrnoNoent {
		t.Errorf("missing: %s", e.Name())
	}
	if _, e := g.open(3, "data", oflagsDirectory, 0); e != ErrnoNotdir {
		t.Errorf("O_DIRECTORY on a file: %s", e.Name())
	}
	if _, e := g.open(3, "data/", 0, 0); e != ErrnoNotdir {
		t.Errorf("trailing slash on a file: %s", e.Name())
	}
	if _, e := g.open(3, "", 0, 0); e != ErrnoNoent {
		t.Errorf("empty path: %s", e.Name())
	}
	if _, e := g.open(3, "a\x00b", 0, 0); e != ErrnoInval {
		t.Errorf("NUL in path: %s", e.Name())
	}
	bad, n := g.alloc(2), uint64(2)
	g.mem[bad], g.mem[bad+1] = 0xff, 0xfe
	out := g.alloc(4)
	g.expect(ErrnoIlseq, "path_open", 3, lookupSymlinkFollow, uint64(bad), n, 0, fileRights, 0, 0, uint64(out))
	g.expect(ErrnoFault, "path_open", 3, lookupSymlinkFollow, guestMemSize-1, 4, 0, fileRights, 0, 0, uint64(out))
	g.expect(ErrnoNametoolong, "path_open", 3, lookupSymlinkFollow, 0, maxPathLength+1, 0, fileRights, 0, 0, uint64(out))
	g.expect(ErrnoInval, "path_open", 3, lookupSymlinkFollow, "data", 1<<4, fileRights, 0, 0, uint64(out))
	// A directory opened with write rights is EISDIR (Go retries read-only).
	p, pn := g.str("sub")
	g.expect(ErrnoIsdir, "path_open", 3, lookupSymlinkFollow, p, pn, 0, fileRights, fileRights, 0, uint64(out))
	g.expect(ErrnoSuccess, "path_open", 3, lookupSymlinkFollow, p, pn, 0, fileRights&^writeRights, fileRights, 0, uint64(out))
	// Without SYMLINK_FOLLOW a final symlink is ELOOP.
	p, pn = g.str("link")
	g.expect(ErrnoLoop, "path_open", 3, 0, p, pn, 0, RightFdRead, 0, 0, uint64(out))
	g.expect(ErrnoSuccess, "path_open", 3, lookupSymlinkFollow, p, pn, 0, RightFdRead, 0, 0, uint64(out))
	// Path operations on a file descriptor are ENOTDIR; on a preopen that
	// lacks the right, ENOTCAPABLE.
	fd = g.u32(out)
	if _, e := g.open(fd, "x", 0, 0); e != ErrnoNotdir {
		t.Errorf("path_open on a file fd: %s", e.Name())
	}
	g.expect(ErrnoSuccess, "fd_fdstat_set_rights", 3, dirRights&^RightPathOpen, fileRights)
	if _, e := g.open(3, "data", 0, 0); e != ErrnoNotcapable {
		t.Errorf("path_open without PATH_OPEN: %s", e.Name())
	}
}

func TestDirectories(t *testing.T) {
	g, host, _ := newDirGuest(t)
	g.expect(ErrnoSuccess, "path_create_directory", 3, "d")
	g.expect(ErrnoExist, "path_create_directory", 3, "d")
	g.expect(ErrnoNoent, "path_create_directory", 3, "x/y")
	for _, name := range []string{"b", "a", "c"} {
		fd, e := g.open(3, "d/"+name, oflagsCreat, 0)
		if e != ErrnoSuccess {
			t.Fatal(e)
		}
		g.call("fd_close", uint64(fd))
	}
	dfd, e := g.open(3, "d", oflagsDirectory, 0)
	if e != ErrnoSuccess {
		t.Fatal(e)
	}
	// Read the listing with a buffer too small for all of it, resuming at
	// the last whole entry's cookie, as wasi-libc does.
	var names []string
	cookie := uint64(0)
	buf, used := g.alloc(40), g.alloc(4)
	for round := 0; round < 20; round++ {
		g.expect(ErrnoSuccess, "fd_readdir", uint64(dfd), uint64(buf), 40, cookie, uint64(used))
		n := g.u32(used)
		off := uint32(0)
		for off+direntHeaderSize <= n {
			namlen := g.u32(buf + off + 16)
			if off+direntHeaderSize+namlen > n {
				break
			}
			names = append(names, string(g.mem[buf+off+direntHeaderSize:buf+off+direntHeaderSize+namlen]))
			cookie = g.u64(buf + off)
			off += direntHeaderSize + namlen
		}
		if n < 40 {
			break
		}
	}
	if got := strings.Join(names, ","); got != ".,..,a,b,c" {
		t.Errorf("readdir %s", got)
	}
	g.expect(ErrnoInval, "fd_readdir", uint64(dfd), uint64(buf), 40, 99, uint64(used))
	g.expect(ErrnoNotdir, "fd_readdir", 1, uint64(buf), 40, 0, uint64(used))
	// A path relative to the opened subdirectory.
	st, e := g.filestat(dfd, "a", false)
	if e != ErrnoSuccess || st.filetype != filetypeRegularFile {
		t.Errorf("stat d/a via dir fd: %v %s", st, e.Name())
	}
	// Rename, link, symlink, readlink, unlink, rmdir.
	g.expect(ErrnoSuccess, "path_rename", 3, "d/a", 3, "moved")
	if _, err := os.Stat(filepath.Join(host, "moved")); err != nil {
		t.Error(err)
	}
	g.expect(ErrnoSuccess, "path_link", 3, 0, "moved", 3, "hard")
	if st, _ := g.filestat(3, "hard", false); st.nlink != 2 {
		t.Errorf("nlink after link %d", st.nlink)
	}
	g.expect(ErrnoInval, "path_link", 3, lookupSymlinkFollow, "moved", 3, "hard2")
	g.expect(ErrnoSuccess, "path_symlink", "moved", 3, "sym")
	if st, _ := g.filestat(3, "sym", false); st.filetype != filetypeSymbolicLink {
		t.Errorf("lstat of symlink type %d", st.filetype)
	}
	if st, _ := g.filestat(3, "sym", true); st.filetype != filetypeRegularFile {
		t.Errorf("stat through symlink type %d", st.filetype)
	}
	rl, rlUsed := g.alloc(64), g.alloc(4)
	g.expect(ErrnoSuccess, "path_readlink", 3, "sym", uint64(rl), 64, uint64(rlUsed))
	if got := string(g.mem[rl : rl+g.u32(rlUsed)]); got != "moved" {
		t.Errorf("readlink %q", got)
	}
	g.expect(ErrnoSuccess, "path_readlink", 3, "sym", uint64(rl), 2, uint64(rlUsed))
	if g.u32(rlUsed) != 2 {
		t.Errorf("truncated readlink used %d", g.u32(rlUsed))
	}
	g.expect(ErrnoInval, "path_readlink", 3, "moved", uint64(rl), 64, uint64(rlUsed))
	g.expect(ErrnoNotempty, "path_remove_directory", 3, "d")
	g.expect(ErrnoNotdir, "path_remove_directory", 3, "moved")
	g.expect(ErrnoIsdir, "path_unlink_file", 3, "d")
	g.expect(ErrnoSuccess, "path_unlink_file", 3, "sym")
	if _, err := os.Stat(filepath.Join(host, "moved")); err != nil {
		t.Error("unlinking a symlink removed its target")
	}
	for _, name := range []string{"d/b", "d/c"} {
		g.expect(ErrnoSuccess, "path_unlink_file", 3, name)
	}
	g.expect(ErrnoSuccess, "path_remove_directory", 3, "d")
	g.expect(ErrnoNoent, "path_unlink_file", 3, "d")
	// Directory descriptors: stat, sync, and refusal of file operations.
	pst := g.alloc(filestatSize)
	g.expect(ErrnoSuccess, "fd_filestat_get", 3, uint64(pst))
	if g.mem[pst+16] != filetypeDirectory {
		t.Errorf("preopen filestat type %d", g.mem[pst+16])
	}
	g.expect(ErrnoSuccess, "fd_sync", 3)
	if _, e := g.read(3, 4); e != ErrnoIsdir {
		t.Errorf("fd_read on a directory: %s", e.Name())
	}
}

func TestPollOneoff(t *testing.T) {
	var slept time.Duration
	g := newGuest(t, Config{
		Nanotime: func() int64 { return int64(slept) },
		Sleep:    func(_ context.Context, d time.Duration) error { slept += d; return nil },
	})
	sub := func(p uint32, userdata uint64, tag byte, a uint32, timeout uint64, flags uint16) {
		clear(g.mem[p : p+subscriptionSize])
		binary.LittleEndian.PutUint64(g.mem[p:], userdata)
		g.mem[p+8] = tag
		binary.LittleEndian.PutUint32(g.mem[p+16:], a)
		binary.LittleEndian.PutUint64(g.mem[p+24:], timeout)
		binary.LittleEndian.PutUint16(g.mem[p+40:], flags)
	}
	in, out, n := g.alloc(3*subscriptionSize), g.alloc(3*eventSize), g.alloc(4)
	// Two timers: only the earlier fires.
	sub(in, 11, eventTypeClock, clockMonotonic, uint64(50*time.Millisecond), 0)
	sub(in+subscriptionSize, 22, eventTypeClock, clockMonotonic, uint64(time.Second), 0)
	g.expect(ErrnoSuccess, "poll_oneoff", uint64(in), uint64(out), 2, uint64(n))
	if g.u32(n) != 1 || g.u64(out) != 11 || g.mem[out+10] != eventTypeClock {
		t.Errorf("events %d userdata %d", g.u32(n), g.u64(out))
	}
	if slept != 50*time.Millisecond {
		t.Errorf("slept %v", slept)
	}
	// Absolute deadline in the past: fires at once.
	sub(in, 33, eventTypeClock, clockMonotonic, 1, subclockFlagsAbstime)
	g.expect(ErrnoSuccess, "poll_oneoff", uint64(in), uint64(out), 1, uint64(n))
	if g.u32(n) != 1 || g.u64(out) != 33 || slept != 50*time.Millisecond {
		t.Errorf("past absolute deadline: %d events, slept %v", g.u32(n), slept)
	}
	// A ready descriptor wins over a timer, and a bad one reports EBADF.
	sub(in, 1, eventTypeClock, clockMonotonic, uint64(time.Hour), 0)
	sub(in+subscriptionSize, 2, eventTypeFdWrite, 1, 0, 0)
	sub(in+2*subscriptionSize, 3, eventTypeFdRead, 99, 0, 0)
	g.expect(ErrnoSuccess, "poll_oneoff", uint64(in), uint64(out), 3, uint64(n))
	if g.u32(n) != 2 || g.u64(out) != 2 || g.u64(out+eventSize) != 3 ||
		binary.LittleEndian.Uint16(g.mem[out+eventSize+8:]) != uint16(ErrnoBadf) {
		t.Errorf("fd events: n=%d %v", g.u32(n), g.mem[out:out+2*eventSize])
	}
	// Unknown clock: an event carrying EINVAL.
	sub(in, 4, eventTypeClock, 77, 1, 0)
	g.expect(ErrnoSuccess, "poll_oneoff", uint64(in), uint64(out), 1, uint64(n))
	if g.u32(n) != 1 || binary.LittleEndian.Uint16(g.mem[out+8:]) != uint16(ErrnoInval) {
		t.Errorf("unknown clock: %v", g.mem[out:out+eventSize])
	}
	g.expect(ErrnoInval, "poll_oneoff", uint64(in), uint64(out), 0, uint64(n))
	sub(in, 4, 9, 0, 0, 0)
	g.expect(ErrnoInval, "poll_oneoff", uint64(in), uint64(out), 1, uint64(n))
	g.expect(ErrnoFault, "poll_oneoff", guestMemSize-8, uint64(out), 1, uint64(n))
	g.expect(ErrnoFault, "poll_oneoff", uint64(in), uint64(out), 0x1000_0000, uint64(n))

	// The real sleep honours cancellation.
	real := newGuest(t, Config{})
	sub(in, 5, eventTypeClock, clockMonotonic, uint64(time.Hour), 0)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var res [1]uint64
	real.s.Call(ctx, Lookup("poll_oneoff"), g.mem, []uint64{uint64(in), uint64(out), 1, uint64(n)}, res[:])
	if Errno(res[0]) != ErrnoIntr {
		t.Errorf("cancelled poll: %s", Errno(res[0]).Name())
	}
	start := time.Now()
	sub(in, 6, eventTypeClock, clockRealtime, uint64(10*time.Millisecond), 0)
	real.s.Call(context.Background(), Lookup("poll_oneoff"), g.mem, []uint64{uint64(in), uint64(out), 1, uint64(n)}, res[:])
	if Errno(res[0]) != ErrnoSuccess || time.Since(start) < 10*time.Millisecond {
		t.Errorf("10ms realtime sleep: %s after %v", Errno(res[0]).Name(), time.Since(start))
	}
}

// A guest multiplexing a blocking stdin with a timer: the timer fires while
// stdin has nothing, stdin is reported with its byte count once written,
// and at end of stream it is ready with nothing to read.
func TestPollStdinPipe(t *testing.T) {
	pr, pw := io.Pipe()
	g := newGuest(t, Config{Stdin: pr})
	sub := func(p uint32, userdata uint64, tag byte, a uint32, timeout uint64) {
		clear(g.mem[p : p+subscriptionSize])
		binary.LittleEndian.PutUint64(g.mem[p:], userdata)
		g.mem[p+8] = tag
		binary.LittleEndian.PutUint32(g.mem[p+16:], a)
		binary.LittleEndian.PutUint64(g.mem[p+24:], timeout)
	}
	in, out, n := g.alloc(2*subscriptionSize), g.alloc(2*eventSize), g.alloc(4)
	poll := func(timeout time.Duration) {
		t.Helper()
		sub(in, 1, eventTypeFdRead, 0, 0)
		sub(in+subscriptionSize, 2, eventTypeClock, clockMonotonic, uint64(timeout))
		g.expect(ErrnoSuccess, "poll_oneoff", uint64(in), uint64(out), 2, uint64(n))
		if g.u32(n) != 1 {
			t.Fatalf("%d events, want 1: %v", g.u32(n), g.mem[out:out+2*eventSize])
		}
	}

	poll(20 * time.Millisecond)
	if g.u64(out) != 2 {
		t.Fatalf("empty pipe: event for userdata %d, want the timer", g.u64(out))
	}

	go func() {
		time.Sleep(10 * time.Millisecond)
		pw.Write([]byte("hello"))
	}()
	poll(time.Hour)
	if g.u64(out) != 1 || g.mem[out+10] != eventTypeFdRead {
		t.Fatalf("written pipe: event %v, want fd_read", g.mem[out:out+eventSize])
	}
	// The pump may have seen part of the write; never more than was written.
	if nb := g.u64(out + 16); nb == 0 || nb > 5 {
		t.Errorf("nbytes %d, want 1..5", nb)
	}
	got := ""
	for len(got) < 5 {
		s, e := g.read(0, 16)
		if e != ErrnoSuccess {
			t.Fatal(e)
		}
		got += s
	}
	if got != "hello" {
		t.Errorf("read %q after poll", got)
	}

	pw.Close()
	poll(time.Hour)
	if g.u64(out) != 1 || g.u64(out+16) != 0 {
		t.Errorf("closed pipe: userdata %d nbytes %d, want fd_read with 0", g.u64(out), g.u64(out+16))
	}
	if s, e := g.read(0, 16); e != ErrnoSuccess || s != "" {
		t.Errorf("read at end of stream: %q %s", s, e.Name())
	}
}

func TestFSPreopen(t *testing.T) {
	fsys := fstest.MapFS{
		"hello.txt":   {Data: []byte("hi from fs")},
		"dir/nested":  {Data: []byte("n")},
		"dir/another": {Data: []byte("a")},
	}
	g := newGuest(t, Config{Dirs: []Dir{{GuestPath: "/ro", FS: fsys}}})
	fd, e := g.open(3, "hello.txt", 0, 0)
	if e != ErrnoSuccess {
		t.Fatal(e)
	}
	if got, _ := g.read(fd, 100); got != "hi from fs" {
		t.Errorf("read %q", got)
	}
	out := g.alloc(8)
	g.expect(ErrnoSuccess, "fd_seek", uint64(fd), 3, whenceSet, uint64(out))
	if got, _ := g.read(fd, 4); got != "from" {
		t.Errorf("read after seek %q", got)
	}
	if _, e := g.write(fd, "x"); e != ErrnoNotcapable && e != ErrnoBadf {
		t.Errorf("write to a read-only file: %s", e.Name())
	}
	if _, e := g.open(3, "new", oflagsCreat, 0); e != ErrnoRofs {
		t.Errorf("create in fs.FS: %s", e.Name())
	}
	g.expect(ErrnoRofs, "path_create_directory", 3, "x")
	g.expect(ErrnoRofs, "path_unlink_file", 3, "hello.txt")
	g.expect(ErrnoPerm, "path_unlink_file", 3, "../x")
	if st, e := g.filestat(3, "dir/../dir/nested", true); e != ErrnoSuccess || st.size != 1 {
		t.Errorf("stat with ..: %v %s", st, e.Name())
	}
	if _, e := g.open(3, "dir/nested/", 0, 0); e != ErrnoNotdir {
		t.Errorf("trailing slash on an fs file: %s", e.Name())
	}
	dfd, e := g.open(3, "dir", oflagsDirectory, 0)
	if e != ErrnoSuccess {
		t.Fatal(e)
	}
	buf, used := g.alloc(256), g.alloc(4)
	g.expect(ErrnoSuccess, "fd_readdir", uint64(dfd), uint64(buf), 256, 0, uint64(used))
	if !bytes.Contains(g.mem[buf:buf+g.u32(used)], []byte("another")) {
		t.Errorf("readdir of fs dir: %q", g.mem[buf:buf+g.u32(used)])
	}
	// The subdirectory descriptor is a capability for the subdirectory
	// only: ".." out of it is an escape even though the FS has a parent.
	if _, e := g.open(dfd, "../hello.txt", 0, 0); e != ErrnoPerm {
		t.Errorf("escape from an fs subdirectory: %s", e.Name())
	}
}

func TestErrnoOf(t *testing.T) {
	root, err := os.OpenRoot(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	_, escape := root.Open("../x")
	_, missing := root.Open("missing")
	for _, c := range []struct {
		err  error
		want Errno
	}{
		{nil, ErrnoSuccess},
		{ErrnoLoop, ErrnoLoop},
		{escape, ErrnoPerm}, // pins os.Root's "path escapes from parent" text
		{missing, ErrnoNoent},
		{os.ErrExist, ErrnoExist},
		{os.ErrClosed, ErrnoBadf},
		{errors.New("something else"), ErrnoIo},
	} {
		if got := ErrnoOf(c.err); got != c.want {
			t.Errorf("ErrnoOf(%v) = %s, want %s", c.err, got.Name(), c.want.Name())
		}
	}
	if ErrnoNotcapable != 76 || ErrnoPerm != 63 || ErrnoNoent != 44 {
		t.Error("errno numbering drifted from witx")
	}
	if Errno(200).Name() != "errno(200)" || ErrnoNoent.Error() != "wasi errno noent" {
		t.Error("errno names")
	}
}

// TestGoRootShapes replays what Go's os.Root does on wasip1: open a
// directory with file rights minus the write rights (and so without
// PATH_FILESTAT_SET_SIZE), create a file with O_TRUNC through it, and
// rename and link between two descriptors of one tree.
func TestGoRootShapes(t *testing.T) {
	g, host, parent := newDirGuest(t)
	os.MkdirAll(filepath.Join(host, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(host, "a", "f"), []byte("f"), 0o644)
	out := g.alloc(4)
	goReadRights := (fileRights | dirRights) &^ (writeRights | RightPathFilestatSetSize)
	g.expect(ErrnoSuccess, "path_open", 3, lookupSymlinkFollow, "a", oflagsDirectory, goReadRights&dirRights, fileRights|dirRights, 0, uint64(out))
	a := g.u32(out)
	g.expect(ErrnoSuccess, "path_open", a, lookupSymlinkFollow, "created", oflagsCreat|oflagsTrunc, fileRights, fileRights, 0, uint64(out))
	if _, e := g.write(g.u32(out), "x"); e != ErrnoSuccess {
		t.Errorf("write to a file created through a subdirectory: %s", e.Name())
	}
	g.expect(ErrnoSuccess, "path_open", 3, lookupSymlinkFollow, "a/b", oflagsDirectory, dirRights, fileRights|dirRights, 0, uint64(out))
	b := g.u32(out)
	g.expect(ErrnoSuccess, "path_rename", a, "f", b, "g")
	if _, err := os.Stat(filepath.Join(host, "a", "b", "g")); err != nil {
		t.Errorf("rename between descriptors: %v", err)
	}
	g.expect(ErrnoSuccess, "path_link", b, 0, "g", 3, "a/h")
	if st, _ := g.filestat(3, "a/h", false); st.nlink != 2 {
		t.Errorf("link between descriptors: nlink %d", st.nlink)
	}
	// The cross-descriptor path is sandboxed like the rest.
	g.expect(ErrnoPerm, "path_rename", a, "../../secret", b, "stolen")
	g.expect(ErrnoPerm, "path_rename", a, "created", b, "../../../escaped")
	g.expect(ErrnoPerm, "path_link", b, 0, "g", a, "../../x")
	g.expect(ErrnoInval, "path_rename", a, "b/..", b, "z")
	g.expect(ErrnoPerm, "path_rename", a, "..", b, "z")
	if _, err := os.Stat(filepath.Join(parent, "escaped")); err == nil {
		t.Error("a rename between descriptors escaped")
	}
	// Only fd_fdstat_set_rights narrows rights.
	st := g.alloc(fdstatSize)
	g.expect(ErrnoSuccess, "fd_fdstat_get", uint64(a), uint64(st))
	if g.u64(st+8) != dirRights {
		t.Errorf("directory rights %#x, want %#x", g.u64(st+8), dirRights)
	}
}
