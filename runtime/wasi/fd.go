package wasi

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"time"
)

func fdAdvise(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdAdvise)
	if e != ErrnoSuccess {
		return e
	}
	if u32(p[3]) > adviceNoreuse {
		return ErrnoInval
	}
	if int64(p[1]) < 0 || int64(p[2]) < 0 {
		return ErrnoInval
	}
	_ = d // advice is only a hint; ignoring it is always correct
	return ErrnoSuccess
}

// fdAllocate makes sure [offset, offset+len) is backed by the file by
// growing it when it is shorter, which is what posix_fallocate observably
// does (no preallocation beyond the size).
func fdAllocate(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdAllocate)
	if e != ErrnoSuccess {
		return e
	}
	off, n := int64(p[1]), int64(p[2])
	if off < 0 || n <= 0 || off+n < 0 {
		return ErrnoInval
	}
	st, err := d.file.stat()
	if err != nil {
		return ErrnoOf(err)
	}
	if st.filetype != filetypeRegularFile {
		return ErrnoNodev
	}
	if uint64(off+n) > st.size {
		return ErrnoOf(d.file.truncate(off + n))
	}
	return ErrnoSuccess
}

func fdClose(_ context.Context, s *System, _ memory, p []uint64) Errno {
	fd := u32(p[0])
	d, ok := s.fds[fd]
	if !ok {
		return ErrnoBadf
	}
	delete(s.fds, fd)
	if fd <= 2 {
		return ErrnoSuccess // the embedder's streams stay open
	}
	return ErrnoOf(d.close())
}

func fdDatasync(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdDatasync)
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(d.file.sync())
}

func fdSync(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookup(u32(p[0]), RightFdSync)
	if e != ErrnoSuccess {
		return e
	}
	if d.file == nil {
		return ErrnoSuccess // directory metadata is synced by the host's own operations
	}
	return ErrnoOf(d.file.sync())
}

func fdFdstatGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookup(u32(p[0]), 0)
	if e != ErrnoSuccess {
		return e
	}
	b, ok := m.slice(u32(p[1]), fdstatSize)
	if !ok {
		return ErrnoFault
	}
	clear(b)
	b[0] = d.filetype
	binary.LittleEndian.PutUint16(b[2:], d.flags)
	binary.LittleEndian.PutUint64(b[8:], d.rightsBase)
	binary.LittleEndian.PutUint64(b[16:], d.rightsInheriting)
	return ErrnoSuccess
}

// fdFdstatSetFlags accepts APPEND (emulated: every write seeks to the end
// first unless the host file already appends) and NONBLOCK (recorded and
// reported; kiln's descriptors never block for long except stdin, which
// a guest cannot make non-blocking anyway). The synchronisation flags
// cannot be changed after open on most hosts: ENOTSUP.
func fdFdstatSetFlags(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookup(u32(p[0]), RightFdFdstatSetFlags)
	if e != ErrnoSuccess {
		return e
	}
	flags := uint16(p[1])
	if uint32(p[1])&^fdflagsAll != 0 {
		return ErrnoInval
	}
	if flags&(fdflagsDsync|fdflagsRsync|fdflagsSync) != d.flags&(fdflagsDsync|fdflagsRsync|fdflagsSync) {
		return ErrnoNotsup
	}
	d.flags = flags
	return ErrnoSuccess
}

// fdFdstatSetRights may only drop rights (ENOTCAPABLE otherwise).
func fdFdstatSetRights(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookup(u32(p[0]), 0)
	if e != ErrnoSuccess {
		return e
	}
	base, inheriting := p[1], p[2]
	if base&^d.rightsBase != 0 || inheriting&^d.rightsInheriting != 0 {
		return ErrnoNotcapable
	}
	d.rightsBase, d.rightsInheriting = base, inheriting
	return ErrnoSuccess
}

func (d *descriptor) stat() (filestat, error) {
	if d.file != nil {
		return d.file.stat()
	}
	return d.dir.statSelf()
}

func fdFilestatGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookup(u32(p[0]), RightFdFilestatGet)
	if e != ErrnoSuccess {
		return e
	}
	b, ok := m.slice(u32(p[1]), filestatSize)
	if !ok {
		return ErrnoFault
	}
	st, err := d.stat()
	if err != nil {
		return ErrnoOf(err)
	}
	if d.file != nil && d.filetype != filetypeRegularFile && d.filetype != filetypeDirectory && st.filetype == filetypeUnknown {
		st.filetype = d.filetype
	}
	st.encode(b)
	return ErrnoSuccess
}

func fdFilestatSetSize(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdFilestatSetSize)
	if e != ErrnoSuccess {
		return e
	}
	if int64(p[1]) < 0 {
		return ErrnoInval
	}
	return ErrnoOf(d.file.truncate(int64(p[1])))
}

// timesOf decodes fstflags into the two times to set; the zero Time means
// "leave unchanged" (os.Chtimes' convention).
func (s *System) timesOf(atim, mtim uint64, flags uint32) (atime, mtime time.Time, e Errno) {
	if flags&^fstflagsAll != 0 ||
		flags&(fstflagsAtim|fstflagsAtimNow) == fstflagsAtim|fstflagsAtimNow ||
		flags&(fstflagsMtim|fstflagsMtimNow) == fstflagsMtim|fstflagsMtimNow {
		return time.Time{}, time.Time{}, ErrnoInval
	}
	now := s.walltime()
	switch {
	case flags&fstflagsAtim != 0:
		atime = timeOf(atim)
	case flags&fstflagsAtimNow != 0:
		atime = now
	}
	switch {
	case flags&fstflagsMtim != 0:
		mtime = timeOf(mtim)
	case flags&fstflagsMtimNow != 0:
		mtime = now
	}
	// time.Unix(0, 0) is not the zero Time, so an explicit epoch survives.
	return atime, mtime, ErrnoSuccess
}

func fdFilestatSetTimes(_ context.Context, s *System, _ memory, p []uint64) Errno {
	d, e := s.lookup(u32(p[0]), RightFdFilestatSetTimes)
	if e != ErrnoSuccess {
		return e
	}
	atime, mtime, e := s.timesOf(p[1], p[2], u32(p[3]))
	if e != ErrnoSuccess {
		return e
	}
	if d.file != nil {
		return ErrnoOf(d.file.setTimes(atime, mtime))
	}
	return ErrnoOf(d.dir.setTimes(".", true, atime, mtime))
}

func fdPrestatGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, ok := s.fds[u32(p[0])]
	if !ok || d.preopenName == "" {
		return ErrnoBadf
	}
	b, ok := m.slice(u32(p[1]), prestatSize)
	if !ok {
		return ErrnoFault
	}
	clear(b)
	b[0] = prestatTagDir
	binary.LittleEndian.PutUint32(b[4:], uint32(len(d.preopenName)))
	return ErrnoSuccess
}

func fdPrestatDirName(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, ok := s.fds[u32(p[0])]
	if !ok || d.preopenName == "" {
		return ErrnoBadf
	}
	if u32(p[2]) < uint32(len(d.preopenName)) {
		return ErrnoNametoolong
	}
	b, ok := m.slice(u32(p[1]), uint32(len(d.preopenName)))
	if !ok {
		return ErrnoFault
	}
	copy(b, d.preopenName)
	return ErrnoSuccess
}

// readv reads into bufs in order, stopping at the first short read so a
// guest never waits for more input than one read would wait for.
func readv(r func([]byte) (int, error), bufs [][]byte) (int, error) {
	total := 0
	for _, b := range bufs {
		if len(b) == 0 {
			continue
		}
		n, err := r(b)
		total += n
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		if n < len(b) {
			break
		}
	}
	return total, nil
}

func fdRead(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdRead)
	if e != ErrnoSuccess {
		return e
	}
	bufs, e := m.iovecs(u32(p[1]), u32(p[2]))
	if e != ErrnoSuccess {
		return e
	}
	n, err := readv(d.file.Read, bufs)
	if err != nil && n == 0 {
		return ErrnoOf(err)
	}
	if !m.putU32(u32(p[3]), uint32(n)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func fdPread(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdRead|RightFdSeek)
	if e != ErrnoSuccess {
		return e
	}
	bufs, e := m.iovecs(u32(p[1]), u32(p[2]))
	if e != ErrnoSuccess {
		return e
	}
	off := int64(p[3])
	if off < 0 {
		return ErrnoInval
	}
	n, err := readv(func(b []byte) (int, error) {
		n, err := d.file.pread(b, off)
		off += int64(n)
		return n, err
	}, bufs)
	if err != nil && n == 0 {
		return ErrnoOf(err)
	}
	if !m.putU32(u32(p[4]), uint32(n)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func writev(w func([]byte) (int, error), bufs [][]byte) (int, error) {
	total := 0
	for _, b := range bufs {
		n, err := w(b)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func fdWrite(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdWrite)
	if e != ErrnoSuccess {
		return e
	}
	bufs, e := m.iovecs(u32(p[1]), u32(p[2]))
	if e != ErrnoSuccess {
		return e
	}
	if d.flags&fdflagsAppend != 0 && !d.file.appendsNatively() {
		if _, err := d.file.seek(0, io.SeekEnd); err != nil {
			return ErrnoOf(err)
		}
	}
	n, err := writev(d.file.Write, bufs)
	if err != nil && n == 0 {
		return ErrnoOf(err)
	}
	if !m.putU32(u32(p[3]), uint32(n)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func fdPwrite(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdWrite|RightFdSeek)
	if e != ErrnoSuccess {
		return e
	}
	bufs, e := m.iovecs(u32(p[1]), u32(p[2]))
	if e != ErrnoSuccess {
		return e
	}
	off := int64(p[3])
	if off < 0 {
		return ErrnoInval
	}
	n, err := writev(func(b []byte) (int, error) {
		n, err := d.file.pwrite(b, off)
		off += int64(n)
		return n, err
	}, bufs)
	if err != nil && n == 0 {
		return ErrnoOf(err)
	}
	if !m.putU32(u32(p[4]), uint32(n)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func fdSeek(_ context.Context, s *System, m memory, p []uint64) Errno {
	fd, off, whence := u32(p[0]), int64(p[1]), u32(p[2])
	need := RightFdSeek
	if off == 0 && whence == whenceCur {
		need = RightFdTell // lseek(fd, 0, SEEK_CUR) is a tell
	}
	d, e := s.lookup(fd, need)
	if e != ErrnoSuccess {
		return e
	}
	if whence > whenceEnd {
		return ErrnoInval
	}
	if d.file == nil {
		// Rewinding a directory is how guests restart a listing (Go's
		// os.File.Seek on a directory does this); fd_readdir's cookie is
		// the real position, so only offset 0 is meaningful.
		if off != 0 {
			return ErrnoInval
		}
		d.listing = nil
		if !m.putU64(u32(p[3]), 0) {
			return ErrnoFault
		}
		return ErrnoSuccess
	}
	pos, err := d.file.seek(off, int(whence))
	if err != nil {
		return ErrnoOf(err)
	}
	if !m.putU64(u32(p[3]), uint64(pos)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func fdTell(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookupFile(u32(p[0]), RightFdTell)
	if e != ErrnoSuccess {
		return e
	}
	pos, err := d.file.seek(0, io.SeekCurrent)
	if err != nil {
		return ErrnoOf(err)
	}
	if !m.putU64(u32(p[1]), uint64(pos)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

// fdReaddir fills buf with dirent records from cookie on. The last record
// may be cut short: a full buffer (bufused == buf_len) tells the guest to
// call again with the last whole entry's d_next, as preview1 specifies.
func fdReaddir(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, e := s.lookupDir(u32(p[0]), RightFdReaddir)
	if e != ErrnoSuccess {
		return e
	}
	buf, ok := m.slice(u32(p[1]), u32(p[2]))
	if !ok {
		return ErrnoFault
	}
	cookie := p[3]
	if cookie == 0 || d.listing == nil {
		list, err := d.dir.entries()
		if err != nil {
			return ErrnoOf(err)
		}
		d.listing = list
	}
	if cookie > uint64(len(d.listing)) {
		return ErrnoInval
	}
	used := 0
	for i := cookie; i < uint64(len(d.listing)) && used < len(buf); i++ {
		ent := d.listing[i]
		var rec [direntHeaderSize]byte
		binary.LittleEndian.PutUint64(rec[0:], i+1)
		binary.LittleEndian.PutUint64(rec[8:], ent.ino)
		binary.LittleEndian.PutUint32(rec[16:], uint32(len(ent.name)))
		rec[20] = ent.filetype
		used += copy(buf[used:], rec[:])
		used += copy(buf[used:], ent.name)
	}
	if !m.putU32(u32(p[4]), uint32(used)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

// fdRenumber moves from onto to, closing what to held; both must be open.
func fdRenumber(_ context.Context, s *System, _ memory, p []uint64) Errno {
	from, to := u32(p[0]), u32(p[1])
	d, ok := s.fds[from]
	old, ok2 := s.fds[to]
	if !ok || !ok2 {
		return ErrnoBadf
	}
	if from == to {
		return ErrnoSuccess
	}
	delete(s.fds, from)
	s.fds[to] = d
	if to > 2 {
		if err := old.close(); err != nil && !errors.Is(err, ErrnoBadf) {
			return ErrnoOf(err)
		}
	}
	return ErrnoSuccess
}
