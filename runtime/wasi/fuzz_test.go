package wasi

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzResolvePath: lexical resolution (the fs.FS backend's sandbox) never
// panics and never yields a path outside its base directory.
func FuzzResolvePath(f *testing.F) {
	for _, s := range append(escapePaths, "a/b", "a/../b", "./a/./b/", "a//b", "", ".", "a\x00b", "a/b/../../..", strings.Repeat("../", 50)) {
		f.Add("sub/dir", s)
		f.Add(".", s)
	}
	f.Fuzz(func(t *testing.T, base, guest string) {
		base = filepath.ToSlash(base)
		if !fs.ValidPath(base) {
			return // bases come from earlier resolutions, always valid
		}
		got, _, err := resolvePath(base, guest)
		if err != nil {
			if _, ok := err.(Errno); !ok {
				t.Fatalf("resolvePath(%q, %q) error %v is not an Errno", base, guest, err)
			}
			return
		}
		if !fs.ValidPath(got) {
			t.Fatalf("resolvePath(%q, %q) = %q, not a valid fs path", base, guest, got)
		}
		if base != "." && got != base && !strings.HasPrefix(got, base+"/") {
			t.Fatalf("resolvePath(%q, %q) = %q escapes the base", base, guest, got)
		}
	})
}

// FuzzHostPathOpen: whatever path a guest passes to path_open or
// path_filestat_get on a host preopen, the call returns an errno (no
// panic) and never opens the file outside the preopen.
func FuzzHostPathOpen(f *testing.F) {
	for _, s := range append(escapePaths, "f", "sub/../f", "sub/deep/../x", "chain1/..", "dotdot/sandbox/f") {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, path string, follow bool) {
		g, _, parent := newEscapeGuest(t)
		secret, _ := os.Stat(filepath.Join(parent, "secret"))
		flags := uint64(0)
		if follow {
			flags = lookupSymlinkFollow
		}
		out := g.alloc(4)
		if g.callArgs("path_open", 3, flags, path, 0, RightFdRead|RightFdFilestatGet, 0, 0, uint64(out)) == ErrnoSuccess {
			fd := g.u32(out)
			st := g.alloc(filestatSize)
			if g.call("fd_filestat_get", uint64(fd), uint64(st)) == ErrnoSuccess {
				if got, _ := g.read(fd, 16); got == "secret" {
					t.Fatalf("path_open(%q) read the secret", path)
				}
			}
		}
		if st, e := g.filestat(3, path, follow); e == ErrnoSuccess && secret != nil {
			if st.ino == filestatOf(secret).ino && st.dev == filestatOf(secret).dev && st.ino != 0 {
				t.Fatalf("path_filestat_get(%q) reached the secret", path)
			}
		}
	})
}
