//go:build !(linux || darwin) && !plan9

package wasi

import "syscall"

// hostErrnoTable is empty where syscall's errno set differs; ErrnoOf falls
// back to the portable io/fs sentinels there.
var hostErrnoTable []struct {
	host syscall.Errno
	wasi Errno
}
