package wasi

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

// Config is what a guest may see of the world: its arguments and
// environment, its standard streams, the directories it may use, and the
// sources of time and randomness. The zero Config is a guest with no
// arguments, no environment, empty stdin, discarded output and no files.
type Config struct {
	// Args are the guest's argv; Args[0] is conventionally the program name.
	Args []string
	// Env holds "KEY=VALUE" strings, in the order the guest sees them.
	Env []string
	// Stdin, Stdout and Stderr back descriptors 0, 1 and 2. nil means empty
	// input or discarded output.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Dirs are the preopened directories, descriptors 3, 4, ... in order.
	Dirs []Dir
	// Random backs random_get; nil means crypto/rand.
	Random io.Reader
	// Walltime backs the realtime clock; nil means time.Now.
	Walltime func() time.Time
	// Nanotime backs the monotonic clock (nanoseconds from an arbitrary
	// origin); nil means Go's monotonic clock measured from New.
	Nanotime func() int64
	// Sleep blocks poll_oneoff for a clock subscription; nil means a timer
	// that also returns when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Dir is one preopened directory. Exactly one of HostPath and FS is set.
type Dir struct {
	// GuestPath is the name the guest sees (fd_prestat_dir_name), e.g. "/"
	// or "data".
	GuestPath string
	// HostPath is a host directory. Every access goes through an os.Root
	// opened on it, so no path, symlink or race leaves it.
	HostPath string
	// FS is an embedder-supplied file system, served read-only. Paths are
	// resolved lexically before they reach it; symlinks inside it are the
	// FS's business (os.DirFS follows them, so hand a HostPath instead
	// when the tree is untrusted).
	FS fs.FS
}

// ExitError is returned by a call into the guest that ended in proc_exit.
// The embedder unwinds the call and reports Code as the exit status.
type ExitError struct{ Code uint32 }

func (e *ExitError) Error() string { return fmt.Sprintf("wasi: exit status %d", e.Code) }

// System is the state of one WASI guest: its descriptor table and its
// view of the world. It belongs to one goroutine at a time, like the store
// its functions are linked into.
type System struct {
	args, env [][]byte // each NUL-terminated, as args_get writes them
	fds       map[uint32]*descriptor
	nextFD    uint32
	random    io.Reader
	walltime  func() time.Time
	nanotime  func() int64
	sleep     func(ctx context.Context, d time.Duration) error
	exit      *ExitError
}

// descriptor is one entry of the descriptor table.
type descriptor struct {
	file openFile  // set for files and the standard streams
	dir  directory // set for directories
	// preopenName is the guest name of a preopened directory ("" for any
	// other descriptor); fd_prestat_* answer only for preopens.
	preopenName      string
	filetype         uint8
	rightsBase       uint64
	rightsInheriting uint64
	flags            uint16 // fdflags as the guest last set them
	// listing caches a directory's entries from the fd_readdir call with
	// cookie 0, so that later cookies index one consistent listing.
	listing []dirEntry
}

// openFile is a file-like descriptor: a host file, a file of an fs.FS, or
// a standard stream. Operations a kind cannot do return an Errno.
type openFile interface {
	io.Reader
	io.Writer
	io.Closer
	pread(p []byte, off int64) (int, error)
	pwrite(p []byte, off int64) (int, error)
	seek(off int64, whence int) (int64, error)
	stat() (filestat, error)
	truncate(size int64) error
	sync() error
	setTimes(atime, mtime time.Time) error
	// appendsNatively reports whether the host already appends every write
	// (O_APPEND), so the fdflags emulation must not seek first.
	appendsNatively() bool
}

// directory is a directory capability. Paths are guest paths relative to
// it; each implementation guarantees no operation reaches outside it.
type directory interface {
	open(path string, req openRequest) (openFile, directory, error)
	mkdir(path string) error
	rmdir(path string) error
	unlink(path string) error
	rename(oldPath string, newDir directory, newPath string) error
	link(oldPath string, newDir directory, newPath string) error
	symlink(target, path string) error
	readlink(path string) (string, error)
	stat(path string, follow bool) (filestat, error)
	setTimes(path string, follow bool, atime, mtime time.Time) error
	statSelf() (filestat, error)
	entries() ([]dirEntry, error)
	close() error
}

// openRequest is path_open's request in host terms.
type openRequest struct {
	read, write                  bool
	create, excl, trunc, isDir   bool
	appendMode, syncMode, follow bool
}

// dirEntry is one fd_readdir entry.
type dirEntry struct {
	name     string
	ino      uint64
	filetype uint8
}

// New builds a System from cfg, opening every preopened directory. The
// caller closes it with Close.
func New(cfg Config) (*System, error) {
	s := &System{
		fds:      map[uint32]*descriptor{},
		random:   cfg.Random,
		walltime: cfg.Walltime,
		nanotime: cfg.Nanotime,
		sleep:    cfg.Sleep,
	}
	for _, a := range cfg.Args {
		if strings.IndexByte(a, 0) >= 0 {
			return nil, fmt.Errorf("wasi: argument %q contains a NUL byte", a)
		}
		s.args = append(s.args, append([]byte(a), 0))
	}
	for _, e := range cfg.Env {
		if strings.IndexByte(e, 0) >= 0 || !strings.Contains(e, "=") {
			return nil, fmt.Errorf("wasi: environment entry %q is not KEY=VALUE without NUL bytes", e)
		}
		s.env = append(s.env, append([]byte(e), 0))
	}
	if s.random == nil {
		s.random = rand.Reader
	}
	if s.walltime == nil {
		s.walltime = time.Now
	}
	if s.nanotime == nil {
		origin := time.Now()
		s.nanotime = func() int64 { return int64(time.Since(origin)) }
	}
	if s.sleep == nil {
		s.sleep = sleepContext
	}
	in := cfg.Stdin
	if in == nil {
		in = strings.NewReader("")
	}
	out, errw := cfg.Stdout, cfg.Stderr
	if out == nil {
		out = io.Discard
	}
	if errw == nil {
		errw = io.Discard
	}
	s.fds[0] = &descriptor{file: &stream{r: in}, filetype: streamFiletype(in), rightsBase: stdioRights &^ RightFdWrite}
	s.fds[1] = &descriptor{file: &stream{w: out}, filetype: streamFiletype(out), rightsBase: stdioRights &^ RightFdRead}
	s.fds[2] = &descriptor{file: &stream{w: errw}, filetype: streamFiletype(errw), rightsBase: stdioRights &^ RightFdRead}
	s.nextFD = firstPreopenFD
	for _, d := range cfg.Dirs {
		dir, err := openPreopen(d)
		if err != nil {
			s.Close()
			return nil, err
		}
		name := d.GuestPath
		if name == "" {
			name = "."
		}
		s.fds[s.nextFD] = &descriptor{dir: dir, preopenName: name, filetype: filetypeDirectory,
			rightsBase: dirRights, rightsInheriting: fileRights | dirRights}
		s.nextFD++
	}
	return s, nil
}

func openPreopen(d Dir) (directory, error) {
	switch {
	case d.FS != nil && d.HostPath != "":
		return nil, fmt.Errorf("wasi: preopen %q has both a host path and an fs.FS", d.GuestPath)
	case d.FS != nil:
		return &fsDir{fsys: d.FS, path: "."}, nil
	case d.HostPath != "":
		root, err := os.OpenRoot(d.HostPath)
		if err != nil {
			return nil, fmt.Errorf("wasi: preopen %s: %w", d.HostPath, err)
		}
		return &hostDir{root: root}, nil
	}
	return nil, fmt.Errorf("wasi: preopen %q has neither a host path nor an fs.FS", d.GuestPath)
}

// Close closes every descriptor the guest left open. The standard streams
// are not closed: they belong to the embedder.
func (s *System) Close() error {
	var errs []error
	for fd, d := range s.fds {
		if fd > 2 {
			errs = append(errs, d.close())
		}
		delete(s.fds, fd)
	}
	return errors.Join(errs...)
}

func (d *descriptor) close() error {
	if d.file != nil {
		return d.file.Close()
	}
	return d.dir.close()
}

// lookup returns descriptor fd if it holds every right in need; EBADF for
// an unknown descriptor, ENOTCAPABLE for missing rights.
func (s *System) lookup(fd uint32, need uint64) (*descriptor, Errno) {
	d, ok := s.fds[fd]
	if !ok {
		return nil, ErrnoBadf
	}
	if d.rightsBase&need != need {
		return nil, ErrnoNotcapable
	}
	return d, ErrnoSuccess
}

// lookupFile is lookup for operations on files: a directory gives EISDIR.
func (s *System) lookupFile(fd uint32, need uint64) (*descriptor, Errno) {
	d, e := s.lookup(fd, 0)
	if e != ErrnoSuccess {
		return nil, e
	}
	if d.file == nil {
		return nil, ErrnoIsdir
	}
	if d.rightsBase&need != need {
		return nil, ErrnoNotcapable
	}
	return d, ErrnoSuccess
}

// lookupDir is lookup for path operations: a file gives ENOTDIR.
func (s *System) lookupDir(fd uint32, need uint64) (*descriptor, Errno) {
	d, e := s.lookup(fd, 0)
	if e != ErrnoSuccess {
		return nil, e
	}
	if d.dir == nil {
		return nil, ErrnoNotdir
	}
	if d.rightsBase&need != need {
		return nil, ErrnoNotcapable
	}
	return d, ErrnoSuccess
}

// allocateFD returns the lowest free descriptor number, as POSIX does.
func (s *System) allocateFD() (uint32, Errno) {
	for fd := uint32(firstPreopenFD); fd < 1<<31; fd++ {
		if _, used := s.fds[fd]; !used {
			return fd, ErrnoSuccess
		}
	}
	return 0, ErrnoMfile
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
