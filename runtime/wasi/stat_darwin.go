package wasi

import (
	"io/fs"
	"syscall"
)

func hostStat(fi fs.FileInfo, st *filestat) {
	sys, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	st.dev = uint64(sys.Dev)
	st.ino = uint64(sys.Ino)
	st.nlink = uint64(sys.Nlink)
	st.atim = nonNegative(sys.Atimespec.Nano())
	st.mtim = nonNegative(sys.Mtimespec.Nano())
	st.ctim = nonNegative(sys.Ctimespec.Nano())
}

func nonNegative(ns int64) uint64 { return uint64(max(ns, 0)) }
