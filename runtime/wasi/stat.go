package wasi

import (
	"io/fs"
	"time"
)

// filetypeOf maps a Go file mode to a preview1 filetype. Named pipes have
// no preview1 type and are "unknown", as Wasmtime reports them.
func filetypeOf(m fs.FileMode) uint8 {
	switch {
	case m.IsRegular():
		return filetypeRegularFile
	case m.IsDir():
		return filetypeDirectory
	case m&fs.ModeSymlink != 0:
		return filetypeSymbolicLink
	case m&fs.ModeDevice != 0 && m&fs.ModeCharDevice != 0:
		return filetypeCharacterDevice
	case m&fs.ModeDevice != 0:
		return filetypeBlockDevice
	case m&fs.ModeSocket != 0:
		return filetypeSocketStream
	}
	return filetypeUnknown
}

// filestatOf converts a FileInfo; hostStat (per OS) fills the fields only
// the host's stat record has (device, inode, link count, atime, ctime).
func filestatOf(fi fs.FileInfo) filestat {
	st := filestat{
		filetype: filetypeOf(fi.Mode()),
		nlink:    1,
		size:     uint64(max(fi.Size(), 0)),
		mtim:     unixNano(fi.ModTime()),
	}
	st.atim, st.ctim = st.mtim, st.mtim
	hostStat(fi, &st)
	return st
}

func unixNano(t time.Time) uint64 {
	if t.IsZero() || t.Before(time.Unix(0, 0)) {
		return 0
	}
	return uint64(t.UnixNano())
}
