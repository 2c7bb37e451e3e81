package wasi

import (
	"io"
	"os"
	"sync"
	"time"
)

// stream is a standard stream: descriptor 0 reads r, 1 and 2 write w.
// Streams are not seekable (ESPIPE), have no size and cannot be truncated,
// as a pipe or a terminal behaves.
type stream struct {
	r io.Reader
	w io.Writer

	pumpOnce sync.Once
	pump     *readPump // reads r once the guest has polled it, see readPump
}

func (s *stream) Read(p []byte) (int, error) {
	if s.r == nil {
		return 0, ErrnoBadf
	}
	if s.pump != nil {
		return s.pump.Read(p)
	}
	return s.r.Read(p)
}

// pollRead is poll_oneoff's question for a read subscription: may a read
// block? If it may not, nbytes is how many bytes are known to be
// available; if it may, wait is closed when that changes.
func (s *stream) pollRead() (nbytes uint64, ready bool, wait <-chan struct{}) {
	if s.r == nil {
		return 0, true, nil
	}
	if neverBlocks(s.r) {
		if l, ok := s.r.(interface{ Len() int }); ok {
			return uint64(l.Len()), true, nil
		}
		return 0, true, nil
	}
	s.pumpOnce.Do(func() { s.pump = newReadPump(s.r) })
	return s.pump.ready()
}

func (s *stream) Write(p []byte) (int, error) {
	if s.w == nil {
		return 0, ErrnoBadf
	}
	return s.w.Write(p)
}

func (s *stream) Close() error                            { return nil }
func (s *stream) pread(p []byte, off int64) (int, error)  { return 0, ErrnoSpipe }
func (s *stream) pwrite(p []byte, off int64) (int, error) { return 0, ErrnoSpipe }
func (s *stream) seek(int64, int) (int64, error)          { return 0, ErrnoSpipe }
func (s *stream) truncate(int64) error                    { return ErrnoInval }
func (s *stream) setTimes(time.Time, time.Time) error     { return ErrnoNotsup }
func (s *stream) appendsNatively() bool                   { return true }

func (s *stream) sync() error {
	// Flush what can be flushed; a pipe or buffer has nothing to sync.
	if f, ok := s.w.(interface{ Sync() error }); ok {
		if err := f.Sync(); err != nil && ErrnoOf(err) != ErrnoInval {
			return err
		}
	}
	return nil
}

func (s *stream) stat() (filestat, error) {
	var f *os.File
	if s.r != nil {
		f, _ = s.r.(*os.File)
	} else {
		f, _ = s.w.(*os.File)
	}
	if f != nil {
		if fi, err := f.Stat(); err == nil {
			st := filestatOf(fi)
			st.size = 0
			return st, nil
		}
	}
	return filestat{filetype: filetypeCharacterDevice, nlink: 1}, nil
}

// streamFiletype is what fd_fdstat_get reports for a standard stream: the
// host file's type when the stream is a host file (a terminal is a
// character device, a redirected file a regular file), otherwise a
// character device, the closest preview1 has to "a stream".
func streamFiletype(v any) uint8 {
	if f, ok := v.(*os.File); ok {
		if fi, err := f.Stat(); err == nil {
			if t := filetypeOf(fi.Mode()); t != filetypeUnknown {
				return t
			}
		}
	}
	return filetypeCharacterDevice
}
