package wasi

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// escapePaths are guest paths that name something outside the preopen,
// every way the spec and Wasmtime's tests (interesting_paths,
// symlink_*, path_open_preopen, nofollow_errors) reach for it.
var escapePaths = []string{
	"..",
	"../secret",
	"./../secret",
	"sub/../../secret",
	"sub/./../../secret",
	"sub//..//..//secret",
	"/etc/passwd",
	"/",
	"//etc",
	"abs",            // symlink to /etc (absolute)
	"abs/passwd",     // through it
	"up",             // symlink to ../secret
	"chain1",         // chain1 -> chain2 -> ../secret
	"dotdot",         // symlink to ..
	"dotdot/secret",  // through it
	"sub/deep",       // symlink to ../../secret from a subdirectory
	"sub/deep/x",     // through it
	"subdotdot/x",    // subdotdot -> sub/.. (inside) but then sub/../.. via chain
	"sub/up2/secret", // sub/up2 -> ../.. (outside)
}

// newEscapeGuest builds the tree the escape tests run against:
//
//	parent/secret                  the file nobody may read or write
//	parent/sandbox/ (fd 3)
//	  f, sub/, abs -> /etc, up -> ../secret, chain1 -> chain2 -> ../secret,
//	  dotdot -> .., sub/deep -> ../../secret, sub/up2 -> ../..,
//	  subdotdot -> sub/up2
func newEscapeGuest(t *testing.T) (*guest, string, string) {
	g, dir, parent := newDirGuest(t)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "f"), []byte("inside"), 0o644))
	must(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	must(os.Symlink("/etc", filepath.Join(dir, "abs")))
	must(os.Symlink("../secret", filepath.Join(dir, "up")))
	must(os.Symlink("chain2", filepath.Join(dir, "chain1")))
	must(os.Symlink("../secret", filepath.Join(dir, "chain2")))
	must(os.Symlink("..", filepath.Join(dir, "dotdot")))
	must(os.Symlink("../../secret", filepath.Join(dir, "sub", "deep")))
	must(os.Symlink("../..", filepath.Join(dir, "sub", "up2")))
	must(os.Symlink("sub/up2", filepath.Join(dir, "subdotdot")))
	return g, dir, parent
}

// snapshot records every name and content below dir (not following
// symlinks), to prove nothing outside the sandbox changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(rel, "sandbox") {
			return nil // the sandbox itself may change
		}
		switch {
		case fi.Mode().IsRegular():
			data, _ := os.ReadFile(p)
			out[rel] = string(data) + "|" + fi.ModTime().String()
		default:
			out[rel] = fi.Mode().String() + "|" + fi.ModTime().String()
		}
		return nil
	})
	return out
}

func TestEscapesFail(t *testing.T) {
	g, _, parent := newEscapeGuest(t)
	before := snapshot(t, parent)
	out, buf := g.alloc(8), g.alloc(filestatSize)
	readRights := RightFdRead | RightFdSeek | RightFdReaddir | RightPathOpen | RightFdFilestatGet
	for _, p := range escapePaths {
		// Opening for reading, following symlinks or not, as a file or a
		// directory.
		for _, follow := range []uint64{0, lookupSymlinkFollow} {
			for _, oflags := range []uint64{0, oflagsDirectory} {
				e := g.callArgs("path_open", 3, follow, p, oflags, readRights, readRights, 0, uint64(out))
				if e != ErrnoPerm && !(follow == 0 && e == ErrnoLoop && isSymlinkName(p)) {
					t.Errorf("path_open(%q, follow=%d, oflags=%d) = %s, want perm", p, follow, oflags, e.Name())
				}
			}
		}
		// Creating, writing, truncating.
		for _, oflags := range []uint64{oflagsCreat, oflagsCreat | oflagsTrunc, oflagsTrunc} {
			e := g.callArgs("path_open", 3, lookupSymlinkFollow, p, oflags, fileRights, fileRights, 0, uint64(out))
			if e != ErrnoPerm {
				t.Errorf("path_open(%q, oflags=%d, write) = %s, want perm", p, oflags, e.Name())
			}
		}
		// Metadata through the path (lstat of a symlink inside is fine;
		// anything that follows out is not).
		if _, e := g.filestat(3, p, true); e != ErrnoPerm {
			t.Errorf("path_filestat_get(%q, follow) = %s, want perm", p, e.Name())
		}
		checks := []struct {
			name string
			args []uint64
		}{
			{"path_filestat_set_times", append(append([]uint64{3, lookupSymlinkFollow}, must(g.str(p))...), 0, 0, fstflagsMtimNow)},
			{"path_create_directory", append([]uint64{3}, must(g.str(p+"/newdir"))...)},
			{"path_unlink_file", append([]uint64{3}, must(g.str(p+"/x"))...)},
			{"path_remove_directory", append([]uint64{3}, must(g.str(p+"/x"))...)},
			{"path_rename", append(append([]uint64{3}, must(g.str("f"))...), append([]uint64{3}, must(g.str(p+"/moved"))...)...)},
			{"path_rename", append(append([]uint64{3}, must(g.str(p+"/x"))...), append([]uint64{3}, must(g.str("stolen"))...)...)},
			{"path_link", append(append([]uint64{3, 0}, must(g.str("f"))...), append([]uint64{3}, must(g.str(p+"/linked"))...)...)},
			{"path_link", append(append([]uint64{3, 0}, must(g.str(p+"/x"))...), append([]uint64{3}, must(g.str("stolen"))...)...)},
			{"path_symlink", append(append(must(g.str("f")), 3), must(g.str(p+"/sym"))...)},
			{"path_readlink", append(append([]uint64{3}, must(g.str(p+"/x"))...), uint64(buf), 64, uint64(out))},
		}
		for _, c := range checks {
			e := g.call(c.name, c.args...)
			if e != ErrnoPerm {
				t.Errorf("%s via %q = %s, want perm", c.name, p, e.Name())
			}
		}
	}
	// Symlinks whose target is absolute are refused at creation; relative
	// ones that climb out may be created (the target is inert text) but
	// never followed.
	g.expect(ErrnoPerm, "path_symlink", "/etc/passwd", 3, "newabs")
	g.expect(ErrnoSuccess, "path_symlink", "../secret", 3, "newup")
	if fd, e := g.open(3, "newup", 0, 0); e != ErrnoPerm {
		t.Errorf("following a created escaping symlink: fd %d, %s", fd, e.Name())
	}
	if after := snapshot(t, parent); !mapsEqual(before, after) {
		t.Errorf("outside the sandbox changed:\nbefore %v\nafter  %v", before, after)
	}
	if data, _ := os.ReadFile(filepath.Join(parent, "secret")); string(data) != "secret" {
		t.Errorf("secret now %q", data)
	}
}

func isSymlinkName(p string) bool {
	return slices.Contains([]string{"abs", "up", "chain1", "dotdot", "sub/deep"}, p)
}

func must(p, n uint64) []uint64 { return []uint64{p, n} }

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestInsidePathsWork is the other half: the same shapes that stay inside
// the sandbox resolve.
func TestInsidePathsWork(t *testing.T) {
	g, dir, _ := newEscapeGuest(t)
	os.WriteFile(filepath.Join(dir, "sub", "x"), []byte("x"), 0o644)
	os.Symlink("../f", filepath.Join(dir, "sub", "tof"))
	for _, p := range []string{"f", "./f", "sub/../f", "sub/./x", "sub//x", "sub/tof", "sub/../sub/x"} {
		if _, e := g.filestat(3, p, true); e != ErrnoSuccess {
			t.Errorf("stat %q: %s", p, e.Name())
		}
	}
	// A descriptor for sub cannot climb back to the preopen with ".."
	// lexically through os.Root (it is a capability for sub only).
	sub, e := g.open(3, "sub", oflagsDirectory, 0)
	if e != ErrnoSuccess {
		t.Fatal(e)
	}
	if _, e := g.filestat(sub, "../f", true); e != ErrnoPerm {
		t.Errorf("../f from a subdirectory descriptor: %s", e.Name())
	}
	if _, e := g.filestat(sub, "tof", true); e != ErrnoPerm {
		t.Errorf("symlink ../f from a subdirectory descriptor: %s", e.Name())
	}
}

// TestEscapeRace swaps a directory for a symlink to the outside while the
// guest keeps opening a file through it: os.Root resolves on descriptors,
// so the guest reads the inside file or fails, never the outside one.
func TestEscapeRace(t *testing.T) {
	g, dir, parent := newDirGuest(t)
	os.WriteFile(filepath.Join(parent, "x"), []byte("OUTSIDE"), 0o644)
	swap := filepath.Join(dir, "swap")
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	os.WriteFile(filepath.Join(real, "x"), []byte("inside"), 0o644)
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			os.Remove(swap)
			os.Symlink("real", swap)
			os.Remove(swap)
			os.Symlink("..", swap)
		}
	}()
	opened, refused := 0, 0
	for range 3000 {
		fd, e := g.open(3, "swap/x", 0, 0)
		if e != ErrnoSuccess {
			refused++
			continue
		}
		got, _ := g.read(fd, 16)
		g.call("fd_close", uint64(fd))
		if got == "OUTSIDE" {
			t.Fatal("read a file outside the sandbox through a racing symlink")
		}
		opened++
		if g.brk > guestMemSize/2 {
			g.brk = 1024
		}
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d opens inside, %d refused", opened, refused)
}

func TestFSEscapesFail(t *testing.T) {
	g := newGuest(t, Config{Dirs: []Dir{{GuestPath: "/", FS: fstest.MapFS{"a/b": {Data: []byte("b")}}}}})
	out := g.alloc(4)
	for _, p := range []string{"..", "../x", "a/../../x", "/a/b", "/", "a/b/../../..", "./.."} {
		e := g.callArgs("path_open", 3, lookupSymlinkFollow, p, 0, RightFdRead, 0, 0, uint64(out))
		if e != ErrnoPerm {
			t.Errorf("path_open(%q) on an fs.FS = %s, want perm", p, e.Name())
		}
		if _, e := g.filestat(3, p, true); e != ErrnoPerm {
			t.Errorf("filestat(%q) on an fs.FS = %s, want perm", p, e.Name())
		}
	}
}
