package wasi

import (
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// fsDir is a directory of an embedder's fs.FS, served read-only. io/fs
// has no "..", so paths are resolved lexically by resolvePath, relative to
// this directory (never above it: a descriptor is a capability for its
// own subtree).
type fsDir struct {
	fsys fs.FS
	path string // fs.ValidPath form; "." is the FS root
}

// resolvePath resolves a guest path relative to the directory base (an
// fs.ValidPath) lexically: "." and empty components vanish, ".." removes
// the previous component and may not climb above base. It returns an
// fs.ValidPath and whether a trailing slash demands a directory. Errors:
// ENOENT for an empty path, EILSEQ for invalid UTF-8, EPERM for an absolute path or one climbing out
// of base (as Wasmtime reports escapes), EINVAL for a NUL byte,
// ENAMETOOLONG beyond PATH_MAX.
func resolvePath(base, guest string) (resolved string, mustBeDir bool, err error) {
	if err := checkGuestPath(guest); err != nil {
		return "", false, err
	}
	if !utf8.ValidString(guest) {
		return "", false, ErrnoIlseq // io/fs paths are UTF-8
	}
	if strings.HasPrefix(guest, "/") {
		return "", false, ErrnoPerm
	}
	var parts []string
	for _, c := range strings.Split(guest, "/") {
		switch c {
		case "", ".":
		case "..":
			if len(parts) == 0 {
				return "", false, ErrnoPerm
			}
			parts = parts[:len(parts)-1]
		default:
			parts = append(parts, c)
		}
	}
	mustBeDir = strings.HasSuffix(guest, "/") || strings.HasSuffix(guest, "/.") || strings.HasSuffix(guest, "/..") || guest == "." || guest == ".."
	return path.Join(append([]string{base}, parts...)...), mustBeDir, nil
}

func (d *fsDir) resolve(guest string) (string, error) {
	p, mustBeDir, err := resolvePath(d.path, guest)
	if err != nil {
		return "", err
	}
	if mustBeDir {
		fi, err := fs.Stat(d.fsys, p)
		if err != nil {
			return "", err
		}
		if !fi.IsDir() {
			return "", ErrnoNotdir
		}
	}
	return p, nil
}

func (d *fsDir) open(guest string, r openRequest) (openFile, directory, error) {
	p, err := d.resolve(guest)
	if err != nil {
		return nil, nil, err
	}
	if r.write || r.create || r.trunc || r.appendMode {
		return nil, nil, ErrnoRofs
	}
	if !r.follow {
		if fi, err := lstatFS(d.fsys, p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return nil, nil, ErrnoLoop
		}
	}
	fi, err := fs.Stat(d.fsys, p)
	if err != nil {
		return nil, nil, err
	}
	if fi.IsDir() {
		return nil, &fsDir{fsys: d.fsys, path: p}, nil
	}
	if r.isDir {
		return nil, nil, ErrnoNotdir
	}
	f, err := d.fsys.Open(p)
	if err != nil {
		return nil, nil, err
	}
	return &fsFile{f: f}, nil, nil
}

func lstatFS(fsys fs.FS, p string) (fs.FileInfo, error) {
	if l, ok := fsys.(fs.ReadLinkFS); ok {
		return l.Lstat(p)
	}
	return fs.Stat(fsys, p)
}

// readOnly answers every mutation: the path must still resolve inside the
// directory (an escape is EPERM, as for a writable directory) and then
// the file system is read-only.
func (d *fsDir) readOnly(paths ...string) error {
	for _, p := range paths {
		if _, _, err := resolvePath(d.path, p); err != nil {
			return err
		}
	}
	return ErrnoRofs
}

func (d *fsDir) mkdir(p string) error                         { return d.readOnly(p) }
func (d *fsDir) rmdir(p string) error                         { return d.readOnly(p) }
func (d *fsDir) unlink(p string) error                        { return d.readOnly(p) }
func (d *fsDir) rename(o string, _ directory, n string) error { return d.readOnly(o, n) }
func (d *fsDir) link(o string, _ directory, n string) error   { return d.readOnly(o, n) }
func (d *fsDir) symlink(_, p string) error                    { return d.readOnly(p) }
func (d *fsDir) setTimes(p string, _ bool, _, _ time.Time) error {
	return d.readOnly(p)
}

func (d *fsDir) readlink(guest string) (string, error) {
	p, err := d.resolve(guest)
	if err != nil {
		return "", err
	}
	l, ok := d.fsys.(fs.ReadLinkFS)
	if !ok {
		if _, err := fs.Stat(d.fsys, p); err != nil {
			return "", err
		}
		return "", ErrnoInval // exists, and without ReadLinkFS nothing is a symlink
	}
	return l.ReadLink(p)
}

func (d *fsDir) stat(guest string, follow bool) (filestat, error) {
	p, err := d.resolve(guest)
	if err != nil {
		return filestat{}, err
	}
	var fi fs.FileInfo
	if follow {
		fi, err = fs.Stat(d.fsys, p)
	} else {
		fi, err = lstatFS(d.fsys, p)
	}
	if err != nil {
		return filestat{}, err
	}
	return filestatOf(fi), nil
}

func (d *fsDir) statSelf() (filestat, error) {
	fi, err := fs.Stat(d.fsys, d.path)
	if err != nil {
		return filestat{}, err
	}
	return filestatOf(fi), nil
}

func (d *fsDir) entries() ([]dirEntry, error) {
	des, err := fs.ReadDir(d.fsys, d.path)
	if err != nil {
		return nil, err
	}
	sort.Slice(des, func(i, j int) bool { return des[i].Name() < des[j].Name() })
	out := []dirEntry{{name: ".", filetype: filetypeDirectory}, {name: "..", filetype: filetypeDirectory}}
	for _, de := range des {
		out = append(out, dirEntry{name: de.Name(), filetype: filetypeOf(de.Type())})
	}
	return out, nil
}

func (d *fsDir) close() error { return nil }

// fsFile is an open file of an fs.FS. Random access needs io.ReaderAt or
// io.Seeker from the FS's file; without them pread and seek are ESPIPE.
type fsFile struct {
	f fs.File
}

func (f *fsFile) Read(p []byte) (int, error)          { return f.f.Read(p) }
func (f *fsFile) Write([]byte) (int, error)           { return 0, ErrnoBadf }
func (f *fsFile) Close() error                        { return f.f.Close() }
func (f *fsFile) pwrite([]byte, int64) (int, error)   { return 0, ErrnoBadf }
func (f *fsFile) truncate(int64) error                { return ErrnoBadf }
func (f *fsFile) sync() error                         { return nil }
func (f *fsFile) setTimes(time.Time, time.Time) error { return ErrnoRofs }
func (f *fsFile) appendsNatively() bool               { return false }

func (f *fsFile) pread(p []byte, off int64) (int, error) {
	if ra, ok := f.f.(io.ReaderAt); ok {
		return ra.ReadAt(p, off)
	}
	return 0, ErrnoSpipe
}

func (f *fsFile) seek(off int64, whence int) (int64, error) {
	if s, ok := f.f.(io.Seeker); ok {
		return s.Seek(off, whence)
	}
	return 0, ErrnoSpipe
}

func (f *fsFile) stat() (filestat, error) {
	fi, err := f.f.Stat()
	if err != nil {
		return filestat{}, err
	}
	return filestatOf(fi), nil
}
