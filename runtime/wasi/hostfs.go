package wasi

import (
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"
)

// hostDir is a host directory capability. Every path operation goes
// through os.Root, which resolves each component with openat-style calls
// relative to the directory it holds: "..", absolute paths and symlinks
// that would leave the root fail ("path escapes from parent", mapped to
// EPERM), and because resolution happens on descriptors, not strings, a
// concurrent rename or symlink swap cannot redirect it outside.
type hostDir struct {
	root *os.Root
}

// hostFile is a file opened below a hostDir.
type hostFile struct {
	f        *os.File
	appendOn bool // opened with O_APPEND
}

// checkGuestPath rejects what os.Root would otherwise interpret
// differently from WASI: an empty path is ENOENT and a NUL byte EINVAL;
// absolute paths are left to os.Root, which refuses them as escapes.
func checkGuestPath(path string) error {
	switch {
	case path == "":
		return ErrnoNoent
	case strings.IndexByte(path, 0) >= 0:
		return ErrnoInval
	case len(path) > maxPathLength:
		return ErrnoNametoolong
	}
	return nil
}

func (d *hostDir) open(path string, r openRequest) (openFile, directory, error) {
	if err := checkGuestPath(path); err != nil {
		return nil, nil, err
	}
	if !r.follow {
		// os.Root follows a final symlink (inside the root); without
		// SYMLINK_FOLLOW preview1 wants ELOOP, as O_NOFOLLOW gives. Checking
		// first is racy, but the race can only pick another file inside
		// the root, never one outside.
		if fi, err := d.root.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			if r.create && r.excl {
				return nil, nil, ErrnoExist
			}
			return nil, nil, ErrnoLoop
		}
	}
	if r.isDir {
		if r.create || r.trunc {
			return nil, nil, ErrnoInval
		}
		return d.openSubdir(path)
	}
	flags := os.O_RDONLY
	switch {
	case r.read && r.write:
		flags = os.O_RDWR
	case r.write:
		flags = os.O_WRONLY
	}
	if r.create {
		flags |= os.O_CREATE
	}
	if r.excl {
		flags |= os.O_EXCL
	}
	if r.trunc {
		flags |= os.O_TRUNC
	}
	if r.appendMode {
		flags |= os.O_APPEND
	}
	if r.syncMode {
		flags |= os.O_SYNC
	}
	f, err := d.root.OpenFile(path, flags, 0o666)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if fi.IsDir() {
		f.Close()
		return d.openSubdir(path)
	}
	return &hostFile{f: f, appendOn: r.appendMode}, nil, nil
}

// openSubdir opens a directory capability below d. os.Root.OpenRoot
// reports a non-directory with an untyped error; ENOTDIR is recovered by
// a stat.
func (d *hostDir) openSubdir(path string) (openFile, directory, error) {
	sub, err := d.root.OpenRoot(path)
	if err != nil {
		if fi, serr := d.root.Stat(path); serr == nil && !fi.IsDir() {
			return nil, nil, ErrnoNotdir
		}
		return nil, nil, err
	}
	return nil, &hostDir{root: sub}, nil
}

func (d *hostDir) mkdir(path string) error {
	if err := checkGuestPath(path); err != nil {
		return err
	}
	return d.root.Mkdir(path, 0o777)
}

// rmdir and unlink share os.Root.Remove, which removes either kind; the
// Lstat first gives preview1's distinction (ENOTDIR / EISDIR).
func (d *hostDir) rmdir(path string) error {
	if err := checkGuestPath(path); err != nil {
		return err
	}
	fi, err := d.root.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return ErrnoNotdir
	}
	return d.root.Remove(path)
}

func (d *hostDir) unlink(path string) error {
	if err := checkGuestPath(path); err != nil {
		return err
	}
	if strings.HasSuffix(path, "/") {
		// "file/" names a directory; unlink of it is EISDIR or ENOTDIR.
		fi, err := d.root.Stat(path)
		if err != nil {
			return err
		}
		if fi.IsDir() {
			return ErrnoIsdir
		}
		return ErrnoNotdir
	}
	fi, err := d.root.Lstat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return ErrnoIsdir
	}
	return d.root.Remove(path)
}

// sameRoot reports whether both ends of a rename or link are this very
// capability, so that os.Root can do it alone. Otherwise both parents are
// resolved through their own os.Root and joined with renameat/linkat on
// their descriptors (crossDir, Unix only); an fs.FS is never a partner.
func (d *hostDir) sameRoot(other directory) bool {
	o, ok := other.(*hostDir)
	return ok && o == d
}

// parentOf opens the directory holding path's final component through
// os.Root (so the walk is sandboxed like any other) and returns it with
// that component. The component is a plain name: "." and ".." cannot be
// renamed or linked (EINVAL; EPERM when the path escapes anyway).
func (d *hostDir) parentOf(path string) (*os.File, string, error) {
	if strings.HasPrefix(path, "/") {
		return nil, "", ErrnoPerm
	}
	trimmed := strings.TrimRight(path, "/")
	dir, base := ".", path
	if i := strings.LastIndexByte(trimmed, '/'); i >= 0 {
		dir, base = trimmed[:i], path[i+1:]
	}
	if name := strings.TrimRight(base, "/"); name == "." || name == ".." {
		if _, err := d.root.Lstat(path); err != nil {
			return nil, "", err
		}
		return nil, "", ErrnoInval
	}
	f, err := d.root.Open(dir)
	if err != nil {
		return nil, "", err
	}
	return f, base, nil
}

func (d *hostDir) rename(oldPath string, newDir directory, newPath string) error {
	if err := firstErrno(oldPath, newPath); err != nil {
		return err
	}
	if d.sameRoot(newDir) {
		return d.root.Rename(oldPath, newPath)
	}
	return d.crossDir(renameAt, oldPath, newDir, newPath)
}

func (d *hostDir) link(oldPath string, newDir directory, newPath string) error {
	if err := firstErrno(oldPath, newPath); err != nil {
		return err
	}
	if d.sameRoot(newDir) {
		return d.root.Link(oldPath, newPath)
	}
	return d.crossDir(linkAt, oldPath, newDir, newPath)
}

// firstErrno is the errno of the first invalid path of a two-path call.
func firstErrno(paths ...string) error {
	for _, p := range paths {
		if err := checkGuestPath(p); err != nil {
			return err
		}
	}
	return nil
}

// symlink refuses absolute targets (EPERM, as Wasmtime does): following
// one could never succeed inside the sandbox. Relative targets are stored
// verbatim, even ones that climb out: the text itself grants nothing, and
// os.Root checks every later traversal through the link.
// crossDir runs a two-directory operation (renameat or linkat) between d
// and another host directory capability.
func (d *hostDir) crossDir(op func(oldDir *os.File, oldName string, newDir *os.File, newName string) error, oldPath string, newDir directory, newPath string) error {
	nd, ok := newDir.(*hostDir)
	if !ok {
		return ErrnoXdev
	}
	oldParent, oldName, err := d.parentOf(oldPath)
	if err != nil {
		return err
	}
	defer oldParent.Close()
	newParent, newName, err := nd.parentOf(newPath)
	if err != nil {
		return err
	}
	defer newParent.Close()
	return op(oldParent, oldName, newParent, newName)
}

func (d *hostDir) symlink(target, path string) error {
	if err := checkGuestPath(path); err != nil {
		return err
	}
	if target == "" {
		return ErrnoNoent
	}
	if strings.IndexByte(target, 0) >= 0 {
		return ErrnoInval
	}
	if strings.HasPrefix(target, "/") {
		return ErrnoPerm
	}
	return d.root.Symlink(target, path)
}

func (d *hostDir) readlink(path string) (string, error) {
	if err := checkGuestPath(path); err != nil {
		return "", err
	}
	return d.root.Readlink(path)
}

func (d *hostDir) stat(path string, follow bool) (filestat, error) {
	if err := checkGuestPath(path); err != nil {
		return filestat{}, err
	}
	var fi fs.FileInfo
	var err error
	if follow {
		fi, err = d.root.Stat(path)
	} else {
		fi, err = d.root.Lstat(path)
	}
	if err != nil {
		return filestat{}, err
	}
	return filestatOf(fi), nil
}

func (d *hostDir) setTimes(path string, follow bool, atime, mtime time.Time) error {
	if err := checkGuestPath(path); err != nil {
		return err
	}
	if !follow {
		fi, err := d.root.Lstat(path)
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			// os.Root has no lutimes; setting a symlink's own times is a
			// known gap.
			return ErrnoNotsup
		}
	}
	return d.root.Chtimes(path, atime, mtime)
}

func (d *hostDir) statSelf() (filestat, error) {
	fi, err := d.root.Stat(".")
	if err != nil {
		return filestat{}, err
	}
	return filestatOf(fi), nil
}

// entries lists the directory, "." and ".." first (as the host's
// getdents and Wasmtime do), the rest sorted by name so that a guest sees
// a deterministic order.
func (d *hostDir) entries() ([]dirEntry, error) {
	f, err := d.root.Open(".")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	sort.Slice(des, func(i, j int) bool { return des[i].Name() < des[j].Name() })
	self, _ := d.statSelf()
	out := []dirEntry{{name: ".", ino: self.ino, filetype: filetypeDirectory}, {name: "..", filetype: filetypeDirectory}}
	if parent, err := d.root.Lstat(".."); err == nil {
		// ".." of a preopen escapes; its inode stays 0 then.
		out[1].ino = filestatOf(parent).ino
	}
	for _, de := range des {
		e := dirEntry{name: de.Name(), filetype: filetypeOf(de.Type())}
		if fi, err := de.Info(); err == nil {
			e.ino = filestatOf(fi).ino
			e.filetype = filetypeOf(fi.Mode())
		}
		out = append(out, e)
	}
	return out, nil
}

func (d *hostDir) close() error { return d.root.Close() }

func (h *hostFile) Read(p []byte) (int, error)  { return h.f.Read(p) }
func (h *hostFile) Write(p []byte) (int, error) { return h.f.Write(p) }
func (h *hostFile) Close() error                { return h.f.Close() }
func (h *hostFile) pread(p []byte, off int64) (int, error) {
	return h.f.ReadAt(p, off)
}

func (h *hostFile) pwrite(p []byte, off int64) (int, error) {
	if h.appendOn {
		// os.File refuses WriteAt on an O_APPEND file; Linux's pwrite would
		// append anyway, which is no better. EINVAL is what os says.
		return 0, ErrnoInval
	}
	return h.f.WriteAt(p, off)
}

func (h *hostFile) seek(off int64, whence int) (int64, error) { return h.f.Seek(off, whence) }
func (h *hostFile) truncate(size int64) error                 { return h.f.Truncate(size) }
func (h *hostFile) sync() error                               { return h.f.Sync() }
func (h *hostFile) appendsNatively() bool                     { return h.appendOn }

func (h *hostFile) stat() (filestat, error) {
	fi, err := h.f.Stat()
	if err != nil {
		return filestat{}, err
	}
	return filestatOf(fi), nil
}

func (h *hostFile) setTimes(atime, mtime time.Time) error {
	return setFileTimes(h.f, atime, mtime)
}
