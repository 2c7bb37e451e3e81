package wasi

// Plan 9 reports errors as strings (syscall.ErrorString), not numbers;
// ErrnoOf relies on the portable io/fs sentinels there.
func hostErrno(error) (Errno, bool) { return 0, false }
