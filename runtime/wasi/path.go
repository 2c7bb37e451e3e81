package wasi

import (
	"context"
	"unicode/utf8"
)

// guestPath reads a path argument: it must be in bounds (EFAULT) and
// UTF-8 (EILSEQ, as Wasmtime checks).
func guestPath(m memory, ptr, n uint32) (string, Errno) {
	if n > maxPathLength {
		return "", ErrnoNametoolong
	}
	b, ok := m.slice(ptr, n)
	if !ok {
		return "", ErrnoFault
	}
	if !utf8.Valid(b) {
		return "", ErrnoIlseq
	}
	return string(b), ErrnoSuccess
}

// dirAndPath is the common prologue of path_* functions: the directory
// descriptor (with rights need) and the path argument.
func (s *System) dirAndPath(m memory, fd, ptr, n uint32, need uint64) (*descriptor, string, Errno) {
	d, e := s.lookupDir(fd, need)
	if e != ErrnoSuccess {
		return nil, "", e
	}
	path, e := guestPath(m, ptr, n)
	if e != ErrnoSuccess {
		return nil, "", e
	}
	return d, path, ErrnoSuccess
}

func pathCreateDirectory(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, path, e := s.dirAndPath(m, u32(p[0]), u32(p[1]), u32(p[2]), RightPathCreateDirectory)
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(d.dir.mkdir(path))
}

func pathFilestatGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, path, e := s.dirAndPath(m, u32(p[0]), u32(p[2]), u32(p[3]), RightPathFilestatGet)
	if e != ErrnoSuccess {
		return e
	}
	b, ok := m.slice(u32(p[4]), filestatSize)
	if !ok {
		return ErrnoFault
	}
	st, err := d.dir.stat(path, u32(p[1])&lookupSymlinkFollow != 0)
	if err != nil {
		return ErrnoOf(err)
	}
	st.encode(b)
	return ErrnoSuccess
}

func pathFilestatSetTimes(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, path, e := s.dirAndPath(m, u32(p[0]), u32(p[2]), u32(p[3]), RightPathFilestatSetTimes)
	if e != ErrnoSuccess {
		return e
	}
	atime, mtime, e := s.timesOf(p[4], p[5], u32(p[6]))
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(d.dir.setTimes(path, u32(p[1])&lookupSymlinkFollow != 0, atime, mtime))
}

// pathLink: following a symlink source is not offered (EINVAL), as in
// Wasmtime; linkat without AT_SYMLINK_FOLLOW links the symlink itself.
func pathLink(_ context.Context, s *System, m memory, p []uint64) Errno {
	old, oldPath, e := s.dirAndPath(m, u32(p[0]), u32(p[2]), u32(p[3]), RightPathLinkSource)
	if e != ErrnoSuccess {
		return e
	}
	nd, newPath, e := s.dirAndPath(m, u32(p[4]), u32(p[5]), u32(p[6]), RightPathLinkTarget)
	if e != ErrnoSuccess {
		return e
	}
	if u32(p[1])&lookupSymlinkFollow != 0 {
		return ErrnoInval
	}
	return ErrnoOf(old.dir.link(oldPath, nd.dir, newPath))
}

func pathOpen(_ context.Context, s *System, m memory, p []uint64) Errno {
	dirfd, lookup, oflags := u32(p[0]), u32(p[1]), u32(p[4])
	base, fdflags := p[5], u32(p[7])
	need := RightPathOpen
	if oflags&oflagsCreat != 0 {
		need |= RightPathCreateFile
	}
	if oflags&oflagsTrunc != 0 {
		need |= RightPathFilestatSetSize
	}
	parent, path, e := s.dirAndPath(m, dirfd, u32(p[2]), u32(p[3]), need)
	if e != ErrnoSuccess {
		return e
	}
	if oflags&^oflagsAll != 0 || fdflags&^fdflagsAll != 0 {
		return ErrnoInval
	}
	// The requested rights choose the open mode (read, write or both) and
	// nothing else: a new descriptor holds every right its kind and mode
	// allow, within what the directory hands down. Wasmtime ignores the
	// request the same way, and Go relies on it (it opens directories
	// with file rights minus PATH_FILESTAT_SET_SIZE, then creates files
	// with O_TRUNC through them). Only fd_fdstat_set_rights narrows.
	req := openRequest{
		read:       base&(RightFdRead|RightFdReaddir) != 0,
		write:      base&writeRights != 0,
		create:     oflags&oflagsCreat != 0,
		excl:       oflags&oflagsExcl != 0,
		trunc:      oflags&oflagsTrunc != 0,
		isDir:      oflags&oflagsDirectory != 0,
		appendMode: fdflags&fdflagsAppend != 0,
		syncMode:   fdflags&(fdflagsSync|fdflagsDsync|fdflagsRsync) != 0,
		follow:     lookup&lookupSymlinkFollow != 0,
	}
	if req.trunc || req.appendMode && base&RightFdWrite != 0 {
		req.write = true // O_TRUNC needs a writable open on every host
	}
	if !req.read && !req.write {
		req.read = true // a stat-only open still needs some mode
	}
	if req.isDir {
		// O_DIRECTORY: write is dropped, not refused, so the open fails
		// only if the path is not a directory.
		req.read, req.write = true, false
	}
	file, dir, err := parent.dir.open(path, req)
	if err != nil {
		return ErrnoOf(err)
	}
	d := &descriptor{file: file, dir: dir, flags: uint16(fdflags), rightsInheriting: parent.rightsInheriting}
	if dir != nil {
		if req.write {
			dir.close()
			return ErrnoIsdir
		}
		d.filetype = filetypeDirectory
		d.rightsBase = dirRights & parent.rightsInheriting
	} else {
		st, err := file.stat()
		if err != nil {
			file.Close()
			return ErrnoOf(err)
		}
		d.filetype = st.filetype
		mode := fileRights
		if !req.read {
			mode &^= RightFdRead
		}
		if !req.write {
			mode &^= writeRights | RightFdFilestatSetSize
		}
		d.rightsBase = mode & parent.rightsInheriting
	}
	fd, e := s.allocateFD()
	if e == ErrnoSuccess && !m.putU32(u32(p[8]), fd) {
		e = ErrnoFault
	}
	if e != ErrnoSuccess {
		d.close()
		return e
	}
	s.fds[fd] = d
	return ErrnoSuccess
}

// pathReadlink copies as much of the link's target as fits, truncating
// silently (readlink(2) semantics, which Go's os.Readlink relies on: it
// retries with a bigger buffer when the result fills it).
func pathReadlink(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, path, e := s.dirAndPath(m, u32(p[0]), u32(p[1]), u32(p[2]), RightPathReadlink)
	if e != ErrnoSuccess {
		return e
	}
	buf, ok := m.slice(u32(p[3]), u32(p[4]))
	if !ok {
		return ErrnoFault
	}
	target, err := d.dir.readlink(path)
	if err != nil {
		return ErrnoOf(err)
	}
	n := copy(buf, target)
	if !m.putU32(u32(p[5]), uint32(n)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func pathRemoveDirectory(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, path, e := s.dirAndPath(m, u32(p[0]), u32(p[1]), u32(p[2]), RightPathRemoveDirectory)
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(d.dir.rmdir(path))
}

func pathRename(_ context.Context, s *System, m memory, p []uint64) Errno {
	old, oldPath, e := s.dirAndPath(m, u32(p[0]), u32(p[1]), u32(p[2]), RightPathRenameSource)
	if e != ErrnoSuccess {
		return e
	}
	nd, newPath, e := s.dirAndPath(m, u32(p[3]), u32(p[4]), u32(p[5]), RightPathRenameTarget)
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(old.dir.rename(oldPath, nd.dir, newPath))
}

func pathSymlink(_ context.Context, s *System, m memory, p []uint64) Errno {
	target, e := guestPath(m, u32(p[0]), u32(p[1]))
	if e != ErrnoSuccess {
		return e
	}
	d, path, e := s.dirAndPath(m, u32(p[2]), u32(p[3]), u32(p[4]), RightPathSymlink)
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(d.dir.symlink(target, path))
}

func pathUnlinkFile(_ context.Context, s *System, m memory, p []uint64) Errno {
	d, path, e := s.dirAndPath(m, u32(p[0]), u32(p[1]), u32(p[2]), RightPathUnlinkFile)
	if e != ErrnoSuccess {
		return e
	}
	return ErrnoOf(d.dir.unlink(path))
}
