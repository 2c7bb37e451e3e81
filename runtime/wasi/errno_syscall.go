//go:build !plan9

package wasi

import (
	"errors"
	"syscall"
)

// hostErrnos maps host syscall errors to WASI errnos. It is built from
// hostErrnoTable (one row per host errno, per platform file) at init.
var hostErrnos = func() map[syscall.Errno]Errno {
	m := make(map[syscall.Errno]Errno, len(hostErrnoTable))
	for _, row := range hostErrnoTable {
		if _, dup := m[row.host]; !dup { // EOPNOTSUPP==ENOTSUP on Linux: first row wins
			m[row.host] = row.wasi
		}
	}
	return m
}()

// hostErrno finds a host syscall.Errno in err's chain: mapped exactly by
// the table, EIO for one the table does not know.
func hostErrno(err error) (Errno, bool) {
	var se syscall.Errno
	if !errors.As(err, &se) {
		return 0, false
	}
	if w, ok := hostErrnos[se]; ok {
		return w, true
	}
	return ErrnoIo, true
}
